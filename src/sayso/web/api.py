"""The JSON API under /api: each route parses its parameters, calls one function of ``views`` and formats."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, Iterable, Iterator, Literal, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from sayso import __version__, corpus
from sayso.corpus import browse
from sayso.corpus.event_tables import ACLED_COLUMNS, GDELT_COLUMNS, acled_row, gdelt_row, write_csv
from sayso.corpus.export import flat_rows
from sayso.models import ClaimStatus, EventType
from sayso.store import Store
from sayso.web import uploads, views
from sayso.web.errors import ApiError
from sayso.web.guard import check_read, check_write

Status = ClaimStatus
Export = Literal["json", "csv", "jsonl"]
EventExport = Literal["json", "acled", "gdelt", "jsonl"]


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorOut(BaseModel):
    error: ErrorDetail


class PageOut(BaseModel):
    """One page of a listing; ``next`` is the URL of the following page, null on the last."""

    items: list[dict[str, Any]]
    offset: int
    limit: int
    next: Optional[str] = None


ERRORS = {code: {"model": ErrorOut} for code in (401, 404, 413, 422, 429, 503)}


def get_store(request: Request) -> Iterator[Store]:
    with request.app.state.pool.store() as store:
        yield store


router = APIRouter(prefix="/api", dependencies=[Depends(check_read)], responses=ERRORS)
OFFSET = Query(0, ge=0, le=10_000_000, description="Rows to skip.")
LIMIT = Query(50, ge=1, le=views.MAX_LIMIT, description="Rows per page.")
SINCE = Query(None, description="Only on or after this date (YYYY-MM-DD).")
UNTIL = Query(None, description="Only on or before this date (YYYY-MM-DD).")
ABOUT = Query(None, max_length=200, description="A word of the measure, place or clause.")
FORMAT = Query("json", description="json (paged), csv or jsonl (every matching row, streamed).")


def _paged(request: Request, records: Iterable[Any], offset: int, limit: int, skipped: bool = False
           ) -> dict[str, Any]:
    """One page of ``records`` (from ``offset``, unless the query already ``skipped`` there)."""
    p = views.page(records, 0 if skipped else offset, limit)
    following = None
    if p.more:
        query = dict(request.query_params)
        query["offset"] = str(offset + limit)
        following = f"{request.url.path}?{urlencode(query)}"
    return {"items": views.jsonify(p.items), "offset": offset, "limit": limit, "next": following}


def _cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula (article text is hostile input)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _export(records: Iterable[Any], fmt: str, name: str) -> StreamingResponse:
    def csv_lines() -> Iterator[str]:
        buf, writer = io.StringIO(), None
        for row in flat_rows(records):
            if writer is None:
                writer = csv.DictWriter(buf, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: _cell(v) for k, v in row.items()})
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()

    def json_lines() -> Iterator[str]:
        for r in records:
            yield json.dumps(views.jsonify(r), ensure_ascii=False) + "\n"

    media = "text/csv" if fmt == "csv" else "application/x-ndjson"
    return StreamingResponse(csv_lines() if fmt == "csv" else json_lines(), media_type=media,
                             headers={"content-disposition": f'attachment; filename="{name}.{fmt}"'})


@router.get("/health", summary="Whether the desk and its store answer")
def health(store: Store = Depends(get_store)) -> dict[str, Any]:
    return {"ok": True, "version": __version__, "store": store.dialect, "articles": len(store.article_ids())}


@router.get("/articles", response_model=PageOut, summary="Stored articles, newest first")
def articles(request: Request, since: Optional[dt.date] = SINCE, until: Optional[dt.date] = UNTIL,
             outlet: Optional[str] = Query(None, max_length=200), offset: int = OFFSET, limit: int = LIMIT,
             store: Store = Depends(get_store)):
    rows = browse.articles(store, since=since, until=until, outlet=outlet, offset=offset, limit=limit + 1)
    return _paged(request, rows, offset, limit, skipped=True)


@router.get("/articles/{article_id:path}", summary="One article: its text and every record with its spans")
def article(request: Request, article_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    return views.article(store, article_id, request.app.state.settings)


@router.delete("/articles/{article_id:path}", summary="Remove one article and its records (needs the token)")
def delete_article(request: Request, article_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    check_write(request)
    if not browse.delete_article(store, article_id):
        raise ApiError(404, f"no article with id {article_id!r}; list them at /api/articles", "not_found")
    return {"deleted": article_id}


@router.get("/quotes", response_model=PageOut, summary="Quotes, oldest first, by speaker entity")
def quotes(request: Request, speaker: Optional[str] = Query(None, max_length=200), since: Optional[dt.date] = SINCE,
           until: Optional[dt.date] = UNTIL, offset: int = OFFSET, limit: int = LIMIT, format: Export = FORMAT,
           store: Store = Depends(get_store)):
    rows = corpus.quotes(store, speaker=speaker, since=since, until=until, settings=request.app.state.settings)
    return _export(rows, format, "quotes") if format != "json" else _paged(request, rows, offset, limit)


@router.get("/claims", response_model=PageOut, summary="The claims ledger, with filters")
def claims(request: Request, about: Optional[str] = ABOUT,
           measure: Optional[str] = Query(None, max_length=300, description="An exact measure key."),
           source: Optional[str] = Query(None, max_length=200, description="A word of the source's name."),
           status: Optional[Status] = Query(None), place: Optional[str] = Query(None, max_length=200),
           since: Optional[dt.date] = SINCE, until: Optional[dt.date] = UNTIL, offset: int = OFFSET,
           limit: int = LIMIT, format: Export = FORMAT, store: Store = Depends(get_store)):
    f = views.ClaimFilter(about, measure, source, status, place, since, until)
    rows = views.claims(store, f)
    return _export(rows, format, "claims") if format != "json" else _paged(request, rows, offset, limit)


@router.get("/clusters", response_model=PageOut, summary="Claims grouped by measure, with independent origins")
def clusters(request: Request, about: Optional[str] = ABOUT, since: Optional[dt.date] = SINCE,
             until: Optional[dt.date] = UNTIL, offset: int = OFFSET, limit: int = LIMIT, format: Export = FORMAT,
             store: Store = Depends(get_store)):
    rows = views.clusters(store, about, since, until)
    return _export(rows, format, "clusters") if format != "json" else _paged(request, rows, offset, limit)


@router.get("/contradictions", response_model=PageOut, summary="Claims that disagree, side by side")
def contradictions(request: Request, about: Optional[str] = ABOUT, since: Optional[dt.date] = SINCE,
                   until: Optional[dt.date] = UNTIL, offset: int = OFFSET, limit: int = LIMIT,
                   format: Export = FORMAT, store: Store = Depends(get_store)):
    rows = views.contradictions(store, request.app.state.settings, about, since, until)
    return _export(rows, format, "contradictions") if format != "json" else _paged(request, rows, offset, limit)


@router.get("/timeline", response_model=PageOut, summary="Each matching measure's values over time")
def timeline(request: Request, about: Optional[str] = ABOUT,
             measure: Optional[str] = Query(None, max_length=300), offset: int = OFFSET, limit: int = LIMIT,
             store: Store = Depends(get_store)):
    return _paged(request, views.timeline(store, about, measure), offset, limit)


@router.get("/entities", response_model=PageOut, summary="Speakers as entities, most quoted first")
def entities(request: Request, offset: int = OFFSET, limit: int = LIMIT, store: Store = Depends(get_store)):
    return _paged(request, corpus.entities(store), offset, limit)


@router.get("/speakers/{name:path}", summary="One speaker: statements over time, names, roles, outlets")
def speaker(request: Request, name: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    return views.speaker(store, name, request.app.state.settings)


@router.get("/search", response_model=PageOut, summary="Full-text search over articles and quotes")
def search(request: Request, q: str = Query(..., min_length=1, max_length=200, description="Words that must all occur."),
           limit: int = LIMIT, store: Store = Depends(get_store)):
    return _paged(request, corpus.search(store, q, limit=limit), 0, 2 * limit)


@router.get("/groups", response_model=PageOut, summary="Wire copies grouped by their origin")
def groups(request: Request, offset: int = OFFSET, limit: int = LIMIT, store: Store = Depends(get_store)):
    return _paged(request, corpus.wire_groups(store), offset, limit)


@router.get("/places", response_model=PageOut, summary="Places mentioned, with their points and articles")
def places(request: Request, since: Optional[dt.date] = SINCE, until: Optional[dt.date] = UNTIL,
           offset: int = OFFSET, limit: int = LIMIT, store: Store = Depends(get_store)):
    return _paged(request, browse.place_mentions(store, since=since, until=until), offset, limit)


def event_filter(type: Optional[EventType] = Query(None, description="An event type (battles, protests, ...)."),
                 subtype: Optional[str] = Query(None, max_length=100,
                                                description="A sub-type key (air_drone_strike, ...)."),
                 since: Optional[dt.date] = SINCE, until: Optional[dt.date] = UNTIL,
                 place: Optional[str] = Query(None, max_length=200, description="A word of the place's name."),
                 country: Optional[str] = Query(None, min_length=2, max_length=2, description="ISO 3166 code (UA)."),
                 actor: Optional[str] = Query(None, max_length=200,
                                              description="A word of the actor's or target's name."),
                 status: Optional[Status] = Query(None, description="The most factual status among the reports.")
                 ) -> corpus.EventFilter:
    return corpus.EventFilter(type, subtype or None, since, until, place or None, country or None, actor or None,
                              status)


def _event_table(groups: list, fmt: str) -> StreamingResponse:
    """ACLED's CSV or GDELT's tab-separated table, one row per occurrence (cells safe from spreadsheet formulas)."""
    row, columns, sep, name = ((acled_row, ACLED_COLUMNS, ",", "events.csv") if fmt == "acled" else
                               (gdelt_row, GDELT_COLUMNS, "\t", "events.tsv"))
    text = write_csv(({k: _cell(v) for k, v in row(g).items()} for g in groups), columns, delimiter=sep)
    return StreamingResponse(iter([text]), media_type="text/csv" if sep == "," else "text/tab-separated-values",
                             headers={"content-disposition": f'attachment; filename="{name}"'})


@router.get("/events", response_model=PageOut, summary="Events across articles, one per occurrence with its reports")
def events(request: Request, where: corpus.EventFilter = Depends(event_filter), offset: int = OFFSET,
           limit: int = LIMIT, format: EventExport = Query("json", description="json (paged), acled (ACLED's CSV), "
                                                                          "gdelt (GDELT's event table) or jsonl."),
           store: Store = Depends(get_store)):
    if format in ("acled", "gdelt"):
        return _event_table(views.event_groups(store, where), format)
    rows = views.events(store, where)
    return _export(rows, format, "events") if format != "json" else _paged(request, rows, offset, limit)


@router.get("/events/{event_id}", summary="One event with every report of it (its id, or any report's id)")
def event(event_id: int, store: Store = Depends(get_store)) -> dict[str, Any]:
    return views.event(store, event_id)


@router.post("/ingest", summary="Analyse and store an uploaded file, pasted text or a URL (needs the token)")
def ingest(request: Request, file: Optional[UploadFile] = File(None), url: Optional[str] = Form(None, max_length=2000),
           text: Optional[str] = Form(None), title: Optional[str] = Form(None, max_length=500),
           published: Optional[str] = Form(None, max_length=10), token: Optional[str] = Form(None, max_length=500),
           store: Store = Depends(get_store)) -> dict[str, Any]:
    check_write(request, token)
    return request.app.state.ingester.run(store, items_from(request, file, url, text, title, published))


def items_from(request: Request, file: Optional[UploadFile], url: Optional[str], text: Optional[str],
               title: Optional[str], published: Optional[str]) -> list:
    settings = request.app.state.settings
    if file is not None and file.filename:
        return uploads.from_upload(file.file.read(), file.filename, settings)
    if url:
        return uploads.from_url(url.strip(), settings)
    if text and text.strip():
        return uploads.from_text(text, title, published)
    return []
