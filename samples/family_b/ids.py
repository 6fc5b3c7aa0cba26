"""Numbers and names a real file carries: VINs and ID numbers with their check digits, plates, phones."""

from __future__ import annotations

import random
from datetime import date, timedelta

VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
_VIN_VALUE = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
              **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
              **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
# World manufacturer codes of cars built in China (SAIC-VW, FAW-VW, GAC Honda, BMW Brilliance ...).
WMI = ("LSV", "LFV", "LHG", "LBV", "LVS", "LSG", "LGB", "LVG", "LFM", "LGX", "LRW", "LVH", "LDC", "LNB", "LS5")
YEAR_CODES = "KLMNPRS"  # 2019..2025


def vin_check(vin: str) -> str:
    total = sum(_VIN_VALUE[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True))
    r = total % 11
    return "X" if r == 10 else str(r)


def vin_valid(vin: str) -> bool:
    return len(vin) == 17 and all(c in VIN_CHARS for c in vin) and vin[8] == vin_check(vin)


def make_vin(rng: random.Random) -> str:
    body = rng.choice(WMI) + "".join(rng.choice(VIN_CHARS[9:] + "0123456789") for _ in range(5))
    vin = body + "0" + rng.choice(YEAR_CODES) + rng.choice("ABCDEFGH0123456789") + f"{rng.randrange(10**6):06d}"
    return vin[:8] + vin_check(vin) + vin[9:]


AREAS = ("310104", "310115", "110105", "110108", "440106", "440304", "320102", "330106", "510107", "420106",
         "370202", "350203", "120101", "500103", "610113")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def id_valid(number: str) -> bool:
    return len(number) == 18 and number[:17].isdigit() and number[17] == id_check(number[:17])


def make_id(rng: random.Random, born: date, male: bool) -> str:
    seq = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    first = rng.choice(AREAS) + born.strftime("%Y%m%d") + f"{seq:03d}"
    return first + id_check(first)


_CC_ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def org_code(rng: random.Random) -> str:
    """The nine-character organisation code (GB 11714), its last character a check."""
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    r = 11 - sum(v * w for v, w in zip(vals, (3, 7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    return body + ("X" if r == 10 else "0" if r == 11 else str(r))


def credit_code(rng: random.Random, org: str) -> str:
    """The 18-character unified social credit code (GB 32100) built around an organisation code."""
    first = "91" + rng.choice(AREAS) + org
    total = sum(_CC_ALPHA.index(c) * w for c, w in zip(first, _CC_WEIGHTS, strict=True))
    return first + _CC_ALPHA[(31 - total % 31) % 31]


PROVINCES = "沪沪沪京粤苏浙川鄂津渝闽鲁"
PLATE_LETTERS = "ABCDEFGHJKLMN"
PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def make_plate(rng: random.Random) -> str:
    prov = rng.choice(PROVINCES)
    letter = rng.choice(PLATE_LETTERS[:6])
    if rng.random() < 0.25:  # new-energy: D or F, then five digits
        return prov + letter + rng.choice("DF") + f"{rng.randrange(10**5):05d}"
    tail = [rng.choice(PLATE_CHARS) for _ in range(5)]
    tail[rng.randrange(2, 5)] = str(rng.randrange(10))
    return prov + letter + "".join(tail)


AREA_CODES = {"沪": "021", "京": "010", "粤": "020", "苏": "025", "浙": "0571", "川": "028", "鄂": "027", "津": "022",
              "渝": "023", "闽": "0592", "鲁": "0532"}
CITIES = {"沪": "上海市", "京": "北京市", "粤": "广州市", "苏": "南京市", "浙": "杭州市", "川": "成都市", "鄂": "武汉市",
          "津": "天津市", "渝": "重庆市", "闽": "厦门市", "鲁": "青岛市"}


def make_mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + str(rng.randrange(10)) + f"{rng.randrange(10**8):08d}"


def show_mobile(rng: random.Random, m: str) -> str:
    return rng.choice((m, m, f"{m[:3]} {m[3:7]} {m[7:]}", f"{m[:3]}-{m[3:7]}-{m[7:]}"))


def make_landline(rng: random.Random, prov: str) -> str:
    area = AREA_CODES.get(prov, "021")
    n = 8 if len(area) == 3 else 7
    return f"{area}-{rng.randrange(2, 9)}{rng.randrange(10 ** (n - 1)):0{n - 1}d}"


def show_landline(rng: random.Random, t: str) -> str:
    area, num = t.split("-")
    return rng.choice((t, t, f"({area}){num}", f"{area} {num}", f"（{area}）{num}"))


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢姜崔谭陆汪范金石廖贾夏韦方邹熊白孟秦邱江尹薛段雷侯龙"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "华",
         "建国", "志强", "晓东", "海燕", "文博", "子涵", "欣怡", "浩然", "雨婷", "俊杰", "思远", "佳琪", "立新", "春梅",
         "国庆", "红霞", "德明", "振华", "丽娟", "永刚", "嘉怡", "一鸣", "宇航", "梦瑶", "晨曦", "慧敏", "少波", "亚军")


def make_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


_CO_CORE = ("恒信", "鼎盛", "华远", "锦程", "瑞丰", "嘉禾", "远航", "中诚", "新宇", "宏达", "天合", "凯越", "明德", "东方",
            "汇通", "博远", "盛世", "永和", "金桥", "星河")
_CO_TRADE = ("贸易", "科技", "物流", "信息技术", "建筑工程", "文化传媒", "投资管理", "电子", "餐饮管理", "咨询")


def make_company(rng: random.Random, city: str = "上海") -> str:
    return f"{city}{rng.choice(_CO_CORE)}{rng.choice(_CO_TRADE)}有限公司"


DEALERS = ("上海永达之星汽车销售服务有限公司", "北京博瑞祥云汽车销售服务有限公司", "广州广物君和汽车贸易有限公司",
           "南京东宇汽车销售服务有限公司", "杭州元通汽车销售服务有限公司", "成都港宏汽车销售服务有限公司",
           "武汉武商汽车贸易有限公司", "天津庞大之星汽车销售有限公司", "重庆中汽西南汽车销售服务有限公司",
           "厦门盛发汽车服务有限公司", "青岛恒信宏达汽车销售服务有限公司")
BRANDS = (("上汽大众", "朗逸 1.5L 自动舒适版", "SVW7156"), ("一汽-大众", "迈腾 330TSI 豪华型", "FV7207"),
          ("广汽本田", "雅阁 260TURBO 精英版", "GHA7152"), ("华晨宝马", "宝马3系 325Li M运动套装", "BMW7201"),
          ("上汽通用别克", "君越 652T 豪华型", "SGM7209"), ("比亚迪", "汉 EV 冠军版 605km", "BYD7006BEV"),
          ("特斯拉", "Model Y 后轮驱动版", "TSL6480BEVAR0"), ("长安福特", "蒙迪欧 EcoBoost 245", "CAF7203"),
          ("东风日产", "天籁 2.0L XL 舒适版", "DFL7201"), ("吉利汽车", "星越L 2.0TD 旗舰型", "MR6471"),
          ("一汽丰田", "亚洲龙 2.5L 豪华版", "TV7252"), ("长城汽车", "哈弗H6 1.5T 冠军版", "CC6471"))
COLOURS = ("珍珠白", "星空灰", "极夜黑", "冰川银", "宝石蓝", "烈焰红", "香槟金", "雅士灰")
PROPERTY_COS = ("上海陆家嘴物业管理有限公司", "北京金融街物业管理有限责任公司", "深圳招商物业管理有限公司",
                "广州越秀物业发展有限公司", "杭州绿城物业服务集团有限公司", "成都嘉宝物业服务有限公司")
BUILDINGS = ("环球金融中心", "国贸大厦", "世纪商务广场", "东方明珠花园", "滨江壹号", "金桥国际公寓", "锦绣华庭",
             "天安数码城", "翠湖天地", "银河SOHO")


def make_unit(rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        return f"{rng.choice('ABCD')}座{rng.randint(3, 38)}{rng.randint(1, 12):02d}"
    if style == 1:
        return f"{rng.randint(1, 18)}-{rng.randint(1, 4)}-{rng.randint(1, 28)}{rng.randint(1, 4):02d}"
    return f"{rng.randint(2, 40)}F-{rng.randint(1, 16):02d}"


def day(rng: random.Random, start: date = date(2023, 3, 1), span: int = 700) -> date:
    d = start + timedelta(days=rng.randrange(span))
    while d.weekday() == 6 and rng.random() < 0.7:
        d += timedelta(days=1)
    return d


def show_date(rng: random.Random, d: date) -> str:
    return rng.choice((f"{d.year}年{d.month}月{d.day}日", f"{d.year}年{d.month:02d}月{d.day:02d}日", d.isoformat(),
                       f"{d.year}.{d.month:02d}.{d.day:02d}", f"{d.year}/{d.month}/{d.day}"))


_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def capital_amount(value: float) -> str:
    """An amount in the capital numerals of invoices: 壹拾伍万玖仟捌佰元整."""
    fen_total = round(value * 100)
    yuan, jiao, fen = fen_total // 100, fen_total // 10 % 10, fen_total % 10
    units = ("", "拾", "佰", "仟")
    out = ""
    groups = []
    while yuan:
        groups.append(yuan % 10000)
        yuan //= 10000
    for gi in range(len(groups) - 1, -1, -1):
        g = groups[gi]
        part, zero = "", False
        for k in range(3, -1, -1):
            dgt = g // 10**k % 10
            if dgt:
                if zero or (out and not part and k < 3):
                    part += "零"
                part += _DIGITS[dgt] + units[k]
                zero = False
            elif part:
                zero = True
        if part:
            out += part + ("", "万", "亿")[gi]
        elif out and gi:
            zero = True
    out = (out or "零") + "元"
    if not jiao and not fen:
        return out + "整"
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif fen:
        out += "零"
    if fen:
        out += _DIGITS[fen] + "分"
    return out


def money(value: float) -> str:
    return f"{value:.2f}"
