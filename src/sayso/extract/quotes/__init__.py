"""Statements and their speakers: quotation marks, reporting cues from the parse, speaker resolution."""

from sayso.extract.quotes.quotes import extract_quotes, speaker_token

__all__ = ["extract_quotes", "speaker_token"]
