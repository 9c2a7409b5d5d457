"""One place across the corpus, by its GeoNames id: what the map's dots open."""

from __future__ import annotations

from newsgraph.store.db import Store


def place(store: Store, geonames_id: int, *, limit: int = 100) -> dict | None:
    """The place with GeoNames id ``geonames_id``: ``{geonames_id, name, country, lat, lon,
    feature, n_docs, n_mentions, entities, documents, co_entities, events}`` (the graph
    entities it resolved to, the articles naming it, the entities named most often in those
    articles, and the events placed there, by an actor that is this place, or in its
    country when it is a country); None when no article names it."""
    head = store.query("""
        SELECT geonames_id, mode(name) AS name, any_value(country) AS country, any_value(lat) AS lat,
               any_value(lon) AS lon, mode(feature) AS feature, count(DISTINCT doc_id) AS n_docs,
               sum(n_mentions) AS n_mentions
        FROM places WHERE geonames_id = ? GROUP BY geonames_id""", [geonames_id])  # fmt: skip
    if not head:
        return None
    out = head[0]
    out["documents"] = store.query("""
        SELECT p.doc_id AS id, d.title, d.published, d.source, sum(p.n_mentions) AS n_mentions
        FROM places p JOIN documents d ON d.id = p.doc_id WHERE p.geonames_id = ?
        GROUP BY ALL ORDER BY d.published DESC NULLS LAST, d.title, p.doc_id LIMIT ?""", [geonames_id, limit])  # fmt: skip
    out["entities"] = store.query("""
        SELECT DISTINCT g.gid, g.name, g.type, g.n_docs FROM places p
        JOIN entity_links l ON l.doc_id = p.doc_id AND l.entity_id = p.entity_id JOIN graph_entities g USING (gid)
        WHERE p.geonames_id = ? ORDER BY g.n_docs DESC, g.name""", [geonames_id])  # fmt: skip
    own = [e["gid"] for e in out["entities"]]
    out["co_entities"] = store.query("""
        SELECT g.gid, g.name, g.type, count(DISTINCT l.doc_id) AS n_docs FROM entity_links l JOIN graph_entities g USING (gid)
        WHERE l.doc_id IN (SELECT doc_id FROM places WHERE geonames_id = ?) AND NOT list_contains(?, g.gid)
        GROUP BY ALL ORDER BY n_docs DESC, g.name LIMIT 30""", [geonames_id, own])  # fmt: skip
    is_country = (out["feature"] or "").startswith("A.PCL")
    out["events"] = store.query("""
        SELECT cluster_id, type, date_first, date_last, source_name, target_name, place, countries, n_reports
        FROM event_clusters
        WHERE place = ? OR list_contains(?, source_gid) OR list_contains(?, target_gid)
              OR (? AND list_contains(countries, ?))
        ORDER BY date_first NULLS LAST, n_reports DESC, cluster_id LIMIT ?""",
        [out["name"], own, own, is_country, out["country"], limit])  # fmt: skip
    return out
