"""Quantities and the claims that state them: value, unit, qualifier, source and status."""

from sayso.extract.claims.claims import extract_claims

__all__ = ["extract_claims"]
