"""``correction.undoes`` is a foreign key to the correction it undoes (0008 gave the other rows
that refer to each other theirs; the correction table came after, in 0010).

An undo that names a correction that does not exist undoes nothing (rows are only ever added, so
Parley never writes one) and is deleted before the key is added: kept with its reference set to
NULL it would read as a correction to no value. The count is logged. On SQLite the migration runs
with foreign keys off and is checked before it commits (storage/migrations/env.py).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")

NAME = "correction_undoes_fkey"


def upgrade() -> None:
    gone = op.get_bind().execute(sa.text(
        "DELETE FROM correction WHERE undoes IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM correction c WHERE c.id = correction.undoes)"
    )).rowcount or 0
    if gone > 0:
        log.warning("0011: %d undo(s) of a missing correction deleted", gone)
    if op.get_bind().dialect.name == "postgresql":
        op.create_foreign_key(NAME, "correction", "correction", ["undoes"], ["id"])
        return
    with op.batch_alter_table("correction", recreate="always") as batch_op:
        batch_op.create_foreign_key(NAME, "correction", ["undoes"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint(NAME, "correction", type_="foreignkey")
        return
    with op.batch_alter_table("correction", recreate="always") as batch_op:
        batch_op.drop_constraint(NAME, type_="foreignkey")
