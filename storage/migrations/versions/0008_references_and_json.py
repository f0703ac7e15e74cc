"""Foreign keys where rows refer to each other, and JSON kept in JSON columns instead of text.

References (each now a foreign key; the database refuses a row that names a missing one):
- ``entry.cluster_id`` → ``story_cluster.id`` and ``entry.duplicate_of`` → ``entry.id``;
- ``fact.claim_id`` → ``claim.id``;
- ``claim.first_entry_id`` → ``entry.id`` and ``claim.first_fact_id`` → ``fact.id``;
- ``story_cluster.first_entry_id`` → ``entry.id``.
The nullable ones are ``ON DELETE SET NULL`` (entries and claims are never deleted; should one
be, what referred to it loses the link, not the row).

JSON columns (JSONB on PostgreSQL, converted in place with ``USING col::jsonb``; SQLite's JSON,
copied as they are, since the text already is JSON): ``entry.facts_json``, ``fact.value``,
``claim.value``, ``claim.sample_entry_ids``, ``story_cluster.fingerprint``, ``outbox.payload``.

Rows referring to a row that does not exist (none that Parley writes; a database edited by hand
might have some) are carried over as follows, before the keys are added, so that no row is lost:
- a nullable reference to a missing row is set to NULL (the row is kept, without the link);
- a claim whose first entry is missing names instead the earliest entry among its facts; a claim
  left with no entry at all (no fact supports it, its first entry is gone) has no source left
  and is deleted, the only rows this migration removes.
Every such change is counted in Alembic's log. On SQLite the migration runs with foreign keys off
and ``PRAGMA foreign_key_check`` must be clean before it commits (storage/migrations/env.py).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

import logging
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")

# (table, column, nullable, type before)
JSON_COLUMNS: list[tuple[str, str, bool, sa.types.TypeEngine[Any]]] = [
    ("entry", "facts_json", True, sa.Text()),
    ("fact", "value", False, sa.Text()),
    ("claim", "value", False, sqlmodel.sql.sqltypes.AutoString(length=700)),
    ("claim", "sample_entry_ids", False, sa.Text()),
    ("story_cluster", "fingerprint", False, sa.Text()),
    ("outbox", "payload", False, sa.Text()),
]

# (name, table, column, referred table, ON DELETE)
FOREIGN_KEYS: list[tuple[str, str, str, str, str | None]] = [
    ("entry_cluster_id_fkey", "entry", "cluster_id", "story_cluster", "SET NULL"),
    ("entry_duplicate_of_fkey", "entry", "duplicate_of", "entry", "SET NULL"),
    ("fact_claim_id_fkey", "fact", "claim_id", "claim", "SET NULL"),
    ("claim_first_entry_id_fkey", "claim", "first_entry_id", "entry", None),
    ("claim_first_fact_id_fkey", "claim", "first_fact_id", "fact", "SET NULL"),
    ("story_cluster_first_entry_id_fkey", "story_cluster", "first_entry_id", "entry", "SET NULL"),
]

TABLES = ("entry", "fact", "claim", "story_cluster", "outbox")


def _missing(table: str, column: str, referred: str) -> str:
    return f"{table}.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {referred} r WHERE r.id = {table}.{column})"


def _carry_orphans_over() -> None:
    """Rows naming a missing row, mended as the module's docstring says, before the keys exist."""
    bind = op.get_bind()

    def run(sql: str, what: str) -> None:
        changed = bind.execute(sa.text(sql)).rowcount or 0
        if changed > 0:
            log.warning("0008: %d %s", changed, what)

    claim_entry_missing = _missing("claim", "first_entry_id", "entry")
    run(
        f"UPDATE claim SET first_entry_id = (SELECT MIN(f.entry_id) FROM fact f WHERE f.claim_id = claim.id"
        f" AND EXISTS (SELECT 1 FROM entry e WHERE e.id = f.entry_id)) WHERE {claim_entry_missing}"
        f" AND EXISTS (SELECT 1 FROM fact f JOIN entry e ON e.id = f.entry_id WHERE f.claim_id = claim.id)",
        "claim(s) whose first entry is missing now name the earliest entry of their facts",
    )
    run(f"DELETE FROM claim WHERE {claim_entry_missing}", "claim(s) with no source left deleted")
    for _, table, column, referred, _ in FOREIGN_KEYS:
        if (table, column) != ("claim", "first_entry_id"):
            run(f"UPDATE {table} SET {column} = NULL WHERE {_missing(table, column, referred)}",
                f"{table}.{column} reference(s) to a missing {referred} row set to NULL")


def upgrade() -> None:
    _carry_orphans_over()
    if op.get_bind().dialect.name == "postgresql":
        for table, column, _, _ in JSON_COLUMNS:
            op.alter_column(table, column, type_=postgresql.JSONB(), postgresql_using=f"{column}::jsonb")
        for name, table, column, referred, ondelete in FOREIGN_KEYS:
            op.create_foreign_key(name, table, referred, [column], ["id"], ondelete=ondelete)
        return
    # SQLite: each table copied once with its new column types and keys (foreign keys are off
    # while it runs, and checked before the commit: see env.py). No CAST: the text is JSON already.
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always") as batch_op:
            for t, column, nullable, before in JSON_COLUMNS:
                if t == table:
                    batch_op.alter_column(column, type_=sa.JSON(), existing_type=before, existing_nullable=nullable)
            for name, t, column, referred, ondelete in FOREIGN_KEYS:
                if t == table:
                    batch_op.create_foreign_key(name, referred, [column], ["id"], ondelete=ondelete)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, table, _, _, _ in FOREIGN_KEYS:
            op.drop_constraint(name, table, type_="foreignkey")
        for table, column, _, before in JSON_COLUMNS:
            op.alter_column(table, column, type_=before, postgresql_using=f"{column}::text")
        return
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always") as batch_op:
            for name, t, _, _, _ in FOREIGN_KEYS:
                if t == table:
                    batch_op.drop_constraint(name, type_="foreignkey")
            for t, column, nullable, before in JSON_COLUMNS:
                if t == table:
                    batch_op.alter_column(column, type_=before, existing_type=sa.JSON(), existing_nullable=nullable)
