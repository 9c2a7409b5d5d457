"""The store's tables and the migrations that build them.

The schema is versioned: ``MIGRATIONS`` is an append-only list of ``(version, name, sql)``;
opening a store applies the ones it has not seen yet, in order, each in its own
transaction, and records them in ``schema_migrations``. Never edit a migration that has
shipped: add a new one.

Typed columns hold the fields analysts query; ``documents.record`` keeps the full record
JSON, so a field added to the record later is never lost even before it has a column.
"""

from __future__ import annotations

from newsgraph.kinds import KIND_TABLES
from newsgraph.store import claim_index, entity_index, search

# Per-document tables: written in one transaction with their ``documents`` row. Each
# annotation kind names its tables (newsgraph.kinds); a new kind's table needs a migration.
DOC_TABLES = (*KIND_TABLES, "provenance", "doc_minhash")

# Cross-article tables: rebuilt by the corpus layer (newsgraph.corpus.build).
CORPUS_TABLES = ("graph_entities", "entity_links", "doc_groups", "event_clusters", "event_reports")
# The corpus layer's own state for incremental builds (emptied by a full rebuild).
# The entity index (newsgraph.store.entity_index, store schema 9): join state too.
ENTITY_INDEX_TABLES = ("entity_docs", "entity_keys", "entity_summary")
# The claims list's pages (newsgraph.store.claim_index, store schema 10): join state too.
CLAIM_INDEX_TABLES = ("claim_pages",)
JOIN_STATE_TABLES = ("corpus_docs", "lsh_bands", "entity_nodes", "node_keys", "node_blocks", "event_keys",
                     *ENTITY_INDEX_TABLES, *CLAIM_INDEX_TABLES, "surname_context")

# Origins and claims (newsgraph.corpus.claims_build): exported with the joins.
CLAIM_TABLES = ("origins", "origin_links", "claims", "claim_sources")

_V1 = """
CREATE TABLE documents (
    id VARCHAR PRIMARY KEY,
    title VARCHAR, published VARCHAR, url VARCHAR, source VARCHAR, dateline VARCHAR,
    byline VARCHAR, language VARCHAR,
    text VARCHAR, n_chars INTEGER,
    schema_version VARCHAR, pipeline VARCHAR[],
    record VARCHAR,            -- the full record JSON: nothing is lost
    ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE noise (
    doc_id VARCHAR, idx INTEGER, kind VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER,
    suggestion VARCHAR, raw_start INTEGER, raw_end INTEGER, component VARCHAR
);
CREATE TABLE entities (
    doc_id VARCHAR, entity_id VARCHAR, type VARCHAR, name VARCHAR, kb VARCHAR, roles VARCHAR,
    aliases VARCHAR[], country VARCHAR, n_mentions INTEGER, component VARCHAR
);
CREATE TABLE mentions (
    doc_id VARCHAR, entity_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR
);
CREATE TABLE quotes (
    doc_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, kind VARCHAR, text VARCHAR,
    speaker_entity VARCHAR, speaker_name VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
    cue_start INTEGER, cue_end INTEGER, cue VARCHAR, component VARCHAR
);
CREATE TABLE quantities (
    doc_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, text VARCHAR, value DOUBLE,
    low DOUBLE, high DOUBLE, approx BOOLEAN, unit VARCHAR, object VARCHAR, component VARCHAR
);
CREATE TABLE dates (
    doc_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, text VARCHAR, value VARCHAR,
    type VARCHAR, reason VARCHAR, component VARCHAR
);
CREATE TABLE places (
    doc_id VARCHAR, idx INTEGER, entity_id VARCHAR, name VARCHAR, lat DOUBLE, lon DOUBLE,
    geonames_id BIGINT, country VARCHAR, feature VARCHAR, first_start INTEGER,
    n_mentions INTEGER, confidence DOUBLE, resolved BOOLEAN, component VARCHAR
);
CREATE TABLE events (
    doc_id VARCHAR, idx INTEGER, type VARCHAR, mode VARCHAR,
    source_entity VARCHAR, source_name VARCHAR, source_country VARCHAR,
    target_entity VARCHAR, target_name VARCHAR, target_country VARCHAR,
    trigger_start INTEGER, trigger_end INTEGER, trigger VARCHAR, date VARCHAR, place VARCHAR,
    negated BOOLEAN, hypothetical BOOLEAN, future BOOLEAN, historical BOOLEAN, reported BOOLEAN,
    component VARCHAR
);
CREATE TABLE relations (
    doc_id VARCHAR, idx INTEGER, type VARCHAR, subject VARCHAR, object VARCHAR,
    evidence_start INTEGER, evidence_end INTEGER, component VARCHAR
);
CREATE TABLE provenance (
    doc_id VARCHAR, component VARCHAR, version VARCHAR, package_version VARCHAR
);
CREATE TABLE doc_minhash (doc_id VARCHAR, hashes UINTEGER[]);
CREATE TABLE errors (
    key VARCHAR PRIMARY KEY, doc_id VARCHAR, source VARCHAR, code VARCHAR, reason VARCHAR,
    seen_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE graph_entities (
    gid VARCHAR, type VARCHAR, name VARCHAR, aliases VARCHAR[], keys VARCHAR[], kb VARCHAR,
    n_docs INTEGER, n_stories INTEGER, n_mentions INTEGER
);
CREATE TABLE entity_links (
    doc_id VARCHAR, entity_id VARCHAR, gid VARCHAR, confidence DOUBLE, evidence VARCHAR
);
CREATE TABLE doc_groups (
    doc_id VARCHAR, group_id VARCHAR, canonical BOOLEAN, similarity DOUBLE
);
CREATE TABLE event_clusters (
    cluster_id VARCHAR, type VARCHAR, source_gid VARCHAR, source_name VARCHAR,
    target_gid VARCHAR, target_name VARCHAR, country VARCHAR, countries VARCHAR[], place VARCHAR,
    date_first VARCHAR, date_last VARCHAR, n_reports INTEGER, n_docs INTEGER, n_stories INTEGER
);
CREATE TABLE event_reports (cluster_id VARCHAR, doc_id VARCHAR, idx INTEGER);
CREATE TABLE corpus_state (key VARCHAR PRIMARY KEY, value VARCHAR);
"""

_V2_INDEXES = """
CREATE INDEX entities_doc ON entities (doc_id);
CREATE INDEX mentions_doc ON mentions (doc_id);
"""

# Tone (record schema 1.1). Articles stored before it keep NULL: their records have no tone.
_V3_TONE = """
ALTER TABLE documents ADD COLUMN tone DOUBLE;
ALTER TABLE documents ADD COLUMN tone_polarity DOUBLE;
"""

# What the corpus layer keeps between builds so a new article joins the store without
# redoing the old ones (newsgraph.corpus.build): which documents are joined, their LSH
# band keys, each entity row's resolution node, what can join a node to others (node_keys),
# the spelling blocks nodes are compared in, and each event report's clustering key.
_V4_JOIN_STATE = """
CREATE TABLE corpus_docs (doc_id VARCHAR);
CREATE TABLE lsh_bands (doc_id VARCHAR, band INTEGER, bucket VARCHAR);
CREATE TABLE entity_nodes (doc_id VARCHAR, entity_id VARCHAR, fam VARCHAR, norm VARCHAR);
CREATE TABLE node_keys (fam VARCHAR, norm VARCHAR, key VARCHAR);
CREATE TABLE node_blocks (fam VARCHAR, norm VARCHAR, block VARCHAR);
CREATE TABLE event_keys (doc_id VARCHAR, idx INTEGER, key VARCHAR);
"""

# Origins and claims (newsgraph.corpus.claims_build): per-article facts computed once
# (doc_sources, doc_passages, claim_statements, quote_grams), links found for new articles
# (origin_links), and the groups recomputed where new articles touch them.
_V5_CLAIMS = """
ALTER TABLE documents ADD COLUMN origin_id VARCHAR;
CREATE TABLE doc_sources (doc_id VARCHAR PRIMARY KEY, outlet VARCHAR, wire VARCHAR, wire_line VARCHAR);
CREATE TABLE doc_passages (doc_id VARCHAR, hash BIGINT);
CREATE TABLE origin_links (doc_a VARCHAR, doc_b VARCHAR, reason VARCHAR);
CREATE TABLE origins (
    origin_id VARCHAR, outlet VARCHAR, wire VARCHAR, n_docs INTEGER, first_doc VARCHAR,
    first_published VARCHAR, docs VARCHAR[]
);
CREATE TABLE claim_statements (
    doc_id VARCHAR, kind VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, text VARCHAR,
    bucket VARCHAR, value DOUBLE, low DOUBLE, high DOUBLE, approx BOOLEAN, unit VARCHAR,
    object VARCHAR, speaker VARCHAR, attribution VARCHAR, credited VARCHAR, published VARCHAR,
    sentence_start INTEGER, sentence_end INTEGER, places VARCHAR[], actors VARCHAR[],
    names VARCHAR[], event_types VARCHAR[], norm VARCHAR, words VARCHAR[]
);
CREATE TABLE quote_grams (doc_id VARCHAR, idx INTEGER, gram BIGINT);
CREATE TABLE claims (
    claim_id VARCHAR, kind VARCHAR, bucket VARCHAR, summary VARCHAR, object VARCHAR, unit VARCHAR,
    entities VARCHAR[], n_docs INTEGER, independent_sources INTEGER, contested BOOLEAN,
    speaker_differs BOOLEAN, first_doc VARCHAR, first_published VARCHAR
);
CREATE TABLE claim_sources (
    claim_id VARCHAR, kind VARCHAR, doc_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER,
    text VARCHAR, origin_id VARCHAR, speaker VARCHAR, attribution VARCHAR, published VARCHAR,
    value DOUBLE, low DOUBLE, high DOUBLE, approx BOOLEAN, similarity DOUBLE, first BOOLEAN,
    sentence_start INTEGER, sentence_end INTEGER
);
"""

# Per-article counts the article list shows and sorts by, written with the document
# (store.rows.flatten), so a page of the list reads one table instead of counting the
# entities, quotes and events of every article. Stores written before get them counted here.
# The label too: the article's title, else its opening words (plain-text articles stored
# before titles), which reads the text: worked out once at store time, not per query.
LABEL_SQL = ("coalesce(nullif(trim({d}.title), ''), array_to_string(string_split(regexp_replace("
             "trim(left({d}.text, 300)), '\\s+', ' ', 'g'), ' ')[1:10], ' ') || ' …')")  # fmt: skip
_V6_DOC_COUNTS = """
ALTER TABLE documents ADD COLUMN label VARCHAR;
UPDATE documents SET label = """ + LABEL_SQL.format(d="documents") + """;
ALTER TABLE documents ADD COLUMN n_entities INTEGER;
ALTER TABLE documents ADD COLUMN n_quotes INTEGER;
ALTER TABLE documents ADD COLUMN n_events INTEGER;
UPDATE documents SET
    n_entities = (SELECT count(*) FROM entities e WHERE e.doc_id = documents.id),
    n_quotes = (SELECT count(*) FROM quotes q WHERE q.doc_id = documents.id),
    n_events = (SELECT count(*) FROM events v WHERE v.doc_id = documents.id);
"""

# The search index (newsgraph.store.search): an integer number per document, each distinct
# word once, and which documents hold which word (as lists since migration 10); documents
# stored before are numbered by ``search.backfill`` (``_AFTER``), in the migration's
# transaction, and their words indexed by migration 10.
_V7_SEARCH = """
ALTER TABLE documents ADD COLUMN doc_no INTEGER;
CREATE TABLE search_words (word VARCHAR PRIMARY KEY, word_id INTEGER);
CREATE TABLE search_postings (word_id INTEGER, doc_no INTEGER);
CREATE INDEX search_postings_word ON search_postings (word_id);
"""

# Quantity claims kept current in time proportional to the new articles (corpus.claims_build):
# each quantity statement remembers the statement whose group it joined (``seed``), so a
# build regroups only the statements from the new ones' dates back one claim window. Stores
# built before have no seeds: their join state is dropped, so the next build is a full one.
_V8_CLAIM_SEEDS = """
ALTER TABLE claim_statements ADD COLUMN seed VARCHAR;
DELETE FROM corpus_state WHERE key = 'join_state';
"""

# The entity index (newsgraph.store.entity_index): what an entity's page reads, one row per
# link with the article's integer number and the row's counts of mention spans and quotes,
# and every lookup key of every graph entity, each with an integer hash to filter on; and
# indexes for the point lookups the page makes (graph entities by id, quotes by article).
# Kept by the join step for the links it writes; stores built before are indexed by
# ``entity_index.backfill``.
_V9_ENTITY_INDEX = """
CREATE TABLE entity_docs (
    gkey UBIGINT, gid VARCHAR, doc_no INTEGER, doc_id VARCHAR, entity_id VARCHAR, published VARCHAR,
    confidence DOUBLE, evidence VARCHAR, n_mentions INTEGER, roles VARCHAR, n_spans INTEGER, n_quotes INTEGER,
    story UBIGINT
);
CREATE TABLE entity_keys (kkey UBIGINT, key VARCHAR, gid VARCHAR);
CREATE INDEX entity_keys_kkey ON entity_keys (kkey);
CREATE TABLE entity_summary (
    gkey UBIGINT, gid VARCHAR, n_spans INTEGER, offices VARCHAR, evidence VARCHAR, mentions VARCHAR, quotes VARCHAR
);
CREATE INDEX entity_summary_gkey ON entity_summary (gkey);
CREATE INDEX graph_entities_gid ON graph_entities (gid);
CREATE INDEX quotes_doc ON quotes (doc_id);
"""

# Reads that cost what they return at 100k articles. The claims list's pages
# (newsgraph.store.claim_index): per claim, an integer hash of its id, its number of
# statements, its fields and its first statements, so a page of the list reads one row per
# claim instead of scanning every statement; kept by the claims build for the claims it
# rewrites, filled for stores built before by ``claim_index.backfill``. The search index's
# postings as lists (newsgraph.store.search): one row per word and write instead of one per
# word and article, so a word is a few index fetches; ``search.to_lists`` converts them.
_V10_READS = """
CREATE TABLE claim_pages (ckey UBIGINT, claim_id VARCHAR, kind VARCHAR, n_sources INTEGER, claim VARCHAR, sources VARCHAR);
CREATE TABLE search_lists (word_id INTEGER, doc_nos INTEGER[]);
CREATE INDEX search_lists_word ON search_lists (word_id);
"""


def _after_10(con) -> None:
    claim_index.backfill(con)
    search.to_lists(con)


# What the links of a surname's surname-only rows depend on besides their own article and
# its context counts (newsgraph.corpus.relink): a digest per surname, so a build links an
# old surname-only row again only when its surname's digest changed or a new article adds
# to the context its counts come from. A store migrated to it has none yet: each surname
# is linked in full the first time a build reaches it, as before.
_V11_SURNAME_CONTEXT = """
CREATE TABLE surname_context (surname VARCHAR PRIMARY KEY, digest VARCHAR);
"""

# The cue model's probability of a learned quote cue (record schema 1.4,
# ``quotes[].cue_confidence``), so the quotes list can show it. Rows stored before have no
# value, as their records have none.
_V12_QUOTE_CUE_CONFIDENCE = """
ALTER TABLE quotes ADD COLUMN cue_confidence DOUBLE;
"""



def _after_13(con) -> None:
    """The entity page's quote list (``entity_summary.quotes``) shows a learned cue's
    confidence: summarise every entity again, now that the quotes have the column. Not
    ``withheld`` yet: its column comes with migration 14, which summarises again."""
    entity_index.summarise(con, None, with_withheld=False)


# A quote whose speaker declined or failed to say its content (record schema 1.5,
# ``quotes[].withheld``: "refused to comment on the reports"), so the quotes lists can say
# so. Rows stored before keep NULL (not known; read as not withheld), as their records
# have no such field. New stores get the column here too: ``_V1`` is never edited.
_V14_QUOTE_WITHHELD = """
ALTER TABLE quotes ADD COLUMN withheld BOOLEAN;
"""


def _after_14(con) -> None:
    """The entity page's quote list (``entity_summary.quotes``) says when a quote was
    withheld: summarise every entity again, now that the quotes have the column."""
    entity_index.summarise(con, None)


MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial tables", _V1),
    (2, "per-document indexes for the entity page", _V2_INDEXES),
    (3, "article tone columns", _V3_TONE),
    (4, "incremental join state", _V4_JOIN_STATE),
    (5, "origins and claims", _V5_CLAIMS),
    (6, "per-article label and counts on documents", _V6_DOC_COUNTS),
    (7, "search index", _V7_SEARCH),
    (8, "quantity claim seeds", _V8_CLAIM_SEEDS),
    (9, "entity index", _V9_ENTITY_INDEX),
    (10, "claims list pages, search lists", _V10_READS),
    (11, "surname context digests", _V11_SURNAME_CONTEXT),
    (12, "quote cue confidence", _V12_QUOTE_CUE_CONFIDENCE),
    (13, "entity summaries with quote cue confidence", ""),
    (14, "quote withheld", _V14_QUOTE_WITHHELD),
]

# Work a migration's SQL cannot do, run after its statements in its transaction.
_AFTER = {7: search.backfill, 9: entity_index.backfill, 10: _after_10, 13: _after_13, 14: _after_14}

# The store schema (its latest migration); records carry their own, record.RECORD_SCHEMA_VERSION.
STORE_SCHEMA_VERSION = MIGRATIONS[-1][0]

_BOOTSTRAP = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp
)
"""


def migrate(con) -> list[int]:
    """Apply pending migrations to the DuckDB connection ``con``; returns those applied."""
    con.execute(_BOOTSTRAP)
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, sql in MIGRATIONS:
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in _statements(sql):
                con.execute(statement)
            if version in _AFTER:
                _AFTER[version](con)
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def _statements(sql: str) -> list[str]:
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
