"""Extraction off the event loop, within a length cap and a time budget per article.

The loop that runs the poller also runs the Discord gateway and answers commands. Extraction is
CPU work; run on the loop, one 5 MB article used to keep the gateway 41 s behind. So:

- an article's HTML is cut to `MAX_ARTICLE_CHARS` before anything reads it (a long article is
  some 100,000 characters of HTML; what lies beyond the cap is not read, stored or extracted);
- extraction runs in a worker thread, one article after the other, each result handed back to
  the loop as soon as it is ready;
- each article has `EXTRACT_BUDGET_SECONDS`. When one runs over, the loop stops waiting for it:
  the article is answered with `OverBudget` (the caller quarantines it, so it is not retried at
  every poll), the thread is told to stop once that article is done (Python cannot interrupt
  it), and a fresh thread carries on with the next article. The cap bounds how long an
  abandoned thread can keep working.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import threading
from collections.abc import Callable, Sequence

from bot.extract.facts import ArticleFacts
from bot.extract.profile import Profile
from bot.feeds.entry import FeedEntry

log = logging.getLogger(__name__)

MAX_ARTICLE_CHARS = 500_000  # characters of an article's HTML that are read at all
EXTRACT_BUDGET_SECONDS = 10.0  # per article; a capped article takes well under a second

Extractor = Callable[[FeedEntry, Profile], ArticleFacts]
Result = ArticleFacts | BaseException
_Message = tuple[int, int, Result]  # (generation of the worker, index, result)


class OverBudget(Exception):
    """The article's extraction ran past its time budget; it was abandoned."""


def capped(entry: FeedEntry, limit: int = MAX_ARTICLE_CHARS) -> FeedEntry:
    """``entry`` with its HTML cut to ``limit`` characters (the same object when it is shorter)."""
    if len(entry.html) <= limit:
        return entry
    log.warning("article %s cut from %d to %d characters before extraction", entry.guid, len(entry.html), limit)
    return dataclasses.replace(entry, html=entry.html[:limit])


def _work(
    entries: Sequence[FeedEntry],
    start: int,
    profile: Profile,
    extract: Extractor,
    stop: threading.Event,
    post: Callable[[_Message], None],
    generation: int,
) -> None:
    """The worker thread: extract ``entries[start:]`` in order, posting each result, until told to stop."""
    for index in range(start, len(entries)):
        if stop.is_set():
            return
        result: Result
        try:
            result = extract(entries[index], profile)
        except Exception as exc:  # one bad article does not stop the others
            log.exception("extraction failed for %s", entries[index].guid)
            result = exc
        try:
            post((generation, index, result))
        except RuntimeError:  # the loop is closed: nobody waits any more
            return


async def extract_off_loop(
    entries: Sequence[FeedEntry],
    profile: Profile,
    extract: Extractor,
    *,
    budget: float = EXTRACT_BUDGET_SECONDS,
) -> list[Result]:
    """The facts of each entry (or the exception in its place, `OverBudget` when it ran out of
    time), in order; the loop only waits, never extracts."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[_Message] = asyncio.Queue()
    results: list[Result | None] = [None] * len(entries)

    def post(message: _Message) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, message)

    generation, start = 0, 0
    stop = threading.Event()
    try:
        while start < len(entries):
            generation += 1
            stop = threading.Event()
            loop.run_in_executor(None, _work, entries, start, profile, extract, stop, post, generation)
            expected, deadline = start, loop.time() + budget
            while expected < len(entries):
                try:
                    got, index, result = await asyncio.wait_for(queue.get(), max(0.0, deadline - loop.time()))
                except TimeoutError:
                    stop.set()
                    log.warning("extraction of %s abandoned after %g s", entries[expected].guid, budget)
                    results[expected] = OverBudget(f"extraction took longer than its budget of {budget:g} s")
                    break
                if got != generation:
                    continue  # an abandoned worker finishing its article: too late
                results[index] = result
                expected, deadline = index + 1, loop.time() + budget
            start = expected + 1 if expected < len(entries) else expected
    finally:
        stop.set()
    return [r if r is not None else OverBudget("not extracted") for r in results]
