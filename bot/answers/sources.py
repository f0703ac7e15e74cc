"""What the "Sources" button of a digest or an alert shows: the sentence behind each fact.

Every fact keeps the sentence its source stated it in (`storage.models.Fact.sentence`); this
lists, for a round (and for an alert, one side's stance on one issue in that round and the round
before), each distinct statement once with the first sentence that states it and where it was
read, and the corrections in force, which win over them.
"""

from __future__ import annotations

from bot.answers.answer import Answer, AnswerField, Source
from bot.answers.queries import correction_line, fact_label
from bot.extract.profile import Profile
from bot.knowledge import corrected
from bot.knowledge.matching import dump
from storage import Store
from storage import corrections as corrections_store
from storage import knowledge as kb
from storage.models import Fact

MAX_LINES = 40
SENTENCE_CHARS = 300


def _quote(sentence: str) -> str:
    text = " ".join(sentence.split())
    return f"“{text[:SENTENCE_CHARS - 1]}…”" if len(text) > SENTENCE_CHARS else f"“{text}”"


async def sources(store: Store, number: int, profile: Profile, *, key: str | None = None) -> Answer:
    """The sentences behind the facts of round ``number`` (only the stance ``key``, with the round
    before, for an alert), each with the source it was read in."""
    async with store.session() as session:
        facts: list[Fact] = []
        if key is not None:
            before = await corrected.stances_before(session, key, number)
            if before.round is not None:
                facts += await kb.facts_of_round(session, before.round, key=key)
        facts += await kb.facts_of_round(session, number, key=key)
        entries = await kb.entries_by_ids(session, {f.entry_id for f in facts}, cited_only=True)
        fixes = [c for c in await corrections_store.active_corrections(session, round_number=number)
                 if key is None or c.key == key]
    cited: list[int] = []
    lines: dict[str, list[str]] = {}
    seen: set[tuple[int | None, str, str, str]] = set()
    count = 0
    for fact in facts:
        ident = (fact.round, fact.kind, fact.key, dump(fact.value))
        if ident in seen or not fact.sentence or fact.entry_id not in entries:
            continue
        seen.add(ident)
        count += 1
        if count > MAX_LINES:
            continue
        if fact.entry_id not in cited:
            cited.append(fact.entry_id)
        ref = cited.index(fact.entry_id) + 1
        heading = f"Round {fact.round}" if key is not None else fact.kind.replace("_", " ").capitalize()
        lines.setdefault(heading, []).append(f"{fact_label(fact, profile)}: {_quote(fact.sentence)} [{ref}]")
    fields = [AnswerField(name, "\n".join(items)) for name, items in lines.items()]
    if count > MAX_LINES:
        fields.append(AnswerField("More", f"{count - MAX_LINES} more statements not listed"))
    if fixes:
        fields.append(AnswerField("Corrections (they win over the sources)", "\n".join(correction_line(c) for c in fixes)))
    what = f"{profile.label(key.partition(':')[2])} ({key.partition(':')[0]})" if key else "each fact"
    if not fields:
        return Answer(title=f"Round {number}: no sentences recorded", description="No source stated a fact here.")
    return Answer(
        title=f"Round {number}: the sentences behind {what}",
        fields=fields,
        sources=[Source(entries[i].title or entries[i].guid, entries[i].link, entries[i].source) for i in cited],
        footer="[n] is the source listed below",
    )
