#!/usr/bin/env python3
"""Build the sample issue testdata/dangyuanzhiyou-2025-03/ from the raw PDF text.

Usage (from the repository root):

    python3 testdata/tools/build_sample.py [SEED.txt]

The seed is the text extracted from the PDF of 党员之友 2025年第3期 (default
/work/shared/seed/000_f298dd8e9d14375d.txt). It is column-interleaved: a
paragraph that runs from one column or page to the next is cut in two, photo
captions sit in the middle of sentences, and ASCII punctuation is mixed into
Chinese text.

Every article below is described by its front matter and a body recipe that
lists seed lines *in reading order* (so out-of-order column fragments are put
back in sequence by hand), plus headings, figures and a few literal fixes.
The script then

  * joins a paragraph that does not end a sentence with the next one
    (figures that sat between the two halves move after the joined paragraph),
  * strips (下转第N页)/(上接第N页) jump lines,
  * turns ASCII , : ; ? ! ( ) in Chinese context into full-width forms,
  * writes one Markdown file per article, issue.yaml and the list of
    placeholder images for testdata/tools/placeholders.

It fails loudly when a paragraph is left open before a heading or at the end
of an article, or when a literal fix no longer matches, so a change to the
recipe cannot silently produce broken text.
"""

import json
import os
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "testdata", "dangyuanzhiyou-2025-03")
MANIFEST = os.path.join(ROOT, "testdata", "tools", "placeholders", "images.txt")
SEED = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/seed/000_f298dd8e9d14375d.txt"

LINES = [""] + open(SEED, encoding="utf-8").read().split("\n")


def L(n):
    s = LINES[n].strip()
    if not s:
        raise SystemExit(f"seed line {n} is empty")
    return s


# ---------------------------------------------------------------- body ops
# An int is a seed line used as a paragraph; (a, b) a range of seed lines
# (blank lines skipped). The tuples below mark other kinds of blocks.

def R(a, b):
    return [n for n in range(a, b + 1) if LINES[n].strip()]


def H(x):  # heading: seed line number or literal text
    return ("h", x)


def B(n):  # byline / label paragraph that is never joined
    return ("b", n)


def Q(n):  # question of an interview, set in bold
    return ("q", n)


# J joins the next paragraph to the previous one although the previous one
# ends a sentence: the column break fell exactly on a full stop.
J = ("j",)


def T(text):  # literal paragraph (only for text rebuilt from seed lines)
    return ("t", text)


def F(cap, credit=None, shape=None):
    """Figure: cap/credit are seed line numbers or literal strings. A caption
    line may carry its own credit after '□'."""
    return ("f", cap, credit, shape)


# ---------------------------------------------------------------- the issue

ISSUE = {
    "title": "党员之友",
    "subtitle": "组织工作的窗口 党员生活的挚友",
    "issue": "2025年第3期",
    "number": "总第344期",
    # 出版日期: 每月28日 (seed line 198)
    "date": "2025-03-28",
    "language": "zh-CN",
    "issn": "2096-7462",
    "publisher": "《党员之友》杂志社",
    "cover": {
        "image": "images/cover.jpg",
        "caption": "新疆阿克陶县塔尔塔吉克民族乡杏花绽放",
        "credit": "赵登文/摄",
    },
    "highlights": [
        "推动交通运输行业稳步向好 助力区域协调均衡发展",
        "以改革创新精神 推进新疆水利高质量发展",
        "写好区域协调发展“大文章”",
        "绘就区域协同共进新画卷",
        "发挥组织部门职能优势助推区域协调发展",
    ],
    "colophon": [
        ("主管", "中共新疆维吾尔自治区委员会组织部"),
        ("主办", "中共新疆维吾尔自治区委员会组织部"),
        ("出版", "《党员之友》杂志社"),
        ("社长", "田进宝"),
        ("副社长", "王伟(执行主编)"),
        ("编辑部主任", "杨佩佩"),
        ("值班编辑", "齐桂帆"),
        ("美术统筹", "陆海涛"),
        ("版式设计", "王新萍 宋佳 柳高鹤"),
        ("地址", "新疆乌鲁木齐市天山区中湾街388号"),
        ("电话", "(0991)2698306"),
        ("邮编", "830002"),
        ("国内统一连续出版物号", "CN 65-1309/D"),
        ("国际标准连续出版物号", "ISSN 2096-7462"),
        ("投稿邮箱", "xjdyzy@163.com"),
        ("定价", "6.00元"),
        ("出版日期", "每月28日"),
        ("印刷装订", "新疆新华印务有限责任公司"),
    ],
    "print": {"trim": "210x285mm", "bleed": "3mm", "columns": 2},
}

# Each article: slug, section, front matter, body recipe, fixes [(old, new)].
A = []


def art(slug, section, title, page, body, authors=(), subtitle=None, affiliation=None,
        source=None, editor=None, fixes=()):
    A.append(dict(slug=slug, section=section, title=title, page=page, body=body,
                  authors=list(authors), subtitle=subtitle, affiliation=affiliation,
                  source=source, editor=editor, fixes=list(fixes)))


S1 = "卷首语"
S2 = "要闻要论"
S3 = "深入学习贯彻习近平新时代中国特色社会主义思想"
S4 = "统筹区域协调发展"
S5 = "工作交流"
S6 = "援疆天地"
S7 = "一线传真"
S8 = "理论研究"
S9 = "党建论坛"
S10 = "天山先锋"
S11 = "党员心声"
S12 = "文化广角"
S13 = "法律法规"
S14 = "魅力新疆"
S15 = "铸牢中华民族共同体意识"
S16 = "红色印记"
S17 = "随笔感悟"
S18 = "封三·封底"

art("01-juanshouyu", S1, L(31), 1, R(35, 43), authors=["辛组研"], editor="杨佩佩")

art("02-gaoduan-shilun", S2, "高端时论", 4,
    [H("3月6日 " + L(222)), 236, 238, 240, 242, 310, 312, 314,
     H("3月16日 " + L(246)), *R(248, 258)],
    source="摘自《人民日报》", editor="朱振陆")

art("03-zuofeng-jianshe", S2, L(262), 6,
    [264, 266, 268, 270, 272, 286, 288, 290, 292],
    subtitle=L(260), source="摘自《新疆日报》", editor="朱振陆")

art("04-lianghui-jingshen", S2, L(276), 7,
    [278, 280, 282, 284, F(296), 298, 300, 302, 304, 306, 308],
    subtitle=L(274), source="摘自《新疆日报》", editor="朱振陆")

art("05-dangnei-fagui", S2, L(322), 10, R(324, 332),
    subtitle=L(320), source="摘自《新疆日报》", editor="朱振陆")

art("06-quyu-xietiao-xiandaihua", S3, L(338), 11,
    [342, H(344), *R(346, 356), H(358), *R(360, 364), H(366), 368, 370, 374, H(376),
     378, J, *R(380, 388)],
    authors=["张学良", "杨羊"], source="摘自《光明日报》")

art("07-tongchou-quyu-liliang", S3, L(392), 14,
    [H(394), B(396), 398, 400, 402,
     H(404), B(406), 408, 410, 412,
     H(414), B(416), 418, 420, 422,
     H(424), B(426), 428, 430, 432],
    authors=["董燕军", "张鹏程", "丁娟丽", "杜新林", "孙健"], editor="朱振陆")

art("08-jiaotong-yunshu", S4, L(442), 16,
    [F(438, 440, "wide"), 444, H(446), 448, 450, H(452), 454, 456, H(458), 460, 462],
    source="自治区交通运输厅基层党建处供稿", editor="杨佩佩",
    fixes=[("范化党支部和模范机关建设,深人拓展", "范化党支部和模范机关建设,深入拓展")])

art("09-shuili", S4, L(468), 18,
    [472, H("水资源管理体制机制不断健全"), 476, 478, 480, H(482), 484, F(488, 490), 492,
     H(494), 496, 498, 500],
    source="自治区水利厅供稿", editor="陆海涛",
    fixes=[("有力支撑。(自治区水利厅供稿)", "有力支撑。")])

art("10-boertala", S4, L(504), 20,
    [506, H(508), 510, 512, 514, F(516, None, "wide"),
     H("实施“博阿精”区域经济一体化发展战略"), 522, 524,
     H("推进“博温赛”文旅康养产业区域经济一体化联动发展"), 528, 530],
    source="新疆博尔塔拉蒙古自治州党委组织部供稿", editor="齐桂帆")

art("11-silu-mingzhu", S5, L(536), 22,
    [540, H(542), 544, F(548, 560), 550, 552, H(554), 556, 562, 564, H(566), 568],
    authors=["吴振琳"], affiliation="新疆吐鲁番市委组织部", editor="朱振陆",
    # the extracted text has the English word "and" where the print has 和
    fixes=[("结合当地区位优势 and 城镇乡村", "结合当地区位优势和城镇乡村")])

art("12-fangqi-wenxu", S5, "访企问需送服务 助企跑出“加速度”", 24,
    [F(588, 590), 574, 592, 594, 596, 576, 598, 600, 578, 580, 602],
    authors=["韩伟彬"], affiliation="新疆乌鲁木齐市水磨沟区委社会工作部", editor="齐桂帆")

art("13-shequ-shitang", S5, L(606), 25, R(610, 620),
    authors=["严博", "丁义杰", "徐玲玲"], affiliation="新疆克拉玛依市委组织部",
    editor="夏琰祯")

art("14-wenwen-de-xingfu", S5, L(626), 26,
    [F(632, 634), 636, H(638), 640, 642, 644, F(660, None, "tall"), H(662), 664, 646, 666, 648,
     H(650), 652],
    authors=["杜建芸", "刘昕"], affiliation="新疆和田地委组织部", editor="夏珑祯")

art("15-baxiang-rencai", S5, L(668), 28,
    [672, 674, 676, F(680, 681), 683, 685],
    authors=["崔春雷"], affiliation="新疆若羌县委组织部", editor="陆海涛")


def brief(slug, head, body, author=None, source=None, figs=(), fixes=()):
    art(slug, S5, L(head).lstrip("◆"), 29, [body, *figs],
        authors=[author] if author else [], source=source, editor="齐桂帆", fixes=fixes)


brief("16-akesu", 691, 693, "南阳阳")
brief("17-kezhou", 697, 699, "张寅", figs=[F(705, 707, "wide"), F(711, None, "tall")])
brief("18-fukang", 713, 715, "吕建超")
brief("19-yining", 719, 721, "海丽娜")
brief("20-buerjin", 725, 727, "刘小兵", fixes=[("活起来。(刘小兵)", "活起来。")])
brief("21-jiashi", 729, 731, "李铮真", figs=[F(735, 737)],
      fixes=[("高速发展。(李铮真)", "高速发展。")])
brief("22-pishan", 739, 741, "李忠峰")
brief("23-etuokeqianqi", 747, 749, source="摘自《鄂尔多斯日报》", figs=[F(755, 757, "wide")],
      fixes=[("开创新局面。(摘自《鄂尔多斯日报》)", "开创新局面。")])

art("24-suxin-xieshou", S6, L(759), 34,
    [763, H(765), 767, 769,
     # the caption is split around the column break and its tail
     # "务设施" is repeated in the extracted text (lines 773, 777)
     F("江苏省无锡(江阴)援疆工作组与霍城县共同实施城市基础服务设施购置项目。", 779),
     775, 783, H(785), 787, 789, H(791), 793],
    authors=["周泽鑫"], affiliation="新疆霍城县委组织部", editor="齐桂帆")

art("25-zuohuo-qiyan", S7, L(821), 36,
    [823, F(803, 805, "wide"), F(809, 811), F(817, 819, "tall"), F(829, 831, "wide")],
    editor="陆海涛")

art("26-bangyang-liliang", S7, L(833), 38,
    [835, H(837), 839, 841, H(849), 851, 853, H(861), 863, 865, H(873), 881, 883])

art("27-zhengzhi-suzhi", S8, L(885), 40,
    [889, H(891), *R(893, 905), H(907), *R(909, 917), H(919), 921, 923, 925, 927,
     F(931, 933), 935, 937, 939, 941],
    authors=[L(887)], source="摘自《党建研究》", editor="杨佩佩")

art("28-ganbu-duiwu", S9, L(947), 43, R(951, 961),
    authors=["郭孟钊"], affiliation="新疆塔城市委组织部", editor="朱振陆")
art("29-quyu-xietong", S9, L(967), 44, R(971, 983),
    authors=["黄新怀"], affiliation="新疆库尔勒经济技术开发区党工委", editor="夏珑祯")
art("30-ganbu-jiaoyu", S9, L(987), 45, R(991, 1001),
    authors=["刘发平"], affiliation="新疆焉耆县委", editor="陆海涛")
art("31-zuzhi-bumen", S9, L(1007), 46, R(1011, 1021),
    authors=["潘晓斌"], affiliation="新疆疏勒县委组织部", editor="齐桂帆")

# the title block of this page is set vertically (lines 1039-1043); the text
# columns are interleaved and are put back in reading order here
art("32-xiangcun-zhenxing", S10, "奏响乡村振兴新乐章", 47,
    [1027, 1045, 1047, 1049, 1029, 1031, 1051, 1053, 1055, 1033, 1035, 1037, 1057, 1059],
    authors=["蒲巧英"], affiliation="新疆裕民县委组织部", editor="陆海涛")
art("33-zongshuji-zhutuo", S10, L(1065), 48, R(1069, 1087),
    authors=["李森", "崔斯琪"], affiliation="新疆疏附县委组织部", editor="朱振陆")
art("34-tuixiu-butuise", S10, L(1093), 49, [F(1099, 1101, "wide"), *R(1103, 1121)],
    authors=["罗成成"], affiliation="新疆乌鲁木齐市公安局米东分局", editor="夏珑祯")
art("35-xiao-hetao", S10, L(1141), 50,
    [F(1147, 1149), 1125, 1151, 1153, 1127, 1155, 1157, 1129, 1131, 1133, 1135],
    authors=["蔡伟奇"], affiliation="新疆库车市委组织部", editor="齐桂帆")

art("36-lizu-gangwei", S11, L(1159), 51,
    [H(1163), *R(1165, 1171),
     H(1178), *R(1180, 1186),
     H(1198), *R(1200, 1205),
     H("刘雪：助力农业对外开放合作试验区高质量发展"), *R(1209, 1214),
     H(1221), *R(1223, 1229),
     H(1236), *R(1243, 1249)],
    editor="夏珑祯")


def craft(name):
    return F(name, None, "tall" if name in ("飞天", "望宇") else None)


art("37-hangtianqi-mingming", S12, L(1253), 54,
    [1259,
     H(1261), craft("神舟"), 1263,
     H(1265), craft("天舟"), 1267,
     H(1269), craft("梦舟"), 1271,
     H(1273), craft("飞天"), 1277,
     H(1279), craft("望宇"), 1281,
     H(1283), craft("天宫"), 1285, 1307,
     H(1309), craft("天和"), 1311,
     H(1313), craft("问天"), 1315,
     H(1317), craft("梦天"), 1319,
     H(1321), craft("揽月"), 1324,
     H(1326), craft("探索"), 1329],
    source="摘自中国航天科普微信公众号", editor="夏珑祯")

art("38-dangyuan-jiaoyu-guihua", S13, L(1355), 56,
    [1360, Q(1362), 1364, 1366, Q(1368), 1370, 1372, Q(1374), 1376, 1378,
     Q(1380), 1382, 1384, 1386, Q(1388), 1390, Q(1392), 1394, 1396],
    subtitle=(L(1357) + L(1358)).lstrip("—"), source="据新华社", editor="齐桂帆")

art("39-chunhui-aketao", S14, L(1402), 58, [1404, F(1410, 1412, "wide")], editor="陆海涛")

art("40-zhulao-gongtongti", S15, L(1414), 60,
    [1418, H(1420), 1422, 1424, H(1426), 1428, 1430, F(1434), 1436, H(1438), 1440, 1442, 1444],
    authors=["陈佑华", "赵益"], affiliation="新疆喀什地委组织部", editor="朱振陆")

art("41-shiwuda", S16, L(1464), 62,
    [F(1468, 1470, "wide"), 1450, 1452, 1454, 1456, 1458, 1472, 1474, 1460, 1462, 1476, 1478],
    source="摘自《中国共产党简史》", editor="杨佩佩")

art("42-rencai-zhiwu", S17, L(1484), 63, R(1488, 1498),
    authors=["周涛"], affiliation="新疆新源县组织部", editor="韩芳")
art("43-jiaobu-zhangliang", S17, L(1504), 64, R(1508, 1514),
    authors=["木拉迪力·克衣木"], affiliation="新疆库尔勒市阿瓦提乡人民政府", editor="马啸")

# Not in the 目录: the inside back cover and the back cover (page 0: no
# printed page number, so the front matter has no page).
art("44-dangjian-gailun", S18, "《习近平总书记关于党的建设的重要思想概论》出版座谈会在北京召开", 0,
    [*R(1524, 1530), B(L(1538) + L(1539))],
    source="摘自《人民日报》", editor="陆海涛")
art("45-damei-xinjiang", S18, L(1543), 0, [F("", 1547, "wide"), 1545])

# ---------------------------------------------------------------- text rules

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
CJKP = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·"
CJK = f"[{HAN}{CJKP}]"
FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}


def normalize(s):
    """ASCII punctuation in Chinese context → full width."""
    s = s.replace("(下转第9页)", "").replace("(上接第4页)", "")
    s = re.sub(r"[（(][上下][接转]第\d+页[)）]", "", s)

    # parentheses: full width when the content or the left neighbour is CJK
    def paren(m):
        inner = m.group(1)
        before = s[m.start() - 1] if m.start() > 0 else ""
        if re.search(CJK, inner) or re.match(CJK, before or "x"):
            return "（" + inner + "）"
        return m.group(0)

    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"\(([^()]*)\)", paren, s)

    out = []
    for i, c in enumerate(s):
        if c in FULL:
            a = s[i - 1] if i > 0 else ""
            b = s[i + 1] if i + 1 < len(s) else ""
            ascii_ctx = (a.isascii() and a.isalnum() and (b.isascii() and b.isalnum())) or b == " " or b == "/"
            if c == "," and a.isdigit() and b.isdigit():
                ascii_ctx = True
            if not ascii_ctx and (re.match(CJK, a or "x") or re.match(CJK, b or "x") or a in "%" or b == ""):
                c = FULL[c]
        out.append(c)
    return "".join(out)


def squeeze_name(s):
    """"杨 羊" → "杨羊": a space padding a two-character name in print."""
    return re.sub(f"(?<![{HAN}])([{HAN}]) ([{HAN}])(?![{HAN}])", r"\1\2", s)


END = set("。！？…；：")
CLOSE = set("”’」』）》")


def is_open(text):
    """True when a paragraph stops in the middle of a sentence."""
    t = text.rstrip()
    if t.endswith("**"):
        t = t[:-2]
    last = t[-1]
    if last in END:
        return False
    if last in CLOSE:
        # a closing mark ends the paragraph only after terminal punctuation,
        # or when the whole paragraph is a parenthetical note
        inner = t[:-1].rstrip("”’」』）》")
        if inner and inner[-1] in END:
            return False
        if last == "）" and t.startswith("（"):
            return False
        if last == "）" and "（" in t:
            k = t.rindex("（")
            if k > 0 and t[k - 1] in END:
                return False
        if last == ")" and t.startswith("("):
            return False
        return True
    if last in ".!?":
        return False
    return True


def credit_of(text):
    m = re.search(r"\s*(□.*)$", text)
    if m:
        return text[: m.start()].strip(), m.group(1).strip()
    return text, None


# ---------------------------------------------------------------- build

def build_body(a, images):
    blocks = []  # (kind, text[, credit, image])
    carry = None
    held = []
    nfig = 0
    for op in a["body"]:
        if isinstance(op, int):
            op = ("p", op)
        kind = op[0]
        if kind == "j":
            if carry is not None or not blocks or blocks[-1][0] != "p":
                raise SystemExit(f"{a['slug']}: J must follow a closed paragraph")
            carry = len(blocks) - 1
            continue
        if kind == "f":
            _, cap, credit, shape = op
            cap = L(cap) if isinstance(cap, int) else cap
            cap, inline = credit_of(cap)
            if credit is None:
                credit = inline
            elif isinstance(credit, int):
                credit = L(credit)
            nfig += 1
            num = a["slug"].split("-")[0]
            ext = "jpg" if nfig % 2 == 0 else "png"
            name = f"fig-{num}-{nfig}.{ext}"
            w, h = {"wide": (960, 540), "tall": (600, 800), None: (800, 600)}[shape]
            if shape is None and (len(images) % 3 == 2):
                w, h = 720, 720
            images.append((name, w, h))
            fig = ["f", normalize(cap), normalize(squeeze_name(credit)) if credit else "", name]
            if carry is not None:
                held.append(fig)
            else:
                blocks.append(fig)
            continue
        if kind == "h":
            text = L(op[1]) if isinstance(op[1], int) else op[1]
            if carry is not None:
                raise SystemExit(f"{a['slug']}: paragraph left open before heading {text!r}: "
                                 f"{blocks[carry][1][-30:]!r}")
            blocks.append(["h", normalize(text)])
            continue
        if kind in ("p", "b", "q"):
            text = L(op[1]) if isinstance(op[1], int) else op[1]
        elif kind == "t":
            text = op[1]
        else:
            raise SystemExit(f"unknown op {op!r}")
        if kind == "b":
            blocks.append(["p", squeeze_name(text)])
            continue
        if carry is not None:
            if os.environ.get("SHOW_JOINS"):
                print(f"{a['slug']}: …{blocks[carry][1][-12:]} | {text[:12]}…")
            blocks[carry][1] += text
        else:
            blocks.append(["q" if kind == "q" else "p", text])
            carry = len(blocks) - 1
        if not is_open(normalize(blocks[carry][1])):
            carry = None
            blocks.extend(held)
            held = []
    if carry is not None:
        raise SystemExit(f"{a['slug']}: article ends with an open paragraph: {blocks[carry][1][-40:]!r}")
    blocks.extend(held)
    for old, new in a["fixes"]:
        hits = [b for b in blocks if b[0] != "f" and old in b[1]]
        if len(hits) != 1:
            raise SystemExit(f"{a['slug']}: fix {old!r} matched {len(hits)} blocks")
        hits[0][1] = hits[0][1].replace(old, new)
    for b in blocks:
        if b[0] != "f":
            b[1] = normalize(b[1])
    return blocks


def q(s):
    return json.dumps(s, ensure_ascii=False)


def render(a, blocks):
    fm = ["---", f"title: {q(normalize(a['title']))}"]
    if a["subtitle"]:
        fm.append(f"subtitle: {q(normalize(a['subtitle']))}")
    if a["authors"]:
        fm.append("authors: [" + ", ".join(q(squeeze_name(x)) for x in a["authors"]) + "]")
    for key in ("affiliation", "source", "editor"):
        if a[key]:
            fm.append(f"{key}: {q(normalize(a[key]))}")
    if a["page"]:  # no page: the article has no printed page number
        fm.append(f"page: {a['page']}")
    fm.append("---")
    body = []
    for b in blocks:
        if b[0] == "h":
            body.append("## " + b[1])
        elif b[0] == "q":
            body.append("**" + b[1] + "**")
        elif b[0] == "f":
            title = f' "{b[2]}"' if b[2] else ""
            body.append(f"![{b[1]}](../images/{b[3]}{title})")
        else:
            body.append(b[1])
    return "\n".join(fm) + "\n\n" + "\n\n".join(body) + "\n"


def yaml_issue(sections):
    i = ISSUE
    y = [
        "# 党员之友 2025年第3期 — built by testdata/tools/build_sample.py, then read through by hand.",
        f"title: {q(i['title'])}",
        f"subtitle: {q(i['subtitle'])}",
        f"issue: {q(i['issue'])}",
        f"number: {q(i['number'])}",
        f"date: {i['date']}",
        f"language: {i['language']}",
        f"issn: {q(i['issn'])}",
        f"publisher: {q(i['publisher'])}",
        "cover:",
        f"  image: {i['cover']['image']}",
        f"  caption: {q(i['cover']['caption'])}",
        f"  credit: {q(i['cover']['credit'])}",
        "highlights:",
        *[f"  - {q(h)}" for h in i["highlights"]],
        "colophon:",
        *[f"  - {{label: {q(k)}, value: {q(normalize(v) if k not in ('电话',) else v)}}}"
          for k, v in i["colophon"]],
        "print:",
        f"  trim: {i['print']['trim']}",
        f"  bleed: {i['print']['bleed']}",
        f"  columns: {i['print']['columns']}",
        "sections:",
    ]
    for title, files in sections:
        y.append(f"  - title: {q(title)}")
        y.append("    articles:")
        y.extend(f"      - articles/{f}" for f in files)
    return "\n".join(y) + "\n"


def main():
    art_dir = os.path.join(OUT, "articles")
    if os.path.isdir(art_dir):
        shutil.rmtree(art_dir)
    os.makedirs(art_dir)
    images = [("cover.jpg", 1200, 1700)]
    sections = []
    for a in A:
        blocks = build_body(a, images)
        name = a["slug"] + ".md"
        with open(os.path.join(art_dir, name), "w", encoding="utf-8") as f:
            f.write(render(a, blocks))
        if not sections or sections[-1][0] != a["section"]:
            sections.append((a["section"], []))
        sections[-1][1].append(name)
    with open(os.path.join(OUT, "issue.yaml"), "w", encoding="utf-8") as f:
        f.write(yaml_issue(sections))
    os.makedirs(os.path.dirname(MANIFEST), exist_ok=True)
    with open(MANIFEST, "w", encoding="utf-8") as f:
        f.write("# name width height — written by build_sample.py, read by placeholders/main.go\n")
        for n, w, h in images:
            f.write(f"{n} {w} {h}\n")
    print(f"{len(A)} articles in {len(sections)} sections, {len(images)} images")


if __name__ == "__main__":
    main()
