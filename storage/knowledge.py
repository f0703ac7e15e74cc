"""Knowledge-base repository: entries, facts, claims and story clusters.

Each function takes an open session (the one repository style, see `storage`), so the pipeline
can do all the work of one entry in one transaction: a crash loses at most the entry in hand, and a rerun redoes exactly that one.
Every lookup here goes through an index and reads a bounded number of rows, so ingesting the
10,000th entry costs what the 1,000th did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import func, insert, or_, type_coerce, update
from sqlalchemy.orm import load_only
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.sql.base import ExecutableOption
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.corrections import correction_stamp
from storage.kinds import FactKind, MatchKind
from storage.models import Claim, ClusterKey, Entry, Fact, JSONValue, StoryCluster, utcnow

SAMPLE_SOURCES = 8  # sources kept on a claim for display; the count keeps growing beyond
AFTER_ALL_ROUNDS = 1_000_000  # `stances_before` this: the latest round's stances


# -- entries ---------------------------------------------------------------------------------


async def known_guids(session: AsyncSession, guids: Sequence[str]) -> set[str]:
    """Which of these guids are stored (asked in chunks: SQLite limits bound parameters)."""
    found: set[str] = set()
    for start in range(0, len(guids), 500):
        chunk = list(guids[start : start + 500])
        found.update((await session.exec(select(Entry.guid).where(col(Entry.guid).in_(chunk)))).all())
    return found


async def entry_by_guid(session: AsyncSession, guid: str) -> Entry | None:
    return (await session.exec(select(Entry).where(Entry.guid == guid))).first()


async def entry_by_link(session: AsyncSession, link_norm: str) -> Entry | None:
    query = select(Entry).where(Entry.link_norm == link_norm).order_by(col(Entry.id)).limit(1)
    return (await session.exec(query)).first()


async def entry_by_content_hash(session: AsyncSession, content_hash: str) -> Entry | None:
    query = select(Entry).where(Entry.content_hash == content_hash).order_by(col(Entry.id)).limit(1)
    return (await session.exec(query)).first()


async def find_seen(
    session: AsyncSession, *, guid: str, link_norm: str | None, content_hash: str | None
) -> tuple[Entry | None, str]:
    """An entry stored before with this guid, normalised link or text hash, and which one matched
    ("same guid", "same link", "same text"), in one indexed query."""
    conditions = [col(Entry.guid) == guid]
    if link_norm:
        conditions.append(col(Entry.link_norm) == link_norm)
    if content_hash:
        conditions.append(col(Entry.content_hash) == content_hash)
    rows = (await session.exec(select(Entry).where(or_(*conditions)).order_by(col(Entry.id)).limit(5))).all()
    tests: tuple[tuple[str, Callable[[Entry], bool]], ...] = (
        ("same guid", lambda e: e.guid == guid),
        ("same link", lambda e: link_norm is not None and e.link_norm == link_norm),
        ("same text", lambda e: content_hash is not None and e.content_hash == content_hash),
    )
    for why, test in tests:
        found = next((e for e in rows if test(e)), None)
        if found is not None:
            return found, why
    return None, ""


async def entries_by_ids(session: AsyncSession, ids: Iterable[int], *, cited_only: bool = False) -> dict[int, Entry]:
    """Entries by id; ``cited_only`` loads just what a citation shows (title, link, outlet, time)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    query = select(Entry).where(col(Entry.id).in_(wanted))
    if cited_only:
        query = query.options(_cited())
    rows = await session.exec(query)
    return {e.id: e for e in rows.all() if e.id is not None}


async def facts_of_entry(session: AsyncSession, entry_id: int) -> list[Fact]:
    rows = await session.exec(select(Fact).where(Fact.entry_id == entry_id).order_by(col(Fact.id)))
    return list(rows.all())


async def facts_of_round(session: AsyncSession, round_number: int, *, key: str | None = None,
                         limit: int = 200) -> list[Fact]:
    """The facts sources stated about a round (of one key when given: a side's stance on an issue),
    in the order recorded, at most ``limit`` (the index on (round, kind, key) serves it)."""
    query = select(Fact).where(Fact.round == round_number)
    if key is not None:
        query = query.where(Fact.key == key)
    return list((await session.exec(query.order_by(col(Fact.id)).limit(limit))).all())


# What an answer shows of an entry; the stored text stays on disk (SQLite keeps it in overflow pages).
_CITED = ("id", "guid", "title", "link", "source", "published")


def _cited() -> ExecutableOption:
    return load_only(*(getattr(Entry, name) for name in _CITED), raiseload=True)


async def entries_in_round(session: AsyncSession, round_number: int, *, limit: int) -> tuple[int, list[Entry]]:
    """How many original entries report a round, and the first ``limit`` of them by publication
    (only the columns a citation needs)."""
    base = select(Entry).options(_cited()).where(Entry.round == round_number).where(col(Entry.duplicate_of).is_(None))
    total = (
        await session.exec(
            select(func.count())
            .select_from(Entry)
            .where(Entry.round == round_number)
            .where(col(Entry.duplicate_of).is_(None))
        )
    ).one()
    rows = await session.exec(base.order_by(col(Entry.published), col(Entry.id)).limit(limit))
    return int(total), list(rows.all())


async def latest_entries(session: AsyncSession, *, limit: int) -> list[Entry]:
    query = (
        select(Entry)
        .where(col(Entry.duplicate_of).is_(None))
        .order_by(col(Entry.published).desc(), col(Entry.id).desc())
        .limit(limit)
    )
    return list((await session.exec(query)).all())


async def count_entries(session: AsyncSession) -> int:
    """How many entries are stored (duplicates included)."""
    return int((await session.exec(select(func.count()).select_from(Entry))).one())


async def quarantined(session: AsyncSession, *, latest: int,
                      feed_ids: Sequence[int] | None = None) -> tuple[int, list[Entry]]:
    """How many entries are quarantined, and the ``latest`` most recent of them (each with its
    reason): of every feed, or of the feeds ``feed_ids`` (a guild's)."""
    where = [col(Entry.quarantine).is_not(None)]
    if feed_ids is not None:
        where.append(col(Entry.feed_id).in_(list(feed_ids)))
    count = (await session.exec(select(func.count()).select_from(Entry).where(*where))).one()
    if not count:
        return 0, []
    rows = await session.exec(select(Entry).where(*where).order_by(col(Entry.id).desc()).limit(latest))
    return int(count), list(rows.all())


async def knowledge_stamp(session: AsyncSession) -> int | None:
    """A number that changes whenever the knowledge base does, for caches of answers; None when
    the backend gives no such number cheaply.

    On SQLite it is the highest entry id: every ingest that changes a claim, a fact or an outbox
    row stores an entry in the same commit, entries are never deleted, and writers take the
    database lock in turn (``BEGIN IMMEDIATE``), so ids grow in commit order. One index probe.
    PostgreSQL hands out ids before commit, so a later id may commit first: no stamp there.
    Corrections count too: the stamp is the highest entry id plus the highest correction id, and
    both only grow (a correction and its undo are rows added, never updated), so their sum grows
    at every change of either.
    """
    connection = await session.connection()
    if connection.dialect.name != "sqlite":
        return None
    value = (await session.exec(select(func.max(Entry.id)))).one()
    return int(value or 0) + await correction_stamp(session)


# -- claims ------------------------------------------------------------------------------------


async def topic_claims(session: AsyncSession, topic: str) -> list[Claim]:
    """Every round's claims that a topic came up, or was not discussed (kinds ``topic``, ``not_discussed``)."""
    query = select(Claim).where(col(Claim.kind).in_(("topic", "not_discussed")), Claim.key == topic, Claim.round > 0)
    return list((await session.exec(query.order_by(col(Claim.round)))).all())


async def claims_of_round(
    session: AsyncSession, round_number: int, kinds: Sequence[str] | None = None, *, for_update: bool = False
) -> list[Claim]:
    """The claims of one round. ``for_update`` locks them (PostgreSQL) so two workers ingesting
    the same round count each source once; SQLite's write transactions are serial anyway."""
    query = select(Claim).where(Claim.round == round_number)
    if kinds:
        query = query.where(col(Claim.kind).in_(list(kinds)))
    if for_update:
        query = query.with_for_update()
    return list((await session.exec(query.order_by(col(Claim.id)))).all())


def new_claim(*, round_number: int, kind: str, key: str, value: Any, entry_id: int, status: str) -> Claim:
    """A claim on its first source (the caller adds it to the session)."""
    return Claim(
        round=round_number,
        kind=kind,
        key=key,
        value=value,
        source_count=1,
        first_entry_id=entry_id,
        sample_entry_ids=[entry_id],
        status=status,
    )


def add_source(claim: Claim, entry_id: int) -> bool:
    """One more source for a claim: the count grows, the first few are kept for display.

    Returns True when only the count changes (the claim already lists enough sources): the
    caller then counts it with `bump_source_counts`, one statement for all such claims.
    """
    samples = claim.sample_entry_ids
    if entry_id in samples:
        return False
    if len(samples) >= SAMPLE_SOURCES:
        set_committed_value(claim, "source_count", claim.source_count + 1)  # in memory; written in bulk
        return True
    claim.source_count += 1
    claim.sample_entry_ids = [*samples, entry_id]  # a new list: the change is seen and written
    claim.updated_at = utcnow()
    return False


async def bump_source_counts(session: AsyncSession, claim_ids: Sequence[int]) -> None:
    """One more source for each of these claims, in one UPDATE."""
    if claim_ids:
        await session.exec(
            update(Claim)
            .where(col(Claim.id).in_(list(claim_ids)))
            .values(source_count=Claim.source_count + 1, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )


async def claim_for(session: AsyncSession, round_number: int, kind: str, key: str, value: Any) -> Claim | None:
    # the value compared as JSON (a bare string would be compared as text, unquoted)
    same_value = col(Claim.value) == type_coerce(value, JSONValue)
    query = select(Claim).where(Claim.round == round_number, Claim.kind == kind, Claim.key == key, same_value)
    return (await session.exec(query)).first()


async def record_claim(
    session: AsyncSession, *, round_number: int, kind: str, key: str, value: Any, entry_id: int, status: str
) -> Claim:
    """The claim for this statement with one more source (created on its first source)."""
    claim = await claim_for(session, round_number, kind, key, value)
    if claim is None:
        claim = new_claim(round_number=round_number, kind=kind, key=key, value=value, entry_id=entry_id, status=status)
    else:
        add_source(claim, entry_id)
    session.add(claim)
    await session.flush()
    return claim


async def stances_before(session: AsyncSession, key: str, round_number: int) -> tuple[int | None, list[Claim]]:
    """The position claims of the latest round before ``round_number`` that has any for ``key``."""
    rows = (
        await session.exec(
            select(Claim)
            .where(Claim.kind == FactKind.POSITION, Claim.key == key, Claim.round < round_number, Claim.round > 0)
            .order_by(col(Claim.round).desc(), col(Claim.id))
            .limit(20)
        )
    ).all()
    if not rows:
        return None, []
    last = rows[0].round
    return last, [c for c in rows if c.round == last]


async def stances_outside_rounds_before(session: AsyncSession, key: str, entry_id: int) -> list[Fact]:
    """The position facts for ``key`` of the latest entry before ``entry_id`` that reported one
    outside any round: in a negotiation the profile numbers no sittings, the stance to compare a
    new one with."""
    rows = (
        await session.exec(
            select(Fact)
            .where(Fact.kind == FactKind.POSITION, Fact.key == key, col(Fact.round).is_(None), Fact.entry_id < entry_id)
            .order_by(col(Fact.entry_id).desc(), col(Fact.id))
            .limit(20)
        )
    ).all()
    return [f for f in rows if f.entry_id == rows[0].entry_id] if rows else []


async def position_claims(session: AsyncSession, *, actor: str | None = None) -> list[Claim]:
    """Every stance recorded (of one side when ``actor`` is given), by issue and round; a stance
    reported outside any round (a deal announced by a leader, a negotiation that numbers no
    sittings) has round 0."""
    query = select(Claim).where(Claim.kind == FactKind.POSITION)
    if actor:
        query = query.where(col(Claim.key).startswith(f"{actor}:"))
    return list((await session.exec(query.order_by(col(Claim.key), col(Claim.round), col(Claim.id)))).all())


async def tariff_claims(session: AsyncSession, *, sector: str | None = None) -> list[Claim]:
    """Every tariff rate recorded (for one sector when ``sector`` is given), by sector and round."""
    query = select(Claim).where(Claim.kind == FactKind.TARIFF)
    if sector:
        query = query.where(Claim.key == sector)
    return list((await session.exec(query.order_by(col(Claim.key), col(Claim.round), col(Claim.id)))).all())


async def recorded_rounds(session: AsyncSession) -> list[int]:
    rows = await session.exec(select(Claim.round).where(Claim.round > 0).distinct().order_by(col(Claim.round)))
    return [int(r) for r in rows.all()]


async def latest_round(session: AsyncSession) -> int | None:
    value = (await session.exec(select(func.max(Claim.round)).where(Claim.round > 0))).one()
    return int(value) if value is not None else None


async def changed_position_facts(session: AsyncSession, *, limit: int = 50) -> list[Fact]:
    query = select(Fact).where(Fact.match == MatchKind.CHANGED_POSITION).order_by(col(Fact.round), col(Fact.id)).limit(limit)
    return list((await session.exec(query)).all())


async def insert_facts(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many facts in one statement (rows are column dicts, ``created_at`` included)."""
    if rows:
        await session.exec(insert(Fact), params=list(rows))


async def first_fact_of_claim(session: AsyncSession, claim: Claim) -> Fact | None:
    query = select(Fact).where(Fact.claim_id == claim.id).order_by(col(Fact.id)).limit(1)
    return (await session.exec(query)).first()


# -- story clusters ----------------------------------------------------------------------------


async def cluster_candidates(session: AsyncSession, keys: Sequence[int], *, limit: int = 20) -> list[StoryCluster]:
    """Clusters sharing any of ``keys``, most recent first, at most ``limit`` (bounded work)."""
    if not keys:
        return []
    ids = (
        await session.exec(
            select(ClusterKey.cluster_id)
            .where(col(ClusterKey.key).in_(list(keys)))
            .distinct()
            .order_by(col(ClusterKey.cluster_id).desc())
            .limit(limit)
        )
    ).all()
    if not ids:
        return []
    rows = await session.exec(select(StoryCluster).where(col(StoryCluster.id).in_(list(ids))))
    return sorted(rows.all(), key=lambda c: -(c.id or 0))


async def new_cluster(
    session: AsyncSession, *, round_number: int | None, fingerprint: list[int], entry_id: int, keys: Sequence[int]
) -> StoryCluster:
    cluster = StoryCluster(round=round_number, fingerprint=fingerprint, first_entry_id=entry_id)
    session.add(cluster)
    await session.flush()
    assert cluster.id is not None  # given by the flush
    for key in sorted(set(keys)):
        session.add(ClusterKey(key=key, cluster_id=cluster.id))
    await session.flush()
    return cluster
