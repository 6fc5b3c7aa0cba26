"""Templates of the after-sales file (售后档案): one workshop visit, tied together by its work-order number."""

from __future__ import annotations

from datetime import timedelta

from dossier.samples.content import FAULTS, PARTS, yuan_upper
from dossier.samples.ctx import Ctx
from dossier.samples.newcar import INVOICE_INK
from dossier.samples.render import INK, Sheet


def _visit_head(s: Sheet, c: Ctx, *, date_label: str, which: str = "in", job: bool = True, contact: bool = False) -> None:
    cf, v = c.car, c.visit
    assert cf and v
    c.header(s, cf.dealer.name)
    d = v.date_in if which == "in" else v.date_out
    s.line(f"工单号：{c.f('order_number', v.order_number)}", f"{date_label}：{c.date(d)}")
    rows = [[("车牌号", c.f("plate", cf.car.plate)), ("车型", cf.car.model)],
            [("车架号", c.f("vin", cf.car.vin)), ("进厂里程", f"{v.mileage} km")],
            [("客户姓名", c.customer()), ("联系电话", c.mobile(cf.owner.mobile))]]
    if contact:
        person = cf.owner.name if c.rng.random() < 0.7 else cf.owner.name[0] + c.rng.choice(("先生", "女士"))
        rows.append([("联系人", c.f("contact", person)), ("固定电话", c.phone(cf.owner.phone))])
    if job:
        rows.append([("维修类型", c.job_word()), ("服务顾问", v.advisor)])
    s.fields(rows, hand=c.hand)


def _items_rows(c: Ctx, extra: list[tuple[str, int, float]] | None = None) -> tuple[list[list[str]], list[list[str]]]:
    v = c.visit
    assert v
    items = [[str(i + 1), n, f"{max(p, 0) / 120 + 0.5:.1f}", f"{p:,.2f}", v.technician] for i, (n, p) in enumerate(v.items)]
    parts = [[str(i + 1), n, str(q), f"{p:,.2f}", f"{q * p:,.2f}"] for i, (n, q, p) in enumerate(v.parts + (extra or []))]
    return items, parts


def reception_sheet(s: Sheet, c: Ctx) -> None:
    _visit_head(s, c, date_label="接车日期", contact=True)
    v = c.visit
    assert v
    s.checks(["燃油/电量"], ["E", "1/4", "1/2", "3/4", "F"], [c.rng.randrange(5)], cols=1, number=False)
    s.fields([[("客户描述", v.complaint)]], hand=c.hand or c.rng.random() < 0.5, row_mm=14)
    s.checks(["车身划痕", "车身凹陷", "玻璃破损", "轮毂损伤", "贵重物品", "随车工具", "是否洗车", "旧件带走"],
             ["有", "无"], [c.rng.choice((1, 1, 1, 0)) for _ in range(8)], cols=2)
    s.para("服务顾问已与客户确认联系人及联系电话。车内贵重物品请客户自行保管，遗失概不负责。", kind="sans", indent=0,
           points=9.5)
    s.gap(3)
    c.signatures(s)


def work_order(s: Sheet, c: Ctx) -> None:
    _visit_head(s, c, date_label="进厂时间")
    v = c.visit
    assert v
    items, parts = _items_rows(c)
    s.table(["序号", "维修项目", "工时", "工时费", "技师"], items, [0.7, 3.5, 0.9, 1.3, 1.2], blank_rows=c.rng.randint(0, 2),
            align="cllrl")
    s.table(["序号", "配件名称", "数量", "单价", "金额"], parts, [0.7, 3.5, 0.9, 1.3, 1.3], align="clrrr")
    s.line(f"预估金额：{c.amount(v.total)}", f"预计交车：{v.date_out:%Y-%m-%d} {c.rng.randint(10, 18)}:00")
    s.para("本人委托贵公司对上述车辆进行维修，已了解维修项目及预估费用；维修中如需增加项目，贵公司应先征得本人同意。",
           kind="sans", indent=0, points=9.5)
    s.gap(3)
    c.signatures(s)


def settlement(s: Sheet, c: Ctx) -> None:
    _visit_head(s, c, date_label="结算日期", which="out")
    v = c.visit
    assert v
    extra: list[tuple[str, int, float]] = []
    if c.rng.random() < 0.25:  # a long parts list (consumables, small parts) runs onto a continuation page
        extra = [(f"{n}（辅料）", 1, round(p / 10, 2)) for n, p in c.rng.sample(PARTS, k=12)]
    items, parts = _items_rows(c, extra)
    material = v.material + sum(q * p for _, q, p in extra)
    total = v.labour + material
    s.table(["序号", "维修项目", "工时", "工时费", "技师"], items, [0.7, 3.5, 0.9, 1.3, 1.2], align="cllrl")
    s.table(["序号", "配件名称", "数量", "单价", "金额"], parts, [0.7, 3.5, 0.9, 1.3, 1.3], align="clrrr", row_mm=9)
    s.need(s.px(40))
    s.line(f"工时费合计：{v.labour:,.2f}", f"材料费合计：{material:,.2f}")
    s.line(f"合计（大写）：{yuan_upper(total)}", f"合计：{c.amount(total)}", points=11)
    s.line("优惠：0.00", f"应收：{total:,.2f}", points=11)
    s.gap(3)
    c.signatures(s)
    if c.rng.random() < 0.3:
        s.seal((s.x1 - s.px(50), s.y - s.px(30)), "round", c.car.dealer.name if c.car else "", "结算专用章")
    s.page_numbers()


def free_inspection_12(s: Sheet, c: Ctx) -> None:
    cf, v = c.car, c.visit
    assert cf and v
    c.header(s, cf.dealer.name)
    s.fields([[("工单号", c.f("order_number", v.order_number)), ("车牌号", c.f("plate", cf.car.plate))],
              [("车架号", c.f("vin", cf.car.vin)), ("里程", f"{v.mileage} km")],
              [("检查日期", c.date(v.date_in)), ("客户姓名", c.customer())]], hand=c.hand)
    items = ["雨刮片", "灯光", "轮胎（胎压/花纹）", "制动液", "蓄电池", "机油液位", "冷却液", "玻璃清洗液", "转向助力油",
             "刹车片厚度", "空调滤芯", "底盘及悬挂"]
    s.checks(items, ["正常", "异常", "建议更换"], [0 if c.rng.random() < 0.85 else c.rng.choice((1, 2)) for _ in items],
             cols=1, row_mm=9.5)
    s.fields([[("检查建议", c.rng.choice(("无", "建议下次保养时更换雨刮片", "左前轮胎压偏低，已补气", "刹车片剩余约4mm")))]],
             hand=True, row_mm=12)
    c.signatures(s)


def addon_sheet(s: Sheet, c: Ctx) -> None:
    _visit_head(s, c, date_label="日期", job=False)
    v = c.visit
    assert v
    extra = c.rng.sample([("更换刹车油", "含水量超标", 120, 98), ("更换蓄电池", "电压不足", 60, 780),
                          ("四轮定位", "方向跑偏", 200, 0), ("更换雨刮片", "刮水不净", 20, 168),
                          ("清洗节气门", "怠速不稳", 180, 45)], c.rng.randint(1, 3))
    rows = [[str(i + 1), n, why, f"{a:,.2f}", f"{b:,.2f}", f"{a + b:,.2f}"] for i, (n, why, a, b) in enumerate(extra)]
    s.table(["序号", "增加项目", "原因", "工时费", "材料费", "金额"], rows, [0.6, 2, 1.8, 1.1, 1.1, 1.1], align="cllrrr")
    total = float(sum(a + b for _, _, a, b in extra))
    s.line(f"追加金额合计：{c.amount(total)}", f"原预计交车：{v.date_out:%Y-%m-%d}")
    s.para("以上增加项目已向本人说明原因及费用，本人同意追加维修。", kind="sans", indent=0)
    s.gap(3)
    c.signatures(s)


def road_test(s: Sheet, c: Ctx) -> None:
    cf, v = c.car, c.visit
    assert cf and v
    c.header(s, cf.dealer.name)
    km = c.rng.randint(5, 15)
    s.fields([[("工单号", c.f("order_number", v.order_number)), ("车牌号", c.f("plate", cf.car.plate))],
              [("车架号", c.f("vin", cf.car.vin)), ("试车日期", c.date(v.date_out))],
              [("试车前里程", f"{v.mileage} km"), ("试车后里程", f"{v.mileage + km} km")],
              [("试车里程", f"{km} km"), ("试车路线", c.rng.choice(("市区道路", "厂区试车道", "高架及市区")))]], hand=c.hand)
    items = ["发动机启动", "怠速", "加速性能", "换挡平顺性", "制动性能", "转向性能", "行驶异响", "仪表指示", "空调系统"]
    s.checks(items, ["正常", "异常"], [0] * len(items), cols=1)
    s.fields([[("试车结果", c.rng.choice(("故障排除，试车合格", "合格", "正常，可交车")))]], hand=True, row_mm=12)
    c.signatures(s)


def loss_assessment(s: Sheet, c: Ctx) -> None:
    cf, v = c.car, c.visit
    assert cf and v
    c.header(s, cf.insurer)
    s.line(f"报案号：R{v.date_in:%Y%m%d}{c.rng.randint(10**6, 10**7 - 1)}", f"定损日期：{c.date(v.date_in)}")
    s.fields([[("被保险人", c.customer()), ("车牌号", c.f("plate", cf.car.plate))],
              [("车架号", c.f("vin", cf.car.vin)), ("厂牌型号", cf.car.model)],
              [("出险时间", f"{v.date_in - timedelta(days=c.rng.randint(0, 3)):%Y-%m-%d}"), ("修理厂", cf.dealer.name)]],
             points=9.5)
    parts = c.rng.sample([("前保险杠", "换", 300, 1850), ("左前大灯", "换", 150, 2680), ("左前翼子板", "修", 450, 0),
                          ("机盖", "修", 600, 0), ("中网", "换", 80, 760), ("右后视镜", "换", 60, 1120)], c.rng.randint(2, 5))
    rows = [[str(i + 1), n, how, f"{a:,.2f}", f"{b:,.2f}"] for i, (n, how, a, b) in enumerate(parts)]
    s.table(["序号", "定损项目", "换/修", "工时费", "配件费"], rows, [0.6, 3, 0.9, 1.3, 1.3], align="clcrr")
    total = float(sum(a + b for _, _, a, b in parts))
    s.line(f"定损金额合计（大写）：{yuan_upper(total)}", f"定损金额：{c.amount(total)}")
    s.gap(3)
    c.signatures(s)
    if c.rng.random() < 0.5:
        s.seal((s.x1 - s.px(45), s.y - s.px(20)), "round", cf.insurer, "理赔专用章")


def tool_readings(s: Sheet, c: Ctx) -> None:
    cf, v = c.car, c.visit
    assert cf and v
    s.title(c.title, points=16, kind="bold")
    tool = c.rng.choice(("ODIS 诊断系统 V9.1", "ISTA 诊断系统 4.39", "XENTRY Diagnosis", "GDS2 诊断仪", "元征 X-431"))
    for line in (f"诊断设备：{tool}", f"车辆识别号：{c.f('vin', cf.car.vin)}", f"工单号：{c.f('order_number', v.order_number)}",
                 f"里程：{v.mileage} km", f"检测时间：{c.date(v.date_in)} {c.rng.randint(8, 17):02d}:{c.rng.randint(0, 59):02d}"):
        s.text(s.x0, s.y, line, kind="mono", points=10)
        s.gap(6)
    s.gap(2)
    faults = c.rng.sample(FAULTS, c.rng.randint(1, 3))
    s.table(["故障码", "描述", "状态"], [[code, desc, c.rng.choice(("当前", "历史"))] for code, desc in faults], [1, 4, 1],
            points=9.5)
    params = [("发动机转速", "rpm", 650, 900), ("冷却液温度", "°C", 80, 105), ("进气温度", "°C", 20, 45),
              ("蓄电池电压", "V", 12.2, 14.6), ("节气门开度", "%", 2, 6), ("长期燃油修正", "%", -8, 8),
              ("短期燃油修正", "%", -5, 5), ("进气歧管压力", "kPa", 28, 40), ("点火提前角", "°", 4, 15),
              ("氧传感器电压", "V", 0.1, 0.9), ("车速", "km/h", 0, 0), ("机油温度", "°C", 80, 110)]
    rows = []
    for _ in range(c.rng.randint(1, 3)):
        for name, unit, lo, hi in params:
            val = c.rng.uniform(lo, hi) if c.rng.random() < 0.9 else hi * 1.2
            rows.append([name, f"{val:.1f}", unit, f"{lo}~{hi}"])
    s.table(["数据流参数", "数值", "单位", "参考范围"], rows, [3, 1.2, 1, 1.6], points=9, row_mm=7, align="lrll")
    s.page_numbers()


def estimate(s: Sheet, c: Ctx) -> None:
    _visit_head(s, c, date_label="估算日期")
    v = c.visit
    assert v
    items, parts = _items_rows(c)
    s.table(["序号", "维修项目", "工时", "工时费", "技师"], items, [0.7, 3.5, 0.9, 1.3, 1.2], align="cllrl")
    s.table(["序号", "配件名称", "数量", "单价", "金额"], parts, [0.7, 3.5, 0.9, 1.3, 1.3], align="clrrr")
    s.line(f"预计费用合计：{c.amount(v.total)}", f"预计完工：{v.date_out:%Y-%m-%d}")
    s.para("本估算仅供参考，实际费用以结算单为准；如拆检后发现其他故障，将另行告知并征得客户同意。", kind="sans", indent=0)
    s.gap(3)
    c.signatures(s)


def first_service_card(s: Sheet, c: Ctx) -> None:
    cf, v = c.car, c.visit
    assert cf and v
    small = s.h < s.w
    top = s.y + s.px(2 if small else 10)
    s.y = top + s.px(4)
    s.text(s.w // 2, s.y, cf.car.make.brand, kind="bold", points=13, anchor="mt")
    s.gap(7)
    s.title(c.title, points=18 if small else 20)
    s.x0 += s.px(6)
    s.x1 -= s.px(6)
    s.fields([[("车主姓名", c.customer()), ("联系电话", c.mobile(cf.owner.mobile))],
              [("车架号", c.f("vin", cf.car.vin)), ("车牌号", c.f("plate", cf.car.plate))],
              [("购车日期", f"{cf.delivered:%Y-%m-%d}"), ("首保日期", c.date(v.date_in))],
              [("首保里程", f"{v.mileage} km"), ("工单号", c.f("order_number", v.order_number))],
              [("经销商", cf.dealer.name)]], hand=c.hand, ruled=c.rng.random() < 0.5, row_mm=8.5 if small else 9.5)
    s.x0 -= s.px(6)
    s.x1 += s.px(6)
    s.draw.rounded_rectangle((s.x0, top, s.x1, s.y + s.px(2)), radius=s.px(5), outline=(40, 80, 150), width=s.px(0.8))
    if c.rng.random() < 0.6:
        s.seal((s.x1 - s.px(40), s.y - s.px(15)), "round", cf.dealer.name, "售后服务专用章")


def parts_invoice(s: Sheet, c: Ctx) -> None:
    cf, v = c.car, c.visit
    assert cf and v
    d = cf.dealer
    s.line_colour = INVOICE_INK
    code, number = f"0{d.city.area_code[-2:]}00{c.rng.randint(10**7, 10**8 - 1)}"[:12], f"{c.rng.randint(0, 10**8 - 1):08d}"
    s.gap(4)
    s.title(c.title, points=19, kind="serif")
    s.line(f"发票代码：{c.f('invoice_code', code)}", f"发票号码：{c.f('invoice_number', number)}")
    s.line(f"校验码：{c.rng.randint(10**19, 10**20 - 1)}", f"开票日期：{c.date(v.date_out)}")
    s.fields([[("购买方名称", c.customer()), ("纳税人识别号", cf.company_id or "")],
              [("地址、电话", cf.owner.address[:16])]], points=9.5)
    parts = v.parts if any(p for _, _, p in v.parts) else [(n, q, p) for n, q, p in
                                                            ((n, q, dict(PARTS)[n]) for n, q, _ in v.parts)]
    rows = []
    net_total = tax_total = 0.0
    for n, q, p in parts:
        net = round(q * p / 1.13, 2)
        tax = round(q * p - net, 2)
        net_total, tax_total = net_total + net, tax_total + tax
        rows.append([f"*汽车零配件*{n}", "", "个", str(q), f"{p / 1.13:.2f}", f"{net:,.2f}", "13%", f"{tax:,.2f}"])
    s.table(["货物或应税劳务名称", "规格型号", "单位", "数量", "单价", "金额", "税率", "税额"], rows,
            [3, 1, 0.6, 0.6, 1.1, 1.2, 0.7, 1.1], points=8.5, blank_rows=max(0, 4 - len(rows)), align="lllrrrcr")
    total = net_total + tax_total
    s.fields([[("价税合计（大写）", yuan_upper(total)), ("（小写）", c.amount(total))],
              [("销售方名称", c.f("dealer", d.name)), ("纳税人识别号", d.tax_id)],
              [("地址、电话", f"{d.address} {d.phone}")],
              [("备注", f"工单号：{c.f('order_number', v.order_number)} 车架号：{c.f('vin', cf.car.vin)}")]], points=9.5)
    s.line(f"收款人：{c.rng.choice(d.advisors)}", f"开票人：{c.rng.choice(d.advisors)}    销售方：（章）")
    s.seal((s.x1 - s.px(35), s.y - s.px(10)), "oval", d.name, d.tax_id)
    s.line_colour = INK


def damage_photo(s: Sheet, c: Ctx) -> None:
    cf, v = c.car, c.visit
    assert cf and v
    c.header(s, cf.dealer.name)
    s.line(f"工单号：{c.f('order_number', v.order_number)}", f"车牌号：{c.f('plate', cf.car.plate)}")
    s.line(f"车架号：{c.f('vin', cf.car.vin)}", f"拍摄日期：{c.date(v.date_in)}")
    part = v.parts[0][0] if v.parts else "损坏零件"
    for i in range(c.rng.randint(1, 2)):
        top = s.y
        s.photo("part", 70, width_frac=0.48)
        s.y = top
        s.photo("car", 70, width_frac=0.48, x_frac=0.52)
        s.line(f"图{2 * i + 1} 损坏零件：{part}", f"图{2 * i + 2} 车辆全貌")
        s.gap(3)


def fault_report(s: Sheet, c: Ctx) -> None:
    cf, v = c.car, c.visit
    assert cf and v
    c.header(s, cf.dealer.name)
    s.fields([[("工单号", c.f("order_number", v.order_number)), ("报告日期", c.date(v.date_in + timedelta(days=1)))],
              [("车牌号", c.f("plate", cf.car.plate)), ("车型", cf.car.model)],
              [("车架号", c.f("vin", cf.car.vin)), ("里程", f"{v.mileage} km")]])
    code, desc = c.rng.choice(FAULTS)
    part = v.parts[0][0] if v.parts else "相关部件"
    for head, body in (("故障现象", f"客户反映{v.complaint}，进厂检查确认故障存在。"),
                       ("测试过程", f"使用诊断仪读取故障码{code}（{desc}），查看相关数据流，并进行路试及部件测试。"),
                       ("故障原因", f"经检测确认{part}内部损坏，导致上述故障。"),
                       ("处理措施", f"更换{part}，清除故障码后路试，故障排除。"),
                       ("结论", "属于质量保修范围，申请索赔。")):
        s.para(f"{head}：", kind="bold", indent=0)
        s.para(body, kind="sans")
    s.gap(4)
    c.signatures(s)


FORMS = {
    "reception_sheet": reception_sheet, "work_order": work_order, "settlement": settlement,
    "free_inspection_12": free_inspection_12, "addon_sheet": addon_sheet, "road_test": road_test,
    "loss_assessment": loss_assessment, "tool_readings": tool_readings, "estimate": estimate,
    "first_service_card": first_service_card, "parts_invoice": parts_invoice, "damage_photo": damage_photo,
    "fault_report": fault_report,
}
