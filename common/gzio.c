/* placeholder */ typedef int izde_placeholder_gzio_t;
