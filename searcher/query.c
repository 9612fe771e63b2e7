/* placeholder */ typedef int izde_placeholder_query_t;
