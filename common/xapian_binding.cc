// placeholder
#include "xapian_binding.h"
