"""Answer → Discord embeds, within Discord's limits.

Why a module of its own: both faces of the bot that post to Discord — slash-command replies and
outbox deliveries — must render the same `Answer` the same way, and both must never fail because
an answer is long. Discord rejects a message whose embeds break any limit (title 256, description
4,096, 25 fields, field name 256, field value 1,024, footer 2,048, 6,000 characters over all
embeds of a message, 10 embeds), so long parts are split across fields and embeds, and what still
does not fit is cut with a note saying how much more there is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import discord

from bot.answers.answer import Answer, AnswerField, Source
from bot.feeds.clean import clean_line, clean_text

TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
MESSAGE_TOTAL_MAX = 6000
EMBEDS_MAX = 10

COLOUR = discord.Colour(0x3B6EA5)
ELLIPSIS = "…"


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in an ellipsis when it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def chunks(text: str, limit: int) -> list[str]:
    """``text`` split into pieces of at most ``limit`` characters, at line breaks where possible.

    Splitting at lines keeps list items and source links whole; a single line longer than the
    limit is split at a space, or hard if it has none.
    """
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            head, line = line[:cut], line[cut:].lstrip()
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current or not pieces:
        pieces.append(current)
    return pieces


# Characters that end or break a Markdown link target, or start formatting, in a URL.
_URL_UNSAFE = {c: f"%{ord(c):02X}" for c in "()[]<>\"'`\\*_~| \t\r\n"}
_URL_UNSAFE_TABLE = str.maketrans(_URL_UNSAFE)


def safe_url(url: str | None) -> str | None:
    """``url`` fit to be a Markdown link target, or ``None``: http(s) with a host only, and every
    character that could end the link (``)``, ``]``, a space...) or format text percent-encoded.

    An article's link is written by whoever runs the feed: unencoded, a link holding
    ``) **FAKE** [verify here](http://evil.example/x`` ended the link and put a bold line and a
    masked link of the attacker's into the Sources field.
    """
    if not url:
        return None
    url = clean_line(url) or ""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.translate(_URL_UNSAFE_TABLE)


_BARE_URL = re.compile(r"https?://[^\s<>\[\]()*`|~\\]+")  # left as is: Discord shows them as they are
_INLINE_MARKDOWN = re.compile(r"[\\*_~|`\[\]]")
_LINE_MARKDOWN = re.compile(r"^([ \t]*)(>|#|-#)", re.MULTILINE)  # quotes, headings, subtext


def _escape_inline(text: str) -> str:
    return _INLINE_MARKDOWN.sub(lambda m: "\\" + m.group(), text)


def md(text: str | None) -> str:
    """Text from an article (title, outlet, sentence, name) as Discord shows it literally:
    control characters out, every character that formats or links escaped (bare URLs stay
    whole, list dashes and mentions are left alone), so it can neither format nor link."""
    text = clean_text(text or "")
    out: list[str] = []
    position = 0
    for url in _BARE_URL.finditer(text):
        out += [_escape_inline(text[position:url.start()]), url.group()]
        position = url.end()
    out.append(_escape_inline(text[position:]))
    return _LINE_MARKDOWN.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", "".join(out))


def source_line(source: Source) -> str:
    """One source as a markdown link with its outlet: ``[Title](url) — Outlet``."""
    title = clean_line(source.title or source.url or "source") or "source"
    title = md(clip(title.replace("[", "(").replace("]", ")"), 200))  # brackets in a link's label: parentheses
    url = safe_url(source.url)
    text = f"[{title}]({url})" if url else title
    return f"{text} — {md(source.outlet)}" if source.outlet else text


@dataclass
class _Field:
    name: str
    value: str
    inline: bool = False

    @property
    def size(self) -> int:
        return len(self.name) + len(self.value)


def _fields_of(answer: Answer) -> list[_Field]:
    """The answer's fields and its sources, each cut into pieces Discord accepts."""
    out: list[_Field] = []
    items = [AnswerField(md(f.name), md(f.value), f.inline) for f in answer.fields]
    if answer.sources:
        items.append(AnswerField("Sources", "\n".join(f"• {source_line(s)}" for s in answer.sources)))
    for item in items:
        name = clip(item.name.strip() or "\u200b", FIELD_NAME_MAX - 10)
        parts = chunks(item.value.strip() or "—", FIELD_VALUE_MAX)
        for i, part in enumerate(parts):
            out.append(_Field(name if i == 0 else f"{name} (cont.)", part, item.inline and len(parts) == 1))
    return out


def render(answer: Answer, *, footer_note: str | None = None) -> list[discord.Embed]:
    """The embeds of one message showing ``answer``, all within Discord's limits.

    Every string of the answer is shown literally (`md`): answers carry article text (titles,
    outlets, sentences, names), so none of them is Markdown; source links are built here.

    Long descriptions continue in further embeds; fields beyond 25 per embed continue likewise.
    Whatever does not fit in one message (6,000 characters, 10 embeds) is left out, and the last
    embed's footer says how many parts were left out, so a reader knows there is more.
    """
    colour = COLOUR
    title = clip(md(answer.title.strip()) or "Parley", TITLE_MAX)
    footer = " · ".join(p for p in (answer.footer, footer_note) if p)
    footer = clip(clean_text(footer), FOOTER_MAX - 80)  # footers show no Markdown: nothing to escape

    description = md(answer.description)
    descriptions = chunks(description, DESCRIPTION_MAX) if description else [""]
    fields = _fields_of(answer)
    embeds: list[discord.Embed] = []
    budget = MESSAGE_TOTAL_MAX - len(footer) - 80  # room for the "more" note
    left_out = 0

    def new_embed(first: bool, description: str) -> discord.Embed | None:
        nonlocal budget
        head = title if first else clip(f"{title} (cont.)", TITLE_MAX)
        cost = len(head) + len(description)
        if len(embeds) >= EMBEDS_MAX or cost > budget:
            return None
        budget -= cost
        embed = discord.Embed(title=head, description=description or None, colour=colour)
        embeds.append(embed)
        return embed

    current = new_embed(True, descriptions[0])
    assert current is not None  # the first embed always fits: title ≤ 256, description ≤ 4,096
    for extra in descriptions[1:]:
        nxt = new_embed(False, extra)
        if nxt is None:
            left_out += 1
            break
        current = nxt
    for item in fields:
        if current is not None and len(current.fields) >= FIELDS_MAX:
            current = new_embed(False, "")
        if current is None or item.size > budget:
            left_out += 1
            continue
        current.add_field(name=item.name, value=item.value, inline=item.inline)
        budget -= item.size
    note = f"{left_out} more part{'s' if left_out != 1 else ''} not shown" if left_out else ""
    text = " · ".join(p for p in (footer, note) if p)
    if text:
        embeds[-1].set_footer(text=text)
    return embeds


def total_size(embeds: list[discord.Embed]) -> int:
    """Characters Discord counts toward the 6,000 limit of one message."""
    total = 0
    for embed in embeds:
        total += len(embed.title or "") + len(embed.description or "") + len(embed.footer.text or "")
        total += len((embed.author.name if embed.author else None) or "")
        total += sum(len(f.name or "") + len(f.value or "") for f in embed.fields)
    return total


def error_line(message: str) -> str:
    """A user-facing error squeezed to one line that Discord accepts as message content."""
    return clip(" ".join(message.split()) or "Something went wrong.", 1900)
