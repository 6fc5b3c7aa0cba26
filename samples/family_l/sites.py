"""The five sites of family l (three dealers in Changsha, two property offices), their house styles, and the
customers, cars, visits and units they see. Dates and amounts in each site's own way."""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import ids

AREA = "0731"


@dataclass(frozen=True)
class Site:
    key: str
    kind: str  # "car" or "unit"
    company: str
    short: str
    english: str  # "" where the site prints no English
    city_addr: str
    wmi: tuple[str, ...]
    brand: str
    serif: str  # font kinds
    sans: str
    date_style: str
    amount_style: str
    order_style: str
    new_energy: float
    unit_style: str = ""


SITES = (
    # A foreign brand's dealer: English first, Chinese beneath, labels printed under the signing rule.
    Site("volvo", "car", "湖南湘江沃尔沃汽车销售服务有限公司", "湘江沃尔沃", "Xiangjiang Volvo Cars",
         "长沙市岳麓区桐梓坡西路229号", ("LYV", "YV1"), "沃尔沃", "serif", "sans", "dmy_en", "rmb", "rw", 0.15),
    # A multi-brand workshop that still runs a dot-matrix printer on carbonless sets and gives thermal receipts.
    Site("xingsha", "car", "长沙星沙联运汽车服务有限公司", "星沙联运", "", "长沙县星沙街道开元东路88号",
         ("LGB", "LVG", "LFV"), "东风日产", "ming", "zenhei", "dot", "yuan", "xj", 0.1),
    # A new-energy brand store: phone-first paperwork, screenshots and e-documents printed out, cell-row signatures.
    Site("lugu", "car", "湖南麓谷新能源汽车销售有限公司", "麓谷新能源", "", "长沙市高新区麓谷大道662号",
         ("LGX", "LC0"), "比亚迪", "serif", "microhei", "cn", "yen", "sv", 0.8),
    # A commercial tower's property office: pale guilloche ground, forms filled in by hand.
    Site("tower", "unit", "长沙湘江中心物业服务有限公司", "湘江中心物业", "Xiangjiang Center Property",
         "长沙市开福区湘江中路二段36号", (), "", "serif", "sans", "slash", "yuan", "", 0.0, "tower"),
    # A residential estate's service centre: A3 forms folded to A4, sticky notes and staples, faxes.
    Site("meixi", "unit", "长沙梅溪锦苑物业服务中心", "锦苑物业", "", "长沙市岳麓区梅溪湖路17号",
         (), "", "ming", "zenhei", "cn", "yuan", "", 0.0, "dash"),
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢谭廖"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文辉鹏宇浩然子轩欣怡佳琪梓涵思远俊杰湘湘岳麓"
STREETS = ("芙蓉中路一段", "五一大道", "韶山北路", "劳动西路", "人民东路", "万家丽中路", "麓山南路", "金星北路", "车站北路")
COMPANIES = ("湖南华昕建材有限公司", "长沙市天心区德顺商贸行", "湖南楚天物流有限公司", "长沙湘麓文化传媒有限公司",
             "湖南众鑫工程机械有限公司", "长沙市开福区和润餐饮店", "湖南博远信息技术有限公司")
MODELS = {"沃尔沃": ("XC60 B5 智远豪华版", "S90 B5 智逸豪华版", "XC40 B3 智行时尚版", "XC90 B6 智雅豪华版"),
          "东风日产": ("轩逸 1.6L CVT 悦享版", "奇骏 2.0L 舒适版", "天籁 2.0L 智享版", "逍客 2.0L 精英版"),
          "比亚迪": ("秦PLUS DM-i 55KM 领先型", "宋PLUS EV 旗舰型", "海豚 405km 时尚版", "汉EV 冠军版", "元PLUS 510km 尊荣型")}
COLOURS = ("晶耀白", "水晶白", "冰川白", "玄武黑", "星际灰", "曜石黑", "海洋蓝", "赤焰红")


@dataclass
class Customer:
    name: str  # the person, or the company's contact
    company: str | None
    mobile: str
    landline: str | None
    address: str
    id_number: str
    credit_code: str | None


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def customer(rng: random.Random) -> Customer:
    company = rng.choice(COMPANIES) if rng.random() < 0.22 else None
    area = rng.choice(("430102", "430103", "430104", "430105", "430121", "430181"))
    return Customer(person(rng), company, ids.mobile(rng), ids.landline(rng, AREA) if rng.random() < 0.55 else None,
                    f"长沙市{rng.choice(STREETS)}{rng.randint(1, 399)}号" + (f"{rng.randint(1, 30)}栋{rng.randint(101, 2405)}"
                                                                        if rng.random() < 0.6 else ""),
                    ids.id_number(rng, area), ids.credit_code(rng, "430100") if company else None)


@dataclass
class Car:
    vin: str
    plate: str | None
    model: str
    colour: str
    engine: str
    km: int
    price: int  # yuan


def car(rng: random.Random, site: Site, new: bool) -> Car:
    ne = rng.random() < site.new_energy
    return Car(ids.vin(rng, rng.choice(site.wmi)),
               None if new and rng.random() < 0.6 else ids.plate(rng, "湘", rng.choice("AAAAFJ"), ne),
               rng.choice(MODELS[site.brand]), rng.choice(COLOURS),
               "".join(rng.choice("0123456789ABCDEFGH") for _ in range(9)),
               0 if new else rng.randint(1200, 96000), rng.randint(99, 429) * 1000 - rng.choice((0, 0, 100, 800)))


def fmt_date(d: str, style: str) -> str:
    """`d` is ISO; each site prints it its own way."""
    y, m, dd = d.split("-")
    if style == "dmy_en":
        mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][int(m) - 1]
        return f"{dd} {mon} {y}"
    if style == "dot":
        return f"{y}.{m}.{dd}"
    if style == "slash":
        return f"{y}/{int(m)}/{int(dd)}"
    return f"{y}年{int(m)}月{int(dd)}日"


_DIG = "零壹贰叁肆伍陆柒捌玖"


def capital(n: int) -> str:
    """Whole yuan in financial capitals (人民币大写), up to 99,999,999."""
    units = ("", "拾", "佰", "仟", "万", "拾", "佰", "仟")
    digits = str(n)
    out, zero = "", False
    for i, ch in enumerate(digits):
        pos, d = len(digits) - 1 - i, int(ch)
        if d == 0:
            zero = True
            if pos == 4 and out:
                out += "万"
        else:
            if zero and out:
                out += "零"
            zero = False
            out += _DIG[d] + units[pos]
    return (out or "零") + "元整"


def fmt_amount(v: float, style: str) -> str:
    s = f"{v:,.2f}"
    if style == "rmb":
        return f"RMB {s}"
    if style == "yen":
        return f"¥{s}"
    return f"{v:.2f}元"


def day_list(rng: random.Random) -> str:
    y = rng.choice((2025, 2026, 2026))
    m = rng.randint(1, 12 if y == 2025 else 11)
    return f"{y}-{m:02d}-{rng.randint(1, 28):02d}"
