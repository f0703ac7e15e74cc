"""When to poll a feed next, and when to give up on it: pure functions, no I/O.

The rules, in the spirit of the large feed readers:

- never sooner than ``POLL_INTERVAL_SECONDS``, nor sooner than the feed asks (RSS ``ttl``,
  ``Cache-Control: max-age``, ``Retry-After``); a feed's request is honoured up to a day;
- a failing feed backs off geometrically (interval × 2^(failures-1), at most a day);
- ``410 Gone`` disables a feed at once; so do ``disable_after`` failures in a row;
- jitter is only ever added, never subtracted, so no rule above is broken by it, and it keeps
  feeds that share a schedule from drifting into lock-step;
- first polls are spread over the interval by a hash of the URL, so adding a hundred feeds
  (or restarting with a hundred overdue ones) does not fire a hundred requests at once.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

DAY = 24 * 3600.0


@dataclass(frozen=True, slots=True)
class PollPolicy:
    """The knobs of the schedule; ``interval`` is ``POLL_INTERVAL_SECONDS``."""

    interval: float = 300.0
    max_requested_interval: float = DAY  # cap on what ttl / max-age / Retry-After may ask for
    max_backoff: float = DAY
    disable_after: int = 10
    jitter: float = 0.1  # up to +10 % of the delay
    catch_up_window: float = 120.0  # overdue feeds after a restart are spread over this


def url_spread(url: str, window: float) -> float:
    """A stable offset in ``[0, window)`` for ``url``: where in the window its polls fall."""
    if window <= 0:
        return 0.0
    digest = hashlib.sha1(url.encode("utf-8"), usedforsecurity=False).digest()
    return (int.from_bytes(digest[:8], "big") / 2**64) * window


def first_poll_at(url: str, now: datetime, policy: PollPolicy, rng: random.Random | None = None) -> datetime:
    """When a newly added feed is first polled: its hash slot within one interval, plus jitter.

    The hash spreads feeds evenly and keeps a feed's slot across restarts; the jitter (up to
    ``policy.jitter`` of the interval, wrapped inside it) keeps feeds that hash close together,
    or several Parley instances following the same URL, from hitting a host in step.
    """
    jitter = (rng or random).uniform(0.0, policy.jitter * policy.interval)
    return now + timedelta(seconds=(url_spread(url, policy.interval) + jitter) % max(policy.interval, 1e-9))


def resume_at(url: str, next_poll_at: datetime | None, now: datetime, policy: PollPolicy) -> datetime:
    """When to poll after a restart: the persisted time, or, if overdue, a slot in the catch-up window."""
    if next_poll_at is None:
        return first_poll_at(url, now, policy)
    if next_poll_at > now:
        return next_poll_at
    return now + timedelta(seconds=url_spread(url, min(policy.catch_up_window, policy.interval)))


def requested_interval(
    *, ttl_minutes: int | None = None, max_age: float | None = None, retry_after: float | None = None
) -> float | None:
    """The longest wait the feed asked for (seconds), from RSS ttl, max-age and Retry-After."""
    asks = [float(v) for v in (ttl_minutes * 60 if ttl_minutes else None, max_age, retry_after) if v]
    return max(asks) if asks else None


def backoff_delay(failures: int, policy: PollPolicy) -> float:
    """Geometric back-off after ``failures`` consecutive failures (1 → the interval)."""
    if failures <= 0:
        return policy.interval
    return min(policy.interval * (1 << min(failures - 1, 32)), max(policy.max_backoff, policy.interval))


def next_delay(
    *,
    failures: int,
    policy: PollPolicy,
    min_interval: float | None = None,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> float:
    """Seconds until the next poll.

    ``failures`` counts consecutive failures including this poll (0 after a success);
    ``min_interval`` is what the feed asked for (`requested_interval`); ``retry_after`` is
    this response's Retry-After, which wins over back-off when longer.
    """
    delay = backoff_delay(failures, policy)
    asked = max(min_interval or 0.0, retry_after or 0.0)
    if asked:
        delay = max(delay, min(asked, policy.max_requested_interval))
    return delay * (1.0 + (rng or random).uniform(0.0, policy.jitter))


def disable_reason(*, status: int | None, error: str | None, failures: int, policy: PollPolicy) -> str | None:
    """Why the feed should now be disabled, or ``None`` to keep polling it."""
    if status == 410:
        return "HTTP 410 Gone: feed disabled"
    if error and failures >= policy.disable_after:
        return f"disabled after {failures} failures in a row; last: {error}"
    return None
