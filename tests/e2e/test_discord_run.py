"""`parley run` as an operator starts it: a process that logs in to the (loopback) Discord named by
DISCORD_API_BASE and DISCORD_GATEWAY_URL, answers commands, and stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from aiohttp import web

from tests.fakediscord import FakeDiscord
from tests.loopback_http import serve

ROOT = Path(__file__).resolve().parents[2]


def env_for(fake: FakeDiscord, tmp_path: Path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_URL", "FEEDS"))}
    env.update(DISCORD_TOKEN=fake.token, DISCORD_API_BASE=fake.api_base, DISCORD_GATEWAY_URL=fake.gateway_url,
               DISCORD_GUILD_ID=fake.guild_id, DATABASE_URL=f"sqlite:///{tmp_path / 'parley.db'}")
    env.update(overrides)
    return env


async def parley(env: dict[str, str], tmp_path: Path, *args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


async def test_parley_run_connects_answers_and_stops_on_sigterm(fake: FakeDiscord, tmp_path: Path) -> None:
    process = await parley(env_for(fake, tmp_path, PYTHONPATH=str(ROOT)), tmp_path, "run")
    try:
        await asyncio.wait_for(fake.identified.wait(), 60)
        await asyncio.wait_for(fake.commands_synced.wait(), 10)
        assert "round" in {c["name"] for c in fake.commands[fake.guild_id]}
        reply = await fake.interact("status")
        assert "Parley status" in reply.text
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, err.decode()[-2000:]
    log = err.decode()
    assert "synced" in log and "INFO" in log  # `run` logs at INFO by default
    assert "voice will NOT be supported" not in log  # discord.py's noise about a feature Parley never uses
    assert "\x1b[" not in log  # stderr is a pipe here: no colour codes


async def test_parley_run_with_a_refused_token_says_so_in_one_line(fake: FakeDiscord, tmp_path: Path) -> None:
    process = await parley(env_for(fake, tmp_path, DISCORD_TOKEN="wrong", PYTHONPATH=str(ROOT)), tmp_path, "run")
    _out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 2
    last = err.decode().strip().splitlines()[-1]
    assert last.startswith("parley: Discord refused DISCORD_TOKEN")
    assert "Traceback" not in err.decode()


async def test_parley_run_without_a_token_refuses_and_points_to_replay(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 2
    (line,) = err.decode().strip().splitlines()
    assert "DISCORD_TOKEN" in line and "replay" in line


async def test_parley_run_against_an_unreachable_server_says_so_in_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}
    env.update(DISCORD_TOKEN="t", DISCORD_API_BASE="http://127.0.0.1:9/api/v10", PYTHONPATH=str(ROOT),
               DATABASE_URL=f"sqlite:///{tmp_path / 'parley.db'}")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 2
    assert err.decode().strip().splitlines()[-1].startswith("parley: cannot reach Discord at http://127.0.0.1:9")


async def test_parley_run_against_a_server_that_is_not_discord_says_so_in_one_line(tmp_path: Path) -> None:
    async def not_found(_: web.Request) -> web.Response:
        return web.Response(status=404, text="<html>Not Found</html>", content_type="text/html")

    async with serve({"/{tail:.*}": not_found}) as base:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}
        env.update(DISCORD_TOKEN="t", DISCORD_API_BASE=f"{base}/api/v10", PYTHONPATH=str(ROOT),
                   DATABASE_URL=f"sqlite:///{tmp_path / 'parley.db'}")
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        _out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 2
    assert "Traceback" not in err.decode()
    last = err.decode().strip().splitlines()[-1]
    assert last.startswith(f"parley: Discord at {base}/api/v10 answered HTTP 404") and "DISCORD_API_BASE" in last


async def test_parley_run_with_a_broken_profile_stops_before_logging_in(fake: FakeDiscord, tmp_path: Path) -> None:
    profile = tmp_path / "broken.toml"
    profile.write_text("[negotiation]\nid = 1\n", encoding="utf-8")
    process = await parley(env_for(fake, tmp_path, PARLEY_PROFILE=str(profile), PYTHONPATH=str(ROOT)), tmp_path, "run")
    _out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 2
    (line,) = err.decode().strip().splitlines()
    assert line.startswith("parley: ") and str(profile) in line
    assert fake.requests_to("GET", r"^/users/@me$") == []  # it never logged in
