"""Titles and signature wording as offices print them, written for family e from the domain description.

Each site draws a few title variants per document type and prints some with its brand or company in front.
"""

from __future__ import annotations

TITLES: dict[str, list[str]] = {
    # new-car file
    "customer_card": ["客户信息登记卡", "车主档案卡", "新车用户资料登记表", "客户资料卡（绿卡）", "购车客户信息表", "用户基本信息卡"],
    "purchase_invoice": ["机动车销售统一发票"],
    "sales_contract": ["汽车买卖合同", "新车销售合同", "整车购销协议", "乘用车订购合同书", "汽车销售合同（个人/单位）", "车辆买卖确认书"],
    "id_copy": ["居民身份证复印件", "身份证复印件（正反面）"],
    "delivery_checklist": ["新车交付确认单", "交车检查确认表", "车辆交付检查单", "新车交车验收单", "交车前检查记录表"],
    "vehicle_license": ["中华人民共和国机动车行驶证"],
    "insurance_policy": ["机动车交通事故责任强制保险单", "机动车商业保险保险单", "机动车综合商业保险保险单（正本）"],
    "value_added_services": ["增值服务确认单", "衍生服务购买清单", "精品及延保服务明细", "附加服务确认书", "新车衍生业务登记表"],
    "conformity_certificate": ["机动车整车出厂合格证"],
    "pdi_checklist": ["新车PDI检查表", "售前检验（PDI）记录单", "新车交付前检查表", "PDI检测作业单"],
    "other_proof": ["单位证明", "提车委托书", "居住证明", "购车证明"],
    # after-sales file
    "reception_sheet": ["接车检查单", "维修接待单", "车辆进厂登记表", "环车检查单", "客户车辆预检单", "接车问诊单"],
    "work_order": ["任务委托书", "维修委托书", "维修工单", "车辆维修委托单", "派工单（任务委托书）"],
    "settlement": ["结算单", "维修结算清单", "出厂结算单", "维修费用结算单", "客户结算凭证"],
    "free_inspection_12": ["12项免费检查表", "十二项免费安全检查表", "免费检测项目表（12项）", "12项免费检查记录"],
    "addon_sheet": ["增项单", "维修增项确认单", "追加维修项目确认单", "增加作业项目通知单"],
    "road_test": ["试车记录单", "路试检验单", "试车表", "维修竣工试车记录"],
    "loss_assessment": ["事故车定损单", "车辆损失确认书", "定损清单", "机动车辆保险定损单"],
    "tool_readings": ["专用工具检测数据", "诊断仪检测报告", "专用检测设备读数记录", "电脑诊断数据单"],
    "estimate": ["维修估价单", "维修费用估算单", "预估报价单", "维修项目估算表"],
    "first_service_card": ["首次保养卡", "首保凭证", "免费首保服务卡", "首次免费保养凭证"],
    "parts_invoice": ["增值税普通发票", "增值税电子普通发票"],
    "fault_report": ["故障诊断报告", "测试及故障分析报告", "质量担保故障报告", "故障检测报告单"],
    # unit file
    "move_in": ["入住登记表", "业主入住手续确认书", "住户资料登记卡", "交房验收确认单", "租户入驻登记表"],
    "renovation": ["装修申请表", "二次装修施工申请审批表", "装修施工许可申请单", "室内装修申报表"],
    "correspondence": ["工作联系函", "告知函", "复函", "温馨提示函", "整改通知书"],
    "application": [],  # from SUBJECT_TITLES
}
SUBJECT_TITLES: dict[str, list[str]] = {
    "房门锁": ["门锁更换申请表", "房门锁维修申请单", "门锁配置申请"],
    "电话": ["电话开通申请单", "固定电话安装申请表", "电话移机申请"],
    "车位": ["车位租用申请表", "停车位使用申请单", "月租车位申请表"],
    "水牌": ["水牌制作申请", "大堂水牌更新申请表", "楼层水牌变更申请"],
    "客户加班": ["加班申请表", "非办公时间加班申请单", "客户加班登记申请"],
}
# A title carries the site's name in front on some sites (e.g. "XX汽车 维修委托书").
PREFIXABLE = {"customer_card", "sales_contract", "delivery_checklist", "value_added_services", "pdi_checklist",
              "reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test",
              "estimate", "first_service_card", "fault_report", "move_in", "renovation", "application", "tool_readings"}

# Who signs: party words per side and dossier kind.
CUSTOMER_CAR = ["客户", "车主", "顾客", "委托人", "送修人", "用户", "车主/送修人", "客户代表"]
CUSTOMER_BUY = ["客户", "买受人", "购车人", "提车人", "车主", "买方", "购车客户"]
CUSTOMER_UNIT = ["业主", "住户", "承租人", "租户", "申请人", "业主/租户", "申请单位"]
STAFF_SALES = ["销售顾问", "交车专员", "销售经理", "经办人", "展厅经理"]
STAFF_SERVICE = ["服务顾问", "接待员", "维修技师", "质检员", "车间主管", "检验员", "试车员", "索赔员", "定损员", "收银员"]
STAFF_INSPECT = ["PDI检查员", "检验员", "质检员", "技术主管"]
STAFF_UNIT = ["物业管家", "客服专员", "经办人", "受理人", "工程部", "管理处", "审批人", "客服主管"]

# How a field is labelled: {p} the party; the signing word varies as offices vary it.
SIGN_FORMS = ["{p}签字", "{p}签名", "{p}（签字）", "{p}签字确认", "{p}确认", "{p}签章", "{p}（签名）",
              "{p}签收", "{p}签认", "{p}（签字/盖章）", "{p}签字/日期", "{p}确认签字", "{p}意见及签字"]
STAFF_FORMS = ["{p}（签）", "{p}签字", "{p}签名", "{p}（签字）", "{p}确认", "{p}签章", "{p}签认"]
