"""Article metadata from a parsed HTML page: title, outlet, authors, date, canonical URL, kind.

Pages state the same facts in several places that disagree in quality, so each field is read from
the sources in order of trust: JSON-LD (written for search engines, usually exact), then OpenGraph,
then other `<meta>` conventions (Dublin Core, Highwire `citation_*`, Parse.ly), then `<link>` and
`<time>` elements, and last the visible page (byline, `<h1>`, `<title>`). All functions take an
lxml.html tree (the root element; lxml because it is several times faster than BeautifulSoup on
multi-megabyte pages), never fetch anything and never raise on odd input.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlparse

import lxml.html

from corpus.bylines import byline_names, dedupe_names
from corpus.dates import date_from_url, parse_date

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "report",
    "scholarlyarticle",
    "techarticle",
    "pressrelease",
}
STATEMENT_TYPES = {"pressrelease"}
# Path segments (or their prefixes) and host prefixes that mark an organisation speaking for itself.
_STATEMENT_SEGMENT = re.compile(
    r"^(?:news-?room|press|press-?room|press-?releases?|press-?center|press-?centre|news-?releases?|"
    r"media-?releases?|media-?statements?|statement|media-?room|media-?cent(?:er|re)|news-and-events|"
    r"news-events|company-news|corporate-news|investor-relations|investor-news)$"
    r"|^(?:press-release|statement-(?:by|from|on|regarding|of))"
)
_STATEMENT_SECTION = re.compile(
    r"^(?:press|press releases?|news releases?|media releases?|newsroom|statements?|company news|"
    r"corporate news|announcements?)$",
    re.IGNORECASE,
)
_STATEMENT_HOSTS = re.compile(
    r"^(?:newsroom|press|investors?|ir)\.|(?:^|\.)(?:prnewswire|businesswire|globenewswire)\."
)
_NON_ARTICLE_OG = {
    "website",
    "profile",
    "video",
    "video.other",
    "video.movie",
    "product",
    "book",
    "music.song",
}

_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+|:\s+")


@dataclass
class PageMetadata:
    """What a page says about itself; every field may be missing."""

    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    url: str | None = None
    kind: str = "article"


def clean_text(value) -> str:
    """Collapse whitespace, decode entities and drop tags left in structured-data strings."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    value = htmllib.unescape(value)
    if "<" in value:
        value = re.sub(r"<[^>]{0,500}>", " ", value)
    return re.sub(r"\s+", " ", value).strip()


# ---------------------------------------------------------------- sources


def json_ld_objects(tree) -> list[dict]:
    """Every JSON-LD object on the page, with `@graph` arrays and top-level lists flattened."""
    objects: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        data = _load_json(script.text or "")
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list | dict):
                    stack.append(graph)
    return objects


def _load_json(raw: str):
    raw = raw.strip()
    raw = re.sub(r"^(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)", "", raw).strip()
    raw = re.sub(r"(?:-->|//\s*\]\]>|\]\]>)$", "", raw).strip()
    if not raw:
        return None
    try:
        return json.loads(raw, strict=False)
    except ValueError:
        pass
    # common breakage: trailing commas, and several objects pasted one after another
    fixed = re.sub(r",\s*([}\]])", r"\1", raw)
    try:
        return json.loads(fixed, strict=False)
    except ValueError:
        pass
    try:
        return json.loads("[" + re.sub(r"}\s*{", "},{", fixed) + "]", strict=False)
    except ValueError:
        return None


def _types(obj: dict) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).lower().rsplit("/", 1)[-1] for v in values if v}


def main_entity(objects: list[dict], page_url: str | None = None) -> dict | None:
    """The JSON-LD object describing the article itself.

    Pages also describe the related stories they link to, so when several objects are typed as
    articles the one whose url matches the page's own address wins, else the first one.
    """
    articles = [obj for obj in objects if _types(obj) & ARTICLE_TYPES]
    if len(articles) > 1 and page_url:
        wanted = _url_key(page_url)
        for obj in articles:
            main = obj.get("mainEntityOfPage")
            ids = [obj.get("url"), obj.get("@id"), main.get("@id") if isinstance(main, dict) else main]
            if any(isinstance(i, str) and _url_key(i) == wanted for i in ids):
                return obj
    if articles:
        return articles[0]
    for obj in objects:  # a WebPage that carries article fields is the next best thing
        if _types(obj) & {"webpage", "itempage"} and (obj.get("headline") or obj.get("datePublished")):
            return obj
    return None


def _url_key(url: str) -> str:
    parsed = urlparse(url.strip())
    return (parsed.hostname or "").removeprefix("www.") + parsed.path.rstrip("/")


def _resolve(value, objects: list[dict]):
    """Follow a `{"@id": ...}` reference to the full object in the same page's graph."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id"):
        for obj in objects:
            if obj is not value and obj.get("@id") == value["@id"] and len(obj) > len(value):
                return obj
    return value


def meta_values(tree) -> dict[str, list[str]]:
    """`<meta>` contents keyed by lower-cased name/property/itemprop, in page order."""
    values: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        content = clean_text(content)
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                values.setdefault(key.strip().lower(), []).append(content)
    return values


def _first(values: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        for value in values.get(key, ()):
            if value:
                return value
    return None


# ---------------------------------------------------------------- names


def _norm(value: str) -> str:
    value = re.sub(
        r"^\s*(?:the|@)\s*|\.(?:com|org|net|co\.uk|in|info|news)\s*$", "", value, flags=re.IGNORECASE
    )
    return re.sub(r"[\W_]+", "", value.lower())


_OUTLET_SUFFIXES = (
    *("", "news", "online", "com", "media", "magazine", "uk", "us", "international", "digital"),
    *("bureau", "staff", "desk", "newsdesk", "team", "newsroom", "editorial", "editors", "webdesk"),
)


def is_outlet_name(name: str, outlet: str | None, url: str | None = None) -> bool:
    """True when `name` is the outlet itself (its name, a short form of it, or its domain), not a person."""
    key = _norm(name)
    if not key:
        return False
    if outlet:
        other = _norm(outlet)
        short, long_ = sorted((key, other), key=len)
        if short and long_.startswith(short) and long_[len(short) :] in _OUTLET_SUFFIXES:
            return True
    if url:
        host = urlparse(url).hostname or ""
        labels = [label for label in host.split(".") if label not in ("www", "com", "co", "uk", "org", "net")]
        if any(_norm(label) == key for label in labels):
            return True
    return False


def split_byline(
    text: str, outlet: str | None = None, url: str | None = None, strict: bool = True
) -> list[str]:
    """People named in a byline (`bylines.byline_names`), less the outlet itself ("By Reuters Staff"
    on reuters.com), which only the page knows."""
    return [n for n in byline_names(clean_text(text), strict) if not is_outlet_name(n, outlet, url)]


# ---------------------------------------------------------------- fields


def _name_of(value) -> str:
    if isinstance(value, dict):
        return clean_text(value.get("name") or value.get("legalName") or "")
    if isinstance(value, list):
        return next((n for n in (_name_of(v) for v in value) if n), "")
    return clean_text(value) if isinstance(value, str) else ""


def find_outlet(tree, entity: dict | None, objects: list[dict], meta: dict[str, list[str]]) -> str | None:
    """The publisher's name: JSON-LD publisher, og:site_name, publisher-style meta tags, JSON-LD WebSite."""
    if entity:
        name = _name_of(_resolve(entity.get("publisher"), objects))
        if name:
            return name
    name = _first(
        meta, "og:site_name", "publisher", "dc.publisher", "dcterms.publisher", "citation_publisher",
        "citation_journal_title", "application-name", "al:ios:app_name",
    )  # fmt: skip
    if name:
        return name.lstrip("@") or None
    for obj in objects:
        if _types(obj) & {"website", "newsmediaorganization", "organization"}:
            name = _name_of(obj)
            if name:
                return name
    return None


def find_url(tree, entity: dict | None, meta: dict[str, list[str]]) -> str | None:
    """The page's own address: canonical link, og:url, JSON-LD url; absolute http(s) only."""
    candidates = []
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            candidates.append(link.get("href"))
    candidates.append(
        _first(meta, "og:url", "twitter:url", "parsely-link", "citation_public_url", "dc.identifier")
    )
    if entity:
        main = entity.get("mainEntityOfPage")
        candidates.append(entity.get("url") if isinstance(entity.get("url"), str) else None)
        candidates.append(
            main.get("@id") if isinstance(main, dict) else main if isinstance(main, str) else None
        )
    base = next((c for c in candidates if c and re.match(r"https?://", c.strip())), None)
    for candidate in candidates:
        if not candidate:
            continue
        candidate = clean_text(candidate)
        if not re.match(r"https?://", candidate) and base:
            candidate = urljoin(base.strip(), candidate)
        if re.match(r"https?://[^/\s]+", candidate):
            return candidate
    return None


def clean_title(title: str | None, outlet: str | None = None, url: str | None = None) -> str | None:
    """Drop an " | Outlet" / " - Outlet" suffix (or "Outlet: " prefix) when it names the outlet."""
    title = clean_text(title)
    if not title:
        return None
    changed = True
    while changed:
        changed = False
        parts = _TITLE_SEPARATORS.split(title)
        if len(parts) < 2:
            break
        seps = _TITLE_SEPARATORS.findall(title)
        if is_outlet_name(parts[-1], outlet, url):
            cut = title.rfind(seps[-1])
            title, changed = title[:cut].strip(), True
        elif is_outlet_name(parts[0], outlet, url):
            title, changed = title[title.find(seps[0]) + len(seps[0]) :].strip(), True
    return title or None


def find_title(tree, entity: dict | None, meta: dict[str, list[str]], outlet: str | None, url: str | None):
    """Headline: JSON-LD headline/name, og:title, title-like meta tags, `<title>`, first `<h1>`."""
    candidates = []
    if entity:
        candidates += [entity.get("headline"), entity.get("name")]
    candidates.append(
        _first(
            meta,
            "og:title",
            "twitter:title",
            "citation_title",
            "dc.title",
            "dcterms.title",
            "parsely-title",
            "title",
        )
    )
    title_el = tree.find(".//title")
    if title_el is not None:
        candidates.append(title_el.text_content())
    h1 = tree.find(".//h1")
    if h1 is not None:
        candidates.append(h1.text_content())
    for candidate in candidates:
        if isinstance(candidate, str):
            cleaned = clean_title(candidate, outlet, url)
            if cleaned:
                return cleaned
    return None


def find_authors(
    tree,
    entity: dict | None,
    objects: list[dict],
    meta: dict[str, list[str]],
    outlet: str | None,
    url: str | None,
) -> list[str]:
    """People who wrote the piece, from the most trusted source that names any."""
    if entity:
        raw = entity.get("author") or entity.get("creator")
        raw = raw if isinstance(raw, list) else [raw]
        names: list[str] = []
        for item in raw:
            name = _name_of(_resolve(item, objects))
            if name:
                names += split_byline(name, outlet, url, strict=False)
        if names:
            return names
    for key in ("article:author", "author", "citation_author", "dc.creator", "dcterms.creator", "parsely-author",
                "sailthru.author", "byl", "og:article:author"):  # fmt: skip
        names = []
        for value in meta.get(key, ()):
            names += split_byline(value, outlet, url, strict=False)
        if names:
            return dedupe_names(names)
    return visible_byline(tree, outlet, url)


_BYLINE_XPATH = (
    ".//*[@rel='author' or @itemprop='author' or contains(@class,'byline') or contains(@class,'Byline')"
    " or contains(@class,'author') or contains(@id,'byline')]"
)


def visible_byline(tree, outlet: str | None = None, url: str | None = None) -> list[str]:
    """Names in the printed byline ("By Jane Doe and John Roe"), when no structured data names them."""
    body = tree.find(".//body")
    if body is None:
        return []
    for element in body.xpath(_BYLINE_XPATH)[:30]:
        if element.tag in ("script", "style", "meta", "link"):
            continue
        name_el = element.find(".//*[@itemprop='name']")
        text = clean_text((name_el if name_el is not None else element).text_content())
        if not text or len(text) > 200:
            continue
        names = split_byline(text, outlet, url)
        if names:
            return names
    for element in body.iter("p", "div", "span", "address"):
        text = element.text_content()
        if len(text) < 150 and re.match(r"\s*By\s+[A-Z]", text):
            names = split_byline(text, outlet, url)
            if names:
                return names
    return []


def find_published(tree, entity: dict | None, meta: dict[str, list[str]], url: str | None) -> datetime | None:
    """Publication time: JSON-LD, article:published_time, date meta tags, `<time>`, a date in the URL."""
    candidates = []
    if entity:
        candidates += [entity.get("datePublished"), entity.get("dateCreated"), entity.get("uploadDate")]
    for key in ("article:published_time", "og:published_time", "og:article:published_time", "datepublished",
                "date", "pubdate", "publishdate", "publish-date", "publish_date", "published_time",
                "citation_publication_date", "citation_date", "citation_online_date", "dc.date.issued",
                "dc.date", "dcterms.issued", "dcterms.date", "dcterms.created", "parsely-pub-date",
                "sailthru.date", "article.published", "published-date", "originalpublicationdate",
                "displaydate", "article:modified_time", "og:updated_time", "datemodified"):  # fmt: skip
        candidates += meta.get(key, [])
    for candidate in candidates:
        if isinstance(candidate, str):
            parsed = parse_date(candidate)
            if parsed:
                return parsed
    times = tree.xpath(".//*[@itemprop='datePublished']|.//time[@datetime]|.//time[@pubdate]")
    for element in times:
        parsed = parse_date(element.get("datetime") or element.get("content") or element.text_content())
        if parsed:
            return parsed
    return date_from_url(url) if url else None


def find_kind(
    entity: dict | None, objects: list[dict], meta: dict[str, list[str]], url: str | None, published=None
) -> str:
    """Kind of page: "statement" for press releases and newsroom posts, "other" for non-articles."""
    if any(_types(obj) & STATEMENT_TYPES for obj in objects):
        return "statement"
    og_type = (_first(meta, "og:type") or "").lower()
    if "press" in og_type:
        return "statement"
    section = entity.get("articleSection") if entity else None
    sections = [*(section if isinstance(section, list) else [section]), *meta.get("article:section", [])]
    if any(isinstance(sec, str) and _STATEMENT_SECTION.match(clean_text(sec)) for sec in sections):
        return "statement"
    if url:
        parsed = urlparse(url)
        if _STATEMENT_HOSTS.search(parsed.hostname or ""):
            return "statement"
        if any(_STATEMENT_SEGMENT.match(seg.lower()) for seg in parsed.path.split("/") if seg):
            return "statement"
    if entity is None and published is None and og_type in _NON_ARTICLE_OG:
        return "other"
    return "article"


def extract_metadata(tree) -> PageMetadata:
    """All metadata fields of a parsed page (see the module docstring for the order of sources).

    `tree` is an lxml.html root; a BeautifulSoup document is accepted too (re-parsed with lxml).
    """
    if type(tree).__module__.startswith("bs4"):
        tree = lxml.html.document_fromstring(str(tree) or "<html></html>")
    objects = json_ld_objects(tree)
    meta = meta_values(tree)
    entity = main_entity(objects, find_url(tree, None, meta))
    outlet = find_outlet(tree, entity, objects, meta)
    url = find_url(tree, entity, meta)
    published = find_published(tree, entity, meta, url)
    return PageMetadata(
        title=find_title(tree, entity, meta, outlet, url),
        outlet=outlet,
        authors=find_authors(tree, entity, objects, meta, outlet, url),
        published=published,
        url=url,
        kind=find_kind(entity, objects, meta, url, published),
    )
