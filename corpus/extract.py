"""One call that finds everything in a document: quotes, claims, then figures attributed to them.

Order matters: claims need the quotes (a quote is a direct claim), and figures take their source
from the claim that contains them, falling back to the outlet that printed them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from corpus.claims import extract_claims
from corpus.document import Aside, Document
from corpus.extracted import Claim, Figure, Quote
from corpus.figures import extract_figures, figures_in_asides
from corpus.quotes import extract_quotes


@dataclass
class Extraction:
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "figures": [f.to_dict() for f in self.figures],
        }


def analyse_text(text: str, asides: Sequence[Aside] = (), default_source: str | None = None) -> Extraction:
    """Quotes, claims and figures of `text` (offsets index `text`; aside findings carry `aside`)."""
    quotes = extract_quotes(text, asides)
    claims = extract_claims(text, quotes)
    figures = extract_figures(text, claims, default_source)
    if asides:
        figures += figures_in_asides(asides, default_source, [_aside_claims(i, a, quotes) for i, a in enumerate(asides)])
    return Extraction(quotes, claims, figures)


def _aside_claims(i: int, aside: Aside, quotes: Sequence[Quote]) -> list[Claim]:
    """Who speaks in an aside: a pull-quote's speaker is its quote's; a caption says it itself
    ("Facebook said the data of up to 87m people…")."""
    for q in quotes:
        if q.aside == i and q.speaker:
            return [Claim(0, len(aside.text), aside.text, source=q.speaker, direct=True)]
    return extract_claims(aside.text)


def analyse(doc: Document) -> Extraction:
    return analyse_text(doc.text, doc.asides, doc.outlet)
