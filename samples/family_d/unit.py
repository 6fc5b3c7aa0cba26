"""The property office's forms for one unit: move-in, fit-out, letters and the tenants' applications."""

from __future__ import annotations

from datetime import timedelta

from . import blocks, ids
from .doc import Doc
from .signing import CUSTOMER_UNIT, STAFF_UNIT
from .titles import APPLICATIONS


def _head(d: Doc, subject: str | None = None) -> None:
    sh, rng = d.sheet(), d.rng
    d.title = blocks.header(sh, d.site.company + (f"{d.site.short}项目部" if rng.random() < 0.5 else ""),
                            d.site.title(d.code or "", rng, subject), style=d.site.header,
                            form_no=f"{d.site.form_prefix}-{rng.randint(1, 40):03d}" if rng.random() < 0.5 else None,
                            doc_no=f"编号：{d.when:%Y}{rng.randint(1000, 9999)}" if rng.random() < 0.4 else None)


def _tenant(d: Doc, extra: list[tuple[str, str]], cols: int = 2) -> None:
    assert d.cust is not None and d.unit is not None
    rng = d.rng
    pairs = [d.kv(rng.choice(("单元号", "房号", "房间号", "单元")), "unit", d.unit),
             *d.who_kv(rng.choice(("业主姓名", "住户姓名", "姓名")), rng.choice(("租户名称", "公司名称", "承租单位"))),
             d.mobile_kv(rng.choice(("手机", "联系电话"))), *extra]
    (blocks.grid if d.site.grid else blocks.lined)(d.pages[-1], pairs, cols=cols, hand=rng.random() < 0.5)


def move_in(d: Doc) -> None:
    rng, c = d.rng, d.cust
    assert c is not None
    _head(d)
    _tenant(d, [d.kv("固定电话", "landline", c.landline), d.date_kv("入住日期", d.when),
                d.kv("证件号码", "credit_code" if c.credit_code else "id_number", c.credit_code or c.id_number)])
    sh = d.pages[-1]
    blocks.heading(sh, "交接物品及表计读数")
    blocks.table(sh, ["项目", "数量/读数", "备注"],
                 [["入户门钥匙", f"{rng.randint(2, 4)}把", ""], ["门禁卡", f"{rng.randint(1, 6)}张", ""],
                  ["电表读数", f"{rng.randint(10, 9000)}", "度"], ["水表读数", f"{rng.randint(1, 900)}", "吨"]], [3, 2, 2])
    if rng.random() < 0.5:  # the notice and the signatures on a second page
        sh = d.sheet()
        sh.y += sh.mm(8)
        blocks.heading(sh, "入住须知")
    for t in ("一、入住后请按时缴纳物业服务费及能耗费用。", "二、室内装修须事先向客服中心申请，经审批后方可施工。",
              "三、请勿在公共区域堆放物品，消防通道须保持畅通。", "四、联系方式变更请及时告知客服中心。"):
        blocks.para(sh, t, 10, indent=False)
    d.sign([d.party("customer", CUSTOMER_UNIT), d.party("staff", STAFF_UNIT)])
    if rng.random() < 0.5:
        d.seal("round", d.site.company, "客户服务中心")


def renovation(d: Doc) -> None:
    rng = d.rng
    _head(d)
    start = d.when + timedelta(days=rng.randint(1, 10))
    _tenant(d, [d.date_kv("申请日期", d.when), ("施工单位", rng.choice(("锦绣装饰工程有限公司", "匠心建筑装饰有限公司"))),
                ("施工期限", f"{d.site.date(start)}至{d.site.date(start + timedelta(days=rng.choice((30, 45, 60))))}"),
                d.amount_kv("装修押金", float(rng.choice((5000, 10000, 20000))))])
    sh = d.pages[-1]
    blocks.heading(sh, "装修项目")
    blocks.ticks(sh, ["隔墙拆改", "吊顶", "地面铺装", "强弱电改造", "给排水改造", "空调新增"], 3, ["√", "", "√", "√", ""])
    blocks.heading(sh, "物业审核意见")
    sh.hand(sh.left + sh.mm(5), sh.y, sh.s(rng.choice(("同意施工，请遵守装修管理规定", "同意，动火作业另行申请"))), 11)
    sh.y += sh.px(26)
    d.sign([d.party("customer", CUSTOMER_UNIT + ("装修负责人",)), d.party("staff", ("工程部", "工程主管", "物业管家")),
            d.party("staff", ("客服主管", "项目经理"), "2")], dated=rng.random() < 0.5)
    d.seal(rng.choice(("round", "oval")), d.site.company, "工程部")


def correspondence(d: Doc) -> None:
    sh, rng, c = d.sheet(), d.rng, d.cust
    assert c is not None and d.unit is not None
    title = d.site.title(d.code or "", rng)
    d.title = sh.s(title)
    sh.y = sh.mm(22)
    sh.text(sh.w / 2, sh.y, d.title, 20, sh.title_face, anchor="ma")
    sh.y += sh.px(40)
    to = c.company or f"{c.name}{rng.choice(('先生', '女士'))}"
    b = sh.text(sh.left, sh.y, sh.s(f"{d.unit}  {to}："), 11.5)
    d.fields["unit"] = sh.s(d.unit)
    d.fields["company" if c.company else "name"] = sh.s(c.company or c.name)
    sh.y = b[3] + sh.mm(5)
    body = rng.choice((
        "近期巡查发现贵单位在公共走道堆放纸箱等杂物，影响消防通道畅通。请于收函后三日内清理完毕，逾期物业将协助清理。",
        "根据大厦年度计划，本月将对中央空调系统进行清洗保养，届时空调将暂停供应半日，敬请谅解并提前做好安排。",
        "贵单位来函收悉。关于延长租期及增加车位一事，经与业主方协商，同意按原有条件续租，具体事宜请与客服中心联系。",
    ))
    blocks.para(sh, body, 11)
    blocks.para(sh, "特此函告。", 11)
    sh.y += sh.mm(10)
    sh.text(sh.right - sh.mm(5), sh.y, sh.s(d.site.company), 11, anchor="ra")
    sh.y += sh.px(22)
    sh.text(sh.right - sh.mm(5), sh.y, sh.s(d.site.date(d.when)), 11, anchor="ra")
    d.fields["date"] = d.when.isoformat()
    d.seal("round", d.site.company, "", near=(int(sh.right - sh.mm(30)), int(sh.y - sh.mm(4))))
    sh.y += sh.mm(20)
    if rng.random() < 0.75:  # the tear-off receipt the tenant signs
        for x in range(int(sh.left), int(sh.right), sh.mm(3)):
            sh.rule(x, x + sh.mm(1.5), sh.y)
        sh.y += sh.mm(4)
        sh.text(sh.w / 2, sh.y, sh.s("回  执"), 12, "bold", anchor="ma")
        sh.y += sh.px(22)
        blocks.para(sh, f"本单位/本人已收到{d.site.company}《{title}》。", 10, indent=False)
        d.sign([d.party("customer", CUSTOMER_UNIT + ("签收人",), word="签收")], at_bottom=False, dated=True)


def application(d: Doc, subject: str) -> None:
    rng = d.rng
    _head(d, subject)
    _tenant(d, [d.date_kv("申请日期", d.when)], cols=2)
    sh = d.pages[-1]
    blocks.heading(sh, "申请事项")
    x = sh.left
    for s in APPLICATIONS:  # the office's one form lists every subject; the tenant ticks one
        b = sh.text(x, sh.y, ("☑" if s == subject else "□") + sh.s(s), 10.5)
        x = b[2] + sh.mm(6)
    d.fields["subject"] = subject
    sh.y += sh.px(24)
    plate = ids.plate(rng, d.site.province)
    detail = {"房门锁": "入户门锁芯损坏，申请更换", "电话": "申请开通直线电话两部", "车位": f"申请地下车位一个，车牌{sh.s(plate)}",
              "水牌": "公司名称变更，申请更换大堂及楼层水牌", "客户加班": "本周六9:00-18:00加班，需开启空调及电梯"}[subject]
    if subject == "车位":
        d.fields["plate"] = plate
    blocks.lined(sh, [("申请说明", detail)], cols=1, hand=True)
    blocks.lined(sh, [("物业审批意见", rng.choice(("同意", "同意，按收费标准执行", "")))], cols=1, hand=True)
    d.sign([d.party("customer", ("申请人", "申请单位", "租户", "业主"), word=rng.choice(("签章", "签字", "盖章"))),
            d.party("staff", STAFF_UNIT)], dated=rng.random() < 0.5)
    if rng.random() < 0.4:
        d.seal("oval", d.site.company, "客服部")
