"""Next steps: sentences that state an agreed next meeting, never speculation."""

from tests.bot.extract.helpers import facts_of

LEAD = "Akazawa met Bessent in Washington on Thursday for the second round of tariff talks with the United States.\n"


def test_an_agreed_next_meeting_is_a_next_step():
    step = "The two sides agreed to hold the next ministerial meeting as early as in mid-May."
    assert facts_of(LEAD + step).next_steps == [step]


def test_another_round_in_a_quote_is_a_next_step():
    step = "“We agreed to accelerate the talks and hold another round ahead of the G7 summit,” Akazawa said."
    assert facts_of(LEAD + step).next_steps == [step]


def test_speculation_and_unrelated_sentences_are_not():
    assert facts_of(LEAD + "The next round may take place in June. Akazawa met Bessent for 45 minutes.").next_steps == []


def test_at_most_two():
    body = "They agreed to meet again. The next round is in May. The next meeting is in June. Another round follows."
    assert len(facts_of(LEAD + body).next_steps) == 2


def test_an_article_without_a_round_has_no_next_steps():
    body = "Trump met Ishiba in Kananaskis on Monday to discuss tariffs. They agreed to hold another meeting in July."
    assert facts_of(body, published="2025-06-17T02:00:00Z").next_steps == []
