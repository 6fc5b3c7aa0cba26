"""One builder per document type: family h's own wording and layouts, per site."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from dossier.models import DossierRef

from .canvas import Flow, Page, Style
from .layout import KV, Ctx, header, kv_grid, paragraph, pick, signatures, table, ticks, two_panels
from .people import JOB_WORDS, LAST_DAY, Car, Owner, Unit, Visit
from .sites import fmt_amount, fmt_date, fmt_landline, fmt_mobile, plain_amount, upper_amount

PINK, YELLOW, BLUE, GREEN = (250, 226, 232), (252, 246, 205), (224, 236, 250), (226, 244, 228)
CARBON = (38, 40, 92)


@dataclass
class CarFile:
    owner: Owner
    car: Car
    sales: str
    inspector: str


@dataclass
class Doc:
    doc_type: str | None
    title: str | None
    pages: list[Page]
    fields: dict[str, str]
    script: str
    dossier: DossierRef | None
    visit: str | None = None
    job_type: str | None = None
    photo: bool = False
    extra: dict[str, str] = field(default_factory=dict)


TITLES: dict[str, tuple[str, ...]] = {
    "customer_card": ("客户信息卡", "车主档案卡", "客户资料登记卡", "绿卡（客户信息）"),
    "sales_contract": ("汽车买卖合同", "新车销售合同", "整车购销协议", "车辆订购合同书"),
    "delivery_checklist": ("交车检查表", "新车交付确认单", "车辆交接检查单", "交车确认书"),
    "value_added_services": ("衍生服务清单", "增值服务确认单", "精品及服务项目清单", "附加服务销售明细"),
    "pdi_checklist": ("新车PDI检查表", "PDI交付前检查记录", "新车售前检验单", "PDI检测报告"),
    "reception_sheet": ("接车单", "车辆接待单", "接车检查单", "预检单", "接车问诊单"),
    "work_order": ("任务委托书", "维修委托书", "维修工单", "维修施工委托书"),
    "settlement": ("结算单", "维修结算单", "费用结算清单", "出厂结算单"),
    "free_inspection_12": ("12项免费检查表", "十二项免费安全检查表", "12项安全检测记录", "免费检测12项"),
    "addon_sheet": ("增项单", "维修增项确认单", "追加项目通知单", "增加项目确认书"),
    "road_test": ("试车单", "试车记录表", "路试检验单", "道路试验记录"),
    "loss_assessment": ("定损单", "机动车保险车辆损失情况确认书", "事故车辆定损清单"),
    "tool_readings": ("专用工具检查数据", "诊断仪检测报告", "电脑检测数据单", "专用检测设备读数记录"),
    "estimate": ("估算单", "维修估价单", "维修费用预估单", "维修报价单"),
    "first_service_card": ("首保卡", "首次保养凭证", "免费首保卡"),
    "fault_report": ("测试及故障报告", "故障诊断报告", "质量问题技术报告", "索赔故障报告"),
    "move_in": ("入住登记表", "业主入住确认书", "入伙资料登记表", "住户入住验收交接单"),
    "renovation": ("装修申请表", "二次装修申请审批表", "装修施工登记表", "装修管理协议书"),
    "other_proof": ("购车证明", "授权委托书", "单位证明"),
}
ENGLISH = {"work_order": "REPAIR ORDER", "settlement": "SETTLEMENT", "reception_sheet": "VEHICLE CHECK-IN",
           "free_inspection_12": "12-POINT CHECK", "estimate": "ESTIMATE", "road_test": "ROAD TEST",
           "addon_sheet": "ADDITIONAL WORK", "sales_contract": "SALES CONTRACT", "delivery_checklist": "DELIVERY CHECK",
           "customer_card": "CUSTOMER PROFILE", "pdi_checklist": "PDI CHECK", "value_added_services": "SERVICES",
           "fault_report": "FAULT REPORT", "tool_readings": "DIAGNOSIS", "loss_assessment": "DAMAGE ASSESSMENT",
           "move_in": "MOVE-IN", "renovation": "FIT-OUT APPLICATION", "application": "APPLICATION",
           "first_service_card": "FIRST SERVICE", "other_proof": "CERTIFICATE"}
APPLICATION_TITLES = {"房门锁": ("门锁更换申请单", "房门锁维修申请表"), "电话": ("电话开通申请表", "电话线路申请单"),
                      "车位": ("车位租用申请表", "月租车位申请单"), "水牌": ("水牌制作申请单", "大堂水牌更改申请"),
                      "客户加班": ("加班申请单", "非办公时间加班申请表")}
INSURERS = ("中国人民财产保险股份有限公司", "中国平安财产保险股份有限公司", "中国太平洋财产保险股份有限公司")


def new_flow(c: Ctx, dpi: int, size: str = "a4", paper: tuple[int, int, int] | None = None, dot: bool = False,
             numbering: str | None = "site") -> Flow:
    s = c.site
    w, h = {"a4": (210, 297), "a4l": (297, 210), "a5l": (210, 148), "card": (210, 148)}[size]
    st = Style(body=s.body, heading=s.heading, hant=s.hant, paper=c.paper or paper or (255, 255, 255), dot=dot)
    if c.copy and c.paper:
        st.ink = CARBON  # the carbon of a copy below the top sheet
    f = Flow(w, h, dpi, st, margin=14 if size != "a5l" else 10, foot=16 if size != "a5l" else 10,
             numbering=s.numbering if numbering == "site" else numbering)
    if c.copy:
        f.page.text(f.right, f.margin - 7, c.t(c.copy), 3.0, anchor="ra")
    return f


def title_for(c: Ctx, doc_type: str) -> str:
    s = c.site
    base = pick(s, doc_type, TITLES[doc_type])
    r = c.rng.random()
    if s.brand and r < 0.3:
        base = s.brand.split()[-1] + base
    elif r < 0.45 and s.kind == "car":
        base = s.short + base
    return c.t(base)


def meta_line(c: Ctx, no_label: str, no: str, d: date | None) -> list[str]:
    out = [c.L("no_" + no_label, ("编号：", "单号：", "NO.", "№"), "") + no] if no else []
    if d:
        out.append(c.L("date_meta", ("日期：", "填表日期：", "开单日期："), "") + fmt_date(d, c.site.date_style))
    return out


TERMS = {
    "work_order": ("委托维修条款", ("承修方应按委托项目及国家有关标准进行维修，维修质量保证期按交通运输主管部门规定执行。",
                                "委托人应如实告知车辆故障及使用情况，车内贵重物品请自行保管，遗失概不负责。",
                                "车辆修竣后委托人应于通知之日起三日内提车，逾期按每日五十元收取停车保管费。",
                                "更换下的旧件除索赔件外，委托人未选择带走的，由承修方代为处理。")),
    "settlement": ("维修质量保证说明", ("本次维修项目自出厂之日起享受质量保证，小修及保养为二千公里或十日，二级维护为五千公里或三十日，"
                                    "总成修理为二万公里或一百天，以先到者为准。",
                                    "质量保证期内因维修质量原因造成的故障，凭本结算单及发票免费返修。",
                                    "因客户使用不当、自行拆装或事故造成的损坏不在质量保证范围之内。")),
    "delivery_checklist": ("交车说明", ("请客户在交车时仔细核对车辆外观、内饰、随车物品及文件，签字后视为车辆已完好交付。",
                                     "新车首次保养里程及时间请以保修手册为准，逾期可能影响质量担保权益。")),
    "value_added_services": ("服务条款", ("衍生服务项目一经安装或开通，除质量问题外不予退换。",
                                       "延长保修服务以服务提供方出具的服务合同为准，本清单仅作为购买凭证。")),
}


def terms_page(f: Flow, c: Ctx, doc_type: str) -> None:
    """The conditions printed on a second sheet (the back of the form, copied): the signatures follow them."""
    head, clauses = TERMS[doc_type]
    f.new_page()
    f.page.text((f.left + f.right) / 2, f.y, c.t(head), 4.2, kind=c.site.heading, anchor="ma")
    f.y += 10
    for k, cl in enumerate(clauses, 1):
        paragraph(f, c.t(f"{k}、{cl}"), 3.2, indent=False)
    f.y += 4


def sig_shape(c: Ctx) -> str:
    from .layout import SHAPES
    return c.site.sig_style if c.rng.random() < 0.55 else c.rng.choice(SHAPES)


def _cust(c: Ctx, o: Owner, hand: bool = False, id_: bool = False, land: bool = False, addr: bool = False) -> list[KV]:
    t = c.t
    out = []
    if o.is_company:
        out.append(KV(c.L("company", ("客户名称", "单位名称", "购车单位", "车主（单位）"), "Customer"), t(o.name), hand))
        c.fields["company"] = t(o.name)
        out.append(KV(c.L("contact", ("联系人", "经办人", "联络人"), "Contact"), t(o.contact), hand))
        c.fields["contact"] = t(o.contact)
    else:
        out.append(KV(c.L("name", ("客户姓名", "车主", "姓名", "客户名称"), "Name"), t(o.name), hand))
        c.fields["name"] = t(o.name)
    k = c.rng.randrange(3)
    out.append(KV(c.L("mobile", ("手机", "联系电话", "手机号码", "移动电话"), "Mobile"), fmt_mobile(o.mobile, k), hand))
    c.fields["mobile"] = o.mobile
    if land:
        out.append(KV(c.L("landline", ("座机", "固定电话", "办公电话"), "Tel"), fmt_landline(o.landline, k + 1), False))
        c.fields["landline"] = o.landline
    if id_:
        if o.is_company:
            out.append(KV(c.L("credit", ("统一社会信用代码", "信用代码", "组织机构代码"), "USCC"), o.id_number, False, True))
            c.fields["credit_code"] = o.id_number
        else:
            out.append(KV(c.L("idno", ("身份证号码", "证件号码", "身份证号"), "ID No."), o.id_number, hand, True))
            c.fields["id_number"] = o.id_number
    if addr:
        out.append(KV(c.L("addr", ("地址", "联系地址", "通讯地址", "住址"), "Address"), t(o.address), False, True))
        c.fields["address"] = t(o.address)
    return out


def _car(c: Ctx, car: Car, hand: bool = False, plate: bool = True, model: bool = True, vin_span: bool = False) -> list[KV]:
    out = []
    if plate:
        out.append(KV(c.L("plate", ("车牌号", "车牌号码", "号牌", "牌照号"), "Plate"), c.t(car.plate), hand))
        c.fields["plate"] = car.plate
    out.append(KV(c.L("vin", ("车架号", "VIN码", "车辆识别代号", "底盘号(VIN)"), "VIN"), car.vin, hand, vin_span))
    c.fields["vin"] = car.vin
    if model:
        out.append(KV(c.L("model", ("车型", "车型/配置", "品牌型号"), "Model"), c.t(car.model), False))
    return out


def _date(c: Ctx, label: tuple[str, ...], d: date, hand: bool = False, style: str | None = None) -> KV:
    c.fields["date"] = d.isoformat()
    return KV(c.L("d_" + label[0], label, "Date"), fmt_date(d, style or c.site.date_style), hand)


def _amount(c: Ctx, cents: int) -> str:
    c.fields["amount"] = plain_amount(cents)
    return fmt_amount(cents, c.site.amount_style)


def car_doc(c: Ctx, doc_type: str, title: str | None, f: Flow, cf: CarFile, v: Visit | None = None) -> Doc:
    return Doc(doc_type, title, f.finish(), dict(c.fields), "hant" if c.site.hant else "hans",
               DossierRef(kind="car", key=cf.car.vin), v.order if v else None, v.job if v else None)


# ---------------------------------------------------------------- new-car file ----------------------------

def customer_card(c: Ctx, dpi: int, cf: CarFile) -> Doc:
    rng = c.rng
    f = new_flow(c, dpi, "a5l" if rng.random() < 0.5 else "a4", paper=GREEN if rng.random() < 0.6 else None)
    title = title_for(c, "customer_card")
    header(f, c, title, ENGLISH["customer_card"], meta_line(c, "card", "", None))
    hand = rng.random() < 0.5
    items = _cust(c, cf.owner, hand, id_=rng.random() < 0.5, land=True, addr=True) + _car(c, cf.car, hand, plate=rng.random() < 0.6)
    items.append(_date(c, ("购车日期", "交车日期", "提车日期"), cf.car.delivered, hand))
    items.append(KV(c.L("sales", ("销售顾问", "销售代表", "责任销售"), "Sales"), c.t(cf.sales)))
    if f.w_mm > 200 and rng.random() < 0.5:  # two panels side by side
        split = next(k for k, it in enumerate(items) if it.label.startswith(c.L("plate", ("车牌号", "车牌号码", "号牌", "牌照号"), "Plate"))
                     or it.value == cf.car.vin)
        two_panels(f, c, (c.L("p_cust", ("客户资料", "车主信息", "客户信息"), "Customer"), items[:split]),
                   (c.L("p_car", ("车辆资料", "车辆信息", "购车信息"), "Vehicle"), items[split:]))
        f.y += 3
    else:
        kv_grid(f, c, items, cols=2, shade=rng.random() < 0.5, ruled=rng.random() < 0.8)
    if f.w_mm > 200 and f.h_mm > 200:
        ticks(f, c, [c.t(s) for s in ("网络", "来店", "转介绍", "车展", "电话", "老客户")],
              [rng.random() < 0.25 for _ in range(6)], "grid")
    signatures(f, c, [("customer", c.L("sig_card", ("客户签名", "车主签字", "客户确认"), "Signature"))], sig_shape(c))
    return car_doc(c, "customer_card", title, f, cf)


def purchase_invoice(c: Ctx, dpi: int, cf: CarFile) -> Doc:
    rng = c.rng
    o, car = cf.owner, cf.car
    f = new_flow(c, dpi, "a4l" if rng.random() < 0.5 else "a4", numbering=None)
    p = f.page
    mid = (f.left + f.right) / 2
    title = c.t("机动车销售统一发票")
    p.text(mid, f.y, title, 6.0, kind=c.site.heading, anchor="ma", colour=(150, 60, 40))
    p.line(mid - 45, f.y + 8, mid + 45, f.y + 8, 0.4, colour=(150, 60, 40))
    p.text(mid, f.y + 10, c.t("发 票 联"), 3.4, anchor="ma")
    p.text(f.right, f.y, c.t("发票代码 ") + f"1{rng.randint(10**10, 10**11 - 1)}", 3.0, anchor="ra")
    p.text(f.right, f.y + 5, c.t("发票号码 ") + f"{rng.randint(10**7, 10**8 - 1)}", 3.0, anchor="ra")
    f.y += 17
    d = car.delivered - timedelta(days=rng.randint(0, 2))
    items = [_date(c, ("开票日期",), d)]
    items.append(KV(c.t("机打代码"), f"{rng.randint(10**11, 10**12 - 1)}"))
    nm = c.t(o.name)
    c.fields["company" if o.is_company else "name"] = nm
    items.append(KV(c.t("购买方名称及身份证号码/组织机构代码"), f"{nm}  {o.id_number}", span=True))
    c.fields["credit_code" if o.is_company else "id_number"] = o.id_number
    items += [KV(c.t("车辆类型"), c.t("轿车" if rng.random() < 0.6 else "多用途乘用车")), KV(c.t("厂牌型号"), c.t(car.model)),
              KV(c.t("产地"), c.t(c.site.city)), KV(c.t("合格证号"), f"W{rng.randint(10**12, 10**13 - 1)}"),
              KV(c.t("发动机号码"), car.engine), KV(c.t("车辆识别代号/车架号码"), car.vin)]
    c.fields["vin"] = car.vin
    items.append(KV(c.t("价税合计"), c.t(upper_amount(car.price)) + "   " + c.t("小写 ") + _amount(c, car.price), span=True))
    items += [KV(c.t("销货单位名称"), c.t(c.site.company), span=True), KV(c.t("纳税人识别号"), "91" + c.site.region + "MA1" + "K7Q3X2E"),
              KV(c.t("增值税税率或征收率"), "13%"), KV(c.t("不含税价"), fmt_amount(round(car.price / 1.13), c.site.amount_style))]
    kv_grid(f, c, items, cols=2, row_h=9)
    p = f.page
    p.seal(f.right - 40, f.y + 6, "oval", c.t(c.site.company[:16]), "91" + c.site.region + "MA1K7Q3X2E")
    p.text(f.left, f.y + 6, c.t("销货单位（章）"), 3.0)
    f.y += 20
    return car_doc(c, "purchase_invoice", title, f, cf)


CLAUSES = (
    ("第一条 标的车辆", "乙方向甲方购买下列车辆一台，车辆的品牌、型号、颜色、车架号及价格以本合同所列为准。甲方保证所售车辆为合法来源的全新车辆，"
     "随车附合格证、发票及随车文件。"),
    ("第二条 价款及支付", "车辆总价款（含增值税）见下表。乙方于签订本合同时支付定金，余款于交车前一次付清；选择贷款方式的，首付款及贷款手续按双方另行约定办理。"),
    ("第三条 交付", "甲方在收到全部车款后于约定日期在甲方展厅交付车辆。交车时双方共同检查车辆外观、内饰、功能及随车物品，并签署交车检查表。"),
    ("第四条 质量保证", "车辆质量保证及售后服务按生产厂家公布的保修政策执行。在保修期内因产品质量问题产生的维修，由甲方按厂家规定免费修理。"),
    ("第五条 违约责任", "任何一方违反本合同约定的，应向对方支付车辆总价款百分之五的违约金；因不可抗力不能履行的，双方互不承担责任。"),
    ("第六条 争议解决", "因本合同引起的争议，双方协商解决；协商不成的，任何一方可向甲方所在地人民法院提起诉讼。"),
    ("第七条 个人信息", "乙方同意甲方为办理车辆上牌、保险、质量担保及售后回访之目的使用乙方提供的个人信息，甲方应妥善保管，"
     "未经乙方同意不得向与本合同履行无关的第三方提供。"),
    ("第八条 车辆检查", "车辆交付前甲方应完成新车售前检查（PDI），并向乙方提供检查记录。乙方提车时发现车辆外观或功能存在问题的，"
     "可拒绝接收并要求甲方在合理期限内处理，由此延误的交车时间不视为乙方违约。"),
    ("第九条 其他", "本合同一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。本合同未尽事宜，双方可另行签订补充协议。"),
)


def sales_contract(c: Ctx, dpi: int, cf: CarFile) -> Doc:
    rng = c.rng
    o, car, s = cf.owner, cf.car, c.site
    f = new_flow(c, dpi)
    title = title_for(c, "sales_contract")
    d = car.delivered - timedelta(days=rng.randint(3, 40))
    header(f, c, title, ENGLISH["sales_contract"], [c.t("合同编号：") + f"HT{d:%Y%m}{rng.randint(100, 999)}"])
    seller_is_a = rng.random() < 0.7  # most sites: 甲方 = the seller
    a, b = ("甲方（出卖人）", "乙方（买受人）") if seller_is_a else ("甲方（买方）", "乙方（卖方）")
    sell_lab, buy_lab = (a, b) if seller_is_a else (b, a)
    p = f.page
    p.text(f.left, f.y, c.t(sell_lab) + "：" + c.t(s.company), 3.4)
    f.y += 6.5
    items = _cust(c, o, id_=True, addr=True)
    p.text(f.left, f.y, c.t(buy_lab) + "：" + items[0].value, 3.4)
    f.y += 6.5
    kv_grid(f, c, items[1:], cols=2, ruled=rng.random() < 0.5)
    clauses = list(CLAUSES)
    for k, (head, body) in enumerate(clauses):
        f.need(12)
        f.page.text(f.left, f.y, c.t(head), 3.5, kind=s.heading)
        f.y += 6
        paragraph(f, c.t(body), 3.2)
        if k == 0:
            table(f, c, [c.t("品牌型号"), c.t("颜色"), c.t("车架号（VIN）"), c.t("数量")],
                  [[c.t(car.model), c.t(car.colour), car.vin, "1"]], [4, 1.5, 4, 1])
            c.fields["vin"] = car.vin
        if k == 1:
            f.page.text(f.left, f.y, c.t("车辆总价款：") + c.t(upper_amount(car.price)) + f"（{_amount(c, car.price)}）", 3.3)
            f.y += 7
    day_style = "upper" if rng.random() < 0.4 else s.date_style
    c.fields["date"] = d.isoformat()
    day = fmt_date(d, day_style)
    f.need(48)
    f.page.text(f.left, f.y, c.t("签订日期：") + day, 3.3)
    f.y += 8
    sig_words = rng.choice((("签字", "盖章"), ("签名", "签章"), ("代表签字", "授权代表签字"), ("签字", "签字盖章")))
    buyer = (c.t(buy_lab.split("（")[0] + "（" + sig_words[0] + "）"))
    seller = c.t(sell_lab.split("（")[0] + "（" + sig_words[1] + "）")
    flds = [("staff", seller), ("customer", buyer)] if seller_is_a else [("customer", buyer), ("staff", seller)]
    flds.append(("staff", c.L("sc", ("销售顾问", "经办销售顾问", "销售代表"), "Sales")))
    shape = "party" if rng.random() < 0.6 else sig_shape(c)
    names = [c.t(s.company) if r == "staff" and k < 2 else (items[0].value if k < 2 else "") for k, (r, _) in enumerate(flds)]
    slots = signatures(f, c, flds, shape, day_text="" if rng.random() < 0.5 else day, party_names=names)
    pi, si = slots[flds.index(next(x for x in flds if x[0] == "staff"))]
    pg = f.pages[pi]
    bx = pg.slots[si].box
    pg.seal((bx[0] + bx[2]) / 2 / pg.k + rng.uniform(-8, 8), (bx[1] + bx[3]) / 2 / pg.k + rng.uniform(-6, 4), "round",
            c.t(s.company[:14]) if len(s.company) <= 14 else c.t(s.company[:15]), c.t("合同专用章"), over=si)
    if rng.random() < 0.35:  # an appendix after the signatures: the car's specification, on its own page
        f.new_page()
        f.page.text(f.left, f.y, c.t("附件一：车辆配置及随车物品清单"), 3.8, kind=s.heading)
        f.y += 9
        spec = (("车型", car.model), ("车身颜色", car.colour), ("内饰颜色", rng.choice(("黑色", "米色", "棕色"))),
                ("钥匙", "智能钥匙 2把"), ("随车工具", "千斤顶、拖车钩、三角警示牌"), ("随车文件", "合格证、用户手册、保修手册"),
                ("赠送项目", rng.choice(("脚垫、贴膜", "首保工时费", "无"))))
        table(f, c, [c.t("项目"), c.t("内容")], [[c.t(a), c.t(b)] for a, b in spec], [2, 6])
    return car_doc(c, "sales_contract", title, f, cf)


def _card(f: Flow, x: float, y: float, w: float, h: float, tint: tuple[int, int, int]) -> Page:
    p = f.page
    r = p.px(3)
    p.d.rounded_rectangle((p.px(x), p.px(y), p.px(x + w), p.px(y + h)), r, fill=tint, outline=(90, 90, 95),
                          width=max(1, p.px(0.3)))
    return p


def id_copy(c: Ctx, dpi: int, cf: CarFile) -> Doc:
    rng = c.rng
    o, s = cf.owner, c.site
    f = new_flow(c, dpi, numbering=None)
    p = f.page
    title: str | None = None
    if rng.random() < 0.5:
        title = c.t(pick(s, "idcopy", ("客户身份证明复印件", "身份证复印件（正反面）", "证件复印件")))
        p.text((f.left + f.right) / 2, f.y, title, 4.6, kind=s.heading, anchor="ma")
        f.y += 12
    x, w, h = f.left + 25, 86, 54
    if not o.is_company:
        y = f.y + 4
        p = _card(f, x, y, w, h, (236, 238, 236))
        born = o.born or date(1980, 1, 1)
        lines = [("姓名", c.t(o.name)), ("性别", ("男" if o.male else "女") + "   " + c.t("民族") + " 汉"),
                 ("出生", f"{born.year} 年 {born.month} 月 {born.day} 日")]
        c.fields["name"] = c.t(o.name)
        yy = y + 5
        for lab, val in lines:
            p.text(x + 4, yy, c.t(lab), 2.6, colour=(70, 90, 140))
            p.text(x + 14, yy, val, 3.0)
            yy += 7
        p.text(x + 4, yy, c.t("住址"), 2.6, colour=(70, 90, 140))
        addr = c.t(o.address)
        p.text(x + 14, yy, addr[:14], 3.0)
        if len(addr) > 14:
            p.text(x + 14, yy + 4.6, addr[14:28], 3.0)
        p.text(x + 4, y + h - 9, c.t("公民身份号码"), 2.6, colour=(70, 90, 140))
        p.text(x + 26, y + h - 9.4, o.id_number, 3.6, kind="mono")
        c.fields["id_number"] = o.id_number
        p.rect(x + w - 26, y + 6, x + w - 4, y + 34, 0.2, fill=(205, 208, 210), outline=(160, 160, 160))
        y2 = y + h + 12
        if rng.random() < 0.3:  # the back copied on a second sheet
            f.new_page()
            y2 = f.y + 4
        p = _card(f, x, y2, w, h, (232, 238, 242))
        p.d.ellipse((p.px(x + 5), p.px(y2 + 4), p.px(x + 19), p.px(y2 + 18)), outline=(180, 60, 60), width=p.px(0.6))
        p.text(x + w / 2 + 6, y2 + 9, c.t("中华人民共和国"), 4.0, kind=s.heading, anchor="ma")
        p.text(x + w / 2 + 6, y2 + 17, c.t("居民身份证"), 5.4, kind=s.heading, anchor="ma")
        issue = date(2012 + rng.randint(0, 12), rng.randint(1, 12), rng.randint(1, 28))
        p.text(x + 6, y2 + h - 15, c.t("签发机关  ") + c.t(f"{s.city}市公安局{rng.choice(('分局', '出入境管理处', ''))}"), 2.8)
        p.text(x + 6, y2 + h - 8, c.t("有效期限  ") + f"{issue:%Y.%m.%d}-{issue.year + 20}.{issue:%m.%d}", 2.8)
        f.y = y2 + h + 8
    else:
        y = f.y + 4
        p.rect(f.left + 10, y, f.right - 10, y + 150, 1.2, outline=(150, 110, 60))
        p.text((f.left + f.right) / 2, y + 10, c.t("营 业 执 照"), 8, kind=s.heading, anchor="ma")
        p.text((f.left + f.right) / 2, y + 22, c.t("（副 本）"), 3.6, anchor="ma")
        yy = y + 32
        rows = [("统一社会信用代码", o.id_number), ("名称", c.t(o.name)), ("类型", c.t("有限责任公司（自然人投资或控股）")),
                ("法定代表人", c.t(o.contact)), ("注册资本", c.t(f"{rng.choice((100, 200, 500, 1000))}万元整")),
                ("成立日期", f"{rng.randint(2003, 2021)}年{rng.randint(1, 12):02d}月{rng.randint(1, 28):02d}日")]
        c.fields["credit_code"], c.fields["company"] = o.id_number, c.t(o.name)
        for lab, val in rows:
            p.text(f.left + 22, yy, c.t(lab), 3.3)
            p.text(f.left + 62, yy, val, 3.3)
            yy += 9
        p.seal(f.right - 50, y + 125, "round", c.t(f"{s.city}市市场监督管理局"), "")
        f.y = y + 158
    if rng.random() < 0.5:
        note = c.t(rng.choice(("此复印件仅供办理购车手续使用", "与原件一致", "仅限购车使用 再复印无效")))
        f.page.hand(f.left + 30, f.y, note, 5.0, rng)
        f.y += 10
    return car_doc(c, "id_copy", title, f, cf)


DELIVERY_ITEMS = ("外观漆面无划痕", "内饰清洁无破损", "随车工具齐全", "备胎及补胎工具", "用户手册及保修手册", "钥匙两把",
                  "合格证已交付", "购车发票已交付", "车辆功能讲解", "蓝牙及导航设置", "首保里程及时间告知", "服务顾问介绍",
                  "充电枪及充电说明", "燃油/电量确认")


def delivery_checklist(c: Ctx, dpi: int, cf: CarFile) -> Doc:
    rng = c.rng
    f = new_flow(c, dpi)
    title = title_for(c, "delivery_checklist")
    header(f, c, title, ENGLISH["delivery_checklist"], meta_line(c, "dl", "", None))
    items = _cust(c, cf.owner, rng.random() < 0.3) + _car(c, cf.car, plate=rng.random() < 0.3)
    items.append(_date(c, ("交车日期", "交付日期", "交车时间"), cf.car.delivered, rng.random() < 0.4))
    kv_grid(f, c, items, cols=2, shade=True)
    its = [c.t(x) for x in DELIVERY_ITEMS if cf.car.new_energy or "充电" not in x]
    ticks(f, c, its, [rng.random() < 0.93 for _ in its], rng.choice(("two", "marks", "grid")))
    if rng.random() < 0.2:
        terms_page(f, c, "delivery_checklist")
    paragraph(f, c.t("本人已对上述车辆及随车物品逐项检查确认，车辆外观、内饰及功能完好，同意接收该车辆。"), 3.1)
    signatures(f, c, [("customer", c.L("sig_dc", ("客户签字", "车主签收", "客户确认签名", "提车人签字"), "Customer")),
                      ("staff", c.L("sc", ("销售顾问", "销售顾问签字", "交车专员"), "Sales"))], sig_shape(c),
               day_text=fmt_date(cf.car.delivered, c.site.date_style))
    return car_doc(c, "delivery_checklist", title, f, cf)


def vehicle_license(c: Ctx, dpi: int, cf: CarFile) -> Doc:
    rng = c.rng
    o, car = cf.owner, cf.car
    f = new_flow(c, dpi, numbering=None)
    x, y, w, h = f.left + 12, f.y + 10, 150, 100
    p = _card(f, x, y, w, h, (238, 242, 236))
    title = c.t("中华人民共和国机动车行驶证")
    p.text(x + w / 2, y + 4, title, 5.0, kind=c.site.heading, anchor="ma")
    reg = car.delivered + timedelta(days=rng.randint(2, 20))
    rows = [("号牌号码", c.t(car.plate), "车辆类型", c.t("小型轿车")), ("所有人", c.t(o.name), "", ""),
            ("住址", c.t(o.address), "", ""), ("使用性质", c.t("非营运"), "品牌型号", c.t(car.model.split()[0])),
            ("车辆识别代号", car.vin, "", ""), ("发动机号码", car.engine, "", ""),
            ("注册日期", fmt_date(reg, "iso"), "发证日期", fmt_date(reg, "iso"))]
    c.fields.update(plate=car.plate, vin=car.vin, date=reg.isoformat())
    c.fields["company" if o.is_company else "name"] = c.t(o.name)
    yy = y + 14
    for a, va, b, vb in rows:
        p.text(x + 4, yy, c.t(a), 2.8)
        p.text(x + 30, yy, va, fit_size(p, va, 3.2, w - 36 if not b else 46))
        if b:
            p.text(x + 82, yy, c.t(b), 2.8)
            p.text(x + 102, yy, vb, 3.2)
        yy += 11
    p.seal(x + 30, y + h - 16, "square", c.t(f"{c.site.city}公安交警"), "")
    if rng.random() < 0.6:
        y2 = y + h + 10
        p = _card(f, x, y2, w, 70, (238, 242, 236))
        p.text(x + 4, y2 + 5, c.t("检验记录"), 3.0)
        p.text(x + 4, y2 + 14, c.t("核定载人数 5人    总质量 ") + f"{rng.randint(1700, 2300)}kg", 3.0)
        p.text(x + 4, y2 + 23, c.t("检验有效期至") + f" {reg.year + 6}年{reg.month:02d}月", 3.0)
    return car_doc(c, "vehicle_license", title, f, cf)


def fit_size(p: Page, s: str, size: float, width: float) -> float:
    while size > 2.0 and p.width(s, size) > width:
        size -= 0.2
    return size


def insurance_policy(c: Ctx, dpi: int, cf: CarFile) -> Doc:
    rng = c.rng
    o, car = cf.owner, cf.car
    f = new_flow(c, dpi)
    ins = rng.choice(INSURERS)
    f.page.text(f.left, f.y, c.t(ins), 4.0, kind=c.site.heading, colour=(20, 60, 120))
    f.y += 8
    kind = rng.choice(("机动车商业保险保险单", "机动车交通事故责任强制保险单"))
    title = c.t(kind)
    f.page.text((f.left + f.right) / 2, f.y, title, 5.4, kind=c.site.heading, anchor="ma")
    f.y += 10
    f.page.text(f.left, f.y, c.t("保险单号：") + f"P{rng.choice('DEA')}AA{car.delivered:%Y}{rng.randint(10**9, 10**10 - 1)}", 3.0)
    f.y += 7
    items = _cust(c, o, id_=True) + _car(c, car)
    start = car.delivered
    items.append(KV(c.t("保险期间"), c.t(f"自{start:%Y年%m月%d日}零时起至{start.year + 1}年{start:%m月%d日}二十四时止"), span=True))
    kv_grid(f, c, items, cols=2, row_h=8)
    if "商业" in kind:
        rows = [[c.t("机动车损失保险"), fmt_amount(car.price, "yuan"), fmt_amount(rng.randint(200000, 600000), "yuan")],
                [c.t("机动车第三者责任保险"), c.t("2000000.00元"), fmt_amount(rng.randint(80000, 200000), "yuan")],
                [c.t("车上人员责任险（司机）"), c.t("10000.00元"), fmt_amount(rng.randint(3000, 9000), "yuan")]]
    else:
        rows = [[c.t("死亡伤残赔偿限额"), c.t("180000.00元"), ""], [c.t("医疗费用赔偿限额"), c.t("18000.00元"), ""],
                [c.t("财产损失赔偿限额"), c.t("2000.00元"), ""]]
    table(f, c, [c.t("承保险种"), c.t("保险金额/责任限额"), c.t("保险费")], rows, [4, 3, 2.4])
    prem = rng.randint(95000, 950000) if "商业" in kind else 95000
    f.page.text(f.left, f.y, c.t("保险费合计（人民币大写）：") + c.t(upper_amount(prem)) + "  " + _amount(c, prem), 3.2)
    f.y += 8
    paragraph(f, c.t("特别约定：本保单所载车辆发生保险事故，被保险人应及时通知保险人；未尽事宜以保险条款为准。"), 3.0)
    d = start - timedelta(days=rng.randint(0, 2))
    kv_grid(f, c, [_date(c, ("签单日期",), d)], cols=1, ruled=False)
    f.page.seal(f.right - 35, f.y - 8, "round", c.t(ins[:-8] + "公司"), c.t("保险单专用章"))
    return car_doc(c, "insurance_policy", title, f, cf)


SERVICES = (("汽车膜（前挡+侧后挡）", 380000), ("延长保修 2年/6万公里", 480000), ("全车脚垫", 68000), ("行车记录仪", 98000),
            ("上牌代办服务", 50000), ("车辆保险代办", 0), ("镀晶美容套餐", 128000), ("置换旧车评估", 0), ("充电桩安装", 260000))


def value_added_services(c: Ctx, dpi: int, cf: CarFile) -> Doc:
    rng = c.rng
    f = new_flow(c, dpi)
    title = title_for(c, "value_added_services")
    header(f, c, title, ENGLISH["value_added_services"], meta_line(c, "vas", f"FW{rng.randint(10000, 99999)}", None))
    items = _cust(c, cf.owner) + _car(c, cf.car, plate=False)
    items.append(_date(c, ("办理日期", "签约日期", "日期"), cf.car.delivered - timedelta(days=rng.randint(0, 5))))
    kv_grid(f, c, items, cols=2)
    chosen = rng.sample(SERVICES, rng.randint(3, 6))
    total = sum(p for _, p in chosen)
    rows = [[str(k + 1), c.t(n), "1", fmt_amount(p, c.site.amount_style), ""] for k, (n, p) in enumerate(chosen)]
    table(f, c, [c.t("序号"), c.t("服务/商品名称"), c.t("数量"), c.t("金额"), c.t("备注")], rows, [1, 6, 1, 2.5, 2])
    f.page.text(f.right, f.y, c.t("合计：") + _amount(c, total), 3.6, anchor="ra", kind=c.site.heading)
    f.y += 9
    paragraph(f, c.t("以上项目经客户确认自愿购买，安装及服务完成后由客户验收。"), 3.1)
    if rng.random() < 0.25:
        terms_page(f, c, "value_added_services")
    flds = [("customer", c.L("sig_vas", ("客户确认签字", "客户签名", "购买人签字"), "Customer"))]
    if rng.random() < 0.6:
        flds.append(("staff", c.L("sc", ("销售顾问", "经办人"), "Sales")))
    signatures(f, c, flds, sig_shape(c))
    return car_doc(c, "value_added_services", title, f, cf)


def conformity_certificate(c: Ctx, dpi: int, cf: CarFile) -> Doc:
    rng = c.rng
    car = cf.car
    f = new_flow(c, dpi, numbering=None)
    title = c.t("机动车整车出厂合格证")
    f.page.text((f.left + f.right) / 2, f.y + 4, title, 6.0, kind=c.site.heading, anchor="ma", colour=(30, 80, 60))
    f.y += 16
    made = car.delivered - timedelta(days=rng.randint(20, 200))
    maker = c.t(rng.choice(("上汽大众汽车有限公司", "广汽丰田汽车有限公司", "东风汽车有限公司", "比亚迪汽车工业有限公司")))
    rows = [KV(c.t("0.合格证编号"), f"W{rng.randint(10**13, 10**14 - 1)}"), KV(c.t("1.发证日期"), f"{made:%Y年%m月%d日}"),
            KV(c.t("2.车辆制造企业名称"), maker, span=True), KV(c.t("3.车辆品牌/车辆名称"), c.t(car.model.split()[0]) + c.t("/轿车")),
            KV(c.t("4.车辆型号"), f"{rng.choice('SFB')}VW{rng.randint(7100, 7200)}{rng.choice('ABCD')}"),
            KV(c.t("5.车辆识别代号/车架号"), car.vin, span=True), KV(c.t("6.车身颜色"), c.t(car.colour)),
            KV(c.t("7.发动机型号"), f"{rng.choice(('DJS', 'EA211', 'M20C', 'BYD472'))}"), KV(c.t("8.发动机号"), car.engine),
            KV(c.t("9.燃料种类"), c.t("插电式混合动力" if car.new_energy else "汽油")),
            KV(c.t("10.轮胎规格"), rng.choice(("205/55 R16", "215/55 R17", "235/50 R19"))),
            KV(c.t("11.额定载客（人）"), "5"), KV(c.t("12.整备质量（kg）"), str(rng.randint(1300, 2100)))]
    c.fields.update(vin=car.vin, date=made.isoformat())
    kv_grid(f, c, rows, cols=2, row_h=9.5)
    f.page.text(f.left, f.y + 4, c.t("车辆制造日期：") + fmt_date(made, "cn"), 3.3)
    f.page.seal(f.right - 40, f.y + 12, "round", maker, c.t("产品合格证专用章"))
    f.y += 30
    return car_doc(c, "conformity_certificate", title, f, cf)


PDI = {"外观": ("漆面及钣金", "玻璃及后视镜", "轮胎及轮毂", "车门开关"), "内饰": ("座椅调节", "安全带", "仪表及警告灯", "空调及出风"),
       "发动机舱": ("机油液位", "冷却液", "制动液", "蓄电池电压"), "底盘": ("底盘无渗漏", "悬挂紧固", "排气系统"),
       "电气": ("灯光", "喇叭", "雨刮", "多媒体/蓝牙"), "路试": ("起步加速", "制动性能", "转向回正", "异响检查")}


def pdi_checklist(c: Ctx, dpi: int, cf: CarFile) -> Doc:
    rng = c.rng
    f = new_flow(c, dpi)
    title = title_for(c, "pdi_checklist")
    header(f, c, title, ENGLISH["pdi_checklist"], meta_line(c, "pdi", f"PDI{rng.randint(1000, 9999)}", None))
    items = _car(c, cf.car, plate=False) + [KV(c.L("col", ("颜色", "车身颜色"), "Colour"), c.t(cf.car.colour)),
                                            KV(c.L("km", ("里程", "表显里程"), "Odometer"), f"{rng.randint(3, 40)} km"),
                                            _date(c, ("检查日期", "PDI日期"), cf.car.delivered - timedelta(days=rng.randint(1, 6)))]
    kv_grid(f, c, items, cols=2)
    style = rng.choice(("grid", "two", "marks"))
    for sec, its in PDI.items():
        if style == "two" and sec not in ("外观", "发动机舱", "电气"):
            continue
        f.need(10)
        f.page.text(f.left, f.y, c.t("【" + sec + "】"), 3.4, kind=c.site.heading)
        f.y += 6
        ticks(f, c, [c.t(x) for x in its], [rng.random() < 0.95 for _ in its], style)
    signatures(f, c, [("staff", c.L("pdi_sig", ("PDI检查员", "检查人", "质检员签字", "检验员"), "Inspector"))]
               + ([("staff", c.t("质检主管"))] if rng.random() < 0.3 else []), sig_shape(c))
    return car_doc(c, "pdi_checklist", title, f, cf)


def other_proof(c: Ctx, dpi: int, cf: CarFile) -> Doc:
    rng = c.rng
    o = cf.owner
    f = new_flow(c, dpi, numbering=None)
    title = title_for(c, "other_proof")
    header(f, c, title, ENGLISH["other_proof"], [])
    f.y += 6
    c.fields["company" if o.is_company else "name"] = c.t(o.name)
    d = cf.car.delivered - timedelta(days=rng.randint(1, 10))
    c.fields["date"] = d.isoformat()
    if "委托" in title:
        who = c.t(f"委托人：{o.name}")
        paragraph(f, who + c.t("，证件号码：") + (o.id_number if not o.is_company else o.id_number) +
                  c.t(f"。现委托{rng.choice(('张', '李', '王'))}先生代为办理车辆（车架号：{cf.car.vin}）的提车及上牌手续，"
                      "受托人在办理过程中所签署的相关文件，委托人均予以认可。"), 3.4)
        c.fields["vin"] = cf.car.vin
        c.fields["credit_code" if o.is_company else "id_number"] = o.id_number
        flds = [("customer", c.t("委托人（签字）"))]
    else:
        paragraph(f, c.t(f"兹证明{o.name}") + c.t("（证件号码：") + o.id_number + c.t(f"）于{d.year}年{d.month}月在我单位购买")
                  + c.t(cf.car.model) + c.t("一台，车架号") + cf.car.vin + c.t("，特此证明。"), 3.4)
        c.fields["vin"] = cf.car.vin
        c.fields["credit_code" if o.is_company else "id_number"] = o.id_number
        flds = []
    f.y += 10
    if flds:
        signatures(f, c, flds, rng.choice(("colon", "rule_below")))
        f.page.text(f.right - 60, f.y + 2, fmt_date(d, "upper"), 3.4)
        f.y += 10
    else:
        f.page.text(f.right - 60, f.y, c.t(c.site.company), 3.4)
        f.page.text(f.right - 60, f.y + 8, fmt_date(d, "upper"), 3.4)
        f.page.seal(f.right - 35, f.y + 8, "round", c.t(c.site.company), "")
        f.y += 30
    return car_doc(c, "other_proof", title, f, cf)


# ---------------------------------------------------------------- after-sales visit ------------------------

def _visit_flow(c: Ctx, dpi: int, doc_type: str) -> Flow:
    rng, s = c.rng, c.site
    if s.ncr and doc_type in ("reception_sheet", "work_order", "addon_sheet", "estimate", "road_test") and rng.random() < 0.7:
        return new_flow(c, dpi, "a5l", paper=rng.choice((PINK, YELLOW, BLUE, None)), dot=rng.random() < 0.7)
    if s.key == "rongcheng" and doc_type in ("settlement", "work_order", "estimate") and rng.random() < 0.6:
        return new_flow(c, dpi, "a4l")
    if rng.random() < 0.08:
        return new_flow(c, dpi, "a4l")
    return new_flow(c, dpi, dot=s.ncr and rng.random() < 0.3)


def _visit_head(c: Ctx, f: Flow, doc_type: str, v: Visit, d: date | None = None) -> str:
    title = title_for(c, doc_type)
    no_lab = c.L("wo", ("工单号：", "委托书号：", "维修单号：", "RO No.："), "")
    meta = [no_lab + v.order, c.L("date_meta", ("日期：", "进厂日期：", "开单日期："), "") + fmt_date(d or v.day, c.site.date_style)]
    c.fields["date"] = (d or v.day).isoformat()
    header(f, c, title, ENGLISH.get(doc_type, ""), meta)
    return title


def _job_kv(c: Ctx, v: Visit, hand: bool = False) -> KV:
    c.fields["job_type"] = v.job
    return KV(c.L("job", ("维修类型", "作业类别", "维修性质", "服务类型"), "Job"), c.t(pick(c.site, "jw" + v.job, JOB_WORDS[v.job])), hand)


def _km(c: Ctx, v: Visit, hand: bool = False) -> KV:
    return KV(c.L("km", ("进厂里程", "行驶里程", "里程数", "公里数"), "Odometer"), f"{v.mileage:,} km" if c.rng.random() < 0.5
              else f"{v.mileage}", hand)


def _sa(c: Ctx) -> tuple[str, str]:
    return ("staff", c.L("sa", ("服务顾问", "服务顾问签字", "接待员", "SA签名", "接车人"), "Advisor"))


def _cust_sig(c: Ctx, key: str, options: tuple[str, ...]) -> tuple[str, str]:
    return ("customer", c.L(key, options, "Customer"))


def reception_sheet(c: Ctx, dpi: int, cf: CarFile, v: Visit) -> Doc:
    rng = c.rng
    f = _visit_flow(c, dpi, "reception_sheet")
    title = _visit_head(c, f, "reception_sheet", v)
    hand = f.style.paper != (255, 255, 255) or rng.random() < 0.3
    o = cf.owner
    items = _cust(c, o, hand) + _car(c, cf.car, hand, model=f.h_mm > 200) + [_km(c, v, hand)]
    kv_grid(f, c, items, cols=3 if f.w_mm > 250 or f.h_mm < 200 else 2, row_h=8)
    p = f.page
    confirmed = rng.random() < 0.85
    p.tickbox(f.left, f.y + 0.5, 3.4, confirmed, rng)
    p.text(f.left + 6, f.y, c.t("本次联系人及联系电话已与客户核实确认"), 3.1)
    f.y += 7
    if f.h_mm > 200:
        x0, y0 = f.left + 5, f.y + 2
        p.rect(x0, y0, x0 + 60, y0 + 28, 0.3)
        p.d.rounded_rectangle((p.px(x0 + 8), p.px(y0 + 5), p.px(x0 + 52), p.px(y0 + 23)), p.px(6), outline=(60, 60, 60),
                              width=max(1, p.px(0.3)))
        for _ in range(rng.randint(0, 3)):
            p.hand(x0 + rng.uniform(10, 48), y0 + rng.uniform(6, 18), "×", 4.0, rng, colour=(190, 30, 30))
        p.text(x0 + 64, y0, c.t("油量/电量："), 3.1)
        for k in range(5):
            p.rect(x0 + 64 + k * 8, y0 + 6, x0 + 70 + k * 8, y0 + 10, 0.25)
        p.text(x0 + 64, y0 + 14, "E", 3.0)
        p.text(x0 + 100, y0 + 14, "F", 3.0)
        p.hand(x0 + 64 + rng.randint(0, 4) * 8, y0 + 4.5, "√", 4.0, rng)
        f.y = y0 + 32
    f.page.text(f.left, f.y, c.L("desc", ("客户描述：", "故障现象：", "客户需求："), ""), 3.2)
    f.page.hand(f.left + 24, f.y - 1, c.t(rng.choice(("定期保养", "刹车有异响", "空调不制冷", "仪表故障灯亮", "左前门异响",
                                                     "做首保", "发动机抖动"))), 4.0, rng)
    f.y += 9
    ticks(f, c, [c.t(x) for x in ("贵重物品已提醒", "随车工具", "备胎", "旧件带走")],
          [rng.random() < 0.5 for _ in range(4)], "grid")
    signatures(f, c, [_cust_sig(c, "sig_rs", ("客户签字", "车主确认", "送修人签名", "客户确认签字")), _sa(c)], sig_shape(c))
    return car_doc(c, "reception_sheet", title, f, cf, v)


def work_order(c: Ctx, dpi: int, cf: CarFile, v: Visit) -> Doc:
    rng = c.rng
    f = _visit_flow(c, dpi, "work_order")
    title = _visit_head(c, f, "work_order", v)
    items = _cust(c, cf.owner) + _car(c, cf.car) + [_km(c, v), _job_kv(c, v)]
    items.append(KV(c.L("due", ("预计交车", "预计完工时间"), "Due"), fmt_date(v.day + timedelta(days=1 if v.job != "major_repair" else 6),
                                                                         c.site.date_style)))
    kv_grid(f, c, items, cols=3 if f.w_mm > 250 else 2, row_h=8)
    rows = [[str(k + 1), c.t(n), f"{rng.choice((0.5, 1.0, 1.5, 2.0, 4.0))}", fmt_amount(p, c.site.amount_style),
             c.t(v.technician)] for k, (n, p) in enumerate(v.labour)]
    table(f, c, [c.t("序号"), c.t("维修项目"), c.t("工时"), c.t("工时费"), c.t("技师")], rows, [0.8, 6, 1.2, 2, 1.6])
    prow = [[str(k + 1), c.t(n), str(q), fmt_amount(p, c.site.amount_style)] for k, (n, q, p) in enumerate(v.parts)]
    table(f, c, [c.t("序号"), c.t("预计材料"), c.t("数量"), c.t("单价")], prow, [0.8, 6, 1.2, 2])
    p = f.need(8)
    p.text(f.left, f.y, c.t("旧件处理：") + "□" + c.t("带走") + "  □" + c.t("不带走") + "     " + c.t("是否洗车：") + "□"
           + c.t("是") + "  □" + c.t("否"), 3.1)
    f.y += 7
    paragraph(f, c.t("委托人同意按上述项目进行维修，维修中如需增加项目，承修方须征得委托人同意后方可施工。"), 3.0)
    if rng.random() < 0.2:
        terms_page(f, c, "work_order")
    signatures(f, c, [_cust_sig(c, "sig_wo", ("委托人签字", "客户签名", "车主签字", "送修人")), _sa(c)], sig_shape(c))
    return car_doc(c, "work_order", title, f, cf, v)


def settlement(c: Ctx, dpi: int, cf: CarFile, v: Visit) -> Doc:
    rng = c.rng
    f = _visit_flow(c, dpi, "settlement")
    out = v.day + timedelta(days=0 if v.job not in ("major_repair", "warranty_claim") else rng.randint(2, 7))
    title = _visit_head(c, f, "settlement", v, out)
    items = _cust(c, cf.owner) + _car(c, cf.car, model=False) + [_km(c, v), _job_kv(c, v)]
    kv_grid(f, c, items, cols=3 if f.w_mm > 250 else 2, row_h=8)
    am = c.site.amount_style
    rows = [[c.t("工时"), c.t(n), "1", fmt_amount(p, am), fmt_amount(p, am)] for n, p in v.labour]
    rows += [[c.t("材料"), c.t(n), str(q), fmt_amount(p, am), fmt_amount(q * p, am)] for n, q, p in v.parts]
    table(f, c, [c.t("类别"), c.t("项目/配件名称"), c.t("数量"), c.t("单价"), c.t("金额")], rows, [1.2, 6, 1, 2, 2])
    total = v.total
    lab = sum(p for _, p in v.labour)
    p = f.need(20)
    p.text(f.left, f.y, c.t("工时费合计：") + fmt_amount(lab, am) + "    " + c.t("材料费合计：") + fmt_amount(total - lab, am), 3.2)
    f.y += 7
    if v.job in ("warranty_claim", "first_service"):
        p.text(f.left, f.y, c.t("厂家结算（索赔/首保），客户自付：") + _amount(c, total), 3.4, kind=c.site.heading)
    elif c.site.ncr or rng.random() < 0.2:  # the total written in by hand
        due = c.t("应收金额：")
        p.text(f.left, f.y, due, 3.4, kind=c.site.heading)
        p.hand(f.left + p.width(due, 3.4, c.site.heading) + 2, f.y - 1, _amount(c, total), 4.4, rng)
    else:
        p.text(f.left, f.y, c.t("应收金额：") + _amount(c, total) + "   " + c.t("（大写）") + c.t(upper_amount(total)), 3.4,
               kind=c.site.heading)
    f.y += 8
    p.text(f.left, f.y, c.t("付款方式：") + c.t(rng.choice(("微信", "支付宝", "银联刷卡", "现金", "对公转账"))), 3.1)
    f.y += 8
    if rng.random() < 0.25:
        terms_page(f, c, "settlement")
    slots = signatures(f, c, [_cust_sig(c, "sig_st", ("客户确认签字", "客户签字", "车主签名", "付款人签字")),
                              ("staff", c.L("cashier", ("结算员", "收银员", "服务顾问", "结算人"), "Cashier"))], sig_shape(c))
    if rng.random() < 0.55:
        pi, si = slots[1]
        pg = f.pages[pi]
        bx = pg.slots[si].box
        pg.seal((bx[2]) / pg.k - 12 + rng.uniform(-4, 4), (bx[1] + bx[3]) / 2 / pg.k, rng.choice(("round", "round", "square")),
                c.t(c.site.company), c.t(rng.choice(("结算专用章", "财务专用章", ""))), over=si)
    return car_doc(c, "settlement", title, f, cf, v)


TWELVE = ("轮胎及胎压", "制动液液位", "机油液位及品质", "冷却液液位", "蓄电池状态", "灯光系统", "雨刮及洗涤液", "刹车片厚度",
          "底盘及悬挂", "空调滤芯", "喇叭", "安全带")


def free_inspection_12(c: Ctx, dpi: int, cf: CarFile, v: Visit) -> Doc:
    rng = c.rng
    f = _visit_flow(c, dpi, "free_inspection_12")
    title = _visit_head(c, f, "free_inspection_12", v)
    kv_grid(f, c, _car(c, cf.car, model=False) + [_km(c, v)], cols=3 if f.w_mm > 250 else 2)
    ticks(f, c, [c.t(x) for x in TWELVE], [rng.random() < 0.88 for _ in TWELVE], rng.choice(("two", "two", "marks", "grid")))
    p = f.need(10)
    p.text(f.left, f.y, c.t("检查建议："), 3.1)
    p.hand(f.left + 20, f.y - 1, c.t(rng.choice(("无", "建议更换雨刮片", "下次保养更换刹车片", "轮胎磨损请注意"))), 3.8, rng)
    f.y += 9
    signatures(f, c, [_cust_sig(c, "sig_12", ("客户签字", "车主确认", "客户签名确认")),
                      ("staff", c.L("tech", ("检查技师", "技师签字", "检查人", "维修技师"), "Technician"))], sig_shape(c))
    return car_doc(c, "free_inspection_12", title, f, cf, v)


ADDONS = (("更换后刹车片", 52000), ("更换火花塞（4只）", 48000), ("清洗节气门", 18000), ("更换蓄电池", 86000),
          ("更换轮胎 1条", 95000), ("四轮定位", 20000), ("更换刹车油", 28000))


def addon_sheet(c: Ctx, dpi: int, cf: CarFile, v: Visit) -> Doc:
    rng = c.rng
    f = _visit_flow(c, dpi, "addon_sheet")
    title = _visit_head(c, f, "addon_sheet", v)
    kv_grid(f, c, _cust(c, cf.owner) + _car(c, cf.car, model=False), cols=2, row_h=8)
    chosen = rng.sample(ADDONS, rng.randint(1, 3))
    rows = [[str(k + 1), c.t(n), fmt_amount(p, c.site.amount_style), c.t(rng.choice(("同意", "同意", "不同意")))]
            for k, (n, p) in enumerate(chosen)]
    table(f, c, [c.t("序号"), c.t("增加项目"), c.t("费用"), c.t("客户意见")], rows, [0.8, 6, 2, 2], hand_cols=(3,))
    p = f.need(8)
    p.text(f.left, f.y, c.t("通知方式：") + c.t(rng.choice(("电话", "当面", "微信"))) + "   " + c.t("通知时间：")
           + f"{rng.randint(9, 17)}:{rng.randint(0, 59):02d}", 3.1)
    f.y += 8
    signatures(f, c, [_cust_sig(c, "sig_add", ("客户同意签字", "客户签字", "车主确认")), _sa(c)], sig_shape(c))
    return car_doc(c, "addon_sheet", title, f, cf, v)


def road_test(c: Ctx, dpi: int, cf: CarFile, v: Visit) -> Doc:
    rng = c.rng
    f = _visit_flow(c, dpi, "road_test")
    title = _visit_head(c, f, "road_test", v)
    kv_grid(f, c, _car(c, cf.car) + [_km(c, v)], cols=2, row_h=8)
    its = ("冷车启动", "怠速稳定性", "起步及加速", "换挡平顺性", "制动效果", "转向及回正", "行驶异响", "仪表指示", "空调工作")
    rows = [[c.t(x), c.t(rng.choice(("正常", "正常", "异常"))), c.t("正常")] for x in its]
    table(f, c, [c.t("试车项目"), c.t("修前"), c.t("修后")], rows, [4, 2, 2], hand_cols=(1, 2))
    p = f.need(8)
    p.text(f.left, f.y, c.t("试车里程：") + f"{rng.randint(3, 15)} km   " + c.t("试车结论：") + c.t("合格"), 3.2)
    f.y += 8
    flds = [("staff", c.L("tester", ("试车员", "试车人签字", "路试员"), "Tester"))]
    if rng.random() < 0.5:
        flds.append(("staff", c.L("qc", ("质检员", "终检签字", "质检"), "QC")))
    if rng.random() < 0.4:
        flds.insert(0, _cust_sig(c, "sig_rt", ("客户签字", "陪同试车客户签名")))
    signatures(f, c, flds, sig_shape(c))
    return car_doc(c, "road_test", title, f, cf, v)


def loss_assessment(c: Ctx, dpi: int, cf: CarFile, v: Visit) -> Doc:
    rng = c.rng
    f = new_flow(c, dpi)
    ins = rng.choice(INSURERS)
    f.page.text(f.left, f.y, c.t(ins), 3.8, kind=c.site.heading, colour=(20, 60, 120))
    f.y += 8
    title = c.t(pick(c.site, "loss_assessment", TITLES["loss_assessment"]))
    f.page.text((f.left + f.right) / 2, f.y, title, 5.2, kind=c.site.heading, anchor="ma")
    f.y += 10
    f.page.text(f.left, f.y, c.t("报案号：") + f"R{rng.randint(10**14, 10**15 - 1)}", 3.0)
    f.page.text(f.right, f.y, c.t("定损日期：") + fmt_date(v.day, c.site.date_style), 3.0, anchor="ra")
    c.fields["date"] = v.day.isoformat()
    f.y += 7
    kv_grid(f, c, _cust(c, cf.owner) + _car(c, cf.car), cols=2, row_h=8)
    parts = rng.sample((("前保险杠皮", 168000), ("左前大灯总成", 326000), ("左前叶子板", 98000), ("中网", 62000),
                        ("水箱框架", 84000), ("前保险杠喷漆", 60000), ("钣金修复", 45000)), rng.randint(2, 5))
    rows = [[str(k + 1), c.t(n), c.t(rng.choice(("更换", "修复", "喷漆"))), fmt_amount(p, c.site.amount_style)] for k, (n, p) in enumerate(parts)]
    table(f, c, [c.t("序号"), c.t("项目名称"), c.t("方式"), c.t("定损金额")], rows, [0.8, 6, 1.6, 2.4])
    total = sum(p for _, p in parts)
    f.page.text(f.left, f.y, c.t("定损金额合计：") + _amount(c, total) + c.t("（大写：") + c.t(upper_amount(total)) + "）", 3.3)
    f.y += 9
    slots = signatures(f, c, [("staff", c.t("定损员")), _cust_sig(c, "sig_la", ("被保险人签字", "车主签字")),
                              ("staff", c.t(pick(c.site, "repairer", ("承修方签章", "修理厂签字", "维修单位经办人"))))],
                       rng.choice(("cells", "boxes", "vertical")))
    pi, si = slots[0]
    pg = f.pages[pi]
    bx = pg.slots[si].box
    pg.seal(bx[2] / pg.k - 15, bx[3] / pg.k - 6, "round", c.t(ins[:-8] + "公司"), c.t("理赔专用章"), over=si)
    return car_doc(c, "loss_assessment", title, f, cf, v)


DTC = (("P0301", "1缸检测到失火", "偶发"), ("P0420", "催化转化器效率低于阈值", "静态"), ("U0121", "与ABS控制单元通讯丢失", "偶发"),
       ("C1145", "右前轮速传感器信号不可信", "静态"), ("B1318", "蓄电池电压过低", "偶发"), ("P0171", "系统过稀（第1排）", "偶发"))


def tool_readings(c: Ctx, dpi: int, cf: CarFile, v: Visit) -> Doc:
    rng = c.rng
    f = new_flow(c, dpi, numbering=rng.choice(("{n}/{t}", "Page {n}", None)))
    f.style.body = c.site.body if rng.random() < 0.3 else "mono"
    f.style.dot = rng.random() < 0.4
    title = c.t(pick(c.site, "tool_readings", TITLES["tool_readings"]))
    p = f.page
    p.text(f.left, f.y, title, 4.6, kind=c.site.heading)
    f.y += 9
    tool = rng.choice(("ODIS-S 9.2", "GTS Plus 17.1", "Consult-III plus", "BYD VDS 2000", "X-431 PRO"))
    c.fields.update(vin=cf.car.vin, date=v.day.isoformat())
    lines = [f"{c.t('诊断设备')}: {tool}", f"{c.t('车辆识别号')}: {cf.car.vin}", f"{c.t('工单')}: {v.order}",
             f"{c.t('检测时间')}: {v.day.isoformat()} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}",
             f"{c.t('里程')}: {v.mileage} km", "-" * 48]
    for ln in lines:
        p = f.need(6)
        p.text(f.left, f.y, ln, 3.0)
        f.y += 5.4
    for ecu in rng.sample(("01 发动机电子设备", "02 变速箱电子设备", "03 制动器电子设备", "09 中央电气", "17 仪表板", "19 网关"),
                          rng.randint(2, 4)):
        p = f.need(6)
        p.text(f.left, f.y, c.t(f"[{ecu}]"), 3.0)
        f.y += 5.4
        codes = rng.sample(DTC, rng.randint(0, 2))
        if not codes:
            p.text(f.left + 6, f.y, c.t("无故障码"), 3.0)
            f.y += 5.4
        for code, text, st in codes:
            p = f.need(6)
            p.text(f.left + 6, f.y, f"{code}  {c.t(text)}  {c.t(st)}", 3.0)
            f.y += 5.4
    rows = [[c.t(n), f"{val}", u, rg] for n, val, u, rg in (("蓄电池电压", f"{rng.uniform(12.1, 14.4):.2f}", "V", "12.0-14.8"),
                                                            ("冷却液温度", str(rng.randint(85, 98)), "°C", "80-105"),
                                                            ("怠速转速", str(rng.randint(680, 820)), "rpm", "650-850"),
                                                            ("制动液含水量", f"{rng.uniform(0.5, 3.2):.1f}", "%", "<3.0"))]
    table(f, c, [c.t("测量值"), c.t("读数"), c.t("单位"), c.t("标准范围")], rows, [4, 2, 1.2, 2.4])
    signatures(f, c, [("staff", c.L("tech_tr", ("检测技师", "诊断技师", "操作员"), "Technician"))], rng.choice(("colon", "dated", "bracket")))
    return car_doc(c, "tool_readings", title, f, cf, v)


def estimate(c: Ctx, dpi: int, cf: CarFile, v: Visit) -> Doc:
    rng = c.rng
    f = _visit_flow(c, dpi, "estimate")
    title = _visit_head(c, f, "estimate", v)
    kv_grid(f, c, _cust(c, cf.owner) + _car(c, cf.car, model=False) + [_job_kv(c, v)], cols=2, row_h=8)
    am = c.site.amount_style
    rows = [[c.t(n), c.t("工时"), fmt_amount(p, am)] for n, p in v.labour] + [[c.t(n), f"x{q}", fmt_amount(q * p, am)] for n, q, p in v.parts]
    table(f, c, [c.t("项目/材料"), c.t("数量/类别"), c.t("预估金额")], rows, [6, 2, 2.4])
    est = int(v.total * rng.uniform(0.95, 1.15)) // 100 * 100
    if f.style.paper != (255, 255, 255) or rng.random() < 0.25:
        p = f.need(10)
        lab = c.t("预估总金额：")
        p.text(f.left, f.y, lab, 3.2)
        p.hand(f.left + p.width(lab, 3.2) + 2, f.y - 1, _amount(c, est), 4.2, rng)
    else:
        f.need(10).text(f.left, f.y, c.t("预估总金额：") + _amount(c, est) + c.t("（实际以结算为准，误差超过10%将另行通知）"), 3.2)
    f.y += 9
    signatures(f, c, [_cust_sig(c, "sig_es", ("客户确认", "客户签字", "委托人签名")), _sa(c)], sig_shape(c))
    return car_doc(c, "estimate", title, f, cf, v)


def first_service_card(c: Ctx, dpi: int, cf: CarFile, v: Visit) -> Doc:
    rng = c.rng
    f = new_flow(c, dpi, numbering=None)
    x, y, w, h = f.left + 18, f.y + 14, 140, 92
    p = _card(f, x, y, w, h, (250, 244, 228))
    title = c.t(pick(c.site, "first_service_card", TITLES["first_service_card"]))
    p.text(x + w / 2, y + 4, title, 5.4, kind=c.site.heading, anchor="ma")
    rows = [("车主", c.t(cf.owner.name)), ("车架号", cf.car.vin), ("购车日期", fmt_date(cf.car.delivered, c.site.date_style)),
            ("首保里程", f"{v.mileage} km"), ("首保日期", fmt_date(v.day, c.site.date_style)), ("工单号", v.order)]
    c.fields.update(vin=cf.car.vin, date=v.day.isoformat())
    c.fields["company" if cf.owner.is_company else "name"] = c.t(cf.owner.name)
    c.fields["job_type"] = v.job
    yy = y + 14
    for lab, val in rows:
        p.text(x + 6, yy, c.t(lab) + "：", 3.1)
        if lab in ("首保里程", "首保日期") and rng.random() < 0.6:
            p.hand(x + 30, yy - 1, val, 3.8, rng)
        else:
            p.text(x + 30, yy, val, 3.2)
        yy += 8
    p.text(x + 6, yy + 2, c.t("经销商（盖章）："), 3.0)
    p.seal(x + w - 30, y + h - 22, "round", c.t(c.site.company), c.t("售后服务专用章"))
    f.y = y + h + 6
    signatures(f, c, [_cust_sig(c, "sig_fs", ("车主签字", "客户签名")), _sa(c)], rng.choice(("colon", "boxes")))
    return car_doc(c, "first_service_card", title, f, cf, v)


def parts_invoice(c: Ctx, dpi: int, cf: CarFile, v: Visit) -> Doc:
    rng = c.rng
    f = new_flow(c, dpi, "a4l" if rng.random() < 0.6 else "a4", numbering=None)
    p = f.page
    mid = (f.left + f.right) / 2
    prov = c.site.city
    title = c.t(f"{prov}增值税{rng.choice(('普通', '电子普通', '专用'))}发票")
    p.text(mid, f.y, title, 5.6, kind=c.site.heading, anchor="ma", colour=(140, 70, 40))
    p.line(mid - 50, f.y + 8, mid + 50, f.y + 8, 0.4, colour=(140, 70, 40))
    p.text(f.right, f.y, c.t("开票日期：") + fmt_date(v.day, "cn"), 3.0, anchor="ra")
    c.fields["date"] = v.day.isoformat()
    f.y += 14
    o = cf.owner
    items = [KV(c.t("购买方名称"), c.t(o.name), span=True)]
    c.fields["company" if o.is_company else "name"] = c.t(o.name)
    kv_grid(f, c, items, cols=1, row_h=8)
    am = c.site.amount_style
    rows = [[f"*{c.t('汽车零配件')}*{c.t(n)}", c.t("个"), str(q), fmt_amount(p_, am), fmt_amount(q * p_, am), "13%"]
            for n, q, p_ in v.parts if p_] or [[f"*{c.t('汽车零配件')}*{c.t('机油滤清器')}", c.t("个"), "1", fmt_amount(6800, am),
                                                 fmt_amount(6800, am), "13%"]]
    total = sum(q * p_ for _, q, p_ in v.parts if p_) or 6800
    table(f, c, [c.t("货物或应税劳务名称"), c.t("单位"), c.t("数量"), c.t("单价"), c.t("金额"), c.t("税率")], rows, [6, 1, 1, 2, 2, 1])
    f.page.text(f.left, f.y, c.t("价税合计（大写）") + c.t(upper_amount(total)) + "   " + c.t("（小写）") + _amount(c, total), 3.3)
    f.y += 8
    kv_grid(f, c, [KV(c.t("销售方名称"), c.t(rng.choice(("上海汽配贸易有限公司", "广州众诚汽车配件有限公司", "成都联创汽配有限公司"))),
                      span=True)], cols=1, row_h=8)
    f.page.seal(f.right - 40, f.y + 4, "oval", c.t(rng.choice(("汽配贸易有限公司", "众诚汽车配件有限公司"))), "91" + c.site.region + "X2K")
    f.y += 20
    return car_doc(c, "parts_invoice", title, f, cf, v)


def fault_report(c: Ctx, dpi: int, cf: CarFile, v: Visit) -> Doc:
    rng = c.rng
    f = new_flow(c, dpi)
    title = _visit_head(c, f, "fault_report", v)
    kv_grid(f, c, _car(c, cf.car) + [_km(c, v), _job_kv(c, v),
                                     KV(c.t("购车日期"), fmt_date(cf.car.delivered, c.site.date_style))], cols=2, row_h=8)
    code = rng.choice(DTC)
    for head, body in (("一、故障现象", f"客户反映车辆行驶中{rng.choice(('仪表故障灯点亮', '底盘有异响', '发动机抖动', '中控屏黑屏'))}，进厂检查故障现象可再现。"),
                       ("二、检测过程", f"使用专用诊断设备读取故障码{code[0]}（{code[1]}），按维修手册进行引导型故障查询，测量相关线路及插头正常。"),
                       ("三、故障原因", "经检测确认为零部件本身质量问题，非人为损坏及使用不当造成，符合厂家质量担保条件。"),
                       ("四、处理措施", "更换故障零部件后清除故障码，路试20公里故障未再现，维修完毕。")):
        f.need(12).text(f.left, f.y, c.t(head), 3.5, kind=c.site.heading)
        f.y += 6
        paragraph(f, c.t(body), 3.2)
    signatures(f, c, [("staff", c.L("tech_fr", ("维修技师", "技术员", "诊断技师"), "Technician")),
                      ("staff", c.L("claim", ("索赔员", "索赔专员", "保修员"), "Warranty")),
                      ("staff", c.L("mgr", ("服务经理", "技术总监", "站长"), "Manager"))], rng.choice(("cells", "vertical", "boxes", "rule_below")))
    return car_doc(c, "fault_report", title, f, cf, v)


# ---------------------------------------------------------------- one unit, one file ----------------------

@dataclass
class UnitFile:
    unit: Unit


def _later(since: date, rng: random.Random, lo: int, hi: int) -> date:
    return min(since + timedelta(days=rng.randint(lo, hi)), LAST_DAY)


def unit_doc(c: Ctx, doc_type: str, title: str | None, f: Flow, uf: UnitFile) -> Doc:
    return Doc(doc_type, title, f.finish(), dict(c.fields), "hant" if c.site.hant else "hans",
               DossierRef(kind="unit", key=uf.unit.number))


def _unit_kv(c: Ctx, uf: UnitFile) -> KV:
    c.fields["unit"] = uf.unit.number
    return KV(c.L("unit", ("单元号", "房号", "单元", "房屋编号"), "Unit"), uf.unit.number)


def _tenant(c: Ctx, uf: UnitFile, hand: bool = False, id_: bool = True) -> list[KV]:
    o = uf.unit.tenant
    out = _cust(c, o, hand, id_=id_)
    if o.is_company:
        out[0] = KV(c.L("tenant_co", ("租户名称", "业户单位", "入驻单位", "公司名称"), "Tenant"), c.t(o.name), hand)
    else:
        out[0] = KV(c.L("tenant", ("业主姓名", "住户姓名", "业主", "租户姓名"), "Owner"), c.t(o.name), hand)
    return out


def _ucust(c: Ctx, key: str, options: tuple[str, ...]) -> tuple[str, str]:
    return ("customer", c.L(key, options, "Resident"))


def _ustaff(c: Ctx, key: str = "ustaff") -> tuple[str, str]:
    return ("staff", c.L(key, ("客服专员", "客务部经办人", "管理处经办", "物业接待人"), "Staff"))


RULES = ("住户应按时缴纳物业管理费、水电费及其他约定费用，逾期未缴的按管理规约处理。",
         "未经管理处书面同意，不得改变房屋结构、外观及用途，不得占用公共通道、消防通道堆放物品。",
         "车辆须按指定位置停放，访客车辆须在岗亭登记，月租车位须办理车位租用手续。",
         "室内装修须事先向管理处申请，经审批并办理装修手续后方可施工。",
         "住户如需更换门锁、开通电话或制作水牌，须填写相应申请单交客服中心办理。",
         "非办公时间需在单元内加班的，须提前一个工作日提交加班申请。",
         "发现公共设施损坏或安全隐患，请及时通知客服中心，服务热线二十四小时有人值守。",
         "住户迁出时须结清全部费用，交回钥匙及门禁卡，并办理退租手续。")
RENO_RULES = ("业主（住户）应委托具有相应资质的装修单位施工，并督促其遵守本小区装修管理规定。",
              "装修施工不得拆除或改动承重墙、梁、柱及外墙，不得破坏防水层，不得擅自改动燃气管道及消防设施。",
              "施工时间为工作日八时至十二时、十四时至十八时，节假日不得进行产生噪音的施工作业。",
              "装修垃圾应袋装后运至指定地点，不得抛撒或堆放在公共部位，清运费用由业主承担。",
              "装修完工后由管理处组织验收，验收合格且无违规情况的，装修押金于三十日内无息退还。",
              "违反本协议的，管理处有权责令停工整改，造成公共设施或他人财产损失的，由业主负责赔偿。")


def move_in(c: Ctx, dpi: int, uf: UnitFile) -> Doc:
    rng = c.rng
    f = new_flow(c, dpi)
    title = title_for(c, "move_in")
    header(f, c, title, ENGLISH["move_in"], meta_line(c, "mi", f"RZ{uf.unit.since:%Y}{rng.randint(1000, 9999)}", None))
    hand = rng.random() < 0.5
    items = [_unit_kv(c, uf), KV(c.L("bld", ("楼宇", "项目", "楼盘"), "Building"), c.t(uf.unit.building))] + _tenant(c, uf, hand)
    items.append(_date(c, ("入住日期", "交房日期", "入伙日期"), uf.unit.since, hand))
    items.append(KV(c.L("people", ("入住人数", "常住人数", "办公人数"), "Persons"), str(rng.randint(1, 60)), hand))
    kv_grid(f, c, items, cols=2, shade=rng.random() < 0.5)
    rows = [[c.t(n), str(rng.randint(1, 6)), ""] for n in ("入户门钥匙", "门禁卡", "信报箱钥匙", "电表箱钥匙")]
    table(f, c, [c.t("领取物品"), c.t("数量"), c.t("备注")], rows, [4, 1.5, 3], hand_cols=(1,))
    rows = [[c.t(n), f"{rng.uniform(0, 900):.1f}"] for n in ("水表读数（吨）", "电表读数（度）", "燃气表读数（方）")]
    table(f, c, [c.t("表计"), c.t("底数")], rows, [4, 3], hand_cols=(1,))
    if rng.random() < 0.45:
        f.need(12).text(f.left, f.y, c.t(pick(c.site, "rules", ("住户须知", "入住须知", "业户守则摘要"))), 3.6, kind=c.site.heading)
        f.y += 7
        for k, rule in enumerate(RULES, 1):
            paragraph(f, c.t(f"{k}. {rule}"), 3.1, indent=False)
    paragraph(f, c.t("本人已阅读并同意遵守《管理规约》及《住户手册》，确认上述资料真实有效，如有变更将及时通知管理处。"), 3.1)
    slots = signatures(f, c, [_ucust(c, "sig_mi", ("业主签名", "住户签字", "业户（签章）", "租户代表签字")), _ustaff(c)], sig_shape(c))
    if rng.random() < 0.5:
        pi, si = slots[1]
        pg = f.pages[pi]
        bx = pg.slots[si].box
        pg.seal(bx[2] / pg.k - 10, bx[1] / pg.k + 4, "round", c.t(c.site.company), c.t("客户服务中心"), over=si)
    return unit_doc(c, "move_in", title, f, uf)


def renovation(c: Ctx, dpi: int, uf: UnitFile) -> Doc:
    rng = c.rng
    f = new_flow(c, dpi)
    title = title_for(c, "renovation")
    header(f, c, title, ENGLISH["renovation"], meta_line(c, "rn", f"ZX-{rng.randint(100, 999)}", None))
    start = _later(uf.unit.since, rng, 5, 400)
    items = [_unit_kv(c, uf)] + _tenant(c, uf, id_=False)
    items += [KV(c.L("contractor", ("装修单位", "施工单位", "承建商"), "Contractor"), c.t(rng.choice(("华艺装饰工程有限公司", "美家装饰设计有限公司", "鸿业建筑装饰有限公司"))), span=True),
              KV(c.L("period", ("施工期限", "装修工期"), "Period"), f"{fmt_date(start, c.site.date_style)} - {fmt_date(start + timedelta(days=rng.randint(20, 90)), c.site.date_style)}", span=True)]
    c.fields["date"] = start.isoformat()
    dep = rng.choice((300000, 500000, 1000000, 2000000))
    items.append(KV(c.L("deposit", ("装修押金", "装修保证金"), "Deposit"), _amount(c, dep)))
    kv_grid(f, c, items, cols=2)
    ticks(f, c, [c.t(x) for x in ("拆改墙体", "水电改造", "空调安装", "吊顶", "地面铺装", "门窗更换")],
          [rng.random() < 0.5 for _ in range(6)], "grid")
    if "协议" in title or rng.random() < 0.3:
        for k, rule in enumerate(RENO_RULES, 1):
            f.need(10).text(f.left, f.y, c.t(f"第{'一二三四五六七八'[k - 1]}条"), 3.4, kind=c.site.heading)
            f.y += 6
            paragraph(f, c.t(rule), 3.1)
    paragraph(f, c.t("申请人承诺：严格遵守装修管理规定，不拆改承重结构，不占用公共区域，每日施工时间为8:00至18:00，"
                     "装修垃圾按指定时间地点清运，如造成损失由申请人承担全部责任。"), 3.1)
    flds = [_ucust(c, "sig_rn", ("申请人签字", "业主签名", "业户（签章）")),
            ("staff", c.L("eng", ("工程部审核", "工程部意见/签字", "工程主管"), "Engineering")), _ustaff(c)]
    slots = signatures(f, c, flds, rng.choice(("cells", "vertical", "boxes", c.site.sig_style)))
    if rng.random() < 0.6:
        pi, si = slots[2]
        pg = f.pages[pi]
        bx = pg.slots[si].box
        pg.seal((bx[0] + bx[2]) / 2 / pg.k, (bx[1] + bx[3]) / 2 / pg.k, "round", c.t(c.site.company), c.t("装修管理专用章"), over=si)
    return unit_doc(c, "renovation", title, f, uf)


LETTERS = (("关于{u}单元空调维保安排的通知", "贵司所在的{u}单元中央空调将于近期进行年度维护保养，届时需暂停供冷约四小时，请贵司提前做好安排。"
            "如有疑问，请与客服中心联系。"),
           ("关于{u}单元物业费缴纳事宜的函", "经核对，贵司{u}单元本季度物业管理费尚未缴纳，请于收到本函后十五日内缴清。"
            "若已缴纳，请忽略本函并将缴费凭证复印件交客服中心备案。"),
           ("关于{u}单元消防设施整改的通知", "近日消防巡查发现{u}单元内喷淋头被装修吊顶遮挡，存在安全隐患，请贵司于七日内整改完毕，"
            "整改后通知管理处复查。"),
           ("{u}单元关于延长空调供应时间的申请函", "我司因业务需要，需在本月工作日延长空调供应至二十一时，相关费用按管理处标准缴纳，"
            "恳请予以批准。"))


def correspondence(c: Ctx, dpi: int, uf: UnitFile) -> Doc:
    rng = c.rng
    f = new_flow(c, dpi, numbering=None)
    o = uf.unit.tenant
    k = rng.randrange(len(LETTERS))
    head, body = LETTERS[k]
    from_tenant = k == 3
    title = c.t(head.format(u=uf.unit.number))
    p = f.page
    if not from_tenant:
        p.text((f.left + f.right) / 2, f.y, c.t(c.site.company), 5.0, kind=c.site.heading, anchor="ma", colour=(170, 20, 30))
        p.line(f.left, f.y + 9, f.right, f.y + 9, 0.8, colour=(170, 20, 30))
        f.y += 14
    p.text((f.left + f.right) / 2, f.y, title, fit_size(p, title, 4.6, f.right - f.left), kind=c.site.heading, anchor="ma")
    f.y += 12
    c.fields["unit"] = uf.unit.number
    c.fields["company" if o.is_company else "name"] = c.t(o.name)
    p.text(f.left, f.y, (c.t("致：") + c.t(o.name) + c.t("（") + uf.unit.number + c.t("）")) if not from_tenant
           else c.t("致：") + c.t(c.site.company) + c.t("客户服务中心"), 3.5)
    f.y += 9
    paragraph(f, c.t(body.format(u=uf.unit.number)), 3.4, lead=1.7)
    paragraph(f, c.t("特此函告。" if not from_tenant else "此致 敬礼！"), 3.4)
    d = _later(uf.unit.since, rng, 30, 700)
    c.fields["date"] = d.isoformat()
    f.y += 8
    sender = c.t(c.site.company + ("客户服务中心" if rng.random() < 0.5 else "")) if not from_tenant else c.t(o.name)
    p = f.need(40)
    p.text(f.right - 75, f.y, sender, fit_size(p, sender, 3.4, 74))
    p.text(f.right - 75, f.y + 8, fmt_date(d, rng.choice(("upper", c.site.date_style))), 3.4)
    if from_tenant:
        f.y += 16
        signatures(f, c, [_ucust(c, "sig_cr", ("联系人签字", "经办人", "负责人签名"))], rng.choice(("colon", "rule_below")))
        if o.is_company and rng.random() < 0.7:
            p.seal(f.right - 40, f.y - 30, "round", c.t(o.name), "")
    else:
        p.seal(f.right - 45, f.y + 4, "round", c.t(c.site.company), c.t("客户服务中心") if rng.random() < 0.5 else "")
        f.y += 30
        if rng.random() < 0.5:
            f.page.line(f.left, f.y, f.right, f.y, 0.2)
            f.y += 3
            f.page.text(f.left, f.y, c.t("签收回执（请签收后交回客服中心）"), 3.0)
            f.y += 5
            signatures(f, c, [_ucust(c, "sig_rc", ("签收人", "业户签收", "收件人签字"))], rng.choice(("colon", "bracket", "dated")))
    return unit_doc(c, "correspondence", title, f, uf)


def application(c: Ctx, dpi: int, uf: UnitFile) -> Doc:
    rng = c.rng
    subject = rng.choice(tuple(APPLICATION_TITLES))
    f = new_flow(c, dpi, "a5l" if rng.random() < 0.3 else "a4")
    base = pick(c.site, "app" + subject, APPLICATION_TITLES[subject])
    title = c.t(base)
    header(f, c, title, ENGLISH["application"], meta_line(c, "ap", f"SQ{rng.randint(10000, 99999)}", None))
    c.fields["subject"] = subject
    d = _later(uf.unit.since, rng, 10, 800)
    hand = rng.random() < 0.6
    items = [_unit_kv(c, uf)] + _tenant(c, uf, hand, id_=False) + [_date(c, ("申请日期", "日期", "填表日期"), d, hand)]
    detail = {"房门锁": ("更换原因", rng.choice(("钥匙遗失", "门锁损坏", "更换租户"))),
              "电话": ("开通线路数", f"{rng.randint(1, 8)}条  " + c.t("号码类型：直线")),
              "车位": ("车牌号码", c.t(f"{c.site.province}{c.site.plate_city}{rng.randint(10000, 99999)}")),
              "水牌": ("水牌内容", c.t(uf.unit.tenant.name if uf.unit.tenant.is_company else f"{uf.unit.number} 工作室")),
              "客户加班": ("加班时间", f"{fmt_date(d, c.site.date_style)} 18:00-22:00")}[subject]
    items.append(KV(c.t(detail[0]), c.t(detail[1]), hand, True))
    kv_grid(f, c, items, cols=2 if f.h_mm > 200 else 3)
    if f.h_mm > 200:
        paragraph(f, c.t("申请须知：本申请经管理处审批后生效，相关费用按收费标准执行，请申请人如实填写。"), 3.0)
    signatures(f, c, [_ucust(c, "sig_ap", ("申请人签字", "申请人（签章）", "租户确认", "申请单位盖章/签字")),
                      ("staff", c.L("approve", ("管理处审批", "客务主管", "审批人"), "Approved"))], sig_shape(c))
    return unit_doc(c, "application", title, f, uf)
