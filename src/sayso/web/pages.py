"""The desk's pages, rendered on the server: each route calls ``views`` (as the API does) and fills a template."""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from sayso import corpus
from sayso.corpus import browse
from sayso.models import STATUSES
from sayso.store import Store
from sayso.web import charts, marks, views
from sayso.web.api import ABOUT, LIMIT, OFFSET, SINCE, UNTIL, Status, get_store, items_from
from sayso.web.errors import ApiError
from sayso.web.guard import check_read, check_write, token_ok

router = APIRouter(dependencies=[Depends(check_read)], include_in_schema=False)
open_router = APIRouter(include_in_schema=False)
EVENTS_SHOWN = 200


def _date(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, f"{name}: {value!r} is not a date; give YYYY-MM-DD", "invalid_parameter") from None


def page_event_filter(type: Optional[str] = Query(None, max_length=100),
                      since: Optional[str] = Query(None, max_length=10),
                      until: Optional[str] = Query(None, max_length=10),
                      place: Optional[str] = Query(None, max_length=200),
                      actor: Optional[str] = Query(None, max_length=200),
                      status: Optional[str] = Query(None, max_length=20)) -> corpus.EventFilter:
    """The event filters of a page's form, where an empty field means 'any' (a form sends every field)."""
    if type and type not in corpus.event_types():
        raise ApiError(422, f"type: {type!r} is not an event type; choose from {', '.join(corpus.event_types())}",
                       "invalid_parameter")
    if status and status not in STATUSES:
        raise ApiError(422, f"status: {status!r} is not one of {', '.join(STATUSES)}", "invalid_parameter")
    return corpus.EventFilter(type or None, None, _date("since", since), _date("until", until), place or None, None,
                              actor or None, status or None)


def _event_context(events: list, where: corpus.EventFilter) -> dict[str, Any]:
    """What the events partials need: the events shown, the type names and styles, the filter."""
    types = corpus.event_types()
    return {"events": events, "shown": events[:EVENTS_SHOWN], "types": types, "f": where, "statuses": STATUSES,
            "styles": charts.event_styles(list(types)), "names": {k: t["name"] for k, t in types.items()}}


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


def _next(request: Request, p: views.Page) -> str | None:
    if not p.more:
        return None
    query = dict(request.query_params)
    query["offset"] = str(p.offset + p.limit)
    return f"{request.url.path}?{urlencode(query)}"


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: Store = Depends(get_store)):
    latest = list(browse.articles(store, limit=10))
    return render(request, "home.html", counts=store.counts(), latest=latest)


@router.get("/articles", response_class=HTMLResponse)
def article_list(request: Request, since: Optional[dt.date] = SINCE, until: Optional[dt.date] = UNTIL,
                 outlet: Optional[str] = Query(None, max_length=200), offset: int = OFFSET, limit: int = LIMIT,
                 store: Store = Depends(get_store)):
    p = views.page(browse.articles(store, since=since, until=until, outlet=outlet, offset=offset, limit=limit + 1),
                   0, limit)
    p = views.Page(p.items, offset, limit, p.more)
    return render(request, "articles.html", page=p, next_url=_next(request, p), outlet=outlet)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str, store: Store = Depends(get_store)):
    data = views.article(store, article_id, request.app.state.settings)
    types = corpus.event_types()
    spans, records = marks.article_spans(data, types)
    counts = {k: sum(1 for s in spans if s.kind == k) for k in marks.LAYER}
    statuses = sorted({c.get("status") for c in data["claims"]})
    return render(request, "article.html", a=data, body=marks.render(data["text"], spans), records=records,
                  counts=counts, statuses=statuses, types=types)


@router.get("/speakers", response_class=HTMLResponse)
def speaker_list(request: Request, offset: int = OFFSET, limit: int = LIMIT, store: Store = Depends(get_store)):
    p = views.page(corpus.entities(store), offset, limit)
    return render(request, "speakers.html", page=p, next_url=_next(request, p))


@router.get("/speakers/{name:path}", response_class=HTMLResponse)
def speaker(request: Request, name: str, store: Store = Depends(get_store)):
    return render(request, "speaker.html", s=views.speaker(store, name, request.app.state.settings))


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, about: Optional[str] = ABOUT, measure: Optional[str] = Query(None, max_length=300),
           source: Optional[str] = Query(None, max_length=200), status: Optional[Status] = Query(None),
           place: Optional[str] = Query(None, max_length=200), since: Optional[dt.date] = SINCE,
           until: Optional[dt.date] = UNTIL, offset: int = OFFSET, limit: int = LIMIT,
           store: Store = Depends(get_store)):
    f = views.ClaimFilter(about or None, measure or None, source or None, status, place or None, since, until)
    p = views.page(views.claims(store, f), offset, limit)
    query = {k: v for k, v in request.query_params.items() if k not in ("offset", "limit", "format") and v}
    exports = {fmt: f"/api/claims?{urlencode({**query, 'format': fmt})}" for fmt in ("csv", "jsonl")}
    return render(request, "claims.html", page=p, next_url=_next(request, p), f=f, statuses=STATUSES,
                  measures=views.measures(store), exports=exports)


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions(request: Request, about: Optional[str] = ABOUT, offset: int = OFFSET, limit: int = LIMIT,
                   store: Store = Depends(get_store)):
    rows = views.contradictions(store, request.app.state.settings, about)
    p = views.page(rows, offset, limit)
    return render(request, "contradictions.html", page=p, next_url=_next(request, p), about=about)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, about: Optional[str] = ABOUT, measure: Optional[str] = Query(None, max_length=300),
             where: corpus.EventFilter = Depends(page_event_filter), store: Store = Depends(get_store)):
    lines = views.timeline(store, about, measure) if (about or measure) else []
    charted = []
    for line in lines[:20]:
        palette = charts.colours([p.source for p in line.points])
        charted.append((line, charts.timeline_svg(line, palette), palette))
    ev = _event_context(views.events(store, where), where)
    return render(request, "timeline.html", lines=charted, about=about, measure=measure,
                  measures=views.measures(store), more=max(0, len(lines) - 20),
                  events_chart=charts.events_svg(ev["events"], ev["styles"], ev["names"]), **ev)


@router.get("/map", response_class=HTMLResponse)
def place_map(request: Request, where: corpus.EventFilter = Depends(page_event_filter),
              store: Store = Depends(get_store)):
    m = views.map_view(store, where.since, where.until, where)
    ev = _event_context(m.events, where)
    return render(request, "map.html", places=m.places, svg=charts.map_svg(m.places, m.box, m.events, ev["styles"]),
                  place_colour=charts.PLACE_COLOUR, **ev)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Optional[str] = Query(None, max_length=200), store: Store = Depends(get_store)):
    hits = corpus.search(store, q, limit=50) if q and q.strip() else []
    return render(request, "search.html", q=q or "", hits=hits)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request):
    return render(request, "ingest.html", result=None, writable=bool(request.app.state.settings.web_token))


@router.post("/ingest", response_class=HTMLResponse)
def ingest(request: Request, file: Optional[UploadFile] = File(None), url: Optional[str] = Form(None, max_length=2000),
           text: Optional[str] = Form(None), title: Optional[str] = Form(None, max_length=500),
           published: Optional[str] = Form(None, max_length=10), token: Optional[str] = Form(None, max_length=500),
           store: Store = Depends(get_store)):
    check_write(request, token)
    result = request.app.state.ingester.run(store, items_from(request, file, url, text, title, published))
    return render(request, "ingest.html", result=result, writable=True)


@open_router.get("/login", response_class=HTMLResponse)
def login_form(request: Request):
    return render(request, "login.html", failed=False)


@open_router.post("/login", response_class=HTMLResponse)
def login(request: Request, token: str = Form(..., max_length=500)):
    if not token_ok(request, token):
        raise ApiError(401, "that is not the desk's token", "unauthorized")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie("sayso_token", token, httponly=True, samesite="strict")
    return response
