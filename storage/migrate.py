"""Alembic migrations, shipped inside the package (`storage/migrations/`).

`upgrade(url)` is what `parley db upgrade` and every start run; it is safe to run again and
from inside a running event loop (it then works in a helper thread, since Alembic's async
env drives its own loop).
"""

from __future__ import annotations

import asyncio
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
    from sqlalchemy.engine import make_url

    url = make_url(async_url(database_url))
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        folder = Path(url.database).parent
        if not folder.exists():
            raise StorageError(f"cannot open the database at {database_url}: folder {folder} does not exist")


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
