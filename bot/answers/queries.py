"""One query layer for `/round N`, `/latest`, `/timeline`, `/positions`, `/changes`, `/tariffs`, `/why`,
and for questions in plain words.

One typed function per query (`round_`, `latest`, `timeline`, `positions`, `changes`, `tariffs`,
`why`, and the narrower `meetings`, `when_where`, `next_round`, `topics` that only questions in
plain words reach): the Discord cogs call them with their parsed options. `parse` reads a
command's text (``"/round 5"``) into a typed query (`bot.answers.query`), and `run` answers any
query by calling its function; `ask(settings, text)` is `parley ask`, and `ask_question` is what a
mention or a DM gets: all run the same code and return an `Answer`.

A user's mistake (a round out of range, an unknown side or sector, an article never seen) raises
`UserError` with one line. Why an exception rather than an error answer: it is the one channel
every layer of Parley already uses for a user's mistake (profiles, feeds, gold files, the feed
commands), every front end already turns it into one line (the CLI on stderr with exit 2, the
command tree's error handler as an ephemeral line, the conversation as a reply), and a query's
function then returns only answers, so no caller has to check whether an answer is really one.
A question in plain words that is not understood is no mistake: it gets the help.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any, assert_never

from bot.answers import focused
from bot.answers.answer import Answer, AnswerField, Source
from bot.answers.digests import position_change, render_change, round_answer
from bot.answers.query import (
    ChangesQuery,
    HelpQuery,
    LatestQuery,
    MeetingsQuery,
    NextQuery,
    PositionsQuery,
    Query,
    RoundQuery,
    TariffsQuery,
    TimelineQuery,
    TopicsQuery,
    WhenWhereQuery,
    WhyQuery,
)
from bot.answers.questions import QuestionParser
from bot.config import Settings
from bot.errors import UserError
from bot.extract.profile import Profile, default_profile, load_profile
from bot.knowledge import corrected
from bot.knowledge.dedupe import normalise_link
from bot.knowledge.matching import dump
from storage import Session, Store
from storage import corrections as corrections_store
from storage import knowledge as kb
from storage.kinds import FactKind
from storage.migrate import upgrade_async
from storage.models import Claim, Correction, Fact

COMMANDS = ("round", "latest", "timeline", "positions", "changes", "tariffs", "why")
USAGE = "try /round N, /latest, /timeline, /positions [side], /changes, /tariffs [sector] or /why LINK_OR_GUID"


MAX_ROUND = 1000  # far beyond any negotiation; keeps a typo from reaching the database as a huge integer
ROUND_RANGE = f"rounds are numbered 1 to {MAX_ROUND}, e.g. /round 5"


def check_round(number: int) -> int:
    """``number`` if it can be a round; else a `UserError` saying the valid range.

    Checked before any query: SQLite cannot bind an integer over 64 bits (OverflowError) and
    PostgreSQL's integer column refuses one over 32 bits, each with a message no user should see.
    """
    if not 1 <= number <= MAX_ROUND:
        shown = str(number) if len(str(number)) <= 24 else f"{str(number)[:20]}…"
        raise UserError(f"round {shown} is out of range: {ROUND_RANGE}")
    return number


def printable(text: str, limit: int = 200) -> str:
    """``text`` as it can be shown in one line: control characters (a NUL) as '?', cut at ``limit``."""
    shown = "".join(c if c.isprintable() else "?" for c in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def parse(text: str) -> Query:
    """``"/round 5"`` → ``RoundQuery(5)``. Raises `UserError` with one line."""
    words = text.strip().split()
    if not words:
        raise UserError(f"no command given: {USAGE}")
    name = words[0].lstrip("/").lower()
    rest = words[1:]
    if name not in COMMANDS:
        raise UserError(f"unknown command /{name}: {USAGE}")
    if name == "round":
        if not rest:
            raise UserError("round needs a number, e.g. /round 5")
        if len(rest) > 1 or not re.fullmatch(r"[+-]?\d+", rest[0]):
            raise UserError("round must be a whole number, e.g. /round 5")
        return RoundQuery(check_round(int(rest[0])))
    if name in ("latest", "timeline", "changes"):
        if rest:
            raise UserError(f"/{name} takes no argument")
        return LatestQuery() if name == "latest" else TimelineQuery() if name == "timeline" else ChangesQuery()
    if name == "positions":
        return PositionsQuery(" ".join(rest) or None)
    if name == "tariffs":
        if len(rest) > 1:
            raise UserError("/tariffs takes one sector at most (/tariffs alone lists every sector recorded)")
        return TariffsQuery(rest[0] if rest else None)
    if len(rest) != 1:
        raise UserError("why needs one link or guid, e.g. /why https://example.com/article")
    return WhyQuery(rest[0])


async def ask(settings: Settings, text: str) -> Answer:
    """Answer a command's text (``/round 5``) or a question in plain words against the configured
    database (migrated first if needed). A mistake raises `UserError`; a database away, `StorageError`."""
    profile = load_profile(settings.parley_profile)
    parser = QuestionParser(profile)
    if text.strip().startswith("/"):
        parse(text)  # a mistyped command is told before any database is created or migrated for it
    await upgrade_async(settings.database_url)
    async with Store(settings.database_url) as store:
        return await ask_question(store, parser, text)


async def ask_question(store: Store, parser: QuestionParser, text: str, *, thread_round: int | None = None) -> Answer:
    """The answer to a question in plain words (a mention, a DM, `parley ask`); the help when it is
    not understood. Text that starts with ``/`` is read as the command it names."""
    if text.strip().startswith("/"):
        return await run(store, parse(text), parser.profile)
    question = parser.parse(text, thread_round=thread_round)
    if question is None or isinstance(question, HelpQuery):
        return focused.help_answer(parser.examples(), understood=question is not None)
    return await run(store, question, parser.profile)


async def run(store: Store, query: Query, profile: Profile | None = None) -> Answer:
    """The answer to ``query``, from its own function."""
    match query:
        case RoundQuery(number):
            return await round_(store, number, profile)
        case LatestQuery():
            return await latest(store, profile)
        case TimelineQuery():
            return await timeline(store, profile)
        case PositionsQuery(side):
            return await positions(store, side, profile)
        case ChangesQuery():
            return await changes(store, profile)
        case TariffsQuery(sector):
            return await tariffs(store, sector, profile)
        case WhyQuery(target):
            return await why(store, target, profile)
        case MeetingsQuery(number, people):
            return await meetings(store, number, people, profile)
        case WhenWhereQuery(number):
            return await when_where(store, number, profile)
        case NextQuery():
            return await next_round(store, profile)
        case TopicsQuery(number, topic):
            return await topics(store, number, topic, profile)
        case HelpQuery():
            raise ValueError("the help is the question parser's, not a query of the knowledge base")
        case _:
            assert_never(query)


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


Build = Callable[[Session], Awaitable[Answer]]


async def _cached(store: Store, key: Query, profile: Profile, build: Build) -> Answer:
    """``build``'s answer, from the store's cache while nothing new is stored (`_Cache`). For the
    answers that depend on the knowledge base only: the round views, the timeline, the focused ones."""
    async with store.session() as session:
        cache = _cache_of(store)
        stamp = await kb.knowledge_stamp(session)
        found = cache.get(stamp, (key, profile.id))
        if found is None:
            found = await build(session)
            cache.put(stamp, (key, profile.id), found)
        return _copy(found)


async def _fresh(store: Store, build: Build) -> Answer:
    async with store.session() as session:
        return await build(session)


# -- one function per query: ``profile`` (the shipped one when not given) names the sides, sectors
# and issues the answers speak of -------------------------------------------------------------


async def round_(store: Store, number: int, profile: Profile | None = None) -> Answer:
    """``/round N``: the round's view; a round with nothing recorded lists the recorded ones."""
    shown = profile or default_profile()
    check_round(number)
    return await _cached(store, RoundQuery(number), shown, lambda session: _round(session, number, shown))


async def latest(store: Store, profile: Profile | None = None) -> Answer:
    """``/latest``: the view of the highest round recorded."""
    shown = profile or default_profile()
    return await _cached(store, LatestQuery(), shown, lambda session: _latest(session, shown))


async def timeline(store: Store, profile: Profile | None = None) -> Answer:
    """``/timeline``: one line per round, with its status, date, place and number of sources."""
    shown = profile or default_profile()
    return await _cached(store, TimelineQuery(), shown, _timeline)


async def positions(store: Store, side: str | None = None, profile: Profile | None = None) -> Answer:
    """``/positions [side]``: each stance by round, changes marked. An unknown side is a `UserError`."""
    shown = profile or default_profile()
    return await _fresh(store, lambda session: _positions(session, side, shown))


async def changes(store: Store, profile: Profile | None = None) -> Answer:
    """``/changes``: each change of position with the sentence that shows it."""
    shown = profile or default_profile()
    return await _fresh(store, lambda session: _changes(session, shown))


async def tariffs(store: Store, sector: str | None = None, profile: Profile | None = None) -> Answer:
    """``/tariffs [sector]``: rates reported by sector. An unknown sector is a `UserError`."""
    shown = profile or default_profile()
    return await _fresh(store, lambda session: _tariffs(session, sector, shown))


async def why(store: Store, target: str, profile: Profile | None = None) -> Answer:
    """``/why LINK_OR_GUID``: what Parley did with one article. An article never seen is a `UserError`."""
    shown = profile or default_profile()
    return await _fresh(store, lambda session: _why(session, target, shown))


async def meetings(store: Store, number: int | None = None, people: tuple[str, ...] = (),
                   profile: Profile | None = None) -> Answer:
    """Who met whom in round ``number`` (the latest when None), only with ``people`` when named."""
    shown = profile or default_profile()
    return await _cached(store, MeetingsQuery(number, people), shown,
                         lambda session: focused.meetings(session, number, people))


async def when_where(store: Store, number: int | None = None, profile: Profile | None = None) -> Answer:
    """When and where round ``number`` (the latest when None) was or will be held."""
    shown = profile or default_profile()
    return await _cached(store, WhenWhereQuery(number), shown, lambda session: focused.when_where(session, number))


async def next_round(store: Store, profile: Profile | None = None) -> Answer:
    """The next round if one is announced; else the latest and what its sources say comes next."""
    shown = profile or default_profile()
    return await _cached(store, NextQuery(), shown, focused.next_round)


async def topics(store: Store, number: int | None = None, topic: str | None = None,
                 profile: Profile | None = None) -> Answer:
    """The topics of round ``number`` (the latest when None), or where ``topic`` came up."""
    shown = profile or default_profile()
    return await _cached(store, TopicsQuery(number, topic), shown,
                         lambda session: focused.topics(session, number, topic, shown))


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


async def _round(session: Session, number: int, profile: Profile) -> Answer:
    found = await round_answer(session, number, profile)
    return found if found is not None else await _not_recorded(session, number)


async def _no_round_yet(session: Session) -> Answer:
    """What `/latest` and `/timeline` say before any round is recorded. Facts reported outside a
    round (a negotiation whose sittings the profile does not number, a deal announced by a
    leader) are kept all the same: the answer points to the commands that show them."""
    outside = await kb.claims_of_round(session, 0, kinds=(FactKind.POSITION, FactKind.TARIFF))
    if not outside:
        return Answer(title="Nothing recorded yet", description="No round has been reported so far.")
    return Answer(
        title="No round recorded yet",
        description=(
            "No article has reported a round so far; the positions and tariff rates reported outside a"
            " round are in /positions and /tariffs."
        ),
    )


async def _latest(session: Session, profile: Profile) -> Answer:
    number = await kb.latest_round(session)
    if number is None:
        return await _no_round_yet(session)
    found = await round_answer(session, number, profile)
    assert found is not None
    return found


async def _timeline(session: Session) -> Answer:
    rounds = await kb.recorded_rounds(session)
    if not rounds:
        return await _no_round_yet(session)
    lines = []
    for number in rounds:
        claims = (await corrected.round_claims(session, number,
                                               kinds=(FactKind.ROUND_STATUS, FactKind.DATE, FactKind.LOCATION))).claims
        total, _ = await kb.entries_in_round(session, number, limit=0)
        statuses = {c.key for c in claims if c.kind == FactKind.ROUND_STATUS}
        status = "held" if "held" in statuses else ("upcoming" if statuses else "reported")
        date = _best(claims, FactKind.DATE)
        place = _best(claims, FactKind.LOCATION)
        parts = [p for p in (status, date, place) if p]
        lines.append(AnswerField(f"Round {number}", f"{', '.join(parts)} ({total} source{'s' if total != 1 else ''})"))
    return Answer(title="Timeline of the rounds", fields=lines, footer="/round N for the details of one round")


def _best(claims: list[Claim], kind: FactKind) -> str | None:
    best = max((c for c in claims if c.kind == kind), key=lambda c: c.source_count, default=None)
    if best is None:
        return None
    return str(best.value)  # a date or a place


async def _positions(session: Session, side: str | None, profile: Profile) -> Answer:
    actor = None
    if side:
        actor = profile.side_named(side)
        if actor is None:
            sides = " or ".join(profile.sides)
            raise UserError(f"side must be {sides}, e.g. /positions {next(iter(profile.sides))}")
    found = await corrected.position_claims(session, actor=actor)
    claims = found.claims
    if not claims:
        who = f" for {actor}" if actor else ""
        return Answer(title=f"No positions recorded{who}", description="No source has reported a stance yet.")
    fields = []
    by_key: dict[str, list[Claim]] = {}
    for c in claims:
        by_key.setdefault(c.key, []).append(c)
    changed = {id(change.claim) for change in corrected.changes_in(found)}
    for key, items in by_key.items():
        who, _, issue = key.partition(":")
        lines = []
        # the rounds in order, then what was reported outside any round ("(changed)" marks a
        # change from one round to the next; /changes also lists those reported outside a round)
        for c in sorted(items, key=lambda c: c.round == 0):
            where = f"round {c.round}" if c.round else "outside a round"
            mark = " (changed)" if id(c) in changed else ""
            correction = found.correction_of(c)
            if correction is not None:
                lines.append(f"{where}: {c.value}{mark} (corrected by {correction.author_name})")
                continue
            plural = "s" if c.source_count != 1 else ""
            lines.append(f"{where}: {c.value}{mark} ({c.source_count} source{plural})")
        fields.append(AnswerField(f"{who} on {profile.label(issue)}", "\n".join(lines)))
    return Answer(title="Positions by round", fields=fields, footer="/changes for the sentences that show each change")


async def _changes(session: Session, profile: Profile) -> Answer:
    """The changes of the record as corrected: a change a source reported is shown with its
    sentences unless a correction made it false; a change a correction made is shown as such."""
    facts = await kb.changed_position_facts(session)
    found = await corrected.position_claims(session)
    holding = corrected.changes_in(found)
    true_changes = {(c.key, c.round, dump(c.stance)) for c in holding}
    seen: set[tuple[str, int | None, str]] = set()
    fields: list[AnswerField] = []
    sources: list[Source] = []
    for fact in facts:
        ident = (fact.key, fact.round, dump(fact.value))  # a stance
        if ident in seen or (fact.round and ident not in true_changes):
            continue
        seen.add(ident)
        entry = (await kb.entries_by_ids(session, [fact.entry_id]))[fact.entry_id]
        change = render_change(await position_change(session, fact, entry), profile)
        fields.append(AnswerField(change.title, change.description))
        sources.extend(s for s in change.sources[:1] if s not in sources)
    for made in holding:
        correction = found.correction_of(made.claim)
        if correction is None or (made.key, made.round, dump(made.stance)) in seen:
            continue
        actor, _, issue = made.key.partition(":")
        note = f": {correction.note}" if correction.note else ""
        before = "/".join(made.previous_stances)
        fields.append(AnswerField(
            f"{actor} changed its position on {profile.label(issue)} in round {made.round}: {before} → {made.stance}",
            f"round {made.round} corrected by {correction.author_name}{note} (round {made.previous_round}: {before})"))
    if not fields:
        return Answer(title="No changed positions recorded", description="No side has changed its stance so far.")
    return Answer(title="Changed positions", fields=fields, sources=sources)


async def _tariffs(session: Session, asked: str | None, profile: Profile) -> Answer:
    sector = None
    if asked is not None:
        sector = asked.strip().lower().replace(" ", "_")
        if sector not in profile.sectors:
            raise UserError(f"unknown sector {asked!r}: one of {', '.join(profile.sectors)}")
    found = await corrected.tariff_claims(session, sector=sector)
    claims = found.claims
    if not claims:
        return Answer(title="No tariff rates recorded" + (f" for {profile.label(sector)}" if sector else ""))
    by_sector: dict[str, list[str]] = {}
    for c in claims:
        where = f"round {c.round}" if c.round else "outside a round"
        rate = c.value
        plural = "s" if c.source_count != 1 else ""
        correction = found.correction_of(c)
        by = f"corrected by {correction.author_name}" if correction else f"{c.source_count} source{plural}"
        by_sector.setdefault(c.key, []).append(f"{where}: {rate:g}% ({by})")
    fields = [AnswerField(profile.label(k), "\n".join(v)) for k, v in by_sector.items()]
    return Answer(title="Tariff rates reported", fields=fields)


async def _why(session: Session, asked: str, profile: Profile) -> Answer:
    target = asked.strip()
    if not target:
        raise UserError("why needs one link or guid, e.g. /why https://example.com/article")
    entry = None
    if target.isprintable():  # a NUL or another control character is in no stored guid or link
        entry = await kb.entry_by_guid(session, target)
        if entry is None and (link := normalise_link(target)):
            entry = await kb.entry_by_link(session, link)
    if entry is None:  # the asker's slip: one line, for them only
        raise UserError(f"Parley has not seen that article: no entry has the guid or link {printable(target)}")
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
            lines = [f"{f.kind.replace('_', ' ')} {fact_label(f, profile)}: {f.match.replace('_', ' ')}" for f in facts[:40]]
            if len(facts) > 40:
                lines.append(f"... and {len(facts) - 40} more")
            fields.append(AnswerField("Facts recorded (and how they matched)", "\n".join(lines)))
        elif entry.facts_json and entry.relevant is False:
            fields.append(AnswerField("Extracted", "nothing about the tracked negotiation"))
        if entry.cluster_id is not None:
            fields.append(AnswerField("Story cluster", f"#{entry.cluster_id}", inline=True))
        if entry.round and (fixes := await corrections_store.active_corrections(session, round_number=entry.round)):
            fields.append(AnswerField(f"Corrections of round {entry.round} (they win over these facts)",
                                      "\n".join(correction_line(c) for c in fixes)))
    return Answer(
        title=f"Why: {entry.title or entry.guid}",
        description=f"guid {entry.guid}, from {entry.source or 'an unnamed source'}",
        fields=fields,
        sources=[Source(entry.title or entry.guid, entry.link, entry.source)],
    )


def correction_line(correction: Correction) -> str:
    """One correction in a line: what it set, by whom, when, and why."""
    if correction.undoes is not None:
        return f"#{correction.id} round {correction.round} {correction.field}: undid #{correction.undoes} (by {correction.author_name})"
    shown = correction.value
    if isinstance(shown, list):
        shown = "; ".join(_sitting(v) if isinstance(v, dict) else str(v) for v in shown)
    key = f" {correction.key.replace(':', ' on ').replace('_', ' ')}" if correction.key else ""
    when = correction.created_at.strftime("%Y-%m-%d %H:%M") if correction.created_at else ""
    note = f" — {correction.note}" if correction.note else ""
    return f"#{correction.id} round {correction.round} {correction.field}{key}: {shown} (by {correction.author_name}, {when}){note}"


def _sitting(value: dict[str, Any]) -> str:
    minutes = value.get("minutes")
    return f"with {', '.join(value.get('with') or [])}" + (f" {minutes} min" if minutes is not None else "")


def fact_label(fact: Fact, profile: Profile) -> str:
    value = fact.value
    if fact.kind == FactKind.MEETING:
        minutes = value.get("minutes")
        return f"with {', '.join(value.get('with') or []) or '?'}" + (f", {minutes} min" if minutes else "")
    if fact.kind == FactKind.POSITION:
        actor, _, issue = fact.key.partition(":")
        return f"{actor} on {profile.label(issue)} = {value}"
    if fact.kind == FactKind.TARIFF:
        return f"{profile.label(fact.key)} {value:g}%"
    if fact.kind in (FactKind.TOPIC, FactKind.NOT_DISCUSSED):
        return profile.topic_label(str(value))
    return str(value)


__all__ = [
    "COMMANDS", "MAX_ROUND", "ask", "ask_question", "changes", "check_round", "latest", "meetings", "next_round",
    "parse", "positions", "recorded_rounds", "round_", "run", "tariffs", "timeline", "topics", "when_where", "why",
]
