"""Full text for entries whose feed carries only a teaser.

Many feeds give a two-line summary; the facts (who met whom, for how long) are in the
article. For such entries the poller fetches the page, through the same guarded session as
the feeds (address checks, size caps, timeouts), and extracts the main text with trafilatura,
comments off. It works within a budget: a byte cap on the page, a time limit on the fetch and
on the extraction (which runs off the event loop), and a limit on pages per poll. When any of
that fails the entry keeps its summary: a missing article never loses the entry.
"""

from __future__ import annotations

import asyncio
import dataclasses
import html
from dataclasses import dataclass

import aiohttp

from bot.feeds.clean import clean_entry, clean_text
from bot.feeds.entry import FeedEntry
from bot.feeds.fetch import FetchLimits, fetch_feed

HTML_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"


@dataclass(frozen=True, slots=True)
class ArticleBudget:
    """What reading one article page may cost, and how many pages one poll may read."""

    max_bytes: int = 2 * 1024 * 1024
    fetch_timeout: float = 15.0
    extract_timeout: float = 10.0
    max_articles_per_poll: int = 20
    concurrency: int = 4
    min_chars: int = 200  # shorter "articles" are paywalls or cookie walls, not text


DEFAULT_BUDGET = ArticleBudget()


def extract_main_text(page: bytes | str, url: str | None = None) -> str | None:
    """The article's main text (paragraphs separated by blank lines), without comments or boilerplate."""
    import trafilatura

    return trafilatura.extract(page, url=url, include_comments=False, include_tables=False, favor_precision=True)


def _as_html(text: str) -> str:
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


async def fetch_article_text(
    session: aiohttp.ClientSession, url: str, *, limits: FetchLimits, budget: ArticleBudget = DEFAULT_BUDGET
) -> tuple[str | None, str | None]:
    """``(text, None)`` with the page's main text, or ``(None, reason)`` in one line."""
    page_limits = dataclasses.replace(
        limits,
        max_bytes=min(limits.max_bytes, budget.max_bytes),
        max_decompressed_bytes=min(limits.max_decompressed_bytes, budget.max_bytes * 4),
        total_timeout=min(limits.total_timeout, budget.fetch_timeout),
    )
    result = await fetch_feed(session, url, limits=page_limits, accept=HTML_ACCEPT)
    if result.error or not result.body:
        return None, result.error or "empty page"
    try:
        text = await asyncio.wait_for(
            asyncio.to_thread(extract_main_text, result.body, result.final_url or url), budget.extract_timeout
        )
    except TimeoutError:
        return None, f"extracting the article took longer than {budget.extract_timeout:g} s"
    except Exception as exc:  # trafilatura/lxml on hostile HTML: keep the summary, say why
        return None, f"cannot extract the article ({exc.__class__.__name__})"
    if not text or len(text) < budget.min_chars:
        return None, "no article text found on the page"
    return text, None


async def with_full_text(
    session: aiohttp.ClientSession,
    entries: list[FeedEntry],
    *,
    limits: FetchLimits,
    budget: ArticleBudget = DEFAULT_BUDGET,
) -> tuple[list[FeedEntry], list[str]]:
    """The entries, summary-only ones given their article's text where it could be read.

    Returns the entries in their order and a list of one-line notes about pages that could
    not be read (the entry then keeps its summary).
    """
    wanted = [i for i, e in enumerate(entries) if e.summary_only and e.link][: budget.max_articles_per_poll]
    if not wanted:
        return entries, []
    gate = asyncio.Semaphore(budget.concurrency)

    async def one(index: int) -> tuple[int, str | None, str | None]:
        async with gate:
            text, why = await fetch_article_text(session, entries[index].link or "", limits=limits, budget=budget)
            return index, text, why

    out = list(entries)
    notes: list[str] = []
    for index, text, why in await asyncio.gather(*(one(i) for i in wanted)):
        entry = entries[index]
        if text:
            out[index] = clean_entry(dataclasses.replace(entry, html=_as_html(clean_text(text)), summary_only=False))
        else:
            notes.append(f"{entry.link}: {why}")
    return out, notes
