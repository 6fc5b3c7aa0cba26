"""Scaled search backend: OpenSearch through opensearch-py, with the embedded backend's query semantics.

Matching uses the token streams of search/tokenize.py, as FTS5 does (search/fts.py): `bg` holds the bigram
stream and `u` the unigram stream, split on whitespace only, so a term matches exactly where it matches
in FTS5 (a phrase query over the same tokens; a prefix term's last word through `index_prefixes`, without
the 50-term expansion limit of match_phrase_prefix). Exact keys (normalize_key) are keyword fields, as are
the filters. The raw text is also indexed in `text` with OpenSearch's own CJK analysis (cjk_width,
lowercase, cjk_bigram emitting unigrams) for ad-hoc queries and dashboards; the backend does not match
on it, because its normalisation is not the contract's (NFKC, middle dots, spaces inside a CJK run).

The index is reached through an alias: reindex() builds a new index, swaps the alias in one atomic step
and drops the old one, so searches never see an empty or half-built index.

Writes become visible to search and count() after refresh(), or within the index's refresh interval (1 s).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

try:
    from opensearchpy import NotFoundError, OpenSearch, RequestError, helpers
except ImportError as missing:  # the embedded install has no scaled-mode clients
    from dossier.errors import ScaledClientMissing

    raise ScaledClientMissing("OPENSEARCH_URL") from missing

from dossier.config import DEFAULT_OPENSEARCH_INDEX
from dossier.models import DossierRef
from dossier.search.base import EXACT_DOSSIER_BOOST, EXACT_FIELD_BOOST, IndexDoc, SearchHit
from dossier.search.fts import TOKENS_VERSION
from dossier.search.tokenize import Term, index_tokens, key_like, make_snippet, normalize_key, parse_query

DEFAULT_ALIAS = DEFAULT_OPENSEARCH_INDEX  # Settings.opensearch_index (DOSSIER_OPENSEARCH_INDEX) names another
MAPPING_VERSION = "2"  # bump with any change below; ensure_schema() then rebuilds the index (2: kind, date)
MAX_WINDOW = 10_000  # OpenSearch's index.max_result_window: a larger limit would be an error
PREFIX_MAX_CHARS = 19  # the longest prefix index_prefixes keeps; longer prefixes expand up to MAX_EXPANSIONS
MAX_EXPANSIONS = 1000  # under the 1024-clause limit

_SETTINGS: dict[str, Any] = {
    "analysis": {
        "analyzer": {
            # The streams are made in Python; OpenSearch only splits them where index_tokens() put spaces.
            "tokens": {"type": "custom", "tokenizer": "whitespace"},
            "cjk": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["cjk_width", "lowercase", "cjk_bigram_unigrams"],
            },
        },
        "filter": {"cjk_bigram_unigrams": {"type": "cjk_bigram", "output_unigrams": True}},
    },
}

_STREAM = {"type": "text", "analyzer": "tokens", "index_prefixes": {"min_chars": 3, "max_chars": PREFIX_MAX_CHARS}}
_MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "_meta": {"tokens": TOKENS_VERSION, "mapping": MAPPING_VERSION},
    "properties": {
        "id": {"type": "long"},
        "source": {"type": "keyword", "index": False},
        "doc_type": {"type": "keyword"},
        "dossier_kind": {"type": "keyword"},  # the kind filter
        "doc_date": {"type": "date", "format": "strict_date"},  # the date filters (IndexDoc.doc_date)
        "dossier_key": {"type": "keyword", "index": False},  # as filed, for the hit
        "dossier_filter": {"type": "keyword"},  # normalize_key(dossier_key), for the dossier filter
        "text": {"type": "text", "analyzer": "cjk"},  # raw text: snippets, rebuilds, ad-hoc CJK queries
        "fields": {"type": "object", "enabled": False},  # kept for rebuilds, not indexed
        "bg": _STREAM,
        "u": _STREAM,
        "field_keys": {"type": "keyword"},  # key-like extracted values (VIN, plate, ID, invoice number)
        "dossier_keys": {"type": "keyword"},  # the dossier key
    },
}

_HIT_SOURCE = ["id", "source", "doc_type", "dossier_kind", "dossier_key", "text"]


def connect(url: str, **kw: Any) -> OpenSearch:
    """A client for `url` (http://host:9200, or https://user:password@host:9200), once the node answers:
    a node that does not is one clear line (ServiceUnavailable), not a traceback from the first query."""
    client = OpenSearch(url, timeout=30, max_retries=3, retry_on_timeout=True, **kw)
    if not client.ping():
        from urllib.parse import urlsplit

        from dossier.errors import ServiceUnavailable

        raise ServiceUnavailable("OpenSearch", urlsplit(url).hostname or "OPENSEARCH_URL")
    return client


def _body(doc: IndexDoc) -> dict[str, Any]:
    # Field values are searchable too, as in FTS5: extraction may have repaired what OCR misread.
    bg, u = index_tokens("\n".join([doc.text, *doc.fields.values()]))
    field_keys = sorted({k for v in doc.fields.values() if key_like(k := normalize_key(v))})
    dossier_key = normalize_key(doc.dossier_key) if doc.dossier_key else None
    return {
        "id": doc.id, "source": doc.source, "doc_type": doc.doc_type, "dossier_kind": doc.dossier_kind,
        "dossier_key": doc.dossier_key, "dossier_filter": dossier_key, "text": doc.text, "fields": doc.fields,
        "bg": bg, "u": u, "field_keys": field_keys, "dossier_keys": [dossier_key] if dossier_key else [],
        "doc_date": doc.doc_date.isoformat() if doc.doc_date else None,
    }


def term_query(term: Term) -> dict[str, Any]:
    """Where one term matches: its tokens consecutively in its stream, or a key equal to it. A term scores
    its key's weight when it matches a key (field values above dossier keys), else its text score."""
    column = "bg" if term.column == "bigram" else "u"
    tokens = " ".join(term.tokens)
    text: dict[str, Any]
    if term.prefix:
        text = {"match_phrase_prefix": {column: {"query": tokens, "max_expansions": MAX_EXPANSIONS}}}
    else:
        text = {"match_phrase": {column: {"query": tokens}}}
    return {"dis_max": {"queries": [
        text,
        {"constant_score": {"filter": {"term": {"field_keys": term.key}}, "boost": EXACT_FIELD_BOOST}},
        {"constant_score": {"filter": {"term": {"dossier_keys": term.key}}, "boost": EXACT_DOSSIER_BOOST}},
    ]}}


def search_body(
    terms: list[Term], *, doc_type: str | None, dossier: str | None, kind: str | None = None,
    since: date | None = None, until: date | None = None, limit: int,
) -> dict[str, Any]:
    filters: list[dict[str, Any]] = []
    if doc_type:
        filters.append({"term": {"doc_type": doc_type}})
    if dossier:
        filters.append({"term": {"dossier_filter": normalize_key(dossier)}})
    if kind:
        filters.append({"term": {"dossier_kind": kind}})
    if since or until:  # a range leaves out documents with no date, as in FTS5
        bounds = {op: d.isoformat() for op, d in (("gte", since), ("lte", until)) if d}
        filters.append({"range": {"doc_date": bounds}})
    return {
        "query": {"bool": {"must": [term_query(t) for t in terms], "filter": filters}},
        "sort": [{"_score": "desc"}, {"id": "desc"}],  # ties: newest first, as in FTS5
        "size": min(limit, MAX_WINDOW),
        "_source": _HIT_SOURCE,
        "track_total_hits": False,
    }


class OpenSearchIndex:
    """SearchBackend on an OpenSearch cluster, behind the alias `alias`."""

    def __init__(self, client: OpenSearch, alias: str = DEFAULT_ALIAS, *, shards: int = 1, replicas: int = 0) -> None:
        self.client, self.alias = client, alias
        self.shards, self.replicas = shards, replicas

    # -- schema --------------------------------------------------------------------------------

    def _create(self, name: str, *, with_alias: bool) -> None:
        settings = {**_SETTINGS, "number_of_shards": self.shards, "number_of_replicas": self.replicas}
        body: dict[str, Any] = {"settings": settings, "mappings": _MAPPINGS}
        if with_alias:
            body["aliases"] = {self.alias: {}}
        self.client.indices.create(index=name, body=body)

    def _new_name(self, first: bool = False) -> str:
        # The first index has a fixed name so that processes starting together create it only once.
        return f"{self.alias}-v{MAPPING_VERSION}-{0 if first else time.time_ns()}"

    def indices(self) -> list[str]:
        """The indices behind the alias (one, except for a moment during reindex())."""
        try:
            return sorted(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    def ensure_schema(self) -> None:
        """Create the index and its alias if missing (safe from several processes at once); rebuild it
        from its own stored documents if it was made by another tokenizer or mapping version (a rebuild
        should run in one process: two at once may leave one of them with an error)."""
        current = self.indices()
        if not current:
            try:
                self._create(self._new_name(first=True), with_alias=True)
            except RequestError as e:  # another process created it first
                if e.error != "resource_already_exists_exception" or not self.indices():
                    raise
            return
        meta = self.client.indices.get_mapping(index=current[0])[current[0]]["mappings"].get("_meta", {})
        if meta != _MAPPINGS["_meta"]:
            self.reindex(list(self._stored_docs()))

    def _stored_docs(self) -> Iterator[IndexDoc]:
        source = ["id", "source", "doc_type", "dossier_kind", "dossier_key", "text", "fields", "doc_date"]
        for hit in helpers.scan(self.client, index=self.alias, query={"_source": source}):
            yield IndexDoc.model_validate(hit["_source"]).dated()

    def reindex(self, docs: Iterable[IndexDoc]) -> int:
        """Rebuild the index from `docs` with no downtime: fill a new index, then move the alias to it in
        one step and drop the old one. Searches see the old index until the swap. Documents written through
        the alias while this runs go to the old index and are lost with it: index them again afterwards
        (the records know what changed since the rebuild started). Returns the number indexed."""
        old = self.indices()
        new = self._new_name()
        self._create(new, with_alias=False)
        try:
            n = self._bulk(new, docs)
            self.client.indices.refresh(index=new)
            actions: list[dict[str, Any]] = [{"add": {"index": new, "alias": self.alias}}]
            actions += [{"remove": {"index": name, "alias": self.alias}} for name in old]
            self.client.indices.update_aliases(body={"actions": actions})
        except BaseException:
            self.client.indices.delete(index=new, ignore_unavailable=True)
            raise
        for name in old:
            self.client.indices.delete(index=name, ignore_unavailable=True)
        return n

    def drop(self) -> None:
        """Delete the alias and every index behind it (tests, uninstall)."""
        for name in self.indices():
            self.client.indices.delete(index=name, ignore_unavailable=True)

    # -- writing -------------------------------------------------------------------------------

    def index(self, doc: IndexDoc) -> None:
        self.client.index(index=self.alias, id=str(doc.id), body=_body(doc))

    def index_many(self, docs: Iterable[IndexDoc], *, chunk_size: int = 500) -> int:
        """Bulk-index documents (adding or replacing); returns how many. Raises if any is refused."""
        return self._bulk(self.alias, docs, chunk_size=chunk_size)

    def _bulk(self, index: str, docs: Iterable[IndexDoc], *, chunk_size: int = 500) -> int:
        actions = ({"_index": index, "_id": str(d.id), "_source": _body(d)} for d in docs)
        ok, _ = helpers.bulk(self.client, actions, chunk_size=chunk_size, max_retries=3)
        return int(ok)

    def write(self, entries: Sequence[IndexDoc], removed: Sequence[int]) -> None:
        """Indexer: the entries (re)written in bulk, `removed` deleted."""
        if entries:
            self._bulk(self.alias, entries)
        for doc_id in removed:
            self.delete(doc_id)

    def delete(self, doc_id: int) -> None:
        with contextlib.suppress(NotFoundError):  # unknown ids are ignored
            self.client.delete(index=self.alias, id=str(doc_id))

    def clear(self) -> None:
        self.reindex(())  # an empty index behind the alias, swapped in at once

    def refresh(self) -> None:
        """Make every write so far visible to search and count()."""
        self.client.indices.refresh(index=self.alias)

    def count(self) -> int:
        return int(self.client.count(index=self.alias)["count"])

    # -- searching -----------------------------------------------------------------------------

    def search(
        self, query: str, *, doc_type: str | None = None, dossier: str | None = None, kind: str | None = None,
        since: date | None = None, until: date | None = None, limit: int = 20,
    ) -> list[SearchHit]:
        terms = parse_query(query)
        if not terms or limit <= 0:
            return []
        body = search_body(terms, doc_type=doc_type, dossier=dossier, kind=kind, since=since, until=until,
                           limit=limit)
        response = self.client.search(index=self.alias, body=body)
        hits = []
        for h in response["hits"]["hits"]:
            s = h["_source"]
            kind, key = s.get("dossier_kind"), s.get("dossier_key")
            hits.append(SearchHit(
                id=s["id"], source=s["source"], doc_type=s.get("doc_type"),
                dossier=DossierRef(kind=kind, key=key) if kind and key else None,
                snippet=make_snippet(s["text"], terms), score=float(h["_score"]),
            ))
        return hits
