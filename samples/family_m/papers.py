"""The papers themselves: one builder per document type, each choosing among the titles and wordings a real
dealer or property office prints (the common ones and the less common), on the site's own habits."""

from __future__ import annotations

from collections.abc import Callable

from dossier.samples.family_m import ids
from dossier.samples.family_m.canvas import HAND_BLUE, Page
from dossier.samples.family_m.forms import (
    JOB_WORDS,
    LABELS,
    SUBJECT_WORDS,
    Ctx,
    Doc,
    Form,
    car_ref,
    car_rows,
    date_row,
    unit_ref,
    who_rows,
)
from dossier.samples.family_m.sites import amount_text, capital, date_text, person

LABOUR = {"minor_repair": [("更换雨刮片", 60.0), ("前大灯调整", 80.0), ("更换刹车灯泡", 35.0), ("空调滤芯更换", 45.0)],
          "first_service": [("首次保养工时", 0.0), ("机油机滤更换", 0.0), ("全车检查", 0.0)],
          "maintenance": [("更换机油机滤", 120.0), ("更换空气滤芯", 60.0), ("四轮换位", 80.0), ("节气门清洗", 150.0)],
          "major_repair": [("发动机吊装及分解", 1800.0), ("变速箱总成检修", 1500.0), ("缸盖研磨", 600.0)],
          "warranty_claim": [("更换水泵总成（索赔）", 0.0), ("冷却系统排气", 0.0), ("故障诊断", 0.0)]}
PARTS = [("机油 5W-30 4L", 388.0), ("机油滤清器", 48.0), ("空气滤清器", 86.0), ("前刹车片（套）", 420.0),
         ("火花塞", 65.0), ("雨刮片（对）", 128.0), ("水泵总成", 860.0), ("正时皮带", 540.0), ("前保险杠", 1680.0),
         ("左前大灯总成", 2260.0), ("冷却液 2L", 70.0), ("蓄电池 60Ah", 690.0)]
WALKAROUND = ["外观漆面", "前后保险杠", "轮胎及轮毂", "挡风玻璃", "后视镜", "车内贵重物品", "备胎及随车工具", "音响及导航",
              "座椅及内饰", "灯光"]
TWELVE = ["机油液位", "冷却液液位", "制动液液位", "玻璃清洗液", "蓄电池电压", "轮胎气压及磨损", "制动片厚度", "灯光信号",
          "雨刮器", "喇叭", "安全带", "底盘及排气管"]
ROAD = ["冷车启动", "怠速稳定性", "起步加速", "换挡平顺性", "制动效能", "转向回正", "行驶跑偏", "异响", "仪表指示", "空调效果"]
PDI = ["车身漆面", "钥匙及遥控", "发动机舱油液", "全车灯光", "电动车窗", "中控锁", "轮胎气压", "随车文件", "底盘螺栓扭矩",
       "音响娱乐系统", "空调系统", "车辆清洁"]
DELIVERY = ["车辆外观", "内饰清洁", "随车工具", "用户手册及保修手册", "备用钥匙", "合格证", "发票", "车辆功能讲解", "加油/充电"]
DTC = [("发动机控制", "P0128", "节温器温度低于调节温度"), ("发动机控制", "P0300", "检测到随机失火"),
       ("ABS", "C0035", "左前轮速传感器电路"), ("车身控制", "B1318", "蓄电池电压低"), ("变速箱", "P0700", "变速箱控制系统"),
       ("空调", "B10A2", "鼓风机控制电路")]


def _sig(fm: Form, pairs: list[tuple[str, tuple[str, ...]]], style: int | None = None) -> None:
    fm.sign([(role, fm.rng.choice(labels)) for role, labels in pairs], style)


def _combs(fm: Form, rows: list[list[tuple[str, str]]], comb: dict[str, str] | None = None) -> dict[str, str]:
    out = dict(comb or {})
    if fm.rng.random() < fm.c.site.comb:
        for row in rows:
            for label, val in row:
                if label in LABELS["id_number"]:
                    out[label] = val
    return out


def _visit_head(fm: Form, titles: tuple[str, ...], job_row: bool = True) -> None:
    c = fm.c
    title = fm.rng.choice(titles)
    if fm.rng.random() < 0.35:
        title = c.site.short + title
    fm.header(title, c.visit)
    rows = who_rows(fm, land=fm.rng.random() < 0.5)
    crow, comb = car_rows(fm)
    rows += crow
    rows.append(date_row(fm, fm.rng.choice(("进厂日期", "接车时间", "日期"))))
    fm.grid(rows, comb)
    if job_row and c.job:
        if fm.rng.random() < 0.6:
            fm.choose(fm.rng.choice(("维修类别", "业务类型", "服务类型")), list(JOB_WORDS.values()), JOB_WORDS[c.job])
            fm.state("job_type", "", c.job)
        if c.visit and fm.rng.random() < 0.3:
            fm.line_text(f"委托书编号：{c.visit}", 3.0)


def reception_sheet(c: Ctx) -> Doc:
    fm = Form(c)
    _visit_head(fm, ("车辆进厂接待单", "接车检查单", "环车检查记录单", "预检单"))
    fm.ticks(fm.rng.sample(WALKAROUND, 8), 2, ("完好", "有损"))
    fm.line_text(f"燃油 / 电量：{fm.rng.choice(('1/4', '1/2', '3/4', '满'))}      贵重物品已由客户取走：是", 3.0)
    fm.hand_line("客户描述：", fm.rng.choice(("启动时有异响", "到期保养", "空调不凉", "右前轮有异响", "仪表故障灯亮")))
    _sig(fm, [("customer", ("送修人签字", "客户确认签名", "车主签字")), ("staff", ("接待员", "服务顾问", "接车人"))])
    return fm.done("reception_sheet", car_ref(c))


def work_order(c: Ctx) -> Doc:
    fm = Form(c)
    _visit_head(fm, ("维修委托书", "车辆维修派工单", "维修工单", "委托维修单"))
    job = c.job or "maintenance"
    fm.table(["序号", "维修项目", "工时", "工位", "技师"],
             [[str(k + 1), n, f"{fm.rng.choice((0.5, 1.0, 1.5, 2.0))}", f"{fm.rng.randint(1, 12)}号", ""]
              for k, (n, _) in enumerate(LABOUR[job])], [10, 80, 16, 16, 22])
    fm.para("委托方同意按上述项目进行维修，维修中如需增加项目，承修方须征得委托方同意。车辆交修时请将贵重物品带离车内，"
            "遗失责任由委托方自负。旧件如需带走请在交修时说明。", 2.8)
    _sig(fm, [("customer", ("委托人签字", "送修人", "客户签名")), ("staff", ("服务顾问", "派工员", "车间主管"))])
    return fm.done("work_order", car_ref(c))


def settlement(c: Ctx) -> Doc:
    narrow = c.rng.random() < 0.3  # the half-sheet of fanfold paper the cashier's printer takes
    fm = Form(c, 241, 190) if narrow else Form(c)
    if narrow:
        fm.p.extras.append("fanfold")
    _visit_head(fm, ("维修结算清单", "结算单", "出厂结算单", "费用结算单", "维修费用结算凭证"), job_row=False)
    job = c.job or "maintenance"
    lines = [x for x in LABOUR[job]] + fm.rng.sample(PARTS, fm.rng.randint(1, 3) if not narrow else 1)
    if job in ("first_service", "warranty_claim"):
        lines = [(n, 0.0 if job == "warranty_claim" else p) for n, p in lines]
    fm.items(lines[: (4 if narrow else 7)], fm.rng.choice(("应收金额", "合计", "实收金额")))
    _sig(fm, [("customer", ("客户签字", "取车人签字", "付款人")), ("staff", ("结算员", "收银员", "服务顾问"))],
         fm.rng.choice((1, 2)) if narrow else None)
    if fm.rng.random() < 0.6:
        fm.seal_near("staff", c.site.company, fm.rng.choice(("财务专用章", "业务专用章", "")))
    return fm.done("settlement", car_ref(c))


def free_inspection_12(c: Ctx) -> Doc:
    fm = Form(c)
    title = fm.rng.choice(("十二项免费安全检查表", "12项免费检查记录", "免费检测服务单（12项）", "出厂前安全检查（十二项）"))
    fm.header(title, c.visit if fm.rng.random() < 0.5 else None)
    crow, comb = car_rows(fm, plate=True)
    fm.grid(crow + [date_row(fm)], comb)
    fm.ticks(TWELVE, fm.rng.choice((1, 2)), fm.rng.choice((("正常", "异常"), ("良好", "需维修"), ("√", "×"))))
    fm.hand_line("建议：", fm.rng.choice(("下次保养更换刹车片", "轮胎磨损注意", "无", "蓄电池建议更换")))
    _sig(fm, [("customer", ("车主确认", "客户签字")), ("staff", ("检查技师", "质检员"))])
    return fm.done("free_inspection_12", car_ref(c))


def addon_sheet(c: Ctx) -> Doc:
    fm = Form(c, 210, 148) if c.rng.random() < 0.5 else Form(c)
    title = fm.rng.choice(("维修增项确认单", "追加维修项目确认书", "增加项目通知单"))
    fm.header(title, c.visit, style=fm.rng.choice((0, 1)))
    crow, comb = car_rows(fm, mileage=False)
    fm.grid(crow[1:], comb)
    fm.fields.pop("vin", None)  # this slip names the car by its plate and model only
    fm.items(fm.rng.sample(PARTS, 2), "增项金额")
    _sig(fm, [("customer", ("客户同意签字", "委托人确认")), ("staff", ("服务顾问",))], fm.rng.choice((0, 1)))
    return fm.done("addon_sheet", car_ref(c))


def road_test(c: Ctx) -> Doc:
    fm = Form(c)
    fm.header(fm.rng.choice(("路试记录单", "试车检验单", "车辆路试检查表")), c.visit)
    crow, comb = car_rows(fm)
    fm.grid(crow + [date_row(fm, "试车日期")], comb)
    fm.line_text(f"路试里程：{fm.rng.randint(3, 15)} km     路线：厂区—{fm.rng.choice(('环城路', '高架', '滨湖大道'))}—厂区")
    fm.ticks(ROAD, 2, ("正常", "不正常"))
    pairs: list[tuple[str, tuple[str, ...]]] = [("staff", ("试车员", "路试技师"))]
    if fm.rng.random() < 0.5:
        pairs.append(("customer", ("陪同试车客户", "车主")))
    _sig(fm, pairs)
    return fm.done("road_test", car_ref(c))


def loss_assessment(c: Ctx) -> Doc:
    fm = Form(c)
    insurer = fm.rng.choice(("中国人民财产保险股份有限公司安徽省分公司", "中国平安财产保险股份有限公司安徽分公司",
                             "太平洋财产保险股份有限公司芜湖中心支公司"))
    fm.flow.page.text(fm.w / 2, fm.flow.y, insurer, 3.4, anchor="mt")
    fm.flow.y += 6
    fm.header(fm.rng.choice(("机动车辆损失确认书", "车辆定损单", "机动车保险车辆损失情况确认书")), None, style=0)
    fm.line_text(f"报案号：RDAA{fm.rng.randint(10**12, 10**13 - 1)}", 3.0)
    rows = who_rows(fm, land=False)
    crow, comb = car_rows(fm, mileage=False)
    fm.grid(rows + crow + [date_row(fm, "定损日期")], comb)
    fm.items(fm.rng.sample(PARTS[8:], 2) + [("钣金喷漆工时", 650.0)], "定损金额")
    _sig(fm, [("customer", ("被保险人签字", "车主签字")), ("staff", ("定损员", "查勘定损人员"))])
    if fm.rng.random() < 0.7:
        fm.seal_near("staff", insurer[:-4] if len(insurer) > 18 else insurer, "理赔专用章")
    return fm.done("loss_assessment", car_ref(c))


def tool_readings(c: Ctx) -> Doc:
    fm = Form(c)
    fm.header(fm.rng.choice(("诊断仪检测报告", "专用工具检测记录", "故障码读取记录")), c.visit, style=1)
    crow, comb = car_rows(fm)
    fm.grid(crow + [date_row(fm, "检测时间")], comb)
    rows = [[str(k + 1), f"{s} {code}", desc[:10], fm.rng.choice(("当前", "历史", "已清除"))]
            for k, (s, code, desc) in enumerate(fm.rng.sample(DTC, 3))]
    fm.table(["序号", "系统 / 故障码", "描述", "状态"], rows, [10, 60, 50, 24])
    fm.line_text(f"检测设备：{fm.rng.choice(('ODIS 诊断仪', '元征 X-431', '奇瑞专用诊断仪 CDS'))}  软件版本 {fm.rng.randint(5, 9)}.{fm.rng.randint(0, 40)}")
    _sig(fm, [("staff", ("诊断技师", "检测员"))])
    return fm.done("tool_readings", car_ref(c))


def estimate(c: Ctx) -> Doc:
    fm = Form(c)
    _visit_head(fm, ("维修估价单", "预估费用确认单", "维修费用估算表"), job_row=False)
    fm.items(LABOUR[c.job or "major_repair"] + fm.rng.sample(PARTS, 3), "预估金额")
    fm.para("本估价仅供参考，实际费用以结算为准，超出估价10%以上须再次征得客户同意。", 2.8)
    _sig(fm, [("customer", ("客户签字确认", "委托人")), ("staff", ("估价员", "服务顾问"))])
    return fm.done("estimate", car_ref(c))


def first_service_card(c: Ctx) -> Doc:
    fm = Form(c, 210, 148)
    fm.header(fm.rng.choice(("首次保养凭证", "首保服务卡", "新车首次免费保养卡")), None, style=fm.rng.choice((0, 2)))
    fm.line_text("（复印件）", 3.0)
    rows = who_rows(fm, land=False)[:1]
    crow, comb = car_rows(fm, mileage=False)
    fm.grid(rows + crow[:1] + [date_row(fm, "购车日期"), [("首保里程", f"{c.car.mileage if c.car else 0} km")]], comb)
    fm.fields.pop("plate", None)  # the card shows the VIN row only
    _sig(fm, [("customer", ("车主签名",)), ("staff", ("服务站经办人",))], 2)
    return fm.done("first_service_card", car_ref(c))


def parts_invoice(c: Ctx) -> Doc:
    return _invoice(c, "parts_invoice", fm_title=("安徽增值税普通发票", "增值税电子普通发票"))


def purchase_invoice(c: Ctx) -> Doc:
    return _invoice(c, "purchase_invoice", fm_title=("机动车销售统一发票",))


def _invoice(c: Ctx, code: str, fm_title: tuple[str, ...]) -> Doc:
    fm = Form(c, 240, 140)
    fm.hand = False
    fm.drift = (0.0, 0.0)
    title = fm.rng.choice(fm_title)
    fm.header(title, None, style=0)
    fm.line_text(f"发票代码：0{fm.rng.randint(10**10, 10**11 - 1)}    发票号码：{fm.rng.randint(10**7, 10**8 - 1)}", 2.8)
    who = c.cust.company or c.cust.name or ""
    rows = [[("购买方名称", fm.state("company" if c.cust.company else "name", who))]]
    if c.cust.credit_code:
        rows.append([("纳税人识别号", fm.state("credit_code", c.cust.credit_code))])
    elif code == "purchase_invoice" and c.cust.id_number:
        rows.append([("身份证号码/组织机构代码", fm.state("id_number", c.cust.id_number))])
    rows.append(date_row(fm, "开票日期"))
    if code == "purchase_invoice" and c.car:
        rows.append([("车辆识别代号/车架号码", fm.state("vin", c.car.vin))])
        price = round(fm.rng.uniform(89800, 259800), -2)
        rows.append([("厂牌型号", f"{c.site.brand} {c.car.model}"), ("价税合计（小写）", f"¥{price:.2f}")])
        fm.grid(rows)
        fm.line_text(f"价税合计（大写）：{capital(price)}", 3.2)
        fm.state("amount", "", f"{price:.2f}")
    else:
        fm.grid(rows)
        fm.items(fm.rng.sample(PARTS, 2), "价税合计")
    fm.line_text(f"销售方：{c.site.company}    开票人：{fm.rng.choice(('刘敏', '陶静', '吴芳'))}", 3.0)
    fm.seal_at(fm.w - fm.m - 30, fm.flow.y - 8, "oval", c.site.company, ids.credit_code(fm.rng, c.site.area[:4] + "00"))
    return fm.done(code, car_ref(c))


def fault_report(c: Ctx) -> Doc:
    fm = Form(c)
    fm.header(fm.rng.choice(("故障诊断报告", "质量问题技术报告", "测试及故障分析报告")), c.visit, style=1)
    crow, comb = car_rows(fm)
    fm.grid(crow + [date_row(fm, "报告日期")], comb)
    for label, text in (("故障现象", "客户反映车辆冷车启动后水温表上升缓慢，仪表偶发冷却液温度报警。"),
                        ("检测过程", "使用诊断仪读取故障码，检查冷却液液位及水泵工作状态，发现水泵轴承处渗漏。"),
                        ("结论及处理", "水泵总成内部密封失效，属质量担保范围，申请索赔更换水泵总成。")):
        fm.line_text(f"【{label}】", 3.2, "bold")
        fm.para(text, 3.0)
    pairs: list[tuple[str, tuple[str, ...]]] = [("staff", ("诊断技师", "技术经理"))]
    if fm.rng.random() < 0.4:
        pairs.append(("customer", ("车主确认",)))
    _sig(fm, pairs)
    return fm.done("fault_report", car_ref(c))


# -- new-car papers ---------------------------------------------------------------------------------------

def customer_card(c: Ctx) -> Doc:
    fm = Form(c, paper=(222, 240, 222) if c.rng.random() < 0.6 else (255, 255, 255))
    fm.header(fm.rng.choice(("客户信息登记卡", "车主档案卡", "客户资料卡（绿卡）")), None)
    rows = who_rows(fm, with_id=True, with_address=True)
    crow, comb = car_rows(fm, mileage=False)
    fm.grid(rows + crow + [date_row(fm, "交车日期")], _combs(fm, rows, comb))
    fm.line_text(f"客户来源：{fm.rng.choice(('展厅', '网络', '老客户介绍', '车展'))}    销售顾问：{c.advisor}")
    _sig(fm, [("customer", ("客户签名", "车主（签字）")), ("staff", ("销售顾问",))])
    return fm.done("customer_card", car_ref(c))


CONTRACT = ["甲方向乙方购买上述车辆，车辆价款已包含增值税，不含车辆购置税、保险费及上牌费用。",
            "乙方应于约定日期在乙方展厅向甲方交付车辆及随车文件，交车时双方共同检验车辆外观及功能。",
            "车辆的质量担保按生产厂家的保修规定执行，保修期自交车之日起计算。",
            "甲方逾期付款或逾期提车超过十五日的，乙方有权解除合同，定金不予退还。",
            "因本合同发生争议，双方协商解决；协商不成的，任何一方可向乙方所在地人民法院起诉。",
            "本合同一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。"]


def sales_contract(c: Ctx) -> Doc:
    fm = Form(c, footer=c.rng.choice(("第{k}页 共{n}页", "- {k} -", "{k}/{n}")))
    fm.header(fm.rng.choice(("汽车买卖合同", "新车销售协议", "商品车订购合同", "机动车买卖合同")), None)
    fm.line_text(f"合同编号：{c.site.order_prefix}XS{c.day.replace('-', '')}{fm.rng.randint(10, 99)}", 3.0)
    fm.line_text(f"甲方（买受人）：{c.cust.company or c.cust.name}", 3.2)
    fm.state("company" if c.cust.company else "name", c.cust.company or c.cust.name or "")
    fm.line_text(f"乙方（出卖人）：{c.site.company}", 3.2)
    rows = who_rows(fm, with_id=True, with_address=True)
    crow, comb = car_rows(fm, mileage=False, plate=False)
    price = round(fm.rng.uniform(89800, 259800), -2)
    fm.grid(rows + crow + [[("车辆总价", amount_text(price, fm.rng))], date_row(fm, "签订日期")], _combs(fm, rows, comb))
    fm.state("amount", "", f"{price:.2f}")
    for k, t in enumerate(CONTRACT):
        fm.para(f"第{'一二三四五六七八'[k]}条  {t}", 3.0, indent=False)
    if fm.rng.random() < 0.6:
        fm.flow.new_page()
    fm.line_text("（以下无正文）", 3.0)
    fm.sign([("customer", fm.rng.choice(("甲方（签字）", "买受人签字", "买方签章"))),
             ("staff", fm.rng.choice(("乙方代表（签字）", "销售顾问", "出卖人授权代表")))], fm.rng.choice((1, 2, 3)))
    fm.seal_near("staff", c.site.company, "合同专用章")
    return fm.done("sales_contract", car_ref(c))


def id_copy(c: Ctx) -> Doc:
    """A copy of the ID card's front; its back (issuing office, validity) on the reverse of the sheet (make.py
    turns the sheet over). A company gives its business licence instead."""
    fm = Form(c)
    fm.title = None
    p = fm.p
    if c.cust.company:
        fm.title = "营业执照"
        p.rect(30, 30, 180, 150, 1.2, (150, 110, 60))
        p.text(105, 40, "营业执照", 8, "serifb", anchor="mt")
        p.text(105, 54, "（副本）", 3.6, anchor="mt")
        y = 66
        for label, val, key in (("统一社会信用代码", c.cust.credit_code or "", "credit_code"), ("名称", c.cust.company, "company"),
                                ("类型", "有限责任公司", ""), ("法定代表人", c.cust.contact or "", ""),
                                ("住所", c.cust.address, "address")):
            p.text(40, y, f"{label}  {val}", 3.4)
            if key:
                fm.state(key, val)
            y += 9
        p.text(150, 136, f"登记机关 {c.site.city}市市场监督管理局", 2.6, anchor="mt")
    else:
        x0, y0 = 52.0, 40.0
        p.rect(x0, y0, x0 + 85.6, y0 + 54, 0.4, (120, 120, 120), fill=(238, 238, 238))
        p.text(x0 + 4, y0 + 6, f"姓名  {c.cust.name}", 3.4)
        fm.state("name", c.cust.name or "")
        idn = c.cust.id_number or ""
        p.text(x0 + 4, y0 + 13, f"性别  {'男' if int(idn[16]) % 2 else '女'}    民族  汉", 3.0)
        p.text(x0 + 4, y0 + 19, f"出生  {idn[6:10]}年{int(idn[10:12])}月{int(idn[12:14])}日", 3.0)
        addr = c.cust.address
        p.text(x0 + 4, y0 + 26, f"住址  {addr[:14]}", 3.0)
        p.text(x0 + 14.5, y0 + 31, addr[14:], 3.0)
        p.text(x0 + 4, y0 + 45, f"公民身份号码  {idn}", 3.0, "mono")
        fm.state("id_number", idn)
        p.rect(x0 + 62, y0 + 6, x0 + 81, y0 + 30, 0.2, (150, 150, 150), fill=(210, 210, 215))
    if fm.rng.random() < 0.7:  # the owner's own restriction written across the copy, as Chinese copies carry
        word = fm.rng.choice(("仅供购车使用", "此复印件仅供办理车辆手续", "再复印无效"))
        p.text(60, 112, word, 6.0, "kai", HAND_BLUE)
    return fm.done("id_copy", car_ref(c))


def id_back(p: Page, c: Ctx) -> None:
    """The reverse of an ID copy sheet: the card's back (issuing office and validity)."""
    x0, y0 = 52.0, 40.0
    p.rect(x0, y0, x0 + 85.6, y0 + 54, 0.4, (120, 120, 120), fill=(238, 238, 238))
    p.text(x0 + 42.8, y0 + 8, "中华人民共和国", 4.0, "serifb", anchor="mt")
    p.text(x0 + 42.8, y0 + 15, "居民身份证", 5.0, "serifb", anchor="mt")
    p.text(x0 + 6, y0 + 36, f"签发机关  {c.site.city}市公安局{c.rng.choice(('蜀山', '镜湖', '龙子湖', '包河'))}分局", 3.0)
    y = c.rng.randint(2016, 2024)
    p.text(x0 + 6, y0 + 43, f"有效期限  {y}.0{c.rng.randint(1, 9)}.1{c.rng.randint(0, 9)}-{y + 20}.0{c.rng.randint(1, 9)}.1{c.rng.randint(0, 9)}", 3.0)


def delivery_checklist(c: Ctx) -> Doc:
    fm = Form(c)
    fm.header(fm.rng.choice(("新车交接确认单", "交车确认书", "车辆交付检查表", "新车交付验收单")), None)
    rows = who_rows(fm, land=False)
    crow, comb = car_rows(fm, mileage=False)
    fm.grid(rows + crow + [date_row(fm, "交车日期")], comb)
    fm.ticks(DELIVERY, 1, ("已确认", "未确认"))
    fm.para("本人已按上述项目验收车辆，车辆外观及功能完好，随车物品齐全。", 3.0)
    _sig(fm, [("customer", ("客户签字", "提车人签字", "车主签收")), ("staff", ("销售顾问", "交车专员"))])
    return fm.done("delivery_checklist", car_ref(c))


def vehicle_license(c: Ctx) -> Doc:
    fm = Form(c)
    fm.hand = False
    fm.drift = (0.0, 0.0)
    p = fm.p
    assert c.car
    p.rect(30, 30, 180, 130, 0.6, (90, 90, 90), fill=(242, 240, 234))
    fm.title = "中华人民共和国机动车行驶证"
    p.text(105, 35, fm.title, 4.6, "serifb", anchor="mt")
    y = 48
    plate = c.car.plate or ""
    owner = c.cust.company or c.cust.name or ""
    for label, val, key in (("号牌号码", plate, "plate"), ("车辆类型", "小型轿车", ""),
                            ("所有人", owner, "company" if c.cust.company else "name"), ("住址", c.cust.address, "address"),
                            ("品牌型号", f"{c.site.brand} {c.car.model}", ""), ("车辆识别代号", c.car.vin, "vin"),
                            ("发动机号码", c.car.engine, ""), ("注册日期", c.day, "date")):
        if not val:
            continue
        p.text(36, y, f"{label}  {val}", 3.3)
        if key:
            fm.state(key, val)
        y += 9
    return fm.done("vehicle_license", car_ref(c))


def insurance_policy(c: Ctx) -> Doc:
    fm = Form(c)
    fm.hand = False
    fm.drift = (0.0, 0.0)
    insurer = fm.rng.choice(("中国人民财产保险股份有限公司", "中国平安财产保险股份有限公司", "中国太平洋财产保险股份有限公司"))
    fm.flow.page.text(fm.w / 2, fm.flow.y, insurer, 3.6, "bold", anchor="mt")
    fm.flow.y += 7
    fm.header(fm.rng.choice(("机动车交通事故责任强制保险单", "机动车商业保险保险单", "机动车综合商业保险电子保单")), None, style=0)
    fm.line_text(f"保险单号：PDZA2026340{fm.rng.randint(10**8, 10**9 - 1)}", 3.0)
    who = c.cust.company or c.cust.name or ""
    crow, comb = car_rows(fm, mileage=False)
    premium = round(fm.rng.uniform(950, 6800), 2)
    fm.grid([[("被保险人", fm.state("company" if c.cust.company else "name", who))]] + crow
            + [[("保险费合计", fm.state("amount", f"¥{premium:,.2f}", f"{premium:.2f}"))], date_row(fm, "签单日期")])
    fm.para(f"保险期间自{c.day}零时起至次年同日二十四时止。本保单为电子保单的打印件，可登录保险公司官网查验真伪。", 2.8)
    fm.seal_at(fm.w - fm.m - 35, fm.flow.y + 12, "round", insurer, "保险单专用章")
    return fm.done("insurance_policy", car_ref(c))


def value_added_services(c: Ctx) -> Doc:
    fm = Form(c)
    fm.header(fm.rng.choice(("精品加装确认单", "增值服务销售清单", "延保及衍生服务确认单", "装潢精品订购单")), None)
    rows = who_rows(fm, land=False)
    crow, comb = car_rows(fm, mileage=False)
    fm.grid(rows + crow[:1] + [date_row(fm)], comb)
    fm.fields.pop("plate", None)  # the VIN row only
    fm.items(fm.rng.sample([("全车贴膜", 3800.0), ("脚垫（套）", 680.0), ("行车记录仪", 899.0), ("延长保修2年", 2600.0),
                            ("底盘装甲", 1200.0), ("镀晶", 1500.0), ("上牌代办服务", 500.0)], 3), "合计")
    _sig(fm, [("customer", ("客户确认签字", "购买人签名")), ("staff", ("销售顾问",))])
    return fm.done("value_added_services", car_ref(c))


def conformity_certificate(c: Ctx) -> Doc:
    fm = Form(c, 210, 148)
    fm.hand = False
    fm.drift = (0.0, 0.0)
    assert c.car
    fm.header("机动车整车出厂合格证", None, style=0)
    fm.line_text(f"合格证编号：W{fm.rng.randint(10**13, 10**14 - 1)}", 3.0)
    fm.grid([[("车辆识别代号", fm.state("vin", c.car.vin))], [("车辆品牌", c.site.brand), ("车辆型号", c.car.model)],
             [("发动机号", c.car.engine), ("车身颜色", c.car.colour)], [("车辆制造日期", date_text(c.day, 0))]])
    return fm.done("conformity_certificate", car_ref(c))


def pdi_checklist(c: Ctx) -> Doc:
    fm = Form(c)
    fm.header(fm.rng.choice(("新车售前检查（PDI）记录表", "PDI检查单", "新车交付前检验表")), None)
    crow, comb = car_rows(fm, mileage=False)
    fm.grid(crow + [date_row(fm, "检查日期")], comb)
    fm.ticks(PDI, 2, ("合格", "不合格"))
    _sig(fm, [("staff", ("PDI检查员", "检验员")), ("staff", ("技术主管", "车间主任"))])
    return fm.done("pdi_checklist", car_ref(c))


def other_proof(c: Ctx) -> Doc:
    fm = Form(c)
    kind = fm.rng.choice(("授权委托书", "情况说明", "居住证明"))
    fm.header(kind, None, style=0)
    who = c.cust.company or c.cust.name or ""
    fm.state("company" if c.cust.company else "name", who)
    assert c.car
    text = {"授权委托书": f"兹委托{person(fm.rng)}代表{who}办理车辆识别代号为{c.car.vin}的车辆提车及上牌手续，"
                          "受托人在办理上述事项过程中所签署的文件，委托人均予以承认。",
            "情况说明": f"本人{who}所购{c.site.brand}{c.car.model}（车架号{c.car.vin}），因户籍不在本地，"
                        "上牌资料由本人另行补交，特此说明。",
            "居住证明": f"兹证明{who}在本辖区居住满六个月以上，用于办理车辆识别代号为{c.car.vin}的车辆登记。"}[kind]
    fm.state("vin", c.car.vin)
    fm.para(text, 3.4, "kai" if fm.hand else "sans")
    fm.line_text(date_text(c.day, 0), 3.2)
    fm.state("date", "", c.day)
    _sig(fm, [("customer", ("委托人", "说明人签字", "申请人"))], fm.rng.choice((1, 3)))
    return fm.done("other_proof", car_ref(c))


# -- unit papers ------------------------------------------------------------------------------------------

def _unit_head(fm: Form, titles: tuple[str, ...]) -> None:
    c = fm.c
    assert c.unit
    title = fm.rng.choice(titles)
    fm.header(title, f"{c.site.order_prefix}{c.day.replace('-', '')[2:]}{fm.rng.randint(1, 99):02d}"
              if fm.rng.random() < 0.4 else None)
    rows = [[(fm.rng.choice(LABELS["unit"]), fm.state("unit", c.unit)), date_row(fm, "申请日期")[0]]]
    rows += who_rows(fm, with_id=fm.rng.random() < 0.3)
    fm.grid(rows, _combs(fm, rows))


def move_in(c: Ctx) -> Doc:
    fm = Form(c)
    _unit_head(fm, ("入伙手续办理单", "业主入住确认书", "钥匙移交登记表", "入住交接验收单"))
    fm.ticks(["入户门钥匙", "信报箱钥匙", "门禁卡", "水表读数", "电表读数", "燃气表读数", "室内墙面", "门窗及玻璃"], 2,
             ("已交接", "有问题"))
    fm.para("业主已领取上述钥匙及门禁卡，并确认水、电、燃气表底数无误。", 3.0)
    _sig(fm, [("customer", ("业主签名", "领取人签字", "住户签收")), ("staff", ("物业管家", "客服专员"))])
    if fm.rng.random() < 0.5:
        fm.seal_near("staff", c.site.company, "客户服务专用章")
    return fm.done("move_in", unit_ref(c))


def renovation(c: Ctx) -> Doc:
    fm = Form(c)
    _unit_head(fm, ("装修申请审批表", "室内装饰装修申请表", "二次装修施工申请", "装修施工许可证申请"))
    firm = fm.rng.choice(("合肥尚品装饰工程有限公司", "安徽东易日盛装饰", "芜湖金螳螂家装", "蚌埠居然装饰工程部"))
    deposit = fm.rng.choice((2000.0, 3000.0, 5000.0))
    fm.grid([[("施工单位", firm)], [("施工负责人", person(fm.rng)), ("装修押金", amount_text(deposit, fm.rng))]])
    fm.state("amount", "", f"{deposit:.2f}")
    fm.ticks(["墙面粉刷", "地面铺装", "吊顶", "水电改造", "门窗更换", "空调安装"], 2, ("申请", "不涉及"))
    fm.para("施工时间为工作日8:00-12:00、14:00-18:00，不得改动承重结构及外立面，装修垃圾须袋装后运至指定地点。", 2.8)
    _sig(fm, [("customer", ("业主（签字）", "装修负责人", "申请人签章")), ("staff", ("工程部审核", "物业经办人"))])
    if fm.rng.random() < 0.35:  # the engineer's square name seal beside (or over) his field
        fm.seal_near("staff", person(fm.rng), "", "square")
    return fm.done("renovation", unit_ref(c))


def correspondence(c: Ctx) -> Doc:
    if c.rng.random() < 0.5:
        return _manuscript_letter(c)
    fm = Form(c)
    fm.flow.page.extras.append("folded")
    title = fm.rng.choice(("工作联系函", "告知函", "关于外墙清洗的通知函", "催缴函"))
    fm.header(title, None, style=fm.rng.choice((0, 1)))
    who = c.cust.company or c.cust.name or ""
    assert c.unit
    fm.line_text(f"{who}（{c.unit}）：", 3.4)
    fm.state("company" if c.cust.company else "name", who)
    fm.state("unit", c.unit)
    fm.para(fm.rng.choice((
        "我中心定于本月下旬对大厦外墙进行清洗，届时请关闭窗户并收好窗台物品，施工期间给您带来不便，敬请谅解。",
        "贵单位所租用房屋的物业服务费已逾期未缴，请于收到本函后十日内到物业服务中心缴纳，逾期将按合同约定收取滞纳金。",
        "经查，贵户装修期间在公共走道堆放材料，存在消防隐患，请于三日内清理完毕。")), 3.2)
    fm.line_text(f"{c.site.company}", 3.2)
    fm.line_text(date_text(c.day, c.site.date_style), 3.2)
    fm.state("date", "", c.day)
    _sig(fm, [("staff", ("经办人", "联系人（签字）"))], 1)
    if fm.rng.random() < 0.8:
        fm.seal_near("staff", c.site.company, "")
    return fm.done("correspondence", unit_ref(c))


def _manuscript_letter(c: Ctx) -> Doc:
    """A tenant's letter handwritten on the green-ruled manuscript paper (稿纸, 20 x 15 cells) offices keep."""
    fm = Form(c)
    p = fm.p
    p.extras.append("folded")
    green = (120, 170, 130)
    x0, y0, cell, gap = 20.0, 36.0, 8.5, 3.2
    cols, rows = 20, 18
    for r in range(rows):
        y = y0 + r * (cell + gap)
        p.rect(x0, y, x0 + cols * cell, y + cell, 0.2, green)
        for k in range(1, cols):
            p.line(x0 + k * cell, y, x0 + k * cell, y + cell, 0.15, green)
    p.text(x0 + cols * cell, y0 + rows * (cell + gap) + 1, "20×18=360", 2.4, colour=green)
    who = c.cust.company or c.cust.name or ""
    assert c.unit
    title = fm.rng.choice(("情况说明", "申请", "关于空调漏水的说明"))
    fm.title = title
    body = fm.rng.choice((f"本人系{c.unit}住户，因室内卫生间漏水影响楼下住户，现申请物业协助检修，维修费用由本人承担。",
                          f"我单位租用{c.unit}，因公司搬迁，申请于本月底办理退租手续，请物业核对水电费用。",
                          f"{c.unit}空调外机漏水滴落至楼下阳台，本人已联系维修，特此说明。"))
    date = date_text(c.day, 0)
    lines = [" " * 8 + title] + _wrap(" " * 2 + body, cols) + ([" " * (cols - len(who) - 1) + who] if c.cust.company else [])
    sign_row = len(lines)
    lines += [" " * 9 + "说明人：", " " * (cols - len(date) - 1) + date]
    hrs = fm.rng.uniform(-0.3, 0.3)
    for r, ln in enumerate(lines[:rows]):
        y = y0 + r * (cell + gap)
        boxes = []
        for k, ch in enumerate(ln[:cols]):
            if ch == " ":
                continue
            boxes.append(p.text(x0 + (k + 0.5) * cell + fm.rng.uniform(-0.5, 0.5), y + cell / 2 + hrs, ch, cell * 0.7,
                                "kai", HAND_BLUE, record=False, anchor="mm"))
        if boxes:
            p.record(ln.strip(), (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                                  max(b[3] for b in boxes)))
    if c.cust.company:
        fm.state("company", who)
    fm.state("unit", c.unit)
    fm.state("date", "", c.day)
    # No printed field: the writer signs in the cells the hand-written 说明人 leaves, and always signs.
    y = y0 + sign_row * (cell + gap)
    fm.slot("customer", "说明人", x0 + 13 * cell + 0.3, y - gap + 0.6, x0 + cols * cell - 0.3, y + cell + gap - 0.6, False)
    p.slots[-1].signed = True
    return fm.done("correspondence", unit_ref(c))


def _wrap(s: str, n: int) -> list[str]:
    return [s[k:k + n] for k in range(0, len(s), n)]


def application(c: Ctx) -> Doc:
    fm = Form(c, 210, 148) if c.rng.random() < 0.4 else Form(c)
    subject = fm.rng.choice(list(SUBJECT_WORDS))
    generic = fm.rng.random() < 0.4  # one form for every request, the subject ticked on it
    if generic:
        _unit_head(fm, ("业户服务申请单", "客户申请表", "租户事务申请单"))
        fm.choose("申请事项", list(SUBJECT_WORDS), subject)
    else:
        _unit_head(fm, SUBJECT_WORDS[subject])
    fm.state("subject", "", subject)
    detail = {"房门锁": "入户门锁芯损坏，申请更换并增配门禁卡两张。", "电话": "申请开通固定电话两部，并安装至办公室。",
              "车位": "申请租用地下车位一个，租期一年。", "水牌": "公司名称变更，申请更换大堂水牌及楼层指示牌。",
              "客户加班": f"因工作需要，申请本周六{fm.rng.randint(8, 10)}:00至{fm.rng.randint(17, 21)}:00加班，需开启空调及照明。"}
    fm.hand_line("申请内容：", detail[subject])
    _sig(fm, [("customer", ("申请人签字", "申请单位（盖章）", "租户签名")), ("staff", ("客服主管审批", "管理处意见"))])
    return fm.done("application", unit_ref(c))


BUILDERS: dict[str, Callable[[Ctx], Doc]] = {
    "reception_sheet": reception_sheet, "work_order": work_order, "settlement": settlement,
    "free_inspection_12": free_inspection_12, "addon_sheet": addon_sheet, "road_test": road_test,
    "loss_assessment": loss_assessment, "tool_readings": tool_readings, "estimate": estimate,
    "first_service_card": first_service_card, "parts_invoice": parts_invoice, "fault_report": fault_report,
    "customer_card": customer_card, "purchase_invoice": purchase_invoice, "sales_contract": sales_contract,
    "id_copy": id_copy, "delivery_checklist": delivery_checklist, "vehicle_license": vehicle_license,
    "insurance_policy": insurance_policy, "value_added_services": value_added_services,
    "conformity_certificate": conformity_certificate, "pdi_checklist": pdi_checklist, "other_proof": other_proof,
    "move_in": move_in, "renovation": renovation, "correspondence": correspondence, "application": application,
}
