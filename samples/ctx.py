"""What one document template needs: the subject's data, the chosen script and title, and the truth it records."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from dossier.classify.hanzi import script_of
from dossier.policy import DocType, JobType
from dossier.samples.content import CarFile, UnitFile, Visit, fmt_date, fmt_landline, fmt_mobile, money
from dossier.samples.render import Sheet


def fits(text: str, hant: bool) -> bool:
    """A title or label fits a page's script if it has no character of the other script."""
    return script_of(text) in ("neutral", "hant" if hant else "hans")


@dataclass
class Ctx:
    rng: random.Random
    spec: DocType
    hant: bool
    title: str = ""
    car: CarFile | None = None
    visit: Visit | None = None
    unit: UnitFile | None = None
    job_types: dict[str, JobType] = field(default_factory=dict)
    hand: bool = False  # values filled in by hand on this copy
    fields: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.title:
            self.choose_title()

    # -- choosing printed variants ------------------------------------------------------------
    def choose_title(self, keep: Callable[[str], bool] = lambda t: True) -> str:
        options = [t for t in self.spec.titles if keep(t)] or list(self.spec.titles)
        matching = [t for t in options if fits(t, self.hant)] or options
        self.title = self.rng.choice(matching)
        return self.title

    def label(self, role: str) -> str:
        for rule in self.spec.signatures:
            if rule.role == role:
                return self.rng.choice([x for x in rule.labels if fits(x, self.hant)] or rule.labels)
        raise KeyError(role)

    def slots(self) -> list[tuple[str, str]]:
        return [(r.role, self.label(r.role)) for r in self.spec.signatures]

    def job_word(self) -> str:
        assert self.visit
        words = self.job_types[self.visit.job_type].words
        self.fields["job_type"] = self.visit.job_type
        return self.rng.choice([w for w in words if fits(w, self.hant)] or words)

    # -- values that go into the truth as well as onto the page ---------------------------------
    def f(self, key: str, value: str) -> str:
        self.fields[key] = value
        return value

    def date(self, d: date, key: str = "date") -> str:
        self.fields[key] = d.isoformat()
        return fmt_date(self.rng, d)

    def amount(self, x: float, key: str = "amount", sign: bool = True) -> str:
        self.fields[key] = f"{x:.2f}"
        return money(x, sign)

    def mobile(self, m: str) -> str:
        self.fields["mobile"] = m
        return fmt_mobile(self.rng, m)

    def phone(self, p: str) -> str:
        self.fields["landline"] = p
        return fmt_landline(self.rng, p)

    def customer(self) -> str:
        """The car's buyer as printed, recorded as the extractor names it: `company` or a person's `name`."""
        assert self.car
        cf = self.car
        return self.f("company", cf.company) if cf.company else self.f("name", cf.owner.name)

    # -- shared page furniture -------------------------------------------------------------------
    def header(self, s: Sheet, org: str, points: float = 20) -> None:
        """Organisation name in a modest serif, then the document title large below it."""
        if org:
            s.text(s.w // 2, s.y, org, kind="serif", points=12, anchor="mt")
            s.gap(8)
        s.title(self.title, points=points, underline=self.rng.random() < 0.3)

    def signatures(self, s: Sheet, date_line: bool | None = None) -> None:
        if self.spec.signatures:
            s.signatures(self.slots(), date_line=self.rng.random() < 0.5 if date_line is None else date_line)
