"""A "site": one dealer or property office with its own printed forms (titles, fonts, layout, labels)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import ids
from .wording import (
    APPLICATIONS,
    DEALER_CUSTOMER,
    DEALER_STAFF,
    PROPERTY_CUSTOMER,
    PROPERTY_STAFF,
    SIGN_WORDS,
    TITLES,
)

# Signature-field shapes (samples/family_f/sigfield.py); each site prints a few of them, mostly one.
SHAPES = ("colon_rule", "bare_rule", "below", "cell", "slash_date", "framed", "above", "bracket", "pair", "grid", "after")
PAGE_NUMBERS: tuple[str | None, ...] = (None, None, "第{i}页 共{n}页", "{i}/{n}", "- {i} -", "第{i}页", "Page {i} of {n}")
DEALER_NAMES = ("恒通", "瑞驰", "宝利德", "华晨", "锦江", "中升", "永达", "广物", "申湾", "天润")
PROPERTY_NAMES = ("仲量", "金桥", "世邦", "绿城", "嘉里", "万科", "城建", "新鸿")


@dataclass
class Site:
    kind: str  # "dealer" or "property"
    name: str  # the company printed in headers and on its seal
    brand: str
    wmi: str
    fonts: dict[str, str]
    title_size: float
    title_align: str
    header: str  # "rule", "double", "box", "none"
    prefix: bool  # brand or company in front of the title
    colon: str
    label_style: str  # how party and signing word stand together: 客户签字, 客户（签字）, 客户(签字), 客户 签字
    sign_words: tuple[str, str]
    customer: tuple[str, str]
    staff: dict[str, str]
    shapes: list[str]
    shape_weights: list[float]
    page_numbers: str | None
    form_no: str | None
    ruled: bool
    date_style: str
    hand_fill: bool  # values written by hand (Kai face, pen colour) rather than typed
    seal_shape: str
    unit_style: str
    hant_p: float = 0.05  # share of its forms printed in Traditional characters
    english: bool = False  # an English subtitle under the title
    frame: bool = False  # a rule round the whole page
    shade: bool = False  # label cells tinted grey
    logo: bool = False  # the brand in a box at the top left
    titles: dict[str, str] = field(default_factory=dict)

    def title(self, code: str, rng: random.Random, subject: str | None = None) -> str:
        if code == "application" and subject:
            return self.titles.get("app:" + subject) or APPLICATIONS[subject][0]
        t = self.titles[code]
        if "{topic}" in t:
            from .wording import CORRESPONDENCE_TOPICS
            t = t.format(topic=rng.choice(CORRESPONDENCE_TOPICS))
        return t

    def label(self, party: str, company_side: bool = False, word: str | None = None, second: bool = False) -> str:
        """A signature field's label: party word and signing word in this site's manner."""
        w = word or (("盖章" if self.sign_words[0] != "签章" else "签章") if company_side else self.sign_words[int(second)])
        return {"paren": f"{party}（{w}）", "ascii_paren": f"{party}({w})", "space": f"{party} {w}"}.get(self.label_style, party + w)


def _pick(rng: random.Random, seq: tuple[str, ...] | list[str]) -> str:
    return seq[rng.randrange(len(seq))]


def make_site(rng: random.Random, kind: str) -> Site:
    make = rng.choice(ids.MAKES)
    if kind == "dealer":
        name = f"{rng.choice(ids._CITIES)}{rng.choice(DEALER_NAMES)}{make[1].replace('-', '')}汽车销售服务有限公司"
    else:
        name = f"{rng.choice(ids._CITIES)}{rng.choice(PROPERTY_NAMES)}物业服务有限公司"
    body = _pick(rng, ("sans", "serif", "zenhei", "microhei", "ming", "sans"))
    shapes = rng.sample(SHAPES, 3)
    s = Site(
        kind=kind, name=name, brand=make[1], wmi=make[0],
        fonts={"body": body, "title": _pick(rng, ("bold", "serifb", body, "kai" if rng.random() < 0.2 else "bold")),
               "hand": "kai", "num": _pick(rng, ("mono", body))},
        title_size=rng.uniform(15, 21), title_align=_pick(rng, ("c", "c", "c", "l")),
        header=_pick(rng, ("rule", "double", "box", "none")), prefix=rng.random() < 0.45,
        colon=_pick(rng, ("：", "：", ":", "")), label_style=_pick(rng, ("join", "join", "paren", "ascii_paren", "space")),
        sign_words=(_pick(rng, SIGN_WORDS), _pick(rng, SIGN_WORDS)),
        customer=(_pick(rng, DEALER_CUSTOMER if kind == "dealer" else PROPERTY_CUSTOMER),
                  _pick(rng, DEALER_CUSTOMER if kind == "dealer" else PROPERTY_CUSTOMER)),
        staff=({k: _pick(rng, v) for k, v in DEALER_STAFF.items()} if kind == "dealer"
               else {"office": _pick(rng, PROPERTY_STAFF), "second": _pick(rng, PROPERTY_STAFF)}),
        shapes=shapes, shape_weights=[6.0, 2.5, 1.5],
        page_numbers=PAGE_NUMBERS[rng.randrange(len(PAGE_NUMBERS))],
        form_no=(f"{_pick(rng, ('QR', 'FW', 'KF', 'SH', 'WY'))}-{rng.randint(1, 30):02d}-{rng.randint(1, 9)}"
                 if rng.random() < 0.5 else None),
        ruled=rng.random() < 0.7, date_style=_pick(rng, ("cn", "iso", "slash", "cn")),
        hand_fill=rng.random() < 0.35, seal_shape=_pick(rng, ("round", "round", "oval", "square")),
        unit_style=_pick(rng, ("tower", "block", "floor")),
    )
    s.english = rng.random() < 0.25
    s.hant_p = 0.35 if rng.random() < 0.2 else 0.04  # a few sites (Hong Kong or Taiwan owned) print Traditional forms
    s.frame, s.shade, s.logo = rng.random() < 0.2, rng.random() < 0.3, rng.random() < 0.3
    for code, variants in TITLES.items():
        s.titles[code] = _pick(rng, variants)
    for subject, variants in APPLICATIONS.items():
        s.titles["app:" + subject] = _pick(rng, variants)
    return s
