"""What extraction finds in a document's text: quotes, claims and figures.

All offsets are character offsets into the document text the extractor was given, so a caller can
highlight them in that same string, except for records with `aside` set: those were found in
`Document.asides[aside].text` (a caption or pull-quote) and their offsets index that string.
`None` means unknown.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

QUOTE_KINDS = ("full", "partial", "pull")


@dataclass
class Quote:
    """A direct quotation and who it is attributed to."""

    start: int
    end: int
    text: str
    speaker: str | None = None  # resolved name: "Mark Zuckerberg", "Cambridge Analytica", "A Messenger spokeswoman"
    speaker_start: int | None = None  # the mention that cues the quote ("He" in "He said:")
    speaker_end: int | None = None
    role: str | None = None  # "Chief Technology Officer"
    org: str | None = None  # "Facebook"
    cue: str | None = None  # "said in a statement", "wrote", "told reporters"
    kind: str = "full"  # one of QUOTE_KINDS; "pull" = repeat of a quoted passage without marks
    repeats: int | None = None  # for a pull-quote: index of the quote it repeats
    aside: int | None = None  # set when found in Document.asides[aside] rather than in the text

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Claim:
    """An attributed statement, direct (a quote) or indirect ("X said that …")."""

    start: int
    end: int
    text: str
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    cue: str | None = None
    direct: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Figure:
    """A number that counts or measures something, with its bounds and who claims it."""

    start: int
    end: int
    text: str
    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # "people", "users", "records", "GBP", "USD", "percent"
    qualifier: str | None = None  # "up to", "no more than", "about", "more than", "between"
    source: str | None = None
    aside: int | None = None  # set when found in Document.asides[aside] rather than in the text

    def to_dict(self) -> dict:
        return asdict(self)
