"""Attributed statements: who is reported to have said or held what, quoted or not.

Direct claims are the quotations (`direct=True`, same source as the quote). Indirect ones come from
the same reporting cues read the other way: the content is the clause the cue governs,
after it (`Cambridge Analytica said in a statement on Wednesday that the data leak affected 30
million users`, `Facebook denied that this was a data breach`, `according to the regulator, …`) or
before it (`…, officials said.`, `…, according to the regulator.`); a cue in the middle of its
sentence (`The plan, he said, will fail`, `…, according to X, and …`) reports both halves, one claim
each, and the words before a speaker set off by commas open the quotation that follows (`Instead,
X said, "…"`). "Seem" and "appear" report an impression: their subject is a content of its own,
with no source, as PolNeAR has it. A quotation inside
indirect speech (`told reporters that the company "didn't do enough" to …`) belongs to that claim
and makes no claim of its own. Pull-quotes and their credit lines repeat a claim: they make none.

Cues are speech verbs, beliefs and stances (`corpus.cues`), verbs that only report what someone
talks about or perceives (claims only, never a quotation's frame), and nouns with their possessor
(`Trump's claim that …`, `her call for …`). Reported speech runs to the end of its sentence unless
another report, the speaker's next act or the writer's own comparison follows; the object of a
stance or noun ends with its clause; a cue inside a fronted subordinate clause or a relative clause
about its subject ("Although X said …, …", "X, who said …, …") reports only up to that clause's
comma. A belief or stance inside someone's reported words is part of those words, not a claim of its
own (PolNeAR annotates the outermost attribution only); a report of speech by someone else inside
them is kept, because it names whose words they are and figures take their source from the
innermost claim.

Cues the quote analysis does not take are looked for again for claims only (`corpus.claim_cues`):
a modal or adverb before the verb, a relative-pronoun subject, a title-case headline, attitude
adjectives after "be" ("has been critical of"). A relative pronoun before the subject is the content
("what he calls corruption"); the object of a verb that takes a noun phrase ends before its setting
("blasted Rubio in an interview"). A document as source ("Larkspur's statement") names its
organisation, and "we" in an organisation's own notice is that organisation. A relative pronoun
that is a cue's subject ("Roe, who said …") is the source's mention, its antecedent the name; a cue
word after a preposition, article or number ("secretary of state", "18 states") is a noun.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from corpus.claim_cues import TAIL_PUNCT, ClaimCueFinder, trim_end
from corpus.cues import (
    ALL_CUE_FORMS,
    BELIEF_FORMS,
    CLAIM_NOUNS,
    CLAIM_ONLY_FORMS,
    POSITION_FORMS,
    SPEECH_FORMS,
    is_ambiguous,
    trie_pattern,
)
from corpus.extracted import Claim, Quote
from corpus.quote_analysis import MASK, Analysis, Cue, Sentence, analyse
from corpus.quote_names import ROLE_HEADS
from corpus.quote_phrases import subject_before
from corpus.quotes import extract_quotes
from corpus.speakers import PRONOUNS

_TRIM = " \t\n\xa0,;:—–-"
# "that" opening the content, possibly after a short setting: "said on Wednesday that …"
_SETTING_WORDS = (
    "in on at to with for by from of via through about over during after before last this early late earlier "
    "later again also repeatedly publicly privately a an the his her their its our statement interview "
    "letter email post tweet report speech video call conference week month year morning afternoon "
    "evening night weekend reporters supporters audience crowd"
).split()
_LEAD = re.compile(
    r"[\s,:;—–-]*(?:(?:(?:(?i:" + "|".join(sorted(set(_SETTING_WORDS) | ROLE_HEADS, key=len, reverse=True))
    + r")|[A-Z][\w.'’&-]*|\w+ly|\d[\w,.]*),?\s+){0,9}?(?i:that)\b\s*)?"
)
_WORD = re.compile(r"\w+")


def extract_claims(text: str, quotes: Sequence[Quote] | None = None) -> list[Claim]:
    """Every attributed statement in `text`, in text order. Pass the quotes already extracted from
    the same text to save the work of finding them again."""
    if quotes is None:
        quotes = extract_quotes(text)
    an = analyse(text)
    skip = _pull_spans(an, quotes)
    claims: list[Claim] = []
    indirect: list[Claim] = []
    nouns = list(_NOUN_LINK.finditer(an.masked))
    finder = ClaimCueFinder(an)
    for sent in an.sentences:
        if any(a <= sent.start < b for a, b in skip):
            continue
        first = len(indirect)
        for cue in sent.cues:
            if cue.speaker_start is not None and cue.resolution is not None:
                cue = _speaker_cue(an, sent, cue)
                if cue is not None:
                    _add(an, sent, cue, sent.cues, indirect)
        # cues only claims read, in the words no claim of the analysis's cues has taken
        extra = ()
        if finder.worth_a_look(sent):
            covered = sorted((c.start, c.end) for c in indirect[first:])
            gaps = [g for g in _gaps(sent.start, sent.end, covered) if g[1] - g[0] > 20]
            extra = finder.cues(sent, gaps) if gaps else ()
        if extra:
            cues = sorted(sent.cues + extra, key=lambda c: c.start)
            for cue in extra:
                _add(an, sent, cue, cues, indirect)
        for cue, (start, end) in finder.claims(sent):  # sourceless passives, questions, "Speaker: …" lines
            if not _is_quoted(an, start, end):
                indirect.append(_claim(an, start, end, cue, direct=False))
        for cue, (start, end) in _nominal_claims(an, sent, nouns) if nouns else ():
            if not _is_quoted(an, start, end):
                indirect.append(_claim(an, start, end, cue, direct=False))
    indirect = _dedupe(indirect)
    indirect = _outermost(indirect)
    for q in quotes:
        if q.kind == "pull" or q.aside is not None:
            continue
        if q.kind == "partial" and any(c.start <= q.start and q.end <= c.end for c in indirect):
            continue  # quoted words inside someone's indirect speech
        claims.append(Claim(q.start, q.end, q.text, q.speaker, q.speaker_start, q.speaker_end, q.cue, True))
    claims.extend(indirect)
    _better_sources(an, claims)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


# "Larkspur's original statement", "the company's letter": a document speaks for its possessor
_DOCUMENT_SOURCE = re.compile(
    r"(?P<org>(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['’]s?\s+(?:[a-z]+\s+){0,2}"
    r"(?:statement|letter|report|notice|release|announcement|email|e-mail|post|blog|website|filing|memo|"
    r"tweet|update|message|press release)s?$"
)
_WE = {"we", "us"}
# a company referred to by what it is: the organisation the text is about, when it is clearly about one
_THE_COMPANY = {f"the {noun}" for noun in (
    "company", "firm", "business", "retailer", "bank", "insurer", "lender", "provider", "operator", "airline",
    "pharmacy", "chain", "startup", "platform", "carrier", "manufacturer")}


def _main_org(an: Analysis) -> str | None:
    """The organisation a text names most, when it is clearly the one it is about (named at least
    twice, and half as often again as any other name)."""
    counts: dict[str, int] = {}
    for name in an.registry.named_non_persons():
        counts[name] = counts.get(name, 0) + 1
    for name in sorted(counts, key=len):  # "Larkspur" is "Larkspur Health" when the text has both
        longer = [n for n in counts if n != name and n.startswith(name + " ")]
        if longer:
            counts[max(longer, key=counts.get)] += counts.pop(name)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and 2 * ranked[0][1] < 3 * ranked[1][1]):
        return None
    return ranked[0][0]


def _better_sources(an: Analysis, claims: list[Claim]) -> None:
    """A document noun phrase as source ("Larkspur's original statement") names its organisation;
    "we" as the subject of cues in a text that speaks in the first person outside quotation marks (a
    company's own notice) is the organisation that text names, when it names one; so is "the company"
    (or firm, bank, …) in a text clearly about one organisation."""
    first_person = [c for c in claims if not c.direct and (c.source or "").lower() in _WE]
    own_voice = len(first_person) >= 3  # a news report does not say "we believe" three times
    described = any((c.source or "").lower() in _THE_COMPANY for c in claims)
    org = _main_org(an) if own_voice or described else None
    for c in claims:
        src = c.source or ""
        m = _DOCUMENT_SOURCE.fullmatch(src)
        if m and c.source_start is not None:
            mention = an.text[c.source_start : c.source_end]
            k = mention.find(m.group("org"))
            if k >= 0:
                res = an.registry.resolve(c.source_start + k, c.source_start + k + len(m.group("org")))
                c.source = res.name if res and res.name else m.group("org")
        elif own_voice and org and src.lower() in _WE:
            c.source = org
        elif org and src.lower() in _THE_COMPANY:
            c.source = org  # "the company said …" in a report about one company


_COLLECTIVE = {"people", "police", "staff", "management", "everyone", "everybody", "someone", "somebody",
               "nobody", "anyone", "one", "none", "all", "both", "many", "most", "some", "few", "each",
               "either", "neither", "half", "several", "two", "three", "public", "government", "congress",
               "the", "a", "that", "this", "which", "what"}


# an auxiliary or adverb taken for the subject of a cue ("He didn't suggest …", "She well knew …")
_NOT_SUBJECTS = {
    "didn't", "doesn't", "don't", "won't", "can't", "wouldn't", "couldn't", "shouldn't", "isn't", "wasn't",
    "aren't", "weren't", "hasn't", "haven't", "hadn't", "well", "ever", "instead", "soon", "however",
    "almost", "sometimes", "also", "still", "never", "now", "then", "just", "even", "already", "often",
}
_NOT_SUBJECTS |= {w.replace("'", "’") for w in _NOT_SUBJECTS}


def _speaker_cue(an: Analysis, sent: Sentence, cue: Cue) -> Cue | None:
    """The cue, None if its word is a noun and its "speaker" a modifier, or with the noun phrase
    further back as its speaker if the mention ends in an auxiliary or adverb ("The bank didn't
    expect …"). Nouns: "email addresses and …", "to manage repeat orders" (a lone lowercase singular
    word before a verb form is a compound or an object); "the secretary of state", "on the basis of
    pledged delegates" (a mention ending in a preposition or article); "18 states", "many contests"
    (a number before a form in "-s", which takes no plural subject)."""
    masked = an.masked
    if masked.startswith("known as ", cue.start):
        return None  # "the bill, known as …": a name claim_cues claims with no source
    mention = masked[cue.speaker_start : cue.speaker_end]
    k = mention.rfind(" ") + 1
    last = mention[k:]
    if last in _FUNCTION_WORDS and cue.mode == "pre":
        return None if not masked.startswith("ing", cue.verb_end - 3) else cue  # "stopped short of calling X"
    if masked[cue.verb_end - 1] == "s" and masked[cue.verb_end - 2] != "s" \
            and (last[:1].isdigit() or last.lower() in _QUANTIFIERS):
        return None
    if k == 0 and mention.isalpha() and mention.islower() and not mention.endswith("s") \
            and mention not in PRONOUNS and mention not in _COLLECTIVE and mention not in _NOT_SUBJECTS:
        return None
    if last in _NOT_SUBJECTS:
        sp = subject_before(masked, sent.start, cue.speaker_start + k)
        if sp is not None:
            return Cue(cue.start, cue.end, cue.verb_end, sp[0], sp[1], cue.mode, cue.speech, an.registry.resolve(*sp))
    return cue


_FUNCTION_WORDS = {"of", "for", "to", "in", "on", "at", "by", "with", "from", "the", "a", "an"}
_QUANTIFIERS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "many", "several",
                "various", "other", "few", "both", "all", "some", "most"}


def _add(an: Analysis, sent: Sentence, cue: Cue, cues: list[Cue], out: list[Claim]) -> None:
    rel = _relative_object(an, sent, cue)
    if rel is None:
        spans = _contents(an, sent, cue, cues)
    else:  # "which critics said were never encrypted": the pronoun, and the words after the cue
        spans = [rel] + ([] if _CLAUSE_END.match(an.masked, cue.end) else _contents(an, sent, cue, cues))
    if cue.mode == "pre" and an.text[cue.start : cue.verb_end] in _IMPRESSION_FORMS:
        # "The bank seemed to ignore the warnings": an impression of the subject, which PolNeAR
        # claims as a content of its own with no source (the writer's); the predicate keeps the
        # subject as source, as it may be the subject's own act ("appeared to concede that …")
        out.append(_claim(an, cue.speaker_start, cue.speaker_end,
                          Cue(cue.start, cue.end, cue.verb_end, None, None, cue.mode, cue.speech), direct=False))
    if cue.mode == "pre":
        who = _WHO_SUBJECT.match(an.masked, cue.speaker_end, cue.start)
        if who:  # "Roe, who said …": the pronoun is the mention, its antecedent the source's name
            cue = Cue(cue.start, cue.end, cue.verb_end, who.start(1), who.end(1), cue.mode, cue.speech,
                      cue.resolution)
    base = ALL_CUE_FORMS.get(an.text[cue.start : cue.verb_end].lower())
    for start, end in spans:
        if _is_quoted(an, start, end):
            continue  # a direct quotation: claimed below from its Quote
        if cue.mode == "pre" and not an.text[cue.end : start].strip():
            start = _past_addressee(an.text, start, end, base)
            if start is None or _setting_only(an.text[start:end]):
                continue
        out.append(_claim(an, start, end, cue, direct=False))


# verbs whose first object is who was told ("told regulators", "informed the police", "wrote to the
# board"): what was said follows it ("… that …", "… of the breach"), or nothing was reported
_ADDRESSEE_VERBS = {"tell", "inform", "assure", "write", "email"}
_ADDRESSEE_LEAD = re.compile(r"(?i)(?:to\s+)?(?:[\w'’.&()-]+\s+){1,6}?(?:that|of|about)\s+")
_CLAUSE_WORD = re.compile(r"(?i)\b(?:that|whether|if|how|what|why|when|where|who|to|of|about)\b")
_SUBJECT_WORD = re.compile(r"(?i)\b(?:he|she|it|they|we|I|you|there|this|these|those)\b|\S+(?:'s|’s|n't|n’t)\b")
_SETTING = re.compile(
    r"(?i)(?:(?:on|in|at|by|during|since|until|before|after)\s+(?:the\s+|last\s+|early\s+|late\s+|mid-?)?"
    r"(?:\d[\w.:,]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
    r"|morning|afternoon|evening|night|weekend|week|month|year|email|post|phone|letter)"
    r"(?:\s+(?:\d[\w.:,]*|[ap]\.?m\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)|,)*"
    r"\s*(?:and\s+|or\s+)?)+$"
)


def _past_addressee(text: str, start: int, end: int, base: str | None) -> int | None:
    """Start of what was said after an addressee verb's listener; None when only the listener follows."""
    if base not in _ADDRESSEE_VERBS or (base in ("write", "email") and not text.startswith("to ", start)):
        return start
    m = _ADDRESSEE_LEAD.match(text, start, end)
    if m:
        return m.end()
    content = text[start + 3 if text.startswith("to ", start) else start : end]
    return None if len(content.split()) <= 10 and not _CLAUSE_WORD.search(content) \
        and not _SUBJECT_WORD.search(content) else start


def _setting_only(content: str) -> bool:
    """'on 5 March', 'by email and by post': a setting with no statement in it."""
    return bool(_SETTING.match(content.rstrip(TAIL_PUNCT)))


# a relative pronoun between the antecedent taken for a speaker and its cue, as the cue's subject
_WHO_SUBJECT = re.compile(r"\s*,?\s*(who|which|that)\s+(?:[a-z]+\s+){0,3}$")
_IMPRESSION_FORMS = {f for f, base in ALL_CUE_FORMS.items() if base in ("seem", "appear")}


def _gaps(lo: int, hi: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    pos = lo
    for a, b in spans:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < hi:
        out.append((pos, hi))
    return out


def _claim(an: Analysis, start: int, end: int, cue: Cue, direct: bool) -> Claim:
    res = cue.resolution
    return Claim(start, end, an.text[start:end], res.name if res else None, cue.speaker_start,
                 cue.speaker_end, an.text[cue.start : cue.end].strip(), direct)


def _pull_spans(an: Analysis, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Paragraphs that are pull-quotes (or their credit lines) in the text itself."""
    spans = []
    for q in quotes:
        if q.kind == "pull" and q.aside is None:
            spans.append((q.start, q.end))
            if q.speaker_start is not None:
                spans.append((q.speaker_start, q.speaker_end))
    return spans


def _contents(an: Analysis, sent: Sentence, cue: Cue, cues: list[Cue]) -> list[tuple[int, int]]:
    """Content spans a cue reports, trimmed of "that", commas and final punctuation."""
    masked = an.masked
    ss, se = sent.start, sent.end
    first = min(cue.start, cue.speaker_start)
    last = max(cue.end, cue.speaker_end)
    before = (ss, first)
    if cue.mode == "acc":
        # "According to X, …" / "…, according to X." / "The retailer, according to X, lost …"
        after = _after_comma(masked, last, se)
        if len(masked[ss:first].split()) <= 1:  # "According to X, …", "But according to X, …"
            return _spans(an, [after], lead=True)
        rest = masked[last:se]
        if rest.lstrip().startswith(",") and rest.strip(TAIL_PUNCT):  # both halves
            return _spans(an, [before, after])
        return _spans(an, [before])
    if cue.mode in ("inv", "post"):
        spans = [before]
        rest = masked[last:se]
        if rest.strip(TAIL_PUNCT) and rest.lstrip().startswith(",") \
                and not _APPOSITION.match(rest):
            after = _after_comma(masked, last, se)
            nxt = [min(c.start, c.speaker_start if c.speaker_start is not None else c.start) for c in cues
                   if c is not cue and c.start > last]
            if nxt:  # another cue later in the sentence has its own words
                after = (after[0], min(after[1], min(nxt)))
            spans.append(after)
        return _spans(an, spans)
    if cue.mode == "colon":
        return _spans(an, [(cue.end + 1, se)], lead=True)
    # "X said (that) …", with the subject at the start of its clause; or "…, X said." at the end
    pre_text = masked[ss:first].rstrip()
    post_text = masked[last:se].strip(TAIL_PUNCT)
    if post_text.startswith(MASK) and masked[last:se].lstrip()[:1] in (",", ":", MASK):
        # "X said, “…”": the cue reports the quotation, claimed from its Quote; the words before a
        # speaker set off by commas ("Instead, X said, “…”") are the start of what was said, unless
        # they are the question put to the speaker ("Asked about …,"), which claim_cues claims
        if pre_text.endswith(",") and MASK not in pre_text and not _ASKED_OPENER.match(pre_text):
            return _spans(an, [(ss, ss + len(pre_text) - 1)])
        return []
    if not post_text and MASK in pre_text:
        # `Clinton, though, would have to "go more to center," Cuban said.`: a quotation ending in a
        # comma inside its marks, then the cue closing the sentence
        return _spans(an, [before])
    if pre_text.endswith(",") and not _INFINITIVE.match(post_text) and (cue.speech or len(pre_text.split()) > 2):
        # "…, X said." closes the sentence; "The attack, X said on Monday, came from …" splits it
        rest = masked[last:se]
        adjunct = re.match(r"[^,\x01]{0,40},", rest)
        if not post_text or _short_adjunct(post_text):
            return _spans(an, [(ss, ss + len(pre_text) - 1)])
        if rest.lstrip().startswith(",") or (adjunct and _short_adjunct(adjunct.group()[:-1])):
            tail = last + (adjunct.end() if adjunct else rest.index(",") + 1)
            return _spans(an, [(ss, ss + len(pre_text) - 1), (tail, se)])
    # the content ends where a later cue closes the sentence ("…, Bloomberg reported")
    end = se
    np_object, obj = False, last
    if cue.mode != "colon":
        verb = an.text[cue.start : cue.verb_end].lower()
        # a report's content runs to the end of its sentence; the object of a stance ends with its clause
        np_object = verb not in BELIEF_FORMS and ALL_CUE_FORMS.get(verb) not in _CLAUSE_VERBS \
            and _np_object(masked, last, se)
        stance = verb in POSITION_FORMS or verb in CLAIM_ONLY_FORMS or np_object
        brk = _CLAUSE_BREAK if stance else _REPORT_BREAK
        m = brk.search(masked, last, se)
        if m:
            end = m.start()
        if np_object:
            # "blasted Rubio in a recent interview": the setting after an object is not what was said
            # ("announced on Friday the arrest of …": a setting before the object is skipped)
            lead = _OBJECT_ADJUNCT.match(masked, last, end)
            if lead:
                obj = lead.end()
            m = _OBJECT_ADJUNCT.search(masked, max(obj, masked.find(" ", obj + 1, end)), end)
            if m:
                end = m.start()

    if _subordinate(masked, ss, cue):
        comma = masked.find(",", last, end)
        if comma >= 0:
            end = comma
    for other in cues:
        o_first = min(other.start, other.speaker_start if other.speaker_start is not None else other.start)
        if o_first > last and masked[last:o_first].rstrip().endswith(","):
            end = min(end, masked.rfind(",", last, o_first))
        elif o_first > last:
            # "… mishandled the investigation and Democrats accused the GOP of …": a coordinate
            # clause with an attribution of its own ends this content
            m = _COORDINATE_END.search(masked, last, o_first)
            if m and m.end() == o_first:
                end = min(end, m.start())
    start = obj if np_object else last
    m = _PREP_AFTER.match(masked, cue.end, end)
    if m and (m.group(1).lower() != "on" or an.text[cue.start : cue.verb_end].lower() in _ON_VERBS):
        start = m.end()
    else:
        # "talked to McConnell about X", "wrote a blog post against X": a listener or medium first
        m = ALL_CUE_FORMS.get(an.text[cue.start : cue.verb_end].lower()) in _ABOUT_VERBS \
            and _ABOUT_LATER.match(masked, cue.end, end)
        if m:
            start = m.end()
    return _spans(an, [(start, end)], lead=True)


_ASKED_OPENER = re.compile(r"\W*(?:when\s+)?asked\b", re.IGNORECASE)


# A fronted subordinate clause ("Although the company said it would …, it waited …") or a relative
# clause about the subject ("Roe, who said the breach was minor, criticized …") ends at its comma.
_SUBORDINATOR = re.compile(
    r"[\s\x01\"“‘']*(?:(?:and|but|so|yet)\s+)?(?:although|though|while|whereas|if|because|when|since|after|"
    r"before|unless|until|even\s+though|even\s+if|once)\s", re.IGNORECASE)
_WHO_BETWEEN = re.compile(r"\s*,?\s*(?:who|which)\s")


def _subordinate(masked: str, ss: int, cue: Cue) -> bool:
    """Is the cue in a fronted subordinate clause or a relative clause about its subject?"""
    if cue.mode != "pre" or cue.speaker_start is None:
        return False
    if _WHO_BETWEEN.match(masked, cue.speaker_end, cue.start):
        return True
    return "," not in masked[ss : cue.speaker_start] and bool(_SUBORDINATOR.match(masked, ss, cue.speaker_start))


# A clause after a cue: "that", a subject pronoun, or an auxiliary, modal or common finite verb
# early in the words after the cue. Without one of them the cue has a noun phrase for its object
# ("denied the charges", "blasted Rubio and defended Cruz").
_CLAUSE_START = re.compile(r"[\s,:]*(?:that|he|she|it|they|we|I|you|there|this|these)\b", re.IGNORECASE)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do|won't|"
    r"can't|don't|doesn't|didn't|isn't|wasn't|aren't|weren't|hasn't|haven't|wouldn't|couldn't|shouldn't|"
    r"'s|’s|'re|’re|'ll|’ll|'d|’d|needs|wants|remains|means|seems|appears|faces|lacks|knows|cares)\b"
)


def _np_object(masked: str, pos: int, se: int) -> bool:
    if _CLAUSE_START.match(masked, pos, se):
        return False
    head = masked[pos : min(se, pos + 90)]
    cut = _HEAD_CUT.search(head)
    if cut:
        head = head[: cut.start()]
    # "said on Wednesday that …": a clause after a setting
    return bool(head.strip()) and " that " not in head and _FINITE.search(head) is None


_HEAD_CUT = re.compile(r"[,;:\x01(—–]|\s-\s|\s(?:since|because|although|though|unless|until|while|whereas|when)\s")


# Settings after an object: "in a recent interview", "on Thursday", "during the debate", "last week".
_OBJECT_ADJUNCT = re.compile(
    r"\s(?:(?:in|on|at|during|via|through)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|interview|speech|letter|email|e-mail|post|tweet|video|op-ed|column|call|appearance|"
    r"address|debate|rally|event|conference|briefing|hearing|memo|release|session|meeting|town hall|"
    r"remarks|broadcast|podcast|program|show|message|ad|editorial)s?\b"
    r"|(?:on|last|this|earlier|next)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|weekend|morning|night|evening|afternoon)\b"
    r"|on\s+(?:Twitter|Facebook|Instagram|television|TV|radio)\b|in\s+(?:19|20)\d\d\b"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|(?:since|because|although|though|unless|until|while|whereas|after|before|when)\s+"
    r"(?:he|she|they|it|we|I|you|there|the|a|an|his|her|their|its|[A-Z][\w'’-]*)\s)"
)


# "what he calls corruption", "which Apple's chief executive called ''total political crap''": the
# relative pronoun before the subject is what
# the cue is about.
_REL_OBJECT = re.compile(r"(?<![\w'’-])(what|which|whom)\s+$")
_PREP_BEFORE = re.compile(r"(?i)\b(?:in|on|at|by|for|from|with|under|about|through|during|after|before|to|of)\s+$")
_REL_BLOCK = re.compile(r"\s+(?:that|whether|if|how|what|why|to\s)\b|\s*[,:]\s*\x01")
_NOT_REL_BEFORE = re.compile(
    r"(?:" + trie_pattern(ALL_CUE_FORMS) + r"|so|such|now|given|except|but|and|of|is|was|means|meant|fact|"
    r"sure|clear|true|believe|say|think|know)[\s,]+$", re.IGNORECASE)


# the relative clause ends right after its cue ("which Putin opposed, collapsed"): nothing follows it
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\]]|$)")


def _relative_object(an: Analysis, sent: Sentence, cue: Cue) -> tuple[int, int] | None:
    if cue.mode != "pre" or cue.speaker_start is None:
        return None
    ss = sent.start
    m = _REL_OBJECT.search(an.masked, max(ss, cue.speaker_start - 8), cue.speaker_start)
    if m is None or _NOT_REL_BEFORE.search(an.masked, max(ss, m.start() - 30), m.start()):
        return None
    if m.group(1) != "what" and _PREP_BEFORE.search(an.masked, max(ss, m.start() - 12), m.start()):
        return None  # "in which Democrats argued …": the pronoun is a preposition's object
    if _REL_BLOCK.match(an.masked, cue.end):
        return None  # "in which Democrats argued that …": the cue has its own content
    if an.masked[cue.speaker_start : cue.speaker_end].lower() in ("it", "there", "this"):
        return None
    return m.span(1)


# A cue verb's past or -ing form after "and" is the speaker's next report ("… and promised to …",
# "… and accusing him of …"): it ends the content before it.
_NEXT_CUES = trie_pattern({f for f in ALL_CUE_FORMS if f.endswith(("ed", "ing")) and not is_ambiguous(f)} | {
    "said", "told", "wrote", "asked"})
# Where the object of a stance verb ends: a new clause after a comma, a semicolon or dash, an
# apposition or comparison after a comma ("opposed the deal, a pact that …", ", despite …"), or a
# second verb phrase ("welcomed Khan's election and said he would …"); ", including …" goes on.
_CLAUSE_BREAK = re.compile(
    r",\s+(?:and|but|while|which|who|whose|although|though|as|because|according|with|(?!including)[a-z]+ing)\b|;|\s—\s|\s–\s|\s-\s"
    r"|,\s+(?:a|an|the|his|her|their|its|one|both|all|also|known|despite|compared|well|even|just)\s"
    r"|\s(?:and|but)\s+(?:also\s+|then\s+|later\s+|still\s+|now\s+)?"
    r"(?:has|have|had|was|were|is|are|will|would|did|does|said|says|told|[a-z][a-z-]{2,}ed|" + _NEXT_CUES + r")\b"
)
# Where reported speech ends: its sentence, unless another report follows (", according to …",
# ", adding …", "… and later said …"), the speaker's next act (", and requested …"), or the writer's
# comparison or apposition (", compared with …", ", well below …", ", a figure that …").
_REPORT_BREAK = re.compile(
    r";|,\s+according\b|,\s+(?:which|where|who|whose|referring|meaning)\b|,\s+(?:adding|saying|noting|citing|arguing|calling|explaining|insisting|writing|telling)\b"
    r"|\s(?:and|but)\s+(?:also\s+|then\s+|later\s+)?"
    r"(?:says|" + _NEXT_CUES + r")\b"
    r"|,\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?[a-z]+ed\b"
    r"|,\s+(?:compared|well\s+(?:below|above|ahead|behind))\b|,\s+(?:a|an)\s"
)
# Speech verbs whose object is a clause even without "that" or an auxiliary ("say officers patrol …")
_CLAUSE_VERBS = {"say", "note", "add", "argue", "acknowledge", "admit"}
# "talked about X", "called for X", "focused on X": the object of the preposition is the content
_ABOUT_VERBS = {"talk", "speak", "write", "post", "tweet", "complain", "joke", "testify", "ask", "comment",
                "warn", "rail", "rant", "muse", "remark", "boast", "brag", "gripe", "lament", "tell", "inform"}
_ABOUT_LATER = re.compile(r"(?:\s+(?!that\b)[\w'’-]+){1,6}?\s+(?:about|against)\s+")
_PREP_AFTER = re.compile(r"\s+(about|of|for|against|over|as|with|on)\s+(?!the\s+(?:phone|record|air)\b)", re.IGNORECASE)
_ON_VERBS = {"focus", "focused", "focuses", "focusing", "comment", "commented", "comments", "commenting",
             "call", "called", "calls", "calling", "weigh", "weighed", "rely", "relied", "count", "counting",
             "harp", "harped", "insist", "insisted", "agree", "agreed", "seize", "seized", "elaborate",
             "elaborated", "speak", "spoke", "speaks", "talk", "talked", "talks", "report", "reported",
             "testify", "testified", "touch", "touched", "write", "wrote", "writes", "written", "reflect",
             "reflected", "dwell", "dwelt", "opine", "opined", "campaign", "campaigned", "split", "vote",
             "voted", "urged", "pressed", "press", "push", "pushed"}
# A coordinate clause that carries its own attribution ends the content before it.
_COORDINATE_END = re.compile(r"\s+(?:and|but|while|whereas|as|when|although|though)\s+$|;\s*$")


# ", who has been critical of Sanders", ", a spokesman for …": about the speaker, not what was said
_APPOSITION = re.compile(r"\s*,\s*(?:who|whom|whose|which|a|an|the|his|her|their|its|one|then|now|also|former)\b", re.IGNORECASE)


# "…, X vowed to repay every customer": an infinitive after the cue is its content, not a setting
_INFINITIVE = re.compile(
    r"to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|him|her|them|us|me|it)\b)[a-z]")


def _short_adjunct(s: str) -> bool:
    """"on Monday", "in a statement", "last week": words after a closing cue that add no content."""
    words = s.split()
    if not words or not (_ADJUNCT_START.match(words[0]) or words[0].lower().endswith("ly")):
        return False  # "…, Clinton has emphasized her ties to Obama": an object, not a setting
    return len(words) <= 5 and not re.search(r"\b(?:that|is|was|are|were|will|would|has|have|had)\b", s)


_ADJUNCT_START = re.compile(
    r"(?i)(?:on|in|at|during|to|via|through|after|before|while|when|as|from|last|this|earlier|later|again|"
    r"also|yesterday|today|tonight|recently|then|now|once|later|afterward|afterwards|here|there|with|"
    r"without|of|by|for|about|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\W*$"
)


def _after_comma(masked: str, pos: int, se: int) -> tuple[int, int]:
    comma = masked.find(",", pos, se)
    return (comma + 1 if comma >= 0 else pos, se)


_DANGLING = re.compile(r"\s(?:and|but|or|while|whereas|as|when|although|though|because|so)$")


def _spans(an: Analysis, spans: list[tuple[int, int]], lead: bool = False) -> list[tuple[int, int]]:
    out = []
    text = an.text
    for s, e in spans:
        m = _LEAD.match(an.masked, s, e) if lead else None
        if m:
            s = m.end()
        e = trim_end(text, s, e)
        m = _DANGLING.search(text, max(s, e - 12), e)  # the pattern ends at `e`: look at the end only
        if m:  # "…, but" left before a cut: the conjunction belongs to what follows
            e = trim_end(text, s, m.start())
        while s < e and text[s] in _TRIM:
            s += 1
        if e > s and _WORD.search(text, s, e):  # at least one word
            out.append((s, e))
    return out


def _is_quoted(an: Analysis, start: int, end: int) -> bool:
    """Is the content (almost) all inside quotation marks? Then it is a direct quotation."""
    seg = an.masked[start:end]
    if MASK not in seg:
        return False
    outside = len(_WORD.findall(seg.replace(MASK, " ")))
    return outside <= 2


# A claim noun with its possessor and its complement: "Trump's claim that", "her call for".
_NOUN_LINK = re.compile(
    r"(?<![\w-])(?P<noun>" + trie_pattern(CLAIM_NOUNS) + r")\s+(?P<link>that|to(?=\s+[a-z])|of|for|about|on|against)\b"
)
_POSSESSOR = re.compile(
    r"(?<![\w'’])(?P<poss>his|her|their|its|our|my|(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&-]*['’]s?)\s+"
    r"(?:(?:[a-z]+ly\s+)?[a-z][a-z-]*\s+){0,2}$"
)


def _nominal_claims(an: Analysis, sent: Sentence, hits: list) -> list[tuple[Cue, tuple[int, int]]]:
    """Claims cued by a noun with its possessor: "Trump's claim that there have been thousands of
    shootings", "her call for a recount", "their opposition to the deal". The possessor is the
    source; the content runs from the complement to the end of its clause. `hits` are the document's
    noun-and-complement matches, in order."""
    masked = an.masked
    out = []
    k = bisect.bisect_left(hits, sent.start, key=lambda m: m.start())
    while k < len(hits) and hits[k].start() < sent.end:
        m = hits[k]
        k += 1
        ns = m.start("noun")
        pm = _POSSESSOR.search(masked, max(sent.start, ns - 90), ns)
        if pm is None:
            continue
        ps, pe = pm.span("poss")
        mention_end = pe - 2 if masked[pe - 2 : pe] in ("'s", "’s") else pe - (masked[pe - 1] in "'’")
        cue = Cue(ns, m.end("noun"), m.end("noun"), ps, mention_end, "nom", False)
        cue.resolution = an.registry.resolve(ps, mention_end)
        start = m.end("link") if m.group("link") != "to" else m.start("link")
        end = sent.end
        brk = _CLAUSE_BREAK.search(masked, start, sent.end)
        if brk:
            end = brk.start()
        spans = _spans(an, [(start, end)])
        if spans:
            out.append((cue, spans[0]))
    return out


def _outermost(claims: list[Claim]) -> list[Claim]:
    """A belief or stance inside what someone is reported to say ("X said Y believes Z", "… a
    program called BleachBit …") is part of that content, not a claim of its own; a report of
    speech inside it ("the company insisted that …, Bloomberg reported") stays, since it names who
    the words are from, unless it names the same source ("she said she told the board that …")."""
    out = []
    outer: Claim | None = None  # the claim reaching furthest so far (sorted by start, longest first)
    for c in sorted(claims, key=lambda c: (c.start, -c.end)):
        inside = outer is not None and outer.end >= c.end
        if inside and c.cue and c.cue.split()[0].lower() in SPEECH_FORMS and (c.source or "") != outer.source:
            inside = False  # another speaker's words inside these
        if outer is None or c.end > outer.end:
            outer = c
        if not inside:
            out.append(c)
    return out


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per content span: a cue inside another cue's content ("X said Y told Z that …")
    keeps the claim of the innermost cue only when spans coincide."""
    seen: dict[tuple[int, int], Claim] = {}
    for c in claims:
        key = (c.start, c.end)
        if key not in seen:
            seen[key] = c
    return list(seen.values())
