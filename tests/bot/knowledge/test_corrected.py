"""The record as corrected: a correction replaces its field's claims for its round, and changes
of position are read from the corrected record (pure functions, no database)."""

from __future__ import annotations

from bot.knowledge.corrected import changes_in, overlay
from storage.kinds import FactKind, MatchKind
from storage.models import Claim, Correction


def claim(number: int, kind: str, key: str, value: object, status: str = MatchKind.NEW) -> Claim:
    return Claim(round=number, kind=kind, key=key, value=value, first_entry_id=1, status=status)


def correction(number: int, field: str, value: object, key: str = "") -> Correction:
    return Correction(id=1, round=number, field=field, key=key, value=value, author_name="maya")


KEY = "Japan:us_tariffs"


def test_a_correction_replaces_its_fields_claims_of_its_round_only() -> None:
    claims = [claim(6, FactKind.DATE, "date", "2025-06-13"), claim(6, FactKind.DATE, "date", "2025-06-14"),
              claim(5, FactKind.DATE, "date", "2025-06-06"), claim(6, FactKind.TARIFF, "autos", 25),
              claim(6, FactKind.TARIFF, "steel", 50)]
    found = overlay(claims, [correction(6, "date", "2025-06-12"), correction(6, "tariffs", 15, "autos")])
    shown = {(c.round, c.kind, c.key, c.value) for c in found.claims}
    assert shown == {(6, "date", "date", "2025-06-12"), (5, "date", "date", "2025-06-06"),
                     (6, "tariff", "autos", 15), (6, "tariff", "steel", 50)}
    corrected = [c for c in found.claims if found.correction_of(c)]
    assert len(corrected) == 2 and all(c.status == MatchKind.CORRECTED for c in corrected)


def test_topics_said_to_be_discussed_are_no_longer_not_discussed() -> None:
    claims = [claim(6, FactKind.TOPIC, "energy", "energy"), claim(6, FactKind.NOT_DISCUSSED, "agriculture", "agriculture"),
              claim(6, FactKind.NOT_DISCUSSED, "defense", "defense")]
    found = overlay(claims, [correction(6, "topics", ["agriculture"])])
    assert {(c.kind, c.key) for c in found.claims} == {("topic", "agriculture"), ("not_discussed", "defense")}


def test_a_change_is_read_from_the_corrected_record() -> None:
    stances = [claim(4, FactKind.POSITION, KEY, "removal"),
               claim(5, FactKind.POSITION, KEY, "reduction", MatchKind.CHANGED_POSITION),
               claim(5, FactKind.POSITION, KEY, "removal"),
               claim(6, FactKind.POSITION, KEY, "removal", MatchKind.CHANGED_POSITION)]
    as_read = changes_in(overlay(stances, []))
    assert [(c.round, c.stance, c.previous_stances) for c in as_read] == [
        (5, "reduction", ("removal",)), (6, "removal", ("reduction",))]
    fixed = changes_in(overlay(stances, [correction(6, "position", "reduction", KEY)]))
    assert [(c.round, c.stance) for c in fixed] == [(5, "reduction")], "the round-6 change was a misreading"
