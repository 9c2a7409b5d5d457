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

from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.api import routes
from newsgraph.api.http import MAX_BODY, BodyLimit, SecurityHeaders, error_response, wants_json
from newsgraph.api.views import Backend, page
from newsgraph.web.highlight import KINDS, article_html

WEB = files("newsgraph") / "web"


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
    routes.register(app)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsgraph")
    except PackageNotFoundError:
        return "0"


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


__all__ = ["create_app"]
