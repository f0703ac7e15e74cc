"""The seed articles (`seeds/`) as a real RSS 2.0 feed: the test feed for replay and tests.

Each `[[article]]` of `manifest.toml` becomes an `<item>` with `guid`, `pubDate`, `title`,
`source` and the text as `content:encoded` (one `<p>` per line), in `published` order.
"""

from __future__ import annotations

import html
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from bot.errors import UserError

DEFAULT_SEEDS_DIR = Path("seeds")


class SeedError(UserError, ValueError):
    """The seeds folder or its manifest is unusable; the message is one line."""


@dataclass(frozen=True, slots=True)
class SeedArticle:
    file: str
    guid: str
    title: str
    source: str
    published: datetime
    text: str


def load_seeds(folder: Path) -> list[SeedArticle]:
    """Read the manifest and the article files, in publication order."""
    manifest = folder / "manifest.toml"
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SeedError(f"{manifest}: no manifest.toml in the seeds folder") from None
    except tomllib.TOMLDecodeError as exc:
        raise SeedError(f"{manifest}: not valid TOML ({exc})") from None
    articles = []
    for i, item in enumerate(data.get("article", [])):
        try:
            published = item["published"]
            if isinstance(published, str):
                published = datetime.fromisoformat(published.replace("Z", "+00:00"))
            if published.tzinfo is None:
                published = published.replace(tzinfo=UTC)
            path = folder / item["file"]
            articles.append(
                SeedArticle(
                    file=item["file"],
                    guid=str(item["guid"]),
                    title=str(item["title"]),
                    source=str(item.get("source", "")),
                    published=published.astimezone(UTC),
                    text=path.read_text(encoding="utf-8"),
                )
            )
        except KeyError as exc:
            raise SeedError(f"{manifest}: article {i + 1} has no {exc.args[0]!r}") from None
        except FileNotFoundError as exc:
            raise SeedError(f"{manifest}: article {i + 1} names a missing file {exc.filename}") from None
    return sorted(articles, key=lambda a: a.published)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())


def seed_feed_xml(folder: Path = DEFAULT_SEEDS_DIR, *, link_base: str = "https://seeds.parley.invalid/") -> str:
    """The seeds as an RSS 2.0 document (a string)."""
    items = []
    for article in load_seeds(folder):
        items.append(
            "<item>"
            f"<title>{escape(article.title)}</title>"
            f"<link>{escape(link_base + article.guid)}</link>"
            f'<guid isPermaLink="false">{escape(article.guid)}</guid>'
            f"<pubDate>{format_datetime(article.published, usegmt=True)}</pubDate>"
            + (f"<source url=\"{escape(link_base)}\">{escape(article.source)}</source>" if article.source else "")
            +
            f"<content:encoded><![CDATA[{_paragraphs(article.text).replace(']]>', ']]&gt;')}]]></content:encoded>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Parley seed articles</title>"
        f"<link>{escape(link_base)}</link>"
        "<description>The articles of a folder of seed texts, as a test feed</description>"
        + "".join(items)
        + "</channel></rss>\n"
    )
