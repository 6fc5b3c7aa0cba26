"""The CLI on inputs the committed scans do not cover: born-digital PDFs, drop folders, plates,
the second engine."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dossier.classify.keys import make_id_number, make_vin
from tests.test_pipeline import BAD, DATA, dossier, lines

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (dev dependency) writes born-digital PDFs")
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def text_pdf(path: Path, pages: list[list[str]]) -> Path:
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("cjk", fname=FONT)
    for lines_ in pages:
        pdf.add_page()
        pdf.set_font("cjk", size=24)
        pdf.cell(0, 16, lines_[0], align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=12)
        for line in lines_[1:]:
            pdf.cell(0, 9, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_born_digital_pdf_uses_its_text_layer_and_splits_into_documents(tmp_path: Path) -> None:
    import random

    vin = make_vin(random.Random(5))
    pdf = text_pdf(
        tmp_path / "handover.pdf",
        [
            ["交车检查表", f"车架号：{vin}", "车牌号：沪A12345", "交车日期：2026年3月6日", "外观 内饰 随车工具"],
            ["汽车销售合同", f"车辆识别代号：{vin}", "出卖人 买受人 车辆价款 违约责任", "签订日期：2026年3月1日"],
            ["第二条 付款方式", "第三条 违约责任"],
        ],
    )
    home = tmp_path / "home"
    out = lines(dossier(home, "ingest", "--json", str(pdf)))
    assert [(r["pages"], r["doc_type"]) for r in out] == [([1], "delivery_checklist"), ([2, 3], "sales_contract")]
    assert all(r["dossier"] == {"kind": "car", "key": vin} for r in out)
    assert out[0]["fields"]["date"] == "2026-03-06"
    page_json = next((home / "pages").rglob("p0001.json"))
    assert json.loads(page_json.read_text())["source"] == "text_layer"
    # The plate now finds the car.
    view = json.loads(dossier(home, "show", "--json", "沪A12345").stdout)
    assert view["key"] == vin
    assert view["checklists"][0]["due"] == "2026-03-11"  # Friday + 3 working days


def test_a_plate_only_paper_opens_the_cars_file_under_its_plate_until_a_vin_paper_merges_it(tmp_path: Path) -> None:
    """domain.md §1a: the plate is a secondary key. A work order that prints a plate no dossier knows opens
    the car's file under the plate (VIN not yet known, in the completeness queue); the delivery sheet that
    later prints that plate beside the VIN takes the file in: documents, checklists, and both keys find it."""
    import random

    vin = make_vin(random.Random(9))
    home = tmp_path / "home"
    first = text_pdf(tmp_path / "a.pdf", [["任务委托书", "车牌号：粤B12345", "维修类型：保养", "工单号：WO20260301001"]])
    r = lines(dossier(home, "ingest", "--json", str(first)))[0]
    assert r["dossier"] == {"kind": "car", "key": "粤B12345"} and r["status"] == "filed"
    assert "车架号" in r["reason"] and "not yet known" in r["reason"]
    plate_file = json.loads(dossier(home, "show", "--json", "粤B12345").stdout)
    assert plate_file["provisional"] == "plate" and [d["id"] for d in plate_file["documents"]] == [r["id"]]
    assert any(cl["name"] == "maintenance" and cl["visit"] == "WO20260301001" for cl in plate_file["checklists"])
    queue = json.loads(dossier(home, "report", "missing", "--json").stdout)
    assert any(q["dossier_key"] == "粤B12345" and q["item"] == "vin" and q["status"] == "unknown" for q in queue)
    assert "车架号未知" in dossier(home, "show", "粤B12345").stdout
    second = text_pdf(tmp_path / "b.pdf", [["交车检查表", f"车架号：{vin}", "车牌号：粤B12345", "交车日期：2026-03-02"]])
    lines(dossier(home, "ingest", "--json", str(second)))
    view = json.loads(dossier(home, "show", "--json", vin).stdout)
    assert r["id"] in [d["id"] for d in view["documents"]] and view["provisional"] is None
    assert any(cl["name"] == "maintenance" and cl["visit"] == "WO20260301001" for cl in view["checklists"])
    assert json.loads(dossier(home, "show", "--json", "粤B12345").stdout)["key"] == vin  # the plate finds the car
    queue = json.loads(dossier(home, "report", "missing", "--json").stdout)
    assert {q["dossier_key"] for q in queue} == {vin} and not any(q["status"] == "unknown" for q in queue)
    # The merge is in the audit trail, by the system, and a later paper with the plate alone goes to the car.
    assert "rekey" in dossier(home, "review", "history").stdout
    third = text_pdf(tmp_path / "c.pdf", [["结算单", "车牌号：粤B12345", "工单号：WO20260301001", "合计：580.00"]])
    assert lines(dossier(home, "ingest", "--json", str(third)))[0]["dossier"] == {"kind": "car", "key": vin}


def test_a_plate_file_two_cars_papers_share_the_plate_of_is_never_merged(tmp_path: Path) -> None:
    """A plate passed from one car to the next: both cars' papers print it. A paper with the plate alone is
    kept under the plate, never filed into either car, and no later VIN paper merges that file: the clerk
    sees it with the two cars named."""
    import random

    rng = random.Random(21)
    old, new = make_vin(rng), make_vin(rng)
    home = tmp_path / "home"

    def sheet(name: str, vin: str, day: str) -> Path:
        return text_pdf(tmp_path / name, [["交车检查表", f"车架号：{vin}", "车牌号：沪C55501", f"交车日期：{day}"]])

    plate_only = text_pdf(tmp_path / "w.pdf", [["任务委托书", "车牌号：沪C55501", "维修类型：保养", "工单号：WO20260501001"]])
    files = [sheet("a.pdf", old, "2020-03-02"), sheet("b.pdf", new, "2026-03-02"), plate_only,
             sheet("c.pdf", old, "2020-03-03")]
    out = lines(dossier(home, "ingest", "--json", *map(str, files)))
    assert out[2]["dossier"] == {"kind": "car", "key": "沪C55501"}
    view = json.loads(dossier(home, "show", "--json", "沪C55501").stdout)
    assert view["key"] == "沪C55501" and sorted(view["shared"]) == sorted([old, new])
    assert [d["id"] for d in view["documents"]] == [out[2]["id"]]
    assert all(out[2]["id"] not in [d["id"] for d in json.loads(dossier(home, "show", "--json", v).stdout)["documents"]]
               for v in (old, new))


def test_an_id_copy_scanned_alone_joins_its_owners_dossier_unless_the_owner_has_two(tmp_path: Path) -> None:
    import random

    rng = random.Random(11)
    vin, other_vin, idn = make_vin(rng), make_vin(rng), make_id_number(rng)
    home = tmp_path / "home"

    def id_copy(name: str) -> Path:
        return text_pdf(tmp_path / name, [["居民身份证", "姓名 张伟  民族 汉", f"公民身份号码 {idn}", "签发机关 上海市公安局"]])

    def contract(name: str, car: str) -> Path:
        return text_pdf(tmp_path / name, [["汽车销售合同", f"车辆识别代号：{car}", f"买受人身份证号码：{idn}",
                                           "出卖人 买受人 车辆价款 违约责任", "签订日期：2026年3月1日"]])

    first = lines(dossier(home, "ingest", "--json", str(id_copy("id1.pdf"))))[0]
    assert first["doc_type"] == "id_copy" and first["dossier"] is None and first["status"] == "needs_review"
    lines(dossier(home, "ingest", "--json", str(contract("c1.pdf", vin))))
    # The buyer's contract carries the same ID number: the waiting copy is filed into that car.
    view = json.loads(dossier(home, "show", "--json", vin).stdout)
    assert first["id"] in [d["id"] for d in view["documents"]]
    again = lines(dossier(home, "ingest", "--json", str(id_copy("id2.pdf"))))[0]
    assert again["dossier"] == {"kind": "car", "key": vin} and again["status"] == "filed"
    # The same person buys a second car: an ID copy alone can no longer say which file it belongs to.
    lines(dossier(home, "ingest", "--json", str(contract("c2.pdf", other_vin))))
    third = lines(dossier(home, "ingest", "--json", str(id_copy("id3.pdf"))))[0]
    assert third["dossier"] is None and third["status"] == "needs_review"


def test_a_business_licence_scanned_alone_joins_the_dossier_of_the_company_that_bought_the_car(tmp_path: Path) -> None:
    import random

    vin = make_vin(random.Random(12))
    home = tmp_path / "home"
    company = "上海远航丰信息技术有限公司"
    lines(dossier(home, "ingest", "--json", str(text_pdf(tmp_path / "c.pdf", [
        ["汽车销售合同", f"车辆识别代号：{vin}", f"买受人：{company}", "出卖人 买受人 车辆价款 违约责任"]]))))
    licence = text_pdf(tmp_path / "l.pdf", [["营业执照", "统一社会信用代码：91310104AAXDYFYG9H", f"名称：{company}",
                                              "法定代表人：万思梦"]])
    r = lines(dossier(home, "ingest", "--json", str(licence)))[0]
    assert r["fields"]["company"] == company
    assert r["dossier"] == {"kind": "car", "key": vin} and r["status"] == "filed"


def test_a_visit_paper_whose_plate_is_unread_joins_its_car_by_the_work_order_number(tmp_path: Path) -> None:
    """A 12-point inspection sheet prints no VIN and its plate is lost: the work-order number it shares with
    the visit's work order finds the car, scanned after or before it, and the record says why; a number two
    cars' papers print (a misreading that hit another visit) picks neither."""
    import random

    rng = random.Random(21)
    vin, other = make_vin(rng), make_vin(rng)
    home = tmp_path / "home"

    def sheet(name: str, order: str) -> Path:
        return text_pdf(tmp_path / name, [["12项免费检查表", f"委托书号：{order}", "机油液位 良好 冷却液液位 良好",
                                           "检查日期：2026年3月2日"]])

    def work_order(name: str, car: str, order: str) -> Path:
        return text_pdf(tmp_path / name, [["任务委托书", f"车架号：{car}", "维修类型：保养", f"工单号：{order}",
                                           "委托日期：2026年3月2日"]])

    early = lines(dossier(home, "ingest", "--json", str(sheet("s0.pdf", "WO20260302007"))))[0]
    assert early["doc_type"] == "free_inspection_12" and early["dossier"] is None
    lines(dossier(home, "ingest", "--json", str(work_order("w1.pdf", vin, "WO20260302007"))))
    view = json.loads(dossier(home, "show", "--json", vin).stdout)
    joined = next(d for d in view["documents"] if d["id"] == early["id"])
    assert "WO20260302007" in joined["reason"] and "order_number" in joined["reason"]
    visit = next(cl for cl in view["checklists"] if cl["visit"] == "WO20260302007")
    assert next(i for i in visit["items"] if i["doc_type"] == "free_inspection_12")["status"] == "present"
    late = lines(dossier(home, "ingest", "--json", str(sheet("s1.pdf", "WO20260302007"))))[0]
    assert late["dossier"] == {"kind": "car", "key": vin} and late["status"] == "filed"
    assert "WO20260302007" in late["reason"]
    lines(dossier(home, "ingest", "--json", str(work_order("w2.pdf", other, "WO20260302007"))))
    third = lines(dossier(home, "ingest", "--json", str(sheet("s2.pdf", "WO20260302007"))))[0]
    assert third["dossier"] is None and third["status"] == "needs_review"


def test_watch_once_files_good_scans_and_quarantines_bad_ones_with_a_reason(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    good = next(p for p in sorted(DATA.iterdir()) if p.suffix == ".jpg")
    shutil.copy(good, drop / good.name)
    shutil.copy(BAD / "truncated.pdf", drop / "broken.pdf")
    (drop / "scan.pdf.part").write_bytes(b"%PDF-1.4 still being written")
    proc = dossier(tmp_path / "home", "watch", "--once", str(drop))
    assert good.name in proc.stdout and "broken.pdf" in proc.stdout
    assert (drop / "processed" / good.name).read_bytes() == good.read_bytes()
    assert (drop / "quarantine" / "broken.pdf").read_bytes() == (BAD / "truncated.pdf").read_bytes()
    reason = (drop / "quarantine" / "broken.pdf.reason.txt").read_text(encoding="utf-8")
    assert "损坏" in reason and "damaged" in reason
    assert (drop / "scan.pdf.part").exists()  # a file still being written is left alone
    assert not (drop / good.name).exists()


@pytest.mark.slow
def test_tesseract_engine_is_configuration(tmp_path: Path) -> None:
    scan = next(p for p in sorted(DATA.iterdir()) if p.name.startswith("unit_1_renovation"))
    out = lines(dossier(tmp_path / "home", "ingest", "--json", "--engine", "tesseract", str(scan)))
    assert len(out) == 1 and out[0]["status"] in {"filed", "needs_review"}
    page_json = next((tmp_path / "home" / "pages").rglob("p0001.json"))
    data = json.loads(page_json.read_text())
    assert data["engine"] == "tesseract" and data["words"]


def test_a_vin_read_a_character_short_or_long_finds_its_car_and_between_two_cars_neither(tmp_path: Path) -> None:
    import random

    from dossier.classify.keys import vin_check_digit

    rng = random.Random(13)
    vin = make_vin(rng)
    home = tmp_path / "home"
    lines(dossier(home, "ingest", "--json", str(text_pdf(tmp_path / "c.pdf", [
        ["汽车销售合同", f"车辆识别代号：{vin}", "出卖人 买受人 车辆价款 违约责任"]]))))

    def checklist(name: str, reading: str) -> dict:
        return lines(dossier(home, "ingest", "--json", str(text_pdf(tmp_path / name, [
            ["交车检查表", f"车架号：{reading}", "外观 内饰 随车工具"]]))))[0]

    short = checklist("short.pdf", vin[:5] + vin[6:])  # one character dropped: no check can prove it
    assert short["fields"]["vin"] == vin and short["dossier"] == {"kind": "car", "key": vin}
    long = checklist("long.pdf", "3" + vin)  # a stray mark read before it
    assert long["fields"]["vin"] == vin and long["dossier"] == {"kind": "car", "key": vin}
    # A fleet: the next car's VIN differs in the last serial digit (and so in its check digit). A
    # reading one character from both proves neither: the clerk is asked.
    body = vin[:16] + ("1" if vin[16] != "1" else "2")
    fleet = body[:8] + vin_check_digit(body) + body[9:]
    lines(dossier(home, "ingest", "--json", str(text_pdf(tmp_path / "c2.pdf", [
        ["汽车销售合同", f"车辆识别代号：{fleet}", "出卖人 买受人 车辆价款 违约责任"]]))))
    assert fleet[8] != vin[8]
    reading = vin[:16] + fleet[16]  # the first car's check digit, the second's last digit: valid for neither
    between = checklist("between.pdf", reading)
    assert "vin" not in between["fields"] and between["fields"]["vin_unverified"] == reading
    assert between["dossier"] is None and between["status"] == "needs_review"


def test_a_unit_number_read_without_its_hyphens_finds_its_unit_before_or_after(tmp_path: Path) -> None:
    home = tmp_path / "home"

    def notice(name: str, unit: str) -> dict:
        return lines(dossier(home, "ingest", "--json", str(text_pdf(tmp_path / name, [
            ["入住通知书", f"单元号：{unit}", "入住日期：2023年6月26日", "租户名称 盛世投资管理（杭州）有限公司"]]))))[0]

    def application(name: str, unit: str) -> dict:
        return lines(dossier(home, "ingest", "--json", str(text_pdf(tmp_path / name, [
            ["水牌申请单", f"单元号：{unit}", "申请日期：2023-06-20", "申请单位 盛世投资管理（杭州）有限公司"]]))))[0]

    early = notice("early.pdf", "21403")  # scanned before any document proves unit 2-1-403
    assert early["dossier"] is None and early["fields"]["unit_unverified"] == "21403"
    application("a.pdf", "2-1-403")
    application("b.pdf", "2-1-404")  # the unit next door
    view = json.loads(dossier(home, "show", "--json", "2-1-403").stdout)
    moved = next(d for d in view["documents"] if d["id"] == early["id"])
    # The reading proved, the document carries its unit as any other of the unit's does.
    assert moved["fields"]["unit"] == "2-1-403" and "unit_unverified" not in moved["fields"]
    late = notice("late.pdf", "21404")
    assert late["dossier"] == {"kind": "unit", "key": "2-1-404"} and late["fields"]["unit"] == "2-1-404"
    # One hyphen lost leaves a unit number's shape (21-404), known nowhere: it is the unit it spells,
    # not a new dossier. A unit known nowhere that spells no known one is a new dossier as before.
    lost = notice("lost.pdf", "21-404")
    assert lost["dossier"] == {"kind": "unit", "key": "2-1-404"} and lost["fields"]["unit"] == "2-1-404"
    new = notice("new.pdf", "3-1-404")
    assert new["dossier"] == {"kind": "unit", "key": "3-1-404"}


def test_the_review_queue_lists_what_waits_for_a_clerk_and_why(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert "没有待复核的文件" in dossier(home, "report", "review").stdout
    waiting = lines(dossier(home, "ingest", "--json", str(text_pdf(tmp_path / "early.pdf", [
        ["入住通知书", "单元号：21403", "入住日期：2023年6月26日"]]))))[0]
    odd = lines(dossier(home, "ingest", "--json", str(text_pdf(tmp_path / "odd.pdf", [
        ["会议纪要", "参会人员 讨论事项"]]))))[0]
    rows = json.loads(dossier(home, "report", "review", "--json").stdout)
    # Oldest first, each with the reason it waits and the key it was read with, unproved.
    assert [r["document"] for r in rows] == [waiting["id"], odd["id"]]
    assert rows[0]["readings"] == {"unit_unverified": "21403"} and rows[0]["dossier_key"] is None
    assert rows[0]["type_name"] == "入住资料" and "待分配" in rows[0]["reason"]
    assert rows[1]["doc_type"] is None and rows[1]["reason"]
    text = dossier(home, "report", "review").stdout
    assert f"#{waiting['id']}" in text and "early.pdf" in text and "识读未经校验 单元号: 21403" in text
    assert "document" in dossier(home, "report", "review", "--csv").stdout.splitlines()[0]
    # The document that proves unit 2-1-403 takes the waiting notice out of the queue.
    lines(dossier(home, "ingest", "--json", str(text_pdf(tmp_path / "a.pdf", [
        ["水牌申请单", "单元号：2-1-403", "申请日期：2023-06-20"]]))))
    rows = json.loads(dossier(home, "report", "review", "--json").stdout)
    assert [r["document"] for r in rows] == [odd["id"]]


def test_every_exit_status_is_one_of_the_exit_codes() -> None:
    """One list of exit codes: every error class's code is an ExitCode, and none is used for two kinds
    of failure that a script would need to tell apart (storage faults all share 6, input faults 2)."""
    import inspect

    from dossier import errors

    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.DossierError)]
    assert all(isinstance(c.exit_code, errors.ExitCode) for c in classes)
    assert errors.DatabaseCorrupt.exit_code != errors.StorageError.exit_code
    assert errors.ConfigError.exit_code == errors.ExitCode.CONFIG == 7


def test_a_worker_without_a_queue_is_a_configuration_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.cli import main

    monkeypatch.delenv("REDIS_URL", raising=False)
    assert main(["worker", "--home", str(tmp_path)]) == 7


@pytest.mark.parametrize("argv", [["--lang", "en", "--json", "search", "交车"], ["search", "交车", "--lang", "en", "--json"]])
def test_shared_options_go_before_or_after_the_subcommand(argv: list[str]) -> None:
    from dossier.cli import build_parser

    args = build_parser().parse_args(argv)
    assert (args.lang, args.json, args.query) == ("en", True, "交车")


def test_left_out_after_the_subcommand_the_default_holds() -> None:
    from dossier.cli import build_parser

    args = build_parser().parse_args(["search", "交车"])
    # No language chosen: Chinese names, messages in both languages (dossier.messages).
    assert (args.lang, args.json, args.home) == (None, False, None)


def test_bash_completion_offers_subcommands_and_their_options(tmp_path: Path) -> None:
    """The script `dossier completion bash` prints, run by bash itself."""
    import subprocess

    from dossier.cli import build_parser
    from dossier.completion import bash

    script = tmp_path / "dossier.bash"
    script.write_text(bash(build_parser()))

    def complete(*words: str) -> set[str]:
        line = " ".join(f"'{w}'" for w in words)
        out = subprocess.run(["bash", "-c", f'source {script}; COMP_WORDS=(dossier {line}); '
                              f'COMP_CWORD={len(words)}; _dossier; printf "%s\\n" "${{COMPREPLY[@]}}"'],
                             capture_output=True, text=True, check=True, cwd=tmp_path).stdout
        return set(out.split())

    assert {"report", "reindex"} <= complete("re")
    assert {"missing", "signatures", "review", "--csv"} <= complete("report", "")
    assert complete("eval", "--fa") == {"--family"}


@pytest.mark.parametrize(("variable", "url", "args", "service"), [
    ("DATABASE_URL", "postgresql://u:p@127.0.0.1:1/archive", ["status"], "PostgreSQL"),
    ("OPENSEARCH_URL", "http://127.0.0.1:1", ["search", "交车"], "OpenSearch"),
])
def test_a_server_that_is_down_is_one_clear_line(tmp_path: Path, variable: str, url: str, args: list[str],
                                                  service: str) -> None:
    """Nothing listens on port 1: the command says which server it cannot reach, in one line, exit 6."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL")}
    proc = subprocess.run([sys.executable, "-m", "dossier.cli", *args], capture_output=True, text=True, timeout=120,
                          env={**env, "DOSSIER_HOME": str(tmp_path), variable: url})
    assert proc.returncode == 6, proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert f"无法连接 {service}" in proc.stderr and f"cannot reach {service} at 127.0.0.1" in proc.stderr


def test_operators_get_one_json_line_per_file_with_dossier_log_json(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    (tmp_path / "in").mkdir()
    good = text_pdf(tmp_path / "in" / "交车.pdf", [["交车检查表", "车架号：LSVAM4187C2184527", "客户签字："]])
    (tmp_path / "in" / "empty.pdf").write_bytes(b"")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL")}
    proc = subprocess.run([sys.executable, "-m", "dossier.cli", "ingest", "--json", str(tmp_path / "in")],
                          capture_output=True, text=True, timeout=300,
                          env={**env, "DOSSIER_HOME": str(tmp_path / "home"), "DOSSIER_LOG": "json", "DOSSIER_WORKERS": "1"})
    assert proc.returncode == 0, proc.stderr
    logged = [json.loads(line) for line in proc.stderr.splitlines() if line.startswith("{")]
    files = {Path(r["source"]).name: r for r in logged if r["event"] == "file"}
    assert set(files) == {good.name, "empty.pdf"}
    assert files[good.name]["documents"] == 1 and files[good.name]["pages"] == 1 and files[good.name]["sha256"]
    assert files["empty.pdf"]["statuses"] == {"quarantined": 1}
    assert all(r["level"] == "info" and r["time"].endswith("+00:00") for r in logged)


def test_every_option_and_argument_has_help_text() -> None:
    import argparse

    from dossier.cli import build_parser

    subs = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    bare = [f"{name} {x.option_strings or x.dest}" for name, sub in subs.choices.items() for x in sub._actions
            if not x.help and not isinstance(x, argparse._HelpAction)]
    assert bare == []
