"""Where a claim's content starts and ends: the clause the cue governs, not the rest of the sentence."""

from __future__ import annotations

import pytest

from corpus.claims import extract_claims


def _content(text: str, cue: str) -> tuple[str, str | None]:
    found = [c for c in extract_claims(text) if c.cue == cue]
    assert len(found) == 1, [(c.cue, c.text) for c in extract_claims(text)]
    return found[0].text, found[0].source


@pytest.mark.parametrize(
    ("text", "cue", "content", "source"),
    [
        # a fronted subordinate clause ends at its comma: what follows is the writer's main clause
        ("Although the retailer said it would notify every customer, it waited three months to send letters.",
         "said", "it would notify every customer", "the retailer"),
        # so does a relative clause about the subject: the main verb after it is not part of what was said
        ("Dana Whitlock, who said the leak was minor, later hired a second forensic firm.",
         "said", "the leak was minor", "Dana Whitlock"),
        # the object of a stance ends before an apposition or a comparison after a comma
        ("Consumer groups opposed the settlement, a deal worth less than a dollar per affected customer.",
         "opposed", "the settlement", "Consumer groups"),
        ("The insurer welcomed the ruling, despite warnings from its own lawyers.",
         "welcomed", "the ruling", "The insurer"),
        # "including" is a preposition, not a participle clause: the object goes on
        ("The regulator criticized the retailer's controls, including its failure to encrypt backups.",
         "criticized", "the retailer's controls, including its failure to encrypt backups", "The regulator"),
        # "say" has a clause for its object even without "that" or an auxiliary: no stance break
        ("Residents say auditors still check every server, handing out fines to careless firms.",
         "say", "auditors still check every server, handing out fines to careless firms", "Residents"),
        # reported speech ends before the speaker's next act, the writer's comparison or apposition
        ("The bank said it would miss the filing deadline, and requested another month.",
         "said", "it would miss the filing deadline", "The bank"),
        ("The retailer said it lost 40 million dollars, well below what analysts had feared.",
         "said", "it lost 40 million dollars", "The retailer"),
        ("The agency said the hack exposed 2 million records, a figure the company disputes.",
         "said", "the hack exposed 2 million records", "The agency"),
        # an opening adverb before a comma is no content of a stance, and an infinitive after a cue
        # is its content, not a setting after a closing cue
        ("Indeed, the insurer believes in a settlement.", "believes", "in a settlement", "the insurer"),
        ("Indeed, the bank vowed to repay every customer.",
         "vowed", "to repay every customer", "the bank"),
        ("The breach was minor, the chief executive explained to the board.",
         "explained", "The breach was minor", "the chief executive"),
        # a cue verb after "and" is the speaker's next report, with its own content
        ("The bank said it regretted the delay and promised to notify every customer.",
         "said", "it regretted the delay", "The bank"),
        ("The senator attacked the retailer for its silence and praising the regulator for acting fast.",
         "attacked", "the retailer for its silence", "The senator"),
    ],
)
def test_content_span(text, cue, content, source):
    assert _content(text, cue) == (content, source)


def test_relative_pronoun_and_the_rest_of_its_clause():
    """"which critics said were never encrypted": the pronoun is the content, and so are the words
    after the cue; a cue that closes its relative clause has the pronoun only."""
    claims = extract_claims("The breach exposed records which critics said were never encrypted.")
    assert [(c.text, c.source) for c in claims] == [("which", "critics"), ("were never encrypted", "critics")]
    claims = extract_claims("The settlement, which regulators opposed, collapsed last week.")
    assert [(c.text, c.source) for c in claims] == [("which", "regulators")]


def test_report_inside_words_of_the_same_source_is_not_a_claim_of_its_own():
    """"she said she told the board that …": the inner report names no one new; another speaker's
    report inside someone's words stays, since it says whose words they are."""
    claims = extract_claims("Dana Whitlock said she told the board that no card data was lost.")
    assert [(c.text, c.source) for c in claims] == [
        ("she told the board that no card data was lost", "Dana Whitlock")]
    claims = extract_claims("The lawyer said Norvale Bank told regulators that no card data was lost.")
    assert [(c.text, c.source) for c in claims] == [
        ("Norvale Bank told regulators that no card data was lost", "The lawyer"),
        ("no card data was lost", "Norvale Bank")]


def test_according_to_after_an_opening_word_or_mid_sentence():
    """"But according to X, …" reports what follows the comma; ", according to X," in the middle of
    its sentence reports both halves, one claim each."""
    claims = extract_claims("But according to the filing, the retailer lost 40 million records.")
    assert [(c.text, c.source) for c in claims] == [("the retailer lost 40 million records", "the filing")]
    claims = extract_claims("The retailer lost 40 million records, according to the filing, "
                            "and it waited months to tell anyone.")
    assert [(c.text, c.source) for c in claims] == [
        ("The retailer lost 40 million records", "the filing"),
        ("and it waited months to tell anyone", "the filing")]


def test_words_before_a_speaker_set_off_by_commas_open_the_quotation():
    """"In other words, X said, “…”": the opener is part of what was said, a claim of its own beside
    the quotation; a question put to the speaker ("Asked about …,") is claimed as a question."""
    claims = extract_claims('In other words, the auditor said, "the breach was avoidable."')
    assert [(c.text, c.source, c.direct) for c in claims] == [
        ("In other words", "the auditor", False), ("the breach was avoidable.", "the auditor", True)]
    claims = extract_claims('Asked about the leak, Dana Lee said, "we found it in March."')
    assert [(c.text, c.source) for c in claims] == [("about the leak", None), ("we found it in March.", "Dana Lee")]


def test_seem_and_appear_claim_their_subject_too():
    """"The retailer seemed to ignore the warnings": the subject of an impression is a content of its
    own, with no source, beside the predicate."""
    claims = extract_claims("The retailer seemed to ignore the warnings.")
    assert [(c.text, c.source) for c in claims] == [
        ("The retailer", None), ("to ignore the warnings", "The retailer")]


def test_auxiliary_taken_for_the_subject_gives_way_to_the_subject():
    """"The bank didn't expect …": the negated auxiliary is no speaker; the noun phrase before it is."""
    claims = extract_claims("The bank didn't expect the hackers to return.")
    assert [(c.text, c.source, c.source_start) for c in claims] == [("the hackers to return", "The bank", 0)]


def test_relative_pronoun_subject_is_the_mention_and_its_antecedent_the_name():
    """"Dana Whitlock, who said …": the source's mention is the pronoun that is the verb's subject (as
    PolNeAR marks it); the source's name is its antecedent."""
    text = "Dana Whitlock, who said the leak was minor, later hired a second forensic firm."
    (claim,) = extract_claims(text)
    assert (claim.text, claim.source, text[claim.source_start : claim.source_end]) == (
        "the leak was minor", "Dana Whitlock", "who")


def test_listener_or_setting_alone_is_no_claim():
    # who was told, or when and how, is not a statement a fact-checker can check
    text = ("We have informed the Data Protection Office and the police. We have written to every affected "
            "customer by email and by post. Orbix said the leak hit more than the 2.1 million we estimated "
            "on 5 March.")
    claims = extract_claims(text)
    assert [(c.text, c.source) for c in claims] == [
        ("the leak hit more than the 2.1 million we estimated on 5 March", "Orbix")]


def test_listener_before_that_is_skipped():
    text = "Orbix told regulators on Monday that the stolen files were encrypted."
    c = extract_claims(text)[0]
    assert (c.text, c.source) == ("the stolen files were encrypted", "Orbix")
