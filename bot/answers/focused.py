"""Answers to the narrower questions people ask in plain words: who met, where and when, what
comes next, which topics came up.

Why not just the whole round: "how long did they meet?" deserves the meetings, not a screen of
embeds. Each answer is cut from the same round view `/round N` shows (`build_round_view`), so a
question and the command never disagree. A question that names no round is about the latest one.
"""

from __future__ import annotations

from typing import Any

from bot.answers.answer import Answer, AnswerField, Source
from bot.answers.digests import RoundView, build_round_view, ordinal
from bot.extract.profile import Profile
from bot.knowledge import corrected
from storage import Session as AsyncSession
from storage import knowledge as kb
from storage.kinds import FactKind


class NothingRecorded(LookupError):
    """No round is recorded yet, or not the one asked about (the message says which)."""


async def _view(session: AsyncSession, number: int | None) -> RoundView:
    if number is None:
        number = await kb.latest_round(session)
        if number is None:
            raise NothingRecorded("Nothing recorded yet: no round has been reported so far.")
    view = await build_round_view(session, number)
    if view is None:
        rounds = await kb.recorded_rounds(session)
        listed = ", ".join(str(r) for r in rounds) if rounds else "none yet"
        raise NothingRecorded(f"Round {number} is not recorded. Recorded rounds: {listed}.")
    return view


def _heading(view: RoundView) -> str:
    bits = [b for b in (view.date, view.place) if b]
    return f"Round {view.number}" + (f" ({', '.join(bits)})" if bits else "")


def _sources(view: RoundView, refs: set[int]) -> list[Source]:
    picked = [e for i, e in enumerate(view.sources, start=1) if i in refs] or view.sources[:3]
    return [Source(e.title or e.guid, e.link, e.source) for e in picked]


def _minutes(value: Any) -> str:
    minutes = value.get("minutes")
    return f"{minutes} min" if minutes is not None else "length not reported"


async def meetings(session: AsyncSession, number: int | None, people: tuple[str, ...]) -> Answer:
    """Who met whom in a round, and for how long; only the meetings with ``people`` when they were in one."""
    try:
        view = await _view(session, number)
    except NothingRecorded as exc:
        return Answer(title=str(exc))
    held = view.of(FactKind.MEETING)
    counterparts = [p for p in people if any(p in (s.value.get("with") or []) for s in held)]
    shown = [s for s in held if not counterparts or set(counterparts) & set(s.value.get("with") or [])]
    seen: set[tuple[tuple[str, ...], Any]] = set()
    lines, refs = [], set()
    for s in shown:
        ident = (tuple(s.value.get("with") or []), s.value.get("minutes"))
        if ident in seen:
            continue
        seen.add(ident)
        refs.update(s.refs)
        lines.append(f"with {', '.join(ident[0]) or '(people not named)'}: {_minutes(s.value)} {s.cite()}")
    fields = []
    if view.of(FactKind.PARTICIPANT):
        fields.append(AnswerField("Participants", ", ".join(str(s.value) for s in view.of(FactKind.PARTICIPANT))))
    who = f" with {' and '.join(counterparts)}" if counterparts else ""
    if lines:
        description = f"Meetings{who} in the {ordinal(view.number)} round:\n" + "\n".join(lines)
    else:
        description = "No source reports who met whom in this round."
    return Answer(title=f"{_heading(view)}: who met", description=description, fields=fields,
                  sources=_sources(view, refs), footer=f"/round {view.number} for everything about this round")


async def when_where(session: AsyncSession, number: int | None) -> Answer:
    """Where and when a round was (or will be) held."""
    try:
        view = await _view(session, number)
    except NothingRecorded as exc:
        return Answer(title=str(exc))
    verb = "is planned" if view.status == "upcoming" else ("was held" if view.status == "held" else "was reported")
    place = f" in {view.place}" if view.place else " (place not reported)"
    date = f" on {view.date}" if view.date else " (date not reported)"
    fields = []
    if len(view.of(FactKind.DATE)) > 1 or len(view.of(FactKind.LOCATION)) > 1:
        fields.append(AnswerField("Sources disagree", ", ".join(
            f"{s.value} {s.cite()}" for s in (*view.of(FactKind.DATE), *view.of(FactKind.LOCATION)))))
    refs = {r for s in (*view.of(FactKind.DATE), *view.of(FactKind.LOCATION)) for r in s.refs}
    return Answer(title=f"Round {view.number} {verb}{place}{date}.", fields=fields, sources=_sources(view, refs),
                  footer=f"/round {view.number} for everything about this round")


async def next_round(session: AsyncSession) -> Answer:
    """The next round if one is announced; otherwise the latest round and what it said comes next."""
    latest = await kb.latest_round(session)
    if latest is None:
        return Answer(title="Nothing recorded yet", description="No round has been reported so far.")
    view = await _view(session, latest)
    if view.status == "upcoming" or (view.status is None and not view.of(FactKind.MEETING)):
        where = f" in {view.place}" if view.place else ""
        when = f" on {view.date}" if view.date else ""
        return Answer(title=f"Next: round {view.number}{where}{when}", description="Announced, not held yet.",
                      sources=_sources(view, set()), footer=f"/round {view.number} for what is known so far")
    fields = [AnswerField("What the sources say comes next", "\n".join(view.next_steps))] if view.next_steps else []
    return Answer(
        title=f"No next round is announced yet; the latest is round {view.number}",
        description=f"{_heading(view)} was the {ordinal(view.number)} round.",
        fields=fields, sources=_sources(view, set()), footer="/timeline for every round so far",
    )


async def topics(session: AsyncSession, number: int | None, topic: str | None, profile: Profile) -> Answer:
    """The topics of a round, or whether (and in which rounds) one topic came up."""
    if topic and number is None:
        return await _rounds_with_topic(session, topic, profile)
    try:
        view = await _view(session, number)
    except NothingRecorded as exc:
        return Answer(title=str(exc))
    discussed = {s.value: s for s in view.of(FactKind.TOPIC)}
    skipped = {s.value: s for s in view.of(FactKind.NOT_DISCUSSED)}
    if topic:
        label = profile.topic_label(topic)
        if topic in discussed:
            s = discussed[topic]
            title, refs = f"Yes: {label} came up in round {view.number} {s.cite()}", set(s.refs)
        elif topic in skipped:
            s = skipped[topic]
            title, refs = f"No: {label} was not discussed in round {view.number} {s.cite()}", set(s.refs)
        else:
            title, refs = f"No source says {label} came up in round {view.number}", set()
        return Answer(title=title, sources=_sources(view, refs), footer=f"/round {view.number} for the whole round")
    fields = [AnswerField("Discussed", ", ".join(f"{profile.topic_label(k)} {s.cite()}" for k, s in discussed.items()))
              ] if discussed else []
    if skipped:
        fields.append(AnswerField("Not discussed", ", ".join(f"{profile.topic_label(k)} {s.cite()}" for k, s in skipped.items())))
    return Answer(title=f"{_heading(view)}: topics", description="" if fields else "No topics reported.",
                  fields=fields, sources=_sources(view, set()))


async def _rounds_with_topic(session: AsyncSession, topic: str, profile: Profile) -> Answer:
    claims = await corrected.topic_claims(session, topic)
    label = profile.topic_label(topic)
    came_up = sorted({c.round for c in claims if c.kind == FactKind.TOPIC})
    skipped = sorted({c.round for c in claims if c.kind == FactKind.NOT_DISCUSSED})
    if not claims:
        return Answer(title=f"No source says {label} came up in any round")
    fields = []
    if came_up:
        fields.append(AnswerField("Came up in", ", ".join(f"round {r}" for r in came_up)))
    if skipped:
        fields.append(AnswerField("Not discussed in", ", ".join(f"round {r}" for r in skipped)))
    return Answer(title=f"{label[:1].upper()}{label[1:]} in the talks", fields=fields,
                  footer="/round N for the sources of one round")


def help_answer(examples: list[str], *, understood: bool = False) -> Answer:
    """What a question Parley cannot answer gets: three example questions and the commands."""
    title = "Ask me about the talks" if understood else "Sorry, I did not understand that"
    return Answer(
        title=title,
        description="Try asking:\n" + "\n".join(f"• {q}" for q in examples),
        fields=[AnswerField("Or use the commands",
                            "/round N, /latest, /timeline, /positions, /changes, /tariffs, /why LINK")],
    )

