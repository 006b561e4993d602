#!/usr/bin/python3
"""Regenerate the font fixtures of package fonts (maintainers only).

    /usr/bin/python3 fonts/testdata/make-fixtures.py

Needs python3-fonttools and fonts-noto-cjk (Debian). Writes:

  serif-mini.ttf  the embedded serif face (assets/fonts) cut to a few
                  characters: TrueType outlines, like fonts users bring
  sans-mini.ttf   the same from the embedded sans face
  cff-mini.otf    Noto Sans CJK SC Regular cut to a few characters, CFF
                  outlines: must be rejected with a conversion hint
  composite.ttf   a made-up Latin font (drawn here, no third-party data)
                  like most hinted Latin fonts: composite accented glyphs
                  with instructions and USE_MY_METRICS, and a Macintosh
                  Roman cmap subtable beside the Unicode ones
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


def composite_font(out):
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib.tables import ttProgram
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    def rect(x0, y0, x1, y1):
        pen = TTGlyphPen(None)
        pen.moveTo((x0, y0))
        pen.lineTo((x0, y1))
        pen.lineTo((x1, y1))
        pen.lineTo((x1, y0))
        pen.closePath()
        return pen.glyph()

    def composite(base, mark, dx, dy):
        pen = TTGlyphPen(glyphs)
        pen.addComponent(base, (1, 0, 0, 1, 0, 0))
        pen.addComponent(mark, (1, 0, 0, 1, dx, dy))
        g = pen.glyph()
        g.components[0].flags |= 0x200  # USE_MY_METRICS
        g.program = ttProgram.Program()
        g.program.fromBytecode(b"\xb0\x00\x21")  # PUSHB[0] 0, POP
        return g

    glyphs = {
        ".notdef": rect(50, 0, 450, 700),
        "space": TTGlyphPen(None).glyph(),
        "I": rect(80, 0, 220, 700),
        "u": rect(60, 0, 500, 500),
        "circumflex": rect(0, 0, 200, 120),
        "dieresis": rect(0, 0, 250, 80),
        "cedilla": rect(0, -200, 120, 0),
    }
    glyphs["Icircumflex"] = composite("I", "circumflex", 50, 760)
    glyphs["udieresis"] = composite("u", "dieresis", 150, 600)
    glyphs["ccedilla"] = composite("u", "cedilla", 200, 0)
    order = list(glyphs)
    advances = {".notdef": 500, "space": 250, "I": 300, "u": 560, "circumflex": 333,
                "dieresis": 333, "cedilla": 333, "Icircumflex": 300, "udieresis": 560,
                "ccedilla": 560}
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({0x20: "space", 0x49: "I", 0x75: "u", 0x2C6: "circumflex",
                          0xA8: "dieresis", 0xB8: "cedilla", 0xCE: "Icircumflex",
                          0xFC: "udieresis", 0xE7: "ccedilla"})
    fb.setupGlyf(glyphs)
    glyf = fb.font["glyf"]
    metrics = {}
    for name in order:
        g = glyf[name]
        g.recalcBounds(glyf)
        metrics[name] = (advances[name], getattr(g, "xMin", 0))
    fb.setupHorizontalMetrics(metrics)
    fb.setupHorizontalHeader(ascent=900, descent=-250)
    fb.setupNameTable({"familyName": "Qikan Composite Test", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=900, sTypoDescender=-250, usWinAscent=900, usWinDescent=250)
    fb.setupPost()
    mac = CmapSubtable.newSubtable(0)
    mac.platformID, mac.platEncID, mac.language = 1, 0, 0
    # Mac Roman: 0x9F is ü, 0xFC is the cedilla, 0xF6 the circumflex.
    mac.cmap = {0x20: "space", 0x49: "I", 0x75: "u", 0x9F: "udieresis",
                0xFC: "cedilla", 0xF6: "circumflex", 0xAC: "dieresis", 0x8D: "ccedilla"}
    fb.font["cmap"].tables.append(mac)
    fb.font["head"].created = fb.font["head"].modified = 3786825600
    fb.font.recalcTimestamp = False
    fb.save(os.path.join(HERE, out))


composite_font("composite.ttf")
