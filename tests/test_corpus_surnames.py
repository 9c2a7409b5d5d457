"""A surname alone joins a person named in other articles only with context tying it to
that person (issue 13): a shared office, an organisation, or entities named in both
articles; the link's confidence and evidence say which. A synthetic multi-article corpus
(no real news text): a politician John Howard, and a footballer listed as "Subs: Howard"."""

from __future__ import annotations

import pytest

from newsgraph.corpus.build import rebuild, update
from newsgraph.corpus.resolve import resolve
from newsgraph.store import Store
from tests.fixtures.corpus.synthetic import analysed, record

POLITICS = [
    ("Prime Minister John Howard met Treasurer Peter Costello in Canberra on Monday to discuss the budget.",
     [("p1", "PERSON", "John Howard", ["John Howard"], ["Prime Minister"], {}),
      ("p2", "PERSON", "Peter Costello", ["Peter Costello"], ["Treasurer"], {}),
      ("g1", "GPE", "Canberra", ["Canberra"], [], {})]),
    ("John Howard and Peter Costello spoke to the Liberal Party in Canberra about taxes.",
     [("p1", "PERSON", "John Howard", ["John Howard"], [], {}),
      ("p2", "PERSON", "Peter Costello", ["Peter Costello"], [], {}),
      ("o1", "ORG", "Liberal Party", ["Liberal Party"], [], {}),
      ("g1", "GPE", "Canberra", ["Canberra"], [], {})]),
]
# Surname-only mentions in other articles.
WITH_CONTEXT = ("Howard told reporters in Canberra that Peter Costello would present the budget on Tuesday.",
                [("s1", "PERSON", "Howard", ["Howard"], [], {}),
                 ("p2", "PERSON", "Peter Costello", ["Peter Costello"], [], {}),
                 ("g1", "GPE", "Canberra", ["Canberra"], [], {})])
WITH_OFFICE = ("Prime Minister Howard will travel to Jakarta next week, officials said.",
               [("s1", "PERSON", "Howard", ["Howard"], ["Prime Minister"], {}),
                ("g1", "GPE", "Jakarta", ["Jakarta"], [], {})])
TEAM_SHEET = ("Everton: Martyn, Hibbert, Yobo, Weir, Pistone. Subs: Howard, Ferguson. Referee: Styles. Canberra fans.",
              [("s1", "PERSON", "Howard", ["Howard"], [], {}),
               ("o1", "ORG", "Everton", ["Everton"], [], {}),
               ("p3", "PERSON", "Ferguson", ["Ferguson"], [], {}),
               ("g1", "GPE", "Canberra", ["Canberra"], [], {})])  # one shared entity is not enough


def _records():
    articles = [*POLITICS, WITH_CONTEXT, WITH_OFFICE, TEAM_SHEET]
    return [record(text, published=f"2031-05-0{i + 1}", title=f"Story {i}", entities=ents)
            for i, (text, ents) in enumerate(articles)]  # fmt: skip


def _links(store: Store) -> dict[str, tuple[str, float, str]]:
    """Article text -> (graph name, confidence, evidence) of its surname-only Howard."""
    rows = store.con.execute("""SELECT d.text, g.name, l.confidence, l.evidence FROM entity_links l
        JOIN entities e USING (doc_id, entity_id) JOIN documents d ON d.id = l.doc_id
        JOIN graph_entities g USING (gid) WHERE e.name = 'Howard'""").fetchall()  # fmt: skip
    return {text: (name, conf, evidence) for text, name, conf, evidence in rows}


@pytest.mark.parametrize("chunks", [1, 5])
def test_corpus_surname_links_across_articles_need_context(tmp_path, chunks):
    records = _records()
    with Store(tmp_path / "s.duckdb") as store:
        size = -(-len(records) // chunks)
        for start in range(0, len(records), size):
            store.write([analysed(r) for r in records[start : start + size]])
            update(store)
        links = _links(store)
        rebuild(store)
        assert _links(store) == links  # incremental and full agree
    name, conf, evidence = links[WITH_CONTEXT[0]]
    assert name == "John Howard" and conf == 0.7
    assert "2 entities" in evidence and "canberra" in evidence and "peter costello" in evidence
    name, conf, evidence = links[WITH_OFFICE[0]]
    assert name == "John Howard" and conf == 0.85 and evidence.startswith("same office (prime minister)")
    name, conf, evidence = links[TEAM_SHEET[0]]
    assert name == "Howard" and conf == 0.5  # the footballer is not the politician
    assert "left unresolved" in evidence and "'John Howard'" in evidence


def _rows(*specs):
    return [{"doc_id": doc, "entity_id": eid, "type": etype, "name": name, "n_mentions": 1, "roles": roles, "kb": {}}
            for doc, eid, etype, name, roles in specs]  # fmt: skip


def test_corpus_surname_joins_on_a_role_in_the_same_organisation():
    rows = _rows(("d1", "e1", "PERSON", "Mary Howard", [{"title": "chief", "of": "e2"}]),
                 ("d1", "e2", "ORG", "Harbour Authority", []),
                 ("d2", "e1", "PERSON", "Howard", [{"title": "spokeswoman", "of": "e2"}]),
                 ("d2", "e2", "ORG", "Harbour Authority", []),
                 ("d3", "e1", "PERSON", "Howard", []),
                 ("d3", "e2", "ORG", "Harbour Authority", []))  # named, but no role in it
    graph, links = resolve(rows)
    names = {g["gid"]: g["name"] for g in graph}
    got = {(ln.doc_id, ln.entity_id): (names[ln.gid], ln.confidence, ln.evidence) for ln in links}
    assert got[("d2", "e1")][:2] == ("Mary Howard", 0.8) and "same organisation (harbour authority)" in got[("d2", "e1")][2]
    assert got[("d3", "e1")][:2] == ("Howard", 0.5)


def test_corpus_surname_two_people_with_context_for_both_equally_stay_apart():
    rows = _rows(("d1", "e1", "PERSON", "Anna Lind", []), ("d1", "e2", "GPE", "Oslo", []), ("d1", "e3", "ORG", "Acme", []),
                 ("d2", "e1", "PERSON", "Erik Lind", []), ("d2", "e2", "GPE", "Oslo", []), ("d2", "e3", "ORG", "Acme", []),
                 ("d3", "e1", "PERSON", "Lind", []), ("d3", "e2", "GPE", "Oslo", []), ("d3", "e3", "ORG", "Acme", []))  # fmt: skip
    _, links = resolve(rows)
    link = next(ln for ln in links if ln.doc_id == "d3" and ln.entity_id == "e1")
    assert link.confidence == 0.5 and link.evidence.startswith("ambiguous surname: 2 people")


# A stored surname-only row is linked again only where its context can have changed (the
# surname's digest, ``surname_context``, or a new article naming one of its people in full
# and adding an entity its article names that no stored article naming him named): here a
# later article names John Howard with Peter Costello, giving the earlier "Howard" its
# second shared entity.
HOWARD_FIRST = ("John Howard opened the session in Canberra on Monday.",
                [("p1", "PERSON", "John Howard", ["John Howard"], [], {}),
                 ("g1", "GPE", "Canberra", ["Canberra"], [], {})])
HOWARD_ALONE = ("Howard met Peter Costello in Canberra after the vote.",
                [("s1", "PERSON", "Howard", ["Howard"], [], {}),
                 ("p2", "PERSON", "Peter Costello", ["Peter Costello"], [], {}),
                 ("g1", "GPE", "Canberra", ["Canberra"], [], {})])
UNRELATED = ("Howard scored twice for Everton in Canberra.",
             [("s1", "PERSON", "Howard", ["Howard"], [], {}),
              ("o1", "ORG", "Everton", ["Everton"], [], {}),
              ("g1", "GPE", "Canberra", ["Canberra"], [], {})])
HOWARD_LATER = ("John Howard and Peter Costello presented the budget in Canberra.",
                [("p1", "PERSON", "John Howard", ["John Howard"], [], {}),
                 ("p2", "PERSON", "Peter Costello", ["Peter Costello"], [], {}),
                 ("g1", "GPE", "Canberra", ["Canberra"], [], {})])


def test_corpus_surname_stored_rows_are_linked_again_only_where_they_can_change(tmp_path, monkeypatch):
    from newsgraph.corpus import relink
    from newsgraph.corpus import resolve as resolve_module

    monkeypatch.setattr(relink, "RELINK_ALL_BELOW", 0)  # a small store links every row of a reached surname
    linked = []
    target = resolve_module._surname_target
    def counted(row, node, ctx):
        linked.append(row["doc_id"])
        return target(row, node, ctx)

    monkeypatch.setattr(resolve_module, "_surname_target", counted)
    articles = [HOWARD_FIRST, HOWARD_ALONE, UNRELATED, HOWARD_LATER]
    records = [record(text, published=f"2031-06-0{i + 1}", title=f"Story {i}", entities=ents)
               for i, (text, ents) in enumerate(articles)]  # fmt: skip
    with Store(tmp_path / "s.duckdb") as store:
        store.write([analysed(r) for r in records[:2]])
        update(store)
        assert _links(store)[HOWARD_ALONE[0]][:2] == ("Howard", 0.5)  # one shared entity (canberra)
        digest = "SELECT count(*) FROM surname_context WHERE surname = 'howard'"
        assert store.con.execute(digest).fetchall() == [(1,)]
        linked.clear()
        store.write([analysed(records[2])])  # another Howard, nothing new about John Howard
        update(store)
        assert linked == [records[2].id]  # the stored row keeps its link without being linked again
        linked.clear()
        store.write([analysed(records[3])])  # John Howard named with Peter Costello
        update(store)
        # the row whose article names Peter Costello, new beside John Howard; not the one
        # naming only Canberra, named with him before
        assert linked == [records[1].id]
        links = _links(store)
        name, conf, evidence = links[HOWARD_ALONE[0]]
        assert (name, conf) == ("John Howard", 0.7) and "peter costello" in evidence
        assert links[UNRELATED[0]][:2] == ("Howard", 0.5)
        digests = store.con.execute("SELECT * FROM surname_context ORDER BY surname").fetchall()
        rebuild(store)
        assert _links(store) == links  # incremental and full agree, digests included
        assert store.con.execute("SELECT * FROM surname_context ORDER BY surname").fetchall() == digests
