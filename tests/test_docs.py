"""The README and docs/ stand alone and match the tree.

- Every relative link resolves to a file inside the repository: a clone has nothing beside it, so
  a link to a folder beside the clone (or to a file that moved) is a dead end for its reader. Web links are
  not followed here: tests send traffic only to loopback.
- Every path they name in code (`bot/feeds/polling.py`, `tests/README.md`) exists, and every
  dotted name of our code (`storage.migrate.upgrade`) names a module and something it defines:
  a file moved or renamed without its docs fails here.
- Every package and module directly under `bot/` is described in docs/architecture.md and in the
  README's "How it is built", and `bot/` keeps at most six modules at its top (the rest live in
  the stage packages).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
NAMING = [*DOCUMENTS, ROOT / "tests" / "README.md"]  # documents whose named paths are checked
# [text](target) and [text](target "title"); images too. Code spans are removed first.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)
FENCED = re.compile(r"```.*?```", re.S)
SPAN = re.compile(r"`([^`\n]+)`")
TOP_FOLDERS = ("bot", "cogs", "storage", "tests", "seeds", "bench", "deploy", "docs")
# `bot/feeds/polling.py`, `tests/bot/...`, `bot/profiles/*.toml`: a path from the repository's root
REPO_PATH = re.compile(rf"^(?:{'|'.join(TOP_FOLDERS)})/[\w./*-]*$")
# `storage.migrate.upgrade(url)`, `bot.knowledge.ingest`: a dotted name of our code
DOTTED = re.compile(r"^((?:bot|cogs|storage)(?:\.[A-Za-z_]\w*)+)")


def relative_links(document: Path) -> list[str]:
    text = CODE.sub("", document.read_text(encoding="utf-8"))
    return [target for target in LINK.findall(text) if not EXTERNAL.match(target)]


def test_there_are_documents_with_links_to_check() -> None:
    assert (ROOT / "docs" / "architecture.md").is_file()
    assert (ROOT / "docs" / "interfaces.md").is_file()
    assert sum(len(relative_links(d)) for d in DOCUMENTS) >= 5


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: str(d.relative_to(ROOT)))
def test_every_relative_link_resolves_inside_the_repository(document: Path) -> None:
    for target in relative_links(document):
        path = (document.parent / target.split("#", 1)[0]).resolve()
        assert path.is_relative_to(ROOT), f"{target} leaves the repository"
        assert path.exists(), f"{target} does not exist"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: str(d.relative_to(ROOT)))
def test_no_document_points_outside_the_repository(document: Path) -> None:
    """Not in a link, nor in prose or code: every path that climbs out of its folder (`../x`)
    stays inside the repository, and no document cites the reference notes Parley was written
    from (they are not part of a clone)."""
    text = document.read_text(encoding="utf-8")
    for climb in re.findall(r"(?<![\w.])(?:\.\./)+[\w.-]+", text):
        assert (document.parent / climb).resolve().is_relative_to(ROOT), f"{climb} leaves the repository"
    for outside in ("CONTRACT.md", "ARCHITECTURE.md"):
        assert outside not in text


def test_the_link_finder_sees_what_a_reader_would_click(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("[a](docs/x.md) [b](https://example.org) `[c](in/code.md)` [d](../up.md#part) [e](#here)\n")
    assert relative_links(page) == ["docs/x.md", "../up.md#part"]


def code_spans(document: Path) -> list[str]:
    """The inline code of a document (fenced blocks left out: they show commands and output)."""
    return [span.strip() for span in SPAN.findall(FENCED.sub("", document.read_text(encoding="utf-8")))]


def named_paths(document: Path) -> list[str]:
    return [span for span in code_spans(document) if REPO_PATH.match(span)]


def path_exists(named: str) -> bool:
    named = named.removesuffix("...")  # `tests/bot/...`: the folder
    if "*" in named:
        return any(ROOT.glob(named))
    return (ROOT / named).exists()


def dotted_name_resolves(dotted: str) -> bool:
    """The longest prefix that is a module or package of ours, then (if anything is left) a name
    its source defines or imports: `storage.Store` (storage/__init__.py names Store)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        base = ROOT.joinpath(*parts[:cut])
        source = base.with_suffix(".py") if base.with_suffix(".py").is_file() else base / "__init__.py"
        if source.is_file():
            if cut == len(parts):
                return True
            return re.search(rf"\b{re.escape(parts[cut])}\b", source.read_text(encoding="utf-8")) is not None
    return False


@pytest.mark.parametrize("document", NAMING, ids=lambda d: str(d.relative_to(ROOT)))
def test_every_path_a_document_names_exists(document: Path) -> None:
    missing = [p for p in named_paths(document) if not path_exists(p)]
    assert not missing, f"{document.name} names paths that do not exist: {missing}"
    dotted = [m.group(1) for span in code_spans(document) if (m := DOTTED.match(span))]
    unresolved = [d for d in dotted if not dotted_name_resolves(d)]
    assert not unresolved, f"{document.name} names code that does not exist: {unresolved}"


def test_the_path_checks_see_a_moved_file(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("`bot/feeds/polling.py` `bot/polling.py` `tests/bot/...` `run it` `x/y.py`\n"
                    "```\nbot/not/checked.py\n```\n", encoding="utf-8")
    assert named_paths(page) == ["bot/feeds/polling.py", "bot/polling.py", "tests/bot/..."]
    assert [path_exists(p) for p in named_paths(page)] == [True, False, True]
    assert dotted_name_resolves("storage.migrate.upgrade") and dotted_name_resolves("bot.knowledge.ingest")
    assert not dotted_name_resolves("bot.polling") and not dotted_name_resolves("storage.migrate.no_such_name")


def rooms_of_bot() -> list[str]:
    """`bot/NAME/` for each folder directly under bot/, `bot/NAME.py` for each module (but __init__)."""
    bot = ROOT / "bot"
    folders = [f"bot/{p.name}/" for p in sorted(bot.iterdir()) if p.is_dir() and not p.name.startswith((".", "_"))]
    modules = [f"bot/{p.name}" for p in sorted(bot.glob("*.py")) if p.name != "__init__.py"]
    return folders + modules


def how_it_is_built() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it is built", 1)[1]
    return section.split("\n## ", 1)[0]


@pytest.mark.parametrize("where", ["docs/architecture.md", "README.md#how-it-is-built"])
def test_every_package_and_module_of_bot_is_described(where: str) -> None:
    text = how_it_is_built() if where.startswith("README") else (ROOT / where).read_text(encoding="utf-8")
    spans = set(SPAN.findall(text))
    undescribed = [room for room in rooms_of_bot() if room not in spans and room.rstrip("/") not in spans]
    assert not undescribed, f"{where} does not describe {undescribed}"


def test_bot_keeps_at_most_six_modules_at_its_top() -> None:
    modules = [p.name for p in (ROOT / "bot").glob("*.py") if p.name != "__init__.py"]
    assert len(modules) <= 6, f"bot/ holds {sorted(modules)}: put the new one in its stage's package"
