"""After-sales forms of one workshop visit: reception, work order, settlement, the 12-point check and
the sheets some jobs add (add-on items, road test, loss assessment, tool readings, estimate, fault report)."""

from __future__ import annotations

from dossier.samples.family_c.kit import Ctx, Doc, pick_title
from dossier.samples.family_c.newcar import checks, start
from dossier.samples.family_c.sign import Party, row

JOB_WORDS = {"minor_repair": ("小修", "一般维修"), "first_service": ("首保", "首次保养"), "maintenance": ("保养", "定期保养"),
             "major_repair": ("大修", "总成大修"), "warranty_claim": ("索赔", "保修索赔")}
TITLES = {
    "reception_sheet": ("接车单", "车辆接待单", "维修接车登记单", "进厂车辆检查单", "接车问诊单", "环车检查单"),
    "work_order": ("任务委托书", "维修委托书", "维修工单", "车辆维修委托协议", "派工单（委托书）", "维修任务书"),
    "settlement": ("结算单", "维修结算单", "车辆维修费用结算清单", "出厂结算单", "维修费用明细单"),
    "free_inspection_12": ("12项免费检查表", "十二项免费安全检查表", "免费检测项目表（12项）", "车辆12项安全检查单"),
    "addon_sheet": ("增项单", "维修增项确认单", "追加维修项目单", "增加项目委托确认书"),
    "road_test": ("试车表", "路试记录单", "试车检验单", "维修后路试确认表"),
    "loss_assessment": ("定损单", "事故车辆定损单", "车辆损失确认书", "定损估价单"),
    "tool_readings": ("专用工具检查数据", "诊断仪检测报告", "专用检测设备数据记录", "故障诊断数据单"),
    "estimate": ("估算单", "维修估价单", "维修费用预估单", "维修报价单"),
    "fault_report": ("测试及故障报告", "故障诊断报告", "技术检测报告", "质量担保故障分析报告"),
}
ITEMS = {"maintenance": (("更换机油", 380), ("更换机油滤清器", 85), ("更换空气滤清器", 160), ("更换空调滤芯", 180), ("四轮换位", 100)),
         "first_service": (("首次保养-更换机油", 0), ("更换机油滤清器", 0), ("全车检查", 0)),
         "minor_repair": (("更换雨刮片", 160), ("更换刹车片（前）", 680), ("补胎", 50), ("更换灯泡", 60), ("蓄电池更换", 780)),
         "major_repair": (("发动机大修", 9800), ("变速箱总成更换", 16800), ("缸盖检修", 4200), ("正时链条更换", 3200)),
         "warranty_claim": (("更换水泵（索赔）", 0), ("更换前减震器（索赔）", 0), ("更换车窗升降器（索赔）", 0))}
CHECK_12 = ("轮胎气压及磨损", "制动液液位", "机油液位", "冷却液液位", "风窗洗涤液", "蓄电池状态", "灯光", "雨刮片", "喇叭",
            "安全带", "底盘有无渗漏", "制动片厚度")


def _head(ctx: Ctx, d: Doc, code: str, number_first: bool = True) -> None:
    v = ctx.visit
    assert v
    title = pick_title(ctx.site, code, TITLES[code])
    shown = number_first and ctx.rng.random() < 0.85
    number = f"{ctx.rng.choice(('工单号', '委托书号', ctx.look.number_word))}{ctx.look.colon or ' '}{d.shown('order_number', v.number)}" \
        if shown else None
    d.head(title, number=number)


def _car_rows(ctx: Ctx, d: Doc, with_vin: float = 0.8) -> list[tuple[str, str]]:
    car, v = ctx.car, ctx.visit
    assert car and v
    out = d.who("送修人" if ctx.rng.random() < 0.4 else "客户", "单位")
    if car.plate:
        out.append(("车牌号码", d.shown("plate", car.plate)))
    if ctx.rng.random() < with_vin:
        out.append(("VIN" if ctx.rng.random() < 0.4 else "车架号", d.shown("vin", car.vin)))
    out += [("车型", car.model), ("行驶里程", f"{v.mileage}km"), ("联系电话", d.mobile(ctx.cust.contact.mobile))]
    return out


def _job(ctx: Ctx, d: Doc) -> tuple[str, str]:
    v = ctx.visit
    assert v
    word = ctx.rng.choice(JOB_WORDS[v.job])
    d.fields["job_type"] = v.job
    return ("维修类别" if ctx.rng.random() < 0.5 else "作业类型", word)


def _advisor(ctx: Ctx) -> Party:
    v = ctx.visit
    assert v
    return Party("staff", ctx.rng.choice(("服务顾问", "接待员", "服务顾问", "前台接待")), v.advisor.writer)


def _tech(ctx: Ctx) -> Party:
    v = ctx.visit
    assert v
    return Party("staff", ctx.rng.choice(("维修技师", "技师", "主修人", "质检员", "检验员")), v.tech.writer)


def _owner(ctx: Ctx, verb: str | None = None) -> Party:
    return Party("customer", ctx.rng.choice(("客户", "车主", "送修人", "委托人", "顾客")), ctx.cust.contact.writer, verb=verb)


def reception_sheet(ctx: Ctx) -> Doc:
    d = start(ctx, "reception_sheet")
    rng = ctx.rng
    _head(ctx, d, "reception_sheet")
    d.flow.grid(_car_rows(ctx, d) + [("进厂时间", d.date()), ("油量", rng.choice(("1/4", "1/2", "3/4", "满")))], cols=2)
    d.flow.heading(rng.choice(("客户描述", "故障描述 / 客户需求", "问诊记录")))
    d.flow.value(d.flow.x0 + d.flow.u, d.flow.y + d.flow.u, rng.choice(("常规保养", "刹车有异响", "空调不凉", "仪表故障灯亮",
                                                                      "右前轮胎漏气", "发动机抖动")), d.flow.x1 - d.flow.x0)
    d.flow.space(2)
    checks(d, ("外观划痕", "贵重物品", "备胎", "随车工具", "车内饰"), ("序号", "环车检查", "状况", "备注"))
    d.flow.para("以上车辆状况经双方确认。车内贵重物品请客户自行保管，遗失本店概不负责。", indent=False, pt=d.flow.lk.body_pt * 0.9)
    row(d.flow, [_owner(ctx), _advisor(ctx)])
    return d


def work_order(ctx: Ctx) -> Doc:
    d = start(ctx, "work_order")
    rng, v = ctx.rng, ctx.visit
    assert v
    _head(ctx, d, "work_order")
    d.flow.grid(_car_rows(ctx, d) + [_job(ctx, d), ("送修日期", d.date()), ("预计交车", f"{v.day:%m-%d} 17:00")], cols=2)
    items = rng.sample(ITEMS[v.job], min(len(ITEMS[v.job]), rng.randint(2, 4)))
    d.flow.table(["序号", "维修项目", "工时费", "备注"], [[str(i + 1), n, f"{p * 0.4:.2f}", ""] for i, (n, p) in enumerate(items)], [0.8, 5, 1.5, 2])
    d.flow.para("委托须知：1.本委托书经客户签字后生效。2.维修过程中如需增加项目，须经客户同意。3.旧件如需带走请在接车时说明。",
                indent=False, pt=d.flow.lk.body_pt * 0.85)
    row(d.flow, [_owner(ctx), _advisor(ctx)])
    if rng.random() < 0.4:
        row(d.flow, [_tech(ctx)], shape="stack", dated=True)
    if rng.random() < 0.3:  # the terms printed overleaf, acknowledged by the customer there
        d.flow.new_page()
        d.flow.heading("委托维修条款")
        for t in ("一、客户应如实告知车辆状况及故障情况，因隐瞒造成的损失由客户承担。", "二、维修期间车辆由本店负责保管，因本店原因造成的损失由本店赔偿。",
                  "三、客户应在接到取车通知后三日内取车并结清费用，逾期按日收取停车费。", "四、更换的旧件除索赔件外，客户未在接车时声明带走的由本店处理。",
                  "五、维修质量保证期按国家有关规定执行，自竣工出厂之日起计算。"):
            d.flow.para(t, indent=False)
        row(d.flow, [Party("customer", rng.choice(("客户", "委托方", "委托人")), ctx.cust.contact.writer, verb=rng.choice(("签名", "签字", None)))],
            shape=rng.choice(("stack", "inline", "below")))
    return d


def settlement(ctx: Ctx) -> Doc:
    d = start(ctx, "settlement", "dot" if ctx.rng.random() < 0.3 else None)
    rng, v = ctx.rng, ctx.visit
    assert v
    _head(ctx, d, "settlement")
    d.flow.grid(_car_rows(ctx, d, with_vin=0.6) + [_job(ctx, d) if rng.random() < 0.6 else ("付款方式", rng.choice(("微信", "刷卡", "现金")))],
                cols=2 if d.flow.size[0] < d.flow.size[1] else 3)
    items = rng.sample(ITEMS[v.job], min(len(ITEMS[v.job]), rng.randint(2, 4)))
    rows, total = [], 0.0
    for i, (n, p) in enumerate(items):
        labour, parts = round(p * 0.4, 2), round(p * 0.6, 2)
        total += labour + parts
        rows.append([str(i + 1), n, f"{labour:.2f}", f"{parts:.2f}", f"{labour + parts:.2f}"])
    d.flow.table(["序号", "项目", "工时费", "材料费", "小计"], rows, [0.7, 4.5, 1.4, 1.4, 1.4])
    d.flow.grid([("应收合计", d.amount(total)), ("结算日期", d.date())], cols=2, ruled=False)
    row(d.flow, [_owner(ctx, verb=rng.choice(("签字", "确认签字", "签收", None))), Party("staff", rng.choice(("结算员", "收银员", "服务顾问")), v.advisor.writer)])
    if rng.random() < 0.5:
        f = d.flow
        d.seal("round", (f.x1 - (f.x1 - f.x0) * 0.25, f.y - 2 * f.u), middle=rng.choice(("结算专用章", "财务专用章", "")))
    return d


def free_inspection_12(ctx: Ctx) -> Doc:
    d = start(ctx, "free_inspection_12")
    _head(ctx, d, "free_inspection_12", number_first=ctx.rng.random() < 0.5)
    d.flow.grid(_car_rows(ctx, d, with_vin=0.4) + [("检查日期", d.date())], cols=2)
    checks(d, CHECK_12)
    d.flow.para(ctx.rng.choice(("上述检查结果已告知本人。", "检查结果客户已知晓，建议项目由客户决定是否维修。")), indent=False)
    row(d.flow, [_owner(ctx), _tech(ctx)])
    return d


def addon_sheet(ctx: Ctx) -> Doc:
    d = start(ctx, "addon_sheet", "a5" if ctx.rng.random() < 0.5 else None)
    rng, v = ctx.rng, ctx.visit
    assert v
    _head(ctx, d, "addon_sheet")
    d.flow.grid(_car_rows(ctx, d, with_vin=0.3)[:3] + [("日期", d.date())], cols=2)
    extra = rng.sample((("更换刹车油", 280.0), ("更换火花塞", 520.0), ("清洗节气门", 260.0), ("更换前刹车片", 680.0)), 2)
    d.flow.table(["追加项目", "费用（元）", "客户意见"], [[n, f"{p:.2f}", rng.choice(("同意", "同意", "暂不做"))] for n, p in extra], [4, 1.5, 1.5],
                 hand_cols=(2,))
    row(d.flow, [_owner(ctx, verb=rng.choice(("确认", "签字确认", None))), _advisor(ctx)])
    return d


def road_test(ctx: Ctx) -> Doc:
    d = start(ctx, "road_test")
    rng = ctx.rng
    _head(ctx, d, "road_test")
    d.flow.grid(_car_rows(ctx, d)[:4] + [("试车日期", d.date()), ("试车里程", f"{rng.randint(3, 15)}km")], cols=2)
    checks(d, ("起步加速", "换挡平顺性", "制动效果", "转向回正", "异响", "仪表报警", "空调工作"), ("序号", "试车项目", "结果", "说明"))
    parties = [Party("staff", rng.choice(("试车员", "试车人", "质检员")), ctx.site.staffer(rng).writer)]
    if rng.random() < 0.6:
        parties.append(_owner(ctx))
    row(d.flow, parties)
    return d


def loss_assessment(ctx: Ctx) -> Doc:
    d = start(ctx, "loss_assessment")
    rng = ctx.rng
    _head(ctx, d, "loss_assessment")
    d.flow.grid(_car_rows(ctx, d) + [("出险日期", d.date()), ("保险公司", rng.choice(("人保财险", "平安产险", "太平洋产险")))], cols=2)
    parts = rng.sample((("前保险杠", 1800.0), ("左前大灯", 2600.0), ("引擎盖钣金", 900.0), ("左前翼子板喷漆", 700.0), ("中网", 650.0)), 3)
    total = sum(p for _, p in parts)
    d.flow.table(["损失项目", "处理方式", "金额（元）"], [[n, rng.choice(("更换", "修复")), f"{p:.2f}"] for n, p in parts], [4, 1.5, 1.5])
    d.flow.grid([("定损金额合计", d.amount(total))], cols=1)
    row(d.flow, [Party("staff", rng.choice(("定损员", "查勘员")), ctx.site.staffer(rng).writer), _owner(ctx), _advisor(ctx)])
    return d


def tool_readings(ctx: Ctx) -> Doc:
    d = start(ctx, "tool_readings")
    rng = ctx.rng
    _head(ctx, d, "tool_readings", number_first=rng.random() < 0.6)
    d.flow.grid(_car_rows(ctx, d)[:4] + [("检测设备", rng.choice(("ODIS诊断仪", "ISTA诊断系统", "X-431 PAD", "GDS诊断仪"))), ("检测日期", d.date())], cols=2)
    codes = [f"P{rng.randint(0, 3)}{rng.randint(0, 999):03d}" for _ in range(rng.randint(1, 4))]
    d.flow.table(["故障码", "描述", "状态"], [[c, rng.choice(("传感器信号不可信", "电路断路", "数值超出范围", "偶发")), rng.choice(("当前", "历史"))]
                                          for c in codes], [1.5, 4, 1.5])
    d.flow.table(["数据流", "实测值", "标准值"], [["冷却液温度", f"{rng.randint(85, 98)}℃", "85-105℃"], ["蓄电池电压", f"{rng.uniform(12.1, 14.4):.1f}V", "12.0-14.8V"],
                                             ["怠速转速", f"{rng.randint(650, 820)}rpm", "650-850rpm"]], [3, 2, 2])
    row(d.flow, [_tech(ctx)], dated=True)
    return d


def estimate(ctx: Ctx) -> Doc:
    d = start(ctx, "estimate")
    rng, v = ctx.rng, ctx.visit
    assert v
    _head(ctx, d, "estimate")
    d.flow.grid(_car_rows(ctx, d) + [_job(ctx, d), ("估价日期", d.date())], cols=2)
    items = rng.sample(ITEMS["major_repair"] + ITEMS["minor_repair"], 3)
    total = sum(float(p) for _, p in items)
    d.flow.table(["项目", "预估费用（元）"], [[n, f"{float(p):.2f}"] for n, p in items], [5, 2])
    d.flow.grid([("预估总额", d.amount(total))], cols=1)
    d.flow.para("本估算仅供参考，实际费用以结算单为准；超出估算10%以上须重新征得客户同意。", indent=False)
    row(d.flow, [_owner(ctx, verb=rng.choice(("确认", "签字", None))), _advisor(ctx)])
    return d


def fault_report(ctx: Ctx) -> Doc:
    d = start(ctx, "fault_report", "a4")
    rng = ctx.rng
    _head(ctx, d, "fault_report")
    d.flow.grid(_car_rows(ctx, d) + [("报告日期", d.date())], cols=2)
    for h, t in (("一、故障现象", "客户反映车辆行驶中仪表报警，冷却液温度偏高，偶发性出现。"),
                 ("二、检测过程", "使用专用诊断设备读取故障码，检查冷却系统压力，拆检水泵发现叶轮损坏、轴承松旷。"),
                 ("三、故障原因", "水泵轴承早期磨损导致密封失效，属零件质量问题，符合厂家质量担保条件。"),
                 ("四、处理意见", "更换水泵总成及冷却液，旧件按索赔程序保留待厂家审核。")):
        d.flow.heading(h)
        d.flow.para(t)
    if rng.random() < 0.4:  # the sign-off on a page of its own
        d.flow.new_page()
    row(d.flow, [_tech(ctx), Party("staff", rng.choice(("技术经理", "索赔员", "车间主任")), ctx.site.staffer(rng).writer)])
    return d
