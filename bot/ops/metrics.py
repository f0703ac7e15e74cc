"""Optional Prometheus metrics of `parley run`, served on ``METRICS_PORT`` (off when unset).

Why these: an operator wants to know that feeds are polled and answer (polls by outcome), that
articles come in and yield facts (entries, facts), that Discord gets the posts and how fast
(deliveries by result, their latency), and that people are answered and how fast (interactions
by command and result, their latency). The counters are always kept (a few increments per
poll or post); only the HTTP endpoint is optional. They live in a registry of their own, so a
test can read them without a server and nothing else's metrics mix in.
"""

from __future__ import annotations

import logging
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server

log = logging.getLogger(__name__)

REGISTRY = CollectorRegistry(auto_describe=True)
_LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

POLLS = Counter("parley_polls", "Polls of a feed, by outcome (new, not_modified, unchanged, error, disabled)",
                ["outcome"], registry=REGISTRY)
ENTRIES = Counter("parley_entries", "New articles recorded", registry=REGISTRY)
FACTS = Counter("parley_facts", "Facts recorded from articles", registry=REGISTRY)
DELIVERIES = Counter("parley_deliveries", "Outbox rows delivered to Discord, by result (posted, edited, retry, "
                     "dead, disabled)", ["result"], registry=REGISTRY)
DELIVERY_SECONDS = Histogram("parley_delivery_seconds", "Time to post or edit one outbox row on Discord",
                             buckets=_LATENCY_BUCKETS, registry=REGISTRY)
INTERACTIONS = Counter("parley_interactions", "Slash commands answered, by command and result (ok, error)",
                       ["command", "result"], registry=REGISTRY)
INTERACTION_SECONDS = Histogram("parley_interaction_seconds", "Time from a slash command's arrival to its answer",
                                ["command"], buckets=_LATENCY_BUCKETS, registry=REGISTRY)


def serve(port: int, host: str) -> Any:
    """Serve ``/metrics`` on ``host:port`` from a background thread; returns the server (``shutdown()``)."""
    server, _thread = start_http_server(port, addr=host, registry=REGISTRY)
    log.info("metrics on http://%s:%d/metrics", host, port)
    return server
