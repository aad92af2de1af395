#!/usr/bin/env bash
# Regenerates the reader fixtures in corpus/formats from the plan sources there (*.src.txt):
# .docx + .txt + TCVN3 .txt (scripts/make-fixtures.cs), text .pdf (LibreOffice from the .docx),
# scanned .pdf (pages rendered at 200 dpi, rotated ~1°, noise added, wrapped back into a PDF),
# a .png page scan, and the damaged files for error tests.
# Usage: scripts/make-fixtures.sh [NAME…]   (NAME = a source's name without .src.txt; default: all, and the damaged files)
set -euo pipefail
cd "$(dirname "$0")/.."
out=corpus/formats
if [ $# -gt 0 ]; then sources=$(for n in "$@"; do echo "$out/$n.src.txt"; done); else sources=$(ls "$out"/*.src.txt); fi
for src in $sources; do
  name=$(basename "$src" .src.txt)
  dotnet run scripts/make-fixtures.cs "$src" "$out"
  prof=$(mktemp -d)
  soffice -env:UserInstallation=file://"$prof" --headless --convert-to pdf --outdir "$out" "$out/$name.docx" >/dev/null 2>&1
  rm -rf "$prof"
  tmp=$(mktemp -d)
  pdftoppm -r 200 -gray -png "$out/$name.pdf" "$tmp/p"
  i=0
  for png in "$tmp"/p-*.png; do
    i=$((i+1)); angle=$([ $((i % 2)) = 0 ] && echo -0.8 || echo 1.1)
    convert -seed 7 "$png" -background white -rotate "$angle" +repage -attenuate 0.4 +noise Gaussian -blur 0x0.4 -depth 8 -quality 60 "$tmp/s-$i.jpg"
  done
  dotnet run scripts/make-fixtures.cs --jpeg-pdf "$out/$name.scan.pdf" 200 $(ls "$tmp"/s-*.jpg | sort -V)
  [ -f "$tmp/s-3.jpg" ] && cp "$tmp/s-3.jpg" "$out/$name.page3.jpg"
  rm -rf "$tmp"
done
[ $# -gt 0 ] && exit 0
# Damaged files: a truncated .docx, an encrypted PDF, a truncated PDF.
first=$(ls "$out"/*.src.txt | head -1); name=$(basename "$first" .src.txt)
head -c 2000 "$out/$name.docx" > "$out/bad-truncated.docx"
qpdf --encrypt user-secret owner-secret 256 -- "$out/$name.pdf" "$out/bad-encrypted.pdf"
head -c 3000 "$out/$name.pdf" > "$out/bad-truncated.pdf"
ls -la "$out"
