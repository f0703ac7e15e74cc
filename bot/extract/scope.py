"""Which parts of an article speak about the tracked negotiation.

A paragraph about a third country ("Ishiba held talks with Filipino President Marcos in
Manila") is set aside for topics, tariffs, stances and participants unless it also names the
counterpart side. The countries are world knowledge, from a data package (`bot.extract.world`),
not negotiation data; whatever the profile names (its sides and their countries, its places,
its people, its topics) is never treated as a third party.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from functools import cache
from operator import attrgetter
from typing import cast

from bot.extract.article import Article
from bot.extract.phrases import NO_HITS, Hits, Phrases
from bot.extract.profile import Profile
from bot.extract.text import Sentence
from bot.extract.world import COUNTRY_NAMES, countries, country_words

# every word the data package has for a country ("Sweden", "Swedish", "Stockholm"), found in one pass
_COUNTRY_NAMES = COUNTRY_NAMES
_OWN_NAMES: weakref.WeakKeyDictionary[Profile, frozenset[str]] = weakref.WeakKeyDictionary()
_SIDE_NAMES: weakref.WeakKeyDictionary[Profile, frozenset[str]] = weakref.WeakKeyDictionary()
_START = attrgetter("start")  # a sentence's offset, to bisect the article's sentences by


def _own_names(profile: Profile) -> frozenset[str]:
    """Country names that are a side, a topic, a place or a person of this profile, so never a
    third party."""
    names = _OWN_NAMES.get(profile)
    if names is None:
        topics = list(profile.topics.values())
        names = _side_names(profile) | {w for w in country_words() if any(p.search(w) for p in topics)}
        _OWN_NAMES[profile] = names
    return names


def _side_names(profile: Profile) -> frozenset[str]:
    """Country names that a side, a place or a person of this profile names (China, a topic of the
    Japan–US talks, is still another country): every word of a side's country ("Beijing" for a
    side called "China") and whatever the profile names itself ("Geneva", the venue of a round)."""
    names = _SIDE_NAMES.get(profile)
    if names is None:
        own = [*profile.sides.values(), *profile.place_phrases(), *profile.person_phrases()]
        # a name that holds a side's alias is not the side's unless the alias is the whole of it:
        # "North Korea" is another country for a side whose alias is "Korea"
        words = {w for w in country_words() if any(_names_whole(p, w) for p in own)}
        sides = list(profile.sides.values())
        for country in countries():  # a side's country: all its words are the side's
            if any(p.spans(country.name) == [(0, len(country.name))] for p in sides):
                words.update(country.names)
        names = _SIDE_NAMES[profile] = frozenset(words)
    return names


def _names_whole(phrases: Phrases, word: str) -> bool:
    """Whether ``phrases`` find the whole of ``word`` (a country's name), not a part of it."""
    return phrases.spans(word if phrases.case_sensitive else word.lower()) == [(0, len(word))]


def _third_parties(article: Article, *, topics_too: bool = False) -> Hits:
    """Where the article names a country that is not a side (nor, unless ``topics_too``, a topic),
    sifted once per article: paragraphs, sentences and clauses all ask."""
    key = "scope.other_countries" if topics_too else "scope.third_parties"
    found = article.memo.get(key)
    if found is None:
        spans = article.hits(_COUNTRY_NAMES).spans
        kept = []
        if spans:  # most stories name no other country at all
            own = _side_names(article.profile) if topics_too else _own_names(article.profile)
            text = article.text
            theirs = [(s, e) for s, e in spans if text[s:e] not in own]
            if theirs and len(theirs) < len(spans):  # "Republic of China" inside "People's Republic of China"
                theirs = _not_inside(theirs, sorted((s, e) for s, e in spans if text[s:e] in own))
            kept = [(s, e) for s, e in theirs if not _where_a_place_is(article, s, e)]
        found = article.memo[key] = Hits(kept) if kept else NO_HITS
    return cast("Hits", found)


def _not_inside(spans: list[tuple[int, int]], outer: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ``spans`` no longer span of the sorted ``outer`` holds. A span inside an outer one has an
    outer start at or before its own and an end at or beyond its own, so a bisection on the starts
    and the furthest end reached by then answers each in a look-up: an article naming countries a
    thousand times costs a thousand look-ups, not a million comparisons."""
    starts = [start for start, _ in outer]
    reach: list[int] = []
    for _, end in outer:
        reach.append(max(end, reach[-1]) if reach else end)
    same = set(outer)
    kept = []
    for start, end in spans:
        index = bisect_right(starts, start) - 1
        if index < 0 or reach[index] < end or (start, end) in same:
            kept.append((start, end))
    return kept


# "GENEVA, Switzerland" / "talks in Turnberry, Scotland": the comma (or the bracket) between a
# place and the country after it; and what makes the country the first of a list instead
# ("in Washington, China and Japan", "Washington, China, Korea")
_APPOSITION = re.compile(r"\s*(?:,|\()\s*")
# "at Trump's Turnberry golf resort in Scotland", "Geneva, a city in Switzerland": a few words
# about the place (as its apposition, after a comma or a bracket, too), then "in"
_VENUE_IN = re.compile(r"(?:\s*[,(]\s*[\w'’-]+(?:\s+[\w'’-]+){0,2}?|(?:['’]s)?(?:\s+[\w'’-]+){0,3}?)\s+in\s+")
_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|or|&)\b")


@cache
def _capitals() -> frozenset[str]:
    return frozenset(c.capital for c in countries() if c.capital)


def _where_a_place_is(article: Article, start: int, end: int) -> bool:
    """Whether the country at ``start:end`` only says where a place of the profile is: it follows
    the place as its apposition ("GENEVA, Switzerland", "in Turnberry, Scotland", "Busan (South
    Korea)") or as where the venue is ("at Trump's Turnberry golf resort in Scotland"). It names the venue's country, not a party to the talks, so it is no third party.
    A capital ("Washington, Beijing") or the first of a list ("in London, China and Japan") is
    another party."""
    text = article.text
    before = article.places.within(max(0, start - 40), start)
    if not before or text[start:end] in _capitals():
        return False
    between = (before[-1].end, start)
    if _APPOSITION.fullmatch(text, *between) is None and _VENUE_IN.fullmatch(text, *between) is None:
        return False
    if _LIST_GOES_ON.match(text, end):
        return False
    after = _APPOSITION.match(text, end)
    if after is None:
        return True
    following = _COUNTRY_NAMES.spans(text[after.end() : after.end() + 40])
    return not (following and following[0][0] == 0)


def first_party_named(article: Article, start: int, end: int, *, side: str | None = None) -> str | None:
    """'tracked', 'other' (a third country, topics included) or None: who text[start:end] names
    first, leaving the counterpart side aside ("S. Korea races to match Japan's deal": other).
    ``side`` asks about another side than the tracked one."""
    others = _third_parties(article, topics_too=True).within(start, end)
    # the side (or one of its people) wins only if named before the first other country
    stop = others[0][0] if others else end
    if article.names_side(side or article.profile.tracked_side, start, stop):
        return "tracked"
    return "other" if others else None


def off_topic_paragraphs(article: Article) -> set[int]:
    """Paragraphs that name a third party and not the counterpart side (or its people)."""
    third_parties = _third_parties(article)
    if not third_parties.spans:
        return set()  # most stories name no third country: no paragraph to look at
    profile = article.profile
    counterparts = [s for s in profile.sides if s != profile.tracked_side]
    off = set()
    for index, (start, end) in _body_paragraphs_holding(article, third_parties).items():
        if any(article.names_side(side, start, end) for side in counterparts):
            continue
        if all(_tracked_matter(article, s, e) for s, e in third_parties.within(start, end)):
            continue  # "want New Delhi to stop buying Russian crude": what an issue is about
        if any((p := profile.person(m.value)) is not None and p.negotiator for m in article.people.within(start, end)):
            continue  # the negotiator's own doings, wherever they happen ("the G7 in Kananaskis, Canada")
        off.add(index)
    return off


def _tracked_matter(article: Article, start: int, end: int) -> bool:
    """Whether a third party's name stands inside what one of the profile's issues is about
    ("Russian crude" in the US-India talks): a matter of these talks, not another story."""
    return any(
        s <= start and end <= e
        for issue in article.profile.issues
        for s, e in article.hits(issue.about).within(start - 40, end + 40)
    )


def _body_paragraphs_holding(article: Article, hits: Hits) -> dict[int, tuple[int, int]]:
    """The body paragraphs that hold a whole hit (as ``hits.any`` over the paragraph says), with
    their (start, end): found from the hits, a few, rather than by measuring every paragraph."""
    sentences = article.sentences
    found: dict[int, tuple[int, int]] = {}
    for hit_start, hit_end in hits.spans:
        i = bisect_right(sentences, hit_start, key=_START) - 1
        if i < 0 or sentences[i].paragraph == 0 or sentences[i].paragraph in found:
            continue
        start, end = _paragraph_span(sentences, i)
        if hit_start < end and hit_end <= end:
            found[sentences[i].paragraph] = (start, end)
    return found


def _paragraph_span(sentences: list[Sentence], i: int) -> tuple[int, int]:
    """(start, end) of the paragraph of sentence i: from its first sentence's start to its last
    one's end (sentences come in order, a paragraph's together)."""
    paragraph = sentences[i].paragraph
    first = last = i
    while first > 0 and sentences[first - 1].paragraph == paragraph:
        first -= 1
    while last + 1 < len(sentences) and sentences[last + 1].paragraph == paragraph:
        last += 1
    return sentences[first].start, sentences[last].end


def mentions_other_country(article: Article, start: int, end: int) -> bool:
    """Any country but the sides, even one that is a topic here (China)."""
    return _third_parties(article, topics_too=True).any(start, end)


def other_countries_within(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """Where text[start:end] names a country but the sides (a topic too), for a finder that must
    weigh each name ("Russian" inside a tariff's own sector, "a penalty over Russian oil")."""
    return _third_parties(article, topics_too=True).within(start, end)


def mentions_third_party(article: Article, start: int, end: int) -> bool:
    return _third_parties(article).any(start, end)


def third_parties_within(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """Where text[start:end] names a third party (as `mentions_third_party` counts them)."""
    return _third_parties(article).within(start, end)
