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


def test_a_fifth_round_between_an_american_and_a_japanese_that_never_names_trade_is_not():
    facts = facts_of(
        "Kenshiro Ito kept his belt on Sunday night, stopping American challenger Marcus Doyle in the fifth round "
        "before a sellout crowd in Tokyo.\n"
        "The Washington-born Doyle had won the second round, and pay-per-view purchases showed a 25% rise.",
        title="Ito retains title with fifth-round stoppage of American challenger in Tokyo",
    )
    assert not facts.relevant


def test_a_story_of_the_tracked_sides_round_told_for_another_countrys_readers_is_relevant():
    facts = facts_of(
        "As South Korea prepares to resume its own tariff negotiations with Washington, officials in Seoul are "
        "watching Japan, which on Friday held its fourth round of ministerial talks with the United States.\n"
        "Japan's chief negotiator Ryosei Akazawa met US Commerce Secretary Howard Lutnick for an hour in Washington.\n"
        "Japan faces a 24 percent reciprocal tariff once Washington's 90-day pause expires in July.\n"
        "On the same day, Trump said he would double tariffs on steel, a move that would hit Korean steelmakers.\n"
        "Korea, which faces a 25 percent reciprocal tariff, has held working-level talks with the USTR.\n"
        "Trade Minister Ahn Duk-geun has said Seoul will not rush to strike a deal.\n"
        "A trade official in Seoul said Japan's experience shows Washington is unlikely to budge on auto tariffs.",
        title="Japan's 4th round of tariff talks offers lessons for Seoul",
    )
    assert facts.relevant and facts.round == 4


def test_a_third_countrys_look_at_the_round_is_relevant_when_the_pair_carries_what_names_the_other_side():
    # the sentences naming the tracked pair first ("officials said Washington wants...", a quote on
    # "Japan and the US") are the pair's own even without a subject word: they are not weighed
    # against it as the third country's
    facts = facts_of(
        "BANGKOK: As Thailand's electronics exporters brace for a slow summer, Japan and the United States meet "
        "today (Friday) in Washington for their fifth round of tariff talks.\n"
        "Japan's negotiator Ryosei Akazawa will meet Commerce Secretary Howard Lutnick at the Commerce Department.\n"
        "Washington has kept a 25 percent tariff on Japanese cars since April.\n"
        "Japan has repeatedly demanded that the United States remove the tariffs.\n"
        "U.S. officials have said Washington wants Tokyo to buy more American rice.\n"
        '"If Japan and the US settle, our window closes," said a Thai exporter.\n'
        "Thai exporters said some US buyers had moved orders from Japanese suppliers.\n"
        "Thailand itself faces a 36 percent US rate.",
        title="Thai exporters watch as Japan and US sit down for fifth round",
        published="2025-05-30T02:00:00Z",
    )
    assert facts.relevant and facts.round == 5


def test_another_countrys_story_that_uses_the_deal_as_a_benchmark_is_not():
    facts = facts_of(
        "SEOUL, July 23 (Yonhap) -- South Korea stepped up efforts Wednesday to clinch a trade deal with the United "
        "States before an Aug. 1 deadline, after Japan secured a lower tariff rate, officials said.\n"
        "Trade Minister Yeo Han-koo met with Commerce Secretary Howard Lutnick on Tuesday and will hold talks with "
        "U.S. Trade Representative Jamieson Greer later this week.\n"
        "Finance Minister Koo Yun-cheol is also set to hold talks with Treasury Secretary Scott Bessent on Friday.\n"
        "Seoul faces a 25 percent reciprocal tariff from next month, and a 25 percent levy on its autos.\n"
        "Japan's deal, announced Tuesday by U.S. President Donald Trump, lowers the reciprocal tariff on Japanese "
        "goods to 15 percent. Japanese negotiator Ryosei Akazawa met Trump at the White House before the announcement.",
        title="S. Korea races to match Japan's 15 pct tariff deal ahead of Aug. 1 deadline",
        published="2025-07-23T03:00:00Z",
    )
    assert not facts.relevant


def test_the_tracked_side_with_another_partner_is_that_pairs_story():
    facts = facts_of(
        "Japan and the EU have vowed to deepen co-operation on economic security as both grapple with US President "
        "Donald Trump's tariff offensive.\n"
        "Prime Minister Shigeru Ishiba met European Commission president Ursula von der Leyen in Tokyo on Wednesday.\n"
        "The EU and Japan agreed to work together on rare earths and on reform of the World Trade Organization.\n"
        "Ishiba's meeting came a day after Tokyo struck a deal with Washington that set a 15 per cent tariff.",
        title="Japan and EU pledge to defend rules-based trade in face of US tariffs",
        published="2025-07-23T12:00:00Z",
    )
    assert not facts.relevant


def test_the_tracked_pairs_deal_told_for_another_countrys_readers_is_relevant():
    # the headline's subject is Japan's deal; Vietnam comes only in what is said of it
    facts = facts_of(
        "HANOI - Japan's trade agreement with the United States, reached in Washington on Tuesday, has raised the "
        "stakes for Vietnam's exporters.\n"
        "Akazawa met Commerce Secretary Howard Lutnick for two hours before the deal was announced.\n"
        "Under the agreement, the US tariff on Japanese goods will be 15% instead of 25%.\n"
        "Vietnamese officials said Hanoi would study the terms.\n"
        "Vietnam faces a 20% rate and has asked for more time.\n"
        "Vietnam's garment makers fear losing orders.\n"
        "A Vietnamese economist said the Japanese cars built in Vietnam would not be affected.",
        title="Japan's tariff deal sets a high bar for Vietnam",
        published="2025-07-24T03:00:00Z",
    )
    assert facts.relevant


def test_the_tracked_side_joined_by_another_partner_in_the_headline_is_that_pairs_story():
    facts = facts_of(
        "Japan and the Philippines signed a pact on Monday to speed the supply of critical minerals.\n"
        "Prime Minister Shigeru Ishiba met President Ferdinand Marcos in Manila.\n"
        "Both face US tariffs: the Philippines 19% and Japan 15% under its deal with Washington.\n"
        "Filipino officials said nickel exports would rise.\n"
        "Manila hopes for Japanese investment in its mines.",
        title="Japan, Philippines sign critical minerals pact as US tariffs bite",
        published="2025-07-28T03:00:00Z",
    )
    assert not facts.relevant


def test_an_irrelevant_article_reports_no_facts():
    facts = facts_of("Toyota reported record sales in Europe this quarter.", title="Toyota sales rise")
    assert facts.to_contract() == {
        "id": "t-1", "relevant": False, "round": None, "round_status": None, "date": None, "location": None,
        "participants": [], "meetings": [], "topics": [], "not_discussed": [], "tariffs": [], "positions": [],
        "next_steps": [], "evidence": {},
    }  # fmt: skip


def test_a_leaders_meeting_of_both_sides_is_about_the_talks():
    from bot.config import DEFAULT_PROFILE
    from bot.extract.profile import load_profile

    facts = facts_of(
        "The White House on Saturday published a fact sheet on the deal with China, reached when President Donald "
        "Trump met Chinese President Xi Jinping in Busan on Thursday.\n"
        "Trump said the overall rate on Chinese goods would fall to 47%.",
        title="The Busan deal, line by line",
        published="2025-11-01T22:00:00Z",
        profile=load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml"),
    )
    assert facts.relevant


def test_an_order_implementing_a_deal_made_between_the_sides_is_about_the_talks():
    facts = facts_of(
        "Executive Order of October 2, 2025\n"
        "In an earlier order the United States set additional duties of 30 percent on products of Japan.\n"
        "On August 14, 2025, I announced that the United States had reached an agreement with Japan.\n"
        "Under it, Japan has committed to buy more American wheat.",
        title="Carrying Out the Arrangement of the United States and Japan",
    )
    assert facts.relevant


def test_a_deal_one_side_made_with_someone_else_does_not_make_the_pair_relevant():
    facts = facts_of(
        "Japan reached an agreement with Australia on beef quotas on Monday.\n"
        "Officials in Canberra welcomed the accord as a boost for farmers.",
        title="Japan and Australia settle beef quotas",
    )
    assert not facts.relevant



def _us_china():
    from bot.config import DEFAULT_PROFILE
    from bot.extract.profile import load_profile

    return load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")


def test_talks_of_the_same_two_governments_on_another_subject_are_not_the_negotiation():
    # "consular consultations", "climate envoy talks": another channel, whose "talks" and "round"
    # are not the trade talks, however often the two sides are named
    facts = facts_of(
        "U.S. and Chinese officials met in Shanghai on Monday for a round of consular consultations.\n"
        "The United States and China also agreed to hold climate envoy talks in the spring.\n"
        "Tariffs were not on the agenda.",
        title="US, China hold consular talks on visa backlog",
        profile=_us_china(),
    )
    assert not facts.relevant


def test_talks_on_a_named_other_subject_after_the_noun_are_not_the_negotiation_either():
    facts = facts_of(
        "Officials from China and the United States held talks on the risks of artificial intelligence in "
        "Vienna on Thursday.\n"
        "China and the United States agreed to hold talks on AI again next year.\n"
        "Export controls were not raised.",
        title="US, China hold first talks on AI risks",
        profile=_us_china(),
    )
    assert not facts.relevant


def test_talks_on_another_subject_leave_the_trade_talks_in_the_same_story_counted():
    facts = facts_of(
        "U.S. and Chinese officials met in Vienna for talks on Monday.\n"
        "The United States and China will hold more talks in July, separately from their security talks.\n"
        "Tariffs were on the agenda.",
        title="US, China meet again",
        profile=_us_china(),
    )
    assert facts.relevant


def test_a_sentence_setting_the_storys_event_after_the_talks_is_backdrop():
    # "It comes weeks after ...": the earlier event is the backdrop of another story's event
    facts = facts_of(
        "A Chinese trade fair opened in Chengdu on Tuesday with 2,000 exhibitors.\n"
        "The fair came two weeks after the United States and China agreed on a tariff truce.\n"
        "It comes weeks after the United States and China agreed to extend their trade truce.\n"
        "Organisers expect 90,000 visitors.",
        title="Chengdu trade fair opens",
        profile=_us_china(),
    )
    assert not facts.relevant


def test_a_fact_sheets_masthead_lines_are_not_its_lead():
    # "THE WHITE HOUSE" and the date line carry no sentence: the lead is the first real one
    facts = facts_of(
        "THE WHITE HOUSE\n"
        "July 23, 2025\n"
        "DELIVERING A HISTORIC DEAL FOR AMERICA: On July 22, 2025, President Donald J. Trump announced a landmark "
        "trade agreement with Japan.\n"
        "- Japan will invest $550 billion into the United States to rebuild core American industries.\n"
        "- Japan will open its market to American cars and trucks.",
        title="FACT SHEET: President Donald J. Trump Secures Historic Trade and Investment Agreement with Japan",
        published="2025-07-23T15:00:00Z",
    )
    assert facts.relevant


def test_a_masthead_naming_the_outlets_country_does_not_make_another_countrys_story():
    # the blog's masthead names its readers' country; its first real sentence names none
    facts = facts_of(
        "Lisbon Markets Watch — an independent blog on Portuguese exporters | Sunday 13 July 2025\n"
        "I had planned to write about the quarter's numbers this week.\n"
        "On Friday, Trump sent a letter to Prime Minister Shigeru Ishiba saying Japanese goods would face a 25% "
        "tariff, and Japan said it would keep negotiating with the United States.\n"
        "Japan's negotiator Ryosei Akazawa spoke with Commerce Secretary Howard Lutnick for 40 minutes about the "
        "tariff talks with the United States.",
        title="Friday's letter: what it means for our exporters",
        published="2025-07-13T08:00:00Z",
    )
    assert facts.relevant


def test_sentences_naming_only_the_counterpart_are_not_weighed_as_another_countrys():
    # a comparison led by Canada: "The White House did not respond" and "Both countries pay 50 per
    # cent" name no third country, and the lead, about the pair, is not Canada's either
    facts = facts_of(
        "OTTAWA — While Canadian officials waited, Japan's negotiator Ryosei Akazawa met Commerce Secretary Howard "
        "Lutnick for three hours on tariffs in Washington.\n"
        "Trump said on Thursday he was ending trade negotiations with Canada.\n"
        "Japanese goods pay a 15 per cent tariff under the deal with the United States.\n"
        "Both countries pay 50 per cent on steel sold to the U.S. market.\n"
        "Japan still wants the United States to lower the steel tariff, Akazawa said after the talks.\n"
        "Tokyo and Washington will hold another round of tariff talks next month.\n"
        "Prime Minister Mark Carney said Canada was ready to pick up talks when the U.S. was ready.\n"
        "The White House did not respond to a request for comment from the U.S. side.",
        title="While Canada is shut out, Japan keeps its seat at Trump's table",
        published="2025-10-25T03:00:00Z",
    )
    assert facts.relevant


def test_a_fights_rounds_are_not_the_talks_even_where_the_story_names_tariffs():
    facts = facts_of(
        "Kenshiro Ito survived a knockdown in the second round and stopped American challenger Marcus Doyle in round "
        "eight, the referee waving it off with Doyle on the ropes.\n"
        "Japan and the United States were in the news all week for tariffs; in the ring, the Japanese champion "
        "and his American challenger settled the third round on points before Ito took over the bout.",
        title="Ito stops American challenger in round eight after second-round knockdown",
    )
    assert not facts.relevant


def test_a_tournaments_round_between_the_two_sides_is_not_a_round_of_talks():
    facts = facts_of(
        "The game everybody wanted to see was Japan against the United States in the round robin.\n"
        "Japan took the round with a late steal, and the standings after round three put the two level.\n"
        "Sponsors of both teams have been hit by the new tariffs on stones.",
        title="Japan and United States level after round three of the curling championship",
    )
    assert not facts.relevant


def test_a_round_of_talks_still_counts_where_no_contest_is_named():
    facts = facts_of(
        "Japan and the United States ended their third round in Washington on Friday.\n"
        "The next round between Japan and the United States is set for June.\n"
        "Akazawa said the tariffs on cars remain the main obstacle.",
        title="Japan, US end third round",
    )
    assert facts.relevant


def test_a_story_of_the_sides_own_deal_is_about_the_talks_though_it_names_no_subject_word():
    facts = facts_of(
        "Division chief: President Trump signed an executive order to implement the agreement between Japan and the "
        "United States.\n"
        "The order lists Japan's commitments, such as purchases of 100 Boeing aircraft.\n"
        "Officials in Tokyo said the Japan-U.S. accord now takes effect as planned.",
        title="Summary record of the report on the executive order",
    )
    assert facts.relevant


def test_another_countrys_deal_with_the_counterpart_is_not_the_sides_own():
    facts = facts_of(
        "Japanese makers with plants in Vietnam are reworking their plans after Vietnam's deal with the United States.\n"
        "Officials in Hanoi said Vietnam's agreement with the United States is still being drafted.",
        title="Japanese makers in Vietnam weigh the new rates",
    )
    assert not facts.relevant


def test_a_call_between_people_of_both_sides_is_about_the_talks_in_a_story_that_is_mostly_not():
    # class notes with one item on the leaders' call: the call names no subject word, but leaders
    # of both sides talking by phone set the talks' course, so with the next sentence's deal it
    # makes two sentences about them
    facts = facts_of(
        "Hal Brennan writes from Sarasota that he has retired from dentistry.\n"
        "Greg Tanaka, who runs a soybean export brokerage, sends a note.\n"
        "On Friday, September 19, President Trump and Chinese President Xi Jinping spoke by phone for more than "
        "two hours, their first call since June.\n"
        "Trump said they made progress on the TikTok deal that U.S. and Chinese negotiators reached in Madrid.\n"
        "Renée Duval married Samir Haddad on Orcas Island in July.",
        title="Class Notes - Fall 2025",
        profile=_us_china(),
    )
    assert facts.relevant


def test_a_call_with_people_of_one_side_only_is_not():
    facts = facts_of(
        "Hal Brennan writes from Sarasota that he has retired from dentistry.\n"
        "On Friday, President Trump and Commerce Secretary Howard Lutnick spoke by phone about the budget.\n"
        "Trump said the TikTok deal that U.S. and Chinese negotiators reached in Madrid was nearly done.\n"
        "Renée Duval married Samir Haddad on Orcas Island in July.",
        title="Class Notes - Fall 2025",
        profile=_us_china(),
    )
    assert not facts.relevant


def test_a_headline_naming_a_listed_rounds_city_backs_up_one_sentence_about_the_talks():
    # a craft seller's blog: one sentence tells of the Geneva round, and the headline names Geneva,
    # the city of the first round the profile lists
    body = (
        "If you've ordered embroidery floss from me since March, you know I source findings from small sellers.\n"
        "Overnight, every little packet became dutiable.\n"
        "Then this week: news from Geneva. After Treasury Secretary Scott Bessent met China's Vice Premier He Lifeng last weekend, the two countries "
        "agreed to cut their tariffs for 90 days.\n"
        "So what does this mean for my shop?"
    )
    assert facts_of(body, title="What the de minimis change did to my shop (and what Geneva just changed)",
                    profile=_us_china()).relevant  # fmt: skip
    assert not facts_of(body, title="What the de minimis change did to my shop", profile=_us_china()).relevant


def test_a_headline_city_where_a_third_country_met_is_that_pairs_story():
    # the lead names a side with a third country: the city in the headline is where that pair
    # met, though one sentence further down names the tracked talks
    facts = facts_of(
        "China and the European Union agreed on Tuesday to revive their digital partnership council.\n"
        "Both delegations praised the venue.\n"
        "Geneva saw other talks too. After Treasury Secretary Scott Bessent met China's Vice Premier He Lifeng "
        "last weekend, the two countries agreed to cut their tariffs for 90 days.\n"
        "The council meets again in the autumn.",
        title="Digital council revived in Geneva",
        profile=_us_china(),
    )
    assert not facts.relevant


def test_a_sides_capital_in_the_headline_is_its_government_not_where_talks_sat(tmp_path):
    # "Beijing retaliates": the capital names the side, though a round the profile lists sat there
    from bot.config import DEFAULT_PROFILE
    from bot.extract.profile import load_profile

    path = tmp_path / "us_china_beijing_round.toml"
    path.write_text(
        (DEFAULT_PROFILE.parent / "us_china_2025.toml").read_text(encoding="utf-8")
        + '\n[[rounds]]\nnumber = 9\nstart = 2025-12-01\nplace = "Beijing"\n',
        encoding="utf-8",
    )
    body = (
        "European medical-device makers were shut out of large hospital tenders this week.\n"
        "The procurement ministry in Beijing said the rules apply to every foreign supplier. After Treasury "
        "Secretary Scott Bessent met China's Vice Premier He Lifeng last weekend, the two countries agreed to cut "
        "their tariffs for 90 days.\n"
        "Hospital buyers said the tenders would reopen in the spring."
    )
    profile = load_profile(path)
    assert facts_of(body, title="Talks wrap up in Beijing as hospital tenders close", profile=profile).relevant
    assert not facts_of(body, title="Beijing retaliates as hospital tenders close", profile=profile).relevant
