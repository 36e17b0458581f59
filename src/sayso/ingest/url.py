"""http(s) URLs to articles with httpx: timeouts, a size limit, and no private addresses by default."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

from sayso.errors import FetchError
from sayso.settings import Settings

MAX_REDIRECTS = 5


def check_address(url: str, settings: Settings) -> None:
    """Refuse non-http(s) URLs and hosts that resolve to loopback/private/link-local addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http(s) URLs with a host can be fetched")
    if settings.allow_private_urls:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise FetchError(f"{url}: host {parts.hostname!r} does not resolve ({exc.strerror})") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if (addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved
                or addr.is_multicast or addr.is_unspecified):
            raise FetchError(
                f"{url}: refused, {parts.hostname} resolves to the non-public address {addr} "
                "(set SAYSO_ALLOW_PRIVATE_URLS=1 to allow it)"
            )


def fetch(url: str, settings: Settings) -> tuple[bytes, str | None, str]:
    """(body, declared charset, final URL). Redirects are followed and each hop is checked."""
    import httpx

    timeout = httpx.Timeout(settings.http_timeout)
    headers = {"User-Agent": "sayso/0.1 (+https://github.com/sayso)"}
    with httpx.Client(timeout=timeout, follow_redirects=False, headers=headers) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_address(url, settings)
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{url}: HTTP {response.status_code}")
                    declared = int(response.headers.get("content-length") or 0)
                    if declared > settings.max_download_bytes:
                        raise FetchError(f"{url}: {declared:,} bytes is over the limit of "
                                         f"{settings.max_download_bytes:,} (SAYSO_MAX_DOWNLOAD_BYTES)")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > settings.max_download_bytes:
                            raise FetchError(f"{url}: body is over the limit of {settings.max_download_bytes:,} "
                                             "bytes (SAYSO_MAX_DOWNLOAD_BYTES)")
                    return bytes(body), response.charset_encoding, str(response.url)
            except httpx.TimeoutException as exc:
                raise FetchError(f"{url}: timed out after {settings.http_timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
