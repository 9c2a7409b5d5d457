"""The routes. Each page view computes one data object and hands it to ``page``, which
renders the template or the JSON twin (``/x`` and ``/x.json``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import AfterValidator
from starlette.concurrency import run_in_threadpool

from newsgraph import service
from newsgraph.api.models import AnalyzeRequest
from newsgraph.api.views import backend, not_found, page, require_token
from newsgraph.corpus.filters import PLOVER, check_country, check_date, check_event_type
from newsgraph.errors import NewsgraphError
from newsgraph.kinds import HIGHLIGHT_KINDS
from newsgraph.record import to_dict

# Filter values checked by the CLI's checks too: a bad one is a 422 with their sentence.
EventType = Annotated[str | None, Query(max_length=20, description="A PLOVER type, any case."),
                      AfterValidator(lambda v: v and check_event_type(v))]  # fmt: skip
Country = Annotated[str | None, Query(max_length=2, description="ISO 3166 alpha-2."),
                    AfterValidator(lambda v: v and check_country(v))]  # fmt: skip
Date = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD."),
                 AfterValidator(lambda v: v and check_date(v))]  # fmt: skip
HTML = {"response_class": HTMLResponse, "responses": {200: {"content": {"application/json": {}}}}}


def register(app: FastAPI) -> None:
    """Add every route to ``app``."""
    for func in (
        _overview,
        _documents,
        _record,
        _document,
        _entities,
        _entity,
        _quotes,
        _events,
        _claim,
        _claims,
        _map,
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
    @app.get("/documents.json", summary="Articles (JSON)")
    @app.get("/documents", summary="Articles", **HTML)
    def documents(request: Request, q: str | None = Query(None, max_length=200), limit: int = Query(50, ge=1, le=500),
                  offset: int = Query(0, ge=0, le=10_000_000)):  # fmt: skip
        data = backend(request).call(service.list_documents, query=q, limit=limit, offset=offset)
        data.update(q=q, limit=limit, offset=offset)
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
    @app.get("/entities.json", summary="Entities resolved across articles (JSON)")
    @app.get("/entities", summary="Entities resolved across articles", **HTML)
    def entities(request: Request, type: str | None = Query(None, max_length=40), q: str | None = Query(None, max_length=200),
                 limit: int = Query(50, ge=1, le=500)):  # fmt: skip
        rows = backend(request).call(service.corpus_entities, type=type, query=q, limit=limit)
        return page(request, "entities.html", {"type": type, "q": q, "items": rows})


def _entity(app):
    @app.get("/entity.json", summary="One entity (JSON)")
    @app.get("/entity", summary="One entity: offices, kb ids, mentions, quotes, co-occurring", **HTML)
    def entity(
        request: Request,
        name: str = Query(..., min_length=1, max_length=200),
        limit: int = Query(20, ge=1, le=500),
    ):
        b = backend(request)
        with b.lock:
            profile = service.corpus_entity(b.store, name, limit=limit)
            near = service.entity_suggestions(b.store, name) if profile is None else []
        if profile is None:
            hint = f"; did you mean {', '.join(s['name'] for s in near)}?" if near else ""
            return not_found(request, f"no entity {name!r}{hint}", suggestions=near)
        return page(request, "entity.html", profile)


def _quotes(app):
    @app.get("/quotes.json", summary="Quotes and their speakers (JSON)")
    @app.get("/quotes", summary="Quotes and their speakers", **HTML)
    def quotes(
        request: Request,
        speaker: str | None = Query(None, max_length=200),
        limit: int = Query(50, ge=1, le=500),
    ):
        rows = backend(request).call(service.corpus_quotes, speaker=speaker, limit=limit)
        return page(request, "quotes.html", {"speaker": speaker, "items": rows})


def _events(app):
    @app.get("/events.json", summary="Events, deduplicated, with modality (JSON)")
    @app.get("/events", summary="Events, deduplicated, with modality", **HTML)
    def events(request: Request, type: EventType = None, actor: str | None = Query(None, max_length=200),
               country: Country = None, since: Date = None, until: Date = None,
               limit: int = Query(50, ge=1, le=500)):  # fmt: skip
        filters = {"type": type, "actor": actor, "country": country, "since": since, "until": until}
        rows = backend(request).call(service.corpus_events_with_modality, **filters, limit=limit)
        return page(request, "events.html", {"filters": filters, "types": PLOVER, "items": rows})


ClaimKind = Annotated[str | None, Query(pattern="^(quantity|event|quote)$", description="quantity, event or quote.")]


def _claims(app):
    @app.get("/claims.json", summary="Claims with their independent sources (JSON)")
    @app.get("/claims", summary="Claims: figures, quotes and events reported by several articles", **HTML)
    def claims(request: Request, kind: ClaimKind = None, contested: bool = False,
               entity: str | None = Query(None, max_length=200), min_sources: int = Query(1, ge=1, le=1000),
               doc: str | None = Query(None, max_length=500), limit: int = Query(100, ge=1, le=500)):  # fmt: skip
        filters = {"kind": kind, "contested": contested, "entity": entity, "min_sources": min_sources, "doc_id": doc}
        rows = backend(request).call(service.corpus_claims, **filters, limit=limit)
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
    def places_map(request: Request, limit: int = Query(2000, ge=1, le=20_000)):
        rows = backend(request).call(service.corpus_places, limit=limit)
        return page(request, "map.html", {"items": rows})


def _search(app):
    @app.get("/search.json", summary="Search articles and entities (JSON)")
    @app.get("/search", summary="Search articles and entities", **HTML)
    def search(request: Request, q: str = Query("", max_length=200), limit: int = Query(20, ge=1, le=200)):
        if not q.strip():
            return page(request, "search.html", {"query": q, "documents": [], "entities": []})
        return page(request, "search.html", backend(request).call(service.search, q.strip(), limit=limit))


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
