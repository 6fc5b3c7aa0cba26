"""The new-car file's own forms (the dealer prints them): card, contract, delivery, add-ons, PDI, proofs."""

from __future__ import annotations

from datetime import timedelta

from . import blocks
from .doc import Doc
from .signing import CUSTOMER_CAR, STAFF_SALES

TERMS = (
    "买方所购车辆的品牌、型号、颜色及价格以本合同车辆信息栏所列为准，价格已含增值税，不含购置税、保险费及上牌费用。",
    "买方应于签订本合同时支付定金，余款于提车前一次付清；卖方收到全款后开具机动车销售统一发票。",
    "卖方应在约定日期前备妥车辆，并随车交付合格证、发票、使用说明书及保修手册等随车文件。",
    "车辆交付时双方共同验车，买方签收交车确认单即视为车辆外观及随车物品验收合格。",
    "车辆质量保修按生产厂家公布的保修政策执行，保修期自交车之日起计算。",
    "因一方违约给对方造成损失的，违约方应承担赔偿责任；定金罚则按《民法典》有关规定执行。",
    "本合同履行中发生争议，双方协商解决；协商不成的，可向卖方所在地人民法院提起诉讼。",
    "本合同一式两份，双方各执一份，自双方签字（盖章）之日起生效。",
)


def _car_pairs(d: Doc, vin: bool = True) -> list[tuple[str, str]]:
    assert d.car is not None
    out = [("品牌型号", f"{d.car.brand} {d.car.model}"), ("车身颜色", d.car.colour)]
    if vin:
        out.append(d.kv(d.rng.choice(("车架号", "车辆识别代号", "VIN码", "车架号(VIN)")), "vin", d.car.vin))
    out.append(("发动机号", d.car.engine))
    return out


def customer_card(d: Doc) -> None:
    sh, c, rng = d.sheet(), d.cust, d.rng
    assert c is not None and d.car is not None
    d.title = blocks.header(sh, d.site.company, d.site.title(d.code or "", rng), style=d.site.header,
                            form_no=f"{d.site.form_prefix}-XS-0{rng.randint(1, 9)}", doc_no=None)
    pairs = [*d.who_kv("车主姓名" if rng.random() < 0.5 else "客户姓名"), d.mobile_kv("手机号码"),
             d.kv("固定电话", "landline", rng.choice((c.landline, "({}){}".format(*c.landline.split("-")))), c.landline),
             d.kv("联系地址", "address", c.address)]
    if c.credit_code:
        pairs.append(d.kv("统一社会信用代码", "credit_code", c.credit_code))
    else:
        pairs.append(d.kv("身份证号码", "id_number", c.id_number))
    pairs += _car_pairs(d)
    pairs.append(d.date_kv("交车日期", d.when))
    pairs.append(("销售顾问", d.staff_name))
    (blocks.grid if d.site.grid else blocks.lined)(sh, pairs, cols=1 if rng.random() < 0.4 else 2, hand=rng.random() < 0.5)
    blocks.heading(sh, "客户来源及用途")
    blocks.ticks(sh, ["展厅到店", "网络咨询", "老客户介绍", "车展", "家庭自用", "商务用车"], 3, ["√", "", "", "√", ""])
    blocks.para(sh, "以上信息仅用于车辆售后服务及回访，本公司承诺对客户信息保密。", 9)
    d.sign([d.party("customer", CUSTOMER_CAR), d.party("staff", STAFF_SALES)])


def sales_contract(d: Doc) -> None:
    sh, c, rng = d.sheet(), d.cust, d.rng
    assert c is not None and d.car is not None
    d.title = blocks.header(sh, d.site.company, d.site.title(d.code or "", rng), style=d.site.header,
                            form_no=None, doc_no=f"合同编号：HT{d.when:%Y%m}{rng.randint(100, 999)}")
    seller_first = rng.random() < 0.5
    buyer = c.company or c.name
    parties = [("出卖人（卖方）", d.site.company), ("买受人（买方）", buyer)]
    if not seller_first:
        parties.reverse()
    lines = [(f"{'甲方' if i == 0 else '乙方'}（{p[0][:3]}）", p[1]) for i, p in enumerate(parties)]
    for lab, v in lines:
        key = "company" if v == c.company else "name" if v == c.name else None
        if key:
            d.kv(lab, key, v)
    blocks.lined(sh, [(lab, v) for lab, v in lines], cols=1, hand=False)
    who = [d.kv("证件号码", "credit_code" if c.company else "id_number", c.credit_code or c.id_number), d.mobile_kv("联系电话"),
           d.kv("住所", "address", c.address)]
    blocks.lined(sh, who, cols=1, hand=rng.random() < 0.5)
    blocks.heading(sh, "一、车辆信息")
    blocks.grid(sh, [*_car_pairs(d), d.amount_kv("车辆总价", d.car.price), ("交车日期", d.site.date(d.when))], cols=2)
    blocks.heading(sh, "二、合同条款")
    terms = list(TERMS)
    for i, t in enumerate(terms[:4]):
        blocks.para(sh, f"第{'一二三四五六七八'[i]}条 {t}", 9.5, indent=False)
    two_pages = rng.random() < 0.6
    if two_pages:
        sh = d.sheet()
        sh.y += sh.mm(5)
    for i, t in enumerate(terms[4:], start=4):
        blocks.para(sh, f"第{'一二三四五六七八'[i]}条 {t}", 9.5, indent=False)
    blocks.lined(sh, [d.date_kv("签订日期", d.when - timedelta(days=rng.randint(3, 30)))], cols=2, hand=True)
    cust = d.party("customer", ("买受人", "买方", "乙方" if seller_first else "甲方", "买受人代表"))
    staff = d.party("staff", ("出卖人代表", "卖方经办人", "销售顾问", "甲方代表" if seller_first else "乙方代表"))
    d.sign([staff, cust] if seller_first else [cust, staff])
    d.seal("round", d.site.company, "合同专用章")


DELIVERY_ITEMS = ("车身漆面无划痕凹陷", "内饰清洁无破损", "钥匙两把及遥控功能", "随车工具及备胎", "三角警示牌",
                  "使用说明书及保修手册", "发票及合格证已交付", "灯光及喇叭正常", "空调及多媒体功能讲解",
                  "油量/电量不低于四分之一", "座椅及后视镜调节演示", "首保里程及时间告知")


def delivery_checklist(d: Doc) -> None:
    sh, rng = d.sheet(), d.rng
    assert d.car is not None
    d.title = blocks.header(sh, d.site.company, d.site.title(d.code or "", rng), style=d.site.header,
                            form_no=f"{d.site.form_prefix}-JC-{rng.randint(10, 99)}", doc_no=None)
    pairs = [*d.who_kv(), d.mobile_kv("联系电话"), *_car_pairs(d), d.date_kv("交车日期", d.when)]
    (blocks.grid if d.site.grid else blocks.lined)(sh, pairs, cols=2, hand=rng.random() < 0.6)
    items = list(DELIVERY_ITEMS)
    rng.shuffle(items)
    if d.site.grid and rng.random() < 0.5:
        blocks.tick_table(sh, items[: rng.randint(8, 11)], ["合格", "不合格"], 9.5)
    else:
        blocks.ticks(sh, items[: rng.randint(8, 12)], rng.choice((1, 2)), ["√"])
    blocks.para(sh, "本人已对上述车辆及随车物品逐项验收，确认车辆状况良好、物品齐全，同意接收。", 10)
    d.sign([d.party("customer", CUSTOMER_CAR, word=rng.choice(("签字", "签收", "确认"))), d.party("staff", STAFF_SALES)])


SERVICES = (("延长保修 2年/6万公里", 3800.0), ("太阳膜（前挡+侧窗）", 2600.0), ("全车脚垫", 680.0),
            ("基础保养套餐 3次", 1980.0), ("代办上牌服务", 500.0), ("行车记录仪", 899.0), ("车漆镀晶", 1500.0))


def value_added_services(d: Doc) -> None:
    sh, rng = d.sheet(), d.rng
    d.title = blocks.header(sh, d.site.company, d.site.title(d.code or "", rng), style=d.site.header,
                            form_no=None, doc_no=f"No.{rng.randint(10000, 99999)}")
    assert d.car is not None
    pairs = [*d.who_kv(), d.kv("车架号", "vin", d.car.vin), d.date_kv("日期", d.when)]
    (blocks.grid if d.site.grid else blocks.lined)(sh, pairs, cols=2, hand=False)
    chosen = rng.sample(SERVICES, rng.randint(2, 5))
    rows = [[str(i + 1), n, "1", f"{p:.2f}"] for i, (n, p) in enumerate(chosen)]
    total = sum(p for _, p in chosen)
    rows.append(["", "合计", "", f"{total:.2f}"])
    blocks.table(sh, ["序号", "服务项目", "数量", "金额(元)"], rows, [1, 5, 1, 2])
    d.kv("合计", "amount", f"{total:.2f}", f"{total:.2f}")
    blocks.para(sh, "上述服务项目由客户自愿选购，服务内容及期限以各项目服务条款为准。", 9.5)
    d.sign([d.party("customer", CUSTOMER_CAR), d.party("staff", STAFF_SALES)])


PDI_ITEMS = ("VIN码与合格证一致", "发动机舱油液液位", "蓄电池电压", "轮胎气压及螺栓扭矩", "全车灯光", "门锁及车窗",
             "仪表故障灯", "空调制冷制热", "音响导航", "底盘无渗漏", "漆面检查", "随车附件", "保护膜去除", "路试检查")


def pdi_checklist(d: Doc) -> None:
    sh, rng = d.sheet(), d.rng
    assert d.car is not None
    d.title = blocks.header(sh, d.site.company, d.site.title(d.code or "", rng), style=d.site.header,
                            form_no=f"{d.site.form_prefix}-PDI-0{rng.randint(1, 9)}", doc_no=None)
    pairs = [*_car_pairs(d), ("里程", f"{d.car.km} km"), d.date_kv("检查日期", d.when - timedelta(days=rng.randint(1, 5)))]
    (blocks.grid if d.site.grid else blocks.lined)(sh, pairs, cols=2, hand=rng.random() < 0.5)
    blocks.ticks(sh, list(PDI_ITEMS), rng.choice((2, 3)), ["√", "√", "√", "OK"])
    blocks.lined(sh, [("备注", "")], cols=1)
    d.sign([d.party("staff", ("PDI检查员", "检验员", "质检员", "技师")), d.party("staff", ("车间主管", "质检主管"), "2")],
           dated=True)


def other_proof(d: Doc) -> None:
    sh, c, rng = d.sheet(), d.cust, d.rng
    assert c is not None and d.car is not None
    title = d.site.title(d.code or "", rng)
    sh.y += sh.mm(10)
    d.title = sh.s(title)
    sh.text(sh.w / 2, sh.y, d.title, 20, sh.title_face, anchor="ma")
    sh.y += sh.px(40)
    d.kv("", "name", c.name)
    if title == "授权委托书":
        agent = f"{c.name[0]}{rng.choice('晓志立文')}{rng.choice('明华')}"
        blocks.para(sh, f"委托人{c.name}（身份证号码：{c.id_number}），现委托{agent}代为办理车架号为{d.car.vin}的车辆提车及相关手续，"
                        "受托人在办理上述事项中所签署的文件，委托人均予以认可。委托期限自签署之日起三十日。", 11)
        d.fields["id_number"] = c.id_number
        d.fields["vin"] = d.car.vin
        parties = [d.party("customer", ("委托人",)), d.party("customer", ("受托人",), "2")]
    else:
        blocks.para(sh, f"兹证明{c.name}（身份证号码：{c.id_number}）系我单位/本辖区人员，现居住于{c.address}，"
                        "特此证明，用于办理购车及车辆登记手续。", 11)
        d.fields["id_number"] = c.id_number
        d.fields["address"] = sh.s(c.address)
        parties = [d.party("customer", ("本人", "申请人"))]
    sh.y += sh.mm(8)
    sh.text(sh.right - sh.mm(10), sh.y, sh.s(d.site.date(d.when)), 11, anchor="ra")
    d.fields["date"] = d.when.isoformat()
    sh.y += sh.mm(12)
    d.sign(parties, at_bottom=False, dated=False)
