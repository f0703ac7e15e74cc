"""The round view (everything known about one round, with the sources of each fact), and how a
round digest and a changed-position alert become `Answer`s and outbox payloads.

The round view is built from *claims* (distinct statements with their source counts), so it
costs a handful of indexed reads whether a round has three sources or three thousand. Each fact
cites its sources by number (``[1][3]``); the numbers index the answer's source list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from bot.answers.answer import Answer, AnswerField, Source
from bot.knowledge import corrected
from storage import Session
from storage import knowledge as kb
from storage.kinds import FactKind, MatchKind
from storage.models import Claim, Correction, Entry, Fact, as_utc

MAX_SOURCES = 12
_NEVER = datetime.max.replace(tzinfo=UTC)  # entries without a date sort last
_ORDINAL = {1: "st", 2: "nd", 3: "rd"}


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL.get(n % 10, "th")
    return f"{n}{suffix}"


class Labels(Protocol):
    """How answers name the profile's ids (`bot.extract.profile.Profile` is one)."""

    def label(self, identifier: str) -> str: ...

    def topic_label(self, topic: str) -> str: ...

    def stance_label(self, issue: str, stance: str) -> str: ...


class PlainLabels:
    """Ids as words ("rare_earths" -> "rare earths"), for answers built without a profile."""

    def label(self, identifier: str) -> str:
        return identifier.replace("_", " ")

    def topic_label(self, topic: str) -> str:
        return topic.replace("_", " ")

    def stance_label(self, issue: str, stance: str) -> str:
        return stance.replace("_", " ")


PLAIN = PlainLabels()


@dataclass(slots=True)
class Statement:
    """One claim as shown: its value, how many sources make it, which of the listed ones."""

    kind: str
    key: str
    value: Any
    count: int
    refs: list[int]
    status: str
    corrected_by: str | None = None  # the team member whose correction states it

    def cite(self) -> str:
        if self.corrected_by is not None:
            return f"(corrected by {self.corrected_by})"
        refs = "".join(f"[{r}]" for r in self.refs)
        more = self.count - len(self.refs)
        extra = f" +{more}" if more > 0 else ""
        return f"{refs}{extra}" if refs else f"({self.count} sources)"


@dataclass(slots=True)
class RoundView:
    """What Parley knows about one round, each fact with its sources."""

    number: int
    status: str | None
    source_total: int
    sources: list[Entry] = field(default_factory=list)
    statements: dict[str, list[Statement]] = field(default_factory=dict)
    next_steps: list[str] = field(default_factory=list)

    def of(self, kind: FactKind) -> list[Statement]:
        return self.statements.get(kind, [])

    def values(self, kind: FactKind) -> list[Any]:
        return [s.value for s in self.of(kind)]

    @property
    def date(self) -> str | None:
        best = max(self.of(FactKind.DATE), key=lambda s: s.count, default=None)
        return best.value if best else None

    @property
    def place(self) -> str | None:
        best = max(self.of(FactKind.LOCATION), key=lambda s: s.count, default=None)
        return best.value if best else None


def _source(entry: Entry) -> Source:
    return Source(title=entry.title or entry.guid, url=entry.link, outlet=entry.source)


async def build_round_view(session: Session, number: int) -> RoundView | None:
    """The round view of round ``number``, or None when nothing is recorded for it."""
    found = await corrected.round_claims(session, number)
    claims = found.claims
    if not claims:
        return None
    total, first = await kb.entries_in_round(session, number, limit=MAX_SOURCES)
    sampled = {i for c in claims for i in c.sample_entry_ids}
    entries: dict[int | None, Entry] = {e.id: e for e in first}
    missing = sampled - set(entries)
    if missing:
        entries.update((await kb.entries_by_ids(session, missing, cited_only=True)).items())
    ordered = sorted(entries.values(), key=lambda e: (as_utc(e.published) or _NEVER, e.id or 0))[:MAX_SOURCES]
    number_of = {e.id: i + 1 for i, e in enumerate(ordered)}
    view = RoundView(number=number, status=None, source_total=max(total, len(ordered)), sources=ordered)
    for claim in claims:
        refs = sorted({number_of[i] for i in claim.sample_entry_ids if i in number_of})
        correction = found.correction_of(claim)
        statement = Statement(claim.kind, claim.key, claim.value, claim.source_count, refs, claim.status,
                              correction.author_name if correction else None)
        view.statements.setdefault(claim.kind, []).append(statement)
    statuses = {s.key for s in view.of(FactKind.ROUND_STATUS)}
    view.status = "held" if "held" in statuses else ("upcoming" if "upcoming" in statuses else None)
    view.next_steps = [f"{s.value} {s.cite()}" for s in view.of(FactKind.NEXT_STEP)]
    upcoming_next = (await corrected.round_claims(session, number + 1,
                                                  kinds=(FactKind.ROUND_STATUS, FactKind.DATE, FactKind.LOCATION))).claims
    if any(c.kind == FactKind.ROUND_STATUS for c in upcoming_next):
        date = next((c.value for c in upcoming_next if c.kind == FactKind.DATE), None)
        place = next((c.value for c in upcoming_next if c.kind == FactKind.LOCATION), None)
        when = " ".join(x for x in (f"on {date}" if date else "", f"in {place}" if place else "") if x)
        view.next_steps.append(f"Round {number + 1} {when}".strip() + " (see /round " + str(number + 1) + ")")
    return view


def _join(statements: list[Statement], show: Any = str) -> str:
    return ", ".join(f"{show(s.value)} {s.cite()}" for s in statements)


def _disagreement(statements: list[Statement], show: Any = str) -> str:
    text = _join(statements, show)
    return f"{text} (sources disagree)" if len(statements) > 1 else text


def _meeting_line(s: Statement) -> str:
    people = ", ".join(s.value.get("with") or []) or "(people not named)"
    minutes = s.value.get("minutes")
    length = f"{minutes} min" if minutes is not None else "length not reported"
    flag = " (sources disagree)" if s.status == MatchKind.CONFLICTING else ""
    return f"with {people}: {length} {s.cite()}{flag}"


def _rate(value: Any) -> str:
    return f"{value:g}%" if isinstance(value, int | float) else str(value)


def render_round(view: RoundView, *, changes: Sequence[tuple[str, str, str]] = (), labels: Labels = PLAIN) -> Answer:
    """The round view as an answer: ``/round N``, ``/latest`` and the round digest.

    ``changes`` are (actor, issue, previous stance) of the round's changed positions, for a note.
    """
    status = {"held": "held", "upcoming": "upcoming"}.get(view.status or "", "reported")
    bits = [status, view.date, view.place]
    title = f"Round {view.number}: " + ", ".join(b for b in bits if b)
    outlets = sorted({e.source for e in view.sources if e.source})
    desc = f"The {ordinal(view.number)} ministerial round, from {view.source_total} source"
    desc += "s" if view.source_total != 1 else ""
    desc += f" ({', '.join(outlets)})." if outlets else "."
    fields: list[AnswerField] = []
    if view.of(FactKind.DATE):
        fields.append(AnswerField("When", _disagreement(view.of(FactKind.DATE)), inline=True))
    if view.of(FactKind.LOCATION):
        fields.append(AnswerField("Where", _disagreement(view.of(FactKind.LOCATION)), inline=True))
    if view.of(FactKind.PARTICIPANT):
        fields.append(AnswerField("Participants", _join(view.of(FactKind.PARTICIPANT))))
    if view.of(FactKind.MEETING):
        fields.append(AnswerField("Meetings", "\n".join(_meeting_line(s) for s in view.of(FactKind.MEETING))))
    if view.of(FactKind.TOPIC):
        fields.append(AnswerField("Topics", _join(view.of(FactKind.TOPIC), labels.topic_label)))
    if view.of(FactKind.NOT_DISCUSSED):
        fields.append(AnswerField("Not discussed", _join(view.of(FactKind.NOT_DISCUSSED), labels.topic_label)))
    if view.of(FactKind.TARIFF):
        by_sector: dict[str, list[Statement]] = {}
        for s in view.of(FactKind.TARIFF):
            by_sector.setdefault(s.key, []).append(s)
        lines = [f"{labels.label(sector)}: {_join(items, _rate)}" for sector, items in by_sector.items()]
        fields.append(AnswerField("Tariffs", "\n".join(lines)))
    if view.of(FactKind.POSITION):
        previous = {f"{a}:{i}": p for a, i, p in changes}
        lines = []
        for s in view.of(FactKind.POSITION):
            actor, _, issue = s.key.partition(":")
            note = f" (changed from {previous[s.key]})" if s.status == MatchKind.CHANGED_POSITION and s.key in previous else ""
            if s.status == MatchKind.CHANGED_POSITION and not note:
                note = " (changed)"
            lines.append(f"{actor} on {labels.label(issue)}: {s.value} {s.cite()}{note}")
        fields.append(AnswerField("Positions", "\n".join(lines)))
    if view.next_steps:
        fields.append(AnswerField("Next steps", "\n".join(view.next_steps)))
    more = view.source_total - len(view.sources)
    footer = f"[n] cite the sources listed; +n counts further sources ({more} not listed)" if more > 0 else None
    return Answer(
        title=title, description=desc, fields=fields, sources=[_source(e) for e in view.sources], footer=footer
    )


async def round_answer(session: Session, number: int, labels: Labels = PLAIN) -> Answer | None:
    view = await build_round_view(session, number)
    if view is None:
        return None
    changes = []
    for key in dict.fromkeys(s.key for s in view.of(FactKind.POSITION)):
        # whether a stance is a change is read from the record as corrected, not from the match
        # stored when its article came in: a correction of this round or an earlier one changes it
        before = await corrected.stances_before(session, key, number)
        for s in view.of(FactKind.POSITION):
            if s.key == key and s.corrected_by is None:
                changed = bool(before.stances) and s.value not in before.stances
                s.status = MatchKind.CHANGED_POSITION if changed else MatchKind.NEW
        if before.stances:
            actor, _, issue = key.partition(":")
            changes.append((actor, issue, f"{'/'.join(before.stances)} in round {before.round}"))
    return render_round(view, changes=changes, labels=labels)


@dataclass(slots=True)
class PositionChange:
    """A changed position with the evidence on both sides of the change."""

    actor: str
    issue: str
    round: int
    stance: str
    sentence: str
    entry: Entry
    previous_round: int | None
    previous_stance: str | None
    previous_sentence: str | None
    previous_entry: Entry | None
    date: str | None = None

    @property
    def when(self) -> str:
        return f"in round {self.round}" if self.round else f"outside the rounds ({self.date or 'undated'})"


async def position_change(
    session: Session, fact: Fact, entry: Entry, *, date: str | None = None
) -> PositionChange:
    """The change ``fact`` records, with the earlier round's stance and the sentence that shows it.

    ``date`` names a change reported outside any round (default: the entry's publication day).
    """
    actor, _, issue = fact.key.partition(":")
    found = await corrected.stances_before(session, fact.key, fact.round or kb.AFTER_ALL_ROUNDS)
    prev_round = found.round
    stances = found.stances
    prev_claim: Claim | None = found.claims[0] if found.claims else None
    prev_fact = await kb.first_fact_of_claim(session, prev_claim) if prev_claim else None
    if not fact.round and prev_round is None and not stances:
        # no round holds a stance on it: the change is from the last report outside the rounds
        last = await kb.stances_outside_rounds_before(session, fact.key, fact.entry_id)
        stances = list(dict.fromkeys(f.value for f in last))
        prev_fact = last[0] if last else None
    prev_entry = (await kb.entries_by_ids(session, [prev_fact.entry_id])).get(prev_fact.entry_id) if prev_fact else None
    return PositionChange(
        actor=actor,
        issue=issue,
        round=fact.round or 0,
        stance=fact.value,
        sentence=fact.sentence,
        entry=entry,
        previous_round=prev_round,
        previous_stance="/".join(stances) if stances else None,
        previous_sentence=prev_fact.sentence if prev_fact else _corrected_note(found.correction),
        previous_entry=prev_entry,
        date=date or (published.date().isoformat() if (published := as_utc(entry.published)) else None),
    )


def _corrected_note(correction: Correction | None) -> str | None:
    if correction is None:
        return None
    return f"corrected by {correction.author_name}" + (f": {correction.note}" if correction.note else "")


def _quote(sentence: str | None) -> str:
    return f"“{sentence}”" if sentence else "(no sentence recorded)"


def render_change(change: PositionChange, labels: Labels = PLAIN) -> Answer:
    """A changed-position alert: what changed, and the sentence and link that show it."""
    title = (
        f"{change.actor} changed its position on {labels.label(change.issue)} {change.when}: "
        f"{change.previous_stance or '?'} → {change.stance}"
    )
    link = change.entry.link or change.entry.guid
    desc = f"{change.actor} now seeks {labels.stance_label(change.issue, change.stance)}. {_quote(change.sentence)} — {link}"
    fields = [
        AnswerField(
            f"Now ({change.when.removeprefix('in ')})",
            f"{change.stance}: {_quote(change.sentence)} [1]",
        )
    ]
    sources = [_source(change.entry)]
    if change.previous_stance:
        ref = ""
        if change.previous_entry is not None:
            sources.append(_source(change.previous_entry))
            ref = " [2]"
        fields.append(
            AnswerField(
                f"Before (round {change.previous_round})" if change.previous_round else "Before (outside a round)",
                f"{change.previous_stance}: {_quote(change.previous_sentence)}{ref}",
            )
        )
    return Answer(title=title, description=desc, fields=fields, sources=sources)


# -- outbox payloads ---------------------------------------------------------------------------


def to_payload(answer: Answer, *, ping_role_id: int | None = None) -> dict[str, Any]:
    """The outbox payload: the answer's fields plus the role to ping (a JSON object)."""
    data = {
        "title": answer.title,
        "description": answer.description,
        "fields": [{"name": f.name, "value": f.value, "inline": f.inline} for f in answer.fields],
        "sources": [{"title": s.title, "url": s.url, "outlet": s.outlet} for s in answer.sources],
        "footer": answer.footer,
        "ping_role_id": ping_role_id,
    }
    return data


def from_payload(data: dict[str, Any]) -> tuple[Answer, int | None]:
    """The answer and role id stored in an outbox payload (for sinks: console, Discord)."""
    answer = Answer(
        title=data["title"],
        description=data.get("description") or "",
        fields=[AnswerField(f["name"], f["value"], bool(f.get("inline"))) for f in data.get("fields", [])],
        sources=[Source(s["title"], s.get("url"), s.get("outlet")) for s in data.get("sources", [])],
        footer=data.get("footer"),
    )
    return answer, data.get("ping_role_id")
