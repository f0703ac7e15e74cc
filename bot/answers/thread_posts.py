"""What a round's thread says: its name, and the line a later source posts in it.

Kept beside the digests (ingest writes them into the outbox; the Discord sink only posts them),
so the knowledge stage never imports the Discord client.
"""

from __future__ import annotations

import json

NAME_MAX = 100  # Discord's limit for a thread name


def thread_name(number: int, date: str | None, place: str | None) -> str:
    """"Round 5 · 2025-06-06 · Washington" (what is known of it)."""
    return " · ".join(x for x in (f"Round {number}", date, place) if x)[:NAME_MAX]


def start_payload(name: str) -> str:
    return json.dumps({"name": name}, ensure_ascii=False, sort_keys=True)


def name_of(payload: str) -> str:
    return str(json.loads(payload)["name"])


def line_payload(outlet: str | None, title: str, url: str | None) -> str:
    """A later source of the round, as a line for its thread."""
    return json.dumps({"text": f"new source: {outlet or 'unnamed outlet'} — {title}", "url": url},
                      ensure_ascii=False, sort_keys=True)


def line_text(payload: str) -> str:
    data = json.loads(payload)
    url = data.get("url")
    return str(data["text"]) + (f" <{url}>" if url else "")
