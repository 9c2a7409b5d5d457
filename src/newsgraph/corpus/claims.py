"""Claims: statements from different articles about the same thing, with how many
independent sources (origins) make them and, for figures, whether they disagree.

- *Quantity claims*: two quantity statements are about the same thing when their counted
  objects share a key and a unit, their articles were published within ``WINDOW_DAYS``,
  they name the same places (at least two in common, or all of the fewer named), share an
  actor when neither names a place, have compatible event types (or none), their
  figures are within ``MAGNITUDE`` of each other (below ``SMALL`` they must be equal),
  and their sentences share at least ``WORDS_JACCARD`` of their other content words. A
  claim is a group around its first statement (``seeded``: no chaining).
- *Quote claims*: quotations whose folded wording is at least ``QUOTE_SIMILARITY``
  alike (rapidfuzz ratio): the first appearance, every reuse and its wording drift, and
  ``speaker_differs`` when the articles give different speakers.
- *Event claims*: the event clusters (``corpus.events``) with their reports' origins.

A statement's origin is its article's, except when it credits another outlet ("according
to Reuters"): then it is the origin of an article from that outlet in the same claim, or
``o:outlet:<name>``. ``independent_sources`` counts distinct origins. A quantity claim is
``contested`` when two origins' ranges do not overlap; a statement's range is
``[low, high]`` when it has bounds ("up to 40,000" is [0, 40,000]), ``value`` +/-
``APPROX_TOLERANCE`` when approximate ("about 5,000" is [4,500, 5,500]), else the value.
"""

from __future__ import annotations

import hashlib
from datetime import date

from rapidfuzz import fuzz

from newsgraph.corpus.names import fold

_PREFIX = {"quantity": "n", "quote": "q", "event": "e"}  # claim ids: c:n:..., c:q:..., c:e:...
WINDOW_DAYS = 7
MAGNITUDE = 3.0
APPROX_TOLERANCE = 0.10
QUOTE_SIMILARITY = 85.0
WORDS_JACCARD = 0.15  # the two sentences' other content words in common (Jaccard)
SMALL = 20  # figures below this match only when equal


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def statement_range(s: dict) -> tuple[float, float]:
    """The range of values statement ``s`` allows (see the module docstring)."""
    low, high, value = s.get("low"), s.get("high"), s.get("value")
    if low is not None or high is not None:
        return (low if low is not None else 0.0), (high if high is not None else float("inf"))
    if s.get("approx"):
        return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
    return value, value


def _magnitude(s: dict) -> float | None:
    for key in ("value", "high", "low"):
        if s.get(key):
            return abs(s[key])
    return None


def same_quantity(a: dict, b: dict) -> bool:
    """Whether quantity statements ``a`` and ``b`` count the same thing in one context."""
    if a["bucket"] != b["bucket"]:
        return False
    da, db = _day(a.get("published")), _day(b.get("published"))
    if (da is None) != (db is None) or (da and abs((da - db).days) > WINDOW_DAYS):
        return False
    pa, pb = set(a.get("places") or ()), set(b.get("places") or ())
    if pa and pb:
        if len(pa & pb) < min(2, len(pa), len(pb)):
            return False
    elif not set(a.get("actors") or ()) & set(b.get("actors") or ()):
        return False
    ta, tb = set(a.get("event_types") or ()), set(b.get("event_types") or ())
    if ta and tb and not ta & tb:
        return False
    ma, mb = _magnitude(a), _magnitude(b)
    if ma and mb and max(ma, mb) / min(ma, mb) > MAGNITUDE:
        return False
    if max(ma or 0, mb or 0) < SMALL and (a.get("value"), a.get("low"), a.get("high")) != (b.get("value"), b.get("low"), b.get("high")):
        return False  # "two games", "three nominations": small counts of common things match only when equal
    wa, wb = set(a.get("words") or ()), set(b.get("words") or ())
    return bool(wa | wb) and len(wa & wb) / len(wa | wb) >= WORDS_JACCARD


def same_quote(a: dict, b: dict) -> bool:
    """Whether quote statements ``a`` and ``b`` are one quotation (small changes allowed)."""
    return fuzz.ratio(a["norm"], b["norm"], score_cutoff=QUOTE_SIMILARITY) >= QUOTE_SIMILARITY  # cutoff: same answer, sooner


def group(statements: list[dict], same, pairs: list[tuple[int, int]] | None = None, *,
          joined: list[tuple[int, int]] = ()) -> list[list[dict]]:  # fmt: skip
    """Connected groups of ``statements`` under the pairwise test ``same`` (order-free),
    testing every pair, or only the candidate ``pairs`` (indexes) when given; the pairs
    ``joined`` are known to be in one group (not tested again)."""
    parent = list(range(len(statements)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in joined:
        if find(i) != find(j):
            parent[find(i)] = find(j)
    if pairs is None:
        pairs = ((i, j) for i in range(len(statements)) for j in range(i + 1, len(statements)))
    for i, j in pairs:
        if find(i) != find(j) and same(statements[i], statements[j]):
            parent[find(i)] = find(j)
    out: dict[int, list[dict]] = {}
    for i, s in enumerate(statements):
        out.setdefault(find(i), []).append(s)
    return list(out.values())


def seeded(statements: list[dict], same, seeds: list[list[dict]] | None = None) -> list[list[dict]]:
    """Groups of ``statements`` without chaining: in publication order, each statement
    joins the first group whose first statement it matches under ``same``, else starts
    one. Deterministic for a given set (the order is global), so a whole bucket
    recomputed gives the same groups however its statements arrived. ``seeds``: groups
    already formed by earlier statements (in order), which the statements may join."""
    seeds = list(seeds or [])
    for s in sorted(statements, key=_order):
        for g in seeds:
            if same(g[0], s):
                g.append(s)
                break
        else:
            seeds.append([s])
    return seeds


def _order(s: dict) -> tuple:
    return (s.get("published") is None, s.get("published") or "", s["doc_id"], s["start"])


def _origins(members: list[dict], origin_of: dict[str, str], outlet_of: dict[str, str | None]) -> list[str]:
    """Each member's origin: its article's, or for a credit the credited outlet's."""
    out = []
    for s in members:
        credited = s.get("credited")
        if not credited:
            out.append(origin_of[s["doc_id"]])
            continue
        own = sorted(origin_of[m["doc_id"]] for m in members if outlet_of.get(m["doc_id"]) == credited)
        out.append(own[0] if own else "o:outlet:" + fold(credited).replace(" ", "-"))
    return out


def contested(ranges: dict[str, tuple[float, float]]) -> bool:
    """Whether two origins' ranges (origin -> its statements' hull) do not overlap."""
    items = sorted(ranges.values())
    return any(items[i][1] < items[j][0] for i in range(len(items)) for j in range(i + 1, len(items)))


def claim_rows(kind: str, members: list[dict], origin_of: dict, outlet_of: dict) -> tuple[dict, list[dict]] | None:
    """One group of statements -> ``(claim row, source rows)``, or None when the group
    holds fewer than two articles."""
    members = sorted(members, key=_order)
    if len({s["doc_id"] for s in members}) < 2:
        return None
    first = members[0]
    prefix = _PREFIX[kind]
    claim_id = f"c:{prefix}:" + hashlib.sha1(f"{kind}|{first['doc_id']}|{first['idx']}".encode()).hexdigest()[:12]
    origins = _origins(members, origin_of, outlet_of)
    sources = []
    for s, origin in zip(members, origins, strict=True):
        row = {k: s.get(k) for k in ("doc_id", "idx", "start", "end", "text", "speaker", "attribution", "published",
                                      "value", "low", "high", "approx", "sentence_start", "sentence_end")}  # fmt: skip
        row.update(claim_id=claim_id, kind=kind, origin_id=origin, first=s is first,
                   similarity=fuzz.ratio(s["norm"], first["norm"]) / 100 if kind == "quote" else None)  # fmt: skip
        sources.append(row)
    names = sorted({n for s in members for n in s.get("names") or ()})
    claim = {"claim_id": claim_id, "kind": kind, "bucket": first.get("bucket"), "object": first.get("object"),
             "unit": first.get("unit"), "entities": names, "n_docs": len({s["doc_id"] for s in members}),
             "independent_sources": len(set(origins)), "first_doc": first["doc_id"],
             "first_published": first.get("published"), "contested": False, "speaker_differs": False}  # fmt: skip
    if kind == "quantity":
        hulls: dict[str, tuple[float, float]] = {}
        for s, origin in zip(members, origins, strict=True):
            lo, hi = statement_range(s)
            old = hulls.get(origin, (lo, hi))
            hulls[origin] = (min(old[0], lo), max(old[1], hi))
        claim["contested"] = contested(hulls)
        claim["summary"] = _quantity_summary(first, members)
    else:
        speakers = {fold(s["speaker"]).split()[-1] for s in members if s.get("speaker") and fold(s["speaker"])}
        claim["speaker_differs"] = len(speakers) > 1
        claim["summary"] = f"\u201c{first['text'][:140]}\u201d \u2014 {first.get('speaker') or 'unattributed'}"
    return claim, sources


def event_claim_rows(cluster_id: str, members: list[dict], origin_of: dict, outlet_of: dict) -> tuple[dict, list[dict]]:
    """One event cluster's reports (with the cluster's ``type, source_name, target_name,
    place, date_first``) -> ``(claim row, source rows)``; the claim id is ``c:e:`` plus
    the cluster's."""
    members = sorted(members, key=_order)
    first, claim_id = members[0], "c:e:" + cluster_id.removeprefix("ev:")
    origins = _origins(members, origin_of, outlet_of)
    sources = [{**{k: s.get(k) for k in ("doc_id", "idx", "start", "end", "text", "speaker", "attribution",
                                         "published", "sentence_start", "sentence_end")},
                "claim_id": claim_id, "kind": "event", "origin_id": origin, "first": s is first}
               for s, origin in zip(members, origins, strict=True)]  # fmt: skip
    where = f" in {first['place']}" if first.get("place") else ""
    when = f" ({first['date_first']})" if first.get("date_first") else ""
    summary = f"{first['type']}: {first.get('source_name') or '?'} -> {first.get('target_name') or '-'}{where}{when}"
    names = sorted({n for n in (first.get("source_name"), first.get("target_name"), first.get("place")) if n})
    claim = {"claim_id": claim_id, "kind": "event", "bucket": cluster_id, "summary": summary, "entities": names,
             "n_docs": len({s["doc_id"] for s in members}), "independent_sources": len(set(origins)),
             "contested": False, "speaker_differs": False, "first_doc": first["doc_id"],
             "first_published": first.get("published")}  # fmt: skip
    return claim, sources


def _quantity_summary(first: dict, members: list[dict]) -> str:
    figures = []
    for s in members:
        if s["text"] not in figures:
            figures.append(s["text"])
    where = ", ".join((first.get("names") or [])[:4]) or "no place named"
    return f"{first['object']} ({where}): {' / '.join(figures[:6])}"
