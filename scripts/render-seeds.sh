#!/usr/bin/env bash
# Renders the shared seed plans (../shared/seeds, never committed) to .docx, text .pdf and scanned .pdf
# in a scratch folder (default /tmp/cchc-seed-renderings) for reader checks and benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/cchc-seed-renderings}
mkdir -p "$out"
for seed in ../shared/seeds/*.txt; do
  name=$(basename "$seed" .txt)
  dotnet run scripts/make-fixtures.cs --docx "$seed" "$out/$name.docx" 2>/dev/null
  prof=$(mktemp -d)
  soffice -env:UserInstallation=file://"$prof" --headless --convert-to pdf --outdir "$out" "$out/$name.docx" >/dev/null 2>&1
  rm -rf "$prof"
  if [ "${SCANS:-1}" = 1 ]; then
    tmp=$(mktemp -d)
    pdftoppm -r 200 -gray -png "$out/$name.pdf" "$tmp/p"
    i=0
    for png in $(ls "$tmp"/p-*.png | sort -V); do
      i=$((i+1)); angle=$([ $((i % 2)) = 0 ] && echo -0.8 || echo 1.1)
      convert -seed 7 "$png" -background white -rotate "$angle" +repage -attenuate 0.4 +noise Gaussian -blur 0x0.4 -depth 8 -quality 60 "$tmp/s-$(printf %03d $i).jpg"
    done
    dotnet run scripts/make-fixtures.cs --jpeg-pdf "$out/$name.scan.pdf" 200 $(ls "$tmp"/s-*.jpg | sort) 2>/dev/null
    rm -rf "$tmp"
  fi
done
ls -la "$out"
