"""Which parts of an article speak about the tracked negotiation."""

from bot.extract.scope import first_party_named, mentions_other_country, mentions_third_party, off_topic_paragraphs
from tests.bot.extract.helpers import article_of


def _whole(article, index: int) -> tuple[int, int]:
    sentence = article.sentences[index]
    return sentence.start, sentence.end


def test_the_party_named_first_leads_and_the_counterpart_is_left_aside():
    article = article_of(
        "Japan's negotiator met his South Korean counterpart.\n"
        "South Korea races to match Japan's deal.\n"
        "The United States set a deadline.",
        title="Tariff talks",
    )
    assert first_party_named(article, *_whole(article, 1)) == "tracked"
    assert first_party_named(article, *_whole(article, 2)) == "other"
    assert first_party_named(article, *_whole(article, 3)) is None


def test_a_country_named_right_where_the_range_starts_is_still_found():
    article = article_of("Korea and Japan talked.", title="Talks")
    start, end = _whole(article, 1)
    assert first_party_named(article, start, end) == "other"
    assert first_party_named(article, start + len("Korea and "), end) == "tracked"


def test_a_topic_country_is_another_country_but_no_third_party():
    article = article_of("Japan worries about China's rare earths.", title="Talks")
    start, end = _whole(article, 1)
    assert mentions_other_country(article, start, end)
    assert not mentions_third_party(article, start, end)


def test_a_paragraph_about_a_third_country_without_the_counterpart_is_set_aside():
    article = article_of(
        "Japan and the United States held tariff talks.\n"
        "Prime Minister Shigeru Ishiba met Filipino President Marcos in Manila. They spoke of security.\n"
        "The Philippines and the United States also talk about tariffs.",
        title="Philippines and Japan",
    )
    assert off_topic_paragraphs(article) == {2}


def test_a_story_naming_no_third_country_sets_nothing_aside():
    article = article_of("Japan and the United States held tariff talks.\nThey meet again next week.", title="Talks")
    assert off_topic_paragraphs(article) == set()


def test_a_country_that_only_says_where_a_venue_is_is_no_third_party():
    # Kananaskis is a place of the profile; Canada after it says where it is, not who takes part
    for sentence in ("Ishiba met Trump in Kananaskis, Canada, on Monday.",
                     "Ishiba met Trump in Kananaskis (Canada) on Monday.",
                     "Ishiba met Trump at the summit venue in Kananaskis in Canada on Monday.",
                     "Ishiba met Trump at Kananaskis's mountain lodge in Canada on Monday.",
                     "Ishiba will meet Trump in Kananaskis, a resort in Canada, on Monday.",
                     "Ishiba will meet Trump in Kananaskis (a village in Canada) on Monday."):
        article = article_of(sentence, title="Talks")
        assert not mentions_third_party(article, *_whole(article, 1)), sentence


def test_a_capital_or_a_list_after_a_venue_is_another_party_still():
    for sentence in ("Officials in Washington, Beijing and Brussels watched.",
                     "Officials in Washington, Canada and Mexico watched.",
                     "Officials in Washington, Canada, Mexico watched.",
                     "Canada hosts the summit in Kananaskis."):
        article = article_of(sentence, title="Talks")
        assert mentions_third_party(article, *_whole(article, 1)), sentence


def test_another_country_whose_name_holds_a_side_alias_is_a_third_party(tmp_path):
    from bot.extract.profile import load_profile
    from tests.bot.extract.helpers import DATED_PROFILE

    path = tmp_path / "profile.toml"
    path.write_text(DATED_PROFILE, encoding="utf-8")
    article = article_of(
        "Korea and the US met on tariffs.\nNorth Korea tested a missile, state media said.",
        title="Tariff talks",
        profile=load_profile(path),
    )
    assert mentions_third_party(article, *_whole(article, 2))
    assert not mentions_third_party(article, *_whole(article, 1))


def test_a_span_inside_a_longer_one_is_dropped_and_the_rest_kept():
    from bot.extract.scope import _not_inside

    outer = [(0, 26), (40, 45), (100, 130)]
    spans = [(9, 26), (41, 44), (50, 60), (99, 110), (120, 130), (40, 45)]
    assert _not_inside(spans, outer) == [(50, 60), (99, 110), (40, 45)]
