"""One query layer for `/round N`, `/latest`, `/timeline`, `/positions`, `/changes`, `/tariffs`, `/why`,
and for questions in plain words.

`answer(store, command, args)` is what the Discord cogs call with parsed options;
`ask(settings, text)` takes a command's text (``"/round 5"``) or a question in plain words
(``"who met in round 5?"``) for `parley ask`, and `ask_question` is what a mention or a DM gets:
all run the same code. They return an `Answer`: a bad argument is a one-line `Answer.failure`,
never an exception; a question not understood gets the help (three examples and the commands).
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from bot.answers import focused
from bot.answers.answer import Answer, AnswerField, Source
from bot.answers.digests import position_change, render_change, round_answer
from bot.answers.questions import QuestionParser
from bot.config import Settings
from bot.errors import UserError
from bot.extract.profile import Profile, ProfileError, default_profile, load_profile
from bot.knowledge.dedupe import normalise_link
from storage import Session, StorageError, Store
from storage import knowledge as kb
from storage.migrate import upgrade_async
from storage.models import Claim

COMMANDS = ("round", "latest", "timeline", "positions", "changes", "tariffs", "why")
USAGE = "try /round N, /latest, /timeline, /positions [side], /changes, /tariffs [sector] or /why LINK_OR_GUID"


MAX_ROUND = 1000  # far beyond any negotiation; keeps a typo from reaching the database as a huge integer
ROUND_RANGE = f"rounds are numbered 1 to {MAX_ROUND}, e.g. /round 5"


class BadArgument(UserError, ValueError):
    """A one-line complaint about the asker's input: a `UserError` like every user's mistake (the
    one error type, which the CLI and the bot both show as one line); the query layer returns it
    as `Answer.failure` so `parley ask` and the cogs show the same line."""


def check_round(number: int) -> int:
    """``number`` if it can be a round; else `BadArgument` saying the valid range.

    Checked before any query: SQLite cannot bind an integer over 64 bits (OverflowError) and
    PostgreSQL's integer column refuses one over 32 bits, each with a message no user should see.
    """
    if not 1 <= number <= MAX_ROUND:
        shown = str(number) if len(str(number)) <= 24 else f"{str(number)[:20]}…"
        raise BadArgument(f"round {shown} is out of range: {ROUND_RANGE}")
    return number


def printable(text: str, limit: int = 200) -> str:
    """``text`` as it can be shown in one line: control characters (a NUL) as '?', cut at ``limit``."""
    shown = "".join(c if c.isprintable() else "?" for c in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def parse(text: str) -> tuple[str, dict[str, Any]]:
    """``"/round 5"`` → ``("round", {"number": 5})``. Raises `BadArgument` with one line."""
    words = text.strip().split()
    if not words:
        raise BadArgument(f"no command given: {USAGE}")
    name = words[0].lstrip("/").lower()
    rest = words[1:]
    if name not in COMMANDS:
        raise BadArgument(f"unknown command /{name}: {USAGE}")
    if name == "round":
        if not rest:
            raise BadArgument("round needs a number, e.g. /round 5")
        if len(rest) > 1 or not re.fullmatch(r"[+-]?\d+", rest[0]):
            raise BadArgument("round must be a whole number, e.g. /round 5")
        return name, {"number": check_round(int(rest[0]))}
    if name in ("latest", "timeline", "changes"):
        if rest:
            raise BadArgument(f"/{name} takes no argument")
        return name, {}
    if name == "positions":
        return name, {"side": " ".join(rest) or None}
    if name == "tariffs":
        if len(rest) > 1:
            raise BadArgument("/tariffs takes one sector at most (/tariffs alone lists every sector recorded)")
        return name, {"sector": rest[0] if rest else None}
    if len(rest) != 1:
        raise BadArgument("why needs one link or guid, e.g. /why https://example.com/article")
    return name, {"target": rest[0]}


async def ask(settings: Settings, text: str) -> Answer:
    """Answer a command's text (``/round 5``) or a question in plain words against the configured
    database (migrated first if needed)."""
    try:
        profile = load_profile(settings.parley_profile)
    except ProfileError as exc:
        return Answer.failure(str(exc))
    parser = QuestionParser(profile)
    if text.strip().startswith("/"):
        try:  # a mistyped command is told before any database is created or migrated for it
            parse(text)
        except BadArgument as exc:
            return Answer.failure(str(exc))
    try:
        await upgrade_async(settings.database_url)
        async with Store(settings.database_url) as store:
            return await ask_question(store, parser, text)
    except StorageError as exc:
        return Answer.failure(str(exc))


async def ask_question(store: Store, parser: QuestionParser, text: str, *, thread_round: int | None = None) -> Answer:
    """The answer to a question in plain words (a mention, a DM, `parley ask`); the help when it is
    not understood. Text that starts with ``/`` is read as the command it names."""
    if text.strip().startswith("/"):
        try:
            command, args = parse(text)
        except BadArgument as exc:
            return Answer.failure(str(exc))
        return await answer(store, command, args, parser.profile)
    question = parser.parse(text, thread_round=thread_round)
    if question is None or question.command == "help":
        return focused.help_answer(parser.examples(), understood=question is not None)
    return await answer(store, question.command, question.args, parser.profile)


class _Cache:
    """Answers of one store, each with the knowledge stamp it was built at (`kb.knowledge_stamp`).

    An answer is served again only while the stamp is unchanged, i.e. until the next ingest (in
    this process or another) commits: one index probe instead of a handful of queries and the
    rendering. The stamp and the answer are read in one transaction, so they agree.
    """

    def __init__(self) -> None:
        self.stamp: int | None = None
        self.items: dict[tuple[Any, ...], Any] = {}

    def get(self, stamp: int | None, key: tuple[Any, ...]) -> Any:
        if stamp is None or stamp != self.stamp:
            return None
        return self.items.get(key)

    def put(self, stamp: int | None, key: tuple[Any, ...], value: Any) -> None:
        if stamp is None:
            return
        if stamp != self.stamp:
            self.stamp, self.items = stamp, {}
        if len(self.items) >= CACHE_SIZE:
            self.items.clear()
        self.items[key] = value


CACHE_SIZE = 256  # answers kept per store (a round view is a few kB)
_caches: weakref.WeakKeyDictionary[Store, _Cache] = weakref.WeakKeyDictionary()


def _cache_of(store: Store) -> _Cache:
    cache = _caches.get(store)
    if cache is None:
        cache = _caches[store] = _Cache()
    return cache


def _copy(found: Answer) -> Answer:
    """A copy the caller may change without changing the cached answer (fields and sources are frozen)."""
    return replace(found, fields=list(found.fields), sources=list(found.sources))


CACHED = frozenset({"round", "latest", "timeline", "meetings", "when_where", "next", "topics"})  # answers that depend on the knowledge base only


async def answer(store: Store, command: str, args: dict[str, Any], profile: Profile | None = None) -> Answer:
    """The answer to one command with its parsed arguments (the Discord cogs' entry point).

    ``profile`` (the shipped one when not given) names the sides, sectors and issues the answers
    speak of. `/round`, `/latest` and `/timeline` come from a cache while nothing new is stored."""
    profile = profile or default_profile()
    name = command.lstrip("/").lower()
    handler = _HANDLERS.get(name)
    if handler is None:
        return Answer.failure(f"unknown command /{command}: {USAGE}")
    try:
        async with store.session() as session:
            if name not in CACHED:
                return await handler(session, args, profile)
            cache = _cache_of(store)
            stamp = await kb.knowledge_stamp(session)
            key = (name, repr(sorted(args.items())), profile.id)
            found = cache.get(stamp, key)
            if found is None:
                found = await handler(session, args, profile)
                cache.put(stamp, key, found)
            return _copy(found)
    except BadArgument as exc:
        return Answer.failure(str(exc))


async def recorded_rounds(store: Store) -> list[int]:
    """The round numbers something is recorded for, ascending (for autocomplete); cached like `answer`."""
    async with store.session() as session:
        cache = _cache_of(store)
        stamp = await kb.knowledge_stamp(session)
        rounds = cache.get(stamp, ("recorded_rounds",))
        if rounds is None:
            rounds = await kb.recorded_rounds(session)
            cache.put(stamp, ("recorded_rounds",), rounds)
        return list(rounds)


async def _not_recorded(session: Session, number: int) -> Answer:
    rounds = await kb.recorded_rounds(session)
    listed = ", ".join(str(r) for r in rounds) if rounds else "none yet"
    return Answer(title=f"Round {number} is not recorded", description=f"Recorded rounds: {listed}.")


async def _round(session: Session, args: dict[str, Any], profile: Profile) -> Answer:
    number = args.get("number")
    if isinstance(number, str) and number.strip().isdigit():
        number = int(number)
    if not isinstance(number, int) or isinstance(number, bool):
        raise BadArgument("round must be a whole number, e.g. /round 5")
    check_round(number)
    found = await round_answer(session, number, profile)
    return found if found is not None else await _not_recorded(session, number)


async def _latest(session: Session, args: dict[str, Any], profile: Profile) -> Answer:
    number = await kb.latest_round(session)
    if number is None:
        return Answer(title="Nothing recorded yet", description="No round has been reported so far.")
    found = await round_answer(session, number, profile)
    assert found is not None
    return found


async def _timeline(session: Session, args: dict[str, Any], profile: Profile) -> Answer:
    rounds = await kb.recorded_rounds(session)
    if not rounds:
        return Answer(title="Nothing recorded yet", description="No round has been reported so far.")
    lines = []
    for number in rounds:
        claims = await kb.claims_of_round(session, number, kinds=("round_status", "date", "location"))
        total, _ = await kb.entries_in_round(session, number, limit=0)
        statuses = {c.key for c in claims if c.kind == "round_status"}
        status = "held" if "held" in statuses else ("upcoming" if statuses else "reported")
        date = _best(claims, "date")
        place = _best(claims, "location")
        parts = [p for p in (status, date, place) if p]
        lines.append(AnswerField(f"Round {number}", f"{', '.join(parts)} ({total} source{'s' if total != 1 else ''})"))
    return Answer(title="Timeline of the rounds", fields=lines, footer="/round N for the details of one round")


def _best(claims: list[Claim], kind: str) -> str | None:
    best = max((c for c in claims if c.kind == kind), key=lambda c: c.source_count, default=None)
    return json.loads(best.value) if best else None


async def _positions(session: Session, args: dict[str, Any], profile: Profile) -> Answer:
    side = args.get("side")
    actor = None
    if side:
        actor = profile.side_named(str(side))
        if actor is None:
            sides = " or ".join(profile.sides)
            raise BadArgument(f"side must be {sides}, e.g. /positions {next(iter(profile.sides))}")
    claims = await kb.position_claims(session, actor=actor)
    if not claims:
        who = f" for {actor}" if actor else ""
        return Answer(title=f"No positions recorded{who}", description="No source has reported a stance yet.")
    fields = []
    by_key: dict[str, list[Claim]] = {}
    for c in claims:
        by_key.setdefault(c.key, []).append(c)
    for key, items in by_key.items():
        who, _, issue = key.partition(":")
        lines = []
        for c in items:
            mark = " (changed)" if c.status == "changed_position" else ""
            plural = "s" if c.source_count != 1 else ""
            lines.append(f"round {c.round}: {json.loads(c.value)}{mark} ({c.source_count} source{plural})")
        fields.append(AnswerField(f"{who} on {profile.label(issue)}", "\n".join(lines)))
    return Answer(title="Positions by round", fields=fields, footer="/changes for the sentences that show each change")


async def _changes(session: Session, args: dict[str, Any], profile: Profile) -> Answer:
    facts = await kb.changed_position_facts(session)
    seen: set[tuple[str, int | None, str]] = set()
    fields: list[AnswerField] = []
    sources: list[Source] = []
    for fact in facts:
        ident = (fact.key, fact.round, fact.value)
        if ident in seen:
            continue
        seen.add(ident)
        entry = (await kb.entries_by_ids(session, [fact.entry_id]))[fact.entry_id]
        change = render_change(await position_change(session, fact, entry), profile)
        fields.append(AnswerField(change.title, change.description))
        sources.extend(s for s in change.sources[:1] if s not in sources)
    if not fields:
        return Answer(title="No changed positions recorded", description="No side has changed its stance so far.")
    return Answer(title="Changed positions", fields=fields, sources=sources)


async def _tariffs(session: Session, args: dict[str, Any], profile: Profile) -> Answer:
    sector = args.get("sector")
    if sector is not None:
        sector = str(sector).strip().lower().replace(" ", "_")
        if sector not in profile.sectors:
            raise BadArgument(f"unknown sector {args['sector']!r}: one of {', '.join(profile.sectors)}")
    claims = await kb.tariff_claims(session, sector=sector)
    if not claims:
        return Answer(title="No tariff rates recorded" + (f" for {profile.label(sector)}" if sector else ""))
    by_sector: dict[str, list[str]] = {}
    for c in claims:
        where = f"round {c.round}" if c.round else "outside a round"
        rate = json.loads(c.value)
        plural = "s" if c.source_count != 1 else ""
        by_sector.setdefault(c.key, []).append(f"{where}: {rate:g}% ({c.source_count} source{plural})")
    fields = [AnswerField(profile.label(k), "\n".join(v)) for k, v in by_sector.items()]
    return Answer(title="Tariff rates reported", fields=fields)


async def _why(session: Session, args: dict[str, Any], profile: Profile) -> Answer:
    target = str(args.get("target") or "").strip()
    if not target:
        raise BadArgument("why needs one link or guid, e.g. /why https://example.com/article")
    entry = None
    if target.isprintable():  # a NUL or another control character is in no stored guid or link
        entry = await kb.entry_by_guid(session, target)
        if entry is None and (link := normalise_link(target)):
            entry = await kb.entry_by_link(session, link)
    if entry is None:  # the asker's slip: one line, for them only
        raise BadArgument(f"Parley has not seen that article: no entry has the guid or link {printable(target)}")
    fields = [AnswerField("Decision", entry.decision or "not processed yet")]
    if entry.quarantine:
        fields.append(AnswerField("Quarantined", entry.quarantine))
    elif entry.duplicate_of is None:
        posted = "yes" if entry.announced else "no"
        fields.append(AnswerField("Posted about it", posted, inline=True))
        fields.append(AnswerField("Relevant", "yes" if entry.relevant else "no", inline=True))
        if entry.round:
            fields.append(AnswerField("Round", str(entry.round), inline=True))
        facts = await kb.facts_of_entry(session, entry.id or 0)
        if facts:
            lines = [f"{f.kind.replace('_', ' ')} {_fact_label(f, profile)}: {f.match.replace('_', ' ')}" for f in facts[:40]]
            if len(facts) > 40:
                lines.append(f"... and {len(facts) - 40} more")
            fields.append(AnswerField("Facts recorded (and how they matched)", "\n".join(lines)))
        elif entry.facts_json and entry.relevant is False:
            fields.append(AnswerField("Extracted", "nothing about the tracked negotiation"))
        if entry.cluster_id is not None:
            fields.append(AnswerField("Story cluster", f"#{entry.cluster_id}", inline=True))
    return Answer(
        title=f"Why: {entry.title or entry.guid}",
        description=f"guid {entry.guid}, from {entry.source or 'an unnamed source'}",
        fields=fields,
        sources=[Source(entry.title or entry.guid, entry.link, entry.source)],
    )


def _fact_label(fact: Any, profile: Profile) -> str:
    value = json.loads(fact.value)
    if fact.kind == "meeting":
        minutes = value.get("minutes")
        return f"with {', '.join(value.get('with') or []) or '?'}" + (f", {minutes} min" if minutes else "")
    if fact.kind == "position":
        actor, _, issue = fact.key.partition(":")
        return f"{actor} on {profile.label(issue)} = {value}"
    if fact.kind == "tariff":
        return f"{profile.label(fact.key)} {value:g}%"
    if fact.kind in ("topic", "not_discussed"):
        return profile.label(str(value))
    return str(value)


_HANDLERS: dict[str, Callable[[Session, dict[str, Any], Profile], Awaitable[Answer]]] = {
    "round": _round,
    "latest": _latest,
    "timeline": _timeline,
    "positions": _positions,
    "changes": _changes,
    "tariffs": _tariffs,
    "why": _why,
    # narrower answers to questions in plain words (no slash command of their own)
    "meetings": focused.meetings,
    "when_where": focused.when_where,
    "next": focused.next_round,
    "topics": focused.topics,
}

__all__ = ["COMMANDS", "MAX_ROUND", "BadArgument", "answer", "ask", "ask_question", "check_round", "parse",
           "recorded_rounds"]
