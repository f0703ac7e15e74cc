"""Alembic environment: runs migrations over Parley's async engine (aiosqlite or asyncpg).

On SQLite a migration changes a table by copying it (batch mode: create the new table, copy the
rows, drop the old one, rename), which cannot be done with foreign keys enforced: dropping a
referenced table would fail or cascade. So SQLite migrations run with ``PRAGMA foreign_keys=OFF``
(set when the connection opens; it cannot change inside a transaction), and before the migration
commits, ``PRAGMA foreign_key_check`` must find no row referring to a missing one; otherwise the
whole migration is rolled back with the first few offending rows named.
"""

from __future__ import annotations

import asyncio
from typing import Any

from alembic import context
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from storage.engine import create_engine_for
from storage.errors import StorageError

config = context.config
target_metadata = SQLModel.metadata


def _database_url() -> str:
    url = config.attributes.get("database_url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database URL given to Alembic")
    return url


def _run(connection: Connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=sqlite,  # SQLite alters tables by copying
        compare_type=True,
        # One transaction for the whole upgrade on SQLite too (Alembic commits after each migration
        # there by default): the key check below can then still roll everything back.
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        if sqlite:
            check_foreign_keys(connection)


def check_foreign_keys(connection: Connection) -> None:
    """Fail (so the migration is rolled back) when a row refers to a row that does not exist."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        shown = "; ".join(f"{table} row {rowid} refers to a missing {parent} row" for table, rowid, parent, _ in broken[:5])
        raise StorageError(f"the migration was rolled back: {len(broken)} row(s) refer to rows that do not exist ({shown})")


def _sqlite_foreign_keys_off(engine: Any) -> None:
    """Migrate with foreign keys off (see the module's docstring); the runtime engine keeps them on."""

    @event.listens_for(engine.sync_engine, "connect")
    def _off(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.close()


async def _run_async() -> None:
    engine = create_engine_for(_database_url())
    if engine.dialect.name == "sqlite":
        _sqlite_foreign_keys_off(engine)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
            await connection.commit()
    finally:
        await engine.dispose()


def run_migrations_offline() -> None:
    context.configure(url=_database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
    else:
        asyncio.run(_run_async())
