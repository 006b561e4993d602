#!/usr/bin/python3
"""Regenerate the font fixtures of package fonts (maintainers only).

    /usr/bin/python3 fonts/testdata/make-fixtures.py

Needs python3-fonttools and fonts-noto-cjk (Debian). Writes:

  serif-mini.ttf  the embedded serif face (assets/fonts) cut to a few
                  characters: TrueType outlines, like fonts users bring
  sans-mini.ttf   the same from the embedded sans face
  cff-mini.otf    Noto Sans CJK SC Regular cut to a few characters, CFF
                  outlines: must be rejected with a conversion hint
"""
import os

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.join(HERE, "..", "..", "assets", "fonts")
TEXT = "中文字体测试。，、（）“”《》abcABC 123"


def cut(font, out):
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    s = subset.Subsetter(opts)
    s.populate(text=TEXT)
    s.subset(font)
    font["head"].created = font["head"].modified = 3786825600
    font.recalcTimestamp = False
    font.save(os.path.join(HERE, out))


cut(TTFont(os.path.join(ASSETS, "NotoSerifCJKsc-Regular-qikan.ttf")), "serif-mini.ttf")
cut(TTFont(os.path.join(ASSETS, "NotoSansCJKsc-Bold-qikan.ttf")), "sans-mini.ttf")
coll = TTCollection("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
cff = [f for f in coll.fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC"][0]
cut(cff, "cff-mini.otf")
