"""`parley profile check --sentence`: what one sentence yields under a profile, read by the real
extraction of a one-article feed."""

from datetime import date

from bot.extract.profile import default_profile
from bot.extract.sentence_check import one_article_feed, try_sentence

JAPAN_US = default_profile()


def test_the_sentence_is_the_one_paragraph_of_a_one_article_feed():
    entry = one_article_feed("Tariffs & talks <today>", date(2025, 6, 28))
    assert entry.title == "" and entry.html == "<p>Tariffs &amp; talks &lt;today&gt;</p>"
    assert entry.published is not None and entry.published.date() == date(2025, 6, 28)
    assert one_article_feed("x").published is None


def test_a_sentence_shows_its_people_with_the_words_that_named_them_and_its_facts():
    lines = try_sentence(
        JAPAN_US,
        "Akazawa met the commerce secretary in Washington for tariff talks, seeking the removal of the 25% tariff on cars.",
        date(2025, 6, 28),
    )
    assert lines[0].endswith("(published 2025-06-28)")
    assert "  people named: Ryosei Akazawa (alias 'Akazawa'); Howard Lutnick (title 'commerce secretary')" in lines
    assert "  places named: Washington ('Washington')" in lines
    assert "  relevant: yes" in lines
    assert "  participants: Ryosei Akazawa, Howard Lutnick" in lines
    assert "  rates: 25% autos (imposed by United States, shown as 'autos')" in lines
    assert "  topics: automobiles" in lines
    assert "  stances: Japan: us_tariffs removal" in lines
    (phrases,) = [line for line in lines if line.startswith("  phrases found: ")]
    assert "sectors.autos 'cars'" in phrases and "issues.us_tariffs.removal 'removal'" in phrases


def test_a_sentence_not_about_the_talks_shows_what_was_found_and_no_facts():
    lines = try_sentence(JAPAN_US, "Lutnick spoke about baseball.")
    assert "  people named: Howard Lutnick (alias 'Lutnick')" in lines
    assert "  sides named: none" in lines and "  phrases found: none" in lines
    assert lines[-1].startswith("  relevant: no")
    assert not any(line.startswith("  rates:") for line in lines)
