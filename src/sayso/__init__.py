"""sayso: who said what in conflict news.

    >>> import sayso
    >>> analysis = sayso.analyze(text, published="2024-08-12")      # doctest: +SKIP
    >>> for q in analysis.quotes: print(q.speaker.name, q.text)     # doctest: +SKIP
"""

from sayso.api import analyze, analyze_many
from sayso.corpus import (EventFilter, claim_clusters, claims, contradictions, entities, export, find_events, get_event,
                          ingest, quotes, search, timeline, wire_groups)
from sayso.errors import ArticleRejected, InputError, ModelNotInstalled, SaysoError
from sayso.models import Analysis, Article, Claim, DateRef, Note, Outcome, Place, Quantity, Quote, Result, Speaker
from sayso.settings import Settings
from sayso.store import open_store

__version__ = "0.1.0"

__all__ = [
    "Analysis", "Article", "ArticleRejected", "Claim", "DateRef", "InputError", "ModelNotInstalled", "Note",
    "Outcome", "Place", "Quantity", "Quote", "Result", "SaysoError", "Settings", "Speaker",
    "analyze", "analyze_many", "__version__",
    "open_store", "ingest", "quotes", "claims", "claim_clusters", "contradictions", "timeline", "search", "wire_groups",
    "entities", "export", "EventFilter", "find_events", "get_event",
]
