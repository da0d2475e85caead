"""Line-level rules for what is not article text in plain-text copy and page dumps.

HTML pages have tags to tell navigation from prose; text copy has only wording and shape, so these
rules look at both: prompts (newsletters, sharing, cookies), image credits, and short lines without
sentence punctuation (headings, related-story links, menus).
"""

from __future__ import annotations

import re

from corpus.bylines import byline_names

# "…cambridge analyticaGETTY", "… (Photo: REUTERS)", "Image copyright Reuters", "Photograph: Alamy"
_AGENCIES = r"GETTY(?: IMAGES)?|Getty Images|REUTERS|Reuters|AFP|AP|PA(?: WIRE)?|EPA|SHUTTERSTOCK|Shutterstock|ALAMY|Alamy|BLOOMBERG|Bloomberg|PA Media|Rex Features|REX"
CREDIT_LINE = re.compile(
    rf"(?:(?<=[a-z])|\s|^)(?:{_AGENCIES})\)?\s*$"
    r"|^\s*(?:Image|Photo|Picture|Photograph)(?: copyright| source| credit)?\s*:?\s+\S"
    r"|\((?:Photo|Image|Picture)(?: credit)?:\s*[^)]*\)\s*$",
)
CAPTION_LINE = re.compile(r"^\s*(?:Image caption|Caption)\s*:?\s+", re.I)
# Phrases anywhere in the line, or the whole line's opening. The lookahead lists the phrases' first
# letters: a case-blind search cannot skip ahead by itself, and trying every phrase at every
# position of a paragraph is slow.
PROMPT_LINE = re.compile(
    r"(?=[rsnfcwa])(?:receive (?:news )?notifications|sign up (?:for|to)|subscribe (?:to|for|now)|newsletter"
    r"|share (?:this|on)\b|follow us\b|click here|read more\b|we use cookies|cookie (?:policy|settings)"
    r"|accept (?:all )?cookies|all rights reserved)"
    r"|^(?:advertisement$|related (?:articles|stories|content)|(?:more|also) (?:on|from) |comments?\b"
    r"|\d+ comments?$)",
    re.I,
)
NEWSLETTER_OUTLET = re.compile(r"(?:notifications|newsletter|updates|news) from (?:the )?([A-Z][\w&.' -]{1,40}?)\s*\?\s*$")
BYLINE = re.compile(r"^\s*(?:By|BY|by)\s+([A-Z][^\n]{1,150})$")
SENTENCE_END = re.compile(r"[.!?:;\"'”’»)…]\s*$")


def credit_of(line: str) -> str | None:
    """The picture agency of an image credit line, or "" when the line is a credit without a name."""
    m = CREDIT_LINE.search(line)
    if not m:
        return None
    agency = re.search(rf"({_AGENCIES})\)?\s*$", line)
    return agency.group(1) if agency else ""


def is_prose(line: str, min_words: int = 6) -> bool:
    """A line that reads as a sentence: several words and sentence-final punctuation."""
    return len(line.split()) >= min_words and bool(SENTENCE_END.search(line))


def byline_authors(line: str) -> list[str] | None:
    """`By Alice Scarsi, World News Reporter` -> ["Alice Scarsi"]; None when the line is no byline.

    This decides whether a line is a byline; which of its words are people is `byline_names`'s rule.
    """
    if not BYLINE.match(line) or len(line.split()) > 16:
        return None
    return byline_names(line) or None
