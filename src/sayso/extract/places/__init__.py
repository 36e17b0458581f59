"""Place mentions resolved to gazetteer entries."""

from sayso.extract.places.places import extract_places

__all__ = ["extract_places"]
