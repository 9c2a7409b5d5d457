"""Event deduplication: reports of the same event become one event with all its reports.

Two reports are of one event when they share the PLOVER type, the resolved source and
target actors (graph entities when resolved, else normalised names), the place, the
negation, and their dates lie within ``WINDOW_DAYS`` of the first report's date. The date
of a report is the event's own date when it has a full one, else the article's date.
"""

from __future__ import annotations

import hashlib
from datetime import date

from newsgraph.corpus.names import fold

WINDOW_DAYS = 3
_COUNTRY_KEYS = ("place_country", "source_country", "target_country")


def _day(value: str | None) -> date | None:
    if value and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _actor(gid: str | None, name: str | None) -> str:
    return gid or (fold(name) if name else "")


def report_key(r: dict) -> tuple:
    """What reports of one event share: type, actors, place and negation. Clusters never
    span two keys, so ``corpus.build`` re-clusters only the keys new reports touch."""
    return (r["type"], _actor(r.get("source_gid"), r.get("source_name")),
            _actor(r.get("target_gid"), r.get("target_name")), fold(r.get("place") or ""), bool(r.get("negated")))  # fmt: skip


def key_text(key: tuple) -> str:
    """A report key as the text the store keeps (``event_keys.key``)."""
    return "|".join(str(k) for k in key)


def report_day(r: dict) -> date | None:
    """The day a report is clustered by: the event's own full date, else the article's."""
    return _day(r.get("date")) or _day(r.get("published"))


def cluster(reports: list[dict], window: int = WINDOW_DAYS) -> tuple[list[dict], list[dict]]:
    """``reports``: event rows with ``doc_id, idx, type, source_gid, source_name,
    target_gid, target_name, place, country, negated, date, published, group_id``.
    Returns (event clusters, cluster membership rows)."""
    by_key: dict[tuple, list[dict]] = {}
    for r in reports:
        key = report_key(r)
        r["day"] = report_day(r)
        by_key.setdefault(key, []).append(r)
    clusters, members = [], []
    for key, rows in by_key.items():
        rows.sort(key=lambda r: (r["day"] is None, r["day"] or date.min, r["doc_id"], r["idx"]))
        current: list[dict] = []
        for r in rows:
            if current and not _same_window(current[0]["day"], r["day"], window):
                clusters.append(_close(key, current, members))
                current = []
            current.append(r)
        if current:
            clusters.append(_close(key, current, members))
    return clusters, members


def _same_window(first: date | None, day: date | None, window: int) -> bool:
    if first is None or day is None:
        return first is None and day is None
    return (day - first).days <= window


def _close(key: tuple, rows: list[dict], members: list[dict]) -> dict:
    first = rows[0]
    days = [r["day"] for r in rows if r["day"] is not None]
    ident = key_text(key) + "|" + (str(first["day"]) if first["day"] else "")
    cluster_id = "ev:" + hashlib.sha1(ident.encode()).hexdigest()[:12]
    for r in rows:
        members.append({"cluster_id": cluster_id, "doc_id": r["doc_id"], "idx": r["idx"]})
    return {
        "cluster_id": cluster_id, "type": first["type"],
        "source_gid": first.get("source_gid"), "source_name": _most_common(r.get("source_name") for r in rows),
        "target_gid": first.get("target_gid"), "target_name": _most_common(r.get("target_name") for r in rows),
        "country": _most_common(r.get("country") for r in rows), "place": _most_common(r.get("place") for r in rows),
        "countries": sorted({r.get(k) for r in rows for k in _COUNTRY_KEYS if r.get(k)}),
        "date_first": min(days).isoformat() if days else None, "date_last": max(days).isoformat() if days else None,
        "n_reports": len(rows), "n_docs": len({r["doc_id"] for r in rows}),
        "n_stories": len({r.get("group_id") or r["doc_id"] for r in rows}),
    }  # fmt: skip


def _most_common(values) -> str | None:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], v)) if counts else None
