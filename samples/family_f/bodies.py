"""What each document type prints, in family f's own wording. One function per code, chosen from BODIES."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from .doc import Doc
from .subjects import Car, Owner, Unit, Visit
from .wording import ADDONS, CHECK_ITEMS_12, DELIVERY_ITEMS, JOB_PRINTED, PDI_ITEMS, ROAD_ITEMS, UNIT_ITEMS

Party = tuple[str, str, bool]  # who signs, "customer" or "staff", and whether that party also stamps


@dataclass
class Ctx:
    rng: random.Random
    car: Car | None = None
    visit: Visit | None = None
    unit: Unit | None = None
    subject: str | None = None


def _fmt_mobile(rng: random.Random, m: str) -> str:
    return rng.choice((m, f"{m[:3]} {m[3:7]} {m[7:]}", f"{m[:3]}-{m[3:7]}-{m[7:]}"))


def _who(d: Doc, o: Owner, label_person: str = "客户姓名", label_co: str = "单位名称") -> tuple[str, str]:
    if o.is_company:
        return (label_co, d.val("company", o.name))
    return (label_person, d.val("name", o.name))


def _car_head(d: Doc, c: Ctx, *, order: bool = False, plate: bool = True, mobile: bool = True) -> None:
    car, v, rng = c.car, c.visit, c.rng
    assert car
    d.sign_day(v.day if v else car.delivered)
    pairs = [_who(d, car.owner, rng.choice(("客户姓名", "车主", "送修人")), "单位名称")]
    if car.owner.is_company or rng.random() < 0.4:
        pairs.append(("联系人", d.val("contact", car.owner.contact)))
    if mobile:
        pairs.append((rng.choice(("手机", "联系电话", "手机号码")), d.val("mobile", _fmt_mobile(rng, car.owner.mobile), car.owner.mobile)))
    if plate:
        pairs.append(("车牌号", d.val("plate", car.plate if not d.hant else d.p.t(car.plate), car.plate)))
    pairs.append((rng.choice(("车架号", "VIN码", "车辆识别代号")), d.val("vin", car.vin)))
    pairs.append(("车型", d.val(None, car.model)))
    if v:
        if order:
            pairs.append((rng.choice(("工单号", "委托书号", "单号")), d.val("order_number", v.order)))
        pairs.append(("进厂里程", f"{v.mileage} km"))
        pairs.append((rng.choice(("进厂日期", "日期", "接车时间")), d.val("date", d.date(v.day), v.day.isoformat())))
        if rng.random() < 0.6:
            pairs.append(("维修类别", d.val("job_type", rng.choice(JOB_PRINTED[v.job]), v.job)))
    rng.shuffle(pairs[2:])
    d.kv(pairs, cols=rng.choice((2, 2, 3)) if len(pairs) > 5 else 2)


def _money_rows(d: Doc, v: Visit, prices: bool = True) -> None:
    rows = [[d.p.t(i), f"{h:.1f}", f"{p:.2f}" if prices else ""] for i, h, p in v.labour]
    d.table(["维修项目", "工时", "工时费"], rows, [5, 1.2, 1.6])
    rows = [[d.p.t(n), str(q), f"{u:.2f}", f"{q * u:.2f}"] for n, q, u in v.parts]
    d.table(["配件名称", "数量", "单价", "金额"], rows, [4, 1, 1.5, 1.5])


def customer_card(d: Doc, c: Ctx) -> list[Party]:
    car, rng = c.car, c.rng
    assert car
    o = car.owner
    pairs = [_who(d, o), ("联系人", d.val("contact", o.contact)),
             ("手机", d.val("mobile", _fmt_mobile(rng, o.mobile), o.mobile)),
             ("固定电话", d.val("landline", o.landline if rng.random() < 0.6 else f"({o.landline.split('-')[0]}){o.landline.split('-')[1]}", o.landline)),
             ("联系地址", d.val("address", o.address)), ("车架号", d.val("vin", car.vin)), ("车型/颜色", d.val(None, f"{car.model} {car.colour}")),
             ("交车日期", d.val("date", d.date(car.delivered), car.delivered.isoformat()))]
    if not o.is_company and rng.random() < 0.5:
        pairs.insert(1, ("身份证号", d.val("id_number", o.id_number)))
    d.kv(pairs, cols=1 if rng.random() < 0.4 else 2)
    d.line("客户级别：□A  □B  □C        获知渠道：□网络  □到店  □转介绍")
    d.line("本人确认以上信息真实有效，同意经销商用于车辆售后回访及服务提醒。", d.size - 1)
    return [(d.site.customer[0], "customer", False), (d.site.staff["sales"], "staff", False)]


def sales_contract(d: Doc, c: Ctx) -> list[Party]:
    car, rng = c.car, c.rng
    assert car
    o = car.owner
    d.line(f"合同编号：HT{car.delivered.strftime('%Y%m%d')}{rng.randrange(100):02d}", d.size - 1)
    dealer_first = rng.random() < 0.7  # which side the contract calls 甲方
    seller, buyer = rng.choice((("出卖人", "买受人"), ("卖方", "买方"), ("甲方", "乙方") if dealer_first else ("乙方", "甲方")))
    a, b = ("甲方", "乙方") if dealer_first else ("乙方", "甲方")
    d.line(f"{seller if seller not in ('甲方', '乙方') else '出卖人'}（{a}）：{d.site.name}")
    d.line(f"{buyer if buyer not in ('甲方', '乙方') else '买受人'}（{b}）：{d.val('company' if o.is_company else 'name', o.name)}")
    d.line(("统一社会信用代码：" + d.val("credit_code", o.credit_code)) if o.is_company else ("身份证号码：" + d.val("id_number", o.id_number)))
    d.line(f"联系电话：{d.val('mobile', o.mobile)}    住所：{d.val('address', o.address)}")
    d.gap()
    d.table(["品牌型号", "颜色", "车架号", "数量", "价款（元）"],
            [[d.p.t(f"{d.site.brand} {car.model}"), d.p.t(car.colour), d.val("vin", car.vin), "1", f"{car.price:.2f}"]], [3, 1.3, 3.6, 0.8, 1.8])
    d.line(f"车辆价款合计人民币：{d.val('amount', d.money(car.price), f'{car.price:.2f}')}")
    d.line(f"交车日期：{d.val('date', d.date(car.delivered), car.delivered.isoformat())}")
    clauses = ["第一条 乙方应于签订本合同时支付定金，余款于交车前付清。", "第二条 甲方交付车辆时应同时交付合格证、发票及随车文件。",
               "第三条 车辆自交付之日起按生产企业规定享受质量担保。", "第四条 乙方应当面验收车辆，验收合格后签署交车确认文件。",
               "第五条 任何一方违约，应赔偿对方因此造成的损失。", "第六条 因本合同发生争议，双方协商解决；协商不成的，向甲方所在地人民法院起诉。",
               "第七条 本合同一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。"]
    if rng.random() < 0.6:
        d.new_page()  # the terms run over to a second page, as contracts do
    for cl in clauses:
        d.para(cl)
    d.sign_day(car.delivered)
    if rng.random() < 0.4:  # the contract's foot: each party's name under its stamp, its representative signs
        sides = [(seller, d.site.name, rng.choice(("授权代表", "经办人", d.site.staff["sales"])), "staff"),
                 (buyer, o.name, "委托代理人" if o.is_company else rng.choice(("买受人", "本人")), "customer")]
        d.contract_foot(sides if dealer_first else sides[::-1])
        return []
    return [(seller, "staff", True), (buyer, "customer", False), (d.site.staff["sales"], "staff", False)]


def id_copy(d: Doc, c: Ctx) -> list[Party]:
    o = (c.car.owner if c.car else c.unit.tenant if c.unit else None)
    assert o
    p = d.p
    w, h = p.mm(86), p.mm(54)
    x = (p.width - w) // 2
    if o.is_company:
        p.rect((d.left, d.y, d.right, d.y + p.mm(130)), w=max(3, d.dpi // 40))
        y = d.y + p.mm(10)
        p.text(p.width // 2, y, p.t("营 业 执 照"), 22, role="title", anchor="c")
        y += p.mm(18)
        for lab, val in (("统一社会信用代码", d.val("credit_code", o.credit_code)), ("名　　称", d.val("company", o.name)),
                         ("类　　型", p.t("有限责任公司")), ("住　　所", d.val("address", o.address)), ("法定代表人", p.t(o.contact))):
            p.text(d.left + p.mm(12), y, p.t(lab) + "  " + val, 10)
            y += p.mm(9)
        d.y += p.mm(140)
    else:
        for side in (0, 1):
            y = d.y
            p.draw.rounded_rectangle((x, y, x + w, y + h), radius=p.mm(3), outline=(90, 90, 90), width=2)
            if side == 0:
                p.text(x + p.mm(5), y + p.mm(5), p.t("姓名 ") + d.val("name", o.name), 9)
                p.text(x + p.mm(5), y + p.mm(13), p.t(f"性别 {'男' if int(o.id_number[16]) % 2 else '女'}  民族 汉"), 9)
                p.text(x + p.mm(5), y + p.mm(21), p.t(f"出生 {o.id_number[6:10]}年{int(o.id_number[10:12])}月{int(o.id_number[12:14])}日"), 9)
                p.text(x + p.mm(5), y + p.mm(29), p.t("住址 ") + d.val("address", o.address), 6.5)
                p.text(x + p.mm(5), y + p.mm(44), p.t("公民身份号码 ") + d.val("id_number", o.id_number), 9)
                p.rect((x + w - p.mm(28), y + p.mm(6), x + w - p.mm(5), y + p.mm(36)))
            else:
                p.text(x + w // 2, y + p.mm(10), p.t("中华人民共和国"), 12, anchor="c")
                p.text(x + w // 2, y + p.mm(20), p.t("居民身份证"), 14, anchor="c")
                p.text(x + p.mm(6), y + p.mm(36), p.t(f"签发机关 {o.address[:3]}公安局"), 8.5)
                p.text(x + p.mm(6), y + p.mm(44), p.t("有效期限 2019.05.01-2039.05.01"), 8.5)
            d.y += h + p.mm(12)
    if c.rng.random() < 0.5:
        d.line(c.rng.choice(("此复印件仅用于办理车辆相关手续，再复印无效。", "复印件与原件一致", "仅供物业登记使用")))
        return [(c.rng.choice(("本人", "证件持有人", "客户")), "customer", False)]
    return []


def delivery_checklist(d: Doc, c: Ctx) -> list[Party]:
    car, rng = c.car, c.rng
    assert car
    o = car.owner
    d.kv([_who(d, o), ("电话", d.val("mobile", o.mobile)), ("车架号", d.val("vin", car.vin)),
          ("交车日期", d.val("date", d.date(car.delivered), car.delivered.isoformat()))])
    d.sign_day(car.delivered)
    d.checks(rng.sample(DELIVERY_ITEMS, rng.randint(8, len(DELIVERY_ITEMS))))
    d.para("以上项目已逐项检查并向本人讲解，车辆及随车物品完好，本人确认接收。")
    return [(rng.choice((d.site.customer[0], "提车人", "车主")), "customer", False), (d.site.staff["sales"], "staff", False)]


def vehicle_license(d: Doc, c: Ctx) -> list[Party]:
    car = c.car
    assert car
    p = d.p
    x0, x1 = p.width // 2 - p.mm(60), p.width // 2 + p.mm(60)
    p.rect((x0, d.y, x1, d.y + p.mm(82)), w=3)
    y = d.y + p.mm(4)
    p.text(p.width // 2, y, p.t("中华人民共和国机动车行驶证"), 13, role="title", anchor="c")
    y += p.mm(12)
    for lab, val in (("号牌号码", d.val("plate", p.t(car.plate), car.plate)), ("车辆类型", p.t("小型轿车")),
                     ("所有人", d.val("company" if car.owner.is_company else "name", car.owner.name)),
                     ("住址", d.val("address", car.owner.address)), ("品牌型号", p.t(f"{car.model}")),
                     ("车辆识别代号", d.val("vin", car.vin)), ("发动机号码", car.engine_no),
                     ("注册日期", d.val("date", car.delivered.isoformat())) ):
        p.text(x0 + p.mm(5), y, p.t(lab) + "  " + val, 9)
        y += p.mm(8)
    d.y += p.mm(92)
    return []


def insurance_policy(d: Doc, c: Ctx) -> list[Party]:
    car, rng = c.car, c.rng
    assert car
    premium = rng.randrange(950, 9000)
    d.seal_text = rng.choice(("中国人民财产保险股份有限公司", "中国平安财产保险股份有限公司", "中国太平洋财产保险股份有限公司"))
    d.line(d.seal_text + "  " + d.site.name[:2] + "分公司")
    d.line(f"保险单号：PDAA{car.delivered.year}{rng.randrange(10**10):010d}", d.size - 1)
    d.kv([("被保险人", d.val("company" if car.owner.is_company else "name", car.owner.name)),
          ("号牌号码", d.val("plate", d.p.t(car.plate), car.plate)), ("车辆识别代号", d.val("vin", car.vin)),
          ("厂牌型号", d.p.t(car.model)), ("保险期间", f"{car.delivered.isoformat()} 0时起 一年"),
          ("保险费合计", d.val("amount", f"¥{premium:.2f}", f"{premium:.2f}"))])
    d.table(["承保险种", "保险金额/责任限额", "保险费"],
            [[d.p.t("机动车损失保险"), f"{car.price:.2f}", f"{premium * 0.6:.2f}"], [d.p.t("第三者责任保险"), "1000000.00", f"{premium * 0.3:.2f}"],
             [d.p.t("车上人员责任险"), "10000.00", f"{premium * 0.1:.2f}"]], [3, 2, 1.5])
    d.para("重要提示：收到本保险单后请立即核对，如有不符请在48小时内通知保险人办理变更。")
    return []


def value_added_services(d: Doc, c: Ctx) -> list[Party]:
    car, rng = c.car, c.rng
    assert car
    d.kv([_who(d, car.owner), ("车架号", d.val("vin", car.vin))])
    items = rng.sample(ADDONS, rng.randint(2, 5))
    prices = [rng.randrange(2, 60) * 100 for _ in items]
    d.table(["序号", "服务项目", "金额（元）", "备注"], [[str(i + 1), d.p.t(it), f"{pr:.2f}", ""] for i, (it, pr) in enumerate(zip(items, prices, strict=False))], [0.8, 4, 1.8, 2])
    d.line(f"合计：{d.val('amount', d.money(sum(prices)), f'{sum(prices):.2f}')}")
    d.para("以上服务项目由客户自愿选购，已知悉服务内容及期限。")
    return [(d.site.customer[1], "customer", False)] + ([(d.site.staff["sales"], "staff", False)] if rng.random() < 0.6 else [])


def conformity_certificate(d: Doc, c: Ctx) -> list[Party]:
    car, rng = c.car, c.rng
    assert car
    d.line(f"合格证编号：W{rng.randrange(10**13):013d}", d.size - 1)
    d.kv([("发证日期", d.val("date", car.delivered.isoformat())), ("车辆制造企业名称", d.p.t(d.site.brand + "汽车有限公司")),
          ("车辆品牌/型号", d.p.t(car.model)), ("车辆识别代号/车架号", d.val("vin", car.vin)), ("车身颜色", d.p.t(car.colour)),
          ("发动机号", car.engine_no), ("燃料种类", d.p.t(rng.choice(("汽油", "纯电动", "插电式混合动力")))), ("额定载客（人）", "5")], cols=1)
    d.para("本产品经过检验，符合国家标准及技术条件，准予出厂，特此证明。")
    return []


def pdi_checklist(d: Doc, c: Ctx) -> list[Party]:
    car, rng = c.car, c.rng
    assert car
    d.kv([("车架号", d.val("vin", car.vin)), ("车型", d.p.t(car.model)), ("检查日期", d.val("date", d.date(car.delivered), car.delivered.isoformat())),
          ("里程", f"{rng.randrange(3, 40)} km")])
    d.checks(PDI_ITEMS, cols=rng.choice((1, 2)))
    d.line("检查结论：□合格  □不合格，需返修")
    return [(rng.choice((d.site.staff["inspect"], "PDI检查员", "检查人")), "staff", False)] + (
        [(d.site.staff["sales"], "staff", False)] if rng.random() < 0.3 else [])


def other_proof(d: Doc, c: Ctx) -> list[Party]:
    car = c.car
    assert car
    o = car.owner
    who = d.val("company" if o.is_company else "name", o.name)
    d.gap(6)
    d.para(f"兹证明{who}（{'统一社会信用代码' if o.is_company else '身份证号'}："
           f"{d.val('credit_code', o.credit_code) if o.is_company else d.val('id_number', o.id_number)}）"
           f"现居住/经营于{d.val('address', o.address)}，所购车辆（车架号{d.val('vin', car.vin)}）为本人（本单位）自用。")
    d.para("特此证明。")
    d.line(f"{d.val('date', d.date(car.delivered), car.delivered.isoformat())}", indent=(d.right - d.left) * 2 // 3)
    return [("证明人" if not o.is_company else "证明单位", "customer", o.is_company)]


def reception_sheet(d: Doc, c: Ctx) -> list[Party]:
    rng = c.rng
    _car_head(d, c, order=rng.random() < 0.5)
    d.line("客户描述：" + rng.choice(("车辆到保养里程，常规保养。", "行驶中右前轮有异响。", "仪表故障灯亮。", "空调制冷效果差。", "左后门划伤需钣喷。")))
    d.line("环车检查：")
    d.checks(("外观划痕", "轮毂轮胎", "玻璃", "内饰", "贵重物品已提醒", "随车工具"), cols=3)
    d.line("燃油：□E □1/4 □1/2 □3/4 □F      旧件：□带走 □不带走")
    d.line("□ 已与客户确认本次联系人及联系电话")
    return [(rng.choice((d.site.customer[0], "送修人", "客户")), "customer", False), (d.site.staff["service"], "staff", False)]


def work_order(d: Doc, c: Ctx) -> list[Party]:
    rng, v = c.rng, c.visit
    assert v
    _car_head(d, c, order=True)
    _money_rows(d, v, prices=rng.random() < 0.7)
    d.line(f"预计费用：{d.val('amount', d.money(v.amount), f'{v.amount:.2f}')}    预计交车：{d.date(v.day)}")
    d.para("委托须知：1. 本委托书经客户签字后生效；2. 维修中如需增加项目，须经客户同意；3. 车辆修竣后请于三日内提车。")
    parties: list[Party] = [(rng.choice(("委托人", d.site.customer[0], "送修人", "托修方")), "customer", False), (d.site.staff["service"], "staff", False)]
    if rng.random() < 0.3:
        parties.append((d.site.staff["tech"], "staff", False))
    if rng.random() < 0.25:  # the workshop signs and stamps as the contracting party
        parties.append((d.site.staff["repairer"], "staff", True))
    return parties


def settlement(d: Doc, c: Ctx) -> list[Party]:
    rng, v = c.rng, c.visit
    assert v
    _car_head(d, c, order=True)
    _money_rows(d, v)
    d.line(f"应收合计：{d.val('amount', d.money(v.amount), f'{v.amount:.2f}')}    " + d.p.t(rng.choice(("付款方式：微信", "付款方式：刷卡", "付款方式：现金", "索赔结算"))))
    d.para("本人已确认车辆修竣，维修项目及费用无异议。")
    return [(rng.choice((d.site.customer[1], "客户")), "customer", False), (d.site.staff["cashier"], "staff", rng.random() < 0.4)] + (
        [(d.site.staff["service"], "staff", False)] if rng.random() < 0.5 else [])


def free_inspection_12(d: Doc, c: Ctx) -> list[Party]:
    rng, v, car = c.rng, c.visit, c.car
    assert v and car
    d.kv([("车牌号", d.val("plate", d.p.t(car.plate), car.plate)), ("车架号", d.val("vin", car.vin)),
          ("日期", d.val("date", d.date(v.day), v.day.isoformat()))] + ([("工单号", d.val("order_number", v.order))] if rng.random() < 0.5 else []))
    rows = [[str(i + 1), d.p.t(it), rng.choice(("✓", "✓", "✓", "×")), ""] for i, it in enumerate(CHECK_ITEMS_12)]
    if rng.random() < 0.5:
        d.table(["序号", "检查项目", "结果", "建议"], rows, [0.8, 4, 1.2, 2.5])
    else:
        d.checks(CHECK_ITEMS_12)
    return [(d.site.customer[0], "customer", False), (rng.choice((d.site.staff["tech"], d.site.staff["inspect"])), "staff", False)]


def addon_sheet(d: Doc, c: Ctx) -> list[Party]:
    rng, v, car = c.rng, c.visit, c.car
    assert v and car
    d.kv([("工单号", d.val("order_number", v.order)), ("车牌号", d.val("plate", d.p.t(car.plate), car.plate))])
    extra = rng.randrange(2, 30) * 50
    d.table(["增加项目", "原因", "费用"], [[d.p.t(rng.choice(("更换刹车油", "更换轮胎", "清洗节气门"))), d.p.t("检查中发现"), f"{extra:.2f}"]], [3, 3, 1.5])
    d.line(f"增项金额：{d.val('amount', d.money(extra), f'{extra:.2f}')}")
    d.line("□ 同意增加以上项目    □ 不同意")
    return [(rng.choice(("客户", "委托人", d.site.customer[0])), "customer", False), (d.site.staff["service"], "staff", False)]


def road_test(d: Doc, c: Ctx) -> list[Party]:
    rng, v, car = c.rng, c.visit, c.car
    assert v and car
    d.kv([("工单号", d.val("order_number", v.order)), ("车牌号", d.val("plate", d.p.t(car.plate), car.plate)),
          ("试车前里程", f"{v.mileage} km"), ("试车后里程", f"{v.mileage + rng.randrange(3, 15)} km")])
    d.checks(ROAD_ITEMS, cols=2)
    d.line("试车结论：□正常  □需复修")
    return [(d.site.staff["tech"], "staff", False), (d.site.staff["inspect"], "staff", False)] + (
        [(d.site.customer[0], "customer", False)] if rng.random() < 0.4 else [])


def loss_assessment(d: Doc, c: Ctx) -> list[Party]:
    rng, v, car = c.rng, c.visit, c.car
    assert v and car
    d.kv([("报案号", f"RDAA{rng.randrange(10**12):012d}"), ("承保公司", d.p.t(rng.choice(("中国人保财险", "平安财险", "太平洋财险")))),
          ("车牌号", d.val("plate", d.p.t(car.plate), car.plate)), ("车架号", d.val("vin", car.vin)),
          ("出险日期", d.val("date", d.date(v.day), v.day.isoformat()))])
    _money_rows(d, v)
    d.line(f"定损金额合计：{d.val('amount', d.money(v.amount), f'{v.amount:.2f}')}")
    return [(rng.choice(("被保险人", d.site.customer[0])), "customer", False), (rng.choice(("定损员", d.site.staff["service"])), "staff", False)]


def tool_readings(d: Doc, c: Ctx) -> list[Party]:
    rng, v, car = c.rng, c.visit, c.car
    assert v and car
    d.line(f"VIN: {d.val('vin', car.vin)}    {d.p.t('检测时间')}: {v.day.isoformat()} {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}")
    d.line(f"{d.p.t('工单号')}: {d.val('order_number', v.order)}    {d.p.t('里程')}: {v.mileage} km")
    codes = [f"P{rng.randrange(10000):04d}" for _ in range(rng.randint(0, 4))]
    d.table(["控制单元", "故障码", "描述", "状态"], [[d.p.t(rng.choice(("发动机控制单元", "变速箱控制单元", "ABS", "车身控制模块"))), code,
            d.p.t(rng.choice(("传感器信号不可信", "电路电压过低", "通讯故障"))), d.p.t(rng.choice(("偶发", "静态")))] for code in codes] or [["", d.p.t("无故障码"), "", ""]], [2.5, 1.5, 3.5, 1])
    d.table(["数据流", "实测值", "标准值"], [[d.p.t("蓄电池电压"), f"{rng.uniform(11.8, 14.4):.1f} V", "12.0-14.8 V"],
                                           [d.p.t("冷却液温度"), f"{rng.randrange(80, 100)} ℃", "80-105 ℃"],
                                           [d.p.t("怠速转速"), f"{rng.randrange(650, 900)} rpm", "650-900 rpm"]], [3, 2, 2])
    return [(d.site.staff["tech"], "staff", False)]


def estimate(d: Doc, c: Ctx) -> list[Party]:
    rng, v = c.rng, c.visit
    assert v
    _car_head(d, c, order=rng.random() < 0.6)
    _money_rows(d, v)
    d.line(f"估算金额：{d.val('amount', d.money(v.amount), f'{v.amount:.2f}')}（实际费用以结算单为准，上下浮动不超过10%）")
    return [(rng.choice(("客户", d.site.customer[0])), "customer", False), (d.site.staff["service"], "staff", False)]


def first_service_card(d: Doc, c: Ctx) -> list[Party]:
    rng, v, car = c.rng, c.visit, c.car
    assert v and car
    p = d.p
    box = (d.left + p.mm(10), d.y, d.right - p.mm(10), d.y + p.mm(95))
    p.rect(box, w=3)
    d.y += p.mm(6)
    d.left += p.mm(16)
    d.kv([("车主", d.val("company" if car.owner.is_company else "name", car.owner.name)), ("车架号", d.val("vin", car.vin)),
          ("购车日期", d.p.t(d.date(car.delivered))), ("首保日期", d.val("date", d.date(v.day), v.day.isoformat())),
          ("首保里程", f"{v.mileage} km"), ("车牌号", d.val("plate", p.t(car.plate), car.plate))], cols=1)
    d.left -= p.mm(16)
    d.y = box[3] + p.mm(6)
    d.line("首保须在购车后6个月或行驶7500公里内（以先到者为准）在授权服务站进行。", d.size - 1)
    return [(rng.choice(("车主", d.site.customer[0])), "customer", False), (rng.choice(("服务站", d.site.staff["service"])), "staff", rng.random() < 0.5)]


def _invoice(d: Doc, c: Ctx, buyer: Owner, amount: float, items: list[list[str]], vin: str | None) -> None:
    rng, p = c.rng, d.p
    assert c.car
    day = c.visit.day if c.visit else c.car.delivered
    code = f"{rng.choice(('031', '044', '011'))}00{rng.randrange(10**7):07d}"
    d.kv([("发票代码", d.val("invoice_code", code)), ("发票号码", d.val("invoice_number", f"{rng.randrange(10**8):08d}")),
          ("开票日期", d.val("date", d.date(day), day.isoformat()))], cols=3)
    buyer_id = (("纳税人识别号", d.val("credit_code", buyer.credit_code)) if buyer.is_company
                else ("身份证号码/组织机构代码", d.val("id_number", buyer.id_number)))
    d.kv([("购买方名称", d.val("company" if buyer.is_company else "name", buyer.name)), buyer_id] +
         ([("车辆识别代号/车架号码", d.val("vin", vin))] if vin else []), cols=1)
    d.table(["货物或应税劳务名称", "数量", "单价", "金额"], items, [4, 1, 1.5, 1.5])
    d.line(f"价税合计（小写）：{d.val('amount', f'¥{amount:.2f}', f'{amount:.2f}')}")
    d.kv([("销售方名称", p.t(d.site.name)), ("地址、电话", p.t(f"{d.site.name[:2]}市 {rng.randrange(1, 999)}号"))], cols=1)


def purchase_invoice(d: Doc, c: Ctx) -> list[Party]:
    car = c.car
    assert car
    _invoice(d, c, car.owner, car.price, [[d.p.t(f"{d.site.brand} {car.model}"), "1", f"{car.price:.2f}", f"{car.price:.2f}"]], car.vin)
    return []


def parts_invoice(d: Doc, c: Ctx) -> list[Party]:
    car, v = c.car, c.visit
    assert car and v
    parts = [[d.p.t(n), str(q), f"{u:.2f}", f"{q * u:.2f}"] for n, q, u in v.parts]
    _invoice(d, c, car.owner, sum(q * u for _, q, u in v.parts), parts, None)
    return []


def fault_report(d: Doc, c: Ctx) -> list[Party]:
    rng, v, car = c.rng, c.visit, c.car
    assert v and car
    d.kv([("工单号", d.val("order_number", v.order)), ("车架号", d.val("vin", car.vin)), ("行驶里程", f"{v.mileage} km"),
          ("报告日期", d.val("date", d.date(v.day), v.day.isoformat()))])
    d.line("一、故障现象")
    d.para(rng.choice(("客户反映冷车启动时发动机抖动明显，仪表发动机故障灯点亮。", "车辆高速行驶时变速箱换挡冲击，偶发跳挡。", "中控屏频繁黑屏重启，倒车影像无显示。")))
    d.line("二、检测过程")
    d.para("使用专用诊断仪读取故障码并记录数据流；按维修手册进行线路测量及部件替换测试；路试复现故障。")
    d.line("三、结论及处理")
    d.para(rng.choice(("确认为点火线圈内部短路，属质量担保范围，申请索赔更换。", "确认为阀体电磁阀卡滞，申请索赔更换阀体总成。", "确认为主机软件故障，升级后故障排除。")))
    return [(d.site.staff["tech"], "staff", False), (rng.choice(("技术经理", d.site.staff["inspect"])), "staff", False)] + (
        [(d.site.customer[0], "customer", False)] if rng.random() < 0.3 else [])


# -- property unit documents --------------------------------------------------------------------------

def _unit_head(d: Doc, c: Ctx, extra: list[tuple[str, str]] | None = None) -> None:
    u, rng = c.unit, c.rng
    assert u
    d.sign_day(u.day)
    t = u.tenant
    pairs = [("单元号" if rng.random() < 0.5 else "房号", d.val("unit", u.number)), ("楼宇", d.p.t(u.building)),
             _who(d, t, rng.choice(("业主姓名", "住户姓名")), rng.choice(("承租单位", "公司名称", "租户名称"))),
             ("联系人", d.val("contact", t.contact)), ("联系电话", d.val("mobile", _fmt_mobile(rng, t.mobile), t.mobile)),
             ("日期", d.val("date", d.date(u.day), u.day.isoformat()))] + (extra or [])
    d.kv(pairs, cols=2)


def move_in(d: Doc, c: Ctx) -> list[Party]:
    u, rng = c.unit, c.rng
    assert u
    t = u.tenant
    _unit_head(d, c, [("统一社会信用代码", d.val("credit_code", t.credit_code)) if t.is_company else ("身份证号", d.val("id_number", t.id_number))])
    rows = [[d.p.t(it), rng.choice(("完好", "完好", "正常", "有轻微划痕")), ""] for it in UNIT_ITEMS]
    d.table(["交接项目", "状况", "备注"], rows, [3, 2, 3])
    d.para("以上房屋及设施已现场查验，双方确认无误。入住后请遵守《管理规约》及大厦各项管理制度。")
    return [(rng.choice(("业主", "承租人", "租户", d.site.customer[0])), "customer", False),
            (d.site.staff["office"], "staff", rng.random() < 0.5)]


def renovation(d: Doc, c: Ctx) -> list[Party]:
    u, rng = c.unit, c.rng
    assert u
    dep = rng.randrange(2, 20) * 1000
    _unit_head(d, c, [("装修单位", d.p.t(rng.choice(("上海筑家装饰工程有限公司", "金螳螂建筑装饰", "自行装修")))),
                      ("装修押金", d.val("amount", d.money(dep), f"{dep:.2f}"))])
    d.line("装修内容：□隔墙 □吊顶 □地面 □水电改造 □空调 □其他")
    for i, cl in enumerate(("装修施工时间为工作日 8:00-12:00、14:00-18:00，噪音作业须在非办公时间进行。",
                            "不得拆改承重结构、外立面及公共消防设施；动火作业须另行申请动火证。",
                            "装修垃圾须袋装并于指定时间清运，不得堆放于公共区域。",
                            "装修完毕经物业验收合格后，无息退还装修押金。"), 1):
        d.para(f"{i}. {cl}")
    if rng.random() < 0.3:  # signed as an agreement between the office and the tenant
        d.contract_foot([("甲方", d.site.name, rng.choice(("经办人", d.site.staff["office"])), "staff"),
                         ("乙方", u.tenant.name, rng.choice(("装修负责人", "业主", "代表")), "customer")])
        return []
    return [(rng.choice(("申请人", "装修负责人", d.site.customer[0])), "customer", False),
            (rng.choice(("工程部", "审批人", d.site.staff["office"])), "staff", False)] + (
        [(rng.choice(("物业服务中心", "管理处")), "staff", True)] if rng.random() < 0.5 else [])


def correspondence(d: Doc, c: Ctx) -> list[Party]:
    u, rng = c.unit, c.rng
    assert u
    t = u.tenant
    d.line(f"致：{d.val('company' if t.is_company else 'name', t.name)}（{d.val('unit', u.number)}）")
    d.gap()
    d.para(rng.choice(("因大厦中央空调系统例行维护，", "根据消防主管部门要求，", "为保障大厦运行安全，")) +
           rng.choice(("定于下周六进行停机检修，届时请贵司提前做好准备。", "将于本月中旬对各单元进行消防设施检查，请贵司予以配合。",
                       "现对地下停车场收费标准进行调整，具体详见附件。")))
    d.para("如有疑问，请致电客务部。特此函告。")
    d.stamp_at = (len(d.pages) - 1, d.left + (d.right - d.left) * 2 // 3, d.y + d.p.mm(4))  # over the sender's name
    d.line(d.site.name, indent=(d.right - d.left) // 2)
    d.line(d.val("date", d.date(u.day), u.day.isoformat()), indent=(d.right - d.left) // 2)
    if rng.random() < 0.5:
        d.signatures([(rng.choice(("经办人", d.site.staff["office"])), "staff", False)], at_foot=False)
    if rng.random() < 0.6:  # a tear-off receipt the tenant signs
        d.gap(4)
        d.p.hline(d.left, d.right, d.y, dashed=True)
        d.gap(3)
        d.line("回  执")
        d.line("我司已收到上述函件并知悉其内容。" if t.is_company else "本人已收到上述函件并知悉其内容。")
        return [(rng.choice(("签收人", "租户", "客户", "收件人")), "customer", False)]
    return []


def application(d: Doc, c: Ctx) -> list[Party]:
    u, rng = c.unit, c.rng
    assert u and c.subject
    d.fields["subject"] = c.subject
    _unit_head(d, c)
    detail = {"房门锁": "申请更换入户门锁芯一套，原钥匙 3 把交回。", "电话": "申请开通直线电话 2 门，宽带一路。",
              "车位": "申请租用地下二层固定车位 1 个，租期一年。", "水牌": "申请在大堂水牌及楼层指示牌增加我司名称。",
              "客户加班": "因项目需要，申请本周六 9:00-21:00 加班，需开启空调及照明。"}[c.subject]
    d.line("申请事项：" + detail)
    d.line("费用承担：□申请方  □物业      备注：________________")
    return [(rng.choice(("申请人", "申请单位", d.site.customer[0])), "customer", rng.random() < 0.3),
            (rng.choice(("受理人", "审批人", d.site.staff["office"])), "staff", False)]


BODIES: dict[str, Callable[[Doc, Ctx], list[Party]]] = {
    f.__name__: f for f in (customer_card, sales_contract, id_copy, delivery_checklist, vehicle_license, insurance_policy,
                            value_added_services, conformity_certificate, pdi_checklist, other_proof, reception_sheet,
                            work_order, settlement, free_inspection_12, addon_sheet, road_test, loss_assessment,
                            tool_readings, estimate, first_service_card, purchase_invoice, parts_invoice, fault_report,
                            move_in, renovation, correspondence, application)}
