"""The record as the team corrected it: active corrections laid over the claims extraction made.

A correction replaces, for its round, every claim of its field (and key): a date correction
every date claim of the round, a position correction the stances of that side on that issue, a
tariff correction that sector's rates, and so on. The claims stay stored untouched, so an undo
brings back exactly what the sources said. Each claim made from a correction is a `Claim` that
is never stored (status ``corrected``, no source), and `Overlay.by` tells who made it.

Everything that answers or detects changes reads claims through here: the round view (and so
``/round``, ``/latest``, digests and every question in plain words), the timeline,
``/positions``, ``/tariffs``, ``/changes``, and the stances a new article is compared with.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from storage import Session
from storage import corrections as corrections_store
from storage import knowledge as kb
from storage.kinds import FactKind, MatchKind
from storage.models import Claim, Correction

#: the claim kinds each field of ``/correct`` replaces
KINDS_OF_FIELD: dict[str, tuple[FactKind, ...]] = {
    "date": (FactKind.DATE,),
    "location": (FactKind.LOCATION,),
    "participants": (FactKind.PARTICIPANT,),
    "meetings": (FactKind.MEETING,),
    "tariffs": (FactKind.TARIFF,),
    "position": (FactKind.POSITION,),
    "topics": (FactKind.TOPIC, FactKind.NOT_DISCUSSED),
}
#: the fields whose correction replaces one key of the round (the others replace the whole kind)
KEYED_FIELDS = ("tariffs", "position")


def _claim(correction: Correction, kind: FactKind, key: str, value: Any) -> Claim:
    return Claim(round=correction.round, kind=kind, key=key, value=value, source_count=0,
                 first_entry_id=0, sample_entry_ids=[], status=MatchKind.CORRECTED)


def claims_of(correction: Correction) -> list[Claim]:
    """The claims a correction states."""
    value = correction.value
    if correction.field == "date":
        return [_claim(correction, FactKind.DATE, "date", value)]
    if correction.field == "location":
        return [_claim(correction, FactKind.LOCATION, "location", value)]
    if correction.field == "participants":
        return [_claim(correction, FactKind.PARTICIPANT, name, name) for name in value]
    if correction.field == "meetings":
        return [_claim(correction, FactKind.MEETING, "|".join(m["with"]), m) for m in value]
    if correction.field == "topics":
        return [_claim(correction, FactKind.TOPIC, topic, topic) for topic in value]
    if correction.field == "tariffs":
        return [_claim(correction, FactKind.TARIFF, correction.key, value)]
    if correction.field == "position":
        return [_claim(correction, FactKind.POSITION, correction.key, value)]
    return []


def _replaces(correction: Correction, claim: Claim) -> bool:
    if claim.round != correction.round or claim.kind not in KINDS_OF_FIELD.get(correction.field, ()):
        return False
    if correction.field in KEYED_FIELDS:
        return claim.key == correction.key
    if claim.kind == FactKind.NOT_DISCUSSED:  # a topic now said to be discussed is no longer "not discussed"
        return claim.key in correction.value
    return True


@dataclass(slots=True)
class Overlay:
    """Claims with the corrections laid over them; ``by`` maps each corrected claim (by identity)
    to the correction that states it."""

    claims: list[Claim]
    by: dict[int, Correction] = field(default_factory=dict)

    def correction_of(self, claim: Claim) -> Correction | None:
        return self.by.get(id(claim))


def overlay(claims: Iterable[Claim], corrections: Sequence[Correction]) -> Overlay:
    """``claims`` with each correction's claims in place of those it replaces (pure: no database)."""
    kept = [c for c in claims if not any(_replaces(k, c) for k in corrections)]
    out = Overlay(kept)
    for correction in corrections:
        for claim in claims_of(correction):
            out.claims.append(claim)
            out.by[id(claim)] = correction
    return out


async def round_claims(session: Session, number: int, kinds: Sequence[str] | None = None) -> Overlay:
    """The claims of one round as corrected (only ``kinds`` when given)."""
    claims = await kb.claims_of_round(session, number, kinds=kinds)
    corrections = await corrections_store.active_corrections(session, round_number=number)
    if kinds:
        corrections = [c for c in corrections if set(KINDS_OF_FIELD.get(c.field, ())) & set(kinds)]
    return overlay(claims, corrections)


async def position_claims(session: Session, *, actor: str | None = None) -> Overlay:
    """Every round's stances as corrected (of one side when given), by key and round."""
    claims = await kb.position_claims(session, actor=actor)
    corrections = [c for c in await corrections_store.active_corrections(session, field="position")
                   if actor is None or c.key.startswith(f"{actor}:")]
    found = overlay(claims, corrections)
    found.claims.sort(key=lambda c: (c.key, c.round))
    return found


async def tariff_claims(session: Session, *, sector: str | None = None) -> Overlay:
    """Every round's tariff rates as corrected (of one sector when given), by sector and round."""
    claims = await kb.tariff_claims(session, sector=sector)
    corrections = [c for c in await corrections_store.active_corrections(session, field="tariffs")
                   if sector is None or c.key == sector]
    found = overlay(claims, corrections)
    found.claims.sort(key=lambda c: (c.key, c.round))
    return found


async def topic_claims(session: Session, topic: str) -> list[Claim]:
    """Every round's claims that a topic came up or was not discussed, as corrected."""
    claims = await kb.topic_claims(session, topic)
    corrections = await corrections_store.active_corrections(session, field="topics")
    found = overlay(claims, corrections).claims
    return sorted((c for c in found if c.key == topic), key=lambda c: c.round)


@dataclass(slots=True)
class StancesBefore:
    """A side's stances in the latest round before a given one that has any, as corrected."""

    round: int | None
    stances: list[str]
    claims: list[Claim]  # the extracted claims behind them (none when corrected)
    correction: Correction | None = None


async def stances_before(session: Session, key: str, round_number: int) -> StancesBefore:
    """`storage.knowledge.stances_before` with the corrections in force: a round whose stance was
    corrected has the corrected stance, and a corrected round counts even with no claim."""
    prev_round, claims = await kb.stances_before(session, key, round_number)
    corrections = [c for c in await corrections_store.active_corrections(session, field="position")
                   if c.key == key and 0 < c.round < round_number]
    latest = max(corrections, key=lambda c: c.round, default=None)
    if latest is not None and (prev_round is None or latest.round >= prev_round):
        return StancesBefore(latest.round, [latest.value], [], latest)
    held = held_after(claims)
    return StancesBefore(prev_round, [c.value for c in held], held)


def held_after(claims: Sequence[Claim]) -> list[Claim]:
    """The stances a side holds after a round, of the round's position claims for one key: the
    ones it changed to, when it changed (seed-003: Japan would settle for a cut, and still
    "demands removal" in passing: after round 5 it holds reduction); else all of them."""
    changed = [c for c in claims if c.status == MatchKind.CHANGED_POSITION]
    return changed or list(claims)


async def position_correction(session: Session, number: int, key: str) -> Correction | None:
    """The correction in force of a side's stance in one round, if any."""
    for correction in await corrections_store.active_corrections(session, round_number=number, field="position"):
        if correction.key == key:
            return correction
    return None


@dataclass(frozen=True, slots=True)
class Change:
    """A change of stance between two rounds in the corrected record."""

    key: str
    round: int
    stance: str
    previous_round: int
    previous_stances: tuple[str, ...]
    claim: Claim  # the (possibly corrected) claim of the new stance


def changes_in(found: Overlay) -> list[Change]:
    """Each change of stance in ``found`` (position claims by key and round): a round's stance
    that none of the previous recorded round's stances is."""
    by_key: dict[str, dict[int, list[Claim]]] = {}
    for claim in found.claims:
        if claim.kind == FactKind.POSITION and claim.round > 0:
            by_key.setdefault(claim.key, {}).setdefault(claim.round, []).append(claim)
    out: list[Change] = []
    for key, rounds in by_key.items():
        previous: tuple[int, tuple[str, ...]] | None = None
        for number in sorted(rounds):
            stances = tuple(dict.fromkeys(c.value for c in rounds[number]))
            changed: list[str] = []
            if previous is not None:
                for claim in rounds[number]:
                    stance = claim.value
                    if stance not in previous[1] and stance not in changed:
                        changed.append(stance)
                        out.append(Change(key, number, stance, previous[0], previous[1], claim))
            # what the side holds after the round: what it changed to, if it changed (`held_after`)
            previous = (number, tuple(changed) or stances)
    return out
