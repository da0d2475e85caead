"""A browser-saved news page -> Document: the article body, its captions and pull-quotes, its metadata.

The body comes from trafilatura in precision mode (on the benchmark in `benchmarks/eval_html.py` it
beats its default mode, which lets more related-link and promo blocks through), with the default
and then recall modes as fallbacks for pages where precision mode keeps almost nothing, and a
Readability-style sibling step for bodies cut into several identical blocks. Captions and
pull-quotes are taken out of the tree first: they repeat or describe the article rather than belong
to its running text, but they carry figures and speakers, so they are kept as `Document.asides`.
"""

from __future__ import annotations

import logging
import re

import lxml.etree
import lxml.html
import trafilatura

from corpus.document import Aside, Document, LoadError, content_id, join_paragraphs
from corpus.metadata import clean_text, extract_metadata

MAX_CHARS = 50_000_000
MIN_WORDS = 10
MIN_BODY_CHARS = 200  # below this a precision-mode result is probably a fragment: try looser modes

_PARSER = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
# captions, and elements whose class or id mentions "pull" (checked precisely by _PULL_CLASS)
_ASIDE_XPATH = lxml.etree.XPath(
    ".//figcaption|.//*[contains(translate(concat(@class, ' ', @id), 'PUL', 'pul'), 'pul')]"
)
_NEVER_ASIDE = {"script", "style", "body", "article", "main", "section"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")  # lxml stops at these
_WORD = re.compile(r"\w+")
_PULL_CLASS = re.compile(r"pull[-_ ]?quote|pullout|pull[-_]out|quote[-_]?pull", re.IGNORECASE)
_CREDIT_CLASS = re.compile(r"credit|copyright|source|byline|photographer|attribution|courtesy", re.IGNORECASE)
_CITE_CLASS = re.compile(r"cite|credit|attribution|author|byline|source|name|speaker", re.IGNORECASE)
# "Photo: Jane Doe", "(AP Photo/John Roe)", "Image copyright Getty Images", "Credit: Reuters"
_CREDIT_TEXT = re.compile(
    r"(?:^|\s)\(?((?:[A-Z]{2,}\s)?(?:Photo|Photograph|Image|Picture|Credit|Source)s?(?:\s+credit)?\s*[:/]\s*"
    r"[^()]{2,80}?|Image copyright\s+[^()]{2,60}?)\)?\s*$"
)

# trafilatura logs a warning for every page it gives up on; here that becomes a LoadError instead
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def load_html(html: str, path: str) -> Document:
    """Parse one saved page; raises LoadError (only) when it has no article text."""
    try:
        doc_id = content_id(html.encode("utf-8", "surrogatepass"))
    except (AttributeError, UnicodeError):
        raise LoadError("not a text page") from None
    if len(html) > MAX_CHARS:
        raise LoadError(f"page too large ({len(html) // 1_000_000} M characters)")
    try:
        tree = parse_html(html)
        meta = extract_metadata(tree)
        asides = take_asides(tree)
        paragraphs = body_paragraphs(tree)
    except LoadError:
        raise
    except (RecursionError, MemoryError):
        raise LoadError("page too deeply nested or too large to parse") from None
    except Exception as exc:  # a malformed page must never crash a batch load
        raise LoadError(f"unreadable HTML ({type(exc).__name__})") from None
    if meta.title:  # the headline repeated at the top of the body (after a kicker such as "Press release")
        head = [i for i, para in enumerate(paragraphs[:3]) if clean_text(para) == meta.title]
        if head:
            del paragraphs[head[0]]
    text, offsets = join_paragraphs(paragraphs)
    if len(_WORD.findall(text)) < MIN_WORDS and len(text) < 100:
        raise LoadError("no article text found")  # e.g. only a menu item survived
    return Document(
        id=doc_id,
        path=path,
        text=text,
        kind=meta.kind,
        title=meta.title,
        outlet=meta.outlet,
        authors=meta.authors,
        published=meta.published,
        url=meta.url,
        paragraphs=offsets,
        asides=asides,
    )


def parse_html(html: str):
    """An lxml.html tree of the whole page, tolerant of XML declarations and stray control bytes."""
    html = _CONTROL.sub("", html)
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    if not html.strip():
        raise LoadError("empty page")
    try:
        tree = lxml.html.document_fromstring(html, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):
        raise LoadError("not an HTML page") from None
    if tree is None or tree.find(".//body") is None and not len(tree):
        raise LoadError("not an HTML page")
    return tree


# ---------------------------------------------------------------- asides


def take_asides(tree) -> list[Aside]:
    """Remove pull-quotes and image captions from `tree` and return them in page order."""
    body = tree.find(".//body")
    if body is None:
        return []
    candidates = [
        el
        for el in _ASIDE_XPATH(body)
        if el.tag == "figcaption" or (el.tag not in _NEVER_ASIDE and _is_pull_quote(el))
    ]
    chosen = set(candidates)
    asides = []
    for element in candidates:
        if any(ancestor in chosen for ancestor in element.iterancestors()):
            continue  # a caption inside a pull-quote box, or a nested pull-quote class
        aside = _caption(element) if element.tag == "figcaption" else _pull_quote(element)
        if aside:
            asides.append(aside)
    for element in candidates:
        if element.getparent() is not None and not any(a in chosen for a in element.iterancestors()):
            element.drop_tree()
    return _dedupe_asides(asides)


def _is_pull_quote(element) -> bool:
    if not isinstance(element.tag, str):
        return False
    cls = (element.get("class") or "") + " " + (element.get("id") or "")
    return bool(_PULL_CLASS.search(cls)) and len(element.text_content()) < 1500


def _pull_quote(element) -> Aside | None:
    credit = None
    for node in element.iter("cite", "footer", "figcaption", "small", "span", "p", "div"):
        if node is element:
            continue
        own_class = _PULL_CLASS.sub("", node.get("class") or "")  # "pullquote__credit" -> "__credit"
        if node.tag in ("cite", "footer", "figcaption") or _CITE_CLASS.search(own_class):
            credit = clean_text(node.text_content()).lstrip("—–-― ").strip() or None
            if credit:
                break
    text = clean_text(_text_without(element, credit))
    if credit is None:  # "… rarely invented.” — Jane Doe, analyst"
        m = re.search(r"\s[—–―]\s*([^—–―“”\"]{3,120})$", text)
        if m:
            credit, text = m.group(1).strip(), text[: m.start()]
    text = text.strip("“”\"' ")
    if credit:
        credit = credit.strip("“”\"' ")
    return Aside(kind="pull-quote", text=text, credit=credit or None) if text else None


def _caption(element) -> Aside | None:
    credit = None
    for node in element.iter():
        if node is element or not isinstance(node.tag, str):
            continue
        if _CREDIT_CLASS.search((node.get("class") or "") + " " + (node.get("itemprop") or "")):
            credit = clean_text(node.text_content()) or None
            if credit:
                break
    text = clean_text(_text_without(element, credit))
    if credit is None:
        m = _CREDIT_TEXT.search(text)
        if m and m.start() > 0:
            credit = m.group(1).strip()
            text = text[: m.start()].strip()
    if credit:
        credit = re.sub(
            r"^(?:Photo|Photograph|Image|Picture)s?(?:\s+credit)?\s*[:/]\s*", "", credit, flags=re.I
        )
        credit = re.sub(r"^Image copyright\s+", "", credit, flags=re.I).strip(" ()") or None
    return Aside(kind="caption", text=text, credit=credit) if text else None


def _text_without(element, part: str | None) -> str:
    """The element's text with its credit line removed (credits are usually a trailing child)."""
    text = clean_text(element.text_content())
    if part:
        index = text.rfind(part)
        if index >= 0:
            text = (text[:index] + text[index + len(part) :]).strip(" —–-―")
    return text


def _dedupe_asides(asides: list[Aside]) -> list[Aside]:
    seen: set[tuple[str, str]] = set()
    out = []
    for aside in asides:
        key = (aside.kind, aside.text)
        if key not in seen:
            seen.add(key)
            out.append(aside)
    return out


# ---------------------------------------------------------------- body


def body_paragraphs(tree) -> list[str]:
    """The article's paragraphs, in order; trafilatura's lines are its paragraphs."""
    best = ""
    for mode in ({"favor_precision": True}, {}, {"favor_recall": True}):
        result = trafilatura.bare_extraction(
            tree, include_comments=False, include_tables=True, with_metadata=False, **mode
        )
        text = (result.text or "") if result is not None else ""
        if len(text) > len(best):
            best = text
        if len(best) >= MIN_BODY_CHARS:
            break
    paragraphs = [line.strip() for line in best.split("\n") if line.strip()]
    return merge_sibling_chunks(tree, paragraphs)


def merge_sibling_chunks(tree, paragraphs: list[str]) -> list[str]:
    """Add the paragraphs of sibling blocks built like the block the body was found in.

    Some CMSs cut one article into several identical containers with a pull-quote, an ad or a
    video between them; trafilatura then keeps only the first. Like Readability's sibling step,
    blocks with the same tag and class next to the chosen one are taken too, when they hold at
    least three substantial paragraphs and no headline of their own (an appended next article).
    """
    located = {}  # normalised paragraph text -> its <p> element
    order = {}
    for index, p in enumerate(tree.iter("p")):
        order[p] = index
        key = _squash(p.text_content())
        if len(key) > 30:
            located.setdefault(key, p)
    counts: dict = {}
    for text in paragraphs:
        p = located.get(_squash(text))
        if p is not None and p.getparent() is not None:
            counts[p.getparent()] = counts.get(p.getparent(), 0) + 1
    if not counts:
        return paragraphs
    taken = {_squash(text) for text in paragraphs}
    extra: list = []
    level = max(counts, key=counts.get)
    for _ in range(3):
        parent = level.getparent()
        if parent is None or level.tag in ("body", "html", "article", "main") or not level.get("class"):
            break
        for sibling in parent:
            if sibling is level or sibling.tag != level.tag or sibling.get("class") != level.get("class"):
                continue
            if sibling.find(".//h1") is not None:
                continue
            extra += [p for p in sibling.iter("p") if len(_squash(p.text_content())) > 30]
        extra = [p for p in extra if _squash(p.text_content()) not in taken]
        if extra:
            break
        level = parent
    if len(extra) < 3:
        return paragraphs
    placed = []
    position = -1
    for rank, text in enumerate(paragraphs):
        p = located.get(_squash(text))
        position = order.get(p, position)  # a line not found in the tree stays after its predecessor
        placed.append((position, 0, rank, text))
    placed += [(order[p], 1, 0, _squash(p.text_content())) for p in extra]
    placed.sort(key=lambda item: item[:3])
    return [item[3] for item in placed]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
