#!/usr/bin/env bash
# Scale benchmark: generates N synthetic plans (cchc generate), imports them into a fresh store,
# and reports the import rate (plans/s), the database size and query latency p50/p95 per query type
# (cchc bench: in-process, warm-up first). Usage: scripts/bench-scale.sh [N=10000] [WORKDIR=/tmp/cchc-scale-N]
# The work folder (plans + store) is kept for inspection; delete it when done.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n="${1:-10000}"
work="${2:-/tmp/cchc-scale-$n}"
rm -rf "$work"; mkdir -p "$work"
db="$work/scale.db"
./cchc --help >/dev/null   # build once, outside the timings
echo "== generate $n plans into $work/plans"
./cchc generate --count "$n" --out "$work/plans" --seed 42
echo "== import (jobs = $(nproc))"
start=$(date +%s.%N)
./cchc --db "$db" import -q --report "$work/import-report.json" "$work/plans" > "$work/import.log" 2>&1 || { tail -20 "$work/import.log"; exit 1; }
end=$(date +%s.%N)
tail -12 "$work/import.log"
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
secs=$(echo "$end - $start" | bc -l)
bytes=$(stat -c %s "$db")
printf 'import: %d plans in %.1f s = %.0f plans/s\n' "$n" "$secs" "$(echo "$n / $secs" | bc -l)"
printf 'database: %.1f MB (%d bytes); tasks: %s\n' "$(echo "$bytes / 1048576" | bc -l)" "$bytes" "$(sqlite3 "$db" 'SELECT count(*) FROM tasks')"
echo "== query latency"
./cchc --db "$db" bench --warmup 3 --rounds 30
