"""Family f's own wording: document titles, the parties who sign and the words they sign with.

Data, not code: a site draws one title per document type from these lists and keeps it, the way a real
office prints the same form every time. Written from the domain description only.
"""

from __future__ import annotations

# code -> title variants (a site may also put its brand or company name in front)
TITLES: dict[str, tuple[str, ...]] = {
    "customer_card": ("客户信息卡", "客户资料登记卡", "车主信息登记表", "客户档案卡（绿卡）", "保有客户信息卡", "用户信息确认卡"),
    "purchase_invoice": ("机动车销售统一发票",),
    "sales_contract": ("汽车买卖合同", "新车销售合同", "整车销售协议", "车辆购销合同书", "购车协议书"),
    "id_copy": ("居民身份证复印件", "证件复印件粘贴页", "身份证正反面复印件"),
    "id_copy_company": ("营业执照（副本）复印件", "企业营业执照复印件"),
    "delivery_checklist": ("交车检查表", "新车交付确认单", "车辆交接验收单", "新车交车检查清单", "交车确认书"),
    "vehicle_license": ("中华人民共和国机动车行驶证",),
    "insurance_policy": ("机动车商业保险保险单", "机动车交通事故责任强制保险单"),
    "value_added_services": ("衍生服务清单", "增值服务确认单", "精品及延保服务清单", "附加服务项目确认表"),
    "conformity_certificate": ("机动车整车出厂合格证",),
    "pdi_checklist": ("新车PDI检查表", "售前检查（PDI）记录单", "PDI交付前检验单", "新车售前检测表"),
    "other_proof": ("证明", "情况说明", "车辆使用情况证明"),
    "reception_sheet": ("接车单", "车辆接待单", "维修接车登记表", "进厂接车检查单", "预检接车单", "服务接待记录"),
    "work_order": ("任务委托书", "维修委托书", "维修工单", "车辆维修委托单", "维修派工委托书"),
    "settlement": ("结算单", "维修结算单", "出厂结算清单", "维修费用结算单", "结账单"),
    "free_inspection_12": ("12项免费检查表", "十二项免费安全检查表", "12项免费检测单", "免费12项检查记录"),
    "addon_sheet": ("增项单", "增加维修项目确认单", "追加项目确认单", "维修增项通知单"),
    "road_test": ("试车表", "试车单", "路试记录单", "维修试车检验单"),
    "loss_assessment": ("定损单", "事故车辆定损单", "车辆损失确认书", "定损报价单"),
    "tool_readings": ("专用工具检查数据", "诊断仪检测报告", "专用工具检测记录"),
    "estimate": ("估算单", "维修估价单", "维修费用估算单", "维修预估单"),
    "first_service_card": ("首保卡", "首次保养凭证", "首保服务卡"),
    "parts_invoice": ("增值税普通发票", "备件销售发票"),
    "fault_report": ("测试及故障报告", "故障诊断报告", "故障检测报告书", "质量问题测试报告"),
    "move_in": ("入住登记表", "业主入住确认单", "房屋交接验收单", "入住手续办理单", "租户入驻登记表"),
    "renovation": ("装修申请表", "二次装修申请书", "装修施工管理协议", "装修验收单"),
    "correspondence": ("工作联系函", "告知函", "回复函", "关于{topic}的函", "通知"),
}

# English subtitles some dealers and offices print under the Chinese title
ENGLISH = {"customer_card": "Customer Information Card", "sales_contract": "Vehicle Sales Contract", "delivery_checklist": "Delivery Checklist",
           "value_added_services": "Value-added Services", "pdi_checklist": "Pre-Delivery Inspection", "reception_sheet": "Vehicle Reception",
           "work_order": "Repair Order", "settlement": "Invoice / Settlement", "free_inspection_12": "12-Point Inspection",
           "addon_sheet": "Additional Work Authorization", "road_test": "Road Test Record", "estimate": "Repair Estimate",
           "fault_report": "Diagnosis Report", "move_in": "Move-in Record", "renovation": "Fit-out Application",
           "application": "Tenant Service Request", "correspondence": "Notice"}

# titles of state forms and certificates, printed the same everywhere
OFFICIAL = frozenset(TITLES["purchase_invoice"] + TITLES["vehicle_license"] + TITLES["insurance_policy"] + TITLES["conformity_certificate"]
                     + TITLES["parts_invoice"] + ("居民身份证复印件",) + TITLES["id_copy_company"])

# subject (the Simplified category the truth keeps) -> how an office titles that application
APPLICATIONS: dict[str, tuple[str, ...]] = {
    "房门锁": ("房门锁更换申请表", "门锁维修申请单", "门禁及门锁申请表"),
    "电话": ("电话开通申请单", "电话线路申请表", "通讯线路安装申请"),
    "车位": ("车位租用申请表", "停车位申请单", "月租车位申请表"),
    "水牌": ("水牌制作申请单", "大堂水牌申请表", "楼层指示牌申请表"),
    "客户加班": ("加班申请表", "非办公时间加班申请单", "客户加班申请"),
}

CORRESPONDENCE_TOPICS = ("空调使用时间调整", "消防检查安排", "物业费缴纳", "电梯维保停运", "装修噪音管理", "停车场收费调整")

# the parties who sign, as a site's forms name them: (word, role)
DEALER_CUSTOMER = ("客户", "车主", "买受人", "买方", "委托人", "送修人", "用户", "顾客", "购车人", "托修人")
DEALER_STAFF = {
    "sales": ("销售顾问", "销售专员", "交车专员", "经办人"),
    "service": ("服务顾问", "接待员", "维修顾问", "前台接待"),
    "inspect": ("检验员", "质检员", "终检员", "总检"),
    "tech": ("维修技师", "技师", "主修技师", "车间主管"),
    "cashier": ("结算员", "收银员", "财务"),
    "repairer": ("承修方", "维修单位", "承修单位"),
}
PROPERTY_CUSTOMER = ("业主", "承租人", "住户", "租户", "申请人", "申请单位", "装修负责人", "客户")
PROPERTY_STAFF = ("物业管家", "客服专员", "经办人", "受理人", "审批人", "工程部", "客务部", "管理处")

SIGN_WORDS = ("签字", "签名", "签章", "签收", "确认", "签认", "确认签字", "签字确认")
COMPANY_SIGN_WORDS = ("盖章", "签章", "签字盖章", "盖章确认")

# how a job type is printed on after-sales forms
JOB_PRINTED = {
    "minor_repair": ("小修", "一般维修", "小修"),
    "first_service": ("首保", "首次保养", "首保"),
    "maintenance": ("保养", "定期保养", "常规保养"),
    "major_repair": ("大修", "发动机大修", "大修"),
    "warranty_claim": ("索赔", "保修索赔", "质量担保索赔"),
}

CHECK_ITEMS_12 = ("机油液位及油质", "冷却液液位", "制动液液位", "转向助力油", "风窗洗涤液", "蓄电池状态",
                  "轮胎气压及磨损", "制动片厚度", "灯光及信号", "雨刮片", "空调滤芯", "底盘及排气管")
DELIVERY_ITEMS = ("车身外观无划痕凹陷", "内饰整洁无污损", "随车工具及三角警示牌", "备胎及千斤顶", "随车文件（合格证、说明书）",
                  "钥匙两把", "燃油/电量不少于1/4", "灯光、喇叭、雨刮功能", "多媒体与导航设置", "座椅及安全带",
                  "空调制冷制热", "讲解保养周期及首保里程")
PDI_ITEMS = ("车辆识别代号与合格证一致", "漆面及钣金", "玻璃及后视镜", "轮胎气压", "发动机舱油液", "蓄电池电压",
             "电器功能", "底盘紧固件", "路试无异响", "故障码读取", "清洗及除保护膜", "随车物品核对")
ROAD_ITEMS = ("起步加速", "换挡平顺", "制动效果", "转向回正", "怠速稳定", "异响", "跑偏", "仪表指示")
LABOUR = ("更换机油机滤", "更换空气滤芯", "更换空调滤芯", "四轮定位", "更换前制动片", "发动机清洗", "更换火花塞",
          "蓄电池检测", "更换雨刮片", "钣金修复", "喷漆（前保险杠）", "更换正时皮带", "变速箱油更换", "检查异响")
PARTS = ("机油 5W-30 4L", "机油滤清器", "空气滤清器", "空调滤芯", "前制动片", "火花塞", "雨刮片", "正时皮带套件",
         "前保险杠", "大灯总成", "减震器", "变速箱油")
ADDONS = ("延长保修2年", "车身漆面镀晶", "全车贴膜", "行车记录仪", "脚垫套装", "上牌服务", "保险代办", "精品座套", "三年免费保养")
UNIT_ITEMS = ("入户门及门锁", "钥匙（套）", "水表读数", "电表读数", "墙面地面", "窗户及玻璃", "卫生间防水", "空调及通风", "门禁卡")
