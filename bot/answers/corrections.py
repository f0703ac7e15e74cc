"""Corrections from the team: ``/correct`` (and its undo), ``/corrections``, and what a correction
changes in what Parley has already posted.

A correction is stored as a fact of its own (`storage.corrections`) and laid over the claims
wherever Parley answers or compares (`bot.knowledge.corrected`). Posted messages follow, through
the outbox and so exactly once like every post: the round's digests are re-rendered (the sink
edits them), and an alert about a change of position that the corrected record no longer shows
is edited to say it was withdrawn, and by whom. An undo puts back what the correction replaced,
alerts included.
"""

from __future__ import annotations

from typing import Any

from bot.answers.answer import Answer, AnswerField
from bot.answers.correction_values import FIELDS, read_value
from bot.answers.digests import round_answer, to_payload
from bot.answers.queries import check_round, correction_line
from bot.answers.questions import QuestionParser
from bot.errors import UserError
from bot.extract.profile import Profile
from bot.knowledge import corrected
from storage import Session, Store, outbox
from storage import corrections as corrections_store
from storage import knowledge as kb
from storage.kinds import OutboxKind

NOTE_MAX = 300
LIST_MAX = 25


def digest_key(number: int) -> str:
    """The outbox item key of a round's digest (as `bot.knowledge.ingest` writes it)."""
    return f"digest:round:{number}"


def alert_prefix(key: str) -> str:
    """The outbox item keys of a side's alerts on an issue start with this (``alert:position:Japan:us_tariffs:``)."""
    actor, _, issue = key.partition(":")
    return f"alert:position:{actor}:{issue}:"


async def correct(
    store: Store, profile: Profile, *, guild_id: int | None, round_number: int, field: str, value: str,
    note: str | None, undo: bool, author_id: int | None, author_name: str, parser: QuestionParser | None = None,
) -> Answer:
    """File a correction of one field of a round (or, with ``undo``, undo the one in force) and
    bring the posted digests and alerts in line. A mistake is a `UserError` of one line."""
    check_round(round_number)
    if field not in FIELDS:
        raise UserError(f"field must be one of {', '.join(FIELDS)}, not {field!r}")
    note = " ".join((note or "").split())[:NOTE_MAX] or None
    async with store.transaction() as session:
        if not await kb.claims_of_round(session, round_number):
            rounds = await kb.recorded_rounds(session)
            listed = ", ".join(str(r) for r in rounds) or "none yet"
            raise UserError(f"round {round_number} is not recorded, so there is nothing to correct (recorded: {listed})")
        if undo:
            key = read_value(field, value, profile, parser=parser).key if value.strip() else None
            undone = await corrections_store.undo_correction(
                session, round_number=round_number, field=field, key=key, guild_id=guild_id, author_id=author_id,
                author_name=author_name, note=note)
            if undone is None:
                raise UserError(f"round {round_number} has no {field} correction in force to undo "
                                f"(see /corrections round:{round_number})")
            effects = await bring_posts_in_line(session, round_number, field, undone.key, profile, by=author_name,
                                                why=f"round {round_number}'s {field} correction was undone")
            return Answer(
                title=f"Correction #{undone.id} undone: round {round_number} {field}",
                description=f"What the sources say is back in every answer (undone by {author_name}).",
                fields=effects, footer=f"/round number:{round_number} shows the round now")
        read = read_value(field, value, profile, parser=parser)
        row = await corrections_store.add_correction(
            session, guild_id=guild_id, round_number=round_number, field=field, key=read.key, value=read.value,
            note=note, author_id=author_id, author_name=author_name)
        why = f"round {round_number}'s {field} was corrected to {read.shown}" + (f" ({note})" if note else "")
        effects = await bring_posts_in_line(session, round_number, field, read.key, profile, by=author_name, why=why)
    return Answer(
        title=f"Corrected round {round_number}: {field}",
        description=f"{read.shown} (corrected by {author_name}, correction #{row.id}). It wins over what the "
                    "sources say in every answer, digest and change detection.",
        fields=effects,
        footer=f"/correct round:{round_number} field:{field} undo:true takes it back",
    )


async def bring_posts_in_line(session: Session, number: int, field: str, key: str, profile: Profile, *,
                              by: str, why: str) -> list[AnswerField]:
    """Re-render the round's posted digests and withdraw (or, after an undo, restore) the alerts the
    corrected record no longer shows; what was done, as answer fields."""
    done: list[AnswerField] = []
    digests = await outbox.items_keyed(session, item_key=digest_key(number))
    if digests:
        answer = await round_answer(session, number, profile)
        edited = 0
        for row in digests:
            if answer is None:
                continue
            ping = row.payload.get("ping_role_id")
            _, changed = await outbox.put_outbox(session, destination=row.destination, item_key=row.item_key,
                                                 kind=OutboxKind.DIGEST, payload=to_payload(answer, ping_role_id=ping))
            edited += changed
        if edited:
            done.append(AnswerField("Digests", f"the round {number} digest is being updated in {edited} channel"
                                               f"{'s' if edited != 1 else ''}"))
    if field == "position":
        withdrawn, restored = await _alerts_in_line(session, key, by=by, why=why)
        if withdrawn:
            done.append(AnswerField("Alerts withdrawn", "\n".join(withdrawn)))
        if restored:
            done.append(AnswerField("Alerts restored", "\n".join(restored)))
    return done


async def _alerts_in_line(session: Session, key: str, *, by: str, why: str) -> tuple[list[str], list[str]]:
    """Withdraw the posted alerts of ``key`` whose change the corrected record no longer shows, and
    restore withdrawn ones it shows again. Each edit is one new revision of the alert's outbox row,
    delivered once like any post; asking again changes nothing."""
    rows = await outbox.items_keyed(session, prefix=alert_prefix(key))
    if not rows:
        return [], []
    found = await corrected.position_claims(session, actor=key.partition(":")[0])
    # a change reported by a source still holds when the corrected record still changes there,
    # to that source's stance (a corrected stance makes it the team's change, not the alert's)
    holding = {c.round for c in corrected.changes_in(found) if c.key == key and found.correction_of(c.claim) is None}
    withdrawn: list[str] = []
    restored: list[str] = []
    for row in rows:
        when = row.item_key.rsplit(":", 1)[1]
        if not when.isdigit():  # a change reported outside the rounds: no round to correct
            continue
        data = row.payload
        if int(when) not in holding and "withdrawn" not in data:
            payload = withdrawn_payload(row.payload, by=by, why=why)
            target = withdrawn
        elif int(when) in holding and "withdrawn" in data:
            payload = data["withdrawn"]["original"]
            target = restored
        else:
            continue
        _, changed = await outbox.put_outbox(session, destination=row.destination, item_key=row.item_key,
                                             kind=OutboxKind.ALERT, payload=payload)
        if changed and f"round {when}" not in target:
            target.append(f"round {when}")
    return withdrawn, restored


def withdrawn_payload(payload: dict[str, Any], *, by: str, why: str) -> dict[str, Any]:
    """An alert's payload, marked withdrawn by ``by`` because ``why``; the original is kept in it,
    so an undo restores exactly what was posted."""
    data = payload
    out = dict(data)
    out["title"] = f"Withdrawn: {data['title']}"
    out["description"] = f"Withdrawn by {by}: {why}. The change this alert reported is not in the record any more."
    out["fields"] = [{"name": "Withdrawn", "value": f"by {by}: {why}", "inline": False},
                     *[dict(f, name=f"(was) {f['name']}") for f in data.get("fields", [])]]
    out["withdrawn"] = {"by": by, "original": payload}
    return out


async def list_corrections(store: Store, round_number: int | None = None) -> Answer:
    """``/corrections [round]``: every correction and undo, newest first, those in force marked."""
    if round_number is not None:
        check_round(round_number)
    async with store.session() as session:
        rows = await corrections_store.corrections_of(session, round_number=round_number, limit=LIST_MAX)
        undone = await corrections_store.undone_ids(session, [r.id for r in rows if r.id is not None])
    where = f" of round {round_number}" if round_number is not None else ""
    if not rows:
        return Answer(title=f"No corrections{where}",
                      description="Nobody has corrected the record. /correct round:N field:... value:... does.")
    lines = [correction_line(r) + (" (undone)" if r.id in undone else "") for r in rows]
    return Answer(title=f"Corrections{where}, newest first", description="\n".join(lines),
                  footer="a correction wins over what the sources say until it is undone")


