"""The routes. Each page view computes one data object and hands it to ``page``, which
renders the template or the JSON twin (``/x`` and ``/x.json``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import AfterValidator
from starlette.concurrency import run_in_threadpool

from newsgraph import service
from newsgraph.api.models import AnalyzeRequest
from newsgraph.api.views import backend, not_found, page, require_token
from newsgraph.corpus.filters import PLOVER, check_confidence, check_country, check_date, check_event_type
from newsgraph.corpus.tables import (
    DOCUMENT_SORT, ENTITY_SORT, EVENT_SORT, MENTION_SORT, QUANTITY_SORT, QUOTE_SORT, Sort,
)  # fmt: skip
from newsgraph.errors import NewsgraphError
from newsgraph.kinds import HIGHLIGHT_KINDS
from newsgraph.record import to_dict

# Filter values checked by the CLI's checks too: a bad one is a 422 with their sentence (the
# length bounds are loose so that a too-long value gets that sentence, not "at most 2 characters").
EventType = Annotated[str | None, Query(max_length=20, description="A PLOVER type, any case."),
                      AfterValidator(lambda v: v and check_event_type(v))]  # fmt: skip
Country = Annotated[str | None, Query(max_length=40, description="ISO 3166 alpha-2."),
                    AfterValidator(lambda v: v and check_country(v))]  # fmt: skip
Date = Annotated[str | None, Query(max_length=40, description="YYYY-MM-DD."),
                 AfterValidator(lambda v: v and check_date(v))]  # fmt: skip
LOW_CONFIDENCE = 0.5  # the events table and the map mute facts below it
# Empty (a form's blank field) is no filter; anything else must be a number from 0 to 1.
MinConfidence = Annotated[str | None, Query(max_length=40, description="Only facts at or above this confidence (0 to 1)."),
                          AfterValidator(lambda v: check_confidence(v) if v else None)]  # fmt: skip
HTML = {"response_class": HTMLResponse, "responses": {200: {"content": {"application/json": {}}}}}
Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page (a .csv twin without it: every row).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Source = Annotated[str | None, Query(max_length=200, description="The article's source contains (any case).")]
Text = Annotated[str | None, Query(max_length=200)]
CSV_ROWS = 100_000  # a .csv twin asked for without a limit returns up to this many rows


def _sort(spec: Sort):
    """The ``sort`` parameter of a table: one of its keys, ``-`` before it for descending."""
    return Annotated[str | None, Query(max_length=40, description=f"One of {', '.join(spec.columns)}; '-key' descends."),
                     AfterValidator(lambda v: v and spec.check(v))]  # fmt: skip


def _rows(request: Request, limit: int) -> int:
    """``limit``, or every row (up to ``CSV_ROWS``) for a ``.csv`` twin that did not set one."""
    if request.url.path.endswith(".csv") and "limit" not in request.query_params:
        return CSV_ROWS
    return limit


def _entity_ids(values: list[str]) -> list[str]:
    if len(values) > 5 or any(len(v) > 200 for v in values):
        raise ValueError(f"expected up to 5 entity ids of up to 200 characters, found {len(values)}")
    return values


EntityIds = Annotated[list[str], Query(description="Graph entity ids: articles naming every one (up to 5)."),
                      AfterValidator(_entity_ids)]  # fmt: skip


def register(app: FastAPI) -> None:
    """Add every route to ``app``."""
    for func in (
        _overview,
        _documents,
        _record,
        _document,
        _entities,
        _entity,
        _mentions,
        _quotes,
        _event_group,
        _events,
        _quantities,
        _claim,
        _claims,
        _map,
        _place,
        _search,
    ):
        func(app)
    _analyze(app)


def _overview(app):
    @app.get("/index.json", summary="Corpus overview (JSON)")
    @app.get("/", summary="Corpus overview", **HTML)
    def overview(request: Request, top: int = Query(10, ge=1, le=100)):
        data = backend(request).call(service.corpus_overview, top=top)
        return page(request, "index.html", data)


def _documents(app):
    @app.get("/documents.csv", summary="Articles (CSV)")
    @app.get("/documents.json", summary="Articles (JSON)")
    @app.get("/documents", summary="Articles", **HTML)
    def documents(request: Request, q: Text = None, entity: EntityIds = [], since: Date = None, until: Date = None,
                  source: Source = None, sort: _sort(DOCUMENT_SORT) = None, limit: Limit = 50, offset: Offset = 0):  # fmt: skip
        filters = {"since": since, "until": until, "source": source}
        data = backend(request).call(service.list_documents, query=q, entities=entity, **filters, sort=sort,
                                     limit=_rows(request, limit), offset=offset)  # fmt: skip
        data.update(q=q, entity=entity, filters=filters)
        return page(request, "documents.html", data)


def _document(app):
    # Ids may hold "/" (JSONL ids are often URLs), hence the path convertor. Routes match in
    # the order registered: /record.json (see _record) first, then .json (decorators apply
    # bottom-up), then the page, each of which would otherwise swallow the ones before.
    @app.get("/documents/{doc_id:path}", summary="One article as newsgraph read it", **HTML)
    @app.get("/documents/{doc_id:path}.json", summary="One article as newsgraph read it (JSON)")
    def document(request: Request, doc_id: str):
        b = backend(request)
        with b.lock:
            record = service.get_record(b.store, doc_id)
            if record is None:
                raise HTTPException(404, f"no article with id {doc_id!r}")
            links = service.get_entity_links(b.store, doc_id)
        data = {
            "id": doc_id,
            "metadata": record.get("metadata") or {},
            # per highlighted kind, keyed by its mark (the legend's label)
            "counts": {k.highlight.marks[0]: len(record.get(k.field) or []) for k in HIGHLIGHT_KINDS},
            "removed_noise": [n for n in record.get("noise") or [] if n.get("start") is None],
            "entity_links": links,
            "record": record,
        }
        return page(request, "article.html", data)


def _record(app):
    @app.get("/documents/{doc_id:path}/record.json", summary="One article's stored record")
    def record(request: Request, doc_id: str):
        found = backend(request).call(service.get_record, doc_id)
        if found is None:
            raise HTTPException(404, f"no article with id {doc_id!r}")
        return JSONResponse(found)


def _entities(app):
    @app.get("/entities.csv", summary="Entities resolved across articles (CSV)")
    @app.get("/entities.json", summary="Entities resolved across articles (JSON)")
    @app.get("/entities", summary="Entities resolved across articles", **HTML)
    def entities(request: Request, type: str | None = Query(None, max_length=40), q: Text = None,
                 sort: _sort(ENTITY_SORT) = None, limit: Limit = 50, offset: Offset = 0):  # fmt: skip
        data = backend(request).call(service.entities_page, type=type, query=q, sort=sort,
                                     limit=_rows(request, limit), offset=offset)  # fmt: skip
        return page(request, "entities.html", {"type": type, "q": q, **data})


def _entity(app):
    @app.get("/entity.json", summary="One entity (JSON)")
    @app.get("/entity", summary="One entity: offices, kb ids, mentions, quotes, co-occurring", **HTML)
    def entity(
        request: Request,
        name: str | None = Query(None, min_length=1, max_length=200),
        gid: str | None = Query(None, alias="id", min_length=1, max_length=200, description="A graph entity id."),
        limit: int = Query(20, ge=1, le=500),
    ):
        if name is None and gid is None:
            raise HTTPException(422, "invalid request: give an entity's name or its id")
        b = backend(request)
        with b.lock:
            profile = service.corpus_entity(b.store, name, limit=limit, gid=gid)
            near = service.entity_suggestions(b.store, name) if profile is None and name else []
        if profile is None and gid:
            return not_found(request, f"no entity with id {gid!r}", suggestions=[])
        if profile is None:
            hint = f"; did you mean {', '.join(s['name'] for s in near)}?" if near else ""
            return not_found(request, f"no entity {name!r}{hint}", suggestions=near)
        return page(request, "entity.html", profile)


def _mentions(app):
    @app.get("/mentions.csv", summary="One entity's mentions across articles (CSV)")
    @app.get("/mentions.json", summary="One entity's mentions across articles (JSON)")
    @app.get("/mentions", summary="One entity's mentions across articles", **HTML)
    def mentions(request: Request, entity: str = Query(..., min_length=1, max_length=200, description="Id or name."),
                 since: Date = None, until: Date = None, source: Source = None, sort: _sort(MENTION_SORT) = None,
                 limit: Limit = 50, offset: Offset = 0):  # fmt: skip
        filters = {"since": since, "until": until, "source": source}
        data = backend(request).call(service.mentions_page, entity, **filters, sort=sort,
                                     limit=_rows(request, limit), offset=offset)  # fmt: skip
        if data is None:
            return not_found(request, f"no entity {entity!r}")
        return page(request, "mentions.html", {"filters": filters, **data})


def _quotes(app):
    @app.get("/quotes.csv", summary="Quotes and their speakers (CSV)")
    @app.get("/quotes.json", summary="Quotes and their speakers (JSON)")
    @app.get("/quotes", summary="Quotes and their speakers", **HTML)
    def quotes(request: Request, speaker: Text = None,
               speaker_id: str | None = Query(None, max_length=200, description="The speaker's graph entity id."),
               since: Date = None, until: Date = None, source: Source = None, sort: _sort(QUOTE_SORT) = None,
               limit: Limit = 50, offset: Offset = 0):  # fmt: skip
        filters = {"since": since, "until": until, "source": source}
        b = backend(request)
        with b.lock:
            data = service.quotes_page(b.store, speaker=speaker, speaker_id=speaker_id, **filters, sort=sort,
                                       limit=_rows(request, limit), offset=offset)  # fmt: skip
            who = service.corpus_entity(b.store, None, gid=speaker_id, limit=1) if speaker_id else None
        speaker_name = who["entity"]["name"] if who else speaker
        return page(request, "quotes.html", {"speaker": speaker_name, "speaker_id": speaker_id, "filters": filters,
                                             **data})  # fmt: skip


def _events(app):
    @app.get("/events.csv", summary="Events, deduplicated, with modality (CSV)")
    @app.get("/events.json", summary="Events, deduplicated, with modality (JSON)")
    @app.get("/events", summary="Events, deduplicated, with modality", **HTML)
    def events(request: Request, type: EventType = None, actor: Text = None, country: Country = None,
               since: Date = None, until: Date = None, source: Source = None, min_confidence: MinConfidence = None,
               sort: _sort(EVENT_SORT) = None, limit: Limit = 50, offset: Offset = 0):  # fmt: skip
        filters = {"type": type, "actor": actor, "country": country, "since": since, "until": until, "source": source,
                   "min_confidence": min_confidence}  # fmt: skip
        data = backend(request).call(service.events_page, **filters, sort=sort, limit=_rows(request, limit),
                                     offset=offset)  # fmt: skip
        return page(request, "events.html", {"filters": filters, "types": PLOVER, "low": LOW_CONFIDENCE, **data})


def _event_group(app):
    # Registered before /events: the bottom decorator first, so ".json"/".csv" are not read as part of the id.
    @app.get("/events/groups/{cluster_id}", summary="One deduplicated event and every report of it", **HTML)
    @app.get("/events/groups/{cluster_id}.json", summary="One deduplicated event and every report of it (JSON)")
    @app.get("/events/groups/{cluster_id}.csv", summary="One deduplicated event's reports (CSV)")
    def event_group(request: Request, cluster_id: str):
        data = backend(request).call(service.event_group, cluster_id)
        if data is None:
            return not_found(request, f"no event {cluster_id!r}")
        return page(request, "event_group.html", data, rows="reports")


def _quantities(app):
    @app.get("/quantities.csv", summary="Quantities across articles (CSV)")
    @app.get("/quantities.json", summary="Quantities across articles (JSON)")
    @app.get("/quantities", summary="Quantities across articles", **HTML)
    def quantities(request: Request, object: Text = None, unit: str | None = Query(None, max_length=60),
                   entity: Text = None, place: Text = None, since: Date = None, until: Date = None,
                   source: Source = None, sort: _sort(QUANTITY_SORT) = None, limit: Limit = 50,
                   offset: Offset = 0):  # fmt: skip
        filters = {"object": object, "unit": unit, "entity": entity, "place": place, "since": since,
                   "until": until, "source": source}  # fmt: skip
        data = backend(request).call(service.quantities_page, **filters, sort=sort, limit=_rows(request, limit),
                                     offset=offset)  # fmt: skip
        return page(request, "quantities.html", {"filters": filters, **data})


ClaimKind = Annotated[str | None, Query(pattern="^(quantity|event|quote)$", description="quantity, event or quote.")]


def _claims(app):
    @app.get("/claims.json", summary="Claims with their independent sources (JSON)")
    @app.get("/claims", summary="Claims: figures, quotes and events reported by several articles", **HTML)
    def claims(request: Request, kind: ClaimKind = None, contested: bool = False,
               entity: str | None = Query(None, max_length=200), min_sources: int = Query(1, ge=1, le=1000),
               doc: str | None = Query(None, max_length=500), limit: int = Query(100, ge=1, le=500),
               sources: int = Query(20, ge=0, le=500, description="Statements given per claim (n_sources says how many it has; /claims/{id} gives all).")):  # fmt: skip
        filters = {"kind": kind, "contested": contested, "entity": entity, "min_sources": min_sources, "doc_id": doc}
        rows = backend(request).call(service.corpus_claims, **filters, limit=limit, sources=sources)
        return page(request, "claims.html", {"filters": filters, "claims": rows})


def _claim(app):
    # Registered before /claims: the .json twin first (decorators apply bottom-up).
    @app.get("/claims/{claim_id}", summary="One claim: its statements side by side", **HTML)
    @app.get("/claims/{claim_id}.json", summary="One claim (JSON)")
    def claim(request: Request, claim_id: str):
        found = backend(request).call(service.corpus_claim, claim_id)
        if found is None:
            return not_found(request, f"no claim with id {claim_id!r}")
        return page(request, "claim.html", found)


def _map(app):
    @app.get("/map.json", summary="Resolved places (JSON)")
    @app.get("/map", summary="Resolved places on a world map", **HTML)
    def places_map(request: Request, limit: int = Query(2000, ge=1, le=20_000), min_confidence: MinConfidence = None):
        rows = backend(request).call(service.corpus_places, limit=limit, min_confidence=min_confidence)
        return page(request, "map.html", {"items": rows, "min_confidence": min_confidence, "low": LOW_CONFIDENCE})


def _place(app):
    # The .json route is registered first (decorators apply bottom-up): the page's
    # "{place_id}" would otherwise take "123.json" and refuse it as no integer.
    @app.get("/places/{place_id}", summary="One place: its articles, entities and events", **HTML)
    @app.get("/places/{place_id}.json", summary="One place: its articles, entities and events (JSON)")
    def place(request: Request, place_id: int = Path(..., ge=1, le=10**10, description="The GeoNames id.")):
        data = backend(request).call(service.corpus_place, place_id)
        if data is None:
            raise HTTPException(404, f"no article names a place with GeoNames id {place_id}")
        return page(request, "place.html", data)


def _search(app):
    @app.get("/search.csv", summary="Search articles (CSV: the matching articles)")
    @app.get("/search.json", summary="Search articles and entities (JSON)")
    @app.get("/search", summary="Search articles and entities", **HTML)
    def search(request: Request, q: str = Query("", max_length=200), sort: _sort(DOCUMENT_SORT) = None,
               limit: int = Query(20, ge=1, le=200), offset: Offset = 0):  # fmt: skip
        if not q.strip():
            empty = {"query": q, "documents": [], "entities": [], "total": 0, "limit": limit, "offset": 0,
                     "sort": sort, "entities_total": 0}  # fmt: skip
            return page(request, "search.html", empty, rows="documents")
        data = backend(request).call(service.search, q.strip(), limit=_rows(request, limit), offset=offset, sort=sort)
        return page(request, "search.html", data, rows="documents")


def _analyze(app):
    @app.post("/analyze", summary="Analyse an ad-hoc text or HTML (token required)", dependencies=[Depends(require_token)],
              responses={401: {"description": "no or wrong token"}, 403: {"description": "no token configured"},
                         413: {"description": "body too large"}, 422: {"description": "invalid input"}})  # fmt: skip
    async def analyze(request: Request, body: AnalyzeRequest):
        try:
            record = await run_in_threadpool(service.analyze, body.text if body.text is not None else body.html,
                                             body.published, id=body.id, url=body.url, title=body.title,
                                             clean=body.clean, html=body.html is not None)  # fmt: skip
        except NewsgraphError as err:
            raise HTTPException(422, f"cannot analyse this input: {err}") from err
        stored = None
        if body.store:
            b = backend(request)
            if b.store.read_only:
                raise HTTPException(409, "the server opened the store read-only: start it with "
                                    "`newsgraph serve --writable --token TOKEN` to store records")  # fmt: skip
            stored = await run_in_threadpool(b.call, service.store_record, record)
        return JSONResponse(jsonable_encoder({"record": to_dict(record), "stored": stored}))
