"""One builder per document type. Titles, labels and wording are this family's own, written from the
domain description and the seed as a dealer group or property office in Hubei would print them."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dossier.models import DossierRef
from dossier.samples.family_k.layout import Doc
from dossier.samples.family_k.sites import (
    Car,
    Customer,
    Site,
    cn_date,
    fmt_amount,
    fmt_date,
    person_name,
    yuan_upper,
)


@dataclass
class Ctx:
    site: Site
    rng: random.Random
    dpi: int
    cust: Customer
    car: Car | None
    unit: str | None
    day: date
    visit: str | None = None
    job: str | None = None
    advisor: str = ""
    hant: bool = False


JOB_WORDS = {
    "minor_repair": ("一般维修", "故障维修", "机电小修"),
    "first_service": ("首次保养", "首保"),
    "maintenance": ("定期保养", "常规保养", "例行保养"),
    "major_repair": ("总成大修", "发动机大修", "大修"),
    "warranty_claim": ("质量担保", "保修索赔", "三包索赔"),
}

TITLES: dict[str, tuple[str, ...]] = {
    "customer_card": ("车主信息登记卡", "用户档案卡", "客户资料登记表", "客户信息卡（绿卡）"),
    "sales_contract": ("汽车买卖合同", "整车销售协议", "新车订购合同书", "车辆销售确认书"),
    "delivery_checklist": ("新车交付确认单", "交车验收单", "车辆交接确认书", "交车流程检查表"),
    "value_added_services": ("精品及延保服务确认单", "增值服务项目清单", "衍生业务确认表"),
    "pdi_checklist": ("新车售前检查记录（PDI）", "PDI交付前检验单", "新车PDI检测表"),
    "other_proof": ("以旧换新证明", "购车补贴申请确认函", "居住证明"),
    "reception_sheet": ("车辆进厂环车检查单", "接车问诊单", "维修接待单", "进厂车辆交接单"),
    "work_order": ("维修委托书", "维修派工单", "车间作业委托单"),
    "settlement": ("维修结算清单", "出厂结算凭证", "结算单"),
    "free_inspection_12": ("12项免费安全检查表", "十二项免费检测单", "车辆安全十二项检查记录"),
    "addon_sheet": ("维修增项确认单", "追加维修项目确认书"),
    "road_test": ("路试记录单", "试车检验单"),
    "loss_assessment": ("事故车辆定损单", "车辆损失确认书"),
    "tool_readings": ("诊断仪检测数据记录", "专用检测设备数据单"),
    "estimate": ("维修预估单", "维修费用估价单"),
    "first_service_card": ("首次保养凭证", "首保服务卡"),
    "fault_report": ("故障诊断报告", "质量担保故障检测报告"),
    "move_in": ("入住交接单", "房屋交付验收表", "业主入住登记表"),
    "renovation": ("装修申请表", "二次装修施工申请审批表"),
}
ENGLISH = {"customer_card": "Customer Profile", "sales_contract": "Vehicle Purchase Agreement",
           "delivery_checklist": "Delivery Confirmation", "reception_sheet": "Vehicle Reception Sheet",
           "work_order": "Repair Order", "settlement": "Statement of Account", "free_inspection_12": "12-Point Check",
           "move_in": "Move-in Handover", "renovation": "Renovation Application", "application": "Application Form",
           "road_test": "Road Test Record", "estimate": "Repair Estimate"}
SUBJECT_TITLES = {
    "房门锁": ("门锁更换申请单", "房门锁维修申请表"),
    "电话": ("电话开通申请表", "固定电话安装申请"),
    "车位": ("车位租用申请表", "月租车位申请单"),
    "水牌": ("水牌制作申请表", "大堂水牌更改申请"),
    "客户加班": ("非办公时间加班申请表", "节假日加班申请单"),
}
ROLE_WORDS = {
    "customer_car": ("客户", "车主", "送修人", "委托人", "客户确认"),
    "customer_unit": ("业主", "住户", "申请人", "租户", "承租方"),
}
PARTS = (("机油滤清器", 68.0), ("全合成机油5W-30", 88.0), ("空气滤芯", 96.0), ("空调滤芯", 120.0), ("刹车片（前）", 560.0),
         ("火花塞", 75.0), ("雨刮片", 118.0), ("蓄电池", 860.0), ("正时皮带套件", 1480.0), ("前保险杠", 2360.0),
         ("左前大灯总成", 3120.0), ("制动液", 95.0), ("防冻液", 110.0), ("节气门体", 1260.0))
LABOUR = ("更换机油机滤", "四轮定位", "检查制动系统", "发动机舱清洗", "更换刹车片", "钣金喷漆", "故障诊断", "更换蓄电池",
          "拆装前保险杠", "发动机解体检修", "空调系统检测")
CHECK12 = ("灯光及信号", "雨刮及喷水", "轮胎气压及磨损", "制动液液位", "机油液位", "冷却液液位", "蓄电池状态", "喇叭",
           "转向系统", "底盘紧固件", "空调出风", "安全带")


def _title(c: Ctx, code: str) -> str:
    return c.rng.choice(TITLES[code])


def _new(c: Ctx, code: str | None, *, landscape: bool = False, paper: tuple[int, int, int] = (255, 255, 255)) -> Doc:
    d = Doc(code, c.site, c.rng, c.dpi, c.hant, landscape=landscape, paper=paper, font=c.site.body_font)
    if c.car is not None and code is not None and c.site.kind == "car":
        d.dossier = DossierRef(kind="car", key=c.car.vin)
    elif c.unit is not None and code is not None:
        d.dossier = DossierRef(kind="unit", key=c.unit)
    d.visit, d.job_type = c.visit, c.job
    d.new_sheet()
    return d


def _docno(c: Ctx, prefix: str = "No.") -> str:
    n = c.rng.randint(10000, 999999)
    return c.rng.choice((f"{prefix} {n:07d}", f"编号：{c.site.short[:1]}{c.day:%y}{n:06d}", f"№{n:07d}"))


def _head(c: Ctx, d: Doc, title: str, code: str | None) -> None:
    title = d.t(title)
    if c.site.brand and c.rng.random() < 0.35 and c.site.kind == "car":
        title = c.site.brand + title
    eng = ENGLISH.get(code or "") if c.site.english else None
    d.header(title, d.t(_docno(c)) if c.rng.random() < 0.8 else None, eng)


def _party(c: Ctx) -> tuple[str, str]:
    """(label, value) of the customer: a company customer prints its name, a person theirs."""
    if c.cust.company:
        return ("单位名称", c.cust.company)
    return ("客户姓名", c.cust.name or "")


def _cust_pairs(c: Ctx, *, phone: bool = True, landline: bool = False, address: bool = False,
                ident: bool = False) -> list[tuple[str, str, str | None]]:
    lab, val = _party(c)
    out: list[tuple[str, str, str | None]] = [(lab, val, "company" if c.cust.company else "name")]
    if c.cust.company and c.cust.contact:
        out.append(("联系人", c.cust.contact, "contact"))
    if phone:
        out.append(("手机", c.cust.mobile, "mobile"))
    if landline and c.cust.landline:
        out.append(("固定电话", c.cust.landline, "landline"))
    if address:
        out.append(("地址", c.cust.address, "address"))
    if ident:
        if c.cust.credit_code:
            out.append(("统一社会信用代码", c.cust.credit_code, "credit_code"))
        elif c.cust.id_number:
            out.append(("身份证号", c.cust.id_number, "id_number"))
    return out


def _car_pairs(c: Ctx, d: Doc, *, plate: bool = True, km: bool = False) -> list[tuple[str, str, str | None]]:
    assert c.car is not None
    out: list[tuple[str, str, str | None]] = [("车架号(VIN)", c.car.vin, "vin"), ("车型", c.car.model, None)]
    if plate and c.car.plate:
        out.append(("车牌号", c.car.plate, None))
        d.fields["plate"] = c.car.plate
    if km:
        out.append(("行驶里程", f"{c.car.km} km", None))
    return out


def _date_pair(c: Ctx, d: Doc, label: str, day: date) -> tuple[str, str, str | None]:
    d.fields["date"] = day.isoformat()
    return (label, fmt_date(c.site, day, c.rng), None)


def _amount(c: Ctx, d: Doc, v: float, label: str = "合计金额") -> None:
    d.fields["amount"] = f"{v:.2f}"
    d.need(10)
    x = d.text(d.margin, d.y, d.t(label) + "：" + fmt_amount(c.site, v), 3.4, "bold")
    if c.rng.random() < 0.6:
        d.text(x + 6, d.y, d.t("大写：") + d.t(yuan_upper(v)), 3.0)
    d.y += 9


def _sig_style(c: Ctx) -> str:
    return c.rng.choice(c.site.sign_styles)


def _cust_label(c: Ctx) -> str:
    words = ROLE_WORDS["customer_car" if c.site.kind == "car" else "customer_unit"]
    w = c.rng.choice(words)
    return w + c.rng.choice(("签字", "签名", "签字确认", "（签字）", "签章")) if w != "客户确认" else "客户确认（签字/盖章）"


def _seal_company(c: Ctx, d: Doc, slot_staff: object | None, middle: str = "") -> None:
    from dossier.samples.family_k.canvas import Slot
    if isinstance(slot_staff, Slot) and c.rng.random() < 0.6:
        d.seal_over(slot_staff, "round", c.site.company, middle)
    else:
        d.seal_at("round", c.site.company, middle, d.right - 32, min(d.y + 2, d.sheet.h_mm - 40))


def _staff(c: Ctx, role: str) -> tuple[str, str]:
    return (role + c.rng.choice(("签字", "", "（签名）")), "staff")


# -- new-car papers ------------------------------------------------------------------------------------

def customer_card(c: Ctx) -> Doc:
    d = _new(c, "customer_card", paper=(226, 242, 226) if c.rng.random() < 0.5 else (255, 255, 255))
    _head(c, d, _title(c, "customer_card"), "customer_card")
    d.kv(_cust_pairs(c, landline=True, address=True, ident=c.rng.random() < 0.5)
         + [_date_pair(c, d, "建档日期", c.day)], cols=2 if c.rng.random() < 0.6 else 1, hand=c.rng.random() < 0.4)
    if c.car:
        d.kv(_car_pairs(c, d) + [("颜色", c.car.colour, None), ("销售顾问", c.advisor, None)], cols=2)
    d.kv([("客户来源", c.rng.choice(("展厅来店", "网络预约", "老客户转介绍", "车展")), None),
          ("行业", c.rng.choice(("制造业", "批发零售", "教育", "金融", "个体")), None),
          ("客户等级", c.rng.choice("ABC") + "级", None), ("首选联系时间", c.rng.choice(("工作日白天", "晚上", "周末")), None)],
         cols=2, ruled=False)
    d.para("本人确认以上信息真实有效，同意贵公司在售后服务及回访中使用上述联系方式。")
    d.sign([(_cust_label(c), "customer"), _staff(c, "销售顾问")], _sig_style(c))
    return d


def sales_contract(c: Ctx) -> Doc:
    assert c.car is not None
    d = _new(c, "sales_contract")
    _head(c, d, _title(c, "sales_contract"), "sales_contract")
    price = round(c.rng.uniform(90000, 320000), -2)
    d.kv([("甲方（买方）", c.cust.party, "company" if c.cust.company else "name")]
         + _cust_pairs(c, address=True, ident=True)[1:] + [("乙方（卖方）", c.site.company, None)], cols=1, row_h=7)
    d.kv(_car_pairs(c, d, plate=False) + [("颜色", c.car.colour, None), ("发动机号", c.car.engine, None)], cols=2)
    d.fields["amount"] = f"{price:.2f}"
    d.para(f"第一条 车辆价款：含税总价{fmt_amount(c.site, price)}（大写：{yuan_upper(price)}），"
           f"甲方于签订本合同时支付定金{fmt_amount(c.site, 5000.0)}，余款于提车前付清。")
    clauses = ("第二条 交车时间与地点：乙方应于约定日期在乙方展厅向甲方交付车辆及随车文件，甲方应当场验收。",
               "第三条 质量保证：车辆质量保证按生产厂家公布的质量担保条款执行，乙方协助甲方办理索赔事宜。",
               "第四条 所有权转移：车辆所有权自甲方付清全部车款并办理交接手续之日起转移至甲方。",
               "第五条 违约责任：任何一方违约，应向对方支付车价百分之五的违约金；因不可抗力导致的除外。",
               "第六条 争议解决：因本合同发生的争议，双方协商解决；协商不成的，向乙方所在地人民法院起诉。",
               "第七条 其他：本合同一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。")
    for cl in clauses:
        d.para(cl)
    if c.rng.random() < 0.5:  # the terms fill the first sheet: signatures land on a continuation page
        d.new_sheet(cont=True)
    day = c.day - timedelta(days=c.rng.randint(3, 20))
    d.kv([_date_pair(c, d, "签订日期", day), ("签订地点", c.site.city, None)], cols=2, ruled=False)
    style = c.rng.choice(("grid", "colon", "bracket"))
    buyer = "甲方（买方）" if c.rng.random() < 0.5 else "买受人"
    slots = d.sign([(buyer + ("签字" if style != "grid" else ""), "customer"),
                    ("乙方（卖方）" + ("代表签字" if style != "grid" else ""), "staff"),
                    _staff(c, "销售顾问")], style, company_seal_for=c.cust.company)
    _seal_company(c, d, slots[1], "合同专用章")
    if c.rng.random() < 0.45:  # the legal representative's square name seal beside the company's
        d.seal_over(slots[1], "square", person_name(c.rng), "")
    if c.rng.random() < 0.4:  # an appendix after the signatures: a page with no title of its own
        d.new_sheet(cont=True)
        d.text(d.margin, d.y, d.t("附件一：车辆配置及随车物品清单"), 3.6, "bold")
        d.y += 9
        items = ["随车工具包", "三角警示牌", "灭火器", "备胎", "用户手册", "保修手册", "充电枪", "钥匙（2把）", "临时号牌",
                 "合格证", "购车发票", "环保清单"]
        d.table(["序号", "物品/配置", "数量", "交付确认"], [[str(k + 1), it, "1", ""] for k, it in enumerate(items)],
                [14, 80, 20, 30])
    d.numbered = True
    return d


def delivery_checklist(c: Ctx) -> Doc:
    d = _new(c, "delivery_checklist")
    _head(c, d, _title(c, "delivery_checklist"), "delivery_checklist")
    d.kv(_cust_pairs(c) + _car_pairs(c, d, plate=False) + [_date_pair(c, d, "交车日期", c.day)], cols=2)
    d.ticks(["车身漆面无划痕", "随车工具齐全", "备胎及千斤顶", "用户手册及保修手册", "钥匙两把", "临时牌照",
             "导航及多媒体演示", "座椅调节演示", "油量/电量确认", "发票及合格证交付"], cols=2)
    d.para("以上项目已逐项检查并演示，车辆外观及功能完好，本人确认接收。")
    d.sign([(_cust_label(c), "customer"), _staff(c, "销售顾问")], _sig_style(c))
    return d


def value_added_services(c: Ctx) -> Doc:
    d = _new(c, "value_added_services")
    _head(c, d, _title(c, "value_added_services"), "value_added_services")
    d.kv(_cust_pairs(c) + _car_pairs(c, d, plate=False), cols=2)
    items = c.rng.sample([("延长保修两年", 3980.0), ("全车贴膜", 2800.0), ("脚垫及尾箱垫", 680.0), ("行车记录仪", 899.0),
                          ("保养套餐（4次）", 2400.0), ("上牌代办", 500.0), ("车漆镀晶", 1680.0)], 4)
    rows = [[str(k + 1), n, "1", f"{v:.2f}"] for k, (n, v) in enumerate(items)]
    d.table(["序号", "服务项目", "数量", "金额"], rows, [12, 80, 16, 30])
    _amount(c, d, sum(v for _, v in items))
    d.sign([(_cust_label(c), "customer"), _staff(c, "销售顾问")], _sig_style(c))
    return d


def pdi_checklist(c: Ctx) -> Doc:
    d = _new(c, "pdi_checklist")
    _head(c, d, _title(c, "pdi_checklist"), "pdi_checklist")
    d.kv(_car_pairs(c, d, plate=False) + [("到店日期", fmt_date(c.site, c.day - timedelta(days=9)), None),
                                          ("里程", f"{c.car.km if c.car else 12} km", None)], cols=2)
    d.ticks(["发动机舱油液", "蓄电池电压", "轮胎气压", "灯光", "车门及锁止", "车窗升降", "空调", "音响",
             "仪表故障灯", "底盘渗漏", "漆面", "内饰清洁"], cols=3)
    d.sign([("PDI检查员", "staff"), ("质检员", "staff")], c.rng.choice(("chain", "colon", "bracket")))
    return d


def other_proof(c: Ctx) -> Doc:
    d = _new(c, "other_proof")
    title = _title(c, "other_proof")
    d.header(d.t(title), None)
    # The names and numbers stand on lines of their own: a certificate's clerk types them into blanks.
    d.kv(_cust_pairs(c, phone=False, ident=True) + ([("车架号", c.car.vin, "vin")] if c.car else []), cols=1,
         ruled=False, row_h=8)
    d.para(f"兹证明上述客户于本公司购买{c.site.brand}车辆一台，车款已结清，情况属实，特此证明。")
    d.y += 10
    d.text(d.right - 10, d.y, d.t(c.site.company), 3.2, anchor="ra")
    d.text(d.right - 10, d.y + 7, cn_date(c.day), 3.2, anchor="ra")
    d.fields["date"] = c.day.isoformat()
    d.seal_at("round", c.site.company, "", d.right - 30, d.y + 4)
    d.y += 16
    return d


def purchase_invoice(c: Ctx) -> Doc:
    assert c.car is not None
    d = _new(c, "purchase_invoice", landscape=True)
    d.title = "机动车销售统一发票"
    d.text(d.W / 2, d.y, d.title, 6.0, "serifb", anchor="ma", fill=(120, 60, 40))
    d.text(d.W / 2, d.y + 9, "发票联", 3.2, anchor="ma")
    d.text(d.right, d.y, f"发票代码 142{c.rng.randint(100000000, 999999999)}", 2.8, anchor="ra")
    d.text(d.right, d.y + 5, f"发票号码 {c.rng.randint(10000000, 99999999)}", 2.8, anchor="ra")
    d.y += 18
    price = round(c.rng.uniform(90000, 320000), -2)
    d.kv([("开票日期", fmt_date(c.site, c.day).split(" ")[0], None),
          ("购买方名称", c.cust.party, "company" if c.cust.company else "name"),
          ("身份证号码/统一社会信用代码", c.cust.credit_code or c.cust.id_number or "",
           "credit_code" if c.cust.credit_code else "id_number"),
          ("车辆类型", "小型轿车", None), ("厂牌型号", c.car.model, None), ("车辆识别代号/车架号码", c.car.vin, "vin"),
          ("价税合计", f"¥{price:.2f}", None), ("销货单位名称", c.site.company, None)], cols=2, row_h=9)
    d.fields["date"] = c.day.isoformat()
    d.fields["amount"] = f"{price:.2f}"
    d.text(d.margin, d.y, "价税合计（大写）" + yuan_upper(price), 3.2)
    d.y += 10
    d.seal_at("oval", c.site.company, "91" + c.site.region + "MA4K" + str(c.rng.randint(10000, 99999)), d.right - 40,
              d.y - 4)
    return d


def id_copy(c: Ctx) -> Doc:
    d = _new(c, "id_copy")
    d.title = None
    if c.cust.company:
        d.title = "营业执照"
        x, y = 30.0, 30.0
        d.sheet.rect(x, y, 180, 150, 0.8)
        d.text(105, y + 8, "营业执照", 7.0, "serifb", anchor="ma")
        d.text(105, y + 20, "（副本）", 3.2, anchor="ma")
        d.y = y + 30
        d.margin = x + 6
        d.kv([("统一社会信用代码", c.cust.credit_code or "", "credit_code"), ("名称", c.cust.company, "company"),
              ("类型", "有限责任公司", None), ("住所", c.cust.address, "address"),
              ("法定代表人", c.cust.contact or "", None)], cols=1, ruled=False, row_h=9)
        d.seal_at("round", c.site.city + "市市场监督管理局", "", 150, 130)
    else:
        x, y = 50.0, 40.0
        for k in range(2):
            yy = y + k * 70
            d.sheet.rect(x, yy, x + 86, yy + 54, 0.4, outline=(120, 120, 120))
        d.text(x + 4, y + 6, "姓名  " + (c.cust.name or ""), 3.0)
        d.put_field("name", c.cust.name)
        d.text(x + 4, y + 14, "性别  " + c.rng.choice("男女") + "   民族  汉", 3.0)
        d.text(x + 4, y + 22, "住址  " + c.cust.address[:12], 3.0)
        d.text(x + 4, y + 28, "      " + c.cust.address[12:], 3.0)
        d.text(x + 4, y + 44, "公民身份号码  " + (c.cust.id_number or ""), 3.0)
        d.put_field("id_number", c.cust.id_number)
        d.text(x + 43, y + 78, "中华人民共和国", 3.6, "bold", anchor="ma")
        d.text(x + 43, y + 86, "居民身份证", 5.0, "bold", anchor="ma")
        d.text(x + 4, y + 104, f"签发机关  {c.site.city}市公安局", 2.8)
        d.text(x + 4, y + 112, "有效期限  2019.05.14-2039.05.14", 2.8)
        if c.rng.random() < 0.5:
            d.text(x + 90, y + 140, "本复印件仅供购车使用", 3.4, "kai", fill=(32, 52, 150))
    return d


def vehicle_license(c: Ctx) -> Doc:
    assert c.car is not None
    d = _new(c, "vehicle_license", landscape=True)
    d.title = "中华人民共和国机动车行驶证"
    d.sheet.rect(40, 30, 160, 110, 0.5)
    d.text(100, 34, d.title, 4.0, "bold", anchor="ma")
    d.y, d.margin = 44, 44
    plate = c.car.plate or "鄂A" + "12345"
    d.kv([("号牌号码", plate, None), ("车辆类型", "小型轿车", None), ("所有人", c.cust.party,
                                                           "company" if c.cust.company else "name"),
          ("住址", c.cust.address, "address"), ("车辆识别代号", c.car.vin, "vin"), ("发动机号码", c.car.engine, None)],
         cols=1, ruled=False, row_h=8)
    if c.car.plate:
        d.fields["plate"] = plate
    d.seal_at("round", f"湖北省{c.site.city}市公安局交通警察支队", "", 140, 90)
    return d


def insurance_policy(c: Ctx) -> Doc:
    d = _new(c, "insurance_policy")
    d.title = c.rng.choice(("机动车交通事故责任强制保险单", "机动车商业保险保险单（正本）"))
    insurer = c.rng.choice(("中国人民财产保险股份有限公司湖北省分公司", "中国平安财产保险股份有限公司湖北分公司",
                            "太平洋财产保险股份有限公司武汉分公司"))
    d.text(d.W / 2, d.y, insurer, 3.4, anchor="ma")
    d.text(d.W / 2, d.y + 7, d.title, 5.2, "bold", anchor="ma")
    d.y += 17
    prem = round(c.rng.uniform(950, 6800), 2)
    d.kv([("保险单号", "PDZA2026" + str(c.rng.randint(10**9, 10**10 - 1)), None),
          ("被保险人", c.cust.party, "company" if c.cust.company else "name")]
         + _car_pairs(c, d) + [("保险费合计", f"¥{prem:,.2f}", None),
                               ("保险期间", f"{c.day:%Y年%m月%d日}零时起至{c.day.year + 1}年{c.day:%m月%d日}二十四时止", None)],
         cols=1, row_h=8)
    d.fields["amount"] = f"{prem:.2f}"
    d.fields["date"] = c.day.isoformat()
    d.text(d.margin, d.y, f"签单日期：{c.day:%Y-%m-%d}", 3.0)
    d.seal_at("round", insurer[:14], "保险合同专用章", d.right - 35, d.y + 5)
    d.y += 10
    return d


def conformity_certificate(c: Ctx) -> Doc:
    assert c.car is not None
    d = _new(c, "conformity_certificate")
    d.title = "机动车整车出厂合格证"
    d.sheet.rect(20, 20, 190, 200, 0.6, outline=(60, 100, 60))
    d.text(105, 26, d.title, 5.6, "serifb", anchor="ma")
    d.y, d.margin = 40, 26
    maker = {"一汽-大众": "一汽-大众汽车有限公司", "东风日产": "东风汽车有限公司东风日产乘用车公司",
             "比亚迪": "比亚迪汽车工业有限公司"}[c.site.brand]
    d.kv([("合格证编号", "WAC" + str(c.rng.randint(10**11, 10**12 - 1)), None), ("车辆制造企业名称", maker, None),
          ("车辆型号", c.car.model, None), ("车辆识别代号/车架号", c.car.vin, "vin"), ("发动机号", c.car.engine, None),
          ("车身颜色", c.car.colour, None), ("车辆制造日期", f"{c.day - timedelta(days=60):%Y年%m月%d日}", None)],
         cols=1, row_h=9)
    d.seal_at("round", maker[:12], "", 150, 180)
    return d


# -- after-sales papers --------------------------------------------------------------------------------

def _visit_pairs(c: Ctx, d: Doc, label: str = "工单号") -> list[tuple[str, str, str | None]]:
    return [(label, c.visit or "", None)]


def _job_line(c: Ctx, d: Doc) -> None:
    """The job type as the site words it: ticked among the site's boxes, or written out."""
    job = c.job or "maintenance"
    words = [JOB_WORDS[j][0] for j in JOB_WORDS]
    mine = c.rng.choice(JOB_WORDS[job])
    if c.rng.random() < 0.5:
        x = d.text(d.margin, d.y, d.t("作业类型："), 3.0)
        for w in words:
            shown = mine if w == JOB_WORDS[job][0] else w
            d.sheet.rect(x + 1, d.y + 0.3, x + 4, d.y + 3.3, 0.2)
            if shown == mine:
                d.sheet.text(x + 1.2, d.y - 1, "√", 4.0, "kai", fill=(32, 52, 150), record=False)
            x = d.text(x + 5, d.y, d.t(shown), 3.0) + 3
    else:
        d.text(d.margin, d.y, d.t("维修类别：") + d.t(mine), 3.0)
    d.y += 7


def reception_sheet(c: Ctx) -> Doc:
    d = _new(c, "reception_sheet")
    _head(c, d, _title(c, "reception_sheet"), "reception_sheet")
    d.kv(_visit_pairs(c, d) + [_date_pair(c, d, "进厂时间", c.day)] + _cust_pairs(c, landline=True)
         + _car_pairs(c, d, km=True), cols=2, hand=c.rng.random() < 0.5)
    _job_line(c, d)
    d.text(d.margin, d.y, d.t("客户描述："), 3.0)
    d.sheet.hand(d.margin + 20, d.y - 0.5, d.t(c.rng.choice(("怠速抖动", "刹车异响", "空调不凉", "按时保养", "仪表亮故障灯"))),
                 3.8, c.rng)
    d.y += 9
    d.ticks(["外观划痕", "内饰污损", "贵重物品", "随车工具", "备胎", "油量"], cols=3, marks="√")
    d.para("车内贵重物品已由客户自行取走，本人确认以上环车检查结果及联系方式无误。")
    d.sign([(_cust_label(c), "customer"), _staff(c, "服务顾问")], _sig_style(c))
    return d


def work_order(c: Ctx) -> Doc:
    d = _new(c, "work_order")
    _head(c, d, _title(c, "work_order"), "work_order")
    d.kv(_visit_pairs(c, d, "委托书号") + [_date_pair(c, d, "开单日期", c.day)] + _cust_pairs(c)
         + _car_pairs(c, d, km=True), cols=2)
    _job_line(c, d)
    rows = [[str(k + 1), job, f"{c.rng.choice((0.5, 1.0, 1.5, 2.0, 3.0))}", c.rng.choice(("王师傅", "李工", "机电组", "钣喷组"))]
            for k, job in enumerate(c.rng.sample(LABOUR, c.rng.randint(2, 5)))]
    d.table(["序号", "维修项目", "工时", "班组"], rows, [12, 80, 20, 30])
    est = round(c.rng.uniform(300, 6000), 2)
    _amount(c, d, est, "预估费用")
    d.para("客户同意按上述项目施工，如需增加项目，承修方须事先征得客户同意。旧件如需带走请注明。")
    d.sign([("委托人签字" if c.rng.random() < 0.5 else "送修人", "customer"), _staff(c, "服务顾问"),
            ("主修技师", "staff")], _sig_style(c))
    if d.y < 215 and len(d.sheets) == 1 and c.rng.random() < 0.45:
        # The lower half of the sheet is the pickup slip, torn off at the cut line when the car is collected:
        # one paper, two halves.
        d.y = max(d.y + 4, 205.0)
        d.sheet.dashed(0, d.y, d.W, 1.5)
        d.text(d.W / 2, d.y + 1.5, d.t("（此联撕下交客户作取车凭证）"), 2.6, anchor="ma")
        d.y += 9
        d.text(d.W / 2, d.y, d.t("取车联"), 4.4, "bold", anchor="ma")
        d.y += 9
        d.kv([("委托书号", c.visit or "", None), ("车牌号", c.car.plate or "—" if c.car else "—", None),
              ("预计完工", fmt_date(c.site, c.day + timedelta(days=c.rng.randint(0, 2))), None)], cols=3)
        d.sign([("取车人", "customer"), ("放行", "staff")], "colon", date_line=False)
    return d


def settlement(c: Ctx) -> Doc:
    land = c.site.key == "jc" and c.rng.random() < 0.7
    d = _new(c, "settlement", landscape=land)
    _head(c, d, _title(c, "settlement"), "settlement")
    d.kv(_visit_pairs(c, d) + [_date_pair(c, d, "结算日期", c.day)] + _cust_pairs(c) + _car_pairs(c, d, km=True),
         cols=3 if land else 2)
    parts = c.rng.sample(PARTS, c.rng.randint(3, 9 if not land else 6))
    if c.rng.random() < 0.2:  # a long list of small parts runs the table onto a second page
        parts += [(f"{n}（{c.rng.choice('ABCDEFGH')}{c.rng.randint(100, 999)}）", round(p / 3, 2))
                  for n, p in c.rng.sample(PARTS, 12)]
    rows = []
    total = 0.0
    for k, (n, p) in enumerate(parts):
        q = c.rng.choice((1, 1, 2, 4))
        total += p * q
        rows.append([str(k + 1), n, str(q), f"{p:.2f}", f"{p * q:.2f}"])
    labour = round(c.rng.uniform(100, 1800), 0)
    rows.append([str(len(parts) + 1), "工时费", "1", f"{labour:.2f}", f"{labour:.2f}"])
    total = round(total + labour, 2)
    d.table(["序号", "项目/配件名称", "数量", "单价", "金额"], rows, [12, 70, 14, 24, 26])
    _amount(c, d, total, "应收合计")
    if c.rng.random() < 0.5:
        d.sheet.rubber_stamp(d.margin + 100, d.y - 22, d.t("已收款") if c.rng.random() < 0.7 else d.t("现金收讫"), c.rng)
    slots = d.sign([(_cust_label(c), "customer"), ("结算员", "staff"), _staff(c, "服务顾问")], _sig_style(c),
                   date_line=False)
    if c.rng.random() < 0.6:
        d.seal_at("round", c.site.company, "财务专用章", d.right - 35, d.y - 8 if d.y > 60 else d.y + 8)
    if c.rng.random() < 0.3:  # the cashier's square name seal on the cashier's field
        d.seal_over(slots[1], "square", person_name(c.rng), "")
    d.numbered = len(d.sheets) > 1
    return d


def free_inspection_12(c: Ctx) -> Doc:
    d = _new(c, "free_inspection_12")
    _head(c, d, _title(c, "free_inspection_12"), "free_inspection_12")
    d.kv(_visit_pairs(c, d) + _car_pairs(c, d, km=True) + [_date_pair(c, d, "检查日期", c.day)], cols=2)
    d.ticks(list(CHECK12), cols=2)
    d.para("以上十二项为免费检查项目，检查结果已向本人说明。")
    d.sign([(_cust_label(c), "customer"), ("检查技师", "staff")], _sig_style(c))
    return d


def addon_sheet(c: Ctx) -> Doc:
    d = _new(c, "addon_sheet")
    _head(c, d, _title(c, "addon_sheet"), "addon_sheet")
    d.kv(_visit_pairs(c, d) + _cust_pairs(c) + _car_pairs(c, d, plate=False), cols=2)
    extra = c.rng.sample(PARTS, 2)
    d.table(["追加项目", "原因", "费用"], [[n, c.rng.choice(("磨损超限", "老化开裂", "检测不合格")), f"{p:.2f}"] for n, p in extra],
            [50, 50, 30])
    _amount(c, d, round(sum(p for _, p in extra), 2), "追加金额")
    d.para("经电话/当面告知，本人同意以上追加项目及费用。")
    d.sign([(_cust_label(c), "customer"), _staff(c, "服务顾问")], _sig_style(c))
    return d


def road_test(c: Ctx) -> Doc:
    d = _new(c, "road_test")
    _head(c, d, _title(c, "road_test"), "road_test")
    d.kv(_visit_pairs(c, d) + _car_pairs(c, d, km=True) + [_date_pair(c, d, "试车日期", c.day)], cols=2)
    d.ticks(["起步加速", "换挡平顺", "制动距离", "转向回正", "异响", "跑偏", "仪表指示", "空调"], cols=2)
    d.text(d.margin, d.y, d.t("试车路线：厂区—") + d.t(c.rng.choice(("三环线", "高新大道", "沿江大道"))) + d.t("—厂区  试车里程：")
           + f"{c.rng.randint(5, 25)} km", 3.0)
    d.y += 8
    d.sign([("试车员", "staff"), ("质检员", "staff"), (_cust_label(c), "customer")], c.rng.choice(("chain", "colon")))
    return d


def loss_assessment(c: Ctx) -> Doc:
    d = _new(c, "loss_assessment")
    _head(c, d, _title(c, "loss_assessment"), None)
    d.kv(_visit_pairs(c, d, "报案号") + _cust_pairs(c) + _car_pairs(c, d) + [_date_pair(c, d, "定损日期", c.day)], cols=2)
    parts = c.rng.sample(PARTS[9:], 3)
    d.table(["损失项目", "处理方式", "核定金额"], [[n, c.rng.choice(("更换", "修复", "喷漆")), f"{p:.2f}"] for n, p in parts],
            [60, 40, 30])
    _amount(c, d, round(sum(p for _, p in parts), 2), "核定损失合计")
    slots = d.sign([("被保险人签字", "customer"), ("定损员", "staff"), ("承修方", "staff")], "colon")
    d.seal_over(slots[1], "round", c.rng.choice(("中国人民财产保险股份有限公司", "平安财产保险股份有限公司")), "理赔专用章")
    return d


def tool_readings(c: Ctx) -> Doc:
    d = _new(c, "tool_readings", paper=(250, 250, 244))
    d.font = "mono"
    _head(c, d, _title(c, "tool_readings"), None)
    d.kv(_visit_pairs(c, d) + _car_pairs(c, d, plate=False) + [_date_pair(c, d, "检测时间", c.day)], cols=1, ruled=False)
    rows = [[code, desc, c.rng.choice(("当前", "历史"))] for code, desc in
            c.rng.sample([("P0300", "检测到随机/多缸失火"), ("P0171", "系统过稀（1列）"), ("U0100", "与ECM通讯丢失"),
                          ("P0420", "催化转化器效率低"), ("B1000", "控制单元故障"), ("P0A80", "更换混合动力电池组")], 3)]
    d.table(["故障码", "描述", "状态"], rows, [25, 80, 25])
    for name, unit in (("蓄电池电压", "V"), ("冷却液温度", "℃"), ("怠速转速", "rpm")):
        d.text(d.margin, d.y, f"{d.t(name)}: {c.rng.uniform(10, 900):.1f} {unit}", 3.0, "mono")
        d.y += 6
    d.sign([("检测技师", "staff")], "colon", date_line=False)
    return d


def estimate(c: Ctx) -> Doc:
    d = _new(c, "estimate")
    _head(c, d, _title(c, "estimate"), "estimate")
    d.kv(_visit_pairs(c, d) + _cust_pairs(c) + _car_pairs(c, d) + [_date_pair(c, d, "估价日期", c.day)], cols=2)
    parts = c.rng.sample(PARTS, 4)
    d.table(["项目", "配件费", "工时费"], [[n, f"{p:.2f}", f"{p * 0.3:.2f}"] for n, p in parts], [70, 30, 30])
    _amount(c, d, round(sum(p * 1.3 for _, p in parts), 2), "预估总额")
    d.para("本估价单仅供参考，实际费用以结算单为准；拆检后如发现其它损坏，将另行告知。")
    d.sign([(_cust_label(c), "customer"), _staff(c, "服务顾问")], _sig_style(c))
    return d


def first_service_card(c: Ctx) -> Doc:
    d = _new(c, "first_service_card", paper=(246, 236, 210))
    d.title = d.t(_title(c, "first_service_card"))
    sh = d.sheet
    sh.rect(30, 30, 180, 120, 0.6)
    d.text(105, 35, c.site.brand + "  " + d.title, 4.6, "bold", anchor="ma")
    d.y, d.margin = 48, 36
    d.kv(_car_pairs(c, d, plate=False) + _cust_pairs(c, phone=True)[:1] + [_date_pair(c, d, "首保日期", c.day),
                                                                          ("首保里程", f"{c.car.km if c.car else 0} km", None)],
         cols=1, ruled=False, row_h=8)
    d.margin = 16
    d.y = 124
    d.text(36, 112, d.t("经销商盖章："), 3.0)
    d.seal_at("round", c.site.company, "", 90, 110)
    return d


def parts_invoice(c: Ctx) -> Doc:
    d = _new(c, "parts_invoice", landscape=True)
    d.title = "湖北增值税普通发票"
    d.text(d.W / 2, d.y, d.title, 6.0, "serifb", anchor="ma", fill=(120, 60, 40))
    d.text(d.right, d.y, f"No {c.rng.randint(10000000, 99999999)}", 3.0, anchor="ra")
    d.y += 14
    parts = c.rng.sample(PARTS, 3)
    total = round(sum(p for _, p in parts) * 1.13, 2)
    d.kv([("开票日期", f"{c.day:%Y年%m月%d日}", None), ("购买方名称", c.cust.party, "company" if c.cust.company else "name"),
          ("销售方", c.site.company, None), ("工单号", c.visit or "", None)], cols=2)
    d.fields["date"] = c.day.isoformat()
    d.table(["货物或应税劳务名称", "数量", "金额", "税率"], [[n, "1", f"{p:.2f}", "13%"] for n, p in parts], [70, 15, 25, 15])
    d.fields["amount"] = f"{total:.2f}"
    d.text(d.margin, d.y, f"价税合计（大写）{yuan_upper(total)}    （小写）¥{total:.2f}", 3.2)
    d.y += 10
    d.seal_at("oval", c.site.company, "91" + c.site.region + "MA4K" + str(c.rng.randint(10000, 99999)), d.right - 45,
              d.y + 2)
    return d


def fault_report(c: Ctx) -> Doc:
    d = _new(c, "fault_report")
    _head(c, d, _title(c, "fault_report"), None)
    d.kv(_visit_pairs(c, d, "索赔单号") + _car_pairs(c, d, km=True) + [_date_pair(c, d, "报告日期", c.day)], cols=2)
    for lab, txt in (("故障现象", "客户反映冷车启动后发动机抖动，故障灯点亮。"),
                     ("检测过程", "读取故障码，检查点火线圈及喷油嘴，交换试验后故障转移。"),
                     ("故障原因", "点火线圈内部击穿，属质量担保范围。"), ("处理结果", "更换点火线圈，清除故障码，试车正常。")):
        d.text(d.margin, d.y, d.t(lab + "："), 3.1, "bold")
        d.y += 6
        d.para(txt)
    d.sign([("技术经理", "staff"), ("索赔员", "staff"), ("服务经理", "staff")], "chain")
    return d


# -- property papers -----------------------------------------------------------------------------------

def _unit_pairs(c: Ctx, d: Doc) -> list[tuple[str, str, str | None]]:
    return [("房号" if c.rng.random() < 0.5 else "单元号", c.unit or "", "unit")]


def move_in(c: Ctx) -> Doc:
    d = _new(c, "move_in")
    _head(c, d, _title(c, "move_in"), "move_in")
    d.kv(_unit_pairs(c, d) + _cust_pairs(c, landline=True, ident=True) + [_date_pair(c, d, "交接日期", c.day)], cols=2)
    d.table(["项目", "读数/数量", "备注"], [["电表读数", f"{c.rng.randint(0, 80)}", ""], ["水表读数", f"{c.rng.randint(0, 30)}", ""],
                                        ["燃气表读数", f"{c.rng.randint(0, 9)}", ""], ["入户门钥匙", f"{c.rng.randint(2, 4)}把", ""],
                                        ["门禁卡", f"{c.rng.randint(1, 3)}张", ""]], [40, 40, 50])
    d.para("业主已查验房屋，对上述表具读数及钥匙数量无异议，自交接之日起承担物业服务费。")
    d.sign([(_cust_label(c), "customer"), ("管理处经办人", "staff")], _sig_style(c))
    return d


def renovation(c: Ctx) -> Doc:
    d = _new(c, "renovation")
    _head(c, d, _title(c, "renovation"), "renovation")
    d.kv(_unit_pairs(c, d) + _cust_pairs(c) + [("施工单位", c.rng.choice(("武汉尚品装饰工程有限公司", "东易日盛家居装饰")), None),
                                               _date_pair(c, d, "申请日期", c.day)], cols=2)
    dep = c.rng.choice((2000.0, 3000.0, 5000.0))
    d.para(f"装修期限：自{fmt_date(c.site, c.day + timedelta(days=3))}起九十日。装修保证金{fmt_amount(c.site, dep)}，"
           "竣工验收合格且无违规后无息退还。")
    d.fields["amount"] = f"{dep:.2f}"
    d.ticks(["不拆改承重墙", "不改动外立面", "不占用公共通道", "按时清运垃圾"], cols=2, marks="√")
    slots = d.sign([("申请人（业主）", "customer"), ("施工负责人", "customer"), ("工程部审核", "staff"), ("客服部审批", "staff")],
                   c.rng.choice(("grid", "chain", "colon")))
    if c.rng.random() < 0.5:
        d.sheet.rubber_stamp(d.right - 45, 22, d.t("已审核"), c.rng)
    if c.rng.random() < 0.5:
        d.seal_over(slots[-1], "round", c.site.company, "客服专用章")
    return d


def correspondence(c: Ctx) -> Doc:
    d = _new(c, "correspondence")
    topic = c.rng.choice(("关于缴纳物业服务费的函", "关于消防设施检查的通知", "关于装修噪音投诉的回复函", "工作联系函",
                          "致业主的一封信", "整改通知书"))
    d.header(d.t(topic), d.t(f"{c.site.short}函〔{c.day.year}〕{c.rng.randint(3, 90)}号") if c.rng.random() < 0.7 else None)
    who = c.cust.company or (c.cust.name or "") + c.rng.choice(("先生", "女士"))
    d.put_field("company" if c.cust.company else "name", d.t(c.cust.company or c.cust.name or ""))
    d.text(d.margin, d.y, d.t(f"{c.unit} {who}："), 3.4)
    d.put_field("unit", c.unit)
    d.y += 8
    d.para("您好！感谢您一直以来对我司物业服务工作的支持与配合。" * 1)
    d.para("根据《物业服务合同》约定及管理处年度工作安排，现就相关事项函告如下，请您于收到本函之日起十五日内予以处理或回复。"
           "如有疑问，请致电管理处客服中心，我们将竭诚为您服务。")
    d.para("特此函告。", indent=True)
    d.y += 6
    d.text(d.right - 10, d.y, d.t(c.site.company), 3.2, anchor="ra")
    dd = cn_date(c.day) if c.rng.random() < 0.5 else fmt_date(c.site, c.day)
    d.text(d.right - 10, d.y + 7, d.t(dd), 3.2, anchor="ra")
    d.fields["date"] = c.day.isoformat()
    d.seal_at("round", c.site.company, "", d.right - 32, d.y + 2)
    if c.rng.random() < 0.35:  # the manager's square name seal to the left of the company's
        d.seal_at("square", person_name(c.rng), "", d.right - 80, d.y + 4)
    d.y += 18
    if "缴纳" in topic and c.rng.random() < 0.6:  # the months owed, up to the letter's month: may need a 2nd page
        first = c.day.year * 12 + c.day.month - 1 - c.rng.randint(6, 30)
        months = range(first, c.day.year * 12 + c.day.month - 1)
        rows = [[f"{m // 12}年{m % 12 + 1}月", "物业服务费",
                 f"{c.rng.randint(200, 900)}.00", c.rng.choice(("未缴", "未缴", "部分缴纳"))] for m in months]
        d.text(d.margin, d.y, d.t("附：欠费明细"), 3.2, "bold")
        d.y += 7
        d.table(["月份", "项目", "金额", "状态"], rows, [30, 40, 30, 30])
        d.numbered = True
    if c.rng.random() < 0.6:  # the receipt slip at the foot, cut off and returned by the tenant
        d.sheet.dashed(0, d.y, d.W, 2.0)
        d.text(d.W / 2, d.y + 1.5, d.t("回  执（沿虚线剪下）"), 2.8, anchor="ma")
        d.y += 9
        d.text(d.margin, d.y, d.t(f"本人/本单位已收到{topic}。"), 3.0)
        d.y += 4
        d.sign([("签收人", "customer")], "colon")
    return d


def application(c: Ctx) -> Doc:
    subject = c.rng.choice(list(SUBJECT_TITLES))
    d = _new(c, "application")
    _head(c, d, c.rng.choice(SUBJECT_TITLES[subject]), "application")
    d.fields["subject"] = subject
    d.kv(_unit_pairs(c, d) + _cust_pairs(c, landline=subject == "电话") + [_date_pair(c, d, "申请日期", c.day)], cols=2,
         hand=c.rng.random() < 0.5)
    body = {"房门锁": "因原门锁损坏，申请更换入户门锁一把，费用由本户承担。",
            "电话": "申请开通固定电话一部，请管理处协调运营商入户安装。",
            "车位": f"申请租用地下车位一个，车牌号{c.rng.choice(('鄂A', '鄂F'))}{c.rng.randint(10000, 99999)}，按月缴纳车位管理费。",
            "水牌": "申请在大堂水牌及楼层指示牌上增加/更改本单位名称。",
            "客户加班": "因工作需要，申请于非办公时间加班，期间请保留空调及电梯服务。"}[subject]
    d.para(body)
    if subject == "客户加班":
        d.kv([("加班时间", f"{c.rng.randint(18, 20)}:00 至 {c.rng.randint(21, 23)}:00", None),
              ("加班人数", str(c.rng.randint(2, 30)), None)], cols=2, ruled=False)
    two_up = c.rng.random() < 0.45
    slots = d.sign([(_cust_label(c), "customer"), ("客服专员", "staff"), ("管理处主任", "staff")],
                   c.rng.choice(("chain", "colon", "box")) if not two_up else "colon", company_seal_for=c.cust.company)
    if two_up and d.y < 130:  # A4 holding the application and its receipt: one paper with a cut line
        d.y = max(d.y + 4, 150.0)
        d.sheet.dashed(0, d.y, d.W, 2.5)
        d.text(d.W / 2, d.y + 1.5, d.t("- - 沿此线剪开 - -"), 2.8, anchor="ma")
        d.y += 10
        d.text(d.W / 2, d.y, d.t("回执联（业主留存）"), 4.4, "bold", anchor="ma")
        d.y += 9
        d.kv(_unit_pairs(c, d) + [("申请事项", subject, None), ("受理编号", str(c.rng.randint(1000, 9999)), None)], cols=3)
        d.sign([("受理人", "staff")], "colon", date_line=False)
    if slots and c.rng.random() < 0.4:
        d.seal_over(slots[-1], "round", c.site.company, "")
    return d


# -- photographs ---------------------------------------------------------------------------------------

BUILDERS: dict[str, Callable[[Ctx], Doc]] = {
    "customer_card": customer_card, "sales_contract": sales_contract, "delivery_checklist": delivery_checklist,
    "value_added_services": value_added_services, "pdi_checklist": pdi_checklist, "other_proof": other_proof,
    "purchase_invoice": purchase_invoice, "id_copy": id_copy, "vehicle_license": vehicle_license,
    "insurance_policy": insurance_policy, "conformity_certificate": conformity_certificate,
    "reception_sheet": reception_sheet, "work_order": work_order, "settlement": settlement,
    "free_inspection_12": free_inspection_12, "addon_sheet": addon_sheet, "road_test": road_test,
    "loss_assessment": loss_assessment, "tool_readings": tool_readings, "estimate": estimate,
    "first_service_card": first_service_card, "parts_invoice": parts_invoice, "fault_report": fault_report,
    "move_in": move_in, "renovation": renovation, "correspondence": correspondence, "application": application,
}
