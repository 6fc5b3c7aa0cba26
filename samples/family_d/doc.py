"""One document being written: its pages, the fields it prints, its signature parties and seal places."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from PIL import Image

from dossier.models import DossierRef, Role

from . import signing
from .people import Car, Customer
from .sheet import Sheet
from .signing import Party
from .sites import Site

TEXT_FIELDS = ("name", "company", "contact", "address", "unit")
# Workshop forms some sites print on A5 across (two to an A4 sheet, or on a dot-matrix printer).
HALF_SHEETS = {"reception_sheet", "settlement", "addon_sheet", "estimate", "road_test"}
JOBS = {"minor_repair": "小修", "first_service": "首保", "maintenance": "保养", "major_repair": "大修",
        "warranty_claim": "索赔"}


@dataclass
class SealSpot:
    page: int
    centre: tuple[int, int]
    shape: str  # round, oval, square
    text: str  # the ring text (a company) or the name on a square seal
    middle: str = ""


@dataclass
class Doc:
    code: str | None
    site: Site
    rng: random.Random
    hant: bool
    cust: Customer | None
    when: date
    car: Car | None = None
    unit: str | None = None
    visit: str | None = None
    job: str | None = None
    title: str | None = None
    staff_name: str = ""  # the consultant or advisor, printed by name on some forms
    pages: list[Sheet] = field(default_factory=list)
    photos: list[Image.Image] = field(default_factory=list)  # pages that are pictures, not printed forms
    photo_text: list[str] = field(default_factory=list)  # the words a picture shows
    fields: dict[str, str] = field(default_factory=dict)
    seals: list[SealSpot] = field(default_factory=list)

    @property
    def dossier(self) -> DossierRef | None:
        if self.car is not None:
            return DossierRef(kind="car", key=self.car.vin)
        if self.unit is not None:
            return DossierRef(kind="unit", key=self.unit)
        return None

    def sheet(self) -> Sheet:
        paper = (210.0, 148.0) if self.site.half_sheets and self.code in HALF_SHEETS else (210.0, 297.0)
        sh = Sheet(self.site.dpi, self.hant, self.site.body, self.site.title_face, self.rng, paper)
        self.pages.append(sh)
        return sh

    def kv(self, label: str, key: str | None, shown: str, truth: str | None = None) -> tuple[str, str]:
        """A printed label/value pair; the value is also a truth field when `key` names one."""
        if key and shown and key not in self.fields:
            value = truth if truth is not None else shown
            self.fields[key] = self.pages[-1].s(value) if key in TEXT_FIELDS else value
        return label, shown

    def date_kv(self, label: str, d: date, main: bool = True) -> tuple[str, str]:
        return self.kv(label, "date" if main else None, self.site.date(d), d.isoformat())

    def amount_kv(self, label: str, amount: float) -> tuple[str, str]:
        shown = self.rng.choice((f"¥{amount:,.2f}", f"{amount:.2f}元", f"{amount:.2f}", f"￥{amount:.2f}"))
        return self.kv(label, "amount", shown, f"{amount:.2f}")

    def mobile_kv(self, label: str = "手机") -> tuple[str, str]:
        assert self.cust is not None
        m = self.cust.mobile
        shown = self.rng.choice((m, f"{m[:3]} {m[3:7]} {m[7:]}", f"{m[:3]}-{m[3:7]}-{m[7:]}"))
        return self.kv(label, "mobile", shown, m)

    def who_kv(self, person_label: str = "客户姓名", company_label: str = "单位名称") -> list[tuple[str, str]]:
        """The customer: a company with its contact person, or a person."""
        assert self.cust is not None
        if self.cust.company:
            return [self.kv(company_label, "company", self.cust.company),
                    self.kv("联系人", "contact", self.cust.contact or self.cust.name)]
        return [self.kv(person_label, "name", self.cust.name)]

    def job_kv(self, label: str = "维修类别") -> tuple[str, str]:
        assert self.job
        return self.kv(label, "job_type", JOBS[self.job], self.job)

    def party(self, role: Role, pool: tuple[str, ...], slot: str = "", word: str | None = None) -> Party:
        """The site's label for this form's party (stable per site and form), the customer's hand for his."""
        key = f"{self.code}:{role}:{slot}"
        if key not in self.site.labels:
            self.site.labels[key] = signing.label(self.rng, self.rng.choice(pool), word, staff=role == "staff")
        writer = self.cust.writer if role == "customer" and self.cust else None
        return Party(role, self.site.labels[key], writer)

    def sign(self, parties: list[Party], at_bottom: bool = True, dated: bool | None = None) -> None:
        """The site's signature area on the current page."""
        sh = self.pages[-1]
        shape = self.rng.choice(self.site.shapes)
        arrangement = self.site.arrangement
        if arrangement == "cells":
            shape = "cell"
        if shape == "cell" and arrangement == "stack":
            arrangement = "row"
        dated = self.rng.random() < 0.4 if dated is None else dated
        if sh.y + signing.height(sh, parties, arrangement, shape, self.site.colon, dated) > sh.h - sh.mm(14):
            sh = self.sheet()  # no room left: the fields go on a page of their own
            sh.y += sh.mm(10)
        if not (at_bottom and self.site.sign_at_foot):
            sh.y += sh.mm(self.rng.uniform(4, 12))
        signing.foot(sh, parties, "stack" if arrangement == "stack" else "row", shape, self.site.colon, dated,
                     self.site.date(self.when), at_bottom=at_bottom and self.site.sign_at_foot)

    def seal(self, shape: str, text: str, middle: str = "", near: tuple[int, int] | None = None) -> None:
        """A seal on the current page, by default over the last staff field (where stamps land)."""
        sh = self.pages[-1]
        if near is None:
            staff = [s for s in sh.slots if s.role == "staff"]
            if staff:
                b = staff[-1].box
                near = ((b[0] + b[2]) // 2 + self.rng.randint(-40, 40), (b[1] + b[3]) // 2 + self.rng.randint(-30, 20))
            else:
                near = (int(sh.right - sh.mm(35)), int(min(sh.y, sh.h - sh.mm(40))))
        self.seals.append(SealSpot(len(self.pages) - 1, near, shape, text, middle))
