"""An article prepared for the fact finders: cleaned text, sentences, and who/where mentions.

People, places and sides are found once per article over the whole text and then looked up
per sentence by offset, so each finder asks "who is named in this sentence?" without running
the profile's patterns again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import datetime

from rapidfuzz.distance import JaroWinkler, Levenshtein

from bot.extract.text import Sentence, html_to_lines, remove_boilerplate, split_sentences
from bot.profile import Person, Profile

_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'’-]+\.?)(?:\s+[A-Z][\w'’-]+\.?){0,2})")
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]{4,}(?![\w-])")
# A title followed by one of these is not a person's title ("president of Toyota").
_NOT_A_NAME = re.compile(r"\s+(?:of|for|at)\s+[A-Z]")
_LOOKBEHIND_FOR_SIDE = 24


@dataclass(frozen=True, slots=True)
class Mention:
    """Something named in the text: a person, a place or a side, in canonical form."""

    value: str
    start: int
    end: int
    via: str = "alias"  # alias | title | fuzzy


@dataclass(slots=True)
class Article:
    profile: Profile
    guid: str
    title: str
    text: str
    sentences: list[Sentence]
    published: datetime | None
    people: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    buildings: list[Mention] = field(default_factory=list)
    sides: list[Mention] = field(default_factory=list)

    def within(self, mentions: list[Mention], start: int, end: int) -> list[Mention]:
        """The mentions inside text[start:end] (mentions are sorted by start)."""
        i = bisect_left([m.start for m in mentions], start)
        out = []
        while i < len(mentions) and mentions[i].start < end:
            out.append(mentions[i])
            i += 1
        return out

    def people_in(self, sentence: Sentence) -> list[Mention]:
        return self.within(self.people, sentence.start, sentence.end)

    def places_in(self, sentence: Sentence) -> list[Mention]:
        return self.within(self.places, sentence.start, sentence.end)

    def buildings_in(self, sentence: Sentence) -> list[Mention]:
        return self.within(self.buildings, sentence.start, sentence.end)

    def sides_in(self, sentence: Sentence) -> list[Mention]:
        return self.within(self.sides, sentence.start, sentence.end)

    def side_of(self, name: str) -> str | None:
        person = self.profile.person(name)
        return person.side if person else None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _side_before(profile: Profile, text: str, start: int) -> str | None:
    """A side named just before a title ("U.S. chief negotiator", "Japan's top negotiator")."""
    window = text[max(0, start - _LOOKBEHIND_FOR_SIDE) : start]
    found = None
    for side, regex in profile.sides.items():
        for match in regex.finditer(window):
            if found is None or match.end() > found[1]:
                found = (side, match.end())
    return found[0] if found else None


def _fuzzy_person(profile: Profile, token: str, *, candidates: tuple[Person, ...], loose: bool) -> Person | None:
    """The person whose surname the token misspells, if it is close enough.

    ``loose`` applies when a title of that person stands right before the token ("Treasury
    Secretary Benson"): the title is the evidence, so the spelling may be further off.
    """
    best = None
    for person in candidates:
        surname = person.surname
        if token[0].lower() != surname[0].lower() or token == surname:
            continue
        if loose:
            ok = JaroWinkler.similarity(token.lower(), surname.lower()) >= 0.75
        else:
            ok = len(token) >= 6 and Levenshtein.distance(token.lower(), surname.lower()) <= 1
        if ok:
            score = JaroWinkler.similarity(token.lower(), surname.lower())
            if best is None or score > best[0]:
                best = (score, person)
    return best[1] if best else None


def _find_people(profile: Profile, text: str) -> list[Mention]:
    mentions: list[Mention] = []
    for person in profile.people:
        mentions += [Mention(person.name, m.start(), m.end()) for m in person.alias_re.finditer(text)]
    alias_spans = [(m.start, m.end) for m in mentions]
    learned: dict[str, str] = {}
    for person in profile.people:
        if person.title_re is None:
            continue
        for match in person.title_re.finditer(text):
            rest = text[match.end() : match.end() + 60]
            name = _NAME_AFTER.match(rest)
            if name:
                name_start = match.end() + name.start(1)
                if _overlaps(alias_spans, name_start, name_start + len(name.group(1))):
                    continue  # "Treasury Secretary Scott Bessent": the name speaks for itself
                token = name.group(1).split()[-1].rstrip(".")
                fuzzy = _fuzzy_person(profile, token, candidates=(person,), loose=True)
                if fuzzy:
                    learned[token] = fuzzy.name
                continue  # a title followed by someone else's name
            if _NOT_A_NAME.match(rest):
                continue
            side = _side_before(profile, text, match.start())
            if side is not None and side != person.side:
                continue  # "the U.S. chief negotiator" is not Japan's chief negotiator
            mentions.append(Mention(person.name, match.start(), match.end(), via="title"))
    known_words = {m.group(0) for m in _CAPITALISED.finditer(" ".join(p.name for p in profile.people))}
    for match in _CAPITALISED.finditer(text):
        token = match.group(0)
        if token in known_words or _overlaps(alias_spans, match.start(), match.end()):
            continue
        name = learned.get(token)
        if name is None:
            fuzzy = _fuzzy_person(profile, token, candidates=profile.people, loose=False)
            name = fuzzy.name if fuzzy else None
        if name:
            mentions.append(Mention(name, match.start(), match.end(), via="fuzzy"))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _find_places(profile: Profile, text: str) -> tuple[list[Mention], list[Mention]]:
    places: list[Mention] = []
    buildings: list[Mention] = []
    for place in profile.places:
        places += [Mention(place.city, m.start(), m.end()) for m in place.alias_re.finditer(text)]
        if place.building_re is not None:
            buildings += [Mention(place.city, m.start(), m.end()) for m in place.building_re.finditer(text)]
    places.sort(key=lambda m: m.start)
    buildings.sort(key=lambda m: m.start)
    return places, buildings


def _find_sides(profile: Profile, text: str) -> list[Mention]:
    sides = [Mention(side, m.start(), m.end()) for side, regex in profile.sides.items() for m in regex.finditer(text)]
    sides.sort(key=lambda m: m.start)
    return sides


def prepare_article(*, guid: str, title: str, html: str, published: datetime | None, profile: Profile) -> Article:
    """Clean the entry's HTML, split it into sentences and find every mention."""
    lines = remove_boilerplate(html_to_lines(html))
    title = " ".join(title.split())
    if lines and title and lines[0].strip().lower() == title.lower():
        lines = lines[1:]
    paragraphs = [title or "", *lines]
    text, sentences = split_sentences(paragraphs)
    places, buildings = _find_places(profile, text)
    return Article(
        profile=profile,
        guid=guid,
        title=title,
        text=text,
        sentences=sentences,
        published=published,
        people=_find_people(profile, text),
        places=places,
        buildings=buildings,
        sides=_find_sides(profile, text),
    )
