"""Build an entry from plain text and extract its facts, for tests that state one rule each."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.extract import extract_entry
from bot.extract.article import Article, prepare_article
from bot.extract.facts import ArticleFacts
from bot.extract.profile import Profile, default_profile, load_profile
from bot.feeds.entry import FeedEntry


def _html(body: str) -> str:
    return "".join(f"<p>{line}</p>" for line in body.strip().splitlines() if line.strip())


def when(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(UTC)


def facts_of(
    body: str, *, title: str = "", published: str = "2025-06-28T01:00:00Z", guid: str = "t-1",
    profile: Profile | None = None,
) -> ArticleFacts:
    """The facts of an article whose paragraphs are the lines of ``body`` (with the shipped
    Japan–US profile unless ``profile`` is given)."""
    entry = FeedEntry(guid=guid, title=title, link=None, html=_html(body), published=when(published))
    return extract_entry(entry, profile or default_profile())


def article_of(
    body: str, *, title: str = "", published: str = "2025-06-28T01:00:00Z", profile: Profile | None = None
) -> Article:
    return prepare_article(
        guid="t-1", title=title, html=_html(body), published=when(published), profile=profile or default_profile()
    )


#: an invented Korea–US profile whose finance minister changes in July (dated titles), with
#: a name that holds a side's alias but is not the side (`not_aliases`)
DATED_PROFILE = '''
[negotiation]
id = "t"
name = "t"
tracked_side = "South Korea"
round_terms = ["round"]
subject_terms = ["tariffs?"]
note = "A round is a sitting in Washington of both finance and trade ministers."

[[sides]]
name = "South Korea"
aliases = ["South Korea", "Korea", "Korean", "Seoul"]
not_aliases = ["Korean Air"]

[[sides]]
name = "United States"
aliases = ["United States", "US"]

[[people]]
name = "Pak Min-ho"
side = "South Korea"
role = "finance minister until June"
aliases = ["Pak Min-ho"]
titles = ["finance minister", { title = "then-finance minister" }]
until = 2025-06-30
negotiator = true

[[people]]
name = "Ro Tae-sun"
side = "South Korea"
role = "finance minister from July, before that planning minister"
aliases = ["Ro Tae-sun"]
titles = ["finance minister", { title = "planning minister", until = 2025-06-30 }]
from = 2025-07-01

[topics]
steel = ["steel"]

[sectors]
steel = ["steel"]

[stances]
issue = "us_tariffs"
removal = ["remove"]
reduction = ["cut"]
agreed = ["agreed"]
'''


#: an invented two-way negotiation, neither side the United States: each side cuts its own duties
#: (Chile's tariffs are the default sectors, Norway's duty on Chilean salmon is Norway's own)
TWO_WAY_PROFILE = '''
[negotiation]
id = "no-cl"
name = "Norway–Chile trade talks"
tracked_side = "Norway"
tariffs_imposed_by = "Chile"
round_terms = ["round"]
subject_terms = ["trade (?:deal|agreement|talks)", "tariffs?", "dut(?:y|ies)"]

[[sides]]
name = "Norway"
aliases = ["Norway", "Norwegian", "Oslo"]

[[sides]]
name = "Chile"
aliases = ["Chile", "Chilean", "Santiago"]

[[people]]
name = "Kari Holm"
side = "Norway"
role = "trade minister"
aliases = ["Holm", "Kari Holm"]
titles = ["trade minister"]
negotiator = true

[[people]]
name = "Diego Rojas"
side = "Chile"
role = "trade minister"
aliases = ["Rojas", "Diego Rojas"]
titles = ["trade minister"]
negotiator = true

[[places]]
city = "Oslo"
timezone = "Europe/Oslo"
aliases = ["Oslo"]

[topics]
machinery = ["machinery"]
salmon = ["salmon"]

[sectors]
machinery = ["machinery"]
chile_average = ["average (?:tariffs?|dut(?:y|ies))"]
salmon = ["salmon"]

[sector_details.salmon]
imposed_by = "Norway"

[country_rates]
default = "chile_average"

[stances]
issue = "chile_tariffs"
removal = ["remove"]
reduction = ["cut"]
agreed = ["agreed"]
'''


def two_way_profile(tmp_path: Path) -> Profile:
    """`TWO_WAY_PROFILE`, loaded."""
    path = tmp_path / "two_way.toml"
    path.write_text(TWO_WAY_PROFILE, encoding="utf-8")
    return load_profile(path)
