"""Rounds the press names by their city or their days, read with the profile's `[[rounds]]`.

Much of the press never numbers a round: it writes "the London talks", "talks in Stockholm on
Monday", or only "two days of talks" with a date. When the profile lists the negotiation's
sittings (number, days, city), such an article still gets its round:

- `rounds_named_by_place`: a city (or one of its buildings) where exactly one listed round was
  held, written next to a word for a meeting ("the Geneva talks", "talks in London", "two days
  of negotiations at Lancaster House"), names that round. In a story whose headline or lead
  reports a call, only the headline and lead count: further down, a round named by its city is
  background to the call ("The call followed talks in Madrid earlier this week"). A guess
  ("the two could meet again at the ministerial meeting in Paris") names no round.
- a phrase of a round's own `aliases` ("the 2+2", "the IMF-week talks") names that round, on the
  same terms (for a city with several rounds, this is the way to name one).
- `nearest_listed_round`: of several listed rounds an article names, the one nearest in time to
  its publication is the one it reports (the others are background).
- `dated_round`: a round number the article states gives way to the listed round held on the day
  it gives its reported sitting (the number is another series' count, or a recalled round's).
- `round_on_day`: a meeting reported on one of a listed round's days, in its city or in no city
  said, is that round.
- `settle`: once the round is known, its city is the listed one, its day is its first while
  it is to come and its last once it is over (a story filed between its days keeps the day it
  reads, else the publication day kept within the round's days), and a round that starts after
  publication is upcoming.

Nothing here knows a negotiation: the rounds, their cities and days are profile data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from bot.extract.article import Article, Mention
from bot.extract.cues import PHONE, is_question
from bot.extract.dates import DateMention, find_dates, local_day, local_time, resolve
from bot.extract.lexicon import CALL_PHRASES, GUESSED_MEETING, HOSTING_VERBS, MEETING_NOUNS, MEETING_VERBS
from bot.extract.phrases import Phrases
from bot.extract.profile import ScheduledRound
from bot.extract.rounds import RoundMention, in_a_recalling_clause
from bot.extract.text import Sentence

#: the words for a meeting that a city can name: "the London talks", "negotiations in Madrid"
_MEETING_WORDS = Phrases([*(f"{noun}s?" for noun in MEETING_NOUNS), "talks"], shared=True)
#: the headline (paragraph 0) and the lead: where a call is the story's own event
LEAD_PARAGRAPHS = 2
#: a call the story reports: "hold rare phone call", "approved TikTok deal in call"
#: a meeting guessed at ("could meet again"): a city in its sentence names no round
_GUESSED = Phrases([GUESSED_MEETING], shared=True)
# asked only of a story that reports no round, or of a profile that names rounds by city; its
# phrases open with "in", "after", "over": scanned only in an article that asks
CALL = Phrases(list(CALL_PHRASES), on_demand=True)
# city, then the meeting word: "the Geneva talks", "London's talks", "Madrid trade talks",
# "in London for talks"
_CITY_THEN_WORD = re.compile(r"(?:['’]s)?(?:[\s-]+|\s+for\s+(?:the\s+|a\s+)?)(?:[a-z][\w-]*\s+){0,2}")
# the meeting word, then the city: "talks in Stockholm", "two days of talks at Lancaster House",
# "talks between the two sides in London" (a few words between, no clause break)
_WORD_THEN_CITY = re.compile(r"(?:\s+[\w'’-]+){0,5}?\s+(?:in|at)\s+(?:the\s+)?")
_NEAR = 60
#: the verbs of meeting (`MEETING_VERBS`); a verb's city may come after its day and venue
#: ("met on Saturday and Sunday at the Merdeka 118 tower in Kuala Lumpur"), still within `_NEAR`
_MEETING_VERB = Phrases(list(MEETING_VERBS), shared=True)
#: how far after the city a verb's clause may still give the sitting's day ("in London on Monday")
_DAY_AFTER_CITY = 40
#: how many days before publication a sitting the story reports may be (a weekly's round-up)
REPORTED_DAYS = 7
_VERB_THEN_CITY = re.compile(r"(?:\s+[\w'’-]+){0,9}?\s+(?:in|at)\s+(?:the\s+)?")
#: the city, then a verb of hosting: "Geneva will host", "Oslo plays host to"
_CITY_HOSTS = re.compile(r",?\s+(?:" + "|".join(HOSTING_VERBS) + r")\b")
#: the local hour by which a round's first sitting has begun: a story filed earlier that day
#: previews it
_SITTINGS_BEGIN = 9


@dataclass(frozen=True, slots=True)
class Settled:
    """The round's day, city and status once the round is known from the profile's schedule."""

    date: date | None
    location: str
    status: str | None


def _places_of_one_round(article: Article) -> dict[str, ScheduledRound]:
    """The cities where exactly one listed round was held, with that round."""
    by_city: dict[str, list[ScheduledRound]] = {}
    for sitting in article.profile.rounds:
        by_city.setdefault(sitting.place, []).append(sitting)
    return {city: rounds[0] for city, rounds in by_city.items() if len(rounds) == 1}


def _names_a_meeting(article: Article, place: Mention, words: list[tuple[int, int]]) -> bool:
    """Whether a meeting word stands by the place: right after it, or a few words before it
    with "in"/"at" before the place."""
    text = article.text
    for start, end in words:
        if start >= place.end and start - place.end <= _NEAR:
            if _CITY_THEN_WORD.fullmatch(text, place.end, start):
                return True
        elif end <= place.start and place.start - end <= _NEAR and _WORD_THEN_CITY.fullmatch(text, end, place.start):
            return True
    return False


def _met_there(article: Article, place: Mention, sentence: Sentence) -> bool:
    """Whether a verb of meeting stands before the place in its clause ("the teams met on Saturday
    at the tower in Kuala Lumpur", "Bessent sat down with He in Geneva"): a sitting there, named by
    its verb as by its noun, when the verb's clause gives the sitting's day ("on Saturday and
    Sunday", "on Monday, June 9"): a sitting the story reports is told with its day, one recalled
    ("first sat down in Geneva in May", "met in Kuala Lumpur in late October") or only in prospect
    ("prepare to meet them in Madrid this weekend", a story of a letter) is not, nor one whose day is
    weeks before publication (`_near_publication`). A meeting guessed at is left out by the caller."""
    text = article.text
    for start, end in article.hits(_MEETING_VERB).within(max(sentence.start, place.start - _NEAR), place.start):
        if _VERB_THEN_CITY.fullmatch(text, end, place.start):
            stop = min(sentence.end, place.end + _DAY_AFTER_CITY)
            return any(_near_publication(article, m) for m in find_dates(text[start:stop], start))
    return False


def _hosts_a_meeting(article: Article, place: Mention, sentence: Sentence, words: list[tuple[int, int]]) -> bool:
    """Whether the place is the subject of a verb of hosting whose clause names a meeting and gives
    its day ("Geneva will host this weekend, Saturday 10 and Sunday 11 May, the first meeting
    between the two teams"): a sitting there, as when a meeting word stands by the city. One
    hosted weeks before publication ("Oslo hosted the talks in March") is recalled
    (`_near_publication`), and one told with no day or no meeting ("Oslo hosts a fair") is none."""
    hosting = _CITY_HOSTS.match(article.text, place.end)
    if hosting is None or not any(hosting.end() <= start and end <= sentence.end for start, end in words):
        return False
    text = article.text
    return any(_near_publication(article, m) for m in find_dates(text[hosting.end() : sentence.end], hosting.end()))


def _near_publication(article: Article, mention: DateMention) -> bool:
    """Whether a sitting's day is one a story reports: within `REPORTED_DAYS` before publication,
    or still to come; a day weeks before ("met Rubio at the White House on October 16", in a story
    of late November) is a sitting recalled. Any day counts when the publication day is unknown."""
    anchor = local_day(article.published, None)
    if anchor is None:
        return True
    day = resolve(mention, anchor, forward=False)
    return day is None or (anchor - day).days <= REPORTED_DAYS


def lead_calls(article: Article) -> list[Sentence]:
    """The sentences of the lead that name a call, when the headline reports one ("Trump says
    Modi assured him in Diwali call", "Trump delays tariff after call with von der Leyen"); else
    none. Such a story's event is the call: talks told of further down are its background ("The
    call comes days after a team held three days of talks in Washington")."""
    calls = article.sentences_with(PHONE, CALL)
    if not any(s.index in calls for s in article.sentences if s.paragraph == 0):
        return []
    return [s for s in article.sentences if 0 < s.paragraph <= LEAD_PARAGRAPHS and s.index in calls]


def rounds_named_by_place(article: Article) -> list[RoundMention]:
    """The listed rounds the article names by their city (see the module docstring)."""
    places = _places_of_one_round(article)
    if not places and not any(r.aliases is not None for r in article.profile.rounds):
        return []
    lead = [s for s in article.sentences if s.paragraph <= LEAD_PARAGRAPHS]
    calls = article.sentences_with(PHONE, CALL)
    read = lead if any(s.index in calls for s in lead) else article.sentences
    if not read:
        return []
    end_of_reading = read[-1].end
    words = sorted({*article.hits(_MEETING_WORDS).spans, *article.hits(article.profile.round_terms).spans})
    found = []
    for place in [*article.places.within(0, end_of_reading), *article.buildings.within(0, end_of_reading)]:
        sitting = places.get(place.value)
        if sitting is None:
            continue
        sentence = next(s for s in read if s.start <= place.start < s.end)
        if is_question(sentence.text) or article.in_sentence(_GUESSED, sentence):
            continue  # a guess: "the two could meet again at the ministerial meeting in Paris"
        if in_a_recalling_clause(article, sentence, place.start):
            continue  # background: "since the talks in Geneva", "after they met in London"
        near = [(s, e) for s, e in words if sentence.start <= s and e <= sentence.end]
        if (
            (near and _names_a_meeting(article, place, near))
            or _met_there(article, place, sentence)
            or _hosts_a_meeting(article, place, sentence, words)
        ):
            found.append(RoundMention(sitting.number, sentence, place.start, place.end))
    return sorted([*found, *_rounds_named_by_alias(article, read)], key=lambda m: m.start)


def _rounds_named_by_alias(article: Article, read: list[Sentence]) -> list[RoundMention]:
    """The listed rounds the article names by one of their `aliases` ("the 2+2", "the IMF-week
    talks"), in the sentences read, outside a question or a guess."""
    found = []
    end_of_reading = read[-1].end
    for sitting in article.profile.rounds:
        if sitting.aliases is None:
            continue
        for start, end in article.hits(sitting.aliases).within(0, end_of_reading):
            sentence = article.sentences[article.sentence_index(start)]
            if is_question(sentence.text) or article.in_sentence(_GUESSED, sentence):
                continue
            found.append(RoundMention(sitting.number, sentence, start, end))
    return found


def nearest_listed_round(article: Article, mentions: list[RoundMention]) -> int | None:
    """Of several rounds named, all of them listed, the one nearest in time to publication: a
    story on the eve of the Madrid round that recalls London and Stockholm is about Madrid, and
    one the day after London that recalls Geneva is about London. None when a round named is not
    listed (a round the schedule does not know yet) or the day of publication is unknown."""
    numbers = {m.number for m in mentions}
    listed = [r for r in article.profile.rounds if r.number in numbers]
    if len(numbers) < 2 or len(listed) != len(numbers):
        return None
    days = {r.number: local_day(article.published, _zone(article, r)) for r in listed}
    if any(day is None for day in days.values()):
        return None

    def distance(sitting: ScheduledRound) -> int:
        day = days[sitting.number]
        assert day is not None
        return 0 if sitting.holds(day) else min(abs((day - sitting.start).days), abs((day - sitting.end).days))

    return min(listed, key=lambda r: (distance(r), -r.number)).number


def _zone(article: Article, sitting: ScheduledRound) -> ZoneInfo | None:
    place = article.profile.place(sitting.place)
    return place.tz if place else None


def dated_round(article: Article, stated: int, day: date, location: str | None) -> ScheduledRound | None:
    """The listed round held on the day the article gives its reported sitting, when that is not
    the round whose number the article states ("This second round, as the ministry counts them,
    ... On Friday he met the commerce secretary": the profile lists Friday as the fourth). A
    number is often another series' count or a recalled round; a sitting's day is what the
    story reports, so the round listed on it wins. None when the stated round is listed on that
    day, or no round is."""
    listed = article.profile.scheduled(stated)
    if listed is not None and listed.holds(day):
        return None
    sitting = round_on_day(article, day, location)
    return sitting if sitting is not None and sitting.number != stated else None


def round_on_day(article: Article, day: date, location: str | None) -> ScheduledRound | None:
    """The listed round held on ``day``, if it was held in ``location`` (or no city is known)."""
    for sitting in article.profile.rounds:
        if sitting.holds(day) and location in (None, sitting.place):
            return sitting
    return None


def settle(article: Article, sitting: ScheduledRound, read: date | None, status: str | None) -> Settled:
    """The round's day, city and status from the schedule (see the module docstring); ``read``
    and ``status`` are what the article's own words gave, kept when the schedule cannot say."""
    place = article.profile.place(sitting.place)
    published = local_time(article.published, place.tz if place else None)
    today = published.date() if published else None
    day = read
    if day is None or not sitting.holds(day):
        day = min(max(today, sitting.start), sitting.end) if today else sitting.start
    if published is not None and today is not None:
        # a round is to come until the morning of its first day (a morning brief: "sit down in
        # Stockholm today"), and held from then on (a report of the first day, a live blog)
        before_it = today < sitting.start or (today == sitting.start and published.hour < _SITTINGS_BEGIN)
        status = "upcoming" if before_it else "held"
        # a round of several days is dated by its first while it is to come and by its last once
        # it is over, whichever of its days the story names ("on Monday and Tuesday", "Sunday's
        # session ran six hours ... wrapped up Monday"); only a story filed between its days
        # keeps the day it names, the last sitting it could report
        if before_it:
            day = sitting.start
        elif today > sitting.end:
            day = sitting.end
    return Settled(day, sitting.place, status)
