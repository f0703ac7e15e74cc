"""The kinds and statuses stored in the tables, as string enums.

They are `StrEnum`s so that a value *is* its stored string: rows written before these types
existed read back unchanged, ``claim.kind == FactKind.POSITION`` holds for a plain ``"position"``
read from the database, and the JSON of `parley extract` is untouched. The columns stay plain
strings (no database enum type), so adding a kind needs no migration.
"""

from __future__ import annotations

from enum import StrEnum


class _Values(StrEnum):
    @classmethod
    def values(cls) -> tuple[str, ...]:
        """The stored strings, in declaration order (for messages and choices)."""
        return tuple(member.value for member in cls)


class FactKind(_Values):
    """What a fact (and the claim it supports) is about."""

    ROUND_STATUS = "round_status"
    DATE = "date"
    LOCATION = "location"
    PARTICIPANT = "participant"
    MEETING = "meeting"
    TOPIC = "topic"
    NOT_DISCUSSED = "not_discussed"
    TARIFF = "tariff"
    POSITION = "position"
    NEXT_STEP = "next_step"


class MatchKind(_Values):
    """How a new fact relates to the claims already recorded (`bot.knowledge.matching`)."""

    NEW = "new"
    CORROBORATED = "corroborated"
    CONFLICTING = "conflicting"
    CHANGED_POSITION = "changed_position"
    CORRECTED = "corrected"  # a claim stated by a correction of the team, not by a source (never stored)


class SubscriptionKind(_Values):
    """What a subscribed channel gets."""

    DIGESTS = "digests"
    CHANGES = "changes"
    ALL = "all"


class OutboxKind(_Values):
    """What an outbox row carries."""

    DIGEST = "digest"
    ALERT = "alert"
    NOTICE = "notice"
    THREAD = "thread"  # a round thread: its start, or a line for a later source


class OutboxStatus(_Values):
    """Where an outbox row is in its delivery."""

    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"
    DEAD = "dead"


UNDELIVERED = (OutboxStatus.PENDING, OutboxStatus.FAILED)
