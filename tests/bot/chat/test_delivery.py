"""The pieces of exactly-once delivery that need no Discord: nonces, back-off. (Leasing rows:
tests/storage/test_deliveries.py.)"""

from __future__ import annotations

from bot.chat.delivery import BACKOFF_MAX_SECONDS, backoff, nonce_for
from storage.models import Outbox


def test_a_rows_nonce_is_stable_short_and_distinct() -> None:
    a = Outbox(destination="discord:1", item_key="digest:round:5", kind="digest", payload={})
    b = Outbox(destination="discord:2", item_key="digest:round:5", kind="digest", payload={})
    assert nonce_for(a) == nonce_for(a) and nonce_for(a) != nonce_for(b)
    assert len(nonce_for(a)) <= 25  # Discord's limit


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff(n) for n in (1, 2, 3)] == [5, 10, 20]
    assert backoff(30) == BACKOFF_MAX_SECONDS
