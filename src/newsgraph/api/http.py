"""HTTP plumbing shared by every route: security headers, the request body limit, JSON
errors, and the choice between a page's HTML and its JSON twin."""

from __future__ import annotations

import json

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")  # fmt: skip
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
MAX_BODY = 2 * 1024 * 1024


def error_body(status: int, message: str, **extra) -> dict:
    """The JSON body of every error: ``{"error": {"status", "message", ...}}``."""
    return {"error": {"status": status, "message": message, **extra}}


def error_response(status: int, message: str, headers: dict | None = None, **extra) -> JSONResponse:
    return JSONResponse(
        jsonable_encoder(error_body(status, message, **extra)), status_code=status, headers=headers
    )


def wants_json(request: Request) -> bool:
    """True for ``.json`` paths (and ``.csv`` ones: their errors are JSON), the API-only
    routes, and clients that ask for JSON rather than HTML in ``Accept``."""
    path = request.url.path
    if path.endswith((".json", ".csv")) or path.startswith("/analyze"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


class SecurityHeaders:
    """ASGI middleware: adds the Content-Security-Policy and related headers to every
    response (pages, JSON, static files and errors alike)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """ASGI middleware: refuses request bodies over ``max_bytes`` with 413 and a JSON
    error, whether or not the client sent a Content-Length (the body is counted)."""

    def __init__(self, app, max_bytes: int = MAX_BODY):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            return await self._refuse(send)
        body, more = bytearray(), True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_bytes:
                return await self._refuse(send)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send):
        payload = json.dumps(
            error_body(413, f"request body over the limit of {self.max_bytes} bytes")
        ).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": payload})
