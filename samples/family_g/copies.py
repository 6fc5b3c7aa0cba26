"""Copies of state-printed papers that every site files alike: ID cards, licences, certificates, invoices,
policies. They carry fixed titles and no signature fields; invoices and policies carry their issuer's seal."""

from __future__ import annotations

import random
from datetime import timedelta

from . import blocks
from .canvas import Sheet
from .forms import PARTS, Case, Doc, Form
from .sites import capital, fmt_date

INSURERS = ["中鼎财产保险股份有限公司", "瑞宁财产保险股份有限公司", "华泰安盛财产保险有限公司"]


def _card(sh: Sheet, x: float, y: float, w: float = 85.6, h: float = 54.0) -> None:
    sh.draw.rounded_rectangle((sh.px(x), sh.px(y), sh.px(x + w), sh.px(y + h)), radius=sh.px(3.5),
                              outline=(90, 90, 90), width=max(1, sh.px(0.3)), fill=(243, 243, 240))


def id_copy(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "id_copy", rng)
    sh = f.sheet
    p = case.owner
    title = None
    if rng.random() < 0.6:
        title = f.out(rng.choice(["身份证复印件", "居民身份证（正反面）复印件", "证件复印件"]))
        sh.text(sh.w_mm / 2, 18, title, 14, "bold", anchor="m", convert=False)
    x, y = (sh.w_mm - 85.6) / 2 + rng.uniform(-15, 15), 40 + rng.uniform(-5, 15)
    _card(sh, x, y)
    f.fields["name"] = f.out(p.name)
    f.fields["id_number"] = p.id_number
    f.fields["address"] = f.out(p.address)
    sh.text(x + 5, y + 6, "姓名", 7, colour=(70, 90, 140))
    sh.text(x + 15, y + 5.5, p.name, 10, "bold")
    sh.text(x + 5, y + 13, "性别", 7, colour=(70, 90, 140))
    sh.text(x + 15, y + 12.5, "男" if p.male else "女", 9)
    sh.text(x + 27, y + 13, "民族", 7, colour=(70, 90, 140))
    sh.text(x + 37, y + 12.5, "汉", 9)
    sh.text(x + 5, y + 20, "出生", 7, colour=(70, 90, 140))
    sh.text(x + 15, y + 19.5, f"{p.born.year}  年 {p.born.month}  月 {p.born.day}  日", 9)
    sh.text(x + 5, y + 27, "住址", 7, colour=(70, 90, 140))
    sh.wrap(x + 15, y + 26.5, 45, p.address, 8.5, lead=1.35)
    sh.text(x + 5, y + 45, "公民身份号码", 7, colour=(70, 90, 140))
    sh.text(x + 25, y + 44.5, p.id_number, 10.5, "mono")
    sh.rect(x + 63, y + 8, x + 81, y + 32, 0.2, (150, 150, 150), fill=(200, 200, 205))  # the photo
    y2 = y + 70 + rng.uniform(0, 10)
    _card(sh, x, y2)
    sh.text(x + 43, y2 + 12, "中华人民共和国", 12, "bold", anchor="m")
    sh.text(x + 43, y2 + 20, "居民身份证", 15, "bold", anchor="m")
    issued = case.day - timedelta(days=rng.randint(300, 3000))
    sh.text(x + 10, y2 + 36, "签发机关　" + case.site.city.name + "公安局", 8)
    sh.text(x + 10, y2 + 43, f"有效期限　{issued:%Y.%m.%d}-{issued.year + 20}.{issued:%m.%d}", 8)
    if rng.random() < 0.6:  # the customer's own restriction written across the copy
        note = rng.choice(["仅供购车使用", "仅限办理车辆手续使用，他用无效", "此复印件仅供入住登记使用"])
        sh.text(x + 10, y2 + 56 + rng.uniform(0, 8), note, 12, "kai", colour=(30, 50, 140))
    if rng.random() < 0.5:
        sh.text(x + 20, y2 + 75, "与原件核对无误", 10, "kai", colour=(30, 50, 140))
    return Doc("id_copy", title or f.out("居民身份证"), f.sheets, dict(f.fields), f.trad)


def business_licence(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "id_copy", rng)
    sh = f.sheet
    firm = case.firm
    assert firm is not None
    sh.rect(20, 20, sh.w_mm - 20, 200, 1.6, (170, 120, 60))
    sh.text(sh.w_mm / 2, 34, "营 业 执 照", 24, "serifb", anchor="m")
    sh.text(sh.w_mm / 2, 48, "（副　本）", 10, anchor="m")
    f.fields["company"] = f.out(firm.name)
    y = 64.0
    for lab, val in [("统一社会信用代码", firm.credit_code), ("名　　称", firm.name), ("类　　型", "有限责任公司"),
                     ("法定代表人", firm.contact.name), ("注册资本", f"{rng.choice([100, 200, 500, 1000])}万元人民币"),
                     ("成立日期", f"{rng.randint(2005, 2020)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"),
                     ("住　　所", firm.contact.address)]:
        sh.text(30, y, lab, 10.5)
        sh.text(70, y, val, 10.5)
        y += 11
    sh.text(sh.w_mm - 30, 175, "登记机关", 10.5, anchor="r")
    sh.seal(sh.w_mm - 50, 175, "round", case.site.city.name + "市场监督管理局", "", faint=rng.random() < 0.5)
    sh.text(sh.w_mm / 2, 215, "复印件与原件一致", 12, "kai", colour=(30, 50, 140), anchor="m")
    return Doc("id_copy", f.out("营业执照"), f.sheets, dict(f.fields), f.trad)


def vehicle_license(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "vehicle_license", rng)
    sh = f.sheet
    car = case.car
    assert car is not None
    x, y = 25.0, 30.0 + rng.uniform(0, 20)
    w, h = 160.0, 105.0
    sh.rect(x, y, x + w, y + h, 0.4, (80, 80, 80), fill=(236, 240, 236))
    title = f.out("中华人民共和国机动车行驶证")
    sh.text(x + w / 2, y + 5, title, 13, "bold", anchor="m", convert=False)
    owner = case.firm.name if case.firm else case.owner.name
    f.fields["company" if case.firm else "name"] = f.out(owner)
    f.fields["plate"] = car.plate
    f.fields["vin"] = car.vin
    reg = case.day + timedelta(days=rng.randint(2, 10))
    f.fields["date"] = reg.isoformat()
    rows = [("号牌号码", car.plate, "车辆类型", "小型轿车"), ("所有人", owner, "", ""), ("住址", case.owner.address, "", ""),
            ("使用性质", "非营运", "品牌型号", car.model), ("车辆识别代号", car.vin, "", ""), ("发动机号码", car.engine, "", ""),
            ("注册日期", f"{reg:%Y-%m-%d}", "发证日期", f"{reg:%Y-%m-%d}")]
    yy = y + 16
    for a, b, c, d in rows:
        sh.text(x + 5, yy, a, 8.5, colour=(60, 60, 60))
        sh.text(x + 30, yy, b, 9.5)
        if c:
            sh.text(x + 85, yy, c, 8.5, colour=(60, 60, 60))
            sh.text(x + 108, yy, d, 9.5)
        yy += 11
    sh.seal(x + w - 30, y + h - 22, "round", case.site.city.name + "公安局交通警察支队", "", faint=True)
    return Doc("vehicle_license", title, f.sheets, dict(f.fields), f.trad)


def conformity_certificate(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "conformity_certificate", rng)
    sh = f.sheet
    car = case.car
    assert car is not None
    title = f.out("机动车整车出厂合格证")
    sh.text(sh.w_mm / 2, 20, title, 16, "serifb", anchor="m", convert=False)
    sh.text(sh.w_mm / 2, 30, "合格证编号：W" + "".join(rng.choice("0123456789") for _ in range(13)), 9, "mono", anchor="m")
    f.fields["vin"] = car.vin
    made = case.day - timedelta(days=rng.randint(20, 120))
    f.fields["date"] = made.isoformat()
    rows = [("1.发证日期", fmt_date(case.site, made, 1)), ("2.车辆制造企业名称", car.brand + "汽车有限公司"), ("3.车辆品牌", car.brand),
            ("4.车辆名称", "轿车"), ("5.车辆型号", car.model), ("6.车辆识别代号/车架号", car.vin), ("7.车身颜色", car.colour),
            ("8.发动机型号", car.engine[:6]), ("9.发动机号", car.engine), ("10.燃料种类", rng.choice(["汽油", "纯电动", "插电式混合动力"])),
            ("11.排放标准", "GB18352.6-2016国Ⅵ"), ("12.轮胎规格", "225/45 R18"), ("13.额定载客（人）", "5"),
            ("14.车辆制造日期", f"{made.year}年{made.month:02d}月{made.day:02d}日")]
    y = 38.0
    for k in range(0, len(rows), 2):
        pair = rows[k:k + 2]
        for c, (a, b) in enumerate(pair):
            left = 14 + c * 91
            sh.rect(left, y, left + 91, y + 10, 0.25)
            sh.text(left + 1.5, y + 1, a, 7.5, colour=(60, 60, 60))
            sh.text(left + 3, y + 5, b, 9)
        y += 10
    sh.seal(160, y + 18, "round", car.brand + "汽车有限公司", "产品合格证专用章", faint=rng.random() < 0.4)
    return Doc("conformity_certificate", title, f.sheets, dict(f.fields), f.trad)


def purchase_invoice(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "purchase_invoice", rng, size=(240, 140) if rng.random() < 0.6 else (210, 297))
    sh = f.sheet
    car = case.car
    assert car is not None
    title = f.out("机动车销售统一发票")
    sh.text(sh.w_mm / 2, 8, title, 15, "serifb", anchor="m", colour=(150, 60, 40), convert=False)
    sh.text(sh.w_mm / 2, 16, "发　票　联", 9, anchor="m", colour=(150, 60, 40))
    f.fields["vin"] = car.vin
    f.fields["date"] = case.day.isoformat()
    sh.text(14, 20, "开票日期 " + fmt_date(case.site, case.day, 0), 8.5)
    sh.text(sh.w_mm - 14, 20, "发票号码 " + "".join(rng.choice("0123456789") for _ in range(8)), 8.5, "mono", anchor="r")
    buyer = case.firm.name if case.firm else case.owner.name
    f.fields["company" if case.firm else "name"] = f.out(buyer)
    price = float(car.price)
    tax = round(price / 1.13 * 0.13, 2)
    f.fields["amount"] = f"{price:.2f}"
    code = case.firm.credit_code if case.firm else case.owner.id_number
    if not case.firm:
        f.fields["id_number"] = code
    pairs = [("购买方名称", buyer, False), ("身份证号码/统一社会信用代码", code, False),
             ("车辆类型", "轿车", False), ("厂牌型号", car.model, False), ("合格证号", "W" + car.vin[-8:], False),
             ("发动机号码", car.engine, False), ("车辆识别代号/车架号码", car.vin, False),
             ("价税合计", f"{capital(price)}  小写 ¥{price:.2f}", False), ("销货单位名称", case.site.name, False),
             ("增值税税额", f"¥{tax:.2f}", False)]
    sh2 = f.sheet
    y = blocks.kv_grid(sh2, 25, pairs, 1 if sh2.w_mm < 230 else 2, 0, rng, (150, 60, 40), pt=8)
    sh.seal(sh.w_mm - 45, min(sh.h_mm - 20, y + 4), "oval", case.site.name, "91" + case.site.city.region + "MA2" + "".join(
        rng.choice("0123456789ABCDEF") for _ in range(7)), faint=rng.random() < 0.3, angle=rng.uniform(-10, 10))
    return Doc("purchase_invoice", title, f.sheets, dict(f.fields), f.trad)


def insurance_policy(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "insurance_policy", rng)
    sh = f.sheet
    car = case.car
    assert car is not None
    insurer = rng.choice(INSURERS)
    title = f.out(rng.choice(["机动车交通事故责任强制保险单", "机动车商业保险保险单", "机动车综合商业保险保险单（正本）"]))
    sh.text(sh.w_mm / 2, 14, insurer, 11, "bold", anchor="m")
    sh.text(sh.w_mm / 2, 22, title, 14, "serifb", anchor="m", convert=False)
    sh.text(sh.w_mm - 14, 31, "保险单号：PDAA" + "".join(rng.choice("0123456789") for _ in range(16)), 8.5, "mono", anchor="r")
    holder = case.firm.name if case.firm else case.owner.name
    f.fields["company" if case.firm else "name"] = f.out(holder)
    f.fields["vin"] = car.vin
    start = case.day + timedelta(days=1)
    f.fields["date"] = case.day.isoformat()
    premium = float(rng.choice([950, 1100, 3860.5, 5210.35, 6890.0]))
    f.fields["amount"] = f"{premium:.2f}"
    pairs = [("被保险人", holder, False), ("号牌号码", "待上牌" if not car.km else car.plate, False), ("车辆识别代号", car.vin, False),
             ("发动机号", car.engine, False), ("厂牌型号", car.model, False), ("使用性质", "家庭自用汽车", False),
             ("保险期间", f"自{start:%Y年%m月%d日}零时起至{start.year + 1}年{start:%m月%d日}零时止", False),
             ("保险费合计", f"人民币{capital(premium)} （¥：{premium:.2f}元）", False),
             ("签单日期", fmt_date(case.site, case.day), False)]
    if car.km:
        f.fields["plate"] = car.plate
    y = blocks.kv_grid(sh, 36, pairs, 1, 0, rng, pt=9)
    y = sh.wrap(14, y + 4, sh.w_mm - 28, "重要提示：1.本保险单提供的保障依照所附保险条款执行。2.收到本保险单后请立即核对，"
                "如有不符或疏漏，请及时通知保险人并办理变更或补充手续。3.保险车辆转让的，应通知保险人。", 8.5)
    sh.text(sh.w_mm - 20, y + 12, "保险人签章", 9, anchor="r")
    sh.seal(sh.w_mm - 45, y + 14, "round", insurer, "保单专用章", faint=rng.random() < 0.3, angle=rng.uniform(-15, 15))
    return Doc("insurance_policy", title, f.sheets, dict(f.fields), f.trad)


def parts_invoice(case: Case, rng: random.Random) -> Doc:
    f = Form(case, "parts_invoice", rng, size=(240, 140))
    sh = f.sheet
    title = f.out(rng.choice([case.site.city.name.removesuffix("市") + "增值税普通发票", "增值税电子普通发票", "增值税专用发票"]))
    colour = (150, 60, 40)
    sh.text(sh.w_mm / 2, 7, title, 14, "serifb", anchor="m", colour=colour, convert=False)
    sh.text(sh.w_mm - 14, 9, "No " + "".join(rng.choice("0123456789") for _ in range(8)), 10, "mono", anchor="r")
    f.fields["date"] = case.day.isoformat()
    sh.text(sh.w_mm - 14, 16, "开票日期：" + f"{case.day.year}年{case.day.month:02d}月{case.day.day:02d}日", 8.5, anchor="r")
    buyer = case.firm.name if case.firm else case.owner.name
    f.fields["company" if case.firm else "name"] = f.out(buyer)
    sh.text(14, 22, "购买方 名称：" + buyer, 9, colour=colour)
    its = _items_parts(rng)
    total = round(sum(q * p for _, q, p in its), 2)
    f.fields["amount"] = f"{total:.2f}"
    rows = [[n, "个", str(q), f"{p / 1.13:.2f}", f"{q * p / 1.13:.2f}", "13%", f"{q * p * 0.13 / 1.13:.2f}"] for n, q, p in its]
    y = blocks.table(sh, 28, ["货物或应税劳务名称", "单位", "数量", "单价", "金额", "税率", "税额"], rows,
                     [50, 10, 10, 18, 20, 10, 18], colour, pt=8)
    sh.text(14, y, f"价税合计（大写） {capital(total)}　　（小写）¥{total:.2f}", 9, colour=colour)
    sh.text(14, y + 7, "销售方 名称：" + case.site.name, 9, colour=colour)
    sh.seal(sh.w_mm - 50, min(sh.h_mm - 18, y + 10), "oval", case.site.name,
            "91" + case.site.city.region + "MA2" + "".join(rng.choice("0123456789ABCDEF") for _ in range(7)),
            faint=rng.random() < 0.3)
    return Doc("parts_invoice", title, f.sheets, dict(f.fields), f.trad)


def _items_parts(rng: random.Random) -> list[tuple[str, int, float]]:
    return [(n, rng.randint(1, 4), float(p)) for n, p in rng.sample(PARTS, rng.randint(2, 5))]
