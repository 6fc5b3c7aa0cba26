"""After-sales forms of one workshop visit: reception, work order, settlement, inspections and the rest."""

from __future__ import annotations

import random

from . import people, titles
from .common import Item, label, money, title, when, who
from .sheet import Doc, Sheet
from .sites import Site
from .subjects import JOBS, Car, Visit

WORK = {"maintenance": [("更换机油", 380.0), ("更换机油滤清器", 68.0), ("更换空气滤清器", 120.0), ("更换空调滤芯", 95.0),
                        ("检查制动系统", 0.0), ("清洗节气门", 180.0)],
        "first_service": [("首保更换机油机滤", 0.0), ("底盘螺栓紧固", 0.0), ("电脑检测", 0.0)],
        "minor_repair": [("更换前刹车片", 560.0), ("更换雨刮片", 140.0), ("更换蓄电池", 780.0), ("更换近光灯泡", 85.0),
                         ("补胎", 60.0), ("更换火花塞", 320.0)],
        "major_repair": [("发动机吊装解体", 3200.0), ("更换曲轴", 4800.0), ("更换活塞环", 1650.0), ("变速箱大修", 6800.0),
                         ("更换缸垫", 420.0)],
        "warranty_claim": [("更换水泵总成（索赔）", 0.0), ("更换天窗电机（索赔）", 0.0), ("更换车窗升降器（索赔）", 0.0),
                           ("更换ABS泵（索赔）", 0.0)]}
CHECK12 = ["机油液位", "冷却液液位", "制动液液位", "玻璃水", "蓄电池状态", "轮胎气压及磨损", "刹车片厚度", "灯光系统",
           "雨刮器", "喇叭", "底盘渗漏", "传动皮带"]
WALKAROUND = ["前保险杠", "后保险杠", "左前门", "右前门", "发动机盖", "后备箱", "轮毂", "挡风玻璃", "内饰座椅", "随车工具"]


def _veh(rng: random.Random, site: Site, car: Car, v: Visit, vin: bool = True) -> list[Item]:
    out: list[Item] = []
    if car.plate:
        out.append((rng.choice(["车牌号", "车牌号码", "牌照号"]), car.plate, "plate", car.plate))
    if vin:
        out.append((rng.choice(["VIN码", "车架号", "车辆识别代号", "底盘号"]), car.vin, "vin", car.vin))
    out.append((rng.choice(["车型", "品牌型号"]), car.model, None, None))
    out.append((rng.choice(["行驶里程", "进厂里程", "里程数"]), f"{v.mileage} km", None, None))
    return out


def _order(rng: random.Random, v: Visit) -> tuple[str, str]:
    return rng.choice(["工单号：", "委托书号：", "No.", "单号：", "维修单号："]), v.order


def _items(rng: random.Random, v: Visit, n: int) -> list[tuple[str, float]]:
    pool = WORK[v.job]
    return rng.sample(pool, k=min(n, len(pool)))



def build(code: str, site: Site, rng: random.Random, dpi: int, hant: bool, car: Car, v: Visit) -> Doc:
    sh = Sheet(site, rng, dpi, hant, code, title(site, rng, code))
    job_word = rng.choice(JOBS[v.job])
    printed_order = rng.random() < 0.85 or code in ("work_order",)
    if printed_order:
        sh.header(_order(rng, v))
        sh.record("order_number", v.order)
    else:
        sh.header()
    cust = label(rng, titles.CUSTOMER_CAR, "customer")
    advisor = label(rng, ["服务顾问", "接待员", "服务专员", "SA"], "staff")
    if code == "reception_sheet":
        sh.kv(who(rng, car.owner, ["客户姓名", "车主姓名", "送修人"]) + _veh(rng, site, car, v)
              + [when(site, v.day, rng.choice(["进厂日期", "接车日期", "到店时间"]))], cols=2)
        sh.para(rng.choice(["客户描述：", "故障描述/客户需求："]) + rng.choice(["车辆到保养里程，做常规保养。", "行驶中制动有异响，请检查。",
                "仪表盘发动机故障灯亮。", "空调制冷效果差。", "左前门玻璃升降缓慢。"]), indent=False)
        sh.checks(rng.sample(WALKAROUND, k=8), rng.choice([["正常", "划痕", "凹陷"], ["✓", "×"], ["良好", "有损伤"]]))
        sh.para(rng.choice(["以上环车检查结果经客户确认无误，贵重物品请客户自行带离车辆。",
                            "本人已确认车辆外观及随车物品状况，联系人及联系电话已核实。"]), pt=site.pt - 1)
        sh.sign([cust, advisor])
    elif code == "work_order":
        sh.kv(who(rng, car.owner, ["委托人", "客户名称", "车主"]) + _veh(rng, site, car, v)
              + [(rng.choice(["维修类型", "作业类型", "业务类型"]), job_word, "job_type", v.job),
                 when(site, v.day, rng.choice(["委托日期", "进厂时间", "开单日期"]))], cols=2)
        rows = [[str(i + 1), n, f"{rng.choice([0.5, 1.0, 1.5, 2.0])}", v.tech] for i, (n, _) in enumerate(_items(rng, v, 4))]
        sh.table(["序号", "维修项目", "工时", "主修技师"], rows, [0.6, 3, 1, 1.4])
        sh.para(rng.choice(["委托人同意按上述项目进行维修，如需增加项目，本公司将另行征得委托人同意。",
                            "旧件是否带走：□是 □否。车内贵重物品已由客户取走。", "预计交车时间以服务顾问通知为准。"]), pt=site.pt - 1)
        fields = [cust, advisor]
        if rng.random() < 0.5:
            fields.append(label(rng, ["维修技师", "主修技师", "车间主管"], "staff"))
        sh.sign(fields)
    elif code in ("settlement", "estimate", "addon_sheet"):
        items = _items(rng, v, rng.randint(2, 4))
        parts = [(n, p if p else float(rng.randrange(50, 400))) for n, p in items] if code != "settlement" or v.job != "warranty_claim" else items
        total = round(sum(p for _, p in parts), 2)
        sh.kv(who(rng, car.owner, ["客户", "车主", "客户名称"], phones=code != "settlement") + _veh(rng, site, car, v, vin=rng.random() < 0.7)
              + [when(site, v.day, rng.choice(["结算日期", "日期", "出厂日期"] if code == "settlement" else ["报价日期", "日期"]))], cols=2)
        rows = [[str(i + 1), n, "1", f"{p:.2f}"] for i, (n, p) in enumerate(parts)]
        sh.table(["序号", "项目/配件", "数量", "金额（元）"], rows, [0.6, 3.4, 0.8, 1.4])
        sh.kv([money(site, total, rng.choice(["合计金额", "应收金额", "总计", "费用合计"]))], cols=1)
        if code == "settlement":
            sh.para(rng.choice(["客户已确认维修项目完成，车辆完好，费用无异议。", "本结算单经客户签字后生效，请妥善保管。"]), pt=site.pt - 1)
            slots = sh.sign([label(rng, ["客户", "车主", "付款人"], "customer"), label(rng, ["收银员", "结算员", "服务顾问"], "staff")])
            if rng.random() < 0.6:
                sh.seal(slots[-1] if rng.random() < 0.3 else None, rng.choice(["round", "round", "oval"]), site.company,
                        rng.choice(["财务专用章", "结算专用章", "业务专用章"]))
            elif rng.random() < 0.4:  # the cashier's own name chop on the field
                sh.seal(slots[-1], "square", people.name(rng)[:3], "")
        elif code == "addon_sheet":
            sh.para(rng.choice(["维修过程中发现以下需增加的项目，经客户同意后方可施工。", "增项费用经客户电话/当面确认。"]), pt=site.pt - 1)
            sh.sign([label(rng, ["客户", "委托人", "车主"], "customer"), advisor], arrange=rng.choice(["row", "grid_right", "stack_right"]))
        else:
            sh.para("以上为预估费用，实际费用以结算单为准。", pt=site.pt - 1)
            sh.sign([label(rng, titles.CUSTOMER_CAR, "customer"), label(rng, ["服务顾问", "估价员"], "staff")])
    elif code == "free_inspection_12":
        sh.kv(_veh(rng, site, car, v, vin=rng.random() < 0.5) + [when(site, v.day, "检查日期")], cols=2)
        sh.checks(CHECK12, rng.choice([["正常", "异常"], ["良好", "需维修"], ["√", "×"]]))
        sh.para(rng.choice(["免费检查结果仅供参考，建议项目请与服务顾问沟通。", "检查结果已向客户说明。"]), pt=site.pt - 1)
        sh.sign([label(rng, ["检查技师", "检验员", "维修技师"], "staff"), label(rng, ["客户", "车主", "顾客"], "customer")])
    elif code == "road_test":
        sh.kv(_veh(rng, site, car, v, vin=rng.random() < 0.6) + [when(site, v.day, "试车日期")], cols=2)
        sh.checks(["起步", "加速", "制动", "转向", "怠速", "异响", "仪表指示", "空调"], ["正常", "不正常"])
        sh.kv([("试车路线", rng.choice(["厂区—环城路—厂区", "试车道", "城市道路5公里"]), None, None),
               ("试车里程", f"{rng.randrange(3, 15)} km", None, None)], cols=2)
        fields = [label(rng, ["试车员", "试车技师"], "staff"), label(rng, ["质检员", "检验员"], "staff")]
        if rng.random() < 0.5:
            fields.append(label(rng, ["客户", "陪同试车人"], "customer"))
        sh.sign(fields)
    elif code == "loss_assessment":
        items = [(n, float(rng.randrange(300, 5000))) for n in rng.sample(["前保险杠", "左前大灯", "发动机盖", "水箱框架", "左前翼子板", "中网"], k=3)]
        total = sum(p for _, p in items)
        sh.kv(who(rng, car.owner, ["被保险人", "车主"], phones=False) + _veh(rng, site, car, v)
              + [("保险公司", rng.choice(["人保财险", "平安产险", "太平洋产险"]), None, None), when(site, v.day, "定损日期")], cols=2)
        sh.table(["损失项目", "处理方式", "金额（元）"], [[n, rng.choice(["更换", "修复", "钣喷"]), f"{p:.2f}"] for n, p in items], [3, 1.5, 1.5])
        sh.kv([money(site, total, "定损金额合计")], cols=1)
        sh.sign([label(rng, ["被保险人", "车主", "客户"], "customer"), label(rng, ["定损员", "查勘定损员"], "staff"),
                 label(rng, ["维修厂", "承修方"], "staff")])
    elif code == "tool_readings":
        sh.kv(_veh(rng, site, car, v) + [when(site, v.day, "检测日期")], cols=2)
        sh.table(["系统", "故障码", "描述", "状态"], [[rng.choice(["发动机", "变速箱", "ABS", "车身"]), f"P{rng.randrange(1000):04d}",
                                                    rng.choice(["氧传感器信号异常", "节气门位置偏差", "轮速信号丢失", "通讯故障"]),
                                                    rng.choice(["当前", "历史"])] for _ in range(rng.randint(2, 5))], [1.2, 1, 3, 1])
        sh.table(["数据流", "读数", "标准值"], [["发动机转速", f"{rng.randrange(700, 850)} rpm", "750±50"],
                                              ["冷却液温度", f"{rng.randrange(85, 98)} ℃", "85-105"],
                                              ["蓄电池电压", f"{rng.uniform(12.1, 14.2):.1f} V", "12.5-14.5"]], [2, 1.5, 1.5])
        sh.sign([label(rng, ["检测技师", "诊断技师", "技术经理"], "staff")], arrange="row")
    elif code == "first_service_card":
        o = car.owner
        sh.kv(who(rng, o, ["车主姓名", "用户姓名"], phones=rng.random() < 0.5) + _veh(rng, site, car, v)
              + [when(site, car.delivered, rng.choice(["购车日期", "交车日期"]))], cols=2)
        sh.para(rng.choice(["凭本卡在行驶5000公里或6个月内（以先到者为准）享受一次免费首次保养。", "首保须在本品牌授权服务站进行，本卡复印件随首保工单存档。"]), pt=site.pt - 1)
        slots = sh.sign([label(rng, ["车主", "用户"], "customer"), label(rng, ["服务站经办人", "服务顾问"], "staff")])
        if rng.random() < 0.6:
            sh.seal(slots[-1], "round", site.company, "售后服务专用章")
    elif code == "fault_report":
        sh.kv(_veh(rng, site, car, v) + [when(site, v.day, "报告日期"), (rng.choice(["维修类型", "业务类型"]), job_word, "job_type", v.job)], cols=2)
        sh.para("故障现象：" + rng.choice(["冷车启动时发动机抖动明显，故障灯点亮。", "车辆行驶中水温过高，仪表报警。", "天窗无法关闭，电机无动作。"]), indent=False)
        sh.para("检测过程：" + rng.choice(["使用诊断仪读取故障码，测量相关线路电阻及电压，排除线路故障后确认部件内部损坏。",
                                          "对冷却系统保压测试，发现水泵轴封处渗漏，拆检确认水泵损坏。"]), indent=False)
        sh.para("结论：" + rng.choice(["属于质量担保范围，申请索赔更换。", "部件故障，建议更换总成。"]), indent=False)
        sh.sign([label(rng, ["维修技师", "诊断技师"], "staff"), label(rng, ["技术经理", "索赔员"], "staff")]
                + ([label(rng, ["客户", "车主"], "customer")] if rng.random() < 0.5 else []))
    else:
        raise ValueError(code)
    return sh.done()
