"""The negotiation profile: people, places, topics, sectors and stance phrasings, as data.

Loaded and validated once at start. A broken profile fails with a `ProfileError` whose one
line names the file, the key and the problem, so an operator can fix it without reading code.
Phrases are compiled once here, so extraction does no regex compilation per article.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.config import DEFAULT_PROFILE
from bot.errors import UserError
from bot.extract.lexicon import APPOSITION_DETERMINERS, INVERTED_COMPOUND_LINKS, NOUN_PHRASE_ENDERS, alternation
from bot.extract.phrases import Phrases, marks_optional, upper_pattern

# What a stance is about when a profile does not say: the tariffs (the words of today's [stances])
TARIFF_WORDS = ("tariffs?", "levy", "levies", "duties", "duty")


class ProfileError(UserError, ValueError):
    """The profile file cannot be used; the message names file, key and problem."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NegotiationSpec(_Strict):
    id: str
    name: str
    tracked_side: str
    round_terms: list[str] = Field(min_length=1)
    subject_terms: list[str] = Field(min_length=1)
    # the side whose tariffs the rates are, unless [sector_details] says otherwise (default: the
    # first side that is not the tracked one)
    tariffs_imposed_by: str | None = None
    # what counts as a round in this negotiation, in the author's words (shown by `profile check`)
    note: str | None = None
    # the clock of an event with no place found (a call, an announcement): an IANA name; UTC if unset
    timezone: str | None = None
    # the city of [[places]] where the negotiators usually sit, for a sitting whose story names no city
    usual_venue: str | None = None


class SideSpec(_Strict):
    name: str
    aliases: list[str] = Field(min_length=1)
    # longer names that hold an alias but are never the side ("Korean Air" for an alias "Korean");
    # another country's name ("North Korea") needs no listing: the world data knows it
    not_aliases: list[str] = Field(default_factory=list)


class TitleSpec(_Strict):
    """A title held for a time only: "commerce secretary" from 1 October. ``from`` and ``until``
    (both days included) are checked against an article's publication day."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    title: str
    from_: date | None = Field(default=None, alias="from")
    until: date | None = None


class PersonSpec(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    name: str
    side: str
    role: str
    aliases: list[str] = Field(min_length=1)
    titles: list[str | TitleSpec] = Field(default_factory=list)
    negotiator: bool = False
    # the family name as written in ``name`` when it is not the last word: "He" for "He Lifeng",
    # "von der Leyen" for "Ursula von der Leyen"
    surname: str | None = None
    # the days the person holds the titles written as plain strings (both included): a finance
    # minister replaced in June is not "the finance minister" of a July article
    from_: date | None = Field(default=None, alias="from")
    until: date | None = None
    # names that hold or look like one of the person's aliases but are someone else's ("Harry
    # Roque" for an alias "Roque"): where one stands, nothing inside it names this person
    not_aliases: list[str] = Field(default_factory=list)


class PlaceSpec(_Strict):
    city: str
    timezone: str
    aliases: list[str] = Field(min_length=1)
    buildings: list[str] = Field(default_factory=list)


class RoundSpec(_Strict):
    """One known sitting of the negotiation: its number in the series, its days and its city
    (one of ``[[places]]``). ``end`` defaults to ``start`` (a one-day round)."""

    number: int = Field(ge=1, le=99)
    start: date
    end: date | None = None
    place: str
    # phrases the press names this round by ("the 2\\+2", "the IMF-week talks")
    aliases: list[str] = Field(default_factory=list)


class CountryRatesSpec(_Strict):
    """Which sector a rate on no named goods belongs to: ``default``, unless it is listed."""

    default: str
    by_rate: dict[str, list[float]] = Field(default_factory=dict)


class StanceSpec(_Strict):
    """Today's one-issue form: the tracked side's stance on the tariffs, three fixed stances."""

    issue: str
    removal: list[str] = Field(min_length=1)
    reduction: list[str] = Field(min_length=1)
    agreed: list[str] = Field(min_length=1)
    # how answers name the issue and each stance (default: the ids in words)
    label: str | None = None
    labels: dict[str, str] = Field(default_factory=dict)


class IssueStanceSpec(_Strict):
    """One stance on an issue: its id (the JSON's ``stance``), label and phrasings.

    ``needs`` says where the issue's words must stand for the phrase to be a stance on it:
    ``near`` right by the phrase ("demanded the tariffs be removed"), ``clause`` anywhere in the
    clause ("pressed for a significant cut in the tariffs"), ``deal`` in the clause, or a word for
    a deal instead ("agreed to the 15% rates")."""

    id: str
    label: str | None = None
    needs: Literal["near", "clause", "deal"] = "clause"
    phrases: list[str] = Field(min_length=1)
    # whether Parley's own English for the stance's id ("agreed": a deal made; "reduction": a cut
    # sought) is read besides the phrases; false: only the phrases
    general_words: bool = True


class IssueSpec(_Strict):
    """What one side seeks on one matter: ``side``'s stance on ``about`` (the tariffs by default)."""

    id: str
    side: str | None = None
    label: str | None = None
    about: list[str] = Field(default_factory=lambda: list(TARIFF_WORDS), min_length=1)
    stances: list[IssueStanceSpec] = Field(min_length=1)


class SectorDetailSpec(_Strict):
    """A sector's label, and who imposes its tariffs; ``country_wide``: the imposing side's rate on
    all the other side's goods, when no goods are named."""

    label: str | None = None
    imposed_by: str | None = None
    country_wide: bool = False


class ProfileSpec(_Strict):
    negotiation: NegotiationSpec
    sides: list[SideSpec] = Field(min_length=2)
    people: list[PersonSpec] = Field(min_length=1)
    places: list[PlaceSpec] = Field(default_factory=list)
    # the rounds held or set so far (optional: users add rounds as they happen)
    rounds: list[RoundSpec] = Field(default_factory=list)
    topics: dict[str, list[str]] = Field(min_length=1)
    sectors: dict[str, list[str]] = Field(min_length=1)
    country_rates: CountryRatesSpec | None = None
    sector_details: dict[str, SectorDetailSpec] = Field(default_factory=dict)
    # how answers name a topic, sector or issue id ("non_tariff_barriers" = "non-tariff barriers")
    labels: dict[str, str] = Field(default_factory=dict)
    stances: StanceSpec | None = None
    issues: list[IssueSpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _sides_are_known(self) -> ProfileSpec:
        names = {s.name for s in self.sides}
        if self.negotiation.tracked_side not in names:
            tracked = self.negotiation.tracked_side
            raise ValueError(f"negotiation.tracked_side {tracked!r} is not one of sides {sorted(names)}")
        imposer = self.negotiation.tariffs_imposed_by
        if imposer is not None and imposer not in names:
            raise ValueError(f"negotiation.tariffs_imposed_by {imposer!r} is not one of sides {sorted(names)}")
        for i, person in enumerate(self.people):
            if person.side not in names:
                raise ValueError(f"people[{i}].side {person.side!r} is not one of sides {sorted(names)}")
            if person.surname is not None and person.surname not in person.name:
                raise ValueError(f"people[{i}].surname {person.surname!r} is not part of the name {person.name!r}")
            if person.from_ is not None and person.until is not None and person.until < person.from_:
                raise ValueError(f"people[{i}].until {person.until} is before its from {person.from_}")
            for j, title in enumerate(person.titles):
                if isinstance(title, TitleSpec) and title.from_ and title.until and title.until < title.from_:
                    raise ValueError(f"people[{i}].titles[{j}].until {title.until} is before its from {title.from_}")
        if (self.stances is None) == (not self.issues):
            raise ValueError("give either [stances] or [[issues]] (one of the two)")
        for i, issue in enumerate(self.issues):
            if issue.side is not None and issue.side not in names:
                raise ValueError(f"issues[{i}].side {issue.side!r} is not one of sides {sorted(names)}")
            ids = [s.id for s in issue.stances]
            if len(set(ids)) != len(ids):
                raise ValueError(f"issues[{i}].stances: two stances share an id")
        for sector, detail in self.sector_details.items():
            if sector not in self.sectors:
                raise ValueError(f"sector_details: {sector!r} is not one of sectors {sorted(self.sectors)}")
            if detail.imposed_by is not None and detail.imposed_by not in names:
                raise ValueError(
                    f"sector_details.{sector}.imposed_by {detail.imposed_by!r} is not one of sides {sorted(names)}"
                )
        wide: dict[str, str] = {}
        default_imposer = imposer or next((s.name for s in self.sides if s.name != self.negotiation.tracked_side), "")
        for sector, detail in self.sector_details.items():
            if detail.country_wide:
                side = detail.imposed_by or default_imposer
                if side in wide:
                    raise ValueError(
                        f"sector_details: {wide[side]} and {sector} are both country_wide for {side}: a side has "
                        "one rate on all the other side's goods (make the other an ordinary sector)"
                    )
                wide[side] = sector
        cities = [p.city for p in self.places]
        venue = self.negotiation.usual_venue
        if venue is not None and venue not in cities:
            raise ValueError(f"negotiation.usual_venue {venue!r} is not one of places {sorted(cities)}")
        for i, sitting in enumerate(self.rounds):
            if sitting.place not in cities:
                raise ValueError(f"rounds[{i}].place {sitting.place!r} is not one of places {sorted(cities)}")
            if sitting.end is not None and sitting.end < sitting.start:
                raise ValueError(f"rounds[{i}].end {sitting.end} is before its start {sitting.start}")
        numbers = [r.number for r in self.rounds]
        if len(set(numbers)) != len(numbers):
            raise ValueError("rounds: two rounds share a number")
        if not any(p.negotiator for p in self.people):
            raise ValueError("people: no person is marked negotiator = true")
        known = {
            *self.topics,
            *self.sectors,
            *(i.id for i in self.issues),
            *(s.id for i in self.issues for s in i.stances),
        }
        if self.stances is not None:
            known |= {self.stances.issue, "removal", "reduction", "agreed"}
        for key in self.labels:
            if key not in known:
                raise ValueError(f"labels.{key}: not a topic, sector, stance or the stance issue of this profile")
        if self.country_rates:
            for sector in [self.country_rates.default, *self.country_rates.by_rate]:
                if sector not in self.sectors:
                    raise ValueError(f"country_rates: {sector!r} is not one of sectors {sorted(self.sectors)}")
        return self


@dataclass(frozen=True, slots=True, eq=False)  # identity: one object per titles of a person
class Titles:
    """Some of a person's titles and the days they hold them (``None``: no limit that way)."""

    phrases: Phrases
    since: date | None = None
    until: date | None = None

    def held_on(self, day: date | None) -> bool:
        """Whether the titles are the person's on ``day`` (any day when the day is unknown)."""
        if day is None:
            return True
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True, eq=False)  # identity: one object per person of a profile
class Person:
    name: str
    side: str
    role: str
    negotiator: bool
    surname: str
    aliases: Phrases
    #: every title, whatever its days (for checks and for what the profile names)
    titles: Phrases | None
    #: the family name comes first ("He Lifeng"): alone, it is a name only where a name stands
    family_first: bool = False
    #: the titles by the days they are held; an undated person's is `titles` alone
    dated_titles: tuple[Titles, ...] = ()
    #: someone else's names that hold one of this person's (`not_aliases`), if any
    exclusions: Phrases | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Stance:
    id: str
    label: str
    needs: str  # "near", "clause" or "deal" (see `IssueStanceSpec`)
    phrases: Phrases
    # whether the lexicon's English for the id is read besides the phrases (see `IssueStanceSpec`)
    general_words: bool = True


@dataclass(frozen=True, slots=True, eq=False)
class Issue:
    """One side's stance on one matter, with the stances to find, in the order they are tried."""

    id: str
    side: str
    label: str
    about: Phrases
    stances: tuple[Stance, ...]


@dataclass(frozen=True, slots=True)
class Place:
    city: str
    tz: ZoneInfo
    aliases: Phrases
    buildings: Phrases | None


@dataclass(frozen=True, slots=True)
class ScheduledRound:
    """A sitting the profile lists: its number, first and last day and city."""

    number: int
    start: date
    end: date
    place: str
    #: the phrases that name this round (`[[rounds]] aliases`), if any
    aliases: Phrases | None = None

    def holds(self, day: date) -> bool:
        """Whether ``day`` is one of the round's days."""
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True, eq=False, weakref_slot=True)  # by identity; caches hold it weakly
class Profile:
    """The compiled profile the extractor runs on."""

    path: Path
    id: str
    name: str
    tracked_side: str
    sides: dict[str, Phrases]
    people: tuple[Person, ...]
    places: tuple[Place, ...]
    topics: dict[str, Phrases]
    sectors: dict[str, Phrases]
    issues: tuple[Issue, ...]
    round_terms: Phrases
    subject_terms: Phrases
    country_rates: CountryRatesSpec | None = None
    #: the side whose tariffs the rates are, unless `sector_imposers` says otherwise
    tariffs_imposed_by: str = ""
    sector_imposers: dict[str, str] = field(default_factory=dict)
    #: for a side, the sector of its rate on all the other side's goods
    country_wide_sectors: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    #: how answers name a topic: ``[labels]`` only, since a sector's label ("US fentanyl tariff")
    #: is not its topic's when the two share an id
    topic_labels: dict[str, str] = field(default_factory=dict)
    #: the known sittings (`[[rounds]]`), by number
    rounds: tuple[ScheduledRound, ...] = ()
    #: per side, the longer names that hold one of its aliases but are not it (`not_aliases`)
    side_exclusions: dict[str, Phrases] = field(default_factory=dict)
    #: per side, its aliases in capitals that differ from them as written ("CHINA", not "US"):
    #: a side only where they stand in a run of capitals (`side_capitals`)
    side_capitals: dict[str, Phrases] = field(default_factory=dict)
    #: what the author says a round is (`[negotiation] note`), shown by `parley profile check`
    note: str = ""
    #: the clock of an event with no place found (`[negotiation] timezone`); None: UTC
    default_tz: ZoneInfo | None = None
    #: where the negotiators usually sit (`[negotiation] usual_venue`), a city of `places`; None: nowhere usual
    usual_venue: str | None = None
    # looked up for every name the extractor meets: a dict, not a walk over the people
    _people_by_name: dict[str, Person] = field(init=False, repr=False)
    _places_by_city: dict[str, Place] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_people_by_name", {p.name: p for p in reversed(self.people)})
        object.__setattr__(self, "_places_by_city", {p.city: p for p in reversed(self.places)})

    def country_sector(self, rate: float, imposed_by: str | None = None) -> str | None:
        """The sector of a rate said of the whole country with no goods named (imposed by
        ``imposed_by``, by default the side whose tariffs the rates are)."""
        if imposed_by is not None and imposed_by != self.tariffs_imposed_by:
            return self.country_wide_sectors.get(imposed_by)
        if self.country_rates is None:
            return None
        for sector, rates in self.country_rates.by_rate.items():
            if any(abs(rate - r) < 1e-9 for r in rates):
                return sector
        return self.country_rates.default

    def phrase_sets(self) -> list[Phrases]:
        """Every phrase set of the profile, for scanning an article in one pass."""
        sets: list[Phrases] = [*self.sides.values(), *self.side_exclusions.values(), *self.side_capitals.values()]
        sets += [*self.topics.values(), *self.sectors.values()]
        for issue in self.issues:
            sets += [issue.about, *(s.phrases for s in issue.stances)]
        sets += [self.round_terms, self.subject_terms]
        sets += [r.aliases for r in self.rounds if r.aliases is not None]
        for person in self.people:
            sets += [person.aliases, *(t.phrases for t in person.dated_titles)]
            if person.exclusions is not None:
                sets.append(person.exclusions)
        for place in self.places:
            sets += [place.aliases] + ([place.buildings] if place.buildings else [])
        return sets

    def place_phrases(self) -> list[Phrases]:
        """The phrases that name the profile's places (cities and their buildings)."""
        return [p for place in self.places for p in (place.aliases, place.buildings) if p is not None]

    def person_phrases(self) -> list[Phrases]:
        """The phrases that name the profile's people (names and titles)."""
        return [p for person in self.people for p in (person.aliases, person.titles) if p is not None]

    def label(self, identifier: str) -> str:
        """How answers name an issue, stance or sector id ("us_tariffs" -> "the US tariffs")."""
        return self.labels.get(identifier) or identifier.replace("_", " ")

    def topic_label(self, topic: str) -> str:
        """How answers name a topic id ("non_tariff_barriers" -> "non-tariff barriers")."""
        return self.topic_labels.get(topic) or topic.replace("_", " ")

    def stance_label(self, issue: str, stance: str) -> str:
        """How answers name a stance on an issue ("removal" -> "removal of the tariffs")."""
        for known in self.issues:
            if known.id == issue:
                for s in known.stances:
                    if s.id == stance:
                        return s.label
        return stance.replace("_", " ")

    def imposer_of(self, sector: str) -> str:
        """The side that imposes the tariffs of ``sector``."""
        return self.sector_imposers.get(sector, self.tariffs_imposed_by)

    def side_named(self, text: str) -> str | None:
        """The side ``text`` names, as an asker types it: its name or an alias, in any case."""
        wanted = " ".join(text.split()).lower()
        for name in self.sides:
            if wanted == name.lower():
                return name
        for name, phrases in self.sides.items():
            for variant in (text.strip(), text.strip().upper(), text.strip().title()):
                if phrases.spans(variant) == [(0, len(variant))]:
                    return name
        return None

    def person(self, name: str) -> Person | None:
        return self._people_by_name.get(name)

    def place(self, city: str) -> Place | None:
        return self._places_by_city.get(city)

    def scheduled(self, number: int) -> ScheduledRound | None:
        """The listed round of that number, if the profile lists it."""
        return next((r for r in self.rounds if r.number == number), None)


def name_variants(aliases: list[str]) -> list[str]:
    """A person's aliases as written, then the spellings Parley adds to them: in capitals
    ("AKAZAWA"), with the family name in capitals first ("AKAZAWA Ryosei", the style of Japanese
    government releases), and for a name with diacritics each marked letter with or without its
    mark ("Šefčovič" also finds "Sefcovic", "SEFCOVIC" and "Šefcovic")."""
    out = list(aliases)
    for alias in aliases:
        for form in dict.fromkeys([alias, marks_optional(alias)]):
            words = form.split(" ")
            out += [form, upper_pattern(form)]
            if len(words) == 2:
                out.append(f"{upper_pattern(words[0])} {words[1]}")
    return list(dict.fromkeys(out))


def with_capitals(patterns: list[str]) -> list[str]:
    """Cities' names as written, then each in capitals: a flash headline, a wire's slug or a
    transcript's caption writes "AKAZAWA ARRIVES IN WASHINGTON", where the city is the same
    city (a person's capitals come with `name_variants`). Sides' names stay as written here: a
    capitals spelling counted as the side wherever it stands read captions and slugs as sides
    (measured: a US-China set fell); `side_capitals` keeps them apart, for the article to count
    only inside a run of capitals ("CHINA IS GETTING 10%")."""
    return list(dict.fromkeys([*patterns, *(upper_pattern(p) for p in patterns)]))


def side_capitals(patterns: list[str]) -> list[str]:
    """A side's aliases in capitals, each that capitals change ("China" -> "CHINA"; "US" and
    "PRC" are already so and are left out, their spelling being the side's as written). Kept
    apart from the aliases: an all-capitals post or headline ("CHINA IS GETTING 10%") names the
    side so, but only a run of capitals around it says it is one (see `side_capitals` in the
    article's side mentions)."""
    return list(dict.fromkeys(upper for p in patterns if (upper := upper_pattern(p)) != p))


def with_marks_optional(patterns: list[str]) -> list[str]:
    """Names and buildings as written, then each with diacritics found with or without their
    marks ("Zürich" also finds "Zurich")."""
    return list(dict.fromkeys([*patterns, *(marks_optional(p) for p in patterns)]))


# what may stand between two words of a stance's phrase besides a space: a hyphen ("zero-for-zero"
# for "zero for zero") and a few small words ("reduce the 39% tariff", "removal of the tariffs")
_GAP = r"(?: (?:of|in|on|the|a|an|[\d.]+ ?%|[\d.]+ (?:percent|per cent))){0,3}[ -]"


def with_gaps(patterns: list[str]) -> list[str]:
    """A stance's phrases as written, then each with the words at its top level (outside groups)
    joined by ``_GAP`` instead of a space or a hyphen: "reduce tariffs" also finds "reduce the
    46% tariffs" and "zero-for-zero" also "zero for zero"."""
    out = list(patterns)
    for pattern in patterns:
        depth, escaped = 0, False
        parts: list[str] = []
        current: list[str] = []
        for i, ch in enumerate(pattern):
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
            elif ch in " -" and depth == 0 and pattern[i + 1 : i + 2] not in ("?", "*", "+", "{"):
                parts.append("".join(current))
                current = []
                continue
            current.append(ch)
        parts.append("".join(current))
        if len(parts) > 1:
            out.append(_GAP.join(parts))
    return list(dict.fromkeys(out))


# a plain word a compound opens with ("export" of "export controls?"), and its head after it
_COMPOUND = re.compile(r"([a-z]{3,}) ([a-z][a-z-]*(?:s\?|es\?)?)")
# the head's modifier, said after it, ends the noun phrase: at a mark, the end, or a small word
_PHRASE_END = rf"(?:(?!\s*[\w-])|(?=\s+{alternation(NOUN_PHRASE_ENDERS)}\b))"


def with_inverted_compounds(patterns: list[str]) -> list[str]:
    """A topic's phrases as written, then each two-word compound of plain words also with its head
    first and its modifier after a link, singular or plural, at the end of the noun phrase: "export
    controls?" also finds "controls on exports", "curbs on rare-earth exports" for "export curbs?"
    and "restrictions on exports of chips", the forms the press uses as often as the compound.
    Only a modifier that ends its noun phrase counts ("security on national grounds" is no
    "national security")."""
    out = list(patterns)
    for pattern in patterns:
        match = _COMPOUND.fullmatch(pattern)
        if match is None or match[1] in APPOSITION_DETERMINERS:
            continue
        modifier, head = match.groups()
        plural = "" if modifier.endswith("s") else "s?"
        # the span is the head and its link: a topic's words between them and the modifier are
        # their own ("curbs on rare-earth exports" names the rare earths as well)
        link = alternation(INVERTED_COMPOUND_LINKS)
        out.append(rf"{head} {link}(?= (?:[\w-]+ ){{0,2}}?{modifier}{plural}{_PHRASE_END})")
    return list(dict.fromkeys(out))


def _compile(path: Path, key: str, phrases: list[str], *, case_sensitive: bool = False) -> Phrases:
    try:
        return Phrases(phrases, case_sensitive=case_sensitive)
    except re.error as exc:
        raise ProfileError(f"{path}: {key}: bad phrase pattern ({exc})") from None


def _validation_message(path: Path, exc: ValidationError) -> str:
    err = exc.errors()[0]
    problem = str(err["msg"]).removeprefix("Value error, ")
    # "people[0].aliases", as the checks in `ProfileSpec` and the compiler name keys
    key = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in err["loc"]).lstrip(".")
    return f"{path}: {key}: {problem}" if key else f"{path}: {problem}"


def load_profile(path: Path | str | None = None) -> Profile:
    """Read, validate and compile a profile file. Raises `ProfileError` with one line."""
    path = Path(path) if path else DEFAULT_PROFILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"{path}: profile file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read profile ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: not valid TOML ({exc})") from None
    try:
        spec = ProfileSpec.model_validate(raw)
    except ValidationError as exc:
        raise ProfileError(_validation_message(path, exc)) from None
    for topic_or_sector in (*spec.topics, *spec.sectors):
        if not re.fullmatch(r"[a-z][a-z0-9_]*", topic_or_sector):
            raise ProfileError(f"{path}: {topic_or_sector}: ids must be lower_snake_case")

    people = []
    for i, p in enumerate(spec.people):
        titles = _compile(path, f"people[{i}].titles", _title_patterns(p.titles)) if p.titles else None
        people.append(
            Person(
                name=p.name,
                side=p.side,
                role=p.role,
                negotiator=p.negotiator,
                surname=p.surname or p.name.split()[-1],
                family_first=p.surname is not None and p.name.startswith(p.surname + " "),
                # Names are proper nouns: match them case-sensitively ("Greer", not "greer").
                aliases=_compile(path, f"people[{i}].aliases", name_variants(p.aliases), case_sensitive=True),
                titles=titles,
                dated_titles=_dated_titles(path, i, p, titles),
                exclusions=(
                    _compile(path, f"people[{i}].not_aliases", name_variants(p.not_aliases), case_sensitive=True)
                    if p.not_aliases
                    else None
                ),
            )
        )
    default_tz = None
    if spec.negotiation.timezone is not None:
        try:
            default_tz = ZoneInfo(spec.negotiation.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ProfileError(f"{path}: negotiation.timezone: unknown time zone {spec.negotiation.timezone!r}") from None
    places = []
    for i, pl in enumerate(spec.places):
        try:
            tz = ZoneInfo(pl.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ProfileError(f"{path}: places[{i}].timezone: unknown time zone {pl.timezone!r}") from None
        places.append(
            Place(
                city=pl.city,
                tz=tz,
                aliases=_compile(
                    path, f"places[{i}].aliases", with_capitals(with_marks_optional(pl.aliases)), case_sensitive=True
                ),
                buildings=(
                    _compile(path, f"places[{i}].buildings", with_marks_optional(pl.buildings)) if pl.buildings else None
                ),
            )
        )
    issues = _issues(path, spec)
    sides = [s.name for s in spec.sides]
    imposer = spec.negotiation.tariffs_imposed_by or next(s for s in sides if s != spec.negotiation.tracked_side)
    # a sector's own label wins over [labels], which may name a topic of the same id
    labels = {issue.id: issue.label for issue in issues}
    labels.update(spec.labels)
    labels.update({k: d.label for k, d in spec.sector_details.items() if d.label})
    return Profile(
        path=path,
        id=spec.negotiation.id,
        name=spec.negotiation.name,
        tracked_side=spec.negotiation.tracked_side,
        sides={
            s.name: _compile(path, f"sides.{s.name}", with_marks_optional(s.aliases), case_sensitive=True)
            for s in spec.sides
        },
        side_exclusions={
            s.name: _compile(path, f"sides.{s.name}.not_aliases", with_marks_optional(s.not_aliases), case_sensitive=True)
            for s in spec.sides
            if s.not_aliases
        },
        side_capitals={
            s.name: _compile(path, f"sides.{s.name} in capitals", capitals, case_sensitive=True)
            for s in spec.sides
            if (capitals := side_capitals(with_marks_optional(s.aliases)))
        },
        note=spec.negotiation.note or "",
        default_tz=default_tz,
        usual_venue=spec.negotiation.usual_venue,
        people=tuple(people),
        places=tuple(places),
        topics={k: _compile(path, f"topics.{k}", with_inverted_compounds(v)) for k, v in spec.topics.items()},
        sectors={k: _compile(path, f"sectors.{k}", v) for k, v in spec.sectors.items()},
        issues=issues,
        round_terms=_compile(path, "negotiation.round_terms", spec.negotiation.round_terms),
        subject_terms=_compile(path, "negotiation.subject_terms", spec.negotiation.subject_terms),
        country_rates=spec.country_rates,
        tariffs_imposed_by=imposer,
        sector_imposers={k: d.imposed_by for k, d in spec.sector_details.items() if d.imposed_by},
        country_wide_sectors={d.imposed_by or imposer: k for k, d in spec.sector_details.items() if d.country_wide},
        labels=labels,
        topic_labels=dict(spec.labels),
        rounds=_rounds(path, spec),
    )


def _title_patterns(titles: list[str | TitleSpec]) -> list[str]:
    return [t if isinstance(t, str) else t.title for t in titles]


def _dated_titles(path: Path, i: int, person: PersonSpec, titles: Phrases | None) -> tuple[Titles, ...]:
    """A person's titles by the days they hold them: the plain ones on the person's days (all of
    them as one set, `titles` itself, when nothing is dated), each table its own days."""
    if titles is None:
        return ()
    if person.from_ is None and person.until is None and all(isinstance(t, str) for t in person.titles):
        return (Titles(titles),)
    plain = [t for t in person.titles if isinstance(t, str)]
    out = [Titles(_compile(path, f"people[{i}].titles", plain), person.from_, person.until)] if plain else []
    for j, title in enumerate(person.titles):
        if isinstance(title, TitleSpec):
            out.append(Titles(_compile(path, f"people[{i}].titles[{j}]", [title.title]), title.from_, title.until))
    return tuple(out)


def _rounds(path: Path, spec: ProfileSpec) -> tuple[ScheduledRound, ...]:
    """The listed rounds by number; a round without ``end`` lasts one day."""
    rounds = [
        ScheduledRound(
            r.number, r.start, r.end or r.start, r.place,
            _compile(path, f"rounds[{i}].aliases", r.aliases) if r.aliases else None,
        )
        for i, r in enumerate(spec.rounds)
    ]  # fmt: skip
    return tuple(sorted(rounds, key=lambda r: r.number))


def _issues(path: Path, spec: ProfileSpec) -> tuple[Issue, ...]:
    """The issues of ``[[issues]]``, or the one of today's ``[stances]``: the tracked side on the
    tariffs, its stances tried as a deal first, then a reduction, then a removal. Its reduction
    is its phrases alone (the shipped Japan–US profile's phrases name a significant cut only),
    its deal its phrases and the lexicon's words for a deal made."""
    tracked = spec.negotiation.tracked_side
    if spec.stances is not None:
        old = spec.stances
        stances = tuple(
            Stance(name, old.labels.get(name) or spec.labels.get(name) or name, needs, _compile(path, f"stances.{name}", with_gaps(getattr(old, name))), name != "reduction")
            for name, needs in (("agreed", "deal"), ("reduction", "clause"), ("removal", "near"))
        )
        about = _compile(path, "stances", list(TARIFF_WORDS))
        return (Issue(old.issue, tracked, old.label or old.issue.replace("_", " "), about, stances),)
    out = []
    for i, issue in enumerate(spec.issues):
        stances = tuple(
            Stance(s.id, s.label or spec.labels.get(s.id) or s.id.replace("_", " "), s.needs,
                   _compile(path, f"issues[{i}].stances[{j}].phrases", with_gaps(s.phrases)), s.general_words)
            for j, s in enumerate(issue.stances)
        )  # fmt: skip
        out.append(
            Issue(issue.id, issue.side or tracked, issue.label or issue.id.replace("_", " "),
                  _compile(path, f"issues[{i}].about", issue.about), stances)
        )  # fmt: skip
    return tuple(out)


@cache
def _profile_at(path: Path) -> Profile:
    return load_profile(path)


def configured_profile() -> Profile:
    """The profile PARLEY_PROFILE names (the shipped one when unset), loaded once per path."""
    from bot.config import load_settings

    return _profile_at(Path(load_settings().parley_profile))


@cache
def default_profile() -> Profile:
    """The shipped Japan–US profile, loaded once."""
    return load_profile(DEFAULT_PROFILE)
