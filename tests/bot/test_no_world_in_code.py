"""No knowledge of the world or of one negotiation in Python code.

Countries, demonyms and capitals come from a data package (`bot.extract.world`), everything
about a negotiation from a profile TOML. This reads every string constant of the code under
bot/ and cogs/ (docstrings aside: they explain with examples) and looks for any word that names
a country or a capital in the data package, or a person, side or place of a shipped profile.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from bot.extract.profile import load_profile
from bot.extract.world import country_words

ROOT = Path(__file__).resolve().parents[2]
PROFILES = sorted((ROOT / "bot" / "profiles").glob("*.toml"))


def _string_constants(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def _names_of_the_world() -> set[str]:
    names = {w for w in country_words() if len(w) > 2}  # "UK", "EU": too short to tell from code
    for path in PROFILES:
        profile = load_profile(path)
        names.update(profile.sides)
        for person in profile.people:
            names.update(w for w in person.name.split() if len(w) > 2)
        names.update(place.city for place in profile.places)
    return names


def test_the_shipped_profiles_are_read():
    assert len(PROFILES) >= 1


def test_no_python_under_bot_or_cogs_names_a_country_a_city_or_a_person():
    names = _names_of_the_world()
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)", re.I)
    found = []
    for path in sorted([*(ROOT / "bot").rglob("*.py"), *(ROOT / "cogs").rglob("*.py")]):
        for line, text in _string_constants(path):
            for match in pattern.finditer(text):
                found.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)!r} in {text[:60]!r}")
    assert found == []
