"""Cross-article entity resolution: one graph entity per real person, organisation, place.

Every article's entities are grouped into graph entities, each link with a confidence
and the evidence for it:
- the same knowledge-base id (GeoNames, ISO 3166, Wikidata): 1.0;
- the same normalised name within a type family (titles dropped: ``President Biden`` is
  ``biden``): 1.0 when the surface names are identical, else 0.95;
- people: full names with the same surname and compatible given names (``Joe Biden`` ~
  ``Joseph Biden`` ~ ``J. Biden``; never ``Hunter Biden``), near-identical spellings
  (rapidfuzz); a surname alone (``Biden``) goes to the one person of that surname holding
  the mention's office, else to the full name in the same article; it goes to a person
  named in other articles only with context tying it to that person
  (``CONTEXT_MIN`` entities named both in its article and in the person's articles, or a
  role in the same organisation), and the link's evidence names that context; otherwise
  (a footballer "Howard" on a team sheet, a politician John Howard elsewhere) it stays
  unresolved on its own;
- organisations: an acronym of a full name (``NATO``), near-identical spellings.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz import fuzz

from newsgraph.corpus.names import acronym, family, fold, name_key
from newsgraph.pipeline.shared.person_names import persons_compatible

FUZZY_MIN = 92  # rapidfuzz ratio for near-identical spellings
CONTEXT_MIN = 2  # entities named in both articles for a surname-only mention to join a person named elsewhere


@dataclass
class Node:
    """One normalised name in one family, with everything seen under it."""

    key: tuple[str, str]
    names: Counter = field(default_factory=Counter)  # surface name -> mentions
    types: Counter = field(default_factory=Counter)
    docs: set = field(default_factory=set)
    kb: dict = field(default_factory=dict)
    titles: Counter = field(default_factory=Counter)

    @cached_property
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


def resolve(rows: list[dict], doc_nodes: dict | None = None, *, graph: bool = True,
            contexts: dict | None = None) -> tuple[list[dict], list[Link]]:  # fmt: skip
    """Resolve per-document entity rows (doc_id, entity_id, type, name, kb, roles,
    n_mentions) into graph entities and one link per resolvable row. ``doc_nodes``: for
    every article of ``rows``, its entity ids -> nodes (all its entities, not only those in
    ``rows``: the context of surname-only mentions); by default, taken from ``rows``.
    ``graph=False``: the links only (the caller aggregates the graph entities itself).
    ``contexts``: filled with each surname's context digest (``surname_contexts``)."""
    nodes, row_nodes = _nodes(rows)
    if doc_nodes is None:
        doc_nodes = defaultdict(dict)
        for i, key in row_nodes.items():
            doc_nodes[rows[i]["doc_id"]][rows[i]["entity_id"]] = key
    clusters = Clusters()
    _merge_kb(nodes, clusters)
    _merge_people(nodes, clusters)
    _merge_orgs(nodes, clusters)
    links = _links(rows, row_nodes, nodes, clusters, doc_nodes, contexts)
    return (graph_entities(links, rows) if graph else []), links


def _nodes(rows: list[dict]) -> tuple[dict, dict]:
    nodes: dict[tuple[str, str], Node] = {}
    row_nodes: dict[int, tuple[str, str]] = {}
    for i, row in enumerate(rows):
        key = (row["fam"], row["norm"]) if "fam" in row else node_key(row)
        if key is None:
            continue
        node = nodes.setdefault(key, Node(key))
        node.names[row["name"]] += row.get("n_mentions") or 1
        node.types[row["type"]] += 1
        node.docs.add(row["doc_id"])
        node.kb.update(_json(row.get("kb"), {}))
        node.titles.update(r.get("title", "").lower() for r in _json(row.get("roles"), []) if r.get("title"))
        row_nodes[i] = key
    return nodes, row_nodes


def row_kb(row: dict) -> dict:
    """The knowledge-base ids of an entity row (its ``kb`` column is JSON text)."""
    return _json(row.get("kb"), {})


def _json(value, default):
    if value in ("{}", "[]", "", None):  # most rows: no kb ids, no roles
        return default
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


def _merge_people(nodes: dict, clusters: Clusters, near: dict | None = None) -> None:
    """Full names with the same surname and compatible given names; near spellings
    (``near``: see ``_merge_fuzzy``)."""
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
    _merge_fuzzy(nodes, clusters, "PERSON", near)


def _merge_fuzzy(nodes: dict, clusters: Clusters, fam: str, near: dict | None = None) -> None:
    """Near-identical spellings within blocks (cheap: only names sharing ``block(key)``).
    ``near``: node -> the nodes already known to be spelt near it (``corpus.build`` keeps
    them as ``spelling|`` keys); then only those pairs are scored, in the same order."""
    blocks: dict[str, list] = defaultdict(list)
    for key in sorted(nodes):
        if key[0] == fam and fuzzy_block(key):
            blocks[fuzzy_block(key)].append(key)
    for keys in blocks.values():
        members = set(keys) if near is not None else ()
        for i, a in enumerate(keys):
            later = keys[i + 1 :] if near is None else [b for b in sorted(near.get(a, ())) if b > a and b in members]
            for b in later:
                score = fuzzy_score(a, b)
                if score is not None:
                    clusters.union(a, b, round(0.85 * score / 100, 3), f"near-identical spelling ({score:.0f}/100)")


def fuzzy_block(key: tuple[str, str]) -> str | None:
    """The block in which a node's spelling is compared with others' (people: first
    initial and the surname's first two letters; organisations: the first two letters),
    or None when it is never compared (short names, other families)."""
    if len(key[1]) < 6 or key[0] not in ("PERSON", "ORG"):
        return None
    return key[0] + ":" + (key[1][:1] + key[1].split()[-1][:2] if key[0] == "PERSON" else key[1][:2])


def fuzzy_score(a: tuple[str, str], b: tuple[str, str]) -> float | None:
    """The rapidfuzz ratio of two nodes of one block when it makes them near-identical
    spellings of one name, else None. People must also share a given name (not Joe vs
    Jill Biden)."""
    if a[0] == "PERSON" and a[1].split()[0] != b[1].split()[0]:
        return None
    score = fuzz.ratio(a[1], b[1])
    return score if score >= FUZZY_MIN else None


def node_key(row: dict) -> tuple[str, str] | None:
    """The node (family, normalised name) an entity row belongs to, or None for value
    types and empty names."""
    fam = family(row.get("type"))
    norm = name_key(row.get("name") or "", fam) if fam else ""
    return (fam, norm) if fam and norm else None


def touch_keys(key: tuple[str, str], kb: dict) -> set[str]:
    """What can join node ``key`` to other nodes, besides near-identical spellings: its
    knowledge-base ids, its surname (people) and its acronym (organisations). Two nodes
    sharing none of these (and not spelt alike) never affect each other's resolution,
    which is what lets ``corpus.build`` re-resolve only the part a new article touches."""
    fam, norm = key
    tokens = norm.split()
    keys = {f"kb|{fam}|{name}|{ident}" for name, ident in kb.items()}
    if fam == "PERSON":
        keys.add("surname|" + tokens[-1])
    elif fam == "ORG":
        keys.add("acronym|" + (acronym(norm) if len(tokens) >= 2 else norm))
    return keys


def _merge_orgs(nodes: dict, clusters: Clusters, near: dict | None = None) -> None:
    """An acronym joins the one full name whose initials it spells; near spellings
    (``near``: see ``_merge_fuzzy``). A name the entity lexicons list (a ``newsgraph`` kb
    id) is joined by its id only: its acronyms are listed with it, and one that is not
    ("PC" beside Plaid Cymru) means something else (a personal computer)."""
    by_acronym: dict[str, list] = defaultdict(list)
    for key in sorted(nodes):
        if key[0] == "ORG" and len(nodes[key].tokens) >= 2 and "newsgraph" not in nodes[key].kb:
            by_acronym[acronym(key[1])].append(key)
    for key in sorted(nodes):
        if key[0] != "ORG" or len(nodes[key].tokens) != 1:
            continue
        full = by_acronym.get(key[1], [])
        if len(full) == 1 and len(key[1]) >= 2:
            clusters.union(full[0], key, 0.8, f"acronym of {full[0][1]!r}")
    _merge_fuzzy(nodes, clusters, "ORG", near)


@dataclass
class _Context:
    """What surname linking needs: full names by surname, per article, and offices."""

    nodes: dict
    clusters: Clusters
    surnames: dict
    full_in_doc: dict
    titles: dict
    offices: dict = field(default_factory=dict)
    doc_nodes: dict = field(default_factory=dict)
    docs_of: dict = field(default_factory=dict)  # root -> articles naming it in full
    orgs_of: dict = field(default_factory=dict)  # root -> organisations its full names hold roles in
    _around: dict = field(default_factory=dict)

    def around(self, root) -> set:
        """The entities named in the articles that name ``root`` in full."""
        if root not in self._around:
            self._around[root] = {n for d in self.docs_of.get(root, ()) for n in self.doc_nodes.get(d, {}).values()}
        return self._around[root]

    def label(self, root) -> str:
        return self.nodes[root].names.most_common(1)[0][0] if root in self.nodes else root[1]

    def shared(self, row, surname: str, roots: list) -> dict:
        """Root -> (how many entities the mention's article names that are also named
        with that root's full names, the first three of their names in order), for
        ``roots``; the article's people of that surname do not count."""
        mine = {n for n in self.doc_nodes.get(row["doc_id"], {}).values()
                if not (n[0] == "PERSON" and n[1].split()[-1] == surname)}  # fmt: skip
        out = {}
        for root in roots:
            both = mine & self.around(root)
            out[root] = (len(both), sorted(n[1] for n in both)[:3])
        return out


def _links(rows, row_nodes, nodes, clusters, doc_nodes, contexts: dict | None = None) -> list[Link]:
    """One link per row; surname-only people are linked per article (see module doc).
    ``contexts``: filled with the surnames' context digests."""
    ctx = _Context(nodes, clusters, _surname_index(nodes, clusters),
                   _full_names_in_docs(rows, row_nodes, nodes, clusters), {}, doc_nodes=doc_nodes)  # fmt: skip
    ctx.offices, ctx.titles = _offices(rows, row_nodes, ctx)
    for i, row in enumerate(rows):
        key = row_nodes.get(i)
        if key and key[0] == "PERSON" and len(nodes[key].tokens) >= 2:
            root = clusters.find(key)
            ctx.docs_of.setdefault(root, set()).add(row["doc_id"])
            ctx.orgs_of.setdefault(root, set()).update(_role_orgs(row, doc_nodes))
    if contexts is not None:
        singles = [k for k, n in nodes.items() if k[0] == "PERSON" and len(n.tokens) == 1]
        contexts.update(surname_contexts(ctx, singles))
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


def surname_contexts(ctx: _Context, singles) -> dict[str, str]:
    """Surname -> a digest of what the links of its surname-only nodes ``singles`` depend on
    besides each row's own article and context counts: the node's own cluster, and per
    person of that surname (``ctx.surnames``) its id, label, offices (held and inferred),
    organisations and full names. While it stays the same, a stored surname-only row keeps
    its link unless a new article naming one of those people in full adds to the
    entities its context counts come from (``corpus.relink``)."""
    members: dict = defaultdict(list)
    for key, node in ctx.nodes.items():
        if key[0] == "PERSON" and len(node.tokens) >= 2:
            members[ctx.clusters.find(key)].append(key[1])
    out = {}
    for key in singles:
        parts: list = [gid_for(ctx.clusters.find(key))]
        for root in sorted((r for r, _ in ctx.surnames.get(key[1], [])), key=gid_for):
            orgs = sorted("/".join(n) for n in ctx.orgs_of.get(root, ()))
            parts.append([gid_for(root), ctx.label(root), sorted(ctx.offices.get(root, ())),
                          sorted(ctx.titles.get(root, ())), orgs, sorted(members[root])])  # fmt: skip
        out[key[1]] = hashlib.sha1(json.dumps(parts).encode()).hexdigest()[:16]
    return out


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
    article, the one person named elsewhere that context ties it to (``_context_target``);
    else unresolved (a surname alone is never enough to join another article's person)."""
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
    own = ctx.clusters.find(node.key)
    if not here and candidates:  # only people named in other articles: they need context
        found = _context_target(row, surname, [c[0] for c in candidates], ctx)
        if found:
            return found
        why = f"no shared role, organisation or {CONTEXT_MIN} co-occurring entities"
        if len(candidates) > 1:
            return own, 0.5, f"ambiguous surname: {len(candidates)} people named {surname!r}, {why}; left unresolved"
        return own, 0.5, f"surname only: {why} tie it to {ctx.label(candidates[0][0])!r}; left unresolved"
    if candidates:
        return own, 0.5, f"ambiguous surname: {len(candidates)} people named {surname!r}; left unresolved"
    return own, 1.0, "surname only; no full name in the corpus"


def _context_target(row, surname: str, roots: list, ctx: _Context):
    """The one person among ``roots`` (named in full in other articles) that the mention's
    article ties to it: a role in the same organisation (0.8), else at least
    ``CONTEXT_MIN`` entities named in both articles (0.7; the most shared wins, a tie is no
    answer). Returns (root, confidence, evidence) or None."""
    orgs = _role_orgs(row, ctx.doc_nodes)
    by_org = [r for r in roots if orgs & ctx.orgs_of.get(r, set())]
    if len(by_org) == 1:
        root = by_org[0]
        named = ", ".join(sorted(n[1] for n in orgs & ctx.orgs_of[root]))
        return root, 0.8, f"surname only, same organisation ({named}) as {ctx.label(root)!r}"
    counts = ctx.shared(row, surname, roots)
    shared = sorted(((counts[r][0], r) for r in roots), key=lambda x: (-x[0], x[1]))
    if not shared or shared[0][0] < CONTEXT_MIN or (len(shared) > 1 and shared[1][0] == shared[0][0]):
        return None
    root = shared[0][1]
    named = ", ".join(counts[root][1])
    return root, 0.7, f"surname only, {shared[0][0]} entities ({named}) also named with {ctx.label(root)!r}"


def _role_orgs(row, doc_nodes) -> set:
    """The nodes of the organisations a row holds roles in (a role's ``of``: an entity id
    of its article)."""
    here = doc_nodes.get(row["doc_id"], {})
    return {here[r["of"]] for r in _json(row.get("roles"), []) if r.get("of") in here}


def _titles(row) -> frozenset[str]:
    roles = row.get("roles")
    return _titles_of(roles) if isinstance(roles, str) or roles is None else _titles_in(roles)


@lru_cache(maxsize=1 << 16)  # the same roles text comes back for every row resolved again
def _titles_of(roles: str | None) -> frozenset[str]:
    return _titles_in(_json(roles, []))


def _titles_in(roles: list) -> frozenset[str]:
    return frozenset(r.get("title", "").lower() for r in roles if r.get("title"))


@lru_cache(maxsize=1 << 18)  # pure; the joins ask for the same roots again and again
def gid_for(root) -> str:
    """A stable graph entity id from the cluster's family and root name."""
    return "ge:" + hashlib.sha1(f"{root[0]}|{root[1]}".encode()).hexdigest()[:12]


def _canonical(names: Counter, fam: str) -> str:
    """The most-mentioned name (for people, the most-mentioned full name); ties go to
    the longer name."""
    size = {n: len(name_key(n, fam).split()) for n in names}
    pool = [n for n in names if size[n] >= 2] if fam == "PERSON" else []
    return max(pool or names, key=lambda n: (names[n], size[n], n))


def graph_entities(links: list[Link], rows) -> list[dict]:
    """One row per graph entity of ``links`` (over entity ``rows``, in the same order):
    canonical name, type, aliases, kb ids and counts."""
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
    return [graph_entity(gid, e["names"], e["types"], e["kb"], e["docs"], e["mentions"]) for gid, e in by_gid.items()]


def graph_entity(gid: str, names: Counter, types: Counter, kb: dict, docs, mentions: int) -> dict:
    """A ``graph_entities`` row from what its links gathered: ``names`` (weighted by
    mentions), ``types`` (rows per type, in order of first row: ties go to the first),
    the kb ids, the documents (any sized collection) and the mention count."""
    # The canonical name: the most-mentioned of the longest (fullest) names.
    fam = family(types.most_common(1)[0][0]) or ""
    canonical = _canonical(names, fam)
    return {"gid": gid, "type": types.most_common(1)[0][0], "name": canonical,
            "aliases": sorted(n for n in names if n != canonical),
            "keys": sorted({fold(n) for n in names} | {name_key(n, fam) for n in names}),
            "kb": json.dumps(kb, sort_keys=True), "docs": docs, "n_mentions": mentions}  # fmt: skip
