"""The day and the city of the round (or of the event an article reports without a round).

The place is read from the sentences that name the round, then from those describing the
meeting, then from the dateline: a city after "in"/"at"/"for"/"to", or a building whose city the
profile knows ("held at the Treasury Department" is Washington). A dateline ("WASHINGTON (AP)
—", "TOKYO, June 28 (Kyodo) --") names where the story was filed and its date, so both are
used only when nothing better is said.

The day is read the same way and resolved in that city's time zone (see `bot.extract.dates`).
Days that belong to something else are passed over while a better one exists: the day someone
travelled ("left for Washington on Thursday") or spoke ("said Wednesday that...").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from typing import cast

from bot.extract.article import Article
from bot.extract.cues import FUTURE, PAST
from bot.extract.dates import DATE_WORDS, DAY_OF_MONTH, DateMention, find_dates, local_day, resolve
from bot.extract.text import Sentence

_PREPOSITION = re.compile(
    r"\b(?:in|at|to|inside|from|for|visit(?:ed|ing|s)?|reach(?:ed|es)?)\s+(?:the\s+)?(?:[\w.]+\s+capital,?\s+)?$", re.I
)
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z.'’]+(?:\s[A-Z][A-Za-z.'’]+){0,2})(?P<rest>(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?"
    r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?(?:(?:\s*\([^)]{1,40}\)){1,2}|\s+[A-Z][\w&.]+(?:\s+[A-Z][\w&.]+)?)?"
    r"\s*(?:—|–|--|-)\s*)"
)
_TRAVEL = re.compile(
    r"\b(?:left|leave|leaves|leaving|depart(?:s|ed|ing|ure)?|arriv(?:e|es|ed|ing|al)|fly|flew|flies|flying|travel\w*|head(?:ed|s|ing)?|return(?:s|ed|ing)?|"
    r"set off|sets off)\b[^;!?]{0,40}$",
    re.I,
)
# "said Wednesday", "told reporters at Haneda airport on Friday", "said in a statement on Monday"
_SPOKE = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|stated|added|noted|wrote|posted)"
    r"(?:\s+(?:at|in|from|after)\s+(?:the\s+|a\s+|an\s+)?(?:[\w.'’-]+\s+){0,3}?[\w.'’-]+)?"
    r"(?:\s+(?:early|late|on|this))?\s*$",
    re.I,
)
# "before the Aug. 1 deadline", "a 25% tariff from Aug. 1": days of other things than the meeting
_OTHER_DAY = re.compile(
    r"\b(?:before|by|until|till|ahead of|from|effective|starting|beginning|as of|deadline of|due)\s+(?:the\s+)?$", re.I
)
# The words without which each of the three patterns above cannot match: most windows before a
# date hold none of them, and a substring test is far cheaper than a search that tries the
# pattern's opening `\b` at every position.
_TRAVEL_WORDS = ("left", "leav", "depart", "arriv", "fly", "flew", "flies", "travel", "head", "return", "set off", "sets off")
_SPOKE_WORDS = ("said", "says", "told", "announced", "stated", "added", "noted", "wrote", "posted")
_OTHER_DAY_WORDS = ("before", "by", "until", "till", "ahead of", "from", "effective", "starting", "beginning", "as of",
                    "deadline of", "due")  # fmt: skip
_DEADLINE_AFTER = re.compile(r"^\s*(?:deadline|cutoff|cut-off)\b", re.I)
# "early Thursday in Japan", "3 a.m. Saturday, Tokyo time": a day on another clock than the meeting's
_ELSEWHERE_AFTER = re.compile(r"^,?\s*(?:in\s+(?P<place>[A-Z][\w.]+)|(?P<clock>[A-Z][\w.]+)\s+time\b)")


@dataclass(slots=True)
class WhenWhere:
    date: str | None
    location: str | None
    status_from_date: str | None
    evidence: dict[str, str]


@dataclass(frozen=True, slots=True)
class Dateline:
    city: str | None
    end: int  # offset in the article text where the story proper starts
    sentence: Sentence


def _city_in(article: Article, sentence: Sentence, after: int, near: int | None = None) -> str | None:
    """The city a sentence places its event in: the first named after a preposition, or else the
    first building's; in a sentence naming the round at ``near``, the nearest to it ("returned to
    Tokyo on Friday after a week in Washington, where the eighth round ended": Washington)."""
    places = [
        m
        for m in article.places_in(sentence)
        if m.start >= after and _PREPOSITION.search(article.text[max(sentence.start, m.start - 30) : m.start])
    ]
    found = places or [m for m in article.buildings_in(sentence) if m.start >= after]
    if not found:
        return None
    if near is None or len(found) == 1:
        return found[0].value
    return min(found, key=lambda m: abs(m.start - near)).value


def find_dateline(article: Article) -> Dateline | None:
    """The dateline that opens the story, if any, with the city it names.

    Page headers before the story ("KYODO NEWS - Jun 28, 2025 - 10:00 | World") look like
    datelines; the first of the opening lines that names a known city wins, else the first.
    Relevance and the day and place both ask: it is worked out once per article."""
    if "dateline" in article.memo:
        return cast("Dateline | None", article.memo["dateline"])
    article.memo["dateline"] = dateline = _find_dateline(article)
    return dateline


def _find_dateline(article: Article) -> Dateline | None:
    body = [s for s in article.sentences if s.paragraph > 0][:3]
    first: Dateline | None = None
    for sentence in body:
        text = sentence.text
        if not ("-" in text or "—" in text or "–" in text):
            continue  # a dateline ends with one of these dashes: most opening sentences have none
        match = _DATELINE.match(text)
        if not match:
            continue
        city_text = match.group("city")
        city = next(
            (p.city for p in article.profile.places if p.aliases.search(city_text.title()) or p.aliases.search(city_text)),
            None,
        )
        dateline = Dateline(city, sentence.start + match.end(), sentence)
        if city is not None:
            return dateline
        first = first or dateline
    return first


def _usable(article: Article, mention: DateMention, sentence: Sentence, location: str | None = None) -> bool:
    """Whether a date names the event rather than a journey, a statement, a deadline or a day on
    another clock ("early Thursday in Japan" for a meeting in Washington)."""
    before = article.text[max(sentence.start, mention.start - 60) : mention.start]
    after = article.text[mention.end : mention.end + 30]
    lower = before.lower() if before.isascii() else None
    if (
        _searched(_TRAVEL, _TRAVEL_WORDS, before, lower)
        or _searched(_SPOKE, _SPOKE_WORDS, before, lower)
        or _searched(_OTHER_DAY, _OTHER_DAY_WORDS, before, lower)
        or _DEADLINE_AFTER.match(after)
    ):
        return False
    elsewhere = _ELSEWHERE_AFTER.match(after)
    if elsewhere and location is not None:
        word = elsewhere.group("place") or elsewhere.group("clock")
        if word.lower() != "local" and not _same_place(article, word, location):
            return False
    return True


def _searched(pattern: re.Pattern[str], words: tuple[str, ...], text: str, lower: str | None) -> bool:
    """Whether the case-insensitive ``pattern`` matches in ``text``; skipped when ``lower``, the
    text lower-cased, holds none of the ``words`` every match needs. Only an ASCII text is
    lower-cased for this (``lower`` is None otherwise): IGNORECASE lets a few other letters
    stand for ASCII ones ("ſ" for "s"), which `str.lower` does not turn into them."""
    if lower is not None and not any(word in lower for word in words):
        return False
    return pattern.search(text) is not None


def _same_place(article: Article, word: str, city: str) -> bool:
    """Whether a place or side name stands for the meeting's city (Washington for the U.S. side)."""
    place = article.profile.place(city)
    if place is not None and place.aliases.search(word):
        return True
    sides = [side for side, phrases in article.profile.sides.items() if phrases.search(word)]
    return bool(sides) and bool(place) and any(article.profile.sides[s].search(city) for s in sides)


class _RoundPositions:
    """Where the reported round is named, asked about per sentence in log time: a long article
    names its round in hundreds of sentences, and comparing each sentence with every mention
    grew with the square of its length. Ties go, as with `min` and `next` over the list, to the
    position listed first."""

    def __init__(self, positions: list[int]) -> None:
        self._first_listed: dict[int, int] = {}
        for i, position in enumerate(positions):
            self._first_listed.setdefault(position, i)
        self._ordered = sorted(self._first_listed)

    def nearest(self, target: int) -> int:
        """``min(positions, key=lambda p: abs(p - target))``."""
        i = bisect_left(self._ordered, target)
        return min(self._ordered[max(0, i - 1) : i + 1], key=lambda p: (abs(p - target), self._first_listed[p]))

    def first_within(self, start: int, end: int) -> int | None:
        """``next((p for p in positions if start <= p < end), None)``."""
        inside = self._ordered[bisect_left(self._ordered, start) : bisect_left(self._ordered, end)]
        return min(inside, key=self._first_listed.__getitem__) if inside else None


def find_when_where(
    article: Article,
    *,
    round_sentences: list[Sentence],
    round_positions: list[int],
    meeting_sentences: list[Sentence],
    has_event: bool,
    meeting_clauses: dict[int, list[tuple[int, int]]] | None = None,
) -> WhenWhere:
    evidence: dict[str, str] = {}
    dateline = find_dateline(article)
    story_start = dateline.end if dateline else 0
    # each sentence once, where it first appears (a dict, not a list search: hundreds in a long article)
    ordered = list({sentence.index: sentence for sentence in [*round_sentences, *meeting_sentences]}.values())
    location = None
    positions = _RoundPositions(round_positions)
    for sentence in ordered:
        near = positions.first_within(sentence.start, sentence.end)
        location = _city_in(article, sentence, story_start, near)
        if location:
            evidence["location"] = sentence.text
            break
    if location is None and dateline and dateline.city:
        location = dateline.city
        evidence["location"] = dateline.sentence.text
    if not has_event:
        location = None

    place = article.profile.place(location) if location else None
    anchor = local_day(article.published, place.tz if place else None)

    future = article.sentences_holding(FUTURE)

    def forward(sentence: Sentence, mention: DateMention | None = None) -> bool:
        """Whether a weekday looks ahead: the tense of its clause ("held talks on Friday, ... days
        before Ishiba is due to meet Trump": past), or of the sentence."""
        if sentence.index not in future:
            return False  # no clause of it can count a future word: it need not be split into clauses
        start, end = sentence.start, sentence.end
        if mention is not None:
            start, end = next(((s, e) for s, e in article.clauses_of(sentence) if s <= mention.start < e), (start, end))
        return article.count(FUTURE, start, end) > article.count(PAST, start, end)

    dated = article.sentences_with(DATE_WORDS)
    dates_in: dict[int, list[DateMention]] = {}  # each sentence's dates, found once for both passes

    def candidates(sentence: Sentence, *, strict: bool) -> list[DateMention]:
        found = dates_in.get(sentence.index)
        if found is None:
            found = dates_in[sentence.index] = (
                [m for m in find_dates(sentence.text, sentence.start) if m.start >= story_start]
                if sentence.index in dated or DAY_OF_MONTH.search(sentence.text)
                else []
            )
        return [m for m in found if _usable(article, m, sentence, location)] if strict else list(found)

    chosen: date | None = None
    for strict in (True, False):
        for sentence in round_sentences:
            mentions = candidates(sentence, strict=strict)
            if not mentions:
                continue
            near = positions.nearest(sentence.start) if round_positions else sentence.start
            mentions.sort(key=lambda m: abs(m.start - near))
            ahead = forward(sentence, mentions[0])
            day = resolve(mentions[0], anchor, forward=ahead)
            if day and not ahead and strict:
                # a round reported over several days ("on Thursday and again on Friday"): its last sitting
                days = [resolve(m, anchor, forward=False) for m in mentions if m.kind == mentions[0].kind]
                day = max([d for d in days if d is not None and (anchor is None or d <= anchor)] or [day])
            if day:
                chosen = day
                evidence["date"] = sentence.text
                break
        if chosen is None:
            best: tuple[date, str] | None = None
            for sentence in meeting_sentences:
                spans = (meeting_clauses or {}).get(sentence.index, [(sentence.start, sentence.end)])
                for mention in candidates(sentence, strict=strict):
                    if not any(s <= mention.start < e for s, e in spans):
                        continue  # "Akazawa met Lutnick; an Ishiba-Trump summit is set for Monday"
                    day = resolve(mention, anchor, forward=forward(sentence, mention))
                    if day is None or (anchor and abs((day - anchor).days) > 60):
                        continue
                    if best is None or day > best[0]:
                        best = (day, sentence.text)
            if best:
                chosen, evidence["date"] = best
        if chosen is not None:
            break
    if chosen is None and dateline is not None:
        mentions = find_dates(dateline.sentence.text[: dateline.end - dateline.sentence.start])
        if mentions:
            chosen = resolve(mentions[0], anchor, forward=False)
            evidence["date"] = dateline.sentence.text
    if chosen is None and not round_sentences:
        # An event without a round (a letter, an announcement): the first day the lead names.
        lead = [s for s in article.sentences if s.paragraph > 0 and len(s.text.split()) > 6][:3]
        for sentence in lead:
            mentions = candidates(sentence, strict=False)
            if mentions:  # an event reported (a letter, a deal announced): "on Monday" is the last Monday
                chosen = resolve(mentions[0], anchor, forward=False)
                if chosen:
                    evidence["date"] = sentence.text
                    break
    status = None
    if chosen and anchor:
        status = "held" if chosen < anchor else "upcoming" if chosen > anchor else None
    return WhenWhere(chosen.isoformat() if chosen else None, location, status, evidence)
