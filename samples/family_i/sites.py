"""The seven sites of family i (four dealers, three property offices), each printing its own forms, and the
ways they write dates and amounts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Site:
    key: str
    kind: str  # "car" or "unit"
    company: str
    short: str
    brand: str  # as printed in headers, English part included
    city: str
    district: tuple[str, ...]
    streets: tuple[str, ...]
    phone_area: str
    id_area: str
    province: str = ""
    plate_letter: str = ""
    wmi: str = ""
    models: tuple[str, ...] = ()
    electric: float = 0.0
    hant: bool = False
    header: str = "bar"  # bar | dms | bilingual | english | ledger | letterhead | plain
    sig: tuple[str, ...] = ("line",)
    date: str = "iso"
    amount: str = "yen"
    wo: str = "{yy}{mm}{dd}{n:04d}"
    slips: bool = False  # after-sales slips printed A5 landscape
    unit_style: str = ""
    faces: tuple[str, ...] = ("sans",)
    accent: tuple[int, int, int] = (40, 40, 40)
    staff: dict[str, tuple[str, ...]] = field(default_factory=dict)


SITES: tuple[Site, ...] = (
    Site("jiahe", "car", "杭州嘉禾吉利汽车销售服务有限公司", "嘉禾吉利", "GEELY 吉利汽车", "杭州",
         ("西湖区", "拱墅区", "余杭区", "滨江区"), ("文一西路", "莫干山路", "江南大道", "古墩路", "丰潭路"), "0571",
         "330106", "浙", "A", "L6T", ("博越L 2.0TD", "星越L 智擎", "帝豪 1.5L", "银河L7"), 0.25,
         header="bar", sig=("grid", "grid", "initials", "line"), date="dot", amount="yen", wo="JH{yy}{mm}{dd}{n:04d}",
         slips=True, faces=("sans", "zenhei"), accent=(0, 70, 140),
         staff={"sales": ("周文涛", "沈佳怡", "陆一鸣"), "advisor": ("俞晓峰", "金莉"), "tech": ("潘建国", "钱师傅", "吕强"),
                "inspector": ("方志远",), "cashier": ("许静",), "clerk": ("应小红",)}),
    Site("dongyue", "car", "济南东岳汽车服务有限公司", "东岳长安", "长安汽车 CHANGAN", "济南",
         ("历下区", "槐荫区", "天桥区", "历城区"), ("经十路", "二环西路", "北园大街", "工业南路"), "0531", "370102",
         "鲁", "A", "LS5", ("CS75 PLUS", "UNI-K", "逸动 PLUS", "深蓝SL03"), 0.15,
         header="dms", sig=("line", "initials", "line", "thumb"), date="iso", amount="plain", wo="RO{yy}{n:07d}",
         faces=("mono", "zenhei_mono"), accent=(20, 20, 20),
         staff={"sales": ("孔德明", "王璐"), "advisor": ("田志刚", "邢丽", "张凯"), "tech": ("马东", "刘振华"),
                "inspector": ("贾庆林",), "cashier": ("孟晓",), "clerk": ("李翠",)}),
    Site("aoxin", "car", "珠海澳信汽车服务有限公司", "澳信红旗", "红旗 HONGQI", "珠海",
         ("香洲区", "金湾区", "斗门区"), ("情侣中路", "凤凰北路", "九洲大道", "前山路"), "0756", "440402",
         "粤", "C", "LFP", ("H5 智联旗畅", "HS5 旗享", "E-QM5", "H9 2.0T"), 0.2,
         hant=True, header="double", sig=("box", "thumb", "juje", "box"), date="cn", amount="hk",
         wo="AX-{yy}{mm}-{n:05d}", faces=("serif", "ming", "sans"), accent=(150, 20, 30),
         staff={"sales": ("陈嘉铭", "黄颖"), "advisor": ("梁俊峰", "罗丽"), "tech": ("郑伟", "冯永强"),
                "inspector": ("许志诚",), "cashier": ("吴晓静",), "clerk": ("叶慧",)}),
    Site("guanggu", "car", "武汉光谷本田汽车销售服务有限公司", "光谷本田", "GAC HONDA 广汽本田", "武汉",
         ("洪山区", "东湖高新区", "江夏区"), ("光谷大道", "珞喻路", "关山大道", "雄楚大道"), "027", "420111",
         "鄂", "A", "LVH", ("雅阁 锐·T动", "皓影 e:PHEV", "型格 240TURBO", "e:NP2 极湃2"), 0.2,
         header="english", sig=("en", "en", "dated", "grid"), date="en", amount="rmb", wo="WO{yy}{mm}{n:05d}",
         faces=("sans", "microhei"), accent=(180, 0, 20),
         staff={"sales": ("胡思远", "程雪"), "advisor": ("彭磊", "夏雨"), "tech": ("熊伟", "汪涛"),
                "inspector": ("万杰",), "cashier": ("舒婷",), "clerk": ("余敏",)}),
    Site("cuihu", "unit", "南京锦江物业服务有限公司", "翠湖花园管理处", "锦江物业 · 翠湖花园管理处", "南京",
         ("建邺区", "鼓楼区"), ("江东中路", "汉中门大街", "应天大街"), "025", "320105",
         header="ledger", sig=("grid", "line"), date="slash", amount="yuan", unit_style="dash",
         faces=("serif", "ming"), accent=(30, 30, 30),
         staff={"service": ("朱小燕", "倪敏"), "manager": ("蔡永福",), "engineer": ("戴建华",)}),
    Site("citic", "unit", "深圳中信广场物业管理有限公司", "中信广场物业", "CITIC PLAZA 中信广场", "深圳",
         ("福田区", "罗湖区"), ("深南中路", "福华三路"), "0755", "440304",
         header="bilingual", sig=("en", "grid"), date="iso", amount="rmb", unit_style="floor",
         faces=("sans", "microhei"), accent=(0, 90, 60),
         staff={"service": ("Ivy 林", "钟文"), "manager": ("何志豪",), "engineer": ("邱伟",)}),
    Site("huating", "unit", "上海华庭物业管理有限公司", "华庭物业", "华庭物业", "上海",
         ("浦东新区", "徐汇区", "长宁区"), ("世纪大道", "漕溪北路", "娄山关路"), "021", "310115",
         header="letterhead", sig=("line", "box", "dated"), date="cn", amount="yuan", unit_style="block",
         faces=("serif", "sans", "kai"), accent=(170, 20, 20),
         staff={"service": ("顾佳", "施敏华"), "manager": ("浦建新",), "engineer": ("金伟明",)}),
)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CN_DIGITS = "〇一二三四五六七八九"


def fmt_date(d: dt.date, style: str) -> str:
    if style == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if style == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "slash":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if style == "en":
        return f"{d.day:02d}-{_MONTHS[d.month - 1]}-{d.year}"
    if style == "upper":
        y = "".join(_CN_DIGITS[int(c)] for c in str(d.year))
        return f"{y}年{_cn_num(d.month)}月{_cn_num(d.day)}日"
    return d.isoformat()


def _cn_num(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def fmt_amount(a: Decimal, style: str) -> str:
    s = f"{a:,.2f}"
    if style == "yen":
        return f"¥{s}"
    if style == "plain":
        return f"{a:.2f}"
    if style == "rmb":
        return f"RMB {s}"
    if style == "hk":
        return f"人民币 {s} 元"
    return f"{s}元"


_UP = "零壹贰叁肆伍陆柒捌玖"


def upper_amount(a: Decimal) -> str:
    """The capital-figure form of an amount (大写), as invoices and contracts print it."""
    fen_total = int((a * 100).to_integral_value())
    yuan, fen = divmod(fen_total, 100)
    out = ""
    units = ("", "拾", "佰", "仟")
    groups = ("", "万", "亿")
    digits = str(yuan)
    n = len(digits)
    zero = False
    for i, ch in enumerate(digits):
        pos = n - 1 - i
        d = int(ch)
        if d == 0:
            zero = True
        else:
            if zero and out:
                out += "零"
            out += _UP[d] + units[pos % 4]
            zero = False
        if (pos % 4 == 0 and pos > 0 and out and not out.endswith(groups[pos // 4 - 1] or "#")
                and any(c != "0" for c in digits[max(0, i - 3):i + 1])):
            out += groups[pos // 4]
            zero = False
    out = (out or "零") + "元"
    jiao, f = divmod(fen, 10)
    if not jiao and not f:
        return out + "整"
    if jiao:
        out += _UP[jiao] + "角"
    elif f:
        out += "零"
    if f:
        out += _UP[f] + "分"
    return out
