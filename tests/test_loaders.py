"""Loaders: the seed article, the real breach corpus, and every way a file can be bad."""

from __future__ import annotations

import json

import pytest

from corpus.decode import decode_bytes
from corpus.document import LoadError
from corpus.loaders import load_bytes, load_file, sniff


def test_seed_metadata_and_clean_text(seed_path):
    (doc,) = load_file(seed_path)
    assert doc.title == "Facebook data breach: 40 MILLION more users’ personal info was leaked"
    assert doc.authors == ["Alice Scarsi"]
    assert doc.outlet == "Daily Express"
    assert doc.kind == "article"
    assert "GETTY" not in doc.text
    assert "Would you like to receive" not in doc.text
    assert "By Alice Scarsi" not in doc.text
    assert "Facebook said the data of up to 87m people" not in doc.text  # a caption, kept as an aside
    assert "FACEBOOK has revealed the data of up to 87 million people" in doc.text
    assert "“We did not receive more data than this.”" in doc.text
    kinds = [(a.kind, a.credit) for a in doc.asides]
    assert ("pull-quote", "Facebook's CTO Mike Schroepfer") in kinds
    assert kinds.count(("caption", "GETTY")) == 2
    for start, end in doc.paragraphs:
        assert doc.text[start:end].strip() == doc.text[start:end] and end > start


def test_seed_id_is_content_hash(seed_path, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed_path.read_bytes())
    assert load_file(copy)[0].id == load_file(seed_path)[0].id
    copy.write_bytes(seed_path.read_bytes() + b"\nOne more line of text here, as an update.")
    assert load_file(copy)[0].id != load_file(seed_path)[0].id


def test_windows_1252_text_is_decoded():
    text = "Données: the firm’s “chief” said 87 million — café résumé.\n\nSecond paragraph here, too."
    assert decode_bytes(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b'{"title": "x", "text": ', "malformed JSON"),
        (b'[{"title": "only a title"}]', "no article records"),
    ],
)
def test_bad_input_gives_a_reason(data, reason):
    with pytest.raises(LoadError, match=reason):
        load_bytes(data, "bad.json" if data.startswith((b"{", b"[")) else "bad.txt")


def test_file_over_size_limit(tmp_path, monkeypatch):
    import corpus.loaders as loaders

    monkeypatch.setattr(loaders, "MAX_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    with pytest.raises(LoadError, match="too large"):
        load_file(big)


def test_sniff_by_content_not_extension():
    assert sniff("<!DOCTYPE html><html><body><p>x</p></body></html>", ".txt") == "html"
    assert sniff('{"title": "a", "text": "b"}', ".dat") == "json"
    assert sniff("<title>T</title> <source> http://x </source> <date> 2017_05_04 </date> <text> b </text>") == "tagged"
    assert sniff("Title line\n\nBody text.", ".html") == "text"


def test_json_lines_records_with_common_field_names():
    lines = [
        {"headline": "Retailer breach", "body": "The retailer said 2 million cards were exposed.\n\nMore text follows here.",
         "publisher": {"name": "Example Times"}, "datePublished": "2024-03-05T10:00:00+01:00",
         "author": [{"name": "Ann Lee"}, {"name": "Bo Chan"}], "link": "https://example.com/a"},
        {"title": "Second", "content": "Another article body that is long enough to count.", "source": "Wire",
         "date": "2024_03_06"},
    ]
    data = "\n".join(json.dumps(x) for x in lines).encode()
    docs = load_bytes(data, "feed.jsonl")
    assert [d.title for d in docs] == ["Retailer breach", "Second"]
    assert docs[0].outlet == "Example Times" and docs[0].authors == ["Ann Lee", "Bo Chan"]
    assert docs[0].published.isoformat() == "2024-03-05T09:00:00+00:00"
    assert docs[0].url == "https://example.com/a"
    assert docs[0].path == "feed.jsonl#1" and docs[1].path == "feed.jsonl#2"
    assert docs[1].published.date().isoformat() == "2024-03-06"
    assert docs[0].id != docs[1].id


def test_implausible_dates_are_dropped():
    data = json.dumps({"title": "t", "text": "Body text of an article.", "date": "0001-11-30"}).encode()
    assert load_bytes(data, "x.json")[0].published is None


def test_breach_corpus_loads_every_file_with_metadata(shared):
    folder = shared / "corpora" / "breach"
    manifest = {json.loads(line)["file"]: json.loads(line) for line in (folder / "MANIFEST.jsonl").open()}
    titled = 0
    for name, meta in manifest.items():
        docs = load_file(folder / name)
        assert len(docs) == 1, name
        doc = docs[0]
        assert len(doc.text) > 200, name
        if doc.title and doc.title.split()[:3] == meta["title"].split()[:3]:
            titled += 1
        if meta["date"] and len(meta["date"]) == 10 and doc.published:
            assert doc.published.date().isoformat() == meta["date"], name
    assert titled >= 0.9 * len(manifest)


def test_casie_tagged_file(shared):
    folder = shared / "corpora" / "breach"
    path = next(folder.glob("aadhaar-2017__bleepingcomputer__*casie*.txt"))
    (doc,) = load_file(path)
    assert doc.title.startswith("India's Aadhaar Biometrics Database")
    assert doc.url.startswith("https://www.bleepingcomputer.com/")
    assert doc.published.date().isoformat() == "2017-05-04"
    assert "<text>" not in doc.text and "135 million" in doc.text


def test_markdown_page_dump_drops_navigation(shared):
    folder = shared / "corpora" / "breach"
    path = next(folder.glob("moveit-2023__the-record__2023-07-07__*.md"))
    (doc,) = load_file(path)
    assert doc.title.startswith("Radisson Hotels, major insurance firms")
    assert doc.text.startswith("The number of organizations affected")
    assert "Click Here Podcast" not in doc.text and "Subscribe to The Record" not in doc.text
    assert "17.7 million people" in doc.text


def test_bundled_samples_load_with_their_metadata():
    from tests.conftest import SAMPLES

    manifest = json.loads((SAMPLES / "MANIFEST.json").read_text(encoding="utf-8"))
    entries = manifest["files"] if isinstance(manifest, dict) else manifest
    assert len(entries) >= 6
    for entry in entries:
        (doc,) = load_file(SAMPLES / entry["file"])
        assert doc.title == entry["title"], entry["file"]
        assert doc.outlet == entry["outlet"], entry["file"]
        assert doc.kind == entry["kind"], entry["file"]
        assert doc.published.date().isoformat() == entry["date"], entry["file"]
        assert len(doc.text) > 1000, entry["file"]
        for noise in ("cookies", "Sign up", "Share on", "newsletter"):
            assert noise.lower() not in doc.text.lower(), (entry["file"], noise)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Alice Scarsi, World News Reporter", ["Alice Scarsi"]),
        ("By Mara Lentz and Tomas Orr, Associated Press", ["Mara Lentz", "Tomas Orr"]),
        ("BY MARA LENTZ, TOMAS ORR and JO ANN REYES", ["Mara Lentz", "Tomas Orr", "Jo Ann Reyes"]),
        ("By Mara Lentz   PUBLISHED: 09:15, Tue, Mar 5, 2024", ["Mara Lentz"]),
        ("by Mara Lentz — March 6, 2024", ["Mara Lentz"]),
        ("By Mara Lentz (@maralentz)", ["Mara Lentz"]),
        ("By The Numbers", None),  # a heading, not a person
        ("Mara Lentz, World News Reporter", None),  # no "By": not a byline line
        ("By Mara Lentz " + "and the rest of a long sentence " * 3, None),
    ],
)
def test_text_byline_lines(line, names):
    from corpus.boilerplate import byline_authors
    from corpus.metadata import split_byline

    assert byline_authors(line) == names
    if names:  # one rule: a page byline with the same words names the same people
        assert split_byline(line) == names
