"""The new-car file's forms that a dealer prints itself: customer card, contract, delivery and PDI
checks, add-on services, other proofs. Each site words and lays them out its own way."""

from __future__ import annotations

from dossier.samples.family_c.kit import Ctx, Doc, centre, pick_title, site_number
from dossier.samples.family_c.page import Flow
from dossier.samples.family_c.sign import Party, row


def start(ctx: Ctx, code: str | None, paper: str | None = None) -> Doc:
    return Doc(ctx, Flow(ctx.rng, ctx.look, ctx.dpi, ctx.hant, paper), code)


def customer(ctx: Ctx) -> Party:
    c = ctx.cust
    return Party("customer", ctx.rng.choice(("客户", "车主", "购车人", "用户", "客户本人")), c.contact.writer)


def consultant(ctx: Ctx, word: str = "销售顾问") -> Party:
    return Party("staff", word, ctx.site.staffer(ctx.rng).writer)


def car_pairs(d: Doc, plate: bool = True) -> list[tuple[str, str]]:
    car = d.ctx.car
    assert car
    out = [("车型", f"{car.brand} {car.model}"), ("车架号" if d.rng.random() < 0.6 else "VIN码", d.shown("vin", car.vin))]
    if plate and car.plate and d.rng.random() < 0.5:
        out.append(("车牌号", d.shown("plate", car.plate)))
    out.append(("颜色", car.colour))
    return out


def customer_card(ctx: Ctx) -> Doc:
    d = start(ctx, "customer_card")
    rng, c = ctx.rng, ctx.cust
    d.head(pick_title(ctx.site, "customer_card", ("客户信息卡", "客户资料卡", "购车客户档案卡", "{brand}车主信息登记表",
                                                  "客户信息登记卡（绿卡）", "新车用户信息卡")),
           number=f"{ctx.look.number_word} {rng.randint(10000, 99999)}")
    pairs = d.who("客户姓名" if rng.random() < 0.5 else "客户名称", "客户名称")
    if not c.company:
        pairs.append(("联系人", d.shown("contact", c.contact.name)))
    pairs += [("手机", d.mobile(c.contact.mobile)), ("固定电话" if rng.random() < 0.5 else "座机", d.shown("landline", c.landline)),
              ("联系地址", d.shown("address", c.address))]
    if c.id_number and rng.random() < 0.6:
        pairs.append(("身份证号", d.shown("id_number", c.id_number)))
    if c.credit_code and rng.random() < 0.6:
        pairs.append(("统一社会信用代码", d.shown("credit_code", c.credit_code)))
    pairs += car_pairs(d)
    pairs.append(("交车日期" if rng.random() < 0.5 else "购车日期", d.date()))
    d.flow.grid(pairs, cols=rng.choice((1, 2)))
    d.flow.heading("客户偏好（可多选）")
    d.flow.grid([("获知渠道", rng.choice(("朋友介绍", "网络", "车展", "路过"))), ("用途", rng.choice(("家用", "商务", "营运")))], cols=2)
    d.flow.para("本人确认以上信息真实有效，同意贵公司用于售后服务回访及档案管理。", indent=False)
    row(d.flow, [customer(ctx), consultant(ctx)])
    return d


CLAUSES = (
    "第一条 车辆信息：乙方向甲方购买上述车辆一台，车辆型号、颜色及配置以本合同所列为准。",
    "第二条 价款及支付：车辆总价款（含增值税）如上表所列，乙方应于签订本合同之日支付定金，余款于提车前一次付清。",
    "第三条 交付：甲方应在约定日期前将车辆及随车文件（合格证、发票、说明书、保修手册）一并交付乙方，乙方当场验收。",
    "第四条 质量保证：车辆质量保证按生产厂家的三包规定及保修手册执行，甲方协助乙方办理相关手续。",
    "第五条 违约责任：任何一方违约，应向对方支付车辆总价款百分之五的违约金；因不可抗力造成的延误，双方互不承担责任。",
    "第六条 争议解决：本合同履行中发生争议，双方协商解决；协商不成的，向甲方所在地人民法院提起诉讼。",
    "第七条 其他：本合同一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。未尽事宜双方另行签订补充协议。",
)


def sales_contract(ctx: Ctx) -> Doc:
    d = start(ctx, "sales_contract", "a4")
    rng, c = ctx.rng, ctx.cust
    d.head(pick_title(ctx.site, "sales_contract", ("汽车买卖合同", "机动车买卖合同", "新车销售合同", "{short}整车销售协议",
                                                   "汽车销售合同书", "购车协议书")),
           number=f"合同编号：{site_number(ctx.site, ('HT', 'XS', 'SC'), rng, ctx.day)}")
    seller_first = rng.random() < 0.7  # most dealers are 甲方 (出卖人); some put the buyer first
    seller, buyer = ("甲方", "乙方") if seller_first else ("乙方", "甲方")
    f = d.flow
    f.grid([(f"{seller}（出卖人）", ctx.site.name), ("地址", ctx.site.address)], cols=1, ruled=False)
    pairs = [(f"{buyer}（买受人）", d.shown("company", c.company) if c.company else d.shown("name", c.contact.name))]
    if c.id_number:
        pairs.append(("身份证号码", d.shown("id_number", c.id_number)))
    else:
        pairs.append(("统一社会信用代码", d.shown("credit_code", c.credit_code or "")))
    pairs += [("联系电话", d.mobile(c.contact.mobile)), ("住所", d.shown("address", c.address))]
    f.grid(pairs, cols=1, ruled=False)
    car = ctx.car
    assert car
    price = car.price
    f.table(["品牌型号", "颜色", "车架号", "数量", "单价（元）"],
            [[f"{car.brand} {car.model}", car.colour, d.shown("vin", car.vin), "1", f"{price:,.2f}"]], [3, 1.2, 3.2, 0.8, 1.8])
    f.grid([("车辆总价款", d.amount(price)), ("签订日期", d.date())], cols=2, ruled=False)
    for clause in CLAUSES[: rng.randint(5, 7)]:
        f.para(clause)
        if rng.random() < 0.35:
            f.para("双方确认本条款已充分阅读并理解。" + "　" * 2, indent=True)
    f.space(1.5)
    if rng.random() < 0.5:  # the signatures on a page of their own, as long contracts end
        f.new_page()
    seller_p = Party("staff", f"{seller}（出卖人）" if rng.random() < 0.5 else seller, ctx.site.staffer(rng).writer, company=True)
    buyer_p = Party("customer", f"{buyer}（买受人）" if rng.random() < 0.5 else buyer, c.contact.writer,
                    verb=rng.choice(("签字", "签名", "签章")) if not c.company else None, company=bool(c.company))
    parties = [seller_p, buyer_p] if seller_first else [buyer_p, seller_p]
    row(f, parties, shape=rng.choice(("inline", "paren", "box", "stack")), dated=True)
    seller_spot, buyer_spot = (f.sigs[-2], f.sigs[-1]) if seller_first else (f.sigs[-1], f.sigs[-2])
    # The dealer's contract seal lands over its own signature field; a company buyer stamps its own.
    d.seal("round", centre(seller_spot.box), middle="合同专用章" if rng.random() < 0.6 else "", page=seller_spot.page)
    if c.company and rng.random() < 0.7:
        d.seal("round", centre(buyer_spot.box), text=c.company, page=buyer_spot.page)
    row(f, [consultant(ctx)], shape="stack", dated=False)
    return d


DELIVERY_ITEMS = ("车身外观无划痕、凹陷", "漆面颜色与合同一致", "轮胎及备胎", "随车工具（千斤顶、三角警示牌）", "钥匙两把",
                  "车辆合格证", "购车发票", "使用说明书及保修手册", "灯光及喇叭", "空调及音响", "车窗及天窗", "座椅调节",
                  "仪表显示及里程", "燃油/电量", "讲解车辆功能及保养周期", "介绍售后服务顾问")


def checks(d: Doc, items: tuple[str, ...], headers: tuple[str, ...] = ("序号", "检查项目", "结果", "备注"), k: int | None = None) -> None:
    rng = d.rng
    chosen = items[: k or len(items)]
    marks = rng.choice((("√", "√", "√", "×"), ("正常", "正常", "正常", "异常"), ("是", "是", "是", "否"), ("OK", "OK", "OK", "NG")))
    rows = [[str(i + 1), it, rng.choice(marks[:3]) if rng.random() < 0.93 else marks[3], ""] for i, it in enumerate(chosen)]
    d.flow.table(list(headers), rows, [0.7, 5, 1.3, 2], hand_cols=(2,) if rng.random() < 0.6 else ())


def delivery_checklist(ctx: Ctx) -> Doc:
    d = start(ctx, "delivery_checklist")
    rng = ctx.rng
    d.head(pick_title(ctx.site, "delivery_checklist", ("交车检查表", "新车交车确认单", "交车验收单", "车辆交付检查确认表",
                                                       "{brand}新车交付清单", "交车前检查及确认书")))
    d.flow.grid(d.who() + car_pairs(d) + [("交车日期", d.date())], cols=2)
    checks(d, DELIVERY_ITEMS, k=rng.randint(9, len(DELIVERY_ITEMS)))
    d.flow.para(rng.choice(("以上项目经本人逐项检查确认无误，车辆已完好交付。", "本人已按上表验收车辆及随车物品，确认无异议。",
                            "客户声明：车辆状况良好，随车资料齐全。")), indent=False)
    row(d.flow, [customer(ctx), consultant(ctx, rng.choice(("销售顾问", "交车专员", "交付顾问")))])
    return d


SERVICES = (("贴膜", 1800, 6500), ("延长保修（2年/6万公里）", 3000, 8800), ("脚垫", 300, 1200), ("行车记录仪", 600, 1800),
            ("上牌服务", 300, 800), ("保养套餐（4次）", 1800, 4200), ("车辆装潢", 800, 5000), ("金融服务费", 1000, 3000))


def value_added_services(ctx: Ctx) -> Doc:
    d = start(ctx, "value_added_services")
    rng = ctx.rng
    d.head(pick_title(ctx.site, "value_added_services", ("衍生服务清单", "增值服务确认单", "精品及延保服务明细",
                                                         "附加服务购买确认书", "{short}装潢精品订单")))
    d.flow.grid(d.who() + car_pairs(d, plate=False) + [("日期", d.date())], cols=2)
    chosen = rng.sample(SERVICES, rng.randint(2, 5))
    rows, total = [], 0.0
    for i, (name, lo, hi) in enumerate(chosen):
        v = float(rng.randint(lo // 10, hi // 10) * 10)
        total += v
        rows.append([str(i + 1), name, "1", f"{v:.2f}"])
    d.flow.table(["序号", "服务项目", "数量", "金额（元）"], rows, [0.8, 5, 1, 2])
    d.flow.grid([("合计", d.amount(total))], cols=1)
    row(d.flow, [customer(ctx)] + ([consultant(ctx)] if rng.random() < 0.6 else []))
    return d


PDI_ITEMS = ("发动机舱油液位", "蓄电池电压", "轮胎气压", "车轮螺栓扭矩", "制动系统", "灯光系统", "雨刮及洗涤", "门锁及遥控",
             "车窗升降", "空调系统", "多媒体系统", "底盘检查（举升）", "漆面及外观", "内饰清洁", "故障码读取", "路试")


def pdi_checklist(ctx: Ctx) -> Doc:
    d = start(ctx, "pdi_checklist")
    rng = ctx.rng
    d.head(pick_title(ctx.site, "pdi_checklist", ("新车PDI检查表", "PDI售前检查单", "新车交付前检查记录（PDI）", "车辆PDI检验单")))
    car = ctx.car
    assert car
    d.flow.grid([("车型", car.model), ("VIN", d.shown("vin", car.vin)), ("里程（km）", str(rng.randint(3, 40))),
                 ("检查日期", d.date())], cols=2)
    checks(d, PDI_ITEMS, ("序号", "检查内容", "检查结果", "处理"), k=rng.randint(10, len(PDI_ITEMS)))
    parties = [Party("staff", rng.choice(("检查员", "PDI检查员", "检验员", "技师")), ctx.site.staffer(rng).writer)]
    if rng.random() < 0.5:
        parties.append(Party("staff", rng.choice(("质检员", "车间主管", "审核")), ctx.site.staffer(rng).writer))
    row(d.flow, parties)
    return d


def other_proof(ctx: Ctx) -> Doc:
    d = start(ctx, "other_proof")
    rng, c = ctx.rng, ctx.cust
    kind = rng.choice(("证明", "提车委托书", "情况说明"))
    d.head(kind)
    car = ctx.car
    assert car
    who = d.shown("company", c.company) if c.company else d.shown("name", c.contact.name)
    if kind == "提车委托书":
        agent = ctx.site.staffer(rng).name
        d.flow.para(f"{ctx.site.name}：兹委托{agent}代本人/本单位{who}办理车架号为{d.shown('vin', car.vin)}车辆的提车手续，"
                    "受托人在办理过程中所签署的有关文件，委托人均予以承认。")
    elif kind == "证明":
        d.flow.para(f"兹证明{who}在本单位工作，其购买车架号为{d.shown('vin', car.vin)}的车辆系自用，特此证明。")
    else:
        d.flow.para(f"关于车架号{d.shown('vin', car.vin)}车辆交付时间的说明：因客户{who}个人原因，交车日期顺延，特此说明。")
    d.flow.space(2)
    d.flow.page.text(d.flow.x1, d.flow.y + d.flow.u, d.date(), d.flow.lk.body_face, d.flow.lk.body_pt, anchor="rs")
    d.flow.space(2)
    row(d.flow, [Party("customer", rng.choice(("委托人", "声明人", "")), c.contact.writer)], shape="stack")
    return d
