"""Entity resolution across articles: one graph entity per person, organisation, place,
each link with a confidence and its evidence."""

from __future__ import annotations

from newsgraph.corpus.names import name_key
from newsgraph.corpus.resolve import resolve
from newsgraph.pipeline.shared.person_names import given_compatible, persons_compatible


def _rows(*specs):
    rows = []
    for doc, eid, etype, name, *rest in specs:
        roles = [{"title": t} for t in (rest[0] if rest else [])]
        kb = rest[1] if len(rest) > 1 else {}
        rows.append({"doc_id": doc, "entity_id": eid, "type": etype, "name": name, "n_mentions": 1,
                     "roles": roles, "kb": kb})  # fmt: skip
    return rows


def _by_entity(rows):
    graph, links = resolve(rows)
    names = {g["gid"]: g["name"] for g in graph}
    return {(ln.doc_id, ln.entity_id): (names[ln.gid], ln.confidence, ln.evidence) for ln in links}, graph


def test_corpus_resolve_joe_biden_variants_are_one_but_not_hunter():
    rows = _rows(
        ("d1", "e1", "PERSON", "Joe Biden", ["President"]),
        ("d1", "e2", "PERSON", "Biden"),
        ("d2", "e1", "PERSON", "President Biden", ["President"]),
        ("d2", "e2", "PERSON", "Hunter Biden"),
        ("d3", "e1", "PERSON", "Joseph Biden"),
        ("d4", "e1", "PERSON", "Hunter Biden"),
        ("d4", "e2", "PERSON", "Biden"),
    )
    links, graph = _by_entity(rows)
    joe = {links[k][0] for k in [("d1", "e1"), ("d1", "e2"), ("d2", "e1"), ("d3", "e1")]}
    hunter = {links[k][0] for k in [("d2", "e2"), ("d4", "e1"), ("d4", "e2")]}
    assert len(joe) == 1 and len(hunter) == 1 and joe != hunter
    assert links[("d2", "e1")][2].startswith("same office")
    assert "same article" in links[("d4", "e2")][2]
    assert all(0 < conf <= 1 and evidence for _, conf, evidence in links.values())
    assert sum(g["type"] == "PERSON" for g in graph) == 2


def test_corpus_resolve_ambiguous_surname_stays_unresolved():
    rows = _rows(
        ("d1", "e1", "PERSON", "Anna Lind"),
        ("d2", "e1", "PERSON", "Erik Lind"),
        ("d3", "e1", "PERSON", "Lind"),
    )
    links, _ = _by_entity(rows)
    name, confidence, evidence = links[("d3", "e1")]
    assert name == "Lind" and confidence == 0.5 and "ambiguous" in evidence


def test_corpus_resolve_places_by_kb_and_orgs_by_acronym():
    rows = _rows(
        ("d1", "e1", "GPE", "Lithuania", [], {"iso3166": "LT"}),
        ("d2", "e1", "LOC", "Republic of Lithuania", [], {"iso3166": "LT"}),
        ("d3", "e1", "ORG", "North Atlantic Treaty Organization"),
        ("d4", "e1", "ORG", "NATO"),
        ("d5", "e1", "ORG", "the European Union"),
        ("d6", "e1", "ORG", "European Union"),
    )
    links, graph = _by_entity(rows)
    assert links[("d1", "e1")][0] == links[("d2", "e1")][0]
    assert links[("d2", "e1")][2] == "same iso3166 id LT"
    assert links[("d3", "e1")][0] == links[("d4", "e1")][0] == "North Atlantic Treaty Organization"
    assert links[("d5", "e1")][0] == links[("d6", "e1")][0]
    assert len(graph) == 3


def test_corpus_resolve_a_listed_name_is_joined_by_its_id_not_by_initials():
    rows = _rows(
        ("d1", "e1", "ORG", "Plaid Cymru", [], {"newsgraph": "gb-plaid"}),
        ("d2", "e1", "ORG", "PC"),  # a personal computer, in a technology story
        ("d3", "e1", "ORG", "Kalder Mining Group"),
        ("d4", "e1", "ORG", "KMG"),
    )
    links, _ = _by_entity(rows)
    assert links[("d1", "e1")][0] != links[("d2", "e1")][0]
    assert links[("d3", "e1")][0] == links[("d4", "e1")][0]  # unlisted names still join


def test_corpus_resolve_ids_are_stable_and_value_types_skipped():
    rows = _rows(("d1", "e1", "PERSON", "Clara Voss"), ("d1", "e2", "DATE", "Monday"))
    first, _ = resolve(rows)
    second, _ = resolve(list(reversed(rows)))
    assert [g["gid"] for g in first] == [g["gid"] for g in second] and len(first) == 1


def test_corpus_names_normalise_and_compare():
    assert name_key("President Joe Biden", "PERSON") == "joe biden"
    assert name_key("Martin Luther King Jr.", "PERSON") == "martin luther king"
    assert name_key("The Kremlin", "ORG") == "kremlin"
    assert name_key("Zoë Ångström's", "PERSON") == "zoe angstrom"
    assert given_compatible("joe", "joseph") and given_compatible("j", "joseph")
    assert not given_compatible("hunter", "joe")
    assert persons_compatible(["joe", "biden"], ["joseph", "r", "biden"])
    assert not persons_compatible(["hunter", "biden"], ["joe", "biden"])


def test_corpus_resolve_lookup_is_exact_or_alias_never_a_lookalike(tmp_path):
    from newsgraph.corpus import queries
    from newsgraph.store import Store
    from tests.fixtures.corpus.synthetic import record, write_store

    text = "All the staff of All, the retailer, met Joe Biden. Biden spoke."
    orgs = ("o1", "ORG", "All", ["All"], [], {})
    person = ("p1", "PERSON", "Joe Biden", ["Joe Biden", "Biden"], [], {})
    path = tmp_path / "a.duckdb"
    write_store(path, [record(text, entities=[orgs, person])])
    with Store(path, read_only=True) as store:
        assert queries.entity(store, "Nobody Atall") is None
        assert queries.find_entity(store, "nobody atall") is None
        assert queries.find_entity(store, "ALL")["name"] == "All"
        assert queries.find_entity(store, "President Joe Biden")["name"] == "Joe Biden"  # a title, same name
        assert queries.find_entity(store, "Joe Bidden") is None
        assert [s["name"] for s in queries.suggest_entities(store, "Joe Bidden")][:1] == ["Joe Biden"]
        assert "All" in [s["name"] for s in queries.suggest_entities(store, "Nobody Atall")]
        assert queries.quotes(store, speaker="Joe Bidden") == []  # filters match exactly too


def test_corpus_entity_offices_name_the_organisation_not_its_id(tmp_path):
    # A role's "of" is an entity id of its article ("e2"): the entity page names it.
    from newsgraph.corpus import queries
    from newsgraph.service import analyze, build
    from newsgraph.store import Store
    from tests.fixtures.corpus.synthetic import analysed

    text = ("Marta Kovalenko, the President of Veloria, met officials in Brussels on Monday. "
            "Kovalenko said the talks had been useful.")  # fmt: skip
    rec = analyze(text, id="offices", published="2031-03-14")
    holder = next(e for e in rec.entities if e.roles)
    assert holder.roles[0].of.startswith("e")  # the record keeps the id (its contract)
    with Store(tmp_path / "o.duckdb") as store:
        store.write([analysed(rec)])
        build(store)
        offices = queries.entity(store, holder.name)["offices"]
        veloria = queries.entity(store, "Veloria")["entity"]["gid"]
    # the name to read and the graph entity to link to (never a search by name)
    assert offices == [{"title": "President", "of": "Veloria", "of_gid": veloria, "n_docs": 1}]
