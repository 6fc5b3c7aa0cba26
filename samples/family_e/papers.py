"""Copies of official papers in the file: invoices, ID cards or licences, the vehicle licence, policy, certificate.

Their layouts are national, so every site's copy looks alike; what varies is the copy (its position on the
glass, a "copy for filing only" line written across it) and the scan.
"""

from __future__ import annotations

import random
from datetime import timedelta

from . import ids
from .page import PEN
from .sheet import Doc, Sheet
from .sites import Site
from .subjects import Car, Visit

RED = (180, 60, 50)
Row = list[tuple[str, str, str | None, str | None]]


def _frame(sh: Sheet, title: str, pt: float = 16, colour: tuple[int, int, int] = RED) -> None:
    p = sh.p
    sh.doc.title = p.t(title)
    b = p.text((sh.x0 + sh.x1) // 2, sh.y, title, pt, face="serifb", fill=colour, anchor="mt")
    p.draw.line((b[0], b[3] + p.px(1), b[2], b[3] + p.px(1)), fill=colour, width=2)
    p.draw.line((b[0], b[3] + p.px(2), b[2], b[3] + p.px(2)), fill=colour, width=1)
    sh.y = b[3] + p.px(5)


def _kvbox(sh: Sheet, rows: list[Row], colour: tuple[int, int, int] = RED) -> None:
    """A ruled grid of label/value pairs in the form's colour, each row with its own cells."""
    p = sh.p
    rh = p.px(9)
    for r in rows:
        cw = (sh.x1 - sh.x0) // len(r)
        for i, (lab, val, key, truth) in enumerate(r):
            x = sh.x0 + i * cw
            p.draw.rectangle((x, sh.y, x + cw, sh.y + rh), outline=colour, width=1)
            lb = p.text(x + p.px(1), sh.y + rh // 2, lab, sh.pt - 1.5, fill=colour, anchor="lm")
            p.text(lb[2] + p.px(1.5), sh.y + rh // 2, val, sh.pt - 0.5, face="mono" if val.isascii() else None, anchor="lm")
            sh.record(key, truth)
        sh.y += rh
    sh.y += p.px(3)


def build(code: str, site: Site, rng: random.Random, dpi: int, hant: bool, car: Car, v: Visit | None) -> Doc:
    o = car.owner
    sh = Sheet(site, rng, dpi, hant, code, None)
    sh.y += sh.p.px(rng.uniform(0, 25))  # where the original lay on the copier glass
    buyer = (o.company or o.name, "company" if o.company else "name")
    if code in ("purchase_invoice", "parts_invoice"):
        title = "机动车销售统一发票" if code == "purchase_invoice" else rng.choice(["增值税普通发票", "增值税电子普通发票"])
        _frame(sh, title)
        day = car.delivered if code == "purchase_invoice" else (v.day if v else car.delivered)
        head: list[Row] = [[("发票代码", (c := ids.invoice_code(rng, site.region)), "invoice_code", c),
                 ("发票号码", (n := ids.invoice_number(rng)), "invoice_number", n),
                 ("开票日期", ids.show_date(day, 1), "date", day.isoformat())]]
        if code == "purchase_invoice":
            price = float(rng.randrange(90, 350) * 1000)
            rows: list[Row] = head + [[("购买方名称", buyer[0], buyer[1], buyer[0])],
                           [("身份证号码/统一社会信用代码", o.credit or o.id_number, "credit_code" if o.credit else "id_number", o.credit or o.id_number)],
                           [("车辆类型", "轿车", None, None), ("厂牌型号", car.model, None, None)],
                           [("车辆识别代号/车架号码", car.vin, "vin", car.vin)],
                           [("价税合计（小写）", f"¥{price:.2f}", "amount", ids.amount(price))],
                           [("销货单位名称", site.company, None, None)]]
        else:
            parts = [(n, float(rng.randrange(80, 2400))) for n in rng.sample(["水泵总成", "机油滤清器", "刹车片", "火花塞", "空调滤芯", "雨刮片"], k=rng.randint(1, 3))]
            total = sum(p for _, p in parts)
            rows = head + [[("购买方", buyer[0], buyer[1], buyer[0])]] + [[("货物名称", n, None, None), ("金额", f"{p:.2f}", None, None)] for n, p in parts] \
                + [[("价税合计（小写）", f"¥{total:.2f}", "amount", ids.amount(total))], [("销售方", site.company, None, None)]]
        _kvbox(sh, rows)
        sh.seal(None, "oval", site.company, ids.credit_code(rng, site.region))
    elif code == "id_copy":
        if o.company and o.credit:
            _frame(sh, "营业执照", 20, (30, 30, 30))
            _kvbox(sh, [[("统一社会信用代码", o.credit, "credit_code", o.credit)], [("名称", o.company, "company", o.company)],
                        [("类型", "有限责任公司", None, None), ("法定代表人", o.name, None, None)],
                        [("住所", o.address, "address", o.address)],
                        [("成立日期", ids.show_date(car.delivered - timedelta(days=rng.randrange(400, 5000)), 1), None, None)]], (30, 30, 30))
            sh.seal(None, "round", rng.choice(["市场监督管理局", "工商行政管理局"]), "登记机关")
        else:
            sh.doc.title = None  # the card itself carries no title of the copy
            p = sh.p
            cw, chh = p.px(85.6), p.px(54)
            x = sh.x0 + p.px(rng.uniform(10, 30))
            front = (x, sh.y, x + cw, sh.y + chh)
            p.draw.rounded_rectangle(front, radius=p.px(3), outline=(90, 90, 90), width=2)
            ly = sh.y + p.px(5)
            for lab, val, key in (("姓名", o.name, "name"), ("性别", "男" if int(o.id_number[16]) % 2 else "女", None), ("出生", f"{o.id_number[6:10]}年{int(o.id_number[10:12])}月{int(o.id_number[12:14])}日", None)):
                lb = p.text(x + p.px(4), ly, lab, 8, fill=(60, 90, 140))
                p.text(lb[2] + p.px(3), ly, val, 9.5)
                sh.record(key, val if key else None)
                ly += p.px(7)
            lb = p.text(x + p.px(4), ly, "住址", 8, fill=(60, 90, 140))
            addr = o.address
            p.text(lb[2] + p.px(3), ly, addr[:14], 9)
            if len(addr) > 14:
                p.text(lb[2] + p.px(3), ly + p.px(5), addr[14:], 9)
            sh.record("address", addr)
            p.text(x + p.px(4), sh.y + chh - p.px(8), "公民身份号码", 8, fill=(60, 90, 140))
            p.text(x + p.px(26), sh.y + chh - p.px(8), o.id_number, 11, face="mono")
            sh.record("id_number", o.id_number)
            p.draw.rectangle((x + cw - p.px(28), sh.y + p.px(6), x + cw - p.px(5), sh.y + p.px(36)), fill=(200, 200, 200))
            by = sh.y + chh + p.px(15)
            back = (x, by, x + cw, by + chh)
            p.draw.rounded_rectangle(back, radius=p.px(3), outline=(90, 90, 90), width=2)
            p.text(x + cw // 2, by + p.px(8), "中华人民共和国", 12, face="bold", anchor="mt")
            p.text(x + cw // 2, by + p.px(17), "居民身份证", 16, face="bold", anchor="mt")
            p.text(x + p.px(8), by + chh - p.px(15), "签发机关  " + ids.REGIONS.get(o.id_number[:6], "市") + "公安分局", 8)
            start = car.delivered - timedelta(days=rng.randrange(100, 3000))
            p.text(x + p.px(8), by + chh - p.px(9), f"有效期限  {start:%Y.%m.%d}-{start.year + 20}.{start:%m.%d}", 8)
            sh.y = by + chh + p.px(8)
            if rng.random() < 0.6:  # what a clerk writes across a copy so it cannot be reused
                p.text(x + p.px(5), by - p.px(9), rng.choice(["仅供购车使用", "此复印件仅用于办理车辆手续", "与原件一致"]), 13, face="kai", fill=PEN)
    elif code == "vehicle_license":
        _frame(sh, "中华人民共和国机动车行驶证", 15, (30, 30, 30))
        reg = car.delivered + timedelta(days=rng.randrange(1, 10))
        _kvbox(sh, [[("号牌号码", car.plate or "", "plate", car.plate), ("车辆类型", "小型轿车", None, None)],
                    [("所有人", buyer[0], buyer[1], buyer[0])], [("住址", o.address, "address", o.address)],
                    [("使用性质", "非营运", None, None), ("品牌型号", car.model, None, None)],
                    [("车辆识别代号", car.vin, "vin", car.vin)],
                    [("注册日期", f"{reg:%Y-%m-%d}", "date", reg.isoformat()), ("发证日期", f"{reg:%Y-%m-%d}", None, None)]], (30, 30, 30))
        sh.seal(None, "round", ids.REGIONS[site.region][:3] + "公安局交通警察支队", "")
    elif code == "insurance_policy":
        insurer = rng.choice(["中国人民财产保险股份有限公司", "中国平安财产保险股份有限公司", "中国太平洋财产保险股份有限公司"])
        title = rng.choice(["机动车交通事故责任强制保险单", "机动车商业保险保险单"])
        _frame(sh, title, 15, (30, 90, 60))
        prem = float(rng.randrange(950, 9800))
        start = car.delivered
        _kvbox(sh, [[("保险单号", f"P{rng.randrange(10**15, 10**16)}", None, None)],
                    [("被保险人", buyer[0], buyer[1], buyer[0])],
                    [("号牌号码", car.plate or "新车", "plate" if car.plate else None, car.plate), ("厂牌型号", car.model, None, None)],
                    [("车辆识别代号（车架号）", car.vin, "vin", car.vin)],
                    [("保险费合计（人民币大写）", "见小写", None, None), ("（小写）", f"¥{prem:.2f}", "amount", ids.amount(prem))],
                    [("保险期间", f"{start:%Y年%m月%d日}零时起至{start.year + 1}年{start:%m月%d日}零时止", None, None)],
                    [("签单日期", f"{start:%Y-%m-%d}", "date", start.isoformat())]], (30, 90, 60))
        sh.seal(None, "round", insurer, "保险单专用章")
    elif code == "conformity_certificate":
        _frame(sh, "机动车整车出厂合格证", 17, (30, 30, 30))
        made = car.delivered - timedelta(days=rng.randrange(20, 120))
        _kvbox(sh, [[("合格证编号", f"W{rng.randrange(10**13, 10**14)}", None, None), ("发证日期", f"{made:%Y年%m月%d日}", "date", made.isoformat())],
                    [("车辆制造企业名称", site.brand + "汽车有限公司", None, None)], [("车辆品牌/车辆名称", car.model, None, None)],
                    [("车辆识别代号/车架号", car.vin, "vin", car.vin)], [("车身颜色", car.colour, None, None), ("燃料种类", "汽油", None, None)],
                    [("额定载客（人）", "5", None, None), ("整备质量（kg）", str(rng.randrange(1250, 1900)), None, None)]], (30, 30, 30))
    else:
        raise ValueError(code)
    return sh.done()
