#!/bin/bash
# eval_ky_paradigms.sh - Kyrgyz stemmer on the paradigms generated from the
# grammar (tests/stemmers/ky-paradigms-fresh, words it was not written on):
# fails if F1 < 0.88.
exec bash "$(dirname "$0")/eval_stem.sh" ky tests/stemmers/ky-paradigms-fresh 0.88
