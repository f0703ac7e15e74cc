"""What one sentence yields under a profile, for `parley profile check --sentence`.

A profile's author wants to know whether a title ("Minister Kim"), a phrase ("bring down the
tariff") or a rate ("15% on cars") reads as they meant, before any feed exists. The sentence is
run through the real extraction as the one paragraph of a one-article feed (`prepare_article`,
then `facts_of_article`, exactly as `parley extract` runs an entry), and what the article's scan
found in it is listed beside the facts: the people with the words that named each, the sides,
the places, and every phrase of the profile that matched. Nothing here finds anything itself.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from html import escape

from bot.extract.article import Article, prepare_article
from bot.extract.facts import ArticleFacts
from bot.extract.phrases import Phrases
from bot.extract.pipeline import facts_of_article
from bot.extract.profile import Profile
from bot.feeds.entry import FeedEntry

#: how each way of naming a person is shown
_VIA = {
    "alias": "alias",
    "shared": "alias two people share",
    "title": "title",
    "fuzzy": "misspelt surname",
    "surname": "family name alone",
    "pronoun": "pronoun",
}


def one_article_feed(text: str, day: date | None = None) -> FeedEntry:
    """The entry of a feed holding one article whose body is ``text`` (no headline), published
    at noon UTC on ``day`` (no date when None: every dated title is then held)."""
    published = datetime(day.year, day.month, day.day, 12, tzinfo=UTC) if day else None
    return FeedEntry(guid="sentence", title="", link=None, html=f"<p>{escape(text)}</p>", published=published)


def try_sentence(profile: Profile, text: str, day: date | None = None) -> list[str]:
    """The lines `parley profile check --sentence` prints: what the scan found, then the facts."""
    entry = one_article_feed(text, day)
    article = prepare_article(
        guid=entry.guid, title=entry.title, html=entry.html, published=entry.published, profile=profile
    )
    facts = facts_of_article(article)
    return [
        f"sentence: {text}" + (f" (published {day.isoformat()})" if day else ""),
        *_found(article),
        *_facts(profile, facts),
    ]


def _quoted(article: Article, start: int, end: int) -> str:
    return repr(article.text[start:end])


def _found(article: Article) -> list[str]:
    """The people, sides, places and phrases the article's scan found, each with its words."""
    lines = []
    people = [f"{m.value} ({_VIA.get(m.via, m.via)} {_quoted(article, m.start, m.end)})" for m in article.people]
    lines.append(f"  people named: {'; '.join(people) or 'none'}")
    sides = [f"{m.value} ({_quoted(article, m.start, m.end)})" for m in article.sides]
    lines.append(f"  sides named: {'; '.join(sides) or 'none'}")
    places = [f"{m.value} ({_quoted(article, m.start, m.end)})" for m in [*article.places, *article.buildings]]
    lines.append(f"  places named: {'; '.join(places) or 'none'}")
    phrases = [
        f"{key} {', '.join(_quoted(article, s, e) for s, e in spans)}"
        for key, phrases in _phrase_keys(article.profile)
        if (spans := article.found.get(id(phrases)))
    ]
    lines.append("  phrases found: " + ("; ".join(phrases) or "none"))
    return lines


def _phrase_keys(profile: Profile) -> list[tuple[str, Phrases]]:
    """The profile's phrase sets that say what a sentence is about, by the key they are written under."""
    keys: list[tuple[str, Phrases]] = [
        ("negotiation.round_terms", profile.round_terms),
        ("negotiation.subject_terms", profile.subject_terms),
    ]
    keys += [(f"topics.{topic}", phrases) for topic, phrases in profile.topics.items()]
    keys += [(f"sectors.{sector}", phrases) for sector, phrases in profile.sectors.items()]
    for issue in profile.issues:
        keys.append((f"issues.{issue.id}.about", issue.about))
        keys += [(f"issues.{issue.id}.{stance.id}", stance.phrases) for stance in issue.stances]
    keys += [(f"rounds.{r.number}.aliases", r.aliases) for r in profile.rounds if r.aliases is not None]
    return keys


def _facts(profile: Profile, facts: ArticleFacts) -> list[str]:
    """The facts `parley extract` would give the one-article feed."""
    if not facts.relevant:
        return [
            "  relevant: no (a story is about the talks where it names a subject or round term with every "
            "side or their people, or the tracked side's negotiator with someone of the other side); "
            "no facts are read"
        ]
    lines = ["  relevant: yes"]
    if facts.round is not None or facts.round_status is not None:
        lines.append(f"  round: {facts.round} ({facts.round_status or 'no status'})")
    if facts.date or facts.location:
        lines.append(f"  date: {facts.date or 'none'}; location: {facts.location or 'none'}")
    lines.append(f"  participants: {', '.join(facts.participants) or 'none'}")
    rates = [
        f"{t.rate:g}% {t.sector} (imposed by {profile.imposer_of(t.sector)}, shown as {profile.label(t.sector)!r})"
        for t in facts.tariffs
    ]
    lines.append(f"  rates: {'; '.join(rates) or 'none'}")
    lines.append(f"  topics: {', '.join(facts.topics) or 'none'}")
    if facts.not_discussed:
        lines.append(f"  not discussed: {', '.join(facts.not_discussed)}")
    stances = [f"{p.actor}: {p.issue} {p.stance}" for p in facts.positions]
    lines.append(f"  stances: {'; '.join(stances) or 'none'}")
    if facts.next_steps:
        lines.append(f"  next steps: {'; '.join(facts.next_steps)}")
    return lines
