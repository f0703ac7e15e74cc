"""Topics discussed or demanded, and topics said not to have been discussed."""

from bot.config import DEFAULT_PROFILE
from bot.extract.profile import load_profile
from bot.extract.topics import _statements
from tests.bot.extract.helpers import facts_of

US_CHINA = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")

LEAD = "Akazawa met Treasury Secretary Scott Bessent in Washington on Friday for the fifth round of tariff talks.\n"


def test_topics_named_as_discussed():
    facts = facts_of(LEAD + "They discussed trade expansion, nontariff barriers and economic security, Akazawa said.")
    assert facts.topics == ["trade_expansion", "non_tariff_barriers", "economic_security"]


def test_a_demand_about_one_sectors_tariff_makes_that_sector_a_topic():
    facts = facts_of(LEAD + "Akazawa urged Washington to reconsider the additional tariffs imposed on automobiles.")
    assert facts.topics == ["automobiles"]


def test_pressing_someone_on_a_sectors_tariff_makes_that_sector_a_topic():
    facts = facts_of(LEAD + "Akazawa said he pressed Lutnick once again on the 25% tariffs on Japanese cars.")
    assert facts.topics == ["automobiles"]


def test_what_a_side_gives_as_part_of_the_package_is_a_topic():
    facts = facts_of(
        "Trump announced the trade agreement with Japan after meeting Akazawa at the White House on Tuesday.\n"
        "As part of the package, Japan will provide up to $550 billion in investment in the United States and "
        "expand purchases of American rice, according to the White House.",
        published="2025-07-23T06:00:00Z",
    )
    assert facts.topics == ["investment", "agriculture"]


def test_talks_centred_on_a_proposal_to_invest_make_investment_a_topic_but_another_story_does_not():
    facts = facts_of(
        LEAD + "The talks centred on automobiles and on Japan's proposal to invest in U.S. manufacturing.\n"
        "Separately, Trump approved Nippon Steel's acquisition of U.S. Steel. Nippon Steel has committed to invest "
        "$11 billion and to buy more American coking coal and iron ore for shipbuilding."
    )
    assert facts.topics == ["investment", "automobiles"]


def test_topics_said_not_to_be_discussed():
    facts = facts_of(LEAD + "The participants didn't discuss foreign exchange, national security or China, he said.")
    assert facts.topics == []
    assert facts.not_discussed == ["foreign_exchange", "national_security", "china"]


def test_discussed_and_not_discussed_in_one_sentence():
    facts = facts_of(LEAD + "The two sides discussed agriculture but did not discuss currency, officials said.")
    assert (facts.topics, facts.not_discussed) == (["agriculture"], ["foreign_exchange"])


def test_a_reported_denial_in_the_same_sentence_is_its_own_clause():
    facts = facts_of(
        LEAD + "The two discussed cooperation in semiconductors and energy, Akazawa told reporters, adding that "
        "currency issues were not discussed."
    )
    assert (facts.topics, facts.not_discussed) == (["semiconductors", "energy"], ["foreign_exchange"])


def test_speculation_is_never_a_topic():
    facts = facts_of(LEAD + "The two sides may have talked about boosting imports of automobiles and farm products.")
    assert facts.topics == []


def test_considering_counts_only_when_the_round_is_upcoming():
    considering = "Japan is considering offering cooperation on shipbuilding to win concessions on tariffs."
    held = facts_of(LEAD + considering)
    preview = facts_of(
        "Akazawa will travel to Washington next week for the sixth round of tariff talks with Lutnick.\n" + considering,
        published="2025-06-20T03:00:00Z",
    )
    assert held.topics == []
    assert preview.round_status == "upcoming"
    assert preview.topics == ["shipbuilding"]


def test_a_third_countrys_paragraph_gives_no_topics():
    facts = facts_of(
        LEAD + "Ishiba held talks with Filipino President Ferdinand Marcos Jr. in Manila, and the two sides agreed to "
        "discuss cooperation on defense spending and China."
    )
    assert facts.topics == []


def test_more_ways_to_say_a_topic_was_taken_up():
    facts = facts_of(
        LEAD + "The ministers went into detail on expanding purchases of U.S. farm products. "
        "The auto tariffs remained the main sticking point."
    )
    assert facts.topics == ["agriculture", "automobiles"]


def test_another_countrys_news_in_passing_gives_no_topics():
    facts = facts_of(
        LEAD + "Separately, Trump's team is preparing talks with South Korea and India, while China said it would not "
        "bow to U.S. pressure after Washington raised duties on Chinese goods."
    )
    assert facts.topics == []


def test_what_the_deals_terms_say_a_side_will_do_is_a_topic():
    facts = facts_of(
        LEAD + "Under the framework, Washington would ease its restrictions on autos and Tokyo is to speed up "
        "approvals of American rice."
    )
    assert set(facts.topics) == {"automobiles", "agriculture"}


def test_a_wish_is_not_a_term_of_the_deal():
    facts = facts_of(LEAD + "Analysts think the rice market might one day ease.")
    assert facts.topics == []


def test_a_list_of_commitments_opening_with_their_verbs_makes_topics():
    facts = facts_of(
        "Akazawa met Treasury Secretary Scott Bessent in Washington on Friday and agreed a tariff deal.\n"
        "What Japan commits to:\n"
        "1. Buy more American rice.\n"
        "2. Open its market to American cars."
    )
    assert set(facts.topics) >= {"agriculture", "automobiles"}


def test_what_the_talks_reached_or_made_on_a_subject_makes_it_a_topic():
    facts = facts_of(
        LEAD + "The ministers reached a \"broad understanding\" on agriculture, Akazawa said.\n"
        "They also made some progress on shipbuilding and found a path forward on semiconductors."
    )
    assert set(facts.topics) == {"agriculture", "shipbuilding", "semiconductors"}


def test_subjects_gone_through_without_a_verb_of_discussion_are_topics():
    facts = facts_of(
        LEAD + "The two men had a candid exchange of views on economic security.\n"
        "They went over non-tariff barriers and reviewed energy purchases, and rare earths came up as well.\n"
        "Later the conversation turned to investment, and Akazawa laid out Japan's position on automobiles."
    )
    assert set(facts.topics) == {
        "economic_security", "non_tariff_barriers", "energy", "rare_earths", "investment", "automobiles"
    }


def test_a_topic_word_inside_another_topics_longer_phrase_names_only_that_topic():
    facts = facts_of(
        "Bessent met He Lifeng in Geneva on Saturday for the first round of trade talks.\n"
        "The US would lift restrictions on chip design software, Bessent said.",
        published="2025-05-11T08:00:00Z", profile=US_CHINA,
    )
    assert facts.topics == ["export_controls"]


def test_what_may_well_come_up_is_speculation():
    facts = facts_of(LEAD + "Rice may well feature at the next session, one analyst said.")
    assert facts.topics == []


def test_what_someone_said_separately_is_not_a_topic_of_the_talks():
    facts = facts_of(LEAD + "Lutnick said separately that the administration was still reviewing its chip export policy.")
    assert facts.topics == []


def test_a_threat_taken_off_the_table_is_no_topic_left_out_of_the_talks():
    facts = facts_of(LEAD + "Akazawa said the extra tariff on automobiles was now off the table.")
    assert "automobiles" not in facts.not_discussed


def test_goods_not_covered_by_a_deal_were_not_left_out_of_the_talks():
    facts = facts_of(LEAD + "Semiconductors are not covered by the agreement and stay at the current rate.")
    assert facts.not_discussed == []


def test_a_subject_not_on_the_negotiators_table_was_not_discussed():
    facts = facts_of(LEAD + "Currency is not on the negotiators' table, Akazawa said.")
    assert facts.not_discussed == ["foreign_exchange"]


def test_what_a_deal_says_a_side_will_do_or_is_ready_to_do_is_a_topic():
    facts = facts_of(
        LEAD + "Japan would make substantial purchases of American rice.\n"
        "The U.S. will lower the tariff on automobiles and was willing to relax its rules on semiconductors."
    )
    assert set(facts.topics) == {"agriculture", "automobiles", "semiconductors"}


def test_what_a_deal_says_will_be_done_to_a_subject_is_a_topic_but_history_is_not():
    facts = facts_of(
        LEAD + "Tariffs on shipbuilding equipment will be eased, and the energy issue is settled, Akazawa said.\n"
        "Rice tariffs were increased in 1999."
    )
    assert set(facts.topics) == {"shipbuilding", "energy"}


def test_each_statement_a_verb_reports_is_a_clause_of_its_own():
    facts = facts_of(
        LEAD + "Akazawa said currency was not discussed, that the U.S. would ease its tariff on automobiles, "
        "and that semiconductors were taken up as well."
    )
    assert (set(facts.topics), facts.not_discussed) == ({"automobiles", "semiconductors"}, ["foreign_exchange"])


def test_what_someone_planned_to_raise_at_another_meeting_is_a_plan_not_a_topic_of_the_round_held():
    facts = facts_of(LEAD + "Trump told reporters that he planned to discuss rice with Ishiba at the summit.")
    assert facts.topics == []


def test_pressing_a_side_named_in_several_words_to_act_makes_its_subject_a_topic():
    facts = facts_of(LEAD + "Bessent pressed the Japanese delegation to buy more American rice.")
    assert facts.topics == ["agriculture"]


def test_negotiators_named_as_people_say_nothing_of_the_subjects_in_their_sentence():
    facts = facts_of(LEAD + "Negotiators met as rice farmers waited for news, Akazawa said.")
    assert facts.topics == []


def test_a_reporters_question_is_no_topic_of_the_talks():
    facts = facts_of(LEAD + "Asked by reporters whether rice would be spared, Akazawa declined to comment.")
    assert facts.topics == []


def test_a_denial_before_speculation_stands_and_what_follows_the_speculation_does_not():
    facts = facts_of(
        LEAD + "Officials stressed that currency did not come up, despite press reports that Washington wants "
        "talks on rice."
    )
    assert (facts.topics, facts.not_discussed) == ([], ["foreign_exchange"])


def test_every_item_of_a_list_the_talks_covered_is_a_topic_when_semicolons_part_them():
    facts = facts_of(
        LEAD + "The talks covered the tariff on automobiles; purchases of rice and corn; and semiconductors."
    )
    assert set(facts.topics) == {"automobiles", "agriculture", "semiconductors"}


def test_a_frank_exchange_on_a_subject_makes_it_a_topic():
    facts = facts_of(LEAD + "Akazawa said the two sides had a frank exchange on non-tariff measures.")
    assert facts.topics == ["non_tariff_barriers"]


def test_a_subject_said_to_have_been_settled_in_quotation_marks_or_to_be_bought_again_is_a_topic():
    facts = facts_of(
        LEAD + "Bessent said the energy question had been \"settled\" and that Japan would start buying "
        "more American rice."
    )
    assert set(facts.topics) == {"energy", "agriculture"}


def test_a_subject_that_had_not_been_part_of_the_negotiations_was_not_discussed():
    facts = facts_of(LEAD + "Akazawa said defense spending had not been part of the negotiations.")
    assert facts.not_discussed == ["defense"]


def test_pressing_until_the_last_minute_for_a_subject_makes_it_a_topic():
    facts = facts_of(LEAD + "Akazawa said Washington had pressed until the last minute for access to rice.")
    assert facts.topics == ["agriculture"]


def test_a_subject_that_featured_prominently_is_a_topic():
    facts = facts_of(LEAD + "Shipbuilding featured prominently, Akazawa said.")
    assert facts.topics == ["shipbuilding"]


def test_a_denial_of_one_thing_about_a_subject_the_talks_went_through_leaves_it_a_topic():
    facts = facts_of(
        LEAD + "Currency came up as well, Akazawa said.\n"
        "Bessent did not raise any target for the level of the yen, officials said."
    )
    assert (facts.topics, facts.not_discussed) == (["foreign_exchange"], [])


def test_a_denial_of_the_subject_itself_outweighs_a_mention_of_it():
    facts = facts_of(
        LEAD + "Markets were watching for any talk about the currency.\n"
        "Akazawa said flatly that exchange rates were not discussed."
    )
    assert (facts.topics, facts.not_discussed) == ([], ["foreign_exchange"])


# -- what a deal gives, sends, charges or promises ------------------------------------------

DEAL_LEAD = "Trump announced a tariff deal with Japan after meeting Akazawa at the White House on Tuesday.\n"


def test_what_a_deal_says_a_side_will_provide_procure_or_send_somewhere_is_a_topic():
    facts = facts_of(
        DEAL_LEAD + "Tokyo will provide $400 billion for investments in American factories.\n"
        "Of that, $90 billion would go to a fund for shipyards, officials said.\n"
        "Japan intends to procure more liquefied natural gas, and its utilities are expected to buy more corn.",
        published="2025-07-23T06:00:00Z",
    )
    assert set(facts.topics) == {"investment", "shipbuilding", "energy", "agriculture"}


def test_a_rate_a_deal_will_bring_down_or_a_tariff_it_applies_to_goods_is_a_topic():
    facts = facts_of(
        DEAL_LEAD + "The levy on Japanese vehicles will also come down to 12 percent.\n"
        "Washington will apply only the standard duties to Japanese semiconductors from next month.",
        published="2025-07-23T06:00:00Z",
    )
    assert set(facts.topics) == {"automobiles", "semiconductors"}


def test_treatment_no_worse_than_other_countries_makes_the_goods_it_covers_topics():
    facts = facts_of(
        DEAL_LEAD + "Japan will get treatment no less favourable than others if Washington taxes semiconductors.\n"
        "Tokyo will not be treated worse than any other exporter on crude oil, and any duty on rice will not "
        "exceed 12%.",
        published="2025-07-23T06:00:00Z",
    )
    assert set(facts.topics) == {"semiconductors", "energy", "agriculture"}


def test_what_both_sides_agreed_or_a_side_committed_to_buy_or_floated_is_a_topic():
    facts = facts_of(
        DEAL_LEAD + "Both sides agreed lower duties on shipyards' steel plate.\n"
        "Japan has committed to larger purchases of American beef.\n"
        "Akazawa also floated cooperation in semiconductors, an official said.",
        published="2025-07-23T06:00:00Z",
    )
    assert set(facts.topics) == {"shipbuilding", "agriculture", "semiconductors"}


def test_a_promise_a_leader_makes_at_home_is_no_term_of_the_deal():
    facts = facts_of(DEAL_LEAD + "Ishiba has promised to bring the price of rice at supermarkets back down.")
    assert "agriculture" not in facts.topics


def test_a_rate_that_has_fallen_in_the_past_is_history_not_a_term():
    facts = facts_of(LEAD + "Tariffs on rice fell to 5% in 1999.")
    assert facts.topics == []


def test_time_spent_on_a_subject_or_a_deep_dive_into_it_or_opposition_voiced_to_it_makes_it_a_topic():
    facts = facts_of(
        LEAD + "They spent much of the meeting on non-tariff barriers, Akazawa said.\n"
        "The two also went deep on the shape of an investment package.\n"
        "Akazawa expressed Japan's firm opposition to the tariffs on automobiles."
    )
    assert set(facts.topics) == {"non_tariff_barriers", "investment", "automobiles"}


def test_going_deeper_into_or_through_subjects_makes_them_topics():
    facts = facts_of(
        LEAD + "The two went deeper into economic security, Akazawa said.\n"
        "They also went through projects in shipbuilding."
    )
    assert set(facts.topics) == {"economic_security", "shipbuilding"}


def test_every_item_of_a_list_of_a_deals_terms_is_a_topic_whatever_its_verb():
    facts = facts_of(
        DEAL_LEAD + "A summary of what the agreement does:\n"
        "- A quota of 80,000 Japanese cars a year at a lower rate.\n"
        "- Shipbuilding: no change yet.",
        published="2025-07-23T06:00:00Z",
    )
    assert set(facts.topics) == {"automobiles", "shipbuilding"}


def test_every_item_under_a_heading_naming_a_deal_or_the_agenda_is_a_topic():
    facts = facts_of(
        DEAL_LEAD + "WHAT WAS AGREED\n"
        "- A quota of 80,000 Japanese cars a year at a lower rate.\n"
        "- Shipbuilding: no change yet.",
        published="2025-07-23T06:00:00Z",
    )
    assert set(facts.topics) == {"automobiles", "shipbuilding"}
    numbered = facts_of(
        DEAL_LEAD + "3. Other elements of the agreement\n"
        "(1) Agriculture: U.S. rice purchases to rise by 75%.\n"
        "(2) Shipbuilding: a joint fund.",
        published="2025-07-23T06:00:00Z",
    )
    assert set(numbered.topics) == {"agriculture", "shipbuilding"}
    agenda = facts_of(
        "Bessent met He Lifeng in Geneva on Saturday for the first round of trade talks.\n"
        "WHAT'S ON THE MENU\n* Soybeans.\n* Fentanyl.",
        published="2025-05-11T08:00:00Z", profile=US_CHINA,
    )
    assert set(agenda.topics) == {"agriculture", "fentanyl"}


def test_a_heading_naming_no_deal_an_item_with_a_label_or_the_next_section_leads_no_list():
    facts = facts_of(
        DEAL_LEAD + "ACTION ITEMS\n"
        "- Carmakers: check your buyers' contracts.\n"
        "- Section 232: 50% on covered products\n"
        "- Shipbuilders flat.",
        published="2025-07-23T06:00:00Z",
    )
    assert facts.topics == []
    outline = facts_of(
        DEAL_LEAD + "4. Other terms of the deal\n"
        "- Japan's purchases of U.S. rice.\n"
        "5. Operations\n"
        "- Carmakers will ship more next week.",
        published="2025-07-23T06:00:00Z",
    )
    assert outline.topics == ["agriculture"]


def test_a_bulleted_list_without_a_lead_in_naming_a_deal_gives_no_topics_by_itself():
    facts = facts_of(
        LEAD + "Market moves on Friday:\n"
        "- Carmakers up 2%.\n"
        "- Shipbuilders flat."
    )
    assert facts.topics == []


def test_a_subject_left_out_of_a_signing_was_not_left_out_of_the_talks():
    facts = facts_of(LEAD + "The shipbuilding industry said it was left out of today's signing.")
    assert facts.not_discussed == []


def test_a_separate_meeting_told_in_a_relative_clause_leaves_the_main_clause_a_report_of_the_talks():
    facts = facts_of(
        LEAD + "Akazawa, who held a separate meeting with Lutnick later in the day, said Japan had proposed "
        "cooperation in shipbuilding.\n"
        "Kato, who held separate talks on currencies with Bessent, said rice should be left to markets."
    )
    assert facts.topics == ["shipbuilding"]


def test_an_agreement_said_to_have_been_reached_on_a_subject_makes_it_a_topic():
    facts = facts_of(LEAD + "Akazawa said a final agreement had been reached on rice.")
    assert facts.topics == ["agriculture"]


def test_a_third_country_named_only_as_where_something_happens_is_no_other_story():
    facts = facts_of(
        LEAD + "Akazawa said the two sides had discussed shipbuilding, which the leaders could settle in South Korea."
    )
    assert facts.topics == ["shipbuilding"]


def test_a_third_countrys_own_doings_are_still_another_story():
    facts = facts_of(LEAD + "South Korea discussed shipbuilding with Washington last month.")
    assert facts.topics == []


def test_also_right_after_a_sentence_of_the_talks_topics_adds_its_own():
    facts = facts_of(LEAD + "They discussed economic security, Akazawa said. Semiconductors and energy were also on his mind.")
    assert facts.topics == ["economic_security", "semiconductors", "energy"]


def test_also_after_a_sentence_of_no_topic_or_in_another_paragraph_adds_none():
    facts = facts_of(LEAD + "Akazawa arrived on Thursday. Semiconductors and energy were also on his mind.")
    assert facts.topics == []
    facts = facts_of(LEAD + "They discussed economic security, Akazawa said.\nEnergy prices also rose on Friday.")
    assert facts.topics == ["economic_security"]


def test_also_in_a_possibility_adds_no_topic():
    facts = facts_of(LEAD + "They discussed economic security, Akazawa said. Energy could also be brought into the talks.")
    assert facts.topics == ["economic_security"]


def test_what_a_deals_text_names_is_a_term_of_the_talks():
    facts = facts_of(
        LEAD + "Semiconductors are listed in the memorandum among the sectors eligible for projects, alongside energy."
    )
    assert set(facts.topics) == {"semiconductors", "energy"}


def test_goods_a_tariff_already_leaves_out_are_no_topic_of_the_talks():
    facts = facts_of(LEAD + "Rice and beef were exempted from the levy in March, and semiconductors remain exempt for now.")
    assert facts.topics == []


def test_an_exemption_sought_or_written_into_the_deal_is_a_topic():
    facts = facts_of(LEAD + "Akazawa sought an exemption for automobiles, Japanese officials said.")
    assert facts.topics == ["automobiles"]
    facts = facts_of(LEAD + "Under the deal, semiconductors will be exempted from the levy.")
    assert facts.topics == ["semiconductors"]
    facts = facts_of(LEAD + "Washington agreed to exempt rice from the new duty.")
    assert facts.topics == ["agriculture"]


def test_a_subject_never_part_of_the_talks_or_never_on_the_table_was_not_discussed():
    facts = facts_of(LEAD + "Akazawa said rice had never been part of the tariff negotiations.")
    assert (facts.topics, facts.not_discussed) == ([], ["agriculture"])
    facts = facts_of(LEAD + "Akazawa said the yen was not part of the conversation.")
    assert (facts.topics, facts.not_discussed) == ([], ["foreign_exchange"])
    facts = facts_of(LEAD + "Asked about defense spending, Akazawa said it was never on the table.")
    assert (facts.topics, facts.not_discussed) == ([], ["defense"])


def test_a_denial_in_quotation_marks_or_nothing_said_of_a_subject_was_not_discussed():
    facts = facts_of(LEAD + 'Akazawa said the team had "not discussed currency at all" with Bessent.')
    assert facts.not_discussed == ["foreign_exchange"]
    facts = facts_of(LEAD + "Nothing was said on Friday about shipbuilding, an aide said.")
    assert facts.not_discussed == ["shipbuilding"]


def test_a_second_statement_joined_by_and_that_is_a_clause_of_its_own():
    facts = facts_of(LEAD + 'Akazawa said the talks "centred on automobiles" and that rice was not discussed this time.')
    assert (facts.topics, facts.not_discussed) == (["automobiles"], ["agriculture"])


def test_what_an_indirect_question_the_sentence_answers_names_is_only_asked_about():
    facts = facts_of(LEAD + "Asked whether Washington had demanded a stronger yen, Akazawa declined to comment.")
    assert facts.topics == []
    facts = facts_of(LEAD + 'Asked whether Japan could offer more LNG, an analyst said it was "a possible sweetener".')
    assert facts.topics == []


def test_a_topic_the_answer_to_a_question_gives_still_counts():
    facts = facts_of(LEAD + "Asked whether the talks went well, Akazawa said they had discussed shipbuilding.")
    assert facts.topics == ["shipbuilding"]


def test_a_question_ending_its_sentence_is_left_for_the_answer_after_it():
    facts = facts_of(LEAD + "A reporter asked whether rice came up. Akazawa said it did.")
    assert facts.topics == ["agriculture"]


USC_LEAD = "Bessent met He Lifeng in Geneva on Saturday for the first round of trade talks.\n"


def test_what_a_deal_puts_off_or_takes_away_is_a_topic():
    facts = facts_of(
        USC_LEAD + "Beijing would defer its new rules on rare earths for a year, Bessent said.",
        published="2025-05-11T08:00:00Z", profile=US_CHINA,
    )
    assert facts.topics == ["rare_earths"]
    facts = facts_of(
        USC_LEAD + "The new American export curbs would come off once licences flow, Bessent said.",
        published="2025-05-11T08:00:00Z", profile=US_CHINA,
    )
    assert facts.topics == ["export_controls"]
    facts = facts_of(
        USC_LEAD + "Washington is supposed to loosen the entity list, and China will in turn postpone its rare earth rules.",
        published="2025-05-11T08:00:00Z", profile=US_CHINA,
    )
    assert set(facts.topics) == {"export_controls", "rare_earths"}


def test_what_a_side_steps_up_in_return_or_commits_to_is_a_topic():
    facts = facts_of(
        USC_LEAD + "China will in return step up its action against fentanyl, Bessent said.",
        published="2025-05-11T08:00:00Z", profile=US_CHINA,
    )
    assert facts.topics == ["fentanyl"]
    facts = facts_of(
        USC_LEAD + "Beijing's commitment to buy soybeans runs through 2028, Bessent said.",
        published="2025-05-11T08:00:00Z", profile=US_CHINA,
    )
    assert facts.topics == ["agriculture"]


def test_what_a_framework_includes_is_a_topic():
    facts = facts_of(
        USC_LEAD + "Bessent said the sides had reached a framework that includes large Chinese purchases of soybeans.",
        published="2025-05-11T08:00:00Z", profile=US_CHINA,
    )
    assert facts.topics == ["agriculture"]


def test_where_a_deal_sends_money_is_a_topic():
    facts = facts_of(LEAD + "Under the memorandum, Japan will finance projects in shipbuilding chosen by Washington.")
    assert facts.topics == ["shipbuilding"]
    facts = facts_of(LEAD + "Tokyo will steer its investment fund into semiconductors, Akazawa said.")
    assert set(facts.topics) == {"investment", "semiconductors"}
    # the same word at the head of a sentence is a noun, not a list item of commitments
    facts = facts_of(LEAD + "Finance Minister Kato said in Tokyo that exchange rates should be set by markets.")
    assert facts.topics == []


def test_a_subject_one_side_brought_up_or_mentioned_is_a_topic():
    facts = facts_of(LEAD + "Trump brought up the cost of US troops, an official said.")
    assert facts.topics == ["defense"]
    facts = facts_of(LEAD + "Bessent spoke frankly about rice, Akazawa said.")
    assert facts.topics == ["agriculture"]
    # who speaks of a scenario or on condition of anonymity names no subject of the talks
    facts = facts_of(LEAD + "An official who spoke on condition of anonymity said rice prices were rising.")
    assert facts.topics == []
    facts = facts_of(LEAD + "Akazawa said he had mentioned shipbuilding.")
    assert facts.topics == ["shipbuilding"]
    facts = facts_of(LEAD + "The session also bore on economic security, a ministry official said.")
    assert facts.topics == ["economic_security"]


def test_what_a_side_was_briefed_on_is_a_topic_but_people_briefed_on_the_talks_tell_none():
    facts = facts_of(LEAD + "The delegation briefed the American side on its LNG purchases.")
    assert facts.topics == ["energy"]
    facts = facts_of(LEAD + "People briefed on the talks said rice prices had risen.")
    assert facts.topics == []


def test_what_a_signed_memorandum_is_on_is_a_topic():
    facts = facts_of(
        LEAD + "Akazawa signed a memorandum of understanding with Commerce Secretary Lutnick on the shipbuilding fund."
    )
    assert facts.topics == ["shipbuilding"]


def test_what_a_side_commits_to_or_takes_steps_on_is_a_topic():
    facts = facts_of(LEAD + "Japan commits to strengthen its safety inspections of imported goods, the text says.")
    assert facts.topics == ["non_tariff_barriers"]
    facts = facts_of(LEAD + "Japan will take concrete steps to facilitate rice imports, the fact sheet says.")
    assert facts.topics == ["agriculture"]


def test_what_a_sides_commitments_are_said_to_be_is_a_topic():
    facts = facts_of(LEAD + "Japan's commitments, according to the fact sheet: $400 billion for shipbuilding and energy.")
    assert facts.topics == ["shipbuilding", "energy"]
    facts = facts_of(LEAD + "Japan's other commitments under the deal are purchases of rice and LNG.")
    assert facts.topics == ["agriculture", "energy"]


def test_goods_a_deal_applies_only_the_ordinary_duty_to_are_a_topic():
    facts = facts_of(LEAD + "Washington will apply only the ordinary duty to Japanese semiconductors, the text says.")
    assert facts.topics == ["semiconductors"]


def test_each_further_statement_a_verb_reports_is_a_clause_of_its_own():
    text = "Kato said the meeting went well, and that chips would be discussed in June."
    assert [text[s:e] for s, e in _statements(text, text.lower(), 0, len(text))] == [
        "Kato said the meeting went well",
        ", and that chips would be discussed in June.",
    ]
    # a clause without the word that opens a statement is one statement
    plain = "Kato said the meeting went well, and chips were discussed."
    assert _statements(plain, plain.lower(), 0, len(plain)) == [(0, len(plain))]


DEAL_LEAD = "Trump announced a trade deal with Japan on Tuesday after meeting Akazawa at the White House.\n"


def test_goods_the_deal_gives_a_new_rate_are_a_topic():
    facts = facts_of(
        DEAL_LEAD + "Under the deal the levy on Japanese cars drops to 15% from 27.5%.", published="2025-07-23T06:00:00Z"
    )
    assert facts.topics == ["automobiles"]
    facts = facts_of(DEAL_LEAD + "Auto parts will also pay 15%, down from 27.5%.", published="2025-07-23T06:00:00Z")
    assert facts.topics == ["automobiles"]


def test_goods_only_said_to_pay_a_rate_are_no_topic():
    for said in (
        "Japanese cars have paid a 25% tariff since April.",
        "Japanese cars will continue to pay 25% until the order is signed.",
        "The cut in the tariff on cars to 15% has not yet taken effect.",
    ):
        assert facts_of(DEAL_LEAD + said, published="2025-07-23T06:00:00Z").topics == [], said


def test_an_adverb_of_doubt_governs_only_the_words_after_it():
    facts = facts_of(
        LEAD + "Japan offered to buy more U.S. soybeans and possibly to cooperate on shipbuilding, officials said."
    )
    assert facts.topics == ["agriculture"]
    # a modal of doubt governs its whole clause
    assert facts_of(LEAD + "Issues such as shipbuilding may come up later.").topics == []


def test_perhaps_before_a_superlative_is_emphasis_not_doubt():
    facts = facts_of(DEAL_LEAD + "Perhaps most importantly, Japan will open its market to American rice.")
    assert facts.topics == ["agriculture"]


def test_what_the_press_reports_a_side_put_forward_is_a_topic():
    facts = facts_of(LEAD + "Japanese media report that Akazawa's team has floated bigger purchases of U.S. soybeans.")
    assert facts.topics == ["agriculture"]


def test_a_rate_recalled_from_a_deal_of_an_earlier_month_is_no_topic():
    facts = facts_of(
        "Trump signed the order on Thursday after Akazawa met Lutnick at the Commerce Department.\n"
        "Japan agreed in July to a 15% tariff on cars, down from 27.5%.",
        published="2025-09-05T06:00:00Z",
    )
    assert "automobiles" not in facts.topics


def test_a_topic_word_in_the_name_of_an_office_names_no_subject():
    facts = facts_of(
        LEAD + "Energy Minister Taro Sato said the talks covered nothing new.\n"
        "Akazawa said he had discussed the work of the Ministry of Economy, Trade and Energy with Lutnick."
    )
    assert facts.topics == []
    # the same word outside a name is the subject
    assert facts_of(LEAD + "They discussed energy, Akazawa said.").topics == ["energy"]


def test_a_numbered_list_after_a_lead_in_naming_the_subjects_gives_each_items_topics():
    facts = facts_of(
        LEAD + "At the meeting, the Japanese side presented a proposal covering three areas:\n"
        "1. Larger imports of U.S. liquefied natural gas;\n"
        "2. Cooperation in shipbuilding; and\n"
        "3. Investment in American factories."
    )
    assert facts.topics == ["energy", "shipbuilding", "investment"]
    # a lead-in that names no subjects gives none
    facts = facts_of(
        LEAD + "Exporters are asked to note the following:\n1. Shipping schedules may change.\n2. Keep records."
    )
    assert facts.topics == []


def test_a_third_country_a_sides_treatment_is_measured_against_is_no_other_story():
    facts = facts_of(
        DEAL_LEAD + "Japan will buy more American rice. Its semiconductors will be treated no less favourably "
        "than those of Taiwan."
    )
    assert facts.topics == ["agriculture", "semiconductors"]


def test_what_the_deals_text_includes_or_the_sectors_it_names_are_topics():
    facts = facts_of(DEAL_LEAD + "The agreement also includes cooperation on shipbuilding.")
    assert facts.topics == ["shipbuilding"]
    facts = facts_of(DEAL_LEAD + "The sectors named include semiconductors and energy.")
    assert facts.topics == ["semiconductors", "energy"]


def test_what_a_clause_says_is_so_under_the_deal_is_a_topic():
    facts = facts_of(DEAL_LEAD + "Under the deal, Tokyo puts $100 billion into American shipbuilding.")
    assert facts.topics == ["shipbuilding"]


def test_a_sides_measure_told_as_news_makes_what_it_is_on_a_topic():
    # no word of talks: the measure of one side is what the other bargains over
    facts = facts_of(
        "Relations between Washington and Beijing soured on Thursday, when China announced sweeping new export "
        "controls on rare earths.\n"
        "The US and China have held five rounds of trade talks this year.",
        title="US-China trade truce in doubt",
        published="2025-10-10T03:00:00Z",
        profile=US_CHINA,
    )
    assert "export_controls" in facts.topics


def test_what_a_measure_was_imposed_over_or_a_measure_only_planned_is_not_a_topic():
    # the levy is on goods, imposed over fentanyl; the controls are a plan, said with "would"
    facts = facts_of(
        "US tariffs on Chinese goods include a levy Trump imposed over fentanyl in February.\n"
        "China said it would add chemicals to its list and tighten export controls on them.\n"
        "The US and China have held five rounds of trade talks this year.",
        title="US-China trade talks resume",
        published="2025-10-10T03:00:00Z",
        profile=US_CHINA,
    )
    assert "fentanyl" not in facts.topics and "export_controls" not in facts.topics


def test_work_given_to_a_subject_makes_it_a_topic():
    # "concentrated on" and "worked on" say what the teams went through, as "focused on" does; a
    # chapter on a subject, or a working group on it, is the subject negotiated
    facts = facts_of(LEAD + "The working groups concentrated on investment and economic security, officials said.")
    assert set(facts.topics) == {"investment", "economic_security"}
    facts = facts_of(LEAD + "Akazawa said the teams had worked on nontariff barriers and semiconductors.")
    assert set(facts.topics) == {"non_tariff_barriers", "semiconductors"}
    facts = facts_of(LEAD + "Officials said the chapter on agriculture is now technically closed.")
    assert facts.topics == ["agriculture"]
