"""The tables (docs/interfaces.md, "Storage"). Column names there are a contract; more may be added.

Times are stored timezone-aware where the database can (PostgreSQL); SQLite gives them back
naive, so readers treat a naive time as UTC (`as_utc`).

Besides the six contract tables there are two of the knowledge base's own:
- ``claim``: one row per distinct (round, kind, key, value) with its source count, so matching
  a new fact and answering ``/round N`` read a handful of rows however many sources there are;
- ``cluster_key``: a few short hashes of each story cluster's text, so finding the cluster of a
  near-identical copy is an index lookup, not a scan of every stored text.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, DateTime, ForeignKey, Index, Integer, Text, UniqueConstraint, false
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

# JSON values (a fact's value, a claim's sources, an outbox payload...) are stored as JSON: JSONB on
# PostgreSQL (comparable and indexable, so claim.value can be part of a unique key), SQLite's JSON
# elsewhere (text, written canonically by `storage.engine.canonical_json` so equal values are equal
# text). Rows hold the Python value; nothing outside storage/ parses or writes JSON text.
# None is SQL NULL (``none_as_null``), never the JSON text ``null``.
JSONValue = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """A stored time as aware UTC (SQLite returns naive datetimes)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _ts(*, nullable: bool = True, index: bool = False) -> Column[datetime]:
    return Column(DateTime(timezone=True), nullable=nullable, index=index)


def _json(*, nullable: bool = False) -> Column[Any]:
    return Column(JSONValue, nullable=nullable)


def _ref(target: str, *, ondelete: str | None = None, nullable: bool = True, index: bool = False,
         use_alter: bool = False) -> Column[int]:
    """A column referring to another row (``target`` is ``table.id``). ``use_alter`` marks the
    back-reference of a pair of tables that refer to each other (entry ↔ story_cluster, fact ↔
    claim), so SQLAlchemy can still order the tables."""
    return Column(Integer, ForeignKey(target, ondelete=ondelete, use_alter=use_alter), nullable=nullable, index=index)


class Feed(SQLModel, table=True):
    """A feed Parley polls, with the state that makes polling polite (conditional GET, back-off)."""

    __tablename__ = "feed"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    title: str | None = Field(default=None, sa_type=Text)
    etag: str | None = Field(default=None, sa_type=Text)
    last_modified: str | None = Field(default=None, sa_type=Text)
    content_hash: str | None = Field(default=None, max_length=64)
    added_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    initialized: bool = Field(default=False)
    last_polled_at: datetime | None = Field(default=None, sa_column=_ts())
    next_poll_at: datetime | None = Field(default=None, sa_column=_ts(index=True))
    min_interval_seconds: int | None = Field(default=None)
    failures: int = Field(default=0)
    last_status: int | None = Field(default=None)
    last_error: str | None = Field(default=None, sa_type=Text)
    disabled_at: datetime | None = Field(default=None, sa_column=_ts())
    disabled_reason: str | None = Field(default=None, sa_type=Text)
    # Listed in FEEDS (the environment manages it: dropped from FEEDS, it is disabled); false for
    # feeds added in Discord or with `parley feeds add`, which FEEDS leaves alone.
    from_env: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    # Followed by Parley's operator (`parley feeds add`, FEEDS): shown and managed in the terminal
    # only. A feed is polled while the operator or at least one guild (``feed_guild``) follows it.
    operator: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class FeedGuild(SQLModel, table=True):
    """One Discord server's hold on a feed: the same URL added by two servers is one feed (fetched
    once) with two rows here. A server sees and removes only the feeds it holds (`storage.feeds`)."""

    __tablename__ = "feed_guild"
    __table_args__ = (UniqueConstraint("feed_id", "guild_id", name="uq_feed_guild_feed_guild"),)

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(foreign_key="feed.id", ondelete="CASCADE", index=True)
    guild_id: int = Field(sa_type=BigInteger, index=True)
    added_by: int | None = Field(default=None, sa_type=BigInteger)
    added_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class Entry(SQLModel, table=True):
    """One article as seen once. ``guid`` is unique; ``link_norm`` and ``content_hash`` catch copies.

    ``decision`` says in one line what Parley did with it and why (for ``/why``);
    ``facts_json`` keeps what the extractor returned (a JSON object), so ``/why`` can show it as
    extracted. ``cluster_id`` and ``duplicate_of`` refer to the story cluster and the entry stored first.
    """

    __tablename__ = "entry"
    __table_args__ = (Index("ix_entry_round_dup_published", "round", "duplicate_of", "published", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int | None = Field(default=None, foreign_key="feed.id", ondelete="SET NULL", index=True)
    guid: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    link: str | None = Field(default=None, sa_type=Text)
    link_norm: str | None = Field(default=None, max_length=700, index=True)
    title: str = Field(default="", sa_type=Text)
    source: str | None = Field(default=None, sa_type=Text)
    published: datetime | None = Field(default=None, sa_column=_ts(index=True))
    clean_text: str = Field(default="", sa_type=Text)
    content_hash: str = Field(max_length=64, index=True)
    cluster_id: int | None = Field(default=None, sa_column=_ref("story_cluster.id", ondelete="SET NULL", index=True))
    extracted_at: datetime | None = Field(default=None, sa_column=_ts())
    announced: bool = Field(default=False)
    # Parley's own additions
    round: int | None = Field(default=None, index=True)
    relevant: bool | None = Field(default=None)
    duplicate_of: int | None = Field(default=None, sa_column=_ref("entry.id", ondelete="SET NULL"))
    decision: str | None = Field(default=None, sa_type=Text)
    facts_json: dict[str, Any] | None = Field(default=None, sa_column=_json(nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    # Why the entry is kept aside unread (it could not be stored or extracted); None for the rest.
    quarantine: str | None = Field(default=None, sa_type=Text)


class Fact(SQLModel, table=True):
    """One fact as one source stated it, with its provenance (entry and sentence) and how it matched."""

    __tablename__ = "fact"
    __table_args__ = (Index("ix_fact_round_kind_key", "round", "kind", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="entry.id", ondelete="CASCADE", index=True)
    round: int | None = Field(default=None)
    kind: str = Field(max_length=32)
    key: str = Field(max_length=300)
    value: Any = Field(sa_column=_json())  # a date, a name, a rate, a sitting ({"with": [...], "minutes": n})...
    sentence: str = Field(default="", sa_type=Text)
    match: str = Field(max_length=32)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    # Parley's own addition: the claim (distinct value) this fact supports.
    claim_id: int | None = Field(default=None, sa_column=_ref("claim.id", ondelete="SET NULL", index=True))


class Claim(SQLModel, table=True):
    """A distinct statement about a round, with how many sources made it. Never overwritten:
    two sources that disagree make two claims with the same (round, kind, key)."""

    __tablename__ = "claim"
    __table_args__ = (
        UniqueConstraint("round", "kind", "key", "value", name="uq_claim_round_kind_key_value"),
        Index("ix_claim_kind_key_round", "kind", "key", "round"),
    )

    id: int | None = Field(default=None, primary_key=True)
    round: int = Field(index=True)  # 0 for facts that name no round
    kind: str = Field(max_length=32)
    key: str = Field(max_length=300)
    value: Any = Field(sa_column=_json())  # as the fact's value
    source_count: int = Field(default=1)
    first_entry_id: int = Field(sa_column=_ref("entry.id", nullable=False, index=True))
    first_fact_id: int | None = Field(default=None, sa_column=_ref("fact.id", ondelete="SET NULL", use_alter=True))
    sample_entry_ids: list[int] = Field(default_factory=list, sa_column=_json())  # ids of the first few sources
    status: str = Field(default="new", max_length=32)  # the match of its first fact
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class StoryCluster(SQLModel, table=True):
    """Near-identical copies of one story (a wire report run by several outlets)."""

    __tablename__ = "story_cluster"

    id: int | None = Field(default=None, primary_key=True)
    round: int | None = Field(default=None, index=True)
    fingerprint: list[int] = Field(sa_column=_json())  # bottom-k sketch of the text's shingles
    first_entry_id: int | None = Field(default=None, sa_column=_ref("entry.id", ondelete="SET NULL", use_alter=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    size: int = Field(default=1)


class ClusterKey(SQLModel, table=True):
    """A few of a cluster's smallest shingle hashes: candidates for a new text are found by index."""

    __tablename__ = "cluster_key"
    __table_args__ = (UniqueConstraint("key", "cluster_id", name="uq_cluster_key_key_cluster"),)

    id: int | None = Field(default=None, primary_key=True)
    key: int = Field(sa_type=BigInteger, index=True)
    cluster_id: int = Field(foreign_key="story_cluster.id", ondelete="CASCADE", index=True)


class Subscription(SQLModel, table=True):
    """A Discord channel that gets digests, changes, or both."""

    __tablename__ = "subscription"

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int | None = Field(default=None, sa_type=BigInteger, index=True)
    channel_id: int = Field(sa_column=Column(BigInteger, nullable=False, unique=True))
    kind: str = Field(default="all", max_length=16)  # digests | changes | all
    role_id: int | None = Field(default=None, sa_type=BigInteger)
    created_by: int | None = Field(default=None, sa_type=BigInteger)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    disabled_at: datetime | None = Field(default=None, sa_column=_ts())
    disabled_reason: str | None = Field(default=None, sa_type=Text)
    threads: bool = Field(default=False, sa_column_kwargs={"server_default": false()})  # a thread per round


class RoundThread(SQLModel, table=True):
    """The thread of one round in one channel (started on the round's first digest there)."""

    __tablename__ = "round_thread"
    __table_args__ = (UniqueConstraint("channel_id", "round", name="uq_round_thread_channel_round"),)

    id: int | None = Field(default=None, primary_key=True)
    channel_id: int = Field(sa_type=BigInteger)
    round: int
    thread_id: int = Field(sa_type=BigInteger, index=True)
    message_id: int | None = Field(default=None, sa_type=BigInteger)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class Outbox(SQLModel, table=True):
    """One thing to post at one destination. Unique (destination, item_key): posted once per place;
    a digest that gains a source bumps ``revision`` so the sink edits its message."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("destination", "item_key", name="uq_outbox_destination_item_key"),
        Index("ix_outbox_status_next_attempt", "status", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    destination: str = Field(max_length=100)
    item_key: str = Field(max_length=300)
    kind: str = Field(max_length=16)  # digest | alert
    payload: dict[str, Any] = Field(sa_column=_json())  # an Answer plus "ping_role_id", or a thread's line
    revision: int = Field(default=1)
    delivered_revision: int | None = Field(default=None)
    message_id: int | None = Field(default=None, sa_type=BigInteger)
    status: str = Field(default="pending", max_length=16)  # pending | delivered | failed | dead
    attempts: int = Field(default=0)
    last_error: str | None = Field(default=None, sa_type=Text)
    next_attempt_at: datetime | None = Field(default=None, sa_column=_ts())
    claimed_by: str | None = Field(default=None, max_length=100)
    claimed_until: datetime | None = Field(default=None, sa_column=_ts())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    # Parley's own additions (storage.outbox): the fencing token of the current lease, bumped
    # at every claim, so a worker whose lease ran out can no longer write the row; and when a post
    # of the row was first started without being recorded, i.e. when its message may exist.
    lease_token: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    post_started_at: datetime | None = Field(default=None, sa_column=_ts())


class Correction(SQLModel, table=True):
    """A team member's correction of one field of one round: a fact of its own, with who, when,
    where (guild) and why (note). Never updated: an undo is a row of its own that names the
    correction it undoes (``undoes``), so the history of a field stays readable (``/corrections``).

    ``field`` is what ``/correct`` names (date, location, participants, meetings, tariffs,
    position, topics); ``key`` narrows it where a round has several (the sector of a tariff,
    ``actor:issue`` of a position; empty otherwise); ``value`` is the corrected value (a JSON value, as claims hold theirs).
    """

    __tablename__ = "correction"
    __table_args__ = (Index("ix_correction_round_field_key", "round", "field", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int | None = Field(default=None, sa_type=BigInteger)
    round: int
    field: str = Field(max_length=32)
    key: str = Field(default="", max_length=300)
    value: Any = Field(default=None, sa_column=_json(nullable=True))  # None for an undo
    note: str | None = Field(default=None, sa_type=Text)
    author_id: int | None = Field(default=None, sa_type=BigInteger)
    author_name: str = Field(default="", max_length=200)
    undoes: int | None = Field(default=None, sa_column=_ref("correction.id", index=True))  # the correction this row undoes
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class EditorRole(SQLModel, table=True):
    """The role whose members may correct the record in one guild (``/editors role:``), besides
    members with Manage Server."""

    __tablename__ = "editor_role"

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_column=Column(BigInteger, nullable=False, unique=True))
    role_id: int = Field(sa_type=BigInteger)
    set_by: int | None = Field(default=None, sa_type=BigInteger)
    set_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


ALL_TABLES = ("feed", "feed_guild", "entry", "fact", "claim", "story_cluster", "cluster_key", "subscription", "outbox", "round_thread",
              "correction", "editor_role")
