"""The two judgements under the cross-reference queries: same quote? same quantity?"""

from __future__ import annotations

from datetime import datetime

import pytest

from index.figure_context import context_words, unit_family
from index.figure_groups import Item, bounds, cluster, rounding, verdict
from index.quote_match import MATCH, fold, relation, similarity, word_diff

QUOTE = ("We are deeply sorry that this has happened. Our customers trust us with some of the most personal "
         "information they have, and we have fallen short of the standards they rightly expect of us.")


def test_punctuation_case_small_edits_and_truncation_still_match():
    assert similarity(fold(QUOTE), fold(QUOTE.upper().replace(".", " –").replace(",", ""))) == 100
    assert similarity(fold(QUOTE), fold(QUOTE.replace("deeply", "truly"))) >= MATCH
    truncated = "We are deeply sorry that this has happened. Our customers trust us with some of the most personal"
    assert similarity(fold(QUOTE), fold(truncated)) >= MATCH
    other = "We took the affected systems offline within hours of detecting the intrusion."
    assert similarity(fold(QUOTE), fold(other)) < MATCH
    # a stock phrase is too short to count as a truncation of a long quote
    assert similarity(fold(QUOTE), fold("we are deeply sorry")) < MATCH
    assert similarity(fold("we are deeply sorry"), fold(QUOTE), min_partial_words=3) >= MATCH


def test_relation_and_word_diff_name_what_changed():
    assert relation(QUOTE, QUOTE.replace("“", "")) == "identical"
    assert relation(QUOTE, QUOTE.replace(". Our", " – our")) == "punctuation"
    assert relation(QUOTE, QUOTE.split(", and")[0] + ".") == "truncated"
    assert relation(QUOTE, QUOTE.replace("deeply", "truly")) == "wording"
    ops = [(d.op, d.reference, d.variant) for d in word_diff(QUOTE, QUOTE.replace("deeply", "truly")) if d.op != "equal"]
    assert ops == [("replace", "deeply", "truly")]
    ops = [(d.op, d.reference) for d in word_diff(QUOTE, QUOTE.split(", and")[0] + ".") if d.op != "equal"]
    assert ops == [("delete", ", and we have fallen short of the standards they rightly expect of us")]


def test_units_fall_into_families():
    assert unit_family("users") == unit_family("profiles") == unit_family("customers") == "people"
    assert unit_family("accounts") == "accounts" and unit_family("records") == "records"
    assert unit_family("payment cards") == "cards"
    assert unit_family("GBP") == "money:GBP" and unit_family("USD") != unit_family("GBP")
    assert unit_family(None) == "count"


def test_context_words_are_the_content_words_near_the_figure():
    s = "The app was downloaded by about 270,000 people, most of whom were paid to take the quiz."
    start = s.index("about")
    words = context_words(s, start, start + len("about 270,000"))
    assert words[:3] == ["people", "download", "app"] and "the" not in words and "paid" in words
    assert "quiz" not in words  # beyond the window


def _item(id, value, words, family="people", qualifier=None, day=1, doc=None, unit="users", number=""):
    low = value if qualifier in ("at least", "more than") else None
    high = value if qualifier in ("up to", "no more than") else None
    return Item(id, value, family, words.split(), [], low, high, qualifier, datetime(2018, 3, day), doc or f"d{id}",
                None, 1.0, unit, number or str(int(value)))


def test_bounds_from_qualifiers_and_rounding():
    assert bounds(_item("a", 87e6, "x", qualifier="up to")) == (0.0, 87e6)
    lo, hi = bounds(_item("b", 3.4e6, "x", qualifier="at least"))
    assert lo == 3.4e6 and hi == float("inf")
    assert rounding("1.2 million", 1.2e6) == pytest.approx(0.05 / 1.2)
    assert rounding("87 million", 87e6) < 0.01
    assert rounding("2 billion", 2e9) == 0.12  # capped: 2.5 billion is another figure


def test_counts_an_order_of_magnitude_apart_are_not_one_quantity_even_in_the_same_words():
    words = "facebook data user quiz app information"
    groups = cluster([_item("a", 270000, words), _item("b", 50e6, words, day=2), _item("c", 87e6, words, day=9),
                      _item("d", 30e6, words, day=5), _item("e", 270000, words, day=3)])
    values = sorted(sorted(m.value for m in g.members) for g in groups)
    assert values == [[270000, 270000], [30e6, 50e6, 87e6]]


def test_different_units_and_different_things_stay_apart():
    groups = cluster([_item("a", 5e6, "stole record hacker claim", family="records", unit="records"),
                      _item("b", 2.1e6, "customer affect personal information"),
                      _item("c", 1.2e6, "customer affect personal information", day=2),
                      _item("d", 1.5e6, "share price fell market value", family="money:GBP", unit="GBP")])
    assert sorted(sorted(m.id for m in g.members) for g in groups) == [["a"], ["b", "c"], ["d"]]


def test_verdicts():
    up = verdict([_item("a", 87e6, "x", qualifier="up to"), _item("b", 30e6, "x", qualifier="no more than", day=2)])
    assert up.divergent and up.all_upper_bounds and not up.contradiction
    assert up.assessment.endswith("diverging estimates (all upper bounds, not a contradiction)")
    clash = verdict([_item("a", 2.1e6, "x", qualifier="up to"), _item("b", 3.4e6, "x", qualifier="at least")])
    assert clash.divergent and clash.contradiction
    time = verdict([_item("a", 50e6, "x", day=18), _item("b", 87e6, "x", day=30)])
    assert time.changes_over_time and time.assessment.startswith("changed over time")
    same = verdict([_item("a", 2e9, "x", number="2 billion"), _item("b", 2.2e9, "x", number="2.2 billion")])
    assert not same.divergent and same.assessment == "sources agree"
    one_article = verdict([_item("a", 48, "x", doc="same"), _item("b", 72, "x", doc="same")])
    assert not one_article.divergent  # one article giving two numbers is not two sources disagreeing
