"""What every route shares: the open store, the page-or-JSON renderer, the 404 and the
token check. Routes (``routes.py``) and the app factory (``app.py``) both import it; it
imports neither."""

from __future__ import annotations

import hmac
import threading
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from newsgraph import service
from newsgraph.api.http import error_response, wants_json

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
