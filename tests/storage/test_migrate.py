"""Migrations create every table, can run again, and fail in one line when the database is away."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from storage import StorageError, Store
from storage.migrate import upgrade
from storage.models import ALL_TABLES


async def _tables(url: str) -> set[str]:
    async with Store(url) as store, store.engine.connect() as conn:
        return set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))


async def test_upgrade_creates_every_table_and_is_idempotent(blank_database_url: str) -> None:
    upgrade(blank_database_url)
    upgrade(blank_database_url)  # a second start changes nothing
    assert set(ALL_TABLES) <= await _tables(blank_database_url)


async def test_upgrade_from_inside_an_event_loop(blank_database_url: str) -> None:
    # `upgrade` is sync; called from async code it must not trip over the running loop.
    upgrade(blank_database_url)
    assert "outbox" in await _tables(blank_database_url)


def test_unreachable_postgres_is_one_line() -> None:
    with pytest.raises(StorageError) as info:
        upgrade("postgresql://root@127.0.0.1:1/parley")
    message = str(info.value)
    assert message == "cannot reach the database at postgresql://root@127.0.0.1:1/parley: connection refused"


def test_missing_sqlite_folder_is_one_line(tmp_path) -> None:
    with pytest.raises(StorageError) as info:
        upgrade(f"sqlite:///{tmp_path}/no/such/folder/parley.db")
    assert "\n" not in str(info.value)
    assert "does not exist" in str(info.value)


def test_unsupported_url_is_one_line() -> None:
    with pytest.raises(StorageError, match="supports sqlite"):
        upgrade("mysql://localhost/parley")


def test_the_migrations_build_exactly_the_models(blank_database_url: str) -> None:
    # A model changed without a migration would fail here ("New upgrade operations detected").
    from alembic import command

    from storage.migrate import alembic_config

    upgrade(blank_database_url)
    command.check(alembic_config(blank_database_url))
