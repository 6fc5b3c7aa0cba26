"""The progress of a long run: redrawn in place with rate and time left on a terminal; in a log, a plain
line at most every half minute, so a short run writes nothing there."""

from __future__ import annotations

import io

from dossier.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_line_is_redrawn_with_rate_and_time_left() -> None:
    t = [0.0]
    out = Terminal()
    p = Progress(10, "文件 files", out, clock=lambda: t[0])
    for _ in range(4):
        t[0] += 30.0  # two files a minute
        p.advance()
    p.close()
    last = out.getvalue().split("\r")[-1]
    assert "文件 files 4/10" in last and "2.0/分钟 min" in last and "ETA 3 分钟 min" in last
    assert out.getvalue().count("\r") == 4 and out.getvalue().endswith("\n")


def test_in_a_log_a_short_run_writes_nothing_and_a_long_one_a_line_each_half_minute() -> None:
    t = [0.0]
    log = io.StringIO()
    p = Progress(100, "文件 files", log, clock=lambda: t[0])
    for _ in range(3):
        t[0] += 5.0
        p.advance()
    assert log.getvalue() == ""
    for _ in range(12):
        t[0] += 5.0
        p.advance()
    lines = log.getvalue().splitlines()
    assert len(lines) == 2 and "\r" not in log.getvalue() and lines[-1].startswith("文件 files 12/100")
