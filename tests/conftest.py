"""Fixtures every room may use: real databases, never mocks.

- ``database_url``: a migrated, empty database, once as a SQLite file in ``tmp_path`` and once
  as PostgreSQL (tests that take it run twice, ids ``[sqlite]`` and ``[postgresql]``).
- ``store``: a `storage.Store` on ``database_url``.
- ``sqlite_url`` / ``sqlite_store``: SQLite only (subprocess tests, benchmarks of behaviour).
- ``blank_database_url``: like ``database_url`` but *not* migrated (tests of migrations).

PostgreSQL: ``PARLEY_TEST_POSTGRES_URL`` (default ``postgresql://root@127.0.0.1:5432/test``)
names a server and a database to connect to; each pytest run creates its own database
``parley_test_<random>`` there, migrates it once, empties it before each test, and drops it at
the end, so engineers running the suite side by side never see each other's rows. When the
server cannot be reached the PostgreSQL variants are skipped with the reason.
"""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from storage import Store
from storage.migrate import upgrade
from storage.models import ALL_TABLES
from tests.fakediscord import FakeDiscord

DEFAULT_POSTGRES_URL = "postgresql://root@127.0.0.1:5432/test"


def _postgres_server_url() -> str:
    return os.environ.get("PARLEY_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def _asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _pg_execute(url: str, *statements: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_asyncpg_dsn(url), timeout=5)
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def postgres_admin_url() -> str | None:
    """The server URL from the environment when it answers, else ``None`` (the reason is kept)."""
    url = _postgres_server_url()
    try:
        asyncio.run(_pg_execute(url, "SELECT 1"))
    except Exception as exc:  # any failure to connect means: no PostgreSQL for this run
        _unreachable_reason.append(f"PostgreSQL at {url} is unreachable ({type(exc).__name__}: {exc})")
        return None
    return url


_unreachable_reason: list[str] = []


def _skip_without(admin_url: str | None) -> None:
    if admin_url is None:
        pytest.skip(_unreachable_reason[0] if _unreachable_reason else "PostgreSQL is unreachable")


def _database_on(admin_url: str, name: str) -> str:
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_session_url(postgres_admin_url: str | None) -> Iterator[str | None]:
    """A migrated PostgreSQL database of this test run (created and dropped here)."""
    if postgres_admin_url is None:
        yield None
        return
    name = f"parley_test_{secrets.token_hex(6)}"
    asyncio.run(_pg_execute(postgres_admin_url, f'CREATE DATABASE "{name}"'))
    url = _database_on(postgres_admin_url, name)
    try:
        upgrade(url)
        yield url
    finally:
        asyncio.run(_pg_execute(postgres_admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _empty_postgres(url: str) -> None:
    tables = ", ".join(f'"{t}"' for t in ALL_TABLES)
    asyncio.run(_pg_execute(url, f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A migrated, empty SQLite database file in ``tmp_path``."""
    url = f"sqlite:///{tmp_path / 'parley.db'}"
    upgrade(url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database: SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'parley.db'}"
        upgrade(url)
        return url
    pg_url = request.getfixturevalue("postgres_session_url")
    _skip_without(pg_url)
    _empty_postgres(pg_url)
    return pg_url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def blank_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables at all (for testing migrations)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'blank.db'}"
        return
    admin = request.getfixturevalue("postgres_admin_url")
    _skip_without(admin)
    name = f"parley_test_{secrets.token_hex(6)}"
    asyncio.run(_pg_execute(admin, f'CREATE DATABASE "{name}"'))
    try:
        yield _database_on(admin, name)
    finally:
        asyncio.run(_pg_execute(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    """A `Store` on ``database_url`` (both backends), closed after the test."""
    async with Store(database_url) as s:
        yield s


@pytest.fixture
async def sqlite_store(sqlite_url: str) -> AsyncIterator[Store]:
    async with Store(sqlite_url) as s:
        yield s


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """The loopback Discord-protocol server (REST and gateway) the real discord.py client talks to."""
    async with FakeDiscord() as server:
        yield server
