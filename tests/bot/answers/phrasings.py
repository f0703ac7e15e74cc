"""Questions in plain words, read from the TOML lists beside this file, and how one is scored.

Shared by the tests (the tuned list must all pass) and bench/questions.py (which scores both
lists, the blind one included, and prints the figures).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from bot.answers.answer import Answer

DATA = Path(__file__).parent / "data"
TUNED = DATA / "questions_tuned.toml"
BLIND = DATA / "questions_blind.toml"
BLIND2 = DATA / "questions_blind2.toml"  # a second blind list, written later by another author


@dataclass(frozen=True)
class Phrasing:
    text: str
    expect: tuple[str, ...]
    reject: tuple[str, ...] = ()
    command: str | None = None
    thread_round: int | None = None
    notes: list[str] = field(default_factory=list)


def load(path: Path) -> list[Phrasing]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        Phrasing(text=q["text"], expect=tuple(q.get("expect", ())), reject=tuple(q.get("reject", ())),
                 command=q.get("command"), thread_round=q.get("thread_round"))
        for q in data["question"]
    ]


def answer_text(answer: Answer) -> str:
    return answer.to_text()


def misses(phrasing: Phrasing, answer: Answer) -> list[str]:
    """What is wrong with ``answer`` to ``phrasing`` (empty when it scores)."""
    text = answer_text(answer).lower()
    wrong = [f"missing {e!r}" for e in phrasing.expect if e.lower() not in text]
    wrong += [f"should not say {r!r}" for r in phrasing.reject if r.lower() in text]
    if phrasing.command != "help" and answer.title.startswith(("Sorry, I did not understand", "Ask me about")):
        wrong.append("got the help")
    return wrong
