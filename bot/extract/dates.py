"""Dates as news writes them, resolved to a calendar day in the place of the meeting.

"May 1", "1 May", "June 6, 2025", "September 14 and 15", "14-15 September", "Thursday (May 1)", "Tuesday (29th)", "2025.10.30", a dateline
("Washington, May 1 (Jiji Press)--"), "on Friday", "Friday's talks", "yesterday". A bare weekday
is the latest such day on or before the publication day (in the meeting's time zone) for an
event reported as past, and the next one on or after it for an event previewed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.extract.lexicon import (
    ISSUE_NOUNS,
    MEETING_NOUNS,
    MEETING_QUALIFIERS,
    OTHER_COUNT_QUALIFIERS,
    OTHER_COUNTED_THINGS,
    alternation,
)
from bot.extract.near import Cue, Near
from bot.extract.phrases import Phrases

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
#: a month's name as news writes it ("Sept.", "June", "Dec")
MONTH = _MONTH
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The look-ahead names how a date can start ("May", "6", "last", "on the", "Friday", "today"):
# the regex engine gives up at any other position at once. Its character class turns most
# positions away cheaply; the two letters that follow in it pass a lower-case letter only where
# one of the words a date opens with starts ("th" for "the" and "this", not every "t"), since
# trying the five branches below costs far more at each "t", "o" or "n" of the text.
_DATE_START = r"(?=[JFMASONDTWY0-9lntocy])(?=[JFMASONDTW0-9]|la|ne|th|to|on|co|ye|Ye)"
# "the 4th" is an ordinal, not a day, when a thing counted follows it, maybe after a qualifier or
# two: "the 4th round", "the 4th ministerial-level negotiation", "the 3rd straight week"
_ORDINAL_OF_A_THING = (
    rf"\s+(?:of\b|(?i:{alternation([*MEETING_QUALIFIERS, *OTHER_COUNT_QUALIFIERS])}\s+){{0,2}}"
    rf"{alternation([*(f'{noun}s?' for noun in MEETING_NOUNS), *OTHER_COUNTED_THINGS])}\b)"
)
# the days of a meeting over several: "September 14 and 15", "14-15 September", "from 14th to 17th July"
_RANGE = r"(?:-|–|and|to)"
DATE_RE = re.compile(
    rf"""(?x)
    {_DATE_START}(?:
    (?P<md>(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)
        (?:\s*{_RANGE}\s*(?P<e1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|\s*(?:%|percent|per\s+cent)))?(?:,?\s+(?P<y1>\d{{4}}))?)
  | (?P<dm>(?<!\d)(?:(?P<s2>\d{{1,2}})(?:st|nd|rd|th)?\s*{_RANGE}\s*)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?
        (?P<m2>{_MONTH})(?:,?\s+(?P<y2>\d{{4}}))?)
  | (?P<wd>(?:(?P<rel>last|next|this|on|coming)\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
        (?:[’']s)?(?:\s*\((?P<paren>[^)]{{1,20}})\))?)
  | (?P<num>(?<![\d/.])(?P<n1>\d{{1,2}})/(?P<n2>\d{{1,2}})/(?P<ny>20\d\d)(?![\d/]))
  | (?P<ymd>(?<![\d/.-])(?P<yy>20\d\d)(?P<sep>[./-])(?P<ym>\d{{1,2}})(?P=sep)(?P<yd>\d{{1,2}})(?![\d/-]|\.\d))
  | (?P<relday>\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow)\b)
  | (?P<daynum>\b(?:on\s+)?the\s+(?P<dn>\d{{1,2}})(?:st|nd|rd|th)
        (?:\s*{_RANGE}\s*(?:the\s+)?(?P<dne>\d{{1,2}})(?:st|nd|rd|th))?\b(?!{_ORDINAL_OF_A_THING}))
    )""",
)
#: the words without which a sentence names no day (so `find_dates` need not run on it)
DATE_WORDS = Phrases(
    [_MONTH.rstrip("\\.?").replace("\\.", ""), "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "yesterday", "today", "tomorrow"],
    shared=True,
)  # fmt: skip
#: "the 16th": looked for only in the few sentences that may date the meeting (cheaper than a scan)
#: (each match opens with a digit: the look-ahead lets the search leave every other character at once)
DAY_OF_MONTH = re.compile(r"(?=\d)\b\d{1,2}(?:st|nd|rd|th)\b|\d/\d{1,2}/20\d\d\b|\b20\d\d([./-])\d{1,2}\1\d{1,2}\b")
_DAY_ONLY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    kind: str  # explicit | numeric | weekday | daynum | relative
    match: re.Match[str]


#: what every date names: a month, a day's name, "tomorrow" or "16th"
# On the text as written, like DATE_RE: a month is capitalised ("May", not "may"). Every branch
# opens with a letter or a digit, so that the regex engine skips ahead to one.
# One alternation, not words: its first characters are few enough (capitals, "d", "t", digits)
# for the regex engine to skip through a sentence faster than an automaton walks it.
_DATE_CUE = Cue(
    pattern=re.compile(
        "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day|[Tt]omorrow|/20[0-9][0-9]|20[0-9][0-9][./-][0-9]|"
        + "|".join(f"{d}(?:st|nd|rd|th)" for d in range(10))
    )
)


#: DATE_RE near its cue: "coming Wednesday" before, "6th, 2025" or "’s (May 1)" after
DATES_NEAR = Near(DATE_RE, _DATE_CUE, before=40, after=40)


#: a day's name that names an issue of a publication: "the Monday letter", "our Sunday edition"
_ISSUE_AFTER = re.compile(rf"\s+{alternation(ISSUE_NOUNS)}\b", re.IGNORECASE)


#: a colon after "Today" makes it a heading of an issue's contents ("Today: the deal in detail")
_A_HEADING_AFTER = re.compile(r"\s*:")


def _heads_the_contents(text: str, m: re.Match[str]) -> bool:
    """Whether a relative day opens a line as the heading of what an issue holds ("Today: the
    deal in detail, and what it costs"): it tells of the issue, not of a day of the news. Within a
    line ("Stock market today: Dow drops 400 points") it is the day of what follows."""
    return bool(m.group("relday")) and not text[: m.start()].strip() and bool(_A_HEADING_AFTER.match(text, m.end()))


def names_an_issue(text: str, m: re.Match[str]) -> bool:
    """Whether a bare day's name is an issue of a publication ("This is Border Lines, the Monday
    letter for Canadians"): it tells when the outlet appears, not when the news happened."""
    return (
        bool(m.group("wd"))
        and not m.group("rel")
        and not m.group("paren")
        and bool(_ISSUE_AFTER.match(text, m.end()))
        and not m.group(0).endswith(("'s", "’s"))
    )


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    out = []
    for m in DATES_NEAR.finditer(text, text):
        if m.group("md") and m.group("m1").lower().startswith("may") and not re.match(r"May\s+\d", m.group(0)):
            continue
        if names_an_issue(text, m) or _heads_the_contents(text, m):
            continue  # "the Monday letter"; "Today: the deal in detail"
        if m.group("md") or m.group("dm"):
            kind = "explicit"
        elif m.group("num") or m.group("ymd"):
            kind = "numeric"
        elif m.group("wd"):
            kind = "weekday"
        elif m.group("daynum"):
            kind = "daynum"
        else:
            kind = "relative"
        out.append(DateMention(offset + m.start(), offset + m.end(), kind, m))
    return _without_names_of_a_date(text, offset, out)


# between a day's name and the date that follows it: "Thursday, October 30", "Tuesday July 22"
_BEFORE_ITS_DATE = re.compile(r",?\s*")


def _without_names_of_a_date(text: str, offset: int, mentions: list[DateMention]) -> list[DateMention]:
    """The mentions without the names of a day written out just after them ("on Thursday,
    October 30", "Monday, Nov. 10", "yesterday, Wednesday, April 16"): the date says which
    Thursday, not the last one before publication (nor the day before publication, for a
    "yesterday" of an account written days later), so the name is no day of its own."""
    kept: list[DateMention] = []
    named: DateMention | None = None  # the written-out date the mentions after this one name
    for mention in reversed(mentions):
        follows = named is not None and bool(_BEFORE_ITS_DATE.fullmatch(text, mention.end - offset, named.start - offset))
        if mention.kind in ("explicit", "numeric"):
            named = mention
        elif follows and mention.kind in ("weekday", "relative") and not mention.match.group("paren"):
            named = mention  # the name stands for that date: one before it may name it too
            continue
        else:
            named = None
        kept.append(mention)
    return kept[::-1]


def _nearest(candidates: list[tuple[int, int, int]], anchor: date) -> date | None:
    """Of (year, month, day) triples, the real date nearest to ``anchor``."""
    best = None
    for year, month, day in candidates:
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - anchor).days) < abs((best - anchor).days):
            best = candidate
    return best


#: how far ahead a day written without a year may be before its past occurrence is preferred
_FAR_AHEAD = timedelta(days=122)


def _closest_year(month: int, day: int, anchor: date) -> date | None:
    """The year of a day written without one: the nearest to ``anchor``, except that a day more than
    four months ahead is taken in the past. Half a year away either way, nearness is no evidence, and
    the press recalls what has happened far more than it dates what is half a year off ("the deal
    announced on 8 May", written in November, is last May, though next May is a week nearer)."""
    nearest = _nearest([(year, month, day) for year in (anchor.year - 1, anchor.year, anchor.year + 1)], anchor)
    if nearest is not None and nearest - anchor > _FAR_AHEAD:
        return _nearest([(nearest.year - 1, month, day)], anchor) or nearest
    return nearest


def _day_of_month(day: int, anchor: date) -> date | None:
    """The date nearest to ``anchor`` that falls on that day of a month."""
    months = [anchor.month - 1 + shift for shift in (0, -1, 1)]
    return _nearest([(anchor.year + m // 12, m % 12 + 1, day) for m in months], anchor)


def _numeric_day(first: int, second: int, year: int, anchor: date | None) -> date | None:
    """A day written in figures ("04/16/2025" on a US terminal, "16/04/2025" in a British
    paper): a number above 12 can only be the day; where both could be the month, the reading
    nearer the day of publication (the US order where there is none)."""
    readings = [(year, first, second), (year, second, first)]
    if anchor is None:
        return _nearest(readings[:1], date(year, 1, 1)) or _nearest(readings[1:], date(year, 1, 1))
    return _nearest(readings, anchor)


def local_day(published: datetime | None, tz: ZoneInfo | None) -> date | None:
    """The day of publication on the clock of ``tz`` (UTC when None)."""
    local = local_time(published, tz)
    return local.date() if local else None


def local_time(published: datetime | None, tz: ZoneInfo | None) -> datetime | None:
    """The time of publication on the clock of ``tz`` (UTC when None; a naive time is UTC)."""
    if published is None:
        return None
    aware = published if published.tzinfo else published.replace(tzinfo=UTC)
    return aware.astimezone(tz or UTC)


def _still_to_come_this_week(rel: str, weekday: int, anchor: date) -> bool:
    """Whether "this Saturday" or "coming Saturday" names a day still ahead, whatever the tense
    around it: "coming" always looks ahead, and "this" names a day of the current week, so a
    weekday later in the week than the publication day is one to come ("the two sides meet
    this Saturday", written on a Friday, even with a past clause near it)."""
    return rel == "coming" or (rel == "this" and weekday > anchor.weekday())


#: how far from publication a year written may be and still count on the calendar of the news: a
#: year further off is of another era ("3 July 2568" in a Thai paper is 2025)
_OTHER_ERA = 100


def _in_year(month: int, day: int, year: str | None, anchor: date | None) -> date | None:
    """The day of a month in the year written, else in the year nearest ``anchor``."""
    if year and anchor is not None and abs(int(year) - anchor.year) > _OTHER_ERA:
        year = None
    if year:
        try:
            return date(int(year), month, day)
        except ValueError:
            return None
    return _closest_year(month, day, anchor) if anchor else None


def resolve(mention: DateMention, anchor: date | None, *, forward: bool) -> date | None:
    """The calendar day a mention names, given the publication day in the meeting's zone."""
    m = mention.match
    if mention.kind == "numeric" and m.group("ymd"):  # "2025.10.30", "2025/05/02", "2025-09-16"
        return _nearest([(int(m.group("yy")), int(m.group("ym")), int(m.group("yd")))], date(int(m.group("yy")), 1, 1))
    if mention.kind == "numeric":
        return _numeric_day(int(m.group("n1")), int(m.group("n2")), int(m.group("ny")), anchor)
    if mention.kind == "explicit":
        month_word = (m.group("m1") or m.group("m2")).lower().rstrip(".")
        month = _MONTHS.get(month_word[:4]) or _MONTHS.get(month_word[:3])
        # of several days, the first for an event to come and the last for one held
        first, last = (m.group("d1"), m.group("e1")) if m.group("md") else (m.group("s2"), m.group("d2"))
        day = int((first if forward else last) or first or last)
        if month is None:
            return None
        found = _in_year(month, day, m.group("y1") or m.group("y2"), anchor)
        if found is not None and anchor is not None and not forward and first and last:
            # days that have not begun by publication are still to come ("to be held from July
            # 14 to 17", written on the 11th), whatever the tense: the event opens on the first
            opening = _in_year(month, int(first), m.group("y1") or m.group("y2"), anchor)
            if opening is not None and opening > anchor:
                return opening
        return found
    if anchor is None:
        return None
    if mention.kind == "daynum":  # "on the 16th": that day of the publication month, or the month before
        # of "the 5th and 6th", the last day for a round held and the first for one to come
        return _day_of_month(int(m.group("dne") if m.group("dne") and not forward else m.group("dn")), anchor)
    if mention.kind == "relative":
        word = m.group("relday").lower()
        return anchor + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])
    paren = (m.group("paren") or "").strip()
    if paren:
        inner = find_dates(paren)
        if inner and inner[0].kind == "explicit":
            return resolve(inner[0], anchor, forward=forward)
        day_only = _DAY_ONLY.match(paren)
        if day_only:
            near = _day_of_month(int(day_only.group(1)), anchor)
            if near is not None and abs((near - anchor).days) <= 7:
                return near
    weekday = _WEEKDAYS.index(m.group("day").lower())
    rel = (m.group("rel") or "").lower()
    if rel == "next" or (forward and rel != "last") or _still_to_come_this_week(rel, weekday, anchor):
        delta = (weekday - anchor.weekday()) % 7
        if rel == "next" and delta == 0:
            delta = 7
        return anchor + timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7
    if rel == "last" and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)
