"""One builder per kind of paper. Every form is drawn from a site's habits: its header, whether values are
written in by hand or printed by the dealer system (often off register over the pre-printed template), keys in
one-character boxes, and the signature fields in this family's shapes."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from dossier.models import DossierRef
from dossier.samples.family_m import ids
from dossier.samples.family_m.canvas import HAND_BLUE, INK, Flow, Page, SealSpot, Slot
from dossier.samples.family_m.sites import Car, Customer, Site, amount_text, capital, date_text

JOB_WORDS = {"minor_repair": "小修", "first_service": "首保", "maintenance": "保养", "major_repair": "大修",
             "warranty_claim": "索赔"}
SUBJECT_WORDS = {"房门锁": ("门锁更换申请单", "门禁及门锁申请表"), "电话": ("电话开通申请表", "固定电话安装申请"),
                 "车位": ("车位租用申请表", "停车位使用申请"), "水牌": ("水牌制作申请", "楼层指示牌更改申请"),
                 "客户加班": ("延时加班申请单", "非工作时间加班申请")}


@dataclass
class Ctx:
    rng: random.Random
    site: Site
    dpi: int
    cust: Customer
    day: str
    car: Car | None = None
    unit: str | None = None
    visit: str | None = None
    job: str | None = None
    advisor: str = ""


@dataclass
class Doc:
    doc_type: str | None
    title: str | None
    pages: list[Page]
    fields: dict[str, str] = field(default_factory=dict)
    dossier: DossierRef | None = None
    visit: str | None = None
    job_type: str | None = None


LABELS = {
    "name": ("客户姓名", "车主姓名", "姓名", "送修人"), "company": ("单位名称", "客户名称"), "contact": ("联系人", "经办人"),
    "mobile": ("手机", "联系电话", "移动电话"), "landline": ("固定电话", "座机"), "address": ("联系地址", "通讯地址", "住址"),
    "id_number": ("身份证号码", "证件号码"), "credit_code": ("统一社会信用代码",), "vin": ("车架号", "VIN码", "车辆识别代号"),
    "plate": ("车牌号", "号牌号码"), "model": ("车型", "品牌型号"), "mileage": ("进厂里程", "行驶里程"),
    "date": ("日期", "填表日期"), "unit": ("房号", "单元号", "铺位号"), "order": ("工单号", "单号", "NO."),
    "colour": ("车身颜色",), "engine": ("发动机号",),
}


class Form:
    """A form being written: a Flow plus the values it states (the truth's fields)."""

    def __init__(self, c: Ctx, w: float = 210, h: float = 297, paper: tuple[int, int, int] = (255, 255, 255),
                 footer: str | None = None) -> None:
        self.c = c
        self.rng = c.rng
        self.flow = Flow(w, h, c.dpi, margin=rng_margin(c.rng), paper=paper, footer=footer)
        self.fields: dict[str, str] = {}
        self.printed: dict[str, str] = {}  # each stated field as the page prints it ("" where stated elsewhere)
        r = self.rng.random()
        self.hand = r < c.site.hand_fill  # values written in by hand
        self.drift = (0.0, 0.0)
        if not self.hand and self.rng.random() < c.site.drift:  # system print off register over the template
            self.drift = (self.rng.uniform(-2.0, 3.0), self.rng.uniform(-1.6, 1.4))
        self.title: str | None = None

    @property
    def p(self) -> Page:
        return self.flow.page

    @property
    def w(self) -> float:
        return self.flow.w

    @property
    def m(self) -> float:
        return self.flow.m

    # -- values --------------------------------------------------------------------------------------
    def value(self, x: float, y: float, s: str, size: float = 3.3) -> None:
        if not s:
            return
        if self.hand:
            self.p.text(x + self.rng.uniform(0, 1.5), y - 0.6 + self.rng.uniform(-0.4, 0.4), s, size * 1.12, "kai", HAND_BLUE)
        else:
            self.p.text(x + self.drift[0], y + self.drift[1], s, size, "mono", INK)

    def state(self, key: str, value: str, norm: str | None = None) -> str:
        self.fields[key] = norm if norm is not None else value
        self.printed[key] = value
        return value

    # -- header -----------------------------------------------------------------------------------------
    def header(self, title: str, number: str | None = None, style: int | None = None) -> None:
        c, f, p = self.c, self.flow, self.p
        self.title = title
        style = self.rng.randrange(3) if style is None else style
        if style == 0:
            p.text(self.w / 2, f.y, c.site.company, 3.4, "sans", anchor="mt")
            f.y += 6
            p.text(self.w / 2, f.y, title, 6.2, "bold", anchor="mt")
            f.y += 10
            p.line(self.m, f.y, self.w - self.m, f.y, 0.5)
            f.y += 2.5
        elif style == 1:
            p.text(self.m, f.y, title, 6.0, "serifb")
            p.text(self.w - self.m, f.y, c.site.company, 2.8, anchor="ra")
            p.text(self.w - self.m, f.y + 4, f"地址：{c.site.address}", 2.4, anchor="ra")
            f.y += 10
            p.line(self.m, f.y, self.w - self.m, f.y, 0.9)
            p.line(self.m, f.y + 1.1, self.w - self.m, f.y + 1.1, 0.25)
            f.y += 4
        else:  # an in-house form code in the corner, as a quality system prints it
            p.text(self.m, f.y, f"{c.site.order_prefix}-QR-{self.rng.randint(1, 40):02d}  版次 {self.rng.choice('ABC')}/"
                   f"{self.rng.randint(0, 3)}", 2.3)
            p.text(self.w - self.m, f.y, c.site.short, 3.0, "bold", anchor="ra")
            f.y += 6
            p.text(self.w / 2, f.y, title, 5.6, "serifb", anchor="mt")
            f.y += 9
        if number:
            if c.site.barcode and self.rng.random() < 0.7:
                self.barcode(self.w - self.m - 46, f.y, number)
                f.y += 12
            else:
                p.text(self.w - self.m, f.y, f"{self.rng.choice(LABELS['order'])}：{number}", 3.0, anchor="ra")
                f.y += 5.5

    def barcode(self, x: float, y: float, number: str) -> None:
        """The dealer system's bar code of the order number with the number under it (bars drawn from the digits)."""
        p = self.p
        r = random.Random(number)
        xx = x
        while xx < x + 44:
            wbar = r.choice((0.25, 0.25, 0.5, 0.75))
            p.draw.rectangle((p.px(xx), p.px(y), p.px(xx + wbar), p.px(y + 7)), fill=INK)
            xx += wbar + r.choice((0.25, 0.5, 0.5, 0.75))
        p.text(x + 22, y + 7.6, number, 2.6, "mono", anchor="mt")

    # -- key grid ---------------------------------------------------------------------------------------
    def grid(self, rows: list[list[tuple[str, str]]], comb_keys: dict[str, str] | None = None) -> None:
        """Ruled rows of label | value cells; a row of one pair spans the width. comb_keys: label -> value printed
        one character per box."""
        f, p = self.flow, self.p
        x0, x1 = self.m, self.w - self.m
        hrow = 8.5
        comb_keys = comb_keys or {}
        for row in rows:
            f.need(hrow + 2)
            p = self.p
            wcell = (x1 - x0) / len(row)
            p.line(x0, f.y, x1, f.y, 0.25)
            for k, (label, val) in enumerate(row):
                cx = x0 + k * wcell
                p.line(cx, f.y, cx, f.y + hrow, 0.25)
                lw = max(22.0, p.width(label, 3.0) + 4)
                p.text(cx + 1.5, f.y + 2.6, label, 3.0)
                p.line(cx + lw, f.y, cx + lw, f.y + hrow, 0.15)
                if label in comb_keys:
                    cell = min(5.0, (wcell - lw - 3) / len(val))
                    p.comb(cx + lw + 1.5, f.y + (hrow - cell * 1.25) / 2, val, cell, self.hand, self.rng)
                else:
                    self.value(cx + lw + 2, f.y + 2.4, val)
            p.line(x1, f.y, x1, f.y + hrow, 0.25)
            f.y += hrow
            p.line(x0, f.y, x1, f.y, 0.25)
        f.y += 3

    # -- tables -----------------------------------------------------------------------------------------
    def table(self, head: list[str], rows: list[list[str]], widths: list[float]) -> None:
        f = self.flow
        x0 = self.m
        total = sum(widths)
        scale = (self.w - 2 * self.m) / total
        ws = [w_ * scale for w_ in widths]
        hrow = 7.0
        first = True
        for r in [head, *rows]:
            f.need(hrow + 1)
            p = self.p
            if first or f.y == f.m:
                p.rect(x0, f.y, x0 + sum(ws), f.y + hrow, 0.25, fill=(236, 236, 236))
            x = x0
            for k, cell in enumerate(r):
                p.line(x, f.y, x, f.y + hrow, 0.2)
                if first:
                    p.text(x + ws[k] / 2, f.y + hrow / 2, cell, 3.0, "bold", anchor="mm")
                elif k == 1:
                    p.text(x + 1.5, f.y + 2.0, cell, 3.0)
                else:
                    p.text(x + ws[k] - 1.5, f.y + 2.0, cell, 3.0, "mono", anchor="ra")
                x += ws[k]
            p.line(x, f.y, x, f.y + hrow, 0.2)
            f.y += hrow
            p.line(x0, f.y, x0 + sum(ws), f.y, 0.2)
            first = False
        f.y += 3

    def items(self, lines: list[tuple[str, float]], amount_word: str = "合计") -> float:
        rows, total = [], 0.0
        for k, (name, price) in enumerate(lines):
            qty = 1 if price > 200 or self.rng.random() < 0.5 else self.rng.randint(1, 4)
            rows.append([str(k + 1), name, str(qty), f"{price:.2f}", f"{price * qty:.2f}"])
            total += price * qty
        self.table(["序号", "项目 / 配件名称", "数量", "单价", "金额"], rows, [10, 70, 14, 24, 26])
        total = round(total, 2)
        self.flow.need(8)
        txt = f"{amount_word}：{amount_text(total, self.rng)}"
        if self.rng.random() < 0.6:
            txt += f"    人民币（大写）：{capital(total)}"
        self.p.text(self.m + 2, self.flow.y, txt, 3.3, "bold")
        self.flow.y += 8
        self.state("amount", txt, f"{total:.2f}")
        return total

    def ticks(self, items: list[str], cols: int = 2, answers: tuple[str, str] = ("正常", "异常")) -> None:
        """Check items with two answer boxes each; the checker's hand ticks one (mostly the first)."""
        f = self.flow
        wcol = (self.w - 2 * self.m) / cols
        hrow = 7.0
        for k in range(0, len(items), cols):
            f.need(hrow + 1)
            p = self.p
            for j, item in enumerate(items[k:k + cols]):
                x = self.m + j * wcol
                p.text(x + 1, f.y + 1.6, f"{k + j + 1}. {item}", 3.0)
                for a, word in enumerate(answers):
                    bx = x + wcol - 30 + a * 15
                    p.rect(bx, f.y + 1.6, bx + 3.2, f.y + 4.8, 0.2)
                    p.text(bx + 4, f.y + 1.6, word, 2.8)
                    if (a == 0) == (self.rng.random() < 0.92):
                        tick(p, bx, f.y + 1.6, self.rng)
            f.y += hrow
        f.y += 2

    def choose(self, label: str, options: list[str], chosen: str) -> None:
        """A printed row of options with the chosen one ticked (job type, application subject)."""
        f, p = self.flow, self.p
        f.need(8)
        p.text(self.m + 1, f.y + 1.2, label + "：", 3.2, record=False)
        x = self.m + 2 + p.width(label + "：", 3.2)
        line = label + "："
        for o in options:
            p.rect(x, f.y + 1.4, x + 3.2, f.y + 4.6, 0.2)
            p.text(x + 4, f.y + 1.2, o, 3.2, record=False)
            if o == chosen:
                tick(p, x, f.y + 1.4, self.rng)
            line += f"□{o} "
            x += 7 + p.width(o, 3.2)
        p.record(line.strip(), p.box_mm(self.m + 1, f.y + 1, x, f.y + 5))  # the row reads as one line
        f.y += 8

    def para(self, text: str, size: float = 3.0, kind: str = "sans", indent: bool = True) -> None:
        f = self.flow
        width = self.w - 2 * self.m
        s = ("　　" if indent else "") + text
        while s:
            p = self.p
            n = 1
            while n < len(s) and p.width(s[:n + 1], size, kind) < width:
                n += 1
            k = n
            while 0 < k < len(s) and s[k].isascii() and s[k].isalnum() and s[k - 1].isascii() and s[k - 1].isalnum():
                k -= 1  # a VIN or a number is never broken over two lines
            n = k if k > 0 else n
            f.need(size * 1.7)
            self.p.text(self.m, f.y, s[:n], size, kind)
            s = s[n:]
            f.y += size * 1.65
        f.y += 1.5

    def line_text(self, s: str, size: float = 3.2, kind: str = "sans") -> None:
        self.flow.need(size * 2)
        self.p.text(self.m + 1, self.flow.y, s, size, kind)
        self.flow.y += size * 1.9

    def hand_line(self, label: str, s: str) -> None:
        """A printed label and a ruled line with the words written on it."""
        f = self.flow
        f.need(9)
        p = self.p
        p.text(self.m + 1, f.y + 1.5, label, 3.2)
        x = self.m + 3 + p.width(label, 3.2)
        p.line(x, f.y + 6.2, self.w - self.m, f.y + 6.2, 0.2)
        p.text(x + 2, f.y + 0.6, s, 3.6, "kai", HAND_BLUE)
        f.y += 9

    # -- signatures ---------------------------------------------------------------------------------------
    def sign(self, fields: list[tuple[str, str]], style: int | None = None) -> None:
        """Signature fields in one of this family's shapes. Every box is the blank where the name goes, kept off
        the printed rules and words around it."""
        style = self.rng.randrange(4) if style is None else style
        f = self.flow
        hint = self.c.site.hint and self.rng.random() < 0.6
        if style == 0:  # a sentence, a blank rule, and the party in brackets after it
            for role, label in fields:
                f.need(16)
                p = self.p
                lead = self.rng.choice(("本人已核对以上内容，确认无误。", "以上项目已向本人说明。", "确认：", ""))
                x = self.m + 1
                if lead:
                    p.text(x, f.y + 8, lead, 3.0)
                    x += p.width(lead, 3.0) + 2
                x_end = min(x + 52, self.w - self.m - p.width(f"（{label}）", 3.0) - 2)
                p.line(x, f.y + 12, x_end, f.y + 12, 0.25)
                p.text(x_end + 1, f.y + 8.6, f"（{label}）", 3.0)
                self.slot(role, label, x + 0.5, f.y + 0.5, x_end - 0.5, f.y + 11.5, hint)
                f.y += 16
        elif style == 1:  # label and colon, a long blank, and a date written after it
            for role, label in fields:
                f.need(15)
                p = self.p
                x = self.m + 1 + (self.w - 2 * self.m) * 0.35 * (self.rng.random() < 0.5)
                p.text(x, f.y + 7.5, f"{label}：", 3.2)
                x2 = x + p.width(f"{label}：", 3.2) + 1
                p.line(x2, f.y + 12, x2 + 46, f.y + 12, 0.25)
                self.slot(role, label, x2 + 0.5, f.y + 0.5, x2 + 45.5, f.y + 11.5, hint)
                p.text(x2 + 50, f.y + 7.5, "年    月    日", 3.2)
                f.y += 15
        elif style == 2:  # labelled boxes side by side, label above each box
            f.need(26)
            p = self.p
            n = len(fields)
            wbox = min(62.0, (self.w - 2 * self.m - (n - 1) * 6) / n)
            for k, (role, label) in enumerate(fields):
                x = self.m + k * (wbox + 6)
                p.text(x, f.y, label, 3.0, "bold")
                p.rect(x, f.y + 5, x + wbox, f.y + 22, 0.3)
                self.slot(role, label, x + 0.8, f.y + 5.8, x + wbox - 0.8, f.y + 21.2, hint)
            f.y += 27
        else:  # a ruled strip: the label above its rule on the right half, the date line under it
            for role, label in fields:
                f.need(22)
                p = self.p
                x = self.w - self.m - 72
                p.text(x, f.y, f"{label}（签字）" if "签" not in label and "章" not in label else label, 3.1)
                p.line(x, f.y + 17, x + 70, f.y + 17, 0.3)
                self.slot(role, label if "签" in label or "章" in label else f"{label}（签字）",
                          x + 0.5, f.y + 5, x + 69.5, f.y + 16.5, hint)
                f.y += 22

    def slot(self, role: str, label: str, x0: float, y0: float, x1: float, y1: float, hint: bool) -> None:
        p = self.p
        if hint:  # a faint printed hint inside the box, as some forms carry: a hard negative for "ink"
            word = self.rng.choice(("请用正楷签名", "签字有效", "请签全名"))
            p.text((x0 + x1) / 2, (y0 + y1) / 2, word, 2.6, "sans", (212, 212, 212), anchor="mm")
        p.slots.append(Slot(role, label, p.box_mm(x0, y0, x1, y1)))

    def seal_at(self, x: float, y: float, shape: str, text: str, middle: str) -> None:
        p = self.p
        p.seals.append(SealSpot((p.px(x), p.px(y)), shape, text, middle))

    def seal_near(self, role: str, text: str, middle: str, shape: str = "round") -> None:
        """A company seal stamped over (or beside) the staff field of the current page."""
        p = self.p
        cands = [s for s in p.slots if s.role == role] or p.slots
        if cands:
            b = cands[-1].box
            mm = 25.4 / p.dpi
            x = (b[0] + b[2]) / 2 * mm + self.rng.uniform(-8, 18)
            y = (b[1] + b[3]) / 2 * mm + self.rng.uniform(-8, 4)
        else:
            x, y = self.w - self.m - 30, self.flow.y - 20
        x = min(max(x, 24.0), self.w - 24)
        y = min(max(y, 24.0), self.flow.h - 24)
        self.seal_at(x, y, shape, text, middle)

    def done(self, doc_type: str | None, dossier: DossierRef | None) -> Doc:
        c = self.c
        pages = self.flow.finish()
        text = "".join(w.text for p in pages for w in p.words).replace(" ", "")
        for key, shown in self.printed.items():  # a row a layout left out states nothing
            if shown and shown.replace(" ", "") not in text:
                self.fields.pop(key, None)
        after = doc_type in AFTER_SALES
        return Doc(doc_type, self.title, pages, self.fields, dossier,
                   c.visit if after else None, c.job if after else None)


AFTER_SALES = {"reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test",
               "loss_assessment", "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo",
               "fault_report"}


def rng_margin(rng: random.Random) -> float:
    return rng.choice((14.0, 16.0, 18.0))


def tick(p: Page, x: float, y: float, rng: random.Random) -> None:
    """A hand tick over a 3.2 mm box."""
    pts = [(x + 0.4 + rng.uniform(-0.3, 0.3), y + 1.6), (x + 1.4, y + 3.0 + rng.uniform(-0.2, 0.3)),
           (x + 3.8 + rng.uniform(-0.3, 0.4), y - 0.8 + rng.uniform(-0.4, 0.3))]
    p.draw.line([(p.px(a), p.px(b)) for a, b in pts], fill=HAND_BLUE, width=max(1, p.px(0.35)), joint="curve")


# -- the people and the cars, as a grid's rows --------------------------------------------------------

def who_rows(fm: Form, with_id: bool = False, with_address: bool = False, land: bool = True) -> list[list[tuple[str, str]]]:
    c, rng = fm.c, fm.rng
    mob = c.cust.mobile
    shown = mob if rng.random() < 0.6 else f"{mob[:3]} {mob[3:7]} {mob[7:]}"
    phone = (rng.choice(LABELS["mobile"]), fm.state("mobile", shown, mob))
    unit = c.unit is not None  # a property office names its people otherwise than a workshop does
    if c.cust.company:
        rows = [[(rng.choice(("租户名称", "入驻单位", "业主单位") if unit else LABELS["company"]),
                  fm.state("company", c.cust.company))],
                [(rng.choice(LABELS["contact"]), fm.state("contact", c.cust.contact or "")), phone]]
    else:
        rows = [[(rng.choice(("业主姓名", "住户姓名", "申请人") if unit else LABELS["name"]), fm.state("name", c.cust.name or "")),
                 phone]]
    if land and c.cust.landline:
        rows.append([(rng.choice(LABELS["landline"]), fm.state("landline", c.cust.landline))])
    if with_id:
        if c.cust.id_number:
            rows.append([(rng.choice(LABELS["id_number"]), fm.state("id_number", c.cust.id_number))])
        elif c.cust.credit_code:
            rows.append([(LABELS["credit_code"][0], fm.state("credit_code", c.cust.credit_code))])
    if with_address:
        rows.append([(rng.choice(LABELS["address"]), fm.state("address", c.cust.address))])
    return rows


def car_rows(fm: Form, mileage: bool = True, plate: bool = True) -> tuple[list[list[tuple[str, str]]], dict[str, str]]:
    c, rng = fm.c, fm.rng
    assert c.car
    car = c.car
    vl = rng.choice(LABELS["vin"])
    rows = [[(vl, fm.state("vin", car.vin))]]
    second = [(rng.choice(LABELS["model"]), f"{c.site.brand} {car.model}")]
    if plate and car.plate:
        second.append((rng.choice(LABELS["plate"]), fm.state("plate", car.plate)))
    rows.append(second)
    if mileage and car.mileage:
        rows.append([(rng.choice(LABELS["mileage"]), f"{car.mileage} km"), ("车身颜色", car.colour)])
    comb = {vl: car.vin} if rng.random() < c.site.comb else {}
    return rows, comb


def date_row(fm: Form, label: str | None = None) -> list[tuple[str, str]]:
    c = fm.c
    return [(label or fm.rng.choice(LABELS["date"]), fm.state("date", date_text(c.day, c.site.date_style), c.day))]


def car_ref(c: Ctx) -> DossierRef:
    assert c.car
    return DossierRef(kind="car", key=c.car.vin)


def unit_ref(c: Ctx) -> DossierRef:
    assert c.unit
    return DossierRef(kind="unit", key=c.unit)


def ids_unused() -> None:  # keep the import for the plate helper used by photos
    _ = ids
