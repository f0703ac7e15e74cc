"""Async engine and sessions from a ``DATABASE_URL``.

Operators write plain URLs (``sqlite:///parley.db``, ``postgresql://user@host:5432/db``);
Parley picks the async driver itself (aiosqlite, asyncpg). SQLite runs in WAL mode with a busy
timeout, and every writing transaction starts with ``BEGIN IMMEDIATE``: two writers (the poller
and a replay) then queue for the lock instead of failing with "database is locked" half-way.
Reading sessions begin a plain (deferred) transaction, so `/round` never waits for an ingest.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.errors import StorageError

SQLITE_BUSY_TIMEOUT_MS = 15_000
READ_ONLY = "parley_read_only"  # execution option of the engine behind `Store.session()`


def async_url(database_url: str) -> str:
    """The SQLAlchemy async URL for an operator's URL (`sqlite:///x.db` → `sqlite+aiosqlite:///x.db`)."""
    try:
        url = make_url(database_url)
    except ArgumentError:
        raise StorageError(f"DATABASE_URL {database_url!r} is not a database URL (try sqlite:///parley.db)") from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        url = url.set(drivername="sqlite+aiosqlite")
    elif backend in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+asyncpg")
    else:
        raise StorageError(f"DATABASE_URL uses {backend!r}: Parley supports sqlite:/// and postgresql:// URLs")
    return url.render_as_string(hide_password=False)


def redact_url(database_url: str) -> str:
    """The URL without its password, for messages."""
    try:
        url = make_url(database_url)
    except ArgumentError:
        return "<bad URL>"
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def is_sqlite(database_url: str) -> bool:
    return database_url.startswith("sqlite")


def _sqlite_pragmas(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's implicit BEGIN is DEFERRED).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Readers (WAL) need no lock: they see the last commit and never wait for a writer.
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")


def canonical_json(value: Any) -> str:
    """How JSON columns are written: keys sorted, no spaces, characters as they are. On SQLite a
    JSON column is text, so equal values must be equal text (``claim.value`` is part of a unique
    key and is looked up by equality); PostgreSQL's JSONB compares values, not text."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def create_engine_for(database_url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine for an operator's URL, with Parley's SQLite settings."""
    url = async_url(database_url)
    kwargs.setdefault("json_serializer", canonical_json)
    if url.startswith("sqlite"):
        engine = create_async_engine(url, **kwargs)
        _sqlite_pragmas(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(url, **kwargs)


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep objects usable after commit (answers are built after the transaction)."""
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
