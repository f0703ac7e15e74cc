"""Every fact `parley extract` reports carries the sentence it was read from, quoted from the article.

A reader (and `/why`) should be able to check any fact against the text: the scalars, each
participant, topic and not-discussed topic through the ``evidence`` map, and each meeting,
tariff and position through its own ``evidence`` field. Checked on every test article.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.extract import extract_entry
from bot.extract.profile import default_profile
from bot.feeds.parse import parse_feed
from bot.feeds.seedfeed import load_seeds, seed_feed_xml

ROOT = Path(__file__).resolve().parents[3]
FOLDERS = [ROOT / "seeds", *sorted(Path(__file__).parent.glob("heldout*"))]


def _words(text: str) -> str:
    return " ".join(text.split())


def facts_and_their_evidence(contract: dict[str, Any]) -> list[tuple[str, object]]:
    """(fact, evidence) for every fact of one `parley extract` object."""
    evidence = contract["evidence"]
    pairs: list[tuple[str, object]] = [
        (name, evidence.get(name))
        for name in ("round", "round_status", "date", "location")
        if contract[name] is not None
    ]
    for field, prefix in (("participants", "participant"), ("topics", "topic"), ("not_discussed", "not_discussed")):
        pairs += [(f"{prefix}:{value}", evidence.get(f"{prefix}:{value}")) for value in contract[field]]
    for field in ("meetings", "tariffs", "positions"):
        pairs += [(f"{field}: {item}", item.get("evidence")) for item in contract[field]]
    return pairs


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_fact_quotes_a_sentence_of_its_article(folder):
    texts = {a.guid: _words(f"{a.title} {a.text}") for a in load_seeds(folder)}
    profile = default_profile()
    checked = 0
    for entry in parse_feed(seed_feed_xml(folder).encode()).entries:
        contract = extract_entry(entry, profile).to_contract()
        for fact, sentence in facts_and_their_evidence(contract):
            assert isinstance(sentence, str) and sentence.strip(), f"{entry.guid}: {fact} has no evidence"
            assert _words(sentence) in texts[entry.guid], f"{entry.guid}: {fact}: {sentence!r} is not in the article"
            checked += 1
    assert checked > 20


def test_meetings_tariffs_and_positions_keep_their_contract_fields_and_add_evidence():
    entries = parse_feed(seed_feed_xml(ROOT / "seeds").encode()).entries
    contracts = [extract_entry(entry, default_profile()).to_contract() for entry in entries]
    meetings = [m for c in contracts for m in c["meetings"]]
    tariffs = [t for c in contracts for t in c["tariffs"]]
    positions = [p for c in contracts for p in c["positions"]]
    assert meetings and tariffs and positions
    assert all(set(m) == {"with", "minutes", "evidence"} for m in meetings)
    assert all(set(t) == {"sector", "rate", "evidence"} for t in tariffs)
    assert all(set(p) == {"actor", "issue", "stance", "evidence"} for p in positions)
    meeting = next(m for m in meetings if m["minutes"] == 130)
    assert "130-minute" in meeting["evidence"]
