"""One JSON error shape for the HTTP API, an error page for the desk, and the stable codes behind both.

Every error the API returns is ``{"error": {"status": 404, "code": "not_found", "message": "..."}}``;
``code`` is one of ``CODES`` and never changes meaning (docs/web.md lists them).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sayso.errors import InputError, SaysoError, StoreError

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid_parameter",
    429: "rate_limited", 500: "internal_error", 503: "unavailable",
}


class ApiError(Exception):
    """An error with an HTTP status, a stable code and a message a person can act on."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message


def body(status: int, code: str, message: str) -> dict:
    return {"error": {"status": status, "code": code, "message": message}}


def respond(request: Request, status: int, code: str, message: str, headers: dict | None = None):
    """The JSON error for API paths, the desk's error page for the others."""
    if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(body(status, code, message), status_code=status, headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "code": code, "message": message},
                                      status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors()[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body", "form"))
        parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the one shape."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError):
        return respond(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        return respond(request, 422, CODES[422], _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
        if exc.status_code == 404:
            message = f"nothing at {request.url.path}; the routes are in /api/openapi.json"
        return respond(request, exc.status_code, CODES.get(exc.status_code, "error"), message,
                       getattr(exc, "headers", None))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError):
        log.warning("store error on %s: %s", request.url.path, exc)
        return respond(request, 503, "store_unavailable", "the store could not answer; try again later")

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError):
        return respond(request, 400, "bad_input", str(exc))

    @app.exception_handler(SaysoError)
    async def _sayso(request: Request, exc: SaysoError):
        return respond(request, 400, "bad_request", str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return respond(request, 500, CODES[500], "the server failed on this request; it has been logged")


def html_error(request: Request, status: int, message: str) -> HTMLResponse:
    return respond(request, status, CODES.get(status, "error"), message)
