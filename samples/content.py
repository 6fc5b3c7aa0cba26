"""Fictional but well-formed content: people, dealers, cars, visits and units, with valid check digits.

Company names are invented from word lists so no real company's seal is imitated. VINs follow ISO 3779
(position 9 check digit) and ID numbers GB 11643, computed here independently of classify/keys.py so
the generator can cross-check the extractor rather than share its bugs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

# -- check digits ------------------------------------------------------------------------------

VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"  # I, O, Q never occur
_VIN_VALUE = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
              **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
              **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHT = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
_YEAR_CODE = {2019: "K", 2020: "L", 2021: "M", 2022: "N", 2023: "P", 2024: "R", 2025: "S", 2026: "T"}


def vin_check_digit(vin: str) -> str:
    total = sum(_VIN_VALUE[c] * w for c, w in zip(vin.upper(), _VIN_WEIGHT, strict=True))
    r = total % 11
    return "X" if r == 10 else str(r)


def vin_is_valid(vin: str) -> bool:
    return (len(vin) == 17 and all(c in VIN_CHARS for c in vin)
            and vin_check_digit(vin) == vin[8])


def id_check_char(first17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


def id_is_valid(number: str) -> bool:
    return (len(number) == 18 and number[:17].isdigit()
            and id_check_char(number[:17]) == number[17].upper())


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc(rng: random.Random, region: str) -> str:
    """统一社会信用代码 (GB 32100): 18 characters, the last a mod-31 check character."""
    body = "91" + region + "".join(rng.choice(_USCC_CHARS) for _ in range(9))
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = sum(_USCC_CHARS.index(c) * w for c, w in zip(body, weights, strict=True))
    return body + _USCC_CHARS[(31 - s % 31) % 31]


# -- places ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class City:
    name: str
    province: str  # plate prefix character
    plate_letters: str
    area_code: str
    districts: tuple[tuple[str, str], ...]  # (district, 6-digit region code)
    roads: tuple[str, ...]


CITIES = [
    City("上海", "沪", "ABCDEFGHJKLN", "021", (("徐汇区", "310104"), ("浦东新区", "310115"), ("闵行区", "310112"),
                                           ("静安区", "310106")), ("漕溪北路", "张杨路", "虹梅路", "延长路", "龙华中路")),
    City("北京", "京", "ABCEFGHJKLMNPQ", "010", (("朝阳区", "110105"), ("海淀区", "110108"), ("丰台区", "110106")),
         ("望京西路", "学院路", "南三环西路", "东四环中路")),
    City("广州", "粤", "A", "020", (("天河区", "440106"), ("越秀区", "440104"), ("番禺区", "440113")),
         ("天河北路", "环市东路", "中山大道", "广州大道南")),
    City("深圳", "粤", "B", "0755", (("南山区", "440305"), ("福田区", "440304"), ("宝安区", "440306")),
         ("深南大道", "科苑路", "滨河大道", "宝安大道")),
    City("杭州", "浙", "A", "0571", (("西湖区", "330106"), ("滨江区", "330108"), ("拱墅区", "330105")),
         ("文三路", "江南大道", "莫干山路", "天目山路")),
    City("南京", "苏", "A", "025", (("鼓楼区", "320106"), ("建邺区", "320105"), ("江宁区", "320115")),
         ("中山北路", "江东中路", "双龙大道")),
    City("成都", "川", "A", "028", (("武侯区", "510107"), ("锦江区", "510104"), ("高新区", "510109")),
         ("人民南路", "天府大道", "二环路南三段")),
    City("武汉", "鄂", "A", "027", (("武昌区", "420106"), ("江汉区", "420103"), ("洪山区", "420111")),
         ("中北路", "解放大道", "珞喻路")),
]

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
            "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红文玉兰海燕辉鹏飞慧雪琳浩宇晨阳欣怡佳俊"
         "婷峰凯斌晓东亮波宁坤鑫丹健德学云龙梅子轩嘉瑞博文思源家豪梦琪雨萱")
MOBILE_PREFIX = ("138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "186", "187", "188",
                 "189", "177", "180", "181", "133", "153", "199", "166", "173", "131", "132", "185")
ETHNIC = ("汉",) * 12 + ("回", "满", "壮", "蒙古")
SHOP_WORDS = ("恒通", "骏达", "宏图", "锦程", "瑞丰", "华晟", "德众", "通宝", "祥驰", "远航", "盛世", "嘉禾",
              "东润", "鑫源", "永信", "中升", "腾跃", "安达", "丰泽", "启航")
TRADE_WORDS = ("贸易", "科技", "信息技术", "文化传媒", "咨询", "电子", "商务服务", "网络科技", "建筑设计", "投资管理")
INSURERS = ("安盛达财产保险股份有限公司", "华联信财产保险股份有限公司", "泰和财产保险股份有限公司",
            "国融财产保险股份有限公司", "长瑞财产保险股份有限公司")
COLOURS = ("珍珠白", "极光白", "曜石黑", "星空灰", "宝石蓝", "烈焰红", "月光银", "深海蓝", "琥珀金")


@dataclass(frozen=True)
class Make:
    wmi: str
    maker: str  # manufacturer as printed on certificates
    brand: str
    models: tuple[tuple[str, str, int], ...]  # (model name, type code, price in yuan)
    nev: bool = False


MAKES = [
    Make("LSV", "上汽大众汽车有限公司", "大众", (("帕萨特 330TSI", "SVW71820BJ", 219900), ("朗逸 1.5L", "SVW71513BS", 119900),
                                          ("途观L 380TSI", "SVW6471HGD", 259900))),
    Make("LFV", "一汽-大众汽车有限公司", "大众", (("迈腾 380TSI", "FV7206BCDBG", 239900), ("速腾 280TSI", "FV7148FBDBG", 139900))),
    Make("LHG", "广汽本田汽车有限公司", "本田", (("雅阁 260TURBO", "HG7152DAC7", 179800), ("缤智 1.5L", "HG7151AAC6", 129800))),
    Make("LVG", "广汽丰田汽车有限公司", "丰田", (("凯美瑞 2.0G", "GTM7200GB", 179800), ("汉兰达 2.0T", "GTM6490SGB", 269800))),
    Make("LBV", "华晨宝马汽车有限公司", "宝马", (("宝马3系 325Li", "BMW7201CM", 349900), ("宝马X3 xDrive30i", "BMW6475MX", 429900))),
    Make("LE4", "北京奔驰汽车有限公司", "奔驰", (("C 260 L", "BJ7154GEL", 339900), ("GLC 300 L", "BJ6462M5LEB", 439900))),
    Make("LGX", "比亚迪汽车工业有限公司", "比亚迪", (("汉 EV", "BYD7008BEV", 209800), ("秦PLUS DM-i", "BYD7152WT6HEV", 99800),
                                              ("宋PLUS EV", "BYD6470BEV", 169800)), nev=True),
    Make("LRW", "特斯拉（上海）有限公司", "特斯拉", (("Model 3", "TSL7000BEVBA", 231900), ("Model Y", "TSL6480BEVAR", 263900)),
         nev=True),
]

SERVICE_ITEMS = {  # job type -> (labour items, parts)
    "minor_repair": (("更换前刹车片", 180), ("检查异响", 120), ("更换雨刮片", 40), ("空调系统检查", 150)),
    "first_service": (("首次保养", 0), ("更换机油机滤", 120), ("全车检查", 0)),
    "maintenance": (("常规保养", 260), ("更换空气滤芯", 60), ("更换空调滤芯", 60), ("四轮定位", 200)),
    "major_repair": (("发动机大修", 3200), ("更换正时链条", 1200), ("变速箱维修", 2800), ("拆装缸盖", 900)),
    "warranty_claim": (("更换水泵总成", 450), ("更换车窗升降器", 280), ("更换氧传感器", 300), ("诊断检测", 200)),
}
PARTS = (("机油 5W-30 4L", 368.0), ("机油滤清器", 58.0), ("空气滤芯", 96.0), ("空调滤芯", 88.0), ("前刹车片", 520.0),
         ("雨刮片(对)", 168.0), ("火花塞", 85.0), ("防冻液 2L", 120.0), ("水泵总成", 1260.0), ("正时链条套件", 2180.0),
         ("氧传感器", 760.0), ("车窗升降器", 640.0), ("刹车油 1L", 98.0), ("蓄电池 60Ah", 780.0))
FAULTS = (("P0301", "1缸失火"), ("P0420", "催化转化器效率低于阈值"), ("P0171", "系统过稀(1列)"),
          ("U0100", "与ECM/PCM通信丢失"), ("P0128", "冷却液温度低于节温器调节温度"), ("B1318", "蓄电池电压低"))


# -- the subjects ------------------------------------------------------------------------------

@dataclass
class Person:
    name: str
    gender: str
    ethnic: str
    birth: date
    id_number: str
    mobile: str
    phone: str  # landline with area code, "021-62345678"
    address: str
    city: City


@dataclass
class Dealer:
    name: str
    short: str
    city: City
    address: str
    phone: str
    tax_id: str
    bank: str
    sales: list[str]
    advisors: list[str]
    inspectors: list[str]


@dataclass
class Car:
    vin: str
    make: Make
    model: str
    type_code: str
    price: int
    colour: str
    engine_no: str
    cert_no: str
    plate: str
    made: date


@dataclass
class Visit:
    order_number: str
    job_type: str
    date_in: date
    date_out: date
    mileage: int
    advisor: str
    technician: str
    items: list[tuple[str, float]]
    parts: list[tuple[str, int, float]]
    complaint: str

    @property
    def labour(self) -> float:
        return sum(p for _, p in self.items)

    @property
    def material(self) -> float:
        return sum(n * p for _, n, p in self.parts)

    @property
    def total(self) -> float:
        return self.labour + self.material


@dataclass
class CarFile:
    dealer: Dealer
    owner: Person
    car: Car
    company: str | None  # buyer is a company: id_copy becomes a business licence
    company_id: str | None
    delivered: date
    insurer: str
    consultant: str
    visits: list[Visit] = field(default_factory=list)


@dataclass
class UnitFile:
    unit: str
    building: str
    city: City
    manager: str  # property management company
    tenant: str  # current tenant company (the label must match it)
    contact: Person
    staff: list[str]
    moved_in: date


# -- generators --------------------------------------------------------------------------------

def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def make_vin(rng: random.Random, make: Make, year: int) -> str:
    vds = "".join(rng.choice(VIN_CHARS[:23]) for _ in range(5))  # letters only look like real VDS codes
    rest = _YEAR_CODE.get(year, "R") + rng.choice(VIN_CHARS) + "".join(rng.choice("0123456789") for _ in range(6))
    draft = make.wmi + vds + "0" + rest
    return draft[:8] + vin_check_digit(draft) + draft[9:]


def make_id_number(rng: random.Random, region: str, birth: date, gender: str) -> str:
    seq = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if gender == "男" else (0, 2, 4, 6, 8))
    first = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first + id_check_char(first)


def make_plate(rng: random.Random, city: City, nev: bool) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    if nev:
        tail = rng.choice("DF") + "".join(rng.choice("0123456789") for _ in range(5))
    else:
        tail = "".join(rng.choice("0123456789") for _ in range(5))
        if rng.random() < 0.6:
            k = rng.randrange(5)
            tail = tail[:k] + rng.choice(letters) + tail[k + 1:]
    return city.province + rng.choice(city.plate_letters) + tail


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIX) + "".join(rng.choice("0123456789") for _ in range(8))


def landline(rng: random.Random, city: City) -> str:
    n = 8 if len(city.area_code) == 3 else rng.choice((7, 8))
    return f"{city.area_code}-{rng.choice('2345678')}" + "".join(rng.choice("0123456789") for _ in range(n - 1))


def address(rng: random.Random, city: City) -> tuple[str, str]:
    district, code = rng.choice(city.districts)
    road = rng.choice(city.roads)
    tail = rng.choice((f"{rng.randint(1, 30)}弄{rng.randint(1, 40)}号{rng.randint(1, 20)}0{rng.randint(1, 4)}室",
                       f"{rng.randint(1, 999)}号{rng.randint(1, 12)}栋{rng.randint(1, 3)}单元{rng.randint(2, 28)}0{rng.randint(1, 4)}",
                       f"{rng.randint(1, 999)}号"))
    return f"{city.name}市{district}{road}{tail}", code


def make_person(rng: random.Random, city: City, born_after: int = 1960) -> Person:
    gender = rng.choice(("男", "女"))
    birth = date(rng.randint(born_after, 2001), 1, 1) + timedelta(days=rng.randrange(365))
    addr, region = address(rng, city)
    return Person(person_name(rng), gender, rng.choice(ETHNIC), birth, make_id_number(rng, region, birth, gender),
                  mobile(rng), landline(rng, city), addr, city)


def company_name(rng: random.Random, city: City, trade: str | None = None) -> str:
    word = rng.choice(SHOP_WORDS) + rng.choice(("", "", "达", "信", "丰"))
    trade = trade or rng.choice(TRADE_WORDS)
    return rng.choice((f"{city.name}{word}{trade}有限公司", f"{word}{trade}（{city.name}）有限公司"))


def make_dealer(rng: random.Random, city: City) -> Dealer:
    short = rng.choice(SHOP_WORDS)
    name = f"{city.name}{short}汽车销售服务有限公司"
    addr, region = address(rng, city)
    bank = f"{rng.choice(('中国工商银行', '中国建设银行', '招商银行', '交通银行'))}{city.name}{rng.choice(('分行营业部', '支行'))}"
    return Dealer(name, short, city, addr.split("号")[0] + "号", landline(rng, city), uscc(rng, region), bank,
                  [person_name(rng) for _ in range(3)], [person_name(rng) for _ in range(3)],
                  [person_name(rng) for _ in range(2)])


def working_day(d: date) -> date:
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def make_car_file(rng: random.Random, city: City | None = None, dealer: Dealer | None = None,
                  company: bool | None = None) -> CarFile:
    city = city or rng.choice(CITIES)
    dealer = dealer or make_dealer(rng, city)
    make = rng.choice(MAKES)
    model, type_code, price = rng.choice(make.models)
    delivered = working_day(date(rng.choice((2023, 2024, 2025)), 1, 1) + timedelta(days=rng.randrange(330)))
    made = delivered - timedelta(days=rng.randint(20, 120))
    vin = make_vin(rng, make, made.year if made.month < 9 else made.year + 1)
    car = Car(vin, make, model, type_code, price - rng.choice((0, 0, 5000, 10000, 12000)),
              rng.choice(COLOURS), "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
              + "".join(rng.choice("0123456789") for _ in range(6)),
              f"W{rng.randint(10000, 99999)}{rng.randint(1000000, 9999999)}", make_plate(rng, city, make.nev), made)
    owner = make_person(rng, city)
    if company is None:
        company = rng.random() < 0.2
    buyer = company_name(rng, city) if company else None  # a company buyer: a business licence, not an ID
    company_id = uscc(rng, owner.id_number[:6]) if buyer else None
    return CarFile(dealer, owner, car, buyer, company_id, delivered, rng.choice(INSURERS),
                   rng.choice(dealer.sales))


def make_visit(rng: random.Random, cf: CarFile, job_type: str, after: date) -> Visit:
    date_in = working_day(after + timedelta(days=rng.randint(30, 200)))
    days = {"major_repair": (1, 6), "warranty_claim": (1, 4)}.get(job_type, (0, 1))
    date_out = date_in + timedelta(days=rng.randint(*days))
    items = [(n, float(p)) for n, p in rng.sample(SERVICE_ITEMS[job_type], k=rng.randint(1, min(3, len(SERVICE_ITEMS[job_type]))))]
    parts = [(n, rng.choice((1, 1, 1, 2, 4)), p) for n, p in rng.sample(PARTS, k=rng.randint(1, 5))]
    if job_type in ("first_service", "warranty_claim"):  # the maker pays; the customer sees zero
        parts = [(n, q, 0.0) for n, q, _ in parts]
        items = [(n, 0.0) for n, _ in items]
    prefix = rng.choice(("RO", "WO", "GD"))
    number = f"{prefix}{date_in:%y%m%d}{rng.randint(1, 999):03d}"
    complaint = rng.choice(("刹车时有异响", "发动机故障灯亮", "空调不制冷", "到期保养", "车窗升降异常",
                            "怠速抖动", "仪表提示保养", "行驶中方向跑偏"))
    km = {"first_service": rng.randint(3000, 7500)}.get(job_type, rng.randint(8000, 90000))
    return Visit(number, job_type, date_in, date_out, km, rng.choice(cf.dealer.advisors),
                 person_name(rng), items, parts, complaint)


def make_unit(rng: random.Random) -> str:
    return rng.choice((f"{rng.choice('ABCD')}座{rng.randint(3, 32)}{rng.randint(1, 12):02d}",
                       f"{rng.randint(1, 9)}-{rng.randint(1, 4)}-{rng.randint(2, 28)}{rng.randint(1, 4):02d}",
                       f"{rng.randint(2, 40)}F-{rng.randint(1, 20):02d}"))


def make_unit_file(rng: random.Random) -> UnitFile:
    city = rng.choice(CITIES)
    building = rng.choice(("国贸中心", "环球金融广场", "科技大厦", "云锦大厦", "滨江商务中心", "时代广场", "汇金中心"))
    manager = f"{city.name}{rng.choice(SHOP_WORDS)}物业管理有限公司"
    moved = date(rng.choice((2022, 2023, 2024, 2025)), 1, 1) + timedelta(days=rng.randrange(330))
    return UnitFile(make_unit(rng), building, city, manager, company_name(rng, city), make_person(rng, city),
                    [person_name(rng) for _ in range(3)], working_day(moved))


# -- printing helpers --------------------------------------------------------------------------

_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def yuan_upper(amount: float) -> str:
    """¥1,234.50 -> 壹仟贰佰叁拾肆元伍角整 (the capital amount printed on invoices)."""
    fen = round(amount * 100)
    integer, jiao, fen = fen // 100, fen // 10 % 10, fen % 10
    units = ["", "拾", "佰", "仟"]
    out = ""
    for group, name in ((integer // 100_000_000, "亿"), (integer // 10_000 % 10_000, "万"), (integer % 10_000, "")):
        if not group and not out:
            continue
        s = ""
        zero = False
        for i in range(3, -1, -1):
            d = group // 10**i % 10
            if d:
                if zero and (s or out):
                    s += "零"
                s += _DIGITS[d] + units[i]
                zero = False
            else:
                zero = True
        out += s + (name if group else "")
    out = (out or "零") + "元"
    if jiao:
        out += _DIGITS[jiao] + "角"
    out += _DIGITS[fen] + "分" if fen else "整"
    return out


def money(amount: float, sign: bool = True) -> str:
    return ("¥" if sign else "") + f"{amount:,.2f}"


def fmt_date(rng: random.Random, d: date) -> str:
    return rng.choice((f"{d.year}年{d.month}月{d.day}日", f"{d:%Y-%m-%d}", f"{d:%Y/%m/%d}", f"{d:%Y年%m月%d日}"))


def fmt_mobile(rng: random.Random, m: str) -> str:
    return rng.choice((m, m, f"{m[:3]}-{m[3:7]}-{m[7:]}", f"{m[:3]} {m[3:7]} {m[7:]}"))


def fmt_landline(rng: random.Random, p: str) -> str:
    area, num = p.split("-")
    return rng.choice((p, f"({area}){num}", f"{area}-{num[:4]} {num[4:]}"))
