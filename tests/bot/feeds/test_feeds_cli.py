"""Feeds from the terminal: `parley feeds list | add | remove | enable`, FEEDS as the set of feeds
the environment manages, and `parley poll --once` failing (exit 1) when every feed failed."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.feeds.seedfeed import seed_feed_xml
from storage import Store
from tests.loopback_http import serve

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
async def site() -> AsyncIterator[str]:
    body = seed_feed_xml(ROOT / "seeds").encode()

    async def feed(_: web.Request) -> web.Response:
        return web.Response(body=body, content_type="application/rss+xml")

    async def down(_: web.Request) -> web.Response:
        return web.Response(status=503, text="down for maintenance")

    async with serve({"/a.xml": feed, "/b.xml": feed, "/down.xml": down, "/down2.xml": down}) as base:
        yield base


class Parley:
    """`parley` in a subprocess on one SQLite database, as an operator runs it."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.database_url = f"sqlite:///{tmp_path / 'parley.db'}"
        self.feeds = ""  # FEEDS for `polled`

    async def __call__(self, *args: str, feeds: str = "") -> tuple[int, str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "LOG_"))}
        env.update(PYTHONPATH=str(ROOT), DATABASE_URL=self.database_url, ALLOW_PRIVATE_FEEDS="true", FEEDS=feeds)
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", *args, cwd=self.tmp_path, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await asyncio.wait_for(process.communicate(), 120)
        return process.returncode or 0, out.decode(), err.decode()

    async def polled(self) -> dict[str, str]:
        """The last line of each feed polled by `poll --once` (url -> what happened)."""
        code, out, err = await self("poll", "--once", feeds=self.feeds)
        assert code in (0, 1), err
        return dict(line.split(": ", 1) for line in out.splitlines())


def one_line(err: str) -> str:
    assert "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert line.startswith("parley: ")
    return line


async def test_a_bad_feeds_entry_stops_every_command_naming_it(tmp_path, site):
    parley = Parley(tmp_path)
    code, _out, err = await parley("poll", "--once", feeds=f"{site}/a.xml,not a url")
    assert code == 2 and "FEEDS" in one_line(err) and "not a url" in err


async def test_a_feed_dropped_from_feeds_is_no_longer_polled_but_one_added_by_hand_stays(tmp_path, site):
    parley = Parley(tmp_path)
    a, b, by_hand = f"{site}/a.xml", f"{site}/b.xml", f"{site}/down.xml"
    code, out, err = await parley("feeds", "add", by_hand)
    assert code == 0 and "Feed added" in out, err
    parley.feeds = f"{a},{b}"
    first = await parley.polled()
    assert set(first) == {a, b, by_hand}
    parley.feeds = a
    second = await parley.polled()
    assert second[b] == "disabled: no longer in FEEDS"
    assert second[a] == "unchanged since the last poll"
    assert second[by_hand].startswith("error: HTTP 503")  # FEEDS never managed it: still polled
    parley.feeds = f"{a},{b}"
    third = await parley.polled()
    assert third[b] == "unchanged since the last poll"  # back in FEEDS: polled again


async def test_feeds_list_add_remove_enable(tmp_path, site):
    parley = Parley(tmp_path)
    url = f"{site}/a.xml"
    code, out, err = await parley("feeds", "list")
    assert code == 0 and "No feeds yet" in out, err
    code, out, _ = await parley("feeds", "add", url)
    assert code == 0 and f"#1 {url}" in out
    code, out, _ = await parley("feeds", "add", url)
    assert code == 0 and "already followed" in out
    async with Store(parley.database_url) as store:
        await store.update_feed_state(1, disabled_reason="HTTP 410 Gone: feed disabled", disabled_at=_now())
    code, out, _ = await parley("feeds", "list")
    assert f"#1 {url}" in out and "disabled: HTTP 410 Gone" in out
    code, out, _ = await parley("feeds", "enable", "1")
    assert code == 0 and "re-enabled" in out and "410" in out
    code, out, _ = await parley("feeds", "list")
    assert "disabled" not in out
    code, out, _ = await parley("feeds", "remove", "#1")
    assert code == 0 and "Feed removed" in out
    code, _, err = await parley("feeds", "remove", "1")
    assert code == 2 and "no feed '1'" in one_line(err)


async def test_feeds_add_of_a_bad_url_is_one_line(tmp_path):
    code, _, err = await Parley(tmp_path)("feeds", "add", "ftp://example.org/feed")
    assert code == 2 and "http" in one_line(err)


async def test_poll_once_exits_1_when_every_feed_failed_saying_why(tmp_path, site):
    parley = Parley(tmp_path)
    code, out, err = await parley("poll", "--once", feeds=f"{site}/down.xml,{site}/down2.xml")
    assert code == 1
    assert "HTTP 503" in one_line(err) and "every feed failed (2)" in err
    assert out.count("error: HTTP 503") == 2


async def test_poll_once_exits_0_when_one_feed_answered(tmp_path, site):
    code, _out, err = await Parley(tmp_path)("poll", "--once", feeds=f"{site}/down.xml,{site}/a.xml")
    assert code == 0 and err == ""


def _now():
    from storage.models import utcnow

    return utcnow()


async def test_a_feed_token_never_shows_in_the_terminal_nor_in_the_logs(tmp_path, site):
    """`feeds add | list | enable | remove`, `poll --once` (its lines, its errors and its JSON logs)
    and a bad FEEDS entry: the URL is shown with ``token=***``, never with its value."""
    parley = Parley(tmp_path)
    ok, down = f"{site}/a.xml?token=s3cret", f"{site}/down.xml?token=s3cret"
    masked_ok, masked_down = f"{site}/a.xml?token=***", f"{site}/down.xml?token=***"
    outputs = []
    for args in (("feeds", "add", ok), ("feeds", "add", down), ("feeds", "list")):
        code, out, err = await parley(*args)
        assert code == 0, err
        outputs.append(out + err)
    assert masked_ok in outputs[0] and masked_down in outputs[2]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "LOG_"))}
    env.update(PYTHONPATH=str(ROOT), DATABASE_URL=parley.database_url, ALLOW_PRIVATE_FEEDS="true",
               LOG_LEVEL="info", LOG_FORMAT="json")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "poll", "--once", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out_b, err_b = await asyncio.wait_for(process.communicate(), 120)
    out, err = out_b.decode(), err_b.decode()
    assert f"{masked_ok}: first poll" in out and f"{masked_down}: error: HTTP 503" in out
    assert {json.loads(line).get("feed_url") for line in err.splitlines()} >= {masked_ok, masked_down}
    outputs.append(out + err)
    for args in (("feeds", "enable", "2"), ("feeds", "remove", "2"), ("feeds", "remove", down)):
        code, out, err = await parley(*args)
        outputs.append(out + err)
    assert "no feed" in outputs[-1] and masked_down in outputs[-1]  # the user's own input, masked too
    code, out, err = await parley("poll", "--once", feeds="http://user:hunter2@[::1/x?token=s3cret")
    assert code == 2
    outputs.append(out + err)
    for output in outputs:
        assert "s3cret" not in output and "hunter2" not in output, output


async def test_the_operator_sees_every_feed_with_who_follows_it_and_removes_one_for_all(tmp_path, site):
    parley = Parley(tmp_path)
    code, out, err = await parley("feeds", "add", f"{site}/a.xml")  # the operator's
    assert code == 0, err
    async with Store(parley.database_url) as store:
        await store.add_feed(f"{site}/b.xml", guild_id=42)  # a server's, added with /feed add
        await store.add_feed(f"{site}/a.xml", guild_id=42)
    code, out, _ = await parley("feeds", "list")
    assert f"#1 {site}/a.xml (operator, 1 server)" in out and f"#2 {site}/b.xml (1 server)" in out
    code, out, _ = await parley("feeds", "remove", "2")
    assert code == 0 and "Servers that followed it too, and no longer do: 1." in out
    async with Store(parley.database_url) as store:
        assert [f.id for f in await store.list_feeds()] == [1]
        assert await store.list_feeds(guild_id=42) == [await store.get_feed(1)]
