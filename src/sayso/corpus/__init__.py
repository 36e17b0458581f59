"""Cross-article work over stored records: ingest, speaker entities, wire copies, claim clusters,
contradictions, timelines, events, queries and export."""

from sayso.corpus.event_tables import event_json, event_types
from sayso.corpus.events import EventFilter, EventGroup, find_events, get_event
from sayso.corpus.export import export
from sayso.corpus.ingest import IngestReport, ingest
from sayso.corpus.queries import (claim_clusters, claims, clustered_claims, contradictions, entities, find_entities, quotes, search,
                                  timeline, wire_groups)
from sayso.corpus.records import (ClaimCluster, Contradiction, EntityRecord, SearchHit, StoredClaim, StoredQuote,
                                  Timeline, TimelinePoint, WireGroup)

__all__ = [
    "ClaimCluster", "Contradiction", "EntityRecord", "EventFilter", "EventGroup", "IngestReport", "SearchHit",
    "StoredClaim", "StoredQuote", "Timeline", "TimelinePoint", "WireGroup", "claim_clusters", "claims",
    "clustered_claims", "contradictions", "entities", "event_json", "event_types", "export", "find_entities",
    "find_events", "get_event", "ingest", "quotes", "search", "timeline", "wire_groups",
]
