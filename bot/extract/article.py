"""An article prepared for the fact finders: cleaned text, sentences, and who/where mentions.

People, places, sides and every phrase set are found once per article over the whole text and
then looked up per sentence or clause by offset, so a finder asks "is a meeting word in this
clause?" without scanning the text again.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz.distance import JaroWinkler, Levenshtein

from bot.extract.cues import CLAUSE_HINTS, clauses
from bot.extract.lexicon import (
    APPOSITION_DETERMINERS,
    HONORIFICS,
    LOWER_OFFICE_WORDS,
    PAST_HOLDER_WORDS,
    SUBJECT_PRONOUNS,
    THEN_HOLDER_WORDS,
)
from bot.extract.phrases import NO_HITS, SHARED, Hits, Phrases, Scanner, lower_keeping_length
from bot.extract.profile import Person, Profile, Titles
from bot.extract.text import Sentence, html_to_lines, kept_lines, split_sentences
from bot.extract.world import COUNTRY_NAMES, countries, country_words

_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'’-]+\.?)(?:\s+[A-Z][\w'’-]+\.?){0,2})")
# No look-behind, so the regex engine can skip to capitals; the character before is checked after.
_CAPITALISED = re.compile(r"[A-Z][a-z]{4,}(?![\w-])")
# A title followed by one of these is not a person's title ("president of Toyota").
_NOT_A_NAME = re.compile(r"\s+(?:of|for|at)\s+[A-Z]")
# "a former trade negotiator", "ex-commerce minister": someone who held the title, not its holder
_PAST_HOLDER = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in (*PAST_HOLDER_WORDS, *LOWER_OFFICE_WORDS)) + r")[\s-]*$", re.I
)
# a title that describes the name just before it, after a comma: "He Lifeng, his chief trade
# negotiator", "He Lifeng, China's lead trade negotiator" (the name's own words: a determiner or a
# possessive, then at most two lower-case words)
_APPOSITION = re.compile(
    r",\s+(?:(?:" + "|".join(APPOSITION_DETERMINERS) + r"|[A-Z][\w.-]*['’]s)\s+)?"
    r"(?:(?!and\b|or\b|but\b|with\b|while\b|then\b|who\b|which\b)[a-z-]+\s+){0,2}$"
)
_LOOKBEHIND_FOR_SIDE = 24
# "then-industry minister", "the then finance minister": the holder at the time told
_THEN_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(THEN_HOLDER_WORDS) + r")[\s-]$", re.I)


class Mention(NamedTuple):
    """Something named in the text: a person, a place or a side, in canonical form."""

    value: str
    start: int
    end: int
    via: str = "alias"  # alias | shared (an alias two people have) | title | fuzzy | surname | pronoun


_START = itemgetter(1)  # a Mention's start, read in C (a lambda per mention costs a Python call)
_SPAN = itemgetter(0, 1)  # a title's (start, end)


class Mentions:
    """Mentions sorted by position, with lookup by text range."""

    __slots__ = ("_starts", "items")

    def __init__(self, items: list[Mention]) -> None:
        self.items = sorted(items, key=_START)
        self._starts = [m.start for m in self.items]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in ``[start, end)``: two bisections, one slice."""
        starts = self._starts
        i = bisect_left(starts, start)
        return self.items[i : bisect_left(starts, end, i)]

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.items)


@dataclass(slots=True)
class Article:
    profile: Profile
    guid: str
    title: str
    text: str
    lower: str
    sentences: list[Sentence]
    published: datetime | None
    people: Mentions
    places: Mentions
    buildings: Mentions
    sides: Mentions
    found: dict[int, list[tuple[int, int]]]
    _hits: dict[Phrases, Hits] = field(default_factory=dict)  # a set hashes by identity: no id() call
    _sentences_with: dict[tuple[Phrases, ...] | tuple[int], set[int]] = field(default_factory=dict)
    _sentence_starts: list[int] = field(default_factory=list)
    _clauses: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    _inside: dict[Phrases, set[int]] = field(default_factory=dict)
    #: what a finder works out once and another asks again (the dateline)
    memo: dict[str, object] = field(default_factory=dict)
    # (start, side) of every side named and every person of a side, sorted: for `sides_named`
    _side_marks: list[tuple[int, str]] = field(default_factory=list)
    _side_mark_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        marks = [(m.start, m.value) for m in self.sides]
        for m in self.people:
            person = self.profile.person(m.value)
            if person is not None:
                marks.append((m.start, person.side))
        marks.sort()
        self._side_marks = marks
        self._side_mark_starts = [start for start, _ in marks]

    # -- phrase sets -----------------------------------------------------------------------
    def hits(self, phrases: Phrases) -> Hits:
        """Where a phrase set occurs in this article (found once, then cached)."""
        hits = self._hits.get(phrases)
        if hits is None:
            spans = self.found.get(id(phrases))
            if spans is None and phrases.on_demand:  # a set scanned only when asked for
                spans = phrases.scanned(self.text, self.lower)
            elif spans is None:  # a set the scanner does not know: search for it on its own
                spans = phrases.spans(self.text if phrases.case_sensitive else self.lower)
            hits = self._hits[phrases] = Hits(spans) if spans else NO_HITS
        return hits

    def has(self, phrases: Phrases, start: int, end: int) -> bool:
        return self.hits(phrases).any(start, end)

    def count(self, phrases: Phrases, start: int, end: int) -> int:
        return self.hits(phrases).count(start, end)

    def sentences_with(self, *sets: Phrases) -> set[int]:
        """Indexes of the sentences where any of the sets occurs (worked out once per sets)."""
        found = self._sentences_with.get(sets)  # the sets themselves are the key: they hash by identity
        if found is None:
            starts = self._sentence_starts
            found = set()
            for phrases in sets:
                found.update({bisect_right(starts, start) - 1 for start, _ in self.hits(phrases).spans})
            self._sentences_with[sets] = found
        return found

    def sentences_containing(self, words: tuple[str, ...]) -> set[int]:
        """Indexes of the sentences whose lower-cased text contains any of ``words``, anywhere
        (each word is looked for once over the whole article, by the string search in C; once
        found in a sentence, it is looked for again from the next one on)."""
        key = (id(words),)
        found = self._sentences_with.get(key)
        if found is None:
            starts, lower, found = self._sentence_starts, self.lower, set()
            last = len(starts) - 1
            for word in words:
                position = lower.find(word)
                while position >= 0:
                    index = bisect_right(starts, position) - 1
                    found.add(index)
                    if index >= last:
                        break
                    position = lower.find(word, max(position + 1, starts[index + 1]))
            self._sentences_with[key] = found
        return found

    def labelled_by_sentence(self, sets: dict[str, Phrases]) -> dict[int, list[tuple[int, int, str]]]:
        """For each sentence, the (start, end, label) of every hit of the labelled sets."""
        starts = self._sentence_starts
        out: dict[int, list[tuple[int, int, str]]] = {}
        for label, phrases in sets.items():
            hits = self.hits(phrases)
            for start, end in hits.spans:
                out.setdefault(bisect_right(starts, start) - 1, []).append((start, end, label))
        return out

    def sentence_index(self, position: int) -> int:
        """The index of the sentence that holds ``position``."""
        return bisect_right(self._sentence_starts, position) - 1

    def clauses_of(self, sentence: Sentence) -> list[tuple[int, int]]:
        """The clauses of a sentence (`bot.extract.cues.clauses`), worked out once."""
        found = self._clauses.get(sentence.index)
        if found is None:
            if ";" in sentence.text or sentence.index in self.sentences_with(CLAUSE_HINTS):
                found = clauses(sentence.text, sentence.start)
            else:
                found = [(sentence.start, sentence.end)]
            self._clauses[sentence.index] = found
        return found

    def in_sentence(self, phrases: Phrases, sentence: Sentence) -> bool:
        """Whether a whole hit of the set lies in the sentence."""
        return sentence.index in self.sentences_holding(phrases)

    def sentences_holding(self, phrases: Phrases) -> set[int]:
        """Indexes of the sentences that hold a whole hit of the set (worked out once per set:
        finders ask this of every sentence)."""
        inside = self._inside.get(phrases)
        if inside is None:
            inside = self._inside[phrases] = set()
            starts, sentences = self._sentence_starts, self.sentences
            for start, end in self.hits(phrases).spans:
                index = bisect_right(starts, start) - 1
                if index >= 0 and end <= sentences[index].end:
                    inside.add(index)
        return inside

    # -- mentions --------------------------------------------------------------------------
    def people_in(self, sentence: Sentence) -> list[Mention]:
        return self.people.within(sentence.start, sentence.end)

    def places_in(self, sentence: Sentence) -> list[Mention]:
        return self.places.within(sentence.start, sentence.end)

    def buildings_in(self, sentence: Sentence) -> list[Mention]:
        return self.buildings.within(sentence.start, sentence.end)

    def sides_in(self, sentence: Sentence) -> list[Mention]:
        return self.sides.within(sentence.start, sentence.end)

    def side_of(self, name: str) -> str | None:
        person = self.profile.person(name)
        return person.side if person else None

    def names_side(self, side: str, start: int, end: int) -> bool:
        """Whether text[start:end] names the side itself or one of its people."""
        return side in self.sides_named(start, end)

    def sides_named(self, start: int, end: int) -> set[str]:
        """The sides that text[start:end] names, by name or by one of their people."""
        i = bisect_left(self._side_mark_starts, start)
        j = bisect_left(self._side_mark_starts, end, i)
        return {side for _, side in self._side_marks[i:j]}


def _side_before(sides: Mentions, start: int) -> Mention | None:
    """A side named just before a title ("U.S. chief negotiator", "Japan's top negotiator")."""
    near = [m for m in sides.within(max(0, start - _LOOKBEHIND_FOR_SIDE), start) if m.end <= start]
    return near[-1] if near else None


_SIDE_WORDS: weakref.WeakKeyDictionary[Profile, dict[str, frozenset[str]]] = weakref.WeakKeyDictionary()


def side_country_words(profile: Profile) -> dict[str, frozenset[str]]:
    """For each side, the words the world data has for its country: every name, demonym and
    capital of a country one of its aliases names whole ("Korea", "Seoul" for an alias "South
    Korea"), and each country word an alias matches whole. "North Korea" is not a word of a side
    whose alias is "Korea": an alias inside a name is not that name."""
    words = _SIDE_WORDS.get(profile)
    if words is None:
        words = {}
        for side, aliases in profile.sides.items():
            own = {w for w in country_words() if aliases.spans(w) == [(0, len(w))]}
            for country in countries():
                if aliases.spans(country.name) == [(0, len(country.name))]:
                    own.update(country.names)
            words[side] = frozenset(own)
        _SIDE_WORDS[profile] = words
    return words


# the longest name the world data has is about 50 characters: a name holding a span starts no
# further back than this
_LONGEST_NAME = 60


def _inside_another_name(start: int, end: int, text: str, names: list[tuple[int, int]], own: frozenset[str]) -> bool:
    """Whether the side's alias at ``start:end`` stands inside a longer name of ``names`` that is
    not one of the side's own words (``own``): "Korea" in "North Korea", "Korean" in "North
    Korean". The longest name holding it decides: "China" in "People's Republic of China" is the
    side, though "Republic of China" (Taiwan) holds it too."""
    i = bisect_left(names, (start - _LONGEST_NAME,))
    longest = None
    while i < len(names) and names[i][0] <= start:
        a, b = names[i]
        if end <= b and (longest is None or b - a > longest[1] - longest[0]):
            longest = (a, b)
        i += 1
    return longest is not None and longest != (start, end) and text[longest[0] : longest[1]] not in own


def _third_country_before(
    text: str, names: list[tuple[int, int]], side_before: Mention | None, start: int, sides_words: frozenset[str]
) -> bool:
    """Whether a country that is no side is named just before a title, nearer than any side
    ("Japan's trade minister", "China's international trade representative"): that country's
    holder of the title, not the profile's person. ``sides_words`` are the sides' own words."""
    i = bisect_left(names, (max(0, start - _LOOKBEHIND_FOR_SIDE),))
    last = None
    while i < len(names) and names[i][0] < start:
        if names[i][1] <= start:
            last = names[i]
        i += 1
    if last is None or text[last[0] : last[1]] in sides_words:
        return False
    return side_before is None or side_before.end <= last[0]


@lru_cache(maxsize=4096)
def _fuzzy_person(token: str, *, candidates: tuple[Person, ...], loose: bool) -> Person | None:
    """The person whose surname the token misspells, if it is close enough.

    ``loose`` applies when a title of that person stands right before the token ("Treasury
    Secretary Benson"): the title is the evidence, so the spelling may be further off. Names
    recur from article to article, so answers are remembered.
    """
    best = None
    lowered = token.lower()
    for person in candidates:
        surname = person.surname.split()[-1].lower()
        if lowered[0] != surname[0] or lowered == surname:
            continue
        if not loose and abs(len(token) - len(surname)) > 1:
            continue
        similarity = JaroWinkler.similarity(lowered, surname)
        ok = similarity >= 0.75 if loose else len(token) >= 6 and Levenshtein.distance(lowered, surname) <= 1
        if ok and (best is None or similarity > best[0]):
            best = (similarity, person)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class _NameTables:
    """What finding misspelt surnames needs of a profile, worked out once."""

    known_words: frozenset[str]  # the words of the people's names
    # the (first letter, length) a misspelling of a surname can have (see `_fuzzy_person`: the
    # same first letter, at most one letter more or less, six or more letters)
    misspellable: frozenset[tuple[str, int]]
    # capitalised words that start like a surname: the others are never read at all. One pattern
    # per first letter: opening with a literal capital, each lets the regex engine jump from one
    # such capital to the next, where one alternation of them all would test a class of capitals
    # at every character of the article
    surname_like: tuple[re.Pattern[str], ...]
    # a family name two or more people share, with their names ("Kim": both Kims)
    shared_surnames: dict[str, frozenset[str]]
    # the words of the people's titles, lower-cased ("minister" of "industry minister")
    title_words: frozenset[str]


_NAME_TABLES: weakref.WeakKeyDictionary[Profile, _NameTables] = weakref.WeakKeyDictionary()


def _name_tables(profile: Profile) -> _NameTables:
    tables = _NAME_TABLES.get(profile)
    if tables is None:
        keys = frozenset(
            (surname[0].lower(), length)
            for surname in (p.surname.split()[-1] for p in profile.people)
            for length in (len(surname) - 1, len(surname), len(surname) + 1)
            if length >= 6
        )
        # per first letter, the lengths a misspelling can have: "A[a-z]{5,7}" for "Akazawa"
        lengths: dict[str, list[int]] = {}
        for letter, length in keys:
            lengths.setdefault(letter.upper(), []).append(length - 1)
        tables = _NAME_TABLES[profile] = _NameTables(
            known_words=frozenset(" ".join(p.name for p in profile.people).split()),
            misspellable=keys,
            surname_like=tuple(
                re.compile(f"{letter}[a-z]{{{min(n)},{max(n)}}}(?![\\w-])") for letter, n in sorted(lengths.items())
            ),
            shared_surnames=_shared_surnames(profile.people),
            title_words=frozenset(
                word
                for person in profile.people
                if person.titles is not None
                for pattern in person.titles.patterns
                for word in re.findall(r"[a-z]{2,}", pattern.lower())
            ),
        )
    return tables


def _shared_surnames(people: tuple[Person, ...]) -> dict[str, frozenset[str]]:
    """The family names two or more people share, each with their names."""
    by_surname: dict[str, set[str]] = {}
    for person in people:
        by_surname.setdefault(person.surname, set()).add(person.name)
    return {surname: frozenset(names) for surname, names in by_surname.items() if len(names) > 1}


def _find_people(
    profile: Profile, text: str, found: dict[int, list[tuple[int, int]]], sides: Mentions, day: date | None = None
) -> list[Mention]:
    """Every mention of a profile's people, in four steps: their aliases as written
    (`_alias_mentions`), their titles (`_title_mentions`), a family-name-first surname standing
    alone (`_family_names_alone`, and `_shared_family_names` for one two people share) and
    misspellings of their surnames (`_misspelt_surnames`, found where they stand by
    `_misspelling_mentions`). A step after the first never reads a name inside an alias already
    found. ``day``, the article's publication day, is when titles are held. A name or title two
    people share names the one of them last named by an alias of their own before it
    (`_last_named`). Nothing inside one of a person's `not_aliases` names that person."""
    aliases = _alias_mentions(profile, found)
    own = [m for m in aliases if m.via == "alias"]
    covered = _covered_by(aliases)
    titles, learned = _title_mentions(profile, text, found, sides, covered, day, own)
    alone = _unambiguous(
        [*_family_names_alone(profile, text, covered), *_shared_family_names(profile, text, covered, own)], titles
    )
    misspelt = _misspelt_surnames(profile, text, learned)
    return _not_excluded(profile, found, [*aliases, *titles, *alone, *_misspelling_mentions(text, misspelt, covered)])


def _not_excluded(profile: Profile, found: dict[int, list[tuple[int, int]]], mentions: list[Mention]) -> list[Mention]:
    """The mentions that stand inside none of their own person's `not_aliases` ("Roque" in "Harry
    Roque" is not Cristina Roque); another person's mention there stays."""
    excluded = {
        person.name: spans
        for person in profile.people
        if person.exclusions is not None and (spans := found[id(person.exclusions)])
    }
    if not excluded:
        return mentions
    return [
        m for m in mentions
        if m.value not in excluded or not any(a <= m.start and m.end <= b for a, b in excluded[m.value])
    ]  # fmt: skip


def _last_named(own: list[Mention], position: int, candidates: set[str]) -> str | None:
    """Of ``candidates``, the one last named before ``position`` by an alias of their own
    (``own``: sorted by start), or None when none of them is named before it."""
    i = bisect_left(own, position, key=_START) - 1
    while i >= 0:
        if own[i].value in candidates:
            return own[i].value
        i -= 1
    return None


def _alias_mentions(profile: Profile, found: dict[int, list[tuple[int, int]]]) -> list[Mention]:
    """The people's aliases where the scan found them, none inside another: "Donald Trump" is one
    mention, not also "Trump" inside it. Spans are sorted by start, the longest first (then in the
    profile's order), and a span inside the one kept before it is dropped; the result is sorted by start
    and its mentions do not nest. A span two people's aliases find alike names the one last named
    before it by an alias of their own, else the first listed (``via="shared"``: the others are
    the ones `_last_named` reads); one inside a person's `not_aliases` is not that person's."""
    spans = [
        (s, -e, order)
        for order, person in enumerate(profile.people)
        for s, e in _outside(found[id(person.aliases)], found[id(person.exclusions)] if person.exclusions else [])
    ]
    spans.sort()
    outer_end = -1
    kept: list[tuple[int, int, list[str]]] = []
    for start, minus_end, order in spans:
        if kept and (start, -minus_end) == kept[-1][:2]:
            kept[-1][2].append(profile.people[order].name)  # another person's alias, found alike
            continue
        if -minus_end <= outer_end:
            continue
        kept.append((start, -minus_end, [profile.people[order].name]))
        outer_end = -minus_end
    own = [Mention(names[0], start, end) for start, end, names in kept if len(names) == 1]
    if len(own) == len(kept):
        return own
    return [
        Mention(names[0], start, end)
        if len(names) == 1
        else Mention(_last_named(own, start, set(names)) or names[0], start, end, via="shared")
        for start, end, names in kept
    ]


def _outside(spans: list[tuple[int, int]], excluded: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ``spans`` that stand inside none of ``excluded``."""
    if not excluded:
        return spans
    return [(s, e) for s, e in spans if not any(a <= s and e <= b for a, b in excluded)]


def _covered_by(mentions: list[Mention]) -> Callable[[int], bool]:
    """Whether a position lies inside one of ``mentions`` (sorted by start, not nesting, as
    `_alias_mentions` gives them): it is covered by the last one starting at or before it."""
    starts = [m.start for m in mentions]

    def covered(position: int) -> bool:
        i = bisect_right(starts, position) - 1
        return i >= 0 and position < mentions[i].end

    return covered


def _title_mentions(
    profile: Profile,
    text: str,
    found: dict[int, list[tuple[int, int]]],
    sides: Mentions,
    covered: Callable[[int], bool],
    day: date | None = None,
    own: list[Mention] | None = None,
) -> tuple[list[Mention], dict[str, str]]:
    """The people named by one of their titles, and the surnames a title teaches.

    A title followed by a name is that name's: an alias already found speaks for itself
    ("Treasury Secretary Scott Bessent"), the person's own family name written first makes a
    mention ("Vice Premier He"), and a name close to the person's surname is learned as its
    misspelling ("Treasury Secretary Benson": returned as token -> name, for
    `_misspelt_surnames`). A title alone names its person, unless it is someone else's ("president
    of Toyota") or another side's, named just before it ("the U.S. chief negotiator"). A title two
    people share names the one of them last named before it by an alias of their own (``own``,
    see `_last_named`), else the first listed, whose side that leaves ("the US commerce
    secretary" is the US one's, the bare "commerce secretary" the first listed's). A title is
    nobody's after a country that is no side ("Japan's trade minister"), and only a title held on ``day`` (see
    `Titles.held_on`) names its person."""
    mentions: list[Mention] = []
    learned: dict[str, str] = {}
    named_spans: set[tuple[int, int]] = set()  # a shared title's span, once someone has it
    names = found.get(id(COUNTRY_NAMES)) or []
    sides_words = frozenset().union(*side_country_words(profile).values()) if names else frozenset()
    for start, end, person in _last_named_first(_outermost_titles(profile, found, day, text), own or []):
        if (start, end) in named_spans:
            continue
        rest = text[end : end + 60]
        named = _NAME_AFTER.match(rest)
        if named:
            name_start = end + named.start(1)
            if covered(name_start):
                continue  # "Treasury Secretary Scott Bessent": the name speaks for itself
            token = named.group(1).split()[-1].rstrip(".")
            if _starts_with_name(named.group(1), person.surname):  # "Vice Premier He": the surname itself
                mentions.append(Mention(person.name, start, name_start + len(person.surname), via="title"))
                continue
            fuzzy = _fuzzy_person(token, candidates=(person,), loose=True)
            if fuzzy:
                learned[token] = fuzzy.name
            continue  # a title followed by someone else's name
        if _NOT_A_NAME.match(rest) or _PAST_HOLDER.search(text, max(0, start - 20), start):
            continue
        apposed = _APPOSITION.search(text, max(0, start - 40), start)
        if apposed and apposed.start() > 0 and covered(apposed.start() - 1):
            continue  # "He Lifeng, his chief trade negotiator": He, whoever else has the title
        side = _side_before(sides, start)
        if side is not None and side.value != person.side:
            continue  # "the U.S. chief negotiator" is not Japan's chief negotiator
        if names and _third_country_before(text, names, side, start, sides_words):
            continue  # "Japan's trade minister" in the Korea–US talks is not Korea's
        mentions.append(Mention(person.name, start, end, via="title"))
        named_spans.add((start, end))
    return mentions, learned


def _last_named_first(titles: list[tuple[int, int, Person]], own: list[Mention]) -> list[tuple[int, int, Person]]:
    """``titles`` (sorted by start, a span two people share once for each), with the holder of a
    shared span last named before it (`_last_named`) put first: "the president" after "Lee
    Jae-myung said" is Lee's, though Trump is listed first."""
    out: list[tuple[int, int, Person]] = []
    for _, spans in groupby(titles, key=_SPAN):
        group = list(spans)
        if len(group) > 1:
            last = _last_named(own, group[0][0], {person.name for _, _, person in group})
            if last is not None:
                group.sort(key=lambda title: title[2].name != last)
        out += group
    return out


def _starts_with_name(words: str, surname: str) -> bool:
    """Whether the capitalised words after a title open with the whole surname: "He Lifeng" with
    "He", "Budliger Artieda" with a surname of two words, "Dien." ending a sentence and "Dien's"
    (not "Diener", nor "Keller" of "Keller-Sutter")."""
    if not words.startswith(surname):
        return False
    after = words[len(surname) : len(surname) + 1]
    return not after or not (after.isalnum() or after in "_-")


def _outermost_titles(
    profile: Profile, found: dict[int, list[tuple[int, int]]], day: date | None = None, text: str = ""
) -> list[tuple[int, int, Person]]:
    """Where the people's titles stand, none inside a longer title: "international trade
    representative" is one person's title, not also another's "trade representative" inside it
    ("vice minister of commerce" is not also the "minister of commerce"). Sorted by start; a span
    two people share is kept for each, the profile's first person first (`_title_mentions` gives
    it to the first whose side fits). Titles not held on ``day`` are left out, except after
    "then" (`THEN_HOLDER_WORDS`): "then-industry minister" is the title's earlier holder, the one
    whose days ended last before ``day``, and today's holder only when no one held it before."""
    spans = []
    for order, person in enumerate(profile.people):
        for titles in person.dated_titles:
            # 0: held on the day; else how long before the day the holder's days ended
            ago = 0 if titles.held_on(day) else _ended_before(titles, day)
            if ago is None:
                continue
            for start, end in found[id(titles.phrases)]:
                if ago and not _THEN_BEFORE.search(text, max(0, start - 6), start):
                    continue  # an earlier holder's title, but no "then" before it
                spans.append((start, -end, order, ago))
    spans.sort()
    kept: list[tuple[int, int, Person]] = []
    outer = (-1, -1)
    for start, minus_end, order, _ in _then_holders_first(spans):
        if -minus_end <= outer[1] and (start, -minus_end) != outer:
            continue
        kept.append((start, -minus_end, profile.people[order]))
        outer = (start, -minus_end)
    return kept


def _ended_before(titles: Titles, day: date | None) -> int | None:
    """How many days before ``day`` a holder's ``titles`` ended (at least 1), or None when they
    have not ended by then."""
    if day is None or titles.until is None or titles.until >= day:
        return None
    return (day - titles.until).days


def _then_holders_first(spans: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """``spans`` (start, -end, order, days since the holding ended: 0 if held), where at a span
    after "then" that an earlier holder has, the latest earlier holder comes first and today's
    holders are dropped; elsewhere as they are."""
    if all(ago == 0 for *_, ago in spans):
        return spans
    out: list[tuple[int, int, int, int]] = []
    for _, group in groupby(spans, key=_SPAN):
        same = list(group)
        earlier = sorted((s for s in same if s[3]), key=itemgetter(3))
        out += earlier or same
    return out


def _misspelt_surnames(profile: Profile, text: str, learned: dict[str, str]) -> dict[str, str]:
    """The capitalised words of the text that misspell a surname ("Akazwa"), as token -> name.

    The words learned from a title come first (unless they are the words of a known name); then
    each capitalised word shaped like a misspelt surname (`_NameTables.surname_like`) is looked up
    once, strictly (`_fuzzy_person`): usually none is, and the article's words are not walked one
    by one."""
    tables = _name_tables(profile)
    misspelt = {
        token: name
        for token, name in learned.items()
        if token not in tables.known_words and _CAPITALISED.fullmatch(token)
    }
    for token in {token for pattern in tables.surname_like for token in pattern.findall(text)}:
        if token in tables.known_words or token in misspelt or (token[0].lower(), len(token)) not in tables.misspellable:
            continue
        fuzzy = _fuzzy_person(token, candidates=profile.people, loose=False)
        if fuzzy:
            misspelt[token] = fuzzy.name
    return misspelt


def _misspelling_mentions(text: str, misspelt: dict[str, str], covered: Callable[[int], bool]) -> list[Mention]:
    """Every place a misspelt surname stands as a whole word, outside the aliases found."""
    mentions: list[Mention] = []
    size = len(text)
    for token, name in misspelt.items():
        start = text.find(token)
        while start >= 0:
            end = start + len(token)
            inside_a_word = start and (text[start - 1].isalnum() or text[start - 1] in "_'’-")
            word_goes_on = end < size and (text[end].isalnum() or text[end] in "_-")
            if not (inside_a_word or word_goes_on or covered(start)):
                mentions.append(Mention(name, start, end, via="fuzzy"))
            start = text.find(token, end)
    return mentions


def _unambiguous(alone: list[Mention], titles: list[Mention]) -> list[Mention]:
    """The family names standing alone that name one person: a surname two listed people share
    ("talks with Kim", with two Kims listed) names neither, and one a title already gave
    ("Trade Minister Kim") is that title's person only."""
    claimed: dict[tuple[int, int], int] = {}
    for m in alone:
        claimed[m.start, m.end] = claimed.get((m.start, m.end), 0) + 1
    return [
        m
        for m in alone
        if claimed[m.start, m.end] == 1 and not any(t.start <= m.start and m.end <= t.end for t in titles)
    ]


# a family name stands alone as a name after a lower-case word, a comma or a form of address
# ("talks with He", "Bessent and He", "said Li,", "Mr He"), not after a capitalised word ("Cheng
# Li-chiun" is someone else), not where a sentence starts ("He said": the pronoun), nor before
# another capitalised word ("Li Qiang" is someone else)
_AFTER_A_WORD = re.compile(r"(?:(?<![\w'’.-])(?:[a-z]+|(?:" + "|".join(HONORIFICS) + r")\.?)|,)\s+$")
# a given name joined by a hyphen: "Li" in "Cheng Li-chiun" is no family name standing alone
_GIVEN_NAME_AFTER = re.compile(r"-[a-z]")
_BEFORE_A_NAME = re.compile(r"\s+[A-Z][a-z]")


def _family_names_alone(profile: Profile, text: str, covered: Callable[[int], bool]) -> list[Mention]:
    """Mentions of a family-name-first surname written alone ("met He on Monday")."""
    found = []
    shared = _name_tables(profile).shared_surnames
    for person in profile.people:
        if not person.family_first or person.surname in shared:
            continue  # a family name two people share: `_shared_family_names`
        surname = person.surname
        start = text.find(surname)
        while start >= 0:
            end = start + len(surname)
            whole = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            if (
                whole
                and not covered(start)
                and _AFTER_A_WORD.search(text, max(0, start - 20), start)
                and not _BEFORE_A_NAME.match(text, end)
                and not _GIVEN_NAME_AFTER.match(text, end)
            ):
                found.append(Mention(person.name, start, end, via="surname"))
            start = text.find(surname, end)
    return found


# where a sentence or a clause opens: "Kim said ...", "...; Kim and Yeo will report"
_OPENING = re.compile(r"(?:^|[.;:!?\"“‘(\n—])\s*$")
# a capitalised word just before a name: "Minister Kim" (a title's word), "Cheng Li" (a given name)
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)\s+$")


def _shared_family_names(
    profile: Profile, text: str, covered: Callable[[int], bool], own: list[Mention]
) -> list[Mention]:
    """Mentions of a family name two listed people share, standing alone: each names the one of
    them last named before it by an alias of their own (`_last_named`: "Kim Jung-kwan met
    Lutnick. ... Minister Kim said"), and, with neither named before it, no one. Besides where a
    lone family-first surname stands (`_family_names_alone`), such a name stands after a word
    of one of the people's titles ("Minister Kim") and where a sentence or clause opens ("Kim
    said"); never before another capitalised word ("Kim Jong Un" is someone else)."""
    tables = _name_tables(profile)
    found = []
    for surname, names in tables.shared_surnames.items():
        start = text.find(surname)
        while start >= 0:
            end = start + len(surname)
            whole = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            if (
                whole
                and not covered(start)
                and not _BEFORE_A_NAME.match(text, end)
                and not _GIVEN_NAME_AFTER.match(text, end)
                and _stands_as_a_name(text, start, tables.title_words, opening=surname.lower() not in SUBJECT_PRONOUNS)
            ):
                named = _last_named(own, start, set(names))
                if named is not None:
                    found.append(Mention(named, start, end, via="surname"))
            start = text.find(surname, end)
    return found


def _stands_as_a_name(text: str, start: int, title_words: frozenset[str], *, opening: bool = True) -> bool:
    """Whether a family name at ``start`` stands where a name does: after a lower-case word, a
    comma or a form of address, where a sentence or clause opens (unless not ``opening``: "He"
    opening a sentence is the pronoun), or after a title's word."""
    before = max(0, start - 20)
    if _AFTER_A_WORD.search(text, before, start) or (opening and _OPENING.search(text, before, start)):
        return True
    word = _CAPITALISED_BEFORE.search(text, before, start)
    return word is not None and word.group(1).lower() in title_words


_SCANNERS: weakref.WeakKeyDictionary[Profile, tuple[int, Scanner]] = weakref.WeakKeyDictionary()


def scanner_for(profile: Profile) -> Scanner:
    """One scanner per profile for its phrase sets and the extractor's own (built once)."""
    cached = _SCANNERS.get(profile)
    if cached is None or cached[0] != len(SHARED):
        cached = (len(SHARED), Scanner([*profile.phrase_sets(), *SHARED]))
        _SCANNERS[profile] = cached
    return cached[1]


def prepare_article(*, guid: str, title: str, html: str, published: datetime | None, profile: Profile) -> Article:
    """Clean the entry's HTML, split it into sentences and find every mention."""
    lines = html_to_lines(html)
    lowered = [line.lower() for line in lines]  # once: for the boilerplate's rules and the lower-cased text
    kept = kept_lines(lines, lowered)
    lines, lowered = [lines[i] for i in kept], [lowered[i] for i in kept]
    title = " ".join(title.split())
    title_lower = title.lower()
    if lines and title and lowered[0].strip() == title_lower:
        lines, lowered = lines[1:], lowered[1:]
    text, sentences = split_sentences([title or "", *lines])
    lower = _joined_lower(text, [title_lower, *lowered])
    found = scanner_for(profile).scan(text, lower)
    places: list[Mention] = []
    buildings: list[Mention] = []
    for place in profile.places:
        places += [Mention(place.city, s, e) for s, e in found[id(place.aliases)]]
        if place.buildings is not None:
            buildings += [
                Mention(place.city, s, e) for s, e in found[id(place.buildings)] if _names_a_building(place.buildings, text[s:e])
            ]
    sides = Mentions(_side_mentions(profile, text, found))
    return Article(
        profile=profile,
        guid=guid,
        title=title,
        text=text,
        lower=lower,
        sentences=sentences,
        published=published,
        people=Mentions(_find_people(profile, text, found, sides, published.date() if published else None)),
        places=Mentions(places),
        buildings=Mentions(buildings),
        sides=sides,
        found=found,
    )


def _joined_lower(text: str, lowered: list[str]) -> str:
    """`lower_keeping_length` of ``text``, the newline-joined paragraphs whose lower-cased forms
    are ``lowered``: their join when lowering kept every length (nearly always; a newline stands
    between two paragraphs, so no letter's lowering depends on the other's), else ``text`` lowered
    letter by letter."""
    joined = "\n".join(lowered)
    return joined if len(joined) == len(text) else lower_keeping_length(text)


def _side_mentions(profile: Profile, text: str, found: dict[int, list[tuple[int, int]]]) -> list[Mention]:
    """Where the sides are named: each alias found, unless it stands inside a longer name that is
    not the side's: one of its `not_aliases`, or a country the world data knows that is not the
    side's own ("Korea" in "North Korea", with no listing)."""
    names = found.get(id(COUNTRY_NAMES)) or []
    own = side_country_words(profile) if names else {}
    out = []
    for side, phrases in profile.sides.items():
        spans = found[id(phrases)]
        if not spans:
            continue
        excluded = profile.side_exclusions.get(side)
        not_side = found[id(excluded)] if excluded is not None else []
        inside = _inside_other_names(spans, text, names, own[side]) if names else set()
        for s, e in spans:
            if not_side and any(a <= s and e <= b for a, b in not_side):
                continue
            if inside and (s, e) in inside:
                continue
            out.append(Mention(side, s, e))
    for side, phrases in profile.side_capitals.items():
        out += [Mention(side, s, e) for s, e in found[id(phrases)] if _in_capitals_run(text, s, e)]
    return out


# a word's letters, for `_in_capitals_run`
_LETTERS = re.compile(r"[^\W\d_]+")


def _in_capitals_run(text: str, start: int, end: int, reach: int = 2) -> bool:
    """Whether a name in capitals at ``start:end`` stands inside a run of capitals: there are words
    on its line both before and after it, and those next to it, up to ``reach`` each side, are all
    in capitals ("...TARIFFS, CHINA IS GETTING 10%", "UP FRONT, BY CHINA. LIKEWISE"). An
    all-capitals post or headline writes a side so; a capitalised word in mixed-case text (an
    acronym, a ticker) does not make one, nor a name that ends a caption's line ("U.S. TARIFFS
    ON JAPAN" over a table of rates, measured: the rate below it was read as the country's)."""
    line_start = text.rfind("\n", max(0, start - 60), start) + 1 or max(0, start - 60)
    line_end = text.find("\n", end, end + 60)
    before = _LETTERS.findall(text, line_start, start)[-reach:]
    after = _LETTERS.findall(text, end, line_end if line_end >= 0 else end + 60)[:reach]
    return bool(before) and bool(after) and all(w.isupper() for w in before + after)


def _inside_other_names(
    spans: list[tuple[int, int]], text: str, names: list[tuple[int, int]], own: frozenset[str]
) -> set[tuple[int, int]]:
    """The side's ``spans`` that stand inside another country's name (`_inside_another_name`).

    Only a name that is not one of the side's own words can hold one, and an article names few
    such countries, usually none around the side's names: so the side's spans are looked up from
    those names (a bisection each), and only a span one of them holds is weighed, instead of
    weighing every mention of the side."""
    held: set[tuple[int, int]] = set()
    for a, b in names:
        if text[a:b] in own:
            continue
        i = bisect_left(spans, (a,))
        while i < len(spans) and spans[i][0] < b:
            s, e = spans[i]
            if e <= b and _inside_another_name(s, e, text, names, own):
                held.add((s, e))
            i += 1
    return held


def _names_a_building(buildings: Phrases, found: str) -> bool:
    """Whether a building phrase found in the text names the building: a name the profile writes
    with a capital is a proper noun, so the same words in lower case are a common noun ("a
    special secretary in the commerce department" is some ministry, not the Commerce Department).
    A building the profile writes so that it matches in lower case ("the prime minister's office")
    is found so."""
    if found != found.lower():
        return True
    return any(re.fullmatch(pattern, found) for pattern in buildings.patterns)
