"""Claim cues the shared quote analysis leaves alone (corpus.claim_cues) and objects of stance verbs."""

from __future__ import annotations

import pytest

from corpus.claim_cues import ClaimCueFinder
from corpus.claims import extract_claims
from corpus.quote_analysis import analyse


def _one(text: str, start: str):
    found = [c for c in extract_claims(text) if c.text.startswith(start)]
    assert len(found) == 1, [(c.text, c.source) for c in extract_claims(text)]
    return found[0]


def test_modal_and_adverb_between_subject_and_verb():
    c = _one("Regulators now recognize that the Larkspur breach exposed 4 million records.", "the Larkspur breach")
    assert (c.source, c.cue) == ("Regulators", "recognize")
    c = _one("The insurer wouldn't back a settlement with the victims.", "a settlement")
    assert c.text == "a settlement with the victims"
    assert c.source_start == 0


def test_contracted_modal_after_the_subject():
    c = _one("She'll likely want the vendor to disclose every affected account.", "the vendor")
    assert c.cue == "want"


def test_relative_pronoun_subject_takes_its_antecedent():
    c = _one("The lawsuit was filed by customers who have criticized the encryption policy.", "the encryption")
    assert c.source == "customers"


def test_title_case_headline_verb():
    c = _one("Security Chief Says Hackers Stole Payroll Files From Larkspur", "Hackers Stole")
    assert c.cue == "Says"


def test_passive_and_noun_uses_are_not_cues():
    assert [c for c in extract_claims("The patch is expected to ship next week.") if c.source] == []
    assert extract_claims("Larkspur's plans were leaked in March.") == []


def test_object_of_a_stance_verb_stops_before_its_setting_and_next_verb():
    c = _one("Senator Ada Brown blasted Larkspur in a radio interview on Tuesday and praised the regulator.",
             "Larkspur")
    assert c.text == "Larkspur"
    c = _one("The firm denied the charges and counter-sued the researchers.", "the charges")
    assert c.text == "the charges"


def test_said_in_a_statement_that_keeps_its_clause():
    c = _one("Larkspur said in a statement on Wednesday that the leak affected 30 million users.", "the leak")
    assert c.text == "the leak affected 30 million users"


def test_relative_pronoun_object_is_the_content():
    c = _one("Investigators traced the leak to what the vendor called a rogue contractor.", "what")
    assert (c.text, c.source_start is not None, c.cue) == ("what", True, "called")


def test_claim_noun_of_decision_with_its_possessor():
    c = _one("Larkspur's decision to delay the disclosure angered customers.", "to delay")
    assert c.source == "Larkspur"


def test_opening_adverbial_then_subject_and_object():
    c = _one("In a letter to customers last week, Larkspur acknowledged the intrusion.", "the intrusion")
    assert c.source == "Larkspur"
    assert not [x for x in extract_claims("In a letter to customers last week, Larkspur acknowledged the intrusion.")
                if x.text.startswith("In a letter")]


def test_setting_before_the_object_is_skipped():
    c = _one("Police announced on Friday the arrest of a contractor.", "the arrest")
    assert c.text == "the arrest of a contractor"


def test_talking_to_someone_about_something():
    c = _one("The chief executive talked to regulators about the stolen passwords.", "the stolen")
    assert c.cue == "talked"


def test_attitude_adjective_after_be():
    c = _one("Senator Ada Brown has long been critical of Larkspur since the breach began.", "Larkspur")
    assert (c.text, c.source) == ("Larkspur", "Ada Brown")
    c = _one("Some customers are concerned that the stolen keys still work.", "the stolen keys")
    assert c.source == "Some customers"


def test_partisan_noun_after_be():
    c = _one("Ms. Ada Brown was an early backer of the disclosure bill.", "the disclosure bill")
    assert c.cue == "backer of"


def test_document_noun_phrase_source_is_its_organisation():
    text = ("Larkspur Health said on Friday that the breach was contained.\n\n"
            "Larkspur's original statement carried an apology from its chief executive: “We are deeply sorry "
            "that this has happened to our customers.”")
    direct = [c for c in extract_claims(text) if c.direct]
    assert direct and all(c.source in ("Larkspur", "Larkspur Health") for c in direct), \
        [(c.source, c.text) for c in direct]


def test_we_in_an_organisations_own_notice_is_the_organisation():
    text = ("Larkspur Health: update on the cyber incident\n\n"
            "We believe the details of up to 2 million customers may have been accessed.\n\n"
            "We found that 38,000 payment cards were stored in the affected systems.\n\n"
            "We have informed the regulator that no passwords were taken. Larkspur Health will write to every customer.\n\n"
            "Larkspur Health is offering free credit monitoring.")
    firsts = [c for c in extract_claims(text) if text[c.source_start : c.source_end].lower() == "we"]
    assert len(firsts) >= 3 and {c.source for c in firsts} == {"Larkspur Health"}


def test_we_in_a_news_report_stays_as_written():
    text = "We believe the story matters, Acme Corp said nothing. Acme Corp later declined to comment."
    assert all(c.source != "Acme Corp" or text[c.source_start : c.source_end] != "We"
               for c in extract_claims(text))


def test_lone_lowercase_noun_is_no_source():
    claims = extract_claims("Customers can change email addresses and order histories online.")
    assert not [c for c in claims if c.source == "email"]


def test_stance_verbs_only_claims_read():
    c = _one("Senator Ada Brown has hammered Larkspur for its slow disclosure.", "Larkspur")
    assert (c.source, c.cue) == ("Ada Brown", "hammered")
    c = _one("The regulator disavowed the settlement.", "the settlement")
    assert c.source == "The regulator"


def _unsourced(text: str) -> list[tuple[str, str]]:
    """(cue, content) of the claims with no named source that the finder offers."""
    an = analyse(text)
    finder = ClaimCueFinder(an)
    return [(text[c.start : c.end], text[s:e]) for sent in an.sentences for c, (s, e) in finder.claims(sent)
            if c.speaker_start is None]


def test_expected_without_a_holder_is_an_unsourced_claim():
    assert _unsourced("The settlement is widely expected to cost Larkspur $40 million, which worries investors.") == [
        ("is widely expected", "The settlement"), ("is widely expected", "to cost Larkspur $40 million")]
    assert _unsourced("Analysts expected a fine. The audit was expected.") == []
    assert _unsourced("The breach is widely seen as the worst in the company's history.") == [
        ("is widely seen", "The breach"), ("is widely seen", "as the worst in the company's history")]
    assert _unsourced("The vendor was seen at the hearing.") == []
    assert _unsourced("The board is expected to approve the payout, with regulators to follow.") == [
        ("is expected", "The board"), ("is expected", "to approve the payout")]
    assert _unsourced("It is expected to close next month.") == [("is expected", "to close next month")]


def test_hearsay_adverb_is_an_unsourced_claim():
    """"The bank reportedly paid …": subject and predicate, with no source."""
    assert _unsourced("The bank reportedly paid the ransom, which angered regulators.") == [
        ("reportedly", "The bank"), ("reportedly", "paid the ransom")]


def test_looks_and_sounds_are_unsourced_impressions():
    """"The apology sounded hollow": subject and predicate, with no source, as with "seem"; "looked
    at" is no impression, and "looks" after a possessive is a noun."""
    assert _unsourced("The apology sounded hollow to many customers.") == [
        ("sounded", "The apology"), ("sounded", "hollow to many customers")]
    assert _unsourced("The auditors looked at the logs.") == []
    assert _unsourced("His good looks helped the campaign.") == []


def test_known_as_is_an_unsourced_name():
    """"The bill, known as the Safe Data Act, …": the thing named and its name, with no source."""
    assert _unsourced("The bill, known as the Safe Data Act, passed on Monday.") == [
        ("known", "The bill"), ("known", "the Safe Data Act")]
    assert [(c.text, c.source) for c in extract_claims("The bill, known as the Safe Data Act, passed on Monday.")] == [
        ("The bill", None), ("the Safe Data Act", None)]


def test_question_put_to_someone_is_an_unsourced_claim():
    assert _unsourced("Asked whether customer passwords were exposed, the company declined to comment.") == [
        ("Asked", "whether customer passwords were exposed")]
    assert _unsourced("The chief executive was asked about the delay in notifying customers.") == [
        ("was asked", "about the delay in notifying customers")]
    assert _unsourced("The regulator asked Larkspur for its logs.") == []


def _offered(text: str) -> list[tuple[str | None, str]]:
    """(source mention, content) of the claims the finder bounds itself."""
    an = analyse(text)
    finder = ClaimCueFinder(an)
    return [(None if c.speaker_start is None else text[c.speaker_start : c.speaker_end], text[s:e])
            for sent in an.sentences for c, (s, e) in finder.claims(sent)]


def test_paragraph_opened_by_its_speaker_and_a_colon():
    text = "Regulator: Larkspur Hid the Breach for Months\n\nMORGAN: We found no evidence of tampering. The logs were intact.\n"
    assert _offered(text) == [("Regulator", "Larkspur Hid the Breach for Months"),
                              ("MORGAN", "We found no evidence of tampering")]


def test_editorial_labels_and_name_lists_are_no_speakers():
    text = "Correction: An earlier version misstated the date.\n\nOhio: Ann Lee, Bo Ray, Cy Diaz, Di Moss.\n"
    assert _offered(text) == []


def test_participle_after_the_main_clause_takes_the_sentence_subject():
    c = _one("The senator weighed in on the Larkspur breach on Monday, calling the delay a betrayal of customers.",
             "the delay")
    assert (c.source, c.cue, c.text) == ("The senator", "calling", "the delay a betrayal of customers")


@pytest.mark.parametrize("text", [
    "The retailer hired the former secretary of state, who will lead its review of the breach.",
    "Breach notices are now required in 18 states, including Ohio and Texas.",
    "The board met on the basis of pledged commitments that the bank would pay.",
])
def test_cue_word_used_as_a_noun_makes_no_claim(text):
    """After a preposition or article ("secretary of state", "the basis of pledged …"), or a number
    before a verb form in "-s" ("18 states"), the cue word is a noun: no one is reporting."""
    assert extract_claims(text) == []


def test_passive_blame_without_agent_claims_subject_and_charge():
    # "was accused of …" with no one named: who is blamed and for what are two claims with no source
    text = "Dana Roe was accused of selling customer records to a data broker."
    claims = extract_claims(text)
    assert [(c.text, c.source) for c in claims] == [
        ("Dana Roe", None), ("of selling customer records to a data broker", None)]
