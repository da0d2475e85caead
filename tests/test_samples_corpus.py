"""The bundled fictional corpus is what later tests assert exact results on, so its own promises are checked
here: every file listed and readable, the metadata planted in each format, and every planted sentence of the
README present in the file it names. Nothing here uses the loaders (they are tested on this corpus elsewhere).
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from corpus.document import KINDS

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"
MANIFEST = json.loads((SAMPLES / "MANIFEST.json").read_text(encoding="utf-8"))
PLANTED = json.loads((Path(__file__).parent / "fixtures" / "samples_planted.json").read_text(encoding="utf-8"))
README = (SAMPLES / "README.md").read_text(encoding="utf-8")
BY_FORMAT = {fmt: [m for m in MANIFEST if m["format"] == fmt] for fmt in ("html", "text", "json", "tagged")}
OWN_FILES = {"README.md", "MANIFEST.json"}


def _ids(entries):
    return [m["file"].split("__")[1] for m in entries]


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _visible_text(entry: dict) -> str:
    """What a reader sees of the file: page text for HTML, title + text for JSON, the file otherwise."""
    raw = (SAMPLES / entry["file"]).read_text(encoding="utf-8")
    if entry["format"] == "html":
        raw = BeautifulSoup(raw, "lxml").get_text(" ")
    elif entry["format"] == "json":
        record = json.loads(raw)
        raw = record["title"] + "\n\n" + record["text"]
    return _collapse(raw)


def _soup(entry: dict) -> BeautifulSoup:
    return BeautifulSoup((SAMPLES / entry["file"]).read_text(encoding="utf-8"), "lxml")


def _meta(soup: BeautifulSoup, **attrs) -> str | None:
    tag = soup.find("meta", attrs=attrs)
    return tag.get("content") if tag else None


def _json_ld(soup: BeautifulSoup) -> list[dict]:
    """Every JSON-LD object of a page, `@graph` members flattened."""
    objects = []
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        for obj in data if isinstance(data, list) else [data]:
            objects.extend(obj.get("@graph", [obj]))
    return objects


def _readme_items() -> list[dict]:
    """Planted items as the README lists them: `- **id** `file` — note` then `  > text` lines."""
    items = []
    for line in README.splitlines():
        head = re.match(r"- \*\*(\w+)\*\* `([^`]+)`", line)
        if head:
            items.append({"id": head.group(1), "file": head.group(2), "paras": [[]]})
            continue
        body = re.match(r"\s+>(?: (.*))?$", line)
        if body and items:
            if body.group(1) is None:
                items[-1]["paras"].append([])
            else:
                items[-1]["paras"][-1].append(body.group(1))
    for item in items:
        item["sentence"] = "\n\n".join(" ".join(lines) for lines in item["paras"])
    return items


# --- the manifest and the files ------------------------------------------------------------------------


def test_manifest_lists_every_file_and_only_those():
    on_disk = {p.name for p in SAMPLES.iterdir() if p.is_file()} - OWN_FILES
    assert {m["file"] for m in MANIFEST} == on_disk
    assert len(MANIFEST) == len(on_disk)


@pytest.mark.parametrize("entry", MANIFEST, ids=_ids(MANIFEST))
def test_manifest_entry_is_consistent(entry):
    assert {"file", "outlet", "date", "kind", "title"} <= entry.keys()
    assert entry["kind"] in KINDS
    assert re.fullmatch(r"2024-03-\d\d", entry["date"])
    assert entry["file"].split("__")[2] == entry["date"]
    assert entry["date_source"] == ("file-name" if entry["format"] == "text" else "metadata")
    assert entry["title"] and entry["outlet"]


@pytest.mark.parametrize("entry", MANIFEST, ids=_ids(MANIFEST))
def test_file_is_non_empty_utf8_of_realistic_length(entry):
    data = (SAMPLES / entry["file"]).read_bytes()
    text = data.decode("utf-8")  # strict: raises on anything that is not UTF-8
    assert "\ufffd" not in text
    assert 300 <= len(_visible_text(entry).split())


def test_corpus_shape_matches_the_brief():
    assert 8 <= len(MANIFEST) <= 10
    assert len(BY_FORMAT["html"]) >= 4 and len(BY_FORMAT["text"]) >= 2
    assert len(BY_FORMAT["json"]) == 1 and len(BY_FORMAT["tagged"]) == 1
    article_outlets = {m["outlet"] for m in MANIFEST if m["kind"] == "article"}
    assert len(article_outlets) >= 4
    assert sum(m["kind"] == "statement" for m in MANIFEST) >= 2
    dates = sorted(m["date"] for m in MANIFEST)
    assert dates[0] < dates[-1]
    total = sum(p.stat().st_size for p in SAMPLES.iterdir() if p.is_file())
    assert total < 150 * 1024


# --- HTML pages ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", BY_FORMAT["html"], ids=_ids(BY_FORMAT["html"]))
def test_html_head_carries_the_planted_metadata(entry):
    soup = _soup(entry)
    assert soup.find("meta", charset=True)["charset"].lower() == "utf-8"
    assert _meta(soup, property="og:title") == entry["title"]
    assert _meta(soup, property="og:site_name") == entry["outlet"]
    assert _meta(soup, property="article:published_time").startswith(entry["date"] + "T")
    assert soup.find("link", rel="canonical")["href"] == entry["url"]
    # an organisation's page may name itself as author: that is no person, so the manifest lists none
    assert _meta(soup, name="author") == (", ".join(entry["authors"]) or entry["outlet"])
    assert soup.find("h1").get_text(strip=True) == entry["title"]


@pytest.mark.parametrize("entry", BY_FORMAT["html"], ids=_ids(BY_FORMAT["html"]))
def test_html_json_ld_agrees_with_the_head(entry):
    objects = _json_ld(_soup(entry))
    if not objects:
        return  # the page without JSON-LD is checked below
    main = next(o for o in objects if "headline" in o)
    assert main["headline"] == entry["title"]
    assert main["datePublished"].startswith(entry["date"])
    assert main["publisher"]["name"] == entry["outlet"]
    if entry["kind"] == "statement":
        assert main["@type"] == "PressRelease" or main["publisher"]["@type"] == "GovernmentOrganization"
    else:
        assert main["@type"] == "NewsArticle"
        assert [a["name"] for a in _as_list(main["author"])] == entry["authors"]


def _as_list(value):
    return value if isinstance(value, list) else [value]


def test_exactly_one_html_page_has_only_opengraph_and_a_visible_byline():
    without = [m for m in BY_FORMAT["html"] if not _json_ld(_soup(m))]
    assert len(without) == 1
    entry = without[0]
    byline = _soup(entry).find(class_="byline").get_text(" ", strip=True)
    assert byline.startswith("By ") and entry["authors"][0] in byline


def test_statements_come_from_a_company_and_a_regulator():
    types = set()
    for entry in BY_FORMAT["html"]:
        if entry["kind"] == "statement":
            types |= {o["publisher"]["@type"] for o in _json_ld(_soup(entry)) if "publisher" in o}
    assert "GovernmentOrganization" in types and "Corporation" in types


@pytest.mark.parametrize("entry", BY_FORMAT["html"], ids=_ids(BY_FORMAT["html"]))
def test_html_body_has_realistic_boilerplate(entry):
    soup = _soup(entry)
    assert soup.find("nav") is not None
    assert soup.find(id=re.compile("cookie|consent", re.I)) or soup.find(
        class_=re.compile("cookie|consent", re.I)
    )
    assert soup.find(class_=re.compile("share", re.I)) is not None
    assert soup.find("form") is not None  # newsletter sign-up (and sometimes search)
    figure = soup.find("figure")
    assert figure.find("img") is not None
    assert re.search(r"Photo|Image", figure.find("figcaption").get_text())


def test_html_pull_quotes_have_a_credit_and_repeat_the_body():
    found = 0
    for entry in BY_FORMAT["html"]:
        soup = _soup(entry)
        for box in soup.select("aside.pullquote, blockquote.pull-quote"):
            found += 1
            quote = _collapse(box.find("p").get_text()).strip('“”"').rstrip(".,")
            credit = box.find(["cite", "span", "footer"]) or box.find_all("p")[-1]
            assert credit.get_text(strip=True) and credit.get_text(strip=True) != quote
            box.decompose()
            assert quote in _collapse(soup.get_text(" ")), entry["file"]
    assert found >= 2


# --- JSON, tagged and plain text -----------------------------------------------------------------------


@pytest.mark.parametrize("entry", BY_FORMAT["json"], ids=_ids(BY_FORMAT["json"]))
def test_json_record_has_the_required_keys(entry):
    record = json.loads((SAMPLES / entry["file"]).read_text(encoding="utf-8"))
    assert set(record) == {"title", "text", "outlet", "date", "authors", "url"}
    assert (record["title"], record["outlet"], record["date"]) == (
        entry["title"],
        entry["outlet"],
        entry["date"],
    )
    assert record["authors"] == entry["authors"] and record["url"] == entry["url"]
    assert record["text"].count("\n\n") >= 5


@pytest.mark.parametrize("entry", BY_FORMAT["tagged"], ids=_ids(BY_FORMAT["tagged"]))
def test_tagged_file_has_the_casie_layout(entry):
    raw = (SAMPLES / entry["file"]).read_text(encoding="utf-8")
    m = re.fullmatch(
        r"<title>(.+)</title>\n<source>(.+)</source>\n<date>(.+)</date>\n<text>\n(.+)\n</text>\n", raw, re.S
    )
    assert m, "layout"
    title, source, date, body = m.groups()
    assert title.startswith(entry["title"]) and title != entry["title"]  # carries a site suffix
    assert source.strip() == entry["url"]
    assert date.strip() == entry["date"].replace("-", "_")
    assert "\n\n" not in body and body.count("\n") >= 8  # one paragraph per line


@pytest.mark.parametrize("entry", BY_FORMAT["text"], ids=_ids(BY_FORMAT["text"]))
def test_plain_text_follows_the_seed_layout(entry):
    raw = (SAMPLES / entry["file"]).read_text(encoding="utf-8")
    blocks = [b.strip() for b in raw.split("\n\n") if b.strip()]
    assert blocks[0] == entry["title"]
    assert re.fullmatch(r"By [A-Z][\w ]+, [A-Z][\w ]+", blocks[2]) and entry["authors"][0] in blocks[2]
    assert blocks[-1] == f"Would you like to receive news notifications from {entry['outlet']}?"
    # an image line with a credit glued on, then the caption sentence
    captions = [i for i, b in enumerate(blocks) if re.search(r"[a-z](GETTY|\s\(Photo: [^)]+\))$", b)]
    assert captions and not blocks[captions[0] + 1].endswith(("GETTY", ")"))


# --- the planted cases -----------------------------------------------------------------------------------

FILES = {m["file"]: m for m in MANIFEST}


def test_readme_says_fictional_and_lists_every_file():
    assert "FICTION" in README and "invented" in README
    for entry in MANIFEST:
        assert f"`{entry['file']}`" in README
        assert entry["outlet"] in README


def test_readme_planted_list_matches_planted_json():
    items = _readme_items()
    assert [(i["id"], i["file"], i["sentence"]) for i in items] == [
        (p["id"], p["file"], p["sentence"]) for p in PLANTED
    ]
    assert {p["case"] for p in PLANTED} == {1, 2, 3, 4, 5, 6}


@pytest.mark.parametrize("item", _readme_items(), ids=lambda i: i["id"])
def test_planted_sentence_is_in_the_file_the_readme_names(item):
    assert item["file"] in FILES
    assert _collapse(item["sentence"]) in _visible_text(FILES[item["file"]])


@pytest.mark.parametrize("planted", PLANTED, ids=lambda p: p["id"])
def test_planted_expectations_are_grounded_in_the_sentence(planted):
    expect = planted["expect"]
    for figure in expect.get("figures", []):
        assert figure["number"] in planted["sentence"]
        if figure.get("qualifier"):
            assert f"{figure['qualifier']} {figure['number']}" in planted["sentence"]
    for short, long in expect.get("abbreviation", {}).items():
        assert f"{long} ({short})" in planted["sentence"]
    speaker = expect.get("speaker")
    if speaker and speaker[0].isupper() and not speaker.startswith(("A ", "The ")):
        assert speaker.split()[-1] in _visible_text(FILES[planted["file"]])


def _quoted(sentence: str) -> str:
    inner = re.search(r"[“\"](.+?)[”\"]", sentence, re.S).group(1)
    return inner.rstrip(",. ")


def test_reprinted_quotes_differ_slightly_from_the_original():
    by_id = {p["id"]: p for p in PLANTED}
    copies = [p for p in PLANTED if p["expect"].get("same_as") == "2a"]
    original = _quoted(by_id["2a"]["sentence"])
    outlets = {FILES[p["file"]]["outlet"] for p in copies}
    assert len(outlets) >= 3 and FILES[by_id["2a"]["file"]]["kind"] == "statement"
    changed = 0
    for copy in copies:
        text = _quoted(copy["sentence"])
        assert copy["expect"]["speaker"] == by_id["2a"]["expect"]["speaker"]
        assert difflib.SequenceMatcher(None, original, text).ratio() > 0.7
        changed += text != original
    assert changed >= 3


def test_misattributed_quote_is_word_for_word_the_ceo_s():
    wrong = next(p for p in PLANTED if "true_speaker" in p["expect"])
    right = next(p for p in PLANTED if p["id"] == wrong["expect"]["same_as"])
    assert _quoted(wrong["sentence"]) == _quoted(right["sentence"])
    assert wrong["expect"]["speaker"] != wrong["expect"]["true_speaker"] == right["expect"]["speaker"]
    assert wrong["expect"]["speaker"] in wrong["sentence"]
    assert wrong["expect"]["true_speaker"] not in _visible_text(FILES[wrong["file"]])


def test_the_affected_count_disagrees_across_sources():
    counts = {
        (f["value"], f["unit"])
        for p in PLANTED
        for f in p["expect"].get("figures", [])
        if f["unit"] in ("customers", "people", "records")
    }
    assert {v for v, _ in counts} >= {1_200_000, 2_100_000, 3_400_000, 5_000_000}
    fines = [f for p in PLANTED for f in p["expect"].get("figures", []) if f["unit"] == "GBP"]
    assert {f["value"] for f in fines} == {4_200_000}  # one fine ...
    assert len({f["number"] for f in fines}) >= 3  # ... written in several ways
    units = [{f["unit"] for f in p["expect"].get("figures", [])} for p in PLANTED if p["case"] == 1]
    assert {"customers", "cards"} in units  # two units in one sentence


def test_other_numbers_listed_in_the_readme_are_in_the_corpus():
    section = README.split("## Other numbers", 1)[1].split("\n## ", 1)[0]
    snippets = [_collapse(s) for s in re.findall(r"`([^`]+)`", section)]
    everything = " ".join(_visible_text(m) for m in MANIFEST)
    assert len(snippets) >= 15
    assert [s for s in snippets if s not in everything] == []
