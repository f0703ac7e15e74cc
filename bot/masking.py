"""Masking of the secrets a URL may carry, wherever a URL is shown (Discord, CLI, notices, logs).

Why one module: a feed URL often holds a credential (``https://user:pass@host/feed``) or a
token in its query (``?token=...``, ``?key=...``, ``?sig=...``). Such a URL is stored and fetched
as given, but it must never be shown: another server's admin, a screenshot of ``/status`` or a
log shipped to a collector would leak it. Every place that shows a feed URL, an error that may
quote one, or a log line goes through `mask_url` or `mask_urls_in`, so the rule lives here once.

The rule: the user information (``user:password@``) becomes ``***@``; every query value becomes
``***`` (the names stay, so ``?token=***&page=***`` still says what the URL is); a fragment
holding ``=`` is masked the same way. Scheme, host, port and path are kept: they are what a
person needs to recognise the feed. A query parameter's name is not a reliable sign of a
secret (``s``, ``k``, ``sig``, ``code``...), so no value is trusted to be harmless.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

MASK = "***"

# A URL inside free text: a scheme, "://", then anything up to a space, a quote, an angle bracket
# or a backtick (how URLs are quoted in error messages and logs: 'url', "url", <url>, `url`).
_URL_IN_TEXT = re.compile(r"""\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s<>"'`]+""")
_PAIR = re.compile(r"([^&;=]*)(=?)([^&;]*)")


def _mask_pairs(text: str) -> str:
    """``a=1&b=2`` as ``a=***&b=***``; a bare word (``?secret``) is masked whole."""
    def one(match: re.Match[str]) -> str:
        name, equals, value = match.groups()
        if not (name or equals or value):
            return ""
        if not equals:
            return MASK if name else ""
        return f"{name}={MASK}" if value else f"{name}="
    return _PAIR.sub(one, text)


def mask_url(url: str) -> str:
    """``url`` with its user information and its query and fragment values masked.

    ``https://bob:pw@example.com/rss?token=abc&page=2`` → ``https://***@example.com/rss?token=***&page=***``.
    Text that is not a URL with a host comes back as it was; a URL that cannot be parsed comes
    back with everything after its host masked (nothing of it is trusted).
    """
    if "://" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" in the host: keep only the scheme
        scheme = url.split("://", 1)[0]
        return f"{scheme}://{MASK}"
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{MASK}@{netloc.rsplit('@', 1)[1]}"
    query = _mask_pairs(parts.query) if parts.query else ""
    fragment = _mask_pairs(parts.fragment) if "=" in parts.fragment else parts.fragment
    masked = urlunsplit((parts.scheme, netloc, parts.path, query, fragment))
    if url.endswith("?") and not parts.query and not parts.fragment:
        masked += "?"
    return masked


def mask_urls_in(text: str) -> str:
    """Every URL inside ``text`` masked with `mask_url` (error messages, log lines, notices).

    Trailing punctuation that ends a sentence (``.`` ``,`` ``)`` ...) is left outside the URL.
    """
    if not text or "://" not in text:
        return text
    return _URL_IN_TEXT.sub(_mask_match, text)


def _mask_match(match: re.Match[str]) -> str:
    found = match.group(0)
    kept = found.rstrip(".,;:!?)]}")
    return mask_url(kept) + found[len(kept):]
