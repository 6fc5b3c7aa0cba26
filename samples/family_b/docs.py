"""What each document says: its title, labelled values, table, clauses, who signs and whose seal.

A `Spec` holds the content only; `layout` decides how it is printed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import ids
from .cases import Car, Owner, Unit, Visit
from .texts import (
    APPLICATION_TITLES,
    CUSTOMER_PARTIES,
    LETTER_BODIES,
    RENOVATION_CLAUSES,
    SALE_CLAUSES,
    STAFF_PARTIES,
    TITLES,
)

SCRIPT_FIELDS = ("name", "company", "contact", "address")  # printed in the page's script


@dataclass
class Party:
    role: str  # customer | staff
    party: str  # the word naming the party (客户, 服务顾问 ...)
    person: str  # whose hand signs


@dataclass
class Spec:
    doc_type: str | None
    title: str | None
    kind: str = "form"  # form | contract | letter | invoice | vat | idcard | licence | photo | chat
    header: str | None = None  # the company line above the title
    number: str | None = None  # "No." line under the title
    kv: list[tuple[str, str]] = field(default_factory=list)
    table: tuple[list[str], list[list[str]]] | None = None
    clauses: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    seal: str | None = None  # contract | finance | service | invoice | None
    seal_company: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    small: bool = False  # an A5 landscape card
    extra: dict[str, str] = field(default_factory=dict)  # for special layouts


def _who(o: Owner, rng: random.Random, f: dict[str, str], kv: list[tuple[str, str]], contact: bool = True) -> None:
    """The customer block: company or person, contact, phones."""
    if o.company:
        kv.append((rng.choice(("客户名称", "单位名称", "车主单位")), o.company))
        f["company"] = o.company
        if contact:
            kv.append((rng.choice(("联系人", "经办人")), o.person.name))
            f["contact"] = o.person.name
    else:
        kv.append((rng.choice(("客户姓名", "姓名", "车主姓名", "车主")), o.person.name))
        f["name"] = o.person.name


def _phone(o: Owner, rng: random.Random, f: dict[str, str], kv: list[tuple[str, str]], land: bool = False) -> None:
    kv.append((rng.choice(("手机", "联系电话", "手机号码", "移动电话")), ids.show_mobile(rng, o.person.mobile)))
    f["mobile"] = o.person.mobile
    if land:
        kv.append((rng.choice(("固定电话", "座机", "办公电话")), ids.show_landline(rng, o.person.landline)))
        f["landline"] = o.person.landline


def _date(rng: random.Random, d: date, f: dict[str, str], kv: list[tuple[str, str]], label: str) -> None:
    kv.append((label, ids.show_date(rng, d)))
    f["date"] = d.isoformat()


def _car_kv(c: Car, rng: random.Random, f: dict[str, str], kv: list[tuple[str, str]], plate: bool = True) -> None:
    kv.append((rng.choice(("车架号", "VIN码", "车辆识别代号", "车架号(VIN)")), c.vin))
    f["vin"] = c.vin
    kv.append((rng.choice(("车型", "品牌型号", "车辆型号")), f"{c.brand} {c.model}"))
    if plate and rng.random() < 0.8:
        kv.append((rng.choice(("车牌号", "车牌号码", "号牌")), c.plate))
        f["plate"] = c.plate


def _pick(rng: random.Random, t: str) -> str:
    return rng.choice(TITLES[t])


def _parties(rng: random.Random, *pairs: tuple[str, str, str]) -> list[Party]:
    out = []
    for role, ctx, person in pairs:
        pool = CUSTOMER_PARTIES[ctx] if role == "customer" else STAFF_PARTIES[ctx]
        out.append(Party(role, rng.choice(pool), person))
    return out


def _ticks(rng: random.Random, items: list[str], cols: tuple[str, ...]) -> list[list[str]]:
    rows = []
    for i, it in enumerate(items, 1):
        ok = rng.choice(("√", "√", "√", "正常", "合格", "良好")) if rng.random() < 0.9 else rng.choice(("已处理", "建议更换", "×"))
        rows.append([str(i), it, ok] + [""] * (len(cols) - 3))
    return rows


# -- new-car file ------------------------------------------------------------------------------------

def customer_card(rng: random.Random, c: Car) -> Spec:
    kv: list[tuple[str, str]] = []
    f: dict[str, str] = {}
    _who(c.owner, rng, f, kv)
    if not c.owner.company:
        kv.append(("性别", "男" if c.owner.person.male else "女"))
        kv.append((rng.choice(("证件号码", "身份证号")), c.owner.person.id_number))
        f["id_number"] = c.owner.person.id_number
    _phone(c.owner, rng, f, kv, land=True)
    kv.append((rng.choice(("联系地址", "通讯地址", "住址")), c.owner.person.address))
    f["address"] = c.owner.person.address
    _car_kv(c, rng, f, kv)
    kv.append(("车身颜色", c.colour))
    _date(rng, c.delivered, f, kv, rng.choice(("购车日期", "交车日期", "提车日期")))
    kv.append(("客户来源", rng.choice(("展厅来店", "网络预约", "老客户介绍", "车展"))))
    kv.append(("销售顾问", c.sales))
    return Spec("customer_card", _pick(rng, "customer_card"), header=c.dealer, kv=kv, fields=f,
                parties=_parties(rng, ("customer", "sale", c.owner.person.name)), small=rng.random() < 0.4,
                notes=["本卡信息仅用于车辆售后服务及客户关怀，我司承诺对客户信息予以保密。"] if rng.random() < 0.5 else [])


def sales_contract(rng: random.Random, c: Car) -> Spec:
    f: dict[str, str] = {}
    kv: list[tuple[str, str]] = []
    buyer_first = rng.random() < 0.5
    buyer, seller = ("甲方", "乙方") if buyer_first else ("乙方", "甲方")
    kv.append((f"{seller}（卖方）", c.dealer))
    kv.append((f"{buyer}（买方）", c.owner.display))
    f["company" if c.owner.company else "name"] = c.owner.display
    if not c.owner.company:
        kv.append(("身份证号码", c.owner.person.id_number))
        f["id_number"] = c.owner.person.id_number
    _phone(c.owner, rng, f, kv)
    _car_kv(c, rng, f, kv, plate=False)
    kv.append(("车身颜色", c.colour))
    kv.append(("车辆价款", f"人民币{ids.capital_amount(c.price)}（¥{c.price:,.2f}）"))
    f["amount"] = ids.money(c.price)
    signed = c.delivered - timedelta(days=rng.randint(3, 30))
    _date(rng, signed, f, kv, "签订日期")
    clauses = rng.sample(SALE_CLAUSES, rng.randint(8, 13))
    parties = [Party("customer", f"{buyer}（买方）", c.owner.person.name), Party("staff", f"{seller}代表", c.sales)]
    if rng.random() < 0.5:
        parties = _parties(rng, ("customer", "sale", c.owner.person.name), ("staff", "sale", c.sales))
    return Spec("sales_contract", _pick(rng, "sales_contract"), kind="contract", header=None if rng.random() < 0.5 else c.dealer,
                number=f"合同编号：HT{c.delivered:%Y%m}{rng.randrange(10**4):04d}", kv=kv, clauses=clauses, parties=parties,
                seal="contract", seal_company=c.dealer, fields=f)


def delivery_checklist(rng: random.Random, c: Car) -> Spec:
    f: dict[str, str] = {}
    kv: list[tuple[str, str]] = []
    _who(c.owner, rng, f, kv, contact=False)
    _car_kv(c, rng, f, kv)
    _date(rng, c.delivered, f, kv, rng.choice(("交车日期", "交付日期")))
    kv.append(("销售顾问", c.sales))
    items = rng.sample(["车身漆面无划痕", "内饰清洁完好", "随车工具齐全", "备胎及千斤顶", "使用说明书", "保修手册",
                        "钥匙两把", "灯光功能演示", "空调功能演示", "多媒体及导航设置", "燃油不少于1/4", "里程表读数确认",
                        "座椅调节讲解", "蓝牙手机连接", "首保时间及里程告知", "三包凭证交付"], rng.randint(9, 14))
    cols = ["序号", "交车项目", "确认", "备注"]
    return Spec("delivery_checklist", _pick(rng, "delivery_checklist"), header=c.dealer, kv=kv, table=(cols, _ticks(rng, items, tuple(cols))),
                notes=["以上项目经本人逐项确认，车辆外观及随车物品完好，同意接收车辆。"],
                parties=_parties(rng, ("customer", "sale", c.owner.person.name), ("staff", "sale", c.sales)), fields=f)


def value_added(rng: random.Random, c: Car) -> Spec:
    f: dict[str, str] = {}
    kv: list[tuple[str, str]] = []
    _who(c.owner, rng, f, kv, contact=False)
    _car_kv(c, rng, f, kv, plate=False)
    opts = [("原厂延长保修（2年/6万公里）", 3800), ("全车隐形车衣", 6800), ("前挡及侧窗隔热膜", 2600), ("全包围脚垫", 880),
            ("行车记录仪（前后双录）", 1280), ("保险代办服务", 0), ("上牌代办服务", 500), ("精品礼包", 1500),
            ("保养套餐（4次）", 2400), ("轮胎保障服务", 990), ("续保无忧", 600)]
    chosen = rng.sample(opts, rng.randint(3, 7))
    rows = [[str(i), n, "1", f"{p:.2f}"] for i, (n, p) in enumerate(chosen, 1)]
    total = sum(p for _, p in chosen)
    rows.append(["", "合计", "", f"{total:.2f}"])
    f["amount"] = ids.money(total)
    return Spec("value_added_services", _pick(rng, "value_added_services"), header=c.dealer, kv=kv,
                table=(["序号", "服务项目", "数量", "金额（元）"], rows), fields=f,
                notes=["客户已知悉上述服务内容及价格，自愿购买。"],
                parties=_parties(rng, ("customer", "sale", c.owner.person.name)))


def pdi(rng: random.Random, c: Car) -> Spec:
    f: dict[str, str] = {}
    kv: list[tuple[str, str]] = []
    _car_kv(c, rng, f, kv, plate=False)
    kv.append(("发动机号", c.engine_no))
    _date(rng, c.delivered - timedelta(days=rng.randint(1, 6)), f, kv, "检查日期")
    items = rng.sample(["发动机舱油液液位", "机油液位", "冷却液", "制动液", "蓄电池电压", "轮胎气压", "轮胎螺栓力矩",
                        "全车灯光", "雨刮及喷水", "中控门锁", "电动车窗", "天窗", "空调制冷暖风", "仪表警告灯",
                        "底盘有无渗漏", "漆面及玻璃", "内饰及座椅", "随车文件"], rng.randint(10, 16))
    cols = ["序号", "检查项目", "结果", "备注"]
    return Spec("pdi_checklist", _pick(rng, "pdi_checklist"), header=c.dealer, kv=kv, table=(cols, _ticks(rng, items, tuple(cols))),
                parties=_parties(rng, ("staff", "pdi", c.inspector)), fields=f, small=rng.random() < 0.2)


def insurance(rng: random.Random, c: Car) -> Spec:
    f: dict[str, str] = {}
    kv: list[tuple[str, str]] = []
    insurer = rng.choice(("中国人民财产保险股份有限公司", "中国平安财产保险股份有限公司", "中国太平洋财产保险股份有限公司"))
    kv.append(("保险单号", f"P{rng.randrange(10**17):017d}"))
    kv.append(("被保险人", c.owner.display))
    f["company" if c.owner.company else "name"] = c.owner.display
    kv.append(("号牌号码", c.plate))
    f["plate"] = c.plate
    kv.append(("厂牌型号", f"{c.brand}{c.type_code}"))
    kv.append(("车辆识别代号", c.vin))
    f["vin"] = c.vin
    kv.append(("发动机号", c.engine_no))
    start = c.delivered
    kv.append(("保险期间", f"自{start.year}年{start.month}月{start.day}日零时起至{start.year + 1}年{start.month}月{start.day}日二十四时止"))
    rows = []
    total = 0.0
    for name, limit in rng.sample([("机动车损失保险", f"{c.price:.0f}"), ("机动车第三者责任保险", "1000000"),
                                   ("车上人员责任保险（司机）", "20000"), ("车上人员责任保险（乘客）", "20000/座"),
                                   ("医保外医疗费用责任险", "10000")], rng.randint(2, 5)):
        prem = round(rng.uniform(90, 4200), 2)
        total += prem
        rows.append([name, limit, f"{prem:.2f}"])
    total = round(total, 2)
    rows.append(["保险费合计", "", f"{total:.2f}"])
    f["amount"] = ids.money(total)
    _date(rng, start - timedelta(days=1), f, kv, "签单日期")
    return Spec("insurance_policy", _pick(rng, "insurance_policy"), header=insurer, kv=kv,
                table=(["承保险种", "保险金额/责任限额（元）", "保险费（元）"], rows), fields=f,
                notes=["重要提示：本保险合同由保险条款、投保单、保险单、批单和特别约定组成。收到本保险单后请立即核对，如有不符请及时通知保险人办理变更。"],
                seal="service" if rng.random() < 0.7 else None, seal_company=insurer + ids.CITIES.get(c.prov, "上海市")[:-1] + "分公司")


def conformity(rng: random.Random, c: Car) -> Spec:
    f: dict[str, str] = {"vin": c.vin}
    made = c.delivered - timedelta(days=rng.randint(20, 120))
    kv = [("合格证编号", c.cert_no), ("发证日期", ids.show_date(rng, made)), ("车辆制造企业名称", f"{c.brand}汽车有限公司"),
          ("车辆品牌", c.brand), ("车辆型号", c.type_code), ("车辆识别代号/车架号", c.vin), ("车身颜色", c.colour),
          ("发动机号", c.engine_no), ("燃料种类", rng.choice(("汽油", "纯电动", "汽油"))), ("排放标准", "GB18352.6-2016国Ⅵ"),
          ("轮胎规格", rng.choice(("225/45 R18", "215/55 R17", "235/50 R19"))), ("额定载客(人)", "5"),
          ("最高设计车速(km/h)", str(rng.choice((180, 190, 200, 210)))), ("车辆制造日期", ids.show_date(rng, made))]
    f["date"] = made.isoformat()
    return Spec("conformity_certificate", _pick(rng, "conformity_certificate"), kv=kv, fields=f,
                notes=["本产品经过检验，符合相关标准及技术条件，准予出厂，特此证明。"],
                seal="service" if rng.random() < 0.6 else None, seal_company=f"{c.brand}汽车有限公司")


def other_proof(rng: random.Random, c: Car) -> Spec:
    title = _pick(rng, "other_proof")
    p = c.owner.person
    body = {
        "授权委托书": f"本人{p.name}（身份证号{p.id_number}）因工作原因不能亲自办理购车及提车手续，特委托{c.sales}以外的家属代为办理车架号为{c.vin}车辆的提车事宜，受托人在办理过程中所签署的文件本人均予以承认。",
        "居住证明": f"兹证明{p.name}（身份证号{p.id_number}）现居住于{p.address}，居住时间已满一年。特此证明。",
        "在职证明": f"兹证明{p.name}（身份证号{p.id_number}）系我单位正式员工，现任职于我单位，工作表现良好。此证明仅用于办理车辆购买手续。",
        "情况说明": f"本人{p.name}于{c.delivered:%Y年%m月}在贵司购买车辆一台（车架号{c.vin}），因个人原因延期提供相关资料，特此说明。",
        "单位购车证明": f"兹证明我单位因业务需要购买{c.brand}{c.model}一台，车架号{c.vin}，由{p.name}全权办理相关手续。",
    }[title]
    f = {"vin": c.vin, "name": p.name} if "单位" not in title else {"vin": c.vin}
    if "身份证号" in body:
        f["id_number"] = p.id_number
    return Spec("other_proof", title, kind="letter", clauses=[body], fields=f,
                parties=_parties(rng, ("customer", "sale", p.name)) if title in ("授权委托书", "情况说明") else [],
                seal="service" if title in ("在职证明", "单位购车证明", "居住证明") else None,
                seal_company=c.owner.company or ids.make_company(rng, "上海"), extra={"date": ids.show_date(rng, c.delivered)})


def invoice(rng: random.Random, c: Car) -> Spec:
    f: dict[str, str] = {"vin": c.vin, "date": c.delivered.isoformat(), "amount": ids.money(c.price)}
    code, number = f"1{rng.randrange(10**11):011d}", f"{rng.randrange(10**8):08d}"
    f["invoice_code"], f["invoice_number"] = code, number
    f["company" if c.owner.company else "name"] = c.owner.display
    if not c.owner.company:
        f["id_number"] = c.owner.person.id_number
    return Spec("purchase_invoice", _pick(rng, "purchase_invoice"), kind="invoice", fields=f, seal="invoice",
                seal_company=c.dealer, extra={"code": code, "number": number, "date": ids.show_date(rng, c.delivered),
                                              "buyer": c.owner.display, "idno": c.owner.credit or c.owner.person.id_number,
                                              "model": f"{c.brand}{c.type_code}", "engine": c.engine_no, "cert": c.cert_no,
                                              "dealer": c.dealer, "vtype": rng.choice(("轿车", "多用途乘用车", "小型轿车")),
                                              "tax_id": c.vin[:3] + f"{rng.randrange(10**15):015d}"})


def id_copy(rng: random.Random, o: Owner, note: str) -> Spec:
    p = o.person
    if o.company and o.credit:
        f = {"company": o.company, "credit_code": o.credit}
        return Spec("id_copy", TITLES["id_copy"][3] if rng.random() < 0.6 else None, kind="licence", fields=f, seal="service",
                    seal_company=o.company, extra={"company": o.company, "credit": o.credit, "legal": p.name,
                                                    "address": p.address, "note": note})
    f = {"name": p.name, "id_number": p.id_number}
    title = rng.choice(TITLES["id_copy"][:3]) if rng.random() < 0.6 else None
    return Spec("id_copy", title, kind="idcard", fields=f,
                extra={"name": p.name, "sex": "男" if p.male else "女", "born": f"{p.born.year} 年 {p.born.month} 月 {p.born.day} 日",
                       "address": p.address, "id": p.id_number, "note": note,
                       "issuer": f"{p.address[:3]}公安局{rng.choice(('浦东', '朝阳', '天河', '鼓楼', '西湖', '武侯'))}分局",
                       "valid": f"{p.born.year + 30}.{p.born.month:02d}.{p.born.day:02d}-{p.born.year + 50}.{p.born.month:02d}.{p.born.day:02d}"})


def licence(rng: random.Random, c: Car) -> Spec:
    f = {"vin": c.vin, "plate": c.plate, "date": c.delivered.isoformat()}
    f["company" if c.owner.company else "name"] = c.owner.display
    d = f"{c.delivered:%Y-%m-%d}"
    kv = [("号牌号码", c.plate), ("车辆类型", "小型轿车"), ("所有人", c.owner.display), ("住址", c.owner.person.address),
          ("使用性质", "非营运"), ("品牌型号", f"{c.brand}牌{c.type_code}"), ("车辆识别代号", c.vin), ("发动机号码", c.engine_no),
          ("注册日期", d), ("发证日期", d)]
    return Spec("vehicle_license", _pick(rng, "vehicle_license"), kind="vlicence", kv=kv, fields=f)


# -- after-sales -------------------------------------------------------------------------------------

PARTS = [("机油滤清器", 68.0), ("全合成机油 5W-30 4L", 398.0), ("空气滤清器", 120.0), ("空调滤清器", 95.0), ("火花塞", 85.0),
         ("前刹车片", 680.0), ("刹车盘", 860.0), ("雨刮片", 160.0), ("蓄电池", 980.0), ("正时皮带套件", 1650.0),
         ("前减震器", 1280.0), ("水泵总成", 920.0), ("氧传感器", 560.0), ("点火线圈", 420.0), ("变速箱油", 520.0)]
LABOUR = [("更换机油机滤", 120.0), ("四轮定位", 260.0), ("更换刹车片", 200.0), ("发动机故障诊断", 300.0), ("空调系统检查", 150.0),
          ("更换正时皮带", 900.0), ("底盘检查", 100.0), ("钣金喷漆（前保险杠）", 1200.0), ("更换减震器", 450.0), ("节气门清洗", 180.0)]


def _visit_head(rng: random.Random, c: Car, v: Visit, f: dict[str, str], kv: list[tuple[str, str]], when: date,
                label: str) -> None:
    kv.append((rng.choice(("工单号", "委托书号", "单号", "维修单号")), v.order_no))
    f["order_number"] = v.order_no
    _who(c.owner, rng, f, kv, contact=False)
    _car_kv(c, rng, f, kv)
    kv.append((rng.choice(("进厂里程", "行驶里程(km)", "里程数")), f"{v.mileage}"))
    _date(rng, when, f, kv, label)


def _lines(rng: random.Random, n_parts: int, n_lab: int) -> tuple[list[list[str]], float]:
    rows, total = [], 0.0
    for name, price in rng.sample(LABOUR, n_lab):
        rows.append([name, "工时", "1", f"{price:.2f}"])
        total += price
    for name, price in rng.sample(PARTS, n_parts):
        q = rng.choice((1, 1, 2, 4)) if "火花塞" in name else 1
        rows.append([name, "配件", str(q), f"{price * q:.2f}"])
        total += price * q
    return rows, round(total, 2)


def after_sales(rng: random.Random, t: str, c: Car, v: Visit) -> Spec:
    f: dict[str, str] = {}
    kv: list[tuple[str, str]] = []
    cust = ("customer", "service", v.sender if t in ("reception_sheet", "work_order") else c.owner.person.name)
    adv = ("staff", "service", v.advisor)
    title = _pick(rng, t)
    job_cn = {"minor_repair": "小修", "first_service": "首保", "maintenance": "常规保养", "major_repair": "大修",
              "warranty_claim": "索赔"}[v.job_type]
    spec = Spec(t, title, header=c.dealer, kv=kv, fields=f, number=None)
    if t == "reception_sheet":
        _visit_head(rng, c, v, f, kv, v.came, rng.choice(("接车日期", "进厂日期", "到店日期")))
        kv.append(("送修人", v.sender))
        kv.append((rng.choice(("联系电话", "送修人电话")), ids.show_mobile(rng, c.owner.person.mobile)))
        f["mobile"] = c.owner.person.mobile
        kv.append(("燃油量", rng.choice(("1/4", "1/2", "3/4", "满"))))
        kv.append(("客户描述", rng.choice(("常规保养", "仪表盘发动机故障灯亮", "刹车时有异响", "空调不制冷", "怠速抖动", "左前门异响"))))
        items = rng.sample(["车身外观", "轮毂轮胎", "前后风挡", "后视镜", "随车工具", "贵重物品", "备胎", "点烟器", "脚垫"], 6)
        spec.table = (["序号", "环车检查", "状况", "备注"], _ticks(rng, items, ("", "", "", "")))
        spec.notes = ["车内贵重物品请客户自行保管，如有遗失本店概不负责。", "本人已确认上述联系人及电话真实有效。"]
        spec.parties = _parties(rng, cust, adv)
    elif t == "work_order":
        _visit_head(rng, c, v, f, kv, v.came, rng.choice(("委托日期", "开单日期", "进厂时间")))
        kv.append(("维修类别", job_cn))
        f["job_type"] = v.job_type
        kv.append(("预计交车", ids.show_date(rng, v.left)))
        rows, total = _lines(rng, rng.randint(1, 4), rng.randint(1, 3))
        spec.table = (["维修项目", "类别", "数量", "预估金额"], rows)
        spec.notes = ["委托人同意按上述项目进行维修，如需增加项目须经委托人同意。旧件如需带走请在交车时说明。"]
        spec.parties = _parties(rng, cust, adv)
    elif t in ("settlement", "estimate"):
        when = v.left if t == "settlement" else v.came
        _visit_head(rng, c, v, f, kv, when, "结算日期" if t == "settlement" else "估价日期")
        rows, total = _lines(rng, rng.randint(1, 5), rng.randint(1, 3))
        if v.job_type in ("warranty_claim", "first_service"):
            rows.append(["厂家索赔/首保免费", "优惠", "1", f"-{total:.2f}"])
            total = 0.0
        rows.append(["合计", "", "", f"{total:.2f}"])
        spec.table = (["项目名称", "类别", "数量", "金额（元）"], rows)
        f["amount"] = ids.money(total)
        spec.notes = [f"应收金额（大写）：{ids.capital_amount(total)}"] if total else ["本次维修费用由厂家承担。"]
        spec.parties = _parties(rng, cust, adv)
        if t == "settlement":
            spec.seal = "finance" if rng.random() < 0.6 else None
            spec.seal_company = c.dealer
    elif t == "free_inspection_12":
        _visit_head(rng, c, v, f, kv, v.came, "检查日期")
        items = ["机油液位及品质", "冷却液液位", "制动液液位", "转向助力油", "玻璃清洗液", "蓄电池状态", "轮胎气压及磨损",
                 "制动片厚度", "全车灯光", "雨刮片", "空调滤芯", "底盘及排气管"]
        spec.table = (["序号", "检查项目", "检查结果", "建议"], _ticks(rng, items, ("", "", "", "")))
        spec.parties = _parties(rng, ("customer", "service", c.owner.person.name), ("staff", "service", v.technician))
        spec.small = rng.random() < 0.25
    elif t == "addon_sheet":
        _visit_head(rng, c, v, f, kv, v.came, "日期")
        rows, total = _lines(rng, rng.randint(1, 2), 1)
        spec.table = (["增加项目", "类别", "数量", "费用"], rows)
        spec.notes = ["维修过程中发现上述问题，经与客户沟通，客户意见：同意增加维修项目。"]
        spec.parties = _parties(rng, cust, adv)
    elif t == "road_test":
        _visit_head(rng, c, v, f, kv, v.left, "试车日期")
        items = ["起步", "加速性能", "换挡平顺性", "制动效果", "转向回正", "行驶跑偏", "底盘异响", "仪表指示", "空调工作"]
        spec.table = (["序号", "试车项目", "结果", "备注"], _ticks(rng, rng.sample(items, 7), ("", "", "", "")))
        spec.notes = [f"试车路线：厂区—{rng.choice(('环城路', '滨江大道', '工业园区'))}—厂区，试车里程约{rng.randint(3, 15)}公里。结论：合格。"]
        spec.parties = _parties(rng, ("staff", "road", v.inspector))
        if rng.random() < 0.4:
            spec.parties.insert(0, Party("customer", rng.choice(("客户", "车主")), c.owner.person.name))
    elif t == "loss_assessment":
        _visit_head(rng, c, v, f, kv, v.came, "定损日期")
        rows, total = _lines(rng, rng.randint(2, 4), rng.randint(1, 2))
        rows.append(["定损金额合计", "", "", f"{total:.2f}"])
        f["amount"] = ids.money(total)
        spec.table = (["损失项目", "类别", "数量", "金额（元）"], rows)
        spec.parties = _parties(rng, ("customer", "service", c.owner.person.name), ("staff", "loss", v.advisor))
    elif t == "tool_readings":
        _visit_head(rng, c, v, f, kv, v.came, "检测日期")
        kv.append(("检测设备", rng.choice(("VAS 6150E", "元征X-431 PAD", "GDS诊断仪", "ISTA诊断系统"))))
        codes = rng.sample([("P0301", "1缸失火"), ("P0171", "系统过稀"), ("U0100", "与ECM通讯丢失"), ("P0420", "催化转化器效率低"),
                            ("C1234", "轮速传感器信号异常"), ("B1001", "安全气囊电阻过高")], rng.randint(1, 3))
        rows = [[code, text, rng.choice(("偶发", "当前", "历史")), "已清除"] for code, text in codes]
        rows += [["数据流", n, val, ""] for n, val in rng.sample([("怠速转速", "760 rpm"), ("冷却液温度", "92 ℃"), ("蓄电池电压", "14.1 V"),
                                                              ("短期燃油修正", "+2.3 %"), ("进气压力", "33 kPa")], 3)]
        spec.table = (["故障码/项目", "描述", "状态/读数", "处理"], rows)
        spec.parties = _parties(rng, ("staff", "tech", v.technician))
    elif t == "first_service_card":
        f["vin"] = c.vin
        kv += [("车主", c.owner.display), ("车架号", c.vin), ("购车日期", ids.show_date(rng, c.delivered)),
               ("首保里程", f"{v.mileage} km"), ("首保日期", ids.show_date(rng, v.came)), ("经销商", c.dealer)]
        f["company" if c.owner.company else "name"] = c.owner.display
        f["date"] = v.came.isoformat()
        spec.notes = ["首次保养须在购车之日起6个月或行驶5000公里内（以先到者为准）进行，逾期作废。"]
        spec.parties = _parties(rng, ("customer", "service", c.owner.person.name), ("staff", "service", v.advisor))
        spec.small = rng.random() < 0.7
        spec.header = f"{c.brand}汽车 售后服务"
    elif t == "fault_report":
        _visit_head(rng, c, v, f, kv, v.left, "报告日期")
        spec.clauses = [
            "故障现象：" + rng.choice(("客户反映冷车启动后发动机抖动，故障灯点亮。", "车辆行驶中变速箱换挡冲击明显。", "空调出风口无冷风，压缩机不工作。")),
            "检测过程：使用专用诊断仪读取故障码，检查相关线束插头及执行元件，测量电阻、电压均记录于检测数据单。",
            "故障原因：" + rng.choice(("点火线圈内部击穿。", "变速箱电磁阀卡滞。", "空调压缩机电磁离合器线圈烧损。")),
            "处理结论：属于质量保证范围内的零件故障，申请厂家索赔，更换故障零件后试车正常。",
        ]
        spec.parties = _parties(rng, ("staff", "tech", v.technician))
        spec.kind = "letter" if rng.random() < 0.4 else "form"
    if spec.kind == "letter":
        spec.extra["date"] = ids.show_date(rng, v.left)
    return spec


def parts_invoice(rng: random.Random, c: Car, v: Visit) -> Spec:
    rows, total = [], 0.0
    for name, price in rng.sample(PARTS, rng.randint(1, 3)):
        net = round(price / 1.13, 2)
        tax = round(price - net, 2)
        rows.append([f"*汽车零配件*{name}", "", "个", "1", f"{net:.2f}", f"{net:.2f}", "13%", f"{tax:.2f}"])
        total += price
    total = round(total, 2)
    code, number = f"0{rng.randrange(10**11):011d}", f"{rng.randrange(10**8):08d}"
    f = {"invoice_code": code, "invoice_number": number, "date": v.came.isoformat(), "amount": ids.money(total),
         "vin": c.vin}
    seller = f"{rng.choice(('上海', '长春', '广州', '宁波'))}{rng.choice(('华域', '联合', '博世', '汇众'))}汽车零部件有限公司"
    return Spec("parts_invoice", _pick(rng, "parts_invoice"), kind="vat", fields=f, seal="invoice", seal_company=seller,
                table=(["货物或应税劳务名称", "规格型号", "单位", "数量", "单价", "金额", "税率", "税额"], rows),
                extra={"code": code, "number": number, "date": ids.show_date(rng, v.came), "buyer": c.dealer,
                       "seller": seller, "total": f"{total:.2f}", "remark": f"VIN:{c.vin} 工单:{v.order_no}"})


# -- units -------------------------------------------------------------------------------------------

def _unit_kv(rng: random.Random, u: Unit, f: dict[str, str], kv: list[tuple[str, str]]) -> None:
    kv.append((rng.choice(("单元号", "房号", "单元", "租赁单元")), u.key))
    f["unit"] = u.key
    kv.append(("楼宇名称", u.building))
    t = u.tenant
    if t.company:
        kv.append((rng.choice(("租户名称", "业主单位", "申请单位")), t.company))
        f["company"] = t.company
        kv.append(("联系人", t.person.name))
        f["contact"] = t.person.name
    else:
        kv.append((rng.choice(("业主姓名", "住户姓名", "业主")), t.person.name))
        f["name"] = t.person.name
    kv.append((rng.choice(("联系电话", "手机")), ids.show_mobile(rng, t.person.mobile)))
    f["mobile"] = t.person.mobile


def unit_doc(rng: random.Random, t: str, u: Unit, when: date, subject: str | None = None) -> Spec:
    f: dict[str, str] = {}
    kv: list[tuple[str, str]] = []
    who = u.tenant.person.name
    cust, staff = ("customer", "unit", who), ("staff", "unit", u.staff)
    if t == "application":
        assert subject
        spec = Spec(t, rng.choice(APPLICATION_TITLES[subject]), header=u.manager, kv=kv, fields=f)
        _unit_kv(rng, u, f, kv)
        f["subject"] = subject
        detail = {"房门锁": "申请更换入户门锁芯一套，原钥匙全部交回。", "电话": "申请开通固定电话两部，安装于前台及会议室。",
                  "车位": f"申请租用地下二层月租车位一个，车牌号{ids.make_plate(rng)}。", "水牌": "申请在大堂水牌及楼层指示牌上更新公司名称。",
                  "客户加班": f"因业务需要，申请于{when:%m月%d日}18:00至22:00加班，需提供照明及空调。"}[subject]
        kv.append(("申请事项", subject))
        _date(rng, when, f, kv, "申请日期")
        spec.clauses = ["申请内容：" + detail]
        spec.notes = ["管理处意见：□同意  □不同意"]
        spec.parties = _parties(rng, cust, staff)
        spec.small = rng.random() < 0.35
        return spec
    title = _pick(rng, t)
    spec = Spec(t, title, header=u.manager, kv=kv, fields=f)
    if t == "move_in":
        _unit_kv(rng, u, f, kv)
        kv.append(("建筑面积", f"{u.area} ㎡"))
        _date(rng, when, f, kv, rng.choice(("入住日期", "交房日期", "进驻日期")))
        rows = [["1", "入户门钥匙", f"{rng.randint(2, 4)}把", ""], ["2", "信报箱钥匙", "1把", ""], ["3", "门禁卡", f"{rng.randint(2, 6)}张", ""],
                ["4", "电表读数", f"{rng.randint(0, 30)}度", ""], ["5", "水表读数", f"{rng.randint(0, 9)}吨", ""],
                ["6", "燃气表读数", f"{rng.randint(0, 5)}立方", ""]]
        spec.table = (["序号", "交接项目", "数量/读数", "备注"], rows)
        spec.notes = ["业主（住户）已验收房屋并领取上述物品，对房屋现状无异议。"]
        spec.parties = _parties(rng, cust, staff)
    elif t == "renovation":
        _unit_kv(rng, u, f, kv)
        kv.append(("装修单位", f"{rng.choice(('上海', '北京', '深圳'))}{rng.choice(('金螳螂', '亚厦', '名雕', '东易'))}装饰工程有限公司"))
        _date(rng, when, f, kv, "申请日期")
        kv.append(("施工期限", f"{when:%Y年%m月%d日}起{rng.choice((30, 45, 60, 90))}天"))
        dep = rng.choice((2000, 3000, 5000, 10000))
        kv.append(("装修押金", f"¥{dep:.2f}"))
        f["amount"] = f"{dep:.2f}"
        spec.clauses = rng.sample(RENOVATION_CLAUSES, rng.randint(4, 7))
        spec.kind = "contract" if "协议" in title else "form"
        spec.parties = _parties(rng, cust, staff)
        spec.seal, spec.seal_company = ("service" if rng.random() < 0.5 else None), u.manager
    elif t == "correspondence":
        t_ = u.tenant
        kv.append(("致", f"{t_.company or t_.person.name}（{u.building}{u.key}）"))
        f["unit"] = u.key
        f["company" if t_.company else "name"] = t_.company or t_.person.name
        body = rng.choice(LETTER_BODIES).format(unit=u.key, date=f"{when + timedelta(days=3):%m月%d日}")
        spec.clauses = [body, "特此函告。"]
        spec.kind = "letter"
        spec.extra = {"date": ids.show_date(rng, when), "from": u.manager}
        f["date"] = when.isoformat()
        spec.seal, spec.seal_company = "service", u.manager
        spec.parties = [Party("customer", rng.choice(("收函人签收", "租户签收", "业主签收", "签收人")), who)] if rng.random() < 0.6 else []
        if rng.random() < 0.5:
            spec.parties.append(Party("staff", rng.choice(("经办人", "发函人", "客服专员")), u.staff))
    return spec
