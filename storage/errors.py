"""The one error type of the storage layer.

`storage/` may not import `bot/`, so it cannot raise `bot.errors.UserError`; the CLI and the
cogs turn a `StorageError` into one line for the user. The message is always one line and
names the database (without its password) and the problem, e.g.
``cannot reach the database at postgresql://root@127.0.0.1:5432/parley: connection refused``.
"""

from __future__ import annotations


class StorageError(Exception):
    """The database cannot be used right now; ``str(exc)`` is one line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))
