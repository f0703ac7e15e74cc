"""Storage: SQLModel tables, the async engine, the repositories and Alembic migrations.

Knows nothing of Discord or of how facts are found; imports nothing from `bot/` or `cogs/`.
All SQL of Parley is here; nothing outside `storage/` imports SQLModel or SQLAlchemy.

One repository style: **functions that take the session they run in**, one small module per
subject (`storage.feeds`, `storage.subscriptions`, `storage.outbox`, `storage.knowledge`,
`storage.threads`); none takes a `Store` and `Store` runs no query of its own.
Why this style rather than methods on `Store`: the pipeline must store an entry, its cluster,
its facts, its claims and its outbox rows in one transaction (a crash loses at most the entry
in hand), and only functions of a session compose into one transaction. `Store` is the unit of
work: it owns the engine, opens sessions (`session()` reads without a write lock,
`transaction()` commits or rolls back) and offers each repository function that is a whole
transaction on its own as a method (`store.add_feed(url)`, `store.claim_due(worker)`), which is
what most callers (the cogs, the poller, the delivery worker, tests) need. Those methods hold no
SQL; they only say which kind of session a function runs in. `tests/test_sql_in_storage.py`
fails on any SQLModel/SQLAlchemy import or `select(...)` in `bot/` or `cogs/`.

`Session` is the session type repository functions take; `Conflict` is what a unique key
raises when another worker stored the same row first (the caller decides whether "already
there" is fine); `DatabaseRefused` is what the database (or its driver) raises for a statement or
value it will not take.
"""

from sqlalchemy.exc import DBAPIError as DatabaseRefused
from sqlalchemy.exc import IntegrityError as Conflict
from sqlmodel.ext.asyncio.session import AsyncSession as Session

from storage.engine import async_url, create_engine_for, redact_url
from storage.errors import StorageError
from storage.store import Store

__all__ = ["Conflict", "DatabaseRefused", "Session", "StorageError", "Store", "async_url", "create_engine_for", "redact_url"]
