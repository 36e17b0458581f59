"""Fixtures of the store tests: the store on each backend, shared with the corpus tests (tests/corpus/storekit.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))

from storekit import store, store_url  # noqa: E402,F401  (fixtures)
