"""The Done-when soak of issue 13, small: two `parley run` processes on one PostgreSQL database, a
Discord that ignores nonces and is slow, kill -9 of either at random moments: every row is posted
once and recorded, none twice.

The full soak (180 rows, 7 s a post, 60 s leases) takes a quarter of an hour and is
`bench/delivery_soak.py`. Here the post delay is ``PARLEY_SOAK_POST_DELAY`` seconds (default
0.25) and the leases 3 s, so the run takes well under a minute.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storage import Store
from tests.e2e.soak import soak
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.postgres

POST_DELAY = float(os.environ.get("PARLEY_SOAK_POST_DELAY", "0.25"))


@pytest.fixture
def pg_url(postgres_session_url: str | None) -> str:
    """This run's PostgreSQL database, emptied (the soak is about PostgreSQL only)."""
    if postgres_session_url is None:
        pytest.skip("PostgreSQL is unreachable at PARLEY_TEST_POSTGRES_URL; the soak is about PostgreSQL only")
    from tests.conftest import _empty_postgres

    _empty_postgres(postgres_session_url)
    return postgres_session_url


async def test_two_bots_killed_at_random_deliver_every_row_exactly_once(pg_url: str, tmp_path: Path) -> None:
    async with Store(pg_url) as store, FakeDiscord(honour_nonces=False, post_delay=POST_DELAY) as fake:
        result = await soak(fake, store, tmp_path, rows=36, lease_seconds=3, kills=4, kill_gap=(0.5, 2.5),
                            deadline=120)
    assert result.kills >= 1
    assert (result.duplicates, result.lost) == (0, []), result
    assert result.delivered == 36
