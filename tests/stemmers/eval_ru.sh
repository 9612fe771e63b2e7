#!/bin/bash
# eval_ru.sh - Russian stemmer quality on the UD GSD dev set: fails if F1 < 0.84
# (Snowball's Russian stemmer scores 0.821 there).
exec bash "$(dirname "$0")/eval_stem.sh" ru ud-ru-gsd-dev.conllu 0.84
