"""Subscriptions repository: the Discord channels that get digests, changes, or both.

Functions take the session they run in (see `storage` for why); `Store` offers each as a
method in a transaction of its own.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.kinds import SubscriptionKind
from storage.models import Subscription, utcnow


async def add_subscription(
    session: AsyncSession,
    *,
    guild_id: int | None,
    channel_id: int,
    kind: SubscriptionKind | str = SubscriptionKind.ALL,
    role_id: int | None = None,
    created_by: int | None = None,
) -> Subscription:
    """Subscribe a channel (or change and re-enable its subscription): one per channel."""
    if kind not in SubscriptionKind.values():
        raise ValueError(f"subscription kind must be one of {', '.join(SubscriptionKind.values())}, not {kind!r}")
    kind = SubscriptionKind(kind)
    sub = await subscription_for(session, channel_id)
    if sub is None:
        sub = Subscription(guild_id=guild_id, channel_id=channel_id, kind=kind, role_id=role_id, created_by=created_by)
    else:
        sub.guild_id, sub.kind, sub.role_id = guild_id, kind, role_id
        sub.created_by = created_by if created_by is not None else sub.created_by
        sub.disabled_at = sub.disabled_reason = None
    session.add(sub)
    return sub


async def remove_subscription(session: AsyncSession, channel_id: int) -> bool:
    """Unsubscribe a channel. True when there was a subscription."""
    sub = await subscription_for(session, channel_id)
    if sub is None:
        return False
    await session.delete(sub)
    return True


async def disable_subscription(session: AsyncSession, channel_id: int, reason: str) -> None:
    """Stop delivering to a channel Parley can no longer post in, keeping the row as a record."""
    await session.exec(
        update(Subscription)
        .where(col(Subscription.channel_id) == channel_id)
        .values(disabled_at=utcnow(), disabled_reason=reason)
    )


async def list_subscriptions(
    session: AsyncSession, *, guild_id: int | None = None, active_only: bool = True
) -> list[Subscription]:
    query = select(Subscription).order_by(col(Subscription.id))
    if guild_id is not None:
        query = query.where(Subscription.guild_id == guild_id)
    if active_only:
        query = query.where(col(Subscription.disabled_at).is_(None))
    return list((await session.exec(query)).all())


async def subscription_for(session: AsyncSession, channel_id: int) -> Subscription | None:
    """The subscription of one channel, enabled or not."""
    return (await session.exec(select(Subscription).where(Subscription.channel_id == channel_id))).first()
