"""Storage: SQLModel tables, the async engine, the `Store` of queries and Alembic migrations.

Knows nothing of Discord or of how facts are found; imports nothing from `bot/` or `cogs/`.
"""

from storage.engine import async_url, create_engine_for, redact_url
from storage.errors import StorageError
from storage.store import Store

__all__ = ["StorageError", "Store", "async_url", "create_engine_for", "redact_url"]
