"""Every log line is masked: a feed's token or a database password never reaches a log, whatever
the format and wherever in the record it is (message, extra field, traceback)."""

from __future__ import annotations

import io
import json
import logging

from bot.ops.logs import configure_logging

SECRET_URL = "https://news.example/rss?token=s3cret"


def _log_through(fmt: str) -> str:
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    configure_logging("INFO", fmt, stream)  # type: ignore[arg-type]
    try:
        log = logging.getLogger("parley.test")
        log.info("poll %s: error", SECRET_URL, extra={"feed_url": SECRET_URL})
        try:
            raise OSError(f"cannot connect to postgresql://root:hunter2@db/parley for {SECRET_URL}")
        except OSError:
            log.exception("poll of %s failed", SECRET_URL)
    finally:
        root.handlers[:], root.level = saved
    return stream.getvalue()


def test_text_logs_mask_urls_in_messages_and_tracebacks() -> None:
    text = _log_through("text")
    assert "s3cret" not in text and "hunter2" not in text
    assert "poll of https://news.example/rss?token=*** failed" in text
    assert "postgresql://***@db/parley" in text  # in the traceback


def test_json_logs_mask_urls_in_messages_fields_and_exceptions() -> None:
    records = [json.loads(line) for line in _log_through("json").splitlines()]
    assert "s3cret" not in json.dumps(records) and "hunter2" not in json.dumps(records)
    assert records[0]["message"] == "poll https://news.example/rss?token=***: error"
    assert records[0]["feed_url"] == "https://news.example/rss?token=***"
    assert "postgresql://***@db/parley" in records[1]["exception"]
