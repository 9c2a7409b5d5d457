"""Cross-article entity resolution: one graph entity per real person, organisation, place.

Every article's entities are grouped into graph entities, each link with a confidence
and the evidence for it:
- the same knowledge-base id (GeoNames, ISO 3166, Wikidata): 1.0;
- the same normalised name within a type family (titles dropped: ``President Biden`` is
  ``biden``): 1.0 when the surface names are identical, else 0.95;
- people: full names with the same surname and compatible given names (``Joe Biden`` ~
  ``Joseph Biden`` ~ ``J. Biden``; never ``Hunter Biden``), near-identical spellings
  (rapidfuzz); a surname alone (``Biden``) goes to the full name in the same article,
  else to the only person of that surname in the corpus, else to the one holding the same
  office, else to a clearly dominant one; otherwise it stays unresolved on its own;
- organisations: an acronym of a full name (``NATO``), near-identical spellings.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from newsgraph.corpus.names import acronym, family, fold, name_key, persons_compatible

FUZZY_MIN = 92  # rapidfuzz ratio for near-identical spellings


@dataclass
class Node:
    """One normalised name in one family, with everything seen under it."""

    key: tuple[str, str]
    names: Counter = field(default_factory=Counter)  # surface name -> mentions
    types: Counter = field(default_factory=Counter)
    docs: set = field(default_factory=set)
    kb: dict = field(default_factory=dict)
    titles: Counter = field(default_factory=Counter)

    @property
    def tokens(self) -> list[str]:
        return self.key[1].split()


@dataclass(frozen=True)
class Link:
    doc_id: str
    entity_id: str
    gid: str
    confidence: float
    evidence: str


class Clusters:
    """Union-find over nodes; each merged node keeps the confidence and evidence of its merge."""

    def __init__(self) -> None:
        self.parent: dict = {}
        self.why: dict = {}

    def find(self, key):
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, keep, other, confidence: float, evidence: str) -> None:
        a, b = self.find(keep), self.find(other)
        if a != b:
            self.parent[b] = a
            self.why.setdefault(other, (confidence, evidence))


def resolve(rows: list[dict]) -> tuple[list[dict], list[Link]]:
    """Resolve per-document entity rows (doc_id, entity_id, type, name, kb, roles,
    n_mentions) into graph entities and one link per resolvable row."""
    nodes, row_nodes = _nodes(rows)
    clusters = Clusters()
    _merge_kb(nodes, clusters)
    _merge_people(nodes, clusters)
    _merge_orgs(nodes, clusters)
    links = _links(rows, row_nodes, nodes, clusters)
    return _graph_entities(links, rows, nodes, clusters), links


def _nodes(rows: list[dict]) -> tuple[dict, dict]:
    nodes: dict[tuple[str, str], Node] = {}
    row_nodes: dict[int, tuple[str, str]] = {}
    for i, row in enumerate(rows):
        fam = family(row.get("type"))
        norm = name_key(row.get("name") or "", fam) if fam else ""
        if not fam or not norm:
            continue
        key = (fam, norm)
        node = nodes.setdefault(key, Node(key))
        node.names[row["name"]] += row.get("n_mentions") or 1
        node.types[row["type"]] += 1
        node.docs.add(row["doc_id"])
        node.kb.update(_json(row.get("kb"), {}))
        node.titles.update(r.get("title", "").lower() for r in _json(row.get("roles"), []) if r.get("title"))
        row_nodes[i] = key
    return nodes, row_nodes


def _json(value, default):
    if isinstance(value, str):
        return json.loads(value) if value else default
    return value if value is not None else default


def _merge_kb(nodes: dict, clusters: Clusters) -> None:
    first: dict[tuple, tuple] = {}
    for key in sorted(nodes):
        for kb_name, kb_id in sorted(nodes[key].kb.items()):
            ident = (key[0], kb_name, str(kb_id))
            if ident in first:
                clusters.union(first[ident], key, 1.0, f"same {kb_name} id {kb_id}")
            else:
                first[ident] = key


def _merge_people(nodes: dict, clusters: Clusters) -> None:
    """Full names with the same surname and compatible given names; near spellings."""
    by_surname: dict[str, list] = defaultdict(list)
    for key in sorted(nodes):
        if key[0] == "PERSON" and len(nodes[key].tokens) >= 2:
            by_surname[nodes[key].tokens[-1]].append(key)
    for keys in by_surname.values():
        keys.sort(key=lambda k: (-len(nodes[k].docs), k))
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if persons_compatible(nodes[a].tokens, nodes[b].tokens):
                    clusters.union(a, b, 0.9, f"same surname, compatible given names: {a[1]!r} ~ {b[1]!r}")
    _merge_fuzzy(nodes, clusters, "PERSON", lambda k: k[1][:1] + k[1].split()[-1][:2])


def _merge_fuzzy(nodes: dict, clusters: Clusters, fam: str, block) -> None:
    """Near-identical spellings within blocks (cheap: only names sharing ``block(key)``)."""
    blocks: dict[str, list] = defaultdict(list)
    for key in sorted(nodes):
        if key[0] == fam and len(key[1]) >= 6:
            blocks[block(key)].append(key)
    for keys in blocks.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if fam == "PERSON" and not _same_first(a, b):
                    continue
                score = fuzz.ratio(a[1], b[1])
                if score >= FUZZY_MIN:
                    clusters.union(a, b, round(0.85 * score / 100, 3), f"near-identical spelling ({score:.0f}/100)")


def _same_first(a, b) -> bool:
    """People spelt nearly alike must still share a given name (not Joe vs Jill Biden)."""
    return a[1].split()[0] == b[1].split()[0]


def _merge_orgs(nodes: dict, clusters: Clusters) -> None:
    """An acronym joins the one full name whose initials it spells."""
    by_acronym: dict[str, list] = defaultdict(list)
    for key in sorted(nodes):
        if key[0] == "ORG" and len(nodes[key].tokens) >= 2:
            by_acronym[acronym(key[1])].append(key)
    for key in sorted(nodes):
        if key[0] != "ORG" or len(nodes[key].tokens) != 1:
            continue
        full = by_acronym.get(key[1], [])
        if len(full) == 1 and len(key[1]) >= 2:
            clusters.union(full[0], key, 0.8, f"acronym of {full[0][1]!r}")
    _merge_fuzzy(nodes, clusters, "ORG", lambda k: k[1][:2])


@dataclass
class _Context:
    """What surname linking needs: full names by surname, per article, and offices."""

    nodes: dict
    clusters: Clusters
    surnames: dict
    full_in_doc: dict
    titles: dict
    offices: dict = field(default_factory=dict)

    def label(self, root) -> str:
        return self.nodes[root].names.most_common(1)[0][0] if root in self.nodes else root[1]


def _links(rows, row_nodes, nodes, clusters) -> list[Link]:
    """One link per row; surname-only people are linked per article (see module doc)."""
    ctx = _Context(nodes, clusters, _surname_index(nodes, clusters),
                   _full_names_in_docs(rows, row_nodes, nodes, clusters), {})  # fmt: skip
    ctx.offices, ctx.titles = _offices(rows, row_nodes, ctx)
    links: list[Link] = []
    for i, row in enumerate(rows):
        key = row_nodes.get(i)
        if key is None:
            continue
        node = nodes[key]
        if key[0] == "PERSON" and len(node.tokens) == 1:
            root, confidence, evidence = _surname_target(row, node, ctx)
        else:
            root = clusters.find(key)
            confidence, evidence = clusters.why.get(key, _exact_evidence(node))
        links.append(Link(row["doc_id"], row["entity_id"], gid_for(root), confidence, evidence))
    return links


def _offices(rows, row_nodes, ctx: _Context) -> tuple[dict, dict]:
    """Root -> office titles, twice: held by its full names (``President Joe Biden``),
    and those plus the titles of surname-only mentions an article ties to it (weaker)."""
    offices: dict = defaultdict(set)
    for key, node in ctx.nodes.items():
        if key[0] == "PERSON" and len(node.tokens) >= 2:
            offices[ctx.clusters.find(key)].update(node.titles)
    inferred: dict = defaultdict(set, {root: set(titles) for root, titles in offices.items()})
    for i, row in enumerate(rows):
        key = row_nodes.get(i)
        if key and key[0] == "PERSON" and len(ctx.nodes[key].tokens) == 1:
            here = ctx.full_in_doc.get((row["doc_id"], ctx.nodes[key].tokens[0]), set())
            if len(here) == 1:
                inferred[next(iter(here))].update(_titles(row))
    return offices, inferred


def _exact_evidence(node: Node) -> tuple[float, str]:
    if len(node.names) <= 1:
        return 1.0, "same name"
    return 0.95, f"same normalised name {node.key[1]!r}"


def _surname_index(nodes, clusters) -> dict[str, list]:
    """Surname -> the clusters of full-name people bearing it, most documents first."""
    index: dict[str, dict] = defaultdict(dict)
    for key, node in nodes.items():
        if key[0] == "PERSON" and len(node.tokens) >= 2:
            root = clusters.find(key)
            index[node.tokens[-1]].setdefault(root, set()).update(node.docs)
    ranked = {}
    for surname, roots in index.items():
        order = sorted(roots, key=lambda root: (-len(roots[root]), root))
        ranked[surname] = [(root, len(roots[root])) for root in order]
    return ranked


def _full_names_in_docs(rows, row_nodes, nodes, clusters) -> dict[tuple[str, str], set]:
    """(doc_id, surname) -> roots of the full-name people that article names."""
    found: dict[tuple[str, str], set] = defaultdict(set)
    for i, row in enumerate(rows):
        key = row_nodes.get(i)
        if key and key[0] == "PERSON" and len(nodes[key].tokens) >= 2:
            found[(row["doc_id"], nodes[key].tokens[-1])].add(clusters.find(key))
    return found


def _surname_target(row, node, ctx):
    """Where a surname-only mention goes: (root, confidence, evidence). Order: the one
    person of that surname holding the mention's office, the full name in the same
    article, the only person of that surname, a clearly dominant one; else unresolved."""
    surname = node.tokens[0]
    here = ctx.full_in_doc.get((row["doc_id"], surname), set())
    candidates = ctx.surnames.get(surname, [])
    titles = _titles(row)
    by_office = [c for c in candidates if titles & ctx.offices.get(c[0], set())]
    if len(by_office) != 1:  # fall back to offices inferred from surname mentions
        by_office = [c for c in candidates if titles & ctx.titles.get(c[0], set())]
    if len(by_office) == 1:
        root = by_office[0][0]
        return root, 0.9 if root in here else 0.85, f"same office ({', '.join(sorted(titles))}) as {ctx.label(root)!r}"
    if len(here) == 1:
        root = next(iter(here))
        return root, 0.95, f"surname of {ctx.label(root)!r} named in the same article"
    if here:  # two people of that surname in this article: only they are candidates
        candidates = [c for c in candidates if c[0] in here]
    if len(candidates) == 1 and not here:
        return candidates[0][0], 0.75, f"the only person surnamed {surname!r} in the corpus"
    if len(candidates) >= 2 and candidates[0][1] >= 3 * candidates[1][1]:
        root = candidates[0][0]
        return root, 0.6, f"most frequent person surnamed {surname!r} ({candidates[0][1]} vs {candidates[1][1]} articles)"
    own = ctx.clusters.find(node.key)
    if candidates:
        return own, 0.5, f"ambiguous surname: {len(candidates)} people named {surname!r}; left unresolved"
    return own, 1.0, "surname only; no full name in the corpus"


def _titles(row) -> set[str]:
    return {r.get("title", "").lower() for r in _json(row.get("roles"), []) if r.get("title")}


def gid_for(root) -> str:
    """A stable graph entity id from the cluster's family and root name."""
    return "ge:" + hashlib.sha1(f"{root[0]}|{root[1]}".encode()).hexdigest()[:12]


def _canonical(names: Counter, fam: str) -> str:
    """The most-mentioned name (for people, the most-mentioned full name); ties go to
    the longer name."""
    size = {n: len(name_key(n, fam).split()) for n in names}
    pool = [n for n in names if size[n] >= 2] if fam == "PERSON" else []
    return max(pool or names, key=lambda n: (names[n], size[n], n))


def _graph_entities(links: list[Link], rows, nodes, clusters) -> list[dict]:
    """One row per graph entity: canonical name, type, aliases, kb ids and counts."""
    by_gid: dict[str, dict] = {}
    row_by_key = {(r["doc_id"], r["entity_id"]): r for r in rows}
    for link in links:
        row = row_by_key[(link.doc_id, link.entity_id)]
        entry = by_gid.setdefault(link.gid, {"names": Counter(), "types": Counter(), "docs": set(),
                                             "mentions": 0, "kb": {}})  # fmt: skip
        entry["names"][row["name"]] += row.get("n_mentions") or 1
        entry["types"][row["type"]] += 1
        entry["docs"].add(link.doc_id)
        entry["mentions"] += row.get("n_mentions") or 0
        entry["kb"].update(_json(row.get("kb"), {}))
    out = []
    for gid, entry in by_gid.items():
        names = entry["names"]
        # The canonical name: the most-mentioned of the longest (fullest) names.
        fam = family(entry["types"].most_common(1)[0][0]) or ""
        canonical = _canonical(names, fam)
        out.append({"gid": gid, "type": entry["types"].most_common(1)[0][0], "name": canonical,
                    "aliases": sorted(n for n in names if n != canonical),
                    "keys": sorted({fold(n) for n in names} | {name_key(n, fam) for n in names}), "kb": json.dumps(entry["kb"], sort_keys=True),
                    "docs": entry["docs"], "n_mentions": entry["mentions"]})  # fmt: skip
    return out
