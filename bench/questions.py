"""Scores of the question parser: the tuned phrasings and the blind ones, after a replay of the seeds.

The tuned list (tests/bot/answers/data/questions_tuned.toml) is what the parser was written
against; the blind list (questions_blind.toml) was written before the parser and is never tuned
to, so its score is the honest estimate of how often a team member's own wording is understood.

    .venv/bin/python bench/questions.py [--verbose] [LIST.toml ...]

With no list, the tuned and the blind lists are scored; a list of your own, in the same format,
is scored instead when given.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answers.queries import ask_question  # noqa: E402
from bot.answers.questions import QuestionParser  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.extract.profile import default_profile  # noqa: E402
from bot.replay import replay  # noqa: E402
from storage import Store  # noqa: E402
from tests.bot.answers.phrasings import BLIND, BLIND2, TUNED, load, misses  # noqa: E402


async def score(store: Store, parser: QuestionParser, path: Path, verbose: bool) -> tuple[int, int]:
    phrasings = load(path)
    good = 0
    for phrasing in phrasings:
        answer = await ask_question(store, parser, phrasing.text, thread_round=phrasing.thread_round)
        wrong = misses(phrasing, answer)
        good += not wrong
        if verbose and wrong:
            print(f"  MISS {phrasing.text!r}: {'; '.join(wrong)} (answered {answer.title!r})")
    return good, len(phrasings)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="show each miss")
    parser.add_argument("lists", nargs="*", type=Path, help="phrasing lists to score (default: tuned and blind)")
    args = parser.parse_args()
    lists = [(path.stem, path) for path in args.lists] or [("tuned", TUNED), ("blind", BLIND), ("blind2", BLIND2)]
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='parley-questions-')) / 'seeds.db'}"
    await replay(Settings(_env_file=None, database_url=url), ROOT / "seeds", False)  # type: ignore[call-arg]
    questions = QuestionParser(default_profile())
    async with Store(url) as store:
        for name, path in lists:
            good, total = await score(store, questions, path, args.verbose)
            print(f"{name} phrasings: {good}/{total} answered with every expected fact ({good / total:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
