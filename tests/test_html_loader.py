"""HTML loader: body without boilerplate, asides, metadata; the benchmark scorer; real pages."""

from __future__ import annotations

import importlib.util
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from corpus.dates import parse_date
from corpus.document import LoadError, content_id
from corpus.loaders.html import load_html
from corpus.metadata import clean_title, is_outlet_name, split_byline

FIXTURES = Path(__file__).parent / "fixtures" / "html"
ROOT = Path(__file__).resolve().parents[1]


def _load_fixture(name: str):
    html = (FIXTURES / name).read_text(encoding="utf-8")
    return html, load_html(html, str(FIXTURES / name))


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_html", ROOT / "benchmarks" / "eval_html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- hand-written pages


def test_news_page_body_keeps_article_and_drops_boilerplate():
    html, doc = _load_fixture("news_jsonld.html")
    assert doc.id == content_id(html.encode())
    assert doc.text.startswith("A national electronics retailer said on Thursday")
    assert doc.text.endswith("check their statements for unfamiliar charges.")
    assert "Harriet Okafor, said in a statement" in doc.text
    for boilerplate in (
        "cookie",  # banner
        "Opinion and analysis",  # navigation
        "Share on Facebook",  # share buttons
        "Bank fined over leaked",  # related links
        "daily newsletter",  # newsletter prompt
        "Shoppers outside",  # image caption
        "Photo: Mara Quell",  # photo credit
        "All rights reserved",  # footer
    ):
        assert boilerplate not in doc.text, boilerplate
    # the pull-quote repeats the body: it appears once, inside its paragraph, not as a line of its own
    assert doc.text.count("We deeply regret that this happened") == 1


def test_news_page_paragraph_offsets_index_the_text():
    _, doc = _load_fixture("news_jsonld.html")
    assert len(doc.paragraphs) == 6
    first_start, first_end = doc.paragraphs[0]
    assert doc.text[first_start:first_end].startswith("A national electronics retailer")
    assert all(doc.text[a:b] == doc.text[a:b].strip() and b > a for a, b in doc.paragraphs)
    assert all(doc.text[b : b + 2] == "\n\n" for _, b in doc.paragraphs[:-1])


def test_news_page_asides_are_caption_and_pull_quote_with_credits():
    _, doc = _load_fixture("news_jsonld.html")
    kinds = [(a.kind, a.text, a.credit) for a in doc.asides]
    assert kinds == [
        ("caption", "Shoppers outside one of the chain's 340 stores on Tuesday.", "Mara Quell"),
        ("pull-quote", "We deeply regret that this happened.", "Harriet Okafor, chief executive"),
    ]


def test_news_page_metadata_from_json_ld_graph():
    _, doc = _load_fixture("news_jsonld.html")
    assert doc.kind == "article"
    assert doc.title == "Retailer admits breach exposed 2.4 million card numbers"
    # publisher is an @id reference to the Organization in the @graph, ahead of og:site_name
    assert doc.outlet == "The Daily Ledger"
    # the Organization listed as an author is the outlet, not a person; meta "Ledger Staff" is not used
    assert doc.authors == ["Priya Natarajan", "Tomás Lindqvist"]
    assert doc.published == datetime(2021, 3, 4, 14, 15, tzinfo=UTC)
    assert doc.url == "https://www.dailyledger.example/business/2021/03/retailer-card-breach"


def test_opengraph_page_metadata_and_visible_byline():
    _, doc = _load_fixture("og_meta.html")
    assert doc.kind == "article"
    assert doc.title == "Hospital group says ransomware attack delayed surgeries"  # " - Harbour Courier" cut
    assert doc.outlet == "Harbour Courier"
    # article:author is a profile URL (not a person); the byline's job title after the comma is dropped
    assert doc.authors == ["Alice Scarsi"]
    assert doc.published == datetime(2022, 11, 8, 14, 30, tzinfo=UTC)  # naive -> UTC
    assert doc.url == "https://harbourcourier.example/news/hospital-ransomware-surgeries"
    assert doc.text.startswith("A hospital group that runs four sites")
    assert "Most read" not in doc.text and "Ferry timetable" not in doc.text
    assert "World News Reporter" not in doc.text
    assert doc.asides == []


def test_press_release_is_a_statement():
    _, doc = _load_fixture("press_release.html")
    assert doc.kind == "statement"
    assert doc.title == "Statement on Unauthorized Access to Customer Data"
    assert doc.outlet == "Northwind Systems"
    assert doc.authors == []  # the author is the company itself
    assert doc.published == datetime(2023, 6, 2, tzinfo=UTC)
    assert "approximately 48,000 business customers" in doc.text
    assert "Products" not in doc.text and "Copyright 2023" not in doc.text


def test_body_split_into_sibling_blocks_is_read_whole():
    _, doc = _load_fixture("split_body.html")
    assert doc.text.startswith("When the notification law passed")
    assert doc.text.endswith("names of companies that miss it.")
    assert len(doc.paragraphs) == 6
    assert [a.kind for a in doc.asides] == ["pull-quote"]
    assert doc.authors == ["Noor Haddad"]
    assert doc.published == datetime(2020, 9, 14, 7, 45, tzinfo=UTC)


@pytest.mark.parametrize(
    "html, reason",
    [
        ("", "empty page"),
        ("  \n\t ", "empty page"),
        ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"),
        ("<html><head><title>Only a title</title></head><body></body></html>", "no article text found"),
    ],
)
def test_pages_without_article_text_raise_load_error(html, reason):
    with pytest.raises(LoadError, match=reason):
        load_html(html, "page.html")


def test_malformed_markup_still_yields_text():
    body = "Unclosed paragraph about a leak of customer records at a large insurer. " * 6
    doc = load_html('<?xml version="1.0" encoding="utf-8"?>\x00<html><body><article><p>' + body, "x.html")
    assert doc.text.startswith("Unclosed paragraph about a leak")
    # a lone surrogate (from a bad decode) must not cut the page short
    doc = load_html(
        "<html><body><article><p>" + body + "\ud800 " + body + "</p></article></body></html>", "y"
    )
    assert doc.text.count("Unclosed paragraph") == 12


# ---------------------------------------------------------------- metadata helpers


def test_split_byline():
    assert split_byline("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert split_byline("By Jane Doe, John Roe & Ann Lee") == ["Jane Doe", "John Roe", "Ann Lee"]
    assert split_byline("By Alice Scarsi, World News Reporter") == ["Alice Scarsi"]
    assert split_byline("By Jane Doe and John Roe, Reuters") == ["Jane Doe", "John Roe"]
    assert split_byline("Analysis by Chris Long, CNN Editor-at-large") == ["Chris Long"]
    assert split_byline("By JANE DOE Updated 10:02 AM") == ["Jane Doe"]
    assert split_byline("By Harbour Courier", outlet="Harbour Courier") == []
    assert split_byline("https://www.facebook.com/someone", strict=False) == []
    assert split_byline("admin", strict=False) == []


def test_parse_date_converts_to_utc():
    utc = UTC
    assert parse_date("2018-04-05T06:00:00-04:00") == datetime(2018, 4, 5, 10, 0, tzinfo=utc)
    assert parse_date("2018-04-05T06:00") == datetime(2018, 4, 5, 6, 0, tzinfo=utc)
    assert parse_date("Thu, 05 Apr 2018 10:00:00 GMT") == datetime(2018, 4, 5, 10, 0, tzinfo=utc)
    assert parse_date("April 5, 2018 10:30 a.m. EDT") == datetime(2018, 4, 5, 14, 30, tzinfo=utc)
    assert parse_date("Nov. 18, 2019 / 4:04 PM EST") == datetime(2019, 11, 18, 21, 4, tzinfo=utc)
    assert parse_date("5 April 2018") == datetime(2018, 4, 5, tzinfo=utc)
    assert parse_date("not a date") is None
    assert parse_date("2018-13-45") is None


def test_clean_title_only_cuts_the_outlet():
    assert clean_title("Hong Kong protests - BBC News", "BBC") == "Hong Kong protests"
    assert clean_title("Big leak | The Verge", "The Verge") == "Big leak"
    assert clean_title("Fact Check: Is it true?", "News Nation") == "Fact Check: Is it true?"
    assert (
        clean_title("The Guardian view on leaks | Editorial", "the Guardian")
        == "The Guardian view on leaks | Editorial"
    )
    assert is_outlet_name("BBC News", "BBC") and not is_outlet_name("Bob Newsome", "BBC")


# ---------------------------------------------------------------- scorer


def test_shingle_f1_on_hand_computed_example():
    shingle_f1 = _eval_module().shingle_f1
    pairs = [
        ("a b c d e", "a b c d x"),  # shingles abcd,bcde vs abcd,bcdx: tp 1 fp 1 fn 1 -> P 1/2 R 1/2
        ("one two", "one two"),  # fewer than 4 tokens: one shingle, equal -> 1, 1
        ("a b c d e f", "a b c d"),  # abcd,bcde,cdef vs abcd: tp 1 fp 0 fn 2 -> P 1 R 1/3
    ]
    p, r, f = shingle_f1(pairs)
    assert p == pytest.approx(5 / 6)
    assert r == pytest.approx(11 / 18)
    assert f == pytest.approx(2 * (5 / 6) * (11 / 18) / (5 / 6 + 11 / 18))
    assert shingle_f1([("gold text here", "")]) == (0.0, 0.0, 0.0)
    assert shingle_f1([("", "")]) == (1.0, 1.0, 1.0)


# ---------------------------------------------------------------- real pages (../shared)


@pytest.fixture(scope="module")
def extraction(shared) -> Path:
    data = shared / "eval" / "extraction"
    if not (data / "dev.jsonl").is_file():
        pytest.skip("extraction eval set not available")
    return data


@pytest.fixture(scope="module")
def eval_rows(extraction) -> list[dict]:
    with open(extraction / "dev.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_scorer_reproduces_published_figures(extraction, eval_rows):
    shingle_f1 = _eval_module().shingle_f1
    gold = {row["id"]: row["articleBody"] for row in eval_rows}
    with open(extraction / "reference_outputs_dev.jsonl", encoding="utf-8") as fh:
        refs = [json.loads(line) for line in fh]
    for name, expected in (("html-text", 0.693), ("readability", 0.919), ("trafilatura", 0.953)):
        _, _, f1 = shingle_f1((gold[r["id"]], r["outputs"].get(name)) for r in refs)
        assert f1 == pytest.approx(expected, abs=0.0005), name


def test_every_eval_page_loads_with_text_and_a_title(extraction, eval_rows):
    for row in eval_rows:
        html = (extraction / row["html_path"]).read_text(encoding="utf-8")
        doc = load_html(html, row["html_path"])
        assert len(doc.text) > 200, row["id"]
        assert doc.title, row["id"]
        assert doc.kind in ("article", "statement", "other")
        assert doc.published is None or doc.published.tzinfo is not None


def test_eval_first_pages_f1_above_threshold(extraction, eval_rows):
    shingle_f1 = _eval_module().shingle_f1
    rows = eval_rows[:20]
    pairs = [
        (row["articleBody"], load_html((extraction / row["html_path"]).read_text(encoding="utf-8"), "p").text)
        for row in rows
    ]
    precision, recall, f1 = shingle_f1(pairs)
    assert f1 >= 0.93
    assert precision >= 0.9 and recall >= 0.9


def test_aclu_page(shared):
    pages = sorted((shared / "corpora" / "breach").glob("*aclu*.html"))
    if not pages:
        pytest.skip("ACLU page not available")
    html = pages[0].read_text(encoding="utf-8")
    doc = load_html(html, str(pages[0]))
    assert doc.title == "Facebook Is Tracking Me Even Though I’m Not on Facebook"
    assert doc.outlet == "American Civil Liberties Union"
    assert doc.authors == ["Daniel Kahn Gillmor"]
    assert doc.published == datetime(2018, 4, 5, 6, 0, tzinfo=UTC)
    assert (
        doc.url
        == "https://www.aclu.org/blog/privacy-technology/internet-privacy/facebook-tracking-me-even-though-im-not-facebook"
    )
    assert doc.kind == "article"
    assert doc.text.startswith("I don't use Facebook. I'm not technophobic")
    assert "we also need to protect those of us who manage to opt out." in doc.text[-300:]
    assert "Cambridge Analytica" in doc.text
    assert "Senior Staff Technologist" not in doc.text
    assert 9_000 < len(doc.text) < 14_000
    assert len(doc.paragraphs) > 20


BODY = "".join(
    f"<p>Paragraph {n} of the report says the intruders copied customer records over several weeks.</p>"
    for n in range(1, 5)
)


def _page(head: str = "", body: str = BODY) -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize(
    "head, kind",
    [
        ('<link rel="canonical" href="https://example.com/newsroom/2023/update">', "statement"),
        ('<link rel="canonical" href="https://www.example.org/press/data-incident">', "statement"),
        ('<link rel="canonical" href="https://www.example.gov/news/statement/chair-remarks">', "statement"),
        ('<meta property="og:url" content="https://newsroom.example.com/2018/03/update">', "statement"),
        ('<meta property="article:section" content="Press Releases">', "statement"),
        ('<link rel="canonical" href="https://news.example.com/2023/05/press-freedom-index">', "article"),
        (
            '<link rel="canonical" href="https://news.example.com/fact-check/statements/2019/claim">',
            "article",
        ),
        ('<meta property="og:type" content="website">', "other"),
        ('<meta property="og:type" content="website"><meta name="date" content="2020-01-02">', "article"),
    ],
)
def test_kind_from_url_section_and_type(head, kind):
    assert load_html(_page(head), "p.html").kind == kind


def test_caption_and_pull_quote_credits_written_in_the_text():
    body = (
        "<figure><img src='a.jpg'><figcaption>Ana Ruiz, data protection commissioner. Photo: Office of the"
        " Commissioner</figcaption></figure>"
        + BODY
        + "<aside class='pullquote'><p>“Its claims are usually inflated.”</p>"
        "<p class='pullquote__credit'>— Sam Ode, threat analyst</p></aside>"
        "<blockquote class='pull-quote'>“Nobody checked the logs.” — Lee Park, auditor</blockquote>"
        "<figure><figcaption>Servers at the data centre (AP Photo/Kim Lo)</figcaption></figure>"
    )
    doc = load_html(_page(body=body), "p.html")
    assert [(a.kind, a.text, a.credit) for a in doc.asides] == [
        ("caption", "Ana Ruiz, data protection commissioner.", "Office of the Commissioner"),
        ("pull-quote", "Its claims are usually inflated.", "Sam Ode, threat analyst"),
        ("pull-quote", "Nobody checked the logs.", "Lee Park, auditor"),
        ("caption", "Servers at the data centre", "AP Photo/Kim Lo"),
    ]
    assert "inflated" not in doc.text and "Ana Ruiz" not in doc.text and "Kim Lo" not in doc.text


def test_metadata_accepts_a_beautifulsoup_document_too():
    from bs4 import BeautifulSoup
    from lxml import html as lxml_html

    from corpus.metadata import extract_metadata

    source = (FIXTURES / "news_jsonld.html").read_text(encoding="utf-8")
    from_soup = extract_metadata(BeautifulSoup(source, "lxml"))
    from_lxml = extract_metadata(lxml_html.document_fromstring(source))
    assert from_soup == from_lxml
    assert from_soup.authors == ["Priya Natarajan", "Tomás Lindqvist"]


def test_json_ld_article_matching_the_page_url_wins_over_related_stories():
    related = '{"@type": "NewsArticle", "headline": "Older story", "url": "https://ex.example/old", "author": "Ann Old"}'
    main = (
        '{"@type": "NewsArticle", "headline": "Current story", "author": {"name": "Bo New"},'
        ' "mainEntityOfPage": "https://www.ex.example/current/"}'
    )
    head = (
        '<link rel="canonical" href="https://ex.example/current">'
        f'<script type="application/ld+json">[{related}, {main}]</script>'
    )
    doc = load_html(_page(head), "p.html")
    assert doc.title == "Current story"
    assert doc.authors == ["Bo New"]
