"""The tracked side's stance on the counterpart's tariffs, as current at publication.

A stance needs the tracked side (or one of its people) as the one who wants it, a tariff word,
and a stance phrase from the profile (removal, reduction, agreed). Stances described as earlier
("had long demanded", "a shift from its earlier insistence") are not current; vague words
("relief", "reconsider", "revisited") are no stance.
"""

from __future__ import annotations

import re

from bot.extract.article import Article
from bot.extract.cues import CLAUSE_SPLIT, EARLIER, SPECULATION
from bot.extract.facts import Position

_TARIFF = re.compile(r"(?<![\w-])(?:tariffs?|levy|levies|duties|duty)(?![\w-])", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no longer|won't|will not|refus\w+|reject\w+)\s+(?:\w+\s+){0,2}$", re.I)
_OTHER_ACTOR_OBJECT = re.compile(r"\b(?:seek|seeks|sought|demand\w*|call\w*|urg\w+|ask\w*|want\w*|hope\w*|press\w*)\b", re.I)


def _tracked_actor(article: Article, start: int, end: int) -> bool:
    tracked = article.profile.tracked_side
    if any(m.value == tracked for m in article.within(article.sides, start, end)):
        return True
    return any(article.side_of(m.value) == tracked for m in article.within(article.people, start, end))


def find_positions(article: Article, skip_paragraphs: set[int]) -> list[Position]:
    profile = article.profile
    found: dict[str, Position] = {}
    for sentence in article.sentences:
        if sentence.paragraph in skip_paragraphs or SPECULATION.search(sentence.text):
            continue
        offset = 0
        for clause in CLAUSE_SPLIT.split(sentence.text):
            clause_start = sentence.text.find(clause, offset)
            offset = max(offset, clause_start + len(clause))
            if not _TARIFF.search(clause) and not re.search(r"\b(?:deal|agreement)\b", clause, re.I):
                continue
            if EARLIER.search(clause):
                continue
            start = sentence.start + max(clause_start, 0)
            for stance in ("agreed", "reduction", "removal"):
                match = profile.stances[stance].search(clause)
                if not match:
                    continue
                if _NEGATED.search(clause[: match.start()]):
                    continue
                if stance != "agreed" and not _TARIFF.search(clause):
                    continue
                actor_end = start + match.start()
                if not _tracked_actor(article, sentence.start, actor_end) and not (
                    _OTHER_ACTOR_OBJECT.search(clause) and _tracked_actor(article, sentence.start, sentence.end)
                ):
                    continue
                if stance not in found:
                    found[stance] = Position(profile.tracked_side, profile.stance_issue, stance, sentence.text)
                break
    return list(found.values())
