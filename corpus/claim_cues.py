"""Cues that only claims read: reporting verbs the shared analysis leaves alone because they can
never frame a quotation, or because their subject sits further back than a quotation's speaker does.

`corpus.quote_analysis` finds the cues of quotations; it is strict because a wrong cue there takes a
quotation from its speaker. A claim is an attribution of any kind (PolNeAR: "X wouldn't back an
amnesty bill", "new filings show it has …", "Local leaders now recognize that …"), so this module
looks again at the cue words of a sentence that the analysis did not take and accepts them when:

- a modal, a negation or an adverb stands between subject and verb ("he wouldn't back", "she'll
  likely want", "Israel must also acknowledge", "Everyone can see");
- the subject is a relative pronoun and its antecedent comes before ("voters who have supported …");
- the verb is capitalised in a headline written in title case ("Glenn Beck Says Trump …");
- a stance participle follows the main clause (", calling the delay a betrayal"): the sentence's
  subject holds it.

Passives ("is expected to", "was asked") and verbs used as nouns ("Trump's plan", "the report")
are not cues with a subject for source. Some claims this module bounds itself, and
`ClaimCueFinder.claims` offers them with their content: a passive report whose holder the text does
not name ("is widely expected to", "Asked about …,"), hearsay ("reportedly", "allegedly"), blame in the passive ("was accused of …"), an
impression ("looks unprepared", "sounded hollow") or a name ("known as"), which have no speaker, and a paragraph opened by its speaker and a colon ("Regulator: Larkspur Hid the
Breach").
"""

from __future__ import annotations

import bisect
import re

from corpus.cues import (
    ALL_CUE_FORMS,
    ATTITUDE_ADJECTIVES,
    CLAIM_EXTRA_FORMS,
    PARTISAN_NOUNS,
    SPEECH_FORMS,
    is_ambiguous,
    trie_pattern,
)
from corpus.quote_analysis import Analysis, Cue, Sentence
from corpus.quote_analysis import _sentence_subject as sentence_subject
from corpus.quote_phrases import subject_before
from corpus.speakers import DETERMINERS, POSSESSIVES, PRONOUNS

_FORMS = {**CLAIM_EXTRA_FORMS, **ALL_CUE_FORMS}
# -ing forms come after "is" (a progressive, left to the analysis) or open a participle phrase
_LOWER = {f for f in _FORMS if not f.endswith("ing")}
# ", calling them 'corporate welfare'", ", citing the audit": a participle after the main clause
# reports a stance of the sentence's subject (speech participles, ", saying", are the analysis's)
_GERUNDS = {f for f in _FORMS if f.endswith("ing") and f not in SPEECH_FORMS} - {
    "speaking", "talking", "offering", "showing", "pushing", "seeking", "voting", "continuing", "knowing",
    "reflecting", "promoting", "seeing", "inviting", "focusing", "responding", "refusing", "finding",
    "feeling", "planning", "aiming", "appearing", "seeming", "considering", "wanting", "hearing", "learning",
    "deciding", "addressing", "signaling", "signalling", "indicating", "understanding", "thinking",
    "expecting", "projecting", "calculating", "intending", "regarding", "identifying",
}
# Claims whose source the text does not name. A passive report with no agent ("Trump is expected to
# win Indiana", "The breach is widely seen as the worst": the content is what follows the verb); a
# question put to someone ("Asked about the breach, …", "when asked whether …", "She was asked to
# name …": the content is the question). The words are found in the pass of `_WORD_RE`.
_PASSIVE = {
    "expected", "considered", "seen", "viewed", "regarded", "believed", "thought", "said", "reported",
    "rumored", "rumoured", "projected", "predicted", "estimated", "deemed", "perceived", "alleged",
}
_ASKED = {"asked", "Asked"}
# "Roe was accused of leaking the files", "The bank has been criticized for …": blame or credit in the
# passive with no agent; the subject and what follows are claimed, as with "is expected to"
_BLAMED = {"accused", "criticized", "criticised", "blamed", "charged", "condemned", "praised", "credited"}
_BLAME_AFTER = re.compile(r"\s+(?:of|for|with|as)\s")
# "The bank reportedly paid the ransom": hearsay the writer passes on without naming its source
_HEARSAY = {"reportedly", "allegedly"}
# "Larkspur looks unprepared", "The apology sounded hollow": an impression, as with "seem"
_LOOKS = {"looks", "looked", "sounds", "sounded"}
# "the bill, known as the Safe Data Act": a name the writer passes on
_KNOWN = {"known"}
_AS_AFTER = re.compile(r"\s+as\s")
_NOT_AN_IMPRESSION = re.compile(r"\s+(?:at|for|into|forward|back|to|up|out|over|around|ahead|after|on|in|through|down|off|the|a|an|his|her|their|its)\b")
_BE_BEFORE = re.compile(r"(?<![\w'’-])(?:is|are|was|were|be|been|'s|’s)\s+(?:(?:not|also|still|now|[a-z]+ly)\s+){0,2}$")
_TO_AFTER = re.compile(r"\s+to\s")
_TO_AS_AFTER = re.compile(r"\s+(?:to|as)\s")
_ASKED_LEAD = re.compile(r"(?<![\w'’-])(?:[Ww]hen|was|were|is|are|being)\s+$")
_ATT_WORDS = set(ATTITUDE_ADJECTIVES) | set(PARTISAN_NOUNS) | {n + "s" for n in PARTISAN_NOUNS}
_UNSOURCED_WORDS = _PASSIVE | _ASKED | _HEARSAY | _LOOKS | _KNOWN | _BLAMED
_UNSOURCED_ONLY = _UNSOURCED_WORDS - _LOWER  # words `_WORD_RE` finds for `ClaimCueFinder.claims` only
_WORD_RE = re.compile(
    r"\b(?<![\w'’-])(?:" + trie_pattern(_LOWER | _ATT_WORDS | _GERUNDS | _UNSOURCED_WORDS) + r")(?![\w'’-])"
)
_TITLE_RE = re.compile(r"\b(?<![\w'’-])(?:" + trie_pattern({f.capitalize() for f in _LOWER}) + r")(?![\w'’-])")
# what may stand between a subject and its verb
_AUX = {
    "can", "cannot", "must", "should", "shall", "would", "will", "could", "may", "might", "has", "have",
    "had", "did", "does", "do", "not", "never", "now", "likely", "also", "still", "long", "ever", "even",
    "already", "always", "often", "just", "only", "again", "then", "later", "once", "first", "all",
    "both", "each", "too", "no", "longer", "wouldn't", "won't", "can't", "couldn't", "didn't", "doesn't",
    "don't", "hasn't", "haven't", "hadn't", "shouldn't", "mustn't", "wouldn’t", "won’t", "can’t",
    "couldn’t", "didn’t", "doesn’t", "don’t", "hasn’t", "haven’t", "hadn’t", "shouldn’t", "mustn’t",
    "generally", "largely", "mostly", "strongly", "openly", "publicly", "privately", "repeatedly",
}
_NEVER_BEFORE = DETERMINERS | POSSESSIVES | {
    "to", "of", "for", "in", "on", "at", "by", "with", "from", "about", "into", "over", "under", "after",
    "before", "without", "against", "between", "and", "or", "but", "is", "are", "was", "were", "be", "been",
    "being", "am", "the", "this", "these", "those", "such", "no", "any", "every", "each", "than", "as",
}
_CLITIC = re.compile(r"(?i)(?P<subj>\S+?)(?:['’](?:ll|d|ve|re|s))$")
_BE = {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "'re", "’re"}
_RELATIVE = {"who", "which", "that"}
_NOUN_LIKE = {
    "call", "calls", "plan", "plans", "offer", "offers", "support", "attack", "attacks", "vote", "votes",
    "aim", "aims", "view", "views", "credit", "credits", "push", "signal", "signals", "question",
    "questions", "doubt", "doubts", "brand", "brands", "label", "labels", "challenge", "challenges",
    "request", "requests", "demand", "demands", "welcome", "pitch", "favor", "favour", "thanks", "back",
    "backs", "cite", "dispute", "disputes", "refer", "mention", "mentions", "praise", "blame", "want",
    "seek", "appear", "seem", "consider", "claim", "claims", "hope", "hopes", "fear", "fears", "report",
    "reports", "estimate", "estimates", "show", "shows", "found", "find", "finds", "note", "notes",
    "answer", "answers", "comment", "comments", "promise", "promises", "warning", "warnings", "worry",
    "worries", "concern", "concerns", "need", "needs", "state", "states", "order", "orders",
}
TAIL_PUNCT = " \t\n\xa0,.;:!?—–-"  # what a claim's content does not end with


def trim_end(text: str, start: int, end: int) -> int:
    """`end` moved back over spaces and punctuation, no further than `start`."""
    while end > start and text[end - 1] in TAIL_PUNCT:
        end -= 1
    return end

_TITLE_WORD = re.compile(r"[A-Z][\w'’.-]*|[a-z]{1,3}\b")


_ATTITUDE_RE = re.compile(
    r"\b(?:is|are|was|were|been|be|am)\s+(?:(?:not|also|still|now|very|so|too|more|less|quite|all|long|"
    r"[a-z]+ly)\s+){0,3}(?:(?P<adj>" + trie_pattern(ATTITUDE_ADJECTIVES) + r")"
    r"|(?:a|an|the|one)\s+(?:[a-z]+\s+){0,2}?(?P<noun>" + trie_pattern(PARTISAN_NOUNS) + r")s?\s+of)\b"
    r"(?:\s+(?:of|about|with|in|by|to|toward|towards|over|for|on|that)\b)?"
)


# A paragraph that opens with who speaks and a colon: a headline ("Regulator: Larkspur Hid the Breach")
# or a turn of a transcript ("SMITH: We found no evidence …"); the content is the rest of the first
# sentence (a longer claim would swallow the claims reported later in the turn).
_SPEAKER_LINE = re.compile(r"(?P<who>(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*):\s+(?=\S)")
_NAME_LIST = re.compile(r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s+){3}")
# editorial labels that open a paragraph with a colon but name no one
_LABELS = {
    "latest", "correction", "corrections", "contributing", "byline", "online", "breaking", "bombshell",
    "revealed", "exclusive", "update", "updated", "watch", "video", "photos", "photo", "transcript", "note",
    "related", "source", "sources", "from", "read", "more", "see", "also", "click", "listen", "tags",
    "advertisement", "image", "credit", "caption", "follow", "email", "share", "dateline", "section",
    "length", "headline", "abstract", "graphic", "subscribe", "warning", "editor's", "editor’s", "the",
    "live", "paid", "name", "stat", "opinion", "analysis", "editorial", "commentary", "review", "explainer",
    "factbox",
}
# where the content of an unsourced claim ends: a comma, an aside, or a coordinate clause with its own
# subject ("is expected to pass the bill, with the Senate to follow")
_UNSOURCED_END = re.compile(
    r";|\s[—–-]+\s|\((?!\w)|,|"
    r"\s(?:and|but)\s+(?:if|when|he|she|they|it|we|then)\b"
)


class ClaimCueFinder:
    """Looks for the cues only claims read, one document at a time: the cue words and attitude
    phrases are found in one pass over the text, then taken sentence by sentence."""

    def __init__(self, an: Analysis):
        self.an = an
        self.words = list(_WORD_RE.finditer(an.masked))
        self.word_starts = [m.start() for m in self.words]
        hits = (self._unsourced_cue(m) for m in self.words if m.group() in _UNSOURCED_WORDS)
        self.unsourced = [h for h in hits if h is not None]
        self.unsourced_starts = [m.start() for m, _ in self.unsourced]

    def _unsourced_cue(self, m: re.Match) -> tuple[re.Match, int] | None:
        """A word of `_WORD_RE` that cues a claim with no source, and where its cue starts: "asked",
        or a participle after "be" and before "to"/"as" ("is widely expected to")."""
        word = m.group()
        if word in _ASKED or word in _HEARSAY:
            return m, m.start()
        if word in _KNOWN:
            return (m, m.start()) if _AS_AFTER.match(self.an.masked, m.end()) else None
        if word in _LOOKS:
            return None if _NOT_AN_IMPRESSION.match(self.an.masked, m.end()) else (m, m.start())
        after = _TO_AFTER if word == "expected" else _BLAME_AFTER if word in _BLAMED else _TO_AS_AFTER
        if not after.match(self.an.masked, m.end()):
            return None
        be = _BE_BEFORE.search(self.an.masked, max(0, m.start() - 40), m.start())
        return (m, be.start()) if be else None

    def claims(self, sent: Sentence) -> list[tuple[Cue, tuple[int, int]]]:
        """Claims of `sent` whose content this module bounds itself, as (cue, content span): those
        that name no source ("The breach is expected to cost millions": a cue with no speaker; its
        subject and what follows the cue are two contents, as PolNeAR has them) and a paragraph
        opened by its speaker and a colon."""
        out = self._speaker_line(sent) if sent.start == self.an.paras[sent.para][0] else []
        masked = self.an.masked
        k = bisect.bisect_left(self.unsourced_starts, sent.start)
        while k < len(self.unsourced) and self.unsourced_starts[k] < sent.end:
            m, vs = self.unsourced[k]
            k += 1
            start = m.end() + 1
            if m.group() in _KNOWN:
                start = _AS_AFTER.match(masked, m.end()).end()  # the name after "known as"
            if m.group() in _ASKED:
                lead = _ASKED_LEAD.search(masked, max(sent.start, vs - 40), vs)
                if lead is None and masked[sent.start : vs].strip():
                    continue  # "Trump asked …": a question with its asker, or an object ("was asked")
                vs = lead.start() if lead else vs
            brk = _UNSOURCED_END.search(masked, start, sent.end)  # "Asked about X, she said …"
            end = trim_end(self.an.text, start, brk.start() if brk else sent.end)
            if end - start > 3:
                cue = Cue(vs, m.end(), m.end(), None, None, "pre", False)
                if m.group() not in _ASKED and masked[sent.start : vs].strip():
                    # "The sale is expected to close": what is expected of is claimed too
                    sp = subject_before(masked, sent.start, vs)
                    if m.group() in _LOOKS and (sp is None or _possessed_noun(masked, sp, m.group())):
                        continue  # "his good looks": a noun
                    if sp is not None and masked[sp[0] : sp[1]].lower() not in ("it", "there"):
                        out.append((cue, sp))
                out.append((cue, (start, end)))
        return out

    def _speaker_line(self, sent: Sentence) -> list[tuple[Cue, tuple[int, int]]]:
        an = self.an
        plo, phi = an.paras[sent.para]
        m = _SPEAKER_LINE.match(an.masked, plo, phi)
        if m is None or m.group("who").split()[0].lower() in _LABELS:
            return []
        end = trim_end(an.text, m.end(), sent.end)
        if end - m.end() < 8 or _NAME_LIST.match(an.masked, m.end(), end):
            return []  # "Iowa: Ann Lee, Bo Ray, …": a list of names
        ps, pe = m.span("who")
        cue = Cue(pe, pe + 1, pe + 1, ps, pe, "colon", True)
        cue.resolution = an.registry.resolve(ps, pe)
        return [(cue, (m.end(), end))]

    def worth_a_look(self, sent: Sentence) -> bool:
        """Has the sentence a cue word that could be one the analysis left, or could it be a
        headline in title case? (Keeps what that takes for `cues`.)"""
        ss, se = sent.start, sent.end
        plo, phi = self.an.paras[sent.para]
        self._headline = ss == plo and se >= phi - 2 and se - ss < 160  # one short sentence
        k = bisect.bisect_left(self.word_starts, ss)
        cands = []
        masked = self.an.masked
        while k < len(self.words) and self.word_starts[k] < se:
            m = self.words[k]
            k += 1
            vs = m.start()
            if vs == ss or any(c.start == vs for c in sent.cues):
                continue
            word = m.group()
            if word in _UNSOURCED_ONLY:
                continue
            if word in _GERUNDS:
                if masked[vs - 2 : vs] == ", ":
                    cands.append(m)
            elif word in _ATT_WORDS or _worth(masked, ss, vs, word):
                cands.append(m)
        self._cands = cands
        return bool(cands) or self._headline

    def cues(self, sent: Sentence, gaps: list[tuple[int, int]]) -> list[Cue]:
        """Cues of `sent` beside the analysis's own (`sent.cues`), in the `gaps` of the sentence that
        no claim covers yet (after `worth_a_look`)."""
        an = self.an
        masked = an.masked
        ss, se = sent.start, sent.end
        found: list[Cue] = []
        title = self._headline and _title_case(masked[ss:se])
        taken = {c.start for c in sent.cues}
        for lo, hi in gaps:
            if title:
                # a headline in title case: its verbs are capitalised too ("Glenn Beck Says Trump …")
                matches = [m for m in _TITLE_RE.finditer(masked, lo, hi) if m.start() not in taken]
            else:
                matches = [m for m in self._cands if lo <= m.start() and m.end() <= hi]
            for m in matches:
                vs, ve = m.span()
                if vs == ss:
                    continue
                word = m.group().lower()
                if word in _GERUNDS:
                    cue = _participle_cue(an, sent, vs, ve) if not title else None
                    if cue is not None:
                        found.append(cue)
                    continue
                if word in _ATT_WORDS:
                    # "has been critical of", "was an early backer of": "be" a little before the word
                    for am in _ATTITUDE_RE.finditer(masked, max(lo, vs - 70), min(hi, ve + 12)):
                        if am.start("adj" if am.group("adj") else "noun") == vs:
                            cue = _attitude_cue(an, sent, lo, am)
                            if cue is not None:
                                found.append(cue)
                    if word not in _LOWER:
                        continue
                cue = _cue_at(an, ss, se, vs, ve, word)
                if cue is not None:
                    found.append(cue)
        return found


def _possessed_noun(masked: str, sp: tuple[int, int], word: str) -> bool:
    """"His good looks": a form in "-s" after a possessive is a noun, not a verb."""
    return word.endswith("s") and masked[sp[0] : sp[1]].split()[0].lower() in POSSESSIVES


def _worth(masked: str, ss: int, vs: int, low: str) -> bool:
    """The cheap checks of `_cue_at`: not after a determiner or preposition, and not a plain "subject
    verb" the analysis has judged already (unless the verb is ambiguous or noun-like)."""
    sp_ = masked.rfind(" ", max(ss, vs - 30), vs - 1)
    prev = masked[sp_ + 1 : vs].strip().lower()
    if prev in _NEVER_BEFORE:
        return False  # "the report", "to say", "in denouncing": not a verb with its subject
    if low in ALL_CUE_FORMS and not is_ambiguous(low) and low not in _NOUN_LIKE \
            and prev not in _AUX and prev not in _RELATIVE and not prev.endswith(("ly", ",", "—", "--", ")", "–")) \
            and not _CLITIC.fullmatch(prev):
        return False  # "X criticized": the analysis looked for this subject the same way already
    return True


def _attitude_cue(an: Analysis, sent: Sentence, lo: int, m: re.Match) -> Cue | None:
    """"Graham has been critical of Trump", "Some Clinton backers are concerned that …", "Grijalva
    was an early backer of Sanders": a position held, the subject before "be" its holder."""
    masked = an.masked
    vs = m.start()
    toks = _tokens(masked, max(sent.start, vs - 70), vs)
    i = len(toks) - 1
    while i >= 0 and (toks[i][2].lower() in _AUX or toks[i][2].lower() in ("has", "have", "had")):
        i -= 1
    if i < 0:
        return None
    sp = subject_before(masked, max(sent.start, lo - 200), toks[i][1])
    if sp is None:
        return None
    subj = masked[sp[0] : sp[1]]
    if subj.lower() in ("it", "there", "this", "that", "which", "what") or subj.endswith(("'s", "’s")):
        return None
    if subj.lower() == "who":
        sp = _antecedent(masked, sent.start, sp[0])
        if sp is None:
            return None
    start = m.start("adj") if m.group("adj") else m.start("noun")
    cue = Cue(start, m.end(), m.end(), sp[0], sp[1], "pre", False)
    cue.resolution = an.registry.resolve(sp[0], sp[1])
    return cue


def _participle_cue(an: Analysis, sent: Sentence, vs: int, ve: int) -> Cue | None:
    """", calling the breach 'a failure'": the subject of the sentence takes the stance."""
    sp = sentence_subject(an.masked, sent.start, vs - 2)
    if sp is None:
        return None
    cue = Cue(vs, ve, ve, sp[0], sp[1], "ger", False)
    cue.resolution = an.registry.resolve(sp[0], sp[1])
    return cue


def _title_case(seg: str) -> bool:
    words = seg.split()
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 0.7 * len(words)


def _cue_at(an: Analysis, ss: int, se: int, vs: int, ve: int, low: str) -> Cue | None:
    masked = an.masked
    if masked[vs].islower() and not _worth(masked, ss, vs, low):
        return None
    lo = max(ss, masked.rfind("\x01", ss, vs) + 1)
    toks = _tokens(masked, max(lo, vs - 70), vs)
    i = len(toks) - 1
    aux = 0
    clitic_end = None
    while i >= 0:
        w = toks[i][2].lower()
        if w in _BE:
            return None  # passive or copula: "is expected", "was asked"
        if w in _AUX or (w.endswith("ly") and w.isalpha() and len(w) > 4 and w not in ("only", "family")):
            aux += 1
            i -= 1
            continue
        cm = _CLITIC.fullmatch(toks[i][2])
        if cm and aux == 0 and not low.endswith(("ing", "ed")) and toks[i][2][-1] in "sS":
            return None  # "Trump's attacks": a noun after a possessive
        if cm and (toks[i][2][-1].lower() != "s" or low.endswith(("ing", "ed", "en", "wn"))):
            # "she'll likely want", "He’s aiming", "we'd like"
            clitic_end = toks[i][0] + len(cm.group("subj"))
            aux += 1
        break
    if i < 0:
        return None
    if aux == 0 and clitic_end is None and low in SPEECH_FORMS and not is_ambiguous(low) \
            and masked[vs].islower() and not toks[i][2].endswith((",", "—", "--", ")", "–")) \
            and toks[i][2].lower() not in _RELATIVE:
        return None  # "X said": the analysis looked for this subject the same way already
    if clitic_end is not None:
        sp = subject_before(masked, lo, clitic_end)
        if sp is not None:
            sp = (sp[0], clitic_end)
    else:
        if toks[i][2].lower() == "to":
            return None
        if aux == 0 and toks[i][2].lower() in DETERMINERS | POSSESSIVES:
            return None
        sp = subject_before(masked, lo, toks[i][1])
        if sp is None and toks[i][2].endswith((",", "—", "--", ")", "–")) and low in SPEECH_FORMS:
            # "Lindsey Graham, who has endorsed Cruz despite …, said Thursday that …": the subject
            # opens the clause and everything up to the verb is about it
            sp = sentence_subject(masked, lo, vs)
            if sp is not None and not _SUBJECT_TAIL.match(masked, sp[1], vs):
                sp = None
    if sp is None:
        return None
    subj = masked[sp[0] : sp[1]]
    if subj.lower() in _RELATIVE:
        if subj.lower() != "who" and aux == 0 and not (
                low in SPEECH_FORMS and masked[ve : ve + 6].lstrip().lower().startswith("that ")):
            return None
        sp = _antecedent(masked, lo, sp[0])
        if sp is None:
            return None
        subj = masked[sp[0] : sp[1]]
    if subj.endswith(("'s", "’s")) or not subj.strip():
        return None
    last = subj.split()[-1]
    first = subj.split()[0]
    if first.lower() in DETERMINERS and len(subj.split()) == 1 and first.lower() not in ("some", "many", "most",
                                                                                          "several", "few"):
        return None
    named = last[:1].isupper() or last.lower() in PRONOUNS
    if (low in _NOUN_LIKE or is_ambiguous(low)) and not (named or aux):
        return None
    if masked[sp[1] : vs].count(",") and not masked[sp[1] : vs].strip(" ,").lower().split()[0:1] == ["who"]:
        if aux == 0:
            return None
    cue = Cue(vs, ve, ve, sp[0], sp[1], "pre", False)
    cue.resolution = an.registry.resolve(sp[0], sp[1])
    return cue


_SUBJECT_TAIL = re.compile(r"\s*(?:,|—|–|--|\(|(?:who|whose|in|of|from|at|for|with)\b)")


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    out = []
    pos = lo
    for w in text[lo:hi].split():
        a = text.index(w, pos, hi)
        pos = a + len(w)
        out.append((a, pos, w))
    return out


def _antecedent(masked: str, lo: int, rel: int) -> tuple[int, int] | None:
    """"the woman, who …" / "voters who …" -> the noun phrase before the relative pronoun."""
    before = masked[lo:rel].rstrip()
    end = lo + len(before)
    if before.endswith(","):
        end -= 1
    if end <= lo:
        return None
    return subject_before(masked, lo, end)
