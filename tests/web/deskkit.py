"""Helpers of the web tests: the token, the test settings and a client over a desk (imported by name,
like tests/corpus/storekit.py, since every folder's conftest.py is a module called conftest)."""

from __future__ import annotations

from storekit import stub_analyse

TOKEN = "test-token-5b1f"


def settings(**changes):
    from sayso.settings import Settings

    base = dict(web_token=TOKEN, web_rate_limit=0, language_check=False, min_chars=5)
    return Settings(**{**base, **changes})


def make_client(url, analyses=None, **changes):
    from fastapi.testclient import TestClient

    from sayso.web import create_app

    app = create_app(url, settings(**changes), analyse=stub_analyse(analyses or {}))
    return TestClient(app, raise_server_exceptions=False)
