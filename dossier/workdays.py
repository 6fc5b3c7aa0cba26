"""Working days on the Chinese calendar: statutory holidays off, make-up working weekends (调休) on.

Three sources, most specific first:
1. the operator's holiday table (YAML, Settings.holidays_file / DOSSIER_HOLIDAYS): a year listed there
   replaces the built-in schedule for that whole year;
2. the `chinese-calendar` package (1.11.0 covers 2004-2026);
3. for any other year, Monday-Friday only, and every result that relied on it carries a warning,
   because the State Council publishes each year's schedule only late in the year before.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import chinese_calendar
import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from dossier.config import Settings, load_settings
from dossier.errors import ConfigError
from dossier.messages import text

_WEEKDAY_ZH = "一二三四五六日"
_NO_TABLE: tuple[set[date], set[date]] = (set(), set())


# ---- the operator's table -------------------------------------------------------------------------------


def _parse_date(value: object) -> object:
    # Clerks type 2027/1/1, 2027.1.1 or 2027年1月1日 as readily as ISO; YAML only turns
    # zero-padded ISO into a date by itself.
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", value)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError as e:
                raise ValueError(f"{text('holidays.invalid_date', value=repr(value))}: {e}") from None
    return value


class DayEntry(BaseModel):
    """One day or an inclusive range of days, optionally named (春节, National Day, ...)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    start: date = Field(alias="from")
    end: date = Field(alias="to")
    name: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, dict) and "date" in value:
            value = {k: v for k, v in value.items() if k != "date"} | {
                "from": value["date"],
                "to": value["date"],
            }
        elif not isinstance(value, dict):
            value = {"from": value, "to": value}
        return value

    @field_validator("start", "end", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        return _parse_date(value)

    @model_validator(mode="after")
    def _ordered(self) -> DayEntry:
        if self.end < self.start:
            raise ValueError(
                f"{text('holidays.range_reversed')}: {self.start} .. {self.end}"
            )
        return self

    def days(self) -> list[date]:
        return [self.start + timedelta(i) for i in range((self.end - self.start).days + 1)]


class YearTable(BaseModel):
    model_config = ConfigDict(extra="forbid")

    holidays: list[DayEntry] = []
    workdays: list[DayEntry] = []

    def holiday_dates(self) -> set[date]:
        return {d for e in self.holidays for d in e.days()}

    def workday_dates(self) -> set[date]:
        return {d for e in self.workdays for d in e.days()}


class HolidayTable(RootModel[dict[int, YearTable]]):
    """The whole file: `{year: {holidays: [...], workdays: [...]}}`."""

    @model_validator(mode="after")
    def _consistent(self) -> HolidayTable:
        for year, table in self.root.items():
            if not 1949 <= year <= 2200:
                raise ValueError(text("holidays.implausible_year", year=year))
            off, on = table.holiday_dates(), table.workday_dates()
            stray = sorted(d for d in off | on if d.year != year)
            if stray:
                raise ValueError(f"{year}: {text('holidays.outside_year')}: {_fmt(stray)}")
            both = sorted(off & on)
            if both:
                raise ValueError(
                    f"{year}: {text('holidays.both')}: {_fmt(both)}"
                )
            # A make-up working day is a weekend day by definition; a weekday here is a typo.
            weekdays = sorted(d for d in on if d.weekday() < 5)
            if weekdays:
                raise ValueError(
                    f"{year}: {text('holidays.workday_weekend')}: "
                    + ", ".join(f"{d} (周{_WEEKDAY_ZH[d.weekday()]})" for d in weekdays)
                )
        return self


def _fmt(days: list[date]) -> str:
    return ", ".join(d.isoformat() for d in days)


class _Loader(yaml.SafeLoader):
    """YAML without its own date parsing, so a bad date (2027-02-30) is reported with its place."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_table(path: Path) -> HolidayTable:
    """Read and validate an operator holiday table; any problem is a ConfigError naming the file."""
    invalid = "holidays.invalid"
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"{path}: {e.strerror or e}", msg="holidays.unreadable") from e
    try:
        data = yaml.load(source, Loader=_Loader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as e:
        raise ConfigError(f"{path}: {text('holidays.yaml_syntax')}: {e}", msg=invalid) from e
    if data is None:  # an empty (or all-comment) file lists no years
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: {text('holidays.top_level')}", msg=invalid)
    try:
        return HolidayTable.model_validate(data)
    except ValidationError as e:
        problems = list(dict.fromkeys(_problem(err) for err in e.errors()))  # dedupe, keep order
        raise ConfigError(f"{path}: {'; '.join(problems)}", msg=invalid) from e


def _problem(err: ErrorDetails) -> str:
    # Where, as a clerk reads the file: "2027 → holidays → #2" (items counted from 1; a single date
    # is both `from` and `to` internally, so those are left out), then what is wrong.
    where = [f"#{p + 1}" if isinstance(p, int) and i else str(p) for i, p in enumerate(err["loc"])]
    where = [p for p in where if p not in ("from", "to")]
    kind = err["type"]
    if kind == "value_error":
        what = err["msg"].removeprefix("Value error, ")
    elif kind == "extra_forbidden":
        what = text("holidays.unknown_key")
    elif kind.startswith("date"):
        what = text("holidays.invalid_date", value=repr(err["input"]))
    elif kind.startswith("int"):
        what = f"{text('holidays.year_number')}: {err['input']!r}"
    elif kind == "list_type":
        what = f"{text('holidays.expected_list')}: {err['input']!r}"
    else:
        what = f"{err['msg']} ({err['input']!r})"
    where = [p for p in where if p != "[key]"]
    return f"{' → '.join(where)}: {what}" if where else what


# ---- the calendar ---------------------------------------------------------------------------------------


class Deadline(BaseModel):
    due: date
    warning: str | None = None  # set when a day counted fell in a year with no holiday table


def no_table_warning(years: set[int]) -> str | None:
    if not years:
        return None
    ys = sorted(years)
    return (text("holidays.no_table", "zh", years="、".join(map(str, ys))) + " / "
            + text("holidays.no_table", "en", years=", ".join(map(str, ys))))


def _builtin() -> dict[int, tuple[set[date], set[date]]]:
    # The package's own dicts (date -> holiday name) rather than is_workday(), which raises per call
    # outside its range; the covered range follows whatever version is installed.
    years: dict[int, tuple[set[date], set[date]]] = {}
    for d in chinese_calendar.holidays:
        years.setdefault(d.year, (set(), set()))[0].add(d)
    for d in chinese_calendar.workdays:
        years.setdefault(d.year, (set(), set()))[1].add(d)
    return years


class WorkCalendar:
    def __init__(self, table: HolidayTable | None = None) -> None:
        self._years = _builtin()
        for year, t in (table.root if table else {}).items():
            self._years[year] = (t.holiday_dates(), t.workday_dates())

    @classmethod
    def load(cls, holidays_file: Path | None = None) -> WorkCalendar:
        return cls(load_table(holidays_file) if holidays_file else None)

    def covered_years(self) -> set[int]:
        return set(self._years)

    def is_working_day(self, d: date) -> bool:
        off, on = self._years.get(d.year, _NO_TABLE)
        return d in on or (d.weekday() < 5 and d not in off)

    def add_working_days(self, start: date, n: int) -> Deadline:
        """The n-th working day after `start` (which itself does not count)."""
        if n < 0:
            raise ValueError("n must be >= 0")
        d, left, seen = start, n, set()
        while left:
            d += timedelta(1)
            seen.add(d.year)
            if self.is_working_day(d):
                left -= 1
        return Deadline(due=d, warning=no_table_warning(seen - self.covered_years()))

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]: how many working days `b` is after `a`; negative when b is before a."""
        if b < a:
            return -self.working_days_between(b, a)
        return sum(self.is_working_day(a + timedelta(i)) for i in range(1, (b - a).days + 1))

    def warning_between(self, a: date, b: date) -> str | None:
        """The warning to show beside working_days_between(a, b), if it relied on weekends only."""
        lo, hi = min(a, b), max(a, b)
        if lo == hi:
            return None
        counted = set(range((lo + timedelta(1)).year, hi.year + 1))
        return no_table_warning(counted - self.covered_years())


def load_calendar(settings: Settings | None = None) -> WorkCalendar:
    """The calendar for the configured holiday table (DOSSIER_HOLIDAYS), or the built-in one."""
    return WorkCalendar.load((settings or load_settings()).holidays_file)
