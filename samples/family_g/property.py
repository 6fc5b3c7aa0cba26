"""Property-office papers of one unit: move-in, fit-out, letters and application forms."""

from __future__ import annotations

import random
from datetime import timedelta

from . import blocks
from .forms import SUBJECTS, Case, Doc, Form


def _unit_pairs(f: Form, case: Case) -> list[tuple[str, str] | None]:
    assert case.unit is not None
    tenant = case.firm.name if case.firm else case.owner.name
    f.fields["company" if case.firm else "name"] = f.out(tenant)
    return [(f.pick(["房号", "单元号", "物业单元", "室号"]), case.unit),
            (f.pick(["租户名称", "业户名称", "客户", "承租单位"]) if case.firm else f.pick(["业主姓名", "住户", "业户"]), tenant)]


def move_in(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "move_in", rng)
    t, en = f.title(["入住交接单", "业户入住确认书", "入伙交楼验收表", "租户进驻登记表"], "Move-in Handover")
    sh = f.sheet
    y = blocks.header(sh, f.site, t, en, f.number(), rng)
    y = blocks.kv_grid(sh, y, f.pairs(_unit_pairs(f, case) + [f.v_contact(), f.v_mobile(),
                                                               f.v_date(["入住日期", "交付日期", "进驻日期"])]),
                       2, rng.randrange(3), rng, f.ink)
    rows = [["水表", f"{rng.randint(0, 300)}", "吨"], ["电表", f"{rng.randint(0, 2000)}", "度"], ["门禁卡", str(rng.randint(1, 6)), "张"],
            ["房门钥匙", str(rng.randint(2, 4)), "把"], ["空调遥控器", str(rng.randint(0, 3)), "个"]]
    y = blocks.table(sh, y + 2, [f.pick(["交接项目", "项目"]), f.pick(["读数/数量", "数量"]), "单位"], rows, [60, 40, 20], f.ink)
    y = blocks.ticks(sh, y, ["墙面无裂缝", "地面完好", "门窗开关正常", "水电通畅", "消防设施完好", "卫生间无渗漏"],
                     rng.randrange(3), rng, f.ink)
    y = sh.wrap(14, y, sh.w_mm - 28, "以上项目经双方现场确认无误，业户已领取《业户手册》及《装修管理规定》。", 9.5) + 3
    f.foot(y, [f.customer(["业户签字", "租户代表签字", "接收人签名", "业主确认"]),
               f.staff_p(["管理处经办人", "客服专员", "交付人"], "clerk")])
    return f.finish(t)


def renovation(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "renovation", rng)
    t, en = f.title(["二次装修申请表", "装修施工审批表", "室内装修申报单", "装修许可申请"], "Fit-out Application")
    sh = f.sheet
    y = blocks.header(sh, f.site, t, en, f.number(), rng)
    start = case.day + timedelta(days=rng.randint(3, 15))
    deposit = float(rng.choice([5000, 10000, 20000, 30000]))
    items = _unit_pairs(f, case) + [f.v_contact(), f.v_mobile(),
                                    ("施工单位", rng.choice(["宁波锦华装饰工程有限公司", "青岛美家装饰有限公司", "合肥立方建筑装饰公司"])),
                                    ("施工期", f"{start:%Y.%m.%d}-{start + timedelta(days=rng.randint(20, 60)):%Y.%m.%d}"),
                                    f.v_date(["申请日期", "申报日期"]), f.v_amount(deposit, ["装修押金", "装修保证金"])]
    y = blocks.kv_grid(sh, y, f.pairs(items), 2, rng.randrange(3), rng, f.ink)
    sh.text(14, y, f.out("装修内容："), 10, "bold", convert=False)
    y = blocks.ticks(sh, y + 6, ["墙面粉刷", "吊顶", "隔墙", "地面铺装", "强弱电改造", "空调移位", "给排水改动", "门头招牌"],
                     3, rng, f.ink, cols=4)
    texts = ["施工期间遵守大厦装修管理规定，不得改动主体结构及承重墙。", "动火作业须提前办理动火证，并配备灭火器材。",
             "装修垃圾须袋装并于指定时间清运。", "竣工后申请验收，验收合格后无息退还押金。"]
    y, rest = blocks.clauses(sh, y, texts, 9.5, rng.randrange(4), bottom=sh.h_mm - 60)
    if rest:
        f.new_sheet(continuation=True)
        y, _ = blocks.clauses(f.sheet, 18, rest, 9.5, 1)
    y = f.foot(y + 3, [f.customer(["申请人签字", "业户（盖章）", "装修负责人签名"]),
                       f.staff_p(["工程部审核", "管理处意见", "审批人"], "engineer")])
    if rng.random() < 0.5:  # the management office approves with its seal below the feet
        sh = f.sheet
        sh.text(sh.w_mm - 20, y + 4, "（管理处盖章）", 9.5, anchor="r")
        sh.seal(sh.w_mm - 45, min(sh.h_mm - 26, y + 8), "round", f.site.name, "", faint=rng.random() < 0.3,
                angle=rng.uniform(-20, 20))
    return f.finish(t)


def correspondence(case: Case, rng: random.Random) -> Doc:
    fax = rng.random() < 0.25  # sent by fax: the machine's header line on top, received black and white
    f = Form(case, "correspondence", rng, dpi=rng.choice([100, 200]) if fax else None)
    tenant = case.firm.name if case.firm else case.owner.name
    topic = rng.choice(["关于缴纳物业管理费的函", "关于空调系统检修的告知函", "工作联系函", "关于消防演练的通知函", "回函"])
    t = f.out(topic)
    sh = f.sheet
    y = blocks.header(sh, f.site, t, "Letter" if f.site.english else None,
                      f"{f.site.prefix}函〔{case.day.year}〕{rng.randint(1, 99)}号", rng)
    assert case.unit is not None
    f.fields["company" if case.firm else "name"] = f.out(tenant)
    sh.text(16, y + 4, f"{tenant}（{case.unit}）：", 11)
    body = {"关于缴纳物业管理费的函": f"贵司租用的{case.unit}单元物业管理费已逾期未缴，请于收函后七日内到管理处办理缴费手续。",
            "关于空调系统检修的告知函": "大厦中央空调系统定于本周六进行年度检修，届时暂停供冷，请提前做好安排。",
            "工作联系函": f"贵司{case.unit}单元装修已竣工，请联系工程部约定验收时间，并携带相关竣工资料。",
            "关于消防演练的通知函": "为提高大厦消防安全意识，管理处将组织全体租户开展消防疏散演练，请贵司安排人员参加。",
            "回函": "贵司来函收悉。经核实，贵司所反映的电梯运行噪声问题已安排维保单位检修完毕，特此回复。"}[topic]
    y = sh.wrap(16, y + 12, sh.w_mm - 32, body, 11, lead=1.8, indent=2)
    y = sh.wrap(16, y + 2, sh.w_mm - 32, "如有疑问，请致电客务部：" + f.site.phone + "。", 11, lead=1.8, indent=2)
    sh.text(24, y + 4, "特此函告。", 11)
    sh.text(sh.w_mm - 24, y + 26, f.site.name, 11, anchor="r")
    lab, val = f.v_date(["日期"])
    sh.text(sh.w_mm - 24, y + 34, val, 11, anchor="r")
    if rng.random() < 0.85:
        sh.seal(sh.w_mm - 24 - 25, y + 28, "round", f.site.name, "", faint=rng.random() < 0.3, angle=rng.uniform(-20, 20))
    if rng.random() < 0.4:  # the tenant's receipt foot
        f.foot(y + 50, [f.customer(["签收人", "收函单位签收", "租户签收"])])
    if fax:
        sh = f.sheets[0]
        sh.text(8, 3, f"{case.day:%d/%m/%Y} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}  FROM:{f.site.phone}"
                f"  TO:{case.owner.landline}  P.001/00{len(f.sheets)}", 7.5, "mono", convert=False)
    doc = f.finish(t)
    doc.fax = fax
    return doc


def application(case: Case, rng: random.Random) -> Doc:
    subject = rng.choice(list(SUBJECTS))
    f = Form(case, "application", rng, size=(210, 148) if rng.random() < 0.4 else (210, 297))
    t, en = f.title(SUBJECTS[subject], None)
    sh = f.sheet
    y = blocks.header(sh, f.site, t, en, f.number(), rng)
    f.fields["subject"] = subject
    items = _unit_pairs(f, case) + [f.v_contact(), f.v_mobile(), f.v_date(["申请日期", "日期"])]
    extra = {"房门锁": ("需求", rng.choice(["更换锁芯", "增配钥匙2把", "改装密码锁"])),
             "电话": ("开通线路", f"{rng.randint(1, 4)}门外线"),
             "车位": ("车牌号", (case.car.plate if case.car else "浙B" + str(rng.randint(10000, 99999)))),
             "水牌": ("水牌内容", (case.firm.name if case.firm else case.owner.name)),
             "客户加班": ("加班时间", f"{rng.randint(18, 20)}:00-{rng.randint(21, 23)}:00")}[subject]
    items.append(extra)
    small = sh.h_mm < 200
    y = blocks.kv_grid(sh, y, f.pairs(items), 2, rng.randrange(3), rng, f.ink)
    if not small:
        y = sh.wrap(14, y + 2, sh.w_mm - 28, "申请人承诺遵守大厦相关管理规定，所产生费用按收费标准结算。", 9.5) + 2
    f.foot(y + 2, [f.customer(["申请人签字", "租户签章", "申请单位（盖章）", "申请人"]),
                   f.staff_p(["客务部", "管理处审批", "受理人"], "clerk")], with_date=not small)
    return f.finish(t)
