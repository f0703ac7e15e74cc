"""Whether an article is about the tracked negotiation at all."""

from tests.bot.extract.helpers import facts_of


def test_an_article_about_the_talks_is_relevant():
    facts = facts_of(
        "Japan's tariff negotiator Ryosei Akazawa met U.S. Commerce Secretary Howard Lutnick on Friday.\n"
        "Japan wants the United States to drop its tariffs on Japanese cars.",
        title="Japan-US Round 7 ends without breakthrough on autos",
    )
    assert facts.relevant


def test_other_trade_news_with_the_same_officials_is_not():
    facts = facts_of(
        "LONDON (Reuters) - U.S. Treasury Secretary Scott Bessent and Chinese Vice Premier He Lifeng held a second day "
        "of trade talks in London on Tuesday.\n"
        "The talks focused on China's rare earth exports and U.S. chip export controls.\n"
        "Bessent also said talks with Japan were going well.",
        title="US, China extend trade talks in London",
    )
    assert not facts.relevant
    assert facts.to_contract()["round"] is None and facts.participants == []


def test_an_irrelevant_article_reports_no_facts():
    facts = facts_of("Toyota reported record sales in Europe this quarter.", title="Toyota sales rise")
    assert facts.to_contract() == {
        "id": "t-1", "relevant": False, "round": None, "round_status": None, "date": None, "location": None,
        "participants": [], "meetings": [], "topics": [], "not_discussed": [], "tariffs": [], "positions": [],
        "next_steps": [], "evidence": {},
    }  # fmt: skip
