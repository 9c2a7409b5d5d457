"""The FastAPI app: the store backend, templates, security middleware and error handlers;
the routes (``api/routes.py``) are thin layers over ``service``.

Every page's view computes one data object; ``/x`` renders it with a template and
``/x.json`` (or ``Accept: application/json``) returns the same object as JSON. The app
only reads the store (``newsgraph serve`` opens it read-only, for writing only with
``--writable``), except ``POST /analyze`` with
``store=true`` (token required, writable server), which goes through the store's writer.
No GET ever writes: the cross-article tables are served as last built.
"""

from __future__ import annotations

import hmac
import threading
from importlib.resources import files
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import service
from newsgraph.api.http import MAX_BODY, BodyLimit, SecurityHeaders, error_response, wants_json
from newsgraph.corpus.filters import PLOVER
from newsgraph.web.highlight import KINDS, article_html

WEB = files("newsgraph") / "web"
_bearer = HTTPBearer(auto_error=False, description="The server's token (--token or NEWSGRAPH_TOKEN).")


class Backend:
    """The open store and the lock that serialises its use (a DuckDB connection is not
    shared between threads, and FastAPI runs sync routes on a thread pool)."""

    def __init__(self, db_path: str, read_only: bool):
        # Read-only for real: DuckDB refuses writes, and other readers may share the file.
        self.store = service.open_store(db_path, read_only=read_only)
        self.lock = threading.Lock()

    def close(self) -> None:
        with self.lock:
            self.store.close()

    def call(self, func, *args, **kwargs):
        with self.lock:
            return func(self.store, *args, **kwargs)


def create_app(db_path: str | Path, token: str | None = None, *, read_only: bool = False,
               max_body: int = MAX_BODY) -> FastAPI:  # fmt: skip
    """The app over the store at ``db_path``. ``token`` enables ``POST /analyze`` (sent as
    ``Authorization: Bearer TOKEN``); without one that route answers 403. ``read_only``
    opens the store read-only (it must exist; ``store: true`` answers 409); otherwise it is
    created if missing and the app is its one writer. ``max_body``
    caps request bodies (413 beyond). The store stays open for the app's life (ASGI
    clients may run the lifespan per request); ``app.state.backend.close()`` closes it."""
    store = Backend(str(db_path), read_only)

    # No Swagger UI: it loads scripts from a CDN; the OpenAPI description is at /openapi.json.
    app = FastAPI(title="newsgraph", version=_version(), docs_url=None, redoc_url=None,
                  description="News articles in, a knowledge graph with provenance out. See docs/http-api.md.")  # fmt: skip
    app.state.backend = store
    app.state.token = token
    templates = Jinja2Templates(directory=str(WEB / "templates"))
    templates.env.globals.update(quote=lambda s: quote(str(s or ""), safe=""), kinds=KINDS)
    templates.env.filters["article_html"] = article_html
    templates.env.filters["basename"] = lambda s: str(s or "").replace("\\", "/").rsplit("/", 1)[-1]
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)
    _errors(app)
    from newsgraph.api import routes

    routes.register(app)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsgraph")
    except PackageNotFoundError:
        return "0"


def backend(request: Request) -> Backend:
    return request.app.state.backend


def not_found(request: Request, message: str, **extra):
    """A 404 carrying ``extra`` fields (``suggestions``): in the JSON error body, or on
    the HTML error page."""
    if wants_json(request):
        return error_response(404, message, **extra)
    return page(request, "error.html", {"status": 404, "message": message, **extra}, 404)


def page(request: Request, template: str, data: dict, status: int = 200):
    """Render ``data`` as the HTML page ``template`` or, for JSON clients, as JSON: the
    one code path every page and its ``.json`` twin share."""
    if wants_json(request):
        return JSONResponse(jsonable_encoder(data), status_code=status)
    html_path = request.url.path
    json_path = "/index.json" if html_path == "/" else html_path + ".json"
    if request.url.query:
        json_path += "?" + request.url.query
    return request.app.state.templates.TemplateResponse(
        request, template, {"data": data, "json_path": json_path}, status_code=status
    )


def require_token(
    request: Request, cred: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)] = None
) -> None:
    """Refuse the request unless it carries the server's token (403 when the server has
    none: writing and ad-hoc analysis are off)."""
    expected = request.app.state.token
    if not expected:
        raise HTTPException(
            403, "POST /analyze is disabled: start the server with --token or NEWSGRAPH_TOKEN"
        )
    if cred is None or not hmac.compare_digest(cred.credentials.encode(), expected.encode()):
        raise HTTPException(401, "a valid token is required (Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip


def _errors(app: FastAPI) -> None:
    """Every error as ``{"error": {"status", "message"}}`` JSON, or an HTML error page
    for browsers."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if wants_json(request) or request.url.path.startswith("/static"):
            return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))
        return page(request, "error.html", {"status": exc.status_code, "message": message}, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        details = [
            {"loc": list(e.get("loc", ())), "msg": _sentence(e.get("msg")), "type": e.get("type")}
            for e in exc.errors()
        ]
        # "query.since: expected a date as YYYY-MM-DD ..." (the location's last part names the field)
        text = "; ".join(f"{d['loc'][-1] if d['loc'] else 'request'}: {d['msg']}" for d in details)
        if wants_json(request):
            return error_response(422, f"invalid request: {text}", details=details)
        return page(request, "error.html", {"status": 422, "message": f"invalid request: {text}"}, 422)


def _sentence(msg: str | None) -> str:
    """Pydantic's message without its "Value error, " prefix (our checks write sentences)."""
    return (msg or "invalid").removeprefix("Value error, ")


__all__ = ["PLOVER", "HTMLResponse", "Query", "backend", "create_app", "not_found", "page", "require_token"]
