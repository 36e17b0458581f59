"""The desk's defences: security headers, a request size limit, a per-client rate limit, and token checks."""

from __future__ import annotations

import hmac
import json
import threading
import time
from typing import Any, Awaitable, Callable

from fastapi import Request

from sayso.web.errors import ApiError, body

# No inline script or style anywhere: every script and style is a file the app serves.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
# The interactive API docs load scripts from a CDN, so the app serves none; /api/openapi.json is the schema.

ASGIApp = Callable[[dict, Callable, Callable], Awaitable[None]]


class _TooLarge(Exception):
    pass


class Guard:
    """Pure ASGI middleware: headers on every response, 413 past ``max_body`` bytes, 429 past ``per_minute``."""

    def __init__(self, app: ASGIApp, *, max_body: int, per_minute: int) -> None:
        self.app = app
        self.max_body = max_body
        self.limiter = RateLimiter(per_minute) if per_minute > 0 else None

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        client = (scope.get("client") or ("?", 0))[0]
        if self.limiter and not self.limiter.allow(client):
            await _error(send_with_headers, 429, "rate_limited",
                         f"more than {self.limiter.per_minute} requests a minute from {client}; slow down",
                         [(b"retry-after", b"60")])
            return
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _error(send_with_headers, 413, "payload_too_large",
                         f"request body over {self.max_body:,} bytes (setting web_max_body)")
            return
        seen = 0

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise _TooLarge()
            return message

        try:
            await self.app(scope, counted, send_with_headers)
        except _TooLarge:
            if not started:
                await _error(send_with_headers, 413, "payload_too_large",
                             f"request body over {self.max_body:,} bytes (setting web_max_body)")


async def _error(send: Callable, status: int, code: str, message: str, extra: list | None = None) -> None:
    payload = json.dumps(body(status, code, message)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
                + (extra or [])})
    await send({"type": "http.response.body", "body": payload})


class RateLimiter:
    """A token bucket per client address: ``per_minute`` requests, refilled continuously."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        now = self.clock()
        with self._lock:
            tokens, at = self._buckets.get(client, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - at) * self.per_minute / 60.0)
            if len(self._buckets) > 10_000:
                self._buckets.clear()
            if tokens < 1.0:
                self._buckets[client] = (tokens, now)
                return False
            self._buckets[client] = (tokens - 1.0, now)
            return True


def _presented(request: Request, form_token: str | None = None, cookie: bool = False) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    if form_token:
        return form_token
    return request.cookies.get("sayso_token") if cookie else None


def _matches(given: str | None, token: str) -> bool:
    return bool(token) and given is not None and hmac.compare_digest(given.encode(), token.encode())


def check_read(request: Request) -> None:
    """Reads are open when the setting ``web_public`` is on; otherwise they need the token."""
    settings = request.app.state.settings
    if settings.web_public:
        return
    if not _matches(_presented(request, cookie=True), settings.web_token):
        raise ApiError(401, "this desk is private: send 'Authorization: Bearer TOKEN' or sign in at /login",
                       "unauthorized")


def check_write(request: Request, form_token: str | None = None) -> None:
    """Every write needs the token in the Authorization header or the form (never a cookie: no CSRF)."""
    token = request.app.state.settings.web_token
    if not token:
        raise ApiError(403, "writes are turned off: start `sayso serve` with SAYSO_WEB_TOKEN set", "writes_disabled")
    if not _matches(_presented(request, form_token), token):
        raise ApiError(401, "a write needs the desk's token ('Authorization: Bearer TOKEN' or the form's token field)",
                       "unauthorized")


def token_ok(request: Request, given: str | None) -> bool:
    return _matches(given, request.app.state.settings.web_token)


