"""Extractors: pure functions from a spaCy Doc (plus context) to records. No I/O here."""
