"""Alembic migrations, shipped inside the package (`storage/migrations/`).

`upgrade(url)` is what `parley db upgrade` and every start run; it is safe to run again and
from inside a running event loop (it then works in a helper thread, since Alembic's async
env drives its own loop).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
from pathlib import Path

from alembic import command
from alembic.config import Config

from storage.engine import async_url
from storage.errors import StorageError

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    """An Alembic config that needs no alembic.ini on disk (works from an installed wheel)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", async_url(database_url).replace("%", "%%"))
    config.attributes["database_url"] = database_url
    return config


def _upgrade(database_url: str, revision: str) -> None:
    from storage.store import describe_error

    _ensure_sqlite_folder(database_url)
    try:
        command.upgrade(alembic_config(database_url), revision)
    except StorageError:
        raise
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError | OSError | TimeoutError):
            raise describe_error(exc, database_url) from exc
        raise


def _ensure_sqlite_folder(database_url: str) -> None:
    """Check that a SQLite file can be opened (created, for a new database) before any async driver tries.

    Why: when aiosqlite fails to open a file, its worker thread may report back after the event
    loop that asked has closed, and prints a thread traceback over the one-line error. sqlite3
    opens the same file here, synchronously, and a failure becomes one `StorageError`.
    """
    from sqlalchemy.engine import make_url

    url = make_url(async_url(database_url))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return
    path = Path(url.database)
    folder = path.parent
    if not folder.exists():
        raise StorageError(f"cannot open the database at {database_url}: folder {folder} does not exist")
    try:
        with contextlib.closing(sqlite3.connect(path)) as connection:
            connection.execute("PRAGMA user_version").fetchone()
    except sqlite3.Error as exc:
        new = "cannot create a new database" if not path.exists() else "cannot open the database"
        raise StorageError(f"{new} at {database_url}: {exc} (is the folder {folder} writable?)") from None


def upgrade(database_url: str, revision: str = "head") -> None:
    """Apply every migration up to ``revision``. Raises `StorageError` with one line on failure."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        _upgrade(database_url, revision)
        return
    # Called from async code without awaiting: run in a thread so Alembic can use its own loop.
    errors: list[BaseException] = []

    def target() -> None:
        try:
            _upgrade(database_url, revision)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=target, name="parley-migrate")
    thread.start()
    thread.join()
    if errors:
        raise errors[0]


async def upgrade_async(database_url: str, revision: str = "head") -> None:
    """`upgrade` for async callers, without blocking the event loop."""
    await asyncio.to_thread(_upgrade, database_url, revision)
