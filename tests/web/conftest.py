"""Fixtures of the web tests: a desk over a store on each backend, filled with our hand-built corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))

from deskkit import make_client, settings  # noqa: E402
from storekit import store_url, stub_analyse  # noqa: E402,F401  (fixtures)


@pytest.fixture
def analyses():
    import deskcorpus

    return {a.article.id: a for a in deskcorpus.build()}


@pytest.fixture
def filled_url(store_url, analyses):
    """A store on each backend holding the desk corpus (records as built, linked by the real linker)."""
    from sayso import corpus
    from sayso.store import open_store

    store = open_store(store_url)
    try:
        corpus.ingest([a.article for a in analyses.values()], store, settings(), analyse=stub_analyse(analyses))
    finally:
        store.close()
    return store_url


@pytest.fixture
def client(filled_url, analyses):
    with make_client(filled_url, analyses) as c:
        yield c
