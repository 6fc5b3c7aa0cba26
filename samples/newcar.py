"""Templates of the new-car file (新车档案): what Sales hands over after delivery."""

from __future__ import annotations

from datetime import timedelta

from dossier.samples.content import yuan_upper
from dossier.samples.ctx import Ctx
from dossier.samples.render import INK, Sheet

INVOICE_INK = (150, 60, 40)  # tax invoices are printed in brown-red


def customer_card(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf
    o, car = cf.owner, cf.car
    c.header(s, cf.dealer.name)
    s.line(f"编号：KH{cf.delivered:%Y%m}{c.rng.randint(100, 999)}", f"建档日期：{c.date(cf.delivered)}")
    contact = o.name if c.rng.random() < 0.7 else cf.owner.name[0] + "先生"
    rows = [
        [("客户姓名", c.customer()), ("性别", "" if cf.company else o.gender)],
        [("联系人", c.f("contact", contact)), ("手机", c.mobile(o.mobile))],
        [("固定电话", c.phone(o.phone)), ("邮编", str(200000 + c.rng.randrange(99999)))],
        [("地址" if c.rng.random() < 0.5 else "住址", c.f("address", o.address))],
        [("购买车型", f"{car.make.brand} {car.model}"), ("车身颜色", car.colour)],
        [("车架号", c.f("vin", car.vin)), ("购车日期", f"{cf.delivered:%Y-%m-%d}")],
        [("销售顾问", cf.consultant), ("客户来源", c.rng.choice(("到店", "网络", "转介绍", "车展")))],
    ]
    if c.rng.random() < 0.5:
        rows.insert(5, [("车牌号", c.f("plate", car.plate)), ("证件号码", c.f("id_number", o.id_number))])
    s.fields(rows, hand=c.hand)
    s.checks(["需要保养提醒", "接受回访", "参加车主活动"], ["是", "否"], [c.rng.choice((0, 0, 1)) for _ in range(3)],
             cols=3, number=False)
    s.para("本人确认以上信息真实有效，同意贵公司用于售后服务与回访。", kind="sans", indent=0)
    s.gap(4)
    c.signatures(s)


def purchase_invoice(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf
    car, d = cf.car, cf.dealer
    s.line_colour = INVOICE_INK
    code, number = f"1{d.city.area_code[-2:]}0019{c.rng.randint(20000, 99999)}"[:12], f"{c.rng.randint(0, 99999999):08d}"
    s.gap(6)
    s.title(c.title, points=20, kind="serif")
    s.text(s.w // 2, s.y - s.px(3), "发  票  联", points=11, anchor="mt", fill=INVOICE_INK)
    s.gap(5)
    s.line(f"开票日期：{c.date(cf.delivered)}", f"发票代码：{c.f('invoice_code', code)}")
    s.line("", f"发票号码：{c.f('invoice_number', number)}")
    buyer_id = cf.company_id if cf.company else cf.owner.id_number
    if not cf.company:
        c.f("id_number", buyer_id or "")
    tax = round(car.price / 1.13 * 0.13, 2)
    s.fields([
        [("机打代码", code), ("税控码", "".join(c.rng.choice("0123456789<>+-*/") for _ in range(20)))],
        [("机打号码", number), ("机器编号", str(c.rng.randint(10**11, 10**12 - 1)))],
        [("购买方名称", c.customer()), ("身份证号码/组织机构代码", buyer_id or "")],
        [("车辆类型", "轿车" if "SUV" not in car.model else "多用途乘用车"), ("厂牌型号", f"{car.make.brand}{car.type_code}"),
         ("产地", d.city.name)],
        [("合格证号", car.cert_no), ("发动机号码", car.engine_no)],
        [("车辆识别代号/车架号码", c.f("vin", car.vin))],
        [("价税合计", yuan_upper(car.price)), ("小写", c.amount(car.price))],
        [("销货单位名称", c.f("dealer", d.name))],
        [("纳税人识别号", d.tax_id), ("电话", d.phone)],
        [("地址", d.address), ("开户银行", d.bank)],
        [("增值税税率", "13%"), ("增值税税额", f"¥{tax:,.2f}"), ("不含税价", f"¥{car.price - tax:,.2f}")],
        [("限乘人数", "5"), ("吨位", ""), ("主管税务机关", f"{d.city.name}市税务局")],
    ], points=9, label_frac=0.42, row_mm=9)
    s.line("销货单位盖章：", f"开票人：{c.rng.choice(d.sales)}    备注：一车一票", points=10)
    s.seal((s.x1 - s.px(45), s.y - s.px(12)), "oval", d.name, d.tax_id)
    s.line_colour = INK


def sales_contract(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf
    car, d, o = cf.car, cf.dealer, cf.owner
    s.title(c.title, points=22, kind="serifb")
    signed = cf.delivered - timedelta(days=c.rng.randint(3, 40))
    s.line(f"合同编号：HT{signed:%Y%m%d}{c.rng.randint(10, 99)}", f"签订地点：{d.city.name}")
    s.gap(2)
    buyer = c.customer()
    s.fields([
        [("出卖人（甲方）", c.f("dealer", d.name))],
        [("地址", d.address), ("电话", d.phone)],
        [("买受人（乙方）", buyer)],
        [("身份证号码", c.f("id_number", o.id_number)), ("联系电话", c.mobile(o.mobile))],
        [("住址", c.f("address", o.address))],
    ], ruled=c.rng.random() < 0.5, points=10.5)
    s.para("甲乙双方根据《中华人民共和国民法典》及有关法律、法规的规定，在平等、自愿、协商一致的基础上，"
           "就乙方向甲方购买汽车事宜，订立本合同，以资共同遵守。")
    s.para("第一条  车辆基本情况", kind="serifb", indent=0)
    vin = c.f("vin", car.vin) if c.rng.random() < 0.7 else "交车时确认"
    s.table(["品牌", "车型", "颜色", "车架号", "数量", "单价（元）"],
            [[car.make.brand, car.model, car.colour, vin, "1", f"{car.price:,.2f}"]], [1, 2.2, 1.1, 2.8, 0.7, 1.6], points=9)
    s.para("第二条  车辆价款", kind="serifb", indent=0)
    s.para(f"车辆总价款为人民币（大写）{yuan_upper(car.price)}（小写：{c.amount(car.price)}），"
           "该价款包含增值税，不包含车辆购置税、保险费及上牌费用。")
    s.para("第三条  付款方式", kind="serifb", indent=0)
    s.para(f"乙方应于本合同签订之日支付定金人民币{c.rng.choice((5000, 10000, 20000)):,}元，余款于提车前一次性付清。"
           "乙方采用贷款方式付款的，首付款及贷款到账后甲方方可交付车辆。")
    s.para("第四条  交车时间、地点及方式", kind="serifb", indent=0)
    s.para(f"甲方应于{cf.delivered.year}年{cf.delivered.month}月{cf.delivered.day}日前在{d.address}向乙方交付车辆，"
           "并同时交付购车发票、车辆合格证、使用说明书、保修手册及随车工具。乙方应当场验收，验收合格后签署交车确认单。")
    s.para("第五条  质量保证", kind="serifb", indent=0)
    s.para("甲方保证所售车辆为合格新车，符合国家有关质量标准。车辆质量保证期及保修范围以生产厂家的保修手册为准，"
           "在保修期内出现的质量问题，由甲方按照国家有关规定及保修手册负责维修、更换或退货。")
    s.para("第六条  违约责任", kind="serifb", indent=0)
    s.para("甲方逾期交车的，每逾期一日按车辆总价款的万分之五向乙方支付违约金；逾期超过三十日的，乙方有权解除合同，"
           "甲方应退还乙方已付款项并双倍返还定金。乙方逾期付款的，每逾期一日按未付款项的万分之五向甲方支付违约金。")
    s.para("第七条  争议解决", kind="serifb", indent=0)
    s.para("因本合同发生的争议，由双方协商解决；协商不成的，任何一方均可向甲方所在地人民法院提起诉讼。")
    s.para("第八条  其他约定", kind="serifb", indent=0)
    s.para("本合同一式两份，甲乙双方各执一份，具有同等法律效力。本合同自双方签字盖章之日起生效。"
           "本合同未尽事宜，双方可另行签订补充协议，补充协议与本合同具有同等法律效力。")
    s.gap(6)
    s.need(s.px(70))
    top = s.y
    s.text(s.x0, s.y, "甲方（盖章）：", points=10.5)
    s.text(s.w // 2, s.y, "乙方：", points=10.5)
    s.y += s.px(9)
    s.seal((s.x0 + s.px(c.rng.uniform(35, 60)), top + s.px(c.rng.uniform(2, 14))), "round", d.name, "合同专用章")
    s.signatures([("staff", c.label("staff")), ("customer", c.label("customer"))], date_line=False)
    s.line(f"签订日期：{c.date(signed)}")
    s.page_numbers()


def id_copy(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf
    company = bool(cf.company)
    c.choose_title(lambda t: any(k in t for k in ("执照", "執照", "代码", "代碼")) == company)
    if company:
        return _licence(s, c)
    o = cf.owner
    if "复印" in c.title or "複印" in c.title:
        s.title(c.title, points=18)
    scale = 1.3
    cw, ch = s.px(85.6 * scale), s.px(54 * scale)
    x = (s.w - cw) // 2
    for side in ("front", "back"):
        s.gap(8)
        box = (x, s.y, x + cw, s.y + ch)
        s.draw.rounded_rectangle(box, radius=s.px(4), fill=(236, 236, 232), outline=(120, 120, 120), width=2)
        px, py = x + s.px(6), s.y + s.px(6)
        if side == "front":
            lh = s.px(9)
            s.text(px, py, "姓名", points=9, fill=(80, 80, 80))
            s.text(px + s.px(14), py, c.f("name", o.name), points=12)
            s.text(px, py + lh, "性别", points=9, fill=(80, 80, 80))
            s.text(px + s.px(14), py + lh, o.gender, points=11)
            s.text(px + s.px(30), py + lh, "民族", points=9, fill=(80, 80, 80))
            s.text(px + s.px(44), py + lh, o.ethnic, points=11)
            s.text(px, py + 2 * lh, "出生", points=9, fill=(80, 80, 80))
            s.text(px + s.px(14), py + 2 * lh, f"{o.birth.year} 年 {o.birth.month} 月 {o.birth.day} 日", points=11)
            s.text(px, py + 3 * lh, "住址", points=9, fill=(80, 80, 80))
            addr = c.f("address", o.address)
            s.text(px + s.px(14), py + 3 * lh, addr[:14], points=11)
            s.text(px + s.px(14), py + 3 * lh + s.px(6), addr[14:], points=11)
            s.text(px, box[3] - s.px(12), "公民身份号码", points=9, fill=(80, 80, 80))
            s.text(px + s.px(30), box[3] - s.px(13), c.f("id_number", o.id_number), kind="bold", points=13)
            ph = (box[2] - s.px(36), py + s.px(2), box[2] - s.px(6), py + s.px(40))
            s.draw.rectangle(ph, fill=(200, 200, 200))
            s.draw.ellipse((ph[0] + s.px(8), ph[1] + s.px(6), ph[2] - s.px(8), ph[1] + s.px(22)), fill=(90, 90, 90))
            s.draw.rounded_rectangle((ph[0] + s.px(3), ph[1] + s.px(24), ph[2] - s.px(3), ph[3]), radius=s.px(6),
                                     fill=(90, 90, 90))
        else:
            s.text(x + cw // 2 + s.px(10), py + s.px(6), "中华人民共和国", kind="bold", points=15, anchor="mt")
            s.text(x + cw // 2 + s.px(10), py + s.px(18), "居民身份证", kind="bold", points=20, anchor="mt")
            issued = o.birth.replace(year=max(o.birth.year + 18, cf.delivered.year - c.rng.randint(1, 9)))
            s.text(px + s.px(8), box[3] - s.px(22), f"签发机关  {o.city.name}市公安局", points=10)
            s.text(px + s.px(8), box[3] - s.px(13),
                   f"有效期限  {issued:%Y.%m.%d}-{issued.replace(year=issued.year + 20):%Y.%m.%d}", points=10)
        s.y = box[3]
    s.gap(10)
    if c.rng.random() < 0.6:
        s.hand(s.x0 + s.px(30), s.y, "仅供办理购车手续使用，他用无效", points=14)
        s.gap(12)


def _licence(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf and cf.company and cf.company_id
    s.draw.rectangle((s.x0 - s.px(4), s.px(12), s.x1 + s.px(4), s.h - s.px(14)), outline=(170, 120, 60), width=s.px(2))
    s.gap(10)
    s.title(c.title, points=34, kind="serifb")
    s.text(s.w // 2, s.y - s.px(4), "（副    本）", points=12, anchor="mt")
    s.gap(8)
    if "代码" in c.title or "代碼" in c.title:
        digits = f"{c.rng.randint(10**7, 10**8 - 1)}"
        w = [3, 7, 9, 10, 5, 8, 4, 2]
        r = 11 - sum(int(a) * b for a, b in zip(digits, w, strict=True)) % 11
        code = f"{digits}-{'X' if r == 10 else '0' if r == 11 else r}"
        s.line(f"代码：{c.f('org_code', code)}", points=12)
    else:
        s.line(f"统一社会信用代码：{c.f('credit_code', cf.company_id)}", points=12)
    s.gap(4)
    founded = cf.delivered.replace(year=cf.delivered.year - c.rng.randint(2, 15))
    for label, value in (("名      称", c.f("company", cf.company)), ("类      型", "有限责任公司（自然人投资或控股）"),
                         ("法定代表人", c.f("name", cf.owner.name)), ("注册资本", f"人民币{c.rng.choice((100, 200, 500, 1000))}万元"),
                         ("成立日期", f"{founded.year}年{founded.month:02d}月{founded.day:02d}日"),
                         ("营业期限", f"{founded.year}年{founded.month:02d}月{founded.day:02d}日至长期"),
                         ("住      所", c.f("address", cf.owner.address))):
        s.line(f"{label}    {value}", points=12)
        s.gap(2)
    s.para("经营范围：一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；信息咨询服务（不含许可类信息咨询服务）；"
           "会议及展览服务；办公用品销售。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）", kind="sans", indent=0)
    s.gap(10)
    s.line("", f"登记机关    {cf.owner.city.name}市市场监督管理局", points=12)
    s.line("", f"{c.date(founded)}", points=12)


def delivery_checklist(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf
    car = cf.car
    c.header(s, cf.dealer.name)
    s.fields([
        [("客户姓名", c.customer()), ("联系电话", c.mobile(cf.owner.mobile))],
        [("车型", car.model), ("颜色", car.colour)],
        [("车架号", c.f("vin", car.vin)), ("车牌号", c.f("plate", car.plate) if c.rng.random() < 0.4 else "临时号牌")],
        [("交车日期", c.date(cf.delivered)), ("销售顾问", cf.consultant)],
    ], hand=c.hand)
    items = ["车身外观无划痕凹陷", "漆面完好", "内饰清洁无破损", "座椅及安全带", "随车工具齐全", "备胎及补胎工具",
             "三角警示牌", "灭火器", "钥匙（2把）", "用户手册及保养手册", "车辆合格证", "购车发票", "各灯光功能",
             "空调及音响", "车窗及天窗", "多媒体及导航讲解", "保养周期说明", "首保提醒"]
    n = c.rng.randint(12, len(items))
    s.checks(items[:n], ["是", "否"], [0 if c.rng.random() < 0.95 else 1 for _ in range(n)])
    s.para("客户确认：以上项目已逐项检查确认，车辆外观、内饰无异常，随车物品齐全，已了解车辆使用及保养要求。", kind="sans",
           indent=0)
    s.gap(3)
    c.signatures(s)


def vehicle_license(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf
    car, o = cf.car, cf.owner
    reg = cf.delivered + timedelta(days=c.rng.randint(1, 10))
    s.gap(10)
    w = s.px(88 * 1.6)
    x = (s.w - w) // 2
    top = s.y
    s.draw.rectangle((x, top, x + w, top + s.px(62 * 1.6)), fill=(238, 240, 236), outline=(110, 110, 110), width=2)
    s.y += s.px(5)
    if c.title in ("机动车行驶证", "機動車行駛證"):
        s.text(s.w // 2, s.y, "中华人民共和国", kind="bold", points=12, anchor="mt")
        s.gap(7)
    s.title(c.title, points=16)
    x0, x1 = s.x0, s.x1
    s.x0, s.x1 = x + s.px(4), x + w - s.px(4)
    s.fields([
        [("号牌号码", c.f("plate", car.plate)), ("车辆类型", "小型轿车" if not car.make.nev else "小型纯电动轿车")],
        [("所有人", c.customer())],
        [("住址", c.f("address", o.address))],
        [("使用性质", "非营运"), ("品牌型号", f"{car.make.brand}牌{car.type_code}")],
        [("车辆识别代号", c.f("vin", car.vin))],
        [("发动机号码", car.engine_no)],
        [("注册日期", c.date(reg)), ("发证日期", f"{reg:%Y-%m-%d}")],
    ], ruled=False, points=10, row_mm=8)
    s.x0, s.x1 = x0, x1
    s.y = top + s.px(62 * 1.6) + s.px(10)
    top = s.y
    s.draw.rectangle((x, top, x + w, top + s.px(50 * 1.6)), fill=(238, 240, 236), outline=(110, 110, 110), width=2)
    s.x0, s.x1 = x + s.px(4), x + w - s.px(4)
    s.gap(5)
    s.fields([
        [("号牌号码", car.plate), ("档案编号", f"{c.rng.randint(10**11, 10**12 - 1)}")],
        [("核定载人数", "5人"), ("总质量", f"{c.rng.randint(1800, 2500)}kg")],
        [("整备质量", f"{c.rng.randint(1350, 2100)}kg"), ("外廓尺寸", f"{c.rng.randint(4500, 5000)}×1850×1480mm")],
        [("检验记录", f"检验有效期至{reg.year + 6}年{reg.month:02d}月")],
    ], ruled=False, points=10, row_mm=8)
    s.x0, s.x1 = x0, x1
    s.y = top + s.px(50 * 1.6)


def insurance_policy(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf
    car, o = cf.car, cf.owner
    compulsory = "强制" in c.title
    fee = 950.0 if compulsory else float(c.rng.randint(2800, 9800))
    c.header(s, cf.insurer, points=18)
    start = cf.delivered
    s.line(f"保险单号：P{c.rng.choice('DAEZ')}AA{start.year}{c.rng.randint(10**12, 10**13 - 1)}", f"签单日期：{c.date(start)}")
    s.fields([
        [("被保险人", c.customer())],
        [("被保险人身份证号码", c.f("id_number", o.id_number)), ("联系电话", c.mobile(o.mobile))],
        [("地址", o.address)],
        [("号牌号码", c.f("plate", car.plate) if c.rng.random() < 0.6 else "新车未上牌"), ("机动车种类", "6座以下客车")],
        [("识别代码（车架号）", c.f("vin", car.vin)), ("发动机号码", car.engine_no)],
        [("厂牌型号", f"{car.make.brand}{car.type_code}"), ("使用性质", "家庭自用汽车")],
        [("保险期间", f"自{start.year}年{start.month}月{start.day}日0时起至{start.year + 1}年{start.month}月{start.day}日24时止")],
        [("保险费合计（人民币大写）", yuan_upper(fee)), ("（¥）", c.amount(fee, sign=False))],
    ], points=9.5, label_frac=0.45)
    s.para("特别约定：本保单为电子保单的纸质打印件，与电子保单具有同等法律效力。", kind="sans", indent=0, points=9.5)
    s.para("重要提示：1. 请详细阅读保险条款，特别是责任免除和投保人、被保险人义务。2. 收到本保险单后，请立即核对，"
           "如有不符或疏漏，请及时通知保险人并办理变更或补充手续。3. 被保险机动车发生事故的，应当及时通知保险人。",
           kind="sans", indent=0, points=9.5)
    s.gap(8)
    s.line("", f"保险人：{cf.insurer}", points=10.5)
    s.seal((s.x1 - s.px(40), s.y - s.px(4)), "round", cf.insurer.replace("股份有限公司", "") + f"{cf.dealer.city.name}分公司",
           "保单专用章")
    s.line("", f"客户服务电话：95{c.rng.randint(100, 599)}", points=10.5)


def value_added_services(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf
    c.header(s, cf.dealer.name)
    s.fields([[("客户姓名", c.customer()), ("联系电话", c.mobile(cf.owner.mobile))],
              [("车型", cf.car.model), ("车架号", c.f("vin", cf.car.vin))]])
    catalogue = [("延长保修", "2年或10万公里延保", 3800), ("全车贴膜", "前挡及侧后挡隔热膜", 2600),
                 ("精品套装", "脚垫、行车记录仪、后备箱垫", 1280), ("保养套餐", "3次常规保养", 1980),
                 ("上牌服务", "代办上牌手续", 500), ("保险代办", "交强险及商业险", 0), ("贷款服务", "金融方案办理", 1500),
                 ("轮胎保障", "2年轮胎意外损坏保障", 680)]
    chosen = c.rng.sample(catalogue, c.rng.randint(2, 6))
    rows = [[str(i + 1), n, d, "1", f"{p:,.2f}"] for i, (n, d, p) in enumerate(chosen)]
    total = float(sum(p for _, _, p in chosen))
    s.table(["序号", "服务项目", "服务内容", "数量", "金额（元）"], rows, [0.7, 1.6, 3, 0.7, 1.3], blank_rows=c.rng.randint(0, 3),
            align="clllr")
    s.line(f"合计（大写）：{yuan_upper(total)}", f"合计：{c.amount(total)}", points=10.5)
    s.para("以上服务项目已向客户详细说明，客户自愿选购，服务内容以各项目服务协议为准。", kind="sans", indent=0)
    s.line(f"日期：{c.date(cf.delivered)}")
    s.gap(3)
    c.signatures(s, date_line=False)


def conformity_certificate(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf
    car = cf.car
    top = s.y
    s.gap(4)
    s.title(c.title, points=18)
    petrol = not car.make.nev
    items = [("合格证编号", c.f("cert_no", car.cert_no)), ("发证日期", c.date(car.made + timedelta(days=2))),
             ("车辆制造企业名称", car.make.maker), ("车辆品牌/车辆名称", f"{car.make.brand}/轿车"),
             ("车辆型号", car.type_code), ("车辆识别代号/车架号", c.f("vin", car.vin)), ("车身颜色", car.colour),
             ("发动机型号", car.engine_no[:3] + "-" + car.type_code[-3:] if petrol else "TZ220XS"),
             ("发动机号", car.engine_no), ("燃料种类", "汽油" if petrol else "纯电动"),
             ("排量和功率（ml/kW）", f"{c.rng.choice((1498, 1984, 1395))}/{c.rng.randint(96, 162)}" if petrol else f"—/{c.rng.randint(150, 220)}"),
             ("排放标准", "GB18352.6-2016国VI" if petrol else "—"), ("轮胎数", "4"), ("轮胎规格", "225/45 R18"),
             ("轴距（mm）", str(c.rng.randint(2650, 2980))), ("额定载客（人）", "5"),
             ("最高设计车速（km/h）", str(c.rng.randint(180, 240))), ("车辆制造日期", f"{car.made.year}年{car.made.month:02d}月{car.made.day:02d}日")]
    rows = [[(f"{i}.{k}", v) for i, (k, v) in list(enumerate(items))[j:j + 2]] for j in range(0, len(items), 2)]
    s.fields(rows, points=9, label_frac=0.5, row_mm=9)
    s.para("车辆制造企业信息：本产品经过检验，符合《道路机动车辆生产企业及产品公告》批准的技术参数，准予出厂，特此证明。",
           kind="sans", indent=0, points=9.5)
    s.draw.rectangle((s.x0 - s.px(3), top - s.px(2), s.x1 + s.px(3), s.y + s.px(3)), outline=(60, 90, 60),
                     width=s.px(1.2))


def delivery_photo(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf
    c.header(s, cf.dealer.name)
    s.photo("car", 110)
    s.gap(3)
    s.line(f"客户：{c.customer()}", f"车型：{cf.car.model}", points=11)
    s.line(f"车架号：{c.f('vin', cf.car.vin)}", f"交车日期：{c.date(cf.delivered)}", points=11)
    if c.rng.random() < 0.5:
        s.gap(4)
        s.photo("car", 80, width_frac=0.6, x_frac=0.2)


def pdi_checklist(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf
    car = cf.car
    c.header(s, cf.dealer.name)
    s.fields([[("车型", car.model), ("颜色", car.colour)],
              [("车架号", c.f("vin", car.vin)), ("里程（km）", str(c.rng.randint(5, 40)))],
              [("检查日期", c.date(cf.delivered - timedelta(days=c.rng.randint(1, 6)))), ("发动机号", car.engine_no)]],
             hand=c.hand)
    items = ["漆面及车身缝隙", "前后风挡及车窗玻璃", "轮胎胎压及轮毂", "机油液位", "冷却液液位", "制动液液位", "玻璃清洗液",
             "蓄电池电压", "前后灯光", "喇叭", "仪表及警告灯", "空调暖风", "音响及多媒体", "中控门锁及遥控", "电动车窗",
             "天窗", "座椅调节", "安全带", "随车工具", "底盘及排气管", "路试：制动", "路试：转向", "路试：异响", "车辆清洁"]
    n = c.rng.randint(16, len(items))
    s.checks(items[:n], ["合格", "不合格"], [0 if c.rng.random() < 0.94 else 1 for _ in range(n)])
    s.line("检查结论：合格，可交付客户。" if c.rng.random() < 0.8 else "检查结论：已整改，复检合格。")
    s.gap(3)
    c.signatures(s)


def other_proof(s: Sheet, c: Ctx) -> None:
    cf = c.car
    assert cf
    o = cf.owner
    issuer = cf.company or f"{o.city.name}{c.rng.choice(('嘉禾', '远航', '中科'))}科技有限公司"
    s.gap(20)
    s.title(c.title, points=24, kind="serifb")
    s.gap(6)
    kind = c.rng.choice(("工作", "居住"))
    name, idn = c.f("name", o.name), c.f("id_number", o.id_number)
    if kind == "工作":
        body = (f"兹证明{name}（身份证号码：{idn}）系我单位正式员工，自{c.rng.randint(2012, 2020)}年起在我单位工作至今，"
                f"现任{c.rng.choice(('部门经理', '工程师', '销售主管', '财务专员'))}。")
    else:
        body = f"兹证明{name}（身份证号码：{idn}）现居住于{o.address}，居住时间已满一年。"
    s.para(body + "本证明仅用于办理购车相关手续。", points=13, spacing=2.0)
    s.para("特此证明。", points=13)
    s.gap(30)
    s.line("", issuer, points=13)
    s.line("", c.date(cf.delivered - timedelta(days=c.rng.randint(1, 20))), points=13)
    s.seal((s.x1 - s.px(35), s.y - s.px(14)), "round", issuer, "")


FORMS = {
    "customer_card": customer_card, "purchase_invoice": purchase_invoice, "sales_contract": sales_contract,
    "id_copy": id_copy, "delivery_checklist": delivery_checklist, "vehicle_license": vehicle_license,
    "insurance_policy": insurance_policy, "value_added_services": value_added_services,
    "conformity_certificate": conformity_certificate, "delivery_photo": delivery_photo,
    "pdi_checklist": pdi_checklist, "other_proof": other_proof,
}
