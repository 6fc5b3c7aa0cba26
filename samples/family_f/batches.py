"""What a clerk scans together: a workshop visit, a new-car handover, a unit's papers, a stray photo.

Frequencies are data: after-sales forms are the most common, rare types rare.
"""

from __future__ import annotations

# scenario -> weight
SCENARIOS = {"visit": 50, "newcar": 13, "unit": 31, "photo": 6}

JOBS = {"maintenance": 35, "minor_repair": 25, "first_service": 15, "major_repair": 9, "warranty_claim": 10}

# job -> (required documents, optional documents with their chance)
VISIT_DOCS: dict[str, tuple[tuple[str, ...], dict[str, float]]] = {
    "minor_repair": (("reception_sheet", "work_order", "settlement", "free_inspection_12"),
                     {"addon_sheet": 0.3, "road_test": 0.25, "loss_assessment": 0.15, "tool_readings": 0.12, "estimate": 0.25}),
    "first_service": (("reception_sheet", "work_order", "settlement", "first_service_card", "free_inspection_12"), {}),
    "maintenance": (("reception_sheet", "work_order", "settlement", "free_inspection_12"), {"addon_sheet": 0.2}),
    "major_repair": (("reception_sheet", "work_order", "estimate", "settlement", "road_test", "free_inspection_12"),
                     {"tool_readings": 0.3, "addon_sheet": 0.2}),
    "warranty_claim": (("reception_sheet", "work_order", "settlement", "free_inspection_12"),
                       {"parts_invoice": 0.7, "road_test": 0.7, "damage_photo": 0.7, "fault_report": 0.8, "tool_readings": 0.6}),
}

NEWCAR_DOCS = {"customer_card": 1.0, "purchase_invoice": 0.95, "sales_contract": 0.95, "id_copy": 0.9, "delivery_checklist": 1.0,
               "vehicle_license": 0.7, "insurance_policy": 0.8, "value_added_services": 0.55, "conformity_certificate": 0.85,
               "delivery_photo": 0.4, "pdi_checklist": 0.7, "other_proof": 0.08}

UNIT_DOCS = {"application": 40, "correspondence": 25, "renovation": 20, "move_in": 15}
SUBJECTS = {"客户加班": 30, "车位": 22, "房门锁": 18, "电话": 15, "水牌": 15}

PHOTOS = {"delivery_photo": "car", "damage_photo": "part"}
# documents a site stamps, and with what: (chance, seal shape or None for the site's own, words in the middle)
STAMPED = {"purchase_invoice": (1.0, "oval", "发票专用章"), "parts_invoice": (1.0, "oval", "发票专用章"),
           "insurance_policy": (0.9, "round", "保险单专用章"), "conformity_certificate": (0.5, "round", "产品合格证专用章"),
           "settlement": (0.35, None, "结算专用章"), "move_in": (0.4, None, "客服专用章"), "correspondence": (0.7, None, ""),
           "renovation": (0.3, None, "工程部"), "first_service_card": (0.5, None, "售后服务专用章"), "other_proof": (0.6, "round", "")}
