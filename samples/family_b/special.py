"""Pages that are no ruled form: invoices, ID-card and licence copies, photos and a chat screenshot."""

from __future__ import annotations

import random

from PIL import ImageDraw

from .canvas import Sheet
from .docs import Spec
from .ids import capital_amount


def _sheet(rng: random.Random, dpi: int, trad: bool, w: float = 210, h: float = 297, face: str | None = None) -> Sheet:
    return Sheet(w, h, dpi, face or rng.choice(("sans", "serif", "uming", "zenhei")), trad, rng, 9.5)


def invoice(spec: Spec, rng: random.Random, dpi: int, trad: bool) -> Sheet:
    """A 机动车销售统一发票 copied onto A4: its ruled grid in the upper half, seller's seal at the foot."""
    s = _sheet(rng, dpi, trad, face=rng.choice(("sans", "serif", "uming")))
    e = spec.extra
    x0, y = s.mm(15), s.mm(rng.uniform(15, 30))
    inner = s.W - 2 * x0
    s.text(s.W / 2, y, spec.title or "", 17, bold=True, anchor="ma", fill=(120, 60, 30))
    s.text(s.W / 2, y + s.mm(9), rng.choice(("发票联", "发 票 联", "注册登记联")), 9, anchor="ma")
    s.text(s.W - x0, y, f"发票代码 {e['code']}", 9, anchor="ra")
    s.text(s.W - x0, y + s.mm(5), f"发票号码 {e['number']}", 9, anchor="ra")
    y += s.mm(14)
    s.text(x0, y, f"开票日期 {e['date']}", 9)
    y += s.mm(6)
    rh = s.mm(8.5)
    rows: list[tuple[list[float], list[str]]] = [
        ([0.2, 0.8], ["机打代码", e["code"]]),
        ([0.2, 0.45, 0.15, 0.2], ["购买方名称及身份证号码/组织机构代码", "", "", ""]),
        ([0.2, 0.8], [e["buyer"], e["idno"]]),
        ([0.12, 0.22, 0.12, 0.26, 0.1, 0.18], ["车辆类型", e["vtype"], "厂牌型号", e["model"], "产地", "中国"]),
        ([0.12, 0.38, 0.15, 0.35], ["合格证号", e["cert"], "进口证明书号", ""]),
        ([0.12, 0.28, 0.22, 0.38], ["发动机号码", e["engine"], "车辆识别代号/车架号码", spec.fields["vin"]]),
        ([0.12, 0.5, 0.08, 0.3], ["价税合计", capital_amount(float(spec.fields["amount"])), "小写", f"¥{spec.fields['amount']}"]),
        ([0.12, 0.48, 0.1, 0.3], ["销货单位名称", e["dealer"], "电话", "021-5" + e["tax_id"][-7:]]),
        ([0.12, 0.48, 0.1, 0.3], ["纳税人识别号", e["tax_id"], "账号", "31001" + e["tax_id"][-11:]]),
        ([0.16, 0.2, 0.16, 0.18, 0.12, 0.18], ["增值税税率或征收率", "13%", "增值税税额",
                                               f"¥{float(spec.fields['amount']) / 1.13 * 0.13:.2f}", "主管税务机关", "国家税务总局"]),
        ([0.12, 0.24, 0.16, 0.16, 0.14, 0.18], ["不含税价", f"¥{float(spec.fields['amount']) / 1.13:.2f}", "完税凭证号码", "",
                                                "限乘人数", "5"]),
    ]
    rows.pop(1)
    rows[1][1][0] = "购买方名称"
    rows.insert(2, ([0.2, 0.8], ["身份证号码/组织机构代码", e["idno"]]))
    rows[1] = ([0.2, 0.8], ["购买方名称", e["buyer"]])
    for ws, cells in rows:
        small = 7.5 if any(len(c) > 14 for c in cells) else 8.5
        s.grid(x0, y, [inner * w for w in ws], [cells], rh, small)
        y += rh
    s.text(x0, y + s.mm(4), "销货单位盖章", 9)
    s.text(x0 + inner * 0.45, y + s.mm(4), f"开票人 {rng.choice(('张敏', '李娜', '王芳', '陈静'))}", 9)
    s.text(x0 + inner * 0.72, y + s.mm(4), "备注 一车一票", 9)
    s.seal_spots.append((x0, int(y - s.mm(10)), int(x0 + inner * 0.4), int(y + s.mm(25))))
    return s


def vat(spec: Spec, rng: random.Random, dpi: int, trad: bool) -> Sheet:
    """A VAT invoice for spare parts: buyer and seller blocks around the item lines."""
    s = _sheet(rng, dpi, trad, 240, 150, rng.choice(("sans", "serif", "uming")))
    e = spec.extra
    x0, y = s.mm(10), float(s.mm(8))
    inner = s.W - 2 * x0
    s.text(s.W / 2, y, spec.title or "", 15, bold=True, anchor="ma", fill=(130, 70, 30))
    s.text(s.W - x0, y, f"发票代码：{e['code']}", 8.5, anchor="ra")
    s.text(s.W - x0, y + s.mm(4.5), f"发票号码：{e['number']}", 8.5, anchor="ra")
    s.text(s.W - x0, y + s.mm(9), f"开票日期：{e['date']}", 8.5, anchor="ra")
    y += s.mm(15)
    rh = s.mm(6.5)
    s.grid(x0, y, [inner * 0.06, inner * 0.94], [["购买方", f"名称：{e['buyer']}"]], rh, 8)
    s.grid(x0, y + rh, [inner * 0.06, inner * 0.94], [["", f"纳税人识别号：91310{rng.randrange(10**13):013d}"]], rh, 8)
    y += 2 * rh + s.mm(1)
    cols, rows = spec.table or ([], [])
    ws = [0.28, 0.1, 0.06, 0.06, 0.12, 0.14, 0.08, 0.16]
    s.grid(x0, y, [inner * w for w in ws], [cols], rh, 7.5, head=True)
    y += rh
    for r in rows:
        s.grid(x0, y, [inner * w for w in ws], [r], rh, 7.5)
        y += rh
    total = spec.fields["amount"]
    s.grid(x0, y, [inner * 0.25, inner * 0.45, inner * 0.3], [["价税合计（大写）", capital_amount(float(total)), f"（小写）¥{total}"]], rh, 8)
    y += rh
    s.grid(x0, y, [inner * 0.06, inner * 0.6, inner * 0.34], [["销售方", f"名称：{e['seller']}", f"备注：{e['remark']}"]], rh * 1.4, 7.5)
    y += rh * 1.4 + s.mm(3)
    s.text(x0, y, f"收款人：{rng.choice(('周洁', '孙丽'))}    复核：{rng.choice(('吴刚', '赵强'))}    开票人：{rng.choice(('郑红', '冯雪'))}", 8)
    s.seal_spots.append((int(s.W - x0 - s.mm(60)), int(y - s.mm(25)), int(s.W - x0), int(y + s.mm(5))))
    return s


def _card(s: Sheet, x: int, y: int, w: int, h: int) -> None:
    s.draw.rounded_rectangle((x, y, x + w, y + h), radius=s.mm(3), outline=(90, 90, 90), width=2, fill=(246, 246, 242))


def idcard(spec: Spec, rng: random.Random, dpi: int, trad: bool) -> Sheet:
    """Both sides of a resident ID card copied onto one A4 page."""
    s = _sheet(rng, dpi, trad)
    e = spec.extra
    w, h = s.mm(85.6 * 1.15), s.mm(54 * 1.15)
    x, y = (s.W - w) // 2 + s.mm(rng.uniform(-20, 20)), s.mm(rng.uniform(30, 60))
    y2: float
    if spec.title:
        s.text(s.W / 2, s.mm(15), spec.title, 16, bold=True, anchor="ma")
    _card(s, x, y, w, h)
    p = 8.5
    lx = x + s.mm(6)
    s.text(lx, y + s.mm(6), "姓名", p, fill=(80, 100, 140))
    s.text(lx + s.mm(12), y + s.mm(6), e["name"], 10.5)
    s.text(lx, y + s.mm(14), "性别", p, fill=(80, 100, 140))
    s.text(lx + s.mm(12), y + s.mm(14), e["sex"], p)
    s.text(lx + s.mm(25), y + s.mm(14), "民族", p, fill=(80, 100, 140))
    s.text(lx + s.mm(36), y + s.mm(14), "汉", p)
    s.text(lx, y + s.mm(22), "出生", p, fill=(80, 100, 140))
    s.text(lx + s.mm(12), y + s.mm(22), e["born"], p)
    s.text(lx, y + s.mm(30), "住址", p, fill=(80, 100, 140))
    addr = s.t(e["address"])
    s.text(lx + s.mm(12), y + s.mm(30), addr[:13], p)
    if addr[13:]:
        s.text(lx + s.mm(12), y + s.mm(35), addr[13:], p)
    s.text(lx, y + s.mm(52), "公民身份号码", p, fill=(80, 100, 140))
    s.text(lx + s.mm(25), y + s.mm(52), e["id"], 11)
    s.draw.rectangle((x + w - s.mm(30), y + s.mm(8), x + w - s.mm(6), y + s.mm(40)), fill=(215, 215, 215))
    s.draw.ellipse((x + w - s.mm(24), y + s.mm(12), x + w - s.mm(12), y + s.mm(26)), fill=(150, 150, 150))
    s.draw.ellipse((x + w - s.mm(28), y + s.mm(26), x + w - s.mm(8), y + s.mm(44)), fill=(150, 150, 150))
    s.draw.rectangle((x + w - s.mm(30), y + s.mm(40), x + w - s.mm(6), y + s.mm(44)), fill=(246, 246, 242))
    y2 = y + h + s.mm(rng.uniform(15, 40))
    _card(s, x, y2, w, h)
    s.text(x + w / 2 + s.mm(8), y2 + s.mm(12), "中华人民共和国", 13, bold=True, anchor="ma")
    s.text(x + w / 2 + s.mm(8), y2 + s.mm(22), "居民身份证", 16, bold=True, anchor="ma")
    s.draw.ellipse((x + s.mm(6), y2 + s.mm(6), x + s.mm(24), y2 + s.mm(24)), outline=(180, 60, 60), width=3)
    s.text(x + s.mm(14), y2 + s.mm(42), "签发机关", p)
    s.text(x + s.mm(32), y2 + s.mm(42), e["issuer"], p)
    s.text(x + s.mm(14), y2 + s.mm(50), "有效期限", p)
    s.text(x + s.mm(32), y2 + s.mm(50), e["valid"], p)
    if e.get("note"):
        s.text(s.W / 2, y2 + h + s.mm(12), e["note"], 11, anchor="ma", face="ukai")
    return s


def business_licence(spec: Spec, rng: random.Random, dpi: int, trad: bool) -> Sheet:
    s = _sheet(rng, dpi, trad, face="serif")
    e = spec.extra
    m = s.mm(22)
    s.draw.rectangle((m - s.mm(6), m - s.mm(6), s.W - m + s.mm(6), s.H * 0.62), outline=(160, 110, 40), width=6)
    if spec.title:
        s.text(s.W / 2, s.mm(8), spec.title, 12, anchor="ma")
    s.text(s.W / 2, m + s.mm(4), "营 业 执 照", 26, bold=True, anchor="ma")
    s.text(s.W / 2, m + s.mm(20), "（副  本）", 12, anchor="ma")
    s.text(m, m + s.mm(32), f"统一社会信用代码 {e['credit']}", 10.5)
    y = float(m + s.mm(45))
    for k, v in (("名称", e["company"]), ("类型", "有限责任公司（自然人投资或控股）"), ("法定代表人", e["legal"]),
                 ("注册资本", f"人民币{rng.choice((100, 200, 500, 1000))}万元整"), ("住所", e["address"]),
                 ("经营范围", "货物进出口，技术进出口，信息咨询服务（依法须经批准的项目，经相关部门批准后方可开展经营活动）")):
        s.text(m, y, k, 10.5)
        y = s.wrap(m + s.mm(30), y, s.W - 2 * m - s.mm(30), v, 10.5) + s.mm(3)
    s.text(s.W - m, s.H * 0.55, "登记机关", 10.5, anchor="ra")
    if e.get("note"):
        s.text(s.W / 2, s.H * 0.7, e["note"], 13, anchor="ma", face="ukai")
    s.seal_spots.append((int(s.W / 2 - s.mm(20)), int(s.H * 0.66), int(s.W / 2 + s.mm(40)), int(s.H * 0.78)))
    return s


def vehicle_licence(spec: Spec, rng: random.Random, dpi: int, trad: bool) -> Sheet:
    s = _sheet(rng, dpi, trad)
    w, h = s.mm(88 * 1.3), s.mm(60 * 1.3)
    x, y = (s.W - w) // 2, s.mm(rng.uniform(25, 45))
    if spec.title and not spec.title.startswith("中华"):
        s.text(s.W / 2, s.mm(12), spec.title, 14, bold=True, anchor="ma")
    s.draw.rectangle((x, y, x + w, y + h), outline=(60, 60, 60), width=3, fill=(238, 240, 236))
    s.text(x + w / 2, y + s.mm(4), "中华人民共和国机动车行驶证", 12, bold=True, anchor="ma")
    rh = s.mm(8.5)
    yy = y + s.mm(14)
    kv = list(spec.kv)
    pairs = [kv[0:2], kv[2:3], kv[3:4], kv[4:6], kv[6:7], kv[7:8], kv[8:10]]
    for row in pairs:
        cells: list[str] = []
        for k, v in row:
            cells += [k, v]
        ws = [0.18, 0.32, 0.18, 0.32] if len(cells) == 4 else [0.18, 0.82]
        s.grid(x + s.mm(3), yy, [(w - s.mm(6)) * q for q in ws], [cells], rh, 8.5)
        yy += rh
    y2 = y + h + s.mm(20)
    s.draw.rectangle((x, y2, x + w, y2 + h * 0.8), outline=(60, 60, 60), width=3, fill=(238, 240, 236))
    s.text(x + s.mm(5), y2 + s.mm(6), f"号牌号码 {kv[0][1]}", 9)
    s.text(x + s.mm(60), y2 + s.mm(6), f"档案编号 {rng.randrange(10**12):012d}", 9)
    s.text(x + s.mm(5), y2 + s.mm(16), "核定载人数 5人    总质量 2050kg    整备质量 1540kg", 9)
    s.text(x + s.mm(5), y2 + s.mm(26), "外廓尺寸 4850×1832×1471mm", 9)
    s.text(x + s.mm(5), y2 + s.mm(36), f"检验记录 检验有效期至{int(kv[8][1][:4]) + 6}年{kv[8][1][5:7]}月", 9)
    return s


def photo(rng: random.Random, dpi: int, trad: bool, caption: list[str], kind: str) -> Sheet:
    """A phone photo of a scene: the car at the handover, a damaged part with its tag, or anything else."""
    s = Sheet(160, 120, dpi, rng.choice(("sansb", "zenhei", "serifb")), trad, rng, 12)
    d = ImageDraw.Draw(s.img)
    top = tuple(rng.randint(150, 230) for _ in range(3))
    bot = tuple(rng.randint(60, 140) for _ in range(3))
    for yy in range(s.H):
        t = yy / s.H
        d.line((0, yy, s.W, yy), fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bot, strict=True)))
    if kind == "delivery":
        body = tuple(rng.randint(20, 230) for _ in range(3))
        cx, cy = s.W // 2, int(s.H * 0.62)
        d.rounded_rectangle((cx - s.mm(55), cy - s.mm(14), cx + s.mm(55), cy + s.mm(12)), radius=s.mm(8), fill=body)
        d.polygon([(cx - s.mm(32), cy - s.mm(14)), (cx - s.mm(18), cy - s.mm(30)), (cx + s.mm(22), cy - s.mm(30)),
                   (cx + s.mm(38), cy - s.mm(14))], fill=body)
        for wx in (cx - s.mm(33), cx + s.mm(33)):
            d.ellipse((wx - s.mm(10), cy + s.mm(2), wx + s.mm(10), cy + s.mm(22)), fill=(25, 25, 25))
        d.rectangle((cx - s.mm(30), s.mm(8), cx + s.mm(30), s.mm(26)), fill=(200, 30, 40))
        for i, line in enumerate(caption):
            s.text(cx, s.mm(11) + i * s.mm(7), line, 13 if i == 0 else 10, anchor="ma", fill=(255, 240, 200))
        for px in (cx - s.mm(70), cx + s.mm(62)):  # people beside the car
            d.ellipse((px, cy - s.mm(40), px + s.mm(8), cy - s.mm(32)), fill=(90, 70, 60))
            d.rectangle((px - s.mm(2), cy - s.mm(32), px + s.mm(10), cy + s.mm(10)), fill=tuple(rng.randint(20, 120) for _ in range(3)))
    elif kind == "damage":
        d.rectangle((0, int(s.H * 0.55), s.W, s.H), fill=(110, 105, 100))
        cx, cy = int(s.W * rng.uniform(0.35, 0.5)), int(s.H * 0.6)
        d.ellipse((cx - s.mm(30), cy - s.mm(22), cx + s.mm(30), cy + s.mm(22)), fill=(70, 72, 75))
        d.ellipse((cx - s.mm(12), cy - s.mm(9), cx + s.mm(12), cy + s.mm(9)), fill=(40, 40, 42))
        d.line((cx - s.mm(20), cy - s.mm(15), cx + s.mm(5), cy + s.mm(4)), fill=(200, 190, 170), width=s.mm(0.8))
        tx, ty = int(s.W * 0.62), int(s.H * 0.2)
        d.rectangle((tx, ty, tx + s.mm(52), ty + s.mm(8) * (len(caption) + 1)), fill=(250, 250, 235), outline=(120, 30, 30), width=3)
        for i, line in enumerate(caption):
            s.text(tx + s.mm(3), ty + s.mm(3) + i * s.mm(8), line, 8.5, face="sans", fill=(20, 20, 20))
    else:
        for _ in range(rng.randint(3, 7)):
            c = tuple(rng.randint(30, 230) for _ in range(3))
            x0, y0 = rng.randrange(s.W), rng.randrange(s.H)
            d.rectangle((x0, y0, x0 + rng.randint(s.W // 10, s.W // 3), y0 + rng.randint(s.H // 10, s.H // 3)), fill=c)
        for i, line in enumerate(caption):
            s.text(s.mm(20), s.mm(20) + i * s.mm(10), line, 14, fill=(250, 250, 250))
    return s


CHAT = (("您好，您的爱车保养已经完成，可以随时来店提车。", "好的，下午四点左右过去。"),
        ("王经理，车位的事情物业那边批了吗？", "已经批了，明天把车牌号发给我就行。"),
        ("请问首保要预约吗？", "需要的，您看周六上午可以吗？", "可以，谢谢。"),
        ("发票已经开好了，拍照发您看一下。", "收到，谢谢！"))


def chat(rng: random.Random, trad: bool) -> Sheet:
    """A phone screenshot of a chat: no document, nothing to file."""
    s = Sheet(72, 150, 300, rng.choice(("sans", "microhei")), trad, rng, 7)
    d = s.draw
    d.rectangle((0, 0, s.W, s.mm(12)), fill=(237, 237, 237))
    s.text(s.W / 2, s.mm(4), rng.choice(("服务顾问 李", "物业客服", "销售 小王", "4S店售后")), 8, anchor="ma")
    s.img.paste((245, 245, 245), (0, s.mm(12), s.W, s.H))
    y = s.mm(18)
    s.text(s.W / 2, y, f"{rng.randint(9, 20)}:{rng.randint(0, 59):02d}", 6, anchor="ma", fill=(150, 150, 150))
    y += s.mm(7)
    for i, msg in enumerate(rng.choice(CHAT)):
        right = i % 2 == 1
        f = s.font(7.5)
        lines = [msg[k:k + 14] for k in range(0, len(msg), 14)]
        bw = max(int(d.textlength(s.t(ln), font=f)) for ln in lines) + s.mm(6)
        bh = len(lines) * s.line_h(7.5) + s.mm(4)
        x = s.W - s.mm(14) - bw if right else s.mm(14)
        d.rounded_rectangle((x, y, x + bw, y + bh), radius=s.mm(2), fill=(149, 236, 105) if right else (255, 255, 255))
        d.rectangle((s.W - s.mm(12) if right else s.mm(3), y, s.W - s.mm(3) if right else s.mm(12), y + s.mm(9)),
                    fill=(120, 150, 200) if right else (200, 160, 120))
        for k, ln in enumerate(lines):
            s.text(x + s.mm(3), y + s.mm(2) + k * s.line_h(7.5), ln, 7.5)
        y += bh + s.mm(5)
    return s
