"""A thread per round: which channels want threads, and the thread of each (channel, round).

Thread messages go through the outbox like every post, at their own destination
``discord-thread:<channel id>:<round>`` (`thread_destination`), so they are leased, posted once
and retried like digests, and a worker that only knows ``discord:`` rows never sees them. The
thread itself is recorded here once started, so a restart posts into the same thread, and a
thread deleted on Discord is replaced by a new one recorded in its place.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Outbox, RoundThread, Subscription, utcnow

THREAD_PREFIX = "discord-thread:"
START_KEY = "thread:start"


def thread_destination(channel_id: int, round_number: int) -> str:
    """The outbox destination of the thread of ``round_number`` in ``channel_id``."""
    return f"{THREAD_PREFIX}{channel_id}:{round_number}"


def parse_thread_destination(destination: str) -> tuple[int, int] | None:
    """(channel id, round) of a thread destination; None for any other destination."""
    if not destination.startswith(THREAD_PREFIX):
        return None
    channel, _, number = destination[len(THREAD_PREFIX):].partition(":")
    if not (channel.isdigit() and number.isdigit()):
        return None
    return int(channel), int(number)


def source_line_key(entry_id: int) -> str:
    """The item key of the line a later source of a round posts in the round's thread."""
    return f"thread:source:{entry_id}"


async def set_threads(session: AsyncSession, channel_id: int, threads: bool) -> None:
    """Turn a thread per round on or off for a subscribed channel."""
    await session.exec(update(Subscription).where(col(Subscription.channel_id) == channel_id)
                       .values(threads=threads))


async def thread_of(session: AsyncSession, channel_id: int, round_number: int) -> RoundThread | None:
    """The recorded thread of a round in a channel, if one was started."""
    query = select(RoundThread).where(RoundThread.channel_id == channel_id, RoundThread.round == round_number)
    return (await session.exec(query)).first()


async def round_of_thread(session: AsyncSession, thread_id: int) -> int | None:
    """The round a recorded thread belongs to (for questions asked in it)."""
    query = select(RoundThread.round).where(RoundThread.thread_id == thread_id).limit(1)
    return (await session.exec(query)).first()


async def record_thread(session: AsyncSession, channel_id: int, round_number: int, thread_id: int,
                        message_id: int | None) -> None:
    """Record (or replace, after a deletion) the thread of a round in a channel."""
    row = await thread_of(session, channel_id, round_number)
    if row is None:
        row = RoundThread(channel_id=channel_id, round=round_number, thread_id=thread_id, message_id=message_id)
    else:
        row.thread_id, row.message_id, row.created_at = thread_id, message_id, utcnow()
    session.add(row)


async def digest_message(session: AsyncSession, channel_id: int, round_number: int) -> int | None:
    """The id of the message that holds round ``round_number``'s digest in ``channel_id``, once posted."""
    query = select(Outbox.message_id).where(Outbox.destination == f"discord:{channel_id}",
                                            Outbox.item_key == f"digest:round:{round_number}")
    return (await session.exec(query)).first()


async def start_row(session: AsyncSession, channel_id: int, round_number: int) -> Outbox | None:
    """The outbox row that starts (and names) the round's thread in a channel."""
    query = select(Outbox).where(Outbox.destination == thread_destination(channel_id, round_number),
                                 Outbox.item_key == START_KEY)
    return (await session.exec(query)).first()


# -- written by ingest, in its transaction ------------------------------------------------------


async def threaded_channels(session: AsyncSession, channel_ids: Sequence[int]) -> list[int]:
    """Which of these subscribed channels asked for a thread per round."""
    if not channel_ids:
        return []
    query = select(Subscription.channel_id).where(col(Subscription.channel_id).in_(list(channel_ids)),
                                                  col(Subscription.threads).is_(True))
    return sorted((await session.exec(query)).all())


async def digests_already_written(session: AsyncSession, item_key: str, destinations: Sequence[str]) -> set[str]:
    """The destinations that had this digest before (a new source there is a line in the thread)."""
    if not destinations:
        return set()
    query = select(Outbox.destination).where(Outbox.item_key == item_key,
                                             col(Outbox.destination).in_(list(destinations)))
    return set((await session.exec(query)).all())
