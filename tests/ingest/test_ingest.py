"""Ingest: every input kind becomes Articles, and every bad input an outcome with a reason."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import sys
import threading

import pytest

from sayso.errors import ArticleRejected, FetchError
from sayso.ingest import read_inputs, sniff_kind
from sayso.ingest.checks import check_article
from sayso.ingest.decode import decode_bytes, looks_binary
from sayso.ingest.url import check_address
from sayso.models import Article, Outcome
from sayso.settings import Settings

BODY = (
    "The regional governor said on Tuesday that air defences shot down at least nine drones over the "
    "city overnight. Officials said no one was hurt, though a warehouse near the rail yard caught fire "
    "and burned for several hours before crews brought it under control."
)

PAGE = f"""<!DOCTYPE html><html><head><title>Drones downed over city, governor says</title>
<meta property="article:published_time" content="2025-05-04T10:00:00Z">
<link rel="canonical" href="https://example-news.test/a/1"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Drones downed over city, governor says</h1><p>{BODY}</p><p>{BODY}</p></article>
<footer>© 2025 Example News</footer></body></html>"""

FEED = f"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://example-news.test/</link><description>d</description>
<item><title>First</title><link>https://example-news.test/1</link><pubDate>Mon, 05 May 2025 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{BODY}</p>]]></content:encoded></item>
<item><title>Second</title><link>https://example-news.test/2</link><pubDate>Tue, 06 May 2025 08:00:00 GMT</pubDate>
<description>{BODY} A second paragraph adds that repairs will take a week.</description></item>
</channel></rss>"""


@pytest.fixture
def settings():
    return Settings()


def _read(tmp_path, name, data, settings):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return list(read_inputs([str(path)], settings))


def test_plain_text_file_becomes_one_article(tmp_path, settings):
    [art] = _read(tmp_path, "story.txt", BODY, settings)
    assert isinstance(art, Article) and art.text == BODY


def test_html_page_gives_body_title_date_and_canonical_url(tmp_path, settings):
    [art] = _read(tmp_path, "page.html", PAGE, settings)
    assert isinstance(art, Article)
    assert "at least nine drones" in art.text and "Home" not in art.text
    assert art.title == "Drones downed over city, governor says"
    assert art.published is not None and art.published.isoformat() == "2025-05-04"
    assert art.url == "https://example-news.test/a/1"


def test_broken_html_still_yields_the_article(tmp_path, settings):
    broken = f"<html><body><div><p>{BODY}<p>{BODY}<div><script>var x = 1;</script><p>{BODY}"
    [art] = _read(tmp_path, "broken.html", broken, settings)
    assert isinstance(art, Article) and "nine drones" in art.text and "var x" not in art.text


def test_html_without_text_is_skipped_with_reason(tmp_path, settings):
    [out] = _read(tmp_path, "nav.html", "<html><head><title>t</title></head><body></body></html>", settings)
    assert isinstance(out, Outcome) and out.status == "skipped" and "no article text" in out.reason


def test_rss_feed_gives_one_article_per_entry(tmp_path, settings):
    arts = _read(tmp_path, "feed.rss", FEED, settings)
    assert [a.title for a in arts] == ["First", "Second"]
    assert arts[0].published.isoformat() == "2025-05-05" and arts[0].source == "Example Wire"
    assert "nine drones" in arts[1].text


def test_jsonl_reads_fields_and_reports_malformed_lines(tmp_path, settings):
    lines = [json.dumps({"id": "a", "text": BODY, "published": "2025-05-04", "title": "T"}),
             "{not json", json.dumps({"id": "c", "title": "no text"}), json.dumps([1, 2])]
    items = _read(tmp_path, "batch.jsonl", "\n".join(lines) + "\n", settings)
    assert items[0] == Article(id="a", text=BODY, title="T", published=items[0].published,
                               source=str(tmp_path / "batch.jsonl"))
    assert items[0].published.isoformat() == "2025-05-04"
    assert [(i.status, i.reason.split(" ")[0]) for i in items[1:]] == [
        ("failed", "malformed"), ("skipped", "no"), ("failed", "JSON")]
    assert items[1].article_id.endswith(":2")


def test_directory_is_read_recursively_in_name_order(tmp_path, settings):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b" / "c.txt").write_text(BODY + " More.")
    (tmp_path / ".hidden").write_text("ignored")
    arts = list(read_inputs([str(tmp_path)], settings))
    assert [a.id.rsplit("/", 1)[-1] for a in arts] == ["a.txt", "c.txt"]


def test_missing_path_is_a_failed_outcome(tmp_path, settings):
    [out] = list(read_inputs([str(tmp_path / "nope.txt")], settings))
    assert out.status == "failed" and "no such file" in out.reason


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, gzip.compress(b"hello" * 100),
                                  b"text\x00with\x00nuls" * 20])
def test_binary_files_are_skipped_as_binary(tmp_path, settings, data):
    [out] = _read(tmp_path, "blob.txt", data, settings)
    assert out.status == "skipped" and "binary" in out.reason


def test_cp1252_text_is_decoded(tmp_path, settings):
    text = "\u201cWe will rebuild,\u201d the caf\u00e9 owner said after the strike on the market square on Friday."
    [art] = _read(tmp_path, "old.txt", (text * 3).encode("cp1252"), settings)
    assert art.text.startswith("\u201cWe will rebuild,\u201d the caf\u00e9 owner")


def test_utf8_bom_is_dropped():
    assert decode_bytes(b"\xef\xbb\xbfHello there") == "Hello there"


def test_looks_binary_accepts_ordinary_text():
    assert not looks_binary("Ordinary text, with punctuation \u2014 and accents \u00e9.".encode())


def test_oversized_file_is_skipped_without_reading_it(tmp_path):
    small = Settings(max_chars=1000)
    [out] = _read(tmp_path, "big.txt", "word " * 2000, small)
    assert out.status == "skipped" and "too large" in out.reason


def test_stdin_jsonl_is_streamed(monkeypatch, settings):
    data = (json.dumps({"id": "s1", "text": BODY}) + "\n" + json.dumps({"id": "s2", "text": BODY}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [a.id for a in read_inputs(["-"], settings)] == ["s1", "s2"]


@pytest.mark.parametrize("name,head,kind", [
    ("x.jsonl", b"", "jsonl"), ("x", b'{"id": 1}', "jsonl"), ("x", b"<?xml version='1.0'?><rss>", "feed"),
    ("x", b"<!DOCTYPE html><html>", "html"), ("x", b"Plain words.", "text"), ("x.htm", b"", "html"),
])
def test_sniff_kind(name, head, kind):
    assert sniff_kind(name, head) == kind


@pytest.mark.parametrize("text,reason", [
    ("", "empty article"), ("   \n\t ", "empty article"), ("Short.", "too short"),
    ("Die Armee meldete am Montag, dass ihre Einheiten weiter in die Region vorgedrungen seien. " * 4,
     "not English"),
    ("1234 5678 9012 3456 7890 " * 10, "not prose"),
])
def test_check_article_rejects_with_reason(settings, text, reason):
    with pytest.raises(ArticleRejected) as exc:
        check_article(Article(id="x", text=text), settings)
    assert reason in exc.value.reason


def test_check_article_sets_language_for_english(settings):
    assert check_article(Article(id="x", text=BODY), settings).language == "en"


def test_check_article_rejects_too_long():
    with pytest.raises(ArticleRejected, match="too large"):
        check_article(Article(id="x", text=BODY * 50), Settings(max_chars=1000))


@pytest.mark.parametrize("url", ["http://127.0.0.1/x", "http://localhost:8080/", "http://10.1.2.3/",
                                 "http://169.254.169.254/latest", "http://[::1]/"])
def test_private_and_loopback_urls_are_refused(settings, url):
    with pytest.raises(FetchError, match="non-public address"):
        check_address(url, settings)


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "http:///nohost"])
def test_non_http_urls_are_refused(settings, url):
    with pytest.raises(FetchError, match="only http"):
        check_address(url, settings)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/page.html")
            self.end_headers()
            return
        body = PAGE.encode() if self.path == "/page.html" else b"x" * 50_000
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_url_on_loopback_is_refused_by_default(local_server, settings):
    [out] = list(read_inputs([local_server + "/page.html"], settings))
    assert out.status == "failed" and "non-public address" in out.reason


def test_url_is_fetched_through_redirects_when_private_allowed(local_server):
    allowed = Settings(allow_private_urls=True)
    [art] = list(read_inputs([local_server + "/moved"], allowed))
    assert isinstance(art, Article) and "nine drones" in art.text


def test_url_over_the_size_limit_fails_with_reason(local_server):
    tight = Settings(allow_private_urls=True, max_download_bytes=10_000)
    [out] = list(read_inputs([local_server + "/big"], tight))
    assert out.status == "failed" and "over the limit" in out.reason


def test_jsonl_line_that_is_not_utf8_fails_alone(tmp_path, settings):
    good = json.dumps({"id": "ok", "text": BODY}).encode()
    bad = '{"id": "bad", "text": "caf\u00e9"}'.encode("latin-1")
    items = _read(tmp_path, "mixed.jsonl", good + b"\n" + bad + b"\n" + good.replace(b'"ok"', b'"ok2"') + b"\n", settings)
    assert [getattr(i, "id", None) or i.status for i in items] == ["ok", "failed", "ok2"]
    assert items[1].reason == "line is not valid UTF-8" and items[1].article_id.endswith("mixed.jsonl:2")


def test_jsonl_text_with_an_unpaired_surrogate_is_skipped_with_reason(tmp_path, settings):
    line = '{"id": "s", "text": "' + BODY[:60] + '\\ud800' + BODY[60:] + '"}\n'
    [art] = _read(tmp_path, "s.jsonl", line, settings)
    with pytest.raises(ArticleRejected, match="invalid Unicode"):
        check_article(art, settings)


def test_text_with_a_nul_character_is_skipped_as_binary(settings):
    with pytest.raises(ArticleRejected, match="NUL character"):
        check_article(Article(id="x", text=BODY.replace("drones", "dro\x00nes")), settings)
