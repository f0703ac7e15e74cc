"""An extractor that returns the gold facts of the seed articles (seeds/gold.json).

Replay tests that are about the *knowledge base* (merging, digests, changes, crash safety) use
it so they do not depend on the extractor's accuracy; tests/e2e/test_replay.py also runs the
real extractor. Evidence sentences are taken from the article: the first sentence that names
the fact (for stances, a cue word of the stance), so alerts quote real text. The gold file has
no next steps; they are read from the article with the extractor's own next-step finder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.extract.article import prepare_article
from bot.extract.facts import ArticleFacts, Meeting, Position, Tariff
from bot.extract.next_steps import find_next_steps
from bot.extract.profile import Profile
from bot.feeds.entry import FeedEntry
from bot.knowledge.dedupe import clean_text

GOLD = Path(__file__).resolve().parents[2] / "seeds" / "gold.json"
_CUES = {"removal": r"remov|drop|eliminat|exempt|scrap", "reduction": r"reduc|cut|lower|settle", "agreed": r"agree"}


def _sentences(entry: FeedEntry) -> list[str]:
    text = clean_text(entry.html)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ")) if s.strip()]


def _find(sentences: list[str], pattern: str) -> str:
    return next((s for s in sentences if re.search(pattern, s, re.I)), "")


class GoldExtractor:
    def __init__(self) -> None:
        self.gold = {a["id"]: a for a in json.loads(GOLD.read_text(encoding="utf-8"))["articles"]}

    def __call__(self, entry: FeedEntry, profile: Profile) -> ArticleFacts:
        g = self.gold.get(entry.guid)
        if g is None:
            return ArticleFacts(id=entry.guid)
        sentences = _sentences(entry)
        article = prepare_article(
            guid=entry.guid, title=entry.title, html=entry.html, published=entry.published, profile=profile
        )
        return ArticleFacts(
            id=g["id"],
            relevant=g["relevant"],
            round=g["round"],
            round_status=g["round_status"],
            date=g["date"],
            location=g["location"],
            participants=list(g["participants"]),
            meetings=[
                Meeting(tuple(m["with"]), m["minutes"], _find(sentences, rf"\b{m['minutes']}\b|minute|hour"))
                for m in g["meetings"]
            ],
            topics=list(g["topics"]),
            not_discussed=list(g["not_discussed"]),
            tariffs=[
                Tariff(t["sector"], t["rate"], _find(sentences, rf"\b{t['rate']:g}\s*(%|percent)"))
                for t in g["tariffs"]
            ],
            positions=[
                Position(p["actor"], p["issue"], p["stance"], _find(sentences, rf"tariff.*({_CUES[p['stance']]})"))
                for p in g["positions"]
            ],
            next_steps=find_next_steps(article, set()) if g["round"] else [],
            evidence={"location": _find(sentences, g["location"] or "^$")} if g["location"] else {},
        )
