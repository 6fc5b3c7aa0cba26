"""The message catalogue: every entry in both languages with the same placeholders, every id the code names is
there, every entry is used, and `--lang` picks the language of what a clerk reads."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

import pytest
from pydantic import ValidationError

import dossier
from dossier import cli
from dossier.messages import ID, Catalogue, Message, catalogue, part, text
from dossier.models import DocumentResult, ItemStatus
from dossier.policy import SigningRole

ROOT = Path(dossier.__file__).parent
CALLS = {"text", "pair", "part", "_say", "say"}  # functions whose first message-id argument is checked


def _sources() -> list[Path]:
    # dossier/ holds links to the owner's folders (ingest, classify, ...): rglob does not follow them.
    out = list(ROOT.glob("*.py"))
    for sub in ROOT.iterdir():
        if sub.is_dir() and (sub / "__init__.py").exists():
            out += sub.resolve().rglob("*.py")
    return out


def _ids_in(tree: ast.AST) -> tuple[set[str], set[str]]:
    """(ids named whole, prefixes of ids built with an f-string) in one module."""
    whole, prefixes = set(), set()

    def take(node: ast.expr, built: bool = True) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and ID.fullmatch(node.value):
            whole.add(node.value)
        elif built and isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            prefixes.add(str(node.values[0].value))

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in CALLS:
                args = [a for a in node.args if not isinstance(a, ast.Starred)]
                if name in ("_say",) and len(args) > 1:
                    take(args[1])
                elif args:
                    take(args[0])
            for kw in node.keywords:
                if kw.arg == "msg":
                    take(kw.value)
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in ("msg", "invalid", "UNASSIGNED")
                                                  for t in node.targets):
            take(node.value, built=False)
        elif isinstance(node, ast.Return) and node.value is not None:
            take(node.value, built=False)  # a table returning ids (ingest/detect.py: what a file's bytes look like)
    return whole, prefixes


def _used() -> tuple[set[str], set[str]]:
    whole: set[str] = set()
    prefixes: set[str] = set()
    for path in _sources():
        w, p = _ids_in(ast.parse(path.read_text(encoding="utf-8")))
        whole |= w
        prefixes |= p
    return whole, prefixes


def test_every_id_the_code_names_is_in_the_catalogue() -> None:
    whole, prefixes = _used()
    assert len(whole) > 150
    assert sorted(whole - set(catalogue())) == []
    for prefix in prefixes:
        assert any(k.startswith(prefix) for k in catalogue()), prefix


def test_every_catalogue_entry_is_used() -> None:
    whole, prefixes = _used()
    unused = [k for k in catalogue() if k not in whole and not any(k.startswith(p) for p in prefixes)]
    assert unused == []


def test_names_built_from_values_have_an_entry_for_every_value() -> None:
    statuses = get_args(DocumentResult.model_fields["status"].annotation)
    for prefix, values in (("status", statuses), ("item", get_args(ItemStatus)), ("role", get_args(SigningRole))):
        assert values and all(f"{prefix}.{v}" in catalogue() for v in values), prefix


@pytest.mark.parametrize("entry, words", [
    ({"zh": "第 {page} 页", "en": "page {n}"}, "placeholders differ"),
    ({"zh": "第 {page} 页"}, "en"),
    ({"zh": "", "en": "page"}, "empty"),
    ({"zh": "页", "en": "page", "fr": "page"}, "fr"),
])
def test_a_bad_entry_is_refused(entry: dict[str, str], words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        Message.model_validate(entry)


def test_ids_are_area_dot_name() -> None:
    with pytest.raises(ValidationError, match="area.name"):
        Catalogue.model_validate({"NoArea": {"zh": "页", "en": "page"}})


def test_one_text_three_ways() -> None:
    assert text("pdf.render", "zh", page=3) == "第 3 页无法渲染"
    assert text("pdf.render", "en", page=3) == "page 3 could not be rendered"
    assert text("pdf.render", page=3) == "第 3 页无法渲染 / page 3 could not be rendered"  # as errors store it


def test_a_part_is_in_the_language_of_the_whole() -> None:
    role, more = part("role.staff"), part("signature.unknown_beside", unknown=2)
    assert text("signature.missing", "zh", role=role, more="") == "未找到员工签字栏"
    assert text("signature.missing", "en", role=role, more=more) == ("no staff signature field found"
                                                                     " (2 field(s) of an unknown party found)")
    # both: each language whole, not "员工 / staff" inside each
    assert text("signature.missing", role=role, more=more) == ("未找到员工签字栏（另有2个身份不明的签字栏） / "
                                                               "no staff signature field found (2 field(s) of an unknown party found)")


def test_lang_picks_the_language_of_what_is_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    for var in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL"):
        monkeypatch.delenv(var, raising=False)
    home = str(tmp_path / "home")
    said = {}
    for lang in ([], ["--lang", "zh"], ["--lang", "en"]):
        assert cli.main(["report", "review", "--home", home, *lang]) == 0
        said[tuple(lang)] = capsys.readouterr().out.strip()
    assert said[()] == "没有待复核的文件 / no document waits for review"  # unchanged unless a language is chosen
    assert said[("--lang", "zh")] == "没有待复核的文件"
    assert said[("--lang", "en")] == "no document waits for review"
