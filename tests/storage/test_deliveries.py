"""Leasing outbox rows to delivery workers (`storage.outbox.claim_due`), on SQLite and PostgreSQL.

The one way rows are leased: a row goes to one worker at a time, comes back when the lease
runs out (a crashed worker), and is retried after a failure only once its retry time passed.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.answers.answer import Answer
from bot.answers.digests import to_payload
from storage import Store
from storage.models import Outbox, as_utc, utcnow
from storage.outbox import channel_of, discord_destination


async def add_rows(store: Store, n: int, destination: str = "discord:1", prefix: str = "digest:round:") -> list[int]:
    ids = []
    async with store.transaction() as session:
        for i in range(n):
            row = Outbox(destination=destination, item_key=f"{prefix}{i}", kind="digest",
                         payload=to_payload(Answer(title=f"Round {i}")))
            session.add(row)
            await session.flush()
            ids.append(row.id)
    return ids


async def test_claims_lease_rows_to_one_worker_at_a_time_oldest_first(store: Store) -> None:
    await add_rows(store, 3)
    await add_rows(store, 1, destination="console", prefix="console:")
    first = await store.claim_due("worker-a", limit=2)
    second = await store.claim_due("worker-b", limit=5)
    assert [r.item_key for r in first] == ["digest:round:0", "digest:round:1"]
    assert [r.item_key for r in second] == ["digest:round:2"]  # the console row is not Discord's
    assert {r.claimed_by for r in first} == {"worker-a"} and second[0].claimed_by == "worker-b"
    assert await store.claim_due("worker-c") == []


async def test_two_workers_claiming_at_once_get_disjoint_rows(store: Store) -> None:
    await add_rows(store, 30)
    async with Store(store.database_url) as other:
        results = await asyncio.gather(*(s.claim_due(f"w{i}", limit=7) for i, s in enumerate([store, other] * 3)))
    claimed = [r.id for rows in results for r in rows]
    assert len(claimed) == len(set(claimed)) == 30


async def test_a_leased_row_comes_back_only_when_its_lease_ran_out(store: Store) -> None:
    (row_id,) = await add_rows(store, 1)
    now = utcnow()
    assert [r.id for r in await store.claim_due("a", lease_seconds=60, now=now)] == [row_id]
    assert await store.claim_due("b", now=now + timedelta(seconds=30)) == []
    (again,) = await store.claim_due("b", now=now + timedelta(seconds=61))
    assert (again.id, again.claimed_by) == (row_id, "b")
    # The new lease counts from the re-claim: the first worker cannot take it back meanwhile.
    assert await store.claim_due("a", now=now + timedelta(seconds=90)) == []


async def test_expired_leases_are_reclaimed_by_one_worker_each(store: Store) -> None:
    await add_rows(store, 12)
    now = utcnow()
    assert len(await store.claim_due("crashed", limit=12, lease_seconds=60, now=now)) == 12
    later = now + timedelta(minutes=5)
    async with Store(store.database_url) as other:
        results = await asyncio.gather(*(s.claim_due(f"w{i}", limit=4, now=later)
                                         for i, s in enumerate([store, other] * 2)))
    claimed = [r.id for rows in results for r in rows]
    assert len(claimed) == len(set(claimed)) == 12
    assert all(r.claimed_by != "crashed" for rows in results for r in rows)


async def test_failed_rows_retry_later_and_dead_rows_never(store: Store) -> None:
    await add_rows(store, 2, prefix="alert:")
    a, b = await store.claim_due("w")
    retry_at = utcnow() + timedelta(minutes=1)
    await store.mark_failed(a.id, "HTTP 503\nService Unavailable", retry_at=retry_at)
    await store.mark_failed(b.id, "HTTP 403 Missing Access", dead=True)
    assert await store.claim_due("w") == []
    (again,) = await store.claim_due("w", now=retry_at + timedelta(seconds=1), lease_seconds=1)
    assert (again.item_key, again.attempts, again.last_error) == ("alert:0", 1, "HTTP 503")


async def test_a_delivered_row_is_claimed_again_only_when_it_gains_a_revision(store: Store) -> None:
    (row_id,) = await add_rows(store, 1)
    (row,) = await store.claim_due("w")
    await store.mark_delivered(row_id, row.revision, message_id=555)
    assert await store.claim_due("w") == []
    async with store.transaction() as session:  # a later source: what the pipeline does
        stored = await session.get(Outbox, row_id)
        stored.revision, stored.status = 2, "pending"
        session.add(stored)
    (edit,) = await store.claim_due("w")
    assert (edit.message_id, edit.delivered_revision, edit.revision) == (555, 1, 2)


async def test_only_discord_rows_that_are_due_are_claimed(store: Store) -> None:
    await add_rows(store, 1, destination="console")
    (later,) = await add_rows(store, 1, destination="discord:2")
    async with store.transaction() as session:
        row = await session.get(Outbox, later)
        row.next_attempt_at = utcnow() + timedelta(minutes=5)
        session.add(row)
    assert await store.claim_due("a") == []


async def test_giving_up_a_destination_marks_its_rows_dead_and_status_counts_them(store: Store) -> None:
    await add_rows(store, 3, destination="discord:9")
    assert await store.give_up_destination("discord:9", "Missing Access to channel 9") == 3
    summary = await store.delivery_summary()
    assert summary.counts == {"dead": 3}
    assert summary.last_errors[0] == ("discord:9", "Missing Access to channel 9")


async def test_a_one_off_item_is_written_once_per_destination_and_never_revised(store: Store) -> None:
    payloads = {"discord:1": {"v": 1}, "discord:2": {"v": 1}}
    assert await store.add_once(item_key="notice:x", kind="notice", payloads=payloads) == 2
    (row_id, _) = [r.id for r in await store.outbox_items()]
    await store.mark_delivered(row_id, 1, message_id=7)
    changed = {"discord:1": {"v": 2}, "discord:2": {"v": 2}, "discord:3": {"v": 2}}
    assert await store.add_once(item_key="notice:x", kind="notice", payloads=changed) == 1  # only the new channel
    rows = {r.destination: r for r in await store.outbox_items()}
    assert (rows["discord:1"].payload, rows["discord:1"].revision, rows["discord:1"].status) == ({"v": 1}, 1,
                                                                                                  "delivered")
    assert (rows["discord:3"].kind, rows["discord:3"].status, rows["discord:3"].revision) == ("notice", "pending", 1)
    assert await store.add_once(item_key="notice:x", kind="notice", payloads={}) == 0


async def test_two_writers_of_one_off_items_write_each_row_once(store: Store) -> None:
    payloads: dict[str, dict[str, int]] = {f"discord:{n}": {} for n in range(10)}
    async with Store(store.database_url) as other:
        written = await asyncio.gather(*(s.add_once(item_key="notice:y", kind="notice", payloads=payloads)
                                         for s in [store, other] * 2))
    assert sum(written) == 10 and len(await store.outbox_items()) == 10


def test_destinations_name_channels() -> None:
    assert discord_destination(42) == "discord:42" and channel_of("discord:42") == 42
    assert channel_of("console") is None and channel_of("discord:x") is None


async def test_every_claim_gives_a_new_lease_token_and_only_its_holder_may_mark_the_row(store: Store) -> None:
    (row_id,) = await add_rows(store, 1)
    now = utcnow()
    (stale,) = await store.claim_due("slow", lease_seconds=60, now=now)
    (current,) = await store.claim_due("fast", now=now + timedelta(seconds=61))
    assert current.lease_token == stale.lease_token + 1
    assert await store.mark_delivered(row_id, 1, message_id=111, lease_token=stale.lease_token) is False
    assert await store.mark_failed(row_id, "late", dead=True, lease_token=stale.lease_token) is False
    assert (await store.outbox_row(row_id)).status == "pending"  # type: ignore[union-attr]
    assert await store.mark_delivered(row_id, 1, message_id=222, lease_token=current.lease_token) is True
    done = await store.outbox_row(row_id)
    assert done is not None and (done.status, done.message_id) == ("delivered", 222)


async def test_leases_are_renewed_only_by_their_holder_while_it_holds_them(store: Store) -> None:
    first, second = await add_rows(store, 2)
    now = utcnow()
    rows = await store.claim_due("w", lease_seconds=10, now=now)
    leases = {r.id: r.lease_token for r in rows if r.id is not None}
    later = now + timedelta(seconds=8)
    assert await store.renew_leases("w", leases, lease_seconds=10, now=later) == {first, second}
    assert await store.claim_due("other", now=now + timedelta(seconds=15)) == [], "renewed to 18 s"
    (taken,) = await store.claim_due("other", limit=1, now=now + timedelta(seconds=19))
    assert await store.renew_leases("w", leases, lease_seconds=10, now=now + timedelta(seconds=19)) == {second}
    assert await store.renew_leases("w", {taken.id: taken.lease_token}, now=later) == set(), "not w's lease"


async def test_a_post_may_begin_only_under_the_current_lease_and_its_first_time_is_kept(store: Store) -> None:
    (row_id,) = await add_rows(store, 1)
    now = utcnow()
    (row,) = await store.claim_due("w", lease_seconds=10, now=now)
    assert await store.begin_post(row_id, "w", row.lease_token, lease_seconds=10, now=now) is True
    (retaken,) = await store.claim_due("v", now=now + timedelta(seconds=11))
    assert await store.begin_post(row_id, "w", row.lease_token, now=now + timedelta(seconds=11)) is False
    assert await store.begin_post(row_id, "v", retaken.lease_token, now=now + timedelta(seconds=12)) is True
    started = (await store.outbox_row(row_id)).post_started_at  # type: ignore[union-attr]
    assert started is not None and abs((as_utc(started) - now).total_seconds()) < 0.001  # type: ignore[operator]
    await store.mark_delivered(row_id, 1, message_id=5, lease_token=retaken.lease_token)
    assert (await store.outbox_row(row_id)).post_started_at is None  # type: ignore[union-attr]
