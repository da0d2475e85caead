"""Quotes and their speakers: the seed article, one sentence per construction, and PolNeAR dev."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from corpus.document import Aside
from corpus.quotes import extract_quotes

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed(seed_path) -> str:
    text = seed_path.read_text(encoding="utf-8")
    return text.split("\n", 1)[1]  # the first line is the title


def _direct(quotes):
    return [q for q in quotes if q.kind != "pull"]


def _one(text: str):
    quotes = _direct(extract_quotes(text))
    assert len(quotes) == 1, quotes
    return quotes[0]


# ---- the seed article -------------------------------------------------------------------------

def test_seed_has_ten_quotations_with_their_speakers(seed):
    quotes = _direct(extract_quotes(seed))
    assert [q.speaker for q in quotes] == (
        ["Mike Schroepfer"] * 3 + ["Cambridge Analytica"] * 2 + ["Mark Zuckerberg"] * 3
        + ["A Messenger spokeswoman"] * 2
    )
    assert quotes[0].text.startswith("Starting on Monday, April 9")
    assert quotes[2].text.endswith("may have been improperly shared with Cambridge Analytica.")
    assert quotes[3].text.startswith("Cambridge Analytica licensed data")  # opened with a wrong-way ”
    assert quotes[7].text == "As a huge mistake, it was my mistake."


def test_seed_kinds_and_cues(seed):
    quotes = _direct(extract_quotes(seed))
    zuckerberg = quotes[5]
    assert (zuckerberg.kind, zuckerberg.text, zuckerberg.cue) == ("partial", "didn't do enough", "told reporters")
    assert [q.kind for q in quotes].count("partial") == 1
    assert quotes[0].cue == "wrote"
    assert quotes[8].cue == "said in a statement"


def test_seed_speaker_mentions_are_the_cueing_words(seed):
    quotes = _direct(extract_quotes(seed))
    assert seed[quotes[0].speaker_start : quotes[0].speaker_end] == "Mr Schroepfer"
    assert seed[quotes[3].speaker_start : quotes[3].speaker_end] == "It"
    assert seed[quotes[6].speaker_start : quotes[6].speaker_end] == "He"
    assert seed[quotes[9].speaker_start : quotes[9].speaker_end] == "A Messenger spokeswoman"


def test_seed_role_and_org_of_schroepfer(seed):
    q = _direct(extract_quotes(seed))[1]
    assert (q.role, q.org) == ("Chief Technology Officer", "Facebook")


def test_seed_scare_quote_in_headline_is_not_a_quotation(seed):
    assert not any(q.text == "mistake" for q in extract_quotes(seed))


def test_seed_offsets_point_at_the_quoted_words(seed):
    for q in _direct(extract_quotes(seed)):
        assert q.text in seed[q.start : q.end]


def test_seed_pull_quote_in_text_repeats_the_third_quote(seed):
    quotes = extract_quotes(seed)
    pulls = [q for q in quotes if q.kind == "pull"]
    assert len(pulls) == 1
    pull = pulls[0]
    assert pull.repeats == 2 and quotes[2].speaker == "Mike Schroepfer"
    assert pull.speaker == "Mike Schroepfer" and pull.aside is None
    assert seed[pull.speaker_start : pull.speaker_end] == "Facebook's CTO Mike Schroepfer"


def test_seed_pull_quote_passed_as_aside(seed):
    pull_text = ("In total, we believe the Facebook information of up to 87 million people may have been "
                 "improperly shared with Cambridge Analytica")
    credit = "Facebook's CTO Mike Schroepfer"
    body = seed.replace(pull_text + "\n\n" + credit + "\n\n", "")
    assert pull_text not in body  # the loader took it out of the text
    quotes = extract_quotes(body, [Aside("pull-quote", pull_text, credit)])
    assert [q.kind for q in quotes].count("pull") == 1
    pull = quotes[-1]
    assert (pull.kind, pull.aside, pull.repeats) == ("pull", 0, 2)
    assert pull.speaker == "Mike Schroepfer"
    assert (pull.role, pull.org) == ("Chief Technology Officer", "Facebook")


def test_pull_quote_passed_as_aside():
    text = ('Facebook\'s Chief Technology Officer Mike Schroepfer wrote: "In total, we believe the Facebook '
            'information of up to 87 million people -- mostly in the US -- may have been improperly shared."')
    aside = Aside("pull-quote", "In total, we believe the Facebook information of up to 87 million people "
                  "may have been improperly shared", credit="Facebook's CTO Mike Schroepfer")
    quotes = extract_quotes(text, [Aside("caption", "A photo", "GETTY"), aside])
    pull = quotes[-1]
    assert (pull.kind, pull.aside, pull.repeats) == ("pull", 1, 0)
    assert pull.speaker == "Mike Schroepfer" and pull.org == "Facebook"


def test_pull_quote_aside_without_match_takes_its_credit():
    quotes = extract_quotes("Nothing quoted here.", [Aside("pull-quote", "We will fix it", "Facebook's CTO Mike Schroepfer")])
    assert len(quotes) == 1
    assert (quotes[0].kind, quotes[0].repeats, quotes[0].speaker, quotes[0].role) == ("pull", None, "Mike Schroepfer", "CTO")


# ---- constructions ----------------------------------------------------------------------------

def test_cue_after_quote_normal_order():
    q = _one('"We will appeal the ruling," Ms Jane Holt said.')
    assert (q.text, q.speaker, q.cue, q.kind) == ("We will appeal the ruling,", "Jane Holt", "said", "full")


def test_cue_after_quote_inverted():
    q = _one('"The breach affected every customer," said Tom Ruiz, a spokesman for the bank.')
    assert q.speaker == "Tom Ruiz"
    assert q.role == "spokesman"


def test_cue_before_quote_with_colon():
    q = _one("Acme Corp chief executive Dana Wu told reporters: \u201cNo card numbers were taken.\u201d")
    assert (q.speaker, q.cue, q.role, q.org) == ("Dana Wu", "told reporters", "chief executive", "Acme Corp")


def test_cue_inside_quote_gives_both_halves_the_speaker():
    quotes = _direct(extract_quotes('"We found the flaw in March," Ed Park said, "and fixed it within a week."'))
    assert [q.speaker for q in quotes] == ["Ed Park", "Ed Park"]
    assert [q.kind for q in quotes] == ["full", "full"]


def test_cue_in_next_sentence_after_quote():
    quotes = _direct(extract_quotes('"To a point," he said. "He sort of redirected."'))
    assert len(quotes) == 2 and quotes[0].cue == quotes[1].cue == "said"


def test_according_to():
    q = _one('According to the regulator, the firm "failed to protect its users" for years.')
    assert q.speaker == "the regulator" and q.kind == "partial" and q.cue == "According to"


def test_nested_quotes_stay_inside_the_outer_quotation():
    q = _one("\u201cHe told me, \u2018Delete everything,\u2019 and I refused,\u201d said Ann Lee.")
    assert q.text == "He told me, \u2018Delete everything,\u2019 and I refused,"
    assert q.speaker == "Ann Lee"


def test_straight_and_curly_marks_give_the_same_quote():
    straight = _one('Ann Lee said: "We refused."')
    curly = _one("Ann Lee said: \u201cWe refused.\u201d")
    assert straight.text == curly.text == "We refused."
    assert straight.speaker == curly.speaker == "Ann Lee"


def test_single_marks_as_quotation_marks():
    q = _one("Ann Lee said: 'We won't pay the users' ransom.'")
    assert q.text == "We won't pay the users' ransom."


def test_two_apostrophes_as_double_marks():
    q = _one("''We are told all the time, 'Kosovo is a special case,''' Mr. Putin said.")
    assert q.text == "We are told all the time, 'Kosovo is a special case,'"
    assert q.speaker == "Putin"


def test_mr_resolves_to_full_name_given_earlier():
    text = 'Equifax chief executive Richard Smith resigned on Tuesday. "I take responsibility," Mr Smith said.'
    q = _one(text)
    assert (q.speaker, q.role, q.org) == ("Richard Smith", "chief executive", "Equifax")


def test_two_people_sharing_a_surname():
    text = ('Bill Clinton and Hillary Clinton arrived together. "We are ready," Mrs. Clinton said. '
            '"So am I," Mr. Clinton said.')
    quotes = _direct(extract_quotes(text))
    assert [q.speaker for q in quotes] == ["Hillary Clinton", "Bill Clinton"]


def test_pronoun_takes_the_last_person_of_that_gender():
    text = ('Maria Lopez met Tom Baker on Monday. She said the files were safe. '
            'Later she added: "Nothing was lost."')
    assert _one(text).speaker == "Maria Lopez"


def test_it_and_the_company_resolve_to_the_organisation():
    text = ('The retailer Target Corp confirmed the breach. It said in a statement: "We are sorry." '
            '"We will pay," the company said.')
    quotes = _direct(extract_quotes(text))
    assert [q.speaker for q in quotes] == ["Target Corp", "Target Corp"]


def test_unnamed_spokesperson_is_kept_as_written():
    q = _one('"We are investigating," a Yahoo spokeswoman said.')
    assert q.speaker == "a Yahoo spokeswoman" and q.org == "Yahoo"


def test_multi_paragraph_quote_keeps_its_speaker():
    text = ('Jo Kim, the head of security, wrote: "First, we reset every password.\n\n'
            '"Second, we called the police.\n\n"Third, we told our customers."')
    quotes = _direct(extract_quotes(text))
    assert [q.speaker for q in quotes] == ["Jo Kim"] * 3
    assert quotes[0].role == "head of security"


def test_following_quote_paragraph_without_cue_keeps_the_speaker():
    text = '"We were hacked," Jo Kim said.\n\n"It will not happen again."'
    quotes = _direct(extract_quotes(text))
    assert [q.speaker for q in quotes] == ["Jo Kim", "Jo Kim"]


def test_quote_after_paragraph_ending_with_said_colon():
    text = "Jo Kim was asked about the leak. She said:\n\n\u201cWe do not know yet.\u201d"
    assert _one(text).speaker == "Jo Kim"


def test_scare_quotes_and_titles_are_not_quotations():
    text = ('The firm called it a "glitch" and released a report titled "Lessons". '
            'Critics mocked the \u201cfix\u201d online.')
    assert _direct(extract_quotes(text)) == []


def test_pull_paragraph_in_text_is_not_a_new_quote():
    text = ('"We take the security of our customers extremely seriously," said Dana Wu.\n\n'
            "We take the security of our customers extremely seriously\n\nDana Wu, CEO")
    quotes = extract_quotes(text)
    assert [q.kind for q in quotes] == ["full", "pull"]
    assert quotes[1].repeats == 0 and quotes[1].speaker == "Dana Wu"


# ---- kinds: "full" is the whole attributed content, "partial" a fragment of it ------------------

def test_writer_words_leading_into_a_quotation_make_it_partial():
    assert _one('In past campaigns, "we felt that we could reach people," he said.').kind == "partial"
    assert _one('"We felt that we could reach people," he said.').kind == "full"


def test_clause_before_a_colon_makes_the_quotation_partial():
    assert _one('Kaine said he has adopted a stance: "I am pro-life in my personal life."').kind == "partial"
    assert _one('Rubio fired back forcefully: "If they sue us, they are going to lose."').kind == "full"


def test_lower_case_continuation_and_topic_before_mid_sentence_cue_are_partial():
    assert _one('An economic downturn, he said, "could be a good time to borrow."').kind == "partial"
    assert _one('Of the scrutiny, Gingrich said, "It is a little much."').kind == "partial"
    assert _one('On Monday, Gingrich said, "It is a little much."').kind == "full"


def test_single_marked_headline_quotation_is_an_excerpt():
    text = "Reid: 'Never, ever underestimate Trump.'\n\nHarry Reid has advice for Democrats who celebrate already."
    assert _one(text).kind == "partial"


def test_quotation_after_indirect_speech_continues_it():
    text = ('Carter said that the United States would not withdraw from the region.\n\n'
            '"That is because this region remains the most consequential for us."')
    q = _one(text)
    assert (q.kind, q.speaker) == ("partial", "Carter")


def test_parts_of_one_content_share_the_partial_kind():
    quotes = _direct(extract_quotes('Sanders "has pole-vaulted himself into a leadership position," Sroka said. '
                                    '"He is going to be a powerful voice."'))
    assert [q.kind for q in quotes] == ["partial", "partial"]
    assert [q.speaker for q in quotes] == ["Sroka", "Sroka"]


def test_cue_ending_in_colon_introduces_the_next_quotation():
    quotes = _direct(extract_quotes('After Scalia said that some students might do better at "less advanced '
                                    'schools," Trump said: "I don\'t like what he said."'))
    assert quotes[-1].text == "I don't like what he said." and quotes[-1].kind == "full"
    assert quotes[0].kind == "partial" and quotes[0].speaker == "Scalia"


def test_speech_cue_wins_over_a_stance_verb_in_a_relative_clause():
    q = _one('"I do not believe in superdelegates," Warren, who has not endorsed a candidate, told reporters.')
    assert (q.kind, q.cue) == ("full", "told reporters")


def test_all_caps_name_opening_the_article_takes_the_spelling_used_later():
    text = ('EQUIFAX admitted the breach exposed 143 million people.\n\n'
            'Its chief executive Richard Smith said: "We apologise."\n\nEquifax shares fell.')
    q = _one(text)
    assert (q.speaker, q.org) == ("Richard Smith", "Equifax")


def test_lower_case_quotation_after_the_writers_words_is_a_fragment():
    q = _one('The mayor says whatever the council decides about the budget, "the parks will stay open all summer."')
    assert q.kind == "partial"
    q = _one('The mayor says whatever the council decides about the budget, "The parks will stay open all summer."')
    assert q.kind == "full"
    q = _one('Moreno said he rarely asks anyone to campaign for him, "except people I trust."')
    assert q.kind == "partial"


def test_lower_case_quotation_led_in_by_the_writer_is_partial_despite_an_earlier_cue():
    text = ('In 2012, when the governor promised towns millions for roads, "the towns were desperate. '
            'They took it," Moreno said.')
    q = _one(text)
    assert (q.kind, q.speaker) == ("partial", "Moreno")


def test_split_quotation_goes_on_in_lower_case_and_stays_full():
    quotes = _direct(extract_quotes('"We will win this," Hart said at a rally in Dover, Del., "and then we will govern."'))
    assert [q.kind for q in quotes] == ["full", "full"]
    assert [q.speaker for q in quotes] == ["Hart", "Hart"]


@pytest.mark.parametrize("text, mention", [
    ('Dana Ortiz went even further: "This plan will fail."', "Dana Ortiz"),
    ('Weaver didn\'t seem impressed by the offer, telling reporters, "It is too little, too late."', "Weaver"),
    ('Councillor Pat Reyes claimed victory in a post, saying: "We did it!"', "Councillor Pat Reyes"),
    ('Lori Stamper held up a sign saying "No more cuts."', "Lori Stamper"),
])
def test_speaker_mention_stops_at_the_verb_after_the_name(text, mention):
    q = _one(text)
    assert text[q.speaker_start : q.speaker_end] == mention


def test_short_exclamation_after_a_speech_verb_is_a_quotation():
    q = _one('Some in the crowd booed, and a man yelled "Stay home!"')
    assert (q.kind, q.speaker, q.text) == ("full", "a man", "Stay home!")
    assert _direct(extract_quotes('The board admits "mistakes" were made.')) == []


@pytest.mark.parametrize("text, speaker", [
    ('"This is wonderful!" beamed Ella Marsh of Dover.', "Ella Marsh"),
    ('"Is the mayor hiding something?" reacted Councillor Dana Ruiz.', "Councillor Dana Ruiz"),
])
def test_any_past_tense_verb_before_a_name_attributes_the_quotation(text, speaker):
    q = _one(text)
    assert (q.kind, q.speaker) == ("full", speaker)


def test_sentence_opening_with_and_then_keeps_its_subject_for_saying():
    quotes = _direct(extract_quotes('The vote was close. And then Ruiz went on the attack, saying, '
                                    '"Who approved this budget?"'))
    assert [(q.kind, q.speaker) for q in quotes] == [("full", "Ruiz")]


def test_participle_after_a_scare_quote_attributes_the_next_quotation_only():
    quotes = _direct(extract_quotes('Ruiz mocked the "experts," saying, "Nobody asked them!"'))
    assert [(q.text, q.kind, q.speaker) for q in quotes] == [("Nobody asked them!", "full", "Ruiz")]


@pytest.mark.parametrize("text, speaker", [
    ('Although it was far from the last word about Democratic candidate Ellen Marsh’s email scandal, '
     'Attorney General Rosa Lind took the official last step on Wednesday.\n\n'
     '“Late this afternoon, I met the director,” she said.', "Rosa Lind"),
    ('Senator Tom Marsh spoke first.\n\nMarsh consultant Carl Benning picked up the same thread at the time. '
     '"Voters are tired," he said.', "Carl Benning"),
    ('Roberta A. Kaplan, a New York-based lawyer who represented the plaintiffs, invoked the state\'s history '
     'in June. "There can\'t be separate but equal marriage," she told the judge.', "Roberta A. Kaplan"),
])
def test_pronoun_takes_up_the_subject_not_a_possessor_or_a_modifier(text, speaker):
    q = _one(text)
    assert q.speaker == speaker


def test_noun_ending_a_sentence_is_no_cue_for_the_next_quotation():
    text = ('The singer endorsed Lind on Monday.\n\nHe praised her record on roads in a largely Republican state.'
            '\n\n"We need someone who gets things done."')
    q = _one(text)
    assert q.speaker != "Republican" and text[q.speaker_start : q.speaker_end] == "He"
    assert _one('"We will appeal," the company stated.').speaker == "the company"


@pytest.mark.parametrize("text, speaker, mention", [
    ('"This is a sad day," said Rep. J.T. Hollins (D-Ore.), head of the caucus.', "J.T. Hollins",
     "Rep. J.T. Hollins (D-Ore.)"),
    ('"This is a waste of time," said Del. Mara Quint (D-Va.).', "Del. Mara Quint", "Del. Mara Quint (D-Va.)"),
    ('"There was no such order," said the station chief known as Ray, speaking publicly.', "Ray",
     "the station chief known as Ray"),
    ('"The message is clear," said Tom Ruddle of digital consulting firm ACME.', "Tom Ruddle", None),
    ('"He is a friend of mine," said Marsh ally Joe Penner.', "Joe Penner", "Marsh ally Joe Penner"),
])
def test_speaker_names_after_titles_initials_and_descriptions(text, speaker, mention):
    q = _one(text)
    assert q.speaker == speaker
    if mention is not None:
        assert text[q.speaker_start : q.speaker_end] == mention


@pytest.mark.parametrize("text, speaker", [
    ('"It was very nice," the tycoon said.\n\nHours later, Trump returned the compliment, telling Reuters, '
     '"We have been friends for a long time."', "Trump"),
    ('WASHINGTON, Dec. 8 (UPI) — In response to the proposal, the senator’s aide Rosa Lind rallied supporters, '
     'saying: "We have to be ready to stop him."', "Rosa Lind"),
    ('"Great speech. She\'s ready."\n\n-President Obama, tweeting after the speech.', "Obama"),
    ('Outside the arena, about 200 protesters gathered, chanting "Dump the mayor now!"', "200 protesters"),
])
def test_openings_that_are_not_the_speaker(text, speaker):
    assert _direct(extract_quotes(text))[-1].speaker == speaker


# ---- PolNeAR dev (real annotated news) ---------------------------------------------------------

def load_eval():
    spec = importlib.util.spec_from_file_location("eval_quotes", ROOT / "benchmarks" / "eval_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_polnear_first_articles(shared):
    path = shared / "eval" / "polnear" / "dev.jsonl"
    if not path.exists():
        pytest.skip("PolNeAR dev half not available")
    scores = load_eval().evaluate(path, limit=50, timing=False)
    assert scores["quote_f1"] >= 0.94
    assert scores["quote_mention_acc"] >= 0.95
    assert scores["quote_name_acc"] >= 0.91


def test_a_spokeswoman_for_the_company_is_the_unnamed_speaker_not_the_last_one():
    text = ("The Patients’ Data Alliance said in a statement that the fine was too small.\n\n"
            "Acme said it would respond within 28 days.\n\n"
            "A spokeswoman for the company said: “We have co-operated fully with the regulator.”")
    (q,) = extract_quotes(text)
    assert q.speaker == "A spokeswoman for the company"
    assert text[q.speaker_start:q.speaker_end] == "A spokeswoman for the company"


def test_a_plural_possessive_inside_an_organisation_name_keeps_the_name_whole():
    text = "The Patients’ Data Alliance said in a statement on Thursday.\n\nIt reads: “A fine is a start.”"
    (q,) = extract_quotes(text)
    assert q.speaker == "Patients’ Data Alliance" and q.org is None
    (q,) = extract_quotes("Facebook's Chief Technology Officer Mike Schroepfer said: “We are sorry.”")
    assert (q.speaker, q.org) == ("Mike Schroepfer", "Facebook")


def test_complete_utterance_after_its_verb_stays_full_when_the_sentence_goes_on():
    q = _one('The chief executive declared "We found no sign of a breach!" and left the stage.')
    assert (q.kind, q.speaker) == ("full", "The chief executive")
    q = _one('The chief executive said "the fear is as high as ever" in the security team.')
    assert q.kind == "partial"


def test_lower_case_quotation_as_the_object_of_a_mid_sentence_cue_is_full():
    q = _one('In her statement, Dana Ortiz said "no customer passwords were taken in the attack."')
    assert (q.kind, q.speaker) == ("full", "Dana Ortiz")


def test_a_title_after_the_cue_does_not_make_the_quotation_a_fragment():
    quotes = _direct(extract_quotes('"We found no sign that data left the network. The review goes on," Ortiz told '
                                    '"Good Morning America," adding that the company had called in the police.'))
    assert [q.kind for q in quotes] == ["full", "partial"]
    assert quotes[0].speaker == "Ortiz"


def test_lower_case_quotation_after_a_gerund_cue_is_its_whole_object():
    q = _one('In May, after the breach came to light, Ortiz wrote to the board, thanking its members and '
             'telling them, "you have been patient with us."')
    assert (q.kind, q.speaker) == ("full", "Ortiz")
