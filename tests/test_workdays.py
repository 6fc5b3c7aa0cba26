"""Working-day deadlines on the Chinese calendar: built-in table, operator table, and weekends-only fallback."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from dossier.config import load_settings
from dossier.errors import ConfigError
from dossier.workdays import WorkCalendar, load_calendar, load_table

EXAMPLE = Path(__file__).parent.parent / "dossier" / "policies" / "holidays.example.yaml"

D = date


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.load(None)


def _table(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "holidays.yaml"
    p.write_text(text, encoding="utf-8")
    return p


# ---- built-in table -------------------------------------------------------------------------------------


def test_plain_week(cal: WorkCalendar) -> None:
    # Delivery on Friday: the Friday itself does not count, the weekend is skipped.
    assert cal.add_working_days(D(2026, 3, 6), 3).due == D(2026, 3, 11)
    assert cal.add_working_days(D(2026, 3, 9), 1).due == D(2026, 3, 10)
    assert cal.add_working_days(D(2026, 3, 9), 0).due == D(2026, 3, 9)
    assert [cal.is_working_day(D(2026, 3, d)) for d in range(9, 16)] == [True] * 5 + [False] * 2
    assert cal.add_working_days(D(2026, 3, 6), 3).warning is None


def test_national_day_2025(cal: WorkCalendar) -> None:
    assert not any(cal.is_working_day(D(2025, 10, d)) for d in range(1, 9))
    assert cal.is_working_day(D(2025, 9, 28))  # Sunday, worked in lieu
    assert cal.is_working_day(D(2025, 10, 11))  # Saturday, worked in lieu
    assert not cal.is_working_day(D(2025, 10, 12))
    # Car returned on Tue 30 Sep: the after-sales file is due the first day back, Thu 9 Oct.
    assert cal.add_working_days(D(2025, 9, 30), 1).due == D(2025, 10, 9)
    # Delivery on Tue 30 Sep: 9 Oct, 10 Oct, then the make-up Saturday 11 Oct.
    assert cal.add_working_days(D(2025, 9, 30), 3).due == D(2025, 10, 11)
    # Delivery on Saturday 27 Sep: the make-up Sunday is the next working day.
    assert cal.add_working_days(D(2025, 9, 27), 1).due == D(2025, 9, 28)


def test_spring_festival_2026(cal: WorkCalendar) -> None:
    # The package's 2026 schedule: 15-23 Feb off; Saturdays 14 Feb and 28 Feb worked.
    assert not any(cal.is_working_day(D(2026, 2, d)) for d in range(15, 24))
    assert cal.is_working_day(D(2026, 2, 14)) and cal.is_working_day(D(2026, 2, 28))
    assert cal.is_working_day(D(2026, 2, 24))
    assert cal.add_working_days(D(2026, 2, 13), 1).due == D(2026, 2, 14)
    assert cal.add_working_days(D(2026, 2, 13), 3).due == D(2026, 2, 25)
    assert cal.add_working_days(D(2026, 2, 27), 1).due == D(2026, 2, 28)


def test_working_days_late(cal: WorkCalendar) -> None:
    due = cal.add_working_days(D(2026, 2, 12), 1).due  # Fri 13 Feb
    assert cal.working_days_between(due, due) == 0
    assert cal.working_days_between(due, D(2026, 2, 14)) == 1  # the make-up Saturday
    assert cal.working_days_between(due, D(2026, 2, 23)) == 1  # the holiday adds nothing
    assert cal.working_days_between(due, D(2026, 2, 24)) == 2
    assert cal.working_days_between(D(2026, 2, 24), due) == -2  # handed over early
    assert cal.warning_between(due, D(2026, 2, 24)) is None


def test_covered_years_come_from_the_package(cal: WorkCalendar) -> None:
    assert set(range(2004, 2027)) <= cal.covered_years()


# ---- years no table covers ------------------------------------------------------------------------------


def test_2027_counts_weekends_only_with_warning(cal: WorkCalendar) -> None:
    assert 2027 not in cal.covered_years()
    dl = cal.add_working_days(D(2027, 3, 5), 3)  # Friday
    assert dl.due == D(2027, 3, 10)
    assert dl.warning and dl.warning.startswith("2027 年没有节假日表")
    assert "no holiday table for 2027" in dl.warning
    assert not cal.is_working_day(D(2027, 3, 6))
    # Without a table even New Year's Day counts as a working day: hence the warning.
    assert cal.is_working_day(D(2027, 1, 1))
    assert cal.working_days_between(D(2027, 3, 5), D(2027, 3, 12)) == 5
    assert cal.warning_between(D(2027, 3, 5), D(2027, 3, 12))


def test_warning_only_when_an_uncovered_day_was_counted(cal: WorkCalendar) -> None:
    assert cal.add_working_days(D(2026, 12, 28), 1).warning is None
    crossing = cal.add_working_days(D(2026, 12, 30), 3)  # 31 Dec, then 2027
    assert crossing.due == D(2027, 1, 4)
    assert crossing.warning and "2027" in crossing.warning and "2026" not in crossing.warning
    assert cal.warning_between(D(2026, 12, 1), D(2026, 12, 31)) is None
    assert cal.warning_between(D(2026, 12, 31), D(2027, 1, 4)) is not None


# ---- the operator's table -------------------------------------------------------------------------------

# Made-up dates for the tests, not the official 2027 schedule.
TABLE_2027 = """
2027:
  holidays:
    - {from: 2027-01-01, to: 2027-01-03, name: 元旦}
    - 2027/3/8
  workdays:
    - {date: 2027-01-09, name: 调休}
"""


def test_operator_table_covers_2027(tmp_path: Path) -> None:
    cal = WorkCalendar.load(_table(tmp_path, TABLE_2027))
    assert 2027 in cal.covered_years() and 2026 in cal.covered_years()
    assert not cal.is_working_day(D(2027, 1, 1))
    assert cal.is_working_day(D(2027, 1, 9))  # Saturday worked in lieu
    dl = cal.add_working_days(D(2026, 12, 31), 1)  # past the New Year holiday, with no warning
    assert (dl.due, dl.warning) == (D(2027, 1, 4), None)
    assert cal.add_working_days(D(2027, 1, 8), 1).due == D(2027, 1, 9)
    assert cal.add_working_days(D(2027, 3, 5), 1).due == D(2027, 3, 9)  # Monday 8 Mar listed off
    assert cal.warning_between(D(2027, 1, 1), D(2027, 3, 31)) is None
    # A year beyond both tables still warns.
    assert "2028" in (cal.add_working_days(D(2027, 12, 30), 3).warning or "")


def test_operator_table_replaces_a_builtin_year(tmp_path: Path) -> None:
    # The operator's 2026 section is the whole of 2026: the built-in Spring Festival no longer applies.
    cal = WorkCalendar.load(_table(tmp_path, "2026:\n  holidays: [2026-03-09]\n"))
    assert not cal.is_working_day(D(2026, 3, 9))
    assert cal.add_working_days(D(2026, 3, 6), 3).due == D(2026, 3, 12)
    assert cal.is_working_day(D(2026, 2, 16))
    assert not cal.is_working_day(D(2026, 2, 14))  # no longer a make-up Saturday
    assert not cal.is_working_day(D(2025, 10, 1))  # other years keep the built-in table


def test_settings_point_at_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_HOLIDAYS", str(_table(tmp_path, TABLE_2027)))
    assert 2027 in load_calendar(load_settings()).covered_years()
    monkeypatch.delenv("DOSSIER_HOLIDAYS")
    assert 2027 not in load_calendar(load_settings()).covered_years()


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("2027:\n  holidays: [2027-01-01\n", "YAML"),
        ("2027:\n  holiday: [2027-01-01]\n", "2027 → holiday: 未知字段"),  # typo in the key
        ("2027:\n  holidays: [2027-02-30]\n", "2027 → holidays → #1: 日期无效 / invalid date '2027-02-30'"),
        ("2027:\n  holidays: [2027-01-01, 2027-MM-DD]\n", "2027 → holidays → #2: 日期无效"),
        ("2027:\n  holidays: [2028-01-01]\n", "2028-01-01"),
        ("2027:\n  holidays: [{from: 2027-10-07, to: 2027-10-01}]\n", "range ends before it starts"),
        ("2027:\n  workdays: [2027-01-06]\n", "2027-01-06 (周三)"),  # a Wednesday is no make-up day
        ("2027:\n  holidays: [2027-01-09]\n  workdays: [2027-01-09]\n", "both holiday and workday"),
        ("- 2027-01-01\n", "top level"),
        ("twenty:\n  holidays: []\n", "twenty"),
    ],
)
def test_bad_table_is_a_config_error(tmp_path: Path, text: str, expect: str) -> None:
    path = _table(tmp_path, text)
    with pytest.raises(ConfigError) as e:
        WorkCalendar.load(path)
    msg = str(e.value)
    assert msg.startswith("节假日表有误 / the holiday table is invalid")
    assert str(path) in msg and expect in msg
    assert e.value.exit_code == 7


def test_missing_table_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="无法读取节假日表"):
        WorkCalendar.load(tmp_path / "nope.yaml")


# ---- the shipped example --------------------------------------------------------------------------------


def _uncomment(text: str, start: str, end: str) -> str:
    block = text.split(start, 1)[1].split(end, 1)[0]
    lines = block.splitlines()[1:]  # drop the rest of the marker line
    return "\n".join(re.sub(r"^# ?", "", ln) for ln in lines if ln.startswith("#") and "----" not in ln)


def test_example_file_adds_nothing_as_shipped() -> None:
    assert load_table(EXAMPLE).root == {}


def test_example_format_block_parses(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    cal = WorkCalendar.load(_table(tmp_path, _uncomment(text, "格式示例", "示例结束")))
    assert 2099 in cal.covered_years()
    assert not cal.is_working_day(D(2099, 10, 1)) and not cal.is_working_day(D(2099, 1, 1))
    assert cal.is_working_day(D(2099, 9, 26)) and cal.is_working_day(D(2099, 10, 10))


def test_example_2027_placeholder_cannot_pass_as_entered(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    with pytest.raises(ConfigError):
        WorkCalendar.load(_table(tmp_path, _uncomment(text, "2027 年官方安排", "格式示例")))
