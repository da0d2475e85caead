"""Sources merged across documents: names, titles, surnames, abbreviations, unnamed speakers, outlets."""

from __future__ import annotations

from index.entities import Mention, Resolver, abbreviations, expand_abbreviation, parse_name


def test_title_and_employer_before_a_name_are_not_part_of_it():
    n = parse_name("Facebook CEO Mark Zuckerberg")
    assert (n.kind, n.tokens, n.org, n.role) == ("person", ["mark", "zuckerberg"], "Facebook", "CEO")
    n = parse_name("Facebook's Chief Technology Officer Mike Schroepfer")
    assert (n.tokens, n.org, n.role) == (["mike", "schroepfer"], "Facebook", "Chief Technology Officer")
    n = parse_name("Information Protection Commissioner Priya Raman")
    assert n.tokens == ["priya", "raman"] and n.org is None and n.role == "Information Protection Commissioner"
    n = parse_name("Helen Marlowe, chief executive of Larkspur Health")
    assert (n.tokens, n.org) == (["helen", "marlowe"], "Larkspur Health")


def test_descriptions_are_unnamed_and_named_organisations_are_organisations():
    for raw in ("A Messenger spokeswoman", "a GCP spokesman", "the company", "Larkspur's original statement",
                "Facebook spokesperson"):
        assert parse_name(raw).kind == "unnamed", raw
    assert parse_name("A Messenger spokeswoman").org == "Messenger"
    for raw in ("The Albion Ledger", "Information Protection Office", "Facebook, Inc.", "CA"):
        assert parse_name(raw).kind == "organisation", raw


def test_every_way_of_naming_zuckerberg_is_one_person_affiliated_with_facebook():
    res = Resolver([Mention("Mark Zuckerberg", count=3), Mention("Zuckerberg"), Mention("Mr Zuckerberg"),
                    Mention("Facebook CEO Mark Zuckerberg", kind="figure")])
    keys = {res.key_of(raw) for raw in ("Mark Zuckerberg", "Zuckerberg", "Mr Zuckerberg",
                                         "Facebook CEO Mark Zuckerberg")}
    assert keys == {"person:mark-zuckerberg"}
    person = res.entities["person:mark-zuckerberg"]
    assert person.name == "Mark Zuckerberg" and person.affiliation == "Facebook"
    assert person.counts["quote"] == 5 and person.counts["figure"] == 1
    assert [e.key for e in res.find("zuckerberg")] == ["person:mark-zuckerberg"]


def test_people_sharing_a_surname_are_not_merged_and_a_bare_surname_stays_ambiguous():
    res = Resolver([Mention("Mark Zuckerberg", "Facebook"), Mention("Randi Zuckerberg"), Mention("Zuckerberg")])
    assert res.key_of("Mark Zuckerberg", "Facebook") != res.key_of("Randi Zuckerberg")
    assert res.key_of("Zuckerberg") not in {"person:mark-zuckerberg", "person:randi-zuckerberg"}
    # the organisation printed beside the bare surname settles it
    res = Resolver([Mention("Mark Zuckerberg", "Facebook"), Mention("Randi Zuckerberg", "Dot Complicated"),
                    Mention("Zuckerberg", "Facebook")])
    assert res.key_of("Zuckerberg", "Facebook") == "person:mark-zuckerberg"


def test_middle_initials_do_not_split_a_person():
    res = Resolver([Mention("Paul S. Grewal"), Mention("Paul Grewal")])
    assert res.key_of("Paul S. Grewal") == res.key_of("Paul Grewal") == "person:paul-grewal"


def test_abbreviations_count_only_where_the_text_defines_them():
    text = ("Data firm Cambridge Analytica (CA) denied it. The Guild of Community Pharmacists (GCP), which "
            "represents owners, agreed. Larkspur Health (Leeds) said nothing.")
    defined = abbreviations(text)
    assert defined == {"CA": "Cambridge Analytica", "GCP": "Guild of Community Pharmacists"}
    assert expand_abbreviation("CA", defined) == "Cambridge Analytica"
    assert expand_abbreviation("the GCP", defined) == "Guild of Community Pharmacists"
    assert expand_abbreviation("a GCP spokesman", defined) == "a Guild of Community Pharmacists spokesman"
    assert expand_abbreviation("CA", {}) == "CA"
    res = Resolver([Mention("Cambridge Analytica"), Mention(expand_abbreviation("CA", defined))])
    assert res.key_of("Cambridge Analytica") == "org:cambridgeanalytica"


def test_abbreviation_scan_is_linear_on_long_capitalised_runs():
    import time

    started = time.perf_counter()
    abbreviations("Big Capital Words Here " * 5000 + "(X)")
    assert time.perf_counter() - started < 0.5


def test_outlets_merge_by_normalised_name_and_an_organisation_that_publishes_is_one_source():
    res = Resolver([Mention("Larkspur Health", kind="figure")],
                   [("BBC News", 3), ("bbc.co.uk", 1), ("BBC", 2), ("Larkspur Health", 1)])
    bbc = res.entities["org:bbc"]
    assert bbc.kind == "outlet" and bbc.counts["printed"] == 6 and set(bbc.aliases) == {"BBC News", "bbc.co.uk", "BBC"}
    company = res.entities["org:larkspurhealth"]
    assert company.kind == "outlet" and company.counts["figure"] == 1 and company.counts["printed"] == 1


def test_unnamed_speakers_are_never_merged_with_named_people():
    res = Resolver([Mention("Helen Marlowe", "Larkspur Health"), Mention("A Larkspur spokeswoman")])
    assert res.key_of("A Larkspur spokeswoman").startswith("unnamed:")
    assert res.entities[res.key_of("A Larkspur spokeswoman")].affiliation == "Larkspur"


def test_stored_sources_answer_as_the_resolver_does(tmp_path):
    from index.source_store import SourceStore, write

    res = Resolver([Mention("Facebook CEO Mark Zuckerberg", "Facebook"), Mention("Zuckerberg"),
                    Mention("A Facebook spokeswoman"), Mention("Randi Zuckerberg", kind="figure")], [("Vox", 2)])
    write(tmp_path / "sources.sqlite", res, generation=7)
    store = SourceStore(tmp_path / "sources.sqlite")
    assert store.generation == 7
    assert store.key_of("Facebook CEO Mark Zuckerberg", "Facebook") == res.key_of("Facebook CEO Mark Zuckerberg",
                                                                                   "Facebook")
    assert store.key_of("nobody") is None
    assert store.entity("org:vox").counts["printed"] == 2
    for name in ("Mr Zuckerberg", "zuckerberg", "Facebook", "Vox", "person:randi-zuckerberg", "Randi"):
        assert [e.key for e in store.find(name)] == [e.key for e in res.find(name)], name
    assert [e.key for e in store.spokespeople("org:facebook")] == [e.key for e in res.spokespeople("org:facebook")]
    assert [e.key for e in store.top(10)] == [e.key for e in res.top(10)]
