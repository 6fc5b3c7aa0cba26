"""A document laid out top to bottom over one or more sheets, in a site's house style: letterheads,
key-value grids, ruled tables, tick lists, paragraphs, signature fields in six shapes and page numbers."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from dossier.models import DossierRef
from dossier.samples.family_k.canvas import INK, RED_PRINT, SealWant, Sheet, Slot
from dossier.samples.family_k.sites import Site, page_no, trad

A4 = (210.0, 297.0)


@dataclass
class Doc:
    doc_type: str | None
    site: Site
    rng: random.Random
    dpi: int
    hant: bool = False
    title: str | None = None
    dossier: DossierRef | None = None
    visit: str | None = None
    job_type: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    sheets: list[Sheet] = field(default_factory=list)
    y: float = 0.0
    margin: float = 16.0
    landscape: bool = False
    paper: tuple[int, int, int] = (255, 255, 255)
    font: str = "sans"
    bottom_pad: float = 16.0
    numbered: bool = False

    # -- pages ---------------------------------------------------------------------------------------
    @property
    def sheet(self) -> Sheet:
        return self.sheets[-1]

    @property
    def W(self) -> float:
        return self.sheet.w_mm

    @property
    def right(self) -> float:
        return self.W - self.margin

    def t(self, s: str) -> str:
        return trad(s) if self.hant else s

    def new_sheet(self, cont: bool = False, size: tuple[float, float] | None = None) -> Sheet:
        w, h = size or ((A4[1], A4[0]) if self.landscape else A4)
        s = Sheet(w, h, self.dpi, self.paper, self.hant)
        s.continuation = cont
        self.sheets.append(s)
        self.y = self.margin
        if cont:
            self.text(self.margin, self.y, self.t("（续页）") if self.rng.random() < 0.5 else self.t("续上页"), 3.0)
            self.y += 7
        return s

    def need(self, h: float) -> None:
        if self.y + h > self.sheet.h_mm - self.bottom_pad:
            self.new_sheet(cont=True)

    def text(self, x: float, y: float, s: str, size: float = 3.2, kind: str | None = None, **kw: object) -> float:
        return self.sheet.text(x, y, s, size, kind or self.font, **kw)  # type: ignore[arg-type]

    def put_field(self, key: str | None, value: str | None) -> None:
        if key and value is not None:
            self.fields.setdefault(key, value)

    # -- header --------------------------------------------------------------------------------------
    def header(self, title: str, docno: str | None, english: str | None = None) -> None:
        st, site, rng, m = self.site.header, self.site, self.rng, self.margin
        self.title = title
        sh = self.sheet
        tf = site.title_font
        if st == "logo_qr":  # square logo block left, company beside it, QR box right, number under the QR
            sh.rect(m, self.y, m + 14, self.y + 14, 0.3, fill=(20, 60, 130), outline=(20, 60, 130))
            sh.text(m + 7, self.y + 7, site.brand[:2], 4.2, "bold", anchor="mm", fill=(255, 255, 255), record=False)
            self.text(m + 17, self.y + 2, self.t(site.company), 3.8, "bold")
            self.text(m + 17, self.y + 8, self.t(site.address), 2.6)
            if rng.random() < 0.6:
                sh.qr(self.right - 16, self.y, 16, rng)
            if docno:
                self.text(self.right - 16 if rng.random() < 0.5 else self.right, self.y + 18, docno, 2.8, anchor="ra")
            self.y += 25
            self.text(self.W / 2, self.y, title, 6.0, tf, anchor="ma")
            self.y += 12
        elif st == "band_en":  # dark band with the brand, English line under the title
            sh.rect(0, self.y - 4, self.W, self.y + 8, 0.1, fill=(40, 40, 48), outline=(40, 40, 48))
            sh.text(m, self.y - 1, f"{site.brand} NISSAN", 4.0, "bold", fill=(255, 255, 255), record=False)
            self.text(m, self.y + 11, self.t(site.company), 3.2)
            if docno:
                self.text(self.right, self.y + 11, docno, 3.0, "mono", anchor="ra")
            self.y += 19
            self.text(self.W / 2, self.y, title, 5.6, tf, anchor="ma")
            self.y += 8
            if english:
                self.text(self.W / 2, self.y, english, 3.0, "sans", anchor="ma")
                self.y += 6
            self.y += 4
        elif st == "red_top":  # company in red print (not a seal), a red rule, title left, number right
            self.text(m, self.y, self.t(site.company), 4.6, "bold", fill=RED_PRINT)
            sh.line(m, self.y + 8, self.right, self.y + 8, 0.8, RED_PRINT)
            sh.line(m, self.y + 9.4, self.right, self.y + 9.4, 0.25, RED_PRINT)
            if rng.random() < 0.4:
                sh.qr(self.right - 14, self.y + 12, 14, rng, RED_PRINT)
            self.y += 14
            self.text(m, self.y, title, 5.6, tf)
            if docno:
                self.text(self.right - 18, self.y + 1.5, docno, 3.0, anchor="ra")
            self.y += 14
        elif st == "letterhead":  # centred company, address under it, a thin double rule
            self.text(self.W / 2, self.y, self.t(site.company), 5.0, tf, anchor="ma")
            self.text(self.W / 2, self.y + 8, self.t(site.address) + "  " + self.t("服务热线") + f" {site.area}-85{rng.randint(100000, 999999)}",
                      2.6, anchor="ma")
            sh.line(m, self.y + 13, self.right, self.y + 13, 0.5)
            sh.line(m, self.y + 14, self.right, self.y + 14, 0.2)
            self.y += 19
            self.text(self.W / 2, self.y, title, 5.4, tf, anchor="ma")
            self.y += 9
            if docno:
                self.text(self.right, self.y, docno, 3.0, anchor="ra")
                self.y += 5
            self.y += 3
        else:  # double_rule: Traditional, bilingual, title between two rules
            self.text(m, self.y, self.t(site.company), 3.6, tf)
            self.text(self.right, self.y, "KUANTEK PROPERTY MANAGEMENT", 2.6, "sans", anchor="ra")
            self.y += 7
            sh.line(m, self.y, self.right, self.y, 0.6)
            self.text(self.W / 2, self.y + 3, title, 5.4, tf, anchor="ma")
            if english:
                self.text(self.W / 2, self.y + 11, english, 2.8, "sans", anchor="ma")
            sh.line(m, self.y + 16, self.right, self.y + 16, 0.6)
            self.y += 19
            if docno:
                self.text(self.right, self.y, docno, 3.0, anchor="ra")
                self.y += 5
            self.y += 2

    # -- content -------------------------------------------------------------------------------------
    def kv(self, pairs: list[tuple[str, str, str | None]], cols: int = 2, ruled: bool = True, row_h: float = 8.0,
           hand: bool = False) -> None:
        """Label-value pairs in `cols` columns; a value marked by key is recorded as a field."""
        m, w = self.margin, self.right - self.margin
        cw = w / cols
        rows = [pairs[k:k + cols] for k in range(0, len(pairs), cols)]
        for row in rows:
            self.need(row_h)
            y = self.y
            for c, (label, value, key) in enumerate(row):
                x = m + c * cw
                lab = self.t(label) + ("：" if not ruled else "")
                self.text(x + 1.5, y + 2, lab, 3.0)
                lw = max(18.0, self.sheet.width(lab, 3.0) + 4)
                vx = x + lw + (1.5 if ruled else 0)
                v = self.t(value) if key not in ("vin", "mobile", "landline", "id_number", "credit_code") else value
                if hand and key not in ("vin", "id_number", "credit_code") and self.rng.random() < 0.5:
                    self.sheet.hand(vx + 1, y + 1, v, 3.6, self.rng)
                else:
                    self.text(vx + 1, y + 2, v, 3.0)
                if key:
                    self.put_field(key, v if key not in ("date", "amount", "plate", "job_type", "subject") else None)
                if ruled:
                    self.sheet.line(x + lw, y, x + lw, y + row_h, 0.2)
                else:
                    self.sheet.dashed(vx, y + row_h - 2, x + cw - 3, 0.8, 0.15)
            if ruled:
                self.sheet.rect(m, y, m + w, y + row_h, 0.25)
                for c in range(1, len(row)):
                    self.sheet.line(m + c * cw, y, m + c * cw, y + row_h, 0.25)
            self.y += row_h
        self.y += 4

    def table(self, head: list[str], rows: list[list[str]], widths: list[float], size: float = 2.9) -> None:
        m = self.margin
        total = sum(widths)
        scale = (self.right - m) / total
        ws = [w * scale for w in widths]
        rh = size * 2.3

        def draw_row(cells: list[str], bold: bool) -> None:
            self.need(rh)
            x = m
            for c, w in zip(cells, ws, strict=True):
                self.sheet.rect(x, self.y, x + w, self.y + rh, 0.2)
                self.text(x + 1.2, self.y + rh / 2, self.t(c), size, "bold" if bold else None, anchor="lm")
                x += w
            self.y += rh

        draw_row(head, True)
        for r in rows:
            if self.y + rh > self.sheet.h_mm - self.bottom_pad:
                self.new_sheet(cont=True)
                draw_row(head, True)  # the head again on a new page, as spreadsheets print
            draw_row(r, False)
        self.y += 4

    def para(self, text: str, size: float = 3.0, indent: bool = True) -> None:
        """A wrapped paragraph; a run of Latin letters and digits (an amount, a VIN) never breaks."""
        width = self.right - self.margin
        tokens = re.findall(r"[A-Za-z0-9.,¥%:/\-]+ ?|.", ("\u3000\u3000" if indent else "") + self.t(text))
        lines, cur = [], ""
        for tok in tokens:
            if cur and self.sheet.width(cur + tok, size, self.font) > width:
                lines.append(cur)
                cur = tok.lstrip()
            else:
                cur += tok
        if cur:
            lines.append(cur)
        for ln in lines:
            self.need(size * 1.7)
            x = self.margin
            if ln.startswith("\u3000"):  # the indent is blank paper, not text
                x += self.sheet.width("\u3000\u3000", size, self.font)
                ln = ln.lstrip("\u3000")
            self.text(x, self.y, ln, size)
            self.y += size * 1.7
        self.y += 1.5

    def ticks(self, items: list[str], cols: int = 2, marks: str = "√×") -> None:
        """Tick list: item, then a 合格/不合格 pair of boxes, the inspector's √ in one (by hand)."""
        m = self.margin
        cw = (self.right - m) / cols
        for k in range(0, len(items), cols):
            self.need(7)
            for c, it in enumerate(items[k:k + cols]):
                x = m + c * cw
                self.text(x + 1, self.y + 1, f"{k + c + 1}. " + self.t(it), 2.9)
                bx = x + cw - 22
                for j, word in enumerate((self.t("正常"), self.t("异常"))):
                    self.sheet.rect(bx + j * 11, self.y + 1, bx + j * 11 + 3.2, self.y + 4.2, 0.2)
                    self.text(bx + j * 11 + 4, self.y + 1, word, 2.5)
                ok = self.rng.random() < 0.9
                self.sheet.text(bx + (0 if ok else 11) + 0.2, self.y - 0.5, marks[0], 4.0, "kai",
                                fill=(32, 52, 150), record=False)
            self.y += 7
        self.y += 3

    def red_band(self, s: str) -> None:
        self.text(self.margin, self.y, s, 3.0, "bold", fill=RED_PRINT)
        self.y += 6

    # -- signatures ----------------------------------------------------------------------------------
    def sign(self, parties: list[tuple[str, str]], style: str, date_line: bool = True,
             company_seal_for: str | None = None) -> list[Slot]:
        """Signature fields in one of the site's shapes; `parties` is (printed label, role)."""
        m, sh = self.margin, self.sheet
        slots: list[Slot] = []
        labels = [(self.t(lab), role) for lab, role in parties]
        if style == "grid":  # a 签署栏 table: one column per party, 签字 and 日期 rows
            self.need(34)
            sh = self.sheet
            head_w = 18.0
            # Cells stay under 80 mm: a wider one's rules would drift into its own blank on a skewed scan.
            cw = min(78.0, (self.right - m - head_w) / len(labels))
            m = self.right - head_w - cw * len(labels)
            y0 = self.y
            sh.rect(m, y0, self.right, y0 + 30, 0.3)
            sh.line(m + head_w, y0, m + head_w, y0 + 30, 0.25)
            sh.line(m, y0 + 7, self.right, y0 + 7, 0.25)
            sh.line(m, y0 + 23, self.right, y0 + 23, 0.25)
            self.text(m + 2, y0 + 1.8, self.t("签署栏"), 2.9, "bold")
            self.text(m + 2, y0 + 13, self.t("签字"), 3.0)
            self.text(m + 2, y0 + 24.8, self.t("日期"), 3.0)
            for k, (lab, role) in enumerate(labels):
                x = m + head_w + k * cw
                if k:
                    sh.line(x, y0, x, y0 + 30, 0.25)
                self.text(x + cw / 2, y0 + 1.8, lab, 3.0, anchor="ma")
                slots.append(sh.slot(lab, role, x + 0.8, y0 + 7.8, x + cw - 0.8, y0 + 22.2))
                self.text(x + cw - 3, y0 + 24.8, self.t("年    月    日"), 2.8, anchor="ra")
            self.y = y0 + 34
        elif style in ("colon", "esign"):  # label：______ two to a line
            per = 2 if len(labels) > 1 else 1
            cw = (self.right - m) / per
            for k in range(0, len(labels), per):
                self.need(18)
                sh = self.sheet
                for c, (lab, role) in enumerate(labels[k:k + per]):
                    x = m + c * cw
                    text = lab + "：" if not lab.endswith(("：", ":")) else lab
                    xe = self.text(x, self.y + 8, text, 3.1)
                    x1 = min(x + cw - 6, xe + 72)
                    sh.line(xe + 1, self.y + 12.5, x1, self.y + 12.5, 0.2)
                    slots.append(sh.slot(lab, role, xe + 1, self.y + 1.5, x1, self.y + 12.2,
                                         style="esign" if style == "esign" else "pen"))
                self.y += 15
                if date_line:
                    for c in range(len(labels[k:k + per])):
                        self.text(m + c * cw + cw - 8, self.y, self.t("日期：    年   月   日"), 2.8, anchor="ra")
                    self.y += 6
        elif style == "bracket":  # a rule, the label under it in brackets
            per = min(3, len(labels))
            cw = (self.right - m) / per
            for k in range(0, len(labels), per):
                self.need(22)
                sh = self.sheet
                for c, (lab, role) in enumerate(labels[k:k + per]):
                    ln = min(cw - 10, 70.0)
                    x = m + c * cw + (cw - ln) / 2
                    sh.line(x, self.y + 13, x + ln, self.y + 13, 0.25)
                    printed = f"（{lab}）" if "（" not in lab else lab
                    self.text(x + ln / 2, self.y + 14.5, printed, 2.9, anchor="ma")
                    slots.append(sh.slot(printed, role, x, self.y + 1.5, x + ln, self.y + 12.6))
                self.y += 22
        elif style == "chain":  # 经办人 / 复核人 / 审批人 in a row at the foot
            self.need(16)
            sh = self.sheet
            cw = (self.right - m) / len(labels)
            for c, (lab, role) in enumerate(labels):
                x = m + c * cw
                xe = self.text(x, self.y + 7, lab + "：", 3.0)
                x1 = min(x + cw - 3, xe + 72)
                sh.line(xe, self.y + 11, x1, self.y + 11, 0.2)
                slots.append(sh.slot(lab, role, xe, self.y + 0.5, x1, self.y + 10.7))
            self.y += 16
        else:  # box: a framed box with its label in the corner, under a declaration
            per = min(2, len(labels))
            cw = (self.right - m) / per
            for k in range(0, len(labels), per):
                self.need(30)
                sh = self.sheet
                for c, (lab, role) in enumerate(labels[k:k + per]):
                    x = m + c * cw + (2 if c else 0)
                    x1 = min(x + cw - 4, x + 84)
                    sh.rect(x, self.y, x1, self.y + 26, 0.3)
                    self.text(x + 1.5, self.y + 1.5, lab, 2.9)
                    slots.append(sh.slot(lab, role, x + 1, self.y + 7, x1 - 1, self.y + 25))
                self.y += 30
        if company_seal_for:
            for s in slots:
                if s.role == "customer":
                    s.company_seal = True
        return slots

    def seal_at(self, shape: str, text: str, middle: str, x: float, y: float, over: Slot | None = None) -> None:
        sh = self.sheet
        idx = sh.slots.index(over) if over is not None and over in sh.slots else None
        sh.seals.append(SealWant(shape, text, middle, (sh.px(x), sh.px(y)), idx))

    def seal_over(self, slot: Slot, shape: str, text: str, middle: str) -> None:
        x0, y0, x1, y1 = slot.box
        d = self.sheet.dpi / 25.4
        cx = x0 / d + (x1 - x0) / d * self.rng.uniform(0.35, 0.75)
        self.seal_at(shape, text, middle, cx, (y0 + y1) / 2 / d + self.rng.uniform(-3, 3), slot)

    # -- finish --------------------------------------------------------------------------------------
    def number_pages(self) -> None:
        n = len(self.sheets)
        if n < 2 and not self.numbered:
            return
        for k, sh in enumerate(self.sheets, 1):
            sh.text(sh.w_mm / 2, sh.h_mm - 10, self.t(page_no(self.site, k, n)), 2.8, self.font, anchor="ma")

    def rule(self) -> None:
        self.sheet.line(self.margin, self.y, self.right, self.y, 0.3, INK)
        self.y += 3
