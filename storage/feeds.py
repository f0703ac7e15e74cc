"""Feeds repository: the feeds Parley polls, who follows each, and their polling state.

A feed is followed by Parley's operator (``feed.operator``: `parley feeds add`, ``FEEDS``) and/or
by Discord servers (one ``feed_guild`` row each). The same URL added by two servers is one feed,
fetched once; each server holds its own row, sees only the feeds it holds and removes only its
own hold (`unfollow_feed`); a feed that nobody follows any more is removed. The operator sees
every feed and may remove any (`remove_feed`).

Functions take the session they run in (see `storage` for why); `Store` offers each as a
method in a transaction of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, or_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Entry, Feed, FeedGuild, utcnow

FEED_STATE_FIELDS = frozenset(Feed.model_fields) - {"id", "url", "added_at", "operator"}


async def add_feed(session: AsyncSession, url: str, *, title: str | None = None, guild_id: int | None = None,
                   added_by: int | None = None) -> Feed:
    """The feed with this URL, added if new, now followed by ``guild_id`` (or, without one, by the
    operator). Adding twice is harmless."""
    feed = (await session.exec(select(Feed).where(Feed.url == url))).first()
    if feed is None:
        feed = Feed(url=url, title=title, operator=guild_id is None)
        session.add(feed)
        await session.flush()
    elif guild_id is None and not feed.operator:
        feed.operator = True
        session.add(feed)
    if guild_id is not None:
        assert feed.id is not None  # flushed above
        if not await follows(session, feed.id, guild_id):
            session.add(FeedGuild(feed_id=feed.id, guild_id=guild_id, added_by=added_by))
            await session.flush()
    return feed


async def follows(session: AsyncSession, feed_id: int, guild_id: int) -> bool:
    """Whether the guild follows the feed."""
    query = select(FeedGuild.id).where(FeedGuild.feed_id == feed_id, FeedGuild.guild_id == guild_id)
    return (await session.exec(query)).first() is not None


async def unfollow_feed(session: AsyncSession, feed_id: int, guild_id: int) -> bool:
    """Drop one guild's hold on a feed; the feed itself goes when nobody follows it any more.
    False when the guild did not follow it."""
    held = await session.exec(
        select(FeedGuild).where(FeedGuild.feed_id == feed_id, FeedGuild.guild_id == guild_id)
    )
    link = held.first()
    if link is None:
        return False
    await session.delete(link)
    await session.flush()
    feed = await session.get(Feed, feed_id)
    if feed is not None and not feed.operator and not await guilds_of(session, feed_id):
        await session.delete(feed)
    return True


async def remove_feed(session: AsyncSession, feed_id: int) -> bool:
    """Remove a feed for everyone (the operator's command): its guilds' holds go with it."""
    feed = await session.get(Feed, feed_id)
    if feed is None:
        return False
    await session.exec(delete(FeedGuild).where(col(FeedGuild.feed_id) == feed_id))
    await session.delete(feed)
    return True


async def guilds_of(session: AsyncSession, feed_id: int) -> list[int]:
    """The guilds that follow a feed."""
    query = select(FeedGuild.guild_id).where(FeedGuild.feed_id == feed_id).order_by(col(FeedGuild.id))
    return list((await session.exec(query)).all())


async def follower_counts(session: AsyncSession) -> dict[int, int]:
    """How many guilds follow each feed that any guild follows (feed id → count)."""
    query = select(FeedGuild.feed_id, func.count()).group_by(col(FeedGuild.feed_id))
    return {feed_id: int(n) for feed_id, n in (await session.exec(query)).all()}


async def count_operator_only(session: AsyncSession, guild_id: int) -> int:
    """Feeds the operator follows that ``guild_id`` does not (a guild is told how many, never which)."""
    theirs = select(FeedGuild.feed_id).where(FeedGuild.guild_id == guild_id)
    query = select(func.count()).select_from(Feed).where(col(Feed.operator).is_(True),
                                                         col(Feed.id).not_in(theirs))
    return int((await session.exec(query)).one())


async def hand_over(session: AsyncSession, feed_id: int, to_url: str) -> None:
    """Whoever follows ``feed_id`` follows the feed at ``to_url`` too (the first moved permanently
    to the second, which was already followed)."""
    target = await get_feed_by_url(session, to_url)
    source = await session.get(Feed, feed_id)
    if target is None or source is None or target.id is None:
        return
    for guild_id in await guilds_of(session, feed_id):
        if not await follows(session, target.id, guild_id):
            session.add(FeedGuild(feed_id=target.id, guild_id=guild_id))
    if source.operator and not target.operator:
        target.operator = True
        session.add(target)
    await session.flush()


async def get_feed(session: AsyncSession, feed_id: int) -> Feed | None:
    return await session.get(Feed, feed_id)


async def get_feed_by_url(session: AsyncSession, url: str) -> Feed | None:
    return (await session.exec(select(Feed).where(Feed.url == url))).first()


async def list_feeds(session: AsyncSession, *, include_disabled: bool = True,
                     guild_id: int | None = None) -> list[Feed]:
    """Every feed (the operator's view), or only those ``guild_id`` follows."""
    query = select(Feed).order_by(col(Feed.id))
    if guild_id is not None:
        query = query.where(col(Feed.id).in_(select(FeedGuild.feed_id).where(FeedGuild.guild_id == guild_id)))
    if not include_disabled:
        query = query.where(col(Feed.disabled_at).is_(None))
    return list((await session.exec(query)).all())


async def due_feeds(session: AsyncSession, now: datetime | None = None) -> list[Feed]:
    """Enabled feeds whose next poll time has come (or was never set)."""
    now = now or utcnow()
    query = (
        select(Feed)
        .where(col(Feed.disabled_at).is_(None))
        .where(or_(col(Feed.next_poll_at).is_(None), col(Feed.next_poll_at) <= now))
        .order_by(col(Feed.id))
    )
    return list((await session.exec(query)).all())


def _check_state_fields(names: Sequence[str] | frozenset[str] | set[str]) -> None:
    unknown = set(names) - FEED_STATE_FIELDS
    if unknown:
        raise ValueError(f"not feed state columns: {', '.join(sorted(unknown))}")


async def update_feed_state(session: AsyncSession, feed_id: int, **changes: Any) -> Feed:
    """Set polling state columns (etag, failures, next_poll_at, initialized...) of one feed."""
    _check_state_fields(set(changes))
    feed = await session.get(Feed, feed_id)
    if feed is None:
        raise KeyError(f"no feed with id {feed_id}")
    for name, value in changes.items():
        setattr(feed, name, value)
    session.add(feed)
    return feed


async def update_feeds_state(session: AsyncSession, changes: Mapping[int, Mapping[str, Any]]) -> None:
    """`update_feed_state` for many feeds at once: one executemany per shape of change (the poller's
    cycle over thousands of feeds writes their state in a few statements)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for feed_id, change in changes.items():
        _check_state_fields(set(change))
        groups.setdefault(tuple(sorted(change)), []).append({"feed_id": feed_id, **change})
    table = Feed.__table__  # type: ignore[attr-defined]  # SQLModel declares no __table__ on the class
    connection = await session.connection()
    for columns, rows in groups.items():
        statement = update(table).where(table.c.id == bindparam("feed_id")).values(
            {name: bindparam(name) for name in columns}
        )
        await connection.execute(statement, rows)


async def move_feed(session: AsyncSession, feed_id: int, new_url: str) -> bool:
    """Give a feed its new URL (a permanent redirect); False when the feed is gone. Raises
    `storage.Conflict` when another feed already has that URL."""
    feed = await session.get(Feed, feed_id)
    if feed is None:
        return False
    feed.url = new_url
    session.add(feed)
    await session.flush()
    return True


async def recent_guids(session: AsyncSession, feed_id: int, *, limit: int) -> list[str]:
    """The guids of the feed's latest ``limit`` stored entries, newest first."""
    query = select(Entry.guid).where(Entry.feed_id == feed_id).order_by(col(Entry.id).desc()).limit(limit)
    return list((await session.exec(query)).all())


async def sync_env_feeds(session: AsyncSession, urls: Sequence[str], *,
                         dropped_reason: str) -> tuple[list[str], list[str], list[str]]:
    """Make the feeds marked ``from_env`` exactly ``urls`` (in the caller's transaction).

    New URLs are added (marked); a marked feed not in ``urls`` is disabled with
    ``dropped_reason``; one disabled for that reason and listed again is enabled. Feeds not
    marked are left alone. Returns the URLs (added, enabled, dropped).
    """
    wanted = list(dict.fromkeys(urls))
    added: list[str] = []
    enabled: list[str] = []
    dropped: list[str] = []
    query = select(Feed).where(or_(col(Feed.url).in_(wanted), col(Feed.from_env).is_(True)))
    known = {f.url: f for f in (await session.exec(query)).all()}
    for url in wanted:
        feed = known.get(url)
        if feed is None:
            session.add(Feed(url=url, from_env=True, operator=True))
            added.append(url)
            continue
        feed.from_env = feed.operator = True
        if feed.disabled_at is not None and feed.disabled_reason == dropped_reason:
            feed.disabled_at = feed.disabled_reason = None
            enabled.append(url)
        session.add(feed)
    for url, feed in known.items():
        if url not in wanted and feed.from_env and feed.disabled_at is None:
            feed.disabled_at, feed.disabled_reason, feed.next_poll_at = utcnow(), dropped_reason, None
            session.add(feed)
            dropped.append(url)
    return added, enabled, dropped
