"""Bytes to text: BOMs, declared and detected encodings, and refusal of binary data."""

from __future__ import annotations

from sayso.errors import ArticleRejected

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
                 b"BZh", b"\xfd7zXZ", b"Rar!")


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: known file signatures, NUL bytes, or many control bytes."""
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM is text
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > max(8, len(head) // 100)


def decode_bytes(data: bytes, declared: str | None = None, article_id: str | None = None) -> str:
    """Decode ``data``: UTF-8 (with or without BOM), then the declared charset, then detection.

    Raises ``ArticleRejected`` for binary data or bytes no encoding explains.
    """
    if looks_binary(data):
        raise ArticleRejected("binary data, not text", article_id)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ArticleRejected("undecodable bytes (no text encoding fits)", article_id)
    return str(best)
