"""Family g's documents: one function per kind of paper, each filling one or more sheets and saying what the
pages state (the truth's fields) in the extractor's normalised form."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dossier.models import DossierRef

from . import blocks, ids
from .canvas import INK, Sheet, hant
from .sites import (
    Site,
    capital,
    cn_number,
    fmt_date,
    fmt_landline,
    fmt_mobile,
    fmt_money,
    page_mark,
    staff_for,
)

STATE_PAPERS = {"id_copy", "vehicle_license", "conformity_certificate", "purchase_invoice", "insurance_policy",
                "parts_invoice"}
JOB_WORDS = {"minor_repair": ["小修", "一般维修", "机电小修"], "first_service": ["首保", "首次保养", "免费首保"],
             "maintenance": ["保养", "定期保养", "常规保养"], "major_repair": ["大修", "总成大修", "发动机大修"],
             "warranty_claim": ["索赔", "质量担保", "三包索赔"]}
JOB_BOXES = ["保养", "首保", "小修", "大修", "索赔"]
JOB_OF_BOX = {"保养": "maintenance", "首保": "first_service", "小修": "minor_repair", "大修": "major_repair",
              "索赔": "warranty_claim"}
SUBJECTS = {"房门锁": ["房门锁更换申请表", "门锁维修/更换申请", "门禁及门锁申请单"],
            "电话": ["电话开通申请表", "电话线路申装单", "通讯线路开通申请"],
            "车位": ["车位租用申请表", "停车位申请登记表", "月租车位申请"],
            "水牌": ["水牌制作申请单", "大堂水牌登记表", "楼层指示牌更新申请"],
            "客户加班": ["客户加班申请表", "非办公时间加班申请", "延时空调及加班申请单"]}


@dataclass
class Case:
    """Whose papers: one car visit or handover, or one unit."""
    site: Site
    kind: str  # car | unit
    day: date
    owner: ids.Person
    firm: ids.Company | None = None
    car: ids.Car | None = None
    visit: str | None = None
    job: str | None = None
    unit: str | None = None
    tenant: str | None = None
    dpi: int = 200


@dataclass
class Doc:
    code: str | None
    title: str | None
    sheets: list[Sheet]
    fields: dict[str, str] = field(default_factory=dict)
    trad: bool = False
    photo: bool = False
    dossier: DossierRef | None = None
    visit: str | None = None
    job: str | None = None
    day: date | None = None  # when it was signed
    fax: bool = False  # came in by fax


class Form:
    """Helper for one document: the site's wording choices, the sheets, the fields it prints."""

    def __init__(self, case: Case, code: str, rng: random.Random, size: tuple[float, float] = (210, 297),
                 dpi: int | None = None) -> None:
        self.case, self.code, self.rng = case, code, rng
        self.site = case.site
        self.trad = self.site.trad and rng.random() < 0.65 or (not self.site.trad and rng.random() < 0.04)
        paper = (255, 255, 255)
        if self.site.form_ink != INK and code not in STATE_PAPERS and rng.random() < 0.5:  # a carbonless copy on tinted paper
            paper = rng.choice([(252, 236, 240), (255, 250, 222), (232, 244, 252)])
        self.size, self.dpi, self.paper = size, dpi or case.dpi, paper
        self.sheets: list[Sheet] = []
        self.fields: dict[str, str] = {}
        self.sheet = self.new_sheet()
        self.staff = staff_for(self.site, rng)
        self.ink = self.site.form_ink

    def new_sheet(self, continuation: bool = False) -> Sheet:
        sh = Sheet(self.size[0], self.size[1], self.dpi, self.trad, self.paper)
        sh.continuation = continuation
        self.sheets.append(sh)
        self.sheet = sh
        return sh

    def pick(self, options: list[str]) -> str:
        """The site's own choice among wordings: fixed per site and document type, with a little drift."""
        r = random.Random(f"{self.site.key}/{self.code}/{options[0]}")
        return options[r.randrange(len(options))] if self.rng.random() < 0.85 else self.rng.choice(options)

    def title(self, options: list[str], en: str | None = None) -> tuple[str, str | None]:
        t = self.pick(options)
        r = random.Random(f"{self.site.key}/{self.code}/prefix").random()
        if r < 0.3 and self.site.brand:
            t = self.site.short + t
        elif r < 0.45:
            t = self.site.name.replace("有限公司", "") + t if len(t) < 8 else t
        t = hant(t) if self.trad else t
        return t, (en if self.site.english or random.Random(self.site.key + self.code).random() < 0.2 else None)

    def hand(self) -> bool:
        return self.rng.random() < self.site.handfill

    def out(self, text: str) -> str:
        return hant(text) if self.trad else text

    # -- printed values that are also fields -------------------------------------------------------------------
    def v_name(self) -> tuple[str, str]:
        c = self.case
        if c.firm is not None:
            self.fields["company"] = self.out(c.firm.name)
            return self.pick(["客户名称", "单位名称", "车主（单位）", "购车单位"]), c.firm.name
        self.fields["name"] = self.out(c.owner.name)
        return self.pick(["客户姓名", "车主", "姓名", "客户", "车主姓名"]), c.owner.name

    def v_contact(self) -> tuple[str, str]:
        p = self.case.firm.contact if self.case.firm else self.case.owner
        self.fields["contact"] = self.out(p.name)
        return self.pick(["联系人", "送修人", "经办人", "联络人"]), p.name

    def v_mobile(self) -> tuple[str, str]:
        p = self.case.firm.contact if self.case.firm else self.case.owner
        self.fields["mobile"] = p.mobile
        return self.pick(["手机", "联系电话", "移动电话", "手机号码"]), fmt_mobile(p.mobile, self.rng.randrange(3))

    def v_landline(self) -> tuple[str, str]:
        p = self.case.firm.contact if self.case.firm else self.case.owner
        self.fields["landline"] = p.landline
        return self.pick(["固定电话", "座机", "办公电话", "家庭电话"]), fmt_landline(p.landline, self.rng.randrange(3))

    def v_address(self) -> tuple[str, str]:
        self.fields["address"] = self.out(self.case.owner.address)
        return self.pick(["地址", "联系地址", "住址", "通讯地址"]), self.case.owner.address

    def v_vin(self) -> tuple[str, str]:
        assert self.case.car is not None
        self.fields["vin"] = self.case.car.vin
        return self.pick(["车架号", "VIN码", "车辆识别代号", "底盘号", "车架号(VIN)"]), self.case.car.vin

    def v_plate(self) -> tuple[str, str] | None:
        car = self.case.car
        if car is None or self.code in ("pdi_checklist", "conformity_certificate") or not car.km and self.code != "vehicle_license":
            return None
        self.fields["plate"] = car.plate
        return self.pick(["车牌号", "车牌号码", "号牌", "牌照号"]), car.plate

    def v_id(self) -> tuple[str, str]:
        self.fields["id_number"] = self.case.owner.id_number
        return self.pick(["身份证号", "证件号码", "身份证号码"]), self.case.owner.id_number

    def v_date(self, labels: list[str], day: date | None = None) -> tuple[str, str]:
        d = day or self.case.day
        self.fields["date"] = d.isoformat()
        return self.pick(labels), fmt_date(self.site, d)

    def v_amount(self, amount: float, labels: list[str]) -> tuple[str, str]:
        self.fields["amount"] = f"{amount:.2f}"
        return self.pick(labels), fmt_money(self.site, amount)

    def v_job(self) -> tuple[str, str]:
        assert self.case.job is not None
        self.fields["job_type"] = self.case.job
        return self.pick(["维修类型", "作业类别", "服务类型", "工单类型"]), self.rng.choice(JOB_WORDS[self.case.job])

    def pairs(self, items: Sequence[tuple[str, str] | None]) -> list[blocks.Pair]:
        out = []
        for it in items:
            if it is None:
                continue
            by_hand = self.hand() and len(it[1]) < 24
            out.append((it[0], it[1], by_hand))
        return out

    def number(self) -> str | None:
        c = self.case
        if c.visit:
            return self.pick(["No. ", "单号：", "工单号：", "委托书号："]) + c.visit
        if self.rng.random() < 0.6:
            return "No." + f"{self.site.prefix}{c.day:%Y}{self.rng.randint(1, 99999):05d}"
        return None

    # -- signatures ------------------------------------------------------------------------------------------------
    def customer(self, options: list[str]) -> blocks.Party:
        p = self.case.firm.contact if self.case.firm else self.case.owner
        return ("customer", self.pick(options), p.writer)

    def staff_p(self, options: list[str], who: str) -> blocks.Party:
        writer = sum(map(ord, self.staff[who])) % 20 + 1
        p = self.case.firm.contact if self.case.firm else self.case.owner
        if writer == p.writer:  # the advisor does not write like the customer
            writer = writer % 20 + 1
        return ("staff", self.pick(options), 100 + writer)

    def foot(self, y: float, parties: list[blocks.Party], with_date: bool = True) -> float:
        sh = self.sheet
        style = self.rng.choice(self.site.sig_styles) if self.rng.random() < 0.85 else self.rng.choice(
            ["rule", "under", "grid", "cells", "stack", "box", "dated", "vertical", "inline"])
        n = len(parties)
        heights = {"rule": 22, "under": 22, "grid": 32, "cells": 17, "stack": 13 * n + 9, "box": 28, "dated": 14 * n + 2,
                   "vertical": 31, "inline": 14 * n + 2}
        bottom = sh.h_mm - (14 if len(self.sheets) > 1 or sh.h_mm > 200 else 8)
        if y + heights[style] > bottom and y + heights["cells"] <= bottom:
            style = "cells"  # a small form keeps its feet on the page in one row of cells
        elif y + heights[style] > bottom:
            sh = self.new_sheet(continuation=True)
            y = 16.0
        dt = self.rng.choice(["     年    月    日", fmt_date(self.site, self.case.day)]) if with_date else None
        before = len(sh.slots)
        end = blocks.sig_foot(sh, y, parties, style, self.rng, self.site, dt, self.ink)
        cust = [s for s in sh.slots[before:] if s.role == "customer"]
        stamps = self.case.kind == "unit" or any(w in s.label for s in cust for w in ("盖章", "签章", "蓋章", "簽章"))
        if cust and self.case.firm and stamps and self.rng.random() < 0.45:  # a company customer stamps its seal there
            x0, y0, x1, y1 = (v * 25.4 / sh.dpi for v in cust[0].box)
            sh.seal((x0 + x1) / 2 + self.rng.uniform(-8, 8), (y0 + y1) / 2, "round", self.case.firm.name,
                    faint=self.rng.random() < 0.3, angle=self.rng.uniform(-30, 30))
        staff = [s for s in sh.slots[before:] if s.role == "staff"]
        if staff and self.rng.random() < 0.15:  # a name seal pressed on or beside the staff field
            slot = self.rng.choice(staff)
            x0, y0, x1, y1 = (v * 25.4 / sh.dpi for v in slot.box)
            name = self.staff[self.rng.choice(list(self.staff))]
            sh.seal(self.rng.uniform(x0 + 8, max(x0 + 9, x1 - 8)), (y0 + y1) / 2, "square", name, angle=self.rng.uniform(-6, 6))
        return end

    def finish(self, title: str | None, code: str | None = None) -> Doc:
        n = len(self.sheets)
        if n > 1 or self.rng.random() < 0.15:  # single sheets are sometimes numbered too
            for k, sh in enumerate(self.sheets):
                sh.text(sh.w_mm / 2, sh.h_mm - 9, page_mark(self.site, k + 1, n), 8.5, colour=self.ink, anchor="m")
        return Doc(code or self.code, title, self.sheets, dict(self.fields), self.trad, day=self.case.day)


# -- item data ------------------------------------------------------------------------------------------------------

LABOUR = [("更换机油及机滤", 120), ("四轮定位", 180), ("更换前刹车片", 150), ("空调系统清洗", 220), ("节气门清洗", 160),
          ("更换火花塞", 200), ("发动机故障诊断", 100), ("更换蓄电池", 60), ("钣金喷漆（前保险杠）", 900), ("更换正时皮带", 680),
          ("变速箱油更换", 260), ("底盘检查紧固", 80)]
PARTS = [("机油滤清器", 68), ("全合成机油 4L", 420), ("空气滤清器", 95), ("空调滤芯", 120), ("前刹车片（套）", 560),
         ("火花塞", 85), ("蓄电池 60Ah", 780), ("雨刮片（对）", 160), ("正时皮带套件", 1380), ("前保险杠总成", 1650),
         ("ATF变速箱油", 110), ("冷却液 2L", 90)]
CHECK12 = ["轮胎气压及磨损", "制动液液位", "发动机机油液位", "冷却液液位", "玻璃清洗液", "雨刮片", "全车灯光", "喇叭",
           "蓄电池状态", "转向系统", "底盘紧固件", "空调出风"]
PDI = ["外观漆面无划痕", "内饰清洁完好", "随车工具齐全", "备胎及千斤顶", "电瓶电压", "轮胎气压", "灯光及仪表", "音响导航",
       "门窗及天窗", "发动机舱油液", "底盘无渗漏", "车辆识别代号核对", "钥匙两把", "说明书及保修手册"]
HANDOVER = ["购车发票", "车辆合格证", "保修手册/三包凭证", "使用说明书", "钥匙（两把）", "随车工具", "备胎", "功能讲解",
            "导航及蓝牙设置", "首保时间告知", "车辆外观确认", "临时牌照"]
ROADTEST = ["起步", "加速", "换挡平顺性", "制动效果", "方向跑偏", "异响", "仪表指示", "空调", "驻车制动", "怠速"]
VAS = [("延长保修 2年/6万公里", 3980), ("贴膜（全车）", 2680), ("脚垫及后备箱垫", 680), ("行车记录仪", 899),
       ("保养套餐 5次", 2500), ("上牌服务", 500), ("隐形车衣", 6800), ("车辆装饰精品包", 1280)]


def _items(rng: random.Random, pool: list[tuple[str, int]], lo: int, hi: int) -> list[tuple[str, int]]:
    return rng.sample(pool, rng.randint(lo, hi))


# -- new-car papers -----------------------------------------------------------------------------------------------

def customer_card(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "customer_card", rng, size=(210, 148) if rng.random() < 0.5 else (210, 297))
    t, en = f.title(["客户信息卡", "车主资料登记卡", "用户档案卡（绿卡）", "客户信息登记表", "绿卡"], "Customer Information Card")
    sh = f.sheet
    y = blocks.header(sh, f.site, t, en, f.number(), rng)
    car = case.car
    assert car is not None
    items = [f.v_name(), f.v_contact() if case.firm or rng.random() < 0.5 else None, f.v_mobile(), f.v_landline(),
             f.v_address(), (f.pick(["车型", "品牌车型"]), f"{car.brand} {car.model}"), f.v_vin(),
             f.v_date(["交车日期", "购车日期", "登记日期"]), (f.pick(["销售顾问", "责任顾问"]), f.staff["sales"])]
    y = blocks.kv_grid(sh, y, f.pairs(items), 2 if f.size[1] > 150 else 2, rng.choice([0, 1, 2]), rng, f.ink)
    if f.size[1] > 150:
        y = blocks.kv_grid(sh, y, [("客户来源", rng.choice(["展厅", "网络", "转介绍", "车展"]), True),
                                   ("行业", rng.choice(["制造业", "IT", "教育", "个体", "金融"]), True),
                                   ("客户等级", rng.choice("ABC"), True)], 3, 0, rng, f.ink)
    if rng.random() < 0.5:
        y = f.foot(y + 2, [f.customer(["客户签字", "车主签名", "客户确认"])], with_date=False)
    return f.finish(t)


def sales_contract(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "sales_contract", rng)
    t, en = f.title(["汽车买卖合同", "新车销售合同", "整车购销协议", "车辆订购合同书", "机动车买卖合同"], "Vehicle Sales Contract")
    sh = f.sheet
    car = case.car
    assert car is not None
    y = blocks.header(sh, f.site, t, en, "合同编号：" + f"{f.site.prefix}-HT-{case.day:%Y%m}{rng.randint(100, 999)}", rng)
    buyer = case.firm.name if case.firm else case.owner.name
    if case.firm:
        f.fields["company"] = f.out(case.firm.name)
    else:
        f.fields["name"] = f.out(case.owner.name)
    seller_word, buyer_word = rng.choice([("出卖人（甲方）", "买受人（乙方）"), ("卖方", "买方"), ("甲方", "乙方")])
    y = blocks.kv_grid(sh, y, [(seller_word, f.site.name, False), (buyer_word, buyer, False)], 1, 1, rng, f.ink)
    items = [f.v_id() if not case.firm else ("统一社会信用代码", case.firm.credit_code), f.v_mobile(), f.v_address()]
    y = blocks.kv_grid(sh, y, f.pairs(items), 1, 1, rng, f.ink)
    price = float(car.price)
    y = blocks.table(sh, y, ["品牌型号", "颜色", "车架号", "数量", "单价"],
                     [[f"{car.brand} {car.model}", car.colour, car.vin, "1", f"{price:,.2f}"]], [40, 16, 46, 10, 24], f.ink)
    f.fields["vin"] = car.vin
    money = f.v_amount(price, ["车价合计"])
    sh.text(16, y, f"{money[0]}：人民币{capital(price)}（{money[1]}）", 10)
    y += 8
    texts = [
        "乙方应于合同签订之日支付定金，余款于提车前一次付清。甲方收款后开具机动车销售统一发票。",
        "甲方应于约定日期在其经营场所向乙方交付车辆及随车文件，包括合格证、发票、保修手册及使用说明书。",
        "乙方提车时应当场验收车辆外观、内饰及随车物品，验收合格后签署交车确认文件，视为车辆已交付。",
        "车辆的质量保证按生产厂家的保修规定及国家汽车三包规定执行，甲方协助乙方办理保修事宜。",
        "任何一方违约，应向守约方支付车价百分之五的违约金；因不可抗力不能履行的，双方互不承担责任。",
        "本合同履行中发生争议，双方协商解决；协商不成的，向甲方所在地人民法院提起诉讼。",
        "本合同一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。",
    ]
    if rng.random() < 0.5:
        texts = texts + ["乙方委托甲方代办车辆上牌手续的，应提供真实有效的身份证明，并承担相关规费。",
                         "车辆交付前的风险由甲方承担，交付后的风险由乙方承担。",
                         "本合同未尽事宜，双方可另行签订补充协议，补充协议与本合同具有同等效力。"]
    numbering = rng.randrange(4)
    rest = texts
    while rest:
        y, rest = blocks.clauses(f.sheet, y, rest, 10, numbering, bottom=f.sheet.h_mm - 24)
        if rest:
            f.new_sheet(continuation=True)
            y = 18.0
    signed = f.v_date(["签订日期"])
    date_text = cn_number(case.day) if rng.random() < 0.4 else signed[1]
    if y + 60 > f.sheet.h_mm - 14:
        f.new_sheet(continuation=True)
        y = 18.0
    sh = f.sheet
    # party blocks: the seller stamps its name and the consultant signs; the buyer signs
    top = y + 4
    sh.text(16, top, seller_word.split("（")[0] + "（盖章）：", 10)
    sh.text(16, top + 7, f.site.name, 10)
    lab_s = f.pick(["销售顾问（签字）", "经办人签字", "授权代表"])
    sh.text(16, top + 17, lab_s + "：", 10)
    x_s = 16 + sh.width(lab_s + "：", 10) + 1
    sh.slot("staff", lab_s, x_s, top + 12, x_s + 42, top + 23, f.staff_p([lab_s], "sales")[2])
    sh.hline(x_s, x_s + 42, top + 23, 0.2)
    sh.text(16, top + 28, "日期：" + date_text, 10)
    sh.seal(16 + 26 + rng.uniform(0, 14), top + 10 + rng.uniform(-4, 6), "round", f.site.name, "合同专用章",
            faint=rng.random() < 0.25, angle=rng.uniform(-25, 25))
    bx = sh.w_mm / 2 + 6
    lab_b = f.pick([buyer_word.split("（")[0] + "（签字）", "买受人签名", "客户签字/盖章", "乙方代表签字"])
    sh.text(bx, top, buyer_word.split("（")[0] + "：", 10)
    sh.text(bx, top + 7, buyer, 10)
    sh.text(bx, top + 17, lab_b + "：", 10)
    x_b = bx + sh.width(lab_b + "：", 10) + 1
    sh.slot("customer", lab_b, x_b, top + 12, min(sh.w_mm - 10, x_b + 42), top + 23, f.customer([lab_b])[2])
    sh.hline(x_b, min(sh.w_mm - 10, x_b + 42), top + 23, 0.2)
    sh.text(bx, top + 28, "日期：" + date_text, 10)
    return f.finish(t)


def delivery_checklist(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "delivery_checklist", rng)
    t, en = f.title(["交车检查表", "新车交付确认单", "交车验收清单", "车辆交接确认书", "新车交车确认表"], "Delivery Checklist")
    sh = f.sheet
    y = blocks.header(sh, f.site, t, en, f.number(), rng)
    car = case.car
    assert car is not None
    items = [f.v_name(), f.v_mobile(), f.v_vin(), ("车型", car.model), ("颜色", car.colour),
             f.v_date(["交车日期", "交付日期", "提车日期"])]
    y = blocks.kv_grid(sh, y, f.pairs(items), 2, rng.randrange(3), rng, f.ink)
    sh.text(14, y, f.out(f.pick(["一、交车项目确认", "交付内容", "请逐项确认："])), 10.5, "bold", convert=False)
    y = blocks.ticks(sh, y + 7, rng.sample(HANDOVER, rng.randint(8, 12)), rng.randrange(3), rng, f.ink)
    y = sh.wrap(14, y + 2, sh.w_mm - 28, "本人已按上述项目验收车辆及随车物品，车辆状况良好，同意接收。", 9.5) + 2
    parties = [f.customer(["客户签字", "车主签名", "提车人签字", "买方确认签字"]),
               f.staff_p(["销售顾问", "交车顾问签字", "交车专员"], "sales")]
    f.foot(y, parties)
    return f.finish(t)


def pdi_checklist(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "pdi_checklist", rng)
    t, en = f.title(["新车PDI检查表", "PDI交车前检查记录", "新车售前检验单", "车辆PDI检测表"], "Pre-Delivery Inspection")
    sh = f.sheet
    y = blocks.header(sh, f.site, t, en, f.number(), rng)
    car = case.car
    assert car is not None
    pdi_day = case.day - timedelta(days=rng.randint(1, 4))
    items = [f.v_vin(), ("车型", f"{car.brand} {car.model}"), ("发动机号", car.engine),
             f.v_date(["检查日期", "PDI日期"], pdi_day)]
    y = blocks.kv_grid(sh, y, f.pairs(items), 2, rng.randrange(3), rng, f.ink)
    y = blocks.ticks(sh, y + 2, PDI, rng.randrange(3), rng, f.ink)
    sh.text(14, y, "备注：" + rng.choice(["无", "左后门轻微划痕已处理", "胎压已调整至标准值", ""]), 9.5)
    parties = [f.staff_p(["检查员", "PDI技师", "检验员签字", "质检员"], "inspector")]
    if rng.random() < 0.5:
        parties.append(f.staff_p(["车间主管", "复核人"], "manager"))
    f.foot(y + 8, parties)
    return f.finish(t)


def value_added(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "value_added_services", rng)
    t, en = f.title(["衍生服务清单", "增值服务确认单", "精品及延保服务明细", "附加服务购买清单"], "Value-added Services")
    sh = f.sheet
    y = blocks.header(sh, f.site, t, en, f.number(), rng)
    y = blocks.kv_grid(sh, y, f.pairs([f.v_name(), f.v_vin(), f.v_date(["日期", "购买日期"])]), 3, rng.randrange(3), rng, f.ink)
    its = _items(rng, VAS, 2, 5)
    total = float(sum(p for _, p in its))
    y = blocks.table(sh, y + 2, ["序号", "服务项目", "金额"], [[str(k + 1), n, f"{p:,.2f}"] for k, (n, p) in enumerate(its)],
                     [12, 90, 30], f.ink)
    lab, val = f.v_amount(total, ["合计", "总计", "合计金额"])
    sh.text(sh.w_mm - 14, y, f"{lab}：{val}", 10.5, "bold", anchor="r")
    f.foot(y + 10, [f.customer(["客户签字确认", "车主签名", "购买人签字"])])
    return f.finish(t)


def other_proof(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "other_proof", rng)
    base = f.pick(["授权委托书", "情况说明", "购车证明", "居住证明"])
    t = f.out(base)
    sh = f.sheet
    y = blocks.header(sh, f.site, t, None, None, rng, style=3) + 6
    car = case.car
    assert car is not None
    p = case.owner
    f.fields["name"] = f.out(p.name)
    f.fields["vin"] = car.vin
    f.fields["id_number"] = p.id_number
    when = fmt_date(f.site, case.day)
    if base == "授权委托书":
        agent = rng.choice(ids.SURNAMES) + rng.choice(ids.GIVEN)
        body = (f"委托人{p.name}（身份证号：{p.id_number}）现委托{agent}为本人的合法代理人，代为办理车架号{car.vin}的"
                f"{car.brand}{car.model}车辆提车、上牌等相关手续。代理人在办理上述事项中签署的文件，本人均予以承认。")
    elif base == "情况说明":
        body = (f"本人{p.name}（身份证号：{p.id_number}）于{when}购买{car.brand}{car.model}一辆，车架号{car.vin}。"
                "因本人户籍不在本市，现以居住证办理上牌手续，所提供材料真实有效，特此说明。")
    elif base == "居住证明":
        f.fields["address"] = f.out(p.address)
        body = (f"兹证明{p.name}（身份证号：{p.id_number}）现居住于{p.address}，情况属实。"
                f"此证明仅用于办理车架号{car.vin}车辆的登记手续。")
    else:
        body = (f"兹证明{p.name}（身份证号：{p.id_number}）于{when}在我公司购买"
                f"{car.brand}{car.model}一辆，车架号{car.vin}，相关手续齐全。特此证明。")
    y = sh.wrap(20, y, sh.w_mm - 40, body, 11, indent=2) + 10
    f.fields["date"] = case.day.isoformat()
    f.foot(y, [f.customer(["本人签字", "委托人签名", "声明人"])], with_date=False)
    sh = f.sheet
    sh.text(sh.w_mm - 20, sh.h_mm - 70, f.site.name, 10.5, anchor="r")
    sh.text(sh.w_mm - 20, sh.h_mm - 62, fmt_date(f.site, case.day), 10.5, anchor="r")
    sh.seal(sh.w_mm - 45, sh.h_mm - 62, "round", f.site.name, "", faint=rng.random() < 0.3, angle=rng.uniform(-20, 20))
    return f.finish(t)
