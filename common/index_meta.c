/* placeholder */ typedef int izde_placeholder_index_meta_t;
