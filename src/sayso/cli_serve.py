"""`sayso serve`: the analyst's desk (JSON API and pages) over a store, with uvicorn."""

from __future__ import annotations

import logging
from typing import Optional

import typer
from rich.console import Console

from sayso.errors import SaysoError
from sayso.settings import Settings

err = Console(stderr=True)


def serve(
    db: Optional[str] = typer.Option(None, "--db", help="Store: a SQLite file path or postgresql://... "
                                                        "(default: setting 'db')."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", "-p", help="Port to listen on."),
    workers_pool: int = typer.Option(4, "--connections", help="Store connections kept open for requests."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every request."),
) -> None:
    """Serve the analyst's desk: a JSON API under /api and pages for articles, speakers, claims,
    contradictions, timelines, a map, search and ingest. Writes need SAYSO_WEB_TOKEN."""
    import uvicorn

    from sayso.web import create_app

    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        settings = Settings.from_env()
        app = create_app(db or settings.db, settings, pool_size=workers_pool)
    except SaysoError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    writes = "on (token set)" if settings.web_token else "off (set SAYSO_WEB_TOKEN to allow ingest)"
    reads = "public" if settings.web_public else "token only"
    err.print(f"sayso desk on http://{host}:{port}/  reads: {reads}; writes: {writes}", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="info" if verbose else "warning",
                access_log=verbose, server_header=False)
