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
from datetime import date, timedelta
from typing import cast

from bot.extract.article import Article
from bot.extract.cues import FUTURE, HEADLINE_FUTURE, HEADLINE_PAST, MEETING, PAST, SITTING
from bot.extract.dates import DATE_WORDS, DAY_OF_MONTH, MONTH, DateMention, find_dates, local_day, local_time, resolve
from bot.extract.lead_event import OTHER_EVENT, news_sentences
from bot.extract.lexicon import (
    AFTER_AN_EVENT_WORDS,
    ANNOUNCING_VERBS,
    BEFORE_ANOTHER_MEETING,
    CITY_NOUNS,
    DEADLINE_VERBS,
    DOCUMENT_NOUNS,
    DOUBT_WORDS,
    FILING_VERBS,
    FROM_WORDS,
    ISSUE_SENDING_VERBS,
    LATER_MEETING_CLAUSES,
    MEASURE_START_WORDS,
    MEETING_NOUNS,
    MEETINGS_COUNTED,
    MONTH_TIME_WORDS,
    PARTS_OF_DAY,
    PLACE_PREPOSITIONS,
    REPORTING_VERBS,
    RESPONDING_VERBS,
    SAYING_VERBS,
    SPEECH_VERBS,
    SUPERSEDED_PLAN_PHRASES,
    TARIFF_NOUNS,
    TELLING_VERBS,
    TOOK_EFFECT_VERBS,
    alternation,
)
from bot.extract.phrases import Phrases
from bot.extract.rounds import LEAD_PARAGRAPHS, ROUND_RE, in_a_recalling_clause, story_end
from bot.extract.schedule import REPORTED_DAYS
from bot.extract.text import Sentence

# a sentence that opens with a pronoun for a person ("He met ...", "On Friday, she sat down ...")
_PRONOUN_START = re.compile(r"^(?:[A-Z][\w ]{0,24},\s+)?(?:[Hh]e|[Ss]he|[Tt]hey)\b(?!\s+[A-Z])")

_PREPOSITION = re.compile(
    rf"\b{alternation(PLACE_PREPOSITIONS)}\s+(?:the\s+)?(?:(?:[\w.-]+\s+){{0,3}}?{alternation(CITY_NOUNS)}(?:,?\s+|\s+of\s+))?"
    r"(?:[A-Z][\w.-]*['’]s\s+)?$",  # "at Trump's Turnberry resort": a place someone owns or governs
    re.I
)
#: how far before a city its preposition may stand ("in the South Korean port city of Busan")
_PREPOSITION_REACH = 50
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z.'’]+(?:\s[A-Z][A-Za-z.'’]+){0,2})(?P<rest>(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?"
    r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?(?:(?:\s*\([^)]{1,40}\)){1,2}|\s+[A-Z][\w&.]+(?:\s+[A-Z][\w&.]+)?)?"
    r"\s*(?:—|–|--|-)\s*)"
)
# "New Delhi: India and the US on Tuesday agreed ...": the city and a colon, as much of the
# Indian and Pakistani press opens a story; only a city the profile knows makes it a dateline
_COLON_DATELINE = re.compile(r"^\s*(?P<city>[A-Z][A-Za-z.'’]+(?:\s[A-Z][A-Za-z.'’]+){0,2}):\s+(?=[A-Z\"“‘'])")
_TRAVEL = re.compile(
    r"\b(?:left|leave|leaves|leaving|depart(?:s|ed|ing|ure)?|arriv(?:e|es|ed|ing|al)|fly|flew|flies|flying|travel\w*|head(?:ed|s|ing)?|return(?:s|ed|ing)?|"
    r"set off|sets off)\b[^;!?]{0,40}$",
    re.I,
)
# "said Wednesday", "told reporters at Haneda airport on Friday", "said in a statement on Monday"
_SPOKE_VERBS = alternation(
    [*SAYING_VERBS, *(rf"{verb}\s+\w+" for verb in TELLING_VERBS), *REPORTING_VERBS, *ANNOUNCING_VERBS]
)
# a statement's verb, or any verb in the past ("a petition filed late Wednesday", "who arrived on
# Monday"; not a passive to come: "will be hosted on Monday")
_STATEMENT_VERB = re.compile(
    rf"\b{alternation([*SAYING_VERBS, *TELLING_VERBS, *REPORTING_VERBS, *ANNOUNCING_VERBS])}\b|(?<!\bbe )\b[a-z]+ed\b", re.I
)
_SPOKE = re.compile(
    rf"\b{_SPOKE_VERBS}"
    r"(?:\s+(?:at|in|from|after)\s+(?:the\s+|a\s+|an\s+)?(?:[\w.'’-]+\s+){0,3}?[\w.'’-]+)?"
    r"(?:\s+(?:early|late|on|this))?\s*$",
    re.I,
)
# "before the Aug. 1 deadline", "a 25% tariff from Aug. 1", "a story published on June 14", "the
# order of July 30": days of other things than the meeting
_OTHER_DAY = re.compile(
    r"\b(?:before|by|until|till|since|ahead of|from|effective|starting|beginning|as of|deadline of|due|"
    rf"{alternation([*FILING_VERBS, 'issued', 'dated'])}(?:\s+on)?|"
    rf"{alternation(DEADLINE_VERBS)}(?:\s+on)?|{alternation(DOCUMENT_NOUNS)}\s+of)\s+(?:the\s+)?$",
    re.I,
)
# "three days of talks in Washington from Wednesday", "held in Washington from 14th to 17th
# July": a "from" that opens a meeting's days, not a measure's term ("a 25% tariff from Aug. 1"):
# a meeting word stands before it in its clause, and no tariff word after that
_MEETING_FROM = re.compile(
    rf"\b(?:{'|'.join(f'{noun}s?' for noun in MEETING_NOUNS)}|talks|held|hold|holds|holding)\b"
    rf"(?![^,;]*\b{alternation(TARIFF_NOUNS)}\b)[^,;]*(?:,\s*)?\b{alternation(FROM_WORDS)}\s+(?:the\s+)?$",
    re.I,
)
# "a 25% tariff from May 3", "effective August 7", "with effect from Monday": the day a measure
# starts to apply
_MEASURE_START = re.compile(
    rf"\b(?:{alternation(MEASURE_START_WORDS)}|"
    rf"(?:(?:{alternation(TARIFF_NOUNS)}|percent)\b|\d%)[^;]*\b{alternation(FROM_WORDS)})\s+(?:the\s+)?$",
    re.I,
)
# the words one of its matches needs: a `FROM_WORDS` word after a rate, or a start word of
# MEASURE_START_WORDS ("effective", "as of", "with effect from", a taking-effect verb)
_MEASURE_START_WORDS = (*FROM_WORDS, "effective", "as of", "kick", "effect", "into force")
_TOOK_EFFECT = Phrases(list(TOOK_EFFECT_VERBS), shared=True)
# The words without which each of the three patterns above cannot match: most windows before a
# date hold none of them, and a substring test is far cheaper than a search that tries the
# pattern's opening `\b` at every position.
_TRAVEL_WORDS = ("left", "leav", "depart", "arriv", "fly", "flew", "flies", "travel", "head", "return", "set off", "sets off")
_SPOKE_WORDS = (*SPEECH_VERBS, *REPORTING_VERBS, *ANNOUNCING_VERBS)
_OTHER_DAY_WORDS = ("before", "by", "until", "till", "since", "ahead of", "from", "effective", "starting", "beginning", "as of",
                    "deadline of", "due", *FILING_VERBS, "issued", "dated",
                    "expir", "run", "ran", "laps", "kick", "effect", "into force", " of")  # fmt: skip
# "The Federation today welcomed the orders signed on Tuesday": the day a group answered the news
# (a relative day or a day's name just before its verb), not the day of the news it answers
_ANSWERED_AFTER = re.compile(rf"^\s+{alternation(RESPONDING_VERBS)}\b")
_DEADLINE_AFTER = re.compile(r"^\s*(?:deadline|cutoff|cut-off)\b", re.I)
# "early Thursday in Japan", "3 a.m. Saturday, Tokyo time", "Saturday New Zealand time": a day on
# another clock than the meeting's
# another clock's abbreviation ("early Wednesday AEST") or where the writer is ("early Friday
# morning here in Hiroshima") too, after a part of the day
_ELSEWHERE_AFTER = re.compile(
    rf"^(?:\s+{alternation(PARTS_OF_DAY)})?,?\s*(?:(?:here\s+)?in\s+(?P<place>[A-Z][\w.]+)|"
    r"(?P<clock>[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)\s+time\b|(?P<zone>[A-Z]{1,4}T)\b(?!['’-]))"
)


_SUPERSEDED = Phrases(list(SUPERSEDED_PLAN_PHRASES), shared=True)

# The day an issue carries: "DUBAI, 5 September 2025 (08:10 GST): Japan and ...", "OTTAWA, July
# 15, 2025 — Most Canadians ...", "Dhaka, 12 August: US President ...": a place (and its region)
# before the day at the opening of a sentence, and a dateline's mark after it (a year, a time of
# day, an agency or a clock in brackets, then a dash or a colon)
# a dateline of a day alone, with the agency's name: "Sept 5 (Wire) - U.S. President ..."
_AGENCY_AFTER_DAY = re.compile(r"(?:,?\s*\d{4})?\s*\([^)]{1,40}\)\s*(?:—|–|--|-)")
_DATELINE_BEFORE_DAY = re.compile(r"^\s*[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,4},\s*$")
# (a wire's name may stand in brackets or, in a press release, between slashes: "/PRNewswire/ --")
_DATELINE_AFTER_DAY = re.compile(
    r"(?:,?\s*\d{4})?(?:,?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?\s*(?:\([^)]{1,40}\)\s*|/[\w .-]{1,30}/\s*)*(?:—|–|--|-|:)",
    re.I,
)
# a day in figures, then a time of day: a post's or a log entry's stamp as software writes it
# ("Anonymous 2025/05/02(Fri) 07:41:09 ID:Rk3v"), unless a preposition makes it a day of the news
# ("met on 2025.10.30 (Thu) at 11:00"); a day written out before a time ("Monday 28 July 2025,
# 16:30") is as often a broadcast's, live on its day
_TIME_AFTER_DAY = re.compile(r"\.?\s*(?:\([A-Za-z.]{2,5}\)\s*)?,?\s*(?:at\s+)?\d{1,2}:\d{2}")
_PREPOSITION_BEFORE_DAY = re.compile(r"\b(?:on|at|from|until|till|by|since|before|after|of|to|between|and)\s*$", re.I)
# "Posted on 27 October 2025 by the author", "December issue (posted online November 20)", "Last
# updated: 5 September": the filing verb opens the line or a part of it, so the story is what was
# filed ("the letter, published on 7 July" tells of the letter)
# "Posted on", "| Updated:", "posted by ohio_kaz_2019,", "Shared with key accounts on"
_FILED_ON = re.compile(
    rf"(?:^|[|·•(–—]\s*)(?:\w+\s+)?{alternation([*FILING_VERBS, *ISSUE_SENDING_VERBS])}"
    r"(?:\s+(?:by|with|to)\s+[^.;,]{1,30}?,?)?(?:\s+(?:on|online|at))*:?\s+$",
    re.I,
)
# the year a masthead's or a byline's day is written with ("Monday 13 October 2025"), also just
# after a day's name that opens it ("Friday, Oct. 31, 2025")
_WITH_YEAR = re.compile(r"\b20\d\d\b")
_THEN_A_DAY_WITH_A_YEAR = re.compile(rf",?\s+(?:\d{{1,2}}\s+)?{MONTH}(?:\s+\d{{1,2}})?,?\s+20\d\d\b")
#: how many days a stamp's day may be from the day of publication in UTC (an issue dated on its
#: own clock, a day ahead of or behind UTC)
_STAMP_SLACK = 1


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
    #: whether what stands before it is no part of the story (page headers before "TOKYO --");
    #: a "New Delhi:" may follow a synopsis, whose days and places are the story's own
    opens_story: bool = True


# "accompanied by Akazawa, who has made six trips to Washington since April", "joined by Akazawa,
# the minister who has made six trips to Washington": a relative clause about a person tells his
# story, not where the event is
_ABOUT_A_PERSON = re.compile(r"\bwho\s+(?:has|had|have)\s[^,;]*$")
# "has held six rounds of talks in Washington since April", "negotiated the deal through eight
# rounds in Washington": a tally of sittings tells where they were, not where the story's event is
_AFTER_A_TALLY = re.compile(rf"\b{alternation(MEETINGS_COUNTED)}\b[^,;:()—–]*$", re.I)
# the opening of another meeting's clause: "before Ishiba meets Trump", "when they meet"
_ANOTHER_MEETING_OPENS = re.compile(rf"\s*(?:{BEFORE_ANOTHER_MEETING}|{alternation(LATER_MEETING_CLAUSES)})", re.I)
_ANOTHER_MEETING = Phrases([BEFORE_ANOTHER_MEETING, *LATER_MEETING_CLAUSES], shared=True)
# the day of an event a clause recalls: "six weeks after the deal of July 22", "following the
# announcement on 2 April"
_AFTER_AN_EVENT = re.compile(
    rf"\b{alternation(AFTER_AN_EVENT_WORDS)}\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)(?:[\w.'’-]+\s+){{0,4}}?(?:of|on)\s+$",
    re.I,
)
_ANNOUNCED = Phrases(list(ANNOUNCING_VERBS), shared=True)
#: the paragraphs of a story's opening (`EventDates.from_opening_events`)
_OPENING_PARAGRAPHS = 5
# "early Friday morning here in Osaka": where the writer is, not where the event is
_WHERE_THE_WRITER_IS = re.compile(r"\bhere\s+in\s+$", re.I)
# "whether LeBlanc returns to Washington before Labour Day": a city in a question places nothing
_IN_DOUBT = re.compile(rf"\b{alternation(DOUBT_WORDS)}\b[^,;:()—–]*$", re.I)


def _city_in(
    article: Article, sentence: Sentence, after: int, near: int | None = None, *, buildings: bool = True
) -> str | None:
    """The city a sentence places its event in: the first named after a preposition, or else (with
    ``buildings``) the first building's; in a sentence naming the round at ``near``, the nearest to it ("returned to
    Tokyo on Friday after a week in Washington, where the eighth round ended": Washington)."""
    places = [
        m
        for m in article.places_in(sentence)
        if m.start >= after
        and _PREPOSITION.search(article.text[max(sentence.start, m.start - _PREPOSITION_REACH) : m.start])
        # "the first round since the leaders announced the pact in Washington", "since the talks in
        # Geneva": the earlier event's place ("since April" is a time and keeps it)
        and not in_a_recalling_clause(article, sentence, m.start)
        and not _ABOUT_A_PERSON.search(article.text, max(sentence.start, m.start - 100), m.start)
        and not _AFTER_A_TALLY.search(article.text, max(sentence.start, m.start - 100), m.start)
        and not _IN_DOUBT.search(article.text, max(sentence.start, m.start - 100), m.start)
        and not _WHERE_THE_WRITER_IS.search(article.text, max(sentence.start, m.start - 12), m.start)
    ]
    found = places or ([m for m in article.buildings_in(sentence) if m.start >= after] if buildings else [])
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
    # the first three sentences, and the opening sentence of each of the first three paragraphs (a
    # correction notice may stand before the dateline)
    body: list[Sentence] = []
    for sentence in article.sentences:
        if sentence.paragraph == 0:
            continue
        if sentence.paragraph > 3 and len(body) >= 3:
            break
        if len(body) < 3 or sentence.index == 0 or article.sentences[sentence.index - 1].paragraph != sentence.paragraph:
            body.append(sentence)
    first: Dateline | None = None
    for sentence in body:
        text = sentence.text
        colon = _COLON_DATELINE.match(text) if ":" in text[:40] else None
        if colon:
            city = _known_city(article, colon.group("city"))
            if city is not None:  # "Synopsis:", "Opinion:" are no datelines
                return Dateline(city, sentence.start + colon.end(), sentence, opens_story=False)
        if not ("-" in text or "—" in text or "–" in text):
            continue  # a dateline ends with one of these dashes: most opening sentences have none
        match = _DATELINE.match(text)
        if not match:
            continue
        city = _known_city(article, match.group("city"))
        dateline = Dateline(city, sentence.start + match.end(), sentence)
        if city is not None:
            return dateline
        first = first or dateline
    return first


def _headline_ahead(article: Article) -> bool:
    """Whether the headline looks ahead ("Trump and Xi to hold call on Friday") rather than
    reports ("Trump says Modi assured him in call")."""
    headline = [s for s in article.sentences if s.paragraph == 0]
    if not headline:
        return False
    start, end = headline[0].start, headline[-1].end
    # weighed as `rounds.tense_status` weighs a headline: "to hold" is future, though "hold" alone is past
    return 2 * article.count(HEADLINE_FUTURE, start, end) > article.count(HEADLINE_PAST, start, end)


def _known_city(article: Article, city_text: str) -> str | None:
    """The profile's city a dateline's words name ("WASHINGTON", "New Delhi"), if any."""
    return next(
        (p.city for p in article.profile.places if p.aliases.search(city_text.title()) or p.aliases.search(city_text)),
        None,
    )


def _usable(article: Article, mention: DateMention, sentence: Sentence, location: str | None = None) -> bool:
    """Whether a date names the event rather than a journey, a statement, a deadline or a day on
    another clock ("early Thursday in Japan" for a meeting in Washington)."""
    before = article.text[max(sentence.start, mention.start - 60) : mention.start]
    after = article.text[mention.end : mention.end + 30]
    lower = before.lower() if before.isascii() else None
    if (
        _searched(_TRAVEL, _TRAVEL_WORDS, before, lower)
        or _searched(_SPOKE, _SPOKE_WORDS, before, lower)
        or (_searched(_OTHER_DAY, _OTHER_DAY_WORDS, before, lower) and not _MEETING_FROM.search(before))
        or _DEADLINE_AFTER.match(after)
        or _answers_the_news(mention, after)
    ):
        return False
    elsewhere = _ELSEWHERE_AFTER.match(after)
    if elsewhere and location is not None:
        zone = elsewhere.group("zone")
        if zone is not None:
            return _same_clock(article, zone, location)
        word = elsewhere.group("place") or elsewhere.group("clock")
        if word.lower() != "local" and not _same_place(article, word, location):
            return False
    return True


def _answers_the_news(mention: DateMention, after: str) -> bool:
    """Whether a day's name is the day a group answered the news ("The Federation today welcomed
    the executive orders signed by President Trump on Tuesday", "The Alliance today issued the
    following statement on the order signed yesterday"): its reply, not the event it replies to."""
    return mention.kind in ("weekday", "relative") and bool(_ANSWERED_AFTER.match(after))


def _same_clock(article: Article, zone: str, city: str) -> bool:
    """Whether a clock's abbreviation is the meeting city's at publication ("EDT", or "ET" for
    it, in Washington): a day written on another ("early Wednesday AEST") is another day there."""
    place = article.profile.place(city)
    local = local_time(article.published, place.tz if place else None)
    name = local.tzname() if local is not None and place is not None else None
    if not name:
        return True  # the city's clock is unknown: nothing says the day is on another
    return zone in (name, name[0] + name[-1])


def _starts_a_measure(article: Article, mention: DateMention, sentence: Sentence) -> bool:
    """Whether a date opens the term of a measure ("an additional tariff of 25% from May 3 on
    parts", "effective August 7", "starting April 5"): it names when a rate applies, not the
    event the story reports, unless a meeting's days run from it ("talks in Washington from
    Wednesday") or the story's event is the measure taking effect (`_lead_took_effect`)."""
    before = article.text[max(sentence.start, mention.start - 60) : mention.start]
    lower = before.lower() if before.isascii() else None
    return (
        _searched(_MEASURE_START, _MEASURE_START_WORDS, before, lower)
        and not _MEETING_FROM.search(before)
        and not _lead_took_effect(article)
    )


def _lead_took_effect(article: Article) -> bool:
    """Whether the lead reports a measure taking effect ("the tariffs took effect on Thursday",
    "came into force on Monday"): then the day it took effect is the story's event."""
    if "lead_took_effect" not in article.memo:
        lead = [s for s in article.sentences if 0 < s.paragraph <= LEAD_PARAGRAPHS]
        held = article.sentences_holding(_TOOK_EFFECT)
        article.memo["lead_took_effect"] = any(s.index in held for s in lead)
    return cast("bool", article.memo["lead_took_effect"])


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


# a month named as a time, without its day: "in May", "between April and July", "in early September"
_MONTH_ALONE = re.compile(rf"\b{alternation(MONTH_TIME_WORDS)}\s+(?P<month>{MONTH})(?![\w.]|\.?\s*\d)")
_MONTH_NUMBERS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def recalls_a_past_meeting(article: Article, sentence: Sentence) -> bool:
    """Whether a meeting sentence only recalls meetings of weeks before: every time it names is
    more than `REPORTED_DAYS` before publication or a month before the month of publication
    ("have met four times since May, most recently in Madrid in September", in October; "the
    two presidents met in Kuala Lumpur on October 26", late in November). A story whose only
    meetings are recalled reports none: their city and day are its background, not its event's.
    A sentence that names no time, or one near publication, is kept."""
    published = local_day(article.published, None)
    if published is None:
        return False
    recalled: list[bool] = []
    for mention in find_dates(sentence.text, sentence.start):
        day = resolve(mention, published, forward=False)
        if day is not None:
            recalled.append((published - day).days > REPORTED_DAYS)
    for match in _MONTH_ALONE.finditer(sentence.text):
        recalled.append(_MONTH_NUMBERS[match.group("month")[:3].lower()] < published.month)
    return bool(recalled) and all(recalled)


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
    call_sentences: list[Sentence] | None = None,
) -> WhenWhere:
    """The day and the city of the event the article reports, each with its sentence.

    The steps, in order: the city (`event_location`); then the day, from the sentences naming
    the round (`EventDates.from_round`), else from the meeting sentences
    (`EventDates.from_meetings`), each first with the dates that plainly belong to the event and
    then with any (for an event without a round, before "any": the day of the lead's sentences
    naming a call in a story of a call, ``call_sentences``, `EventDates.from_sentences`, else the
    lead's first usable day); else, for an event without a round, the first day of the lead
    (`EventDates.from_lead`); else the dateline's own date (`EventDates.from_dateline`); else, for
    a meeting without a round that the lead reports held and nothing in the opening dates, the
    day of publication (`EventDates.publication_day`). Whether the round was
    held or is upcoming follows from that day and the day of publication.
    """
    evidence: dict[str, str] = {}
    dateline = find_dateline(article)
    story_start = dateline.end if dateline and dateline.opens_story else 0
    positions = _RoundPositions(round_positions)
    if not round_sentences and meeting_sentences:
        # an event without a round: the meetings it only recalls are background
        meeting_sentences = [s for s in meeting_sentences if not recalls_a_past_meeting(article, s)]
        has_event = has_event and bool(meeting_sentences)
    location, location_sentence = event_location(
        article, [*round_sentences, *meeting_sentences], positions, story_start, dateline
    )
    if location_sentence is not None:
        evidence["location"] = location_sentence  # kept, as before, even when there is no event to place
    if not has_event:
        location = None

    dates = EventDates(article, location, story_start, positions if round_positions else None)
    found = _event_day(dates, article, round_sentences, meeting_sentences, meeting_clauses or {}, call_sentences)
    if found is None and dates.stamped:
        # a story whose issue is dated and whose lead dates nothing: the day its opening
        # paragraphs give a sitting or another event, before the issue's own day
        found = dates.from_opening_events()
    if found is None and dates.stamped:
        # a story that dates nothing but its issue ("GROWER BULLETIN No. 9 — Friday, June 6, 2025",
        # "Sent: Friday, August 29, 2025, 4:00 PM JST (daily digest)"): read as before the stamps
        # were set aside, the issue tells of the day before its own (`EventDates.before_the_issue`)
        dates.keep_stamps = True
        found = dates.before_the_issue(
            _event_day(dates, article, round_sentences, meeting_sentences, meeting_clauses or {}, call_sentences)
        )
    if found is None and dateline is not None:
        on_dateline = dates.from_dateline(dateline)
        if on_dateline is not None:
            evidence["date"] = on_dateline[1]  # kept, as before, even when the dateline's day does not resolve
            found = (on_dateline[0], on_dateline[1]) if on_dateline[0] else None
    entries = _timed_entries(article) if found is None and has_event and "date" not in evidence else []
    if len(entries) >= _TIMED_ENTRIES:
        # a live blog, a thread or a ticker of a sitting, its entries stamped only with times of
        # day ("16:15 *AKAZAWA MET TRUMP FOR ABOUT 50 MINUTES"): the day its issue carries
        found = dates.issue_day()
    if found is None and has_event and not round_sentences and "date" not in evidence and len(entries) < _TIMED_ENTRIES:
        # a meeting without a round (a round is dated by its own words or the schedule; a live
        # blog's entries tell of the night before in another clock: its issue's day or none)
        found = dates.publication_day(meeting_sentences)
    chosen = found[0] if found else None
    if found:
        evidence["date"] = found[1]
    anchor = dates.anchor
    status = None
    if chosen and anchor:
        status = "held" if chosen < anchor else "upcoming" if chosen > anchor else None
    return WhenWhere(chosen.isoformat() if chosen else None, location, status, evidence)


# a time of day opening an entry: "16:15 *AKAZAWA MET TRUMP", "2/ 10:04 AM — Where things stand"
_ENTRY_TIME = re.compile(r"^\s*(?:\d{1,2}/\s*)?\d{1,2}[:.]\d{2}\b")
#: how many entries opening with a time of day make a live blog, a thread or a ticker
_TIMED_ENTRIES = 3


def _timed_entries(article: Article) -> list[Sentence]:
    """The paragraphs' opening sentences that open with a time of day: a story told in (at least
    `_TIMED_ENTRIES` of) them is a live blog, a thread or a ticker, whose day is the issue's,
    which only its masthead writes out, if anything does."""
    sentences = article.sentences
    return [
        s
        for s in sentences
        if (s.index == 0 or sentences[s.index - 1].paragraph != s.paragraph) and _ENTRY_TIME.match(s.text)
    ]


def _event_day(
    dates: EventDates,
    article: Article,
    round_sentences: list[Sentence],
    meeting_sentences: list[Sentence],
    meeting_clauses: dict[int, list[tuple[int, int]]],
    call_sentences: list[Sentence] | None,
) -> tuple[date, str] | None:
    """The day of the event and its sentence by the steps `find_when_where` lists, before the
    dateline's own date."""
    found: tuple[date, str] | None = None
    for strict in (True, False):
        found = (
            dates.from_round(round_sentences, strict=strict)
            or dates.from_meetings(meeting_sentences, meeting_clauses, strict=strict)
            or dates.before_pronoun(meeting_sentences, strict=strict)
        )
        if found is None and strict and not round_sentences:
            # an event without a round whose meetings name only a journey's or a statement's day
            # ("who flew in late on Monday"): the day its lead gives the event ("on Tuesday agreed
            # ... after the chief negotiators met")
            # ... and a story of a call, the day its lead gives the call
            found = (dates.from_sentences(call_sentences, forward=_headline_ahead(article)) if call_sentences else None) or (
                dates.from_lead(strict=True)
            )
        if found is not None:
            break
    if found is None and round_sentences:
        found = dates.around_round(round_sentences)  # "... last Friday. It was his seventh round."
    if found is None and not round_sentences:
        found = dates.from_lead()  # an event without a round: the day its lead names, before the filing day
    if found is None and not round_sentences:
        found = dates.from_headline()  # "White House pool reports, Tuesday July 22: ..."
    return found


def event_location(
    article: Article,
    sentences: list[Sentence],
    positions: _RoundPositions,
    story_start: int,
    dateline: Dateline | None,
) -> tuple[str | None, str | None]:
    """The city of the event and its sentence: the first the round's and meetings' sentences
    place it in (nearest the round's mention in its own sentence), else the dateline's city, else
    the first city the headline, or a sentence of the lead naming people of the talks or a
    sitting, names after a preposition, in a sentence that does not look ahead ("Trump and Xi seal
    trade truce in Busan"): a story whose sitting is told without a meeting sentence (a truce
    "agreed", a "conversation") still says where in its opening. A building there names an actor
    more often than a venue ("the White House confirmed"), and a city to come is a journey's
    ("will fly back to Washington tonight")."""
    # each sentence once, where it first appears (a dict, not a list search: hundreds in a long article)
    for sentence in {sentence.index: sentence for sentence in sentences}.values():
        location = _city_in(article, sentence, story_start, positions.first_within(sentence.start, sentence.end))
        if location:
            return location, sentence.text
    if dateline and dateline.city:
        return dateline.city, dateline.sentence.text
    ahead = article.sentences_holding(FUTURE)
    for sentence in article.sentences:
        if sentence.paragraph > LEAD_PARAGRAPHS:
            break
        if sentence.index in ahead or (sentence.paragraph > 0 and not _tells_of_people_or_a_sitting(article, sentence)):
            continue
        location = _city_in(article, sentence, story_start, buildings=False)
        if location:
            return location, sentence.text
    return None, None


def _tells_of_people_or_a_sitting(article: Article, sentence: Sentence) -> bool:
    """Whether a sentence names a person of the talks or tells of a meeting or a sitting ("Trump
    and Xi seal trade truce in Busan", "Tariff talks begin in Washington"): a city elsewhere in
    the opening is a writer's, a section's or another story's ("teaches at a university in
    Taipei", "Our lead this week comes from Washington")."""
    return bool(article.people_in(sentence)) or article.in_sentence(MEETING, sentence) or article.in_sentence(SITTING, sentence)


class EventDates:
    """The ways to read the day of the event, sharing what each sentence's dates are (found once)
    and the day of publication in the local time of the event's city (``anchor``), which
    relative days ("on Friday") resolve against. Each ``from_...`` step gives the day and its
    sentence, or None."""

    def __init__(
        self, article: Article, location: str | None, story_start: int, positions: _RoundPositions | None
    ) -> None:
        self.article = article
        self.location = location
        self.story_start = story_start
        self.positions = positions
        place = article.profile.place(location) if location else None
        # an event with no place found is on the profile's clock (`[negotiation] timezone`, else UTC)
        self.anchor = local_day(article.published, place.tz if place else article.profile.default_tz)
        self._future = article.sentences_holding(FUTURE)
        self._another_meeting = article.sentences_holding(_ANOTHER_MEETING)
        self._headline = {s.text for s in article.sentences if s.paragraph == 0}
        self._dated = article.sentences_with(DATE_WORDS)
        self._dates_in: dict[int, list[DateMention]] = {}
        self._candidates: dict[tuple[int, bool, bool], list[DateMention]] = {}
        #: whether the days an issue stamps itself with are read as the event's (`stamps_the_issue`):
        #: only once nothing else dates it; ``stamped``: whether a day was set aside as a stamp
        self.keep_stamps = False
        self.stamped = False
        self._published_utc = local_day(article.published, None)
        news = news_sentences(article)
        #: where the story's first real sentence starts: the lines above it are a masthead, a
        #: byline or a filing line
        self._news_start = news[0].start if news else 0

    def forward(self, sentence: Sentence, mention: DateMention | None = None) -> bool:
        """Whether a weekday looks ahead: the tense of its clause ("held talks on Friday, ... days
        before Ishiba is due to meet Trump": past), or of the sentence."""
        if sentence.paragraph == 0 or (
            sentence.paragraph == 1 and len(sentence.text) > 30 and any(sentence.text in h for h in self._headline)
        ):
            # a headline's tense is its own ("to hold", "before ... round"), also where the body
            # repeats it as its first line (without the "[Explainer]" tag)
            return _headline_ahead(self.article)
        if sentence.index not in self._future:
            return False  # no clause of it can count a future word: it need not be split into clauses
        start, end = sentence.start, sentence.end
        if mention is not None:
            clauses = self.article.clauses_of(sentence)
            start, end = next(((s, e) for s, e in clauses if s <= mention.start < e), (start, end))
        return self.article.count(FUTURE, start, end) > self.article.count(PAST, start, end)

    def looks_ahead_to(self, sentence: Sentence, mention: DateMention) -> bool:
        """Whether the verb a day belongs to looks ahead: a future word before the day in its
        clause ("will hold his first summit at the White House on Monday", "is to begin on
        Monday"), not one after it, which tells what a statement of that day said of what is to
        come ("Trump announced on Thursday that the US will impose ...", "said on Tuesday that
        India would not buy ..."): that day is past."""
        if sentence.paragraph == 0 or sentence.index not in self._future:
            return self.forward(sentence, mention)
        clauses = self.article.clauses_of(sentence)
        start = next((s for s, e in clauses if s <= mention.start < e), sentence.start)
        ahead = self.article.hits(FUTURE).within(start, mention.start)
        if len(ahead) <= self.article.count(PAST, start, mention.start):
            return False
        # "will protect exports from the tariff announced by Trump late on Thursday": a statement
        # or a past verb between the future and the day is the day's verb
        return not _STATEMENT_VERB.search(self.article.text, ahead[-1][1], mention.start)

    def candidates(self, sentence: Sentence, *, strict: bool) -> list[DateMention]:
        """The sentence's dates after the dateline; ``strict``: only those `_usable` for the event."""
        found = self._dates_in.get(sentence.index)
        if found is None:
            found = self._dates_in[sentence.index] = (
                [m for m in find_dates(sentence.text, sentence.start) if m.start >= self.story_start]
                if sentence.index in self._dated or DAY_OF_MONTH.search(sentence.text)
                else []
            )
        # the steps ask again of the same sentences: each answer is worked out once (a copy is
        # handed out, which a step may sort)
        key = (sentence.index, strict, self.keep_stamps)
        answer = self._candidates.get(key)
        if answer is None:
            if not self.keep_stamps:
                kept = [m for m in found if not self.stamps_the_issue(m, sentence)]
                self.stamped |= len(kept) < len(found)
                found = kept
            if not strict:
                text = self.article.text
                answer = [
                    m
                    for m in found
                    if not _starts_a_measure(self.article, m, sentence)
                    and not _answers_the_news(m, text[m.end : m.end + 30])
                ]
            else:
                answer = [m for m in found if _usable(self.article, m, sentence, self.location)]
            self._candidates[key] = answer
        return list(answer)

    def stamps_the_issue(self, mention: DateMention, sentence: Sentence) -> bool:
        """Whether a day is the one the outlet stamps its issue with, not a day of its news: the
        day of publication written in a masthead or byline line above the story's first real
        sentence ("WindPulse Weekly – Issue 41 – Monday 13 October 2025", "By Jane Doe · September
        5, 2025, 4:40 PM EDT"), in a dateline opening a sentence ("OTTAWA, July 15, 2025 — Most
        Canadians ...", "Sept 5 (Wire) - U.S. President ...") or after a filing verb ("Posted on 27 October 2025"), or
        in figures with a time of day after it, as software stamps a post ("2025/05/02(Fri) 07:41:09"). Such a day says
        when the story appeared; the lead's own days ("on Thursday, Beijing published ...") tell
        when its event happened. A day other than the publication day in those places is kept:
        it names something else."""
        if self._published_utc is None or sentence.paragraph == 0:
            return False
        day = resolve(mention, self.anchor, forward=False)
        if day is None or abs((day - self._published_utc).days) > _STAMP_SLACK:
            return False
        text = self.article.text
        before = text[sentence.start : mention.start]
        return (
            (sentence.end <= self._news_start and self._written_with_a_year(mention))
            or (bool(_DATELINE_BEFORE_DAY.match(before)) and bool(_DATELINE_AFTER_DAY.match(text, mention.end)))
            or (not before.strip() and bool(_AGENCY_AFTER_DAY.match(text, mention.end)))
            or bool(_FILED_ON.search(before[-40:]))
            or (
                mention.kind == "numeric"
                and bool(_TIME_AFTER_DAY.match(text, mention.end))
                and not _PREPOSITION_BEFORE_DAY.search(before)
            )
        )

    def before_the_issue(self, found: tuple[date, str] | None) -> tuple[date, str] | None:
        """The day of the event told by a story that dates nothing but its issue, given the day
        the issue stamps itself with: the day before. A bulletin, a digest, a brief or a forum
        thread is put together from what happened before it went out (the day before on the
        writer's clock, or the night before on another continent's: a sitting in Washington is
        the next morning's news in Tokyo); a story filed as its event happens dates its event in
        its own words or entries (`issue_day`). A day that is no stamp (more than `_STAMP_SLACK`
        days from publication) is kept."""
        if found is None or self._published_utc is None or abs((found[0] - self._published_utc).days) > _STAMP_SLACK:
            return found
        return found[0] - timedelta(days=1), found[1]

    def issue_day(self) -> tuple[date, str] | None:
        """The day the issue stamps itself with in the lines above the story's first real
        sentence (`stamps_the_issue`: "HEADLINE STACK | Wed 04/16/2025 | Times New York",
        "Thread unrolled · May 23, 2025 · times ET"), for a story whose own words date nothing of
        its event: a live blog's or a thread's entries carry only times of day."""
        for sentence in self.article.sentences:
            if sentence.start >= self._news_start:
                break
            if sentence.paragraph == 0:
                continue
            for mention in find_dates(sentence.text, sentence.start):
                if self.stamps_the_issue(mention, sentence):
                    day = resolve(mention, self.anchor, forward=False)
                    if day is not None:
                        return day, sentence.text
        return None

    def _written_with_a_year(self, mention: DateMention) -> bool:
        """Whether a day is written out with its year ("13 October 2025", "Friday, Oct. 31,
        2025"), as an issue dates itself; a line above the story that says "on Thursday" or
        "yesterday" (a statement's opening line that ends with a colon) tells of its news."""
        text = self.article.text
        if mention.kind == "weekday":
            return bool(_THEN_A_DAY_WITH_A_YEAR.match(text, mention.end))
        return mention.kind in ("explicit", "numeric") and bool(_WITH_YEAR.search(text, mention.start, mention.end))

    def from_round(self, round_sentences: list[Sentence], *, strict: bool) -> tuple[date, str] | None:
        """The first round sentence's date nearest the round's mention; of a round reported over
        several days ("on Thursday and again on Friday"), its last sitting. A sentence giving
        the day the round had once been set for ("had been pencilled in for Friday, June 20")
        gives way to another naming the round: a round put off takes its new day."""
        superseded = self.article.sentences_holding(_SUPERSEDED)
        if len(round_sentences) > 1 and any(s.index not in superseded for s in round_sentences):
            round_sentences = [s for s in round_sentences if s.index not in superseded]
        for sentence in round_sentences:
            mentions = self.candidates(sentence, strict=strict)
            near = self.positions.nearest(sentence.start) if self.positions else sentence.start
            if strict:
                mentions = [m for m in mentions if not self._in_another_meetings_clause(sentence, m, near)]
            if not mentions:
                continue
            mentions.sort(key=lambda m: abs(m.start - near))
            ahead = self.forward(sentence, mentions[0])
            day = resolve(mentions[0], self.anchor, forward=ahead)
            if day and strict:
                # of a round's several sittings, the last once held and the first while to come
                # ("due to meet on Monday and Tuesday")
                days = [resolve(m, self.anchor, forward=ahead) for m in mentions if m.kind == mentions[0].kind]
                if ahead:
                    day = min([d for d in days if d is not None and (self.anchor is None or d >= self.anchor)] or [day])
                else:
                    day = max([d for d in days if d is not None and (self.anchor is None or d <= self.anchor)] or [day])
            if day:
                return day, sentence.text
        return None

    def _in_another_meetings_clause(self, sentence: Sentence, mention: DateMention, near: int) -> bool:
        """Whether a day stands in a clause of another meeting than the round's ("leaves for a
        sixth round, the last planned before Ishiba is expected to meet Trump at the summit, which
        opens on Sunday"): that meeting's day, not the round's."""
        if sentence.index not in self._another_meeting:
            return False
        for start, end in self.article.clauses_of(sentence):
            if start <= mention.start < end:
                return not start <= near < end and _ANOTHER_MEETING_OPENS.match(self.article.text, start) is not None
        return False

    def from_meetings(
        self, meeting_sentences: list[Sentence], meeting_clauses: dict[int, list[tuple[int, int]]], *, strict: bool
    ) -> tuple[date, str] | None:
        """The latest day named in a meeting's own clause, within 60 days of publication, or the
        first where every such day is one to come (a visit's "due to see Lutnick on Thursday and
        Bessent on Friday" opens on Thursday); a meeting to come told only below the lead gives
        way to a sitting the lead reports held (`_later_meeting`)."""
        kept: list[tuple[date, str, bool]] = []  # day, sentence, whether still to come
        held_in_lead = False
        ahead_below: list[tuple[date, str, bool]] = []
        for sentence in meeting_sentences:
            spans = meeting_clauses.get(sentence.index, [(sentence.start, sentence.end)])
            for mention in self.candidates(sentence, strict=strict):
                if not any(s <= mention.start < e for s, e in spans):
                    continue  # "Akazawa met Lutnick; an Ishiba-Trump summit is set for Monday"
                ahead = self.forward(sentence, mention)
                day = resolve(mention, self.anchor, forward=ahead)
                if day is None or (self.anchor and abs((day - self.anchor).days) > 60):
                    continue
                # "called off last Friday" in a sentence that looks ahead is no day to come
                to_come = ahead and (self.anchor is None or day >= self.anchor)
                if ahead and sentence.paragraph > LEAD_PARAGRAPHS:
                    ahead_below.append((day, sentence.text, to_come))
                    continue
                held_in_lead |= not ahead and 0 < sentence.paragraph <= LEAD_PARAGRAPHS
                kept.append((day, sentence.text, to_come))
        if not held_in_lead:
            kept += ahead_below
        if not kept:
            return None
        # of equal days, the one listed first
        day, text, _ = (min if all(to_come for _, _, to_come in kept) else max)(kept, key=lambda found: found[0])
        return day, text

    def before_pronoun(self, meeting_sentences: list[Sentence], *, strict: bool) -> tuple[date, str] | None:
        """A meeting told by a pronoun ("He met Lutnick in the morning and Greer in the
        afternoon") with no day of its own: the day the sentence just before, in its paragraph,
        gives the one the pronoun stands for ("Ebrard was in Washington on Wednesday"), a day
        held (not after publication): the two sentences tell one visit."""
        for sentence in meeting_sentences:
            if sentence.index == 0 or not _PRONOUN_START.match(sentence.text) or self.candidates(sentence, strict=False):
                continue
            before = self.article.sentences[sentence.index - 1]
            if before.paragraph != sentence.paragraph or not self.article.people_in(before):
                continue
            for mention in self.candidates(before, strict=strict):
                day = resolve(mention, self.anchor, forward=False)
                if day is not None and (self.anchor is None or day <= self.anchor):
                    return day, before.text
        return None

    def from_dateline(self, dateline: Dateline) -> tuple[date | None, str] | None:
        """The date the dateline itself carries ("WASHINGTON, May 1 (Jiji Press)--"); None for a
        dateline without one, a None day for one that does not resolve."""
        mentions = find_dates(dateline.sentence.text[: dateline.end - dateline.sentence.start])
        if not mentions:
            return None
        return resolve(mentions[0], self.anchor, forward=False), dateline.sentence.text

    def around_round(self, round_sentences: list[Sentence]) -> tuple[date, str] | None:
        """A round whose own sentences give no day: the nearest day usable for the event in the
        rest of their paragraphs ("By the time Akazawa walked into the Commerce Department last
        Friday, ... It was the seventh round"; "came home from his seventh round. ... spoke with
        Lutnick on Friday"), the sentence before first at equal distance; else in the paragraphs
        next to theirs (`_next_to_round`)."""
        sentences = self.article.sentences
        for sentence in round_sentences:
            if sentence.paragraph == 0 or self.forward(sentence):
                continue  # a round to come is dated by its own words or its schedule, not a neighbour's
            paragraph = [s for s in sentences[max(0, sentence.index - 6) : sentence.index + 7] if s.paragraph == sentence.paragraph]
            for other in sorted(paragraph, key=lambda s: (abs(s.index - sentence.index), s.index)):
                found = self._held_sitting(other, sentence)
                if found:
                    return found
        return self._next_to_round(round_sentences)

    def _held_sitting(self, other: Sentence, sentence: Sentence) -> tuple[date, str] | None:
        """The last held day a sentence near the round's gives a sitting, if it tells of one."""
        if other.index == sentence.index or self.forward(other) or not self._tells_of_a_sitting(other):
            return None  # "Then came Trump's letter of July 7": another event's day
        days = [resolve(m, self.anchor, forward=False) for m in self.candidates(other, strict=True)]
        held = [d for d in days if d is not None and (self.anchor is None or d <= self.anchor)]
        # of "Sunday's session ... resumed on Monday", the last sitting
        return (max(held), other.text) if held else None

    def _next_to_round(self, round_sentences: list[Sentence]) -> tuple[date, str] | None:
        """A round reported held whose paragraphs give no day: the day a sitting is given in the
        paragraph just before or after one naming the round ("Akazawa urged ... during talks in
        Washington on Thursday. / He sat down with Bessent ... in the second round"; "finished their
        second round. / The talks were held Thursday afternoon"); a headline's round has no such
        neighbour (the lead is the story's, whatever negotiation it tells of). A paragraph apart, only a day within
        `REPORTED_DAYS` before publication is the round's (an earlier one is a sitting recalled),
        and a sentence naming a round is not the reported round's sitting (it would be one of
        the round's sentences): it is another negotiation's or a round recalled."""
        sentences = self.article.sentences
        for sentence in round_sentences:
            if sentence.paragraph == 0 or self.forward(sentence):
                continue
            near = {sentence.paragraph - 1, sentence.paragraph + 1} - {0}
            window = sentences[max(0, sentence.index - 12) : sentence.index + 13]
            for other in sorted(
                (s for s in window if s.paragraph in near), key=lambda s: (abs(s.index - sentence.index), s.index)
            ):
                if ROUND_RE.search(other.text):
                    continue  # a round that is not the reported one (another negotiation's, one recalled)
                found = self._held_sitting(other, sentence)
                if found and (self.anchor is None or (self.anchor - found[0]).days <= REPORTED_DAYS):
                    return found
        return None

    def _tells_of_a_sitting(self, sentence: Sentence) -> bool:
        """Whether a sentence tells of a meeting or a call ("Sunday's session", "spoke with Lutnick",
        "hours after meeting Akazawa") or of a building where one is held."""
        return (
            self.article.in_sentence(MEETING, sentence)
            or self.article.in_sentence(SITTING, sentence)
            or bool(self.article.buildings_in(sentence))
        )

    def from_sentences(self, sentences: list[Sentence], *, forward: bool) -> tuple[date, str] | None:
        """The first day the sentences name, "on Tuesday" the next Tuesday if ``forward`` or if the
        verb it belongs to looks ahead ("will speak with Trump by telephone on Monday",
        `looks_ahead_to`), else the last."""
        for sentence in sentences:
            for mention in self._own_days_first(sentence, self.candidates(sentence, strict=False), strict=False):
                day = resolve(mention, self.anchor, forward=forward or self.looks_ahead_to(sentence, mention))
                if day:
                    return day, sentence.text
        return None

    def _own_days_first(self, sentence: Sentence, mentions: list[DateMention], *, strict: bool) -> list[DateMention]:
        """The days of a lead's sentence, the day of an event it recalls ("Six weeks after the deal
        of July 22, Trump on Thursday signed the order") after its own, and left out when
        ``strict``: the event the story reports is not the one it runs from."""
        lower = sentence.text.lower()
        if not mentions or not any(word in lower for word in AFTER_AN_EVENT_WORDS):
            return mentions
        text = self.article.text
        recalled = {m.start for m in mentions if _AFTER_AN_EVENT.search(text, max(sentence.start, m.start - 80), m.start)}
        if strict:
            return [m for m in mentions if m.start not in recalled]
        return sorted(mentions, key=lambda m: m.start in recalled)

    def from_opening_events(self) -> tuple[date, str] | None:
        """A story stamped with its issue's day ("By Jane Doe | July 24, 2025") whose lead dates
        nothing: the first day within `REPORTED_DAYS` before publication that a sentence of
        its first `_OPENING_PARAGRAPHS` paragraphs gives a sitting or another event ("On Tuesday
        evening, Trump announced a deal"; "On Monday, Trump signed an executive order"), the days of
        a measure's term left out. It is nearer the event than the day the issue appeared."""
        for sentence in self.article.sentences:
            if sentence.paragraph == 0:
                continue
            if sentence.paragraph > _OPENING_PARAGRAPHS:
                break
            if not (
                self._tells_of_a_sitting(sentence)
                or self.article.has(OTHER_EVENT, sentence.start, sentence.end)
                or self.article.has(_ANNOUNCED, sentence.start, sentence.end)
            ):
                continue
            for mention in self._own_days_first(sentence, self.candidates(sentence, strict=False), strict=True):
                day = resolve(mention, self.anchor, forward=False)
                # a day before the issue's: "today" is the issue's own
                if day is not None and self.anchor is not None and 0 < (self.anchor - day).days <= REPORTED_DAYS:
                    return day, sentence.text
        return None

    def from_headline(self) -> tuple[date, str] | None:
        """A story whose body dates nothing of its event (pool reports stamped only with times of
        day): the first day its headline names that is usable for the event, a day written out
        before a bare weekday ("Tuesday July 22"), "Tuesday" alone the last Tuesday; a day after
        publication is a deadline or a plan. The headline stands before any dateline, so its dates
        are read here on their own."""
        for sentence in self.article.sentences:
            if sentence.paragraph != 0:
                break
            found = [m for m in find_dates(sentence.text, sentence.start) if _usable(self.article, m, sentence, self.location)]
            for mention in sorted(found, key=lambda m: m.kind not in ("explicit", "numeric")):
                day = resolve(mention, self.anchor, forward=False)
                if day and (self.anchor is None or day <= self.anchor):  # not "... and a July 9 cliff"
                    return day, sentence.text
        return None

    def publication_day(self, meeting_sentences: list[Sentence]) -> tuple[date, str] | None:
        """A meeting the headline or the lead reports held with no day named anywhere for it
        ("Trump says he met Akazawa at the White House"; "Trump and Xi met for about an hour and
        40 minutes at Gimhae air base"): the day its issue is stamped with, else the day of
        publication in the event's local time. News that tells of a sitting without a day tells
        of that day's; a sitting to come is left undated."""
        if self.anchor is None or self._opening_names_a_day():
            return None
        for sentence in meeting_sentences:
            if sentence.paragraph <= LEAD_PARAGRAPHS and self.article.people_in(sentence) and not self.forward(sentence):
                issued = self.issue_day()
                return (issued[0] if issued else self.anchor), sentence.text
        return None

    def _opening_names_a_day(self) -> bool:
        """Whether the opening paragraphs name a day other than that of publication ("announced
        late Tuesday", "yesterday afternoon"; not "Good morning. It's Thursday 30 October"): a
        story that dates something, even what the steps could not take for its event, is no
        news of the day it appeared."""
        today = {self.anchor, self._published_utc}
        for sentence in self.article.sentences:
            if sentence.paragraph > _OPENING_PARAGRAPHS:
                break
            if sentence.index not in self._dated and not DAY_OF_MONTH.search(sentence.text):
                continue
            for mention in find_dates(sentence.text, sentence.start):
                if resolve(mention, self.anchor, forward=False) not in today:
                    return True
        return False

    def from_lead(self, *, strict: bool = False) -> tuple[date, str] | None:
        """An event without a round (a letter, a deal announced): the first day the lead's first
        three real sentences name, "on Monday" being the last Monday (the next where its verb looks
        ahead: "is to begin on Monday", `looks_ahead_to`), before any day of an event
        its clause recalls ("six weeks after the deal of July 22"); ``strict``: only a day
        `_usable` for the event."""
        end = story_end(self.article)  # not a dated list closing the story ("May 10-11 - Talks in Geneva")
        lead = [s for s in self.article.sentences if s.paragraph > 0 and s.start < end and len(s.text.split()) > 6][:3]
        for sentence in lead:
            mentions = self._own_days_first(sentence, self.candidates(sentence, strict=strict), strict=strict)
            if mentions:
                day = resolve(mentions[0], self.anchor, forward=self.looks_ahead_to(sentence, mentions[0]))
                if day:
                    return day, sentence.text
        return None
