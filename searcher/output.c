/* placeholder */ typedef int izde_placeholder_output_t;
