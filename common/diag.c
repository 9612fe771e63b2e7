/* placeholder */ typedef int izde_placeholder_diag_t;
