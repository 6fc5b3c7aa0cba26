"""Copies of national forms the dealer does not design: invoices, ID card, licence, policy, certificate.

Their layout is fixed by the issuer, so every site's copy looks alike; only the scan differs. They carry
no signature fields; invoices and policies carry the issuer's seal.
"""

from __future__ import annotations

from datetime import timedelta

from . import blocks, ids
from .doc import Doc
from .people import person_name

DIGITS = "零壹贰叁肆伍陆柒捌玖"


def capital(amount: float) -> str:
    """The amount in capital numerals, as invoices print it (整 when no fen)."""
    units = ("", "拾", "佰", "仟")
    yuan = int(amount)
    fen = round(amount * 100) % 100
    out = ""
    for group, name in ((yuan // 10**8, "亿"), (yuan // 10**4 % 10**4, "万"), (yuan % 10**4, "")):
        if group:
            s = ""
            for k in range(3, -1, -1):
                dgt = group // 10**k % 10
                if dgt:
                    s += DIGITS[dgt] + units[k]
                elif s and not s.endswith("零"):
                    s += "零"
            out += s.rstrip("零") + name
        elif out and not out.endswith("零"):
            out += "零"
    out = (out.rstrip("零") or "零") + "圆"
    return out + (f"{DIGITS[fen // 10]}角{DIGITS[fen % 10]}分" if fen else "整")


def _invoice_head(d: Doc, title: str, sub: str) -> tuple[str, str]:
    sh, rng = d.sheet(), d.rng
    d.title = sh.s(title)
    sh.y = sh.mm(14)
    sh.text(sh.w / 2, sh.y, d.title, 18, "serifb", fill=(120, 60, 40), anchor="ma")
    sh.y += sh.px(26)
    sh.text(sh.w / 2, sh.y, sh.s(sub), 10, anchor="ma")
    code, number = ids.invoice_code(rng), ids.invoice_number(rng)
    sh.text(sh.right, sh.mm(14), sh.s("发票代码 ") + code, 9.5, "mono", anchor="ra")
    sh.text(sh.right, sh.mm(19), sh.s("发票号码 ") + number, 9.5, "mono", anchor="ra")
    d.fields["invoice_code"], d.fields["invoice_number"] = code, number
    sh.y += sh.px(20)
    return code, number


def purchase_invoice(d: Doc) -> None:
    c, rng = d.cust, d.rng
    assert c is not None and d.car is not None
    _invoice_head(d, "机动车销售统一发票", "发 票 联")
    sh = d.pages[-1]
    price = d.car.price
    pairs = [d.date_kv("开票日期", d.when), ("机打代码", ids.invoice_code(rng)),
             d.kv("购买方名称", "company" if c.company else "name", c.company or c.name),
             d.kv("纳税人识别号/统一社会信用代码/身份证号码", "credit_code" if c.credit_code else "id_number",
                  c.credit_code or c.id_number),
             ("车辆类型", "小型轿车" if rng.random() < 0.7 else "小型越野客车"), ("厂牌型号", f"{d.car.brand} {d.car.model}"),
             ("产地", rng.choice(("上海", "长春", "广州", "深圳", "宁波"))), ("合格证号", f"W{rng.randrange(10**13):013d}"),
             ("发动机号码", d.car.engine), d.kv("车辆识别代号/车架号码", "vin", d.car.vin),
             ("价税合计（大写）", capital(price)), d.kv("小写", "amount", f"¥{price:.2f}", f"{price:.2f}"),
             ("销货单位名称", d.site.company), ("税率", "13%")]
    blocks.grid(sh, pairs, cols=1, pt=9.5)
    d.seal("oval", d.site.company, ids.credit_code(rng), near=(int(sh.right - sh.mm(30)), int(sh.y - sh.mm(12))))


def parts_invoice(d: Doc) -> None:
    c, rng = d.cust, d.rng
    assert c is not None
    _invoice_head(d, d.site.city + "增值税普通发票", "发票联")
    sh = d.pages[-1]
    blocks.grid(sh, [d.kv("购买方名称", "company" if c.company else "name", c.company or c.name),
                     ("纳税人识别号", c.credit_code or ""), d.date_kv("开票日期", d.when)], cols=1, pt=9.5)
    items = [("*汽车零配件*水泵总成", 1, 980.0), ("*汽车零配件*冷却液", 2, 55.0), ("*汽车零配件*密封圈", 1, 12.0)]
    rows = [[n, "个", str(q), f"{p:.2f}", f"{q * p:.2f}", "13%"] for n, q, p in items]
    total = sum(q * p for _, q, p in items)
    blocks.table(sh, ["货物或应税劳务名称", "单位", "数量", "单价", "金额", "税率"], rows, [5, 1, 1, 2, 2, 1], pt=8.5)
    blocks.grid(sh, [("价税合计（大写）", capital(total)), d.kv("（小写）", "amount", f"¥{total:.2f}", f"{total:.2f}"),
                     ("销售方名称", d.site.company)], cols=1, pt=9.5)
    d.seal("oval", d.site.company, ids.credit_code(rng), near=(int(sh.right - sh.mm(30)), int(sh.y - sh.mm(10))))


def id_copy(d: Doc) -> None:
    sh, c, rng = d.sheet(), d.cust, d.rng
    assert c is not None
    title = d.site.title(d.code or "", rng) if rng.random() < 0.5 else None
    if title:
        d.title = sh.s(title)
        sh.text(sh.w / 2, sh.mm(16), d.title, 14, anchor="ma")
    if c.company and rng.random() < 0.7:
        _licence_copy(d)
        return
    born = c.id_number[6:14]
    cw, ch = sh.mm(86), sh.mm(54)  # the card, ISO/IEC 7810 ID-1
    for k in range(2):
        x0, y0 = (sh.w - cw) / 2, sh.mm(35) + k * (ch + sh.mm(20))
        sh.d.rounded_rectangle((x0, y0, x0 + cw, y0 + ch), radius=sh.mm(3), outline=(90, 90, 100), width=2,
                               fill=(236, 238, 236))
        if k == 0:
            sh.y = y0 + sh.mm(5)
            for lab, val in (("姓名", c.name), ("性别", "男" if int(c.id_number[16]) % 2 else "女"), ("民族", "汉"),
                             ("出生", f"{born[:4]}年{int(born[4:6])}月{int(born[6:])}日"), ("住址", c.address[:14])):
                sh.text(x0 + sh.mm(4), sh.y, sh.s(lab), 7.5, fill=(60, 90, 140))
                sh.text(x0 + sh.mm(14), sh.y, sh.s(val), 8.5)
                sh.y += sh.px(15)
            if len(c.address) > 14:
                sh.text(x0 + sh.mm(14), sh.y, sh.s(c.address[14:]), 8.5)
            sh.text(x0 + sh.mm(4), y0 + ch - sh.mm(7), sh.s("公民身份号码"), 7.5, fill=(60, 90, 140))
            sh.text(x0 + sh.mm(24), y0 + ch - sh.mm(7), c.id_number, 9, "mono")
            sh.d.rectangle((x0 + cw - sh.mm(28), y0 + sh.mm(6), x0 + cw - sh.mm(4), y0 + sh.mm(38)), fill=(200, 200, 205))
        else:
            sh.text(x0 + cw / 2, y0 + sh.mm(10), sh.s("中华人民共和国"), 12, "bold", anchor="ma")
            sh.text(x0 + cw / 2, y0 + sh.mm(19), sh.s("居民身份证"), 15, "bold", anchor="ma")
            sh.text(x0 + sh.mm(8), y0 + ch - sh.mm(15), sh.s(f"签发机关 {d.site.city}市公安局"), 8)
            start = d.when - timedelta(days=rng.randint(300, 3000))
            sh.text(x0 + sh.mm(8), y0 + ch - sh.mm(9), sh.s("有效期限 ") + f"{start:%Y.%m.%d}-{start.year + 20}.{start:%m.%d}", 8)
    d.fields.update(name=sh.s(c.name), id_number=c.id_number, address=sh.s(c.address))
    if rng.random() < 0.5:  # "copy agrees with the original", signed by the holder
        sh.y = sh.mm(35) + 2 * ch + sh.mm(30)
        sh.hand(sh.left + sh.mm(20), sh.y, sh.s("此复印件仅供购车使用，与原件一致"), 12)
        sh.y += sh.mm(12)
        d.sign([d.party("customer", ("本人", "持证人", "客户"))], at_bottom=False, dated=False)


def _licence_copy(d: Doc) -> None:
    sh, c, rng = d.pages[-1], d.cust, d.rng
    assert c is not None and c.company and c.credit_code
    x0, y0, x1, y1 = sh.left + sh.mm(8), sh.mm(28), sh.right - sh.mm(8), sh.mm(200)
    sh.rect((x0, y0, x1, y1), 4)
    sh.text(sh.w / 2, y0 + sh.mm(14), sh.s("营业执照"), 26, "serifb", anchor="ma")
    sh.y, left = y0 + sh.mm(40), sh.left
    sh.left = x0 + sh.mm(10)
    person = person_name(rng)
    for lab, key, val in (("统一社会信用代码", "credit_code", c.credit_code), ("名称", "company", c.company),
                          ("类型", None, "有限责任公司"), ("法定代表人", None, person),
                          ("注册资本", None, f"{rng.choice((100, 200, 500, 1000))}万元人民币"),
                          ("成立日期", None, f"{d.when.year - rng.randint(2, 15)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"),
                          ("住所", "address", c.address)):
        sh.text(sh.left, sh.y, sh.s(lab), 10.5)
        sh.text(sh.left + sh.mm(40), sh.y, sh.s(val), 10.5)
        if key:
            d.fields[key] = sh.s(val) if key != "credit_code" else val
        sh.y += sh.px(24)
    sh.left = left
    d.seal("round", c.company, "", near=(int(x1 - sh.mm(35)), int(y1 - sh.mm(30))))


def vehicle_license(d: Doc) -> None:
    sh, c, rng = d.sheet(), d.cust, d.rng
    assert c is not None and d.car is not None and d.car.plate
    x0, y0 = sh.left + sh.mm(5), sh.mm(30)
    w, h = sh.mm(120), sh.mm(88)
    sh.d.rectangle((x0, y0, x0 + w, y0 + h), outline=(70, 90, 80), width=2, fill=(232, 240, 234))
    d.title = sh.s("中华人民共和国机动车行驶证")
    sh.text(x0 + w / 2, y0 + sh.mm(4), d.title, 12, "bold", anchor="ma")
    sh.y = y0 + sh.mm(14)
    owner = c.company or c.name
    reg = d.when - timedelta(days=rng.randint(20, 900))
    rows = [("号牌号码", "plate", sh.s(d.car.plate), d.car.plate), ("车辆类型", None, "小型轿车", ""),
            ("所有人", "company" if c.company else "name", owner, ""), ("住址", "address", c.address, ""),
            ("使用性质", None, "非营运", ""), ("品牌型号", None, f"{d.car.brand} {d.car.model}", ""),
            ("车辆识别代号", "vin", d.car.vin, d.car.vin), ("发动机号码", None, d.car.engine, ""),
            ("注册日期", "date", reg.isoformat(), reg.isoformat())]
    for lab, key, val, truth in rows:
        sh.text(x0 + sh.mm(4), sh.y, sh.s(lab), 8.5)
        shown = sh.s(val) if key not in ("plate", "vin", "date") else val
        sh.text(x0 + sh.mm(28), sh.y, shown if key != "plate" else val, 9)
        if key:
            d.fields[key] = truth or shown
        sh.y += sh.px(16)
    d.seal("round", f"{d.site.city}市公安局交通警察支队", "", near=(int(x0 + w - sh.mm(22)), int(y0 + h - sh.mm(22))))


def insurance_policy(d: Doc) -> None:
    sh, c, rng = d.sheet(), d.cust, d.rng
    assert c is not None and d.car is not None
    insurer = rng.choice(("中盛财产保险股份有限公司", "安泰财产保险股份有限公司", "华联财产保险有限公司"))
    d.title = blocks.header(sh, insurer, d.site.title(d.code or "", rng), style=0, form_no=None,
                            doc_no=f"保险单号：P{rng.randrange(10**15):015d}")
    premium = round(rng.uniform(2800, 9800), 2)
    pairs = [d.kv("被保险人", "company" if c.company else "name", c.company or c.name),
             d.kv("号牌号码", "plate", sh.s(d.car.plate or "新车未上牌"), d.car.plate) if d.car.plate else ("号牌号码", "新车未上牌"),
             d.kv("车架号", "vin", d.car.vin), ("发动机号", d.car.engine), ("厂牌型号", f"{d.car.brand} {d.car.model}"),
             ("保险期间", f"{d.when:%Y年%m月%d日}零时起至{d.when.year + 1}年{d.when:%m月%d日}零时止"),
             d.amount_kv("保险费合计", premium), d.date_kv("签单日期", d.when)]
    blocks.grid(sh, pairs, cols=1, pt=9.5)
    blocks.table(sh, ["承保险种", "保险金额/责任限额(元)"],
                 [["机动车损失保险", f"{d.car.price:.2f}"], ["第三者责任保险", "2000000.00"], ["车上人员责任险（司机）", "20000.00"]],
                 [5, 3])
    blocks.para(sh, "重要提示：本保险合同由保险条款、投保单、保险单及批单组成。收到本保险单后请立即核对，如有不符请及时通知保险人。", 8.5)
    d.seal("round", insurer, "保险单专用章")


def conformity_certificate(d: Doc) -> None:
    sh, rng = d.sheet(), d.rng
    assert d.car is not None
    d.title = sh.s("机动车整车出厂合格证")
    sh.text(sh.w / 2, sh.mm(18), d.title, 16, "serifb", anchor="ma")
    sh.y = sh.mm(30)
    rows = [["0.合格证编号", f"W{rng.randrange(10**13):013d}"], ["1.发证日期", f"{d.when - timedelta(days=rng.randint(20, 90)):%Y年%m月%d日}"],
            ["2.车辆制造企业名称", d.car.brand + "汽车有限公司"], ["3.车辆品牌/车辆名称", d.car.brand + "牌/轿车"],
            ["4.车辆识别代号/车架号", d.car.vin], ["5.车身颜色", d.car.colour], ["6.发动机号", d.car.engine],
            ["7.燃料种类", rng.choice(("汽油", "纯电动", "插电式混合动力"))], ["8.额定载客(人)", "5"]]
    blocks.table(sh, ["项目", "内容"], rows, [2, 3], pt=9.5)
    d.fields["vin"] = d.car.vin
