"""The `parley` command line: the contract's commands, one-line errors, exit status 2."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.feeds.seedfeed import seed_feed_xml
from tests.loopback_http import serve

ROOT = Path(__file__).resolve().parents[2]


def parley(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "DISCORD_TOKEN": "", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=cwd, env=full_env, check=False
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


@pytest.fixture
def seed_feed(tmp_path: Path) -> Path:
    path = tmp_path / "seeds.xml"
    path.write_text(seed_feed_xml(ROOT / "seeds"), encoding="utf-8")
    return path


def test_extract_prints_one_object_per_entry_in_feed_order(seed_feed):
    result = parley("extract", str(seed_feed), "--json")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert [f["id"] for f in facts] == ["seed-004", "seed-000", "seed-002", "seed-001", "seed-003"]
    required = {"id", "relevant", "round", "round_status", "date", "location", "participants", "meetings",
                "topics", "not_discussed", "tariffs", "positions"}  # fmt: skip
    assert all(required <= set(f) for f in facts)
    round5 = facts[-1]
    assert (round5["round"], round5["date"], round5["location"]) == (5, "2025-06-06", "Washington")
    assert [m["minutes"] for m in round5["meetings"]] == [110, 45, 110]


def test_extract_quotes_the_sentence_of_every_meeting_tariff_and_position(seed_feed):
    result = parley("extract", str(seed_feed), "--json")
    articles = json.loads(result.stdout)
    items = [item for a in articles for field in ("meetings", "tariffs", "positions") for item in a[field]]
    assert items and all(isinstance(item["evidence"], str) and item["evidence"] for item in items)
    assert all(a["round"] is None or a["evidence"]["round_status"] for a in articles)


def test_extract_reads_file_urls(seed_feed):
    result = parley("extract", seed_feed.as_uri(), "--json")
    assert result.returncode == 0 and len(json.loads(result.stdout)) == 5


@pytest.fixture
def seed_feed_bytes(seed_feed: Path) -> bytes:
    return seed_feed.read_bytes()


@pytest.fixture
async def http_feed(seed_feed_bytes: bytes) -> AsyncIterator[str]:
    body = seed_feed_bytes

    async def feed(_: web.Request) -> web.Response:
        return web.Response(body=body, content_type="application/rss+xml")

    async def page(_: web.Request) -> web.Response:
        return web.Response(text="<html><body>Hello</body></html>", content_type="text/html")

    async with serve({"/feed.xml": feed, "/page.html": page}) as base:
        yield base


async def _parley_async(*args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await process.communicate()
    return process.returncode or 0, out.decode(), err.decode()


async def test_extract_reads_http_feeds(http_feed):
    code, out, err = await _parley_async("extract", f"{http_feed}/feed.xml", "--json")
    assert code == 0, err
    assert len(json.loads(out)) == 5


async def test_extract_of_a_page_that_is_not_a_feed_is_a_one_line_error(http_feed):
    code, _, err = await _parley_async("extract", f"{http_feed}/page.html", "--json")
    assert code == 2 and "not an RSS or Atom feed" in err and len(err.strip().splitlines()) == 1


async def test_extract_of_a_missing_url_is_a_one_line_error(http_feed):
    code, _, err = await _parley_async("extract", f"{http_feed}/missing.xml", "--json")
    assert code == 2 and "HTTP 404" in err and "Traceback" not in err


def test_extract_of_a_missing_file(tmp_path):
    assert_one_line_error(parley("extract", str(tmp_path / "nope.xml"), "--json"), "no such file")


def test_extract_of_an_unreachable_host():
    assert_one_line_error(parley("extract", "http://127.0.0.1:9/feed.xml", "--json"), "cannot connect")


def test_extract_of_an_unsupported_scheme():
    assert_one_line_error(parley("extract", "ftp://example.org/feed.xml", "--json"), "unsupported URL scheme")


def test_extract_refuses_xml_entity_declarations(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>')
    assert_one_line_error(parley("extract", str(bomb), "--json"), "entities")


def test_a_broken_profile_is_a_one_line_error(seed_feed, tmp_path):
    profile = tmp_path / "broken.toml"
    profile.write_text("[negotiation]\nid = 1\n", encoding="utf-8")
    assert_one_line_error(
        parley("extract", str(seed_feed), "--json", env={"PARLEY_PROFILE": str(profile)}), str(profile)
    )


def test_bad_usage_exits_2_with_one_line():
    assert_one_line_error(parley("extract"), "feed")
    assert_one_line_error(parley("frobnicate"), "invalid choice")


def test_a_bad_setting_is_named():
    assert_one_line_error(parley("poll", "--once", env={"POLL_INTERVAL_SECONDS": "often"}), "POLL_INTERVAL_SECONDS")


def test_run_without_a_token_says_how_to_get_one():
    assert_one_line_error(parley("run"), "DISCORD_TOKEN", "replay")


def test_score_reads_a_folder_of_annotated_articles_and_prints_f1_per_field():
    result = parley("score", "seeds/gold.json", "seeds")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    fields = [line.split()[0] for line in lines[1:-1]]
    assert fields == ["relevant", "round", "round_status", "date", "location", "participants", "minutes",
                      "topics", "not_discussed", "tariffs", "positions"]  # fmt: skip
    assert lines[-1].startswith("overall F1 = ") and lines[-1].endswith("over 5 articles")


def test_score_reads_a_feed_file_as_well_as_a_folder(seed_feed):
    from_folder = parley("score", "seeds/gold.json", "seeds")
    from_feed = parley("score", "seeds/gold.json", str(seed_feed))
    assert from_feed.returncode == 0, from_feed.stderr
    assert from_feed.stdout == from_folder.stdout


def test_score_verbose_names_each_disagreement(tmp_path):
    gold = json.loads((ROOT / "seeds" / "gold.json").read_text(encoding="utf-8"))
    gold["articles"][0]["round"] = 9
    changed = tmp_path / "gold.json"
    changed.write_text(json.dumps(gold), encoding="utf-8")
    result = parley("score", str(changed), str(ROOT / "seeds"), "--verbose")
    assert f"{gold['articles'][0]['id']}: round gold=9 pred=" in result.stdout


def test_score_exits_1_below_min_and_says_so_in_one_line(tmp_path):
    gold = json.loads((ROOT / "seeds" / "gold.json").read_text(encoding="utf-8"))
    for article in gold["articles"]:
        article["topics"] = ["nothing_extraction_finds"]
    changed = tmp_path / "gold.json"
    changed.write_text(json.dumps(gold), encoding="utf-8")
    assert parley("score", str(changed), "seeds").returncode == 0  # no --min: only the figures
    below = parley("score", str(changed), "seeds", "--min", "0.95")
    assert below.returncode == 1
    assert below.stderr.strip().startswith("parley: overall F1 0.") and "below --min 0.950" in below.stderr
    assert below.stdout.strip().splitlines()[-1].startswith("overall F1 = ")


def test_score_measures_the_profile_it_is_given(tmp_path):
    profile = tmp_path / "other.toml"
    text = (ROOT / "bot" / "profiles" / "japan_us_2025.toml").read_text(encoding="utf-8")
    assert '"Ryosei Akazawa"' in text
    profile.write_text(text.replace('"Ryosei Akazawa"', '"R. Akazawa"'), encoding="utf-8")  # the gold's name is gone
    default = parley("score", "seeds/gold.json", "seeds", "--verbose")
    other = parley("score", "seeds/gold.json", "seeds", "--verbose", "--profile", str(profile))
    assert other.returncode == 0, other.stderr
    assert "missing=['ryosei akazawa']" not in default.stdout
    assert "missing=['ryosei akazawa']" in other.stdout


@pytest.mark.parametrize(
    ("gold_text", "words"),
    [
        (None, "no such gold file"),
        ("{not json", "not valid JSON"),
        ('{"articles": [{"id": "seed-000"}]}', "'relevant' must be true or false"),
    ],
)
def test_a_bad_gold_file_is_a_one_line_error(tmp_path, gold_text, words):
    gold = tmp_path / "gold.json"
    if gold_text is not None:
        gold.write_text(gold_text, encoding="utf-8")
    assert_one_line_error(parley("score", str(gold), "seeds"), str(gold), words)


def test_score_usage_mistakes_are_one_line_errors(tmp_path):
    assert_one_line_error(parley("score", "seeds/gold.json"), "feed")
    assert_one_line_error(parley("score", "seeds/gold.json", "seeds", "--min", "95"), "between 0 and 1")
    assert_one_line_error(parley("score", "seeds/gold.json", str(tmp_path)), "manifest.toml")
    assert_one_line_error(
        parley("score", "seeds/gold.json", "seeds", "--profile", str(tmp_path / "no.toml")), "no.toml"
    )


@pytest.mark.parametrize("text", ["/round 99999999999999999999", "/round -1", "/round 2147483648"])
def test_ask_a_round_out_of_range_is_one_line_naming_the_range_on_either_database(database_url: str,
                                                                                 text: str) -> None:
    # SQLite cannot bind the first (OverflowError), PostgreSQL's integer refuses the last (int32)
    result = parley("ask", text, env={"DATABASE_URL": database_url})
    assert_one_line_error(result, "parley: round ", "is out of range", "rounds are numbered 1 to 1000")
    assert result.stdout == ""


def test_ask_about_an_unknown_article_is_one_line(database_url: str) -> None:
    result = parley("ask", "/why https://nowhere.example/x", env={"DATABASE_URL": database_url})
    assert_one_line_error(result, "parley: Parley has not seen that article")
def test_version_names_the_installed_release():
    from importlib.metadata import version

    result = parley("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"parley {version('parley')}"


def test_ask_prints_its_errors_on_stderr_as_one_line(tmp_path):
    result = parley("ask", "/frobnicate", env={"DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"})
    assert_one_line_error(result, "unknown command /frobnicate")
    assert result.stderr.startswith("parley: ") and result.stdout == ""


@pytest.mark.parametrize("number", ["99999999999999999999", "-1", "0", "1001"])
def test_ask_for_a_round_out_of_range_says_the_range(tmp_path, number):
    result = parley("ask", f"/round {number}", env={"DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"})
    assert_one_line_error(result, "rounds are numbered 1 to 1000")


def test_ask_checks_the_profile_before_answering(tmp_path):
    profile = tmp_path / "broken.toml"
    profile.write_text("[negotiation]\nid = 1\n", encoding="utf-8")
    env = {"PARLEY_PROFILE": str(profile), "DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"}
    assert_one_line_error(parley("ask", "/latest", env=env), str(profile))


def test_a_new_database_where_no_file_can_be_created_is_one_line(tmp_path):
    # /proc refuses new files even to root, like a read-only disk does; the race it used to lose
    # (an aiosqlite thread reporting after the loop closed) showed in some runs, so try a few.
    for _ in range(3):
        result = parley("ask", "/latest", env={"DATABASE_URL": "sqlite:////proc/self/parley.db"})
        assert_one_line_error(result, "cannot create a new database", "/proc/self")


def test_people_see_the_labels_of_the_profile_not_its_ids(tmp_path):
    shipped = (ROOT / "bot" / "profiles" / "japan_us_2025.toml").read_text(encoding="utf-8")
    assert 'us_tariffs = "the US tariffs"' in shipped
    profile = tmp_path / "relabelled.toml"
    profile.write_text(shipped.replace('us_tariffs = "the US tariffs"', 'us_tariffs = "the additional duties"'),
                       encoding="utf-8")
    env = {"PARLEY_PROFILE": str(profile), "DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"}
    replayed = parley("replay", str(ROOT / "seeds"), "--console", env=env)
    assert replayed.returncode == 0, replayed.stderr
    assert "Japan changed its position on the additional duties in round 5" in replayed.stdout
    asked = parley("ask", "/positions", env=env)
    assert asked.returncode == 0, asked.stderr
    assert "the additional duties" in asked.stdout and "us_tariffs" not in asked.stdout


def test_a_label_for_an_id_the_profile_does_not_have_is_named(tmp_path):
    shipped = (ROOT / "bot" / "profiles" / "japan_us_2025.toml").read_text(encoding="utf-8")
    profile = tmp_path / "typo.toml"
    profile.write_text(shipped + 'bananas = "Bananas"\n', encoding="utf-8")
    result = parley("ask", "/latest", env={"PARLEY_PROFILE": str(profile), "DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"})
    assert_one_line_error(result, "labels.bananas")


def test_profile_check_summarises_a_profile_without_a_feed():
    result = parley("profile", "check", str(ROOT / "bot" / "profiles" / "us_china_2025.toml"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == "negotiation: US–China trade talks (2025) (id us-china-trade-2025)"
    for expected in ("sides (2):", "people (8):", "places (8):", "topics (11):", "sectors (9):", "issues (2):", "rounds (5):"):
        assert any(line.startswith(expected) for line in lines), expected
    assert "  He Lifeng (China, surname He, family name first, negotiator): aliases He Lifeng" in result.stdout
    assert lines[-1] == "loads: 0 warning(s), 4 note(s)"  # a title inside a longer one is the longer one's (3a47cc9); notes: two capitals that are places, two sides whose alias stands inside another country's name


def test_profile_check_without_a_path_checks_parley_profile(tmp_path):
    result = parley("profile", "check", env={"PARLEY_PROFILE": str(ROOT / "bot" / "profiles" / "us_china_2025.toml")})
    assert result.returncode == 0 and "US–China" in result.stdout


def test_profile_check_prints_the_warnings_a_new_user_needs(tmp_path):
    shipped = (ROOT / "bot" / "profiles" / "japan_us_2025.toml").read_text(encoding="utf-8")
    profile = tmp_path / "shared.toml"
    profile.write_text(
        shipped.replace('titles = ["trade representative", "USTR"]', 'titles = ["trade representative", "USTR", "commerce secretary"]')
        .replace('economic_security = ["economic security"]', 'economic_security = ["economic security "]'),
        encoding="utf-8",
    )
    result = parley("profile", "check", str(profile))
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stdout.splitlines() if line.startswith("warning: ")]
    assert len(warned) == 2
    assert "'commerce secretary' is one of Howard Lutnick's and of Jamieson Greer's" in warned[0]
    assert warned[1].startswith("warning: topics.economic_security: 'economic security ' has a space")
    assert result.stdout.splitlines()[-1] == "loads: 2 warning(s), 3 note(s)"  # the Japan–US profile: two capitals that are places, "American Samoa" holding "American"


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('tracked_side = "Japan"', 'tracked_side = "Narnia"', ["negotiation.tracked_side", "Narnia"]),
        ('economic_security = ["economic security"]', 'economic_security = ["economic (security"]', ["topics.economic_security", "bad phrase pattern"]),
        ("[[people]]", "[[people]]\ncolour = 'red'", ["people[0].colour"]),
    ],
)
def test_profile_check_of_a_broken_profile_is_one_line_naming_file_and_key(tmp_path, old, new, words):
    shipped = (ROOT / "bot" / "profiles" / "japan_us_2025.toml").read_text(encoding="utf-8")
    profile = tmp_path / "broken.toml"
    profile.write_text(shipped.replace(old, new, 1), encoding="utf-8")
    result = parley("profile", "check", str(profile))
    assert_one_line_error(result, str(profile), *words)
    assert result.stdout == ""


def test_profile_check_of_a_missing_file_or_without_a_subcommand(tmp_path):
    assert_one_line_error(parley("profile", "check", str(tmp_path / "nope.toml")), "nope.toml", "not found")
    assert_one_line_error(parley("profile"), "profile_command")


def test_profile_check_accepts_the_commented_template():
    result = parley("profile", "check", str(ROOT / "docs" / "profile_template.toml"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "loads: 0 warning(s), 2 note(s)"


def test_profile_check_with_a_sentence_prints_what_it_yields_instead_of_the_summary():
    result = parley(
        "profile", "check", str(ROOT / "bot" / "profiles" / "japan_us_2025.toml"), "--day", "2025-06-28",
        "--sentence", "Akazawa met the commerce secretary in Washington for tariff talks on the 25% tariff on cars.",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith("sentence: Akazawa met") and lines[1].endswith("(published 2025-06-28)")
    assert "  people named: Ryosei Akazawa (alias 'Akazawa'); Howard Lutnick (title 'commerce secretary')" in lines
    assert "  rates: 25% autos (imposed by United States, shown as 'autos')" in lines
    assert not any(line.startswith(("sides (", "loads:")) for line in lines)


def test_profile_check_with_a_sentence_of_a_broken_profile_or_a_bad_day_is_one_line(tmp_path):
    profile = tmp_path / "broken.toml"
    profile.write_text("[negotiation]\n", encoding="utf-8")
    assert_one_line_error(parley("profile", "check", str(profile), "--sentence", "Talks."), str(profile))
    shipped = str(ROOT / "bot" / "profiles" / "japan_us_2025.toml")
    assert_one_line_error(parley("profile", "check", shipped, "--sentence", "Talks.", "--day", "June 28"), "--day", "June 28")
