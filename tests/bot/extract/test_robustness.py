"""The extractor never fails on odd input: any mix of news words, markup, numbers and dates."""

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract import extract_entry
from bot.extract.profile import default_profile
from bot.feeds.entry import FeedEntry

ROOT = Path(__file__).resolve().parents[3]
WORDS = sorted({w for f in (ROOT / "seeds").glob("*.txt") for w in f.read_text(encoding="utf-8").split()})
ODD = ["(", ")", "—", "--", "%", "(29th)", "6th", "<p>", "</p>", "&amp;", "\n", "Japan-US", "’s", "“", "<b>",
       "<script>x</script>", "\u00a0", "İ", "ß", "ﬁ", "]]>", "<!--", "2.5%", "an hour and a half"]  # fmt: skip
TOKENS = st.lists(st.sampled_from(WORDS + ODD), max_size=120).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    body=TOKENS,
    title=TOKENS,
    published=st.one_of(st.none(), st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2026, 1, 1))),
)
def test_any_text_gives_facts_in_the_contracts_shape(body, title, published):
    when = published.replace(tzinfo=UTC) if published else None
    facts = extract_entry(FeedEntry(guid="x", title=title, link=None, html=body, published=when), default_profile())
    contract = facts.to_contract()
    assert contract["id"] == "x" and isinstance(contract["relevant"], bool)
    assert contract["round_status"] in (None, "held", "upcoming")
    assert (contract["round"] is None) == (contract["round_status"] is None)
    assert all(isinstance(m["minutes"], int) for m in contract["meetings"])
