"""The analyst's desk: a JSON API and server-rendered pages over a corpus store (``sayso serve``).

    >>> from sayso.web import create_app
    >>> app = create_app("corpus.db")          # doctest: +SKIP  (serve with uvicorn.run(app))
"""

from sayso.web.app import create_app

__all__ = ["create_app"]
