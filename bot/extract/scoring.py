"""How well extraction did on articles someone annotated: micro-F1 per field and overall.

`parley score GOLD FEED` runs extraction over FEED and compares each article's facts with the
annotator's gold facts, so a user can measure a profile on their own articles before trusting
it. The rules are those of the project's own gold sets (`seeds/gold.json`):

- every fact counts once. ``round``, ``round_status``, ``date`` and ``location`` are one fact
  each; ``participants``, ``topics``, ``not_discussed``, ``tariffs`` and ``positions`` are
  sets; the ``minutes`` of the meetings are a multiset (two 30-minute meetings are two facts);
- ``relevant`` is a fact of every article;
- ``date`` in the gold may be a list of dates that are all right (an article that is fair to
  read either way); ``location``, names and words compare case- and space-insensitively;
- ``round_status`` is not scored when the gold has no round;
- a predicted fact listed in the gold's ``optional`` map is neither rewarded nor punished;
- for an article the gold calls irrelevant, every fact predicted for it is a false positive.

Pure functions: the caller reads the files and runs extraction. A malformed gold document is
a `GoldError` whose one line says which article and which field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.errors import UserError

SCALAR_FIELDS = ("round", "round_status", "date", "location")
SET_FIELDS = ("participants", "topics", "not_discussed", "tariffs", "positions")
FIELDS = ("relevant", *SCALAR_FIELDS, "participants", "minutes", "topics", "not_discussed", "tariffs", "positions")
OPTIONAL_FIELDS = frozenset((*SCALAR_FIELDS, *SET_FIELDS, "minutes"))

# A comparable form of one fact: a normalised word, a number, or a tuple of them.
Key = str | int | float | tuple[str | float, ...] | None


class GoldError(UserError, ValueError):
    """The gold document cannot be scored against; the message names the article and field."""


@dataclass(slots=True)
class Tally:
    """True positives, false positives and false negatives of one field (or of all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        """Share of predicted facts that are right; 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of gold facts found; 1.0 when the gold has none."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scorecard:
    """Tallies per field, and one note per disagreement (for ``--verbose``)."""

    fields: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    notes: list[str] = field(default_factory=list)
    articles: int = 0

    @property
    def overall(self) -> Tally:
        """Micro-average: every fact of every field counts once."""
        total = Tally()
        for tally in self.fields.values():
            total.add(tally)
        return total


@dataclass(frozen=True, slots=True)
class ScoredFacts:
    """One article's facts in comparable form (gold or predicted)."""

    id: str
    relevant: bool
    scalars: Mapping[str, frozenset[Key]]  # gold: every accepted value; prediction: one or none
    sets: Mapping[str, frozenset[Key]]
    minutes: Counter[int]
    optional: Mapping[str, frozenset[Key]]
    optional_minutes: Counter[int]


def _words(value: object) -> str:
    """Names, places and ids compare without regard to case or spacing."""
    return " ".join(str(value).lower().split())


def _tariff_key(value: object, where: str) -> Key:
    if not isinstance(value, Mapping) or "sector" not in value:
        raise GoldError(f"{where}: a tariff needs a sector and a rate")
    try:
        rate = round(float(value["rate"]), 2)
    except (KeyError, TypeError, ValueError):
        raise GoldError(f"{where}: a tariff needs a numeric rate") from None
    return (_words(value["sector"]), rate)


def _position_key(value: object, where: str) -> Key:
    if not isinstance(value, Mapping) or any(part not in value for part in ("actor", "issue", "stance")):
        raise GoldError(f"{where}: a position needs an actor, an issue and a stance")
    return (_words(value["actor"]), _words(value["issue"]), _words(value["stance"]))


def _set_keys(name: str, values: object, where: str) -> frozenset[Key]:
    if values is None:
        return frozenset()
    if not isinstance(values, list):
        raise GoldError(f"{where}: {name} must be a list")
    if name == "tariffs":
        return frozenset(_tariff_key(v, f"{where}: {name}[{i}]") for i, v in enumerate(values))
    if name == "positions":
        return frozenset(_position_key(v, f"{where}: {name}[{i}]") for i, v in enumerate(values))
    return frozenset(_words(v) for v in values)


def _minute(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise GoldError(f"{where}: minutes must be a number")
    try:
        return round(float(value))
    except ValueError:
        raise GoldError(f"{where}: minutes must be a number") from None


def _meeting_minutes(meetings: object, where: str) -> Counter[int]:
    """The minutes of the meetings that have a length; a meeting without one is not scored."""
    if meetings is None:
        return Counter()
    if not isinstance(meetings, list) or not all(isinstance(m, Mapping) for m in meetings):
        raise GoldError(f"{where}: meetings must be a list of objects")
    return Counter(
        _minute(m["minutes"], f"{where}: meetings[{i}]") for i, m in enumerate(meetings) if m.get("minutes") is not None
    )


def _scalar_keys(name: str, value: object, where: str, *, keep_none: bool = False) -> frozenset[Key]:
    """Every value of a scalar field that counts as right; a list means any of them.

    ``None`` (no value) is kept only in an optional list, where it says "leaving it out is fine".
    """
    values: Iterable[object] = value if isinstance(value, list) else [value]
    keys: set[Key] = set()
    for v in values:
        if v is None:
            if keep_none:
                keys.add(None)
            continue
        if isinstance(v, bool) or not isinstance(v, str | int | float):
            raise GoldError(f"{where}: {name} must be a string or a number, not {v!r}")
        keys.add(_words(v) if name == "location" else v)
    return frozenset(keys)


def _optional(raw: object, where: str) -> tuple[dict[str, frozenset[Key]], Counter[int]]:
    if raw is None:
        return {}, Counter()
    if not isinstance(raw, Mapping):
        raise GoldError(f"{where}: optional must be an object of field: [values]")
    unknown = sorted(set(raw) - OPTIONAL_FIELDS)
    if unknown:
        raise GoldError(
            f"{where}: optional has unknown field {unknown[0]!r} (known: {', '.join(sorted(OPTIONAL_FIELDS))})"
        )
    optional: dict[str, frozenset[Key]] = {}
    minutes: Counter[int] = Counter()
    for name, values in raw.items():
        listed = values if isinstance(values, list) else [values]
        if name == "minutes":
            minutes = Counter(_minute(v, f"{where}: optional minutes") for v in listed)
        elif name in SET_FIELDS:
            optional[name] = _set_keys(name, listed, f"{where}: optional")
        else:
            optional[name] = _scalar_keys(name, listed, f"{where}: optional", keep_none=True)
    return optional, minutes


def read_facts(article: object, where: str) -> ScoredFacts:
    """An article's facts (gold, or one object of `parley extract --json`) in comparable form."""
    if not isinstance(article, Mapping):
        raise GoldError(f"{where}: an article must be an object")
    if "id" not in article:
        raise GoldError(f"{where}: an article has no 'id'")
    where = f"{where}: article {article['id']!r}"
    relevant = article.get("relevant")
    if not isinstance(relevant, bool):
        raise GoldError(f"{where}: 'relevant' must be true or false")
    optional, optional_minutes = _optional(article.get("optional"), where)
    return ScoredFacts(
        id=str(article["id"]),
        relevant=relevant,
        scalars={name: _scalar_keys(name, article.get(name), where) for name in SCALAR_FIELDS},
        sets={name: _set_keys(name, article.get(name), where) for name in SET_FIELDS},
        minutes=_meeting_minutes(article.get("meetings"), where),
        optional=optional,
        optional_minutes=optional_minutes,
    )


def read_gold(document: object, source: str = "gold") -> list[ScoredFacts]:
    """The articles of a gold document ``{"articles": [...]}``; raises `GoldError` if malformed."""
    if not isinstance(document, Mapping) or not isinstance(document.get("articles"), list):
        raise GoldError(f'{source}: expected a JSON object with an "articles" list')
    gold = [read_facts(article, source) for article in document["articles"]]
    seen: set[str] = set()
    for article in gold:
        if article.id in seen:
            raise GoldError(f"{source}: article {article.id!r} appears twice")
        seen.add(article.id)
    return gold


def _predicted_facts_count(pred: ScoredFacts) -> dict[str, int]:
    counts = {name: len(pred.scalars[name]) for name in SCALAR_FIELDS}
    counts.update({name: len(pred.sets[name]) for name in SET_FIELDS})
    counts["minutes"] = sum(pred.minutes.values())
    return counts


def _score_scalar(name: str, gold: ScoredFacts, pred: ScoredFacts, card: Scorecard) -> None:
    accepted, predicted = gold.scalars[name], pred.scalars[name]
    tally = card.fields[name]
    if accepted and predicted and predicted <= accepted:
        tally.tp += 1
        return
    if not accepted and not predicted:
        return
    if predicted and predicted <= gold.optional.get(name, frozenset()):
        return  # a defensible reading: costs nothing
    if not predicted and None in gold.optional.get(name, frozenset()):
        return
    tally.fn += 1 if accepted else 0
    tally.fp += 1 if predicted else 0
    shown = sorted(map(str, accepted))
    card.notes.append(
        f"{gold.id}: {name} gold={shown[0] if len(shown) == 1 else shown or None} pred={next(iter(predicted), None)}"
    )


def _score_set(name: str, gold: ScoredFacts, pred: ScoredFacts, card: Scorecard) -> None:
    wanted, found = gold.sets[name], pred.sets[name]
    missing = wanted - found
    extra = found - wanted - gold.optional.get(name, frozenset())
    tally = card.fields[name]
    tally.tp += len(wanted & found)
    tally.fn += len(missing)
    tally.fp += len(extra)
    if missing or extra:
        card.notes.append(f"{gold.id}: {name} missing={sorted(map(str, missing))} extra={sorted(map(str, extra))}")


def _score_minutes(gold: ScoredFacts, pred: ScoredFacts, card: Scorecard) -> None:
    missing = gold.minutes - pred.minutes
    extra = pred.minutes - gold.minutes - gold.optional_minutes
    tally = card.fields["minutes"]
    tally.tp += sum((gold.minutes & pred.minutes).values())
    tally.fn += sum(missing.values())
    tally.fp += sum(extra.values())
    if missing or extra:
        card.notes.append(f"{gold.id}: minutes missing={sorted(missing.elements())} extra={sorted(extra.elements())}")


def score_article(gold: ScoredFacts, pred: ScoredFacts | None, card: Scorecard) -> None:
    """Add one article's agreements and disagreements to the scorecard."""
    card.articles += 1
    if pred is None:
        card.notes.append(f"{gold.id}: not in the feed (every gold fact counts as missed)")
        pred = ScoredFacts(gold.id, False, {n: frozenset() for n in SCALAR_FIELDS}, {n: frozenset() for n in SET_FIELDS},
                           Counter(), {}, Counter())  # fmt: skip
    if pred.relevant == gold.relevant:
        card.fields["relevant"].tp += 1
    else:
        card.fields["relevant"].fp += 1
        card.fields["relevant"].fn += 1
        card.notes.append(f"{gold.id}: relevant gold={gold.relevant} pred={pred.relevant}")
    if not gold.relevant:
        if pred.relevant:  # whatever was read from an article off the subject is wrong
            for name, count in _predicted_facts_count(pred).items():
                card.fields[name].fp += count
        return
    for name in SCALAR_FIELDS:
        if name == "round_status" and not gold.scalars["round"]:
            continue  # no round, so no status to judge
        _score_scalar(name, gold, pred, card)
    for name in SET_FIELDS:
        _score_set(name, gold, pred, card)
    _score_minutes(gold, pred, card)


def score(gold: Sequence[ScoredFacts], predictions: Iterable[Mapping[str, Any]]) -> Scorecard:
    """Score `parley extract --json` objects against gold articles (matched by ``id``)."""
    predicted = {str(p["id"]): read_facts(p, "prediction") for p in predictions if "id" in p}
    card = Scorecard()
    for article in gold:
        score_article(article, predicted.get(article.id), card)
    gold_ids = {article.id for article in gold}
    card.notes.extend(
        f"{pid}: in the feed but not in the gold (not scored)" for pid in predicted if pid not in gold_ids
    )
    return card


def render(card: Scorecard, *, verbose: bool = False) -> str:
    """The scorecard as a table, the notes when asked, and the overall line last."""
    lines = [f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}   tp   fp   fn"]
    for name in FIELDS:
        t = card.fields[name]
        lines.append(f"{name:<14}{t.precision:7.3f}{t.recall:7.3f}{t.f1:7.3f} {t.tp:4d} {t.fp:4d} {t.fn:4d}")
    if verbose:
        lines.extend(f"  {note}" for note in card.notes)
    total = card.overall
    lines.append(
        f"overall F1 = {total.f1:.3f} (P {total.precision:.3f}, R {total.recall:.3f}) over {card.articles} articles"
    )
    return "\n".join(lines)
