"""Papers a site files but does not print itself (ID and licence copies, invoices, certificates, insurers'
papers, a thermal till receipt, photos, printed phone screens) and the property offices' papers."""

from __future__ import annotations

from .forms import Ctx, Doc, date_line, footer, grid, header, new_page, paragraph, sign_row, table, value
from .paper import Page
from .sites import capital, fmt_amount, fmt_date, person

GOV = "serif"


def _copy_note(p: Page, c: Ctx, x: float, y: float) -> None:
    """The hand-written line Chinese customers put across a copy of their ID: its one permitted use."""
    p.hand(c.rng, x, y, c.rng.choice(("仅供购车使用", "此复印件仅用于办理车辆手续", "仅供物业登记用")), 14, (30, 45, 140))


def id_copy(c: Ctx) -> Doc:
    p = new_page(c)
    f: dict[str, str] = {}
    if c.cust.company and c.cust.credit_code:
        p.rect(30, 30, 180, 150, 1.2, (150, 110, 40))
        p.text(105, 40, "营业执照", 22, "serifb", anchor="ma")
        p.text(105, 52, "（副本）", 10, GOV, anchor="ma")
        rows = [("统一社会信用代码", c.cust.credit_code), ("名称", c.cust.company), ("类型", "有限责任公司"),
                ("法定代表人", person(c.rng)), ("住所", c.cust.address),
                ("成立日期", f"{c.rng.randint(2005, 2020)}年{c.rng.randint(1, 12)}月{c.rng.randint(1, 28)}日")]
        y = 64.0
        for lab, v in rows:
            p.text(40, y, lab, 10, GOV)
            p.text(80, y, v, 10, GOV)
            y += 10
        f.update(company=c.cust.company, credit_code=c.cust.credit_code)
        p.seal("round", "长沙市市场监督管理局", "", p.px(150), p.px(130))
        _copy_note(p, c, 60, 160)
        return Doc("id_copy", "营业执照", [p], f)
    # the two sides of a resident ID card, photocopied on one sheet
    for k, top in enumerate((40.0, 130.0)):
        p.draw.rounded_rectangle((p.px(52), p.px(top), p.px(52 + 85.6), p.px(top + 54)), radius=p.px(3),
                                 outline=(90, 90, 90), width=max(1, p.px(0.3)), fill=(238, 238, 238))
        if k == 0:
            p.text(57, top + 5, "姓名", 7, "sans", (90, 90, 90))
            p.text(68, top + 4.5, c.cust.name, 9, "bold")
            p.text(57, top + 12, "性别  " + c.rng.choice("男女") + "   民族  汉", 7, "sans")
            p.text(57, top + 19, "住址", 7, "sans", (90, 90, 90))
            p.text(68, top + 19, c.cust.address[:13], 7.5, "sans")
            if len(c.cust.address) > 13:
                p.text(68, top + 24, c.cust.address[13:], 7.5, "sans")
            p.text(57, top + 44, "公民身份号码", 7, "sans", (90, 90, 90))
            p.text(78, top + 44, c.cust.id_number, 9, "bold")
            p.rect(112, top + 6, 132, top + 32, 0.2, (120, 120, 120), fill=(205, 205, 205))
        else:
            p.text(95, top + 10, "中华人民共和国", 10, "bold", anchor="ma")
            p.text(95, top + 18, "居民身份证", 14, "bold", anchor="ma")
            p.text(60, top + 36, "签发机关  长沙市公安局" + c.rng.choice(("岳麓分局", "开福分局", "天心分局")), 7, "sans")
            y0 = c.rng.randint(2015, 2024)
            p.text(60, top + 43, f"有效期限  {y0}.0{c.rng.randint(1, 9)}.1{c.rng.randint(0, 9)}-{y0 + 20}.0{c.rng.randint(1, 9)}.1{c.rng.randint(0, 9)}", 7, "sans")
    f.update(name=c.cust.name, id_number=c.cust.id_number)
    _copy_note(p, c, 60, 100)
    return Doc("id_copy", None, [p], f)


def purchase_invoice(c: Ctx) -> Doc:
    assert c.car
    p = new_page(c, 240, 140)
    f: dict[str, str] = {}
    red = (150, 60, 40)
    p.text(120, 8, "机动车销售统一发票", 16, "serifb", red, anchor="ma")
    p.text(120, 17, "发 票 联", 9, "sans", red, anchor="ma")
    p.text(200, 9, f"发票号码 {c.rng.randint(10 ** 7, 10 ** 8 - 1)}", 8, "sans")
    p.text(200, 14, "开票日期 " + fmt_date(c.date, "cn"), 8, "sans")
    f["date"] = c.date
    buyer = c.cust.company or c.cust.name
    f["company" if c.cust.company else "name"] = buyer
    code = c.cust.credit_code or c.cust.id_number
    f["credit_code" if c.cust.company else "id_number"] = code
    rows = [("购买方名称", buyer), ("身份证号码/统一社会信用代码", code), ("车辆类型", "小型轿车"), ("厂牌型号", c.car.model),
            ("车辆识别代号/车架号码", c.car.vin), ("发动机号码", c.car.engine), ("价税合计", f"{capital(c.car.price)}  小写 ¥{c.car.price:.2f}"),
            ("销货单位名称", c.site.company), ("地址", c.site.city_addr)]
    f["vin"] = c.car.vin
    f["amount"] = f"{c.car.price:.2f}"
    y = 24.0
    for lab, v in rows:
        p.line(10, y, 230, y, 0.2, red)
        p.text(12, y + 2, lab, 8, "sans", red)
        p.text(70, y + 1.8, v, 9, "mono")
        y += 10
    p.line(10, y, 230, y, 0.2, red)
    p.rect(10, 24, 230, y, 0.3, red)
    p.line(68, 24, 68, y, 0.2, red)
    p.seal("oval", c.site.company, f"9143{c.rng.randint(10 ** 13, 10 ** 14 - 1)}", p.px(185), p.px(y - 12))
    return Doc("purchase_invoice", "机动车销售统一发票", [p], f)


def vehicle_license(c: Ctx) -> Doc:
    assert c.car and c.car.plate
    p = new_page(c)
    f = {"plate": c.car.plate, "vin": c.car.vin}
    p.rect(40, 40, 170, 128, 0.4, (100, 100, 100), fill=(236, 232, 226))
    p.text(105, 44, "中华人民共和国机动车行驶证", 11, "bold", anchor="ma")
    rows = [("号牌号码", c.car.plate), ("车辆类型", "小型轿车"), ("所有人", c.cust.company or c.cust.name),
            ("住址", c.cust.address), ("品牌型号", c.car.model), ("车辆识别代号", c.car.vin), ("发动机号码", c.car.engine),
            ("注册日期", fmt_date(c.date, "cn"))]
    f["company" if c.cust.company else "name"] = c.cust.company or c.cust.name
    y = 54.0
    for lab, v in rows:
        p.text(45, y, lab, 8, "sans", (80, 80, 80))
        p.text(70, y, v, 8.5, "sans")
        y += 8.5
    p.seal("round", "长沙市公安局交通警察支队", "车管所", p.px(150), p.px(110))
    return Doc("vehicle_license", "中华人民共和国机动车行驶证", [p], f)


def insurance_policy(c: Ctx) -> Doc:
    assert c.car
    premium = float(c.rng.randint(2800, 9800)) + c.rng.choice((0.0, 0.5, 0.36))
    f = {"vin": c.car.vin, "amount": f"{premium:.2f}", "date": c.date}
    insurer = c.rng.choice(("中国人民财产保险股份有限公司长沙市分公司", "中国平安财产保险股份有限公司湖南分公司",
                            "太平洋财产保险股份有限公司长沙中心支公司"))
    holder = c.cust.company or c.cust.name
    f["company" if c.cust.company else "name"] = holder
    if c.site.key == "lugu":  # the e-policy as the phone shows it, printed out
        p = new_page(c, 210, 297)
        p.rect(62, 15, 148, 200, 0.3, (160, 160, 160))
        p.rect(62, 15, 148, 22, fill=(30, 30, 30))
        p.text(65, 16.2, f"{c.rng.randint(8, 21)}:{c.rng.randint(10, 59)}", 6.5, "sans", (255, 255, 255))
        p.text(145, 16.2, "5G 87%", 6.5, "sans", (255, 255, 255), anchor="ra")
        p.text(105, 25, "电子保单", 10, "bold", anchor="ma")
        y = 36.0
        for lab, v in (("保险公司", insurer[:12]), ("被保险人", holder), ("车牌号", c.car.plate or "新车未上牌"),
                       ("车架号", c.car.vin), ("保险起期", fmt_date(c.date, "cn")), ("保费合计", f"¥{premium:,.2f}")):
            p.text(66, y, lab, 7.5, "sans", (110, 110, 110))
            p.text(144, y, v, 7.5, "sans", anchor="ra")
            p.line(66, y + 6, 144, y + 6, 0.1, (200, 200, 200))
            y += 9
        p.rect(75, y + 8, 135, y + 17, fill=(0, 120, 110))
        p.text(105, y + 10, "下载保单PDF", 8, "sans", (255, 255, 255), anchor="ma")
        return Doc("insurance_policy", "电子保单", [p], f, look="screen")
    p = new_page(c)
    title = "机动车商业保险保险单（电子保单）" if c.rng.random() < 0.5 else "机动车交通事故责任强制保险单"
    p.text(105, 15, insurer, 10, "serif", anchor="ma")
    p.text(105, 23, title, 14, "serifb", anchor="ma")
    rows = [("被保险人", holder), ("号牌号码", c.car.plate or "未上牌"), ("车辆识别代号", c.car.vin), ("厂牌型号", c.car.model),
            ("保险期间", f"自{fmt_date(c.date, 'cn')}零时起一年"), ("保险费合计", f"（人民币大写）{capital(int(premium))}  ¥:{premium:.2f}元"),
            ("签单日期", fmt_date(c.date, "cn"))]
    y = 35.0
    for lab, v in rows:
        p.rect(15, y, 195, y + 10, 0.2)
        p.text(17, y + 2.5, lab, 9, "sans")
        p.text(55, y + 2.5, v, 9, "sans")
        y += 10
    y = paragraph(p, c, y + 5, "重要提示：1.本保险单提供电子保单，被保险人可登录保险公司官网查询验真。2.收到本保险单后请立即核对，"
                  "如有不符或疏漏，请及时通知保险人并办理变更或补充手续。")
    p.seal("round", insurer[:14], "保单专用章", p.px(160), p.px(y + 20))
    return Doc("insurance_policy", title, [p], f)


def conformity_certificate(c: Ctx) -> Doc:
    assert c.car
    p = new_page(c)
    p.rect(20, 20, 190, 200, 0.5, (60, 110, 60))
    p.text(105, 26, "机动车整车出厂合格证", 15, "serifb", anchor="ma")
    p.qr(160, 28, 22, c.rng)
    rows = [("合格证编号", f"W{c.rng.randint(10 ** 12, 10 ** 13 - 1)}"), ("车辆制造企业名称", c.site.brand + "汽车有限公司"),
            ("车辆品牌", c.site.brand), ("车辆型号", c.car.model.split()[0]), ("车辆识别代号/车架号", c.car.vin),
            ("车身颜色", c.car.colour), ("发动机号", c.car.engine), ("车辆制造日期", fmt_date(c.date, "cn"))]
    y = 55.0
    for lab, v in rows:
        p.text(26, y, lab, 9, "sans")
        p.text(80, y, v, 9.5, "mono")
        p.line(24, y + 7, 186, y + 7, 0.15, (120, 150, 120))
        y += 11
    return Doc("conformity_certificate", "机动车整车出厂合格证", [p], {"vin": c.car.vin})


def first_service_card(c: Ctx) -> Doc:
    assert c.car and c.visit
    p = new_page(c)
    p.rect(45, 50, 165, 125, 0.5)
    p.text(105, 55, c.site.brand + " 首次保养凭证", 12, "bold", anchor="ma")
    rows = [("车架号", c.car.vin), ("首保日期", fmt_date(c.date, c.site.date_style)), ("首保里程", f"{c.car.km} km"),
            ("经销商", c.site.short)]
    y = 68.0
    for lab, v in rows:
        p.text(50, y, lab + "：", 9, "sans")
        value(p, c, 70, y, v, 9)
        y += 11
    p.seal("square", c.advisor, "", p.px(145), p.px(112))
    return Doc("first_service_card", f"{c.site.brand} 首次保养凭证", [p], {"vin": c.car.vin, "date": c.date})


def e_invoice(c: Ctx) -> Doc:
    """The parts invoice of a warranty claim: a VAT e-invoice printed from the PDF."""
    assert c.car
    p = new_page(c, 240, 140)
    p.text(120, 8, "电子发票（普通发票）", 15, "serifb", (150, 60, 40), anchor="ma")
    p.qr(12, 6, 18, c.rng)
    p.text(170, 9, f"发票号码：{c.rng.randint(10 ** 19, 10 ** 20 - 1)}", 7.5, "sans")
    p.text(170, 14, "开票日期：" + fmt_date(c.date, "cn"), 7.5, "sans")
    buyer = c.cust.company or c.cust.name
    p.text(14, 28, "购买方信息  名称：" + buyer, 8.5, "sans")
    p.text(124, 28, "销售方信息  名称：" + c.site.company, 8.5, "sans")
    parts = [("*汽车零配件*" + n, v) for n, v in (("点火线圈", 386.0), ("火花塞", 96.0), ("高压线束", 428.0))][: c.rng.randint(1, 3)]
    total = sum(v for _, v in parts)
    y = table(p, c, 38, ["项目名称", "数量", "金额"], [[n, "1", f"{v:.2f}"] for n, v in parts], [120, 40, 60], x0=10)
    p.text(14, y, f"价税合计（大写）{capital(int(total))}    （小写）¥{total:.2f}", 9, "sans")
    p.seal("oval", c.site.company, f"9143{c.rng.randint(10 ** 13, 10 ** 14 - 1)}", p.px(200), p.px(y + 8))
    f = {"amount": f"{total:.2f}", "date": c.date, ("company" if c.cust.company else "name"): buyer}
    return Doc("parts_invoice", "电子发票（普通发票）", [p], f)


def loss_assessment(c: Ctx) -> Doc:
    assert c.car and c.visit
    p = new_page(c)
    insurer = c.rng.choice(("中国人民财产保险股份有限公司长沙市分公司", "中国平安财产保险股份有限公司湖南分公司"))
    p.text(105, 22, insurer, 10, "serif", anchor="ma")
    p.text(105, 30, "机动车损失项目确认书", 15, "serifb", anchor="ma")
    f: dict[str, str] = {"vin": c.car.vin}
    rows = [("报案号", f"RDAA{c.rng.randint(10 ** 15, 10 ** 16 - 1)}"), ("被保险人", c.cust.company or c.cust.name),
            ("车架号", c.car.vin), ("承修单位", c.site.company), ("定损日期", fmt_date(c.date, "cn"))]
    f["company" if c.cust.company else "name"] = c.cust.company or c.cust.name
    f["date"] = c.date
    y = grid(p, c, 40, rows, 1)
    items = [["前保险杠", "更换", "1280.00"], ["左前大灯", "更换", "2360.00"], ["钣金喷漆", "修复", "900.00"]][: c.rng.randint(2, 3)]
    total = sum(float(r[2]) for r in items)
    y = table(p, c, y, ["损失项目", "处理方式", "金额"], items, [90, 40, 50])
    p.text(15, y, f"定损金额合计：{total:.2f}元", 10, "sans")
    f["amount"] = f"{total:.2f}"
    y = sign_row(p, c, y + 20, [("staff", "定损员"), ("customer", "被保险人"), ("staff", "承修方")], "grid")
    p.seal("round", insurer[:14], "理赔专用章", p.px(60), p.px(y - 15), over=0)
    return Doc("loss_assessment", "机动车损失项目确认书", [p], f, look="fax" if c.rng.random() < 0.5 else "")


def thermal_settlement(c: Ctx) -> Doc:
    """The till's 80 mm thermal receipt a workshop hands over as its settlement."""
    assert c.car and c.visit and c.job
    from .forms import labour
    items = labour(c)
    n = len(items)
    p = Page(80, 150 + 8 * n, c.dpi, (250, 249, 244))
    p.notes.append("thermal")
    mono = "zenhei_mono"
    p.text(40, 5, c.site.short + "汽车服务", 11, "bold", anchor="ma")
    p.text(40, 12, "维修结算单", 10, mono, anchor="ma")
    f = {"vin": c.car.vin, "date": c.date}
    lines = [f"工单号：{c.visit}", f"结算时间：{fmt_date(c.date, 'dot')} {c.rng.randint(9, 18)}:{c.rng.randint(10, 59)}"]
    if c.car.plate:
        lines.append(f"车牌：{c.car.plate}")
        f["plate"] = c.car.plate
    lines.append(f"VIN:{c.car.vin}")
    lines.append(f"客户：{c.cust.company or c.cust.name}")
    f["company" if c.cust.company else "name"] = c.cust.company or c.cust.name
    y = 20.0
    for ln in lines:
        p.text(4, y, ln, 8, mono)
        y += 5.5
    p.line(3, y, 77, y, 0.2, dash=0.8)
    y += 2
    total = 0.0
    for a, _, v in items:
        p.text(4, y, a, 8, mono)
        p.text(76, y, f"{v:.2f}", 8, mono, anchor="ra")
        total += v
        y += 5.5
    p.line(3, y, 77, y, 0.2, dash=0.8)
    y += 2
    p.text(4, y, "应收合计", 9, "bold")
    p.text(76, y, f"{total:.2f}", 9, "bold", anchor="ra")
    f["amount"] = f"{total:.2f}"
    y += 7
    p.text(4, y, "支付方式：" + c.rng.choice(("微信", "支付宝", "银联刷卡", "现金")), 8, mono)
    y += 9
    p.text(4, y + 3, "客户签字：", 8.5, mono)
    p.slot("customer", "客户签字", 4 + p.width("客户签字：", 8.5, mono) + 1, y, 76, y + 11)
    y += 14
    p.text(4, y + 3, "收银员：", 8.5, mono)
    p.slot("staff", "收银员", 4 + p.width("收银员：", 8.5, mono) + 1, y, 76, y + 11)
    y += 15
    p.text(40, y, "谢谢惠顾 欢迎再次光临", 8, mono, anchor="ma")
    # the red rubber date stamp the cashier presses on paid receipts: not a seal
    stamp = f"已收讫 {fmt_date(c.date, 'dot')}"
    p.rect(12, y + 7, 68, y + 16, 0.5, (200, 40, 50))
    p.text(40, y + 8.3, stamp, 10, "bold", (200, 40, 50), anchor="ma")
    return Doc("settlement", "维修结算单", [p], f, look="thermal")


def photo(c: Ctx, what: str) -> Doc:
    """A phone photo printed on plain paper: the handover at the showroom or the damaged part with its tag."""
    rng = c.rng
    p = Page(160, 120, c.dpi, (rng.randint(170, 210), rng.randint(170, 200), rng.randint(160, 190)))
    W, H = p.img.size
    for k in range(0, H, 4):  # floor and wall
        shade = int(150 + 60 * k / H)
        p.draw.line((0, k, W, k), fill=(shade, shade - 10, shade - 25) if k > H * 0.55 else (225, 225, 230), width=4)
    if what == "delivery":
        body = (rng.randint(20, 220), rng.randint(20, 220), rng.randint(20, 220))
        p.draw.rounded_rectangle((p.px(30), p.px(50), p.px(130), p.px(88)), radius=p.px(10), fill=body)
        p.draw.rounded_rectangle((p.px(50), p.px(36), p.px(108), p.px(56)), radius=p.px(8), fill=tuple(v // 2 for v in body))
        for x in (45, 112):
            p.draw.ellipse((p.px(x - 9), p.px(79), p.px(x + 9), p.px(97)), fill=(20, 20, 20))
        p.rect(40, 10, 120, 24, fill=(180, 20, 30))
        p.text(80, 12.5, "恭喜" + c.cust.name[0] + "先生/女士喜提爱车", 10, "bold", (255, 230, 160), anchor="ma")
        p.draw.ellipse((p.px(133), p.px(40), p.px(143), p.px(50)), fill=(230, 190, 160))
        p.rect(131, 50, 145, 95, fill=(40, 50, 90))
        doc_type, title = "delivery_photo", None
    else:
        p.draw.ellipse((p.px(30), p.px(30), p.px(100), p.px(95)), fill=(90, 90, 95))
        p.draw.ellipse((p.px(50), p.px(50), p.px(80), p.px(75)), fill=(140, 140, 150))
        p.draw.line((p.px(40), p.px(40), p.px(85), p.px(80)), fill=(20, 20, 20), width=p.px(1))
        p.rect(108, 60, 152, 90, fill=(250, 250, 240))
        p.text(110, 62, "旧件标签", 8, "bold")
        p.hand(rng, 110, 69, c.visit or "", 8)
        p.hand(rng, 110, 79, rng.choice(("点火线圈", "下摆臂", "压缩机")), 8)
        doc_type, title = "damage_photo", None
    stamp = f"{fmt_date(c.date, 'slash')} {rng.randint(9, 18):02d}:{rng.randint(0, 59):02d}"
    p.text(156, 112, stamp, 9, "mono", (255, 150, 40), anchor="ra")
    return Doc(doc_type, title, [p], {}, look="photo")


def chat_screenshot(c: Ctx) -> Doc:
    """A printed chat with the advisor: kept in the pile, but no document type."""
    p = new_page(c, 90, 190)
    p.rect(0, 0, 90, 8, fill=(237, 237, 237))
    p.text(45, 1.5, c.rng.choice(("服务顾问", "小" + c.advisor[0] + "（" + c.site.short + "）")), 7.5, "sans", anchor="ma")
    y = 14.0
    msgs = ["您好，您的车已经保养好了，可以来提车了", "好的，大概几点关门？", "晚上六点半之前都可以", "收到，谢谢",
            "发票已开好，放在前台"]
    for k, m in enumerate(msgs[: c.rng.randint(3, 5)]):
        mine = k % 2 == 1
        w = min(62.0, p.width(m, 7.5) + 6)
        x0 = 86 - w if mine else 16
        p.rect(x0, y, x0 + w, y + 9, 0.1, (200, 200, 200), fill=(149, 236, 105) if mine else (255, 255, 255))
        p.text(x0 + 3, y + 2, m, 7.5, "sans")
        y += 14
    return Doc(None, None, [p], {}, look="screen")


# -- property papers ----------------------------------------------------------------------------------------

SUBJECTS = {"房门锁": ("门锁更换/加装申请表", "电子门锁授权申请"), "电话": ("电话及宽带开通申请表",),
            "车位": ("月租车位申请表", "固定车位租用申请"), "水牌": ("大堂水牌制作申请", "楼层指示牌更改申请"),
            "客户加班": ("非办公时间加班申请表", "加班空调延时申请")}


def _unit_rows(c: Ctx, f: dict[str, str], tower: bool) -> list[tuple[str, str]]:
    assert c.unit
    rows = [("房号" if not tower else "单元", c.unit)]
    f["unit"] = c.unit
    if tower or c.cust.company:
        comp = c.cust.company or (c.cust.name + "工作室")
        rows += [("公司名称" if tower else "租户", comp), ("联系人", c.cust.name)]
        f["company"], f["contact"] = comp, c.cust.name
    else:
        rows.append(("业主姓名", c.cust.name))
        f["name"] = c.cust.name
    rows.append(("联系电话", c.cust.mobile))
    f["mobile"] = c.cust.mobile
    return rows


def unit_doc(c: Ctx, code: str) -> Doc:
    rng = c.rng
    tower = c.site.key == "tower"
    fold = not tower and code in ("renovation", "move_in") and rng.random() < 0.6
    p = new_page(c, 297, 210) if fold else new_page(c)
    f: dict[str, str] = {}
    who = "租户" if tower else "业主"
    if code == "application":
        subject = rng.choice(sorted(SUBJECTS))
        title = rng.choice(SUBJECTS[subject])
        f["subject"] = subject
    else:
        title = rng.choice({"move_in": ("入伙交接确认书", "钥匙及设施移交单", "进场装修前交房验收表") if not tower
                            else ("租户进场交接单", "Handover 单元交接确认书"),
                            "renovation": ("二次装修申请审批表", "装修施工许可申请"),
                            "correspondence": ("工作联系函", f"致{c.unit}{who}的函", "催缴通知书")}[code])
    en = {"move_in": "Unit Handover", "renovation": "Fit-out Application", "application": "Service Request",
          "correspondence": ""}[code] if tower else ""
    if title.startswith("Handover "):
        title = title.split(" ", 1)[1]
    y = header(p, c, title, en)
    x1 = p.width_mm / 2 - 8 if fold else None
    rows = _unit_rows(c, f, tower)
    if code == "correspondence":
        y = grid(p, c, y, rows, 1, x1=x1)
        body = rng.choice(("接供水公司通知，本周六8:00至16:00大厦停水检修，请提前做好储水准备。",
                           f"贵单位{rng.randint(3, 9)}月物业管理费尚未缴纳，请于本月25日前至客户服务中心办理。",
                           "贵单位装修期间产生的建筑垃圾请按指定时间清运，不得堆放于消防通道。"))
        y = paragraph(p, c, y + 4, body + "如有疑问请致电客户服务中心" + "0731-8" + "5556688。特此函告。", 10.5)
        y = date_line(p, c, y + 8, "发函日期")
        f["date"] = c.date
        p.text(p.width_mm - 70, y + 2, c.site.company, 10, c.site.serif)
        p.seal("round", c.site.company, "", p.px(p.width_mm - 45), p.px(y + 2))
        y = sign_row(p, c, y + 30, [("customer", "签收人")], "after" if not tower else "under")
        footer(p, c, 1, 1)
        return Doc(code, title, [p], f, look="fax" if rng.random() < 0.35 else "")
    rows.append(("申请日期" if code != "move_in" else "交接日期", fmt_date(c.date, c.site.date_style)))
    f["date"] = c.date
    if code == "renovation":
        deposit = float(rng.choice((2000, 3000, 5000, 10000)))
        rows += [("施工单位", rng.choice(("长沙匠心装饰工程有限公司", "湖南居然装饰设计有限公司"))),
                 ("工期", f"{rng.randint(20, 90)}天"), ("装修押金", fmt_amount(deposit, c.site.amount_style))]
        f["amount"] = f"{deposit:.2f}"
    y = grid(p, c, y, rows, 1 if not fold else 1, x1=x1)
    if code == "move_in":
        y = table(p, c, y, ["项目", "读数/数量", "备注"], [["水表", f"{rng.randint(0, 40)}", ""], ["电表", f"{rng.randint(0, 300)}", ""],
                                                    ["钥匙", f"{rng.randint(2, 6)}把", ""], ["门禁卡", f"{rng.randint(1, 4)}张", ""]],
                  [50, 40, (x1 or p.width_mm - 15) - 105])
    elif code == "application":
        y = paragraph(p, c, y, "申请事由：" + rng.choice(("员工人数增加", "原锁具损坏", "公司更名", "项目赶工", "新购车辆")), x1=x1)
    else:
        y = paragraph(p, c, y, "装修须知：1.施工时间为工作日8:30-12:00、14:00-18:00；2.不得改动主体结构及消防设施；"
                      "3.施工人员须办理出入证。", x1=x1)
    sx = p.width_mm / 2 + 8 if fold else None
    sigs = {"move_in": [("customer", f"{who}签名"), ("staff", "客服管家" if not tower else "物业接待")],
            "renovation": [("customer", f"{who}（申请人）"), ("customer", "施工单位负责人"), ("staff", "工程部审核")],
            "application": [("customer", "申请人"), ("staff", "客服中心经办人")]}[code]
    if sx:  # the A3 form's right half: opinions and signatures
        p.text(sx, 40, "物业服务中心意见：", 10, c.site.sans)
        p.text(sx, 52, rng.choice(("同意。", "同意，请按规定施工。", "资料齐全，准予办理。")), 10, c.site.sans)
        yy = 80.0
        for role, lab in sigs:
            p.text(sx, yy + 6, lab + "：", 10, c.site.sans)
            lw = p.width(lab + "：", 10, c.site.sans)
            p.line(sx + lw, yy + 11, p.width_mm - 15, yy + 11, 0.25)
            p.slot(role, lab, sx + lw + 1, yy + 0.5, p.width_mm - 16, yy + 9.8)
            yy += 18
        return Doc(code, title, [p], f, look="fold")
    y = max(y + 8, p.height_mm - 75)
    y = sign_row(p, c, y, sigs)
    if code == "application" and tower and rng.random() < 0.5:
        p.seal("round", f["company"], "", p.px(45), p.px(y - 12), over=0)
    footer(p, c, 1, 1)
    return Doc(code, title, [p], f)

