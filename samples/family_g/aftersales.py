"""After-sales papers of one workshop visit, each headed by the visit's work-order number."""

from __future__ import annotations

import random
from datetime import timedelta

from . import blocks
from .forms import CHECK12, JOB_BOXES, JOB_OF_BOX, LABOUR, PARTS, ROADTEST, Case, Doc, Form, _items
from .sites import capital

SPEC: dict[str, tuple[list[str], str]] = {
    "reception_sheet": (["接车单", "车辆进厂检查单", "接车问诊单", "维修接待单", "预检单"], "Vehicle Check-in Sheet"),
    "work_order": (["任务委托书", "维修委托书", "维修工单", "委托修理合同", "车辆维修委托单"], "Repair Order"),
    "settlement": (["结算单", "维修结算清单", "出厂结算单", "费用结算单"], "Invoice Statement"),
    "free_inspection_12": (["12项免费检查表", "十二项免费安全检查", "免费检测十二项", "12项安全检查单"], "12-Point Inspection"),
    "addon_sheet": (["增项单", "维修增项确认单", "追加项目通知单", "增加维修项目确认书"], "Additional Work Approval"),
    "road_test": (["试车单", "路试记录表", "试车检验表", "竣工试车记录"], "Road Test Record"),
    "loss_assessment": (["定损单", "车辆损失确认书", "事故车定损清单", "车辆定损报告"], "Loss Assessment"),
    "tool_readings": (["专用工具检查数据", "诊断仪检测报告", "电脑检测数据单", "专检工具读数记录"], "Diagnostic Report"),
    "estimate": (["估算单", "维修估价单", "维修费用预估单", "维修报价单"], "Repair Estimate"),
    "first_service_card": (["首保卡", "首次保养凭证", "免费首保服务卡", "首保登记卡"], "First Service Card"),
    "fault_report": (["测试及故障报告", "故障诊断报告", "技术故障分析报告", "质量故障报告"], "Technical Fault Report"),
}


def visit_paper(case: Case, code: str, rng: random.Random) -> Doc:
    small = code in ("first_service_card", "road_test", "addon_sheet") and rng.random() < 0.6
    size = (210, 148) if small else ((241, 140) if code == "settlement" and rng.random() < 0.4 else (210, 297))
    f = Form(case, code, rng, size=size)
    t, en = f.title(*SPEC[code])
    sh = f.sheet
    car = case.car
    assert car is not None and case.job is not None
    y = blocks.header(sh, f.site, t, en, f.number(), rng)
    cols = 3 if sh.w_mm > 200 and rng.random() < 0.5 else 2
    style = rng.randrange(3)
    if code == "tool_readings":
        return _printout(f, case, rng, t)
    km_label = f.pick(["进厂里程", "行驶里程(km)", "里程数", "公里数"])
    base: list[tuple[str, str] | None] = []
    if code != "first_service_card":
        base = [f.v_plate(), f.v_vin(), (km_label, f"{car.km}"), f.v_name()]
    if code in ("reception_sheet", "work_order"):
        base += [f.v_contact(), f.v_mobile(), (f.pick(["车型", "品牌/车型"]), car.model),
                 f.v_date(["进厂日期", "接车时间", "开单日期", "送修日期"]),
                 (f.pick(["服务顾问", "接待员", "SA"]), f.staff["advisor"])]
        if rng.random() < 0.5:
            base.append(f.v_job())
    elif code in ("settlement", "estimate", "loss_assessment"):
        base += [f.v_mobile() if rng.random() < 0.5 else None,
                 f.v_date(["结算日期", "出厂日期", "日期"] if code == "settlement" else ["日期", "估价日期", "定损日期"])]
        if code == "settlement" and rng.random() < 0.6:
            base.append(f.v_job())
    elif code == "first_service_card":
        base = [f.v_vin(), f.v_name(), f.v_mobile(), (f.pick(["购车日期", "交车日期"]), str(case.day - timedelta(days=rng.randint(60, 200)))),
                f.v_date(["首保日期", "保养日期"]), (km_label, f"{car.km}")]
    else:
        base += [f.v_date({"free_inspection_12": ["检查日期", "日期"], "road_test": ["试车日期", "日期"],
                           "addon_sheet": ["日期", "增项日期"], "fault_report": ["报告日期", "日期", "检测日期"]}[code])]
    y = blocks.kv_grid(sh, y, f.pairs(base), cols, style, rng, f.ink)
    if code in ("reception_sheet", "work_order") and "job_type" not in f.fields and rng.random() < 0.7:
        # the job printed as a row of tick boxes
        sh.text(14, y, f.out("维修类别："), 9.5, convert=False)
        x = 36.0
        for word in JOB_BOXES:
            sh.tickbox(x, y + 0.7, 3.2, JOB_OF_BOX[word] == case.job, rng, f.ink)
            sh.text(x + 4.5, y, word, 9.5)
            x += 20
        f.fields["job_type"] = case.job
        y += 8
    if code == "reception_sheet":
        sh.text(14, y, f.pick(["客户描述：", "故障描述/客户要求：", "Customer concern："]) + rng.choice(
            ["冷启动时发动机有异响", "做保养，检查刹车", "空调制冷效果差", "仪表故障灯亮", "右前轮胎异常磨损"]), 9.5)
        y += 8
        y = blocks.ticks(sh, y, ["贵重物品已取出", "备胎", "随车工具", "点烟器", "外观损伤已标注", "油量1/2以上"],
                         rng.randrange(3), rng, f.ink, cols=2)
        _car_sketch(f, 14, y, rng)
        y += 46
    elif code in ("work_order", "estimate", "settlement", "addon_sheet", "loss_assessment"):
        labour = _items(rng, LABOUR, 1, 4)
        parts = _items(rng, PARTS, 1 if code != "addon_sheet" else 0, 5)
        rows = [[str(k + 1), n, "工时", "1", f"{p:.2f}"] for k, (n, p) in enumerate(labour)]
        rows += [[str(len(rows) + k + 1), n, "配件", str(q), f"{p * q:.2f}"] for k, (n, p, q) in
                 enumerate((n, p, rng.randint(1, 2)) for n, p in parts)]
        total = sum(float(r[4]) for r in rows)
        if code == "settlement" and len(rows) > 4 and rng.random() < 0.5:
            rows = rows + [[str(len(rows) + 1), "废油处理费", "其他", "1", "20.00"]]
            total += 20
        head = [f.pick(["序号", "No."]), f.pick(["项目名称", "维修项目/配件", "作业内容"]), "类别", "数量", "金额"]
        y = blocks.table(sh, y + 1, head, rows, [10, 70, 18, 12, 22], f.ink, ruled=rng.random() < 0.75)
        if code != "work_order" or rng.random() < 0.5:
            lab, val = f.v_amount(total, ["合计", "应收金额", "总计", "预估金额合计", "实收金额"])
            sh.text(sh.w_mm - 14, y, f"{lab}：{val}", 10.5, "bold", anchor="r")
            if code in ("settlement", "estimate") and rng.random() < 0.4:  # and in capital numerals
                sh.text(14, y, f"{f.pick(['大写', '人民币（大写）', '金额大写'])}：{capital(total)}", 10)
            y += 8
        if code == "settlement" and rng.random() < 0.5:
            sh.text(14, y - 8, rng.choice(["付款方式：微信", "付款方式：刷卡", "付款方式：现金"]), 9)
    elif code == "free_inspection_12":
        tstyle = rng.randrange(3)
        y = blocks.ticks(sh, y + 2, CHECK12, tstyle, rng, f.ink, cols=rng.choice([1, 2]))
        if tstyle == 1:
            sh.text(14, y, f.out("检查结果说明：√ 正常　× 需维修　△ 建议观察"), 8.5, convert=False)
            y += 7
    elif code == "road_test":
        y = blocks.ticks(sh, y + 2, rng.sample(ROADTEST, rng.randint(6, 10)), rng.randrange(3), rng, f.ink, cols=2)
    elif code == "first_service_card":
        y = sh.wrap(14, y + 1, sh.w_mm - 28, "凭本卡在购车后6个月或行驶5000公里内（以先到者为准）可享受一次免费保养，工时及机油机滤免费。", 8.5)
    elif code == "fault_report":
        texts = [f"故障现象：{rng.choice(['行驶中发动机故障灯点亮，加速无力', '变速箱2挡升3挡冲击', '中控屏间歇性黑屏', '右前车窗升降器卡滞'])}。",
                 f"检测过程：连接诊断仪读取故障码{rng.choice(['P0301', 'P0700', 'U0100', 'B1318'])}，检查相关线束及插接器，测量电压正常。",
                 f"原因分析：{rng.choice(['点火线圈内部短路', '阀体电磁阀卡滞', '控制单元软件异常', '升降器电机损坏'])}，属质量担保范围。",
                 "处理措施：更换故障部件，清除故障码，路试确认故障排除。"]
        y, _ = blocks.clauses(sh, y + 2, texts, 9.5, rng.randrange(4))
    parties = _parties(f, code, rng)
    y = f.foot(y + 4, parties)
    if code in ("settlement", "work_order", "loss_assessment") and rng.random() < 0.7:
        sh = f.sheet
        sh.seal(sh.w_mm - 40 - rng.uniform(0, 30), min(sh.h_mm - 25, y - rng.uniform(5, 20)), "round", f.site.name,
                rng.choice(["结算专用章", "业务专用章", ""]), faint=rng.random() < 0.3, angle=rng.uniform(-30, 30))
    if code == "work_order" and rng.random() < 0.45:  # the terms printed on the back, agreed by a second signature
        back = f.new_sheet(continuation=True)
        terms = ["客户应如实告知车辆故障及维修历史，车内贵重物品请自行保管，遗失概不负责。",
                 "维修中发现需增加项目或费用超出估算10%以上的，承修方须征得客户同意并签署增项单后方可施工。",
                 "更换下的旧件客户如需带走，请在接车时声明；未声明的由承修方按规定处理。",
                 "车辆修竣后客户应在接到通知后3日内提车，逾期按每日50元收取停车保管费。",
                 "维修质量保证期按国家《机动车维修管理规定》执行，自出厂之日起计算。"]
        yb, _ = blocks.clauses(back, 20, terms, 9.5, rng.randrange(4))
        f.foot(yb + 6, [f.customer(["客户已阅读并同意上述条款", "委托方签字", "客户签名确认"])], with_date=rng.random() < 0.5)
    return f.finish(t)


def _parties(f: Form, code: str, rng: random.Random) -> list[blocks.Party]:
    cust = f.customer(["客户签字", "车主签名", "送修人签字", "委托人签字", "客户确认", "顾客签名"])
    if code in ("reception_sheet", "work_order", "estimate", "addon_sheet"):
        return [cust, f.staff_p(["服务顾问", "接车人", "承修方代表", "服务顾问签字"], "advisor")]
    if code == "settlement":
        out = [cust, f.staff_p(["服务顾问", "结算员", "收银员签字"], "cashier")]
        if rng.random() < 0.4:
            out.append(f.staff_p(["质检员", "终检签字"], "inspector"))
        return out
    if code in ("free_inspection_12", "road_test"):
        return [f.staff_p(["检查技师", "试车员", "技师签字", "质检员"], "tech"), cust]
    if code == "loss_assessment":
        return [cust, f.staff_p(["定损员", "理赔专员", "服务顾问"], "advisor")]
    if code == "first_service_card":
        return [cust, f.staff_p(["服务站签章", "经办人"], "advisor")]
    return [f.staff_p(["技术经理", "诊断技师", "报告人"], "tech"), f.staff_p(["服务经理", "审核"], "manager")]


def _car_sketch(f: Form, x: float, y: float, rng: random.Random) -> None:
    """The outline of a car seen from above, with a few damage marks circled by hand."""
    sh = f.sheet
    sh.text(x, y, f.out("外观检查（○划痕 △凹陷 ×破损）"), 8.5, convert=False)
    X0, Y0 = sh.px(x + 10), sh.px(y + 6)
    W, H = sh.px(70), sh.px(34)
    sh.draw.rounded_rectangle((X0, Y0, X0 + W, Y0 + H), radius=sh.px(10), outline=f.ink, width=max(1, sh.px(0.35)))
    sh.draw.rectangle((X0 + W * 0.3, Y0 + H * 0.15, X0 + W * 0.65, Y0 + H * 0.85), outline=f.ink, width=max(1, sh.px(0.25)))
    for _ in range(rng.randint(0, 3)):
        cx, cy = X0 + rng.uniform(0.05, 0.95) * W, Y0 + rng.uniform(0.05, 0.95) * H
        r = sh.px(2.5)
        sh.draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(25, 50, 150), width=max(2, sh.px(0.35)))
    sh.text(x + 90, y + 10, f.out("燃油量：") + rng.choice(["1/4", "1/2", "3/4", "满"]), 9, convert=False)


def _printout(f: Form, case: Case, rng: random.Random, title: str) -> Doc:
    """A diagnostic tester's printout: narrow, monospaced, on thermal paper."""
    f.sheets.clear()
    f.size = (80, 200)
    f.paper = (250, 250, 246)
    sh = f.new_sheet()
    car = case.car
    assert car is not None
    f.fields["vin"] = car.vin
    f.fields["date"] = case.day.isoformat()
    lines = [title, "-" * 26, f"VIN: {car.vin}", f"DATE: {case.day:%Y-%m-%d} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}",
             f"RO: {case.visit}", f"ODO: {car.km} km", "-" * 26]
    for _ in range(rng.randint(4, 8)):
        lines.append(rng.choice(["发动机转速", "冷却液温度", "进气压力", "蓄电池电压", "节气门开度", "长期燃油修正", "点火提前角"])
                     + f"  {rng.uniform(0, 900):.1f}")
    lines.append("-" * 26)
    lines.append("故障码: " + rng.choice(["无", "P0301 1缸失火", "P0420 三元催化效率低", "U0121 与ABS通讯丢失"]))
    y = 6.0
    for line in lines:
        sh.text(4, y, line, 7.5, "mono")
        y += 4.6
    sh.text(4, y + 3, f.out("检测技师："), 7.5, convert=False)
    sh.slot("staff", f.out("检测技师"), 20, y + 1, 74, y + 10, f.staff_p(["检测技师"], "tech")[2])
    sh.hline(20, 74, y + 10, 0.2)
    return f.finish(title)
