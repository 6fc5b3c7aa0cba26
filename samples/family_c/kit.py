"""What every form builder shares: the document being made, its truth fields, titles per site, formats."""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, field
from datetime import date

from dossier.samples.family_c.hant import to_hant
from dossier.samples.family_c.page import Flow, Look, SealSpot, fmt_date
from dossier.samples.family_c.world import Car, Customer, Person, Site

TEXT_FIELDS = {"name", "company", "contact", "address"}  # truth as printed, so Traditional on a Traditional page


@dataclass
class Visit:
    number: str  # the work order's number: the visit's key
    job: str  # job type code
    advisor: Person
    tech: Person
    day: date
    mileage: int


@dataclass
class Ctx:
    """One document to make: who, what, where and when."""

    rng: random.Random
    site: Site
    look: Look
    cust: Customer
    day: date
    dpi: int
    hant: bool
    car: Car | None = None
    visit: Visit | None = None
    unit: str | None = None


@dataclass
class Doc:
    ctx: Ctx
    flow: Flow
    code: str | None
    title: str | None = None
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def rng(self) -> random.Random:
        return self.ctx.rng

    def shown(self, name: str, value: str, truth: str | None = None) -> str:
        """Record a field the page prints; returns the value to print."""
        t = truth if truth is not None else value
        self.fields[name] = to_hant(t) if self.ctx.hant and name in TEXT_FIELDS else t
        return value

    def date(self, d: date | None = None) -> str:
        d = d or self.ctx.day
        self.fields["date"] = d.isoformat()
        return fmt_date(d, self.ctx.look.date_style)

    def amount(self, v: float) -> str:
        self.fields["amount"] = f"{v:.2f}"
        return self.rng.choice((f"¥{v:,.2f}", f"{v:.2f}元", f"{v:.2f}", f"￥{v:.2f}"))

    def mobile(self, m: str) -> str:
        self.fields["mobile"] = m
        return self.rng.choice((m, f"{m[:3]}-{m[3:7]}-{m[7:]}", f"{m[:3]} {m[3:7]} {m[7:]}"))

    def seal(self, shape: str, at: tuple[float, float], text: str | None = None, middle: str = "",
             page: int | None = None) -> None:
        self.flow.seals.append(SealSpot(len(self.flow.pages) - 1 if page is None else page, (int(at[0]), int(at[1])), shape,
                                        text or self.ctx.site.name, middle))

    def head(self, title: str, number: str | None = None, right: str | None = None, issuer: str | None = None) -> None:
        """The title block; `issuer` "" for papers another body printed (no dealer's name above them)."""
        self.title = self.flow.page.script(title)
        self.flow.head(title, self.ctx.site.name if issuer is None else issuer, number, right)

    def who(self, person_word: str = "客户姓名", company_word: str = "单位名称") -> list[tuple[str, str]]:
        """The customer's name (or company and contact) as pairs to print."""
        c = self.ctx.cust
        if c.company:
            return [(company_word, self.shown("company", c.company)), ("联系人", self.shown("contact", c.contact.name))]
        return [(person_word, self.shown("name", c.contact.name))]


def centre(box: tuple[int, int, int, int]) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def pick_title(site: Site, code: str, variants: tuple[str, ...], extra: str = "") -> str:
    """A site always prints the same title for one form: chosen by the site's name, not by the document."""
    k = zlib.crc32(f"{site.name}|{code}|{extra}".encode())
    title = variants[k % len(variants)]
    brand = site.brand.split("|")[-1]
    return title.replace("{short}", site.short).replace("{brand}", brand)


def site_number(site: Site, prefix_choices: tuple[str, ...], rng: random.Random, day: date) -> str:
    prefix = prefix_choices[zlib.crc32(site.name.encode()) % len(prefix_choices)]
    return f"{prefix}{day:%Y%m%d}{rng.randint(1, 999):03d}" if rng.random() < 0.7 else f"{prefix}{day:%y%m}{rng.randint(1, 99999):05d}"
