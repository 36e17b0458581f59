"""Fixtures of the corpus tests: the store on each backend (see storekit.py)."""

from storekit import store, store_url  # noqa: F401  (fixtures)
