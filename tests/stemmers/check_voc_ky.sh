#!/bin/bash
# check_voc_ky.sh - the Kyrgyz golden vocabulary (ctest runs scripts without arguments).
exec bash "$(dirname "$0")/check_voc.sh" ky
