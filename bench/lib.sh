# lib.sh - what the benchmark scripts share (sourced): tool checks and timing a whole command.

have() { command -v "$1" >/dev/null 2>&1; }

# measure NAME CMD...: runs CMD under /usr/bin/time -v; sets wall, cpu and
# rss_mb, and keeps its output in $work/NAME.{out,err,time} ($work is the
# caller's folder). Returns CMD's status.
measure() {
    local name=$1; shift
    local t0 t1 rc=0
    t0=$(date +%s.%N)
    /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
    t1=$(date +%s.%N)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$work/$name.time")
    rss_mb=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$work/$name.time")
    return $rc
}
