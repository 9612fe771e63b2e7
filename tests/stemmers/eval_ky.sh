#!/bin/bash
# eval_ky.sh - Kyrgyz stemmer quality on the UD KTMU set: fails if F1 < 0.78.
exec bash "$(dirname "$0")/eval_stem.sh" ky ud-ky-ktmu-train.conllu 0.78
