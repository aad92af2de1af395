#!/usr/bin/env bash
# Installs the system packages CchcExtract uses (OCR, PDF tools, renderers) when missing.
# Safe to re-run; does nothing when everything is present.
set -euo pipefail
need=()
command -v tesseract >/dev/null || need+=(tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng)
[ -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ] || need+=(tesseract-ocr-vie)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v magick >/dev/null || dpkg -s imagemagick >/dev/null 2>&1 || need+=(imagemagick)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)   # .doc/.odt/.rtf → .docx (~20 s install)
command -v qpdf >/dev/null || need+=(qpdf)                          # encrypted-PDF test fixture
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
command -v bc >/dev/null || need+=(bc)                              # benchmark scripts
# Repair-model rebuild (scripts/repair/train.sh): Vietnamese syllable list and a Times-like Vietnamese font.
[ -f /usr/share/hunspell/vi_VN.dic ] || need+=(hunspell-vi)
fc-list 2>/dev/null | grep -qi "Noto Serif" || need+=(fonts-noto-core)
# Browser test of `cchc serve` (tests/e2e): Debian's chromium, driven from node by playwright-core.
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v npm >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
dotnet --version >/dev/null
