"""Builders for the knowledge-base tests: feed entries and the facts an extractor would return.

`FakeExtractor` stands in for the extractor (which is tested in tests/bot/extract/): a test says
what an article states, so each test of matching reads as "source A says X, source B says Y".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.extract.facts import ArticleFacts, Meeting, Position, Tariff
from bot.extract.profile import Profile
from bot.feeds.entry import FeedEntry

T0 = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)


def entry(
    guid: str,
    text: str | None = None,
    *,
    link: str | None = None,
    source: str = "Jiji Press",
    title: str | None = None,
    hours: float = 0,
) -> FeedEntry:
    body = text if text is not None else f"Article {guid}: a distinct report numbered {guid} with its own words."
    return FeedEntry(
        guid=guid,
        title=title or f"Report {guid}",
        link=link if link is not None else f"https://news.example/{guid}",
        html="".join(f"<p>{line}</p>" for line in body.splitlines()),
        published=T0 + timedelta(hours=hours),
        source=source,
    )


def facts(
    guid: str,
    round: int | None = 2,
    *,
    status: str | None = "held",
    date: str | None = None,
    location: str | None = None,
    participants: tuple[str, ...] = (),
    meetings: tuple[tuple[tuple[str, ...], int | None], ...] = (),
    topics: tuple[str, ...] = (),
    not_discussed: tuple[str, ...] = (),
    tariffs: tuple[tuple[str, float], ...] = (),
    stances: tuple[str, ...] = (),
    relevant: bool = True,
) -> ArticleFacts:
    return ArticleFacts(
        id=guid,
        relevant=relevant,
        round=round,
        round_status=status if round else None,
        date=date,
        location=location,
        participants=list(participants),
        meetings=[Meeting(with_=w, minutes=m, evidence=f"{guid}: a {m}-minute meeting.") for w, m in meetings],
        topics=list(topics),
        not_discussed=list(not_discussed),
        tariffs=[Tariff(sector=s, rate=r, evidence=f"{guid}: {s} at {r}%.") for s, r in tariffs],
        positions=[
            Position(actor="Japan", issue="us_tariffs", stance=s, evidence=f"{guid}: Japan seeks {s}.") for s in stances
        ],
        evidence={"date": f"{guid}: on {date}."} if date else {},
    )


class FakeExtractor:
    """Returns the facts registered for each guid (irrelevant when none were)."""

    def __init__(self, *registered: ArticleFacts) -> None:
        self.by_guid = {f.id: f for f in registered}

    def add(self, *registered: ArticleFacts) -> None:
        self.by_guid.update({f.id: f for f in registered})

    def __call__(self, feed_entry: FeedEntry, profile: Profile) -> ArticleFacts:
        found = self.by_guid.get(feed_entry.guid)
        return replace(found) if found else ArticleFacts(id=feed_entry.guid)
