/* placeholder */ typedef int izde_placeholder_walk_t;
