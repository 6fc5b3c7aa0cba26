"""The one catalogue of user-facing text: `dossier/messages.yaml`, message id -> {zh, en[, both]}.

`text(id, lang, **params)` gives the Chinese (`zh`), the English (`en`), or with `lang=None` both as
errors, logs and stored reasons show them: "中文 / English" (or the entry's own `both` layout where a line
mixes the two word by word). Ids are `area.name`; a new area is new entries in the YAML, no code.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from pydantic import BaseModel, ConfigDict, RootModel, model_validator

CATALOGUE = Path(__file__).parent / "messages.yaml"
ID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")


def placeholders(template: str) -> set[str]:
    """The `{names}` a template fills in."""
    return {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str
    en: str
    both: str | None = None  # the bilingual layout, when it is not "zh / en"

    @model_validator(mode="after")
    def _same_placeholders(self) -> Message:
        forms = [self.zh, self.en] + ([self.both] if self.both is not None else [])
        if len({frozenset(placeholders(f)) for f in forms}) > 1:
            raise ValueError(f"placeholders differ between the languages: {forms}")
        if not (self.zh.strip() and self.en.strip()):
            raise ValueError("zh and en may not be empty")
        return self

    def get(self, lang: str | None) -> str:
        if lang == "zh":
            return self.zh
        if lang == "en":
            return self.en
        return self.both if self.both is not None else f"{self.zh} / {self.en}"


class Catalogue(RootModel[dict[str, Message]]):
    @model_validator(mode="after")
    def _ids(self) -> Catalogue:
        bad = [k for k in self.root if not ID.fullmatch(k)]
        if bad:
            raise ValueError(f"message ids are area.name in lower case: {bad}")
        return self


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Message]:
    return Catalogue.model_validate(yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))).root


class Part(NamedTuple):
    """A message filling another's placeholder, in the language of the whole (a role's name in a sentence)."""

    msg_id: str
    params: dict[str, Any]


def part(msg_id: str, /, **params: Any) -> Part:
    """Message `msg_id` as a placeholder's value: `text` gives it in the same language as the message around it."""
    return Part(msg_id, params)


def text(msg_id: str, lang: str | None = None, /, **params: Any) -> str:
    """Message `msg_id` in `lang` ("zh", "en", None = both), its `{placeholders}` filled from `params`."""
    message = catalogue()[msg_id]
    if lang is None and message.both is None and any(isinstance(v, Part) for v in params.values()):
        # Each language with its own parts: "未找到客户签字栏 / no customer signature field found".
        return f"{text(msg_id, 'zh', **params)} / {text(msg_id, 'en', **params)}"
    filled = {k: text(v.msg_id, lang, **v.params) if isinstance(v, Part) else v for k, v in params.items()}
    return message.get(lang).format(**filled)


def pair(msg_id: str, /, **params: Any) -> tuple[str, str]:
    """The Chinese and the English of `msg_id`, filled in (for DossierError's zh and en)."""
    return text(msg_id, "zh", **params), text(msg_id, "en", **params)
