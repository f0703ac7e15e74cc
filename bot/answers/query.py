"""What can be asked: one frozen dataclass per query, with its arguments typed.

A slash command's text (`bot.answers.queries.parse`) and a question in plain words
(`bot.answers.questions.QuestionParser`) are both read into one of these; `bot.answers.queries.run`
answers it by calling the query's own typed function. Why objects and not a name with a dict of
arguments: a misspelt query or a missing argument is then a type error found by mypy, not a
``KeyError`` found by a user. Each class's ``command`` is the name the user types (``/round``)
or, for the answers that have no slash command, the name logs and tests know it by.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True, slots=True)
class RoundQuery:
    """``/round N``: everything known about one round."""

    command: ClassVar[str] = "round"
    number: int


@dataclass(frozen=True, slots=True)
class LatestQuery:
    """``/latest``: the most recent round."""

    command: ClassVar[str] = "latest"


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    """``/timeline``: one line per round."""

    command: ClassVar[str] = "timeline"


@dataclass(frozen=True, slots=True)
class PositionsQuery:
    """``/positions [side]``: each side's stances by round."""

    command: ClassVar[str] = "positions"
    side: str | None = None


@dataclass(frozen=True, slots=True)
class ChangesQuery:
    """``/changes``: each change of position, with the sentence that shows it."""

    command: ClassVar[str] = "changes"


@dataclass(frozen=True, slots=True)
class TariffsQuery:
    """``/tariffs [sector]``: the rates reported, by sector."""

    command: ClassVar[str] = "tariffs"
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class WhyQuery:
    """``/why LINK_OR_GUID``: what Parley took from one article, and why."""

    command: ClassVar[str] = "why"
    target: str


@dataclass(frozen=True, slots=True)
class MeetingsQuery:
    """Who met whom in a round (the latest when ``number`` is None), only with ``people`` when named."""

    command: ClassVar[str] = "meetings"
    number: int | None = None
    people: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WhenWhereQuery:
    """When and where a round was held (the latest when ``number`` is None)."""

    command: ClassVar[str] = "when_where"
    number: int | None = None


@dataclass(frozen=True, slots=True)
class NextQuery:
    """The next round, if one is announced."""

    command: ClassVar[str] = "next"


@dataclass(frozen=True, slots=True)
class TopicsQuery:
    """The topics of a round, or in which rounds one topic came up."""

    command: ClassVar[str] = "topics"
    number: int | None = None
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class HelpQuery:
    """What Parley can be asked (a question in plain words asking for help)."""

    command: ClassVar[str] = "help"


Query = (
    RoundQuery | LatestQuery | TimelineQuery | PositionsQuery | ChangesQuery | TariffsQuery | WhyQuery
    | MeetingsQuery | WhenWhereQuery | NextQuery | TopicsQuery | HelpQuery
)

__all__ = [
    "ChangesQuery", "HelpQuery", "LatestQuery", "MeetingsQuery", "NextQuery", "PositionsQuery", "Query",
    "RoundQuery", "TariffsQuery", "TimelineQuery", "TopicsQuery", "WhenWhereQuery", "WhyQuery",
]
