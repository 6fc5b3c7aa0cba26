"""Embedded search backend: SQLite FTS5 over tokens made in Python (search/tokenize.py).

FTS5's own tokenizers cannot do Chinese under three characters (trigram) or at all (unicode61), so
each document is stored pre-tokenised in a contentless FTS5 table with the 'ascii' tokenizer, which
splits on spaces and keeps every non-ASCII character: column `bg` holds the bigram stream, `u` the
unigram stream and `m` one token per filter value (doc type, dossier key, dossier kind), so that filters
are intersected inside FTS5 instead of probing a table row by row. The date filters are a range, which
tokens cannot express: they are a condition on search_doc.doc_date (ISO text, so it orders as dates).

The connection belongs to the caller: index() and delete() never commit (they run in the caller's
transaction); write() and reindex() are whole transactions of their own (search/indexer.py drains the
record store's outbox through write()).
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from dossier.models import DossierRef
from dossier.search.base import EXACT_DOSSIER_BOOST, EXACT_FIELD_BOOST, IndexDoc, SearchHit, day
from dossier.search.script import FOLD_VERSION
from dossier.search.tokenize import Term, index_tokens, key_like, make_snippet, normalize_key, parse_query

# The index holds tokens computed by this code; deleting a document recomputes them, so a change to
# the tokenizer (or to Python's Unicode tables, or to OpenCC's script folding) must rebuild the index.
# ensure_schema() does that, here and in OpenSearch (its mapping's _meta); 2: scripts folded; 3: the
# dossier kind is a filter token and entries carry their date.
TOKENS_VERSION = f"3;unicode {unicodedata.unidata_version};{FOLD_VERSION}"
MAX_KEY_CANDIDATES = 2000  # documents one exact key may bring in (a date shared by thousands is hardly a key)
# bm25 costs ~8 µs per document it scores (plus one pass over each phrase's matches, for its IDF), and
# 车 matches nearly every document: a query with more matches than this is ranked among its RANK_WINDOW
# newest (highest id) matches only. At 100k documents this took p95 from ~130 ms to ~25 ms.
RANK_WINDOW = 2000

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS search_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS search_doc (
        id INTEGER PRIMARY KEY, source TEXT NOT NULL, doc_type TEXT, dossier_kind TEXT, dossier_key TEXT,
        text TEXT NOT NULL, fields TEXT NOT NULL, doc_date TEXT)""",
    """CREATE TABLE IF NOT EXISTS search_key (
        value TEXT NOT NULL, doc_id INTEGER NOT NULL, weight REAL NOT NULL, PRIMARY KEY (value, doc_id)
        ) WITHOUT ROWID""",
    """CREATE INDEX IF NOT EXISTS search_key_doc ON search_key (doc_id)""",
]
_FTS = """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(bg, u, m, content='', tokenize='ascii')"""
_RANK = "bm25(1.0, 1.0, 0.0)"  # what the `rank` column returns: the filter column m carries no weight
_DOC_COLUMNS = "id, source, doc_type, dossier_kind, dossier_key, text, fields, doc_date"


def _quote(tokens: tuple[str, ...] | list[str]) -> str:
    # Every token goes into an FTS5 string; a doubled quote is the only escape the syntax has.
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def term_expression(term: Term) -> str:
    column = "bg" if term.column == "bigram" else "u"
    return f"{column}:{_quote(term.tokens)}" + ("*" if term.prefix else "")


def _filter_token(prefix: str, value: str) -> str:
    return prefix + value.encode().hex()  # any value becomes one ASCII token


def _meta_tokens(doc: IndexDoc) -> str:
    out = []
    if doc.doc_type:
        out.append(_filter_token("t", doc.doc_type))
    if doc.dossier_key:
        out.append(_filter_token("k", normalize_key(doc.dossier_key)))
    if doc.dossier_kind:
        out.append(_filter_token("n", doc.dossier_kind))
    return " ".join(out)


def _date_condition(since: date | None, until: date | None) -> tuple[str, list[str]]:
    """SQL on search_doc aliased d (" AND ..." or ""), and its parameters."""
    sql, args = "", []  # type: tuple[str, list[str]]
    if since:
        sql, args = sql + " AND d.doc_date >= ?", [*args, since.isoformat()]
    if until:
        sql, args = sql + " AND d.doc_date <= ?", [*args, until.isoformat()]
    return sql, args


def _indexed_text(text: str, fields: dict[str, str]) -> str:
    # Field values are searchable too: extraction may have repaired what OCR misread.
    return "\n".join([text, *fields.values()])


class FtsIndex:
    """SearchBackend on a caller-owned sqlite3 connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- schema --------------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the tables if missing; rebuild the index if it was made by another tokenizer version.
        Runs in the caller's transaction if one is open; does not commit."""
        for sql in [*_SCHEMA, _FTS]:
            self.conn.execute(sql)
        if not self.conn.execute("SELECT 1 FROM search_fts_config WHERE k = 'rank' AND v = ?", (_RANK,)).fetchone():
            self.conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('rank', ?)", (_RANK,))
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(search_doc)")}
        if "doc_date" not in columns:  # made before version 3; rebuild() below fills it
            self.conn.execute("ALTER TABLE search_doc ADD COLUMN doc_date TEXT")
        row = self.conn.execute("SELECT value FROM search_meta WHERE name = 'tokens'").fetchone()
        if row is None or row[0] != TOKENS_VERSION:
            if row is not None:
                self.rebuild()
            self.conn.execute("INSERT OR REPLACE INTO search_meta VALUES ('tokens', ?)", (TOKENS_VERSION,))

    def rebuild(self) -> None:
        """Re-tokenise every document from the stored text (after a tokenizer change)."""
        self.conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
        self.conn.execute("DELETE FROM search_key")
        rows = self.conn.execute(f"SELECT {_DOC_COLUMNS} FROM search_doc")
        for doc in [self._doc(r) for r in rows.fetchall()]:
            dated = doc.dated()
            if dated.doc_date != doc.doc_date:
                self.conn.execute("UPDATE search_doc SET doc_date = ? WHERE id = ?",
                                  (dated.doc_date.isoformat() if dated.doc_date else None, doc.id))
            self._write_index(dated)
        self._date_from_records()

    def _date_from_records(self) -> None:
        """Entries still undated take their record's date, else the day it was received, as IndexDoc.of
        gives new ones: the embedded index lives in the records' own file (dossier/store.py), so an old
        index needs no `dossier reindex` for the date filters to see every document."""
        if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").fetchone():
            return  # an index on its own (tests, tools): nothing to date it from
        rows = self.conn.execute("SELECT d.id, d.doc_date, d.created_at FROM documents d JOIN search_doc s "
                                 "ON s.id = d.id WHERE s.doc_date IS NULL").fetchall()
        for id_, doc_date, created_at in rows:
            when = day(doc_date) or day(created_at)
            if when is not None:
                self.conn.execute("UPDATE search_doc SET doc_date = ? WHERE id = ?", (when.isoformat(), id_))

    # -- writing -------------------------------------------------------------------------------

    def index(self, doc: IndexDoc) -> None:
        self.delete(doc.id)
        self.conn.execute(
            f"INSERT INTO search_doc ({_DOC_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.source, doc.doc_type, doc.dossier_kind, doc.dossier_key, doc.text,
             json.dumps(doc.fields, ensure_ascii=False), doc.doc_date.isoformat() if doc.doc_date else None),
        )
        self._write_index(doc)

    def _write_index(self, doc: IndexDoc) -> None:
        bg, u = index_tokens(_indexed_text(doc.text, doc.fields))
        self.conn.execute(
            "INSERT INTO search_fts (rowid, bg, u, m) VALUES (?, ?, ?, ?)",
            (doc.id, bg, u, _meta_tokens(doc)),
        )
        keys: dict[str, float] = {}
        if doc.dossier_key:
            keys[normalize_key(doc.dossier_key)] = EXACT_DOSSIER_BOOST
        for value in doc.fields.values():
            key = normalize_key(value)
            if key_like(key):
                keys[key] = EXACT_FIELD_BOOST
        self.conn.executemany("INSERT INTO search_key VALUES (?, ?, ?)", [(k, doc.id, w) for k, w in keys.items()])

    def delete(self, doc_id: int) -> None:
        row = self.conn.execute(f"SELECT {_DOC_COLUMNS} FROM search_doc WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return
        doc = self._doc(row)
        # A contentless FTS5 table forgets a row only when given the very tokens it was indexed with.
        bg, u = index_tokens(_indexed_text(doc.text, doc.fields))
        self.conn.execute(
            "INSERT INTO search_fts (search_fts, rowid, bg, u, m) VALUES ('delete', ?, ?, ?, ?)",
            (doc_id, bg, u, _meta_tokens(doc)),
        )
        self.conn.execute("DELETE FROM search_key WHERE doc_id = ?", (doc_id,))
        self.conn.execute("DELETE FROM search_doc WHERE id = ?", (doc_id,))

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.conn.in_transaction:  # the caller's: it commits
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def write(self, entries: Sequence[IndexDoc], removed: Sequence[int]) -> None:
        """Indexer: the entries (re)written and `removed` deleted, in one transaction."""
        with self._transaction():
            for doc_id in removed:
                self.delete(doc_id)
            for doc in entries:
                self.index(doc)

    def reindex(self, docs: Iterable[IndexDoc]) -> int:
        """Everything cleared and `docs` indexed, in one transaction; returns how many."""
        n = 0
        with self._transaction():
            self.clear()
            for doc in docs:
                self.index(doc)
                n += 1
        return n

    def clear(self) -> None:
        self.conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
        self.conn.execute("DELETE FROM search_key")
        self.conn.execute("DELETE FROM search_doc")

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM search_doc").fetchone()[0])

    @staticmethod
    def _doc(row: tuple) -> IndexDoc:
        id_, source, doc_type, kind, key, text, fields, doc_date = row
        return IndexDoc(id=id_, source=source, doc_type=doc_type, dossier_kind=kind, dossier_key=key,
                        text=text, fields=json.loads(fields), doc_date=doc_date)

    # -- searching -----------------------------------------------------------------------------

    def search(
        self, query: str, *, doc_type: str | None = None, dossier: str | None = None, kind: str | None = None,
        since: date | None = None, until: date | None = None, limit: int = 20,
    ) -> list[SearchHit]:
        terms = parse_query(query)
        if not terms or limit <= 0:
            return []
        filters = []
        if doc_type:
            filters.append(f'm:"{_filter_token("t", doc_type)}"')
        if dossier:
            filters.append(f'm:"{_filter_token("k", normalize_key(dossier))}"')
        if kind:
            filters.append(f'm:"{_filter_token("n", kind)}"')
        dated = _date_condition(since, until)
        scores = self._exact_hits(terms, filters, dated)
        ranked = sorted(scores, key=lambda i: (-scores[i], -i))[:limit]
        if len(ranked) < limit:
            expr = " AND ".join([term_expression(t) for t in terms] + filters)
            want = limit + len(scores)
            # FTS5 walks matches in id order and stops at LIMIT; ORDER BY rank would score every match.
            # A date range is checked on each match's search_doc row (a primary-key lookup) as it walks.
            join = " JOIN search_doc d ON d.id = search_fts.rowid" if dated[0] else ""
            rows = self.conn.execute(
                f"SELECT search_fts.rowid, -search_fts.rank FROM search_fts{join} WHERE search_fts MATCH ?"
                f"{dated[0]} ORDER BY search_fts.rowid DESC LIMIT ?",
                (expr, *dated[1], max(RANK_WINDOW, want)),
            ).fetchall()
            rows.sort(key=lambda r: (-r[1], -r[0]))
            for doc_id, score in rows[:want]:
                if doc_id not in scores and len(ranked) < limit:
                    scores[doc_id] = score
                    ranked.append(doc_id)
        return self._hits(ranked, scores, terms)

    def _exact_hits(self, terms: list[Term], filters: list[str], dated: tuple[str, list[str]]) -> dict[int, float]:
        """Documents for which every term is satisfied, at least one by an exact key: id -> score."""
        by_key: dict[int, dict[int, float]] = defaultdict(dict)  # doc -> term index -> boost
        join = " JOIN search_doc d ON d.id = k.doc_id" if dated[0] else ""
        for i, t in enumerate(terms):
            rows = self.conn.execute(
                f"SELECT k.doc_id, k.weight FROM search_key k{join} WHERE k.value = ?{dated[0]} LIMIT ?",
                (t.key, *dated[1], MAX_KEY_CANDIDATES),
            )
            for doc_id, weight in rows:
                by_key[doc_id][i] = weight
        # The other terms, and the filters, must still match the document's text: group documents by
        # which terms remain and ask FTS5 once per group.
        groups: dict[tuple[int, ...], list[int]] = defaultdict(list)
        for doc_id, matched in by_key.items():
            groups[tuple(i for i in range(len(terms)) if i not in matched)].append(doc_id)
        scores: dict[int, float] = {}
        for rest, ids in groups.items():
            parts = [term_expression(terms[i]) for i in rest] + filters
            found: dict[int, float] = {}
            if not parts:
                found = dict.fromkeys(ids, 0.0)
            else:
                for start in range(0, len(ids), 500):
                    chunk = ids[start : start + 500]
                    sql = (f"SELECT rowid, -rank FROM search_fts WHERE search_fts MATCH ? "
                           f"AND rowid IN ({','.join('?' * len(chunk))})")
                    found.update(self.conn.execute(sql, (" AND ".join(parts), *chunk)).fetchall())
            for doc_id, text_score in found.items():
                scores[doc_id] = sum(by_key[doc_id].values()) + text_score
        return scores

    def _hits(self, ids: list[int], scores: dict[int, float], terms: list[Term]) -> list[SearchHit]:
        if not ids:
            return []
        rows = self.conn.execute(
            f"SELECT id, source, doc_type, dossier_kind, dossier_key, text FROM search_doc "
            f"WHERE id IN ({','.join('?' * len(ids))})",
            ids,
        ).fetchall()
        by_id = {r[0]: r for r in rows}
        hits = []
        for doc_id in ids:
            _, source, doc_type, kind, key, text = by_id[doc_id]
            hits.append(SearchHit(
                id=doc_id, source=source, doc_type=doc_type,
                dossier=DossierRef(kind=kind, key=key) if kind and key else None,
                snippet=make_snippet(text, terms), score=scores[doc_id],
            ))
        return hits
