#!/usr/bin/env bash
# The main job: install dependencies, build, index corpus-samples/ and search it,
# saying what it does at each step and how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."

step_start=0
step() {
    step_start=$SECONDS
    printf '==> %s\n' "$*"
}
done_step() {
    printf '    done in %d s\n' $((SECONDS - step_start))
}

step "checking dependencies (installs what is missing with apt-get)"
scripts/install-deps.sh
done_step

step "building with CMake into build/ (Release, $(nproc) jobs)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >build-demo.log 2>&1 &&
    cmake --build build -j"$(nproc)" >>build-demo.log 2>&1 ||
    { echo "build failed; the last lines of build-demo.log:" >&2; tail -20 build-demo.log >&2; exit 1; }
rm -f build-demo.log
done_step

db=izde-data/samples.db
step "indexing corpus-samples/ into $db"
mkdir -p izde-data
build/bin/izde-index --db "$db" corpus-samples
done_step

query=${*:-инновациялык ишмердүүлүк}
step "searching: build/bin/izde-search --db $db $query"
# shellcheck disable=SC2086 # the query's words are separate arguments
build/bin/izde-search --db "$db" $query
