"""Logging for every `parley` command: a level and a format (`LOG_LEVEL`, `LOG_FORMAT`), on stderr.

Why here and not in `run` only: a poll from cron, a replay or a migration deserve the same
logs as the bot. Text is for people (coloured only on a terminal, so log files and journald get
no escape codes); JSON lines are for log collectors (one object a line, with the extra fields
a log call gave, such as a poll's feed and outcome).

Every line is masked (`bot.masking`): a feed URL's credentials and query values, and a
database URL's password, never reach a log, whichever logger wrote the line (ours, aiohttp's,
APScheduler's, a traceback's).

Library noise that says nothing about Parley is silenced: APScheduler's line per job run, and
discord.py's warning at every start that voice is unsupported (Parley never speaks).
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any, Literal, TextIO

from bot.masking import mask_urls_in

LogFormat = Literal["text", "json"]

TEXT_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
TEXT_DATE = "%Y-%m-%d %H:%M:%S"
_COLOURS = {
    logging.DEBUG: "\x1b[40;1m",
    logging.INFO: "\x1b[34;1m",
    logging.WARNING: "\x1b[33;1m",
    logging.ERROR: "\x1b[31m",
    logging.CRITICAL: "\x1b[41m",
}
_RESET = "\x1b[0m"
# Attributes every LogRecord has; anything else on a record came from ``extra=`` and goes in the JSON.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per record: time (UTC, ISO 8601), level, logger, message, extras, exception."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": mask_urls_in(record.getMessage()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                kept = value if isinstance(value, int | float | bool | None) else mask_urls_in(str(value))
                line[key] = kept
        if record.exc_info:
            line["exception"] = mask_urls_in(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False)


class MaskingFormatter(logging.Formatter):
    """The text format, with every URL in the line (message and traceback) masked."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_urls_in(super().format(record))


class ColourFormatter(MaskingFormatter):
    """The text format with the level name coloured (and URLs masked), for a terminal."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        colour = _COLOURS.get(record.levelno)
        if not colour:
            return text
        return text.replace(record.levelname, f"{colour}{record.levelname}{_RESET}", 1)


def formatter_for(fmt: LogFormat, stream: TextIO) -> logging.Formatter:
    if fmt == "json":
        return JsonLinesFormatter()
    if _is_terminal(stream):
        return ColourFormatter(TEXT_FORMAT, TEXT_DATE)
    return MaskingFormatter(TEXT_FORMAT, TEXT_DATE)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def configure_logging(level: str, fmt: LogFormat = "text", stream: TextIO | None = None) -> None:
    """Send every logger's records at ``level`` and above to ``stream`` (stderr) in ``fmt``."""
    stream = stream or sys.stderr
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter_for(fmt, stream))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    # APScheduler says "Added job" and "Job executed successfully" at every poll; the poll's own line says more.
    logging.getLogger("apscheduler").setLevel(max(logging.WARNING, root.level))
    # Alembic lists its plugins at every start; the migrations it runs are still logged.
    logging.getLogger("alembic.runtime.plugins").setLevel(max(logging.WARNING, root.level))


def silence_voice_warnings() -> None:
    """discord.py warns at every client start that voice is unsupported; Parley never speaks."""
    from discord.voice_client import VoiceClient

    for flag in ("warn_nacl", "warn_dave"):  # "PyNaCl / davey is not installed, voice will NOT be supported"
        if hasattr(VoiceClient, flag):
            setattr(VoiceClient, flag, False)
