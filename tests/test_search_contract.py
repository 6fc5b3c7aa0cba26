"""The search contract (search/tokenize.py), held against every backend: SQLite FTS5 always, OpenSearch when
OPENSEARCH_URL is set (`eval "$(make -s services-up)"` starts one on loopback), else skipped.

Every test takes the `backend` fixture and runs once per backend, with the same expectations.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from opensearchpy import OpenSearch

from dossier.config import Settings
from dossier.models import DossierRef, StoredDocument
from dossier.search.backend import open_backend
from dossier.search.base import EXACT_DOSSIER_BOOST, IndexDoc, SearchBackend
from dossier.search.fts import FtsIndex
from dossier.search.opensearch import OpenSearchIndex, connect

OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL")
_names = itertools.count()

VIN = "LSVAA4182E2123456"
VIN2 = "LFV3A28K8N3456789"
PLATE = "沪A12345"
ID_NUMBER = "31010419800101123X"


class Backend:
    """A backend under test and how to make its writes visible (commit for FTS5, refresh for OpenSearch)."""

    def __init__(self, index: SearchBackend, commit: Callable[[], None]) -> None:
        self.index, self.commit = index, commit

    def add(self, *docs: IndexDoc) -> None:
        for d in docs:
            self.index.index(d)
        self.commit()

    def ids(self, query: str, **kw: object) -> list[int]:
        return [h.id for h in self.index.search(query, **kw)]  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def opensearch_client() -> OpenSearch:
    if not OPENSEARCH_URL:
        pytest.skip("OPENSEARCH_URL is not set: eval \"$(make -s services-up)\" starts OpenSearch on loopback")
    client = connect(OPENSEARCH_URL)
    client.info()  # set but unreachable is a failure, not a skip
    return client


@pytest.fixture
def opensearch_index(opensearch_client: OpenSearch) -> Iterator[OpenSearchIndex]:
    index = OpenSearchIndex(opensearch_client, f"dossier-test-{os.getpid()}-{next(_names)}")
    index.ensure_schema()
    yield index
    index.drop()


@pytest.fixture(params=["fts", "opensearch"])
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    if request.param == "fts":
        conn = sqlite3.connect(":memory:")
        fts = FtsIndex(conn)
        fts.ensure_schema()
        conn.commit()
        yield Backend(fts, conn.commit)
        conn.close()
    else:
        remote = request.getfixturevalue("opensearch_index")
        yield Backend(remote, remote.refresh)


def doc(id: int, text: str, **kw: object) -> IndexDoc:
    return IndexDoc.model_validate({"id": id, "source": f"scan/{id}.pdf", "text": text, **kw})


CHECKLIST = doc(1, "交车检查表\n车架号：LSVAA4182E2123456  车牌号：沪A·12345\n随车工具 √  备胎 √\n客户签字：张三",
                doc_type="delivery_checklist", dossier_kind="car", dossier_key=VIN,
                fields={"vin": VIN, "plate": PLATE, "date": "2024-03-05"}, doc_date="2024-03-05")
CONTRACT = doc(2, "汽车销售合同\n出卖人应按约定时间交付车辆，买受人应支付车辆价款。\n买受人签字：李四",
               doc_type="sales_contract", dossier_kind="car", dossier_key=VIN2, fields={"vin": VIN2},
               doc_date="2024-03-01")
INVOICE = doc(3, "机动车销售统一发票\n发票代码 131001920011  发票号码 04512345\n购买方 张三 身份证号码 31010419800101123X",
              doc_type="purchase_invoice", dossier_kind="car", dossier_key=VIN,
              fields={"vin": VIN, "invoice_code": "131001920011", "invoice_number": "04512345", "id_number": ID_NUMBER},
              doc_date="2024-03-10")
TRADITIONAL = doc(4, "交車檢查表\n車輛外觀 內飾 隨車工具\n客戶簽字", doc_type="delivery_checklist")
UNIT = doc(5, "二次装修申请表\n单元号：A座1203  租户：上海恒通贸易有限公司\n装修期限：三十天", doc_type="renovation",
           dossier_kind="unit", dossier_key="A座1203", fields={"unit": "A座1203"}, doc_date="2024-04-01")
ALL = (CHECKLIST, CONTRACT, INVOICE, TRADITIONAL, UNIT)


@pytest.fixture
def filled(backend: Backend) -> Backend:
    backend.add(*ALL)
    return backend


def test_backend_follows_the_protocol(backend: Backend) -> None:
    assert isinstance(backend.index, SearchBackend)


# -- Chinese text ----------------------------------------------------------------------------------


def test_one_character_query_finds_every_document_with_that_character(filled: Backend) -> None:
    assert set(filled.ids("交")) == {1, 2, 4}  # 交车, 交付, 交車
    assert set(filled.ids("表")) == {1, 4, 5}  # the last character of a run is found too
    assert filled.ids("鑫") == []


def test_two_and_four_character_queries_match_as_phrases(filled: Backend) -> None:
    assert set(filled.ids("签字")) == {1, 2, 4}  # 簽字 too: scripts fold
    assert set(filled.ids("交车")) == {1, 4}  # 交付车辆 has 交 and 车, but not 交车 (交車 has)
    assert set(filled.ids("交车检查")) == {1, 4}
    assert filled.ids("车检交") == []
    assert filled.ids("检查表交车") == []  # both bigram sets present, not in this order


def test_phrase_needs_adjacent_characters(backend: Backend) -> None:
    backend.add(doc(1, "本车已交付客户"), doc(2, "交车日期"))
    assert backend.ids("交车") == [2]
    assert set(backend.ids("交")) == {1, 2}


def test_ocr_spaces_and_line_breaks_inside_chinese_are_ignored(backend: Backend) -> None:
    backend.add(doc(1, "交 车 检 查 表"), doc(2, "请于交车\n检查后签字"))
    assert set(backend.ids("交车检查")) == {1, 2}


def test_several_terms_must_all_match(filled: Backend) -> None:
    assert filled.ids("交车 张三") == [1]
    assert set(filled.ids("销售 张三")) == {3}
    assert filled.ids("交车 李四") == []


def test_quoted_phrase_is_one_term(filled: Backend) -> None:
    assert set(filled.ids('"随车 工具"')) == {1, 4}  # whitespace inside quotes between Chinese is ignored
    assert filled.ids("“车辆价款”") == [2]  # Chinese quotation marks work too
    assert filled.ids('"工具 随车"') == []


def test_simplified_and_traditional_find_each_other(filled: Backend) -> None:
    assert set(filled.ids("車輛")) == {2, 4}  # 车辆 in the contract, 車輛 in the Traditional checklist
    assert set(filled.ids("车辆")) == {2, 4}
    assert set(filled.ids("交車")) == set(filled.ids("交车")) == {1, 4}
    assert set(filled.ids("隨車工具")) == {1, 4}
    assert filled.ids("客戶簽字 外觀") == [4]  # every term folded, AND still holds
    assert filled.ids("車輛 張三") == []


def test_snippets_keep_the_documents_own_script(filled: Backend) -> None:
    by_id = {h.id: h.snippet for h in filled.index.search("车辆")}
    assert "【車輛】" in by_id[4] and "车辆" not in by_id[4]
    by_id = {h.id: h.snippet for h in filled.index.search("車輛")}
    assert "【车辆】" in by_id[2] and "車輛" not in by_id[2]


def test_mixed_script_text_and_offsets_after_normalisation(backend: Backend) -> None:
    # Full-width letters, a middle dot and Traditional characters in one document: the snippet marks
    # the raw characters however the query is written.
    backend.add(doc(1, "檢驗報告：ＶＩＮ·ＬＳＶ１２，車辆已驗收"))
    (hit,) = backend.index.search("车辆 已验收")
    assert "【車辆已驗收】" in hit.snippet or ("【車辆】" in hit.snippet and "【已驗收】" in hit.snippet)
    assert [h.id for h in backend.index.search("檢驗报告")] == [1]


def test_full_width_latin_and_digits_are_half_width(backend: Backend) -> None:
    backend.add(doc(1, "新车ＰＤＩ检查表 编号：Ｎｏ．２０２４"))
    assert backend.ids("pdi") == [1]
    assert backend.ids("PDI检查表") == [1]
    assert backend.ids("２０２４") == [1]
    assert backend.ids("2024") == [1]


def test_extracted_field_values_are_searchable_text(backend: Backend) -> None:
    backend.add(doc(1, "发票（OCR 看不清号码）", fields={"buyer": "恒通贸易"}))
    assert backend.ids("恒通") == [1]


# -- exact keys ----------------------------------------------------------------------------------


@pytest.mark.parametrize("query", [VIN, VIN.lower(), "ＬＳＶＡＡ４１８２Ｅ２１２３４５６", f" {VIN} "])
def test_vin_matches_documents_whose_field_equals_it(filled: Backend, query: str) -> None:
    hits = filled.index.search(query)
    assert sorted(h.id for h in hits) == [1, 3]
    assert all(h.score >= EXACT_DOSSIER_BOOST for h in hits)


@pytest.mark.parametrize("query", ["沪A12345", "沪a12345", "沪Ａ１２３４５", "沪A·12345"])
def test_plate_matches_exactly_in_any_width_and_case(filled: Backend, query: str) -> None:
    assert filled.ids(query) == [1]


@pytest.mark.parametrize("query", [ID_NUMBER, ID_NUMBER.lower(), "04512345", "131001920011", "１３１００１９２００１１"])
def test_id_and_invoice_numbers_match_exactly(filled: Backend, query: str) -> None:
    assert filled.ids(query) == [3]


def test_unit_number_is_a_key(filled: Backend) -> None:
    assert filled.ids("A座1203") == [5]
    assert filled.ids("a座1203") == [5]


def test_exact_key_ranks_above_text_mentions(backend: Backend) -> None:
    backend.add(
        doc(1, f"往来函：关于车架号 {VIN} 的车辆，特此函告。"),  # mentions the VIN, no extracted field
        doc(2, "交车照片", dossier_kind="car", dossier_key=VIN),  # filed under the VIN
        doc(3, f"行驶证 车辆识别代号 {VIN}", fields={"vin": VIN}),  # the extracted field
        doc(4, "行驶证 车辆识别代号 LSVAA4182E2123457", fields={"vin": "LSVAA4182E2123457"}),  # one character off
    )
    hits = backend.index.search(VIN.lower())
    assert [h.id for h in hits] == [3, 2, 1]
    assert hits[0].score > hits[1].score > hits[2].score
    assert hits[1].score >= EXACT_DOSSIER_BOOST > hits[2].score


def test_key_prefix_finds_partial_numbers(filled: Backend) -> None:
    assert set(filled.ids(VIN[:8])) == {1, 3}
    assert filled.ids("沪A123") == [1]
    assert filled.ids("0451") == [3]


def test_prefix_finds_every_word_it_starts(backend: Backend) -> None:
    # More distinct completions than a search engine expands by default (50): none may be dropped.
    backend.add(*(doc(i, f"工单 WO{i:05d}7 维修") for i in range(1, 81)), doc(81, "工单 WX000017"))
    assert set(backend.ids("wo000", limit=100)) == set(range(1, 81))
    assert set(backend.ids("工单 wo0", limit=100)) == set(range(1, 81))
    assert backend.ids('"wo000"') == []  # quoted: a whole word, not a prefix


def test_key_and_text_terms_combine(filled: Backend) -> None:
    assert filled.ids(f"{VIN} 发票") == [3]
    assert filled.ids(f"{VIN} 合同") == []


# -- filters -------------------------------------------------------------------------------------


def test_filter_by_document_type(filled: Backend) -> None:
    assert set(filled.ids("签字")) == {1, 2, 4}  # 簽字 too: scripts fold
    assert filled.ids("签字", doc_type="sales_contract") == [2]
    assert filled.ids("签字", doc_type="settlement") == []
    assert filled.ids(VIN, doc_type="purchase_invoice") == [3]


def test_filter_by_dossier_key(filled: Backend) -> None:
    assert set(filled.ids("张三")) == {1, 3}
    assert set(filled.ids("张三", dossier=VIN)) == {1, 3}
    assert filled.ids("发票", dossier=VIN.lower()) == [3]
    assert filled.ids("签字", dossier=VIN2) == [2]
    assert filled.ids("装修", dossier="A座1203") == [5]
    assert filled.ids("张三", dossier=VIN2) == []


def test_filter_by_dossier_kind(filled: Backend) -> None:
    assert set(filled.ids("签字", kind="car")) == {1, 2}  # the Traditional checklist is in no dossier
    assert filled.ids("表", kind="unit") == [5]
    assert filled.ids("表", kind="car") == [1]
    assert filled.ids(VIN, kind="unit") == []  # an exact key is filtered too
    assert sorted(filled.ids(VIN, kind="car")) == [1, 3]
    assert filled.ids("装修", kind="car", dossier="A座1203") == []


def test_filter_by_date_range_edges_inclusive(filled: Backend) -> None:
    march = {"since": date(2024, 3, 1), "until": date(2024, 3, 5)}  # the contract's day, the checklist's day
    assert set(filled.ids("签字", **march)) == {1, 2}  # the undated Traditional checklist is left out
    assert filled.ids("签字", since=date(2024, 3, 2)) == [1]
    assert filled.ids("签字", until=date(2024, 3, 4)) == [2]
    assert filled.ids("签字", since=date(2024, 3, 6)) == []
    assert filled.ids("签字", since=date(2024, 3, 5), until=date(2024, 3, 1)) == []  # an empty range
    assert filled.ids(VIN, since=date(2024, 3, 6)) == [3]  # exact keys: the invoice of 10 March
    assert filled.ids(VIN, until=date(2024, 3, 5)) == [1]
    assert set(filled.ids("有限公司 装修", since=date(2024, 4, 1), until=date(2024, 4, 1))) == {5}


def test_dates_combine_with_the_type_and_kind_filters(filled: Backend) -> None:
    assert filled.ids("张三", since=date(2024, 3, 1), doc_type="purchase_invoice") == [3]
    assert filled.ids("张三", until=date(2024, 3, 4), doc_type="delivery_checklist") == []
    assert filled.ids("张三", until=date(2024, 3, 5), doc_type="delivery_checklist") == [1]
    assert filled.ids("表", since=date(2024, 3, 1), kind="unit") == [5]
    assert filled.ids("表", until=date(2024, 3, 31), kind="unit") == []


def test_a_document_without_a_date_is_dated_the_day_it_was_received(backend: Backend) -> None:
    received = "2024-05-06T23:59:59+00:00"
    undated = StoredDocument(id=7, source="photo.jpg", pages=[1], confidence=0.9, status="filed",
                             dossier=DossierRef(kind="car", key=VIN), text="交车照片", created_at=received)
    dated = undated.model_copy(update={"id": 8, "doc_date": "2024-03-05", "text": "交车检查表"})
    backend.add(IndexDoc.of(undated), IndexDoc.of(dated))
    assert IndexDoc.of(undated).doc_date == date(2024, 5, 6)
    assert backend.ids("交车", since=date(2024, 5, 6), until=date(2024, 5, 6)) == [7]
    assert backend.ids("交车", until=date(2024, 5, 5)) == [8]  # its own date, not the day it came in
    assert backend.ids(VIN, since=date(2024, 5, 1), kind="car") == [7]


def test_limit(backend: Backend) -> None:
    backend.add(*(doc(i, f"结算单 第{i}号") for i in range(1, 31)))
    assert len(backend.ids("结算单")) == 20
    assert len(backend.ids("结算单", limit=5)) == 5
    assert len(backend.ids("结算单", limit=100)) == 30


def test_denser_shorter_match_ranks_higher(backend: Backend) -> None:
    backend.add(doc(1, "交车 交车 交车"), *(doc(i, f"交车检查表，第{i}号，客户签字确认，随车工具齐全") for i in range(2, 12)))
    hits = backend.index.search("交车", limit=3)
    assert hits[0].id == 1 and hits[0].score > hits[1].score >= hits[2].score


# -- hits and snippets -----------------------------------------------------------------------------


def test_snippet_marks_the_hit_with_context(backend: Backend) -> None:
    text = "本合同一式两份。" * 20 + "买受人应按约定支付车辆价款，逾期按日万分之五支付违约金。" + "双方各执一份。" * 20
    backend.add(doc(1, text, doc_type="sales_contract"))
    (hit,) = backend.index.search("车辆价款")
    assert "【车辆价款】" in hit.snippet
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert 30 <= len(hit.snippet) <= 50
    assert hit.doc_type == "sales_contract" and hit.source == "scan/1.pdf" and hit.dossier is None


def test_snippet_marks_raw_text_for_normalised_matches(filled: Backend) -> None:
    (hit,) = filled.index.search("沪a12345")
    assert "【沪A·12345】" in hit.snippet
    assert hit.dossier is not None and hit.dossier.key == VIN and hit.dossier.kind == "car"
    (hit,) = filled.index.search("a座1203")
    assert "【A座1203】" in hit.snippet


def test_snippet_is_plain_text_and_markers_are_unambiguous(backend: Backend) -> None:
    backend.add(doc(1, "【重要】<b>客户</b>签字\n确认"))
    (hit,) = backend.index.search("客户")
    assert hit.snippet == "[重要]<b>【客户】</b>签字 确认"


# -- hostile input -------------------------------------------------------------------------------

HOSTILE = ['"', '""', "AND", "OR", "NOT", "NEAR(", "NEAR(交 车", "*", "-", ":", ")", "(", "^", "{", "}", "+",
           "bg:交车", "u:*", '"交车', '交车"', "交车 AND", "OR 交车", "NOT 交车", "-交车", "交*", "m:t00",
           "\x00", "'; DROP TABLE search_doc; --", "　", "", "   ", "💡", "a" * 5000, "交车" * 2000,
           " ".join(["车"] * 200), "\ufeff交车", '{"match_all": {}}', "_id:1", "text:*", "/.*/", "交车~2", "\\"]


@pytest.mark.parametrize("query", HOSTILE)
def test_operator_injection_never_raises(filled: Backend, query: str) -> None:
    hits = filled.index.search(query)
    assert isinstance(hits, list)
    assert filled.index.count() == len(ALL)


def test_operator_words_are_plain_words(backend: Backend) -> None:
    backend.add(doc(1, "NEAR AND OR NOT"), doc(2, "交车"))
    assert backend.ids("AND") == [1]
    assert backend.ids("NOT 交车") == []
    assert backend.ids("交车*") == [2]
    assert backend.ids("-") == []
    assert backend.ids('{"match_all": {}}') == []


def test_no_letters_or_digits_finds_nothing(filled: Backend) -> None:
    assert filled.ids("") == []
    assert filled.ids("，。！") == []
    assert filled.ids("交", limit=0) == []


# -- writes --------------------------------------------------------------------------------------


def test_delete_removes_and_reindex_replaces(filled: Backend) -> None:
    filled.index.delete(1)
    filled.index.delete(999)  # unknown: ignored
    filled.commit()
    assert filled.ids("交车") == [4]  # the Traditional 交車 stays
    assert filled.ids(PLATE) == []
    assert 1 not in filled.ids(VIN)
    assert filled.index.count() == len(ALL) - 1
    filled.add(doc(2, "结算单 更换前刹车片", fields={"vin": VIN2}))
    assert filled.ids("刹车") == [2]
    assert filled.ids("买受人") == []
    assert filled.ids(VIN2) == [2]
    assert filled.index.count() == len(ALL) - 1


def test_clear_and_count(filled: Backend) -> None:
    assert filled.index.count() == len(ALL)
    filled.index.clear()
    filled.commit()
    assert filled.index.count() == 0
    assert filled.ids("交") == []
    assert filled.ids(VIN) == []
    filled.add(CONTRACT)  # usable after clearing
    assert filled.ids("合同") == [2]


# -- both backends at once -----------------------------------------------------------------------

CROSS_QUERIES = ["交", "车", "交车", "签字", "张三", "销售 张三", '"随车 工具"', "交車", VIN.lower(), "沪A123", "lsvaa",
                 "0451", "A座1203", "发票 张三", "pdi", "车辆价款", "车 签字"]


def test_both_backends_return_the_same_documents_and_snippets(opensearch_index: OpenSearchIndex) -> None:
    conn = sqlite3.connect(":memory:")
    fts = FtsIndex(conn)
    fts.ensure_schema()
    docs = [*ALL, doc(6, "新车ＰＤＩ检查表 车辆价款已付"), doc(7, "交 车 检 查 表 签字"), doc(8, "沪A12399 车")]
    for d in docs:
        fts.index(d)
    conn.commit()
    opensearch_index.index_many(docs)
    opensearch_index.refresh()
    for q in CROSS_QUERIES:
        local = {h.id: h.snippet for h in fts.search(q)}
        remote = {h.id: h.snippet for h in opensearch_index.search(q)}
        assert remote == local, q
        # Exact key matches come first in both; within a group, each engine's BM25 may order differently.
        exact = {h.id for h in fts.search(q) if h.score >= EXACT_DOSSIER_BOOST}
        assert {h.id for h in opensearch_index.search(q)[: len(exact)]} == exact, q


# -- OpenSearch only: the index behind its alias ---------------------------------------------------


def test_opensearch_reindex_swaps_the_alias_without_downtime(opensearch_index: OpenSearchIndex) -> None:
    opensearch_index.index_many(ALL)
    opensearch_index.refresh()
    (before,) = opensearch_index.indices()
    seen_during: list[list[int]] = []

    def rebuilt() -> Iterator[IndexDoc]:
        for d in ALL:
            seen_during.append(sorted(h.id for h in opensearch_index.search("签字")))  # the old index answers
            yield d.model_copy(update={"text": d.text + "\n已归档"})

    assert opensearch_index.reindex(rebuilt()) == len(ALL)
    assert seen_during == [[1, 2, 4]] * len(ALL)
    (after,) = opensearch_index.indices()
    assert after != before and not opensearch_index.client.indices.exists(index=before)
    assert len(opensearch_index.search("已归档")) == len(ALL)  # visible at once, no refresh needed
    assert opensearch_index.count() == len(ALL)


def test_opensearch_failed_reindex_keeps_the_old_index(opensearch_index: OpenSearchIndex) -> None:
    opensearch_index.index_many(ALL)
    opensearch_index.refresh()
    before = opensearch_index.indices()

    def broken() -> Iterator[IndexDoc]:
        yield CHECKLIST
        raise RuntimeError("records unreadable")

    with pytest.raises(RuntimeError):
        opensearch_index.reindex(broken())
    assert opensearch_index.indices() == before
    assert set(Backend(opensearch_index, opensearch_index.refresh).ids("签字")) == {1, 2, 4}
    assert opensearch_index.client.indices.get(index=f"{opensearch_index.alias}-*").keys() == set(before)


def test_opensearch_ensure_schema_rebuilds_after_tokenizer_change(
    opensearch_index: OpenSearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as m:  # an index written before scripts were folded, and before dates
        m.setattr("dossier.search.tokenize.fold", lambda text: text)
        opensearch_index.index_many(d.model_copy(update={"doc_date": None}) for d in ALL)
    opensearch_index.refresh()
    assert [h.id for h in opensearch_index.search("交车检查")] == [1]  # 交車檢查 not found: old tokens
    (old,) = opensearch_index.indices()
    opensearch_index.client.indices.put_mapping(index=old, body={"_meta": {"tokens": "old", "mapping": "0"}})
    opensearch_index.ensure_schema()
    (new,) = opensearch_index.indices()
    assert new != old
    assert sorted(h.id for h in opensearch_index.search("交车检查")) == [1, 4]
    assert sorted(h.id for h in opensearch_index.search(VIN)) == [1, 3]
    # The checklist's extracted date is its date; the others extracted none and stay undated.
    assert [h.id for h in opensearch_index.search("签字", since=date(2000, 1, 1))] == [1]
    assert [h.id for h in opensearch_index.search("表", kind="unit")] == [5]
    opensearch_index.ensure_schema()  # current: nothing to do
    assert opensearch_index.indices() == [new]


def test_opensearch_processes_starting_together_create_one_index(opensearch_client: OpenSearch) -> None:
    alias = f"dossier-test-{os.getpid()}-{next(_names)}"
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda _: OpenSearchIndex(opensearch_client, alias).ensure_schema(), range(4)))
    index = OpenSearchIndex(opensearch_client, alias)
    try:
        assert len(index.indices()) == 1
        Backend(index, index.refresh).add(CHECKLIST)  # writes through the alias work
        assert index.count() == 1
    finally:
        index.drop()


def test_open_backend_follows_the_configuration(opensearch_client: OpenSearch) -> None:
    conn = sqlite3.connect(":memory:")
    assert isinstance(open_backend(Settings(), conn), FtsIndex)
    remote = open_backend(Settings(opensearch_url=OPENSEARCH_URL), conn)
    assert isinstance(remote, OpenSearchIndex) and remote.indices()


def test_open_backend_embedded_needs_a_connection() -> None:
    with pytest.raises(ValueError):
        open_backend(Settings())
    assert isinstance(open_backend(Settings(), sqlite3.connect(":memory:")), FtsIndex)
