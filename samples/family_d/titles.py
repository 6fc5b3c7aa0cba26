"""Title wordings per document code, written for this family: each site picks one and keeps it.

`{brand}` and `{short}` are the car brand and the site's short name, printed in front the way dealer
groups and property companies brand their forms.
"""

from __future__ import annotations

TITLES: dict[str, tuple[str, ...]] = {
    # new-car file
    "customer_card": ("客户信息登记卡", "购车客户资料卡", "{short}车主信息表", "客户档案卡（绿卡）", "新车用户登记卡",
                      "{brand}车主资料登记表"),
    "purchase_invoice": ("机动车销售统一发票",),
    "sales_contract": ("汽车买卖合同", "新车销售合同", "{brand}汽车购销合同", "整车销售协议书", "车辆订购合同书",
                       "{short}新车买卖协议"),
    "id_copy": ("身份证复印件", "客户身份证明（复印件）", "证件复印粘贴页"),
    "delivery_checklist": ("新车交车检查表", "交车确认单", "车辆交接验收单", "{brand}新车交付确认书", "交车服务检查单"),
    "vehicle_license": ("中华人民共和国机动车行驶证",),
    "insurance_policy": ("机动车商业保险保险单", "机动车交通事故责任强制保险单"),
    "value_added_services": ("衍生服务清单", "增值服务确认单", "精品及延保服务明细", "附加服务购买确认表",
                             "{short}会员增值服务单"),
    "conformity_certificate": ("机动车整车出厂合格证",),
    "pdi_checklist": ("新车PDI检查表", "售前检查(PDI)记录单", "新车交付前检验表", "{brand}PDI检测报告单"),
    "other_proof": ("授权委托书", "单位购车证明", "居住证明", "情况说明"),
    # after-sales visit
    "reception_sheet": ("接车单", "车辆接待单", "维修接车检查单", "接车问诊单", "{short}进厂接待登记表"),
    "work_order": ("任务委托书", "维修委托书", "车辆维修委托协议", "{brand}维修工单", "维修施工委托单"),
    "settlement": ("结算单", "维修结算单", "维修费用结算清单", "出厂结算凭证", "{short}服务结算单"),
    "free_inspection_12": ("12项免费检查表", "十二项免费安全检查表", "免费12项检测单", "车辆12项常规检查记录"),
    "addon_sheet": ("增项单", "维修增项确认单", "追加维修项目确认单", "增加项目通知单"),
    "road_test": ("试车表", "路试记录单", "试车检验单", "维修后试车记录"),
    "loss_assessment": ("定损单", "事故车辆定损单", "车辆损失评估单", "保险定损确认单"),
    "tool_readings": ("专用工具检查数据", "诊断仪检测数据单", "专用检测设备读数记录", "电脑诊断报告"),
    "estimate": ("估算单", "维修估价单", "维修费用预估单", "维修报价单"),
    "first_service_card": ("首保卡", "首次保养凭证", "免费首保卡", "{brand}首次保养服务卡"),
    "parts_invoice": ("增值税普通发票",),
    "fault_report": ("测试及故障报告", "故障诊断报告", "质量担保故障报告", "技术故障分析报告"),
    # property unit
    "move_in": ("入住交接单", "业主入住登记表", "租户入驻资料登记表", "入驻手续确认表", "房屋交接验收单"),
    "renovation": ("装修申请表", "二次装修施工申请表", "装修施工许可证", "室内装修审批表", "装修竣工验收单"),
    "correspondence": ("工作联系函", "致租户函", "告知函", "整改通知书", "回函"),
}

# Application forms, by subject (the Simplified category the truth carries).
APPLICATIONS: dict[str, tuple[str, ...]] = {
    "房门锁": ("门锁更换申请单", "房门锁维修申请表", "门禁及门锁申请表"),
    "电话": ("电话开通申请表", "电话线路申请单", "通讯线路申请表"),
    "车位": ("车位租用申请表", "停车位申请单", "月租车位申请表"),
    "水牌": ("水牌制作申请表", "大堂水牌信息申请单", "楼层水牌更改申请"),
    "客户加班": ("客户加班申请单", "非工作时间加班申请表", "延时空调及加班申请"),
}

