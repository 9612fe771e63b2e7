#!/bin/bash
# check_voc_ru.sh - the Russian golden vocabulary (ctest runs scripts without arguments).
exec bash "$(dirname "$0")/check_voc.sh" ru
