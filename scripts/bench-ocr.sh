#!/usr/bin/env bash
# OCR throughput: `cchc read` of a scanned PDF against bare Tesseract on the same pages (rendered as cchc
# renders them: 300 dpi greyscale PGM), both 2 processes at a time (OMP_THREAD_LIMIT=1, as cchc runs them).
# Prints wall and CPU (user+sys) seconds; on a busy machine the CPU ratio is the steadier figure.
# Usage: scripts/bench-ocr.sh [SCAN.pdf]   (default: seed 000 from scripts/render-seeds.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
pdf=${1:-$(ls /tmp/cchc-seed-renderings/000_*.scan.pdf | head -1)}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
./cchc read --quiet "$pdf" >/dev/null # build once, warm caches
pdftoppm -r 300 -gray "$pdf" "$tmp/p"
export OMP_THREAD_LIMIT=1
TIMEFORMAT='%R %U %S'
bare=$( { time (ls "$tmp"/p-*.pgm | xargs -P 2 -I{} sh -c 'tesseract "{}" stdout -l vie --dpi 300 --psm 3 tsv >/dev/null 2>&1') ; } 2>&1 )
ours=$( { time (./cchc read --quiet "$pdf" >/dev/null) ; } 2>&1 )
echo "$bare $ours" | awk -v p="$pages" '{ bw = $1; bc = $2 + $3; ow = $4; oc = $5 + $6;
  printf "%d pages: bare tesseract %.1f s wall / %.1f s CPU (pages pre-rendered); cchc read %.1f s wall / %.1f s CPU (render + OCR + layout): %.2fx wall, %.2fx CPU\n", p, bw, bc, ow, oc, ow / bw, oc / bc }'
