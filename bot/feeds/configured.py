"""The feeds the environment manages: ``FEEDS`` is a set, not a list of additions.

Why: an operator who takes a URL out of ``FEEDS`` and restarts expects Parley to stop polling
it. Feeds added in Discord (``/feed add``) or with ``parley feeds add`` are not the
environment's, and ``FEEDS`` leaves them alone. A feed dropped from ``FEEDS`` is disabled, not
deleted, with the reason `DROPPED`: its articles and facts stay, ``/feed list`` says why, and
putting it back in ``FEEDS`` enables it again (a feed disabled for another reason, a 410 say,
stays disabled until someone enables it on purpose).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage import Store

DROPPED = "no longer in FEEDS"


@dataclass(slots=True)
class FeedsSync:
    """What bringing the feed table in line with ``FEEDS`` changed (for the log)."""

    added: list[str] = field(default_factory=list)
    enabled: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


async def sync_env_feeds(store: Store, urls: Sequence[str]) -> FeedsSync:
    """Make the feeds marked as the environment's exactly ``urls`` (`storage.Store.sync_env_feeds`)."""
    added, enabled, dropped = await store.sync_env_feeds(urls, dropped_reason=DROPPED)
    return FeedsSync(added, enabled, dropped)
