"""Plain answer objects: one answer, two faces.

A query returns an `Answer`; `cogs/` renders it as a Discord embed, the CLI as text. Neither
face adds facts of its own, so `/round 5` in Discord and `parley ask "/round 5"` agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.feeds.clean import clean_text


@dataclass(frozen=True, slots=True)
class Source:
    """An article that supports an answer: its title, link and outlet."""

    title: str
    url: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class AnswerField:
    name: str
    value: str
    inline: bool = False


@dataclass(slots=True)
class Answer:
    """What a question gets back (a user's mistake is no answer: it raises `bot.errors.UserError`)."""

    title: str
    description: str = ""
    fields: list[AnswerField] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    footer: str | None = None

    def to_text(self) -> str:
        """The terminal face: title, description, fields and sources as plain text."""
        lines = [self.title, "=" * min(len(self.title), 78)]
        if self.description:
            lines += [self.description, ""]
        for item in self.fields:
            lines.append(f"{item.name}: {item.value}" if "\n" not in item.value else f"{item.name}:")
            if "\n" in item.value:
                lines += [f"  {line}" for line in item.value.splitlines()]
        if self.sources:
            lines.append("Sources:")
            for src in self.sources:
                outlet = f" ({src.outlet})" if src.outlet else ""
                link = f" <{src.url}>" if src.url else ""
                lines.append(f"  - {src.title}{outlet}{link}")
        if self.footer:
            lines.append(self.footer)
        return clean_text("\n".join(lines))  # article text must not drive the terminal (ANSI, bidi)
