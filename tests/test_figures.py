"""Figures: values, bounds, ranges, units and sources of the numbers in news text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from corpus.document import Aside
from corpus.extracted import Claim
from corpus.figures import extract_figures, figures_in_asides
from corpus.numbers import parse_number_phrase

ROOT = Path(__file__).resolve().parents[1]


def only(text: str, **kw):
    """The single figure in `text` (fails if there are more or none)."""
    figs = extract_figures(text, **kw)
    assert len(figs) == 1, [(f.text, f.value) for f in figs]
    fig = figs[0]
    assert text[fig.start : fig.end] == fig.text
    return fig


def values(text: str) -> list[float]:
    return [f.value for f in extract_figures(text)]


# --- values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The data of 87 million people was shared.", 87e6, "people"),
        ("The data of 87m people was shared.", 87e6, "people"),
        ("The data of 87,000,000 people was shared.", 87e6, "people"),
        ("It affected a million users in Europe.", 1e6, "users"),
        ("It affected forty million accounts.", 40e6, "accounts"),
        ("The firm was fined £500,000 by the regulator.", 5e5, "GBP"),
        ("Equifax set aside $5bn for the settlement.", 5e9, "USD"),
        ("Sales fell by €1.5bn last year.", 1.5e9, "EUR"),
        ("Some 40% of staff clicked the link.", 40, "percent"),
        ("The leak exposed 270,000 customer records.", 270000, "records"),
        ("Revenue reached 1.5bn in the quarter.", 1.5e9, None),
        ("Hackers stole half a million profiles.", 5e5, "profiles"),
        ("Attackers sent two emails to every employee.", 2, "emails"),
        ("The fine equals 12 percent of turnover.", 12, "percent"),
        ("Twenty-five customers complained.", 25, "customers"),
        ("There were 4 hundred people at the meeting.", 400, "people"),
        ("The tool scanned one hundred and twenty thousand accounts.", 120000, "accounts"),
        ("The company paid $12.50 per share.", 12.5, "USD"),
        ("The bank moved US $1.1 million overnight.", 1.1e6, "USD"),
        ("The fund is worth 9 billion shekels.", 9e9, "ILS"),
        ("The rate is 110 JPY to the dollar.", 110, "JPY"),
        ("It cost 1,000 South Korean won.", 1000, "KRW"),
        ("It has 60GB of storage.", 60, "GB"),
        ("The record is 640bhp.", 640, "bhp"),
        ("Add 1/2 pound of flour.", 0.5, "pounds"),
        ("Growth slowed to one per cent for men.", 1, "percent"),
        ("A third of the records were encrypted.", 1 / 3, "records"),
        ("One in three users reuse passwords.", 1 / 3, "users"),
        ("Temperatures fell to minus 40 degrees.", -40, "degrees"),
        ("The hornets gained -5 yards.", -5, "yards"),
        ("The team has a .500 record.", 0.5, "records"),
        ("Black men have a 1 in 1,000 chance.", 0.001, "chances"),
        ("The 22-month investigation ended.", 22, "months"),
        ("A 65-year-old man was arrested.", 65, "years old"),
        ("He is 6ft tall.", 6, "ft"),
    ],
)
def test_values_and_units(text, value, unit):
    fig = only(text)
    assert fig.value == pytest.approx(value)
    assert fig.unit == unit


def test_unit_is_plural_stable():
    assert only("Only one user was affected.").unit == "users"
    assert only("Only 1 person was affected.").unit == "people"
    assert only("Some 30 people were affected.").unit == "people"
    assert only("It exposed 30 million more users' records.").unit == "users"
    assert only("It hit more than a million social media users.").unit == "users"


def test_spelled_number_parser():
    assert parse_number_phrase("two and a half million")[0] == 2.5e6
    assert parse_number_phrase("a thousand")[0] == 1000
    # "and" joining two numbers stops the first one
    value, consumed, _ = parse_number_phrase("two and three")
    assert (value, consumed) == (2, 3)


# --- bounds and qualifiers ------------------------------------------------------------------


@pytest.mark.parametrize("qualifier", ["up to", "no more than", "as many as", "at most", "less than", "under"])
def test_upper_bounds(qualifier):
    fig = only(f"The breach affected {qualifier} 30 million users.")
    assert (fig.low, fig.high, fig.value) == (None, 30e6, 30e6)
    assert fig.qualifier == qualifier
    assert fig.text == f"{qualifier} 30 million"


@pytest.mark.parametrize("qualifier", ["more than", "at least", "over", "upwards of", "in excess of"])
def test_lower_bounds(qualifier):
    fig = only(f"The breach affected {qualifier} 30 million users.")
    assert (fig.low, fig.high) == (30e6, None)
    assert fig.qualifier == qualifier


@pytest.mark.parametrize("qualifier", ["nearly", "about", "around", "roughly", "approximately", "some", "almost"])
def test_approximations(qualifier):
    fig = only(f"The breach affected {qualifier} 30 million users.")
    assert (fig.low, fig.high, fig.value) == (None, None, 30e6)
    assert fig.qualifier == qualifier


def test_suffix_bounds():
    fig = only("It affected 87m+ accounts.")
    assert fig.low == 87e6 and fig.unit == "accounts"
    assert only("It lasted 10 days or so.").qualifier == "or so"


def test_exact_figure_has_no_bounds():
    fig = only("The data leak affected 30 million users.")
    assert (fig.low, fig.high, fig.qualifier) == (None, None, None)


# --- ranges ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("The data of between 50 and 87 million people was shared.", 50e6, 87e6, "between"),
        ("The data of 50 to 87 million people was shared.", 50e6, 87e6, "to"),
        ("The data of 50-87 million people was shared.", 50e6, 87e6, "to"),
        ("Fines range from $500,000 to $1 million.", 5e5, 1e6, "from"),
        ("Fines range from $10 to $15 billion.", 10e9, 15e9, "from"),
        ("There are four to five thousand people.", 4000, 5000, "to"),
        ("Shares traded between $62 and $68.", 62, 68, "between"),
        ("The rate went from 35% to 20%.", 20, 35, "from"),
        ("Work 40 to 50 hours a week.", 40, 50, "to"),
    ],
)
def test_ranges(text, low, high, qualifier):
    fig = only(text)
    assert (fig.low, fig.high) == (pytest.approx(low), pytest.approx(high))
    assert fig.value == fig.high
    assert fig.qualifier == qualifier


def test_range_unit_and_span():
    text = "Between 50 and 87 million people were affected."
    fig = only(text)
    assert fig.unit == "people"
    assert fig.text == "Between 50 and 87 million"


def test_change_is_not_a_range():
    # "rose 8% to 3.65": a change and a level, not the two ends of one range
    assert values("Shares rose 8.15% to 3.65 on Tuesday.") == [8.15, 3.65]
    assert values("The DAX fell 0.4 per cent to 13176.") == [0.4, 13176]
    assert values("Inflation rose 0.3% to 2.1% in May.") == [0.3, 2.1]
    assert values("Trump beat Clinton 61% to 34% there.") == [61, 34]
    # ... but a change given as a range is one
    fig = only("Shares fell by 5 to 10 percent.")
    assert (fig.low, fig.high, fig.unit) == (5, 10, "percent")
    # "from X ... to Y" across a new clause is not a range
    assert values("It grew from 5 people who went to 10 meetings.") == [5, 10]


# --- not figures ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The breach was found in 2018.",
        "Trump in 2016 won the election.",
        "In 2008 times were hard.",
        "Starting on Monday, April 9, we will show people a link.",
        "It happened on 9 April 2018 in London.",
        "The log entry is dated 2018-04-09.",
        "The call was at 10:30 yesterday.",
        "The call was at 3pm yesterday.",
        "She was the first to notice.",
        "He finished 3rd in the race.",
        "The Top 10 list was published.",
        "Users of Windows 10 are affected.",
        "The COVID-19 pandemic changed this.",
        "It is covered by Section 427 of the code.",
        "The S&P 500 closed higher.",
        "Call +44 20 7946 0958 for details.",
        "Call (555) 123-4567 for details.",
        "The helpline is on 0808 157 0342, Monday to Saturday.",
        "Text 07700900123 to opt out.",
        "The quote is on page 5 of the report.",
        "Upgrade to version 2.1 now.",
        "The bug affects 1.2.3 and earlier.",
        "The flaw is tracked as CVE-2018-1234.",
        "The office is at 10 Downing Street.",
        "Dozens of people were killed.",
        "It exposed the data of millions of Americans.",
        "Thousands of accounts were hacked.",
        "Tens of thousands of dollars were stolen.",
        "It was a zero-day exploit.",
        "He got a two-year ban.",
        "No one was hurt.",
        "Each one was checked.",
        "The 1990s were different.",
        "He drives an XC40 and an F-150.",
        "He was ranked No. 1 in the world.",
        "They lined up in a 4-3-3 formation.",
        "Patches cover 19.x versions.",
        "It is a 501(c)(3) nonprofit.",
        "Carriers rolled out 5G and enabled 2FA.",
        "Users of Windows 7, 8 and 10 are affected.",
        "A July 2-16 poll was taken.",
        "Reasons:\n2) He blamed the media.",
        "UDP ports 137 and 138 were open.",
        "As reported [1, 2, 3]. Then it spread.",
        "It was fixed under CVE–2018–17456.",
        "Police searched homes, one in Linz, and one near Vienna.",
        "Engineers visited between 1600 and 1900 sites.",
        "It is one of the people responsible.",
        "The lender is one of the largest banks in the country.",
        "The firm was warned by one of its vendors.",
        "One of Britain's biggest insurers was hit.",
        "One also sent reporters a screenshot.",
        "Members of the Five Eyes alliance issued advice.",
        "Protect It With Zero Trust!",
        "Servers authenticate with x.509 certificates.",
        "It follows Accounting Standards Update No. 2016-02, Leases.",
        "Reach us on Signal: +447700900123. Thanks.",
        "The malware called 203[dot]0[dot]113[dot]7 every hour.",
    ],
)
def test_not_figures(text):
    found = [(f.text, f.value) for f in extract_figures(text)]
    if "sites" in text:
        # a 4-digit number followed by what it counts is a count, not a year
        assert found == [("between 1600 and 1900", 1900.0)]
    else:
        assert found == []


def test_years_in_ranges_and_lists_are_dropped():
    assert values("Between 1600 and 1900 world temperatures dropped by 1 to 1.5 degrees.") == [1.5]
    assert values("The 2014-15 model has two engines.") == [2]
    assert values("They met in 2016 and 2017 with 300 staff.") == [300]


def test_four_digit_counts_are_not_years():
    assert values("The firm employs 2000 people.") == [2000]
    assert values("It produces 1000 hp.") == [1000]
    assert values("It cost $2019.") == [2019]


def test_one_of_a_number_is_still_read():
    # "one of" picks out a member of a group; the group's size after it is still a figure
    assert values("Only one of 10 servers was patched.") == [1, 10]
    assert values("It is one of the largest breaches, affecting 3 million people.") == [3e6]


def test_capitalised_number_word_opening_a_sentence_still_counts():
    assert values("Three senior engineers resigned.") == [3]
    assert values("Five Eyes members issued advice.") == [5]  # at the start, capitals say nothing


def test_currency_written_once_on_a_dashed_range():
    fig = only("The gang expects to make $75-100 million from the attacks.")
    assert (fig.low, fig.high, fig.unit) == (75e6, 100e6, "USD")


@pytest.mark.parametrize("text, adjective", [
    ("But four former Acme and Zenith employees said so.", "formers"),
    ("It was about a third of active North American accounts.", "actives"),
    ("That is nearly a quarter of potential U.S. voters.", "potentials"),
])
def test_adjective_before_the_counted_noun_is_not_the_unit(text, adjective):
    assert only(text).unit != adjective


def test_possessive_is_not_the_counted_noun():
    assert only("The fine is around one quarter of the company's profit.").unit == "profits"
    assert only("Hackers stole 20,000 of the bank's files.").unit == "files"


def test_capitalised_context():
    # a count in a title-case headline is not a name; a rating scale is not a name either
    assert values("Hackers Stole 500 Records From Uber") == [500]
    assert values("It became a Category 4 hurricane.") == [4]
    # a sentence-initial verb is capitalised only by position
    assert values("Add 2 1/2 cups of sugar.") == [2.5]


def test_metres_in_a_feet_conversion():
    fig = extract_figures("He is 6ft 5in (1.95m) tall.")[-1]
    assert (fig.value, fig.unit) == (1.95, "m")
    assert only("The breach hit 1.95m people.").value == 1.95e6


def test_plus_suffix_is_part_of_the_figure():
    fig = only("It has 1.2 million-plus subscribers.")
    assert (fig.text, fig.low, fig.unit) == ("1.2 million-plus", 1.2e6, "subscribers")


def test_glued_prefix_with_comma_is_an_amount():
    assert values("They paid PS21,700 for flights.") == [21700]


# --- sources --------------------------------------------------------------------------------


def _claim(text: str, content: str, source: str) -> Claim:
    start = text.index(content)
    return Claim(start=start, end=start + len(content), text=content, source=source,
                 source_start=text.index(source), source_end=text.index(source) + len(source))


def test_source_from_claim_else_default():
    text = (
        "Cambridge Analytica said in a statement that the data leak affected 30 million users. "
        "Facebook has 2.2 billion users."
    )
    claim = _claim(text, "the data leak affected 30 million users", "Cambridge Analytica")
    figs = extract_figures(text, [claim], default_source="Daily Express")
    assert [(f.value, f.source) for f in figs] == [(30e6, "Cambridge Analytica"), (2.2e9, "Daily Express")]
    assert [f.source for f in extract_figures(text)] == [None, None]


def test_a_first_person_claim_is_the_writers_own():
    text = "I reckon 30 million users were affected. We think it could be more."
    claim = _claim(text, "30 million users were affected", "I")
    figs = extract_figures(text, [claim], default_source="Reason")
    assert [(f.value, f.source) for f in figs] == [(30e6, "Reason")]


def test_innermost_claim_wins():
    text = 'The paper reported that Facebook said "up to 87 million people may have been affected".'
    outer = _claim(text, 'Facebook said "up to 87 million people may have been affected"', "The paper")
    inner = _claim(text, "up to 87 million people may have been affected", "Facebook")
    fig = only(text, claims=[outer, inner], default_source="Outlet")
    assert fig.source == "Facebook"


def test_figures_in_asides_index_their_own_text():
    asides = [
        Aside(kind="caption", text="facebook data breach GETTY", credit="GETTY"),
        Aside(kind="caption", text="Facebook said the data of up to 87m people may have been harvested"),
        "Cambridge Analytica said the leak have affected about 30m people",
    ]
    figs = figures_in_asides(asides, default_source="Daily Express")
    assert [(f.aside, f.value, f.qualifier, f.source) for f in figs] == [
        (1, 87e6, "up to", "Daily Express"),
        (2, 30e6, "about", "Daily Express"),
    ]
    second = asides[1].text
    assert second[figs[0].start : figs[0].end] == "up to 87m"


# --- the founding article -------------------------------------------------------------------


def _find(figs, text):
    hits = [f for f in figs if f.text == text]
    assert hits, f"{text!r} not in {[f.text for f in figs]}"
    return hits[0]


def test_seed_article(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    figs = extract_figures(text, default_source="Daily Express")
    for f in figs:
        assert text[f.start : f.end] == f.text
    up_to = _find(figs, "up to 87 million")
    assert (up_to.value, up_to.low, up_to.high, up_to.unit) == (87e6, None, 87e6, "people")
    no_more = _find(figs, "no more than 30 million")
    assert (no_more.high, no_more.qualifier, no_more.unit) == (30e6, "no more than", "people")
    nearly = _find(figs, "nearly 40 million")
    assert (nearly.value, nearly.low, nearly.high, nearly.qualifier) == (40e6, None, None, "nearly")
    million = _find(figs, "More than a million")
    assert (million.low, million.high, million.unit) == (1e6, None, "users")
    caption_87 = _find(figs, "up to 87m")
    assert (caption_87.value, caption_87.high) == (87e6, 87e6)
    caption_30 = _find(figs, "about 30m")
    assert (caption_30.value, caption_30.qualifier, caption_30.unit) == (30e6, "about", "people")
    assert _find(figs, "30 million").unit == "users"
    # no dates, weekdays or times
    assert all(f.value not in (9.0, 2018.0) for f in figs)
    assert {f.value for f in figs} == {87e6, 40e6, 30e6, 1e6}


# --- NewsQuant ------------------------------------------------------------------------------


def test_newsquant_dev_value_f1(shared):
    spec = importlib.util.spec_from_file_location("eval_figures", ROOT / "benchmarks" / "eval_figures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = shared / "eval" / "newsquant" / "dev.jsonl"
    if not path.exists():
        pytest.skip("NewsQuant dev half not available")
    result = module.evaluate(path)
    assert result["f1"] >= 0.94, result
    assert result["precision"] >= 0.95, result
