"""Clean-up: the article's text without page furniture, split into sentences."""

from bot.extract.text import html_to_lines, remove_boilerplate, split_sentences


def test_block_elements_become_lines_and_entities_are_decoded():
    html = "<div><p>Tokyo &amp; Washington</p><p>Second<br/>line</p><script>var x;</script></div>"
    assert html_to_lines(html) == ["Tokyo & Washington", "Second", "line"]


def test_plain_text_bodies_are_split_on_newlines():
    assert html_to_lines("One line.\n\n  Two   spaced  line. ") == ["One line.", "Two spaced line."]


def test_subscription_pitch_and_its_bullets_are_removed():
    lines = [
        "Japan and the US held talks on Friday.",
        "THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY",
        "- Exclusive articles from our columnists.",
        "- Daily puzzles.",
        "Akazawa met Bessent for 45 minutes.",
    ]
    assert remove_boilerplate(lines) == ["Japan and the US held talks on Friday.", "Akazawa met Bessent for 45 minutes."]


def test_lines_repeated_through_the_page_are_furniture():
    lines = ["Article content", "The talks lasted two hours.", "Article content", "Tariffs were discussed.", "Article content"]
    assert remove_boilerplate(lines) == ["The talks lasted two hours.", "Tariffs were discussed."]


def test_repeated_lines_differing_only_in_end_punctuation_are_one_line():
    lines = ["- Access articles with one account.", "Real reporting here.", "- Access articles with one account"]
    assert remove_boilerplate(lines) == ["Real reporting here."]


def test_newsletter_and_sign_in_prompts_are_removed():
    lines = ["By signing up you consent to receive the above newsletter.", "Sign In or Create an Account", "News."]
    assert remove_boilerplate(lines) == ["News."]


def test_abbreviations_do_not_end_a_sentence():
    text, sentences = split_sentences(["", "U.S. Treasury Secretary Scott Bessent met Mr. Akazawa. They talked for an hour."])
    assert [s.text for s in sentences] == [
        "U.S. Treasury Secretary Scott Bessent met Mr. Akazawa.",
        "They talked for an hour.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_quotes_end_with_the_sentence():
    _, sentences = split_sentences(["", "“We made progress,” Akazawa said. “But not enough.”"])
    assert [s.text for s in sentences] == ["“We made progress,” Akazawa said.", "“But not enough.”"]


def test_the_title_is_paragraph_zero():
    _, sentences = split_sentences(["Headline here", "Body sentence one. Body sentence two."])
    assert [(s.paragraph, s.index) for s in sentences] == [(0, 0), (1, 1), (1, 2)]


def test_bylines_and_time_stamps_are_not_the_article():
    lines = ["By Karla Ward", "Updated July 8, 2025 10:00 AM", "Trump on Monday posted a letter to Ishiba."]
    assert remove_boilerplate(lines) == ["Trump on Monday posted a letter to Ishiba."]
