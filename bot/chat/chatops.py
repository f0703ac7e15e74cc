"""The chat-ops side of the bot as plain functions: subscriptions, feeds and status, each → `Answer`.

Why not in the cogs: cogs only parse an interaction and render; the rules (which URLs are
acceptable feeds, what a subscription of a kind means, what ``/status`` reports) live here,
where they can be tested without Discord and reused by other faces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.answers import queries
from bot.answers.answer import Answer, AnswerField
from bot.answers.queries import check_round, recorded_rounds
from bot.config import Settings
from bot.errors import UserError
from bot.feeds.guard import FeedUrlError, canonical_feed_url
from bot.masking import mask_url, mask_urls_in
from storage.kinds import SubscriptionKind
from storage.models import as_utc

if TYPE_CHECKING:
    from bot.extract.profile import Profile
    from bot.feeds.scheduler import FeedScheduler
    from storage import Store
    from storage.models import Feed

SUBSCRIPTION_KINDS = {
    SubscriptionKind.DIGESTS: "a digest of each round",
    SubscriptionKind.CHANGES: "alerts when a side changes its position",
    SubscriptionKind.ALL: "digests and position-change alerts",
}
FEED_LIST_MAX = 50


def when(moment: datetime | None) -> str:
    """A time as Discord shows it in each reader's time zone (``<t:…:R>``), or "never"."""
    if moment is None:
        return "never"
    stamp = int((as_utc(moment) or moment).timestamp())
    return f"<t:{stamp}:f> (<t:{stamp}:R>)"


THREAD_PERMISSIONS = (("create_public_threads", "Create Public Threads"),
                      ("send_messages_in_threads", "Send Messages in Threads"))


def missing_thread_permissions(permissions: Any) -> list[str]:
    """The permissions a thread per round needs that Parley lacks in a channel, by their Discord names."""
    return [label for name, label in THREAD_PERMISSIONS if not getattr(permissions, name, False)]


async def subscribe(store: Store, *, guild_id: int | None, channel_id: int, kind: str, role_id: int | None,
                    user_id: int | None, threads: bool = False, bot_permissions: Any = None) -> Answer:
    """Subscribe a channel (or change its subscription); re-enables one that was disabled."""
    try:
        wanted = SubscriptionKind(kind)
    except ValueError:
        raise UserError(f"kind must be one of {', '.join(SUBSCRIPTION_KINDS)}, not {kind!r}") from None
    if guild_id is None:
        raise UserError("subscriptions are for server channels, not direct messages")
    if threads and bot_permissions is not None and (missing := missing_thread_permissions(bot_permissions)):
        raise UserError(f"threads:true needs Parley to have {' and '.join(missing)} in this channel; "
                        "grant it, or subscribe without threads")
    await store.add_subscription(guild_id=guild_id, channel_id=channel_id, kind=wanted, role_id=role_id,
                                 created_by=user_id)
    await store.set_threads(channel_id, threads)
    ping = f" and ping <@&{role_id}>" if role_id else ""
    thread = ", each round in a thread of its own" if threads else ""
    return Answer(title="Subscribed",
                  description=f"<#{channel_id}> will get {SUBSCRIPTION_KINDS[wanted]}{ping}{thread}.")


async def unsubscribe(store: Store, *, channel_id: int) -> Answer:
    """Stop posting to a channel."""
    if not await store.remove_subscription(channel_id):
        raise UserError("this channel has no subscription (see /subscriptions)")
    return Answer(title="Unsubscribed", description=f"<#{channel_id}> will get no more posts.")


def _subscription_line(sub: Any) -> str:
    ping = f", pings <@&{sub.role_id}>" if sub.role_id else ""
    state = f" — DISABLED {when(sub.disabled_at)}: {sub.disabled_reason}" if sub.disabled_at else ""
    return f"<#{sub.channel_id}>: {sub.kind}{ping}{state}"


async def list_subscriptions(store: Store, *, guild_id: int | None) -> Answer:
    subs = await store.list_subscriptions(guild_id=guild_id, active_only=False)
    if not subs:
        return Answer(title="Subscriptions", description="No channel here is subscribed. Try /subscribe.")
    return Answer(title="Subscriptions", description="\n".join(_subscription_line(s) for s in subs))


def check_feed_url(url: str, settings: Settings) -> str:
    """``url`` cleaned, or a `UserError` saying why it cannot be a feed.

    Only http(s) on the public internet unless ``ALLOW_PRIVATE_FEEDS``. The host is canonicalised
    first (`bot.feeds.guard.canonical_feed_url`), so ``127.1``, ``0x7f000001`` or ``localhost.``
    are refused here, not at every poll; names that resolve to a private address are refused
    again when fetched.
    """
    try:
        return canonical_feed_url(url, allow_private=settings.allow_private_feeds)
    except FeedUrlError as exc:
        raise UserError(str(exc)) from None


async def add_feed(store: Store, settings: Settings, url: str, *, guild_id: int | None,
                   user_id: int | None = None, scheduler: FeedScheduler | None = None) -> Answer:
    """Follow a feed for ``guild_id`` (``None``: for the operator, from the terminal); with the
    running ``scheduler`` its first poll is scheduled at once.

    A URL another server (or the operator) already follows is the same feed, fetched once: this
    server gets its own hold on it, and sees it from now on. Adding a feed that was disabled
    (410 Gone, too many failures) re-enables it: its failures are reset and it is polled again
    within one interval, as the disabled-feed notice says.
    """
    url = check_feed_url(url, settings)
    existing = await store.get_feed_by_url(url)
    held = existing is not None and await _holds(store, existing, guild_id)
    if existing is not None and not held:
        existing = await store.add_feed(url, guild_id=guild_id, added_by=user_id)
    if existing and existing.disabled_at:
        return await _reenable_feed(store, existing, scheduler=scheduler)
    if held and existing:
        return Answer(title="Feed already followed", description=f"#{existing.id} {mask_url(url)}")
    if existing:
        feed = existing
        if scheduler is not None:
            await scheduler.add_feed(url, guild_id=guild_id, added_by=user_id)
    elif scheduler is not None:
        feed = await scheduler.add_feed(url, guild_id=guild_id, added_by=user_id)
    else:
        feed = await store.add_feed(url, guild_id=guild_id, added_by=user_id)
    return Answer(title="Feed added", description=(
        f"#{feed.id} {mask_url(url)}\nIts current articles are recorded without announcing them; new ones are posted."))


async def _holds(store: Store, feed: Feed, guild_id: int | None) -> bool:
    """Whether ``guild_id`` (or, for ``None``, the operator) follows ``feed``."""
    assert feed.id is not None  # a stored feed has its id
    return feed.operator if guild_id is None else await store.follows(feed.id, guild_id)


async def _reenable_feed(store: Store, feed: Feed, *, scheduler: FeedScheduler | None = None) -> Answer:
    """Enable a disabled feed again. Enabled by a person, it is theirs from now on: if it had
    been dropped from FEEDS, the next start leaves it alone (``from_env`` false)."""
    assert feed.id is not None  # a stored feed has its id
    reason = mask_urls_in(feed.disabled_reason or "no reason recorded")
    await store.update_feed_state(feed.id, disabled_at=None, disabled_reason=None, failures=0, last_error=None,
                                  next_poll_at=None, from_env=False)
    if scheduler is not None:  # schedule its next poll now rather than at the scheduler's next sync
        await scheduler.schedule(feed.id)
    return Answer(title="Feed re-enabled", description=(
        f"#{feed.id} {mask_url(feed.url)}\nIt was disabled: {reason}\nIts failures are reset; it is polled again shortly."))


async def find_feed(store: Store, feed_ref: str, *, guild_id: int | None) -> Feed:
    """The feed given by its number (``3`` or ``#3``) or its URL, among those ``guild_id`` follows
    (every feed for ``None``, the operator), or a `UserError`. Another server's feed is "no feed":
    a server learns nothing of the others'."""
    ref = feed_ref.strip().lstrip("#")
    feed = None
    if ref.isdigit() and len(ref) < 19:  # beyond a database integer: no such feed
        feed = await store.get_feed(int(ref))
    if feed is None:
        feed = await store.get_feed_by_url(feed_ref.strip())
    if feed is None or (guild_id is not None and not await _holds(store, feed, guild_id)):
        raise UserError(f"no feed {feed_ref!r} (see /feed list)")
    return feed


async def remove_feed(store: Store, feed_ref: str, *, guild_id: int | None) -> Answer:
    """Stop following a feed given by its number (``3`` or ``#3``) or its URL.

    In a server it drops that server's hold only: other servers (and the operator) that follow
    the same URL keep it, and it stops being polled when nobody follows it. From the terminal
    (``guild_id`` None) the operator removes it for everyone, and is told how many servers
    followed it."""
    feed = await find_feed(store, feed_ref, guild_id=guild_id)
    assert feed.id is not None  # a stored feed has its id
    if guild_id is not None:
        if not await store.unfollow_feed(feed.id, guild_id):
            raise UserError(f"no feed {feed_ref!r} (see /feed list)")
        return Answer(title="Feed removed", description=f"#{feed.id} {mask_url(feed.url)}\n"
                      "This server no longer follows it.")
    servers = len(await store.guilds_of(feed.id))
    if not await store.remove_feed(feed.id):
        raise UserError(f"no feed {feed_ref!r} (see /feed list)")
    note = "\nIt is listed in FEEDS: the next start adds it again unless it is taken out there." if feed.from_env else ""
    if servers:
        note += f"\nServers that followed it too, and no longer do: {servers}."
    return Answer(title="Feed removed", description=f"#{feed.id} {mask_url(feed.url)}{note}")


async def enable_feed(store: Store, feed_ref: str, *, scheduler: FeedScheduler | None = None) -> Answer:
    """Poll a disabled feed again (its failures reset), given by its number or URL: the operator's
    command (`parley feeds enable`); in a server, /feed add does it for the server's feeds."""
    feed = await find_feed(store, feed_ref, guild_id=None)
    if feed.disabled_at is None:
        return Answer(title="Feed already enabled", description=f"#{feed.id} {mask_url(feed.url)}")
    return await _reenable_feed(store, feed, scheduler=scheduler)


def _feed_line(feed: Feed, servers: int | None = None) -> str:
    state = "disabled: " + (feed.disabled_reason or "?") if feed.disabled_at else (
        f"error: {feed.last_error}" if feed.last_error else "ok")
    holders = ["FEEDS" if feed.from_env else "operator"] if feed.operator else []
    if servers:
        holders.append(f"{servers} {'server' if servers == 1 else 'servers'}")
    held = f" ({', '.join(holders)})" if servers is not None and holders else ""
    return f"#{feed.id} {mask_url(feed.url)}{held} — last poll {when(feed.last_polled_at)}, {mask_urls_in(state)}"


async def list_feeds(store: Store, *, guild_id: int | None, limit: int | None = FEED_LIST_MAX) -> Answer:
    """The feeds ``guild_id`` follows with their state; for ``None`` (the operator, in the terminal)
    every feed, each with who follows it. ``limit`` keeps a Discord message short.

    A server is told how many feeds the operator follows besides its own (their articles feed its
    digests too), never which: their addresses are the operator's."""
    feeds = await store.list_feeds(guild_id=guild_id)
    counts = await store.follower_counts() if guild_id is None else None
    extra = await store.count_operator_only(guild_id) if guild_id is not None else 0
    others = (f"Parley's operator follows {extra} more {'feed' if extra == 1 else 'feeds'} "
              "(not listed here).") if extra else None
    if not feeds:
        empty = "No feeds yet. Add one with /feed add (or parley feeds add URL)." if guild_id is None else (
            "This server follows no feed yet. Add one with /feed add.")
        return Answer(title="Feeds", description=empty if not others else f"{empty}\n{others}")
    shown = feeds if limit is None else feeds[:limit]
    lines = [_feed_line(f, None if counts is None else counts.get(f.id or 0, 0)) for f in shown]
    notes = [f"{len(feeds) - len(shown)} more not shown"] if len(shown) < len(feeds) else []
    notes += [others] if others else []
    return Answer(title=f"Feeds ({len(feeds)})", description="\n".join(lines), footer=" ".join(notes) or None)


async def feed_choices(store: Store, current: str, *, guild_id: int | None) -> list[tuple[str, str]]:
    """(label, value) pairs of the feeds ``guild_id`` follows matching what the user typed, for autocomplete."""
    current = current.lower().lstrip("#")
    out = []
    for feed in await store.list_feeds(guild_id=guild_id):
        label = f"#{feed.id} {feed.title or mask_url(feed.url)}"
        if current in label.lower() or current in mask_url(feed.url).lower():
            out.append((label[:100], str(feed.id)))
    return out[:25]


async def round_in_chat(store: Store, number: int, profile: Profile | None = None) -> Answer:
    """``/round N`` in Discord: the query layer's round view, except that a round nothing is recorded
    of is the asker's slip, a `UserError` (one line only they see; the CLI lists the recorded rounds)."""
    check_round(number)
    rounds = await recorded_rounds(store)
    if number not in rounds:
        listed = ", ".join(map(str, rounds)) or "none yet"
        raise UserError(f"Round {number} is not recorded (recorded rounds: {listed})")
    return await queries.round_(store, number, profile)


async def round_choices(store: Store, current: str, *, limit: int = 25) -> list[int]:
    """The recorded rounds whose number starts with what the user typed, for autocomplete."""
    typed = current.strip()
    return [n for n in await recorded_rounds(store) if str(n).startswith(typed)][:limit]


@dataclass
class ConnectionInfo:
    """What the bot knows of itself for /status (kept free of discord.py types)."""

    latency_ms: float | None = None
    guilds: int = 0
    started_at: datetime | None = None


async def status(store: Store, info: ConnectionInfo | None = None, *, guild_id: int | None) -> Answer:
    """Feeds, last poll, feed errors, deliveries (last, pending, failed) and disabled subscriptions:
    of ``guild_id`` (its feeds, its channels), or of everything for ``None`` (the operator)."""
    feeds = await store.list_feeds(guild_id=guild_id)
    summary = await store.delivery_summary(guild_id=guild_id)
    last_poll = max((polled for f in feeds if (polled := as_utc(f.last_polled_at))), default=None)
    failing = [f for f in feeds if f.last_error and not f.disabled_at]
    disabled_feeds = [f for f in feeds if f.disabled_at]
    fields = [
        AnswerField("Feeds", f"{len(feeds)} followed, {len(failing)} failing, {len(disabled_feeds)} disabled", True),
        AnswerField("Last poll", when(last_poll), True),
        AnswerField("Last delivery", when(summary.last_delivered_at), True),
        AnswerField("Outbox", ", ".join(f"{n} {s}" for s, n in sorted(summary.counts.items())) or "empty", True),
    ]
    problems: list[str] = [f"feed #{f.id} {mask_url(f.url)}: {mask_urls_in(f.last_error or '')}" for f in failing[:5]]
    problems += [f"feed #{f.id} {mask_url(f.url)} disabled: {mask_urls_in(f.disabled_reason or '?')}"
                 for f in disabled_feeds[:5]]
    problems += [f"<#{s.channel_id}> subscription disabled {when(s.disabled_at)}: {s.disabled_reason}"
                 for s in summary.disabled[:10]]
    problems += [mask_urls_in(f"{dest}: {err}") for dest, err in summary.last_errors]
    scope = None if guild_id is None else [f.id for f in feeds if f.id is not None]
    quarantined, latest = await _quarantined(store, scope)
    if quarantined:
        fields.append(AnswerField("Quarantined entries", f"{quarantined} (see /why with the link)", True))
        # the article's own link stays whole (it is what /why takes); the reason may quote a URL
        problems += [f"quarantined {entry.link or entry.guid}: {mask_urls_in(entry.quarantine or '')}"
                     for entry in latest]
    if problems:
        fields.append(AnswerField("Errors", "\n".join(_dedupe(problems))))
    if info is not None and info.latency_ms is not None:
        fields.append(AnswerField("Gateway", f"{info.latency_ms:.0f} ms heartbeat, {info.guilds} servers", True))
    return Answer(title="Parley status", fields=fields,
                  footer=f"as of {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")


async def _quarantined(store: Store, feed_ids: list[int] | None) -> tuple[int, list[Any]]:
    """How many entries are quarantined, and the latest three (each with its reason): of the
    feeds ``feed_ids`` (a server's), or of every feed for ``None``."""
    from storage import knowledge

    async with store.session() as session:
        return await knowledge.quarantined(session, latest=3, feed_ids=feed_ids)


def _dedupe(lines: Sequence[str]) -> list[str]:
    """The lines without repeats, in their first order."""
    return list(dict.fromkeys(lines))


SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


async def replay_seeds_here(store: Store, settings: Settings, *, guild_id: int | None, channel_id: int,
                            user_id: int | None, folder: Path | None = None) -> Answer:
    """Replay the seed feed so that its digests are posted to ``channel_id``: for trying the bot.

    The channel is subscribed first (to everything) if it is not already, because deliveries go
    to subscribed channels only; the digests then reach it through the outbox like any others.
    """
    from bot.replay import replay

    folder = folder or (SEEDS_DIR if SEEDS_DIR.is_dir() else Path("seeds"))
    if not (folder / "manifest.toml").is_file():
        raise UserError(f"no seed feed at {folder} (manifest.toml is missing)")
    subs = {s.channel_id: s for s in await store.list_subscriptions(active_only=False)}
    note = ""
    if channel_id not in subs or subs[channel_id].disabled_at:
        await subscribe(store, guild_id=guild_id, channel_id=channel_id, kind=SubscriptionKind.ALL, role_id=None, user_id=user_id)
        note = " This channel is now subscribed (/unsubscribe to stop)."
    status = await replay(settings, folder, console=False)
    if status != 0:
        raise UserError(f"the replay failed (status {status}); see the bot's log")
    return Answer(title="Seed feed replayed",
                  description=f"Digests of the seed articles are being posted here.{note}")
