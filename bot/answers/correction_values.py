"""What ``/correct`` (and the "Wrong?" form) read from a value typed by a team member.

A value is read as the extractor reads an article: a date as `bot.extract.dates` finds one
("2025-06-06", "June 6, 2025"), people by any alias in the profile, misspelt or not
(`QuestionParser.people_in`), a meeting's length as `bot.extract.numbers.DURATION` reads it
("an hour and a half", "110 minutes") or as "110 min", a rate as "autos 15%", a stance by the
profile's names for it ("reduction", "a reduction of the tariffs"), topics and sectors by the
profile's words. Nothing is known here beyond the profile. A value that cannot be read is a
`UserError` saying what was expected, which the command shows as one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.answers.questions import QuestionParser
from bot.errors import UserError
from bot.extract.dates import find_dates, resolve
from bot.extract.numbers import DURATION, duration_minutes
from bot.extract.profile import Profile
from bot.knowledge.matching import position_key

FIELDS = ("date", "location", "participants", "meetings", "tariffs", "position", "topics")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_SHORT_MINUTES = re.compile(r"(?<![\w.])(\d{1,4})\s*(?:min|mins|m)\b", re.I)
_RATE = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)", re.I)
_LIST_SEPARATORS = re.compile(r"\s*(?:[,;&/+]|\band\b)\s*", re.I)


@dataclass(frozen=True, slots=True)
class CorrectedValue:
    """A value as stored: the field, the key it narrows to (sector, ``actor:issue``, or empty), the
    value (a JSON value, as claims hold theirs), and how it reads in a message."""

    field: str
    key: str
    value: Any
    shown: str


def _parts(text: str) -> list[str]:
    return [p for p in _LIST_SEPARATORS.split(text) if p.strip()]


def read_value(field: str, text: str, profile: Profile, *, parser: QuestionParser | None = None,
               anchor: date | None = None) -> CorrectedValue:
    """``text`` read as a value of ``field``; a `UserError` saying what was expected otherwise.

    ``anchor`` is the day a date without a year is read near (the round's date, when known).
    """
    parser = parser or QuestionParser(profile)
    text = " ".join(text.split())
    if field not in FIELDS:
        raise UserError(f"field must be one of {', '.join(FIELDS)}, not {field!r}")
    if not text:
        raise UserError(f"/correct field:{field} needs a value: {_EXPECTED[field](profile)}")
    reader = _READERS[field]
    found = reader(text, profile, parser, anchor)
    if found is None:
        raise UserError(f"could not read {text[:100]!r} as {field}: expected {_EXPECTED[field](profile)}")
    return found


def _date(text: str, _profile: Profile, _parser: QuestionParser, anchor: date | None) -> CorrectedValue | None:
    iso = _ISO.match(text)
    day: date | None = None
    if iso:
        try:
            day = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    else:
        mentions = [m for m in find_dates(text) if m.kind == "explicit"]
        if len(mentions) == 1:
            day = resolve(mentions[0], anchor or date.today(), forward=False)
    if day is None:
        return None
    return CorrectedValue("date", "", (day.isoformat()), day.isoformat())


def _location(text: str, profile: Profile, _parser: QuestionParser, _anchor: date | None) -> CorrectedValue | None:
    for place in profile.places:
        if text.lower() == place.city.lower() or any(
            phrases is not None and phrases.spans(variant) == [(0, len(variant))]
            for phrases in (place.aliases, place.buildings) for variant in (text, text.title())
        ):
            return CorrectedValue("location", "", (place.city), place.city)
    return None


def _people(part: str, parser: QuestionParser) -> list[str]:
    return list(parser.people_in(part))


def _participants(text: str, _profile: Profile, parser: QuestionParser, _anchor: date | None) -> CorrectedValue | None:
    names: list[str] = []
    for part in _parts(text):
        found = _people(part, parser)
        if len(found) != 1:
            return None
        if found[0] not in names:
            names.append(found[0])
    if not names:
        return None
    return CorrectedValue("participants", "", (sorted(names)), ", ".join(names))


def _minutes(text: str) -> tuple[int | None, str]:
    """The length a part names, and the part without it."""
    match = DURATION.search(text)
    if match is not None and (minutes := duration_minutes(match)) is not None:
        return minutes, text[: match.start()] + text[match.end():]
    short = _SHORT_MINUTES.search(text)
    if short is not None:
        return int(short.group(1)), text[: short.start()] + text[short.end():]
    return None, text


def _meetings(text: str, _profile: Profile, parser: QuestionParser, _anchor: date | None) -> CorrectedValue | None:
    sittings: list[dict[str, Any]] = []
    for part in (p for p in re.split(r"\s*[;,]\s*", text) if p.strip()):
        minutes, rest = _minutes(part)
        people = sorted(_people(rest, parser))
        if not people:
            return None
        sittings.append({"with": people, "minutes": minutes})
    if not sittings:
        return None
    shown = "; ".join(f"with {', '.join(s['with'])}" + (f" {s['minutes']} min" if s["minutes"] is not None else "")
                      for s in sittings)
    return CorrectedValue("meetings", "", (sittings), shown)


def _tariffs(text: str, profile: Profile, parser: QuestionParser, _anchor: date | None) -> CorrectedValue | None:
    rates = _RATE.findall(text)
    sector = parser.facets(_RATE.sub(" ", text)).sector
    if len(rates) != 1 or sector is None:
        return None
    rate = float(rates[0])
    value: float | int = int(rate) if rate.is_integer() else rate
    return CorrectedValue("tariffs", sector, (value), f"{profile.label(sector)} {value:g}%")


def _position(text: str, profile: Profile, parser: QuestionParser, _anchor: date | None) -> CorrectedValue | None:
    side = parser.side_in(text)
    lowered = text.lower()
    words = set(re.findall(r"[\w-]+", lowered.replace("_", " ")))
    found: set[tuple[str, str, str]] = set()
    for issue in profile.issues:
        if side is not None and issue.side != side:
            continue
        for stance in issue.stances:
            named = set(stance.id.replace("_", " ").split()) <= words or stance.label.lower() in lowered
            if named:
                found.add((issue.side, issue.id, stance.id))
    if len(found) != 1:
        return None
    actor, issue_id, stance_id = found.pop()
    return CorrectedValue("position", position_key(actor, issue_id), (stance_id),
                          f"{actor} on {profile.label(issue_id)}: {stance_id}")


def _topics(text: str, profile: Profile, parser: QuestionParser, _anchor: date | None) -> CorrectedValue | None:
    topics: list[str] = []
    for part in (p for p in re.split(r"\s*[;,]\s*", text) if p.strip()):
        topic = parser.facets(part).topic
        if topic is None:
            return None
        if topic not in topics:
            topics.append(topic)
    if not topics:
        return None
    return CorrectedValue("topics", "", (topics), ", ".join(profile.topic_label(t) for t in topics))


def _surnames(profile: Profile, n: int) -> list[str]:
    """``n`` people of the profile by surname, negotiators first: examples in the profile's own
    names, of people who sit at the table."""
    people = sorted(profile.people, key=lambda person: not person.negotiator)
    return [person.surname for person in people[:n]]


def _stance_names(profile: Profile) -> str:
    names = [f"{s.id}" for issue in profile.issues for s in issue.stances]
    return ", ".join(dict.fromkeys(names))


Reader = Callable[[str, Profile, QuestionParser, "date | None"], "CorrectedValue | None"]
_READERS: dict[str, Reader] = {
    "date": _date, "location": _location, "participants": _participants, "meetings": _meetings,
    "tariffs": _tariffs, "position": _position, "topics": _topics,
}
_EXPECTED: dict[str, Callable[[Profile], str]] = {
    "date": lambda p: "a date, e.g. 2025-06-06 or June 6, 2025",
    "location": lambda p: f"one of the places the profile knows ({', '.join(pl.city for pl in p.places)})",
    "participants": lambda p: f"the people who took part, by name, comma-separated, e.g. {', '.join(_surnames(p, 3))}",
    "meetings": lambda p: "each sitting as people and length, separated by ';', e.g. "
                          + "; ".join(f"{name} {minutes} min" for name, minutes in zip(_surnames(p, 2), (110, 45), strict=False)),
    "tariffs": lambda p: f"one sector and its rate, e.g. {next(iter(p.sectors), 'autos')} 15%",
    "position": lambda p: f"a stance the profile names, optionally with the side: {_stance_names(p)}",
    "topics": lambda p: f"the topics discussed, comma-separated, by the profile's words (e.g. {', '.join(list(p.topics)[:3])})",
}
