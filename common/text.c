/* placeholder */ typedef int izde_placeholder_text_t;
