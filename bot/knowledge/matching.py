"""How a new fact relates to what is already recorded: pure functions, no database.

An article's facts are flattened into `FactRecord`s (kind, key, value, sentence). Each is then
compared with the *claims* already recorded for the same round, i.e. the distinct statements
other sources made, and gets one match:

- ``corroborated``: another source said the same (same kind, key and value). The claim's source
  count grows; no new alert.
- ``new``: the first report of it.
- ``conflicting``: sources disagree, and both statements are kept with their sources, never
  overwritten. Per kind:
  * ``date``, ``location``: another value for the round;
  * ``meeting``: another length for the same sitting (same people, or one list inside the
    other) when the article reports a single sitting: 130 minutes against "about two hours";
  * ``tariff``: another rate for the sector that this article does not also state (an article
    naming 2.5%, 25% and 27.5% for autos gives component rates, not a disagreement);
  * ``topic`` / ``not_discussed``: one source says a topic was discussed, another that it was not;
  * ``position``: another stance for the same round that is *not* a change from the round before.
- ``changed_position``: a side's stance differs from every stance recorded for it in the latest
  earlier round (Japan: ``removal`` in round 4, ``reduction`` in round 5).

A round for which one article reports two stances (seed-003: Japan would settle for a cut, and
also still demands removal) is treated as follows: the stance that differs from the previous
round's is the change (``reduction``: changed_position, one alert), the stance that repeats the
previous round's is recorded for the new round as ``new`` (it is no change). Stances from one
article never conflict with each other.

Round statuses are keyed by status, so a preview (``upcoming``) and a report (``held``) of the
same round never conflict: the round view shows ``held`` once any source reports it held.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.extract.facts import ArticleFacts
from storage.engine import canonical_json
from storage.kinds import FactKind, MatchKind

NEW = MatchKind.NEW
CORROBORATED = MatchKind.CORROBORATED
CONFLICTING = MatchKind.CONFLICTING
CHANGED = MatchKind.CHANGED_POSITION

KINDS = (FactKind.ROUND_STATUS, FactKind.DATE, FactKind.LOCATION, FactKind.PARTICIPANT, FactKind.MEETING,
         FactKind.TOPIC, FactKind.NOT_DISCUSSED, FactKind.TARIFF, FactKind.POSITION)
_OPPOSITE = {FactKind.TOPIC: FactKind.NOT_DISCUSSED, FactKind.NOT_DISCUSSED: FactKind.TOPIC}


NEXT_STEP_CHARS = 300  # a next step's claim value is its first 300 characters (the sentence stays in the fact)


def dump(value: Any) -> str:
    """Canonical JSON of a value (as storage writes it): equal statements, equal text."""
    return canonical_json(value)


@dataclass(frozen=True, slots=True)
class FactRecord:
    """One statement of one article, ready to store: ``value`` is what the fact and its claim hold
    (a JSON value), ``text`` its canonical JSON, by which statements are told apart."""

    kind: FactKind
    key: str
    value: Any
    sentence: str = ""
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", dump(self.value))


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A statement already recorded for the round by other sources (``value`` as the claim holds it)."""

    kind: str
    key: str
    value: Any
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", dump(self.value))


def _ev(facts: ArticleFacts, *keys: str) -> str:
    for key in keys:
        sentence = facts.evidence.get(key)
        if sentence:
            return sentence
    return ""


def _rate(rate: float) -> float | int:
    return int(rate) if float(rate).is_integer() else float(rate)


def position_key(actor: str, issue: str) -> str:
    return f"{actor}:{issue}"


def records_of(facts: ArticleFacts) -> list[FactRecord]:
    """The article's facts as records, in a fixed order, without repeats within the article."""
    out: list[FactRecord] = []
    if facts.round_status:
        status = facts.round_status
        out.append(FactRecord(FactKind.ROUND_STATUS, status, status, _ev(facts, "round_status", "round")))
    if facts.date:
        out.append(FactRecord(FactKind.DATE, "date", facts.date, _ev(facts, "date")))
    if facts.location:
        out.append(FactRecord(FactKind.LOCATION, "location", facts.location, _ev(facts, "location")))
    for name in facts.participants:
        out.append(FactRecord(FactKind.PARTICIPANT, name, name, _ev(facts, f"participant:{name}")))
    sittings: dict[tuple[str, ...], int] = {}
    for meeting in facts.meetings:
        people = sorted(meeting.with_)
        sitting = {"with": people, "minutes": meeting.minutes}
        # the same people for the same length twice in one article are two sittings (seed-003:
        # 110 minutes with Lutnick on Thursday and again on Friday), not one repeated
        count = sittings[(*people, str(meeting.minutes))] = sittings.get((*people, str(meeting.minutes)), 0) + 1
        if count > 1:
            sitting["sitting"] = count
        out.append(FactRecord(FactKind.MEETING, "|".join(people), sitting, meeting.evidence))
    for topic in facts.topics:
        out.append(FactRecord(FactKind.TOPIC, topic, topic, _ev(facts, f"topic:{topic}")))
    for topic in facts.not_discussed:
        out.append(FactRecord(FactKind.NOT_DISCUSSED, topic, topic, _ev(facts, f"not_discussed:{topic}")))
    for tariff in facts.tariffs:
        out.append(FactRecord(FactKind.TARIFF, tariff.sector, _rate(tariff.rate), tariff.evidence))
    for pos in facts.positions:
        out.append(FactRecord(FactKind.POSITION, position_key(pos.actor, pos.issue), pos.stance, pos.evidence))
    for step in facts.next_steps:
        # a step is a sentence of the article: its key and claim value are its start (claim.key holds
        # 300 characters); the whole sentence stays in the fact's `sentence`
        short = step[:NEXT_STEP_CHARS]
        out.append(FactRecord(FactKind.NEXT_STEP, short, short, _ev(facts, f"next_step:{step}") or step))
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for record in out:
        ident = (record.kind, record.key, record.text)
        if ident not in seen:
            seen.add(ident)
            unique.append(record)
    return unique


def _people(sitting: Any) -> frozenset[str]:
    return frozenset(sitting.get("with") or [])


def _minutes(sitting: Any) -> int | None:
    minutes: int | None = sitting.get("minutes")
    return minutes


def _same_sitting(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or a <= b or b <= a


def classify(
    record: FactRecord,
    recorded: Sequence[ClaimView],
    *,
    article: Sequence[FactRecord] = (),
    previous_stances: Iterable[str] | None = None,
    previous_is_last_report: bool = False,
) -> str:
    """The match of ``record`` against the claims ``recorded`` for its round by earlier sources.

    ``article`` is every record of the same article (a rate or a sitting it also states is no
    disagreement); ``previous_stances`` are the stances of the latest earlier round for a
    position record (None when no earlier round recorded one). With
    ``previous_is_last_report`` they are instead those of the last article that reported the
    stance outside any round, where no round orders the reports: a stance that differs from it
    is a change even if an older report held it (a side back to where it was has moved).
    """
    if previous_is_last_report and previous_stances and record.value not in set(previous_stances):
        return CHANGED
    same_key = [c for c in recorded if c.kind == record.kind and c.key == record.key]
    if any(c.text == record.text for c in same_key):
        return CORROBORATED
    kind = record.kind
    if kind == FactKind.POSITION:
        previous = set(previous_stances) if previous_stances is not None else None
        if previous and record.value not in previous:
            return CHANGED
        return CONFLICTING if same_key else NEW
    if kind in (FactKind.DATE, FactKind.LOCATION):
        return CONFLICTING if same_key else NEW
    if kind == FactKind.TARIFF:
        own = {r.text for r in article if r.kind == FactKind.TARIFF and r.key == record.key}
        return CONFLICTING if any(c.text not in own for c in same_key) else NEW
    if kind in _OPPOSITE:
        return CONFLICTING if any(c.kind == _OPPOSITE[kind] and c.key == record.key for c in recorded) else NEW
    if kind == FactKind.MEETING:
        sittings = [r for r in article if r.kind == FactKind.MEETING]
        minutes = _minutes(record.value)
        if minutes is None or len(sittings) > 1:
            return NEW
        people = _people(record.value)
        for claim in recorded:
            if claim.kind != FactKind.MEETING or not _same_sitting(people, _people(claim.value)):
                continue
            other = _minutes(claim.value)
            if other == minutes:
                return CORROBORATED
            if other is not None:
                return CONFLICTING
        return NEW
    return NEW  # round_status, participant: only ever new or corroborated
