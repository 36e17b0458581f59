"""Building the spaCy pipeline once per process, and small helpers over spaCy tokens."""

from sayso.nlp.pipeline import doc_text, lemma, load_nlp, required_components

__all__ = ["lemma", "load_nlp", "required_components"]
