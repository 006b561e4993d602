#!/usr/bin/python3
"""Regenerate fonts/testdata/layout.ttf (maintainers only).

    /usr/bin/python3 fonts/testdata/make-layout-fixture.py

Needs python3-fonttools. layout.ttf is serif-mini.ttf (a few characters
of the embedded serif, TrueType outlines) with a few more characters,
unencoded glyphs (regional, vertical, ligature and alternate forms: copies
of other outlines) and OpenType layout written here, in feature-file
syntax, so that every lookup type web subsets keep appears at least once:

  GSUB single (formats 1 and 2, one behind an Extension lookup), multiple,
       alternate, ligature, chained context (calling another lookup),
       reverse chaining; locl for JAN and ZHT only
  GPOS single (formats 1 and 2), pair (glyph pairs and class pairs),
       cursive, mark-to-base, mark-to-ligature, mark-to-mark, chained
       context (calling a single adjustment, as chws does); vertical
       features (vert, vrt2, vhal, vkrn)
  GDEF glyph classes (from the mark and base statements)

plus a feature web subsets drop (salt), whose target glyph must not be kept.
"""
import copy
import os

from fontTools import subset
from fontTools.feaLib.builder import addOpenTypeFeaturesFromString
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.join(HERE, "..", "..", "assets", "fonts")
TEXT = ("中文字体测试国。，、（）“”「」《》：" "\ufe10\ufe11\ufe12\ufe35\ufe36\ufe41\ufe42"
        "abcfiloAVTW `¨")

# New glyphs: name → the glyph whose outline and metrics it copies.
EXTRA = {
    "zhong.jp": "uni6587",   # locl JAN of 中
    "guo.tw": "uni5B57",     # locl ZHT of 国
    "f_i": "uni4F53",        # liga f i
    "A.ctx": "V",            # ccmp: A before V
    "ce.alt": "uni8BD5",     # ruby: alternate of 测
    "a.rev": "o",            # rclt: a before o (reverse chaining)
    "ti.salt": "uni6D4B",    # salt (dropped by web subsets)
}

FEATURES = """
languagesystem DFLT dflt;
languagesystem hani dflt;
languagesystem hani JAN;
languagesystem hani ZHT;
languagesystem latn dflt;

@PUNCT_END = [uniFF0C uni3002 uni3001 uniFF09 uni300D quotedblright];
@PUNCT_START = [uniFF08 uni300C quotedblleft];
@ROUND = [o a c];
@STRAIGHT = [l i];

lookup LOCL_JAN useExtension { sub uni4E2D by zhong.jp; } LOCL_JAN;
lookup LOCL_ZHT { sub uni56FD by guo.tw; } LOCL_ZHT;
lookup VERT {
    sub uniFF0C by uniFE10;
    sub uni3001 by uniFE11;
    sub uni3002 by uniFE12;
    sub uniFF08 by uniFE35;
    sub uniFF09 by uniFE36;
    sub uni300C by uniFE41;
    sub uni300D by uniFE42;
} VERT;
lookup CTX_A { sub A by A.ctx; } CTX_A;

feature locl {
    script hani;
    language JAN exclude_dflt; lookup LOCL_JAN;
    language ZHT exclude_dflt; lookup LOCL_ZHT;
} locl;
feature vert { lookup VERT; } vert;
feature vrt2 { lookup VERT; } vrt2;
feature liga { sub f i by f_i; } liga;
feature ccmp {
    sub A' lookup CTX_A V;
    sub W by V V;
} ccmp;
feature ruby { sub uni6D4B from [ce.alt uni8BD5]; } ruby;
feature rclt { rsub a' o by a.rev; } rclt;
feature salt { sub uni6D4B by ti.salt; } salt;

lookup HALF_ADVANCE { pos uniFF0C <0 0 -500 0>; } HALF_ADVANCE;
feature halt {
    pos @PUNCT_END <0 0 -500 0>;
    pos @PUNCT_START <-500 0 -500 0>;
} halt;
feature vhal { pos @PUNCT_END <0 0 0 -500>; } vhal;
feature palt {
    pos quotedblleft <-300 0 -400 0>;
    pos quotedblright <-100 0 -400 0>;
    pos uniFF1A <-250 0 -500 0>;
} palt;
feature chws { pos uniFF0C' lookup HALF_ADVANCE uni300C; } chws;
feature kern {
    pos A V -80;
    pos T o -60;
    pos V A -70;
    pos @ROUND @STRAIGHT -30;
    pos @STRAIGHT @ROUND -20;
} kern;
feature vkrn { pos uni300D uniFF0C <0 0 0 -200>; } vkrn;
feature dist { pos cursive o <anchor 0 300> <anchor 500 300>; } dist;

markClass grave <anchor 150 0> @TOP;
markClass dieresis <anchor 160 0> @TOP2;
feature mark {
    pos base [A V o a] <anchor 300 700> mark @TOP <anchor 320 720> mark @TOP2;
    pos ligature f_i <anchor 150 700> mark @TOP ligComponent <anchor 450 700> mark @TOP;
} mark;
feature mkmk { pos mark grave <anchor 150 300> mark @TOP2; } mkmk;
"""


def main():
    font = TTFont(os.path.join(ASSETS, "NotoSerifCJKsc-Regular-qikan.ttf"))
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    s = subset.Subsetter(opts)
    s.populate(text=TEXT)
    s.subset(font)
    for tag in ("GSUB", "GPOS", "GDEF"):
        if tag in font:
            del font[tag]
    glyf, hmtx = font["glyf"], font["hmtx"]
    order = list(font.getGlyphOrder()) + list(EXTRA)
    for name, src in EXTRA.items():
        glyf.glyphs[name] = copy.deepcopy(glyf[src])
        hmtx.metrics[name] = hmtx.metrics[src]
        if "vmtx" in font:
            font["vmtx"].metrics[name] = font["vmtx"].metrics[src]
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    font["maxp"].numGlyphs = len(order)
    addOpenTypeFeaturesFromString(font, FEATURES)
    font["name"].setName("Qikan Layout Test", 1, 3, 1, 0x409)
    font["name"].setName("Qikan Layout Test", 4, 3, 1, 0x409)
    font["name"].setName("QikanLayoutTest", 6, 3, 1, 0x409)
    font["head"].created = font["head"].modified = 3786825600
    font.recalcTimestamp = False
    font.save(os.path.join(HERE, "layout.ttf"))


main()
