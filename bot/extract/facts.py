"""The facts found in one article, in the shape `parley extract --json` prints (docs/interfaces.md).

Every fact keeps the sentence it came from (``evidence``), so the knowledge base can show a
reader why Parley believes it. ``to_contract()`` gives the JSON object `parley extract` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Meeting:
    """One in-person sitting: who the tracked side's negotiator met, and for how long."""

    with_: tuple[str, ...]
    minutes: int | None
    evidence: str = ""

    def to_contract(self) -> dict[str, Any]:
        return {"with": list(self.with_), "minutes": self.minutes, "evidence": self.evidence}


@dataclass(frozen=True, slots=True)
class Tariff:
    sector: str
    rate: float
    evidence: str = ""

    def to_contract(self) -> dict[str, Any]:
        rate: float | int = int(self.rate) if float(self.rate).is_integer() else self.rate
        return {"sector": self.sector, "rate": rate, "evidence": self.evidence}


@dataclass(frozen=True, slots=True)
class Position:
    actor: str
    issue: str
    stance: str
    evidence: str = ""

    def to_contract(self) -> dict[str, Any]:
        return {"actor": self.actor, "issue": self.issue, "stance": self.stance, "evidence": self.evidence}


@dataclass(slots=True)
class ArticleFacts:
    """Everything extracted from one feed entry."""

    id: str
    relevant: bool = False
    round: int | None = None
    round_status: str | None = None
    date: str | None = None
    location: str | None = None
    participants: list[str] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    not_discussed: list[str] = field(default_factory=list)
    tariffs: list[Tariff] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    # Sentence that supports each scalar / list fact, keyed by field (and value for lists).
    evidence: dict[str, str] = field(default_factory=dict)

    def to_contract(self) -> dict[str, Any]:
        """The JSON object of `parley extract` (docs/interfaces.md), plus ``next_steps`` and an ``evidence`` map."""
        return {
            "id": self.id,
            "relevant": self.relevant,
            "round": self.round,
            "round_status": self.round_status,
            "date": self.date,
            "location": self.location,
            "participants": list(self.participants),
            "meetings": [m.to_contract() for m in self.meetings],
            "topics": list(self.topics),
            "not_discussed": list(self.not_discussed),
            "tariffs": [t.to_contract() for t in self.tariffs],
            "positions": [p.to_contract() for p in self.positions],
            "next_steps": list(self.next_steps),
            "evidence": dict(self.evidence),
        }
