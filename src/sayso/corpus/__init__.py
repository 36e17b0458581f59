"""Cross-article work over stored records: ingest, speaker entities, wire copies, claim clusters,
contradictions, timelines, queries and export."""

from sayso.corpus.export import export
from sayso.corpus.ingest import IngestReport, ingest
from sayso.corpus.queries import (claim_clusters, claims, clustered_claims, contradictions, entities, find_entities, quotes, search,
                                  timeline, wire_groups)
from sayso.corpus.records import (ClaimCluster, Contradiction, EntityRecord, SearchHit, StoredClaim, StoredQuote,
                                  Timeline, TimelinePoint, WireGroup)

__all__ = [
    "ClaimCluster", "Contradiction", "EntityRecord", "IngestReport", "SearchHit", "StoredClaim", "StoredQuote",
    "Timeline", "TimelinePoint", "WireGroup", "claim_clusters", "claims", "clustered_claims", "contradictions", "entities", "export",
    "find_entities", "ingest", "quotes", "search", "timeline", "wire_groups",
]
