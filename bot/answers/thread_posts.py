"""What a round's thread says: its name, and the line a later source posts in it.

Kept beside the digests (ingest writes them into the outbox; the Discord sink only posts them),
so the knowledge stage never imports the Discord client.
"""

from __future__ import annotations

from typing import Any

NAME_MAX = 100  # Discord's limit for a thread name


def thread_name(number: int, date: str | None, place: str | None) -> str:
    """"Round 5 · 2025-06-06 · Washington" (what is known of it)."""
    return " · ".join(x for x in (f"Round {number}", date, place) if x)[:NAME_MAX]


def start_payload(name: str) -> dict[str, Any]:
    """The outbox payload that starts (and names) a round's thread."""
    return {"name": name}


def name_of(payload: dict[str, Any]) -> str:
    return str(payload["name"])


def line_payload(outlet: str | None, title: str, url: str | None) -> dict[str, Any]:
    """A later source of the round, as a line for its thread."""
    return {"text": f"new source: {outlet or 'unnamed outlet'} — {title}", "url": url}


def line_text(data: dict[str, Any]) -> str:
    url = data.get("url")
    return str(data["text"]) + (f" <{url}>" if url else "")
