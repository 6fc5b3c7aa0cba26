"""The `dossier` command. Every command prints for people by default and JSON with --json."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime

from pydantic import BaseModel

from dossier import oplog
from dossier.config import Settings, load_settings
from dossier.dialect import storage_failure
from dossier.errors import ConfigError, DossierError, ExitCode
from dossier.messages import catalogue, text
from dossier.models import DocumentResult, TaughtExample
from dossier.policy import Policy, default_policy
from dossier.progress import Progress
from dossier.records import RecordStore, open_store
from dossier.samples.families import INDEPENDENT, generator
from dossier.service import missing_report, review_report, show, signatures_report
from dossier.text import csv_cell, printable, safe_text


def _name(args: argparse.Namespace) -> str:
    """The language of names (types, statuses): Chinese unless English was asked for."""
    return "en" if args.lang == "en" else "zh"


def _say(args: argparse.Namespace, msg_id: str, **params: object) -> str:
    """A message in the language asked for; both (as errors and logs show them) when none was."""
    return text(msg_id, args.lang, **params)


def _t(value: object) -> str:
    """Any value from outside (a file name, a page's text, a reading) as it may reach the terminal: control
    characters escaped (dossier.text.printable), so that no ESC sequence runs and no newline forges a line."""
    return printable("" if value is None else str(value))


MAX_LIMIT = 1000


def _day(value: str) -> date:
    """`search --since/--until`: a day as YYYY-MM-DD, else a usage error (exit 2)."""
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text('cli.bad_date')}: {_t(value)}") from None


def _limit(value: str) -> int:
    """`search --limit`: a whole number from 1 to MAX_LIMIT, else a usage error (exit 2)."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if not 1 <= n <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"{text('cli.limit_range', limit=MAX_LIMIT)}: {_t(value)}")
    return n


def _print_json(obj: BaseModel | list[BaseModel] | dict) -> None:
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
    if settings.redis_url and args.no_wait:  # queued whole, filed by the rq workers; the job ids are printed
        from dossier.worker.queue import submit

        for sub in submit(args.paths, settings):
            print(json.dumps(sub.model_dump(mode="json"), ensure_ascii=False) if args.json
                  else f"{sub.job_id or '—'} {_t(sub.given)}", flush=True)
        return ExitCode.OK
    from dossier.worker.executors import page_executor

    # The executor first: the local pool's workers start and load the OCR models while this process
    # imports the pipeline and takes the first files in. With REDIS_URL the rq workers read the pages.
    with page_executor(settings) as pool:
        from dossier.worker.pipeline import Pipeline, expand

        files = Progress(sum(1 for _ in expand(args.paths)), text("progress.files"))
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
        name = policy.name(r.doc_type, _name(args)) if r.doc_type else text("cli.untyped", _name(args))
        key = f"{r.dossier.kind}:{_t(r.dossier.key)}" if r.dossier else text("cli.unassigned", _name(args))
        status = text(f"status.{r.status}", _name(args))
        pages = ",".join(map(str, r.pages)) or "-"
        line = f"[{status}] {_t(r.source)} p{pages} {name} ({r.confidence:.2f}) → {key}"
        if r.reason:
            line += f"\n    {_t(r.reason)}"
        print(line, flush=True)
    if progress:
        progress.close()
    if not args.json:
        summary = ", ".join(f"{text(f'status.{k}', _name(args))} {v}" for k, v in counts.items())
        print(text("cli.total", _name(args)) + (summary or "0"))
    return ExitCode.OK


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    store = _open(settings, read=True)
    dossier_key = None
    if args.dossier:
        ref = store.find_dossier(args.dossier)
        dossier_key = ref.key if ref else args.dossier
    hits = store.index.search(args.query, doc_type=args.type, dossier=dossier_key, kind=args.kind, since=args.since,
                              until=args.until, limit=args.limit)
    if args.json:
        _print_json(list(hits))
        return ExitCode.OK
    policy = default_policy()
    if not hits:
        print(_say(args, "cli.no_results"))
    for h in hits:
        name = policy.name(h.doc_type, _name(args)) if h.doc_type else "?"
        key = _t(h.dossier.key) if h.dossier else "-"
        print(f"#{h.id} {name} [{key}] {_t(h.source)}  ({h.score:.2f})\n    {_t(h.snippet)}")
    return ExitCode.OK


def cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    store = _open(settings, read=True)
    ref = store.find_dossier(args.key)
    if ref is None:
        print(f"{_say(args, 'cli.no_dossier')}: {_t(args.key)}", file=sys.stderr)
        return ExitCode.FAILED
    view = show(store, ref, default_policy(), settings, _name(args))
    if args.json:
        _print_json(view)
        return ExitCode.OK
    policy = default_policy()
    print(f"{view.kind}: {_t(view.key)}" + (f"  ({_t(', '.join(view.aliases))})" if view.aliases else ""))
    if view.provisional_note:
        print(f"  ! {_t(view.provisional_note)}")
    for cl in view.checklists:
        due = text("cli.due", _name(args), due=cl.due) if cl.due else ""
        flag = _say(args, "cli.overdue") if cl.overdue else ""
        visit = f" [{_t(cl.visit)}]" if cl.visit else ""
        print(f"  {_t(cl.title)}{visit}{due}{flag}")
        for it in cl.items:
            st = text(f"item.{it.status}", _name(args))
            docs = ",".join(f"#{d}" for d in it.documents)
            print(f"    - {_t(it.name)}: {st} {docs}")
        if cl.calendar_warning:
            print(f"    ! {_t(cl.calendar_warning)}")
    print("  " + _say(args, "cli.documents_newest_first"))
    for d in view.documents:
        name = policy.name(d.doc_type, _name(args)) if d.doc_type else "?"
        print(f"    #{d.id} {_t(d.fields.get('date', ''))} {name} {_t(d.source)}")
    return ExitCode.OK


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
        sig_rows = signatures_report(store, policy, args.month, _name(args), not_required=True)
        if args.json:
            _print_json(list(sig_rows))
        elif args.csv:
            _print_csv(sig_rows, ["dossier_key", "document", "doc_type", "role"])
        else:
            if not sig_rows:
                print(_say(args, "cli.no_blank_signatures"))
            for s in sig_rows:
                role = text(f"role.{s.role}", _name(args))
                staff = text("cli.handled_by", _name(args), staff=_t(s.staff)) if s.staff else ""
                blank = text("cli.signature_blank", _name(args), role=role, label=_t(s.label))
                if not s.required:  # shown, never fined
                    blank += text("cli.signature_not_required", _name(args))
                if s.checked_by:  # a person's verdict, not the automatic one
                    blank += _say(args, "cli.checked_by", by=_t(s.checked_by), at=_t(s.checked_at))
                print(f"{_t(s.dossier_key or '-')} #{s.document} {s.doc_type_name} {_t(s.date)}: {blank}{staff}\n"
                      f"    {_t(s.crop)}")
        return ExitCode.OK
    if args.which == "review":
        review = review_report(store, policy, _name(args))
        if args.json:
            _print_json(list(review))
        elif args.csv:
            _print_csv(review, ["document", "source", "reason"])
        else:
            if not review:
                print(_say(args, "cli.no_review"))
            for w in review:
                where = _t(w.dossier_key) or text("cli.unassigned", _name(args))
                pages = "" if not w.pages else f"p.{w.pages[0]}" + (f"-{w.pages[-1]}" if len(w.pages) > 1 else "")
                print(f"#{w.document} {w.received[:10]} {_t(w.source)} {pages} {w.type_name or '?'} [{where}]: {_t(w.reason)}")
                for field, value in w.readings.items():
                    key = field.removesuffix("_unverified")
                    name = text(f"key.{key}", _name(args)) if f"key.{key}" in catalogue() else key
                    print(f"    {text('cli.read_unproved', _name(args))} {_t(name)}: {_t(value)}")
        return ExitCode.OK
    rows = missing_report(store, policy, settings, _name(args), waived_too=args.waived)
    if args.json:
        _print_json(list(rows))
    elif args.csv:
        _print_csv(rows, ["dossier_kind", "dossier_key"])
    else:
        if not rows:
            print(_say(args, "cli.all_complete"))
        for r in rows:
            flag = text("cli.late", _name(args)) if r.overdue else ""
            st = text(f"item.{r.status}", _name(args))
            visit = f" [{_t(r.visit)}]" if r.visit else ""
            due = _say(args, "cli.due_column", due=r.due or "-")
            if r.waiver:  # satisfied by a clerk's waiver: who, when and why instead of a due date
                due = _say(args, "cli.waived_by", by=_t(r.waiver.waived_by), at=r.waiver.waived_at[:10],
                           reason=_t(r.waiver.reason))
            print(f"{flag}{_t(r.dossier_key)} {_t(r.title)}{visit}: {_t(r.item_name)} {st} {due}")
    return ExitCode.OK


def cmd_watch(args: argparse.Namespace, settings: Settings) -> int:
    from dossier.ingest.watch import watch

    return watch(args.dirs, settings, interval=args.interval, stable_seconds=args.stable, once=args.once, as_json=args.json,
                 poll=args.poll, config=args.config, lang=_name(args))


def cmd_samples(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    if args.family in INDEPENDENT:
        files = generator(args.family)(args.seed, args.count, Path(args.out))
    else:
        from dossier.samples.generate import generate

        files = generate(Path(args.out), seed=args.seed, count=args.count, noisy=not args.clean)
    if args.json:
        _print_json({"files": [str(f) for f in files]})
    else:
        print(_say(args, "cli.samples_written", n=len(files), out=args.out))
    return ExitCode.OK


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
        print(format_status(data, _name(args)))
        for j in data.get("failed_jobs", []):
            print(f"  {_say(args, 'cli.failed_job')} {j['id'][:12]} {_t(j['source'])}: {_t(j['error'])}")
    return ExitCode.OK


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from dossier.worker.queue import retry_failed, run_worker

    if not settings.redis_url:
        raise ConfigError(msg="cli.worker_without_queue")
    if args.retry_failed:
        ids = retry_failed(settings)
        print(_say(args, "cli.requeued", n=len(ids)), file=sys.stderr)
    run_worker(settings, burst=args.burst, name=args.name)
    return ExitCode.OK


def cmd_reindex(args: argparse.Namespace, settings: Settings) -> int:
    from dossier.records import reindex

    store = _open(settings)
    documents = sum(n for status, n in store.counts().items() if status != "quarantined")
    n = reindex(store, Progress(documents, text("progress.documents")))
    if args.json:
        _print_json({"indexed": n})
    else:
        print(_say(args, "cli.reindexed", n=n))
    return ExitCode.OK


def _web_installed() -> None:
    import importlib.util

    from dossier.errors import MissingDependency

    if any(importlib.util.find_spec(m) is None for m in ("fastapi", "uvicorn", "argon2")):
        raise MissingDependency(msg="cli.web_missing")


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    _web_installed()
    import uvicorn

    from dossier.web.app import create_app

    print(_say(args, "cli.serving", url=f"http://{args.host}:{args.port}/"), file=sys.stderr, flush=True)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info", proxy_headers=False)
    return ExitCode.OK


def cmd_user(args: argparse.Namespace, settings: Settings) -> int:
    import getpass

    from dossier.store import SqlStore

    _web_installed()
    from dossier.web.users import UserExists, add_user

    if sys.stdin.isatty():
        password = getpass.getpass(text("cli.password_prompt", _name(args)))
        if getpass.getpass(text("cli.password_again", _name(args))) != password:
            raise ConfigError(msg="cli.password_mismatch")
    else:  # piped: the first line
        password = sys.stdin.readline().rstrip("\r\n")
    store = _open(settings)
    assert isinstance(store, SqlStore)  # both databases are SqlStore; users live beside the records
    try:
        user = add_user(store.engine, args.name, args.role, password, where=store.where)
    except UserExists:
        raise ConfigError(msg="cli.user_exists", name=_t(args.name)) from None
    except ValueError as e:
        raise ConfigError(msg=f"web.bad_{e}") from None
    finally:
        store.close()
    if args.json:
        _print_json(user)
    else:
        print(_say(args, "cli.user_added", name=_t(user.name), role=user.role))
    return ExitCode.OK


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from dossier.evaluate import sweep_items, with_tune
    from dossier.tuning import check_stages

    if args.ocr_cache:
        settings = settings.model_copy(update={"ocr_cache": Path(args.ocr_cache)})
    # --tune and --sweep reach the stages (and the worker processes) through DOSSIER_TUNE, restored after.
    before = os.environ.get("DOSSIER_TUNE")
    base = with_tune(before or "", args.tune or "")
    runs = [with_tune(base, item) for item in sweep_items(args.sweep)] if args.sweep else [base]
    for tune in runs:
        check_stages(tune)  # a misspelt stage would otherwise be read by no one
    below: list[str] = []
    try:
        for tune in runs:
            os.environ["DOSSIER_TUNE"] = tune
            below += _eval_once(args, settings, sweep=tune if args.sweep else None)
    finally:
        if before is None:
            os.environ.pop("DOSSIER_TUNE", None)
        else:
            os.environ["DOSSIER_TUNE"] = before
    if below:
        from dossier.errors import EvalBelowFloor

        raise EvalBelowFloor("; ".join(below))
    return ExitCode.OK


def _eval_once(args: argparse.Namespace, settings: Settings, sweep: str | None) -> list[str]:
    """One evaluation (each family apart with --family), printed; the floors it fell below."""
    from pathlib import Path

    from dossier.evaluate import EACH, evaluate, families_in, human_report, load_floors, sweep_line

    floors = load_floors(Path(args.floors)) if args.floors else None
    if not args.json:
        print(_say(args, "cli.evaluating", dir=args.dir, engine=settings.ocr_engine), file=sys.stderr, flush=True)
    if args.family is None:
        reports = {"": evaluate(Path(args.dir), settings, floors=floors, show_progress=True)}
    else:
        # Each family in a data home of its own; the floors are the own family's (a), never the others'.
        families = sorted(families_in(Path(args.dir))) if args.family == EACH else [args.family]
        reports = {f: evaluate(Path(args.dir), settings, floors=floors if f == "a" else None, family=f,
                               show_progress=True) for f in families}
    if args.json:
        each = {f: r.model_dump(mode="json") for f, r in reports.items()}
        if sweep is not None:
            _print_json({"tune": sweep, "report": each[""] if args.family is None else each})
        else:
            _print_json(reports[""] if args.family is None else each)
    elif sweep is not None:
        for family, report in reports.items():
            print(safe_text((f"[{family}] " if family else "") + sweep_line(sweep, report, args.lang)), flush=True)
    else:
        for family, report in reports.items():
            if family:
                print("\n" + _say(args, "cli.sample_family", family=family))
            print(safe_text(human_report(report, args.lang)))  # file names and readings come from the set
    return [m for r in reports.values() for m in r.below_floor]


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
            return ExitCode.OK
        if not rows:
            print(_say(args, "cli.no_examples"))
        for e in rows:
            name = policy.name(e.doc_type, _name(args)) if e.doc_type in policy.doc_types else e.doc_type
            src = f"#{e.document_id}" if e.document_id else _say(args, "cli.imported", origin=e.origin or "?")
            first = next((ln for ln in e.text.splitlines() if ln.strip()), "")[:30]
            # Imported examples come from another site's file: every field of theirs is untrusted text.
            print(f"{e.id}  {_t(name)} ({_t(e.doc_type)})  {_t(src)}  {_t(e.taught_by)} {_t(e.taught_at)}  {_t(first)}")
        return ExitCode.OK
    if args.remove is not None:
        teaching.remove(store, args.remove)
        result = TeachResult(action="removed", count=1)
        msg = _say(args, "cli.example_removed", id=args.remove)
    elif args.export:
        n = teaching.export(store, Path(args.export), origin=str(settings.home))
        result, msg = TeachResult(action="exported", count=n), _say(args, "cli.examples_exported", n=n, file=args.export)
    elif args.import_file:
        n = teaching.import_(store, policy, Path(args.import_file))
        result, msg = TeachResult(action="imported", count=n), _say(args, "cli.examples_imported", n=n)
    elif args.doc_id is not None and args.code:
        e = teaching.teach(store, policy, args.doc_id, args.code, by=args.by)
        result = TeachResult(action="taught", example=e)
        said = {lang: text("cli.taught", lang, doc=args.doc_id, type=policy.name(args.code, lang), id=e.id)
                for lang in ("zh", "en")}  # each language with the type's own name in it
        msg = said.get(args.lang) or f"{said['zh']} / {said['en']}"
    else:
        print(_say(args, "cli.teach_usage"), file=sys.stderr)
        return ExitCode.INPUT
    if args.json:
        _print_json(result)
    else:
        print(msg)
    return ExitCode.OK


def _review_request(args: argparse.Namespace) -> tuple[str, BaseModel]:
    """The review action the arguments ask for: its function's name in dossier/review.py and its request."""
    from dossier import review

    requests: dict[str, tuple[str, Callable[[argparse.Namespace], BaseModel]]] = {
        "set-type": ("set_type", lambda a: review.SetType(document=a.doc, doc_type=a.code)),
        "move": ("move", lambda a: review.Move(document=a.doc, dossier=a.key)),
        "unassign": ("unassign", lambda a: review.DocumentOnly(document=a.doc)),
        "merge": ("merge", lambda a: review.DocumentOnly(document=a.doc)),
        "split": ("split", lambda a: review.Split(document=a.doc, at=a.page)),
        "sign": ("sign", lambda a: review.Sign(document=a.doc, signatures=[
            review.SignatureCheck(role=a.role, status=a.status, label=a.label)])),
        "waive": ("waive", lambda a: review.Waive(dossier=a.key, checklist=a.checklist, item=a.item,
                                                  visit=a.visit or "", reason=a.reason)),
        "reopen": ("reopen", lambda a: review.Reopen(document=a.doc, reason=a.reason)),
        "undo": ("undo", lambda a: review.Undo(audit_id=a.audit_id)),
    }
    action, make = requests[args.action]
    return action, make(args)


def cmd_review(args: argparse.Namespace, settings: Settings) -> int:
    from pydantic import ValidationError

    from dossier import review
    from dossier.teaching import clerk

    store, policy = _open(settings, read=args.action == "history"), default_policy()
    if args.action == "history":
        entries = review.history(store, args.target, args.limit)
        if args.json:
            _print_json(list(entries))
        for e in [] if args.json else entries:
            undone = _say(args, "cli.review_undone", id=e.undone_by) if e.undone_by else ""
            print(f"#{e.id} {e.at} {_t(e.by)} {e.action} {_t(e.target)}{undone}")
        return ExitCode.OK
    try:
        action, req = _review_request(args)
    except ValidationError as e:  # a reason too long, an empty key: a usage error
        print(printable(str(e)), file=sys.stderr)
        return ExitCode.INPUT
    entry = getattr(review, action)(store, policy, args.by or clerk(), req)
    if args.json:
        _print_json(entry)
    else:
        print(_say(args, "cli.review_done", id=entry.id, action=action, target=_t(entry.target)))
        for d in entry.after.documents:
            where = _t(d.dossier.key) if d.dossier else text("cli.unassigned", _name(args))
            name = policy.name(d.doc_type, _name(args)) if d.doc_type else text("cli.untyped", _name(args))
            print(f"    #{d.id} {name} [{where}] {text(f'status.{d.status}', _name(args))}")
    return ExitCode.OK


def cmd_train(args: argparse.Namespace, settings: Settings) -> int:
    from dossier.training import main as train_main

    argv = ((["--out", args.out] if args.out else []) + ["--count", str(args.count), "--family", args.family]
            + (["--report"] if args.report else []))
    return train_main(argv)


def cmd_completion(args: argparse.Namespace, settings: Settings) -> int:
    from dossier.completion import bash

    print(bash(build_parser()), end="")
    return ExitCode.OK


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
    parser.add_argument("--lang", choices=["zh", "en"], default=None if top else unset,
                        help="language of names and messages (default: Chinese names, messages in both)")
    parser.add_argument("--home", default=unset, help="data folder (default: $DOSSIER_HOME)")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dossier", description=text("cli.description"))
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
    s.add_argument("--kind", help="dossier kind: car or unit (dossier/policies/*.kind.yaml)")
    s.add_argument("--since", type=_day, metavar="YYYY-MM-DD",
                   help="documents dated on or after this day (their own date, else the day received)")
    s.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="documents dated on or before this day")
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
    s.add_argument("--waived", action="store_true",
                   help="missing: the items a clerk waived as well (status waived, with the reason), last")
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
    s.add_argument("--family", choices=["a", *INDEPENDENT], default="a",
                   help=f"a: the project's own forms; {', '.join(INDEPENDENT)}: forms worded and laid out independently "
                        f"(samples/family_{INDEPENDENT[0]} ... family_{INDEPENDENT[-1]})")
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
    s.add_argument("--tune", metavar="STAGE.key=VALUE[,...]",
                   help="tuned thresholds for this run (policies/tuning/STAGE.yaml keys), laid over $DOSSIER_TUNE")
    s.add_argument("--sweep", metavar="STAGE.key=V1,V2,...",
                   help="one run per value, one line of the main figures each (with --tune as the base)")
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

    s = sub.add_parser("review", parents=[common], help="correct a filed document or dossier, audited and undoable")
    acts = s.add_subparsers(dest="action", required=True, help="the action (each recorded in the audit trail)")
    r = acts.add_parser("set-type", parents=[common], help="set a document's type (as `teach`)")
    r.add_argument("doc", type=int, help="document id")
    r.add_argument("code", help="document type code (e.g. sales_contract)")
    r = acts.add_parser("move", parents=[common], help="move a document into a dossier (made if new)")
    r.add_argument("doc", type=int, help="document id")
    r.add_argument("key", help="the dossier's VIN, plate or unit number")
    for name, what in (("unassign", "take a document out of its dossier"),
                       ("merge", "merge a document with the next of its source")):
        r = acts.add_parser(name, parents=[common], help=what)
        r.add_argument("doc", type=int, help="document id")
    r = acts.add_parser("split", parents=[common], help="split a document: a new one from PAGE on")
    r.add_argument("doc", type=int, help="document id")
    r.add_argument("page", type=int, help="the source page the second document starts at")
    r = acts.add_parser("sign", parents=[common], help="a person's verdict on a signature field")
    r.add_argument("doc", type=int, help="document id")
    r.add_argument("role", choices=["customer", "staff", "unknown"], help="whose signature field")
    r.add_argument("status", choices=["signed", "blank"], help="what the person saw")
    r.add_argument("--label", help="the field's label, where the document has two of one side")
    r = acts.add_parser("waive", parents=[common], help="waive a dossier's checklist item, with a reason")
    r.add_argument("key", help="the dossier's VIN, plate or unit number")
    r.add_argument("checklist", help="checklist code (new_car, a job type, unit_file)")
    r.add_argument("item", help="the item's document type")
    r.add_argument("--reason", required=True, help="why the item is not needed (kept in the audit trail)")
    r.add_argument("--visit", help="the visit of an after-sales checklist")
    r = acts.add_parser("reopen", parents=[common], help="send a document back to review")
    r.add_argument("doc", type=int, help="document id")
    r.add_argument("--reason", help="what is to be looked at again")
    r = acts.add_parser("undo", parents=[common], help="undo an audited action (once)")
    r.add_argument("audit_id", type=int, help="the entry's id (review history)")
    r = acts.add_parser("history", parents=[common], help="the audit trail, newest first")
    r.add_argument("--target", help='"document:ID" or "dossier:KIND:KEY"')
    r.add_argument("--limit", type=_limit, default=50, help="entries at most (default 50)")
    for r in acts.choices.values():
        r.add_argument("--by", help="who does it (default: the login name)")
    s.set_defaults(func=cmd_review)

    s = sub.add_parser("train-classifier", parents=[common], help="build the document-type model from generated text")
    s.add_argument("--out", help="default: the package's dossier/policies/doctype_model.json")
    s.add_argument("--count", type=int, default=150, help="documents per training seed")
    s.add_argument("--report", action="store_true", help="print the reliability on the calibration seed")
    s.add_argument("--family", choices=["a", "b", "a,b"], default="a",
                   help="the sample families to learn from: a (the own generator), b (samples/family_b) or both; "
                        "measure on a family not learnt from (DOSSIER_DOCTYPE_MODEL points eval at a model)")
    s.set_defaults(func=cmd_train)

    s = sub.add_parser("completion", help="print the shell completion script: eval \"$(dossier completion bash)\"")
    s.add_argument("shell", choices=["bash"], help="bash (zsh with bashcompinit)")
    s.set_defaults(func=cmd_completion)

    s = sub.add_parser("serve", parents=[common], help="the web app and REST API (pip install 'dossier-capture[web]')")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("user", parents=[common], help="web app users")
    user_sub = s.add_subparsers(dest="user_command", required=True, help="add: a new user")
    u = user_sub.add_parser("add", parents=[common], help="add a user; the password from standard input, or asked for")
    u.add_argument("name", help="login name")
    u.add_argument("--role", required=True, choices=["clerk", "archivist", "manager", "auditor", "admin"],
                   help="auditor reads; clerk, archivist and manager also correct; admin also manages users")
    u.set_defaults(func=cmd_user)

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
