"""`parley poll --once` end to end: loopback feeds, the real pipeline, a real database."""

from __future__ import annotations

import html
import io
import tomllib
from email.utils import format_datetime
from pathlib import Path

import pytest
from feedserver import LIMITS, rss, static
from sqlmodel import func, select

from bot.config import Settings
from bot.errors import UserError
from bot.feeds.polling import poll_once
from storage import Store
from storage.models import Entry, Fact, Outbox

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed_item(words: str) -> dict[str, str]:
    """An RSS item carrying the seed article whose title contains ``words``: real reporting, so
    the extractor finds facts in it."""
    manifest = tomllib.loads((SEEDS / "manifest.toml").read_text(encoding="utf-8"))
    article = next(a for a in manifest["article"] if words in a["title"])
    lines = [line for line in (SEEDS / article["file"]).read_text(encoding="utf-8").splitlines() if line.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in lines[1:])
    published = format_datetime(article["published"], usegmt=True)
    return {"guid": article["guid"], "title": html.escape(article["title"]), "link": f"https://seeds.example/{article['guid']}",
            "content": body, "pubDate": published}


SECOND_ROUND, JUNE_DEAL, FIFTH_ROUND = "Hold 2nd Round", "June as Talks", "After 5th Round"


def settings_for(url: str, feeds: list[str]) -> Settings:
    return Settings(database_url=url, feeds=",".join(feeds), allow_private_feeds=True, _env_file=None)


async def count(store: Store, model) -> int:
    async with store.session() as session:
        return (await session.exec(select(func.count()).select_from(model))).one()


async def test_poll_once_prints_a_line_per_feed_and_records_facts_without_announcing(database_url, feed_server):
    feed_server.routes["/rss"] = static(rss([seed_item(SECOND_ROUND), seed_item(JUNE_DEAL)]), etag='"seeds-v1"')
    paths = ["/rss", "/atom", "/404", "/410", "/html"]
    settings = settings_for(database_url, [feed_server.url(p) for p in paths])
    out = io.StringIO()
    assert await poll_once(settings, out=out, limits=LIMITS) == 0
    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines())
    u = feed_server.url
    assert lines[u("/rss")] == "first poll: 2 entries recorded, not announced (2 in feed)"
    assert lines[u("/atom")].startswith("first poll: 2 entries recorded")
    assert lines[u("/404")].startswith("error: HTTP 404 Not Found (next try in ")
    assert lines[u("/410")] == "disabled: HTTP 410 Gone: feed disabled"
    assert lines[u("/html")].startswith("error: not an RSS or Atom feed")

    async with Store(database_url) as store:
        assert await count(store, Entry) == 4
        assert await count(store, Fact) > 0  # /round N knows them
        assert await count(store, Outbox) == 0  # but nothing was announced

    out = io.StringIO()
    await poll_once(settings, out=out, limits=LIMITS)
    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines())
    assert lines[u("/rss")] == "not modified"
    assert lines[u("/410")] == "disabled: HTTP 410 Gone: feed disabled"
    assert len(feed_server.hits("/410")) == 1  # a disabled feed is not fetched again


async def test_entries_that_appear_after_the_first_poll_are_announced(sqlite_url, feed_server):
    async with Store(sqlite_url) as store:
        await store.add_subscription(guild_id=1, channel_id=42, kind="all")
    feed_server.routes["/rss"] = static(rss([seed_item(SECOND_ROUND), seed_item(JUNE_DEAL)]), etag='"seeds-v1"')
    settings = settings_for(sqlite_url, [feed_server.url("/rss")])
    await poll_once(settings, out=io.StringIO(), limits=LIMITS)
    feed_server.routes["/rss"] = static(rss([seed_item(FIFTH_ROUND), seed_item(SECOND_ROUND), seed_item(JUNE_DEAL)]), etag='"seeds-v2"')
    out = io.StringIO()
    await poll_once(settings, out=out, limits=LIMITS)
    assert out.getvalue() == f"{feed_server.url('/rss')}: 1 new entry (3 in feed)\n"
    async with Store(sqlite_url) as store:
        assert await count(store, Entry) == 3
        async with store.session() as session:
            destinations = set((await session.exec(select(Outbox.destination))).all())
    assert destinations == {"discord:42"}


async def test_poll_once_without_feeds_is_a_one_line_user_error(sqlite_url):
    with pytest.raises(UserError, match="no feeds to poll: set FEEDS="):
        await poll_once(settings_for(sqlite_url, []), out=io.StringIO())


async def run_parley(*args: str, env: dict[str, str], cwd: Path) -> tuple[int, str, str]:
    """`parley ...` in a child process; the loopback server keeps serving from this event loop."""
    import asyncio
    import os
    import sys

    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=cwd, env={**os.environ, **env},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    return process.returncode, out.decode(), err.decode()


async def test_the_poll_once_command_prints_a_line_per_feed_and_exits_0(tmp_path, feed_server):
    u = feed_server.url
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "FEEDS": f"{u('/rss')},{u('/410')}",
           "ALLOW_PRIVATE_FEEDS": "true", "DISCORD_TOKEN": ""}
    code, out, err = await run_parley("poll", "--once", env=env, cwd=tmp_path)
    assert (code, err) == (0, "")
    assert sorted(out.splitlines()) == sorted([
        f"{u('/rss')}: first poll: 2 entries recorded, not announced (2 in feed)",
        f"{u('/410')}: disabled: HTTP 410 Gone: feed disabled",
    ])


async def test_the_poll_once_command_refuses_private_addresses_by_default(tmp_path, feed_server):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "FEEDS": feed_server.url("/rss"),
           "ALLOW_PRIVATE_FEEDS": "false"}
    code, out, err = await run_parley("poll", "--once", env=env, cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == (f"parley: bad setting FEEDS: {feed_server.url('/rss')}: refused: 127.0.0.1 is a loopback address "
                   "(set ALLOW_PRIVATE_FEEDS=true to allow)\n")
    assert feed_server.hits("/rss") == []


@pytest.mark.parametrize("host", ["127.1", "2130706433", "0x7f000001", "localhost.", "[::ffff:127.0.0.1]"])
async def test_feeds_on_a_disguised_loopback_host_are_refused_at_start(tmp_path, feed_server, host):
    port = feed_server.url("/rss").split(":")[2].split("/")[0]
    feed = f"http://{host}:{port}/rss"
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "FEEDS": feed, "ALLOW_PRIVATE_FEEDS": "false"}
    code, out, err = await run_parley("poll", "--once", env=env, cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith(f"parley: bad setting FEEDS: {feed}: refused: ") and err.count("\n") == 1
    assert feed_server.hits("/rss") == []


async def test_feeds_are_polled_at_their_canonical_address_when_private_feeds_are_allowed(tmp_path, feed_server):
    canonical = feed_server.url("/rss")
    disguised = canonical.replace("127.0.0.1", "127.1")
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "FEEDS": disguised, "ALLOW_PRIVATE_FEEDS": "true"}
    code, out, err = await run_parley("poll", "--once", env=env, cwd=tmp_path)
    assert (code, err) == (0, "")
    assert out == f"{canonical}: first poll: 2 entries recorded, not announced (2 in feed)\n"
