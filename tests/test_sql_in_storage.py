"""All SQL of Parley lives in `storage/`: no module of `bot/` or `cogs/` imports SQLModel or
SQLAlchemy or builds a query with `select(...)`.

Why a test: the rule is what lets the tables change (a foreign key, a JSON column) in one
package, with its migration, without hunting queries through the pipeline and the cogs. It reads
the source with `ast`, so a word in a docstring or a comment is no finding, and an import hidden
inside a function is one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUTSIDE_STORAGE = ("bot", "cogs")
DATABASE_PACKAGES = ("sqlmodel", "sqlalchemy", "alembic", "aiosqlite", "asyncpg")


def sql_findings(source: str) -> list[str]:
    """Each import of a database package and each `select(...)` call in ``source``, with its line."""
    findings: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if node.level == 0 else []
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name == "select":
                findings.append(f"line {node.lineno}: select(...)")
            continue
        else:
            continue
        findings += [f"line {node.lineno}: imports {name}" for name in names
                     if name.split(".")[0] in DATABASE_PACKAGES]
    return findings


def _modules_outside_storage() -> list[Path]:
    return sorted(path for folder in OUTSIDE_STORAGE for path in (ROOT / folder).rglob("*.py"))


def test_the_scan_sees_imports_anywhere_and_select_calls() -> None:
    source = (
        "import json\n"
        "from storage import Store\n"
        "def f():\n"
        "    from sqlmodel import select\n"
        "    import sqlalchemy.orm\n"
        "    return select(Claim), query.select()\n"
        '"""select(Claim) in a docstring is prose"""\n'
    )
    assert sorted(sql_findings(source)) == [
        "line 4: imports sqlmodel", "line 5: imports sqlalchemy.orm", "line 6: select(...)", "line 6: select(...)",
    ]


def test_there_are_modules_to_scan() -> None:
    modules = _modules_outside_storage()
    assert ROOT / "bot" / "knowledge" / "ingest.py" in modules
    assert ROOT / "cogs" / "status.py" in modules


@pytest.mark.parametrize("path", _modules_outside_storage(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_sql_outside_storage(path: Path) -> None:
    assert sql_findings(path.read_text(encoding="utf-8")) == [], f"{path.relative_to(ROOT)} holds SQL; move it to storage/"
