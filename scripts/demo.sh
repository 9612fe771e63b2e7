#!/usr/bin/env bash
# The main job: install dependencies, build, index corpus-samples/ and search it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null

db=izde-data/samples.db
mkdir -p izde-data
build/bin/izde-index --db "$db" corpus-samples
query=${*:-инновациялык ишмердүүлүк}
echo "\$ build/bin/izde-search --db $db $query"
build/bin/izde-search --db "$db" $query
