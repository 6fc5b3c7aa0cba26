"""Copies of papers other bodies issue (invoices, licences, certificates, policies, ID cards), as a
dealer's photocopier gives them: the paper's own fixed layout, small on an A4 sheet, sometimes with the
customer's "copy for car purchase only" note and signature."""

from __future__ import annotations

import random

from dossier.samples.family_c import ids
from dossier.samples.family_c.kit import Ctx, Doc
from dossier.samples.family_c.newcar import customer, start
from dossier.samples.family_c.page import INK, Flow
from dossier.samples.family_c.sign import Party, row

INSURERS = ("中国人民财产保险股份有限公司", "中国平安财产保险股份有限公司", "中国太平洋财产保险股份有限公司",
            "中华联合财产保险股份有限公司")
CAPITALS = "零壹贰叁肆伍陆柒捌玖"


def capital(v: float) -> str:
    """An amount in the capital numerals invoices print (⊗ 壹拾伍万玖仟捌佰元整), simplified to whole yuan."""
    n = int(v)
    units = ("", "拾", "佰", "仟", "万", "拾", "佰", "仟")
    s, zero = "", False
    digits = str(n)
    for i, ch in enumerate(digits):
        pos = len(digits) - 1 - i
        if ch == "0":
            zero = True
            if pos == 4:
                s += "万"
            continue
        if zero:
            s += "零"
            zero = False
        s += CAPITALS[int(ch)] + units[pos]
    return s.replace("零万", "万") + "元整"


def boxed(f: Flow, rows: list[list[tuple[str, str]]], top: float | None = None) -> None:
    """A government form's tight grid: each row split evenly among its label/value pairs."""
    p, u = f.page, f.u
    h = int(1.9 * u)
    y = f.y if top is None else top
    for r in rows:
        cw = (f.x1 - f.x0) / len(r)
        for k, (lab, val) in enumerate(r):
            x = f.x0 + k * cw
            p.rect(x, y, x + cw, y + h)
            lw = min(p.measure(lab, f.lk.label_face, f.lk.body_pt * 0.85) + 0.6 * u, cw * 0.5)
            p.line(x + lw, y, x + lw, y + h)
            p.text(x + 0.3 * u, y + 0.68 * h, lab, f.lk.label_face, f.lk.body_pt * 0.85, max_w=lw - 0.4 * u)
            if val:
                p.text(x + lw + 0.3 * u, y + 0.68 * h, val, "mono" if val.isascii() else f.lk.body_face, f.lk.body_pt * 0.9,
                       max_w=cw - lw - 0.5 * u)
        y += h
    f.y = int(y + u)


def copy_note(d: Doc) -> None:
    """The line customers write on ID and invoice copies, then sign."""
    if d.rng.random() < 0.45:
        f = d.flow
        f.space(1)
        f.value(f.x0 + 2 * f.u, f.y + f.u, d.rng.choice(("此复印件仅用于购车档案，再复印无效", "与原件一致", "仅供办理购车手续使用")),
                f.x1 - f.x0 - 4 * f.u, hand=True)
        f.space(2)
        row(f, [Party("customer", d.rng.choice(("", "客户", "本人")), d.ctx.cust.contact.writer)], shape="stack", dated=False)


def purchase_invoice(ctx: Ctx) -> Doc:
    d = start(ctx, "purchase_invoice", "a4")
    rng, c, car, site = ctx.rng, ctx.cust, ctx.car, ctx.site
    assert car
    f = d.flow
    d.head("机动车销售统一发票", right="发票联", issuer="")
    code, number = ids.digits(rng, 12), ids.digits(rng, 8)
    price = car.price
    buyer = d.shown("company", c.company) if c.company else d.shown("name", c.contact.name)
    ident = d.shown("credit_code", c.credit_code) if c.credit_code else d.shown("id_number", c.id_number or "")
    shown_amount = d.amount(price)
    boxed(f, [[("开票日期", d.date()), ("发票代码", d.shown("invoice_code", code)), ("发票号码", d.shown("invoice_number", number))],
              [("购买方名称", buyer), ("身份证号码/统一社会信用代码", ident)],
              [("车辆类型", "小型轿车" if rng.random() < 0.6 else "小型普通客车"), ("厂牌型号", f"{car.brand}{car.model}"), ("产地", site.city)],
              [("合格证号", ids.digits(rng, 14)), ("发动机号码", car.engine), ("车辆识别代号/车架号码", d.shown("vin", car.vin))],
              [("价税合计", capital(price)), ("小写", shown_amount)],
              [("销货单位名称", site.name), ("纳税人识别号", site.credit_code)],
              [("地址", site.address), ("电话", site.phone)]])
    d.seal("oval", (f.x1 - f.size[0] * 0.2, f.y - 2 * f.u), middle=site.credit_code)
    copy_note(d)
    return d


def vehicle_license(ctx: Ctx) -> Doc:
    d = start(ctx, "vehicle_license", "a4")
    c, car = ctx.cust, ctx.car
    assert car and car.plate
    f = d.flow
    d.head("中华人民共和国机动车行驶证", issuer="")
    owner = d.shown("company", c.company) if c.company else d.shown("name", c.contact.name)
    boxed(f, [[("号牌号码", d.shown("plate", car.plate)), ("车辆类型", "小型轿车")], [("所有人", owner)], [("住址", d.shown("address", c.address))],
              [("使用性质", "非营运"), ("品牌型号", f"{car.brand}{car.model}")], [("车辆识别代号", d.shown("vin", car.vin))],
              [("发动机号码", car.engine)], [("注册日期", d.date()), ("发证日期", d.date())]])
    d.seal("round", (f.x0 + (f.x1 - f.x0) * 0.75, f.y - 4 * f.u), text=f"{ctx.site.city}市公安局交通警察支队", middle="")
    copy_note(d)
    return d


def conformity_certificate(ctx: Ctx) -> Doc:
    d = start(ctx, "conformity_certificate", "a4")
    rng, car = ctx.rng, ctx.car
    assert car
    f = d.flow
    d.head("机动车整车出厂合格证", number=f"合格证编号 W{ids.digits(rng, 13)}", issuer="")
    boxed(f, [[("发证日期", d.date())], [("车辆制造企业名称", f"{car.brand}汽车有限公司")], [("车辆品牌", car.brand), ("车辆型号", car.model)],
              [("车辆识别代号/车架号", d.shown("vin", car.vin))], [("车身颜色", car.colour), ("发动机号", car.engine)],
              [("燃料种类", "电" if car.electric else "汽油"), ("排放标准", "国六" if not car.electric else "—")],
              [("额定载客（人）", "5"), ("最高设计车速（km/h）", str(rng.choice((180, 200, 220, 240))))]])
    d.seal("round", (f.x1 - (f.x1 - f.x0) * 0.25, f.y - 3 * f.u), text=f"{car.brand}汽车有限公司", middle="产品合格证专用章")
    return d


def insurance_policy(ctx: Ctx) -> Doc:
    d = start(ctx, "insurance_policy", "a4")
    rng, c, car = ctx.rng, ctx.cust, ctx.car
    assert car
    f = d.flow
    insurer = rng.choice(INSURERS)
    compulsory = rng.random() < 0.5
    d.head("机动车交通事故责任强制保险单" if compulsory else "机动车商业保险保险单", number=f"保险单号：P{ids.digits(rng, 19)}",
           right=insurer, issuer="")
    owner = d.shown("company", c.company) if c.company else d.shown("name", c.contact.name)
    premium = float(rng.choice((950, 665, 855))) if compulsory else float(rng.randint(3000, 12000))
    rows = [[("被保险人", owner)], [("号牌号码", d.shown("plate", car.plate) if car.plate else "新车未上牌"), ("厂牌型号", car.model)],
            [("车辆识别代号（车架号）", d.shown("vin", car.vin))], [("发动机号", car.engine), ("使用性质", "家庭自用")],
            [("保险费合计（人民币大写）", capital(premium)), ("（¥：", f"{premium:.2f}元）")]]
    start_day = ctx.day
    rows.append([("保险期间", f"自{start_day:%Y年%m月%d日}零时起至{start_day.year + 1}年{start_day:%m月%d日}零时止")])
    rows.append([("签单日期", d.date())])
    boxed(f, rows)
    if not compulsory:
        f.table(["承保险种", "保险金额/责任限额（元）"], [["机动车损失保险", f"{rng.randint(9, 45)}0000.00"], ["第三者责任保险", "2000000.00"],
                                                  ["车上人员责任险（司机）", "50000.00"]], [3, 2])
    f.para("重要提示：1.本保险单提交时，请投保人认真阅读保险条款。2.收到本保险单后，请立即核对，如有不符，请及时通知保险人。"
           "3.被保险机动车因改装、加装、改变使用性质等导致危险程度显著增加的，应及时通知保险人。", pt=f.lk.body_pt * 0.8)
    d.seal("round", (f.x1 - (f.x1 - f.x0) * 0.25, f.y - 4 * f.u), text=insurer, middle="保险合同专用章")
    return d


def _card(f: Flow, x: float, y: float, w: float, h: float) -> None:
    f.page.draw.rounded_rectangle((x, y, x + w, y + h), radius=int(h * 0.06), outline=INK, width=2, fill=(246, 246, 244))


def id_copy(ctx: Ctx) -> Doc:
    d = start(ctx, "id_copy", "a4")
    rng, c = ctx.rng, ctx.cust
    f = d.flow
    if rng.random() < 0.5:
        d.head(rng.choice(("身份证复印件（正反面）", "客户证件复印件", "证件复印件粘贴单")), issuer="" if rng.random() < 0.5 else None)
    else:
        f.space(4)
    if c.company:
        _licence(d, rng)
    else:
        _id_card(d, rng)
    copy_note(d)
    return d


def _id_card(d: Doc, rng: random.Random) -> None:
    f, c, p = d.flow, d.ctx.cust, d.flow.page
    w, h = f.size[0] * 0.55, f.size[0] * 0.55 * 54 / 85.6
    x = (f.size[0] - w) / 2
    pt = f.lk.body_pt * 0.95
    for side in (("back", "front") if rng.random() < 0.3 else ("front", "back")):
        y = f.y
        _card(f, x, y, w, h)
        if side == "front":
            lines = [("姓名", d.shown("name", c.contact.name)), ("性别", ("男" if c.contact.male else "女") + "　　民族　汉"),
                     ("出生", f"{c.id_number[6:10]}年{int(c.id_number[10:12])}月{int(c.id_number[12:14])}日" if c.id_number else ""),
                     ("住址", d.shown("address", c.address))]
            for k, (lab, val) in enumerate(lines):
                yy = y + h * (0.18 + 0.15 * k)
                p.text(x + w * 0.06, yy, lab, "sans", pt * 0.85, fill=(70, 90, 140))
                p.text(x + w * 0.18, yy, val, "bold" if k == 0 else "sans", pt, max_w=w * 0.5)
            p.draw.ellipse((x + w * 0.7, y + h * 0.12, x + w * 0.9, y + h * 0.5), fill=(200, 200, 200))
            p.draw.rectangle((x + w * 0.66, y + h * 0.45, x + w * 0.94, y + h * 0.75), fill=(200, 200, 200))
            p.text(x + w * 0.06, y + h * 0.88, "公民身份号码", "sans", pt * 0.85, fill=(70, 90, 140))
            p.text(x + w * 0.32, y + h * 0.88, d.shown("id_number", c.id_number or ""), "mono", pt * 1.15)
        else:
            p.text(x + w * 0.55, y + h * 0.3, "中华人民共和国", "bold", pt * 1.5, anchor="ms")
            p.text(x + w * 0.55, y + h * 0.5, "居民身份证", "bold", pt * 2.0, anchor="ms")
            p.text(x + w * 0.1, y + h * 0.75, f"签发机关　{c.city}市公安局", "sans", pt)
            a = d.ctx.day.year - rng.randint(1, 9)
            p.text(x + w * 0.1, y + h * 0.88, f"有效期限　{a}.{rng.randint(1, 12):02d}.{rng.randint(1, 28):02d}-{a + 20}", "sans", pt)
        f.y = int(y + h + 3 * f.u)


def _licence(d: Doc, rng: random.Random) -> None:
    f, c, p = d.flow, d.ctx.cust, d.flow.page
    w, h = (f.x1 - f.x0) * 0.9, (f.x1 - f.x0) * 0.62
    x, y = f.x0 + (f.x1 - f.x0) * 0.05, f.y
    p.rect(x, y, x + w, y + h, w=3)
    p.text(x + w / 2, y + h * 0.14, "营业执照", "serifb", f.lk.title_pt * 1.4, anchor="ms")
    p.text(x + w * 0.06, y + h * 0.25, "统一社会信用代码", "sans", f.lk.body_pt)
    p.text(x + w * 0.06, y + h * 0.31, d.shown("credit_code", c.credit_code or ""), "mono", f.lk.body_pt * 1.1)
    lines = [("名称", d.shown("company", c.company or "")), ("类型", "有限责任公司（自然人投资或控股）"),
             ("法定代表人", c.contact.name), ("注册资本", f"人民币{rng.choice((100, 200, 500, 1000))}万元"),
             ("成立日期", f"{rng.randint(2005, 2022)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"), ("住所", d.shown("address", c.address))]
    for k, (lab, val) in enumerate(lines):
        yy = y + h * (0.42 + 0.08 * k)
        p.text(x + w * 0.06, yy, lab, "sans", f.lk.body_pt)
        p.text(x + w * 0.24, yy, val, "sans", f.lk.body_pt, max_w=w * 0.7)
    p.text(x + w * 0.6, y + h * 0.93, "登记机关", "sans", f.lk.body_pt)
    d.seal("round", (x + w * 0.78, y + h * 0.86), text=f"{c.city}市市场监督管理局", middle="")
    f.y = int(y + h + 2 * f.u)


def first_service_card(ctx: Ctx) -> Doc:
    d = start(ctx, "first_service_card", "a4")
    rng, c, car, v = ctx.rng, ctx.cust, ctx.car, ctx.visit
    assert car and v
    f = d.flow
    from dossier.samples.family_c.kit import pick_title
    brand = ctx.site.brand.split("|")[-1]
    d.head(pick_title(ctx.site, "first_service_card", ("首保卡", "首次保养凭证", "免费首次保养卡", "{brand}首保服务卡")), right=f"{brand} 售后服务")
    boxed(f, [[("车主", d.shown("company", c.company) if c.company else d.shown("name", c.contact.name))],
              [("车辆识别号", d.shown("vin", car.vin)), ("车牌号", d.shown("plate", car.plate) if car.plate else "")],
              [("购车日期", f"{v.day.year - 1 if v.day.month < 4 else v.day.year}年{rng.randint(1, 3)}月"), ("首保里程（km）", str(v.mileage))],
              [("首保日期", d.date()), ("服务站", ctx.site.name)]])
    f.para("首次保养免费项目：更换机油、机油滤清器，按保养手册检查车辆各系统。本卡复印件存入售后档案。", pt=f.lk.body_pt * 0.9)
    row(f, [customer(ctx), Party("staff", rng.choice(("服务顾问", "服务站经办人")), v.advisor.writer)], shape="inline", dated=False)
    d.seal("round", (f.x1 - (f.x1 - f.x0) * 0.2, f.y - 2 * f.u), middle="售后服务专用章")
    return d


def parts_invoice(ctx: Ctx) -> Doc:
    d = start(ctx, "parts_invoice", "a4")
    rng, site, c = ctx.rng, ctx.site, ctx.cust
    f = d.flow
    d.head(f"{site.city}增值税{'专用' if c.company else '普通'}发票", right="发票联", issuer="")
    code, number = ids.digits(rng, 10 if rng.random() < 0.5 else 12), ids.digits(rng, 8)
    boxed(f, [[("发票代码", d.shown("invoice_code", code)), ("发票号码", d.shown("invoice_number", number)), ("开票日期", d.date())],
              [("购买方名称", d.shown("company", c.company) if c.company else d.shown("name", c.contact.name))]])
    parts = rng.sample(("前减震器总成", "水泵总成", "节温器", "氧传感器", "点火线圈", "车窗升降器", "空调压缩机", "大灯总成"), rng.randint(1, 3))
    rows, total = [], 0.0
    for name in parts:
        pr = float(rng.randint(30, 260) * 10)
        total += pr
        rows.append([f"*汽车零部件*{name}", "个", "1", f"{pr / 1.13:.2f}", "13%", f"{pr - pr / 1.13:.2f}"])
    f.table(["货物或应税劳务名称", "单位", "数量", "金额", "税率", "税额"], rows, [4, 0.8, 0.8, 1.5, 0.8, 1.4])
    boxed(f, [[("价税合计（大写）", capital(total)), ("（小写）", d.amount(total))], [("销售方名称", site.name)],
              [("纳税人识别号", site.credit_code)]])
    d.seal("oval", (f.x1 - (f.x1 - f.x0) * 0.22, f.y - f.u), middle=site.credit_code)
    return d
