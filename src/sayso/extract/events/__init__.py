"""Events: who did what to whom, where and when, in ACLED's types and sub-types (docs/events.md)."""

from sayso.extract.events.events import extract_events

__all__ = ["extract_events"]
