"""The poll schedule: polite by default, patient with failing feeds, never all at once."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from bot.feeds.policy import (
    DAY,
    PollPolicy,
    backoff_delay,
    disable_reason,
    first_poll_at,
    next_delay,
    requested_interval,
    resume_at,
    url_spread,
)

POLICY = PollPolicy(interval=300, jitter=0.1)
NOW = datetime(2025, 6, 6, 12, 0, tzinfo=UTC)


def test_a_healthy_feed_is_polled_every_interval_plus_at_most_the_jitter():
    rng = random.Random(1)
    delays = [next_delay(failures=0, policy=POLICY, rng=rng) for _ in range(200)]
    assert all(300 <= d <= 330 for d in delays)
    assert len({round(d, 3) for d in delays}) > 100  # really jittered


def test_jitter_never_makes_a_poll_earlier_than_the_feed_asked():
    rng = random.Random(2)
    assert all(next_delay(failures=0, policy=POLICY, min_interval=1800, rng=rng) >= 1800 for _ in range(100))


def test_the_feed_asks_for_the_longest_of_ttl_max_age_and_retry_after():
    assert requested_interval(ttl_minutes=30, max_age=600) == 1800
    assert requested_interval(max_age=900, retry_after=120) == 900
    assert requested_interval() is None


def test_a_feed_may_not_ask_to_be_left_alone_for_more_than_a_day():
    delay = next_delay(failures=0, policy=PollPolicy(jitter=0), min_interval=30 * DAY)
    assert delay == DAY


def test_failures_back_off_geometrically_up_to_a_day():
    assert [backoff_delay(n, POLICY) for n in range(1, 6)] == [300, 600, 1200, 2400, 4800]
    assert backoff_delay(40, POLICY) == DAY


def test_retry_after_wins_over_backoff_when_longer():
    no_jitter = PollPolicy(interval=300, jitter=0)
    assert next_delay(failures=1, policy=no_jitter, retry_after=3600) == 3600
    assert next_delay(failures=5, policy=no_jitter, retry_after=60) == 4800


def test_410_gone_disables_at_once():
    reason = disable_reason(status=410, error="HTTP 410 Gone", failures=1, policy=POLICY)
    assert reason == "HTTP 410 Gone: feed disabled"


def test_repeated_failures_disable_the_feed_with_the_last_reason():
    assert disable_reason(status=500, error="HTTP 500 Internal Server Error", failures=9, policy=POLICY) is None
    assert disable_reason(status=500, error="HTTP 500 Internal Server Error", failures=10, policy=POLICY) == (
        "disabled after 10 failures in a row; last: HTTP 500 Internal Server Error"
    )
    assert disable_reason(status=200, error=None, failures=0, policy=POLICY) is None


def test_first_polls_are_spread_over_the_interval_by_url_hash():
    urls = [f"https://feeds.example/{n}.xml" for n in range(1000)]
    offsets = [url_spread(u, 300) for u in urls]
    assert all(0 <= o < 300 for o in offsets)
    buckets = [sum(1 for o in offsets if k * 30 <= o < (k + 1) * 30) for k in range(10)]
    assert min(buckets) > 60  # roughly even: no bucket holds much less than its tenth
    assert url_spread(urls[0], 300) == url_spread(urls[0], 300)  # stable across restarts
    assert NOW <= first_poll_at(urls[0], NOW, POLICY) < NOW + timedelta(seconds=300)


def test_a_restart_resumes_the_persisted_schedule_and_spreads_overdue_feeds():
    later = NOW + timedelta(seconds=200)
    assert resume_at("u", later, NOW, POLICY) == later
    overdue = [resume_at(f"https://f/{n}", NOW - timedelta(hours=3), NOW, POLICY) for n in range(100)]
    assert all(NOW <= t < NOW + timedelta(seconds=120) for t in overdue)
    assert len(set(overdue)) == 100
    assert NOW <= resume_at("never-polled", None, NOW, POLICY) < NOW + timedelta(seconds=300)


def test_first_polls_carry_a_little_jitter_but_stay_within_the_interval():
    rng = random.Random(3)
    times = [first_poll_at("https://feeds.example/a.xml", NOW, POLICY, rng) for _ in range(50)]
    assert len(set(times)) == 50
    assert all(NOW <= t < NOW + timedelta(seconds=300) for t in times)
