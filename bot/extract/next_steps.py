"""Next steps: the sentences that say what the sides agreed to do next.

"The two sides agreed to hold the next ministerial meeting as early as mid-May", "we agreed to
... hold another round ahead of the G7 summit". Speculation ("the next round may take place in
June") is not a next step. At most two, in text order, from paragraphs about the talks.
"""

from __future__ import annotations

from bot.extract.article import Article
from bot.extract.phrases import Phrases
from bot.extract.text import Sentence

NEXT = Phrases(
    [
        r"next (?:round|meeting|ministerial|session|talks|high-level meeting)",
        r"agreed to (?:hold|meet|continue|resume|accelerate|arrange)",
        r"(?:to|will|would) hold another (?:round|meeting)",
        r"will (?:meet|hold talks|resume) again",
    ],
    shared=True,
)
# "may" in lower case only: "mid-May" is a month
_MAYBE = Phrases(["may", "might", "could", "possibly", "perhaps"], shared=True)
MAX_STEPS = 2


def find_next_steps(article: Article, skip_paragraphs: set[int]) -> list[str]:
    found: list[str] = []
    for index in sorted(article.sentences_with(NEXT)):
        sentence = article.sentences[index]
        if sentence.paragraph == 0 or sentence.paragraph in skip_paragraphs:
            continue
        if is_hedged(article, sentence) or sentence.text in found:
            continue
        found.append(sentence.text)
        if len(found) == MAX_STEPS:
            break
    return found


def is_hedged(article: Article, sentence: Sentence) -> bool:
    """Whether the sentence only guesses ("could", "may", "might"; "May" is a month)."""
    return any(article.text[s:e] != "May" for s, e in article.hits(_MAYBE).within(sentence.start, sentence.end))
