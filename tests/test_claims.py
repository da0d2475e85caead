"""Attributed statements, direct and indirect."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from corpus.claims import extract_claims
from corpus.quotes import extract_quotes

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8").split("\n", 1)[1]


def _find(claims, start_of_text: str):
    found = [c for c in claims if c.text.startswith(start_of_text)]
    assert len(found) == 1, [c.text for c in claims]
    return found[0]


def test_seed_statement_said_that(seed):
    c = _find(extract_claims(seed), "the data leak affected 30 million users")
    assert (c.source, c.cue, c.direct) == ("Cambridge Analytica", "said in a statement", False)
    assert seed[c.source_start : c.source_end].endswith("Cambridge Analytica")
    assert seed[c.start : c.end] == c.text


def test_seed_indirect_claims_about_the_figures(seed):
    claims = extract_claims(seed)
    assert _find(claims, "the data of up to 87m people").source == "Facebook"
    assert _find(claims, "the leak have affected about 30m people").source == "Cambridge Analytica"
    assert _find(claims, "his company scans all the images").source == "Mark Zuckerberg"


def test_seed_nested_report_ends_before_the_outer_cue(seed):
    c = _find(extract_claims(seed), "it doesn’t use the data scanned from messages")
    assert c.text.endswith("for advertising")  # ", Bloomberg reported" is the outer cue
    assert c.source == "Facebook"  # "the company" after Mr Zuckerberg, Its CEO


def test_seed_direct_claims_follow_the_quotes(seed):
    quotes = extract_quotes(seed)
    claims = extract_claims(seed, quotes)
    direct = [c for c in claims if c.direct]
    full = [q for q in quotes if q.kind == "full"]
    assert [(c.start, c.source) for c in direct] == [(q.start, q.speaker) for q in full]


def test_seed_partial_quote_belongs_to_its_indirect_claim(seed):
    claims = extract_claims(seed)
    c = _find(claims, "the company \"didn't do enough\"")
    assert (c.source, c.cue, c.direct) == ("Mark Zuckerberg", "told reporters", False)
    assert not any(x.text == "didn't do enough" for x in claims)


def test_seed_pull_quote_makes_no_claim(seed):
    quotes = extract_quotes(seed)
    pull = next(q for q in quotes if q.kind == "pull")
    for c in extract_claims(seed, quotes):
        assert not (pull.start <= c.start < pull.end), c
        assert c.source != "we"


def test_denied_that():
    c = _find(extract_claims("Facebook denied that this was a data breach."), "this was a data breach")
    assert (c.source, c.cue, c.direct) == ("Facebook", "denied", False)


def test_according_to_before_and_after():
    a = _find(extract_claims("According to the regulator, the fine will reach $5bn."), "the fine will reach")
    b = _find(extract_claims("The fine will reach $5bn, according to the regulator."), "The fine will reach")
    assert a.source == b.source == "the regulator"
    assert a.text == "the fine will reach $5bn" and b.text == "The fine will reach $5bn"


def test_officials_said_at_the_end():
    c = _find(extract_claims("About 3 million records were exposed, officials said."), "About 3 million")
    assert (c.source, c.text) == ("officials", "About 3 million records were exposed")


def test_cue_in_the_middle_reports_both_halves():
    claims = extract_claims("The attack, Ms. Ada Brown said on Monday, came from abroad and lasted days.")
    assert {c.text for c in claims} == {"The attack", "came from abroad and lasted days"} or any(
        c.text.startswith("came from abroad") for c in claims)
    assert all(c.source == "Ada Brown" for c in claims)


def test_stance_verb_claim_keeps_to_its_clause():
    c = _find(extract_claims("Senator Ron Wyden criticized the company for its slow response, which angered "
                             "users."), "the company for its slow response")
    assert c.source == "Ron Wyden" and c.text == "the company for its slow response"


def test_claim_noun_with_its_possessor():
    c = _find(extract_claims("Politifact checked Donald Trump's claim that there were thousands of shootings."),
              "there were thousands")
    assert (c.source, c.cue) == ("Donald Trump", "claim")


def test_belief_inside_reported_speech_is_part_of_it():
    claims = extract_claims("Mrs. Schlafly said she considered the disclosure an attempt to embarrass her.")
    assert [(c.source, c.text) for c in claims] == [
        ("Schlafly", "she considered the disclosure an attempt to embarrass her")]


def test_object_of_a_preposition_after_the_cue():
    c = _find(extract_claims("Senator Marco Rubio has talked about embedding troops with Iraqi soldiers."),
              "embedding troops")
    assert (c.source, c.cue) == ("Marco Rubio", "talked")


def test_coordinate_clause_with_its_own_cue_ends_the_first_content():
    claims = extract_claims("Republicans said the Justice Department mishandled the case and Democrats "
                            "accused the GOP of stoking the issue.")
    assert [(c.source, c.text) for c in claims] == [
        ("Republicans", "the Justice Department mishandled the case"),
        ("Democrats", "the GOP of stoking the issue")]


def test_reported_speech_runs_to_the_end_of_its_sentence():
    c = _find(extract_claims("The senator said the plan would fail, but the party would survive it."), "the plan")
    assert c.text == "the plan would fail, but the party would survive it"


def test_plural_noun_opening_the_sentence_is_a_source():
    c = _find(extract_claims("Critics said the image harked back to old stereotypes."), "the image")
    assert c.source == "Critics"


def test_market_shares_are_not_a_claim():
    assert extract_claims("Equifax shares fell 13 percent on Friday.") == []


def test_caption_string_gives_its_own_source():
    c = _find(extract_claims("Facebook said the data of up to 87m people using the social media may have been "
                             "harvested"), "the data of up to 87m")
    assert (c.source, c.cue) == ("Facebook", "said")


def test_all_caps_name_opening_the_article_takes_the_spelling_used_later():
    text = "ACME CORP said hackers stole 3 million records.\n\nThe breach was found in May, Acme Corp said."
    assert {c.source for c in extract_claims(text)} == {"Acme Corp"}


def test_polnear_first_articles(shared):
    path = shared / "eval" / "polnear" / "dev.jsonl"
    if not path.exists():
        pytest.skip("PolNeAR dev half not available")
    spec = importlib.util.spec_from_file_location("eval_quotes", ROOT / "benchmarks" / "eval_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    scores = module.evaluate(path, limit=50, timing=False)
    assert scores["claim_f1"] >= 0.71
    assert scores["claim_source_acc"] >= 0.90


def test_the_company_is_the_organisation_the_report_is_about():
    text = ("UK online retailer Brindle Goods has raised its estimate of the customers hit by last week's attack.\n\n"
            "Brindle Goods first put the number at 300,000. On Tuesday the company said the records of up to "
            "900,000 customers had been copied, and Brindle Goods apologised again.\n\n"
            "Analysts said the retailer would struggle to win them back.")
    claims = extract_claims(text)
    said = next(c for c in claims if c.text.startswith("the records of up to 900,000"))
    assert said.source == "Brindle Goods"  # not "UK", and not "the company"
    assert text[said.source_start:said.source_end] == "the company"  # the mention is still what the text says
    assert not any(c.source == "UK" for c in claims)


def test_the_company_stays_a_description_when_no_organisation_leads_the_report():
    text = "Hackers stole data from two retailers, Brindle Goods and Oxley Mart. The company said 5,000 cards were taken."
    said = next(c for c in extract_claims(text) if "5,000" in c.text)
    assert said.source.lower() == "the company"
