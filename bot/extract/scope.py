"""Which parts of an article speak about the tracked negotiation.

A paragraph about a third country ("Ishiba held talks with Filipino President Marcos in
Manila") is set aside for topics, tariffs, stances and participants unless it also names the
counterpart side. The list of countries is world knowledge, not negotiation data; the
profile's own sides and topics are never treated as third parties.
"""

from __future__ import annotations

from bot.extract.article import Article
from bot.phrases import Phrases
from bot.profile import Profile

_COUNTRIES = (
    "Afghanistan", "Afghan", "Argentina", "Argentine", "Argentinian", "Australia", "Australian", "Austria",
    "Austrian", "Bangladesh", "Bangladeshi", "Belgium", "Belgian", "Brazil", "Brazilian", "Britain", "British",
    "U.K.", "UK", "Cambodia", "Cambodian", "Canada", "Canadian", "Chile", "Chilean", "China", "Chinese",
    "Colombia", "Colombian", "Denmark", "Danish", "Egypt", "Egyptian", "EU", "E.U.", "European Union",
    "Finland", "Finnish", "France", "French", "Germany", "German", "Greece", "Greek", "India", "Indian",
    "Indonesia", "Indonesian", "Iran", "Iranian", "Iraq", "Iraqi", "Ireland", "Irish", "Israel", "Israeli",
    "Italy", "Italian", "Kazakhstan", "Korea", "Korean", "South Korea", "South Korean", "Malaysia", "Malaysian",
    "Mexico", "Mexican", "Netherlands", "Dutch", "New Zealand", "Nigeria", "Nigerian", "Norway", "Norwegian",
    "Pakistan", "Pakistani", "Philippines", "Filipino", "Philippine", "Poland", "Polish", "Portugal",
    "Portuguese", "Russia", "Russian", "Saudi Arabia", "Saudi", "Singapore", "Singaporean", "South Africa",
    "South African", "Spain", "Spanish", "Sweden", "Swedish", "Swiss", "Switzerland", "Taiwan", "Taiwanese",
    "Thailand", "Thai", "Turkey", "Turkish", "Ukraine", "Ukrainian", "United Kingdom", "Vietnam", "Vietnamese",
    "Manila", "Beijing", "Seoul", "London", "Brussels", "Ottawa", "Mexico City", "New Delhi", "Canberra",
    "Hanoi", "Taipei", "Geneva", "Stockholm",
)  # fmt: skip
_THIRD_PARTY: dict[int, Phrases] = {}


def third_parties(profile: Profile) -> Phrases:
    """Country and capital names that are neither a side nor a topic of this profile."""
    found = _THIRD_PARTY.get(id(profile))
    if found is None:
        own = [*profile.sides.values(), *profile.topics.values()]
        names = [c for c in _COUNTRIES if not any(p.search(c) for p in own)]
        found = Phrases([n.replace(".", r"\.") for n in names], case_sensitive=True)
        _THIRD_PARTY[id(profile)] = found
    return found


def off_topic_paragraphs(article: Article) -> set[int]:
    """Paragraphs that name a third party and not the counterpart side (or its people)."""
    profile = article.profile
    third = third_parties(profile)
    counterparts = [s for s in profile.sides if s != profile.tracked_side]
    spans: dict[int, tuple[int, int]] = {}
    for sentence in article.sentences:
        start, end = spans.get(sentence.paragraph, (sentence.start, sentence.end))
        spans[sentence.paragraph] = (min(start, sentence.start), max(end, sentence.end))
    off = set()
    for index, (start, end) in spans.items():
        if index == 0 or not article.has(third, start, end):
            continue
        if not any(article.names_side(side, start, end) for side in counterparts):
            off.add(index)
    return off


def mentions_third_party(article: Article, start: int, end: int) -> bool:
    return article.has(third_parties(article.profile), start, end)
