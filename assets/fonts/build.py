#!/usr/bin/python3
"""Build qikan's embedded default faces from Debian's Noto fonts.

Maintainers only: CI and users use the committed TTFs and never need Python.

    apt-get install fonts-noto-cjk fonts-noto-core fonts-noto-mono unicode-data python3-fonttools
    assets/fonts/build.sh            # or: /usr/bin/python3 assets/fonts/build.py

Faces (assets/fonts/):

    NotoSerifCJKsc-Regular-qikan.ttf    body text (Song/Ming), the CJK character set
    NotoSansCJKsc-Bold-qikan.ttf        titles (Hei), the same character set
    NotoSansMonoCJKsc-Regular-qikan.ttf code (half-width Latin, common CJK)
    NotoSerif-Regular-qikan.ttf         body complement: Latin, IPA, Greek, Cyrillic
    NotoSans-Bold-qikan.ttf             heading complement: the same in bold sans
    NotoSansMono-Regular-qikan.ttf      code complement: the same in monospace
    NotoSansSymbols2-Regular-qikan.ttf  symbols complement: arrows, dingbats, symbols
    NotoSansMath-Regular-qikan.ttf      symbols complement: the rest of the arrows

The CJK faces are the Simplified Chinese members of the Noto CJK .ttc
collections, subset to the documented character set (charset_parts()), with
their CFF (cubic) outlines converted to TrueType quadratic outlines
(glyf/loca, cu2qu, max error 1 font unit), hinting dropped.  They keep the
GSUB features locl (the Traditional Chinese, Hong Kong, Japanese and Korean
glyph forms of every kept character: qikan reaches them per language),
vert/vrt2 (vertical forms), fwid/hwid/pwid, and the GPOS features
halt/vhal/palt/vpal/kern/vkrn (punctuation and proportional spacing, used by
reading systems).  The complements are subset to the characters of their
blocks that the CJK faces do not have: they are later links of the same
fallback chain.

Running it twice on the same inputs gives byte-identical files (fixed
timestamps, no randomness); it prints the character set, the glyph counts,
sizes and SHA-256 of each file.
"""

import bz2
import collections
import glob
import hashlib
import io
import os
import struct
import sys
import zlib
from multiprocessing import Pool

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NOTO_CJK = "/usr/share/fonts/opentype/noto"
NOTO = "/usr/share/fonts/truetype/noto"
UNIHAN = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"

# Fixed timestamp for head.created/modified: 2024-01-01T00:00:00Z in seconds
# since 1904-01-01 (the TrueType epoch).
TIMESTAMP = 3786825600

MAX_ERR = 1.0  # cu2qu approximation error, font units (UPM 1000)

CJK_FEATURES = ["locl", "vert", "vrt2", "fwid", "hwid", "pwid",
                "halt", "vhal", "palt", "vpal", "kern", "vkrn"]


def rng(a, b):
    return set(range(a, b + 1))


def unihan(field):
    """Code points that have a value for the Unihan field."""
    out = set()
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, key, _ = line.rstrip("\n").split("\t", 2)
            if key == field:
                out.add(int(cp[2:], 16))
    return out


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
    """The documented character set of the CJK faces, by source."""
    p = collections.OrderedDict()
    p["通用规范汉字表 (Unihan kTGH)"] = unihan("kTGH")
    p["Big5 (Unihan kBigFive)"] = unihan("kBigFive") | decode_double_byte("big5", range(0xA1, 0xA4), range(0x40, 0xFF))
    p["JIS X 0208 (kJis0) + rows 1-8"] = unihan("kJis0") | decode_double_byte("euc_jp", range(0xA1, 0xA9))
    p["JIS X 0213 (kJIS0213)"] = unihan("kJIS0213")
    p["KS X 1001 hanja (kKSC0) + symbols"] = unihan("kKSC0") | decode_double_byte("euc_kr", range(0xA1, 0xAD))
    p["HKSCS (kHKSCS)"] = unihan("kHKSCS")
    p["GB 2312 (all 94x94)"] = decode_double_byte("gb2312", range(0xA1, 0xF8))
    p["CJK Unified Ideographs"] = rng(0x4E00, 0x9FFF)
    p["CJK Extension A"] = rng(0x3400, 0x4DBF)
    p["CJK Compatibility Ideographs"] = rng(0xF900, 0xFAFF)
    p["Hangul syllables, compatibility jamo"] = rng(0xAC00, 0xD7A3) | rng(0x3130, 0x318F)
    p["Kana, bopomofo, CJK symbols and punctuation"] = (
        rng(0x3000, 0x303F) | rng(0x3040, 0x30FF) | rng(0x31F0, 0x31FF) | rng(0x3100, 0x312F)
        | rng(0x31A0, 0x31BF) | rng(0x3190, 0x319F) | rng(0x31C0, 0x31EF))
    p["Enclosed CJK, CJK compatibility, radicals"] = (
        rng(0x3200, 0x33FF) | rng(0x2E80, 0x2FDF) | rng(0x2FF0, 0x2FFF)
        | rng(0x1F100, 0x1F2FF))
    p["Vertical, compatibility, small and full-width forms"] = (
        rng(0xFE10, 0xFE1F) | rng(0xFE30, 0xFE6F) | rng(0xFF00, 0xFFEF))
    p["Latin-1, Latin Extended-A/B, IPA, modifiers, Latin Extended Additional"] = (
        rng(0x20, 0x7E) | rng(0xA0, 0x2FF) | rng(0x1E00, 0x1EFF))
    p["Combining diacritics"] = rng(0x300, 0x36F)
    p["Greek, Cyrillic"] = rng(0x370, 0x3FF) | rng(0x400, 0x52F) | rng(0x1F00, 0x1FFF)
    p["Punctuation, super/subscripts, currency, letterlike, number forms"] = rng(0x2000, 0x218F)
    p["Arrows, maths, technical, enclosed alphanumerics, boxes, shapes"] = rng(0x2190, 0x25FF)
    p["Symbols, dingbats (✓ ★), supplemental arrows and punctuation"] = (
        rng(0x2600, 0x27BF) | rng(0x27F0, 0x2BFF) | rng(0x2E00, 0x2E7F))
    extra = set()
    files = sorted(glob.glob(os.path.join(ROOT, "testdata", "**", "*.md"), recursive=True)
                   + glob.glob(os.path.join(ROOT, "testdata", "**", "*.yaml"), recursive=True))
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            extra.update(ord(c) for c in f.read() if ord(c) >= 0x20)
    base = set().union(*p.values())
    p["testdata/**/*.md, *.yaml (%d files)" % len(files)] = extra
    new = sorted(extra - base)
    if new:
        print("testdata characters outside the documented sets (%d): %s"
              % (len(new), "".join(chr(c) for c in new)))
    return p


# The common repertoire: the character sets of the faces qikan embedded
# before the full coverage (GB 2312, Big5 level 1, JIS X 0208 level 1, KS X
# 1001 Hangul, the common punctuation and symbols) plus the sample issues.
# Their glyphs, with every glyph the kept GSUB features substitute for them
# (regional and vertical forms), come first in the glyph order and are
# stored as they are; the outlines of all other glyphs are stored
# compressed beside the font (split_rare), so an issue written in common
# characters decompresses nothing.
def common_parts(parts):
    out = set()
    for k in ["GB 2312 (all 94x94)", "Kana, bopomofo, CJK symbols and punctuation",
              "Vertical, compatibility, small and full-width forms",
              "Latin-1, Latin Extended-A/B, IPA, modifiers, Latin Extended Additional",
              "Greek, Cyrillic", "Punctuation, super/subscripts, currency, letterlike, number forms",
              "Arrows, maths, technical, enclosed alphanumerics, boxes, shapes"]:
        out |= parts[k]
    out |= decode_double_byte("big5", range(0xA1, 0xC7), range(0x40, 0xFF))
    out |= decode_double_byte("euc_jp", list(range(0xA1, 0xA9)) + list(range(0xB0, 0xD0)))
    out |= decode_double_byte("euc_kr", range(0xB0, 0xC9)) | rng(0x3130, 0x318F)
    out |= [v for k, v in parts.items() if k.startswith("testdata/")][0]
    return out


RARE_CHUNK = 64  # glyphs per compressed chunk of rare outlines


def substitution_closure(font, glyphs, features):
    """glyphs plus every glyph the single substitutions of the GSUB
    features lead to."""
    maps = []
    if "GSUB" in font:
        table = font["GSUB"].table
        lookups = set()
        for rec in table.FeatureList.FeatureRecord:
            if rec.FeatureTag in features:
                lookups.update(rec.Feature.LookupListIndex)
        for i in sorted(lookups):
            for st in table.LookupList.Lookup[i].SubTable:
                if st.__class__.__name__ == "ExtensionSubst":
                    st = st.ExtSubTable
                if hasattr(st, "mapping"):
                    maps.append(st.mapping)
    out = set(glyphs)
    todo = list(out)
    while todo:
        g = todo.pop()
        for m in maps:
            v = m.get(g)
            if v is not None and v not in out:
                out.add(v)
                todo.append(v)
    return out


def is_han_or_hangul(c):
    return (0x3400 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF or 0xAC00 <= c <= 0xD7AF
            or c >= 0x20000)


def split_rare(font, common):
    """Reorder the glyphs (common ones first) and cut the outlines of the
    rest out of glyf: returns the font file and the rare-outline file."""
    for tag in font.keys():
        font[tag]  # decompile every table under the old glyph order
    cmap = font.getBestCmap()
    order = font.getGlyphOrder()
    # Common characters with their vertical and width forms; the regional
    # (locl) forms only of the punctuation and symbols: a Traditional
    # Chinese or Japanese issue decompresses the Han forms it uses.
    vertical = ["vert", "vrt2", "fwid", "hwid", "pwid"]
    keep = substitution_closure(font, {".notdef"} | {cmap[c] for c in common if c in cmap}, vertical)
    keep = substitution_closure(font, keep | substitution_closure(
        font, {cmap[c] for c in common if c in cmap and not is_han_or_hangul(c)}, vertical + ["locl"]), vertical)
    first = [g for g in order if g in keep]
    new_order = first + [g for g in order if g not in keep]
    glyf = font["glyf"]
    glyphs = {name: glyf[name] for name in order}
    font.setGlyphOrder(new_order)
    glyf.glyphOrder = new_order
    glyf.glyphs = glyphs
    resort_layout(font)
    if hasattr(glyf, "_reverseGlyphOrder"):
        del glyf._reverseGlyphOrder
    buf = io.BytesIO()
    font.save(buf)
    tables = read_sfnt(buf.getvalue())
    long_loca = struct.unpack(">h", tables["head"][50:52])[0] == 1
    loca = read_loca(tables["loca"], long_loca)
    n, ncommon = len(new_order), len(first)
    data = tables["glyf"]
    outlines = [data[loca[g]:loca[g + 1]] for g in range(ncommon, n)]
    tables["glyf"] = data[:loca[ncommon]]
    end = loca[ncommon]
    loca = loca[:ncommon + 1] + [end] * (n - ncommon)
    tables["loca"] = b"".join(struct.pack(">I" if long_loca else ">H", o if long_loca else o // 2) for o in loca)
    return write_sfnt(tables), rare_file(ncommon, outlines), ncommon


def resort_layout(font):
    """Put the GPOS arrays that run parallel to a coverage table back in
    glyph ID order after the glyphs are reordered (fontTools 4.38 sorts
    the coverage when it writes it, but not the arrays beside it). GSUB
    holds single substitutions only, kept as mappings."""
    gid = font.getGlyphID

    def by_glyph(glyphs, *arrays):
        rows = sorted(zip(glyphs, *arrays), key=lambda row: gid(row[0]))
        return [list(col) for col in zip(*rows)] if rows else [[] for _ in range(1 + len(arrays))]

    if "GPOS" not in font:
        return
    for lookup in font["GPOS"].table.LookupList.Lookup:
        for st in lookup.SubTable:
            if st.__class__.__name__ == "ExtensionPos":
                st = st.ExtSubTable
            kind, fmt = st.__class__.__name__, getattr(st, "Format", None)
            if kind == "SinglePos" and fmt == 2:
                st.Coverage.glyphs, st.Value = by_glyph(st.Coverage.glyphs, st.Value)
            elif kind == "PairPos" and fmt == 1:
                st.Coverage.glyphs, st.PairSet = by_glyph(st.Coverage.glyphs, st.PairSet)
                for ps in st.PairSet:
                    ps.PairValueRecord.sort(key=lambda r: gid(r.SecondGlyph))
            elif kind == "MarkBasePos":
                st.MarkCoverage.glyphs, st.MarkArray.MarkRecord = by_glyph(
                    st.MarkCoverage.glyphs, st.MarkArray.MarkRecord)
                st.BaseCoverage.glyphs, st.BaseArray.BaseRecord = by_glyph(
                    st.BaseCoverage.glyphs, st.BaseArray.BaseRecord)
            elif kind in ("SinglePos", "PairPos"):  # one value, or classes
                st.Coverage.glyphs.sort(key=gid)
            else:
                sys.exit("GPOS lookup %s format %s: reordering not supported" % (kind, fmt))


def format12_only(font):
    """Map characters with one format 12 subtable (3, 10) (plus the
    variation sequences of format 14): reordered glyph IDs no longer run
    with the code points, and a format 4 subtable of tens of thousands of
    scattered glyph IDs outgrows its 16-bit length."""
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
    best = font.getBestCmap()
    t = CmapSubtable.newSubtable(12)
    t.platformID, t.platEncID, t.language, t.cmap = 3, 10, 0, dict(best)
    font["cmap"].tables = [x for x in font["cmap"].tables if x.format == 14] + [t]


def rare_file(first, outlines):
    """The rare-outline file: header, chunk directory, zlib chunks.

        "QKRG" u16 version (1) u16 glyphs per chunk u32 first glyph
        u32 glyph count u32 chunk count, then per chunk u32 offset and
        u32 length (from the end of the directory); a chunk decompresses
        to (k+1) u32 offsets (from after them) and k outlines.
    """
    chunks = []
    for i in range(0, len(outlines), RARE_CHUNK):
        part = outlines[i:i + RARE_CHUNK]
        offs, o = [], 0
        for p in part:
            offs.append(o)
            o += len(p)
        offs.append(o)
        raw = struct.pack(">%dI" % len(offs), *offs) + b"".join(part)
        chunks.append(zlib.compress(raw, 9))
    head = b"QKRG" + struct.pack(">HHIII", 1, RARE_CHUNK, first, len(outlines), len(chunks))
    directory, off = b"", 0
    for c in chunks:
        directory += struct.pack(">II", off, len(c))
        off += len(c)
    return head + directory + b"".join(chunks)


def read_sfnt(data):
    num = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(num):
        tag, _, off, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag.decode("latin-1")] = data[off:off + length]
    return tables


def read_loca(data, long_loca):
    if long_loca:
        return list(struct.unpack(">%dI" % (len(data) // 4), data))
    return [2 * o for o in struct.unpack(">%dH" % (len(data) // 2), data)]


def checksum(data):
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(">%dI" % (len(data) // 4), data)) & 0xFFFFFFFF


def write_sfnt(tables):
    """A TrueType file of the tables, sorted by tag, with checksums."""
    tags = sorted(tables)
    num = len(tags)
    es = max(k for k in range(16) if 1 << k <= num)
    head = struct.pack(">IHHHH", 0x00010000, num, 16 << es, es, num * 16 - (16 << es))
    off = 12 + 16 * num
    directory, body = b"", b""
    tables = dict(tables)
    tables["head"] = tables["head"][:8] + b"\0\0\0\0" + tables["head"][12:]
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(">4sIII", tag.encode("latin-1"), checksum(data), off, len(data))
        pad = data + b"\0" * (-len(data) % 4)
        body += pad
        off += len(pad)
    out = bytearray(head + directory + body)
    adjust = (0xB1B0AFBA - checksum(bytes(out))) & 0xFFFFFFFF
    head_off = struct.unpack(">I", directory[16 * tags.index("head") + 8:16 * tags.index("head") + 12])[0]
    out[head_off + 8:head_off + 12] = struct.pack(">I", adjust)
    return bytes(out)


def open_face(path, family):
    coll = TTCollection(path)
    for font in coll.fonts:
        if font["name"].getDebugName(1) == family:
            return font
    sys.exit("%s: no face with family %r" % (path, family))


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
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
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


def subset_font(font, chars, features):
    opts = subset.Options()
    opts.layout_features = features
    opts.hinting = False
    opts.desubroutinize = True
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    opts.name_languages = [0x409]
    opts.drop_tables += ["DSIG", "BASE", "JSTF", "VORG", "gasp"]
    s = subset.Subsetter(opts)
    s.populate(unicodes=sorted(chars))
    s.subset(font)


def save(font, out, common=None):
    """Writes out (and out.rare, the compressed rare outlines, when common
    is given); returns what main prints."""
    head = font["head"]
    head.created = head.modified = TIMESTAMP
    font.recalcTimestamp = False
    if "post" in font:
        post = font["post"]
        post.formatType = 3.0
        post.extraNames = []
        post.mapping = {}
    path = os.path.join(HERE, out)
    rare_size, ncommon = 0, len(font.getGlyphOrder())
    if common is None:
        font.save(path)
    else:
        ttf, rare, ncommon = split_rare(font, common)
        with open(path, "wb") as f:
            f.write(ttf)
        with open(path[:-len(".ttf")] + ".rare", "wb") as f:
            f.write(rare)
        rare_size = len(rare)
    size = os.path.getsize(path)
    mapped = len(font.getBestCmap())
    h = hashlib.sha256()
    for p in (path, path[:-len(".ttf")] + ".rare"):
        if os.path.exists(p) and (common is not None or p == path):
            with open(p, "rb") as f:
                h.update(f.read())
    return out, len(font.getGlyphOrder()), ncommon, mapped, size, rare_size, h.hexdigest()[:16]


def build_cjk(job):
    collection, family, out, chars, common, features = job
    font = open_face(os.path.join(NOTO_CJK, collection), family)
    chars = set(chars) & set(font.getBestCmap())
    subset_font(font, chars, features)
    to_quadratic(font)
    format12_only(font)
    full = os.environ.get("QIKAN_FONTS_KEEP_FULL")  # maintainers: keep the unsplit font
    if full:
        font.save(os.path.join(full, out))
        font = TTFont(os.path.join(full, out))
    return save(font, out, common)


def build_complement(job):
    source, out, chars, before = job
    have = set()
    for name in before:  # the faces earlier in the fallback chain
        have |= set(TTFont(os.path.join(HERE, name), lazy=True).getBestCmap())
    font = TTFont(os.path.join(NOTO, source))
    want = (set(chars) & set(font.getBestCmap())) - have
    subset_font(font, want, ["kern", "mark", "mkmk", "ccmp", "locl"])
    return save(font, out)


# Character lists for the coverage test (export/coverage_test.go): every
# character of each standard, one file per set, so the test needs neither
# Python nor unicode-data.
COVERAGE = os.path.join(ROOT, "export", "testdata", "coverage")


def write_coverage_lists(parts):
    os.makedirs(COVERAGE, exist_ok=True)
    lists = {
        "tgh.txt": unihan("kTGH"),
        "big5.txt": unihan("kBigFive"),
        "jis.txt": unihan("kJis0") | unihan("kJIS0213"),
        "ksc.txt": unihan("kKSC0"),
        "symbols.txt": set(c for c in parts[
            "Latin-1, Latin Extended-A/B, IPA, modifiers, Latin Extended Additional"] if c > 0x20)
        | rng(0x2010, 0x2027) | rng(0x2030, 0x205E) | rng(0x2190, 0x21FF) | rng(0x2460, 0x24FF)
        | {0x2713, 0x2714, 0x2605, 0x2606, 0x207F} | (rng(0x391, 0x3A9) - {0x3A2}) | rng(0x3B1, 0x3C9)
        | rng(0x410, 0x44F),
    }
    for name, chars in lists.items():
        with open(os.path.join(COVERAGE, name), "w", encoding="utf-8") as f:
            text = "".join(chr(c) for c in sorted(chars) if not 0xD800 <= c < 0xE000)
            for i in range(0, len(text), 64):
                f.write(text[i:i + 64] + "\n")


def main():
    parts = charset_parts()
    write_coverage_lists(parts)
    chars = set().union(*parts.values())
    print("character set (code points requested; each face keeps those its source has):")
    for k, v in parts.items():
        print("  %-72s %6d" % (k, len(v)))
    print("  %-72s %6d" % ("union", len(chars)))
    common = sorted(common_parts(parts))
    cjk_jobs = [
        ("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "NotoSerifCJKsc-Regular-qikan.ttf", sorted(chars), common,
         CJK_FEATURES),
        ("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", "NotoSansCJKsc-Bold-qikan.ttf", sorted(chars), common,
         CJK_FEATURES),
        # The code face: Latin (half-width), kana and punctuation; Han and
        # Hangul in code fall back to the body face, full-width like the
        # code face's own, so columns still line up.
        ("NotoSansCJK-Regular.ttc", "Noto Sans Mono CJK SC", "NotoSansMonoCJKsc-Regular-qikan.ttf",
         [c for c in common if not is_han_or_hangul(c)], None, [f for f in CJK_FEATURES if f != "locl"]),
    ]
    jobs = int(os.environ.get("JOBS", "2"))
    with Pool(jobs) as pool:
        results = pool.map(build_cjk, cjk_jobs, chunksize=1)
    serif, sans, mono = (j[2] for j in cjk_jobs)
    comp_jobs = [
        ("NotoSerif-Regular.ttf", "NotoSerif-Regular-qikan.ttf", sorted(chars), [serif]),
        ("NotoSans-Bold.ttf", "NotoSans-Bold-qikan.ttf", sorted(chars), [sans]),
        ("NotoSansMono-Regular.ttf", "NotoSansMono-Regular-qikan.ttf", sorted(chars), [mono]),
        # Arrows, dingbats (✔) and symbols neither the CJK nor the Latin
        # faces have, for every role.
        ("NotoSansSymbols2-Regular.ttf", "NotoSansSymbols2-Regular-qikan.ttf", sorted(chars),
         [serif, sans, "NotoSerif-Regular-qikan.ttf", "NotoSans-Bold-qikan.ttf"]),
        ("NotoSansMath-Regular.ttf", "NotoSansMath-Regular-qikan.ttf", sorted(chars),
         [serif, sans, "NotoSerif-Regular-qikan.ttf", "NotoSans-Bold-qikan.ttf", "NotoSansSymbols2-Regular-qikan.ttf"]),
    ]
    results += [build_complement(j) for j in comp_jobs]
    total = 0
    for out, glyphs, ncommon, mapped, size, rare, digest in results:
        total += size + rare
        print("%-38s %6d glyphs (%6d common) %6d characters %9d bytes + %9d rare (%5.1f MB) sha256 %s"
              % (out, glyphs, ncommon, mapped, size, rare, (size + rare) / 1e6, digest))
    print("total %d bytes (%.1f MB)" % (total, total / 1e6))


if __name__ == "__main__":
    main()
