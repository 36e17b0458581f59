"""Direct, indirect and mixed statements with their speakers resolved within the article."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.models import Note, Quote


def extract_quotes(doc: Doc, notes: list[Note] | None = None) -> list[Quote]:
    """Every statement in ``doc``, ordered by position. Skipped candidates go to ``notes``."""
    return []
