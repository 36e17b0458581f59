"""Date expressions resolved against the article's publication date."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from sayso.models import DateRef, Note


def extract_dates(doc: Doc, published: dt.date | None = None, notes: list[Note] | None = None) -> list[DateRef]:
    """Every date expression in ``doc``, resolved to YYYY-MM-DD / YYYY-MM / YYYY where possible."""
    return []
