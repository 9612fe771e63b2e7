/* placeholder */ typedef int izde_placeholder_buf_t;
