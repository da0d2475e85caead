"""Direct quotations and who said them, by rule: quote-mark pairing, reporting cues, name resolution.

A quoted passage is a quotation when a cue attributes it (`X said: "…"`, `"…," said X`,
`"…," X said, "…"`, `according to X`), or when it stands as a sentence of its own next to attributed
quotations: the rest of a multi-paragraph quotation, a new quoted paragraph right after someone's
quote, or the quote after a paragraph ending `He said:` all keep that speaker. A short quoted
phrase with no cue (a scare quote, a title) is not a quotation.

Kinds (PolNeAR's definitions): "full" when the quotation is the whole attributed content (the
sentence around it is only the attribution), "partial" when it is a fragment of it: quoted words
inside the writer's own sentence (`told reporters that the company "didn't do enough" to …`), or a
quotation that is one part of a longer content: words leading into it (`In past campaigns, "we
felt …," he said`), a clause of its own before its colon, the indirect speech it continues, another
part of the same attribution that is partial, or a headline excerpt in single marks. "pull" for a
pull-quote that repeats an earlier quotation (an `Aside` of kind "pull-quote", or a mark-less
paragraph in the text repeating a quotation, optionally followed by a short credit line).

Offsets: `start`/`end` include the quote marks (an unclosed passage ends at its paragraph's end);
`text` is the quoted words without the marks. `speaker_start`/`speaker_end` point at the mention
that cues the quotation (for a quotation that inherits its speaker, the mention that cued the one it
continues; for a pull-quote in the text, its credit line). A pull-quote from an aside has offsets
into the aside's text and `aside` set.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from corpus.cues import CLAIM_ONLY_FORMS
from corpus.document import Aside
from corpus.extracted import Quote
from corpus.quote_analysis import MASK, Analysis, Cue, Sentence, analyse, colon_cue
from corpus.quote_marks import SINGLE
from corpus.speakers import RUN_RE, Resolution, split_role

_ONLY_PUNCT = re.compile(r"[\s,;:—–\-\x01.!?()]*")
_GAP_OK = re.compile(r"\s*[,:—–-]?\s*(?:(?:and|but)\s+)?")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_PULL_MIN_CHARS = 30
_PULL_SCORE = 88


def extract_quotes(text: str, asides: Sequence[Aside] = ()) -> list[Quote]:
    """Every direct quotation in `text` (in order), then the pull-quotes among `asides`."""
    an = analyse(text)
    quotes: list[Quote] = []
    by_passage: dict[int, int] = {}  # passage index -> index in quotes
    cue_of: list[Cue | None] = []  # the cue of each quote, for quotes that inherit it
    last: tuple[Cue, int] | None = None  # cue of the last attributed quotation, its paragraph
    pending: tuple[Cue, int] | None = None  # "He said:" ending a paragraph
    reported: tuple[Cue, int] | None = None  # indirect speech in a sentence of its own, its index
    framed: set[int] = set()  # partial quotes right next to their cue
    for si, sent in enumerate(an.sentences):
        if not sent.passages:
            cue = _best_speech_cue(sent)
            colon = an.masked[sent.end - 1] == ":"
            if cue is None and colon:
                cue = colon_cue(an.masked, sent.start, sent.end)  # "Cruz called them on it:"
                if cue is not None:
                    cue.resolution = an.registry.resolve(cue.speaker_start, cue.speaker_end)
            if cue is not None and (colon or _ends_sentence(an, cue, sent)):
                pending = (cue, sent.para)  # "He said:" / "Sam Lau said in a statement." then a quote
            else:
                cue = _reporting_cue(an, sent)
                reported = (cue, si) if cue is not None else None
            continue
        for pi in sent.passages:
            p = an.passages[pi]
            words = len(_WORD.findall(text[p.inner_start : p.inner_end]))
            cue, kind, score = _attribute(an, sent, pi, words)
            if cue is None and kind is None:
                continue
            if cue is None:
                cue, inherited = _inherit(an, si, pi, by_passage, cue_of, last, pending, reported)
                if cue is None and (kind == "inherit" or (words < 3 and not p.continued)):
                    continue
                if kind == "inherit" and _CARRIED_ON.match(an.masked, p.end, sent.end):
                    # `"What are we going to do? That is the fight we're taking" to the rest of the
                    # country.`: the writer's words carry the quotation on, so it is a part
                    kind, score = "partial", 3.0
                else:
                    kind = inherited
                prev = by_passage.get(pi - 1)
                if p.continued and prev is not None and quotes[prev].kind == "partial":
                    kind = "partial"  # the rest of a quotation that began inside the writer's sentence
            q = _make_quote(an, pi, cue, kind)
            if kind == "partial" and score >= 2.5 and not _title(an, p):
                framed.add(len(quotes))  # not `told "Fox and Friends"`: a title names, quotes nothing
            by_passage[pi] = len(quotes)
            quotes.append(q)
            cue_of.append(cue)
            if cue is not None:
                last = (cue, p.para)
                _backfill(an, pi, by_passage, quotes, cue_of, cue)
            pending = None
    _share_partial(an, quotes, cue_of, framed)
    _headline_excerpts(an, quotes)
    quotes.extend(_pulls_in_text(an, quotes))
    for i, aside in enumerate(asides):
        if aside.kind == "pull-quote":
            quotes.append(_pull_from_aside(an, quotes, aside, i))
    return quotes


def _share_partial(an: Analysis, quotes: list[Quote], cue_of: list[Cue | None], framed: set[int]) -> None:
    """Quotations one cue attributes within a paragraph are one attributed content: when one of
    them is a fragment of the writer's sentence (`Sanders "has pole-vaulted …," Sroka said. "This
    movement …"`), the quotation is only part of what is reported, so each part is partial."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i, cue in enumerate(cue_of):
        if cue is not None:
            groups.setdefault((id(cue), _para_of(an, quotes[i].start)), []).append(i)
    for members in groups.values():
        if len(members) > 1 and any(i in framed for i in members):
            for i in members:
                quotes[i].kind = "partial"


def _headline_excerpts(an: Analysis, quotes: list[Quote]) -> None:
    """A quotation in single marks in a headline (`Reid: 'Never, ever underestimate Trump.'`, the
    headline convention) is an excerpt cut to fit, repeated or paraphrased in the article: partial,
    not the reported words in full. The headline (with any deck under it) is a short first paragraph."""
    if len(an.paras) < 2:
        return
    lo, hi = an.paras[0]
    if len(an.text[lo:hi].split()) > _HEADLINE_WORDS:
        return
    for q in quotes:
        if q.start < hi and an.text[q.start] in SINGLE:
            q.kind = "partial"


_HEADLINE_WORDS = 25


def _para_of(an: Analysis, pos: int) -> int:
    return bisect.bisect_right(an.paras, (pos, float("inf"))) - 1


def _ends_sentence(an: Analysis, cue: Cue, sent: Sentence) -> bool:
    """Is the cue the last thing in its sentence ("…, the director said in a statement.")?"""
    end = max(cue.end, cue.speaker_end or 0)
    return not an.masked[end : sent.end].strip(" .") and cue.mode == "pre"


# Writer's words that carry a quotation on: `"…" to the rest of the country`, `"…" because of …`.
_CARRIED_ON = re.compile(r"[\s,]*(?:to|of|for|in|on|at|with|from|about|until|because|before|after|than|and|but)\s+[a-z]")


def _reporting_cue(an: Analysis, sent: Sentence) -> Cue | None:
    """The last cue of indirect speech in a sentence ("Carter said that …")."""
    cues = [c for c in sent.cues if c.speaker_start is not None and c.mode in ("pre", "post", "inv", "ger", "acc")
            and an.text[c.start : c.verb_end].lower() not in CLAIM_ONLY_FORMS]
    return cues[-1] if cues else None



def _best_speech_cue(sent: Sentence) -> Cue | None:
    cues = [c for c in sent.cues if c.speech and c.speaker_start is not None]
    return cues[-1] if cues else None


def _attribute(an: Analysis, sent: Sentence, pi: int, words: int) -> tuple[Cue | None, str | None, float]:
    """The cue of passage `pi` in its own sentence, the quote kind and how closely the cue frames
    it (3 = adjacent); (None, "full", 0) for a passage that is a sentence of its own (attributed by
    context), (None, None, 0) for no quotation."""
    p = an.passages[pi]
    masked = an.masked
    best: tuple[float, int, Cue, str] | None = None
    for cue in sent.cues:
        if cue.speaker_start is None or an.text[cue.start : cue.verb_end].lower() in CLAIM_ONLY_FORMS:
            continue
        anchor = max(cue.end, cue.speaker_end) if cue.mode == "inv" else cue.end
        if anchor <= p.start:
            gap = masked[anchor : p.start]
            if _GAP_OK.fullmatch(gap):
                if not gap.strip() and words < 3 and cue.mode != "colon" \
                        and not (cue.speech and _utterance(an, p)):
                    continue  # `admits 'mistake'`: a quoted word as the object, not a quotation
                score, kind = 3.0, "full" if cue.speech or _whole_object(an, sent, p, gap, cue) else "partial"
                if not gap.strip() and cue.mode != "colon" and _continues(an, sent, p) \
                        and not (cue.speech and _utterance(an, p)):
                    kind = "partial"  # `said "the fear is as high as ever" in the establishment`
            elif MASK not in gap and gap.rstrip().endswith((",", ":")) and len(gap.split()) <= 25 \
                    and (not _CLAUSE.search(gap) or _RELATIVE.match(gap)):
                score, kind = 2.5, "full" if cue.speech else "partial"
                if len(_WORD.findall(gap)) >= 3 and _starts_lower(an, p) and not _split_or_as(an, sent, cue):
                    kind = "partial"  # `says no matter what … on gun control, "his word does not …"`
            else:
                if words < 2:
                    continue
                score, kind = 1.0, "partial"
            dist = p.start - anchor
        elif cue.start >= p.end or (cue.speaker_start is not None and cue.speaker_start >= p.end):
            first = min(cue.start, cue.speaker_start)
            gap = masked[p.end : first]
            if _introduces_next(masked, cue, p, sent):
                continue  # `…"less advanced schools," Trump said: "…"`: the cue is the next quotation's
            if _ONLY_PUNCT.fullmatch(gap):
                if cue.mode == "ger" and words < 3:
                    continue  # `mocked the "experts," saying …`: a scare quote, not what was said
                full = cue.speech and _opens(an, sent, p) and not _lead_in(an, sent, p)
                score, kind = 3.0, "full" if full else "partial"
            else:
                if words < 2 or cue.mode not in ("pre", "acc", "ger") or not cue.speech:
                    continue
                score, kind = 0.5, "partial"
            dist = first - p.end
        else:
            continue
        if kind == "full" and _embedded(an, sent, p):
            kind = "partial"
        if kind == "full" and cue.mode == "colon" and _content_before_colon(an, cue):
            kind = "partial"
        if kind == "full" and cue.end <= p.start and ":" not in an.masked[cue.end : p.start] \
                and _fronted_content(an, sent, cue, p):
            kind = "partial"
        cand = (score, cue.speech, -dist, cue, kind)
        if best is None or cand[:3] > best[:3]:
            best = cand
    if best is not None:
        return best[3], best[4], best[0]
    if _stands_alone(an, sent, p):
        return None, "full", 0.0
    if words >= 6 and _opens(an, sent, p) and an.text[p.inner_start : p.inner_start + 1].isupper():
        return None, "inherit", 0.0  # a quoted sentence the writer's words carry on from
    return None, None, 0.0


def _utterance(an: Analysis, p) -> bool:
    """Is the quoted text a complete utterance, closed by its own "!", "?" or "." inside the marks
    (`yelled "You lie!"`, `said "Thank you."`), rather than a word or name used as an object?"""
    inner = an.text[p.inner_start : p.inner_end].rstrip()
    return inner[-1:] in "!?." and inner[:1].isupper() and not p.single


def _split_or_as(an: Analysis, sent: Sentence, cue: Cue) -> bool:
    """Is the cue set inside a quotation split around it (`"…," he said at a rally, "but …"`) or
    an `as X put it` aside? Then the words after it are the speaker's, not the writer's."""
    before = an.masked[sent.start : min(cue.start, cue.speaker_start)]
    return MASK in before or re.search(r"\bas\s*$", before, re.IGNORECASE) is not None


def _starts_lower(an: Analysis, p) -> bool:
    """Does the quoted text begin in lower case (a fragment that goes on from the writer's words)?"""
    m = _FIRST_LETTER.search(an.text, p.inner_start, p.inner_end)
    return m is not None and m.group().islower()


_FIRST_LETTER = re.compile(r"[^\W\d_]")


def _fronted_content(an: Analysis, sent: Sentence, cue: Cue, p) -> bool:
    """Writer's words before a mid-sentence cue that the quotation after it continues (`An economic
    downturn, he said, "could be a good time to borrow …"`, lower case), or that belong to what is
    reported (`But, he added, "…"`, `Of Carson, Levine said, "…"`): the quotation is only part of it."""
    before = an.masked[sent.start : min(cue.start, cue.speaker_start)].strip()
    if not before.endswith(",") or MASK in before or cue.mode == "ger":
        return False  # `…, Ortiz wrote, telling them, "you …"`: a gerund's speaker opens a clause of its own
    if an.text[p.inner_start : p.inner_start + 1].islower() and "," in an.masked[cue.end : p.start]:
        return True  # not `In his tribute, Elliott said "there is …"`: the quotation is the verb's object
    return _CONTENT_LEAD.match(before) is not None


# Words before a mid-sentence cue that belong to what is reported: connectives ("But, he said, …"),
# topics ("Of Carson, Levine said, …", "As for …"), conditions ("If Sanders would debate …, de Blasio
# tweeted, …").
_CONTENT_LEAD = re.compile(
    r"(?:(?:But|And|Still|Instead|Yet|So|Indeed|Moreover|Of course|Otherwise|Ultimately|Overall|"
    r"Clearly|Obviously|Frankly|Honestly|Personally|Certainly|Surely|Perhaps|Maybe|Now|Then)\s*,$"
    r"|(?:Of|As for|As to|Regarding|Concerning|If|Unless|Based on|Given|Without|Like|Unlike)\s)"
)


def _content_before_colon(an: Analysis, cue: Cue) -> bool:
    """`Kaine has adopted the stance common among some Catholics in public office: "…"`: a clause
    that says something of its own before the colon makes the quotation one part of the content;
    `Rubio fired back forcefully: "…"` and `Reid delivered a blunt message to Trump: "…"` only
    introduce it."""
    pred = an.masked[cue.start : cue.end]
    return MASK in pred or _CONTENT_CLAUSE.search(pred) is not None


_CONTENT_CLAUSE = re.compile(r"\bthat\s|\b(?:said|says|say|told|tells|added|adds|believes?|believed|thinks?|thought|"
                             r"hoped?|hopes|argued?|argues|noted?|notes|suggested?|suggests|insisted|insists)\s+"
                             r"(?:he|she|they|it|we|I|you|this|the|his|her|their)\b")


def _whole_object(an: Analysis, sent: Sentence, p, gap: str, cue: Cue) -> bool:
    """`He offered "my thoughts and prayers for all of the victims' families."`: a quotation that is
    the whole object of a stance verb and ends its sentence is all that is reported."""
    if gap.strip() or an.masked[p.end : sent.end].strip(" \xa0.!?"):
        return False
    if any(c.end <= cue.start for c in sent.cues if c is not cue):
        return False  # `said he wants "…"`: the stance is part of someone's reported words
    head = an.masked[sent.start : cue.speaker_start].split()
    if head and head[-1].lower() in ("what", "which", "whom", "who", "that"):
        return False  # `what Gilbert called "a perception problem"`
    return not _title(an, p)


def _title(an: Analysis, p) -> bool:
    """Is the passage a title or name ("The Art of the Deal", "Fox and Friends") rather than words
    someone said: mostly capitalised words, not closed by its own sentence punctuation?"""
    inner = an.text[p.inner_start : p.inner_end]
    words = _WORD.findall(inner)
    caps = sum(w[:1].isupper() for w in words)
    return caps * 2 >= len(words) and inner.rstrip()[-1:] not in ".!?"


def _continues(an: Analysis, sent: Sentence, p) -> bool:
    """A passage right after its verb that the sentence goes on after (`said "the fear is as high
    as ever" in the establishment`) is only part of what is reported."""
    after = an.masked[p.end : sent.end].lstrip(" \xa0")
    return after[:1].islower()


def _embedded(an: Analysis, sent: Sentence, p) -> bool:
    """A passage preceded in its sentence by the writer's words that are not an attribution frame:
    `a "good news story"` is embedded; `He said, "…"` and a sentence-initial quotation are not."""
    before = an.masked[sent.start : p.start]
    if not before.strip() or before.rstrip().endswith((",", ":", MASK, "—", "–", "-")):
        return False
    return bool(re.search(r"\b(?:that|a|an|the|as|of|his|her|their|its|to|be|is|was|are|were)\s*$", before))


# In the words between a cue and a quotation, a new clause ("she would fight, …") makes it partial.
_CLAUSE = re.compile(r"\b(?:that|he|she|they|it|we|I|who|which|is|was|are|were|has|have|had|will|would)\b")
_RELATIVE = re.compile(r",?\s+(?:who|which)\s")  # "…, who grew up with Ali, “…”"
_OPENING = re.compile(r"[\s(\-—–]*(?:(?:and|but|or|so|then|yet|still)\b[\s,]*)?", re.IGNORECASE)


def _introduces_next(masked: str, cue: Cue, p, sent: Sentence) -> bool:
    """Does the cue after passage `p` end in a colon before another quotation (`… "less advanced
    schools," Trump said: "I don't like …"`)? Then it introduces that one, not `p`."""
    end = max(cue.end, cue.speaker_end or 0)
    return p.start < end and re.match(r"\s*:\s*\x01", masked[end : sent.end + 1]) is not None


def _lead_in(an: Analysis, sent: Sentence, p) -> bool:
    """Writer's words set off by a comma before a quotation whose cue follows it (`In past
    campaigns, "we felt that …," he said`): they are part of what is reported."""
    before = an.masked[sent.start : p.start].rstrip()
    if not before.endswith(",") or MASK in before:
        return False
    if any(c.end <= p.start for c in sent.cues) and not _starts_lower(an, p):
        return False  # `he warned, "…," Trump told NBC`: the words before are a cue of their own
    return bool(_OPENING.sub("", before, count=1).split())


def _opens(an: Analysis, sent: Sentence, p) -> bool:
    """Does the passage begin its sentence (or follow a colon or another quotation)? Then a cue after
    it makes it a full quotation; `He was always "charming …," Roffman said` is partial."""
    before = an.masked[sent.start : p.start]
    return _OPENING.fullmatch(before) is not None or before.rstrip().endswith((":", ",", "(", MASK, "-", "—", "–"))


def _stands_alone(an: Analysis, sent: Sentence, p) -> bool:
    """A passage whose sentence holds nothing but quotations and punctuation."""
    outside = an.masked[sent.start : sent.end]
    outside = outside.replace(MASK, "")
    if not _ONLY_PUNCT.fullmatch(outside):
        # a leading conjunction is allowed: `And "…"`
        return bool(re.fullmatch(r"[\s(]*(?:and|but|or|so|then)[\s,:—–\-.!?()]*", outside, re.I))
    return True


def _inherit(an: Analysis, si: int, pi: int, by_passage, cue_of, last, pending,
             reported) -> tuple[Cue | None, str]:
    """The cue a stand-alone quoted sentence takes from its neighbours, and the quote's kind: a
    quotation right after someone's indirect speech (`Carter said that … would not happen. "That's
    because …"`) goes on with what they are reported to say, so it is only part of it."""
    p = an.passages[pi]
    # an earlier attributed passage in the same paragraph
    for j in range(pi - 1, -1, -1):
        q = an.passages[j]
        if q.para != p.para:
            break
        k = by_passage.get(j)
        if k is not None and cue_of[k] is not None:
            return cue_of[k], "full"
    # the next sentence of the paragraph opens with "X said" (`"Why not?" Trump asked.`)
    if si + 1 < len(an.sentences):
        nxt = an.sentences[si + 1]
        if nxt.para == p.para:
            for cue in nxt.cues:
                if cue.speech and cue.speaker_start is not None and cue.mode in ("pre", "inv", "post") \
                        and not an.masked[nxt.start : cue.speaker_start].strip(" \x01,"):
                    return cue, "full"
    if p.continued and last is not None:
        return last[0], "full"
    if pending is not None and pending[1] in (p.para, p.para - 1):
        return pending[0], "full"
    if reported is not None and reported[1] == si - 1:
        return reported[0], "partial"
    if last is not None and p.para - last[1] <= 2:  # one paragraph of narration may intervene
        return last[0], "full"
    return None, "full"


def _backfill(an: Analysis, pi: int, by_passage, quotes, cue_of, cue: Cue) -> None:
    """A multi-paragraph quotation attributed at its end: give the speaker to its earlier parts."""
    j = pi
    while j > 0 and an.passages[j].continued:
        j -= 1
        k = by_passage.get(j)
        if k is None:
            break
        if cue_of[k] is None:
            _set_speaker(quotes[k], an, cue)
            cue_of[k] = cue


def _make_quote(an: Analysis, pi: int, cue: Cue | None, kind: str) -> Quote:
    p = an.passages[pi]
    q = Quote(p.start, p.end, an.text[p.inner_start : p.inner_end].strip(), kind=kind)
    if cue is not None:
        _set_speaker(q, an, cue)
    return q


def _set_speaker(q: Quote, an: Analysis, cue: Cue) -> None:
    res = cue.resolution or Resolution(an.text[cue.speaker_start : cue.speaker_end])
    q.speaker = res.name
    q.speaker_start, q.speaker_end = cue.speaker_start, cue.speaker_end
    q.role, q.org = res.role, res.org
    q.cue = an.text[cue.start : cue.end].strip()


# ---- pull-quotes ---------------------------------------------------------------------------------

def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _repeated(text: str, quotes: Sequence[Quote], bags: dict[int, set[str]] | None = None) -> int | None:
    """Index of the quotation `text` repeats (fuzzy, so that cuts and dashes do not matter)."""
    if len(text) < _PULL_MIN_CHARS:
        return None
    words = _words(text)
    need = 0.7 * len(words)
    best, best_i = 0.0, None
    for i, q in enumerate(quotes):
        if q.kind == "pull" or len(q.text) < _PULL_MIN_CHARS:
            continue
        bag = bags.get(i) if bags is not None else None
        if bag is None:
            bag = _words(q.text)
            if bags is not None:
                bags[i] = bag
        # cheap filter first: most words of a pull-quote are words of the quotation it repeats
        shared = len(words & bag)
        if shared < need:
            continue
        if shared >= 0.9 * len(words) and len(words) >= 6:
            score = 100.0  # an abridged repeat ("… people —mostly in the US— may …" cut short)
        else:
            score = fuzz.partial_ratio(text.lower(), q.text.lower())
        if score > best:
            best, best_i = score, i
    return best_i if best >= _PULL_SCORE else None


def _pulls_in_text(an: Analysis, quotes: list[Quote]) -> list[Quote]:
    """Paragraphs without quote marks that repeat a quotation (a pull-quote inlined in the text)."""
    if not quotes:
        return []
    text = an.text
    out = []
    marked = {p.para for p in an.passages}
    bags: dict[int, set[str]] = {}
    for i, (lo, hi) in enumerate(an.paras):
        if i in marked or hi - lo < _PULL_MIN_CHARS or hi - lo > 600:
            continue
        if lo < quotes[0].start:
            continue
        para = text[lo:hi]
        k = _repeated(para, [q for q in quotes if q.start < lo], bags)
        if k is None:
            continue
        src = quotes[k]
        pull = Quote(lo, hi, para, speaker=src.speaker, role=src.role, org=src.org, cue=None, kind="pull",
                     repeats=k)
        if i + 1 < len(an.paras):
            clo, chi = an.paras[i + 1]
            credit = text[clo:chi]
            if _is_credit(credit):
                pull.speaker_start, pull.speaker_end = clo, chi
                if pull.speaker is None:
                    _credit_speaker(pull, an, credit, clo)
        out.append(pull)
    return out


def _is_credit(line: str) -> bool:
    """A short by-line under a pull-quote: "Facebook's CTO Mike Schroepfer"."""
    words = line.split()
    if not 1 <= len(words) <= 10 or line.rstrip()[-1:] in ".!?\"”":
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= max(1, len(words) // 2) and RUN_RE.search(line) is not None


def _credit_speaker(q: Quote, an: Analysis, credit: str, offset: int | None) -> None:
    runs = [m.group() for m in RUN_RE.finditer(credit)]
    if not runs:
        return
    tokens = " ".join(runs).split()
    role, name, possessor = split_role(tokens)
    if not name:
        return
    pos = offset if offset is not None else len(an.text)
    res = an.registry.lookup_name(name, pos, None)
    q.speaker = res.name
    q.role = q.role or (" ".join(role) if role else res.role)
    q.org = q.org or (" ".join(possessor) if possessor else res.org)


def _pull_from_aside(an: Analysis, quotes: list[Quote], aside: Aside, index: int) -> Quote:
    body = aside.text.strip(" \"'“”‘’")
    k = _repeated(body, quotes)
    q = Quote(0, len(aside.text), body, kind="pull", repeats=k, aside=index)
    if k is not None:
        src = quotes[k]
        q.speaker, q.role, q.org = src.speaker, src.role, src.org
    if aside.credit:
        if q.speaker is None:
            _credit_speaker(q, an, aside.credit, None)
        else:
            probe = Quote(0, 0, "")
            _credit_speaker(probe, an, aside.credit, None)
            q.role = q.role or probe.role
            q.org = q.org or probe.org
    return q
