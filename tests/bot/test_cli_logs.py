"""Logs of every `parley` command: LOG_LEVEL, LOG_FORMAT (text or JSON lines), each poll outcome
at INFO, no colours when stderr is not a terminal."""

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
from tests.bot.test_cli import assert_one_line_error, parley
from tests.loopback_http import serve

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def feed_base() -> AsyncIterator[str]:
    body = seed_feed_xml(ROOT / "seeds").encode()

    async def feed(_: web.Request) -> web.Response:
        return web.Response(body=body, content_type="application/rss+xml")

    async def gone(_: web.Request) -> web.Response:
        return web.Response(status=500, text="down")

    async with serve({"/feed.xml": feed, "/down.xml": gone}) as base:
        yield base


async def run_parley(tmp_path: Path, *args: str, **env: str) -> tuple[int, str, str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "LOG_", "FEEDS"))}
    full.update(PYTHONPATH=str(ROOT), DATABASE_URL=f"sqlite:///{tmp_path / 'parley.db'}", ALLOW_PRIVATE_FEEDS="true",
                **env)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=tmp_path, env=full,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), 120)
    return process.returncode or 0, out.decode(), err.decode()


async def test_json_logs_carry_each_poll_outcome_as_fields(feed_base, tmp_path):
    feeds = f"{feed_base}/feed.xml,{feed_base}/down.xml"
    code, out, err = await run_parley(tmp_path, "poll", "--once", FEEDS=feeds, LOG_LEVEL="info", LOG_FORMAT="json")
    assert code == 0, err
    records = [json.loads(line) for line in err.splitlines()]  # every line is one JSON object
    polls = {r["feed_url"]: r for r in records if r.get("outcome")}
    assert polls[f"{feed_base}/feed.xml"]["outcome"] == "new"
    assert polls[f"{feed_base}/feed.xml"]["level"] == "INFO"
    assert polls[f"{feed_base}/feed.xml"]["new_entries"] == 5
    assert polls[f"{feed_base}/down.xml"]["outcome"] == "error"
    assert polls[f"{feed_base}/down.xml"]["http_status"] == 500
    assert f"{feed_base}/feed.xml: first poll" in out  # the report itself stays on stdout


async def test_text_logs_have_no_colour_codes_off_a_terminal(feed_base, tmp_path):
    code, _out, err = await run_parley(tmp_path, "poll", "--once", FEEDS=f"{feed_base}/feed.xml", LOG_LEVEL="DEBUG")
    assert code == 0, err
    assert "INFO" in err and "bot.feeds.polling: poll " in err
    assert "\x1b[" not in err


async def test_one_shot_commands_log_only_warnings_by_default(feed_base, tmp_path):
    code, out, err = await run_parley(tmp_path, "poll", "--once", FEEDS=f"{feed_base}/feed.xml")
    assert code == 0 and "first poll" in out
    assert err == ""


def test_a_bad_log_level_is_named():
    assert_one_line_error(parley("ask", "/latest", env={"LOG_LEVEL": "loud"}), "LOG_LEVEL")


def test_a_bad_log_format_is_named():
    assert_one_line_error(parley("ask", "/latest", env={"LOG_FORMAT": "xml"}), "LOG_FORMAT")
