"""What every route shares: the open store, the page-or-JSON renderer, the 404 and the
token check. Routes (``routes.py``) and the app factory (``app.py``) both import it; it
imports neither."""

from __future__ import annotations

import csv
import hmac
import io
import json
import threading
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
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


def page(request: Request, template: str, data: dict, status: int = 200, rows: str = "items"):
    """Render ``data`` as the HTML page ``template`` or, for JSON clients, as JSON, or for
    a ``.csv`` path its table ``data[rows]`` as CSV: the one code path every page and its
    ``.json`` (and ``.csv``) twins share."""
    if request.url.path.endswith(".csv"):
        return csv_response(data[rows], request.url.path.rsplit("/", 1)[-1])
    if wants_json(request):
        return JSONResponse(jsonable_encoder(data), status_code=status)
    html_path = request.url.path
    query = "?" + request.url.query if request.url.query else ""
    json_path = ("/index.json" if html_path == "/" else html_path + ".json") + query
    return request.app.state.templates.TemplateResponse(
        request, template, {"data": data, "json_path": json_path, "csv_path": html_path + ".csv" + query},
        status_code=status,
    )


# A cell a spreadsheet would run as a formula (CSV injection) starts with one of these.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_response(rows: list[dict], filename: str) -> Response:
    """``rows`` as a CSV download (a header of every key, in first-seen order). Lists and
    objects are written as JSON; a text cell that a spreadsheet would read as a formula
    gets a leading ``'``."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})  # fmt: skip


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        value = json.dumps(jsonable_encoder(value), ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


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
