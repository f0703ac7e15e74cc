"""The pieces of exactly-once delivery that need no Discord: leasing rows, nonces, back-off."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.answers import Answer
from bot.delivery import BACKOFF_MAX_SECONDS, backoff, nonce_for
from bot.digests import to_payload
from storage import Store
from storage.deliveries import channel_of, claim_due, delivery_summary, discord_destination, give_up_destination
from storage.models import Outbox, utcnow


async def add_rows(store: Store, n: int, destination: str = "discord:1") -> list[int]:
    ids = []
    async with store.transaction() as session:
        for i in range(n):
            row = Outbox(destination=destination, item_key=f"digest:round:{i}", kind="digest",
                         payload=to_payload(Answer(title=f"Round {i}")))
            session.add(row)
            await session.flush()
            ids.append(row.id)
    return ids


async def test_two_workers_claiming_at_once_get_disjoint_rows(store: Store) -> None:
    await add_rows(store, 30)
    async with Store(store.database_url) as other:
        results = await asyncio.gather(*(claim_due(s, f"w{i}", limit=7) for i, s in enumerate([store, other] * 3)))
    claimed = [r.id for rows in results for r in rows]
    assert len(claimed) == len(set(claimed)) == 30


async def test_a_leased_row_comes_back_only_when_its_lease_ran_out(store: Store) -> None:
    (row_id,) = await add_rows(store, 1)
    now = utcnow()
    assert [r.id for r in await claim_due(store, "a", lease_seconds=60, now=now)] == [row_id]
    assert await claim_due(store, "b", now=now + timedelta(seconds=30)) == []
    (again,) = await claim_due(store, "b", now=now + timedelta(seconds=61))
    assert again.claimed_by == "b"


async def test_only_discord_rows_that_are_due_are_claimed(store: Store) -> None:
    await add_rows(store, 1, destination="console")
    (later,) = await add_rows(store, 1, destination="discord:2")
    async with store.transaction() as session:
        row = await session.get(Outbox, later)
        row.next_attempt_at = utcnow() + timedelta(minutes=5)
        session.add(row)
    assert await claim_due(store, "a") == []


async def test_giving_up_a_destination_marks_its_rows_dead_and_status_counts_them(store: Store) -> None:
    await add_rows(store, 3, destination="discord:9")
    assert await give_up_destination(store, "discord:9", "Missing Access to channel 9") == 3
    summary = await delivery_summary(store)
    assert summary.counts == {"dead": 3}
    assert summary.last_errors[0] == ("discord:9", "Missing Access to channel 9")


def test_destinations_name_channels() -> None:
    assert discord_destination(42) == "discord:42" and channel_of("discord:42") == 42
    assert channel_of("console") is None and channel_of("discord:x") is None


def test_a_rows_nonce_is_stable_short_and_distinct() -> None:
    a = Outbox(destination="discord:1", item_key="digest:round:5", kind="digest", payload="{}")
    b = Outbox(destination="discord:2", item_key="digest:round:5", kind="digest", payload="{}")
    assert nonce_for(a) == nonce_for(a) and nonce_for(a) != nonce_for(b)
    assert len(nonce_for(a)) <= 25  # Discord's limit


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff(n) for n in (1, 2, 3)] == [5, 10, 20]
    assert backoff(30) == BACKOFF_MAX_SECONDS
