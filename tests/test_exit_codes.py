"""`dossier.errors.ExitCode` is the one list of exit statuses: the README's table shows exactly its values, and
no code spells an exit status as a bare number."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from dossier.errors import ExitCode
from tests.test_messages import _sources

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readme_table_lists_every_exit_code_once_in_order() -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| exit code | meaning |"):]
    rows = re.findall(r"^\| ([\d, ]+) \|", table.split("\n\n")[0], re.M)
    listed = [int(c) for row in rows for c in row.split(",")]
    assert listed == [int(c) for c in ExitCode]


def _bare_exit_statuses(tree: ast.AST) -> list[int]:
    """Line numbers where a number is given as an exit status: `sys.exit(N)`, `SystemExit(N)`, `exit_code = N`,
    or `return N` from a `cmd_*` function or `main` (what the command returns is its exit status)."""
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("exit", "SystemExit"):
            bad += [node.lineno for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, int)]
        elif isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "exit_code" for t in node.targets):
            bad += [node.lineno] if isinstance(node.value, ast.Constant) else []
        elif isinstance(node, ast.FunctionDef) and (node.name.startswith("cmd_") or node.name == "main"):
            bad += [r.lineno for r in ast.walk(node) if isinstance(r, ast.Return)
                    and isinstance(r.value, ast.Constant) and isinstance(r.value.value, int)]
    return bad


def test_no_exit_status_is_a_bare_number() -> None:
    assert sorted(_bare_exit_statuses(ast.parse("def cmd_x():\n    return 2\nexit_code = 1\nsys.exit(3)\n"))) == [2, 3, 4]
    found = {str(p): lines for p in _sources()
             if (lines := _bare_exit_statuses(ast.parse(p.read_text(encoding="utf-8"))))}
    assert found == {}
