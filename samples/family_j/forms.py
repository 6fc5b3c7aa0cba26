"""One builder per document type: each draws its paper in the site's style over one or more pages and returns
the title as printed and the fields the paper states (normalised as the truth contract wants)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from dossier.samples.family_j import layout as L
from dossier.samples.family_j.canvas import Page
from dossier.samples.family_j.people import JOB_WORDS, Car, Customer, Unit, Visit
from dossier.samples.family_j.sites import Site, capital, fmt_amount, fmt_date, hant, person, when


@dataclass
class Ctx:
    site: Site
    rng: random.Random
    dpi: int
    hant: bool
    cust: Customer
    car: Car | None = None
    visit: Visit | None = None
    unit: Unit | None = None
    subject: str | None = None
    paper: tuple[int, int, int] = (255, 255, 255)
    copy_mark: str = ""  # 客户联 on a carbon set's customer copy


@dataclass
class Built:
    pages: list[Page]
    title: str | None
    fields: dict[str, str] = field(default_factory=dict)
    simplified: bool = False  # a government or insurer paper: Simplified even at a Traditional site


class Fields(dict[str, str]):
    """Fields as the truth wants them, filled while the builder prints the values."""

    def __init__(self, ctx: Ctx) -> None:
        super().__init__()
        self.ctx = ctx

    def txt(self, key: str, value: str) -> str:
        self[key] = _hant(value) if self.ctx.hant else value
        return value

    def date(self, d: dt.date) -> str:
        self["date"] = d.isoformat()
        return fmt_date(d, self.ctx.site.date_style)

    def amount(self, a: float) -> str:
        self["amount"] = f"{a:.2f}"
        return fmt_amount(a, self.ctx.site.amount_style)


def _hant(s: str) -> str:
    return hant(s)


def new_flow(ctx: Ctx, a5: bool = False) -> L.Flow:
    face = ctx.site.face

    def page() -> Page:
        return Page(ctx.dpi, 210.0, 148.5 if a5 else 297.0, ctx.hant, ctx.paper, face)
    if a5:
        return L.Flow(ctx.site, ctx.rng, page, 12.0, 198.0, 9.0, 136.0, 0.82)
    return L.Flow(ctx.site, ctx.rng, page)


def docno(rng: random.Random) -> str:
    return f"{rng.randint(0, 99999999):08d}"


def shape_for(ctx: Ctx) -> str:
    return ctx.site.sig_shape if ctx.rng.random() < 0.55 else ctx.rng.choice(L.SHAPES)


def pick(rng: random.Random, *options: str) -> str:
    return rng.choice(options)


def cust_rows(ctx: Ctx, fl: Fields, phone: bool = True, address: bool = False, landline: bool = False,
              idno: bool = False) -> list[tuple[str, str]]:
    c, rng = ctx.cust, ctx.rng
    rows: list[tuple[str, str]] = []
    if c.company:
        rows.append((pick(rng, "单位名称", "客户名称", "公司名称"), fl.txt("company", c.company)))
        rows.append((pick(rng, "联系人", "经办人"), fl.txt("contact", c.name)))
    else:
        rows.append((pick(rng, "客户姓名", "车主", "姓名", "客户"), fl.txt("name", c.name)))
    if phone:
        m = c.mobile
        fl["mobile"] = m
        rows.append((pick(rng, "手机", "联系电话", "移动电话"), pick(rng, m, f"{m[:3]} {m[3:7]} {m[7:]}", f"{m[:3]}-{m[3:7]}-{m[7:]}")))
    if landline:
        fl["landline"] = c.landline
        a, n = c.landline.split("-")
        rows.append((pick(rng, "固定电话", "座机", "办公电话"), pick(rng, c.landline, f"({a}){n}", f"{a} {n}")))
    if address:
        rows.append((pick(rng, "联系地址", "住址", "通讯地址"), fl.txt("address", c.address)))
    if idno:
        if c.credit_code:
            rows.append(("统一社会信用代码", c.credit_code))
            fl["credit_code"] = c.credit_code
        else:
            rows.append(("身份证号码", c.id_number))
            fl["id_number"] = c.id_number
    return rows


def car_rows(ctx: Ctx, fl: Fields, plate: bool = True, vin: bool = True) -> list[tuple[str, str]]:
    car = ctx.car
    assert car
    rows = [("车型", f"{ctx.site.brand} {car.model}")]
    if vin:
        rows.append((pick(ctx.rng, "车架号（VIN）", "VIN码", "车辆识别代号"), car.vin))
        fl["vin"] = car.vin
    if plate:
        rows.append((pick(ctx.rng, "车牌号", "号牌号码", "车牌"), car.plate))
        fl["plate"] = car.plate
    return rows


def job_word(ctx: Ctx) -> str:
    assert ctx.visit
    return JOB_WORDS[ctx.site.key][ctx.visit.job]


def copy_note(f: L.Flow, ctx: Ctx) -> None:
    if ctx.copy_mark:
        f.p.text(f.x1, f.y - f.s(3), ctx.copy_mark, f.s(3.0), "bold", anchor="rs")


def finish(f: L.Flow, ctx: Ctx, title: str | None, fl: Fields) -> Built:
    if len(f.pages) > 1 or ctx.rng.random() < 0.2:
        L.page_numbers(f, ctx.site.page_style)
    return Built(f.pages, title, dict(fl))


DECLARE_CAR = ("本人已仔细阅读并确认以上内容，车辆状况、维修项目及费用均已知悉并同意，贵重物品已自行取出，"
               "如有遗失本公司不承担责任。")
DECLARE_SALE = "本人已当面验收车辆及随车物品，确认外观、内饰、功能及资料齐全无误，同意按本单所列内容接收车辆。"
DECLARE_UNIT = "本人承诺遵守物业管理规定及业主临时公约，所填写资料真实有效，如有不实愿承担相应责任。"


# -- new-car papers ----------------------------------------------------------------------------------

def customer_card(ctx: Ctx) -> Built:
    rng = ctx.rng
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "客户信息登记卡", "车主档案卡", "客户资料卡（绿卡）", "VIP客户信息表"), docno(rng), "customer_card")
    rows = cust_rows(ctx, fl, address=True, landline=True, idno=rng.random() < 0.5)
    rows += car_rows(ctx, fl, plate=rng.random() < 0.5)
    assert ctx.car
    rows += [("交车日期", fl.date(ctx.car.delivered)), ("销售顾问", person(rng)), ("客户来源", pick(rng, "展厅到店", "网络预约", "老客户推荐")),
             ("行业", pick(rng, "金融", "教育", "制造业", "个体经营", "医疗"))]
    L.kv(f, rows, 2, rng.random() < 0.6, hand={r[0] for r in rows[:4]} if rng.random() < 0.4 else None)
    L.para(f, "客户资料仅用于车辆售后服务及回访，本公司承诺予以保密。", 2.8, indent=False)
    L.signatures(f, shape_for(ctx), [("customer", pick(rng, "客户", "车主")), ("staff", "销售顾问")], bool(ctx.cust.company),
                 DECLARE_SALE)
    return finish(f, ctx, title, fl)


def sales_contract(ctx: Ctx) -> Built:
    rng, site = ctx.rng, ctx.site
    assert ctx.car
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "汽车买卖合同", "新车销售协议", "整车购销合同", "车辆订购协议书"), docno(rng), "sales_contract")
    buyer_first = rng.random() < 0.5
    seller = ("出卖人", site.company)
    rows = [("甲方（买受人）" if buyer_first else "乙方（买受人）", fl.txt("company", ctx.cust.company) if ctx.cust.company
             else fl.txt("name", ctx.cust.name)),
            ("乙方（出卖人）" if buyer_first else "甲方（出卖人）", seller[1])]
    rows += cust_rows(ctx, fl, address=True, idno=True)[1:]
    L.kv(f, rows, 1, rng.random() < 0.5)
    L.para(f, "经双方平等协商，就买受人购买下列车辆事宜达成如下协议：", 3.2)
    price = fl.amount(ctx.car.price)
    L.table(f, ["车型", "颜色", "车辆识别代号", "数量", "单价"],
            [[f"{site.brand}{ctx.car.model}", ctx.car.colour, ctx.car.vin, "1", price]], [3, 1.5, 4, 1, 2.4], {4})
    fl["vin"] = ctx.car.vin
    L.para(f, f"合计金额（大写）：{capital(ctx.car.price)}（小写：{price}）", 3.2, indent=False)
    d = ctx.car.delivered
    terms = ["第一条 付款方式：买受人于签订本合同时支付定金，余款于提车前一次付清。",
             "第二条 交车时间及地点：出卖人于" + fmt_date(d, site.date_style) + "前在出卖人展厅交付车辆及随车文件。",
             "第三条 质量保证：车辆质量及三包责任按国家有关规定及生产厂家的质量担保条款执行。",
             "第四条 违约责任：任何一方违约，应向对方支付合同总价百分之五的违约金。",
             "第五条 争议解决：本合同履行中发生争议，双方协商解决；协商不成的，向出卖人所在地人民法院起诉。",
             "第六条 本合同一式两份，双方各执一份，自双方签字盖章之日起生效。"]
    for t in terms:
        L.para(f, t, 3.1, indent=False)
    if rng.random() < 0.5:  # the terms run on: the signatures land on a page of their own
        for t in ("第七条 其他约定：随车赠送脚垫一套、首次保养一次；上牌及保险可由出卖人代办，费用另计。",
                  "第八条 买受人确认已收到车辆使用说明书、保修手册及合格证等随车文件。") * 3:
            L.para(f, t, 3.1, indent=False)
        f.need(120)
    f.p.text(f.x1, f.y, "签订日期：" + fl.date(d), 3.1, anchor="ra")
    f.y += 8
    parties = [("customer", "甲方（买受人）" if buyer_first else "乙方（买受人）"),
               ("staff", "乙方（出卖人）代表" if buyer_first else "甲方（出卖人）代表")]
    if not buyer_first:
        parties.reverse()
    shape = pick(rng, "sign_table", "sign_table", "colon", "confirm")
    L.signatures(f, shape, parties, bool(ctx.cust.company), DECLARE_SALE)
    pg = f.p
    staff = [i for i, s in enumerate(pg.slots) if s.role == "staff"]
    if staff:
        sx0, sy0, sx1, sy1 = pg.slots[staff[-1]].box
        k = 25.4 / ctx.dpi
        pg.seal("round", site.company, "合同专用章", (sx0 + (sx1 - sx0) * 0.65) * k, (sy0 + sy1) / 2 * k, over=staff[-1])
    return finish(f, ctx, title, fl)


def id_copy(ctx: Ctx) -> Built:
    rng = ctx.rng
    f, fl = new_flow(ctx), Fields(ctx)
    c = ctx.cust
    pg = f.p
    title: str | None = None
    if c.company:
        title = pg.t("营业执照（副本）复印件")
        pg.text(105, 22, "营业执照（副本）复印件", 5.6, "serifb", anchor="ma")
        pg.rect(30, 38, 180, 150, 0.8, (150, 110, 40))
        y = 48
        for lab, val in (("统一社会信用代码", c.credit_code or ""), ("名称", c.company), ("类型", "有限责任公司"),
                         ("法定代表人", c.name), ("住所", c.address)):
            pg.text(40, y, f"{lab}：{val}", 3.4)
            y += 10
        fl["credit_code"] = c.credit_code or ""
        fl.txt("company", c.company)
        fl.txt("address", c.address)
        y0 = 150
    else:
        pg.rect(40, 30, 125.6, 84, 0.4, (120, 120, 120))
        y = 36
        for s in (f"姓名 {c.name}", f"性别 {pick(rng, '男', '女')}　民族 汉", "住址 " + c.address, f"公民身份号码 {c.id_number}"):
            pg.text(44, y, s, 2.8)
            y += 10
        pg.rect(100, 36, 122, 62, 0.2, (150, 150, 150), fill=(215, 215, 215))
        pg.rect(40, 92, 125.6, 146, 0.4, (120, 120, 120))
        pg.text(82.8, 100, "中华人民共和国", 4.0, "serifb", anchor="ma")
        pg.text(82.8, 110, "居民身份证", 5.0, "serifb", anchor="ma")
        pg.text(50, 128, f"签发机关 {ctx.site.city}市公安局", 2.8)
        pg.text(50, 136, "有效期限 2019.05.08-2039.05.08", 2.8)
        fl.txt("name", c.name)
        fl.txt("address", c.address)
        fl["id_number"] = c.id_number
        y0 = 152
    f.y = y0
    pg.text(f.x0 + 10, f.y, pick(rng, "此复印件仅供办理购车手续使用", "仅限" + ctx.site.short + "购车登记用，再复印无效"), 3.6,
            "kai", (60, 60, 60))
    f.y += 12
    if rng.random() < 0.6:
        L.colon(f, [("customer", pick(rng, "本人", "客户", "持证人"))], suffix="签字确认")
    return finish(f, ctx, title, fl)


def delivery_checklist(ctx: Ctx) -> Built:
    rng = ctx.rng
    assert ctx.car
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "交车确认单", "新车交付检查表", "车辆交接验收单", "新车交付确认书"), docno(rng), "delivery_checklist")
    rows = cust_rows(ctx, fl) + car_rows(ctx, fl, plate=False) + [("交车日期", fl.date(ctx.car.delivered))]
    L.kv(f, rows, 2, rng.random() < 0.5)
    items = ["车身漆面无划痕、凹陷", "内饰清洁无破损", "随车工具及备胎齐全", "灯光、喇叭、雨刮功能正常", "空调及多媒体演示",
             "钥匙两把交付", "使用说明书、保修手册", "合格证、发票交付", "首保里程及时间告知", "24小时救援电话告知"]
    L.ticks(f, items, ("已确认", "未确认"))
    L.signatures(f, shape_for(ctx), [("customer", pick(rng, "客户", "车主", "提车人")), ("staff", pick(rng, "销售顾问", "交付专员"))],
                 bool(ctx.cust.company), DECLARE_SALE)
    return finish(f, ctx, title, fl)


def pdi_checklist(ctx: Ctx) -> Built:
    rng = ctx.rng
    assert ctx.car
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "新车PDI检查表", "PDI交付前检查记录", "新车售前检测表"), docno(rng), "pdi_checklist")
    L.kv(f, car_rows(ctx, fl, plate=False) + [("发动机号", ctx.car.engine), ("检查日期", fl.date(ctx.car.delivered))], 2)
    items = ["油液液位（机油/冷却液/制动液）", "蓄电池电压", "轮胎气压及螺栓扭矩", "全车灯光", "车门、天窗及门锁", "仪表故障灯",
             "底盘有无渗漏", "路试：制动、转向、异响", "漆面及玻璃", "随车物品"]
    L.ticks(f, items, ("合格", "不合格"), rng.choice((0, 0, 1)))
    L.signatures(f, pick(rng, "colon", "chain", "under", shape_for(ctx)), [("staff", pick(rng, "PDI检查员", "检查技师", "质检员"))],
                 False, DECLARE_SALE)
    return finish(f, ctx, title, fl)


def value_added_services(ctx: Ctx) -> Built:
    rng = ctx.rng
    assert ctx.car
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "增值服务确认单", "精品及衍生服务清单", "延保及增值服务明细"), docno(rng), "value_added_services")
    L.kv(f, cust_rows(ctx, fl) + car_rows(ctx, fl, plate=False), 2)
    svc = rng.sample([("延长保修（2年/6万公里）", 3880.0), ("贴膜（前挡+侧后挡）", 2200.0), ("行车记录仪", 899.0), ("脚垫套装", 680.0),
                      ("上牌代办服务", 500.0), ("贷款手续服务", 1200.0), ("保养套餐（4次）", 2360.0)], 4)
    total = sum(v for _, v in svc)
    L.table(f, ["序号", "服务项目", "金额"], [[str(i + 1), n, fmt_amount(v, ctx.site.amount_style)] for i, (n, v) in enumerate(svc)]
            + [["", "合计", fl.amount(total)]], [1, 5, 2], {2})
    L.signatures(f, shape_for(ctx), [("customer", pick(rng, "客户", "购车人")), ("staff", "销售顾问")], bool(ctx.cust.company),
                 DECLARE_SALE)
    return finish(f, ctx, title, fl)


def other_proof(ctx: Ctx) -> Built:
    rng = ctx.rng
    assert ctx.car
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "上牌代办委托书", "购车证明", "车辆交接证明"), docno(rng), "other_proof")
    L.para(f, f"兹有{ctx.cust.who}购买{ctx.site.brand}{ctx.car.model}一辆，车辆识别代号{ctx.car.vin}，现委托"
           f"{ctx.site.company}代为办理车辆登记手续，由此产生的法律责任由委托人承担。", 3.4)
    fl["vin"] = ctx.car.vin
    fl.txt("company" if ctx.cust.company else "name", ctx.cust.who)
    f.y += 4
    f.p.text(f.x1, f.y, fl.date(ctx.car.delivered), 3.2, anchor="ra")
    f.y += 10
    L.signatures(f, pick(rng, "colon", "confirm", "under"), [("customer", "委托人")], bool(ctx.cust.company), DECLARE_SALE)
    return finish(f, ctx, title, fl)


def purchase_invoice(ctx: Ctx) -> Built:
    rng = ctx.rng
    assert ctx.car
    f, fl = new_flow(ctx), Fields(ctx)
    pg = f.p
    ctx_h = pg.hant
    pg.hant = False  # government forms stay Simplified
    title = "机动车销售统一发票"
    pg.text(105, 16, title, 6.4, "serifb", (150, 60, 40), anchor="ma")
    pg.text(105, 27, "发 票 联", 3.4, anchor="ma")
    pg.text(190, 18, f"发票号码 {rng.randint(0, 99999999):08d}", 3.0, anchor="ra")
    pg.text(190, 24, "开票日期 " + ctx.car.delivered.strftime("%Y-%m-%d"), 3.0, anchor="ra")
    fl["date"] = ctx.car.delivered.isoformat()
    price = ctx.car.price
    tax = round(price / 1.13 * 0.13, 2)
    rows = [("购买方名称", ctx.cust.who), ("身份证号码/统一社会信用代码", ctx.cust.credit_code or ctx.cust.id_number),
            ("车辆类型", "小型轿车" if rng.random() < 0.6 else "小型普通客车"), ("厂牌型号", f"{ctx.site.brand}{ctx.car.model}"),
            ("车辆识别代号/车架号码", ctx.car.vin), ("发动机号码", ctx.car.engine),
            ("价税合计", f"{capital(price)}　小写 ¥{price:.2f}"), ("增值税税率", "13%"), ("增值税税额", f"¥{tax:.2f}"),
            ("销货单位名称", ctx.site.company), ("地址", ctx.site.address)]
    f.y = 34
    L.kv(f, rows, 1, True)
    fl["company" if ctx.cust.company else "name"] = ctx.cust.who
    if ctx.cust.credit_code:
        fl["credit_code"] = ctx.cust.credit_code
    else:
        fl["id_number"] = ctx.cust.id_number
    fl["vin"] = ctx.car.vin
    fl["amount"] = f"{price:.2f}"
    pg.text(f.x0, f.y + 4, "销货单位盖章", 3.0)
    drawer = person(rng)
    pg.text(f.x0 + 60, f.y + 4, "开票人：" + drawer, 3.0)
    pg.seal("square", drawer, "", f.x0 + 100, f.y + 8)
    pg.seal("oval", ctx.site.company, "91" + ctx.site.id_area + "MA2Y" + str(rng.randint(10000, 99999)), 150, f.y + 18)
    pg.hant = ctx_h
    return Built(f.pages, title, dict(fl), simplified=True)


def vehicle_license(ctx: Ctx) -> Built:
    assert ctx.car
    f, fl = new_flow(ctx), Fields(ctx)
    pg = f.p
    h = pg.hant
    pg.hant = False
    pg.rect(30, 30, 180, 120, 0.5, (90, 90, 90))
    pg.text(105, 36, "中华人民共和国机动车行驶证", 4.6, "serifb", anchor="ma")
    y = 48.0
    for lab, val in (("号牌号码", ctx.car.plate), ("车辆类型", "小型轿车"), ("所有人", ctx.cust.who), ("住址", ctx.cust.address),
                     ("品牌型号", f"{ctx.site.brand}{ctx.car.model}"), ("车辆识别代号", ctx.car.vin), ("发动机号码", ctx.car.engine),
                     ("注册日期", ctx.car.delivered.isoformat())):
        pg.text(36, y, f"{lab}  {val}", 3.0)
        y += 8.5
    fl["plate"], fl["vin"], fl["date"] = ctx.car.plate, ctx.car.vin, ctx.car.delivered.isoformat()
    fl["company" if ctx.cust.company else "name"] = ctx.cust.who
    fl["address"] = ctx.cust.address
    pg.hant = h
    return Built(f.pages, "中华人民共和国机动车行驶证", dict(fl), simplified=True)


def conformity_certificate(ctx: Ctx) -> Built:
    assert ctx.car
    f, fl = new_flow(ctx), Fields(ctx)
    pg = f.p
    h = pg.hant
    pg.hant = False
    pg.text(105, 20, "机动车整车出厂合格证", 6.0, "serifb", anchor="ma")
    f.y = 34
    L.kv(f, [("合格证编号", "W" + docno(ctx.rng) + docno(ctx.rng)[:6]), ("车辆制造企业名称", ctx.site.brand + "汽车有限公司"),
              ("车辆品牌/型号", f"{ctx.site.brand} {ctx.car.model}"), ("车辆识别代号", ctx.car.vin), ("发动机号", ctx.car.engine),
              ("车身颜色", ctx.car.colour), ("燃料种类", "纯电动" if ctx.car.new_energy else "汽油"),
              ("车辆制造日期", (ctx.car.delivered.replace(day=1)).strftime("%Y年%m月%d日"))], 1, True)
    fl["vin"] = ctx.car.vin
    pg.seal("round", ctx.site.brand + "汽车有限公司", "产品合格证专用章", 150, f.y + 24)
    pg.hant = h
    return Built(f.pages, "机动车整车出厂合格证", dict(fl), simplified=True)


def insurance_policy(ctx: Ctx) -> Built:
    rng = ctx.rng
    assert ctx.car
    f, fl = new_flow(ctx), Fields(ctx)
    pg = f.p
    h = pg.hant
    pg.hant = False
    insurer = pick(rng, "中国人民财产保险股份有限公司", "中国太平洋财产保险股份有限公司", "平安财产保险股份有限公司")
    title = pick(rng, "机动车商业保险保险单", "机动车交通事故责任强制保险单")
    pg.text(105, 16, insurer + ctx.site.city + "分公司", 3.6, anchor="ma")
    pg.text(105, 24, title, 5.6, "serifb", anchor="ma")
    f.y = 36
    prem = float(rng.randint(9, 60) * 100 + rng.choice((0, 50)))
    L.kv(f, [("保险单号", "PDAA2026" + docno(rng)), ("被保险人", ctx.cust.who), ("号牌号码", ctx.car.plate),
              ("车辆识别代号", ctx.car.vin), ("保险期间", f"{ctx.car.delivered.isoformat()} 零时起一年"),
              ("保险费合计", f"¥{prem:,.2f}（{capital(prem)}）"), ("签单日期", ctx.car.delivered.isoformat())], 1, True)
    fl["company" if ctx.cust.company else "name"] = ctx.cust.who
    fl["plate"], fl["vin"], fl["amount"], fl["date"] = ctx.car.plate, ctx.car.vin, f"{prem:.2f}", ctx.car.delivered.isoformat()
    pg.seal("round", insurer, "保险合同专用章", 150, f.y + 24)
    pg.hant = h
    return Built(f.pages, title, dict(fl), simplified=True)


# -- after-sales papers -------------------------------------------------------------------------------

def _visit_rows(ctx: Ctx, fl: Fields, job: bool = True, mileage: bool = True) -> list[tuple[str, str]]:
    v = ctx.visit
    assert v
    rows = [(pick(ctx.rng, "工单号", "委托书号", "维修单号"), v.number)]
    if job:
        rows.append((pick(ctx.rng, "维修类别", "作业类型", "服务类型"), job_word(ctx)))
        fl["job_type"] = v.job
    rows.append((pick(ctx.rng, "进厂日期", "接车日期", "日期"), fl.date(v.date)))
    if mileage:
        rows.append(("进厂里程", f"{v.mileage} km"))
    return rows


def _as_parties(ctx: Ctx, staff: str) -> list[L.Party]:
    return [("customer", pick(ctx.rng, "车主", "客户", "送修人", "委托人")), ("staff", staff)]


def reception_sheet(ctx: Ctx) -> Built:
    rng = ctx.rng
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "接车问诊单", "车辆进厂登记表", "环车检查接待单", "预检接车单"), docno(rng), "reception_sheet")
    copy_note(f, ctx)
    L.kv(f, _visit_rows(ctx, fl, job=rng.random() < 0.6) + cust_rows(ctx, fl, landline=rng.random() < 0.3) + car_rows(ctx, fl), 2)
    L.para(f, "客户描述：" + pick(rng, "行驶中有异响，低速转弯明显", "保养到期，顺便检查空调", "仪表盘故障灯亮", "刹车时方向盘抖动"),
           3.2, indent=False)
    items = ["外观漆面", "玻璃", "轮胎及轮毂", "内饰", "油量", "随车工具", "贵重物品"]
    L.ticks(f, items, ("良好", "有损"), rng.choice((0, 1)))
    L.signatures(f, shape_for(ctx), _as_parties(ctx, "服务顾问"), bool(ctx.cust.company), DECLARE_CAR)
    return finish(f, ctx, title, fl)


def work_order(ctx: Ctx) -> Built:
    rng = ctx.rng
    v = ctx.visit
    assert v
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "维修工单", "任务委托书", "派工单（委托维修）", "维修委托协议"), docno(rng), "work_order")
    copy_note(f, ctx)
    L.kv(f, _visit_rows(ctx, fl) + cust_rows(ctx, fl) + car_rows(ctx, fl), 2, rng.random() < 0.7)
    L.table(f, ["序号", "维修项目", "工时费", "技师"], [[str(i + 1), n, f"{p:.2f}", person(rng)] for i, (n, p) in enumerate(v.items)],
            [1, 5, 1.6, 1.6], {2})
    L.table(f, ["备件名称", "数量", "单价"], [[n, str(q), f"{p:.2f}"] for n, q, p in v.parts], [5, 1, 2], {2})
    est = sum(p for _, p in v.items) + sum(q * p for _, q, p in v.parts)
    f.p.text(f.x1, f.y, "预估费用：" + fl.amount(est), 3.3, anchor="ra")
    f.y += 8
    L.signatures(f, shape_for(ctx), _as_parties(ctx, pick(rng, "服务顾问", "接待员")), bool(ctx.cust.company), DECLARE_CAR)
    if rng.random() < 0.3:  # the repair terms printed on the back, scanned as a second page
        f.need(400)
        f.p.text((f.x0 + f.x1) / 2, f.y, "维修委托条款", 4.2, "bold", anchor="ma")
        f.y += 9
        for t in ("1. 委托人应如实告知车辆状况，车内贵重物品请自行保管。", "2. 维修中发现需增加的项目，须经委托人确认后方可施工。",
                  "3. 更换的旧件，委托人未在交车时取走的，视为同意由承修方处理。", "4. 车辆修竣通知后三日内未提车的，承修方可收取停车费。",
                  "5. 本委托书经双方签字后生效，作为结算及质量保证的依据。"):
            L.para(f, t, 3.2, indent=False)
    return finish(f, ctx, title, fl)


def settlement(ctx: Ctx) -> Built:
    rng = ctx.rng
    v = ctx.visit
    assert v
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "维修结算清单", "结算单", "费用结算明细表", "维修结算凭证"), docno(rng), "settlement")
    copy_note(f, ctx)
    L.kv(f, _visit_rows(ctx, fl, job=rng.random() < 0.7) + cust_rows(ctx, fl) + car_rows(ctx, fl), 2)
    parts = list(v.parts) * (rng.choice((6, 8)) if rng.random() < 0.25 else 1)  # a long list runs onto a second page
    labour = sum(p for _, p in v.items)
    mat = sum(q * p for _, q, p in parts)
    L.table(f, ["项目/备件", "数量", "单价", "金额"], [[n, "1", f"{p:.2f}", f"{p:.2f}"] for n, p in v.items]
            + [[n, str(q), f"{p:.2f}", f"{q * p:.2f}"] for n, q, p in parts], [5, 1, 1.8, 1.8], {1, 2, 3})
    total = labour + mat
    disc = round(total * rng.choice((0, 0, 0.05, 0.1)), 2)
    due = total - disc
    f.need(24)
    for s in (f"工时费合计：{labour:.2f}", f"材料费合计：{mat:.2f}", f"优惠：{disc:.2f}"):
        f.p.text(f.x1, f.y, s, 3.1, anchor="ra")
        f.y += 5.5
    f.p.text(f.x1, f.y, "应收金额：" + fl.amount(due), 3.6, "bold", anchor="ra")
    f.y += 6
    if rng.random() < 0.5:
        f.p.text(f.x1, f.y, "大写：" + capital(due), 3.1, anchor="ra")
        f.y += 6
    if rng.random() < 0.5:
        L.rubber_stamp(f, pick(rng, "已收款", "现金收讫", "已结算"), v.date.strftime("%Y.%m.%d"))
    L.signatures(f, shape_for(ctx), _as_parties(ctx, pick(rng, "结算员", "收银员", "服务顾问")), bool(ctx.cust.company), DECLARE_CAR)
    pg = f.p
    staff = [i for i, s in enumerate(pg.slots) if s.role == "staff"]
    if staff and rng.random() < 0.5:
        x0, y0, x1, y1 = pg.slots[staff[-1]].box
        k = 25.4 / ctx.dpi
        pg.seal("round", ctx.site.company, "维修结算专用章", (x0 + (x1 - x0) * 0.7) * k, (y0 + y1) / 2 * k, over=staff[-1])
    return finish(f, ctx, title, fl)


def free_inspection_12(ctx: Ctx) -> Built:
    rng = ctx.rng
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "12项免费安全检查表", "十二项免费检测单", "免费安全检测（12项）", "爱车12项免费体检报告"), docno(rng),
                     "free_inspection_12")
    L.kv(f, _visit_rows(ctx, fl, job=False) + car_rows(ctx, fl, vin=rng.random() < 0.5), 2, rng.random() < 0.5)
    items = ["发动机机油", "冷却液", "制动液", "动力转向油", "蓄电池", "雨刮及玻璃水", "全车灯光", "轮胎及气压", "制动片厚度",
             "底盘及排气管", "空调系统", "安全带及喇叭"]
    L.ticks(f, items, ("正常", "需注意"), rng.choice((0, 1, 2)))
    L.signatures(f, shape_for(ctx), [("customer", pick(rng, "客户", "车主")), ("staff", pick(rng, "检查技师", "技师", "检查人"))],
                 bool(ctx.cust.company), DECLARE_CAR)
    return finish(f, ctx, title, fl)


def _short_visit_form(ctx: Ctx, kind: str, f: L.Flow, fl: Fields) -> str:
    rng = ctx.rng
    v = ctx.visit
    assert v
    if kind == "addon_sheet":
        title = L.header(f, pick(rng, "增修项目确认单", "追加维修项目单", "增项确认单"), docno(rng), kind)
        L.kv(f, _visit_rows(ctx, fl, job=False, mileage=False) + car_rows(ctx, fl, vin=False), 2)
        add = rng.choice([("更换后刹车盘", 980.0), ("更换正时皮带", 1250.0), ("清洗节气门", 260.0), ("更换减震器", 1680.0)])
        L.table(f, ["增加项目", "原因", "费用"], [[add[0], pick(rng, "检查发现磨损超限", "客户要求"), fl.amount(add[1])]],
                [3, 3, 1.5], {2})
        parties = _as_parties(ctx, "服务顾问")
    elif kind == "road_test":
        title = L.header(f, pick(rng, "路试记录单", "试车检验记录", "试车单"), docno(rng), kind)
        L.kv(f, _visit_rows(ctx, fl, job=False, mileage=False) + car_rows(ctx, fl, vin=False)
             + [("试车里程", f"{rng.randint(3, 15)} km")], 2)
        L.ticks(f, ["起步及加速", "换挡平顺性", "制动效果", "转向回正", "异响"], ("合格", "不合格"))
        parties = [("staff", pick(rng, "试车员", "路试技师")), ("staff", "质检员")]
        if rng.random() < 0.4:
            parties.append(("customer", "客户"))
    else:  # first_service_card
        title = L.header(f, pick(rng, "首次保养凭证", "首保服务卡", "免费首保卡（客户联）"), docno(rng), kind)
        L.kv(f, cust_rows(ctx, fl, phone=rng.random() < 0.5) + car_rows(ctx, fl, plate=False)
             + [("首保日期", fl.date(v.date)), ("首保里程", f"{v.mileage} km")], 2)
        parties = _as_parties(ctx, "服务顾问")
    L.signatures(f, pick(rng, "colon", "under", "esign", ctx.site.sig_shape), parties, bool(ctx.cust.company), DECLARE_CAR)
    return title


def short_visit(kind: str) -> Callable[[Ctx], Built]:
    def build(ctx: Ctx) -> Built:
        fl = Fields(ctx)
        if ctx.rng.random() < 0.35:  # printed two to a sheet: 存根 above the cut line, 客户联 below; one document
            page = Page(ctx.dpi, 210.0, 297.0, ctx.hant, ctx.paper, ctx.site.face)
            top = L.Flow(ctx.site, ctx.rng, lambda: page, 12.0, 198.0, 9.0, 138.0, 0.78)
            top.p.text(198, 4, "第一联 存根", 2.6, anchor="ra")
            state = ctx.rng.getstate()  # both halves are one carbon-copied form: the same choices print twice
            title = _short_visit_form(ctx, kind, top, fl)
            page.line(4, 148.5, 206, 148.5, 0.25, (90, 90, 90), dash=2.0)
            page.text(105, 146.5, "- - 沿此线裁开 - -", 2.4, anchor="ms")
            bottom = L.Flow(ctx.site, ctx.rng, lambda: page, 12.0, 198.0, 156.0, 288.0, 0.78)
            bottom.p.text(198, 151, "第二联 客户联", 2.6, anchor="ra")
            ctx.rng.setstate(state)
            _short_visit_form(ctx, kind, bottom, Fields(ctx))
            return Built([page], title, dict(fl))
        f = new_flow(ctx, a5=ctx.rng.random() < 0.4)  # or a half sheet of its own (A5 landscape)
        title = _short_visit_form(ctx, kind, f, fl)
        return finish(f, ctx, title, fl)
    return build


def estimate(ctx: Ctx) -> Built:
    rng = ctx.rng
    v = ctx.visit
    assert v
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "维修估价单", "维修预算确认书", "费用预估单"), docno(rng), "estimate")
    L.kv(f, _visit_rows(ctx, fl) + cust_rows(ctx, fl) + car_rows(ctx, fl, plate=False), 2)
    rows = [[n, f"{p:.2f}"] for n, p in v.items] + [[n, f"{q * p:.2f}"] for n, q, p in v.parts]
    L.table(f, ["项目", "预估金额"], rows, [5, 2], {1})
    est = sum(p for _, p in v.items) + sum(q * p for _, q, p in v.parts)
    est = est * 1.08 if est else float(rng.randint(3, 40) * 100)
    f.p.text(f.x1, f.y, "估价合计：" + fl.amount(round(est, 2)), 3.4, "bold", anchor="ra")
    f.y += 7
    L.para(f, "本估价单仅供参考，实际费用以结算单为准；如维修中发现新的故障，将另行征得客户同意。", 3.0, indent=False)
    L.signatures(f, shape_for(ctx), _as_parties(ctx, "服务顾问"), bool(ctx.cust.company), DECLARE_CAR)
    return finish(f, ctx, title, fl)


def loss_assessment(ctx: Ctx) -> Built:
    rng = ctx.rng
    v = ctx.visit
    assert v and ctx.car
    f, fl = new_flow(ctx), Fields(ctx)
    pg = f.p
    h = pg.hant
    pg.hant = False
    insurer = pick(rng, "中国人民财产保险股份有限公司", "中国太平洋财产保险股份有限公司")
    title = pick(rng, "机动车保险车辆损失情况确认书", "定损单")
    pg.text(105, 14, insurer, 3.6, anchor="ma")
    pg.text(105, 21, title, 5.4, "serifb", anchor="ma")
    f.y = 32
    L.kv(f, [("报案号", "RDAA" + docno(rng)), ("被保险人", ctx.cust.who), ("号牌号码", ctx.car.plate), ("车架号", ctx.car.vin),
              ("定损日期", v.date.isoformat()), ("承修单位", ctx.site.company)], 2)
    fl["company" if ctx.cust.company else "name"] = ctx.cust.who
    fl["plate"], fl["vin"], fl["date"] = ctx.car.plate, ctx.car.vin, v.date.isoformat()
    parts = [("前保险杠", 1, 1350.0), ("左前大灯总成", 1, 2860.0), ("左前翼子板钣金喷漆", 1, 800.0)]
    L.table(f, ["损失项目", "数量", "核定金额"], [[n, str(q), f"{p:.2f}"] for n, q, p in parts], [4, 1, 2], {2})
    total = sum(q * p for _, q, p in parts)
    pg.text(f.x1, f.y, f"核定损失金额合计：¥{total:.2f}", 3.4, anchor="ra")
    fl["amount"] = f"{total:.2f}"
    f.y += 10
    L.colon(f, [("staff", "定损员"), ("customer", "被保险人")])
    pg = f.p
    x0, y0, x1, y1 = pg.slots[-2].box
    k = 25.4 / ctx.dpi
    if rng.random() < 0.6:
        pg.seal("round", insurer, "车险理赔专用章", (x0 + (x1 - x0) * 0.6) * k, (y0 + y1) / 2 * k, over=len(pg.slots) - 2)
    pg.hant = h
    return Built(f.pages, title, dict(fl), simplified=True)


def tool_readings(ctx: Ctx) -> Built:
    rng = ctx.rng
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "诊断仪检测数据记录", "专用工具检测报告", "电脑诊断结果单"), docno(rng), "tool_readings")
    L.kv(f, _visit_rows(ctx, fl, job=False) + car_rows(ctx, fl, plate=False), 2, False)
    codes = rng.sample(["P0300 随机/多缸失火", "P0171 系统过稀", "U0100 与ECM通讯丢失", "B1001 安全气囊电路", "P0A80 更换混合动力电池组",
                        "C0035 左前轮速传感器"], 3)
    L.table(f, ["故障码", "状态", "冻结帧读数"], [[c, pick(rng, "当前", "历史"), f"{rng.randint(600, 3200)} rpm / {rng.randint(40, 95)}℃"]
                                               for c in codes], [4, 1.2, 3])
    L.signatures(f, pick(rng, "colon", "under", "chain"), [("staff", pick(rng, "检测技师", "诊断技师"))], False, DECLARE_CAR)
    return finish(f, ctx, title, fl)


def fault_report(ctx: Ctx) -> Built:
    rng = ctx.rng
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "故障诊断报告", "质量问题技术报告", "测试及故障分析报告"), docno(rng), "fault_report")
    L.kv(f, _visit_rows(ctx, fl) + car_rows(ctx, fl), 2)
    for head, body in (("故障现象", "客户反映冷车启动后发动机舱有异响，伴随冷却液温度偏高报警。"),
                       ("检查过程", "读取故障码，检测冷却系统压力，拆检水泵发现轴承松旷、叶轮磨损，确认为零件质量问题。"),
                       ("处理意见", "按质量担保政策更换水泵总成，旧件保留待厂家回收。")):
        f.p.text(f.x0, f.y, head + "：", 3.4, "bold")
        f.y += 6
        L.para(f, body, 3.2)
    parties = [("staff", pick(rng, "技术经理", "主修技师")), ("staff", pick(rng, "服务经理", "索赔员"))]
    if rng.random() < 0.4:
        parties.append(("customer", "车主"))
    L.signatures(f, pick(rng, "colon", "chain", "sign_table"), parties, False, DECLARE_CAR)
    return finish(f, ctx, title, fl)


def parts_invoice(ctx: Ctx) -> Built:
    rng = ctx.rng
    v = ctx.visit
    assert v
    f, fl = new_flow(ctx), Fields(ctx)
    pg = f.p
    h = pg.hant
    pg.hant = False
    title = pick(rng, "增值税普通发票", "电子发票（普通发票）")
    pg.text(105, 14, title, 6.0, "serifb", (150, 60, 40), anchor="ma")
    pg.text(192, 26, "开票日期：" + v.date.strftime("%Y年%m月%d日"), 3.0, anchor="ra")
    fl["date"] = v.date.isoformat()
    f.y = 32
    L.kv(f, [("购买方名称", ctx.cust.who), ("销售方名称", ctx.site.company)], 1)
    fl["company" if ctx.cust.company else "name"] = ctx.cust.who
    L.table(f, ["货物或应税劳务名称", "数量", "单价", "金额"], [[f"*汽车零部件*{n}", str(q), f"{p:.2f}", f"{q * p:.2f}"]
                                                   for n, q, p in v.parts], [4, 1, 1.5, 1.5], {1, 2, 3})
    total = sum(q * p for _, q, p in v.parts) or float(rng.randint(2, 30) * 100)
    pg.text(f.x0, f.y, f"价税合计（大写）{capital(total)}　（小写）¥{total:.2f}", 3.2)
    fl["amount"] = f"{total:.2f}"
    f.y += 10
    pg.seal("oval", ctx.site.company, "91" + ctx.site.id_area + "MA3" + str(rng.randint(100000, 999999)), 160, f.y + 16)
    pg.hant = h
    return Built(f.pages, title, dict(fl), simplified=True)


# -- unit papers ----------------------------------------------------------------------------------------

def _unit_rows(ctx: Ctx, fl: Fields, who: str = "业主") -> list[tuple[str, str]]:
    u = ctx.unit
    assert u
    rows = [(pick(ctx.rng, "房号", "单元号", "单元", "所在单元"), u.number)]
    fl["unit"] = u.number
    c = ctx.cust
    if c.company:
        rows.append((pick(ctx.rng, "租户名称", "公司名称"), fl.txt("company", c.company)))
        rows.append(("联系人", fl.txt("contact", c.name)))
    else:
        rows.append((who + "姓名", fl.txt("name", c.name)))
    rows.append(("联系电话", c.mobile))
    fl["mobile"] = c.mobile
    return rows


def move_in(ctx: Ctx) -> Built:
    rng = ctx.rng
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "入住交接单", "业主入住验房确认表", "收楼交接清单", "租户进场交接表"), docno(rng), "move_in")
    L.kv(f, _unit_rows(ctx, fl) + [("交接日期", fl.date(_d(ctx)))], 2)
    L.table(f, ["项目", "数量/读数", "备注"], [["入户门钥匙", f"{rng.randint(2, 4)} 把", ""], ["门禁卡", f"{rng.randint(1, 3)} 张", ""],
                                           ["电表读数", f"{rng.randint(0, 99)}.{rng.randint(0, 9)} 度", ""],
                                           ["水表读数", f"{rng.randint(0, 20)} 吨", ""], ["燃气表读数", "0", ""]], [3, 2, 3])
    L.ticks(f, ["墙面、天花无裂缝", "门窗开关正常", "给排水通畅", "强弱电箱完好", "地面无空鼓"], ("完好", "有问题"), rng.choice((0, 1)))
    L.signatures(f, shape_for(ctx), [("customer", pick(rng, "业主", "租户", "收楼人")), ("staff", pick(rng, "物业交接人", "客服专员"))],
                 bool(ctx.cust.company), DECLARE_UNIT)
    return finish(f, ctx, title, fl)


def _d(ctx: Ctx) -> dt.date:
    return when(ctx.rng)


def renovation(ctx: Ctx) -> Built:
    rng = ctx.rng
    f, fl = new_flow(ctx), Fields(ctx)
    title = L.header(f, pick(rng, "装修申请表", "二次装修施工申请书", "装修施工许可审批表"), docno(rng), "renovation")
    dep = float(rng.choice((2000, 3000, 5000, 10000)))
    L.kv(f, _unit_rows(ctx, fl, "申请人") + [("申请日期", fl.date(_d(ctx))), ("施工单位", person(rng)[0] + "氏装饰工程有限公司"),
                                          ("施工负责人", person(rng)), ("装修押金", fl.amount(dep))], 2)
    L.para(f, "装修内容：" + pick(rng, "墙面翻新、更换地板、厨卫改造", "办公区隔断、强弱电改造、吊顶", "更换门窗、增加空调机位"), 3.2,
           indent=False)
    for t in ("一、施工时间为工作日8:00-12:00、14:00-18:00，节假日不得进行产生噪音的施工。",
              "二、不得拆改承重墙、剪力墙及外立面，不得改变防水层及消防设施。",
              "三、装修垃圾须袋装并运至指定地点，电梯内须做好保护。",
              "四、违反上述规定者，物业服务中心有权责令停工并从押金中扣除相应费用。"):
        L.para(f, t, 3.1, indent=False)
    if rng.random() < 0.4:
        L.rubber_stamp(f, pick(rng, "已审核", "同意施工"), fmt_date(_d(ctx), "dot"))
    if rng.random() < 0.45:  # the undertaking fills the sheet: the signatures are on a page of their own
        f.need(400)
        L.para(f, "五、本申请经物业服务中心审批同意并缴纳押金后方可施工，施工完毕经验收合格后无息退还押金。", 3.1, indent=False)
    L.signatures(f, pick(rng, "declaration", "confirm", shape_for(ctx)), [("customer", pick(rng, "申请人", "业主"))],
                 bool(ctx.cust.company), DECLARE_UNIT)
    L.chain(f, [("staff", "工程部审核"), ("staff", "客服部经办"), ("staff", "物业经理审批")])
    return finish(f, ctx, title, fl)


SUBJECT_TITLES = {"车位": ["车位租用申请表", "月租车位申请", "固定车位办理申请表"],
                  "房门锁": ["门禁卡办理申请表", "房门锁更换申请", "门锁及门禁卡申请表"],
                  "水牌": ["水牌制作申请", "大堂水牌登记申请表", "楼层指示牌申请"],
                  "客户加班": ["加班申请表", "非办公时间加班申请", "延时空调及加班申请"],
                  "电话": ["电话开通申请表", "电话线路安装申请"]}


def application(ctx: Ctx) -> Built:
    rng = ctx.rng
    subject = ctx.subject or "车位"
    fl = Fields(ctx)
    fl["subject"] = subject
    two_up = rng.random() < 0.3

    def body(f: L.Flow, fields: Fields) -> str:
        title = L.header(f, rng.choice(SUBJECT_TITLES[subject]), docno(rng), "application")
        rows = _unit_rows(ctx, fields, "申请人") + [("申请日期", fields.date(_d(ctx)))]
        if subject == "车位":
            assert ctx.car
            rows += [("车牌号码", ctx.car.plate), ("车位编号", f"B{rng.randint(1, 3)}-{rng.randint(1, 320):03d}")]
            fields["plate"] = ctx.car.plate
        elif subject == "客户加班":
            rows += [("加班时间", f"{rng.randint(18, 20)}:00-{rng.randint(21, 23)}:00"), ("加班人数", str(rng.randint(2, 30)))]
        elif subject == "水牌":
            rows += [("水牌内容", ctx.cust.who)]
        elif subject == "房门锁":
            rows += [("办理数量", f"{rng.randint(1, 6)} 张"), ("原因", pick(rng, "新员工入职", "遗失补办", "锁芯损坏"))]
        else:
            rows += [("线路数量", f"{rng.randint(1, 4)} 条")]
        L.kv(f, rows, 2, rng.random() < 0.6)
        L.signatures(f, pick(rng, "colon", "confirm", "under", ctx.site.sig_shape),
                     [("customer", "申请人"), ("staff", pick(rng, "受理人", "客服经办"))], bool(ctx.cust.company), DECLARE_UNIT)
        return title

    if two_up:
        page = Page(ctx.dpi, 210.0, 297.0, ctx.hant, ctx.paper, ctx.site.face)
        top = L.Flow(ctx.site, rng, lambda: page, 12.0, 198.0, 9.0, 138.0, 0.78)
        state = rng.getstate()  # the office's copy above the cut line, the applicant's below: one form twice
        title = body(top, fl)
        page.line(4, 148.5, 206, 148.5, 0.25, (90, 90, 90), dash=2.0)
        page.text(105, 146.5, "- - 沿此线裁开 - -", 2.4, anchor="ms")
        bottom = L.Flow(ctx.site, rng, lambda: page, 12.0, 198.0, 156.0, 288.0, 0.78)
        rng.setstate(state)
        body(bottom, Fields(ctx))
        return Built([page], title, dict(fl))
    f = new_flow(ctx, a5=rng.random() < 0.4)
    title = body(f, fl)
    return finish(f, ctx, title, fl)


def correspondence(ctx: Ctx) -> Built:
    rng = ctx.rng
    u = ctx.unit
    assert u
    f, fl = new_flow(ctx), Fields(ctx)
    kind = rng.choice(("notice", "reply", "dun"))
    title_raw = {"notice": "关于" + pick(rng, "中央空调系统年度维护", "消防设施联动测试", "电梯更新改造") + "的通知",
                 "reply": "工作联系函", "dun": "物业费催缴通知函"}[kind]
    title = L.header(f, title_raw, docno(rng), "correspondence", bilingual=False)
    who = ctx.cust.company or ctx.cust.name
    fl.txt("company" if ctx.cust.company else "name", who)
    fl["unit"] = u.number
    L.para(f, f"{u.number} {who}：", 3.4, indent=False)
    if kind == "dun":
        due = float(rng.randint(8, 96) * 100 + rng.choice((0, 36.5)))
        body = (f"经核查，贵户截至本月尚欠物业服务费{fmt_amount(due, ctx.site.amount_style)}，请于收到本函后七日内到物业服务中心缴纳。"
                "逾期未缴的，本中心将依照物业服务合同的约定处理。")
        fl["amount"] = f"{due:.2f}"
    elif kind == "notice":
        body = "为保障大厦设施正常运行，本中心定于近期进行设施维护，届时部分区域将暂停使用，请提前做好安排。给您带来的不便，敬请谅解。"
    else:
        body = "贵司来函收悉。关于来函所述事项，经我处核实，已安排工程部人员于三个工作日内上门处理，处理结果将另行书面告知。"
    for _ in range(rng.randint(1, 2)):
        L.para(f, body, 3.4)
    L.para(f, "特此函告。", 3.4)
    f.y += 6
    f.p.text(f.x1, f.y, ctx.site.company, 3.4, anchor="ra")
    f.y += 7
    d = _d(ctx)
    f.p.text(f.x1, f.y, fl.date(d), 3.4, anchor="ra")
    f.p.seal("round", ctx.site.company, "", f.x1 - 22, f.y - 2)
    f.y += 22
    if rng.random() < 0.6:  # the tear-off acknowledgement the resident signs and returns
        f.p.line(f.x0, f.y, f.x1, f.y, 0.2, dash=1.5)
        f.y += 4
        f.p.text((f.x0 + f.x1) / 2, f.y, "回　执", 4.0, "bold", anchor="ma")
        f.y += 9
        L.para(f, "本人（本单位）已收到上述函件并知悉其内容。", 3.2)
        L.signatures(f, pick(rng, "colon", "under", "confirm"), [("customer", pick(rng, "业主", "租户", "收件人"))],
                     bool(ctx.cust.company), DECLARE_UNIT)
        L.colon(f, [("staff", "送达人")])
    return finish(f, ctx, title, fl)


BUILDERS: dict[str, Callable[[Ctx], Built]] = {
    "customer_card": customer_card, "sales_contract": sales_contract, "id_copy": id_copy,
    "delivery_checklist": delivery_checklist, "pdi_checklist": pdi_checklist, "value_added_services": value_added_services,
    "other_proof": other_proof, "purchase_invoice": purchase_invoice, "vehicle_license": vehicle_license,
    "conformity_certificate": conformity_certificate, "insurance_policy": insurance_policy,
    "reception_sheet": reception_sheet, "work_order": work_order, "settlement": settlement,
    "free_inspection_12": free_inspection_12, "addon_sheet": short_visit("addon_sheet"), "road_test": short_visit("road_test"),
    "first_service_card": short_visit("first_service_card"), "estimate": estimate, "loss_assessment": loss_assessment,
    "tool_readings": tool_readings, "fault_report": fault_report, "parts_invoice": parts_invoice,
    "move_in": move_in, "renovation": renovation, "application": application, "correspondence": correspondence,
}
