/* placeholder */ typedef int izde_placeholder_index_t;
