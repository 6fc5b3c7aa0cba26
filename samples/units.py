"""Templates of the unit file (一户一档) kept by a property manager's customer-service office."""

from __future__ import annotations

from datetime import timedelta

from dossier.samples.content import mobile, person_name
from dossier.samples.ctx import Ctx
from dossier.samples.render import Sheet

SUBJECTS = {"房门锁": "房门锁", "电话": "电话", "车位": "车位", "水牌": "水牌", "加班": "客户加班"}


def _head(s: Sheet, c: Ctx) -> None:
    u = c.unit
    assert u
    c.header(s, f"{u.manager}  {u.building}", points=20 if s.h > s.w else 17)


def move_in(s: Sheet, c: Ctx) -> None:
    u = c.unit
    assert u
    _head(s, c)
    s.line(f"单元号：{c.f('unit', u.unit)}", f"入住日期：{c.date(u.moved_in)}")
    s.fields([
        [("租户名称" if c.rng.random() < 0.6 else "业主名称", c.f("company", u.tenant))],
        [("联系人", c.f("contact", u.contact.name)), ("手机", c.mobile(u.contact.mobile))],
        [("固定电话", c.phone(u.contact.phone)), ("员工人数", str(c.rng.randint(5, 120)))],
        [("紧急联系人", person_name(c.rng)), ("紧急联系电话", mobile(c.rng))],
        [("租赁期限", f"{u.moved_in:%Y-%m-%d} 至 {u.moved_in.replace(year=u.moved_in.year + c.rng.choice((2, 3, 5))):%Y-%m-%d}")],
    ], hand=c.hand)
    keys = [["入户门钥匙", str(c.rng.choice((2, 3, 4))), ""], ["门禁卡", str(c.rng.randint(5, 40)), ""],
            ["信报箱钥匙", "1", ""], ["空调遥控器", str(c.rng.randint(0, 6)), ""]]
    s.table(["交接物品", "数量", "备注"], keys, [3, 1, 3], align="lcl")
    s.para("入住须知：租户应遵守大厦管理规约，装修须另行办理二次装修申请；室内消防设施不得擅自改动；"
           "大厦工作时间为周一至周五 8:30-18:00，非工作时间加班须提前申请。", kind="sans", indent=0, points=9.5)
    s.gap(3)
    c.signatures(s)


def renovation(s: Sheet, c: Ctx) -> None:
    u = c.unit
    assert u
    _head(s, c)
    start = u.moved_in + timedelta(days=c.rng.randint(3, 30))
    deposit = float(c.rng.choice((5000, 10000, 20000, 30000)))
    s.line(f"单元号：{c.f('unit', u.unit)}", f"申请日期：{c.date(start - timedelta(days=c.rng.randint(3, 10)))}")
    s.fields([
        [("申请单位", c.f("company", u.tenant))],
        [("联系人", c.f("contact", u.contact.name)), ("联系电话", c.mobile(u.contact.mobile))],
        [("施工单位", f"{u.city.name}{c.rng.choice(('华美', '金典', '筑诚', '尚品'))}装饰工程有限公司")],
        [("施工负责人", person_name(c.rng)), ("施工电话", mobile(c.rng))],
        [("装修期限", f"{start:%Y-%m-%d} 至 {start + timedelta(days=c.rng.randint(20, 60)):%Y-%m-%d}")],
        [("装修押金", c.amount(deposit)), ("施工人数", str(c.rng.randint(4, 20)))],
    ], hand=c.hand)
    s.fields([[("装修内容", c.rng.choice(("办公室隔断、吊顶及地毯铺设", "墙面翻新、灯具更换", "增设会议室及前台",
                                           "强弱电改造、网络布线")))]], hand=c.hand, row_mm=16)
    s.fields([[("物业审核意见", c.rng.choice(("同意施工，请按规定时间作业", "同意，动火作业须另行申请", "")))]], hand=True,
             row_mm=16)
    s.gap(2)
    c.signatures(s)
    if c.rng.random() < 0.4:
        s.seal((s.x1 - s.px(45), s.y - s.px(30)), "round", u.manager, "工程部")


def correspondence(s: Sheet, c: Ctx) -> None:
    u = c.unit
    assert u
    sent = u.moved_in + timedelta(days=c.rng.randint(20, 400))
    outgoing = c.rng.random() < 0.7  # most letters go from the manager to the tenant
    sender, to = (u.manager, u.tenant) if outgoing else (u.tenant, u.manager)
    s.gap(10)
    s.title(c.title, points=22, kind="serifb")
    s.line("", f"编号：{u.building[:2]}物函〔{sent.year}〕第{c.rng.randint(1, 120):03d}号")
    s.gap(4)
    s.text(s.x0, s.y, f"致：{c.f('company', u.tenant) if outgoing else to}（{c.f('unit', u.unit)}）", kind="serif", points=12)
    s.gap(10)
    topic = c.rng.choice((
        ("空调系统年度维护", "为保障大厦中央空调系统正常运行，我司定于下月对贵司所在楼层进行空调系统年度维护。"
                         "届时空调将暂停使用约四小时，请贵司提前做好安排。"),
        ("消防设施检查", "根据消防管理规定，我司将对大厦各单元室内消防设施进行例行检查，请贵司安排人员配合，"
                     "并确保消防通道畅通、不堆放杂物。"),
        ("管理费缴纳", "贵司本季度物业管理费尚未缴纳，请于收到本函之日起十日内办理缴费手续。如已缴纳，请忽略本函。"),
        ("租户名称变更", "我司已办理工商变更登记，现将变更后的名称函告贵方，请据此更新单元档案及大堂水牌。"),
    ))
    s.para(f"关于{topic[0]}的函", kind="serifb", indent=0, points=12)
    s.para(topic[1], points=12, spacing=1.9)
    s.para("如有疑问，请与客户服务中心联系。特此函告。", points=12, spacing=1.9)
    s.gap(6)
    s.text(s.x0 + s.px(8), s.y, "此致", kind="serif", points=12)
    s.gap(8)
    s.text(s.x0, s.y, "敬礼！", kind="serif", points=12)
    s.gap(25)
    s.line("", sender, points=12)
    s.line("", c.date(sent), points=12)
    s.seal((s.x1 - s.px(35), s.y - s.px(16)), "round", sender, "")


def application(s: Sheet, c: Ctx) -> None:
    u = c.unit
    assert u
    _head(s, c)
    subject = next((v for k, v in SUBJECTS.items() if k in c.title or k in c.title.replace("電話", "电话")
                    .replace("車位", "车位").replace("房門鎖", "房门锁")), None) or c.rng.choice(list(SUBJECTS.values()))
    asked = u.moved_in + timedelta(days=c.rng.randint(5, 500))
    details = {
        "房门锁": ("更换入户门锁芯", "原钥匙遗失，申请更换锁芯一套"),
        "电话": ("开通外线电话", f"申请开通外线电话{c.rng.randint(1, 4)}门"),
        "车位": ("租用月租车位", f"申请月租车位{c.rng.randint(1, 3)}个"),
        "水牌": ("大堂水牌制作", f"大堂水牌更新为：{u.tenant}"),
        "客户加班": ("非工作时间加班", f"{asked:%m月%d日} 18:00-22:00 加班，需开启空调及照明"),
    }[subject]
    c.f("subject", subject)
    small = s.h < s.w  # A5 landscape: the same form, tighter
    row = 8.0 if small else 9.5
    s.fields([
        [("单元号", c.f("unit", u.unit)), ("申请日期", c.date(asked))],
        [("申请单位", c.f("company", u.tenant))],
        [("申请人", c.f("name", u.contact.name)), ("联系电话", c.mobile(u.contact.mobile))],
        [("申请事项", details[0])],
    ], hand=c.hand, row_mm=row)
    s.fields([[("申请原因", details[1])]], hand=c.hand or c.rng.random() < 0.5, row_mm=row + 4)
    if not small:
        s.fields([[("客服中心意见", c.rng.choice(("同意", "同意，请按规定办理", "")))]], hand=True, row_mm=13)
    s.gap(2)
    c.signatures(s, date_line=False if small else None)


FORMS = {"move_in": move_in, "renovation": renovation, "correspondence": correspondence, "application": application}
