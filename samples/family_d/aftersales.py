"""The forms of one workshop visit: reception, work order, settlement, 12-point check and the extras."""

from __future__ import annotations

from datetime import timedelta

from . import blocks
from .doc import JOBS, Doc
from .signing import CUSTOMER_CAR, STAFF_ADVISOR, STAFF_SERVICE, Party

LABOUR = {"maintenance": (("更换机油及机油滤清器", 180.0), ("更换空气滤清器", 60.0), ("常规保养检查", 120.0)),
          "first_service": (("首次保养（免工时）", 0.0), ("更换机油机滤", 0.0), ("全车检查", 0.0)),
          "minor_repair": (("更换前雨刮片", 30.0), ("检修右后车窗升降", 150.0), ("补胎", 50.0)),
          "major_repair": (("发动机大修", 3200.0), ("更换变速箱总成", 1800.0), ("缸盖拆检", 900.0)),
          "warranty_claim": (("更换水泵（索赔）", 0.0), ("更换左前大灯总成（索赔）", 0.0), ("电脑诊断", 0.0))}
PARTS = (("机油 5W-30", 4, 78.0), ("机油滤清器", 1, 45.0), ("空气滤清器", 1, 88.0), ("刹车片（前）", 1, 560.0),
         ("火花塞", 4, 65.0), ("雨刮片", 2, 95.0), ("防冻液", 2, 55.0), ("水泵总成", 1, 980.0))


def _head(d: Doc, order_label: str = "工单号") -> None:
    sh, rng = d.sheet(), d.rng
    d.title = blocks.header(sh, d.site.company, d.site.title(d.code or "", rng), style=d.site.header,
                            form_no=f"{d.site.form_prefix}-SH-{rng.randint(1, 30):02d}" if rng.random() < 0.6 else None,
                            doc_no=None)
    if d.visit and rng.random() < 0.85:
        b = sh.text(sh.right, sh.y, sh.s(order_label) + "：" + d.visit, 10, anchor="ra")
        d.fields.setdefault("order_number", d.visit)
        sh.y = max(sh.y, b[3] + sh.mm(2))


def _vehicle(d: Doc, extra: list[tuple[str, str]] | None = None, cols: int = 2) -> None:
    assert d.car is not None and d.cust is not None
    rng = d.rng
    pairs = [*d.who_kv("车主" if rng.random() < 0.5 else "客户名称"), d.mobile_kv(rng.choice(("联系电话", "手机"))),
             d.kv("车牌号", "plate", d.car.plate or "", d.car.plate), d.kv("车架号", "vin", d.car.vin),
             ("车型", f"{d.car.brand} {d.car.model}"), ("行驶里程", f"{d.car.km}km")]
    pairs += extra or []
    if d.pages[-1].h < d.pages[-1].w:  # a half sheet across: three pairs a row
        cols = 3
    (blocks.grid if d.site.grid else blocks.lined)(d.pages[-1], pairs, cols=cols, hand=rng.random() < 0.4)


def _us(d: Doc, slot: str = "") -> Party:
    """The advisor's field on the forms the advisor hands the customer."""
    pool = STAFF_ADVISOR if d.code in ("reception_sheet", "work_order", "addon_sheet", "estimate") else STAFF_SERVICE
    return d.party("staff", pool, slot)


def reception_sheet(d: Doc) -> None:
    rng = d.rng
    _head(d, "接车单号" if rng.random() < 0.3 else "工单号")
    _vehicle(d, [d.date_kv("进厂日期", d.when), ("服务顾问", d.staff_name)])
    sh = d.pages[-1]
    blocks.heading(sh, "客户描述 / 维修需求")
    sh.hand(sh.left + sh.mm(4), sh.y, sh.s(rng.choice(("按时保养，检查刹车异响", "空调不凉", "仪表发动机故障灯亮",
                                                        "右前轮胎漏气", "做保养，顺便洗车"))), 11)
    sh.y += sh.px(22)
    blocks.heading(sh, "环车检查（外观、内饰、油量、随车物品）")
    if sh.h < sh.w:  # no room for the car's outline on a half sheet
        blocks.ticks(sh, ["油量 1/2", "贵重物品已取走", "外观无损伤", "随车工具", "备胎", "脚垫"], 3, ["√", "√", "无"])
        d.sign([d.party("customer", CUSTOMER_CAR), _us(d)])
        return
    x0, y0 = sh.left + sh.mm(5), sh.y
    w, h = sh.mm(70), sh.mm(32)
    sh.d.rounded_rectangle((x0, y0, x0 + w, y0 + h), radius=sh.mm(8), outline=(24, 24, 30), width=2)
    for k in range(2):
        cx = x0 + w * (0.25 + 0.5 * k)
        sh.d.ellipse((cx - sh.mm(5), y0 + h - sh.mm(5), cx + sh.mm(5), y0 + h + sh.mm(5)), outline=(24, 24, 30), width=2)
    sh.hand(x0 + w * rng.uniform(0.2, 0.8), y0 + h * 0.3, "×", 14)
    sh.y = y0 + h + sh.mm(8)
    blocks.ticks(sh, ["油量 1/2", "贵重物品已取走", "备胎", "随车工具", "点烟器", "脚垫"], 3, ["√", "√", "无"])
    blocks.para(sh, "联系人及联系电话已与客户当面核实。车内贵重物品请客户自行保管，如有遗失本店不承担责任。", 9)
    d.sign([d.party("customer", CUSTOMER_CAR), _us(d)])


def work_order(d: Doc) -> None:
    rng = d.rng
    _head(d, rng.choice(("委托书号", "工单号", "单号")))
    assert d.car is not None
    _vehicle(d, [d.job_kv(rng.choice(("维修类别", "作业类型", "服务类型"))), d.date_kv("进厂时间", d.when),
                 ("预计交车", d.site.date(d.when + timedelta(days=rng.choice((0, 0, 1, 3)))))])
    sh = d.pages[-1]
    job = d.job or "maintenance"
    rows = [[str(i + 1), n, f"{p:.2f}"] for i, (n, p) in enumerate(LABOUR[job])]
    blocks.table(sh, ["序号", "维修项目", "工时费(元)"], rows, [1, 6, 2])
    if rng.random() < 0.4:  # the parts list runs onto a second page, signed there
        sh = d.sheet()
        sh.y += sh.mm(6)
    parts = rng.sample(PARTS, 3)
    blocks.table(sh, ["配件名称", "数量", "单价(元)"], [[n, str(q), f"{p:.2f}"] for n, q, p in parts], [5, 1, 2])
    blocks.para(sh, "本人委托贵厂按上述项目维修车辆，增加项目须经本人同意。车辆修竣后三日内未提车的，按规定收取停车费。", 9.5)
    d.sign([d.party("customer", CUSTOMER_CAR + ("委托方",)), _us(d)])


def settlement(d: Doc) -> None:
    rng = d.rng
    _head(d, rng.choice(("工单号", "委托书号")))
    assert d.car is not None
    _vehicle(d, [d.date_kv("结算日期", d.when + timedelta(days=rng.choice((0, 0, 1)))),
                 ("进厂日期", d.site.date(d.when))])
    sh = d.pages[-1]
    job = d.job or "maintenance"
    labour = LABOUR[job]
    half = sh.h < sh.w
    parts = rng.sample(PARTS, 2 if half else rng.randint(2, 4))
    rows = [["工时", n, "1", f"{p:.2f}"] for n, p in labour] + [["材料", n, str(q), f"{q * p:.2f}"] for n, q, p in parts]
    total = sum(p for _, p in labour) + sum(q * p for _, q, p in parts)
    if job in ("first_service", "warranty_claim"):
        total = sum(q * p for _, q, p in parts) if job == "first_service" and rng.random() < 0.5 else 0.0
    blocks.table(sh, ["类别", "项目/配件", "数量", "金额"], rows, [1, 5, 1, 2], pt=8.5 if half else 9.5)
    pairs = [d.amount_kv("应收合计", total), ("付款方式", rng.choice(("微信", "刷卡", "现金", "索赔结算")))]
    (blocks.grid if d.site.grid else blocks.lined)(sh, pairs, cols=2, hand=False)
    if not half:
        blocks.para(sh, "车辆已修竣并经检验合格，客户已验收。本结算单经客户签字后生效。", 9.5)
    d.sign([d.party("customer", CUSTOMER_CAR, word=rng.choice(("签字", "确认", "签认"))),
            d.party("staff", ("结算员", "收银员", "服务顾问"))])
    d.seal("round", d.site.company, rng.choice(("结算专用章", "财务专用章", "售后服务专用章")))
    if rng.random() < 0.25:  # the cashier's own name seal beside the company's
        staff = [s for s in d.pages[-1].slots if s.role == "staff"]
        if staff:
            b = staff[-1].box
            d.seal("square", d.staff_name, near=(b[0] + (b[2] - b[0]) // 4, (b[1] + b[3]) // 2))


FREE_12 = ("轮胎气压及花纹深度", "制动液液位", "机油液位及油质", "冷却液液位", "玻璃清洗液", "灯光及转向信号",
           "雨刮器工作状况", "蓄电池状态", "制动片厚度", "底盘管路渗漏", "空调滤芯", "喇叭及仪表指示")


def free_inspection_12(d: Doc) -> None:
    rng = d.rng
    _head(d)
    assert d.car is not None
    _vehicle(d, [d.date_kv("检查日期", d.when)], cols=2)
    sh = d.pages[-1]
    if d.site.grid and sh.h > sh.w:  # this site's sheet has a column per result
        blocks.tick_table(sh, list(FREE_12), rng.choice((["正常", "需关注", "已处理"], ["良好", "建议维修", "立即维修"])), 9)
    else:
        blocks.ticks(sh, list(FREE_12), rng.choice((1, 2, 2, 3)), ["√", "√", "√", "√", "需关注", "√", "×"])
    blocks.lined(sh, [("检查建议", rng.choice(("建议下次保养更换刹车片", "轮胎磨损接近极限，建议更换", "无")))], cols=1)
    d.sign([d.party("customer", CUSTOMER_CAR), d.party("staff", ("检验员", "维修技师", "检查技师"))])


def addon_sheet(d: Doc) -> None:
    rng = d.rng
    _head(d)
    _vehicle(d, [d.date_kv("日期", d.when)])
    sh = d.pages[-1]
    items = rng.sample(PARTS, 2)
    total = sum(q * p for _, q, p in items)
    blocks.table(sh, ["增加项目", "数量", "费用(元)"], [[n, str(q), f"{q * p:.2f}"] for n, q, p in items], [5, 1, 2])
    blocks.lined(sh, [d.amount_kv("增项金额", total)], cols=2, hand=True)
    blocks.para(sh, "维修中发现上述项目需增加作业，经服务顾问说明后，本人同意增加以上项目及费用。", 10)
    d.sign([d.party("customer", CUSTOMER_CAR, word="确认"), _us(d)])


def road_test(d: Doc) -> None:
    rng = d.rng
    _head(d)
    _vehicle(d, [d.date_kv("试车日期", d.when + timedelta(days=rng.choice((0, 1))))])
    sh = d.pages[-1]
    blocks.ticks(sh, ["起步", "加速", "换挡", "制动", "转向", "怠速", "异响", "仪表指示"], 2, ["正常", "正常", "正常", "异常"])
    blocks.lined(sh, [("试车里程", f"{rng.randint(3, 15)}km"), ("试车结论", rng.choice(("合格", "故障已排除")))], cols=2)
    d.sign([d.party("staff", ("试车员", "检验员", "技术总监")), d.party("customer", CUSTOMER_CAR, "2")])


def loss_assessment(d: Doc) -> None:
    rng = d.rng
    _head(d)
    _vehicle(d, [("保险公司", rng.choice(("中盛财险", "安泰保险", "华联财险"))), d.date_kv("出险日期", d.when - timedelta(days=2))])
    sh = d.pages[-1]
    items = [("前保险杠", "更换", 1850.0), ("左前叶子板", "钣喷", 900.0), ("左前大灯", "更换", 2400.0), ("中网", "更换", 650.0)]
    chosen = rng.sample(items, 3)
    total = sum(p for _, _, p in chosen)
    blocks.table(sh, ["损失项目", "处理方式", "金额(元)"], [[a, b, f"{p:.2f}"] for a, b, p in chosen], [4, 2, 2])
    blocks.lined(sh, [d.amount_kv("定损金额合计", total), ("定损员", "周" + rng.choice("明亮杰"))], cols=2, hand=True)
    d.sign([d.party("customer", ("车主", "被保险人", "客户")), _us(d)])


def tool_readings(d: Doc) -> None:
    rng = d.rng
    _head(d)
    _vehicle(d, [("诊断设备", rng.choice(("ODIS 诊断仪", "GDS2", "X-431 PRO"))), d.date_kv("检测时间", d.when)])
    sh = d.pages[-1]
    codes = [["P0301", "1缸失火", "偶发"], ["P0171", "系统过稀", "当前"], ["U0100", "与ECM通讯丢失", "历史"],
             ["B1318", "蓄电池电压低", "历史"]]
    blocks.table(sh, ["故障码", "描述", "状态"], rng.sample(codes, rng.randint(1, 3)), [2, 5, 2])
    blocks.table(sh, ["数据流", "测量值", "标准值"], [["发动机转速", f"{rng.randint(680, 820)} rpm", "650-850"],
                                                    ["冷却液温度", f"{rng.randint(85, 98)} ℃", "80-105"],
                                                    ["蓄电池电压", f"{rng.uniform(12.1, 14.2):.1f} V", "12.0-14.8"]], [4, 3, 3])
    d.sign([d.party("staff", ("诊断技师", "维修技师", "技术经理"))])


def estimate(d: Doc) -> None:
    rng = d.rng
    _head(d)
    _vehicle(d, [d.date_kv("报价日期", d.when)])
    sh = d.pages[-1]
    job = d.job or "major_repair"
    items = [(n, p or 300.0) for n, p in LABOUR[job]] + [(n, q * p) for n, q, p in rng.sample(PARTS, 2)]
    total = sum(p for _, p in items)
    blocks.table(sh, ["项目", "预估金额(元)"], [[n, f"{p:.2f}"] for n, p in items], [6, 2], pt=8.5 if sh.h < sh.w else 9.5)
    blocks.lined(sh, [d.amount_kv("预估总额", total)], cols=2, hand=False)
    if sh.h > sh.w:
        blocks.para(sh, "以上金额为预估，实际费用以结算单为准；超出预估10%以上的，须另行征得客户同意。", 9.5)
    d.sign([d.party("customer", CUSTOMER_CAR, word="确认"), _us(d)])


def first_service_card(d: Doc) -> None:
    sh, rng = d.sheet(), d.rng
    assert d.car is not None and d.cust is not None
    # A card photocopied onto A4: the card outline in the upper half.
    x0, y0 = sh.left + sh.mm(10), sh.mm(30)
    x1, y1 = x0 + sh.mm(125), y0 + sh.mm(85)
    sh.rect((x0, y0, x1, y1), 2)
    d.title = sh.s(d.site.title(d.code or "", rng))
    sh.text((x0 + x1) / 2, y0 + sh.mm(4), d.title, 15, sh.title_face, anchor="ma")
    sh.y, sh.left, right = y0 + sh.mm(14), x0 + sh.mm(4), sh.right
    sh.right = x1 - sh.mm(4)
    pairs = [d.kv("车主", "name", d.cust.name), d.kv("车架号", "vin", d.car.vin),
             ("购车日期", d.site.date(d.when - timedelta(days=rng.randint(90, 300)))),
             d.date_kv("首保日期", d.when), ("首保里程", f"{d.car.km}km")]
    blocks.lined(sh, pairs, cols=1, hand=True, pt=9.5)
    d.sign([d.party("customer", ("车主", "客户"))], at_bottom=False, dated=False)
    sh.right = right
    d.seal("round", d.site.company, "售后服务专用章", near=(int(x1 - sh.mm(25)), int(y1 - sh.mm(22))))


def fault_report(d: Doc) -> None:
    _head(d)
    _vehicle(d, [d.job_kv("类别"), d.date_kv("报告日期", d.when)])
    sh = d.pages[-1]
    for head, body in (("故障现象", "客户反映冷车启动后仪表水温报警，冷却液有减少。"),
                       ("检测过程", "加压测试冷却系统，发现水泵轴封处渗漏；读取故障码无相关记录，检查节温器工作正常。"),
                       ("故障原因", "水泵轴封老化渗漏，属质量担保范围。"),
                       ("处理措施", "更换水泵总成及冷却液，试车确认无渗漏，水温正常。")):
        blocks.heading(sh, head, 10.5)
        blocks.para(sh, body, 10)
    d.sign([d.party("staff", ("索赔员", "技术经理", "主修技师")), d.party("customer", CUSTOMER_CAR, "2")], dated=True)


JOB_DOCS = {  # what a visit of each job type hands over (domain.md §1a), and what may come with it
    "maintenance": (("reception_sheet", "work_order", "settlement", "free_inspection_12"), ("addon_sheet",)),
    "first_service": (("reception_sheet", "work_order", "settlement", "first_service_card", "free_inspection_12"), ()),
    "minor_repair": (("reception_sheet", "work_order", "settlement", "free_inspection_12"),
                     ("addon_sheet", "road_test", "loss_assessment", "tool_readings", "estimate")),
    "major_repair": (("reception_sheet", "work_order", "settlement", "road_test", "estimate", "free_inspection_12"),
                     ("addon_sheet", "tool_readings")),
    "warranty_claim": (("reception_sheet", "work_order", "settlement", "free_inspection_12"),
                       ("parts_invoice", "road_test", "damage_photo", "fault_report", "tool_readings")),
}
assert set(JOB_DOCS) == set(JOBS)
