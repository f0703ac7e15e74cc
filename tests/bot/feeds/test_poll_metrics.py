"""Metrics of polling and ingest: polls by outcome, new entries, facts (`bot.ops.metrics`)."""

from __future__ import annotations

import io

from feedserver import LIMITS, rss, static
from test_poll_once import FIFTH_ROUND, SECOND_ROUND, seed_item, settings_for

from bot.feeds.polling import poll_once
from bot.ops import metrics


def value(name: str, **labels: str) -> float:
    return metrics.REGISTRY.get_sample_value(name, labels) or 0.0


async def test_polls_entries_and_facts_are_counted(sqlite_url, feed_server):
    feed_server.routes["/rss"] = static(rss([seed_item(SECOND_ROUND), seed_item(FIFTH_ROUND)]))
    before = (value("parley_polls_total", outcome="new"), value("parley_polls_total", outcome="error"),
              value("parley_entries_total"), value("parley_facts_total"))
    settings = settings_for(sqlite_url, [feed_server.url("/rss"), feed_server.url("/404")])
    await poll_once(settings, out=io.StringIO(), err=io.StringIO(), limits=LIMITS)
    assert value("parley_polls_total", outcome="new") - before[0] == 1
    assert value("parley_polls_total", outcome="error") - before[1] == 1
    assert value("parley_entries_total") - before[2] == 2
    assert value("parley_facts_total") - before[3] > 5
