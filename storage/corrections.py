"""Corrections repository: what the team corrected, undid, and who may correct in a guild.

A correction is stored as a fact of its own (`storage.models.Correction`), never as an edit of
the claims extraction recorded: answers lay the active corrections over the claims (`bot.knowledge.
corrected`), so undoing one brings back exactly what the sources said. Rows are only ever added:
an undo is a row naming the correction it undoes, which keeps the history (who corrected, who
undid, when) and makes `correction_stamp` grow at every change, for the answer caches.

Functions take the session they run in (see `storage`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Correction, EditorRole, utcnow


async def add_correction(
    session: AsyncSession, *, guild_id: int | None, round_number: int, field: str, key: str, value: Any,
    note: str | None, author_id: int | None, author_name: str,
) -> Correction:
    """Record a correction of one field of a round (``value`` a JSON value); it wins over any earlier one
    of the same field and key while it is not undone."""
    row = Correction(guild_id=guild_id, round=round_number, field=field, key=key, value=value, note=note,
                     author_id=author_id, author_name=author_name[:200])
    session.add(row)
    await session.flush()
    return row


async def _undone_ids(session: AsyncSession) -> set[int]:
    rows = await session.exec(select(Correction.undoes).where(col(Correction.undoes).is_not(None)))
    return {int(r) for r in rows.all() if r is not None}


async def active_corrections(
    session: AsyncSession, *, round_number: int | None = None, field: str | None = None
) -> list[Correction]:
    """The corrections in force: not undone, and the latest of each (round, field, key); by round, field, key."""
    query = select(Correction).where(col(Correction.undoes).is_(None))
    if round_number is not None:
        query = query.where(Correction.round == round_number)
    if field is not None:
        query = query.where(Correction.field == field)
    rows = list((await session.exec(query.order_by(col(Correction.id)))).all())
    if not rows:
        return []
    undone = await _undone_ids(session)
    latest: dict[tuple[int, str, str], Correction] = {}
    for row in rows:
        if row.id not in undone:
            latest[(row.round, row.field, row.key)] = row
    return sorted(latest.values(), key=lambda c: (c.round, c.field, c.key))


async def undo_correction(
    session: AsyncSession, *, round_number: int, field: str, key: str | None, guild_id: int | None,
    author_id: int | None, author_name: str, note: str | None = None,
) -> Correction | None:
    """Undo the correction in force for a round's field (of ``key`` when given, else the latest of
    any key); returns the correction undone, or None when there is none. An earlier correction of
    the same field and key, if any, is in force again."""
    candidates = [c for c in await active_corrections(session, round_number=round_number, field=field)
                  if key is None or c.key == key]
    if not candidates:
        return None
    target = max(candidates, key=lambda c: c.id or 0)
    session.add(Correction(guild_id=guild_id, round=round_number, field=field, key=target.key, value=None,
                           note=note, author_id=author_id, author_name=author_name[:200], undoes=target.id))
    await session.flush()
    return target


async def corrections_of(session: AsyncSession, *, round_number: int | None = None, limit: int = 50) -> list[Correction]:
    """Every correction and undo (of one round when given), newest first, at most ``limit``."""
    query = select(Correction)
    if round_number is not None:
        query = query.where(Correction.round == round_number)
    return list((await session.exec(query.order_by(col(Correction.id).desc()).limit(limit))).all())


async def undone_ids(session: AsyncSession, ids: list[int]) -> set[int]:
    """Which of these corrections were undone."""
    if not ids:
        return set()
    rows = await session.exec(select(Correction.undoes).where(col(Correction.undoes).in_(ids)))
    return {int(r) for r in rows.all() if r is not None}


async def correction_stamp(session: AsyncSession) -> int:
    """The highest correction id: it grows at every correction and every undo (rows are only added)."""
    value = (await session.exec(select(func.max(Correction.id)))).one()
    return int(value or 0)


# -- who may correct ---------------------------------------------------------------------------


async def set_editor_role(session: AsyncSession, guild_id: int, role_id: int | None, *, set_by: int | None) -> None:
    """Name the role whose members may correct in a guild (None: only Manage Server again)."""
    row = (await session.exec(select(EditorRole).where(EditorRole.guild_id == guild_id))).first()
    if role_id is None:
        if row is not None:
            await session.delete(row)
        return
    if row is None:
        row = EditorRole(guild_id=guild_id, role_id=role_id, set_by=set_by)
    else:
        row.role_id, row.set_by, row.set_at = role_id, set_by, utcnow()
    session.add(row)
    await session.flush()


async def editor_role(session: AsyncSession, guild_id: int) -> int | None:
    """The editor role of a guild, if one is named."""
    row = (await session.exec(select(EditorRole).where(EditorRole.guild_id == guild_id))).first()
    return row.role_id if row else None
