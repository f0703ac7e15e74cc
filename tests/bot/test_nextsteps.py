"""Next steps: sentences that state an agreed next meeting, never speculation."""

from __future__ import annotations

from bot.nextsteps import find_next_steps


def test_an_agreed_next_meeting_is_a_next_step() -> None:
    text = (
        "Japan and the United States held the second round on Thursday. "
        "The two sides agreed to hold the next ministerial meeting as early as in mid-May."
    )
    assert find_next_steps(text) == ["The two sides agreed to hold the next ministerial meeting as early as in mid-May."]


def test_another_round_in_a_quote_is_a_next_step() -> None:
    text = "“We agreed to accelerate the talks and hold another round ahead of the G7 summit,” Akazawa said."
    assert find_next_steps(text) == [text]


def test_speculation_and_unrelated_sentences_are_not() -> None:
    text = "The next round may take place in June. Akazawa met Bessent for 45 minutes."
    assert find_next_steps(text) == []


def test_at_most_two() -> None:
    text = "They agreed to meet again. The next round is in May. The next meeting is in June. Another round follows."
    assert len(find_next_steps(text)) == 2


def test_the_month_of_may_is_not_speculation() -> None:
    assert find_next_steps("They agreed to hold the next meeting in mid-May.") == [
        "They agreed to hold the next meeting in mid-May."
    ]
