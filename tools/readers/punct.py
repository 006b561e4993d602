#!/usr/bin/python3
"""punct.py measures, in headless Chromium, how wide pairs of CJK punctuation
are set with the fonts an EPUB embeds and no CJK font of the machine:

    tools/readers/punct.py BOOK.epub OUT

For each font of the book it writes OUT/<font>.png (the pairs after 国,
horizontal, then vertical-rl) and prints the advance of each pair in em.
With CSS text-spacing-trim (Chromium's default) a pair such as ”， or 。」
takes 1.5 em when the font carries the halt/vhal (or chws/vchw) features
and 2 em when it does not; qikan's EPUB fonts keep them (fonts.WebSubset).

Chromium runs with a fontconfig that knows one Latin font only (DejaVu Sans,
Debian's fonts-dejavu-core; with no font at all Chromium draws nothing), so
every CJK glyph drawn comes from the book; pairs with a character the font
lacks are left out. Needs Debian's chromium, python3-pil and
python3-fonttools (with python3-brotli for WOFF2 fonts).
"""
import base64
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile

from fontTools.ttLib import TTFont
from PIL import Image

PAIRS = ["”，", "。」", "）。", "，“", "、「", "」，（", "国国"]
SIZE = 50  # px per em


def measure(font, lang, out, workdir):
    cmap = TTFont(io.BytesIO(font)).getBestCmap()
    pairs = [p for p in PAIRS if all(ord(c) in cmap for c in p)]
    for p in PAIRS:
        if p not in pairs:
            print("  %-4s not in the font" % p)
    faces = '@font-face{font-family:q;src:url(data:font/ttf;base64,%s)}' % base64.b64encode(font).decode()
    rows = "".join('<p><span>国%s</span></p>' % p for p in pairs)
    html = ('<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><style>%s'
            'body{font-family:q;font-size:%dpx;margin:0} p{margin:0;height:%dpx;line-height:%dpx;white-space:nowrap}'
            'span{background:#f00;color:#000}'
            '#v{writing-mode:vertical-rl;position:absolute;left:0;top:%dpx;height:%dpx} #v p{width:%dpx;height:auto}'
            '</style></head><body><div>%s</div><div id="v">%s</div></body></html>') % (
        lang, faces, SIZE, 2 * SIZE, 2 * SIZE, len(pairs) * 2 * SIZE, 8 * SIZE, 2 * SIZE, rows, rows)
    page = os.path.join(workdir, "punct.html")
    with open(page, "w") as f:
        f.write(html)
    conf = os.path.join(workdir, "fonts.conf")
    with open(conf, "w") as f:
        f.write('<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>'
                '<selectfont><rejectfont><glob>*/DejaVu*Mono*</glob><glob>*/DejaVuSerif*</glob></rejectfont></selectfont>'
                '<cachedir>%s/cache</cachedir></fontconfig>' % workdir)
    height = len(pairs) * 2 * SIZE
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-first-run", "--virtual-time-budget=10000", "--screenshot=" + out,
                    "--window-size=%d,%d" % (len(pairs) * 2 * SIZE, height + 8 * SIZE), "file://" + page],
                   env={"FONTCONFIG_FILE": conf, "PATH": os.environ["PATH"], "HOME": workdir},
                   capture_output=True, check=True)
    im = Image.open(out).convert("RGB")
    px = im.load()

    def marked(x, y):
        r, g, b = px[x, y]
        return (r > 200 and g < 80 and b < 80) or (r < 100 and g < 100)

    for k, pair in enumerate(pairs):
        y0 = k * 2 * SIZE
        h = max((max(xs) - min(xs) + 1 for xs in
                 ([x for x in range(im.width) if marked(x, y)] for y in range(y0, y0 + 2 * SIZE)) if xs), default=0)
        x0 = im.width - (k + 1) * 2 * SIZE
        v = max((max(ys) - min(ys) + 1 for ys in
                 ([y for y in range(height, im.height) if marked(x, y)] for x in range(max(x0, 0), x0 + 2 * SIZE)) if ys),
                default=0)
        print("  %-4s horizontal %.2f em, vertical %.2f em" % (pair, h / SIZE - 1, v / SIZE - 1))


def main():
    book, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with zipfile.ZipFile(book) as z:
        opf = next(n for n in z.namelist() if n.endswith(".opf"))
        m = re.search(r"<dc:language[^>]*>([^<]+)<", z.read(opf).decode())
        lang = m.group(1) if m else "zh-CN"
        fonts = [n for n in z.namelist() if re.search(r"\.(ttf|otf|woff2?)$", n)]
        with tempfile.TemporaryDirectory() as work:
            for name in fonts:
                print("%s (lang %s)" % (name, lang))
                measure(z.read(name), lang, os.path.join(out, os.path.basename(name) + ".png"), work)


if __name__ == "__main__":
    main()
