#!/usr/bin/python3
"""Build qikan's embedded default faces from Debian's fonts-noto-cjk.

Maintainers only: CI and users use the committed TTFs and never need Python.

    assets/fonts/build.sh            # or: /usr/bin/python3 assets/fonts/build.py

For each face it takes the Simplified Chinese member of the Noto CJK .ttc,
subsets it to the documented character set (see charset()), converts the CFF
(cubic) outlines to TrueType quadratic outlines (glyf/loca, cu2qu, max error
1 font unit), drops hinting and writes a deterministic TrueType file:

    NotoSerifCJKsc-Regular-qikan.ttf  body text (Song/Ming)
    NotoSansCJKsc-Bold-qikan.ttf      titles (Hei)

The character set includes every character of testdata/**/*.md and *.yaml, so
re-run the script after changing the sample issues.  Running it twice on the
same inputs gives byte-identical files.
"""

import glob
import hashlib
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NOTO = "/usr/share/fonts/opentype/noto"

# Fixed timestamp for head.created/modified: 2024-01-01T00:00:00Z in seconds
# since 1904-01-01 (the TrueType epoch).
TIMESTAMP = 3786825600

MAX_ERR = 1.0  # cu2qu approximation error, font units (UPM 1000)

FACES = [
    # (source collection, family name of the face, output, drop from charset)
    ("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "NotoSerifCJKsc-Regular-qikan.ttf", ()),
    ("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", "NotoSansCJKsc-Bold-qikan.ttf", ()),
]


def decode_double_byte(codec, rows, cols=range(0xA1, 0xFF)):
    """All characters a double-byte codec decodes in the given lead rows."""
    out = set()
    for hi in rows:
        for lo in cols:
            try:
                s = bytes([hi, lo]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1:
                out.add(ord(s))
    return out


def charset_parts():
    parts = {}
    # GB 2312: all 94x94 (symbols rows 1-9, Han levels 1 and 2 rows 16-87).
    parts["GB 2312"] = decode_double_byte("gb2312", range(0xA1, 0xF8))
    # Big5 level 1 (frequently used Han, 0xA440-0xC67E) plus the Big5
    # symbol rows 0xA140-0xA3BF (punctuation, bopomofo).
    big5 = set()
    for code in range(0xA140, 0xC67F):
        hi, lo = code >> 8, code & 0xFF
        if not (0x40 <= lo <= 0x7E or 0xA1 <= lo <= 0xFE):
            continue
        if 0xA3C0 <= code < 0xA440:
            continue
        try:
            s = bytes([hi, lo]).decode("big5")
        except UnicodeDecodeError:
            continue
        if len(s) == 1:
            big5.add(ord(s))
    parts["Big5 level 1 + symbols"] = big5
    # JIS X 0208: non-kanji rows 1-8 and level-1 kanji rows 16-47 (EUC-JP).
    parts["JIS X 0208 rows 1-8, level 1 kanji"] = decode_double_byte(
        "euc_jp", list(range(0xA1, 0xA9)) + list(range(0xB0, 0xD0)))
    # KS X 1001 Hangul syllables (rows 16-40, EUC-KR 0xB0-0xC8).
    parts["KS X 1001 Hangul"] = decode_double_byte("euc_kr", range(0xB0, 0xC9))
    rng = lambda a, b: set(range(a, b + 1))
    parts["Basic Latin, Latin-1"] = rng(0x20, 0x7E) | rng(0xA0, 0xFF)
    parts["General Punctuation"] = rng(0x2000, 0x206F)
    parts["CJK Symbols and Punctuation"] = rng(0x3000, 0x303F)
    parts["Kana"] = rng(0x3040, 0x30FF) | rng(0x31F0, 0x31FF)
    parts["Bopomofo"] = rng(0x3100, 0x312F)
    parts["Vertical and CJK compatibility forms"] = rng(0xFE10, 0xFE1F) | rng(0xFE30, 0xFE4F)
    parts["Halfwidth and Fullwidth Forms"] = rng(0xFF01, 0xFFEF)
    parts["Letterlike, arrows, number forms"] = rng(0x2100, 0x21FF) | rng(0x2460, 0x24FF)
    extra = set()
    files = sorted(glob.glob(os.path.join(ROOT, "testdata", "**", "*.md"), recursive=True)
                   + glob.glob(os.path.join(ROOT, "testdata", "**", "*.yaml"), recursive=True))
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            # Supplementary-plane characters (CJK Extension B and later,
            # e.g. U+20BB7) stay out on purpose: the defaults cover the
            # common repertoire; rare characters are what the coverage
            # report (and a user-supplied font) is for.
            extra.update(ord(c) for c in f.read() if 0x20 <= ord(c) <= 0xFFFF)
    base = set().union(*parts.values())
    parts["testdata/**/*.md, *.yaml (%d files)" % len(files)] = extra
    new = sorted(extra - base)
    if new:
        print("testdata characters outside the documented set (%d): %s"
              % (len(new), "".join(chr(c) for c in new)))
    return parts


def open_face(collection, family):
    coll = TTCollection(os.path.join(NOTO, collection))
    for font in coll.fonts:
        if font["name"].getDebugName(1) == family:
            return font
    sys.exit("%s: no face with family %r" % (collection, family))


def to_quadratic(font):
    """Replace the CFF table by glyf/loca with quadratic outlines (after
    fontTools' otf2ttf snippet)."""
    order = font.getGlyphOrder()
    glyphset = font.getGlyphSet()
    glyphs = {}
    for name in order:
        tt = TTGlyphPen(glyphset)
        # CFF contours run counter-clockwise, TrueType clockwise.
        glyphset[name].draw(Cu2QuPen(tt, MAX_ERR, reverse_direction=True))
        glyphs[name] = tt.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    # Left side bearings must equal xMin for TrueType.
    hmtx = font["hmtx"]
    for name, g in glyphs.items():
        adv, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (adv, getattr(g, "xMin", 0))
    if "vmtx" in font:
        # Top side bearing = vertical origin y (ascender line) - yMax; keep
        # the CFF value unless the glyph is empty.
        pass
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def build(collection, family, out, chars):
    font = open_face(collection, family)
    opts = subset.Options()
    opts.layout_features = ["vert", "vrt2"]
    opts.hinting = False
    opts.desubroutinize = True
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    opts.name_languages = [0x409]
    opts.drop_tables += ["DSIG", "BASE", "JSTF", "VORG"]
    s = subset.Subsetter(opts)
    s.populate(unicodes=sorted(chars))
    s.subset(font)
    to_quadratic(font)
    head = font["head"]
    head.created = head.modified = TIMESTAMP
    font.recalcTimestamp = False
    path = os.path.join(HERE, out)
    font.save(path)
    size = os.path.getsize(path)
    mapped = len(font.getBestCmap())
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    return font["maxp"].numGlyphs, mapped, size, digest


def main():
    parts = charset_parts()
    chars = set()
    for v in parts.values():
        chars |= v
    print("character set:")
    for k, v in parts.items():
        print("  %-45s %6d" % (k, len(v)))
    print("  %-45s %6d" % ("union", len(chars)))
    total = 0
    for collection, family, out, _ in FACES:
        glyphs, mapped, size, digest = build(collection, family, out, chars)
        total += size
        print("%s: %d glyphs, %d mapped characters, %d bytes (%.1f MB), sha256 %s"
              % (out, glyphs, mapped, size, size / 1e6, digest))
    print("total %d bytes (%.1f MB)" % (total, total / 1e6))


if __name__ == "__main__":
    main()
