#!/usr/bin/env bash
# Rebuilds models/repair.bin exactly as committed:
#   1. renders clean training text to noisy page images and OCRs them with `tesseract -l eng`
#      (60 pages from the training law files, 40 from clean seeds 000+001, 40 heavily degraded
#      pages from both; fixed random seeds),
#   2. runs `cchc train`, which counts the syllable trigram LM over the training laws (every tenth
#      law file held out) + seeds 000,001 + our own plans corpus/samples and corpus/heldout (the plans
#      weighted x5; corpus/blind* stay held out) and learns the OCR token/character channel from the pairs.
# Also renders held-out seeds 002+004 completely for `cchc eval-repair --ocr`.
# Needs ../shared, python3, ImageMagick, tesseract-ocr-eng, fonts-dejavu + fonts-noto-core, hunspell-vi.
# About 5 minutes on 2 cores. Work files go to ${REPAIR_WORK:-.build/repair-work} (never committed).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${CCHC_SHARED:-$here/../shared}"
work="${REPAIR_WORK:-$here/.build/repair-work}"
mkdir -p "$work"
laws=()
i=0
while IFS= read -r f; do
  if (( i % 10 != 0 )); then laws+=("$f"); fi   # same split as RepairCorpus.TrainingLaws
  i=$((i + 1))
done < <(LC_ALL=C ls "$shared"/corpora/vietnamese-laws/*.txt | LC_ALL=C sort)
render="$here/scripts/repair/render_ocr.py"
python3 "$render" "$work/pairs-law" 60 1 "${laws[@]}"
python3 "$render" "$work/pairs-seed" 40 2 "$shared"/seeds/000_*.txt "$shared"/seeds/001_*.txt
python3 "$render" "$work/pairs-heavy" 40 4 --heavy "${laws[@]}" "$shared"/seeds/000_*.txt "$shared"/seeds/001_*.txt
python3 "$render" "$work/eval-ocr" 0 3 "$shared"/seeds/002_*.txt "$shared"/seeds/004_*.txt
cd "$here"
./cchc train --shared "$shared" --seeds 000,001 --plans corpus/samples corpus/heldout --pairs "$work/pairs-law" "$work/pairs-seed" "$work/pairs-heavy" --out models/repair.bin
./cchc eval-repair --shared "$shared" --ocr "$work/eval-ocr" --bench
