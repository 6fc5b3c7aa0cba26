"""The SQLite FTS5 backend's own behaviour: caller-owned transactions, schema upkeep, ranking window."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from search.base import IndexDoc, SearchBackend
from search.fts import FtsIndex
from search.tokenize import index_tokens, parse_query

VIN = "LSVAA4182E2123456"
VIN2 = "LFV3A28K8N3456789"
PLATE = "沪A12345"
ID_NUMBER = "31010419800101123X"


class Backend:
    """A backend under test and how to make its writes visible."""

    def __init__(self, index: SearchBackend, commit: Callable[[], None]) -> None:
        self.index, self.commit = index, commit

    def add(self, *docs: IndexDoc) -> None:
        for d in docs:
            self.index.index(d)
        self.commit()

    def ids(self, query: str, **kw: object) -> list[int]:
        return [h.id for h in self.index.search(query, **kw)]  # type: ignore[arg-type]


def doc(id: int, text: str, **kw: object) -> IndexDoc:
    return IndexDoc.model_validate({"id": id, "source": f"scan/{id}.pdf", "text": text, **kw})


CHECKLIST = doc(1, "交车检查表\n车架号：LSVAA4182E2123456  车牌号：沪A·12345\n随车工具 √  备胎 √\n客户签字：张三",
                doc_type="delivery_checklist", dossier_kind="car", dossier_key=VIN,
                fields={"vin": VIN, "plate": PLATE, "date": "2024-03-05"})
CONTRACT = doc(2, "汽车销售合同\n出卖人应按约定时间交付车辆，买受人应支付车辆价款。\n买受人签字：李四",
               doc_type="sales_contract", dossier_kind="car", dossier_key=VIN2, fields={"vin": VIN2})
INVOICE = doc(3, "机动车销售统一发票\n发票代码 131001920011  发票号码 04512345\n购买方 张三 身份证号码 31010419800101123X",
              doc_type="purchase_invoice", dossier_kind="car", dossier_key=VIN,
              fields={"vin": VIN, "invoice_code": "131001920011", "invoice_number": "04512345", "id_number": ID_NUMBER})
TRADITIONAL = doc(4, "交車檢查表\n車輛外觀 內飾 隨車工具\n客戶簽字", doc_type="delivery_checklist")
UNIT = doc(5, "二次装修申请表\n单元号：A座1203  租户：上海恒通贸易有限公司\n装修期限：三十天", doc_type="renovation",
           dossier_kind="unit", dossier_key="A座1203", fields={"unit": "A座1203"})
ALL = (CHECKLIST, CONTRACT, INVOICE, TRADITIONAL, UNIT)


# The query contract (Chinese text, keys, filters, snippets, hostile input) is in
# tests/test_search_contract.py, run against every backend. Here: what is particular to FTS5.


def test_backend_follows_the_protocol(tmp_path: Path) -> None:
    assert isinstance(FtsIndex(sqlite3.connect(tmp_path / "x.sqlite3")), SearchBackend)


def test_index_does_not_commit_and_rollback_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    conn = sqlite3.connect(path)
    index = FtsIndex(conn)
    index.ensure_schema()
    conn.commit()
    conn.execute("CREATE TABLE record (id INTEGER PRIMARY KEY)")
    conn.execute("INSERT INTO record VALUES (1)")
    index.index(CHECKLIST)
    other = sqlite3.connect(path)
    assert FtsIndex(other).count() == 0  # not committed: another connection sees nothing yet
    conn.rollback()
    assert index.count() == 0
    assert index.search("交车") == [] and index.search(VIN) == []
    assert conn.execute("SELECT count(*) FROM record").fetchone()[0] == 0

    conn.execute("INSERT INTO record VALUES (1)")
    index.index(CHECKLIST)
    conn.commit()
    assert [h.id for h in FtsIndex(other).search("交车")] == [1]
    index.delete(1)
    conn.rollback()  # a rolled-back delete keeps the document
    assert [h.id for h in index.search("交车")] == [1]


def test_ensure_schema_is_idempotent_and_rebuilds_after_tokenizer_change(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "s.sqlite3")
    index = FtsIndex(conn)
    index.ensure_schema()
    index.ensure_schema()
    for d in ALL:
        index.index(d)
    conn.execute("UPDATE search_meta SET value = 'old' WHERE name = 'tokens'")
    conn.commit()
    index.ensure_schema()
    conn.commit()
    assert [h.id for h in index.search("交车检查")] == [1]
    index.delete(1)  # deletes recompute tokens: they must match what the rebuild stored
    conn.commit()
    assert index.search("交车检查") == []
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")


def test_token_streams() -> None:
    bigrams, unigrams = index_tokens("交车检查表 VIN：ＬＳＶ１２ 沪A·12345，好")
    assert bigrams.split() == ["交车", "车检", "检查", "查表", "vin", "lsv12", "沪", "a12345", "好"]
    assert unigrams.split() == ["交", "车", "检", "查", "表", "vin", "lsv12", "沪", "a12345", "好"]
    (term,) = parse_query("沪A12345")
    assert term.column == "unigram" and term.key == "沪A12345" and term.prefix


def test_fts_ranks_very_common_queries_among_the_newest_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("search.fts.RANK_WINDOW", 10)
    conn = sqlite3.connect(":memory:")
    b = Backend(FtsIndex(conn), conn.commit)
    FtsIndex(conn).ensure_schema()
    b.add(doc(1, "交车 交车 交车"), *(doc(i, f"交车检查表，第{i}号，客户签字确认，随车工具齐全") for i in range(2, 41)))
    assert b.ids("交车", limit=3)[0] != 1  # the best match is older than the 10 newest matches
    assert set(b.ids("交车", limit=20)) == set(range(21, 41))  # the window is never smaller than the limit
    assert set(b.ids("交车", limit=50)) == set(range(1, 41))
