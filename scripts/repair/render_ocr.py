#!/usr/bin/env python3
"""Renders clean Vietnamese text to noisy page images and OCRs them with `tesseract -l eng`.

Produces aligned training/eval pairs for the repair stage's OCR channel:
  OUT/pNNN.src.txt  the rendered (wrapped) clean lines
  OUT/pNNN.ocr.txt  what tesseract -l eng read from the image
Nothing here is committed; `cchc train --pairs OUT` learns the confusion tables from it.

Usage: render_ocr.py OUT PAGES SEED [--heavy] FILE [FILE...]
PAGES 0 renders every file completely, in order. --heavy degrades harder (low resolution,
down/up-scaling, eroded or dilated strokes, strong JPEG) like old photocopied scans.
Deterministic for a given SEED and file list (fonts, sizes, blur, JPEG quality, skew drawn from it).
"""
import os, random, subprocess, sys, tempfile, textwrap, unicodedata

# Only fonts with full Vietnamese coverage (fc-list :lang=vi); Liberation lacks many precomposed
# letters and would render them blank, teaching the channel deletions real scans do not have.
FONTS = [
    "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerifDisplay-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]

def lines_of(path):
    with open(path, encoding="utf-8") as f:
        out = []
        for ln in f:
            ln = unicodedata.normalize("NFC", ln.strip())
            if len(ln) < 3 or ln.startswith("|") or ln.startswith("<"):
                continue
            ln = ln.replace("**", "").replace("#", "").strip()
            if ln:
                out.append(ln)
        return out

def main():
    os.environ["OMP_THREAD_LIMIT"] = "1"
    out, pages, seed, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    heavy = "--heavy" in files
    files = [f for f in files if f != "--heavy"]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(seed)
    texts = [(f, lines_of(f)) for f in sorted(files)]
    texts = [(f, l) for f, l in texts if l]
    whole = pages <= 0  # render every file completely, in order
    jobs = []
    if whole:
        for f, ls in texts:
            wrapped = [w for l in ls for w in textwrap.wrap(l, 72)]
            for i in range(0, len(wrapped), 32):
                jobs.append(wrapped[i:i + 32])
    else:
        for _ in range(pages):
            f, ls = rnd.choice(texts)
            start = rnd.randrange(max(1, len(ls) - 40))
            wrapped = [w for l in ls[start:start + 40] for w in textwrap.wrap(l, rnd.randint(60, 80))]
            jobs.append(wrapped[:32])
    for n, page in enumerate(jobs):
        base = os.path.join(out, "p%03d" % n)
        font = rnd.choice(FONTS)
        density = rnd.choice([100, 120, 150, 150, 200])
        point = rnd.choice([10, 11, 12, 12, 13, 14])
        blur = rnd.choice([0, 0, 0.3, 0.5, 0.7, 0.9])
        quality = rnd.choice([25, 40, 60, 80, 95])
        skew = rnd.uniform(-0.8, 0.8)
        noise = rnd.choice([0, 0, 1])
        heavy_draws = None
        if heavy:  # draw order kept as the committed pages were made: density, scale, morph, [shape], quality
            h_density, h_scale = rnd.choice([72, 90, 100, 120]), rnd.choice([50, 60, 70, 80])
            h_morph = rnd.choice(["", "", "Erode", "Dilate"])
            h_shape = rnd.random() if h_morph else 1.0
            heavy_draws = (h_density, h_scale, h_morph, h_shape, rnd.choice([15, 25, 35]))
        psm = rnd.choice(["6", "6", "4"])
        if os.path.exists(base + ".ocr.txt"):
            continue  # resume: every random draw for this page is already made
        # One label per line, stacked: ImageMagick 6 refuses multi-line labels beyond a few lines.
        labels = ["label:" + (l.replace("\\", "\\\\").replace("%", "%%") or " ") for l in page]
        with tempfile.TemporaryDirectory() as tmp:
            img = os.path.join(tmp, "p.jpg")
            cmd = ["convert", "-seed", str(seed * 1000 + n), "-background", "white", "-fill", "black", "-density", str(density),
                   "-font", font, "-pointsize", str(point), *labels,
                   "-gravity", "West", "-append", "+repage", "-bordercolor", "white", "-border", "40", "-rotate", "%.2f" % skew,
                   "-background", "white", "-flatten"]
            if heavy:
                density, scale, morph, shape, quality = heavy_draws
                cmd[cmd.index("-density") + 1] = str(density)
                cmd += ["-resize", "%d%%" % scale, "-resize", "%.1f%%" % (10000.0 / scale)]
                if morph:
                    cmd += ["-morphology", morph, "Square:1"] if shape < 0.3 else ["-morphology", morph, "Disk:0.6"]
            if blur > 0:
                cmd += ["-blur", "0x%.1f" % blur]
            if noise:
                cmd += ["-attenuate", "0.3", "+noise", "Gaussian"]
            cmd += ["-colorspace", "Gray", "-quality", str(quality), img]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            ocr = subprocess.run(["tesseract", img, "stdout", "-l", "eng", "--psm", psm, "--dpi", str(density)],
                                 check=True, capture_output=True, text=True).stdout
        with open(base + ".src.txt", "w", encoding="utf-8") as f:
            f.write("\n".join(page) + "\n")
        with open(base + ".ocr.txt", "w", encoding="utf-8") as f:
            f.write(ocr)
        print(base, font.split("/")[-1], density, point, blur, quality, "%.2f" % skew, flush=True)

if __name__ == "__main__":
    main()
