"""One builder per document type (29), each worded and laid out per site."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from dossier.samples.family_i import ids
from dossier.samples.family_i.layout import A4, A4L, A5L, Doc
from dossier.samples.family_i.page import Page
from dossier.samples.family_i.people import JOB_CN, Car, Customer, Unit, Visit, person_name
from dossier.samples.family_i.sites import Site, fmt_amount, fmt_date, upper_amount


@dataclass
class Ctx:
    site: Site
    rng: random.Random
    dpi: int
    cust: Customer
    car: Car | None = None
    visit: Visit | None = None
    unit: Unit | None = None
    copy: str = ""  # carbon-set copy name (存根联 / 客户联) when printed twice


@dataclass
class Built:
    doc_type: str | None
    title: str | None
    pages: list[Page]
    fields: dict[str, str] = field(default_factory=dict)
    script: str = "hans"


def dealer_code(site: Site) -> str:
    return ids.credit_code(random.Random(site.key), site.id_area)


def _d(c: Ctx, d: dt.date) -> str:
    return fmt_date(d, c.site.date)


def _a(c: Ctx, a: Decimal) -> str:
    return fmt_amount(a, c.site.amount)


def _mob(rng: random.Random, m: str) -> str:
    return rng.choice((m, f"{m[:3]} {m[3:7]} {m[7:]}", f"{m[:3]}-{m[3:7]}-{m[7:]}"))


def _tel(rng: random.Random, t: str) -> str:
    a, n = t.split("-")
    return rng.choice((t, f"({a}){n}", f"{a} {n}"))


def _sig_style(c: Ctx) -> str:
    return c.rng.choice(c.site.sig)


def _who(c: Ctx, fl: dict[str, str], doc: Doc, contact: bool = True) -> list[tuple[str, str]]:
    """The customer's block: a company with its contact, or a person; records the fields printed."""
    t = doc.t
    cu = c.cust
    if cu.company:
        fl["company"] = t(cu.company)
        out = [("单位名称" if c.rng.random() < 0.6 else "客户名称", cu.company)]
        if contact:
            fl["contact"] = t(cu.name)
            out.append(("联系人", cu.name))
        return out
    fl["name"] = t(cu.name)
    return [(c.rng.choice(("客户姓名", "姓名", "车主", "客户")) if c.site.kind == "car" else "住户姓名", cu.name)]


def _fin(c: Ctx, doc: Doc, doc_type: str | None, fl: dict[str, str], numbering: str = "cn") -> Built:
    doc.number_pages(numbering)
    return Built(doc_type, doc.title, doc.pages, fl, "hant" if doc.hant else "hans")


def _doc(c: Ctx, size: tuple[float, float] = A4, gov: bool = False, paper: tuple[int, int, int] = (255, 255, 255),
         face: str | None = None) -> Doc:
    return Doc(None if gov else c.site, c.rng, c.dpi, size, hant=c.site.hant and not gov, paper=paper, face=face)


def _pick(c: Ctx, options: dict[str, tuple[str, ...]]) -> str:
    return c.rng.choice(options.get(c.site.key) or options["*"])


# -- new-car papers ------------------------------------------------------------------------------------

def customer_card(c: Ctx) -> Built:
    green = c.rng.random() < 0.5
    doc = _doc(c, paper=(214, 238, 214) if green else (255, 255, 255))
    title = _pick(c, {"jiahe": ("吉利车主信息卡（绿卡）", "客户信息卡"), "dongyue": ("客户档案登记卡",),
                      "aoxin": ("车主资料卡", "客户信息卡（绿卡）"), "guanggu": ("客户信息登记表 Customer Profile",),
                      "*": ("客户信息卡",)})
    doc.header(title)
    fl: dict[str, str] = {}
    car = c.car
    assert car
    items = _who(c, fl, doc)
    m, tel = _mob(c.rng, c.cust.mobile), _tel(c.rng, c.cust.landline)
    items += [("手机", m), ("固定电话", tel), ("联系地址", c.cust.address)]
    fl.update(mobile=c.cust.mobile, landline=c.cust.landline, address=doc.t(c.cust.address))
    if c.cust.company:
        items.append(("信用代码", c.cust.credit_code or ""))
        fl["credit_code"] = c.cust.credit_code or ""
    else:
        items.append(("身份证号", c.cust.id_number))
        fl["id_number"] = c.cust.id_number
    items += [("车型", car.model), ("车身颜色", doc.t(car.colour)), ("车架号", car.vin), ("交车日期", _d(c, car.delivered))]
    fl.update(vin=car.vin, date=car.delivered.isoformat())
    hand = {"客户姓名", "姓名", "车主", "客户", "联系人", "手机", "固定电话", "联系地址", "身份证号"} if green else set()
    doc.kv(items, 1, c.rng.choice(("cells", "under", "colon")), hand=hand)
    doc.para("客户来源：□展厅 □网络 □转介绍 □车展　　　购车用途：□家用 □商用　　　是否同意回访：□是 □否")
    doc.space(4)
    style = _sig_style(c)
    doc.sigs([("customer", _pick(c, {"guanggu": ("客户签名 Customer Signature",), "aoxin": ("车主签署",),
                                     "*": ("客户签认", "客户签名", "客户确认")})),
              ("staff", _pick(c, {"guanggu": ("销售顾问 Sales Consultant",), "*": ("销售顾问", "经办人")}))],
             style, thumb=True)
    return _fin(c, doc, "customer_card", fl)


def purchase_invoice(c: Ctx) -> Built:
    car = c.car
    assert car
    doc = _doc(c, (241.0, 177.0), gov=True, face="sans")
    doc.m = 12
    doc.header("机动车销售统一发票", "plain", sub="发　票　联")
    fl: dict[str, str] = {}
    pg = doc.pg
    inv_date = car.delivered - dt.timedelta(days=c.rng.randint(0, 2))
    pg.text(doc.size[0] - 14, 20, f"开票日期：{inv_date.year}-{inv_date.month:02d}-{inv_date.day:02d}", 8.5, "sans", "rs")
    pg.text(14, 20, f"发票代码 1{c.rng.randint(10**10, 10**11 - 1)}  发票号码 {c.rng.randint(10**7, 10**8 - 1)}", 8, "mono")
    fl["date"] = inv_date.isoformat()
    cu = c.cust
    buyer = cu.company or cu.name
    fl["company" if cu.company else "name"] = buyer
    code = cu.credit_code if cu.company else cu.id_number
    fl["credit_code" if cu.company else "id_number"] = code or ""
    excl = (car.price / Decimal("1.13")).quantize(Decimal("0.01"))
    rows = [("购买方名称及身份证号码/组织机构代码", f"{buyer}    {code}"),
            ("车辆类型", "轿车" if c.rng.random() < 0.6 else "多用途乘用车"), ("厂牌型号", car.model),
            ("产地", c.site.city), ("合格证号", f"W{c.rng.randint(10**12, 10**13 - 1)}"),
            ("发动机号码", car.engine), ("车辆识别代号/车架号码", car.vin),
            ("价税合计", f"{upper_amount(car.price)}　　小写 ¥{car.price:.2f}"),
            ("销货单位名称", c.site.company), ("纳税人识别号", dealer_code(c.site)),
            ("地址", f"{c.site.city}市{c.site.district[0]}{c.site.streets[0]}88号"),
            ("税率", "13%"), ("增值税税额", f"¥{car.price - excl:.2f}"), ("不含税价", f"¥{excl:.2f}")]
    fl.update(vin=car.vin, amount=f"{car.price:.2f}")
    doc.y = 25
    doc.kv(rows, 1, "cells", label_w=62, pt=8.5)
    pg.text(14, doc.y + 2, f"开票人：{person_name(c.rng)}", 8, "sans")
    pg.text(100, doc.y + 2, "销货单位盖章", 8, "sans")
    pg.seal("oval", c.site.company, dealer_code(c.site), (150, min(doc.y + 2, 150)))
    if c.rng.random() < 0.4:
        pg.stamp("与原件核对无误", (200, 40), (180, 30, 40))
    return _fin(c, doc, "purchase_invoice", fl)


CONTRACT_TERMS = (
    "第一条　乙方向甲方购买上述车辆，车辆价款已包括增值税，不含车辆购置税、保险费及上牌费用。",
    "第二条　乙方应于签订本合同之日支付定金，余款于交车前一次付清；甲方收款后开具机动车销售统一发票。",
    "第三条　甲方应于约定日期在其展厅向乙方交付车辆及随车文件（合格证、说明书、三包凭证、钥匙两把）。",
    "第四条　乙方提车时应当场检验车辆外观及配置，并在交车检查表上签字确认；交付后车辆的风险由乙方承担。",
    "第五条　车辆的质量保证及三包责任按生产厂家的保修规定及国家有关规定执行。",
    "第六条　任何一方违约，应赔偿对方由此造成的损失；甲方逾期交车超过十五日的，乙方有权解除合同并要求双倍返还定金。",
    "第七条　本合同履行中发生争议，双方协商解决；协商不成的，可向甲方所在地人民法院提起诉讼。",
    "第八条　本合同一式两份，甲乙双方各执一份，自双方签字盖章之日起生效，具有同等法律效力。",
)


def sales_contract(c: Ctx) -> Built:
    car = c.car
    assert car
    doc = _doc(c)
    title = _pick(c, {"jiahe": ("吉利汽车买卖合同", "汽车买卖合同"), "dongyue": ("整车销售协议",),
                      "aoxin": ("购车合同书", "汽车销售合同"), "guanggu": ("汽车销售合同 Vehicle Sales Contract",),
                      "*": ("汽车买卖合同",)})
    sign_date = car.delivered - dt.timedelta(days=c.rng.randint(3, 30))
    doc.header(title, sub=f"合同编号：{c.site.key[:2].upper()}XS{sign_date:%y%m}{c.rng.randint(100, 999)}")
    fl: dict[str, str] = {}
    t = doc.t
    doc.kv([("甲方（卖方）", c.site.company), ("地址", f"{c.site.city}市{c.site.district[0]}{c.site.streets[0]}88号")],
           1, "colon")
    cu = c.cust
    buyer = [("乙方（买方）", cu.company or cu.name)]
    fl["company" if cu.company else "name"] = t(cu.company or cu.name)
    if cu.company:
        buyer.append(("统一社会信用代码", cu.credit_code or ""))
        fl["credit_code"] = cu.credit_code or ""
    else:
        buyer.append(("身份证号码", cu.id_number))
        fl["id_number"] = cu.id_number
    buyer += [("联系电话", _mob(c.rng, cu.mobile)), ("住所", cu.address)]
    fl.update(mobile=cu.mobile, address=t(cu.address))
    doc.kv(buyer, 1, "colon")
    doc.para("甲乙双方本着平等自愿、诚实信用的原则，就乙方购买甲方销售的汽车一事，经协商一致，订立本合同。")
    show_vin = c.rng.random() < 0.7
    doc.table(["品牌型号", "颜色", "车架号" if show_vin else "数量", "单价（元）"],
              [[car.model, car.colour, car.vin if show_vin else "1台", f"{car.price:,.2f}"]], (0.3, 0.15, 0.35, 0.2))
    if show_vin:
        fl["vin"] = car.vin
    doc.para(f"车辆总价款：人民币{upper_amount(car.price)}（¥{car.price:,.2f}），定金：¥{Decimal(5000):,.2f}。")
    fl["amount"] = f"{car.price:.2f}"
    for term in CONTRACT_TERMS:
        doc.para(term, indent=0)
        doc.space(1.5)
    if c.rng.random() < 0.6:
        doc.new_page()
        doc.para("第九条　其他约定：" + c.rng.choice(("随车赠送脚垫一套、贴膜一套。", "乙方自行办理上牌手续。",
                                                  "甲方代办车辆上牌，服务费已含在车价内。")))
        doc.space(4)
    doc.ensure(60)
    doc.space(6)
    pg = doc.pg
    y0 = doc.y
    pg.text(doc.m, y0, "甲方（盖章）：" + c.site.company, doc.pt)
    pg.text(doc.m + doc.w / 2 + 4, y0, "乙方（签字）：", doc.pt)
    doc.y = y0 + 6
    staff_label = _pick(c, {"guanggu": ("销售顾问 Sales",), "*": ("甲方代表", "销售顾问", "经办人")})
    x, half = doc.m, doc.w / 2
    b = pg.text(x, doc.y + 10, staff_label + "：", doc.pt)
    pg.line(b[2], doc.y + 11, x + half - 10, doc.y + 11, 0.25)
    staff = pg.slot("staff", staff_label, (b[2] + 0.4, doc.y - 0.5, x + half - 10, doc.y + 10.4))
    cl = _pick(c, {"aoxin": ("乙方签署",), "*": ("买方签字", "乙方签字", "买受人签署")})
    b2 = pg.text(x + half + 4, doc.y + 10, cl + "：", doc.pt)
    pg.line(b2[2], doc.y + 11, x + doc.w, doc.y + 11, 0.25)
    pg.slot("customer", cl, (b2[2] + 0.4, doc.y - 0.5, x + doc.w, doc.y + 10.4))
    pg.text(x, doc.y + 20, "签订日期：" + fmt_date(sign_date, c.rng.choice(("upper", c.site.date))), doc.pt)
    pg.text(x + half + 4, doc.y + 20, "签订日期：" + fmt_date(sign_date, c.site.date), doc.pt)
    fl["date"] = sign_date.isoformat()
    sx = (staff.box[0] + staff.box[2]) / 2 / pg.k + c.rng.uniform(-8, 8)
    pg.seal("round", c.site.company, "合同专用章", (sx, doc.y + 4 + c.rng.uniform(-3, 3)), over=staff)
    if c.rng.random() < 0.35:  # the legal representative's name seal beside the company's
        pg.seal("square", person_name(c.rng), "", (sx + 30, doc.y + 18))
    doc.y += 26
    return _fin(c, doc, "sales_contract", fl, c.rng.choice(("cn", "dash", "slash")))


def id_copy(c: Ctx) -> Built:
    doc = _doc(c, gov=True)
    pg = doc.pg
    cu = c.cust
    fl: dict[str, str] = {}
    k = c.rng.uniform(0.95, 1.05)
    x0, y0 = 50.0, 40.0
    if cu.company and c.rng.random() < 0.8:
        doc.title = "营业执照"
        pg.rect(25, 25, 185, 150, 1.2, colour=(170, 120, 60))
        pg.text(105, 48, "营 业 执 照", 22, "serifb", "ms")
        pg.text(105, 56, "（副　本）", 10, "serif", "ms")
        rows = [("统一社会信用代码", cu.credit_code or ""), ("名　　称", cu.company or ""), ("类　　型", "有限责任公司（自然人投资或控股）"),
                ("法定代表人", person_name(c.rng)), ("注册资本", f"{c.rng.choice((50, 100, 200, 500))}万元人民币"),
                ("成立日期", f"{c.rng.randint(2005, 2022)}年{c.rng.randint(1, 12)}月{c.rng.randint(1, 28)}日"),
                ("住　　所", cu.address)]
        y = 68.0
        for lab, val in rows:
            pg.text(36, y, lab, 9.5, "serif")
            pg.text(72, y, val, 9.5, "serif")
            y += 9
        fl.update(company=cu.company or "", credit_code=cu.credit_code or "", address=cu.address)
        pg.text(130, 138, "登记机关", 9, "serif")
        pg.seal("round", f"{c.site.city}市市场监督管理局", "", (150, 132))
    else:
        doc.title = None
        w, h = 85.6 * k, 54 * k
        for side in (0, 1):
            y = y0 + side * (h + 25)
            pg.rect(x0, y, x0 + w, y + h, 0.35, fill=(236, 236, 240) if c.rng.random() < 0.5 else None, colour=(90, 90, 90))
            if side == 0:
                pg.text(x0 + 5, y + 9, "姓名", 7, "sans")
                pg.text(x0 + 16, y + 9, cu.name, 10, "bold")
                pg.text(x0 + 5, y + 16, "性别", 7, "sans")
                pg.text(x0 + 16, y + 16, "男" if cu.male else "女", 8.5, "sans")
                pg.text(x0 + 30, y + 16, "民族", 7, "sans")
                pg.text(x0 + 40, y + 16, "汉", 8.5, "sans")
                bd = cu.id_number[6:14]
                pg.text(x0 + 5, y + 23, "出生", 7, "sans")
                pg.text(x0 + 16, y + 23, f"{bd[:4]}年{int(bd[4:6])}月{int(bd[6:])}日", 8.5, "sans")
                pg.text(x0 + 5, y + 30, "住址", 7, "sans")
                addr = cu.address
                pg.text(x0 + 16, y + 30, addr[:16], 8.5, "sans")
                if len(addr) > 16:
                    pg.text(x0 + 16, y + 35, addr[16:32], 8.5, "sans")
                    if len(addr) > 32:
                        pg.text(x0 + 16, y + 40, addr[32:], 8.5, "sans")
                pg.text(x0 + 5, y + 49, "公民身份号码", 7.5, "sans")
                pg.text(x0 + 27, y + 49, cu.id_number, 11, "mono")
                pg.rect(x0 + w - 26, y + 6, x0 + w - 5, y + 32, 0.2, fill=(200, 200, 205))
            else:
                pg.text(x0 + w / 2, y + 15, "中华人民共和国", 12, "bold", "ms")
                pg.text(x0 + w / 2, y + 25, "居民身份证", 14, "bold", "ms")
                pg.text(x0 + 10, y + 40, "签发机关", 7, "sans")
                pg.text(x0 + 26, y + 40, f"{c.site.city}市公安局{c.rng.choice(c.site.district)}分局", 8.5, "sans")
                pg.text(x0 + 10, y + 47, "有效期限", 7, "sans")
                s = c.rng.randint(2015, 2024)
                pg.text(x0 + 26, y + 47, f"{s}.0{c.rng.randint(1, 9)}.1{c.rng.randint(0, 9)}-{s + 20}.0{c.rng.randint(1, 9)}.1{c.rng.randint(0, 9)}", 8.5, "sans")
        fl.update(name=cu.name, id_number=cu.id_number)
        if len(addr) <= 16:
            fl["address"] = addr
        if c.rng.random() < 0.5:
            pg.hand(x0, y0 + 2 * (h + 25) + 8, "此复印件仅供购车使用", c.rng, 12, pen="black")
    return _fin(c, doc, "id_copy", fl)


DELIVERY_ITEMS = ("车身漆面无划痕", "内饰清洁无污迹", "随车工具齐全", "备胎/补胎工具", "钥匙两把", "用户手册及保养手册",
                  "三包凭证", "合格证", "购车发票", "导航蓝牙演示", "座椅及后视镜调节讲解", "保养周期说明",
                  "燃油/电量", "灭火器及三角警示牌")


def delivery_checklist(c: Ctx) -> Built:
    car = c.car
    assert car
    doc = _doc(c)
    title = _pick(c, {"jiahe": ("新车交付确认单", "交车检查表"), "dongyue": ("交车检查表",), "aoxin": ("交车检查确认表",),
                      "guanggu": ("交车检查表 Delivery Checklist",), "*": ("交车检查表",)})
    doc.header(title)
    fl: dict[str, str] = {}
    items = _who(c, fl, doc, contact=False) + [("联系电话", _mob(c.rng, c.cust.mobile)), ("车型", car.model),
                                                ("车架号", car.vin), ("交车日期", _d(c, car.delivered))]
    fl.update(mobile=c.cust.mobile, vin=car.vin, date=car.delivered.isoformat())
    doc.kv(items, 2, c.rng.choice(("cells", "colon")))
    bad = {c.rng.randrange(len(DELIVERY_ITEMS))} if c.rng.random() < 0.2 else set()
    doc.ticks(DELIVERY_ITEMS, bad, c.rng.choice(("cols", "boxes", "ok")))
    doc.para("本人已按上表逐项验收车辆及随车物品，确认无误。" if c.rng.random() < 0.6 else
             "以上项目已由销售顾问逐项讲解，客户对车辆状况无异议。")
    style = _sig_style(c)
    sigs = [("customer", _pick(c, {"guanggu": ("客户签名 Customer",), "aoxin": ("车主签名", "客户签署"),
                                   "*": ("客户签认", "提车人签字", "客户签字")})),
            ("staff", _pick(c, {"guanggu": ("销售顾问 Sales Consultant",), "*": ("销售顾问", "交车专员")}))]
    if c.rng.random() < 0.3:
        sigs.append(("staff", "展厅经理"))
    doc.sigs(sigs, style, thumb=True)
    return _fin(c, doc, "delivery_checklist", fl)


def vehicle_license(c: Ctx) -> Built:
    car = c.car
    assert car
    doc = _doc(c, gov=True)
    pg = doc.pg
    doc.title = "中华人民共和国机动车行驶证"
    fl: dict[str, str] = {}
    x0, y0, w, h = 40.0, 35.0, 88 * 1.4, 60 * 1.4
    pg.rect(x0, y0, x0 + w, y0 + h, 0.4, colour=(80, 80, 80))
    pg.text(x0 + w / 2, y0 + 8, "中华人民共和国机动车行驶证", 11, "bold", "ms")
    reg = car.delivered + dt.timedelta(days=c.rng.randint(2, 12))
    owner = c.cust.company or c.cust.name
    rows = [("号牌号码", car.plate, "车辆类型", "小型轿车"), ("所有人", owner, "", ""), ("住址", c.cust.address, "", ""),
            ("使用性质", "非营运", "品牌型号", car.model), ("车辆识别代号", car.vin, "", ""),
            ("发动机号码", car.engine, "", ""), ("注册日期", reg.isoformat(), "发证日期", reg.isoformat())]
    y = y0 + 17
    for a, va, b, vb in rows:
        pg.text(x0 + 4, y, a, 7.5, "sans")
        pg.text(x0 + 25, y, va if len(va) < 30 else va[:30], 8.5, "sans")
        if b:
            pg.text(x0 + 66, y, b, 7.5, "sans")
            pg.text(x0 + 82, y, vb, 8.5, "sans")
        y += 9
    fl.update(plate=car.plate, vin=car.vin, date=reg.isoformat())
    fl["company" if c.cust.company else "name"] = owner
    if len(c.cust.address) < 30:
        fl["address"] = c.cust.address
    pg.seal("round", f"{c.site.city}市公安局交通警察支队", "", (x0 + 24, y0 + h - 18))
    y1 = y0 + h + 20
    pg.rect(x0, y1, x0 + w, y1 + h * 0.8, 0.4, colour=(80, 80, 80))
    pg.text(x0 + 4, y1 + 10, f"号牌号码 {car.plate}", 8.5, "sans")
    pg.text(x0 + 4, y1 + 19, f"核定载人数 5人    整备质量 {c.rng.randint(1350, 2100)}kg", 8.5, "sans")
    pg.text(x0 + 4, y1 + 28, f"外廓尺寸 {c.rng.randint(4500, 4990)}×{c.rng.randint(1800, 1950)}×{c.rng.randint(1450, 1750)}mm",
            8.5, "sans")
    pg.text(x0 + 4, y1 + 37, f"检验记录 检验有效期至{reg.year + 6}年{reg.month:02d}月", 8.5, "sans")
    return _fin(c, doc, "vehicle_license", fl)


INSURERS = (("中国人民财产保险股份有限公司", "PICC"), ("中国平安财产保险股份有限公司", "PING AN"),
            ("中国太平洋财产保险股份有限公司", "CPIC"))


def insurance_policy(c: Ctx) -> Built:
    car = c.car
    assert car
    doc = _doc(c, gov=True, face="sans")
    ins, en = c.rng.choice(INSURERS)
    pg = doc.pg
    pg.text(doc.m, doc.y + 4, f"{en}  {ins}", 9, "bold")
    doc.y += 8
    compulsory = c.rng.random() < 0.4
    doc.header("机动车交通事故责任强制保险单" if compulsory else "机动车商业保险保险单", "plain")
    fl: dict[str, str] = {}
    start = car.delivered + dt.timedelta(days=c.rng.choice((0, 1)))
    prem = Decimal("950.00") if compulsory else Decimal(c.rng.randrange(280000, 980000)) / 100
    owner = c.cust.company or c.cust.name
    rows = [("保险单号", f"P{c.rng.randint(10**17, 10**18 - 1)}"), ("被保险人", owner),
            ("号牌号码", car.plate if c.rng.random() < 0.5 else "新车未上牌"), ("车辆识别代号", car.vin),
            ("厂牌型号", car.model), ("发动机号", car.engine),
            ("保险期间", f"自{start.year}年{start.month}月{start.day}日0时起至{start.year + 1}年{start.month}月{start.day}日24时止"),
            ("保险费合计", f"（人民币大写）{upper_amount(prem)}　（¥：{prem:.2f}元）"),
            ("签单日期", start.isoformat())]
    fl["company" if c.cust.company else "name"] = owner
    fl.update(vin=car.vin, amount=f"{prem:.2f}", date=start.isoformat())
    if "新车" not in rows[2][1]:
        fl["plate"] = car.plate
    doc.kv(rows, 1, "cells", label_w=34)
    if not compulsory:
        doc.table(["承保险种", "保险金额/责任限额（元）", "保险费（元）"],
                  [["机动车损失保险", f"{car.price:.2f}", ""], ["第三者责任保险", "2000000.00", ""],
                   ["车上人员责任险（司机）", "20000.00", ""]], (0.4, 0.35, 0.25))
    doc.para("重要提示：1. 本保险单由保险条款、投保单、批单和特别约定组成。2. 收到本保险单后，请立即核对，如有不符或疏漏，"
             "请及时通知保险人并办理变更或补充手续。")
    pg = doc.pg
    pg.text(doc.m + doc.w - 60, doc.y + 8, "保险人（签章）", 9.5, "sans")
    pg.seal("round", ins + f"{c.site.city}分公司", "保单专用章", (doc.m + doc.w - 30, doc.y + 12))
    return _fin(c, doc, "insurance_policy", fl)


VAS = (("全车隐形车衣", "6800.00"), ("前挡及侧窗隔热膜", "2600.00"), ("全包围脚垫", "680.00"), ("行车记录仪", "980.00"),
       ("延长保修（2年/6万公里）", "3200.00"), ("代办上牌服务", "800.00"), ("保险代办", "0.00"), ("车载冰箱", "1280.00"))


def value_added_services(c: Ctx) -> Built:
    car = c.car
    assert car
    doc = _doc(c)
    title = _pick(c, {"jiahe": ("衍生服务清单", "精品及增值服务确认单"), "dongyue": ("衍生服务清单",),
                      "aoxin": ("增值服务确认单",), "guanggu": ("Value-added Services 衍生服务清单",), "*": ("衍生服务清单",)})
    doc.header(title)
    fl: dict[str, str] = {}
    items = _who(c, fl, doc, contact=False) + [("车架号", car.vin), ("日期", _d(c, car.delivered))]
    fl.update(vin=car.vin, date=car.delivered.isoformat())
    doc.kv(items, 2, "colon")
    chosen = c.rng.sample(VAS, c.rng.randint(2, 5))
    total = sum((Decimal(p) for _, p in chosen), Decimal("0"))
    doc.table(["序号", "服务项目", "金额（元）", "备注"],
              [[str(i + 1), doc.t(n), p, ""] for i, (n, p) in enumerate(chosen)] + [["", "合计", f"{total:.2f}", ""]],
              (0.1, 0.5, 0.2, 0.2), right=(2,))
    fl["amount"] = f"{total:.2f}"
    doc.para("以上服务项目经客户确认自愿选购，费用已另行结清，不包含在车辆价款内。")
    doc.sigs([("customer", _pick(c, {"guanggu": ("客户确认 Customer",), "*": ("客户确认签字", "客户签认", "买方签署")})),
              ("staff", _pick(c, {"*": ("销售顾问", "衍生业务专员")}))], _sig_style(c), thumb=True)
    return _fin(c, doc, "value_added_services", fl)


MAKERS = {"L6T": "浙江吉利控股集团有限公司", "LS5": "重庆长安汽车股份有限公司", "LFP": "中国第一汽车集团有限公司",
          "LVH": "广汽本田汽车有限公司"}


def conformity_certificate(c: Ctx) -> Built:
    car = c.car
    assert car
    doc = _doc(c, gov=True, face="sans")
    doc.header("机动车整车出厂合格证", "plain")
    fl: dict[str, str] = {}
    issued = car.delivered - dt.timedelta(days=c.rng.randint(20, 120))
    maker = MAKERS.get(c.site.wmi, "汽车有限公司")
    rows = [("合格证编号", f"W{c.rng.randint(10**12, 10**13 - 1)}"), ("发证日期", f"{issued.year}年{issued.month:02d}月{issued.day:02d}日"),
            ("车辆制造企业名称", maker), ("车辆品牌", c.site.brand.split(" ")[0]), ("车辆型号", car.model),
            ("车辆识别代号/车架号", car.vin), ("车身颜色", car.colour), ("发动机号", car.engine),
            ("燃料种类", "电" if car.electric else "汽油"), ("排放标准", "" if car.electric else "GB18352.6-2016 国六"),
            ("额定载客（人）", "5"), ("车辆制造日期", f"{issued.year}年{issued.month:02d}月{max(1, issued.day - 3):02d}日")]
    rows = [r for r in rows if r[1]]
    fl.update(vin=car.vin, date=issued.isoformat())
    doc.kv(rows, 2, "cells", pt=8.5)
    doc.para("本产品经过检验，符合国家有关标准及技术条件，准予出厂，特此证明。", 9)
    pg = doc.pg
    pg.text(doc.m + doc.w - 55, doc.y + 8, "车辆制造企业（盖章）", 9, "sans")
    pg.seal("round", maker, "合格证专用章", (doc.m + doc.w - 25, doc.y + 10))
    return _fin(c, doc, "conformity_certificate", fl)


PDI_GROUPS = (("外观", ("漆面及钣金", "玻璃及后视镜", "轮胎及轮毂", "灯光外观")),
              ("发动机舱", ("机油液位", "冷却液液位", "制动液液位", "蓄电池电压", "各管路无渗漏")),
              ("车内", ("仪表及警告灯", "空调及暖风", "音响导航", "座椅调节", "安全带")),
              ("底盘及路试", ("底盘螺栓紧固", "转向系统", "制动系统", "路试无异响")))


def pdi_checklist(c: Ctx) -> Built:
    car = c.car
    assert car
    doc = _doc(c)
    title = _pick(c, {"jiahe": ("新车PDI检查表",), "dongyue": ("PDI 售前检查记录",), "aoxin": ("新车PDI检查记录",),
                      "guanggu": ("PDI Inspection Report 新车PDI检查表",), "*": ("新车PDI检查表",)})
    doc.header(title)
    fl: dict[str, str] = {}
    d = car.delivered - dt.timedelta(days=c.rng.randint(1, 6))
    doc.kv([("车架号", car.vin), ("车型", car.model), ("检查日期", _d(c, d)), ("里程(km)", str(c.rng.randint(3, 25)))],
           2, c.rng.choice(("cells", "colon")))
    fl.update(vin=car.vin, date=d.isoformat())
    style = c.rng.choice(("cols", "boxes", "ok"))
    for grp, items in PDI_GROUPS:
        doc.ensure(14)
        doc.pg.text(doc.m, doc.y + 4, f"【{grp}】", doc.pt, doc.bold)
        doc.y += 6
        doc.ticks(items, set(), style, pen=c.rng.choice(("blue", "black")))
    sigs = [("staff", _pick(c, {"guanggu": ("PDI技师 Technician",), "aoxin": ("检查员", "质检员"), "*": ("检查员", "PDI技师", "质检员")}))]
    if c.rng.random() < 0.5:
        sigs.append(("staff", "车间主管"))
    doc.sigs(sigs, c.rng.choice(("line", "grid", "initials")) if c.site.key != "aoxin" else "box")
    return _fin(c, doc, "pdi_checklist", fl)


def other_proof(c: Ctx) -> Built:
    car = c.car
    assert car
    doc = _doc(c)
    fl: dict[str, str] = {}
    cu = c.cust
    if cu.company:
        doc.header(_pick(c, {"*": ("授权委托书", "提车委托书")}), "plain")
        doc.para(f"委托单位：{cu.company}")
        doc.para(f"统一社会信用代码：{cu.credit_code}")
        doc.para(f"受托人：{cu.name}　　身份证号码：{cu.id_number}")
        fl.update(company=doc.t(cu.company), credit_code=cu.credit_code or "", contact=doc.t(cu.name), id_number=cu.id_number)
        doc.para(f"车架号：{car.vin}")
        doc.para(f"兹委托上述受托人代表我单位前往{c.site.company}办理上述车辆的购买、提车及相关手续，"
                 "受托人在办理过程中所签署的文件，我单位均予以承认。")
        fl["vin"] = car.vin
        doc.space(8)
        doc.pg.text(doc.m + doc.w - 70, doc.y, "委托单位（盖章）", doc.pt)
        doc.pg.seal("round", cu.company, "", (doc.m + doc.w - 35, doc.y + 6))
        if c.rng.random() < 0.6:
            doc.pg.seal("square", person_name(c.rng), "", (doc.m + doc.w - 75, doc.y + 8))
        doc.y += 18
        d = car.delivered - dt.timedelta(days=1)
        doc.pg.text(doc.m + doc.w - 70, doc.y, fmt_date(d, "cn"), doc.pt)
        fl["date"] = d.isoformat()
        doc.y += 8
        doc.sigs([("customer", "受托人签字")], "line")
    else:
        doc.header(_pick(c, {"*": ("置换补贴确认书", "以旧换新证明")}), "plain")
        fl["name"] = doc.t(cu.name)
        fl["vin"] = car.vin
        old = ids.plate(c.rng, c.site.province or "沪", c.site.plate_letter or "A", False)
        doc.kv([("客户姓名", cu.name), ("身份证号码", cu.id_number), ("旧车号牌", old), ("新车车架号", car.vin)], 1, "colon")
        doc.para("兹证明上述客户已将其名下旧车办理过户或报废手续，并于本店购买新车一辆，符合本次以旧换新补贴条件。")
        fl["id_number"] = cu.id_number
        doc.space(6)
        d = car.delivered
        doc.pg.text(doc.m + doc.w - 70, doc.y, c.site.company, doc.pt)
        doc.pg.text(doc.m + doc.w - 70, doc.y + 8, fmt_date(d, "cn"), doc.pt)
        fl["date"] = d.isoformat()
        doc.pg.seal("round", c.site.company, "业务专用章", (doc.m + doc.w - 40, doc.y + 2))
        doc.y += 20
        if c.rng.random() < 0.6:
            doc.sigs([("customer", "客户签字"), ("staff", "经办人")], "line")
    return _fin(c, doc, "other_proof", fl)


# -- after-sales papers --------------------------------------------------------------------------------

def _slip(c: Ctx) -> tuple[tuple[float, float], tuple[int, int, int]]:
    if c.site.slips:
        paper = {"": (255, 255, 255), "存根联": (255, 255, 255), "客户联": (252, 222, 228), "财务联": (250, 244, 200)}
        return A5L, paper.get(c.copy, (255, 255, 255))
    return A4, (255, 255, 255)


def _as_doc(c: Ctx, slip: bool = True) -> Doc:
    size, paper = _slip(c) if slip else (A4, (255, 255, 255))
    doc = _doc(c, size, paper=paper)
    if size == A5L:
        doc.m = 10
    return doc


def _as_kv(c: Ctx, doc: Doc, fl: dict[str, str], *, job: bool, who: bool = True, phone: bool = True,
           extra: tuple[tuple[str, str], ...] = (), cols: int | None = None, date: dt.date | None = None,
           mileage: bool = True) -> None:
    v, car = c.visit, c.car
    assert v and car
    mono = doc.face in ("mono", "zenhei_mono")
    items: list[tuple[str, str]] = [(_pick(c, {"dongyue": ("工单号",), "guanggu": ("RO No. 工单号",), "*": ("工单号", "委托书号", "单号")}),
                                     v.wo)]
    if who:
        items += _who(c, fl, doc, contact=bool(c.cust.company))
    if phone:
        items.append((c.rng.choice(("联系电话", "手机", "电话")), _mob(c.rng, c.cust.mobile)))
        fl["mobile"] = c.cust.mobile
    items += [("车牌号", car.plate), ("车架号", car.vin)]
    fl.update(plate=car.plate, vin=car.vin)
    if mileage:
        items.append(("行驶里程", f"{v.mileage} km"))
    d = date or v.date
    items.append((c.rng.choice(("进厂日期", "日期", "接车时间")), _d(c, d) + (f" {c.rng.randint(8, 17)}:{c.rng.randint(0, 59):02d}"
                                                                     if c.rng.random() < 0.4 else "")))
    fl["date"] = d.isoformat()
    if job:
        items.append((c.rng.choice(("维修类别", "业务类型", "作业类型")), JOB_CN[v.job]))
        fl["job_type"] = v.job
    items += list(extra)
    if mono:
        doc.kv(items, cols or 2, "mono", pt=doc.pt - 0.5)
    else:
        doc.kv(items, cols or (3 if doc.size[0] > doc.size[1] else 2), c.rng.choice(("cells", "colon", "under")))


def reception_sheet(c: Ctx) -> Built:
    v = c.visit
    assert v
    doc = _as_doc(c)
    title = _pick(c, {"jiahe": ("接车单", "车辆接待单"), "dongyue": ("车辆进厂接待单",), "aoxin": ("接车问诊单", "接车检查单"),
                      "guanggu": ("Vehicle Reception 接车单",), "*": ("接车单",)})
    doc.header(title + (f"（{c.copy}）" if c.copy else ""))
    fl: dict[str, str] = {}
    fuel = c.rng.choice(("1/4", "1/2", "3/4", "满"))
    _as_kv(c, doc, fl, job=c.rng.random() < 0.6, extra=(("燃油", fuel),), cols=3 if doc.size == A5L else 2)
    doc.para(f"客户描述：{v.complaint}", doc.pt)
    if c.rng.random() < 0.5 and doc.size != A5L:
        doc.ensure(38)
        pg = doc.pg
        x, y = doc.m + 10, doc.y + 2
        pg.rect(x, y + 6, x + 70, y + 26, 0.3)
        for cx in (x + 14, x + 56):
            pg.draw.ellipse((pg.px(cx - 6), pg.px(y + 22), pg.px(cx + 6), pg.px(y + 34)), outline=(30, 30, 36),
                            width=max(1, pg.px(0.3)))
        pg.text(x + 80, y + 10, "外观检查：○凹陷 △划痕 ×破损", 8.5, doc.face)
        for _ in range(c.rng.randint(0, 3)):
            mx, my = x + c.rng.uniform(5, 65), y + c.rng.uniform(8, 24)
            pg.draw.ellipse((pg.px(mx - 1.6), pg.px(my - 1.6), pg.px(mx + 1.6), pg.px(my + 1.6)), outline=(28, 48, 150),
                            width=max(1, pg.px(0.3)))
        doc.y += 38
    doc.ticks(("贵重物品已取走", "随车工具", "备胎", "行车记录仪"), set(), "boxes")
    style = _sig_style(c)
    cust_label = _pick(c, {"jiahe": ("客户签认", "送修人签字"), "dongyue": ("客户确认签字", "送修人"), "aoxin": ("车主签名", "送修人签署"),
                           "guanggu": ("客户签名 Customer",), "*": ("客户签字",)})
    doc.sigs([("customer", cust_label), ("staff", _pick(c, {"guanggu": ("服务顾问 Service Advisor",), "dongyue": ("接车员", "经手人"),
                                                             "*": ("服务顾问", "接待人")}))], style, thumb=True)
    return _fin(c, doc, "reception_sheet", fl)


def work_order(c: Ctx) -> Built:
    v = c.visit
    assert v
    doc = _as_doc(c)
    title = _pick(c, {"jiahe": ("任务委托书", "维修委托书"), "dongyue": ("维修任务委托书",), "aoxin": ("维修委托书",),
                      "guanggu": ("Repair Order 任务委托书",), "*": ("任务委托书",)})
    doc.header(title + (f"（{c.copy}）" if c.copy else ""))
    fl: dict[str, str] = {}
    _as_kv(c, doc, fl, job=c.rng.random() < 0.8)
    mono = doc.face in ("mono", "zenhei_mono")
    doc.table(["维修项目", "工时", "工时费", "技师"], [[doc.t(x), h, f"{fee:.2f}", v.tech] for x, h, fee in v.labour],
              (0.5, 0.13, 0.2, 0.17), "mono" if mono else "ruled", right=(2,))
    if c.rng.random() < 0.6:
        doc.table(["预计材料", "数量", "单价"], [[doc.t(p), q, f"{pr:.2f}"] for p, q, pr in v.parts], (0.6, 0.15, 0.25),
                  "mono" if mono else "ruled", right=(2,))
    doc.para("委托须知：1. 旧件如需带走请在交车前说明，否则由本店统一处理。2. 维修中如发现新的故障，本店将先征得委托人同意后再行增项。",
             doc.pt - 1.5)
    style = _sig_style(c)
    fields = [("customer", _pick(c, {"guanggu": ("委托人签名 Customer",), "aoxin": ("委托人签署",), "*": ("委托人签字", "客户签认")})),
              ("staff", _pick(c, {"guanggu": ("服务顾问 Advisor",), "*": ("服务顾问", "经办人")}))]
    if style == "grid":
        fields.append(("staff", "派工"))
    doc.sigs(fields, style, thumb=True)
    return _fin(c, doc, "work_order", fl)


def settlement(c: Ctx) -> Built:
    v = c.visit
    assert v
    land = c.rng.random() < 0.25 and c.site.key != "dongyue"
    doc = _doc(c, A4L if land else A4)
    title = _pick(c, {"jiahe": ("维修结算单", "结算单"), "dongyue": ("维修结算清单",), "aoxin": ("结算清单",),
                      "guanggu": ("Invoice / Settlement 结算单",), "*": ("结算单",)})
    doc.header(title)
    fl: dict[str, str] = {}
    _as_kv(c, doc, fl, job=c.rng.random() < 0.5, cols=3 if land else 2)
    mono = doc.face in ("mono", "zenhei_mono")
    st = "mono" if mono else "ruled"
    lab_total = sum((f for _, _, f in v.labour), Decimal("0"))
    doc.table(["工时项目", "工时", "金额"], [[doc.t(x), h, f"{fee:.2f}"] for x, h, fee in v.labour], (0.6, 0.15, 0.25), st, right=(2,))
    parts_total = sum((Decimal(q) * p for _, q, p in v.parts), Decimal("0"))
    doc.table(["材料名称", "数量", "单价", "金额"], [[doc.t(p), q, f"{pr:.2f}", f"{Decimal(q) * pr:.2f}"] for p, q, pr in v.parts],
              (0.5, 0.12, 0.18, 0.2), st, right=(2, 3))
    total = v.total
    fl["amount"] = f"{total:.2f}"
    doc.kv([("工时费合计", f"{lab_total:.2f}"), ("材料费合计", f"{parts_total:.2f}"),
            ("应收金额", _a(c, total)), ("大写", upper_amount(total))], 2, "mono" if mono else "colon")
    if v.job in ("warranty_claim", "first_service"):
        doc.para("本次" + ("索赔项目费用由厂家承担。" if v.job == "warranty_claim" else "首次保养工时及材料由厂家承担。"))
    style = _sig_style(c)
    pg0 = doc.pg
    fields = [("customer", _pick(c, {"guanggu": ("客户签名 Customer",), "aoxin": ("取车人签署", "车主签名"),
                                     "dongyue": ("客户签字", "领取人"), "*": ("客户签认", "取车人签字")})),
              ("staff", _pick(c, {"guanggu": ("结算员 Cashier",), "dongyue": ("经手人", "结算员"),
                                  "*": ("结算员", "收银员", "服务顾问")}))]
    idx = doc.sigs(fields, style, thumb=True)
    pg = doc.pg
    staff = pg.slots[idx[1]]
    if c.rng.random() < 0.55:
        cx = (staff.box[0] + staff.box[2]) / 2 / pg.k + c.rng.uniform(-10, 10)
        cy = (staff.box[1] + staff.box[3]) / 2 / pg.k + c.rng.uniform(-4, 4)
        pg.seal("round", c.site.company, c.rng.choice(("财务专用章", "业务专用章", "售后服务专用章")), (cx, cy), over=staff)
    if c.rng.random() < 0.6:
        text = c.rng.choice(("已结清", "PAID", "收讫", "现金付讫"))
        pg0.stamp(text, (doc.m + doc.w - 30, doc.m + 34), c.rng.choice(((190, 30, 40), (30, 60, 160))))
    return _fin(c, doc, "settlement", fl)


TWELVE = ("机油液位及品质", "冷却液液位", "制动液液位", "玻璃清洗液", "蓄电池状态", "轮胎气压", "轮胎花纹深度", "全车灯光",
          "雨刮器", "刹车片厚度", "底盘及管路渗漏", "空调滤芯")


def free_inspection_12(c: Ctx) -> Built:
    v = c.visit
    assert v
    doc = _as_doc(c, slip=False)
    title = _pick(c, {"jiahe": ("12项免费检查表",), "dongyue": ("十二项免费安全检查",), "aoxin": ("十二项免费检测表",),
                      "guanggu": ("12-Point Inspection 12项免费检查表",), "*": ("12项免费检查表",)})
    doc.header(title)
    fl: dict[str, str] = {}
    _as_kv(c, doc, fl, job=False, who=c.rng.random() < 0.7, phone=False)
    bad = set(c.rng.sample(range(12), c.rng.choice((0, 0, 1, 2))))
    doc.ticks(TWELVE, bad, c.rng.choice(("cols", "ok", "boxes")))
    if bad:
        doc.para("建议：" + "、".join(doc.t(TWELVE[i]) for i in sorted(bad)) + "需尽快处理。")
    doc.sigs([("customer", _pick(c, {"guanggu": ("客户签名 Customer",), "aoxin": ("车主签名",), "*": ("客户签认", "客户签字")})),
              ("staff", _pick(c, {"guanggu": ("检查技师 Technician",), "*": ("检查技师", "技师", "检查人")}))], _sig_style(c), thumb=True)
    return _fin(c, doc, "free_inspection_12", fl)


ADDONS = (("更换前刹车盘", "860.00"), ("更换火花塞(4支)", "420.00"), ("清洗节气门", "280.00"), ("更换空调滤芯", "160.00"),
          ("四轮定位", "300.00"), ("更换后雨刮", "85.00"), ("更换制动液", "260.00"))


def addon_sheet(c: Ctx) -> Built:
    v = c.visit
    assert v
    doc = _as_doc(c)
    title = _pick(c, {"jiahe": ("增项单",), "dongyue": ("追加维修项目确认单",), "aoxin": ("增项确认单",),
                      "guanggu": ("Additional Work 增项确认单",), "*": ("增项单",)})
    doc.header(title)
    fl: dict[str, str] = {}
    _as_kv(c, doc, fl, job=False, phone=c.rng.random() < 0.5, mileage=False)
    items = c.rng.sample(ADDONS, c.rng.randint(1, 3))
    total = sum((Decimal(p) for _, p in items), Decimal("0"))
    doc.table(["增加项目", "费用（元）"], [[doc.t(a), p] for a, p in items] + [["合计", f"{total:.2f}"]], (0.7, 0.3),
              "mono" if doc.face in ("mono", "zenhei_mono") else "ruled", right=(1,))
    fl["amount"] = f"{total:.2f}"
    if c.rng.random() < 0.4:
        doc.para(f"客户电话同意时间：{c.rng.randint(9, 16)}:{c.rng.randint(0, 59):02d}")
    doc.sigs([("customer", _pick(c, {"guanggu": ("客户同意 Customer Approval",), "*": ("客户同意签字", "客户签认", "委托人签字")})),
              ("staff", _pick(c, {"*": ("服务顾问", "经办人")}))], _sig_style(c), thumb=True)
    return _fin(c, doc, "addon_sheet", fl)


ROAD = ("起步", "加速", "换挡/动力衔接", "制动", "转向回正", "异响", "仪表指示", "空调")


def road_test(c: Ctx) -> Built:
    v = c.visit
    assert v
    doc = _as_doc(c)
    title = _pick(c, {"jiahe": ("试车表",), "dongyue": ("路试记录单",), "aoxin": ("试车单",), "guanggu": ("Road Test 试车记录",),
                      "*": ("试车单",)})
    doc.header(title)
    fl: dict[str, str] = {}
    _as_kv(c, doc, fl, job=c.rng.random() < 0.3, who=False, phone=False,
           extra=(("试车路线", c.rng.choice(("厂区—环线—厂区", "绕城高速 5km", "市区道路"))), ("天气", c.rng.choice(("晴", "阴", "小雨")))))
    doc.ticks(ROAD, set(), c.rng.choice(("ok", "boxes")))
    doc.para("试车结论：" + c.rng.choice(("故障已排除，车辆正常。", "无异常，可交车。", "异响消失，建议客户回访。")))
    fields = [("staff", _pick(c, {"guanggu": ("试车员 Tester",), "*": ("试车员", "试车技师")})),
              ("staff", _pick(c, {"*": ("质检员", "车间主管")}))]
    if c.rng.random() < 0.3:
        fields.append(("customer", "陪同客户"))
    doc.sigs(fields, c.rng.choice(("grid", "line", "initials")))
    return _fin(c, doc, "road_test", fl)


DAMAGE = (("前保险杠", "更换", "1650.00"), ("左前大灯总成", "更换", "2380.00"), ("左前翼子板", "钣金喷漆", "650.00"),
          ("引擎盖", "钣金喷漆", "900.00"), ("水箱框架", "更换", "780.00"), ("右后门", "喷漆", "600.00"))


def loss_assessment(c: Ctx) -> Built:
    v, car = c.visit, c.car
    assert v and car
    doc = _doc(c, gov=True, face="sans")
    ins, en = c.rng.choice(INSURERS)
    doc.pg.text(doc.m, doc.y + 4, f"{en}  {ins}", 9, "bold")
    doc.y += 8
    doc.header(c.rng.choice(("机动车保险车辆损失情况确认书", "车辆定损单")), "plain")
    fl: dict[str, str] = {}
    owner = c.cust.company or c.cust.name
    fl["company" if c.cust.company else "name"] = owner
    fl.update(plate=car.plate, vin=car.vin, date=v.date.isoformat())
    doc.kv([("报案号", f"R{c.rng.randint(10**15, 10**16 - 1)}"), ("被保险人", owner), ("号牌号码", car.plate),
            ("车架号", car.vin), ("定损日期", v.date.isoformat()), ("承修单位", c.site.company)], 2, "cells")
    items = c.rng.sample(DAMAGE, c.rng.randint(2, 4))
    total = sum((Decimal(p) for _, _, p in items), Decimal("0"))
    doc.table(["序号", "损失项目", "处理方式", "核定金额（元）"], [[str(i + 1), a, b, p] for i, (a, b, p) in enumerate(items)],
              (0.1, 0.45, 0.2, 0.25), right=(3,))
    doc.para(f"定损金额合计：{upper_amount(total)}（¥{total:.2f}）")
    fl["amount"] = f"{total:.2f}"
    doc.para("说明：本确认书所列项目为保险人核定的损失项目；维修中发现的隐损须经保险人复勘确认。")
    idx = doc.sigs([("staff", "定损员"), ("customer", "被保险人签字"), ("staff", "承修方代表")], c.rng.choice(("grid", "line")))
    pg = doc.pg
    if c.rng.random() < 0.6:
        s = pg.slots[idx[0]]
        pg.seal("round", ins + f"{c.site.city}分公司", "理赔专用章",
                ((s.box[0] + s.box[2]) / 2 / pg.k + c.rng.uniform(-6, 6), (s.box[1] + s.box[3]) / 2 / pg.k), over=s)
    return _fin(c, doc, "loss_assessment", fl)


DTC = (("P0301", "1缸失火"), ("P0128", "冷却液温度低于节温器调节温度"), ("U0100", "与ECM通讯丢失"), ("B1318", "蓄电池电压低"),
       ("P0507", "怠速高于目标值"), ("C0035", "左前轮速传感器电路"))


def tool_readings(c: Ctx) -> Built:
    v, car = c.visit, c.car
    assert v and car
    doc = _doc(c, face="mono")
    title = _pick(c, {"guanggu": ("i-HDS Diagnostic Report 诊断报告",), "aoxin": ("专用诊断仪检测数据",),
                      "*": ("专用工具检查数据", "诊断仪检测报告")})
    doc.header(title, "dms" if c.site.key == "dongyue" else "plain")
    fl: dict[str, str] = {}
    when = f"{v.date.isoformat()} {c.rng.randint(8, 17):02d}:{c.rng.randint(0, 59):02d}:{c.rng.randint(0, 59):02d}"
    doc.kv([("VIN", car.vin), ("工单号", v.wo), ("检测时间", when), ("软件版本", f"V{c.rng.randint(3, 9)}.{c.rng.randint(10, 60)}")],
           1, "mono")
    fl.update(vin=car.vin, date=v.date.isoformat())
    codes = c.rng.sample(DTC, c.rng.randint(1, 3))
    doc.table(["故障码", "描述", "状态"], [[a, doc.t(b), c.rng.choice(("当前", "历史"))] for a, b in codes], (0.2, 0.6, 0.2), "mono")
    rows = [["蓄电池电压", f"{c.rng.uniform(11.8, 14.4):.1f}", "V"], ["发动机转速", str(c.rng.randint(700, 820)), "rpm"],
            ["冷却液温度", str(c.rng.randint(82, 98)), "℃"], ["短期燃油修正", f"{c.rng.uniform(-5, 5):+.1f}", "%"]]
    doc.table(["数据流", "读数", "单位"], rows, (0.5, 0.3, 0.2), "mono")
    doc.sigs([("staff", _pick(c, {"guanggu": ("Technician 技师",), "*": ("检测技师", "技师签字")}))],
             c.rng.choice(("line", "initials")))
    return _fin(c, doc, "tool_readings", fl)


def estimate(c: Ctx) -> Built:
    v = c.visit
    assert v
    doc = _as_doc(c)
    title = _pick(c, {"jiahe": ("维修估算单", "估算单"), "dongyue": ("维修估价单",), "aoxin": ("维修估价单",),
                      "guanggu": ("Repair Estimate 估算单",), "*": ("估算单",)})
    doc.header(title)
    fl: dict[str, str] = {}
    _as_kv(c, doc, fl, job=c.rng.random() < 0.5, mileage=False)
    mono = doc.face in ("mono", "zenhei_mono")
    rows = [[doc.t(x), f"{fee:.2f}"] for x, _, fee in v.labour] + [[doc.t(p), f"{Decimal(q) * pr:.2f}"] for p, q, pr in v.parts]
    total = v.total + Decimal(c.rng.choice((0, 200, 500)))
    doc.table(["项目/配件", "估算金额"], rows, (0.7, 0.3), "mono" if mono else "ruled", right=(1,))
    doc.para(f"估算总额：{_a(c, total)}（实际费用以结算单为准，超出估算10%以上须经客户同意）")
    fl["amount"] = f"{total:.2f}"
    doc.sigs([("customer", _pick(c, {"guanggu": ("客户确认 Customer",), "*": ("客户确认签字", "客户签认")})),
              ("staff", _pick(c, {"*": ("估价员", "服务顾问")}))], _sig_style(c), thumb=True)
    return _fin(c, doc, "estimate", fl)


def first_service_card(c: Ctx) -> Built:
    v, car = c.visit, c.car
    assert v and car
    doc = _doc(c)
    pg = doc.pg
    x0, y0, w, h = 30.0, 30.0, 150.0, 95.0
    pg.rect(x0, y0, x0 + w, y0 + h, 0.5, colour=(90, 90, 90))
    brand = c.site.brand
    doc.m, doc.y = x0 + 6, y0 + 4
    title = pg.t(_pick(c, {"guanggu": ("首次保养凭证 First Service Coupon",), "*": ("首次免费保养凭证", "首保卡")}))
    pg.text(x0 + 6, y0 + 9, brand, 10, "bold", colour=c.site.accent)
    pg.text(x0 + w / 2, y0 + 18, title, 14, doc.bold, "ms", convert=False)
    doc.title = title
    fl: dict[str, str] = {}
    rows = [("车主", c.cust.company or c.cust.name), ("车架号", car.vin), ("购车日期", _d(c, car.delivered)),
            ("首保日期", _d(c, v.date)), ("首保里程", f"{v.mileage} km"), ("首保单位", c.site.short)]
    fl["company" if c.cust.company else "name"] = pg.t(c.cust.company or c.cust.name)
    fl.update(vin=car.vin, date=v.date.isoformat())
    y = y0 + 28
    for lab, val in rows:
        pg.text(x0 + 8, y, lab + "：", 9.5, doc.face)
        if lab in ("首保日期", "首保里程"):
            pg.hand(x0 + 32, y, val, c.rng, 10)
        else:
            pg.text(x0 + 32, y, val, 9.5, doc.face)
        y += 8
    doc.y = y0 + h + 6
    doc.m = 30
    idx = doc.sigs([("customer", "车主签字"), ("staff", "经销商签章")], "box")
    s = doc.pg.slots[idx[1]]
    doc.pg.seal("round", c.site.company, "售后服务专用章", ((s.box[0] + s.box[2]) / 2 / pg.k + c.rng.uniform(-5, 5),
                                                       (s.box[1] + s.box[3]) / 2 / pg.k), over=s)
    doc.pg.text(30, doc.y + 4, "（复印件）本凭证仅限首次保养使用，工单号：" + v.wo, 8.5, doc.face)
    return _fin(c, doc, "first_service_card", fl)


def parts_invoice(c: Ctx) -> Built:
    v = c.visit
    assert v
    doc = _doc(c, (241.0, 140.0), gov=True, face="sans")
    doc.m = 10
    prov = {"浙": "浙江", "鲁": "山东", "粤": "广东", "鄂": "湖北"}.get(c.site.province, "")
    doc.header(f"{prov}增值税电子普通发票", "plain")
    fl: dict[str, str] = {}
    pg = doc.pg
    pg.text(doc.size[0] - 12, 12, f"开票日期：{v.date.year}年{v.date.month:02d}月{v.date.day:02d}日", 8, "sans", "rs")
    fl["date"] = v.date.isoformat()
    buyer = c.cust.company or c.cust.name
    fl["company" if c.cust.company else "name"] = buyer
    doc.kv([("购买方名称", buyer), ("纳税人识别号", c.cust.credit_code or "")], 2, "cells", pt=8)
    if c.cust.credit_code:
        fl["credit_code"] = c.cust.credit_code
    parts = v.parts or [("机油滤清器", "1", Decimal("58.00"))]
    parts = [(p, q, pr if pr else Decimal(c.rng.randrange(8000, 180000)) / 100) for p, q, pr in parts]
    total = sum((Decimal(q) * p for _, q, p in parts), Decimal("0"))
    doc.table(["货物或应税劳务名称", "数量", "单价", "金额", "税率"],
              [[f"*汽车零配件*{p}", q, f"{pr:.2f}", f"{Decimal(q) * pr:.2f}", "13%"] for p, q, pr in parts],
              (0.4, 0.1, 0.17, 0.18, 0.15), pt=8, right=(3,))
    doc.kv([("价税合计（大写）", upper_amount(total)), ("（小写）", f"¥{total:.2f}"), ("销售方名称", c.site.company),
            ("纳税人识别号", dealer_code(c.site))], 2, "cells", pt=8)
    fl["amount"] = f"{total:.2f}"
    pg.text(doc.m, doc.y + 3, f"收款人：{person_name(c.rng)}　复核：{person_name(c.rng)}　开票人：{person_name(c.rng)}", 8, "sans")
    pg.seal("oval", c.site.company, dealer_code(c.site), (doc.size[0] - 45, doc.y - 2))
    return _fin(c, doc, "parts_invoice", fl)


def fault_report(c: Ctx) -> Built:
    v, car = c.visit, c.car
    assert v and car
    doc = _doc(c)
    title = _pick(c, {"guanggu": ("Technical Report 测试及故障报告",), "aoxin": ("故障检测报告",), "dongyue": ("测试及故障报告",),
                      "*": ("测试及故障报告", "故障诊断报告")})
    doc.header(title)
    fl: dict[str, str] = {}
    _as_kv(c, doc, fl, job=True, who=False, phone=False)
    for head, body in (("故障现象", v.complaint + "，客户反映已持续约一周。"),
                       ("检测过程", "连接专用诊断仪读取故障码，检查相关线路及插接器，测量部件电阻与供电电压，对比标准值。"),
                       ("故障原因", c.rng.choice(("水泵轴承磨损导致内部泄漏。", "升降器电机碳刷磨损。", "压缩机离合器线圈断路。"))),
                       ("处理结果", "更换故障部件后试车，故障排除，旧件已按索赔规定保留。")):
        doc.ensure(14)
        doc.pg.text(doc.m, doc.y + 4, f"{head}：", doc.pt, doc.bold)
        doc.y += 6
        doc.para(body, indent=4)
    doc.sigs([("staff", _pick(c, {"guanggu": ("Technician 技师",), "*": ("技师", "检测技师")})),
              ("staff", _pick(c, {"guanggu": ("Service Manager 技术经理",), "*": ("技术经理", "站长", "索赔员")}))],
             c.rng.choice(("grid", "line", "box")))
    return _fin(c, doc, "fault_report", fl)


# -- unit papers -----------------------------------------------------------------------------------------

def _unit_kv(c: Ctx, doc: Doc, fl: dict[str, str], date: dt.date, extra: tuple[tuple[str, str], ...] = (),
             hand: bool = False, landline: bool = False, ident: bool = False) -> None:
    u = c.unit
    assert u
    t = doc.t
    items: list[tuple[str, str]] = [(c.rng.choice(("单元号", "房号", "单元")), u.number)]
    fl["unit"] = t(u.number)
    if u.tenant.company:
        items += [(c.rng.choice(("公司名称", "租户名称", "单位名称")), u.tenant.company), ("联系人", u.tenant.name)]
        fl.update(company=t(u.tenant.company), contact=t(u.tenant.name))
    else:
        items.append((c.rng.choice(("业主姓名", "住户姓名", "姓名")), u.tenant.name))
        fl["name"] = t(u.tenant.name)
    items.append(("联系电话", _mob(c.rng, u.tenant.mobile)))
    fl["mobile"] = u.tenant.mobile
    if landline:
        items.append(("办公电话", _tel(c.rng, u.tenant.landline)))
        fl["landline"] = u.tenant.landline
    if ident:
        if u.tenant.company:
            items.append(("统一社会信用代码", u.tenant.credit_code or ""))
            fl["credit_code"] = u.tenant.credit_code or ""
        else:
            items.append(("身份证号码", u.tenant.id_number))
            fl["id_number"] = u.tenant.id_number
    items.append(("日期", _d(c, date)))
    fl["date"] = date.isoformat()
    items += list(extra)
    if c.site.header == "ledger":
        _ledger_rows(c, doc, items)
    else:
        doc.kv(items, 2 if c.rng.random() < 0.6 else 1, c.rng.choice(("cells", "colon", "under")),
               hand=[lab for lab, _ in items] if hand else ())


def _ledger_rows(c: Ctx, doc: Doc, items: list[tuple[str, str]]) -> None:
    """A hand-ruled register: lines drawn with a ruler, labels and entries written by hand."""
    pg = doc.pg
    x0, x1 = doc.m, doc.m + doc.w
    mid = x0 + 38
    rh = 10.0
    y = doc.y
    pg.wobbly(x0, y, x1, y, c.rng)
    for lab, val in items:
        pg.hand(x0 + 2, y + rh - 2.5, lab, c.rng, 11, pen="black")
        pg.hand(mid + 3, y + rh - 2.5, val, c.rng, 11, pen=c.rng.choice(("blue", "black")))
        y += rh
        pg.wobbly(x0, y, x1, y, c.rng)
    pg.wobbly(x0, doc.y, x0, y, c.rng)
    pg.wobbly(mid, doc.y, mid, y, c.rng)
    pg.wobbly(x1, doc.y, x1, y, c.rng)
    doc.y = y + 5
    pg.notes.append("hand-ruled")


def _ledger_sigs(c: Ctx, doc: Doc, fields: list[tuple[str, str]]) -> None:
    """Signature cells of a hand-ruled register: the label written by hand in a ruled cell."""
    doc.ensure(26)
    pg = doc.pg
    n = len(fields)
    cw = doc.w / n
    y = doc.y
    for i, (role, label) in enumerate(fields):
        x = doc.m + i * cw
        pg.wobbly(x, y, x + cw, y, c.rng)
        pg.wobbly(x, y + 22, x + cw, y + 22, c.rng)
        pg.wobbly(x, y, x, y + 22, c.rng)
        pg.wobbly(x + cw, y, x + cw, y + 22, c.rng)
        b = pg.hand(x + 2, y + 6.5, label, c.rng, 10.5, pen="black")
        pg.slot(role, label, (x + 1.2, b[3] + 1.2, x + cw - 1.2, y + 20.8))
    doc.y = y + 27


def _unit_sigs(c: Ctx, doc: Doc, fields: list[tuple[str, str]], style: str | None = None) -> list[int]:
    if c.site.header == "ledger":
        _ledger_sigs(c, doc, fields)
        return []
    return doc.sigs(fields, style or _sig_style(c), thumb=c.rng.random() < 0.3)


def move_in(c: Ctx) -> Built:
    u = c.unit
    assert u
    doc = _doc(c, paper=(255, 255, 255))
    title = _pick(c, {"cuihu": ("入住登记表", "业主入住登记"), "citic": ("Tenant Move-in Form 租户入驻登记表",),
                      "huating": ("业主入住资料确认表", "入住交接单"), "*": ("入住登记表",)})
    doc.header(title)
    fl: dict[str, str] = {}
    keys = c.rng.randint(2, 6)
    _unit_kv(c, doc, fl, u.since, extra=(("建筑面积", f"{u.area}㎡"), ("领取钥匙", f"{keys}把"),
                                         ("水表读数", str(c.rng.randint(0, 90))), ("电表读数", str(c.rng.randint(0, 400)))),
             hand=c.rng.random() < 0.5, landline=c.rng.random() < 0.5, ident=True)
    if c.rng.random() < 0.5:
        doc.para("入住须知：1. 装修前须向管理处办理装修申请手续；2. 请按时缴纳物业服务费；3. 公共部位不得堆放物品；"
                 "4. 如有遗失钥匙请及时到管理处登记。")
    fields = [("customer", _pick(c, {"citic": ("Tenant Signature 租户签署",), "*": ("业主签字", "住户签名", "领取人")})),
              ("staff", _pick(c, {"citic": ("Handled by 经办",), "*": ("客服经办", "经办人", "经手人")}))]
    if c.rng.random() < 0.4:
        doc.new_page()
        keep = doc.title
        doc.header("入住承诺书", "plain")
        doc.title = keep
        doc.para("本人（本单位）已详细阅读《临时管理规约》及《装修管理规定》，承诺遵守物业管理各项规定，"
                 "按时缴纳物业服务费用，如有违反愿承担相应责任。特此具结。")
        doc.space(6)
        fields[0] = ("customer", "具结人")
        doc.pages[-1].continuation = True
    _unit_sigs(c, doc, fields)
    return _fin(c, doc, "move_in", fl, "dash")


def renovation(c: Ctx) -> Built:
    u = c.unit
    assert u
    doc = _doc(c)
    title = _pick(c, {"cuihu": ("装修申请登记",), "citic": ("Fit-out Application 二次装修申请表",),
                      "huating": ("二次装修申请审批表", "装修施工申请表"), "*": ("装修申请表",)})
    doc.header(title)
    fl: dict[str, str] = {}
    dep = Decimal(c.rng.choice((2000, 3000, 5000, 10000)))
    start = min(u.since + dt.timedelta(days=c.rng.randint(5, 60)), dt.date(2026, 12, 18))
    _unit_kv(c, doc, fl, start, extra=(("装修单位", f"{c.site.city}{c.rng.choice(('美家', '居然', '匠心', '华艺'))}装饰工程有限公司"),
                                       ("施工期限", f"{c.rng.randint(20, 90)}天"), ("装修押金", _a(c, dep))))
    fl["amount"] = f"{dep:.2f}"
    if c.site.header != "ledger":
        doc.table(["施工内容", "是否涉及"], [["拆改非承重墙体", "否"], ["水电改造", "是"], ["空调安装", "是"], ["外立面改动", "否"]],
                  (0.7, 0.3))
    _unit_sigs(c, doc, [("customer", _pick(c, {"citic": ("Applicant 申请人",), "*": ("申请人", "业主签字")}))],
               "line" if c.site.key != "citic" else "en")
    appr = [("staff", "客服中心"), ("staff", "工程部"), ("staff", "管理处经理")]
    if c.site.header == "ledger":
        _ledger_sigs(c, doc, appr)
    else:
        doc.pg.text(doc.m, doc.y + 3, doc.t("审批意见："), doc.pt, doc.face, convert=False)
        doc.y += 6
        idx = doc.sigs(appr, "grid")
        if c.rng.random() < 0.4:  # the manager approves with his square name seal, across the cell
            pg = doc.pg
            s = pg.slots[idx[-1]]
            pg.seal("square", c.rng.choice(c.site.staff["manager"]), "",
                    ((s.box[0] + s.box[2]) / 2 / pg.k + c.rng.uniform(-8, 8), (s.box[1] + s.box[3]) / 2 / pg.k), over=s)
    return _fin(c, doc, "renovation", fl)


LETTERS = (("关于空调系统年度检修的告知函", "我管理处定于下周六对大厦中央空调系统进行年度检修，届时贵单元空调将暂停供冷约八小时，敬请谅解并提前做好安排。"),
           ("关于物业服务费缴纳的函", "贵单元本季度物业服务费尚未缴纳，请于本月底前到管理处客服中心办理缴费手续，逾期将按合同约定处理。"),
           ("关于消防设施检查的通知", "根据消防部门要求，我管理处将对各单元消防喷淋及烟感设施进行检查，请贵单元安排人员配合。"),
           ("关于装修噪音投诉的回复函", "贵单元反映的装修噪音问题，我管理处已约谈施工单位，要求其严格遵守施工时间，感谢您的监督。"))


def correspondence(c: Ctx) -> Built:
    u = c.unit
    assert u
    doc = _doc(c)
    title, body = c.rng.choice(LETTERS)
    doc.header(title, "letterhead" if c.site.header == "ledger" else None)
    fl: dict[str, str] = {}
    t = doc.t
    to = u.tenant.company or u.tenant.name
    fl["company" if u.tenant.company else "name"] = t(to)
    fl["unit"] = t(u.number)
    doc.para(f"致 {u.number} {to}：", doc.pt)
    doc.para("　　" + body, doc.pt)
    doc.para("　　特此函告。", doc.pt)
    d = u.since + dt.timedelta(days=c.rng.randint(30, 300))
    d = min(d, dt.date(2026, 12, 15))
    fl["date"] = d.isoformat()
    doc.space(8)
    pg = doc.pg
    x = doc.m + doc.w - 70
    pg.text(x, doc.y, c.site.company, doc.pt)
    pg.text(x, doc.y + 7, _d(c, d), doc.pt)
    pg.seal("round", c.site.company, c.rng.choice(("", "管理处")), (x + 30, doc.y + 2))
    doc.y += 22
    if c.rng.random() < 0.5:
        doc.sigs([("staff", "经办人")], "line")
    if c.rng.random() < 0.6:
        doc.ensure(40)
        pg = doc.pg
        pg.line(doc.m, doc.y, doc.m + doc.w, doc.y, 0.2)
        pg.text(doc.m + doc.w / 2, doc.y + 6, "------ 回 执 ------", 9, doc.face, "ms")
        doc.y += 10
        doc.para(f"{u.number}已收到贵处《{title}》。")
        doc.sigs([("customer", _pick(c, {"*": ("签收人", "住户签收", "租户签收")}))], c.rng.choice(("line", "dated")))
    return _fin(c, doc, "correspondence", fl)


SUBJECT_TITLES = {
    "房门锁": ("门锁更换申请单", "Door Lock Request 房门锁申请表", "房门锁维修申请"),
    "电话": ("电话开通申请表", "Telephone Line Application 电话申请", "电话移机申请单"),
    "车位": ("车位租用申请表", "Parking Space Application 车位申请表", "月租车位登记"),
    "水牌": ("水牌制作申请单", "Directory Sign Request 水牌申请", "大堂水牌更改申请"),
    "客户加班": ("加班申请单", "After-hours Work Application 客户加班申请", "节假日加班申请表"),
}
SUBJECT_DETAILS = {
    "房门锁": (("申请事项", "更换入户门锁芯"), ("原因", "钥匙遗失")), "电话": (("申请线路", "2条"), ("开通日期", "下周一")),
    "车位": (("车牌号", ""), ("租期", "12个月")), "水牌": (("水牌内容", ""), ("位置", "大堂A区")),
    "客户加班": (("加班时间", "周六 09:00-18:00"), ("人数", "12人")),
}


def application(c: Ctx) -> Built:
    u = c.unit
    assert u
    doc = _doc(c, A5L if c.rng.random() < 0.3 else A4)
    if doc.size == A5L:
        doc.m = 10
    subject = c.rng.choice(tuple(SUBJECT_TITLES))
    opts = SUBJECT_TITLES[subject]
    title = opts[1] if c.site.key == "citic" else c.rng.choice((opts[0], opts[2]))
    doc.header(title)
    fl: dict[str, str] = {"subject": subject}
    extra = []
    for lab, val in SUBJECT_DETAILS[subject]:
        if lab == "车牌号":
            val = ids.plate(c.rng, "粤" if c.site.key == "citic" else ("苏" if c.site.key == "cuihu" else "沪"), "A", False)
        if lab == "水牌内容":
            val = u.tenant.company or u.tenant.name
        extra.append((lab, val))
    fee = None
    if subject in ("车位", "客户加班", "房门锁") and c.rng.random() < 0.6:
        fee = Decimal(c.rng.choice((180, 350, 600, 800)))
        extra.append(("费用", _a(c, fee)))
        fl["amount"] = f"{fee:.2f}"
    d = u.since + dt.timedelta(days=c.rng.randint(10, 500))
    _unit_kv(c, doc, fl, min(d, dt.date(2026, 12, 10)), extra=tuple(extra), hand=c.rng.random() < 0.6)
    fields = [("customer", _pick(c, {"citic": ("Applicant 申请人",), "*": ("申请人", "申请人签字", "住户签名")})),
              ("staff", _pick(c, {"citic": ("Reception 客服",), "*": ("客服经办", "受理人")})),
              ("staff", _pick(c, {"citic": ("Approved by 批准",), "*": ("主管审批", "管理处审批")}))]
    idx = _unit_sigs(c, doc, fields)
    if idx and c.rng.random() < 0.3:
        pg = doc.pg
        s = pg.slots[idx[-1]]
        pg.seal("round", c.site.company, "管理处", ((s.box[0] + s.box[2]) / 2 / pg.k, (s.box[1] + s.box[3]) / 2 / pg.k), over=s)
    return _fin(c, doc, "application", fl)


BUILDERS: dict[str, Callable[[Ctx], Built]] = {
    "customer_card": customer_card, "purchase_invoice": purchase_invoice, "sales_contract": sales_contract,
    "id_copy": id_copy, "delivery_checklist": delivery_checklist, "vehicle_license": vehicle_license,
    "insurance_policy": insurance_policy, "value_added_services": value_added_services,
    "conformity_certificate": conformity_certificate, "pdi_checklist": pdi_checklist, "other_proof": other_proof,
    "reception_sheet": reception_sheet, "work_order": work_order, "settlement": settlement,
    "free_inspection_12": free_inspection_12, "addon_sheet": addon_sheet, "road_test": road_test,
    "loss_assessment": loss_assessment, "tool_readings": tool_readings, "estimate": estimate,
    "first_service_card": first_service_card, "parts_invoice": parts_invoice, "fault_report": fault_report,
    "move_in": move_in, "renovation": renovation, "correspondence": correspondence, "application": application,
}
