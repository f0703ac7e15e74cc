"""`Store.sync_env_feeds`: the feeds marked as the environment's follow FEEDS; the others stay."""

from __future__ import annotations

from storage import Store
from storage.models import utcnow

DROPPED = "no longer in FEEDS"


async def test_feeds_follow_the_list_and_feeds_added_by_hand_stay(store: Store) -> None:
    by_hand = await store.add_feed("https://hand.example/feed.xml")
    assert await store.sync_env_feeds(["https://a.example/", "https://b.example/"], dropped_reason=DROPPED) == (
        ["https://a.example/", "https://b.example/"], [], [])
    assert await store.sync_env_feeds(["https://a.example/"], dropped_reason=DROPPED) == (
        [], [], ["https://b.example/"])
    feeds = {f.url: f for f in await store.list_feeds()}
    assert feeds["https://b.example/"].disabled_reason == DROPPED
    assert feeds["https://a.example/"].disabled_at is None
    assert feeds[by_hand.url].disabled_at is None and not feeds[by_hand.url].from_env
    assert await store.sync_env_feeds(["https://a.example/", "https://b.example/"], dropped_reason=DROPPED) == (
        [], ["https://b.example/"], [])


async def test_a_feed_disabled_for_another_reason_stays_disabled_when_listed(store: Store) -> None:
    await store.sync_env_feeds(["https://gone.example/"], dropped_reason=DROPPED)
    (feed,) = await store.list_feeds()
    await store.update_feed_state(feed.id, disabled_at=utcnow(), disabled_reason="HTTP 410 Gone: feed disabled")
    assert await store.sync_env_feeds(["https://gone.example/"], dropped_reason=DROPPED) == ([], [], [])
    (feed,) = await store.list_feeds()
    assert feed.disabled_reason == "HTTP 410 Gone: feed disabled"
