"""A property office's forms for one unit: move-in papers, renovation approval, applications (door
lock, telephone, parking space, directory sign, after-hours work) and letters either way."""

from __future__ import annotations

from dossier.samples.family_c.kit import Ctx, Doc, pick_title
from dossier.samples.family_c.newcar import start
from dossier.samples.family_c.sign import Party, row

SUBJECTS = {"房门锁": ("门锁更换申请单", "房门锁申请表", "门禁及门锁申请"), "电话": ("电话开通申请表", "电话线路申请单", "通讯线路安装申请"),
            "车位": ("车位租用申请表", "停车位申请单", "月租车位登记申请"), "水牌": ("水牌制作申请表", "楼层水牌更改申请", "大堂水牌登记单"),
            "客户加班": ("加班申请单", "非办公时间加班申请表", "客户加班申请表")}


def _tenant(ctx: Ctx) -> Party:
    word = ctx.rng.choice(("业主", "承租人", "住户", "租户", "申请人", "客户"))
    return Party("customer", word, ctx.cust.contact.writer, company=bool(ctx.cust.company) and ctx.rng.random() < 0.4)


def _office(ctx: Ctx) -> Party:
    return Party("staff", ctx.rng.choice(("物业管家", "客服专员", "经办人", "管理处", "客务主管", "受理人")), ctx.site.staffer(ctx.rng).writer)


def _who(ctx: Ctx, d: Doc) -> list[tuple[str, str]]:
    assert ctx.unit
    out = [("单元号" if ctx.rng.random() < 0.5 else "房号", d.shown("unit", ctx.unit))]
    out += d.who("住户姓名" if ctx.rng.random() < 0.5 else "业主/租户", "公司名称")
    out.append(("联系电话", d.mobile(ctx.cust.contact.mobile)))
    return out


def move_in(ctx: Ctx) -> Doc:
    d = start(ctx, "move_in", "a4")
    rng, c = ctx.rng, ctx.cust
    d.head(pick_title(ctx.site, "move_in", ("业主入住登记表", "住户入住登记表", "租户入驻登记表", "入伙登记表", "入住手续办理单")),
           number=f"{ctx.look.number_word} {rng.randint(1000, 9999)}")
    pairs = _who(ctx, d) + [("入住日期", d.date()), ("办公/居住人数", str(rng.randint(1, 60)))]
    if c.id_number and rng.random() < 0.6:
        pairs.append(("身份证号码", d.shown("id_number", c.id_number)))
    if c.credit_code and rng.random() < 0.7:
        pairs.append(("统一社会信用代码", d.shown("credit_code", c.credit_code)))
    pairs.append(("紧急联系人", rng.choice(("王先生", "李女士", "陈经理")) + " " + c.landline))
    d.flow.grid(pairs, cols=2)
    d.flow.table(["序号", "交接物品", "数量", "备注"], [["1", "入户门钥匙", str(rng.randint(2, 4)), ""], ["2", "门禁卡", str(rng.randint(2, 10)), ""],
                                                ["3", "水表读数", str(rng.randint(0, 30)), "吨"], ["4", "电表读数", str(rng.randint(0, 300)), "度"]],
                 [0.8, 4, 1.2, 2], hand_cols=(2,))
    d.flow.heading("入住须知")
    for t in ("一、住户应遵守《管理规约》及《住户手册》，爱护公共设施。", "二、室内装修须事先向管理处申请，经批准后方可施工。",
              "三、物业管理费按月缴交，逾期按约定收取滞纳金。", "四、如需搬出物品，须到管理处办理放行手续。",
              "五、本登记表所填信息仅用于物业管理服务，管理处负责保密。"):
        d.flow.para(t, indent=False)
    row(d.flow, [_tenant(ctx), _office(ctx)], dated=True)
    if rng.random() < 0.5:
        f = d.flow
        d.seal("round", (f.x1 - (f.x1 - f.x0) * 0.22, f.y - 2 * f.u), middle="客户服务中心" if rng.random() < 0.5 else "")
    return d


def renovation(ctx: Ctx) -> Doc:
    d = start(ctx, "renovation", "a4")
    rng = ctx.rng
    d.head(pick_title(ctx.site, "renovation", ("装修申请表", "二次装修申请表", "室内装修审批表", "装修施工许可申请", "装饰装修管理协议")))
    d.flow.grid(_who(ctx, d) + [("施工单位", rng.choice(("佳艺装饰工程有限公司", "华美建筑装饰有限公司", "匠心装饰设计工作室"))),
                                ("申请日期", d.date()), ("施工期限", f"{rng.randint(15, 60)}天")], cols=2)
    d.flow.heading("装修项目")
    d.flow.para(rng.choice(("办公区隔断调整，增加会议室一间，更换地毯及吊顶灯具。", "厨房及卫生间翻新，更换地砖，墙面乳胶漆重新涂刷。",
                            "原有格局不变，新增网络弱电布线及空调末端改造。")))
    d.flow.heading("装修承诺")
    for t in ("1.不拆改承重结构、不改动消防设施及公共管线。", "2.施工时间为工作日8:00-12:00、14:00-18:00，噪音作业避开休息时间。",
              "3.装修垃圾袋装后运至指定地点，不得堆放在公共区域。", "4.因装修造成的损失由申请人及施工单位承担。"):
        d.flow.para(t, indent=False)
    row(d.flow, [_tenant(ctx), Party("customer", rng.choice(("施工单位负责人", "装修负责人")), None)], dated=True)
    d.flow.heading(rng.choice(("管理处审批意见", "物业审批")))
    d.flow.value(d.flow.x0 + d.flow.u, d.flow.y + d.flow.u, rng.choice(("同意施工，请按规定办理施工证。", "同意。", "同意，押金已收。")),
                 d.flow.x1 - d.flow.x0)
    d.flow.space(2)
    row(d.flow, [Party("staff", rng.choice(("工程部", "工程主管", "管理处经办人")), ctx.site.staffer(rng).writer), _office(ctx)])
    f = d.flow
    d.seal("round", (f.x1 - (f.x1 - f.x0) * 0.25, f.y - 2 * f.u), middle="")
    return d


def application(ctx: Ctx) -> Doc:
    d = start(ctx, "application", "a5" if ctx.rng.random() < 0.4 else "a4")
    rng = ctx.rng
    subject = rng.choice(tuple(SUBJECTS))
    d.fields["subject"] = subject
    d.head(pick_title(ctx.site, "application", SUBJECTS[subject], subject))
    pairs = _who(ctx, d) + [("申请日期", d.date())]
    detail = {"房门锁": ("申请事项", rng.choice(("更换入户门锁芯", "增配钥匙两把", "门禁权限开通"))),
              "电话": ("申请线路", f"{rng.randint(1, 8)}条直线电话"), "车位": ("车位号", f"B{rng.randint(1, 3)}-{rng.randint(1, 400):03d}"),
              "水牌": ("水牌内容", d.ctx.cust.display), "客户加班": ("加班时间", f"{rng.randint(18, 20)}:00-{rng.randint(21, 23)}:00")}[subject]
    pairs.append(detail)
    if subject == "客户加班":
        pairs.append(("加班人数", str(rng.randint(2, 30))))
        pairs.append(("是否需要空调", rng.choice(("是", "否"))))
    d.flow.grid(pairs, cols=rng.choice((1, 2)))
    d.flow.para(rng.choice(("申请人保证遵守大厦管理规定，所产生费用按收费标准支付。", "费用将计入当月管理费账单。", "")), indent=False)
    row(d.flow, [_tenant(ctx), _office(ctx)])
    return d


def correspondence(ctx: Ctx) -> Doc:
    d = start(ctx, "correspondence", "a4")
    rng, c = ctx.rng, ctx.cust
    assert ctx.unit
    outgoing = rng.random() < 0.6  # from the office to the tenant, else the tenant's letter to the office
    topic = rng.choice(("空调延时使用", "物业管理费调整", "消防设施检查", "外墙清洗施工", "装修噪音"))
    title = rng.choice((f"关于{topic}的函", f"关于{topic}事宜的通知", "工作联系函", f"关于{topic}的回复函")) if outgoing else \
        rng.choice((f"关于{topic}的申请函", "联系函", f"关于{topic}的情况说明"))
    d.head(title)
    f = d.flow
    tenant = d.shown("company", c.company) if c.company else d.shown("name", c.contact.name) + rng.choice(("先生/女士", ""))
    unit = d.shown("unit", ctx.unit)
    if outgoing:
        f.para(f"{unit} {tenant}：", indent=False)
        f.para(f"感谢贵方一直以来对管理处工作的支持。现就{topic}事宜函告如下：管理处将于近期安排相关工作，届时请贵方予以配合。"
               "如有疑问，请致电客服中心。")
        f.para("特此函告。", indent=True)
    else:
        f.para(f"{ctx.site.short}：", indent=False)
        f.para(f"我方系{unit}单元{rng.choice(('业主', '租户'))}{tenant}，现就{topic}一事函请贵处协助处理，请予回复为盼。")
    f.space(1)
    f.page.text(f.x1, f.y + f.u, d.date(), f.lk.body_face, f.lk.body_pt, anchor="rs")
    f.space(2)
    if outgoing:
        row(f, [_office(ctx)], shape="stack", dated=False)
        d.seal("round", (f.x1 - (f.x1 - f.x0) * 0.2, f.y - 3 * f.u), middle="")
        if rng.random() < 0.6:
            f.space(1)
            f.heading("回执")
            row(f, [Party("customer", rng.choice(("客户签收", "租户签收", "收件人")), c.contact.writer, verb="" if rng.random() < 0.5 else None)])
    else:
        row(f, [Party("customer", rng.choice(("来函单位", "申请人", "业主")), c.contact.writer, company=bool(c.company))], shape="stack")
        if c.company and rng.random() < 0.6:
            d.seal("round", (f.x1 - (f.x1 - f.x0) * 0.25, f.y - 2 * f.u), text=c.company, middle="")
    return d
