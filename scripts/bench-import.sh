#!/usr/bin/env bash
# Benchmark: wall time of `cchc import` of the five seed plans into a fresh database
# (the CLI is built first and not timed). Prints each run and the median.
# Usage: scripts/bench-import.sh [RUNS] [DIR]   (defaults: 7 runs, ../shared/seeds)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-7}"
dir="${2:-../shared/seeds}"
[ -d "$dir" ] || { echo "bench-import: $dir not found (needs ../shared beside the checkout)" >&2; exit 2; }
./cchc --help >/dev/null   # build once, untimed
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
times=()
for i in $(seq 1 "$runs"); do
  rm -f "$tmp"/bench.db*
  t0=$(date +%s.%N)
  ./cchc --db "$tmp/bench.db" import -q "$dir" >/dev/null
  t1=$(date +%s.%N)
  t=$(echo "$t1 - $t0" | bc -l)
  times+=("$t")
  printf 'run %d: %.3f s\n' "$i" "$t"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
files=$(find "$dir" -type f | wc -l)
printf 'import of %d files (%s), median of %d runs: %.3f s (process start included)\n' "$files" "$dir" "$runs" "$median"
