"""Shared cues (bot/extract/cues.py): what a sentence's form says about it."""

from bot.extract.cues import EARLIER, is_question


def test_a_question_or_a_whether_list_item_alone_asserts_nothing():
    assert is_question("Will Bessent attend the talks?")
    assert is_question("- Whether they pencil in a fourth round before the G7 in Kananaskis (June 15-17).")
    assert is_question("2) Whether the tariff on cars falls")


def test_a_whether_clause_that_is_the_subject_of_a_statement_asserts():
    assert not is_question("Whether he can steer the round to a deal may depend on the autos talks.")
    assert not is_question("- Whether or not they meet, the tariffs stay.")
    assert not is_question("The two sides discussed whether to hold a fourth round.")


def test_a_time_gone_by_or_a_stance_ceased_is_an_earlier_cue():
    for text in (
        "Its aim at that time was removal.",
        "Tokyo has stopped insisting on removal.",
        "Tokyo had given up the idea.",
        "Tokyo began these talks demanding removal.",
    ):
        assert EARLIER.search(text), text
    assert not EARLIER.search("At the time of writing, Tokyo wants removal.")
