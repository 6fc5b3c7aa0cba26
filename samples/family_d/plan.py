"""What a scan batch holds: one workshop visit, one car's new-car handover, one unit's papers, or a stray photo.

Frequencies follow the work: after-sales visits are most of a dealer's paper, rare proofs are rare.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from . import aftersales, copies, ids, newcar, people, photos, unit
from .doc import Doc
from .sheet import hant
from .sites import Site

BUILDERS: dict[str, Callable[[Doc], None]] = {
    "customer_card": newcar.customer_card, "sales_contract": newcar.sales_contract,
    "delivery_checklist": newcar.delivery_checklist, "value_added_services": newcar.value_added_services,
    "pdi_checklist": newcar.pdi_checklist, "other_proof": newcar.other_proof,
    "purchase_invoice": copies.purchase_invoice, "id_copy": copies.id_copy, "vehicle_license": copies.vehicle_license,
    "insurance_policy": copies.insurance_policy, "conformity_certificate": copies.conformity_certificate,
    "parts_invoice": copies.parts_invoice,
    "reception_sheet": aftersales.reception_sheet, "work_order": aftersales.work_order,
    "settlement": aftersales.settlement, "free_inspection_12": aftersales.free_inspection_12,
    "addon_sheet": aftersales.addon_sheet, "road_test": aftersales.road_test,
    "loss_assessment": aftersales.loss_assessment, "tool_readings": aftersales.tool_readings,
    "estimate": aftersales.estimate, "first_service_card": aftersales.first_service_card,
    "fault_report": aftersales.fault_report,
    "move_in": unit.move_in, "renovation": unit.renovation, "correspondence": unit.correspondence,
}
# The new-car handover: each document's chance of being in the batch.
NEW_CAR = (("customer_card", 0.8), ("pdi_checklist", 0.45), ("sales_contract", 0.7), ("purchase_invoice", 0.65),
           ("id_copy", 0.7), ("conformity_certificate", 0.45), ("insurance_policy", 0.45), ("vehicle_license", 0.3),
           ("value_added_services", 0.45), ("delivery_checklist", 0.8), ("delivery_photo", 0.35), ("other_proof", 0.08))
# National forms copied as they are: the dealer's print shop never touched them.
COPIES = {"purchase_invoice", "parts_invoice", "id_copy", "vehicle_license", "insurance_policy", "conformity_certificate",
          "first_service_card", "other_proof", "correspondence"}
JOB_WEIGHTS = (("maintenance", 36), ("minor_repair", 24), ("first_service", 12), ("major_repair", 9), ("warranty_claim", 19))


def _when(rng: random.Random) -> date:
    return date(2023, 1, 3) + timedelta(days=rng.randrange(1000))


def _doc(code: str | None, site: Site, rng: random.Random, trad: bool, cust: people.Customer | None, when: date, *,
         car: people.Car | None = None, unit: str | None = None, visit: str | None = None, job: str | None = None) -> Doc:
    d = Doc(code=code, site=site, rng=rng, hant=trad, cust=cust, when=when, car=car, unit=unit, visit=visit, job=job)
    d.staff_name = people.person_name(rng)
    return d


def _photo_doc(d: Doc, kind: str) -> Doc:
    rng = d.rng
    if kind == "delivery_photo":
        assert d.cust is not None
        img, text = photos.delivery(rng, d.cust.name, d.site.company, d.hant)
        d.fields["name"] = hant(d.cust.name) if d.hant else d.cust.name
    elif kind == "damage_photo":
        img, text = photos.damage(rng, d.visit if rng.random() < 0.6 else None)
        if text:
            d.fields["order_number"] = text[1]
    else:
        img, text = photos.unrelated(rng)
    d.photos.append(img)
    d.photo_text = text
    return d


def build(d: Doc) -> Doc:
    if d.code in ("delivery_photo", "damage_photo"):
        return _photo_doc(d, d.code)
    if d.code == "application":
        unit.application(d, d.rng.choice(("房门锁", "电话", "车位", "车位", "水牌", "客户加班", "客户加班")))
        return d
    BUILDERS[d.code or ""](d)
    _small_print(d)
    return d


def _small_print(d: Doc) -> None:
    """What a print shop adds at the foot of a form: the parts of a carbon set, page numbers."""
    rng = d.rng
    pages = len(d.pages)
    numbered = pages > 1 and rng.random() < 0.6
    for i, sh in enumerate(d.pages):
        y = sh.h - sh.mm(9)
        if d.site.carbon and i == 0 and d.code not in COPIES:
            sh.text(sh.left, y, sh.s(rng.choice(("第一联：存根（白）  第二联：客户（红）  第三联：财务（黄）",
                                                 "白联：店存  红联：客户  黄联：财务"))), 7.5)
        if numbered:
            sh.text(sh.right, y, sh.s(f"第{i + 1}页 共{pages}页"), 8, anchor="ra")


def visit(rng: random.Random, site: Site, trad: bool) -> list[Doc]:
    job = rng.choices([j for j, _ in JOB_WEIGHTS], [w for _, w in JOB_WEIGHTS])[0]
    cust = people.customer(rng, site.city, site.area, 0.15)
    car = people.car(rng, site.province, registered=True, brand=site.brand)
    when = _when(rng)
    order = ids.work_order(rng, when, site.order_prefix)
    required, optional = aftersales.JOB_DOCS[job]
    codes = [c for c in required if rng.random() < 0.85] + [c for c in optional if rng.random() < 0.35]
    order_of = {c: i for i, c in enumerate(required + optional)}
    codes.sort(key=lambda c: order_of[c])
    if not codes:
        codes = ["work_order"]
    return [build(_doc(c, site, rng, trad, cust, when, car=car, visit=order, job=job)) for c in codes]


def new_car(rng: random.Random, site: Site, trad: bool) -> list[Doc]:
    cust = people.customer(rng, site.city, site.area, 0.2)
    car = people.car(rng, site.province, registered=rng.random() < 0.5, brand=site.brand)
    when = _when(rng)
    codes = [c for c, p in NEW_CAR if rng.random() < p]
    if car.plate is None:
        codes = [c for c in codes if c != "vehicle_license"]
    return [build(_doc(c, site, rng, trad, cust, when, car=car)) for c in codes or ["delivery_checklist"]]


def unit_batch(rng: random.Random, site: Site, trad: bool) -> list[Doc]:
    cust = people.customer(rng, site.city, site.area, 0.7)
    where = people.unit_number(rng)
    codes = rng.sample(("move_in", "renovation", "correspondence", "application", "application"), rng.choice((1, 2, 2, 3)))
    when = _when(rng)
    return [build(_doc(c, site, rng, trad, cust, when + timedelta(days=7 * i), unit=where)) for i, c in enumerate(codes)]


def stray(rng: random.Random, site: Site) -> list[Doc]:
    return [_photo_doc(_doc(None, site, rng, False, None, _when(rng)), "unrelated")]
