"""One pass over a document shared by the quote and claim extractors.

Quoted passages are masked out (replaced by `\\x01`, keeping every offset) so that sentence splitting
and cue finding see the writer's own words only: `"To a point," he said. "He sort of …"` becomes
`▯▯▯ he said. ▯▯▯`, two sentences, the first holding the cue. A passage that ends a sentence inside
its marks keeps its final `.`/`?`/`!` in the mask so the sentence still ends there.

For every sentence the cues are found (speech or belief verb with the mention of its speaker,
"according to X", an introducing colon) and every speaker is resolved in text order, so that a later
"he" can refer to the people who have been speaking. The result is cached per text because ingest
calls both extractors on the same string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from corpus.cues import (
    ACCORDING_RE,
    ALL_CUE_FORMS,
    CLAIM_ONLY_FORMS,
    CUE_TAIL_RE,
    POSITION_FORMS,
    SPEECH_FORMS,
    TOLD_OBJECT_RE,
    is_ambiguous,
    is_gerund,
    trie_pattern,
)
from corpus.quote_marks import Passage, find_passages, paragraphs
from corpus.quote_phrases import phrase_after, subject_before
from corpus.sentences import sentence_spans
from corpus.speakers import ABBREV, FUNCTION_WORDS, PRONOUNS, Registry, Resolution

MASK = "\x01"
# Cue forms, "put it", and a speech verb opening a sentence ("Said Dorothy Poynter, …").
_CUE_RE = re.compile(
    r"(?<![\w'’-])(?:" + trie_pattern(ALL_CUE_FORMS) + r"|put(?= it\b)|"
    r"(?:Said|Says|Added|Asked|Wrote|Writes|Adds|Explained|Recalled|Noted|Stated|Declared|Continued|Replied|"
    r"Answered|Concluded|Tweeted|Argued)(?= [A-Z]))(?![\w'’-])"
)
_TERMINAL = ".!?"
_ONLY_PUNCT = re.compile(r"[\s,;:—–\-\x01]*")
_COORD = re.compile(r"\s(?:and|but)(?:\s+(?:then|also|later|again|repeatedly|quickly|\w+ly))?\s+$")
_BE = re.compile(r"\b(?:is|are|was|were|be|been|being)\b", re.IGNORECASE)
_NOT_SUBJECT_BEFORE = {"to", "the", "a", "an", "that", "this", "his", "her", "their", "its", "our"}


@dataclass
class Cue:
    """A reporting cue and the mention of who is reported."""

    start: int  # the cue phrase ("said in a statement", "according to")
    end: int
    verb_end: int
    speaker_start: int | None
    speaker_end: int | None
    mode: str  # "pre" (X said …), "post" (… X said), "inv" (… said X), "acc", "colon", "ger"
    speech: bool  # a speech verb (can frame a direct quote), not only a belief
    resolution: Resolution | None = None


@dataclass
class Sentence:
    start: int
    end: int
    para: int
    passages: list[int] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)


@dataclass
class Analysis:
    text: str
    masked: str
    paras: list[tuple[int, int]]
    passages: list[Passage]
    sentences: list[Sentence]
    registry: Registry

    def cue_text(self, cue: Cue) -> str:
        return self.text[cue.start : cue.end]


@lru_cache(maxsize=8)
def analyse(text: str) -> Analysis:
    paras = paragraphs(text)
    passages = find_passages(text, paras)
    masked = _mask(text, passages)
    registry = Registry(text, masked=masked)
    sentences: list[Sentence] = []
    pi = 0
    for para_i, (lo, hi) in enumerate(paras):
        for s, e in _join_titles(masked, lo, sentence_spans(masked[lo:hi])):
            sent = Sentence(lo + s, lo + e, para_i)
            while pi < len(passages) and passages[pi].start < sent.end:
                if passages[pi].start >= sent.start:
                    sent.passages.append(pi)
                pi += 1
            sentences.append(sent)
    registry.sentence_starts = [s.start for s in sentences]
    # verbs are written in lower case: "Hope Hicks said" has one cue, not two
    cue_words = list(_CUE_RE.finditer(masked))
    ci = 0
    for sent in sentences:
        while ci < len(cue_words) and cue_words[ci].start() < sent.start:
            ci += 1
        cj = ci
        while cj < len(cue_words) and cue_words[cj].start() < sent.end:
            cj += 1
        sent.cues = _find_cues(text, masked, sent, passages, cue_words[ci:cj])
        for cue in sent.cues:
            if cue.speaker_start is not None:
                cue.resolution = registry.resolve(cue.speaker_start, cue.speaker_end)
                registry.note_speaker(cue.speaker_start, cue.resolution)
    return Analysis(text, masked, paras, passages, sentences, registry)


def _join_titles(masked: str, lo: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences wrongly cut after a title or a name's initials ("said Del. | Stacey Plaskett",
    "Rep. G.K. | Butterfield"): joined again."""
    if len(spans) < 2:
        return spans
    out = [spans[0]]
    for s, e in spans[1:]:
        ps, pe = out[-1]
        if masked[lo + s : lo + s + 1].isupper() and _TITLE_END.search(masked, max(lo + ps, lo + pe - 24), lo + pe):
            out[-1] = (ps, e)
        else:
            out.append((s, e))
    return out


_TITLE_END = re.compile(rf"(?:(?<![\w.]){ABBREV}|(?:(?<![\w.]){ABBREV}|\b[A-Z][a-z]+)\s+(?:[A-Z]\.){{1,3}})$")


def _mask(text: str, passages: list[Passage]) -> str:
    parts = []
    pos = 0
    for p in passages:
        if p.single and any(q.start <= p.start < q.end for q in passages if not q.single):
            continue
        parts.append(text[pos : p.start])
        inner = text[p.inner_start : p.inner_end].rstrip(" \"'”’")
        tail = inner[-1:] if inner[-1:] in _TERMINAL else MASK
        parts.append(MASK * (p.end - p.start - 1) + tail)
        pos = p.end
    parts.append(text[pos:])
    return "".join(parts)


def _cue_end(masked: str, verb: str, verb_end: int, limit: int) -> int:
    """Extend a cue verb with its listener or setting: "told reporters", "said in a statement"."""
    end = verb_end
    if verb == "put":
        return verb_end + 3  # "as X put it"
    if verb.lower() in ("told", "tell", "tells", "telling"):
        m = TOLD_OBJECT_RE.match(masked, end, limit)
        if m:
            end = m.end()
    m = CUE_TAIL_RE.match(masked, end, limit)
    if m:
        end = m.end()
    return end


def _find_cues(text: str, masked: str, sent: Sentence, passages: list[Passage], words) -> list[Cue]:
    ss, se = sent.start, sent.end
    cues: list[Cue] = []
    bounds = [passages[i].end for i in sent.passages]
    # `"Why not?" Trump asked reporters.`: a sentence opening with the attribution of the quotation
    follows_quote = not sent.passages and ss >= 3 and masked[ss - 3 : ss - 1] in ("\x01?", "\x01!")
    cue_starts = [m.start() for m in words]
    for m in words:
        vs, ve = m.span()
        word = m.group()
        low = word.lower()
        speech = low in SPEECH_FORMS or low == "put"
        lo = max([b for b in bounds if b <= vs], default=ss)
        gap = masked[lo:vs]
        after_quote = lo > ss and MASK not in gap
        if word in _FRONTED:
            # "Said Dorothy Poynter, who grew up with Ali, “We were all so proud of him.”"
            if vs == ss:
                sp = phrase_after(masked, ve, se)
                if sp is not None:
                    cues.append(Cue(vs, ve, ve, sp[0], sp[1], "inv", True))
            continue
        if after_quote and _ONLY_PUNCT.fullmatch(gap):
            sp = phrase_after(masked, ve, se) if speech else None
            if sp is not None:
                # "…," said Jon Ralston / "…," says the company
                cues.append(Cue(vs, ve, ve, sp[0], sp[1], "inv", True))
            if sp is not None or not (speech and is_gerund(word)):
                continue
            # `needled the CNN "reporter," saying, "…"`: the participle's subject opens the sentence
        prev = masked[max(ss, vs - 12) : vs].split()
        prev_word = prev[-1].lower() if prev else ""
        if speech and prev and prev[-1].endswith(",") and vs - ss > 20 and low in _INVERTIBLE \
                and not (after_quote and _opening_passage(masked, ss, lo, passages, sent)):
            # "…, said Ms. Gil, with …": the speaker follows the verb (unless a name ends the clause
            # before it, "…, Vann R. Newkirk II, a writer, said on Twitter")
            sp = phrase_after(masked, ve, se)
            before_np = subject_before(masked, lo, vs)
            if sp is not None and (masked[sp[0]].isupper() or masked[sp[0] : sp[1]].split()[0].lower()
                                   in _DETERMINERS_START) and masked[sp[1] : sp[1] + 1] in (",", ".", "") \
                    and (before_np is None or not masked[before_np[0]].isupper()):
                cues.append(Cue(vs, ve, ve, sp[0], sp[1], "inv", True))
                continue
        if prev_word == "to" and speech and low in _BASE_SPEECH:
            # "went on to say, …", "wanted to tell them: …": the speaker is the clause's subject
            if _ONLY_PUNCT.match(masked, ve, se) and masked[ve : ve + 2].strip()[:1] in (",", ":", MASK):
                sp = _sentence_subject(masked, ss, vs)
                if sp is not None:
                    cues.append(Cue(vs, _cue_end(masked, word, ve, se), ve, sp[0], sp[1], "pre", True))
            continue
        if prev_word in _NOT_SUBJECT_BEFORE:
            continue  # "the report", "his post"
        if speech and is_gerund(word):
            # ", saying …", "released a statement saying": the speaker is the sentence's subject
            if prev_word in _PREPOSITIONS and not _GERUND_OK.match(masked, ve, se):
                continue  # "before cheering supporters": an adjective, not a report
            sp = _sentence_subject(masked, ss, vs) or subject_before(masked, lo, vs)
            if sp is not None:
                cues.append(Cue(vs, _cue_end(masked, word, ve, se), ve, sp[0], sp[1], "ger", True))
            continue
        sp = None
        if after_quote and _opening_passage(masked, ss, lo, passages, sent) \
                and not any(lo < c < vs for c in cue_starts):
            # "…," Harry Bond, 30, of Raleigh, who was polled, said: all between is the speaker
            sp = _post_subject(masked, lo, vs)
        coordinated = False
        if sp is None:
            if _COORD.search(masked, max(lo, vs - 40), vs):
                sp = _sentence_subject(masked, ss, vs)  # "… and later said": the clause's subject
                coordinated = True
            else:
                sp = subject_before(masked, lo, vs)
        if sp is not None and masked[sp[0] : sp[1]].lower() == "who":
            sp = _relative_antecedent(masked, lo, sp[0])
        if sp is None:
            continue
        post = (after_quote and _ONLY_PUNCT.fullmatch(masked[lo : sp[0]]) is not None
                and _opening_passage(masked, ss, lo, passages, sent)) or (
            follows_quote and sp[0] == ss and vs - ss < 60)
        if is_ambiguous(word) and not post and not _ambiguous_ok(masked, ve, se) \
                and not _SOURCE_NOUN.search(masked, sp[0], sp[1]):
            continue
        if is_ambiguous(word) and not post and ve >= se - 1 and _modified_noun(masked, ss, sp):
            continue  # "a heavily Democratic state.": a noun ending the sentence, not "…, he noted."
        if not coordinated and _BE.search(masked[sp[1] : vs]) and not low.endswith("ing"):
            continue  # passive: "are believed to", "was told"
        if (low in POSITION_FORMS or low in CLAIM_ONLY_FORMS) and not _position_subject(masked, sp, low):
            continue
        if masked[sp[1] - 2 : sp[1]] in ("'s", "’s") and sp[1] == vs - 1:
            continue  # "Trump's remarks": a noun after a possessive, not a verb
        cues.append(Cue(vs, _cue_end(masked, word, ve, se), ve, sp[0], sp[1], "post" if post else "pre", speech))
    seg = masked[ss:se]
    has_acc = "ccording to" in seg or "reported by" in seg or "words of" in seg
    for m in ACCORDING_RE.finditer(masked, ss, se) if has_acc else ():
        sp = phrase_after(masked, m.end(), se)
        if sp is not None:
            cues.append(Cue(m.start(), m.end() - 1, m.end() - 1, sp[0], sp[1], "acc", True))
    for i in sent.passages:
        p = passages[i]
        if any(c.end <= p.start and _ONLY_PUNCT.fullmatch(masked[c.end : p.start]) for c in cues):
            continue
        colon = _colon_cue(masked, ss, p.start, cues)
        if colon is not None:
            cues.append(colon)
        post = _verb_after(text, masked, p, se, cues) or _verb_name_after(text, masked, p, se, cues) \
            or _dash_credit(masked, p, se)
        if post is not None:
            cues.append(post)
    cues.sort(key=lambda c: c.start)
    return cues


# Documents and studies report findings with verbs that are ambiguous elsewhere ("a poll shows").
_SOURCE_NOUN = re.compile(
    r"\b(?:poll|polls|survey|surveys|study|studies|report|reports|analysis|data|research|document|documents|"
    r"memo|letter|statement|filing|audit|investigation|review|figures|records|numbers|estimate|estimates|"
    r"findings|paper|tally|count|census|index|model|forecast|projections)\b$"
)
_OPENING_TEXT = re.compile(r"[\s(\-—–]*(?:(?:and|but|or|so|then|yet|still)\b[\s,]*)?", re.IGNORECASE)


def _opening_passage(masked: str, ss: int, lo: int, passages: list[Passage], sent: Sentence) -> bool:
    """Is the passage ending at `lo` at the head of its sentence (or after a colon or another
    passage)? Only then do the words after it name its speaker (`"…," Harry Bond, 30, said`)."""
    for i in sent.passages:
        if passages[i].end == lo:
            before = masked[ss : passages[i].start]
            return _OPENING_TEXT.fullmatch(before) is not None or before.rstrip().endswith((":", MASK))
    return False


_NOUN_LIKE = {"call", "calls", "plan", "plans", "offer", "offers", "support", "attack", "attacks", "vote",
              "votes", "aim", "aims", "view", "views", "credit", "credits", "push", "signal", "signals",
              "question", "questions", "doubt", "doubts", "brand", "brands", "label", "labels", "challenge",
              "challenges", "request", "requests", "demand", "demands", "welcome", "pitch", "favor", "favour",
              "thanks", "back", "backs", "cite", "dispute", "disputes", "refer", "mention", "mentions", "praise", "blame", "want", "seek", "offered", "appear", "seem", "consider"}


def _position_subject(masked: str, sp: tuple[int, int], low: str) -> bool:
    """A position verb needs a real subject: not a possessive ("Trump's plan would …"), and for
    words that are often nouns ("the plan calls for"), a name or a pronoun."""
    subj = masked[sp[0] : sp[1]]
    if subj.endswith(("'s", "’s")):
        return False
    if low in _NOUN_LIKE:
        last = subj.split()[-1]
        return last[:1].isupper() or last.lower() in PRONOUNS
    return True


# What follows a participle that reports: punctuation, "that", a quotation, a clause ("saying he
# would …"), or a listener and then one of those ("telling reporters: …").
_GERUND_OK = re.compile(
    r"\s*(?:[,:\x01]|that\b|(?:he|she|they|it|we|I|you|there|his|her|their|its|the|a|an|this|these|"
    r"[A-Z][\w.'’-]*)\b|(?:[^\s,.;:\x01]+\s+){0,5}?[^\s,.;:\x01]+\s*[,:]\s*\x01)"
)
_PREPOSITIONS = {"before", "after", "of", "for", "with", "the", "a", "an", "by", "about", "from", "in", "on",
                 "at", "into", "his", "her", "their", "its", "our", "and"}
# Verbs that come before their subject after a clause ("…, said Ms. Gil, with …"); "told" never does.
_INVERTIBLE = {"said", "says", "say", "added", "adds", "wrote", "writes", "asked", "asks", "explained", "noted",
               "recalled", "continued", "argued", "insisted", "warned", "replied", "responded", "stated"}
_FRONTED = {"Said", "Says", "Added", "Asked", "Wrote", "Writes", "Adds", "Explained", "Recalled", "Noted",
            "Stated", "Declared", "Continued", "Replied", "Answered", "Concluded", "Tweeted", "Argued"}
_BASE_SPEECH = {"say", "tell", "add", "write", "ask", "note", "explain", "argue", "reply", "respond",
                "answer", "declare", "announce", "state", "warn", "tweet", "joke", "recall", "admit",
                "put", "quote", "stress", "insist", "claim"}
_POST_HEAD = re.compile(r"[\s,;:\x01—–-]*")
_PREP_CUT = re.compile(r",\s|\s(?:who|which|whose|for|at|from|with|in|on|about)\s|\sof\s(?=the\s|a\s|an\s|[a-z])")


def _post_subject(masked: str, lo: int, vs: int) -> tuple[int, int] | None:
    """The subject between a quotation and its verb: `"…," a spokesman for committee Democrats said`."""
    m = _POST_HEAD.match(masked, lo, vs)
    start = m.end()
    end = vs
    while end > start and masked[end - 1] in " ,\xa0":
        end -= 1
    chunk = masked[start:end]
    if not chunk or len(chunk.split()) > 30 or chunk[0] in "([":
        return None
    first = chunk.split()[0]
    if not (first[0].isupper() or first.lower() in PRONOUNS or first.lower() in _DETERMINERS_START):
        return None
    head = chunk.split(",")[0].split()
    if any(w.islower() and (w in FUNCTION_WORDS or (w.endswith("ed") and w not in _ED_NOUNS)) for w in head[1:]):
        return None  # "Trump attacked Clinton, saying": a clause, not a subject
    # the adverbs in "…," she also said / she said later are not part of the speaker
    words = chunk.split()
    while len(words) > 1 and words[-1].lower() in _TRAILING_ADVERBS:
        words.pop()
        end = start + chunk.rfind(words[-1]) + len(words[-1])
        chunk = masked[start:end]
    return (start, end)


_ED_NOUNS = {"red", "bed", "need", "creed", "speed", "seed", "shed", "head", "bred", "fed", "deed", "united"}
_DETERMINERS_START = {"a", "an", "the", "one", "another", "two", "three", "several", "some", "many", "most",
                      "his", "her", "their", "its", "our", "my", "this", "that", "these", "those", "both"}
_TRAILING_ADVERBS = {"also", "later", "then", "now", "again", "once", "previously", "recently", "has", "had", "have",
                     "would", "will", "later,", "further", "simply", "quickly", "finally", "flatly", "even",
                     "only", "just", "still", "often", "always", "never", "not", "did", "does", "do",
                     "reportedly", "repeatedly", "initially", "earlier"}
_VERB_AFTER = re.compile(
    r"[\s,]*((?:[A-Z][\w.'’-]*|the|a|an|one|another|he|she|they|it|i|we)(?:\s+[\w.'’-]+){0,7}?)\s+"
    r"([a-z]+ed|[a-z]+s|shot|spoke|wrote|told|said|went|came|gave|took|made|sang|cried|shouted|"
    r"began|continued|insisted|quipped|joked)\b(?=[\s,.;:!?]|$)"
)


def _awaits_cue_after(text: str, masked: str, p: Passage, cues: list[Cue]) -> bool:
    """The quotation ends in a comma, "?" or "!" inside its marks and no cue already follows it."""
    end_char = text[p.inner_start : p.inner_end].rstrip()[-1:]
    if not end_char or end_char not in ",?!":
        return False
    return not any(c.start >= p.end and _ONLY_PUNCT.fullmatch(masked[p.end : min(c.start, c.speaker_start or c.start)])
                   for c in cues)


def _verb_after(text: str, masked: str, p: Passage, se: int, cues: list[Cue]) -> Cue | None:
    """`"…," the nominee riffed.` A quotation ending in a comma (or ?/!) inside its marks, then a
    subject and any verb: English puts the attribution there, whatever the verb."""
    if not _awaits_cue_after(text, masked, p, cues):
        return None
    m = _VERB_AFTER.match(masked, p.end, se)
    if m is None or MASK in m.group():
        return None
    verb = m.group(2)
    if verb.lower() in _NOT_VERBS:
        return None
    s0, s1 = m.span(1)
    return Cue(m.start(2), m.end(2), m.end(2), s0, s1, "post", True)


# `"This is fantastic!" beamed Donald Hartley`: a past-tense verb, then a capitalised name.
_VERB_NAME_AFTER = re.compile(
    r"[\s,]*([a-z]{3,}ed)\s+((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})(?=[\s,.;:!?]|$)"
)


def _verb_name_after(text: str, masked: str, p: Passage, se: int, cues: list[Cue]) -> Cue | None:
    """`"Is Obama profiling?" reacted Trump.`: after a quotation that ends in a comma, "?" or "!"
    inside its marks, any past-tense verb with a name after it attributes it."""
    if not _awaits_cue_after(text, masked, p, cues):
        return None
    m = _VERB_NAME_AFTER.match(masked, p.end, se)
    if m is None or MASK in m.group():
        return None
    return Cue(m.start(1), m.end(1), m.end(1), m.start(2), m.end(2), "inv", True)


_DASH_CREDIT = re.compile(r"\s*[―—–-][ \xa0]*([A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,3})(?=[.,\s]|$)")


def _dash_credit(masked: str, p: Passage, se: int) -> Cue | None:
    """`“Maybe, we can build a wall around Donald Trump.” ― Steve Quinlan`: a name after a dash."""
    m = _DASH_CREDIT.match(masked, p.end, se + 80)
    if m is None:
        return None
    return Cue(p.end, m.start(1), m.start(1), m.start(1), m.end(1), "post", True)


_NOT_VERBS = {"is", "was", "has", "does", "this", "his", "its", "as", "us", "news", "always", "says",
              "needs", "thus", "less", "unless", "yes", "series", "times", "years", "days", "was,"}


def _modified_noun(masked: str, ss: int, sp: tuple[int, int]) -> bool:
    """Is the "subject" before a sentence-final ambiguous word inside a longer phrase that word
    ends ("… in a heavily Democratic state.")? A speaker before a verb that ends its sentence opens
    its clause: "He noted.", "…, the company stated.", "and Smith noted."."""
    before = masked[max(ss, sp[0] - 30) : sp[0]].split()
    if not before:
        return False
    last = before[-1]
    return last.isalpha() and last.islower() and last not in ("and", "but", "so", "then", "yet", "or")


def _ambiguous_ok(masked: str, ve: int, se: int) -> bool:
    """A cue word that is often something else counts when it introduces words: colon, comma,
    "that", or a quotation right after, also after a short object ("asked the crowd, …")."""
    nxt = masked[ve : min(se, ve + 6)].lstrip()
    if nxt[:1] in (":", ",", MASK) or nxt.startswith(("that ", "in a", "on ")) or ve >= se - 1:
        return True
    if _COMPLEMENT.match(masked, ve, se):
        return True
    if _OBJECT_THEN_QUOTE.match(masked, ve, se) is not None:
        return True
    return _OBJECT_THEN_QUESTION.match(masked, ve, se) is not None


# "asked whether …", "asked Trump how …", "fear that …", "hope to …": a complement clause after the
# verb, directly or after a short object, makes it a report.
_COMPLEMENT = re.compile(
    r"\s+(?:(?:him|her|them|us|me|the\s+\w+|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+)?"
    r"(?:whether|if|how|what|why|who|when|where|to\s+[a-z])\b"
)


_OBJECT_THEN_QUOTE = re.compile(r"[^,:.;!?\x01]{1,60}[,:]\s*\x01")
# "asked the crowd "If …, why …?"": a quoted question right after a short object
_OBJECT_THEN_QUESTION = re.compile(r"\s+[^,:.;!?\x01]{1,40}\s\x01+\?")


def _relative_antecedent(masked: str, lo: int, who: int) -> tuple[int, int] | None:
    """"Smith, who said …" -> Smith."""
    before = masked[lo:who].rstrip()
    if before.endswith(","):
        return subject_before(masked, lo, lo + len(before) - 1)
    return None


_LOWER_ADVERBIAL = re.compile(
    r"(?:after|before|when|while|as|in|on|at|during|with|without|despite|following|amid|since|until|if|"
    r"although|though|because|once|unlike|like|for|from|under|over|through|by)[\s-]|[a-z]+ing\s"
)


_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:,[^—–\n]{0,30})?\s*(?:\([A-Za-z .]+\)\s*)?[—–]\s*")
_APPROX_COUNT = re.compile(r"\s*(?:about|around|nearly|some|roughly|almost|more than|at least|over)\s+(?=\d)",
                           re.IGNORECASE)
_BARE_CONJUNCTION = re.compile(r"(?:And|But|So|Yet|Or)(?:\s+then)?\s+(?=[A-Z])|Then\s+(?=[A-Z])")


def _sentence_subject(masked: str, ss: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase opening a sentence or clause, after any opening adverbial ("On Monday, ",
    "When Trump suggested …, "): the speaker of ", adding: …" or of "… and later said"."""
    pos = ss
    m = _DATELINE.match(masked, ss, limit)
    if m:
        pos = m.end()  # "WASHINGTON, Dec. 8 (UPI) — …"
    for i in range(4):
        head = masked[pos:limit]
        lead = head.lstrip()
        # after a first adverbial, one that goes on in lower case ("On Thursday, after remaining
        # neutral …, Warren …", "In a wide-ranging, in-prison interview …, Lazar …") is skipped too
        if not (_starts_adverbial(lead) or (i and _LOWER_ADVERBIAL.match(lead))):
            break
        conj = _BARE_CONJUNCTION.match(lead)
        if conj:
            pos += len(head) - len(lead) + conj.end()  # "And then Trump went …, saying": not an adverbial
            continue
        comma = head.find(", ")
        if not 0 < comma < 250 or MASK in head[:comma]:
            break
        pos += comma + 2
    m = _APPROX_COUNT.match(masked, pos, limit)
    if m:
        pos = m.end()  # "about 200 protesters": the count opens the subject
    sp = phrase_after(masked, pos, limit)
    if sp is None:
        return None
    word = masked[sp[0] : sp[1]]
    if not (word[:1].isupper() or word[:1].isdigit() or word.lower() in PRONOUNS
            or word.split()[0].lower() in _DETERMINERS_START):
        return None
    return sp


_ADVERBIAL_START = re.compile(
    r"(?:On|In|At|During|After|Before|Later|Earlier|Asked|Speaking|Meanwhile|However|But|And|Then|Last|"
    r"This|Yesterday|Today|Still|Instead|Separately|Previously|Since|When|While|Also|As|If|Although|"
    r"Though|Because|Despite|Until|Once|Given|Following|Addressing|Responding|Writing|Pressed|Reached|"
    r"Without|With|For|From|Under|Over|Like|Unlike|Now|Then|So|Yet|Still|Even|Far|Back|Here|There|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Outside|Inside|Elsewhere|Nearby|"
    r"Afterward|Afterwards|Overnight|Shortly|Soon|(?:Hours|Minutes|Days|Weeks|Months|Moments|Years) (?:later|earlier|ago)"
    r")\b"
)


def _starts_adverbial(head: str) -> bool:
    """An opening adverbial phrase or clause, or a participle phrase ("Appearing before …,")."""
    return _ADVERBIAL_START.match(head) is not None or _PARTICIPLE_START.match(head) is not None


_PARTICIPLE_START = re.compile(r"[A-Z][a-z]+(?:ing|ed)\s+(?!said|says|told)[a-z]")


def colon_cue(masked: str, ss: int, pstart: int) -> Cue | None:
    """The cue of a quotation introduced by a colon that ends the words from `ss` to `pstart`."""
    return _colon_cue(masked, ss, pstart, [])


def _colon_cue(masked: str, ss: int, pstart: int, cues: list[Cue]) -> Cue | None:
    """`When …, Rubio fired back forcefully: "…"` and `The board was conclusive in its findings: "…"`:
    the subject of the clause that ends with the colon introducing the quotation."""
    before = masked[ss:pstart].rstrip()
    if not before.endswith(":") or len(before.split()) > 40:
        return None
    colon = ss + len(before) - 1
    # the NP right before the colon if it names someone ("More from Jones:")
    sp = subject_before(masked, ss, colon)
    if sp is not None and sp[0] > ss and masked[sp[0]].isupper() and colon - sp[1] <= 1 \
            and not masked[sp[0] : sp[1]].lower().startswith(("the ", "a ")):
        return Cue(sp[1], colon, colon, sp[0], sp[1], "colon", True)
    clause = masked.rfind(",", ss, colon)
    starts = [ss]
    if clause >= 0 and not _starts_subordinate(masked, clause + 1, colon):
        starts.insert(0, clause + 1)
    for start in starts:
        sp = _sentence_subject(masked, start, colon)
        if sp is not None:
            return Cue(sp[1], colon, colon, sp[0], sp[1], "colon", True)
    return None


def _starts_subordinate(masked: str, pos: int, end: int) -> bool:
    m = re.match(r"\s*(\w+)", masked[pos:end])
    return bool(m) and m.group(1).lower() in ("which", "who", "and", "but", "that", "because", "as")
