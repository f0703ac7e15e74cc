"""The negotiation profile: people, places, topics, sectors and stance phrasings, as data.

Loaded and validated once at start. A broken profile fails with a `ProfileError` whose one
line names the file, the key and the problem, so an operator can fix it without reading code.
Phrases are compiled once here, so extraction does no regex compilation per article.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.config import DEFAULT_PROFILE
from bot.errors import UserError
from bot.extract.phrases import Phrases, upper_pattern

STANCES = ("removal", "reduction", "agreed")


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


class SideSpec(_Strict):
    name: str
    aliases: list[str] = Field(min_length=1)


class PersonSpec(_Strict):
    name: str
    side: str
    role: str
    aliases: list[str] = Field(min_length=1)
    titles: list[str] = Field(default_factory=list)
    negotiator: bool = False


class PlaceSpec(_Strict):
    city: str
    timezone: str
    aliases: list[str] = Field(min_length=1)
    buildings: list[str] = Field(default_factory=list)


class CountryRatesSpec(_Strict):
    """Which sector a rate on no named goods belongs to: ``default``, unless it is listed."""

    default: str
    by_rate: dict[str, list[float]] = Field(default_factory=dict)


class StanceSpec(_Strict):
    issue: str
    removal: list[str] = Field(min_length=1)
    reduction: list[str] = Field(min_length=1)
    agreed: list[str] = Field(min_length=1)


class ProfileSpec(_Strict):
    negotiation: NegotiationSpec
    sides: list[SideSpec] = Field(min_length=2)
    people: list[PersonSpec] = Field(min_length=1)
    places: list[PlaceSpec] = Field(default_factory=list)
    topics: dict[str, list[str]] = Field(min_length=1)
    sectors: dict[str, list[str]] = Field(min_length=1)
    country_rates: CountryRatesSpec | None = None
    stances: StanceSpec

    @model_validator(mode="after")
    def _sides_are_known(self) -> ProfileSpec:
        names = {s.name for s in self.sides}
        if self.negotiation.tracked_side not in names:
            tracked = self.negotiation.tracked_side
            raise ValueError(f"negotiation.tracked_side {tracked!r} is not one of sides {sorted(names)}")
        for i, person in enumerate(self.people):
            if person.side not in names:
                raise ValueError(f"people[{i}].side {person.side!r} is not one of sides {sorted(names)}")
        if not any(p.negotiator for p in self.people):
            raise ValueError("people: no person is marked negotiator = true")
        if self.country_rates:
            for sector in [self.country_rates.default, *self.country_rates.by_rate]:
                if sector not in self.sectors:
                    raise ValueError(f"country_rates: {sector!r} is not one of sectors {sorted(self.sectors)}")
        return self


@dataclass(frozen=True, slots=True, eq=False)  # identity: one object per person of a profile
class Person:
    name: str
    side: str
    role: str
    negotiator: bool
    surname: str
    aliases: Phrases
    titles: Phrases | None


@dataclass(frozen=True, slots=True)
class Place:
    city: str
    tz: ZoneInfo
    aliases: Phrases
    buildings: Phrases | None


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
    stance_issue: str
    stances: dict[str, Phrases]
    round_terms: Phrases
    subject_terms: Phrases
    country_rates: CountryRatesSpec | None = None
    # looked up for every name the extractor meets: a dict, not a walk over the people
    _people_by_name: dict[str, Person] = field(init=False, repr=False)
    _places_by_city: dict[str, Place] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_people_by_name", {p.name: p for p in reversed(self.people)})
        object.__setattr__(self, "_places_by_city", {p.city: p for p in reversed(self.places)})

    def country_sector(self, rate: float) -> str | None:
        """The sector of a rate said of the whole country with no goods named."""
        if self.country_rates is None:
            return None
        for sector, rates in self.country_rates.by_rate.items():
            if any(abs(rate - r) < 1e-9 for r in rates):
                return sector
        return self.country_rates.default

    def phrase_sets(self) -> list[Phrases]:
        """Every phrase set of the profile, for scanning an article in one pass."""
        sets: list[Phrases] = [*self.sides.values(), *self.topics.values(), *self.sectors.values()]
        sets += [*self.stances.values(), self.round_terms, self.subject_terms]
        for person in self.people:
            sets += [person.aliases] + ([person.titles] if person.titles else [])
        for place in self.places:
            sets += [place.aliases] + ([place.buildings] if place.buildings else [])
        return sets

    def place_phrases(self) -> list[Phrases]:
        """The phrases that name the profile's places (cities and their buildings)."""
        return [p for place in self.places for p in (place.aliases, place.buildings) if p is not None]

    def person_phrases(self) -> list[Phrases]:
        """The phrases that name the profile's people (names and titles)."""
        return [p for person in self.people for p in (person.aliases, person.titles) if p is not None]

    def person(self, name: str) -> Person | None:
        return self._people_by_name.get(name)

    def place(self, city: str) -> Place | None:
        return self._places_by_city.get(city)


def _name_variants(aliases: list[str]) -> list[str]:
    """Names as written, in capitals ("AKAZAWA"), and with the family name in capitals first
    ("AKAZAWA Ryosei", the style of Japanese government releases)."""
    out = list(aliases)
    for alias in aliases:
        words = alias.split(" ")
        out.append(upper_pattern(alias))
        if len(words) == 2:
            out.append(f"{upper_pattern(words[0])} {words[1]}")
    return list(dict.fromkeys(out))


def _compile(path: Path, key: str, phrases: list[str], *, case_sensitive: bool = False) -> Phrases:
    try:
        return Phrases(phrases, case_sensitive=case_sensitive)
    except re.error as exc:
        raise ProfileError(f"{path}: {key}: bad phrase pattern ({exc})") from None


def _validation_message(path: Path, exc: ValidationError) -> str:
    err = exc.errors()[0]
    problem = str(err["msg"]).removeprefix("Value error, ")
    key = ".".join(str(part) for part in err["loc"])
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
        people.append(
            Person(
                name=p.name,
                side=p.side,
                role=p.role,
                negotiator=p.negotiator,
                surname=p.name.split()[-1],
                # Names are proper nouns: match them case-sensitively ("Greer", not "greer").
                aliases=_compile(path, f"people[{i}].aliases", _name_variants(p.aliases), case_sensitive=True),
                titles=_compile(path, f"people[{i}].titles", p.titles) if p.titles else None,
            )
        )
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
                aliases=_compile(path, f"places[{i}].aliases", pl.aliases, case_sensitive=True),
                buildings=_compile(path, f"places[{i}].buildings", pl.buildings) if pl.buildings else None,
            )
        )
    return Profile(
        path=path,
        id=spec.negotiation.id,
        name=spec.negotiation.name,
        tracked_side=spec.negotiation.tracked_side,
        sides={s.name: _compile(path, f"sides.{s.name}", s.aliases, case_sensitive=True) for s in spec.sides},
        people=tuple(people),
        places=tuple(places),
        topics={k: _compile(path, f"topics.{k}", v) for k, v in spec.topics.items()},
        sectors={k: _compile(path, f"sectors.{k}", v) for k, v in spec.sectors.items()},
        stance_issue=spec.stances.issue,
        stances={s: _compile(path, f"stances.{s}", getattr(spec.stances, s)) for s in STANCES},
        round_terms=_compile(path, "negotiation.round_terms", spec.negotiation.round_terms),
        subject_terms=_compile(path, "negotiation.subject_terms", spec.negotiation.subject_terms),
        country_rates=spec.country_rates,
    )


@cache
def default_profile() -> Profile:
    """The shipped Japan–US profile, loaded once."""
    return load_profile(DEFAULT_PROFILE)
