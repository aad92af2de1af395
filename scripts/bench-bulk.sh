#!/usr/bin/env bash
# Bulk-import check (issue 3): a batch of N mixed files of which 5% are damaged.
#  1. every good file is imported and every damaged one reported (from --report);
#  2. a re-run imports nothing new;
#  3. an import killed (SIGKILL) half-way and then re-run ends with the same records as an
#     uninterrupted import (compared through `cchc export --format json`).
# Usage: scripts/bench-bulk.sh [N] [WORKDIR]   (defaults: 1000, a temp folder)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n="${1:-1000}"
work="${2:-$(mktemp -d)}"
bad=$(( n / 20 )); good=$(( n - bad ))
./cchc --help >/dev/null
rm -rf "$work/batch"; mkdir -p "$work/batch"
# Mixed formats: generated .txt plans plus copies of our Word and text-PDF fixture plan.
office=$(( good / 50 ))
./cchc generate --count $(( good - 2 * office )) --out "$work/batch/plans" >/dev/null
mkdir -p "$work/batch/office" "$work/batch/damaged"
for i in $(seq 1 "$office"); do
  cp corpus/formats/plan-hoa-an.docx "$work/batch/office/plan-$i.docx"
  cp corpus/formats/plan-hoa-an.pdf "$work/batch/office/plan-$i.pdf"
done
for i in $(seq 1 "$bad"); do
  case $(( i % 5 )) in
    0) : > "$work/batch/damaged/empty-$i.txt" ;;
    1) head -c 4096 /dev/urandom > "$work/batch/damaged/binary-$i.txt" ;;
    2) printf 'Danh s\xe1ch \xff\xfe kh\xf4ng ph\xe3i k\xea ho\xe1ch %d\n' "$i" > "$work/batch/damaged/latin-$i.txt" ;;
    3) head -c 1500 corpus/formats/plan-hoa-an.docx > "$work/batch/damaged/truncated-$i.docx" ;;
    4) printf 'Thực đơn tuần %d\nCơm, canh, rau.\n' "$i" > "$work/batch/damaged/not-a-plan-$i.txt" ;;
  esac
done
total=$(find "$work/batch" -type f | wc -l)
echo "batch: $total files ($(( good - 2 * office )) generated .txt plans, $office .docx, $office .pdf, $bad damaged) in $work/batch"

db1="$work/full.db"; rm -f "$db1"*
t0=$(date +%s.%N)
./cchc --db "$db1" import -q --report "$work/report1.json" "$work/batch" || true
t1=$(date +%s.%N)
python3 - "$work/report1.json" "$good" "$bad" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1])); good, bad = int(sys.argv[2]), int(sys.argv[3])
by = {}
for r in rep: by.setdefault(r["status"], []).append(r)
imported = len(by.get("imported", [])); failed = by.get("failed", [])
damaged_failed = sum(1 for r in failed if "/damaged/" in r["file"])
good_failed = [r for r in failed if "/damaged/" not in r["file"]]
print(f"first run: {imported} imported, {len(failed)} failed ({damaged_failed} of {bad} damaged), good files failed: {len(good_failed)}")
for r in good_failed[:5]: print("  good file failed:", r["file"], r["reason"])
assert imported == good and damaged_failed == bad and not good_failed, "not every good file imported / damaged file reported"
assert all(r["reason"] for r in failed), "a failure without a reason"
PY
printf 'first run: %.1f s\n' "$(echo "$t1 - $t0" | bc -l)"

./cchc --db "$db1" import -q --report "$work/report2.json" "$work/batch" || true
python3 - "$work/report2.json" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
new = [r for r in rep if r["status"] in ("imported", "replaced")]
print(f"re-run: {len(new)} imported or replaced, {sum(r['status']=='unchanged' for r in rep)} unchanged")
assert not new, "a re-run imported something"
PY

db2="$work/killed.db"; rm -f "$db2"*
./cchc --db "$db2" import -q "$work/batch" > /dev/null 2>&1 &
pid=$!
half=$(python3 -c "print(max(0.5, ($t1 - $t0) / 2))")
sleep "$half"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
echo "killed after ${half}s"
./cchc --db "$db2" import -q "$work/batch" > /dev/null 2>&1 || true
./cchc --db "$db1" export --format json > "$work/full.json"
./cchc --db "$db2" export --format json > "$work/killed.json"
if cmp -s "$work/full.json" "$work/killed.json"; then
  echo "killed + re-run: same records as the uninterrupted import ($(python3 -c "import json;print(len(json.load(open('$work/killed.json'))))") tasks)"
else
  echo "killed + re-run: records DIFFER from the uninterrupted import" >&2; exit 1
fi
