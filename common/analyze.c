/* placeholder */ typedef int izde_placeholder_analyze_t;
