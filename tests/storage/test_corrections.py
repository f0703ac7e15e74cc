"""Corrections are rows of their own: the latest of a field wins, an undo is a row that brings
the earlier one back, and the editors role is one per guild (SQLite and PostgreSQL)."""

from __future__ import annotations

from storage import Store
from storage import corrections as repo


async def _add(store: Store, field: str, value: object, key: str = "", *, round_number: int = 6) -> int:
    async with store.transaction() as session:
        row = await repo.add_correction(session, guild_id=1, round_number=round_number, field=field, key=key,
                                        value=value, note=None, author_id=7, author_name="maya")
        assert row.id is not None
        return row.id


async def test_the_latest_correction_of_a_field_is_in_force_and_an_undo_restores_the_one_before(store: Store) -> None:
    first = await _add(store, "position", 'reduction', "Japan:us_tariffs")
    second = await _add(store, "position", 'agreed', "Japan:us_tariffs")
    await _add(store, "date", '2025-06-13')
    active = await store.active_corrections(round_number=6)
    assert [(c.field, c.value) for c in active] == [("date", '2025-06-13'), ("position", 'agreed')]
    async with store.transaction() as session:
        undone = await repo.undo_correction(session, round_number=6, field="position", key=None, guild_id=1,
                                            author_id=8, author_name="kenji")
    assert undone is not None and undone.id == second
    (position,) = await store.active_corrections(field="position")
    assert position.id == first
    async with store.session() as session:
        history = await repo.corrections_of(session, round_number=6)
        assert history[0].undoes == second and history[0].author_name == "kenji"
        assert await repo.undone_ids(session, [first, second]) == {second}


async def test_undoing_with_nothing_in_force_changes_nothing(store: Store) -> None:
    async with store.transaction() as session:
        assert await repo.undo_correction(session, round_number=6, field="date", key=None, guild_id=1,
                                          author_id=8, author_name="kenji") is None
        assert await repo.correction_stamp(session) == 0


async def test_the_editors_role_is_one_per_guild_and_can_be_cleared(store: Store) -> None:
    assert await store.editor_role(1) is None
    await store.set_editor_role(1, 500, set_by=7)
    await store.set_editor_role(1, 501, set_by=7)
    await store.set_editor_role(2, 600, set_by=7)
    assert (await store.editor_role(1), await store.editor_role(2)) == (501, 600)
    await store.set_editor_role(1, None, set_by=7)
    assert await store.editor_role(1) is None
