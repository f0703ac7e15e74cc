"""Rendering an Answer as embeds never breaks Discord's limits; what does not fit is announced, not lost silently."""

from __future__ import annotations

from bot.answers.answer import Answer, AnswerField, Source
from bot.chat.embeds import (
    DESCRIPTION_MAX,
    EMBEDS_MAX,
    FIELD_NAME_MAX,
    FIELD_VALUE_MAX,
    FIELDS_MAX,
    MESSAGE_TOTAL_MAX,
    TITLE_MAX,
    chunks,
    render,
    source_line,
    total_size,
)


def within_limits(answer: Answer) -> list:
    embeds = render(answer)
    assert 1 <= len(embeds) <= EMBEDS_MAX
    assert total_size(embeds) <= MESSAGE_TOTAL_MAX
    for embed in embeds:
        assert len(embed.title or "") <= TITLE_MAX
        assert len(embed.description or "") <= DESCRIPTION_MAX
        assert len(embed.fields) <= FIELDS_MAX
        for f in embed.fields:
            assert 0 < len(f.name) <= FIELD_NAME_MAX and 0 < len(f.value) <= FIELD_VALUE_MAX
    return embeds


def test_a_short_answer_is_one_embed_with_its_fields_and_linked_sources() -> None:
    answer = Answer(title="Round 5", description="Held in Washington.", fields=[AnswerField("When", "2025-06-06", True)],
                    sources=[Source("Talks end", "https://news.example/a", "Kyodo")], footer="1 source")
    (embed,) = within_limits(answer)
    assert embed.title == "Round 5" and embed.description == "Held in Washington."
    assert [(f.name, f.value, f.inline) for f in embed.fields] == [
        ("When", "2025-06-06", True), ("Sources", "• [Talks end](https://news.example/a) — Kyodo", False)]
    assert embed.footer.text == "1 source"


def test_a_long_title_is_cut_with_an_ellipsis() -> None:
    (embed,) = within_limits(Answer(title="T" * 400))
    assert len(embed.title) == TITLE_MAX and embed.title.endswith("…")


def test_a_long_description_continues_in_further_embeds() -> None:
    text = "\n".join(f"line {i} " + "x" * 60 for i in range(80))  # ~5,600 characters
    embeds = within_limits(Answer(title="Timeline", description=text))
    assert len(embeds) == 2 and embeds[1].title == "Timeline (cont.)"
    assert (embeds[0].description + "\n" + embeds[1].description) == text


def test_a_long_field_is_split_at_line_breaks() -> None:
    value = "\n".join(f"- participant {i:03d} of the round" for i in range(60))
    embed = within_limits(Answer(title="Participants", fields=[AnswerField("Who", value)]))[0]
    names = [f.name for f in embed.fields]
    assert names[0] == "Who" and all(n == "Who (cont.)" for n in names[1:])
    assert "\n".join(f.value for f in embed.fields) == value


def test_more_than_25_fields_continue_in_another_embed() -> None:
    fields = [AnswerField(f"Field {i}", "v") for i in range(30)]
    embeds = within_limits(Answer(title="Many", fields=fields))
    assert [len(e.fields) for e in embeds] == [25, 5]


def test_what_does_not_fit_in_one_message_is_left_out_with_a_more_note() -> None:
    fields = [AnswerField(f"Field {i}", "y" * 1000) for i in range(40)]
    embeds = within_limits(Answer(title="Huge", fields=fields, footer="from 3 sources"))
    shown = sum(len(e.fields) for e in embeds)
    assert shown < 40
    assert embeds[-1].footer.text == f"from 3 sources · {40 - shown} more parts not shown"


def test_a_huge_description_and_many_sources_still_fit() -> None:
    sources = [Source(f"Article {i} " + "t" * 150, f"https://news.example/{i}", "Outlet") for i in range(60)]
    within_limits(Answer(title="Digest", description="d" * 20_000, sources=sources))


def test_source_titles_cannot_break_the_link_markdown() -> None:
    line = source_line(Source("Japan [updated] *breaking*", "https://x.example/a"))
    assert line == r"[Japan (updated) \*breaking\*](https://x.example/a)"
    assert source_line(Source("No link", None, "NHK")) == "No link — NHK"


def test_chunks_split_a_single_overlong_line_at_spaces() -> None:
    pieces = chunks("word " * 500, 100)
    assert all(len(p) <= 100 for p in pieces)
    assert " ".join(p.strip() for p in pieces).split() == ["word"] * 500


def test_only_http_links_are_linked_and_their_markdown_breakers_are_percent_encoded() -> None:
    from bot.chat.embeds import safe_url

    assert safe_url("javascript:alert(1)") is None and safe_url("ftp://x.example/a") is None
    assert safe_url("https://x.example/a_(b) c]") == "https://x.example/a%5F%28b%29%20c%5D"
    line = source_line(Source("Title", "javascript:alert(1)", "Outlet"))
    assert "](" not in line and line == "Title — Outlet"


def test_everything_an_article_says_is_shown_literally() -> None:
    answer = Answer(title="Round 5: **Tokyo**", description="# Heading [x](https://evil.example) > quote",
                    fields=[AnswerField("Participants", "Akazawa_ *Bessent* `code`")],
                    sources=[Source("T", "https://news.example/1", "**Outlet** [x](https://evil.example)")])
    [embed] = render(answer)
    assert embed.title == "Round 5: \\*\\*Tokyo\\*\\*"
    assert "](" not in (embed.description or "").replace("\\](", "")
    assert embed.fields[0].value == "Akazawa\\_ \\*Bessent\\* \\`code\\`"
    assert embed.fields[1].value.endswith("— \\*\\*Outlet\\*\\* \\[x\\](https://evil.example)")
