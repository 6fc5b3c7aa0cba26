"""Sales-side forms of the new-car file: information card, contract, delivery and PDI sheets, add-ons, proofs."""

from __future__ import annotations

import random
from datetime import timedelta

from dossier.models import Role

from . import ids, people, titles
from .common import label, money, title, when, who
from .sheet import Doc, Sheet
from .sites import Site
from .subjects import Car

DELIVERY = ["车辆外观无划痕", "随车工具齐全", "备胎及千斤顶", "用户手册及保养手册", "合格证", "购车发票", "钥匙两把",
            "多媒体功能讲解", "空调及灯光演示", "燃油/电量", "轮胎气压", "车辆清洁"]
PDI = ["发动机舱油液", "蓄电池电压", "轮胎螺栓扭矩", "底盘检查", "灯光系统", "门锁及遥控", "车窗升降", "雨刮喷水",
       "空调系统", "音响导航", "座椅调节", "安全带", "漆面检查", "路试"]
ADDONS = [("全车贴膜", 3800.0), ("延长保修（2年/6万公里）", 2980.0), ("保养套餐（4次）", 1880.0), ("行车记录仪", 899.0),
          ("脚垫及后备箱垫", 580.0), ("代办上牌", 500.0), ("车辆精品套装", 1260.0), ("道路救援服务", 360.0)]


def build(code: str, site: Site, rng: random.Random, dpi: int, hant: bool, car: Car) -> Doc:
    o = car.owner
    sh = Sheet(site, rng, dpi, hant, code, title(site, rng, code))
    sales = label(rng, titles.STAFF_SALES, "staff")
    buyer = label(rng, titles.CUSTOMER_BUY, "customer")
    if code == "customer_card":
        sh.header((rng.choice(["档案编号：", "客户编号：", "No."]), f"KH{car.delivered:%y%m}{rng.randrange(1000, 9999)}"))
        items = who(rng, o, ["客户姓名", "车主姓名", "姓名"], ident=rng.random() < 0.6)
        items += [(rng.choice(["联系地址", "通讯地址", "住址"]), o.address, "address", o.address),
                  (rng.choice(["车架号", "VIN"]), car.vin, "vin", car.vin), ("车型", car.model, None, None),
                  ("颜色", car.colour, None, None), when(site, car.delivered, rng.choice(["购车日期", "交车日期"]))]
        if car.plate and rng.random() < 0.5:
            items.append(("车牌号", car.plate, "plate", car.plate))
        sh.kv(items, cols=rng.choice((2, 2, 3)))
        sh.para(rng.choice(["本人同意贵公司保存上述信息，用于售后服务回访及客户关怀。", "以上信息由客户本人填写并确认真实有效。"]), pt=site.pt - 1)
        sh.sign([buyer, sales])
    elif code == "sales_contract":
        sh.header((rng.choice(["合同编号：", "编号："]), f"HT{car.delivered:%Y%m%d}{rng.randrange(100, 999)}"))
        seller_first = rng.random() < 0.6  # 甲方 is the seller on some sites, the buyer on others
        seller, buyer_word = (("甲方（出卖人）", "乙方（买受人）") if seller_first else ("乙方（卖方）", "甲方（买方）"))
        sh.kv([(seller, site.company, None, None)] + [(buyer_word if i == 0 else it[0], *it[1:]) for i, it in
                                                       enumerate(who(rng, o, ["姓名"], ident=True))], cols=1)
        price = float(rng.randrange(90, 350) * 1000)
        with_vin = rng.random() < 0.5  # a car ordered from stock has its VIN in the contract
        sh.para(f"第一条 车辆信息：品牌型号 {car.model}，颜色 {car.colour}" + (f"，车辆识别代号 {car.vin}" if with_vin else "") + "。")
        if with_vin:
            sh.record("vin", car.vin)
        sh.kv([money(site, price, rng.choice(["车辆总价", "成交价格（含税）", "合同金额"]))], cols=1)
        for k, clause in enumerate(["第二条 付款方式：买方于签订本合同时支付定金，余款于提车前一次付清。",
                                    "第三条 交车：卖方应在约定日期前将车辆及随车文件交付买方，买方当场验收。",
                                    "第四条 质量保证：车辆享受生产厂家提供的质量担保，具体以保修手册为准。",
                                    "第五条 违约责任：任何一方违约，应按合同总价的百分之五向对方支付违约金。",
                                    "第六条 争议解决：双方协商解决；协商不成的，向卖方所在地人民法院起诉。",
                                    "第七条 本合同一式两份，双方各执一份，自双方签字盖章之日起生效。"]):
            sh.para(clause + ("本条未尽事宜，双方另行协商。" if k % 2 else ""))
        sh.new_page()
        sh.para("第八条 其他约定：" + rng.choice(["无。", "赠送首次保养一次。", "买方自愿购买延保服务，另行签订协议。"]), indent=False)
        sh.gap(6)
        s_label: tuple[str, Role] = (seller.split("（")[0] + rng.choice(["（盖章）", "（签章）", "代表签字"]), "staff")
        b_label: tuple[str, Role] = (buyer_word.split("（")[0] + rng.choice(["（签字）", "签名", "（签字/盖章）"]), "customer")
        fields = [s_label, b_label] if seller_first else [b_label, s_label]
        slots = sh.sign(fields, arrange=rng.choice(["row", "row", "stack", "grid_right"]))
        sh.kv([when(site, car.delivered - timedelta(days=rng.randrange(3, 30)), "签订日期")], cols=1)
        sh.seal(slots[fields.index(s_label)], "round", site.company, rng.choice(["合同专用章", ""]))
        if rng.random() < 0.3:  # the legal representative's name chop beside the company seal
            sh.seal(None, "square", people.name(rng)[:3], "")
    elif code == "delivery_checklist":
        sh.header()
        sh.kv(who(rng, o, ["客户姓名", "提车人"], phones=rng.random() < 0.5) + [(rng.choice(["车架号", "VIN码"]), car.vin, "vin", car.vin),
                                                                               ("车型", car.model, None, None),
                                                                               when(site, car.delivered, "交车日期")], cols=2)
        sh.checks(rng.sample(DELIVERY, k=10), rng.choice([["已确认", "未确认"], ["是", "否"], ["√", "×"]]))
        sh.para(rng.choice(["本人已对上述项目逐项检查确认，车辆状况良好，随车物品齐全。", "车辆交付时客户已现场验车，无异议。"]), pt=site.pt - 1)
        sh.sign([buyer, sales], foot=rng.random() < 0.4)
    elif code == "value_added_services":
        sh.header()
        picks = rng.sample(ADDONS, k=rng.randint(2, 5))
        total = sum(p for _, p in picks)
        sh.kv(who(rng, o, ["客户姓名", "购车人"]) + [("车架号", car.vin, "vin", car.vin), when(site, car.delivered, "日期")], cols=2)
        sh.table(["序号", "服务项目", "金额（元）", "备注"], [[str(i + 1), n, f"{p:.2f}", ""] for i, (n, p) in enumerate(picks)], [0.6, 3, 1.3, 1.5])
        sh.kv([money(site, total, "合计")], cols=1)
        sh.para("以上服务项目由客户自愿选择购买，已知悉各项服务内容及条款。", pt=site.pt - 1)
        sh.sign([buyer, sales])
    elif code == "pdi_checklist":
        sh.header((rng.choice(["PDI编号：", "No."]), f"PDI{car.delivered:%y%m%d}{rng.randrange(10, 99)}"))
        sh.kv([(rng.choice(["车架号", "VIN码", "车辆识别号"]), car.vin, "vin", car.vin), ("车型", car.model, None, None),
               ("颜色", car.colour, None, None), when(site, car.delivered - timedelta(days=rng.randrange(1, 6)), "检查日期")], cols=2)
        sh.checks(PDI, rng.choice([["合格", "不合格"], ["OK", "NG"], ["√", "×", "N/A"]]))
        fields = [label(rng, titles.STAFF_INSPECT, "staff")]
        if rng.random() < 0.6:
            fields.append(label(rng, ["质检主管", "售后经理", "复检人"], "staff"))
        sh.sign(fields, foot=rng.random() < 0.5)
    elif code == "other_proof":
        sh.header()
        kind = sh.title or ""
        sh.gap(4)
        if "委托" in kind:
            sh.para(f"兹委托 {o.contact}（身份证号 {ids.id_number(rng, o.region)}）代本人前往 {site.company} 办理车辆提车手续，"
                    f"车辆识别代号 {car.vin}，由此产生的法律责任由本人承担。")
            sh.record("vin", car.vin)
            sh.sign([label(rng, ["委托人", "车主"], "customer"), ("受托人签字", "customer")], arrange="stack_right")
        else:
            party = o.company or o.name
            sh.para(f"兹证明 {party} " + rng.choice(["系本单位正式员工，购买车辆一台用于工作。", "长期居住于本辖区，情况属实。",
                                                     "购车资金来源合法，特此证明。"]))
            sh.record("company" if o.company else "name", party)
            sh.para("特此证明。", indent=True)
            sh.gap(8)
            sh.para((o.company or rng.choice(["某某街道办事处", "某某社区居委会"])) + "（盖章）", indent=False)
            sh.seal(None, "round", o.company or "社区居民委员会", "")
        sh.kv([when(site, car.delivered - timedelta(days=rng.randrange(1, 10)), "日期")], cols=1)
    else:
        raise ValueError(code)
    return sh.done()
