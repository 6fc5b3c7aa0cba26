"""One builder per paper, in each site's house style. A builder returns a `Doc`: its pages (with the strings,
blank signature fields and seal spots they print) and the truth it states."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .paper import INK, Page
from .sites import Car, Customer, Site, capital, fmt_amount, fmt_date

GREEN_FORM = (20, 105, 95)  # the pre-printed ink of the workshop's multipart sets
PALE_CELL = (246, 196, 196)
JOB_WORDS = {"xingsha": {"minor_repair": "一般维修", "first_service": "首次保养", "maintenance": "定期保养",
                         "major_repair": "总成大修", "warranty_claim": "三包索赔"},
             "volvo": {"minor_repair": "Repair 小修", "first_service": "First Service 首保", "maintenance": "Service 保养",
                       "major_repair": "Overhaul 大修", "warranty_claim": "Warranty 保修"},
             "lugu": {"minor_repair": "快修", "first_service": "首次免费保养", "maintenance": "常规保养",
                      "major_repair": "动力电池/总成维修", "warranty_claim": "质量担保"}}


@dataclass
class Ctx:
    rng: random.Random
    site: Site
    cust: Customer
    car: Car | None = None
    unit: str | None = None
    date: str = "2026-01-01"  # ISO
    visit: str | None = None
    job: str | None = None
    advisor: str = ""
    sales: str = ""
    docno: str = ""
    dpi: int = 150  # one resolution for every page of a scan job
    hant: bool = False  # the job's papers are printed in Traditional script


@dataclass
class Doc:
    doc_type: str | None
    title: str | None
    pages: list[Page]
    fields: dict[str, str] = field(default_factory=dict)
    look: str = ""  # a hint for the scanner: "thermal", "fax", "fold", "screen", "photo", "carbon"


# -- shared pieces ---------------------------------------------------------------------------------------

def _dpi(c: Ctx) -> int:
    return c.dpi


def new_page(c: Ctx, w: float = 210, h: float = 297, paper: tuple[int, int, int] = (255, 255, 255)) -> Page:
    p = Page(w, h, _dpi(c), paper)
    p.hant = c.hant
    return p


def guilloche(p: Page, rng: random.Random, colour: tuple[int, int, int]) -> None:
    """The pale wavy security ground some offices print under their forms."""
    import math
    W, H = p.img.size
    a, b = rng.uniform(2, 4), rng.uniform(0.004, 0.008)
    for k in range(0, H, max(6, p.px(3))):
        pts = [(x, k + 0.4 * p.px(4) * math.sin(x * b * 2 + k * 0.05) * math.cos(x * b / a)) for x in range(0, W, 6)]
        p.draw.line(pts, fill=colour, width=1)


def header(p: Page, c: Ctx, title: str, en: str = "") -> float:
    """The site's header; returns the y (mm) below it."""
    s, W = c.site, p.width_mm
    if s.key == "volvo":
        p.rect(15, 12, 27, 24, fill=INK)
        p.text(21, 14.5, "XV", 11, "bold", (255, 255, 255), anchor="ma", record=False)
        p.text(31, 12.5, s.english.upper(), 10, "bold")
        p.text(31, 18.5, s.company, 8, "sans")
        if c.docno:
            p.text(W - 15, 13, f"No. {c.docno}", 9, "sans", anchor="ra")
        p.line(15, 27, W - 15, 27, 0.6)
        p.text(15, 31, en, 15, "bold")
        p.text(15, 39.5, title, 11, "serif")
        return 50
    if s.key == "xingsha":
        p.text(W / 2, 10, s.company, 12, "bold", GREEN_FORM, anchor="ma")
        p.text(W / 2, 18, title, 16, "serifb", GREEN_FORM, anchor="ma")
        p.line(W / 2 - p.width(title, 16, "serifb") / 2, 26, W / 2 + p.width(title, 16, "serifb") / 2, 26, 0.4, GREEN_FORM)
        if c.docno:
            p.text(W - 12, 20, "No.", 9, "sans", GREEN_FORM, anchor="ra")
            p.text(W - 12, 26, c.docno, 11, "mono", (200, 30, 40), anchor="ra")  # the set's red serial number
        return 31
    if s.key == "lugu":
        p.rect(0, 0, 6, p.height_mm, fill=(0, 120, 110))
        p.text(14, 10, s.company, 9, "sans", (0, 110, 100))
        p.text(14, 17, title, 17, "bold")
        p.qr(W - 34, 8, 20, c.rng)
        p.text(W - 24, 29.5, "扫码查看电子档案", 6.5, "sans", anchor="ma")
        if c.docno:
            p.text(14, 28, f"单号：{c.docno}", 8.5, "sans")
        p.line(14, 34, W - 12, 34, 0.3, (0, 120, 110))
        return 38
    if s.key == "tower":
        guilloche(p, c.rng, (226, 238, 232))
        p.draw.ellipse((p.px(15), p.px(10), p.px(31), p.px(26)), outline=(30, 80, 140), width=p.px(0.8))
        p.text(23, 14.5, "湘", 12, "serifb", (30, 80, 140), anchor="ma", record=False)
        p.text(35, 11, s.company, 10, "serif")
        p.text(35, 17.5, s.english, 8, "sans", (80, 80, 90))
        p.text(W / 2, 30, title, 16, "serifb", anchor="ma")
        if en:
            p.text(W / 2, 38.5, en, 8.5, "sans", (80, 80, 90), anchor="ma")
        if c.docno:
            p.text(W - 15, 12, f"编号 {c.docno}", 8.5, "sans", anchor="ra")
        return 46
    # meixi: title between two rules, the office's name printed as a column down the left margin
    p.vtext(8, 40, s.company, 9, "serif")
    p.text(W / 2, 12, title, 17, "serifb", anchor="ma")
    tw = p.width(title, 17, "serifb")
    p.line(W / 2 - tw / 2 - 4, 22, W / 2 + tw / 2 + 4, 22, 0.5)
    p.line(W / 2 - tw / 2 - 4, 23.2, W / 2 + tw / 2 + 4, 23.2, 0.2)
    if c.docno:
        p.text(W - 15, 26, f"NO:{c.docno}", 8.5, "mono", anchor="ra")
    return 31


def value(p: Page, c: Ctx, x: float, y: float, v: str, pt: float = 10) -> None:
    """A filled value: typed, dot-matrix (a little off its cell) or by hand, as the site fills its forms."""
    key = c.site.key
    if key == "xingsha":
        p.dots(x + c.rng.uniform(-1.2, 2.0), y + c.rng.uniform(-1.0, 1.4), v, pt)
    elif key in ("tower", "meixi") and c.rng.random() < 0.85:
        p.hand(c.rng, x, y - 1.2, v, pt + 1.5)
    else:
        p.text(x, y, v, pt, c.site.sans)


def grid(p: Page, c: Ctx, y: float, rows: list[tuple[str, str]], cols: int = 2, x0: float = 15,
         x1: float | None = None, h: float = 9.0) -> float:
    """Label–value cells, `cols` pairs a row, ruled in the site's ink; returns the y below."""
    x1 = x1 or p.width_mm - 15
    ink = GREEN_FORM if c.site.key == "xingsha" else INK
    cw = (x1 - x0) / cols
    lw = cw * 0.36
    n = (len(rows) + cols - 1) // cols
    for r in range(n + 1):
        p.line(x0, y + r * h, x1, y + r * h, 0.25, ink)
    for k in range(cols + 1):
        p.line(x0 + k * cw, y, x0 + k * cw, y + n * h, 0.25, ink)
    for k in range(cols):
        p.line(x0 + k * cw + lw, y, x0 + k * cw + lw, y + n * h, 0.2, ink)
    for i, (lab, v) in enumerate(rows):
        r, k = divmod(i, cols)
        pt = 9.0 if p.width(lab, 9.0) < lw - 2 else 7.5
        p.text(x0 + k * cw + 1.5, y + r * h + 2.2, lab, pt, c.site.sans, ink)
        if v:
            value(p, c, x0 + k * cw + lw + 1.8, y + r * h + 2.0, v, 9.5 if p.width(v, 9.5) < cw - lw - 3 else 7.5)
    return y + n * h + 4


def table(p: Page, c: Ctx, y: float, head: list[str], rows: list[list[str]], widths: list[float], x0: float = 15) -> float:
    ink = GREEN_FORM if c.site.key == "xingsha" else INK
    h = 7.5
    x1 = x0 + sum(widths)
    if c.site.key == "lugu":
        p.rect(x0, y, x1, y + h, 0.1, (0, 120, 110), fill=(222, 240, 236))
    for r in range(len(rows) + 2):
        p.line(x0, y + r * h, x1, y + r * h, 0.2, ink)
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    for x in xs:
        p.line(x, y, x, y + (len(rows) + 1) * h, 0.2, ink)
    for k, t in enumerate(head):
        p.text(xs[k] + 1.5, y + 1.8, t, 8.5, "bold" if c.site.key != "xingsha" else c.site.sans, ink)
    for r, row in enumerate(rows):
        for k, t in enumerate(row):
            if t:
                value(p, c, xs[k] + 1.5, y + (r + 1) * h + 1.6, t, 8.5)
    return y + (len(rows) + 1) * h + 4


def paragraph(p: Page, c: Ctx, y: float, text: str, pt: float = 9.5, x0: float = 15, x1: float | None = None) -> float:
    x1 = x1 or p.width_mm - 15
    step = pt * 25.4 / 72 * 1.6
    line = ""
    for ch in text:
        if p.width(line + ch, pt, c.site.serif) > x1 - x0:
            p.text(x0, y, line, pt, c.site.serif)
            y += step
            line = ""
        line += ch
    if line:
        p.text(x0, y, line, pt, c.site.serif)
        y += step
    return y + 1


# -- signature fields in this family's shapes ------------------------------------------------------------

def sign_row(p: Page, c: Ctx, y: float, sigs: list[tuple[str, str]], style: str | None = None) -> float:
    """A row of signature fields; returns the y below. Styles: `under` (label printed under the rule),
    `cells` (a row of pale cells, one a character), `grid` (a table: labels in the top row, blanks below),
    `after` (a rule followed by the bracketed party), `colon` (label, colon, open space)."""
    style = style or {"volvo": "under", "xingsha": "grid", "lugu": "cells", "tower": "under", "meixi": "after"}[c.site.key]
    W = p.width_mm
    n = len(sigs)
    if style == "grid":
        ink = GREEN_FORM if c.site.key == "xingsha" else INK
        cw = (W - 30) / n
        p.line(15, y, W - 15, y, 0.25, ink)
        p.line(15, y + 7, W - 15, y + 7, 0.2, ink)
        p.line(15, y + 22, W - 15, y + 22, 0.25, ink)
        for k in range(n + 1):
            p.line(15 + k * cw, y, 15 + k * cw, y + 22, 0.25, ink)
        for k, (role, lab) in enumerate(sigs):
            p.text(15 + k * cw + cw / 2, y + 1.5, lab, 9, c.site.sans, ink, anchor="ma")
            p.slot(role, lab, 15 + k * cw + 1.6, y + 8.6, 15 + (k + 1) * cw - 1.6, y + 20.4)
        return y + 27
    if style == "cells":
        per = 2 if n > 1 else 1
        cw = (W - 30) / per
        yy = y
        for k, (role, lab) in enumerate(sigs):
            col = k % per
            if col == 0 and k:
                yy += 16
            x = 15 + col * cw
            lw = p.width(lab + "：", 9.5, c.site.sans)
            p.text(x, yy + 3.5, lab + "：", 9.5, c.site.sans)
            cells = 4
            size = min(11.0, (cw - lw - 6) / cells)
            for j in range(cells):
                p.rect(x + lw + 1 + j * size, yy, x + lw + 1 + (j + 1) * size, yy + 11, 0.3, PALE_CELL)
            p.slot(role, lab, x + lw + 2.6, yy + 1.6, x + lw + 1 + cells * size - 1.6, yy + 9.4)
        return yy + 17
    if style == "colon":
        for role, lab in sigs:
            p.text(15, y + 3, lab + "：", 9.5, c.site.sans)
            lw = p.width(lab + "：", 9.5, c.site.sans)
            p.slot(role, lab, 15 + lw + 1, y, min(W - 4, 15 + lw + 50), y + 11)
            y += 14
        return y
    if style == "after":
        for role, lab in sigs:
            bracket = f"（{lab}）"
            bw = p.width(bracket, 9.5, c.site.serif)
            x1 = W - 15 - bw - 1
            x0 = max(W / 2 - 25, x1 - 70)
            p.line(x0, y + 11, x1, y + 11, 0.25)
            p.text(x1 + 1, y + 7, bracket, 9.5, c.site.serif)
            p.slot(role, lab, x0 + 1, y + 0.5, x1 - 1, y + 9.8)
            y += 15
        return y
    # under: the rule first, the party's name printed beneath it
    per = min(n, 3)
    gap = min(76.0, (W - 30) / per)  # a rule as long as a name needs: the page's right part when alone
    left = W - 15 - per * gap
    yy = y
    for k, (role, lab) in enumerate(sigs):
        col = k % per
        if col == 0 and k:
            yy += 22
        x0 = left + col * gap + 3
        x1 = left + (col + 1) * gap - 3
        p.line(x0, yy + 13, x1, yy + 13, 0.3)
        pt = 8.5 if p.width(lab, 8.5) < x1 - x0 else 7
        p.text((x0 + x1) / 2, yy + 14.5, lab, pt, c.site.sans, anchor="ma")
        p.slot(role, lab, x0 + 1, yy + 1, x1 - 1, yy + 11.8)
    return yy + 22


def date_line(p: Page, c: Ctx, y: float, label: str = "日期") -> float:
    p.text(p.width_mm - 70, y, f"{label}：", 9.5, c.site.sans)
    value(p, c, p.width_mm - 70 + p.width(f"{label}：", 9.5) + 1, y, fmt_date(c.date, c.site.date_style), 9.5)
    return y + 9


def footer(p: Page, c: Ctx, k: int, n: int) -> None:
    s = c.site.key
    H, W = p.height_mm, p.width_mm
    if s == "lugu":
        p.text(W / 2, H - 10, f"第{k}页/共{n}页", 8, "sans", anchor="ma")
    elif s == "volvo":
        p.text(W - 15, H - 10, f"Page {k}/{n}", 8, "sans", anchor="ra")
        p.text(15, H - 10, c.site.city_addr + "  Tel " + "0731-8866" + "2299", 7, "sans", (90, 90, 90))
    elif s == "xingsha":
        p.text(W / 2, H - 9, "第二联 客户联（白）  第一联 存根  第三联 财务", 7.5, c.site.sans, GREEN_FORM, anchor="ma")
    elif n > 1:
        p.text(W / 2, H - 10, f"— {k} —", 9, "serif", anchor="ma")


# -- car documents --------------------------------------------------------------------------------------

def _who(c: Ctx) -> str:
    return c.cust.company or c.cust.name


def _car_rows(c: Ctx, f: dict[str, str], vin: bool = True, plate: bool = True, km: bool = False) -> list[tuple[str, str]]:
    en = c.site.key == "volvo"
    rows: list[tuple[str, str]] = []
    assert c.car
    if plate and c.car.plate:
        rows.append(("Plate 车牌号" if en else "车牌号码", c.car.plate))
        f["plate"] = c.car.plate
    if vin:
        rows.append(("VIN 车架号" if en else "车架号(VIN)", c.car.vin))
        f["vin"] = c.car.vin
    rows.append(("Model 车型" if en else "车型", c.car.model))
    if km:
        rows.append(("Mileage 里程" if en else "进厂里程", f"{c.car.km} km"))
    return rows


def _owner_rows(c: Ctx, f: dict[str, str], phone: bool = True, landline: bool = False, address: bool = False,
                ident: bool = False) -> list[tuple[str, str]]:
    en = c.site.key == "volvo"
    rows: list[tuple[str, str]] = []
    if c.cust.company:
        rows.append(("Company 单位名称" if en else "单位名称", c.cust.company))
        rows.append(("Contact 联系人" if en else "联系人", c.cust.name))
        f["company"], f["contact"] = c.cust.company, c.cust.name
        if ident and c.cust.credit_code:
            rows.append(("统一社会信用代码", c.cust.credit_code))
            f["credit_code"] = c.cust.credit_code
    else:
        rows.append(("Name 姓名" if en else "车主姓名", c.cust.name))
        f["name"] = c.cust.name
        if ident:
            rows.append(("ID No. 身份证号" if en else "身份证号码", c.cust.id_number))
            f["id_number"] = c.cust.id_number
    if phone:
        rows.append(("Mobile 手机" if en else "手机", c.cust.mobile))
        f["mobile"] = c.cust.mobile
    if landline and c.cust.landline:
        rows.append(("Tel 座机" if en else "固定电话", c.cust.landline))
        f["landline"] = c.cust.landline
    if address:
        rows.append(("Address 地址" if en else "联系地址", c.cust.address))
        f["address"] = c.cust.address
    return rows


def _date_row(c: Ctx, f: dict[str, str], label: str) -> tuple[str, str]:
    f["date"] = c.date
    return (label, fmt_date(c.date, c.site.date_style))


def _amount_row(c: Ctx, f: dict[str, str], label: str, v: float) -> tuple[str, str]:
    f["amount"] = f"{v:.2f}"
    return (label, fmt_amount(v, c.site.amount_style))


TITLES: dict[str, dict[str, tuple[str, ...]]] = {
    "customer_card": {"volvo": ("Customer Profile|车主信息登记卡",), "xingsha": ("客户档案卡", "车主资料登记表"),
                      "lugu": ("用户信息确认表", "车主信息卡")},
    "sales_contract": {"volvo": ("Vehicle Purchase Agreement|新车购买协议",), "xingsha": ("汽车买卖合同",),
                       "lugu": ("新能源汽车订购合同", "整车销售协议")},
    "delivery_checklist": {"volvo": ("Vehicle Handover Checklist|新车交付确认书",), "xingsha": ("新车交接单",),
                           "lugu": ("交付确认单", "提车验收单")},
    "value_added_services": {"volvo": ("Accessories & Services|精品及服务确认单",), "xingsha": ("装潢精品及延保登记",),
                             "lugu": ("权益及增值服务确认单",)},
    "pdi_checklist": {"volvo": ("Pre-Delivery Inspection|售前检验记录",), "xingsha": ("新车售前检查（PDI）记录",),
                      "lugu": ("PDI交付前检测报告",)},
    "other_proof": {"volvo": ("Authorization Letter|上牌委托书",), "xingsha": ("车辆上牌委托书",),
                    "lugu": ("家用充电桩安装确认函", "以旧换新补贴申请表")},
    "reception_sheet": {"volvo": ("Vehicle Reception Walk-around|接车环检单",), "xingsha": ("车辆进厂登记单", "接车检查单"),
                        "lugu": ("进店环车检查单",)},
    "work_order": {"volvo": ("Repair Order|维修委托书",), "xingsha": ("维修派工单", "施工委托书"), "lugu": ("服务委托书",)},
    "settlement": {"volvo": ("Invoice Statement|维修结算清单",), "xingsha": ("结算单",), "lugu": ("服务费用结算单",)},
    "free_inspection_12": {"volvo": ("12-Point Safety Check|十二项免费安全检查",), "xingsha": ("12项免费检测表",),
                           "lugu": ("免费安全检测（12项）",)},
    "addon_sheet": {"volvo": ("Additional Work Approval|追加项目确认单",), "xingsha": ("增加维修项目通知单",),
                    "lugu": ("增项确认单",)},
    "road_test": {"volvo": ("Road Test Record|路试记录",), "xingsha": ("试车记录单",), "lugu": ("路试检验单",)},
    "estimate": {"volvo": ("Repair Estimate|维修估价单",), "xingsha": ("维修预算单", "报价单"), "lugu": ("维修费用预估单",)},
    "fault_report": {"volvo": ("Technical Diagnosis Report|故障诊断报告",), "xingsha": ("故障检测报告",),
                     "lugu": ("三电系统故障检测报告",)},
    "tool_readings": {"volvo": ("VIDA Diagnostic Log|诊断仪检测数据",), "xingsha": ("专用检测设备读数记录",),
                      "lugu": ("诊断数据导出记录",)},
}


TERMS = ("委托方同意承修方按本委托书所列项目进行维修，维修中发现的追加项目须经委托方确认后方可施工。",
         "更换下来的旧件除索赔件外，委托方可于交车时带走；未带走的，由承修方代为处理。",
         "车内现金及贵重物品请委托方自行保管，遗失承修方不承担责任。",
         "车辆竣工后请于三日内提车，逾期按每日五十元收取场地占用费。",
         "本委托书经双方签字后生效，维修质量保证期按交通运输部有关规定执行。")


def _title(c: Ctx, code: str) -> tuple[str, str, str]:
    """(title as printed, the Chinese line, the English line)."""
    t = c.rng.choice(TITLES[code][c.site.key])
    if "|" in t:
        en, zh = t.split("|")
        return f"{en} {zh}", zh, en
    return t, t, ""


def generic(c: Ctx, code: str) -> Doc:
    """The common body of a dealer's paper: header, the car and its owner, the paper's own part, signatures."""
    rng = c.rng
    title, zh, en = _title(c, code)
    paper = (255, 255, 255)
    if code == "customer_card" and c.site.key != "volvo":
        paper = (222, 242, 222)  # the green card
    elif c.site.key == "xingsha" and code in ("reception_sheet", "work_order", "settlement", "addon_sheet"):
        paper = rng.choice(((255, 255, 255), (252, 228, 232), (255, 248, 215)))
    A5 = c.site.key == "xingsha" and code == "road_test" and rng.random() < 0.6
    p = new_page(c, 210, 148.5 if A5 else 297, paper)
    y = header(p, c, zh if c.site.key == "volvo" else title, en)
    f: dict[str, str] = {}
    staff = {"volvo": "Service Advisor 服务顾问", "xingsha": "服务顾问", "lugu": "服务专员"}[c.site.key]
    cust_lab = {"volvo": "Customer Signature 客户签名", "xingsha": "送修人签字", "lugu": "车主签名"}[c.site.key]
    sale_lab = {"volvo": "Sales Consultant 销售顾问", "xingsha": "销售顾问", "lugu": "交付专员"}[c.site.key]
    sigs: list[tuple[str, str]] = []
    pages = [p]
    en_site = c.site.key == "volvo"
    if code in ("customer_card",):
        rows = _owner_rows(c, f, landline=True, address=True, ident=rng.random() < 0.5) + _car_rows(c, f, plate=False)
        rows.append(_date_row(c, f, "Date 登记日期" if en_site else "登记日期"))
        rows += [("购车用途" if not en_site else "Usage 用途", rng.choice(("家用", "商务", "营运"))),
                 ("信息来源" if not en_site else "Source 来源", rng.choice(("展厅到店", "网络", "老客户介绍", "车展")))]
        y = grid(p, c, y, rows, 2 if c.site.key != "lugu" else 1)
        y = paragraph(p, c, y, "本人同意贵司为提供售后服务及回访之目的保存并使用上述信息。")
        sigs = [("customer", cust_lab.replace("送修人", "客户")), ("staff", sale_lab)]
    elif code == "sales_contract":
        price = float(c.car.price if c.car else 100000)
        rows = [("出卖人（甲方）", c.site.company)] + _owner_rows(c, f, address=True, ident=True)
        rows += _car_rows(c, f, plate=False)
        rows += [("颜色", c.car.colour if c.car else ""), _amount_row(c, f, "车辆总价", price),
                 ("大写", capital(int(price))), _date_row(c, f, "签订日期")]
        y = grid(p, c, y, rows, 1)
        clauses = ("一、买受人于签订本合同时支付定金，余款于提车前付清。", "二、出卖人应保证车辆为合格新车，随车交付合格证、说明书及保修手册。",
                   "三、车辆自交付之日起按生产者公布的三包凭证享受质量保证。", "四、因车辆登记、保险等产生的费用由买受人承担，另有约定的除外。",
                   "五、一方违约的，应赔偿对方由此造成的损失；争议由出卖人所在地人民法院管辖。",
                   "六、本合同一式两份，双方各执一份，自双方签字盖章之日起生效。")
        p2 = new_page(c)
        p2.continuation = True
        pages.append(p2)
        yy = 20.0
        for cl in clauses:
            yy = paragraph(p2, c, yy, cl + "本条款为格式条款，出卖人已就其内容向买受人作出说明。" * rng.choice((1, 2)))
        yy += 6
        sy = yy
        yy = sign_row(p2, c, yy, [("staff", "出卖人（签章）" if c.site.key != "volvo" else "Seller 出卖人"),
                                  ("customer", "买受人（签字）" if c.site.key != "volvo" else "Buyer 买受人")],
                      "under" if c.site.key != "lugu" else "cells")
        p2.seal("round", c.site.company, "合同专用章", p2.px(15 + (p2.width_mm - 30) / 4), p2.px(sy + 6), over=0)
        date_line(p2, c, yy + 2, "签约日期")
        for k, pg in enumerate(pages):
            footer(pg, c, k + 1, len(pages))
        return Doc("sales_contract", title, pages, f)
    elif code in ("delivery_checklist", "pdi_checklist"):
        rows = _owner_rows(c, f) if code == "delivery_checklist" else []
        rows += _car_rows(c, f, plate=False)
        rows.append(_date_row(c, f, "交车日期" if code == "delivery_checklist" else "检测日期"))
        y = grid(p, c, y, rows, 2)
        items = (("漆面及外观无划痕", "内饰整洁", "随车工具齐全", "备胎/补胎工具", "用户手册及保修手册", "钥匙两把",
                  "合格证、发票已交付", "导航及蓝牙演示", "充电口及充电枪演示", "首保时间及里程告知")
                 if code == "delivery_checklist" else
                 ("机油液位", "冷却液液位", "制动液", "玻璃水", "轮胎气压", "蓄电池电压", "灯光", "雨刮", "门锁及车窗",
                  "空调制冷", "仪表故障灯", "底盘紧固", "四轮定位", "软件版本", "路试"))
        y = checklist(p, c, y, list(items))
        sigs = ([("customer", cust_lab.replace("送修人", "客户")), ("staff", sale_lab)] if code == "delivery_checklist"
                else [("staff", {"volvo": "Inspector 检验员", "xingsha": "检验员", "lugu": "PDI技师"}[c.site.key])])
    elif code == "value_added_services":
        rows = _owner_rows(c, f) + _car_rows(c, f, plate=False)
        y = grid(p, c, y, rows, 2)
        addons = rng.sample([("全车贴膜", 3800), ("延长保修两年", 5600), ("脚垫及后备箱垫", 680), ("行车记录仪", 990),
                            ("保养套餐（4次）", 2880), ("车身镀晶", 1800), ("轮胎保障服务", 1200)], 4)
        total = float(sum(v for _, v in addons))
        y = table(p, c, y, ["项目", "数量", "金额"], [[n, "1", f"{v:.2f}"] for n, v in addons], [100, 30, 50])
        p.text(15, y, "合计：", 10, c.site.sans)
        value(p, c, 30, y, fmt_amount(total, c.site.amount_style))
        f["amount"] = f"{total:.2f}"
        y += 10
        sigs = [("customer", cust_lab.replace("送修人", "客户")), ("staff", sale_lab)]
    elif code == "other_proof":
        rows = _owner_rows(c, f, ident=True, address=True) + _car_rows(c, f, plate=False)
        rows.append(_date_row(c, f, "日期"))
        y = grid(p, c, y, rows, 1)
        y = paragraph(p, c, y, "本人现委托" + c.site.company + "经办人员代为办理上述车辆的注册登记及号牌领取手续，"
                      "由此产生的法律责任由委托人承担。" if "委托" in title else
                      "兹确认上述车辆相关事项属实，所提交资料真实有效，如有虚假愿承担相应责任。")
        sigs = [("customer", {"volvo": "Principal 委托人", "xingsha": "委托人（签名）", "lugu": "申请人"}[c.site.key])]
    else:  # after-sales papers
        assert c.visit and c.job
        rows = [("Repair Order 工单号" if en_site else "工单号", c.visit)]
        rows += _owner_rows(c, f, landline=code == "reception_sheet" and rng.random() < 0.5)
        rows += _car_rows(c, f, km=code in ("reception_sheet", "work_order", "road_test"))
        if code in ("reception_sheet", "work_order") or rng.random() < 0.4:
            rows.append(("Job 作业类型" if en_site else "维修类别", JOB_WORDS[c.site.key][c.job]))
            f["job_type"] = c.job
        rows.append(_date_row(c, f, "Date 日期" if en_site else ("进厂日期" if code == "reception_sheet" else "日期")))
        y = grid(p, c, y, rows, 2)
        if code == "reception_sheet":
            y = walkaround(p, c, y)
            sigs = [("customer", cust_lab), ("staff", staff)]
        elif code in ("work_order", "estimate", "addon_sheet", "settlement"):
            lines = labour(c)
            total = float(sum(v for _, _, v in lines))
            y = table(p, c, y, ["项目/配件", "类别", "金额"], [[a, b, f"{v:.2f}"] for a, b, v in lines], [100, 30, 50])
            if code != "work_order":
                p.text(15, y, "合计金额：", 10, c.site.sans)
                value(p, c, 38, y, fmt_amount(total, c.site.amount_style) + f"（{capital(int(total))}）", 9.5)
                f["amount"] = f"{total:.2f}"
                y += 10
            if code == "addon_sheet":
                y = paragraph(p, c, y, "以上追加项目已经电话告知客户并征得同意，同意时间：" + f"{rng.randint(9, 17)}:{rng.randint(0, 59):02d}。")
            sigs = {"work_order": [("customer", cust_lab), ("staff", staff),
                                   ("staff", {"volvo": "Technician 技师", "xingsha": "维修技师", "lugu": "技师"}[c.site.key])],
                    "estimate": [("customer", "客户确认" if c.site.key != "volvo" else "Customer Approval 客户确认"), ("staff", staff)],
                    "addon_sheet": [("customer", "客户同意签字" if c.site.key != "volvo" else "Customer Approval 客户确认"),
                                    ("staff", staff)],
                    "settlement": [("customer", cust_lab), ("staff", {"volvo": "Cashier 收银员", "xingsha": "收银",
                                                                       "lugu": "结算员"}[c.site.key])]}[code]
        elif code == "free_inspection_12":
            y = checklist(p, c, y, ["轮胎及气压", "制动系统", "灯光", "雨刮及玻璃水", "机油", "冷却液", "蓄电池", "空调滤芯",
                                    "转向系统", "底盘", "排气系统", "安全带"])
            sigs = [("customer", cust_lab), ("staff", {"volvo": "Technician 技师", "xingsha": "检验员", "lugu": "检测技师"}[c.site.key])]
        elif code == "road_test":
            y = checklist(p, c, y, ["起步", "换挡/加速", "制动", "转向回正", "异响", "仪表指示", "空调"], ("路试前", "路试后"))
            y = paragraph(p, c, y, f"路试里程 {rng.randint(3, 15)} km，路线：{rng.choice(('东二环', '开元路', '厂区试车道'))}。")
            sigs = [("staff", {"volvo": "Road Tester 试车员", "xingsha": "试车员", "lugu": "试驾技师"}[c.site.key]),
                    ("customer", cust_lab)]
        else:  # fault_report, tool_readings
            if code == "tool_readings":
                rows2 = [["P0" + str(rng.randint(100, 799)), rng.choice(("间歇性", "当前", "历史")), rng.choice(("已清除", "未清除"))]
                         for _ in range(rng.randint(1, 3))]
                y = table(p, c, y, ["故障码", "状态", "处理"], rows2, [60, 60, 60])
                rows3 = [[n, f"{rng.uniform(lo, hi):.1f}", u] for n, lo, hi, u in
                         (("发动机转速", 700, 900, "rpm"), ("冷却液温度", 85, 95, "℃"), ("蓄电池电压", 12.1, 14.4, "V"),
                          ("进气压力", 28, 40, "kPa"), ("长期燃油修正", -5, 5, "%"))]
                y = table(p, c, y, ["数据项", "读数", "单位"], rows3, [80, 50, 50])
                sigs = [("staff", {"volvo": "Technician 技师", "xingsha": "检测员", "lugu": "技师"}[c.site.key])]
            else:
                y = paragraph(p, c, y, "故障现象：" + rng.choice(("冷车启动抖动，故障灯点亮。", "行驶中仪表提示动力系统故障。",
                                                            "空调间歇性不制冷。", "底盘异响，过减速带明显。")))
                y = paragraph(p, c, y, "检测结果：经诊断仪读取及实车测试，确认为" + rng.choice(
                    ("点火线圈损坏", "高压接插件接触不良", "压缩机电磁阀失效", "下摆臂胶套老化")) + "，符合质量担保范围。")
                sigs = [("staff", {"volvo": "Technical Manager 技术经理", "xingsha": "技术主管", "lugu": "技术经理"}[c.site.key]),
                        ("customer", cust_lab)]
    if code in ("work_order", "estimate") and c.site.key in ("volvo", "lugu") and rng.random() < 0.4:
        # the workshop's terms on a second sheet, and the signatures after them: a continuation page, no title
        p2 = new_page(c)
        p2.continuation = True
        pages.append(p2)
        yy = 20.0
        if c.site.key == "volvo":
            p2.text(15, 12, c.site.english.upper(), 8, "bold")
        for k, cl in enumerate(TERMS):
            yy = paragraph(p2, c, yy, f"{k + 1}. {cl}")
        yy = sign_row(p2, c, yy + 10, sigs)
        date_line(p2, c, yy, "Date 日期" if en_site else "日期")
        for k, pg in enumerate(pages):
            footer(pg, c, k + 1, len(pages))
        return Doc(code, title, pages, f)
    y = max(y + 4, p.height_mm - (70 if p.height_mm > 200 else 45))
    y = sign_row(p, c, y, sigs)
    if code == "settlement":
        p.seal("oval", c.site.company, "财务专用章", p.px(p.width_mm - 55), p.px(y - 12), over=len(p.slots) - 1)
    if p.height_mm - y > 12:
        date_line(p, c, y, "Date 日期" if en_site else "日期")
    footer(p, c, 1, 1)
    return Doc(code, title, pages, f, look="carbon" if paper != (255, 255, 255) and code != "customer_card" else "")


def checklist(p: Page, c: Ctx, y: float, items: list[str], cols: tuple[str, str] = ("正常", "异常")) -> float:
    """Items with two tick columns; the ticks are by hand."""
    W = p.width_mm
    ink = GREEN_FORM if c.site.key == "xingsha" else INK
    half = (W - 30) / 2
    rows = (len(items) + 1) // 2
    h = 7.0
    for k in range(2):
        x = 15 + k * half
        p.text(x + half - 28, y - 5.5, cols[0], 7.5, c.site.sans, ink)
        p.text(x + half - 14, y - 5.5, cols[1], 7.5, c.site.sans, ink)
    for i, it in enumerate(items):
        k, r = divmod(i, rows)
        x, yy = 15 + k * half, y + r * h
        p.text(x + 1, yy + 1.5, f"{i + 1}. {it}", 8.5, c.site.sans, ink)
        for j in range(2):
            p.rect(x + half - 27 + j * 14, yy + 1, x + half - 23 + j * 14, yy + 5, 0.2, ink)
        bad = c.rng.random() < 0.08
        tx = x + half - 27 + (14 if bad else 0)
        tick = [(p.px(tx + 0.5), p.px(yy + 3)), (p.px(tx + 1.8), p.px(yy + 4.6)), (p.px(tx + 5), p.px(yy - 0.5))]
        p.draw.line(tick, fill=(30, 45, 140), width=max(1, p.px(0.35)))
    return y + rows * h + 5


def walkaround(p: Page, c: Ctx, y: float) -> float:
    """The car's outline seen from above, with hand circles where the advisor found marks, and the fuel gauge."""
    x0 = 25
    p.rect(x0, y, x0 + 70, y + 34, 0.4)
    p.rect(x0 + 15, y + 6, x0 + 55, y + 28, 0.3)
    for dx, dy in ((8, 0), (56, 0), (8, 34), (56, 34)):
        p.rect(x0 + dx, y + dy - 2.5, x0 + dx + 8, y + dy + 2.5, 0.2, fill=INK)
    for _ in range(c.rng.randint(0, 3)):
        cx, cy = x0 + c.rng.uniform(4, 66), y + c.rng.uniform(3, 31)
        p.draw.ellipse((p.px(cx - 3), p.px(cy - 2), p.px(cx + 3), p.px(cy + 2)), outline=(30, 45, 140), width=max(1, p.px(0.35)))
    p.text(x0 + 80, y + 2, "○划痕  △凹陷  ×破损", 8.5, c.site.sans)
    p.text(x0 + 80, y + 10, "油量/电量：E  ¼  ½  ¾  F", 8.5, c.site.sans)
    p.text(x0 + 80, y + 18, "贵重物品：" + c.rng.choice(("无", "已告知客户自行保管")), 8.5, c.site.sans)
    return y + 40


def labour(c: Ctx) -> list[tuple[str, str, int]]:
    pool = {"maintenance": [("更换机油", "工时", 120), ("机油 5W-30 4L", "配件", 398), ("机油滤清器", "配件", 68),
                            ("空气滤清器", "配件", 118), ("全车检查", "工时", 0)],
            "first_service": [("首次保养工时", "工时", 0), ("机油 0W-20 4L", "配件", 0), ("机滤", "配件", 0)],
            "minor_repair": [("更换刹车片（前）", "工时", 180), ("前刹车片", "配件", 460), ("更换雨刮片", "工时", 30),
                             ("雨刮片", "配件", 168)],
            "major_repair": [("发动机总成解体检修", "工时", 3200), ("活塞环组件", "配件", 1860), ("缸垫", "配件", 420),
                             ("变速箱阀体", "配件", 5400)],
            "warranty_claim": [("更换点火线圈", "工时", 0), ("点火线圈", "配件", 0), ("电脑诊断", "工时", 0)]}
    items = pool[c.job or "maintenance"]
    return [(a, b, v) for a, b, v in items[: max(2, c.rng.randint(2, len(items)))]]
