# langid_eval.sh - language identification accuracy on the dev treebanks (skips without ../shared).
. "$(dirname "$0")/lib.sh"
/usr/bin/python3 "$SRC/scripts/langid/eval_langid.py" --bin "$TOOLS/langid_cli" --min-acc 0.99
