"""Reporting cues: the verbs and phrases that attribute words to someone ("said", "told reporters",
"according to").

Kept apart from the extractors because quotes and claims share them, and because the lists are
knowledge about English, not code: speech verbs can introduce a direct quotation ("X said: …");
cognition verbs ("believes", "thinks") and stance verbs ("criticized", "wants") only report a
position, which is enough for a claim.
"""

from __future__ import annotations

import re

# Speech verbs: can frame a direct quotation or indirect speech. Base forms; inflections are generated.
SPEECH_VERBS = (
    "say tell add write ask note explain argue reply respond answer declare announce state claim insist "
    "warn tweet post joke quip recall acknowledge admit concede complain confirm deny suggest emphasize "
    "emphasise stress observe remark comment testify allege assert maintain contend counter retort predict "
    "promise vow urge boast brag exclaim shout yell scream whisper mutter lament muse wonder report reveal "
    "disclose reiterate repeat proclaim pledge demand thunder opine posit question reason caution estimate "
    "elaborate recount charge chide scoff sneer complain concur agree disagree email text read continue "
    "conclude interject chime inform assure advise announce affirm aver blast slam mock fume rail gush "
    "cheer snap quote describe concede specify guarantee threaten order plead beg hint indicate imply "
    "point object protest acknowledge contest dispute retort rebut chant sing quip jab gripe grumble "
    "sigh laugh marvel recommend reassure acknowledge surmise theorize speculate muse relate recount "
    "acknowledge predict forecast clarify confide concede counsel declare interrupt intone murmur note "
    "plead pledge preach proclaim rage rant recall reflect reply rule shrug snarl sob summarize "
    "summarise tease trumpet volunteer wail whine write echo remember reminisce"
).split()

# Cognition verbs: report a belief, not words; only for indirect claims.
BELIEF_VERBS = (
    "think believe feel hope fear expect know worry doubt understand reckon guess assume suspect "
    "conclude find show calculate forecast project anticipate"
).split()

# Position verbs: the subject takes a stand on something (an indirect claim whose content is the
# verb's complement: "X criticized Y for Z", "X wants to …"); never the frame of a direct quote.
POSITION_VERBS = (
    "call accuse criticize criticise endorse praise defend reject support oppose want plan seem appear "
    "decline cite offer express propose vote refuse attack blame condemn dismiss challenge hail welcome "
    "applaud back favor favour push seek intend aim consider regard view describe label dub brand "
    "characterize characterise compare liken refer mention highlight emphasize acknowledge pitch tout "
    "slam lambast mock ridicule dispute denounce decry fault credit thank congratulate commend recognize "
    "recognise insist demand request invite encourage caution advocate champion embrace promote "
    "question doubt suggest signal indicate"
).split()

# Verbs that report what someone talks about, decides or perceives: claims only ("Rubio has talked
# about embedding troops", "he sees Cruz as a threat"), never the frame of a quotation.
CLAIM_ONLY_VERBS = "talk speak discuss address focus decide identify see regard deem learn hear realize".split()

# Verbs of stance that only the claims extractor reads (`corpus.claim_cues`): the shared analysis
# never sees them, so they cannot take a quotation from its speaker.
CLAIM_EXTRA_VERBS = (
    "tout extol disparage lambaste deride berate castigate excoriate assail rebuke scold chastise laud "
    "salute elect nominate prefer love hate dislike distrust admire accept ignore "
    "resist imagine envision oppose commend recognize acknowledge hammer portray invoke rip knock bash "
    "trash lampoon skewer spurn snub rebuff disavow repudiate renounce bemoan regret relish cherish"
).split()

# Adjectives of attitude after "be" ("Graham has been critical of Trump", "Some backers are concerned
# that …") and nouns of partisanship after "be a" ("was an early backer of Sanders"): the subject holds
# a position on what follows. Claims only.
ATTITUDE_ADJECTIVES = (
    "critical supportive skeptical sceptical wary mistrustful distrustful suspicious confident concerned "
    "worried afraid fearful hopeful optimistic pessimistic sure certain convinced aware unaware proud "
    "ashamed pleased displeased delighted disappointed frustrated angry furious upset outraged troubled "
    "alarmed eager reluctant determined opposed committed dismissive enamored enamoured appreciative "
    "grateful adamant insistent unequivocal receptive hostile sympathetic vocal outspoken doubtful "
    "unconvinced adamantly"
).split()
PARTISAN_NOUNS = (
    "supporter backer critic advocate opponent proponent champion fan defender skeptic sceptic ally foe "
    "detractor admirer booster endorser"
).split()

# Nouns that name what someone said, holds or wants; with a possessor they attribute what follows
# ("Trump's claim that …", "her call for …", "their opposition to …").
CLAIM_NOUNS = (
    "claim claims assertion assertions argument arguments belief beliefs criticism call calls demand "
    "demands promise promises pledge pledges vow vows proposal proposals plan plans warning warnings "
    "hope hopes accusation accusations allegation allegations suggestion insistence contention "
    "complaint complaints prediction predictions estimate denial opposition endorsement objection "
    "decision refusal support attack attacks critique critiques comments remarks view views position "
    "positions stance questions concerns doubts praise defense defence recommendation request requests "
    "threat threats acknowledgment acknowledgement admission"
).split()

_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "think": ("thinks", "thought", "thinking"),
    "feel": ("feels", "felt", "feeling"),
    "know": ("knows", "knew", "knowing", "known"),
    "read": ("reads", "read", "reading"),
    "find": ("finds", "found", "finding"),
    "show": ("shows", "showed", "showing", "shown"),
    "forecast": ("forecasts", "forecast", "forecasting"),
    "understand": ("understands", "understood", "understanding"),
    "swear": ("swears", "swore", "swearing", "sworn"),
    "speak": ("speaks", "spoke", "speaking"),
    "sing": ("sings", "sang", "singing", "sung"),
    "chide": ("chides", "chided", "chiding"),
    "seek": ("seeks", "sought", "seeking"),
    "see": ("sees", "saw", "seeing", "seen"),
    "hear": ("hears", "heard", "hearing"),
    "learn": ("learns", "learned", "learning", "learnt"),
}


def inflect(verb: str) -> tuple[str, ...]:
    """Base, third person, past and -ing forms of a regular or listed irregular English verb."""
    if verb in _IRREGULAR:
        return (verb, *_IRREGULAR[verb])
    if verb.endswith("e"):
        past, ing = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        past, ing = verb[:-1] + "ied", verb + "ing"
    elif verb in ("admit", "commit", "regret", "rebut", "snap", "chat", "plan", "quip", "jab", "rip", "drop",
                  "sob", "nag", "beg", "stop", "shrug", "snarl"):
        past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    return (verb, third, past, ing)


def _forms(verbs) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in verbs:
        for f in inflect(v):
            out.setdefault(f, v)
    return out


SPEECH_FORMS = _forms(SPEECH_VERBS)  # "said" -> "say"
BELIEF_FORMS = _forms(BELIEF_VERBS)
# Words that are cue forms but mostly mean something else when used as a noun or adjective.
_AMBIGUOUS = {"post", "posts", "text", "texts", "point", "points", "order", "orders", "question", "questions",
              "charge", "charges", "reason", "reasons", "read", "found", "show", "shows", "project", "projects",
              "quote", "quotes", "counter", "counters", "report", "reports", "comment", "comments", "answer",
              "answers", "continue", "continued", "object", "objects", "cheer", "cheers", "find", "finds",
              "know", "feel", "guess", "doubt", "state", "states", "stress", "email", "emails", "tweet",
              "tweets", "demand", "demands", "estimate", "estimates", "forecast", "forecasts", "promise",
              "promises", "fear", "fears", "hope", "hopes", "worry", "worries", "blast", "blasts", "snap",
              "plead", "threaten", "guarantee", "specify", "beg", "imply", "indicate", "indicated",
              "indicates", "hint", "contest", "protest",
              "dispute", "ask", "asked", "asks", "saying", "sing", "sings", "laugh", "laughs", "sigh",
              "sighs", "rule", "rules", "ruled", "relate", "reflect", "reflects", "volunteer", "trumpet",
              "rage", "rant", "note", "notes", "jab", "jabs", "counsel", "recommend", "laughed",
              "reads", "reading", "sighed", "ruling", "relates", "related", "reflected", "rages", "raged"}

# Participles and -ing forms mostly introduce a quote after the main clause (", adding: …").
_GERUNDS = {f for f, base in SPEECH_FORMS.items() if f.endswith("ing")}

POSITION_FORMS = {f: b for f, b in _forms(POSITION_VERBS).items() if f not in SPEECH_FORMS}
CLAIM_ONLY_FORMS = {f: b for f, b in _forms(CLAIM_ONLY_VERBS).items()
                    if f not in SPEECH_FORMS and f not in BELIEF_FORMS and f not in POSITION_FORMS}
ALL_CUE_FORMS = {**CLAIM_ONLY_FORMS, **POSITION_FORMS, **BELIEF_FORMS, **SPEECH_FORMS}
CLAIM_EXTRA_FORMS = {f: b for f, b in _forms(CLAIM_EXTRA_VERBS).items() if f not in ALL_CUE_FORMS}


def is_ambiguous(word: str) -> bool:
    """A cue form that is often a noun ("a post", "the report") or a plain verb ("asked for")."""
    return word.lower() in _AMBIGUOUS


def trie_pattern(words) -> str:
    """A regex alternation shaped as a trie, so the engine never backtracks through hundreds of
    alternatives (much faster than "said|says|…" for a long word list)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if end else body

    return build(trie)


ACCORDING_RE = re.compile(r"\b(?:[Aa]ccording to|as reported by|in the words of)\s+")

# Phrases that extend a cue verb: "said in a statement", "told reporters", "wrote on Twitter".
CUE_TAIL_RE = re.compile(
    r"\s+(?:(?:in|on|via|during|through|at)\s+(?:a|an|the|his|her|their|its|our|one)\s+"
    r"(?:(?:joint|written|prepared|brief|short|separate|televised|radio|phone|telephone|emailed|e-mailed|"
    r"recent|new|later|press|news|blog|video|radio|tv|television|facebook|twitter|exclusive|lengthy)\s+)*"
    r"(?:statement|interview|post|blog\s+post|email|e-mail|letter|tweet|message|speech|release|"
    r"conference|briefing|op-ed|column|memo|filing|report|note|video|call|appearance|address|"
    r"essay|posting|comment|remarks|session|hearing|announcement|broadcast|podcast|update)"
    r"|on\s+(?:Twitter|Facebook|Instagram|Medium|LinkedIn|television|TV|radio|air)"
    r"|to\s+(?:reporters|journalists|the\s+press|the\s+media|supporters|a\s+crowd|the\s+crowd|"
    r"the\s+audience|an\s+audience|the\s+BBC|CNN|Reuters|AP)"
    r")",
    re.IGNORECASE,
)
# The listener after "told": "told reporters", "told the BBC", "told Fox News's Sean Hannity".
TOLD_OBJECT_RE = re.compile(
    r"\s+(?:reporters|journalists|lawmakers|supporters|the\s+crowd|a\s+crowd|the\s+audience|an\s+audience|"
    r"the\s+committee|the\s+court|the\s+jury|me|us|him|her|them|you|"
    r"(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|the|for|and|&))*"
    r"(?:['’]s\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?)",
)


def is_gerund(word: str) -> bool:
    """A speech verb's -ing form (", saying …", ", adding: …")."""
    return word.lower() in _GERUNDS
