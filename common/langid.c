/* placeholder */ typedef int izde_placeholder_langid_t;
