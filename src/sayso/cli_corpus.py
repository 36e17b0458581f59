"""Corpus commands of the `sayso` CLI (ingest, quotes, claims, contradictions, timeline, search)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the corpus commands to ``app``."""
