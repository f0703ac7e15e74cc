"""Next steps of a round: the sentences of an article that say what the sides agreed to do next.

The contract's facts have no ``next_steps`` field yet. When the extractor provides one
(``ArticleFacts.next_steps``, a list of sentences or phrases), the pipeline uses it; until then
this small, conservative finder picks at most two sentences that state an agreed next meeting
("agreed to hold the next ministerial meeting as early as mid-May", "hold another round ahead of
the G7 summit"). Speculation is not a next step, so sentences with "may", "might" or "could" are
left out.
"""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))\s+(?=[“\"A-Z])")  # a quote ends a sentence only after . ! ?
_NEXT = re.compile(
    r"\b(?:next (?:round|meeting|ministerial|session|talks)|agreed to (?:hold|meet|continue|resume|accelerate)"
    r"|another round|will (?:meet|hold talks|resume) again)\b",
    re.IGNORECASE,
)
_SPECULATION = re.compile(r"\b(?:may|might|could|possibly|perhaps)\b")  # lower case: "mid-May" is a month
MAX_STEPS = 2


def find_next_steps(text: str) -> list[str]:
    """Up to two sentences of ``text`` that state an agreed next meeting, in text order."""
    found: list[str] = []
    for line in text.splitlines():
        for sentence in _SENTENCE.split(line):
            sentence = sentence.strip()
            if _NEXT.search(sentence) and not _SPECULATION.search(sentence) and sentence not in found:
                found.append(sentence)
                if len(found) == MAX_STEPS:
                    return found
    return found
