"""Which day a bare day's name ("on Monday", "today") gives the event the story reports: the tense
of the verb the day belongs to, and whose act that day is (the event's, or a reply to it)."""

from tests.bot.extract.helpers import facts_of


def test_a_call_the_lead_previews_on_a_bare_weekday_is_the_next_such_day():
    # published on a Thursday, under a headline of no tense: "will speak ... on Monday" is the coming Monday
    facts = facts_of(
        "Prime Minister Shigeru Ishiba will speak with President Donald Trump by telephone on Monday evening, "
        "the government said, as Tokyo seeks relief from the 25% tariff on Japanese cars.\n"
        "The call will be their second since April.",
        title="Tokyo tries the telephone on car tariffs",
        published="2025-07-24T09:00:00Z",
    )
    assert facts.date == "2025-07-28"


def test_a_plan_with_be_to_in_the_lead_looks_ahead_to_its_day():
    facts = facts_of(
        "The Japanese negotiator and the American commerce secretary will sit down at the same table again. "
        "The ninth meeting of the two delegations since April is to begin on Monday in Washington, and is "
        "expected to last two days. The US trade representative will also take part.\n"
        "At stake is the 25% tariff on Japanese cars.",
        title="In Washington, Akazawa and Lutnick will talk about car tariffs",
        published="2025-07-24T09:00:00Z",  # a Thursday
    )
    assert facts.date == "2025-07-28"


def test_a_day_before_which_a_statement_tells_of_the_future_is_the_statements_day():
    # "announced on Thursday that ... will impose": the future is what was announced, on a past Thursday
    facts = facts_of(
        "Late on Thursday, President Donald Trump announced on Truth Social that from October 1 the United "
        "States will impose a 100% tariff on branded drugs, after a call with Prime Minister Shigeru Ishiba.\n"
        "Japan's drug makers said they were studying the order.",
        title="Trump's drug tariff spares no one",
        published="2025-09-27T09:00:00Z",  # a Saturday
    )
    assert facts.date == "2025-09-25"


def test_a_sitting_awaited_on_a_day_is_the_next_such_day():
    facts = facts_of(
        "Japan's chief tariff negotiator Ryosei Akazawa leaves Tokyo today for an eighth round of ministerial "
        "talks, and a meeting with Commerce Secretary Howard Lutnick is expected on Tuesday.\n"
        "Akazawa will seek a cut in the 25% tariff on cars.",
        title="Akazawa heads to Washington for eighth round",
        published="2025-07-21T01:00:00Z",  # a Monday
    )
    assert facts.date == "2025-07-22"


def test_the_day_a_group_welcomes_the_news_is_not_the_day_of_the_news():
    facts = facts_of(
        "WASHINGTON – The National Retail Federation today welcomed the executive orders signed by President "
        "Donald Trump on Tuesday that carry out the tariff deal he reached with Prime Minister Shigeru Ishiba.\n"
        "The orders cut the tariff on Japanese cars to 15%.",
        title="Retailers welcome Japan tariff orders",
        published="2025-11-05T18:00:00Z",  # a Wednesday
    )
    assert facts.date == "2025-11-04"


def test_a_press_release_dateline_with_the_wire_between_slashes_stamps_the_issue():
    facts = facts_of(
        "NEW YORK, July 23, 2025 /PRNewswire/ -- Harborline Trade Advisory today issued a client alert "
        "summarizing the U.S.-Japan trade agreement announced by President Donald Trump on Tuesday evening "
        "following his meeting at the White House with Japan's chief tariff negotiator, Ryosei Akazawa.\n"
        "Key points: a 15% tariff on most Japanese goods.",
        title="Harborline issues client alert on U.S.-Japan trade agreement",
        published="2025-07-23T13:00:00Z",
    )
    assert facts.date == "2025-07-22"
