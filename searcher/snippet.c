/* placeholder */ typedef int izde_placeholder_snippet_t;
