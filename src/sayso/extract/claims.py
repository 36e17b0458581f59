"""Quantity claims: a quantity, the clause stating it, its source and its status."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc

from sayso.models import Claim, Note, Quote


def extract_claims(doc: Doc, quotes: Sequence[Quote] = (), notes: list[Note] | None = None) -> list[Claim]:
    """Every quantity claim in ``doc``; sources come from the enclosing ``quotes``."""
    return []
