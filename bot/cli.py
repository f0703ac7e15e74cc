"""The `parley` command line (docs/interfaces.md lists its commands; they only ever gain, never lose).

Each sub-command is a thin shell around a function in `bot/`: this module parses arguments,
loads settings, and turns the project's own errors into one line on stderr with exit 2.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from pydantic import ValidationError

from bot.config import Settings, load_settings
from bot.errors import UserError
from bot.masking import mask_urls_in
from storage.errors import StorageError

if TYPE_CHECKING:
    from bot.answers.answer import Answer

EXIT_OK = 0
EXIT_BELOW_MIN = 1
EXIT_USAGE = 2
FEED_HELP = "a path, file:// or http(s):// URL of an RSS or Atom feed, or a folder with manifest.toml and article files"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, as argparse does, but terser
        self.exit(EXIT_USAGE, f"parley: {message} (see 'parley --help')\n")


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {text}")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day (YYYY-MM-DD): {text!r}") from None


def version() -> str:
    """The installed distribution's version (pyproject.toml), so a bug report can say which Parley ran."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("parley")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="parley", description="Follows a negotiation in the news and reports it on Discord.")
    parser.add_argument("--version", action="version", version=f"parley {version()}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    sub.add_parser("run", help="run the Discord bot with its scheduler (needs DISCORD_TOKEN)")

    replay = sub.add_parser("replay", help="replay the seed articles through the whole pipeline")
    replay.add_argument("dir", nargs="?", default="seeds", help="folder with manifest.toml (default: seeds/)")
    replay.add_argument("--console", action="store_true", help="print digests and alerts instead of posting")

    extract = sub.add_parser("extract", help="print the facts of every entry of one feed; stores nothing")
    extract.add_argument("feed", help=FEED_HELP)
    extract.add_argument("--json", action="store_true", help="print a JSON array (the only format so far)")

    score = sub.add_parser("score", help="measure extraction against facts you annotated (micro-F1 per field)")
    score.add_argument("gold", help='a JSON file {"articles": [...]} of the facts each article holds (see README)')
    score.add_argument("feed", help=FEED_HELP)
    score.add_argument("--profile", type=Path, help="the profile to measure (default: PARLEY_PROFILE)")
    score.add_argument("--verbose", action="store_true", help="list every fact missed or added, per article")
    score.add_argument(
        "--min", type=_fraction, default=0.0, metavar="F1", help="exit 1 when overall F1 is below this (0 to 1)"
    )

    profile = sub.add_parser("profile", help="work with a negotiation profile")
    profile_sub = profile.add_subparsers(dest="profile_command", required=True, parser_class=_Parser)
    check = profile_sub.add_parser("check", help="load and validate a profile, print what Parley reads in it and warnings")
    check.add_argument("path", nargs="?", type=Path, help="the profile's TOML file (default: PARLEY_PROFILE)")
    check.add_argument(
        "--sentence", metavar="TEXT",
        help="instead of the summary, print what this text yields under the profile (people, sides, places, "
        "phrases found; then the facts: participants, rates with their sectors, topics, stances)",
    )
    check.add_argument(
        "--day", type=_day, metavar="YYYY-MM-DD",
        help="with --sentence: the day the text is published (dated titles, relative days; default: none)",
    )

    ask = sub.add_parser("ask", help='answer a slash command\'s text, e.g. parley ask "/round 5"')
    ask.add_argument("text", help="the command text")

    poll = sub.add_parser("poll", help="poll every configured feed")
    poll.add_argument("--once", action="store_true", help="poll once and exit")

    feeds = sub.add_parser("feeds", help="list, add, remove or enable the feeds Parley follows")
    feeds_sub = feeds.add_subparsers(dest="feeds_command", required=True, parser_class=_Parser)
    feeds_sub.add_parser("list", help="every feed, with its state and last poll")
    feeds_sub.add_parser("add", help="follow a feed").add_argument("url", help="an http(s):// URL of an RSS or Atom feed")
    feeds_sub.add_parser("remove", help="stop following a feed").add_argument("feed", help="its number or URL")
    feeds_sub.add_parser("enable", help="poll a disabled feed again").add_argument("feed", help="its number or URL")

    invite = sub.add_parser("invite", help="print the URL that adds Parley to a Discord server, with its permissions")
    invite.add_argument("--application-id", type=int, metavar="ID",
                        help="the application id (default: read from DISCORD_TOKEN)")

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    db_sub.add_parser("upgrade", help="apply database migrations")
    return parser


def _read_feed_or_folder(feed: str) -> bytes:
    """A feed document; a folder of article files with manifest.toml is turned into one."""
    from bot.feeds.seedfeed import seed_feed_xml
    from bot.feeds.source import read_feed

    if Path(feed).is_dir():
        return seed_feed_xml(Path(feed)).encode("utf-8")
    return asyncio.run(read_feed(feed))


def _extract(feed: str, profile_path: Path | None = None) -> list[dict[str, Any]]:
    from bot.extract import extract_entry
    from bot.extract.facts import ArticleFacts
    from bot.extract.profile import load_profile
    from bot.feeds.parse import FeedError, parse_feed

    profile = load_profile(profile_path or load_settings().parley_profile)
    data = _read_feed_or_folder(feed)
    try:
        parsed = parse_feed(data, source=feed)
    except FeedError as exc:
        raise UserError(f"{feed}: {exc}") from None
    out = []
    for entry in parsed.entries:
        try:
            facts = extract_entry(entry, profile)
        except Exception as exc:  # one bad entry must not cost the others their facts
            print(f"parley: {entry.guid}: could not extract facts ({exc.__class__.__name__}: {exc})", file=sys.stderr)
            facts = ArticleFacts(id=entry.guid)
        out.append(facts.to_contract())
    return out


def _read_gold(path: str) -> object:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path}: no such gold file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a gold JSON file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: not valid JSON ({exc})") from None


def _score(args: argparse.Namespace) -> int:
    """`parley score`: extraction of FEED scored against GOLD; exit 1 below ``--min``."""
    from bot.extract.scoring import read_gold, render, score

    gold = read_gold(_read_gold(args.gold), source=args.gold)  # a bad gold file stops before extraction
    card = score(gold, _extract(args.feed, args.profile))
    print(render(card, verbose=args.verbose))
    overall = card.overall.f1
    if overall < args.min:
        print(f"parley: overall F1 {overall:.3f} is below --min {args.min:.3f}", file=sys.stderr)
        return EXIT_BELOW_MIN
    return EXIT_OK


def _check_profile(path: Path, sentence: str | None = None, day: date | None = None) -> int:
    """`parley profile check`: a broken profile is one line (exit 2); one that loads is summarised,
    with what may not read as its author meant; with ``sentence``, what that text yields instead."""
    from bot.extract.profile import load_profile
    from bot.extract.profile_check import summary, warnings
    from bot.extract.sentence_check import try_sentence

    profile = load_profile(path)
    print(f"profile: {path}")
    if sentence is not None:
        print("\n".join(try_sentence(profile, sentence, day)))
        return EXIT_OK
    print("\n".join(summary(profile)))
    found = warnings(profile)
    for line in found:
        print(line if line.startswith("note:") else f"warning: {line}")
    notes = sum(line.startswith("note:") for line in found)
    print(f"loads: {len(found) - notes} warning(s), {notes} note(s)")
    return EXIT_OK


# Commands that read articles or answer about them: a broken PARLEY_PROFILE stops them before
# they touch the database or log in to Discord.
USES_PROFILE = frozenset({"run", "replay", "ask", "poll"})


async def _feeds(args: argparse.Namespace, settings: Settings) -> Answer:
    """`parley feeds ...`: the same functions as `/feed` in Discord, on the configured database, as
    the operator: every feed is listed (with who follows it), added ones are the operator's, and
    `remove` removes a feed for everyone."""
    from bot.chat import chatops
    from storage import Store
    from storage.migrate import upgrade_async

    await upgrade_async(settings.database_url)
    async with Store(settings.database_url) as store:
        if args.feeds_command == "list":
            answer = await chatops.list_feeds(store, guild_id=None, limit=None)
        elif args.feeds_command == "add":
            answer = await chatops.add_feed(store, settings, args.url, guild_id=None)
        elif args.feeds_command == "remove":
            answer = await chatops.remove_feed(store, args.feed, guild_id=None)
        else:
            answer = await chatops.enable_feed(store, args.feed)
    return answer


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command in USES_PROFILE:
        from bot.extract.profile import load_profile

        load_profile(settings.parley_profile)  # a broken profile stops here with one line, before any work
    if args.command == "extract":
        facts = _extract(args.feed)
        json.dump(facts, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if args.command == "score":
        return _score(args)
    if args.command == "profile":
        return _check_profile(args.path or settings.parley_profile, args.sentence, args.day)
    if args.command == "replay":
        from bot.replay import replay

        return asyncio.run(replay(settings, Path(args.dir), console=args.console or not settings.discord_token))
    if args.command == "ask":
        from bot.answers.queries import ask
        from bot.feeds.clean import clean_line

        try:
            answer = asyncio.run(ask(settings, args.text))
        except (UserError, StorageError) as exc:  # one line on stderr, cleaned as an answer's text is
            raise UserError(clean_line(str(exc)) or "") from None
        print(answer.to_text())
        return EXIT_OK
    if args.command == "poll":
        if not args.once:
            raise UserError("poll runs once and exits: use 'parley poll --once' (or 'parley run' for the schedule)")
        from bot.feeds.polling import poll_once

        return asyncio.run(poll_once(settings))
    if args.command == "feeds":
        print(asyncio.run(_feeds(args, settings)).to_text())
        return EXIT_OK
    if args.command == "invite":
        from bot.chat.invite import NEEDED, application_id_from_token, invite_url

        application_id = args.application_id
        if application_id is None:
            if not settings.discord_token:
                raise UserError("give --application-id (General Information → Application ID), or set DISCORD_TOKEN")
            application_id = application_id_from_token(settings.discord_token)
        print(invite_url(application_id))
        print("permissions: " + ", ".join(name.replace("_", " ") for name, _ in NEEDED), file=sys.stderr)
        return EXIT_OK
    if args.command == "db":
        from storage.migrate import upgrade

        upgrade(settings.database_url)
        print("database is up to date")
        return EXIT_OK
    if args.command == "run":
        if not settings.discord_token:
            raise UserError(
                "DISCORD_TOKEN is not set: create a bot token at https://discord.com/developers/applications "
                "(see README), or try 'parley replay --console' without one"
            )
        from bot.chat.client import run_bot

        return run_bot(settings)
    raise UserError(f"unknown command {args.command!r}")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]).upper()
        print(f"parley: bad setting {key}: {mask_urls_in(err['msg'])}", file=sys.stderr)
        return EXIT_USAGE
    from bot.ops.logs import configure_logging

    configure_logging(settings.log_level or ("INFO" if args.command == "run" else "WARNING"), settings.log_format)
    try:
        return _dispatch(args, settings)
    except (UserError, StorageError) as exc:  # StorageError: storage/ cannot import bot.errors
        print(f"parley: {mask_urls_in(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("parley: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `parley extract ... | head`: the reader left, which is fine
        sys.stderr.close()
        return EXIT_OK
