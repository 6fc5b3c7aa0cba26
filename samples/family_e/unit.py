"""Property-office forms of one unit's file: move-in, renovation, applications and letters."""

from __future__ import annotations

import random
from datetime import timedelta

from dossier.models import Role

from . import ids, titles
from .common import Item, label, title, when, who
from .sheet import Doc, Sheet
from .sites import Site
from .subjects import Unit

SUBJECTS = ["房门锁", "电话", "车位", "水牌", "客户加班"]
ASKS = {"房门锁": ["申请更换入户门锁芯一套，原钥匙已全部收回。", "门锁损坏无法正常开启，申请维修。"],
        "电话": ["申请开通直线电话两部，用于前台及财务。", "原电话需移机至新办公区。"],
        "车位": ["申请租用地下车位一个，按月缴费。", "申请固定车位，车辆信息如下。"],
        "水牌": ["公司名称变更，申请更新大堂及楼层水牌。", "新入驻，申请制作楼层水牌。"],
        "客户加班": ["因项目需要，申请周末在本单元加班，需开启空调及照明。", "申请工作日晚间延时用电至22:00。"]}
LETTERS = {"整改": "根据物业管理规定，贵司所在单元的消防通道近期存在堆放杂物的情况，请于收到本通知之日起三日内整改完毕。",
           "告知": "兹定于下周六进行大厦供配电系统年度检修，届时将暂停供电，请贵司提前做好数据备份及设备关闭工作。",
           "复函": "贵司来函收悉。经核查，贵司所述空调不制冷问题系主机维保所致，现已修复，特此复函。",
           "提示": "近期天气干燥，请贵司注意用电安全，下班前关闭电源，共同做好防火工作。",
           "联系": "根据租赁合同约定，贵司本季度物业管理费尚未缴纳，请于本月底前办理缴费手续。"}


def _unit_row(rng: random.Random, u: Unit) -> Item:
    return (rng.choice(["单元号", "房号", "房屋编号", "单元"]), u.unit, "unit", u.unit)


def build(code: str, site: Site, rng: random.Random, dpi: int, hant: bool, u: Unit) -> tuple[Doc, str | None]:
    """The document and, for an application, its subject."""
    t = u.tenant
    subject = rng.choice(SUBJECTS) if code == "application" else None
    sh = Sheet(site, rng, dpi, hant, code, title(site, rng, code, subject))
    owner = label(rng, titles.CUSTOMER_UNIT, "customer")
    staff = label(rng, titles.STAFF_UNIT, "staff")
    day = min(ids.LAST_DAY, u.since + timedelta(days=rng.randrange(0, 700))) if code != "move_in" else u.since
    if code == "move_in":
        sh.header((rng.choice(["编号：", "登记号："]), f"RZ{day:%Y}{rng.randrange(1000, 9999)}"))
        sh.kv([_unit_row(rng, u)] + who(rng, t, ["业主姓名", "住户姓名", "承租人"], ident=True)
              + [when(site, day, rng.choice(["入住日期", "交房日期", "入驻日期"])),
                 ("建筑面积", f"{rng.randrange(45, 400)}.{rng.randrange(10, 99)}㎡", None, None)], cols=2)
        sh.table(["交接物品", "数量", "备注"], [["入户门钥匙", str(rng.randint(2, 4)), ""], ["门禁卡", str(rng.randint(1, 6)), ""],
                                         ["水表读数", f"{rng.randrange(0, 40)}", "吨"], ["电表读数", f"{rng.randrange(0, 300)}", "度"]], [3, 1, 2])
        sh.para(rng.choice(["业主（住户）已阅读并同意遵守《管理规约》及《装修管理规定》。",
                            "以上物品已当面点清交接，室内设施设备运行正常。"]))
        if rng.random() < 0.5:  # the declarations and signatures on a second page
            sh.new_page()
            for s in ["一、遵守物业管理区域内的各项规章制度，按时缴纳物业服务费。", "二、不擅自改变房屋结构、外观及用途。",
                      "三、装修前须向物业服务中心申报，经批准后方可施工。", "四、爱护公共设施，共同维护小区（大厦）环境。"]:
                sh.para(s, indent=False)
            sh.gap(5)
        slots = sh.sign([owner, staff], foot=rng.random() < 0.3)
        if rng.random() < 0.5:
            sh.seal(slots[-1], "round", site.company, rng.choice(["", "客户服务专用章"]))
    elif code == "renovation":
        sh.header((rng.choice(["申请编号：", "No."]), f"ZX{day:%y%m}{rng.randrange(100, 999)}"))
        contractor = f"{ids.REGIONS[site.region][:2]}{rng.choice(['美居', '匠心', '华艺', '佳装'])}装饰工程有限公司"
        sh.kv([_unit_row(rng, u)] + who(rng, t, ["业主姓名", "申请人"]) +
              [("施工单位", contractor, None, None), when(site, day, "申请日期"),
               ("施工期限", f"{day + timedelta(days=3):%Y.%m.%d}至{day + timedelta(days=rng.randrange(30, 90)):%Y.%m.%d}", None, None)], cols=2)
        sh.table(["装修项目", "内容"], [["墙面", rng.choice(["乳胶漆翻新", "墙纸铺贴"])], ["地面", rng.choice(["木地板", "地砖"])],
                                      ["水电", rng.choice(["局部改线", "不涉及"])], ["隔断", rng.choice(["轻钢龙骨石膏板", "玻璃隔断", "无"])]], [1, 4])
        sh.para(rng.choice(["申请人承诺：严格遵守装修管理规定，不破坏承重结构，按时清运垃圾，装修押金待验收合格后退还。",
                            "施工期间如对公共部位造成损坏，由业主及施工单位承担修复费用。"]))
        if rng.random() < 0.4:
            sh.new_page()
            sh.para("物业服务中心审批意见：" + rng.choice(["同意施工，请按批准方案执行。", "同意，注意消防安全。"]), indent=False)
            sh.gap(4)
        fields = [owner, label(rng, ["工程部", "工程主管", "审核人"], "staff"), label(rng, ["管理处", "客服中心", "物业管家"], "staff")]
        slots = sh.sign(fields)
        if rng.random() < 0.6:
            sh.seal(slots[-1], "round", site.company, "")
    elif code == "application":
        sh.header((rng.choice(["编号：", "受理号："]), f"SQ{day:%y%m%d}{rng.randrange(10, 99)}"))
        items = [_unit_row(rng, u)] + who(rng, t, ["申请人", "住户姓名"]) + [when(site, day, rng.choice(["申请日期", "日期"]))]
        if rng.random() < 0.6:
            items.append((rng.choice(["申请事项", "申请类别", "事项"]), subject or "", None, None))
        sh.kv(items, cols=2)
        sh.para(rng.choice(["申请内容：", "具体说明："]) + rng.choice(ASKS[subject or "电话"]), indent=False)
        sh.para("受理意见：□同意 □不同意　　费用：按物业收费标准执行", indent=False)
        owner_app: tuple[str, Role] = (rng.choice(["申请人签字", "申请人（签名）", "申请单位（盖章）", "租户确认", "申请人签章"]), "customer")
        fields = [owner_app, staff] + ([label(rng, ["主管", "客服经理"], "staff")] if rng.random() < 0.4 else [])
        slots = sh.sign(fields)
        if rng.random() < 0.3:
            sh.seal(slots[0], "round", t.company or site.company, "")
    elif code == "correspondence":
        sh.header((rng.choice(["函号：", "编号："]), f"〔{day.year}〕第{rng.randrange(1, 99)}号"))
        who_to = t.company or t.name
        sh.para(f"致：{u.unit} {who_to}", indent=False)
        sh.record("company" if t.company else "name", who_to)
        sh.record("unit", u.unit)
        sh.para(next((v for k, v in LETTERS.items() if k in (sh.title or "")), LETTERS["联系"]))
        sh.para("特此函告。" if rng.random() < 0.6 else "感谢贵司的理解与支持！")
        sh.gap(4)
        p = sh.p
        p.text(sh.x1, sh.y, site.company, sh.pt, anchor="ra")
        sh.y += p.line_h(sh.pt) + p.px(1)
        p.text(sh.x1, sh.y, ids.show_date(day, site.date_style), sh.pt, anchor="ra")
        sh.record("date", day.isoformat())
        sh.seal(None, "round", site.company, "")
        sh.y += p.px(22)
        if rng.random() < 0.7:  # the acknowledgement slip at the foot, cut off and returned
            p.rule(sh.x0, sh.x1, sh.y, dashed=True)
            sh.y += p.px(3)
            p.text((sh.x0 + sh.x1) // 2, sh.y, rng.choice(["回　执", "签收回执"]), sh.pt + 1, anchor="mt")
            sh.y += p.line_h(sh.pt + 1) + p.px(2)
            sh.sign([(rng.choice(["签收人", "收件人签字", "租户签收", "收函单位签收"]), "customer"),
                     (rng.choice(["送达人签字", "送件人（签）", "物业送达人签名"]), "staff")], arrange=rng.choice(["row", "grid_right"]))
    else:
        raise ValueError(code)
    return sh.done(), subject
