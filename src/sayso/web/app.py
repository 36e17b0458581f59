"""The desk's FastAPI application: the store pool, the API and pages, static assets and the guards."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Callable

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from sayso import __version__
from sayso.settings import Settings
from sayso.web import api, charts, errors, pages
from sayso.web.guard import Guard
from sayso.web.pool import StorePool
from sayso.web.uploads import Ingester

HERE = Path(__file__).resolve().parent
DESCRIPTION = ("The analyst's desk over a sayso corpus store: articles with every record and its spans, quotes, "
               "claims, clusters, contradictions, timelines, entities, search, wire groups, places, events (one per "
               "occurrence, with every report), and ingest. "
               "Every list is paged (offset, limit, next); every error is "
               '{"error": {"status", "code", "message"}}.')


def create_app(db: str, settings: Settings | None = None, *, analyse: Callable | None = None,
               pool_size: int = 4) -> FastAPI:
    """The desk over the store at ``db`` (a SQLite path or a postgresql:// URL), opened and migrated now.

    ``analyse`` replaces ``sayso.analyze_many`` for ingest (tests and benchmarks), as in ``corpus.ingest``.
    """
    settings = settings or Settings.from_env()
    pool = StorePool(db, size=pool_size)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        pool.close()

    app = FastAPI(title="sayso desk", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.pool = pool
    app.state.ingester = Ingester(settings, analyse)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["num"] = _num
    templates.env.globals["event_icon"] = charts.event_icon
    templates.env.policies["json.dumps_kwargs"] = {"sort_keys": False}   # a record's fields in their own order
    app.state.templates = templates
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.open_router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(Guard, max_body=settings.web_max_body, per_minute=settings.web_rate_limit)
    return app


def _num(value: float | None, value_max: float | None = None, unit: str | None = None) -> str:
    """'1,000–1,200 km2'; an empty string for what is not a number (a template given another record)."""
    if value is not None and not isinstance(value, (int, float)):
        return ""
    text = "—" if value is None else f"{value:,.6g}"
    if isinstance(value_max, (int, float)):
        text += f"–{value_max:,.6g}"
    return f"{text} {unit or ''}".strip()
