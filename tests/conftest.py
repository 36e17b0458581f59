"""Shared fixtures: the real model loaded once per test session, and paths to our own examples."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def settings():
    from sayso.settings import Settings

    return Settings()


@pytest.fixture(scope="session")
def nlp(settings):
    """The full sayso pipeline (components for every extractor), loaded once."""
    from sayso.nlp import load_nlp

    return load_nlp(settings.model, settings.extractor_names, package=settings.model_package)
