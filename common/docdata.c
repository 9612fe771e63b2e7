/* placeholder */ typedef int izde_placeholder_docdata_t;
