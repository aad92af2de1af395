#!/usr/bin/env bash
# OCR throughput: `cchc read` of a scanned PDF against bare Tesseract on the same pages (rendered as cchc
# renders them: 300 dpi greyscale PGM), both with 2 processes at a time (OMP_THREAD_LIMIT=1, as cchc runs it).
# Usage: scripts/bench-ocr.sh SCAN.pdf   (default: seed 000 from scripts/render-seeds.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
pdf=${1:-$(ls /tmp/cchc-seed-renderings/000_*.scan.pdf | head -1)}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
./cchc read --quiet "$pdf" >/dev/null # build once
pdftoppm -r 300 -gray "$pdf" "$tmp/p"
export OMP_THREAD_LIMIT=1
t0=$(date +%s.%N)
ls "$tmp"/p-*.pgm | xargs -P 2 -I{} sh -c 'tesseract "{}" stdout -l vie --dpi 300 --psm 3 tsv >/dev/null 2>&1'
t1=$(date +%s.%N)
./cchc read --quiet "$pdf" >/dev/null
t2=$(date +%s.%N)
awk -v p="$pages" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { bare = b - a; ours = c - b;
  printf "%d pages: bare tesseract %.1f s (tesseract only, pages pre-rendered), cchc read %.1f s (render + OCR + layout): %.2fx\n", p, bare, ours, ours / bare }'
