"""The `dossier` command. Every command prints for people by default and JSON with --json."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import sys
from collections.abc import Iterable, Sequence

from pydantic import BaseModel

from dossier import oplog
from dossier.config import Settings, load_settings
from dossier.dialect import storage_failure
from dossier.errors import ConfigError, DossierError, ExitCode
from dossier.models import DocumentResult, TaughtExample
from dossier.policy import Policy, default_policy
from dossier.progress import Progress
from dossier.records import RecordStore, open_store
from dossier.service import missing_report, review_report, show, signatures_report
from dossier.text import csv_cell, printable, safe_text

STATUS_ZH = {"filed": "已归档", "needs_review": "待复核", "duplicate": "重复", "quarantined": "已隔离"}
ITEM_ZH = {"present": "齐全", "missing": "缺失", "unsigned": "未签字"}
KEY_ZH = {"vin": "车架号", "unit": "单元号", "plate": "车牌号"}


def _t(value: object) -> str:
    """Any value from outside (a file name, a page's text, a reading) as it may reach the terminal: control
    characters escaped (dossier.text.printable), so that no ESC sequence runs and no newline forges a line."""
    return printable("" if value is None else str(value))


MAX_LIMIT = 1000


def _limit(text: str) -> int:
    """`search --limit`: a whole number from 1 to MAX_LIMIT, else a usage error (exit 2)."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if not 1 <= n <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"应为 1 到 {MAX_LIMIT} 之间的整数 / expected a whole number from 1 to {MAX_LIMIT}: {_t(text)}")
    return n


def _print_json(obj: BaseModel | list[BaseModel] | dict) -> None:  # type: ignore[type-arg]
    if isinstance(obj, list):
        print(json.dumps([o.model_dump(mode="json") for o in obj], ensure_ascii=False))
    elif isinstance(obj, BaseModel):
        print(obj.model_dump_json())
    else:
        print(json.dumps(obj, ensure_ascii=False))


def _open(settings: Settings, *, read: bool = False) -> RecordStore:
    """The records: PostgreSQL when DATABASE_URL is set, else SQLite in DOSSIER_HOME -- opened read-only for
    the commands that only read (`read`), which then work on a read-only archive too."""
    return open_store(settings, readonly=read)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    import os

    from dossier.errors import PathNotFound

    missing = [p for p in args.paths if not os.path.lexists(p)]
    if missing:  # an input mistake, said before anything is done: nothing to quarantine
        raise PathNotFound(", ".join(_t(p) for p in missing))
    policy = default_policy()
    if settings.redis_url:  # scaled mode: the rq workers file, this process queues and reports
        from dossier.worker.queue import submit, wait

        submitted = submit(args.paths, settings)
        if args.no_wait:
            for sub in submitted:
                print(json.dumps(sub.model_dump(mode="json"), ensure_ascii=False) if args.json
                      else f"{sub.job_id or '—'} {_t(sub.given)}", flush=True)
            return 0
        return _report(wait(submitted, settings), args, policy)
    from dossier.worker.local import PagePool  # the pool and OCR imports are only needed here

    # The pool first: its workers start and load the OCR models while this process imports the
    # pipeline and takes the first files in.
    with PagePool.of(settings) as pool:
        from dossier.worker.pipeline import Pipeline, expand

        files = Progress(sum(1 for _ in expand(args.paths)), "文件 files")
        return _report(Pipeline(settings, _open(settings), policy).run(args.paths, pool), args, policy, files)


def _report(results: Iterable[DocumentResult], args: argparse.Namespace, policy: Policy,
            progress: Progress | None = None) -> int:
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
        if progress:
            progress.advance_once(r.source)
        if args.json:
            print(r.model_dump_json(), flush=True)
            continue
        name = policy.name(r.doc_type, args.lang) if r.doc_type else ("—" if args.lang == "en" else "未识别")
        key = f"{r.dossier.kind}:{_t(r.dossier.key)}" if r.dossier else ("unassigned" if args.lang == "en" else "待分配")
        status = r.status if args.lang == "en" else STATUS_ZH[r.status]
        pages = ",".join(map(str, r.pages)) or "-"
        line = f"[{status}] {_t(r.source)} p{pages} {name} ({r.confidence:.2f}) → {key}"
        if r.reason:
            line += f"\n    {_t(r.reason)}"
        print(line, flush=True)
    if progress:
        progress.close()
    if not args.json:
        summary = ", ".join(f"{STATUS_ZH.get(k, k) if args.lang != 'en' else k} {v}" for k, v in counts.items())
        print(("合计：" if args.lang != "en" else "Total: ") + (summary or "0"))
    return 0


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    store = _open(settings, read=True)
    dossier_key = None
    if args.dossier:
        ref = store.find_dossier(args.dossier)
        dossier_key = ref.key if ref else args.dossier
    hits = store.index.search(args.query, doc_type=args.type, dossier=dossier_key, limit=args.limit)
    if args.json:
        _print_json(list(hits))
        return 0
    policy = default_policy()
    if not hits:
        print("没有找到结果 / no results")
    for h in hits:
        name = policy.name(h.doc_type, args.lang) if h.doc_type else "?"
        key = _t(h.dossier.key) if h.dossier else "-"
        print(f"#{h.id} {name} [{key}] {_t(h.source)}  ({h.score:.2f})\n    {_t(h.snippet)}")
    return 0


def cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    store = _open(settings, read=True)
    ref = store.find_dossier(args.key)
    if ref is None:
        print(f"未找到档案 / no dossier found: {_t(args.key)}", file=sys.stderr)
        return ExitCode.FAILED
    view = show(store, ref, default_policy(), settings, args.lang)
    if args.json:
        _print_json(view)
        return 0
    policy = default_policy()
    print(f"{view.kind}: {_t(view.key)}" + (f"  ({_t(', '.join(view.aliases))})" if view.aliases else ""))
    for cl in view.checklists:
        due = f" 截止 {cl.due}" if cl.due else ""
        flag = " 【已逾期 overdue】" if cl.overdue else ""
        visit = f" [{_t(cl.visit)}]" if cl.visit else ""
        print(f"  {_t(cl.title)}{visit}{due}{flag}")
        for it in cl.items:
            st = it.status if args.lang == "en" else ITEM_ZH[it.status]
            docs = ",".join(f"#{d}" for d in it.documents)
            print(f"    - {_t(it.name)}: {st} {docs}")
        if cl.calendar_warning:
            print(f"    ! {_t(cl.calendar_warning)}")
    print("  文件（最新在前）/ documents, newest first:")
    for d in view.documents:
        name = policy.name(d.doc_type, args.lang) if d.doc_type else "?"
        print(f"    #{d.id} {_t(d.fields.get('date', ''))} {name} {_t(d.source)}")
    return 0


def _print_csv(rows: Sequence[BaseModel], empty_header: list[str]) -> None:
    """Every CSV export: each cell through dossier.text.csv_cell (no control characters, no live formula)."""
    w = csv.writer(sys.stdout)
    w.writerow(list(type(rows[0]).model_fields) if rows else empty_header)
    for r in rows:
        w.writerow([csv_cell(v if isinstance(v, str | int | float | None) else str(v))
                    for v in r.model_dump(mode="json").values()])


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    store = _open(settings, read=True)
    policy = default_policy()
    if args.which == "signatures":
        sig_rows = signatures_report(store, policy, args.month, args.lang)
        if args.json:
            _print_json(list(sig_rows))
        elif args.csv:
            _print_csv(sig_rows, ["dossier_key", "document", "doc_type", "role"])
        else:
            if not sig_rows:
                print("没有缺少签字的文件 / no document lacks a required signature")
            role_zh = {"customer": "客户", "staff": "员工", "unknown": "身份不明"}
            for s in sig_rows:
                role = s.role if args.lang == "en" else role_zh[s.role]
                staff = f" 经办 {_t(s.staff)}" if s.staff else ""
                print(f"{_t(s.dossier_key or '-')} #{s.document} {s.doc_type_name} {_t(s.date)}: {role}签字空白 "
                      f"({_t(s.label)}){staff}\n    {_t(s.crop)}")
        return 0
    if args.which == "review":
        review = review_report(store, policy, args.lang)
        if args.json:
            _print_json(list(review))
        elif args.csv:
            _print_csv(review, ["document", "source", "reason"])
        else:
            if not review:
                print("没有待复核的文件 / no document waits for review")
            for w in review:
                where = _t(w.dossier_key) or ("unassigned" if args.lang == "en" else "待分配")
                pages = "" if not w.pages else f"p.{w.pages[0]}" + (f"-{w.pages[-1]}" if len(w.pages) > 1 else "")
                print(f"#{w.document} {w.received[:10]} {_t(w.source)} {pages} {w.type_name or '?'} [{where}]: {_t(w.reason)}")
                for field, value in w.readings.items():
                    key = field.removesuffix("_unverified")
                    name = key if args.lang == "en" else KEY_ZH.get(key, key)
                    print(f"    {'read, unproved' if args.lang == 'en' else '识读未经校验'} {_t(name)}: {_t(value)}")
        return 0
    rows = missing_report(store, policy, settings, args.lang)
    if args.json:
        _print_json(list(rows))
    elif args.csv:
        _print_csv(rows, ["dossier_kind", "dossier_key"])
    else:
        if not rows:
            print("所有档案齐全 / every dossier is complete")
        for r in rows:
            flag = "【逾期】" if r.overdue else ""
            st = r.status if args.lang == "en" else ITEM_ZH[r.status]
            visit = f" [{_t(r.visit)}]" if r.visit else ""
            print(f"{flag}{_t(r.dossier_key)} {_t(r.title)}{visit}: {_t(r.item_name)} {st} 截止/due {r.due or '-'}")
    return 0


def cmd_watch(args: argparse.Namespace, settings: Settings) -> int:
    from dossier.ingest.watch import watch

    return watch(args.dirs, settings, interval=args.interval, stable_seconds=args.stable, once=args.once, as_json=args.json,
                 poll=args.poll, config=args.config, lang=args.lang)


def cmd_samples(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    if args.family == "b":
        from dossier.samples.family_b.make import generate as generate_b

        files = generate_b(args.seed, args.count, Path(args.out))
    else:
        from dossier.samples.generate import generate

        files = generate(Path(args.out), seed=args.seed, count=args.count, noisy=not args.clean)
    if args.json:
        _print_json({"files": [str(f) for f in files]})
    else:
        print(f"生成 {len(files)} 个文件 / wrote {len(files)} files to {args.out}")
    return 0


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from dossier.ingest.folders import format_status, status_report

    store = _open(settings, read=True)
    folders = [Path(f) for f in args.folders] if args.folders else None  # else the ones `watch` recorded
    data = status_report(settings.home, store, folders)  # either database: the records through the store
    if settings.redis_url:
        from dossier.worker.queue import failed_jobs

        data["failed_jobs"] = [j.model_dump(mode="json") for j in failed_jobs(settings)]
    if args.json:
        _print_json(data)
    else:
        print(format_status(data, args.lang))
        for j in data.get("failed_jobs", []):
            print(f"  {'failed job' if args.lang == 'en' else '失败的任务 / failed job'} {j['id'][:12]} {_t(j['source'])}: {_t(j['error'])}")
    return 0


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from dossier.worker.queue import retry_failed, run_worker

    if not settings.redis_url:
        raise ConfigError(zh="未设置 REDIS_URL，工作进程无队列可取", en="REDIS_URL is not set: a worker has no queue to take from")
    if args.retry_failed:
        ids = retry_failed(settings)
        print(f"重新排队 {len(ids)} 个失败的任务 / re-queued {len(ids)} failed jobs", file=sys.stderr)
    run_worker(settings, burst=args.burst, name=args.name)
    return 0


def cmd_reindex(args: argparse.Namespace, settings: Settings) -> int:
    from dossier.records import reindex

    store = _open(settings)
    documents = sum(n for status, n in store.counts().items() if status != "quarantined")
    n = reindex(store, Progress(documents, "文档 documents"))
    if args.json:
        _print_json({"indexed": n})
    else:
        print(f"已重建索引：{n} 个文件 / reindexed {n} documents")
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from dossier.errors import EvalBelowFloor
    from dossier.evaluate import EACH, evaluate, families_in, human_report, load_floors

    floors = load_floors(Path(args.floors)) if args.floors else None
    if not args.json:
        print(f"正在评测 / evaluating {args.dir} ({settings.ocr_engine}) …", file=sys.stderr, flush=True)
    if args.ocr_cache:
        settings = settings.model_copy(update={"ocr_cache": Path(args.ocr_cache)})
    if args.family is None:
        reports = {"": evaluate(Path(args.dir), settings, floors=floors, show_progress=True)}
    else:
        # Each family in a data home of its own; the floors are the own family's (a), never the others'.
        families = sorted(families_in(Path(args.dir))) if args.family == EACH else [args.family]
        reports = {f: evaluate(Path(args.dir), settings, floors=floors if f == "a" else None, family=f,
                               show_progress=True) for f in families}
    if args.json:
        _print_json(reports[""] if args.family is None
                    else {f: r.model_dump(mode="json") for f, r in reports.items()})
    else:
        for family, report in reports.items():
            if family:
                print(f"\n== 样本族 / sample family {family} ==")
            print(safe_text(human_report(report)))  # file names and readings come from the set
    below = [m for r in reports.values() for m in r.below_floor]
    if below:
        raise EvalBelowFloor("; ".join(below))
    return 0


class TeachResult(BaseModel):
    """`dossier teach --json`: what was done."""

    action: str  # taught | removed | exported | imported
    example: TaughtExample | None = None
    count: int | None = None


def cmd_teach(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from dossier import teaching

    store, policy = _open(settings), default_policy()
    if args.list:
        rows = teaching.examples(store)
        if args.json:
            _print_json(list(rows))
            return 0
        if not rows:
            print("还没有教过的示例 / no taught examples yet")
        for e in rows:
            name = policy.name(e.doc_type, args.lang) if e.doc_type in policy.doc_types else e.doc_type
            src = f"#{e.document_id}" if e.document_id else f"导入 imported ({e.origin or '?'})"
            first = next((ln for ln in e.text.splitlines() if ln.strip()), "")[:30]
            # Imported examples come from another site's file: every field of theirs is untrusted text.
            print(f"{e.id}  {_t(name)} ({_t(e.doc_type)})  {_t(src)}  {_t(e.taught_by)} {_t(e.taught_at)}  {_t(first)}")
        return 0
    if args.remove is not None:
        teaching.remove(store, args.remove)
        result = TeachResult(action="removed", count=1)
        msg = f"已删除示例 {args.remove} / removed taught example {args.remove}"
    elif args.export:
        n = teaching.export(store, Path(args.export), origin=str(settings.home))
        result, msg = TeachResult(action="exported", count=n), f"已导出 {n} 个示例 / exported {n} examples to {args.export}"
    elif args.import_file:
        n = teaching.import_(store, policy, Path(args.import_file))
        result, msg = TeachResult(action="imported", count=n), f"已导入 {n} 个示例 / imported {n} examples"
    elif args.doc_id is not None and args.code:
        e = teaching.teach(store, policy, args.doc_id, args.code, by=args.by)
        result = TeachResult(action="taught", example=e)
        msg = (f"文件 #{args.doc_id} 已定为 {policy.name(args.code)}，并记为本档案的示例 {e.id} / document "
               f"#{args.doc_id} is now {policy.name(args.code, 'en')}, kept as taught example {e.id}")
    else:
        print("用法 / usage: dossier teach DOC_ID CODE [--by NAME] | --list | --export FILE | --import FILE | --remove ID",
              file=sys.stderr)
        return ExitCode.INPUT
    if args.json:
        _print_json(result)
    else:
        print(msg)
    return 0


def cmd_train(args: argparse.Namespace, settings: Settings) -> int:
    from dossier.training import main as train_main

    argv = ((["--out", args.out] if args.out else []) + ["--count", str(args.count), "--family", args.family]
            + (["--report"] if args.report else []))
    return train_main(argv)


def cmd_completion(args: argparse.Namespace, settings: Settings) -> int:
    from dossier.completion import bash

    print(bash(build_parser()), end="")
    return 0


def version() -> str:
    """The installed distribution's version (a source tree that was never installed says so)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("dossier-capture")
    except PackageNotFoundError:
        return "0+unknown"


def _shared_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """--json, --lang and --home go before the subcommand (top) or after it. Given after, they win; left
    out after, the subcommand keeps what was given before (SUPPRESS) instead of resetting the default."""
    unset = None if top else argparse.SUPPRESS
    parser.add_argument("--json", action="store_true", default=False if top else unset, help="machine-readable output")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh" if top else unset,
                        help="language of names and messages (default: zh)")
    parser.add_argument("--home", default=unset, help="data folder (default: $DOSSIER_HOME)")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dossier", description="客户档案扫描归档 / scan, file and search customer dossiers")
    p.add_argument("--version", action="version", version=f"dossier {version()}")
    _shared_options(p, top=True)
    common = argparse.ArgumentParser(add_help=False)
    _shared_options(common, top=False)
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", parents=[common], help="file scans now (files and folders)")
    s.add_argument("paths", nargs="+", help="scan files (PDF, TIFF, JPEG, PNG) and folders of them")
    s.add_argument("--engine", choices=["rapidocr", "tesseract"], help="OCR engine (default: $DOSSIER_OCR_ENGINE, rapidocr)")
    s.add_argument("--workers", type=int, help="OCR worker processes (default: $DOSSIER_WORKERS, one per core)")
    s.add_argument("--no-wait", action="store_true", help="with REDIS_URL: queue and print the job ids at once")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("search", parents=[common], help="full-text search over dossiers")
    s.add_argument("query", help="words (1- and 2-character Chinese work), or a VIN, plate, ID or invoice number")
    s.add_argument("--type", help="document type code")
    s.add_argument("--dossier", help="VIN, plate or unit number")
    s.add_argument("--limit", type=_limit, default=20, help=f"results to show, 1 to {MAX_LIMIT}")
    s.set_defaults(func=cmd_search)

    s = sub.add_parser("show", parents=[common], help="a dossier: checklists and documents")
    s.add_argument("key", help="VIN, plate or unit number")
    s.set_defaults(func=cmd_show)

    s = sub.add_parser("report", parents=[common], help="reports")
    s.add_argument("which", choices=["missing", "signatures", "review"],
                   help="missing: checklist gaps, late first; signatures: blank required signatures; "
                        "review: documents waiting for a clerk")
    s.add_argument("--csv", action="store_true", help="as CSV (formulas neutralised), for a spreadsheet")
    s.add_argument("--month", help="YYYY-MM (signatures report)")
    s.set_defaults(func=cmd_report)

    s = sub.add_parser("watch", parents=[common], help="watch drop folders")
    s.add_argument("dirs", nargs="+", help="drop folders to watch")
    s.add_argument("--interval", type=float, default=5.0, help="rescan interval, seconds")
    s.add_argument("--stable", type=float, default=3.0, help="seconds a file must stay unchanged")
    s.add_argument("--once", action="store_true", help="process what is there, then exit")
    s.add_argument("--poll", action="store_true", help="no file-system events (SMB/NFS shares): rescan only")
    s.add_argument("--config", help="YAML: folder -> settings (kind, job_type, staff, after, ...)")
    s.set_defaults(func=cmd_watch)

    s = sub.add_parser("samples", parents=[common], help="generate sample scans with ground truth")
    s.add_argument("out", help="folder to write the scans and their *.truth.json into")
    s.add_argument("--seed", type=int, default=1, help="the same seed writes the same bytes (default 1)")
    s.add_argument("--count", type=int, default=30, help="documents to generate (default 30)")
    s.add_argument("--clean", action="store_true", help="no degradation (family a)")
    s.add_argument("--family", choices=["a", "b"], default="a",
                   help="a: the project's own forms; b: forms worded and laid out independently (samples/family_b)")
    s.set_defaults(func=cmd_samples)

    s = sub.add_parser("status", parents=[common], help="counts of filed, waiting, in review, quarantined")
    s.add_argument("--folders", nargs="*", help="drop folders to count waiting files in (default: the watched ones)")
    s.set_defaults(func=cmd_status)

    s = sub.add_parser("eval", parents=[common], help="measure the pipeline on a ground-truth set (temporary data home)")
    s.add_argument("dir", help="folder of scans with STEM.truth.json beside each")
    s.add_argument("--engine", choices=["rapidocr", "tesseract"], help="OCR engine (default: $DOSSIER_OCR_ENGINE, rapidocr)")
    s.add_argument("--workers", type=int, help="OCR worker processes (default: $DOSSIER_WORKERS, one per core)")
    s.add_argument("--floors", help="JSON: metric -> minimum (or {\"max\": x}); exit 8 when one is not met")
    s.add_argument("--ocr-cache", help="folder of readings to reuse between runs (pages per minute is then meaningless)")
    s.add_argument("--family", nargs="?", const="each", metavar="NAME",
                   help="report each sample family separately (the truth files' `family`), or only family NAME; "
                        "--floors then applies to the own family (a) only")
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("worker", parents=[common], help="take queued scans (REDIS_URL) and file them")
    s.add_argument("--burst", action="store_true", help="exit when the queue is empty")
    s.add_argument("--retry-failed", action="store_true", help="queue the failed jobs again first")
    s.add_argument("--name", help="worker name (default: host and pid)")
    s.set_defaults(func=cmd_worker)

    s = sub.add_parser("teach", parents=[common], help="correct a document's type and keep it as this archive's example")
    s.add_argument("doc_id", type=int, nargs="?", help="document id (as `report review` lists it)")
    s.add_argument("code", nargs="?", help="document type code (e.g. sales_contract)")
    s.add_argument("--by", help="who corrected it (default: the login name)")
    s.add_argument("--list", action="store_true", help="list the taught examples")
    s.add_argument("--export", metavar="FILE", help="write the examples as JSON lines (for another site)")
    s.add_argument("--import", dest="import_file", metavar="FILE", help="add the examples of an export")
    s.add_argument("--remove", type=int, metavar="ID", help="remove a taught example")
    s.set_defaults(func=cmd_teach)

    s = sub.add_parser("train-classifier", parents=[common], help="build the document-type model from generated text")
    s.add_argument("--out", help="default: the package's dossier/policies/doctype_model.json")
    s.add_argument("--count", type=int, default=150, help="documents per training seed")
    s.add_argument("--report", action="store_true", help="print the reliability on the calibration seed")
    s.add_argument("--family", choices=["a", "b"], default="a",
                   help="learn from the own generator (a: the shipped model) or from the independently written "
                        "family (b: only to measure generalisation the other way, with DOSSIER_DOCTYPE_MODEL)")
    s.set_defaults(func=cmd_train)

    s = sub.add_parser("completion", help="print the shell completion script: eval \"$(dossier completion bash)\"")
    s.add_argument("shell", choices=["bash"], help="bash (zsh with bashcompinit)")
    s.set_defaults(func=cmd_completion)

    s = sub.add_parser("reindex", parents=[common], help="rebuild the search index from the records")
    s.set_defaults(func=cmd_reindex)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "home", None):
        os.environ["DOSSIER_HOME"] = args.home  # the site's policy.d overlay is read from the same home
    try:
        settings = load_settings(
            home=args.home, ocr_engine=getattr(args, "engine", None), workers=getattr(args, "workers", None)
        )
        oplog.setup(settings.log_format)
        return int(args.func(args, settings))
    except DossierError as e:
        print(printable(e.message), file=sys.stderr)
        return e.exit_code
    except sqlite3.DatabaseError as e:  # the embedded search index's own connection (dialect.storage_failure)
        err = storage_failure(e)
        print(printable(err.message), file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:
        return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
