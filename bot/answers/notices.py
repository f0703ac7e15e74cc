"""Notices about Parley's own work, posted to the subscribed channels through the outbox.

A feed that fails for good (``410 Gone``, or too many failures in a row; `bot.feeds.policy`)
is disabled by the poller. As MonitoRSS does, the channels are told once: which feed, why, and
how to follow it again. A feed belongs to the servers that follow it (`storage.feeds`), so the
notice goes to every active subscription of those servers, whatever its kind, and to no other
server. A feed only the operator follows is the operator's to mend: it is logged (and shown by
`parley feeds list` and `parley poll`), not posted.

"Once" is the outbox's unique (destination, item key): the key names the feed and the moment
it was disabled, ``notice:feed-disabled:<feed id>:<disabled_at ISO>``, and the row is written
only if absent (`storage.outbox.add_once`). A second report of the same disabling writes
nothing; a feed re-enabled (``/feed add``) and disabled again gets a new notice.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.answers.answer import Answer, AnswerField
from bot.answers.digests import to_payload
from bot.chat.chatops import when
from bot.masking import mask_url, mask_urls_in
from storage.kinds import OutboxKind
from storage.models import as_utc
from storage.outbox import discord_destination

if TYPE_CHECKING:
    from bot.feeds.polling import PollOutcome
    from storage import Store
    from storage.models import Feed

log = logging.getLogger(__name__)

NOTICE_KIND = OutboxKind.NOTICE


def feed_disabled_key(feed: Feed) -> str:
    """The outbox item key of the notice for this disabling of ``feed``."""
    disabled_at = as_utc(feed.disabled_at)
    assert disabled_at is not None, "the feed is not disabled"
    return f"notice:feed-disabled:{feed.id}:{disabled_at.isoformat()}"


def feed_disabled_answer(feed: Feed) -> Answer:
    """What the channels are told: the feed, why it was disabled, how to follow it again.

    The URL is masked (`bot.masking`): a notice goes to every subscribed channel, and a feed's
    token must not. So the way back names the feed by number and asks for its full address,
    which whoever added it has."""
    shown = mask_url(feed.url)
    return Answer(
        title=f"Feed disabled: {feed.title or shown}"[:256],
        description=(
            f"Parley stopped polling {shown} {when(feed.disabled_at)} and posts nothing new from it.\n"
            f"To follow it again once it works, someone with Manage Server runs /feed add with the address "
            f"of feed #{feed.id} — that re-enables it and resets its failures."
        ),
        fields=[
            AnswerField("Feed", f"#{feed.id} {shown}"),
            AnswerField("Why", mask_urls_in(feed.disabled_reason or "no reason recorded")),
        ],
        footer="This notice is posted once in each subscribed channel.",
    )


async def notify_feed_disabled(store: Store, feed_id: int | None) -> int:
    """Queue the notice that feed ``feed_id`` is disabled for every active subscription of the
    servers that follow it; returns how many rows were written (0 when the feed is not disabled,
    no server follows it, or every channel has it already)."""
    if feed_id is None:
        return 0
    feed = await store.get_feed(feed_id)
    if feed is None or feed.disabled_at is None:
        return 0
    guilds = set(await store.guilds_of(feed_id))
    subscriptions = [s for s in await store.list_subscriptions(active_only=True) if s.guild_id in guilds]
    if not subscriptions:
        log.warning("feed %s disabled (%s); no server follows it, no notice posted", feed.url, feed.disabled_reason)
        return 0
    payload = to_payload(feed_disabled_answer(feed))
    payloads = {discord_destination(sub.channel_id): payload for sub in subscriptions}
    written = await store.add_once(item_key=feed_disabled_key(feed), kind=NOTICE_KIND, payloads=payloads)
    if written:
        log.info("feed %s disabled (%s): notice queued for %d channels", feed.url, feed.disabled_reason, written)
    return written


async def after_poll(store: Store, outcome: PollOutcome) -> int:
    """What the bot does with a poll's outcome (the scheduler's ``on_outcome``): a poll that
    disabled its feed queues the notice. Returns the rows written."""
    if getattr(outcome, "kind", None) != "disabled":
        return 0
    return await notify_feed_disabled(store, getattr(outcome, "feed_id", None))
