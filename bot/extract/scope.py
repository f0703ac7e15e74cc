"""Which parts of an article speak about the tracked negotiation.

A paragraph about a third country ("Ishiba held talks with Filipino President Marcos in
Manila") is set aside for topics, tariffs, stances and participants unless it also names the
counterpart side. The list of countries is world knowledge, not negotiation data; the
profile's own sides and topics are never treated as third parties.
"""

from __future__ import annotations

import re
from functools import cache

from bot.extract.article import Article
from bot.profile import Profile

_COUNTRIES = (
    "Afghan(?:istan)?", "Argentin(?:a|e|ian)", "Australian?", "Austrian?", "Bangladesh(?:i)?", "Belgi(?:um|an)",
    "Brazil(?:ian)?", "Britain", "British", "U\\.?K\\.?", "Cambodian?", "Canad(?:a|ian)", "Chile(?:an)?", "China",
    "Chinese", "Colombian?", "Denmark", "Danish", "Egypt(?:ian)?", "E\\.?U\\.?", "European Union", "European",
    "Finland", "Finnish", "France", "French", "Germany?", "German", "Greece", "Greek", "India", "Indian",
    "Indonesian?", "Iran(?:ian)?", "Iraq(?:i)?", "Ireland", "Irish", "Israel(?:i)?", "Ital(?:y|ian)", "Kazakh(?:stan)?",
    "Korean?", "South Korean?", "North Korean?", "Malaysian?", "Mexic(?:o|an)", "Netherlands", "Dutch",
    "New Zealand", "Nigerian?", "Norw(?:ay|egian)", "Pakistan(?:i)?", "Philippines", "Filipino", "Philippine",
    "Poland", "Polish", "Portug(?:al|uese)", "Russian?", "Saudi(?: Arabian?)?", "Singapore(?:an)?",
    "South Africa(?:n)?", "Spain", "Spanish", "Swed(?:en|ish)", "Swiss", "Switzerland", "Taiwan(?:ese)?",
    "Thai(?:land)?", "Turk(?:ey|ish|iye)", "Ukrain(?:e|ian)", "United Kingdom", "Vietnam(?:ese)?", "Manila",
    "Beijing", "Seoul", "London", "Brussels", "Ottawa", "Mexico City", "New Delhi", "Canberra", "Hanoi", "Taipei",
)  # fmt: skip


@cache
def _third_party_re(profile: Profile) -> re.Pattern[str]:
    names = [c for c in _COUNTRIES if not any(r.fullmatch(c.replace("\\", "")) for r in profile.sides.values())]
    names = [c for c in names if not any(r.fullmatch(c.replace("\\", "")) for r in profile.topics.values())]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(names)})(?![\w-])")


def off_topic_paragraphs(article: Article) -> set[int]:
    """Paragraphs that name a third party and not the counterpart side (or its people)."""
    profile = article.profile
    counterpart = {s for s in profile.sides if s != profile.tracked_side}
    third = _third_party_re(profile)
    by_paragraph: dict[int, list] = {}
    for sentence in article.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    off = set()
    for index, sentences in by_paragraph.items():
        if index == 0:
            continue
        text = " ".join(s.text for s in sentences)
        if not third.search(text):
            continue
        names_counterpart = any(
            m.value in counterpart for s in sentences for m in article.sides_in(s)
        ) or any(article.side_of(m.value) in counterpart for s in sentences for m in article.people_in(s))
        if not names_counterpart:
            off.add(index)
    return off


def mentions_third_party(article: Article, text: str) -> bool:
    return bool(_third_party_re(article.profile).search(text))
