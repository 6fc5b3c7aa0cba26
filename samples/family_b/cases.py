"""The people, cars, visits and units a generated day of scans is about."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import ids

JOB_DOCS = {
    "minor_repair": ["reception_sheet", "work_order", "settlement", "free_inspection_12"],
    "first_service": ["reception_sheet", "work_order", "settlement", "first_service_card", "free_inspection_12"],
    "maintenance": ["reception_sheet", "work_order", "settlement", "free_inspection_12"],
    "major_repair": ["reception_sheet", "work_order", "settlement", "road_test", "estimate", "free_inspection_12"],
    "warranty_claim": ["reception_sheet", "work_order", "settlement", "parts_invoice", "road_test", "damage_photo",
                       "fault_report", "tool_readings", "free_inspection_12"],
}
MINOR_EXTRAS = ["addon_sheet", "road_test", "loss_assessment", "tool_readings", "estimate"]
NEW_CAR_DOCS = ["customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist",
                "vehicle_license", "insurance_policy", "value_added_services", "conformity_certificate",
                "delivery_photo", "pdi_checklist"]


@dataclass
class Person:
    name: str
    male: bool
    born: date
    id_number: str
    mobile: str
    landline: str
    address: str


@dataclass
class Owner:
    person: Person  # the buyer, or the company's contact person
    company: str | None = None
    credit: str | None = None
    org: str | None = None

    @property
    def display(self) -> str:
        return self.company or self.person.name


@dataclass
class Car:
    vin: str
    plate: str
    prov: str
    brand: str
    model: str
    type_code: str
    colour: str
    engine_no: str
    owner: Owner
    dealer: str
    sales: str
    inspector: str
    price: float
    delivered: date
    cert_no: str


@dataclass
class Visit:
    order_no: str
    job_type: str
    came: date
    left: date
    mileage: int
    advisor: str
    technician: str
    inspector: str
    sender: str  # 送修人: the owner or someone bringing the car
    docs: list[str] = field(default_factory=list)


@dataclass
class Unit:
    key: str
    building: str
    manager: str  # the property company
    tenant: Owner
    staff: str
    area: float
    moved_in: date


def person(rng: random.Random, prov: str) -> Person:
    male = rng.random() < 0.6
    born = date(rng.randint(1960, 2001), rng.randint(1, 12), rng.randint(1, 28))
    city = ids.CITIES.get(prov, "上海市")
    road = rng.choice(("中山路", "人民路", "解放路", "建设路", "长江路", "南京西路", "和平里", "天河路", "科华北路"))
    address = f"{city}{rng.choice(('浦东新区', '朝阳区', '天河区', '鼓楼区', '西湖区', '武侯区', '江汉区', '和平区'))}{road}{rng.randint(1, 999)}号"
    if rng.random() < 0.6:
        address += f"{rng.randint(1, 30)}{rng.randint(1, 4):02d}室"
    return Person(ids.make_name(rng), male, born, ids.make_id(rng, born, male), ids.make_mobile(rng),
                  ids.make_landline(rng, prov), address)


def owner(rng: random.Random, prov: str, company_p: float = 0.2) -> Owner:
    p = person(rng, prov)
    if rng.random() < company_p:
        org = ids.org_code(rng)
        return Owner(p, ids.make_company(rng, ids.CITIES.get(prov, "上海市")[:-1]), ids.credit_code(rng, org), org)
    return Owner(p)


def car(rng: random.Random, after: date | None = None) -> Car:
    plate = ids.make_plate(rng)
    prov = plate[0]
    brand, model, code = rng.choice(ids.BRANDS)
    delivered = after or ids.day(rng)
    return Car(
        vin=ids.make_vin(rng), plate=plate, prov=prov, brand=brand, model=model, type_code=code,
        colour=rng.choice(ids.COLOURS), engine_no="".join(rng.choice("0123456789ABCDEFGHJK") for _ in range(8)),
        owner=owner(rng, prov), dealer=next(d for d in ids.DEALERS if ids.CITIES.get(prov, "上海市")[:2] in d)
        if any(ids.CITIES.get(prov, "上海市")[:2] in d for d in ids.DEALERS) else rng.choice(ids.DEALERS),
        sales=ids.make_name(rng), inspector=ids.make_name(rng), price=rng.randrange(89, 420) * 1000 + rng.choice((0, 500, 800)),
        delivered=delivered, cert_no=f"W{rng.randrange(10**13):013d}",
    )


def order_number(rng: random.Random, d: date) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"WO{d:%Y%m%d}{rng.randrange(1000):03d}"
    if style == 1:
        return f"R{d:%y%m%d}{rng.randrange(10**5):05d}"
    if style == 2:
        return f"SV-{d:%y%m%d}-{rng.randrange(1, 99):03d}"
    return f"{d:%Y%m}{rng.randrange(10**4):04d}"


def visit(rng: random.Random, c: Car, job: str, came: date) -> Visit:
    docs = list(JOB_DOCS[job])
    if job == "minor_repair":
        docs[3:3] = rng.sample(MINOR_EXTRAS, rng.choice((0, 0, 1, 2)))
    mileage = max(300, int((came - c.delivered).days * rng.uniform(25, 60)) + rng.randint(0, 900))
    if job == "first_service":
        mileage = rng.randint(2800, 7500)
    left = came + timedelta(days=0 if job in ("maintenance", "first_service") else rng.choice((0, 1, 2, 3)))
    sender = c.owner.person.name if rng.random() < 0.75 else ids.make_name(rng)
    return Visit(order_number(rng, came), job, came, left, mileage, ids.make_name(rng), ids.make_name(rng),
                 ids.make_name(rng), sender, docs)


def unit(rng: random.Random) -> Unit:
    prov = rng.choice("沪京粤浙")
    tenant = owner(rng, prov, company_p=0.55)
    return Unit(ids.make_unit(rng), rng.choice(ids.BUILDINGS), rng.choice(ids.PROPERTY_COS), tenant, ids.make_name(rng),
                round(rng.uniform(45, 420), 2), ids.day(rng))
