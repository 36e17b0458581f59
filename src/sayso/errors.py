"""Errors sayso raises; each message names the value at fault and what to do about it.

    SaysoError
    ├── SettingsError        a setting has a bad value
    ├── ModelNotInstalled    the spaCy model named in the settings cannot be loaded
    ├── InputError           an input cannot be read at all (missing file, malformed JSONL line, refused URL)
    │   └── FetchError       an http(s) download failed or was refused
    ├── ArticleRejected      one article cannot be analysed (empty, binary, not English, too large);
    │                        in a batch this becomes a per-article "skipped" outcome, never a crash
    ├── ArticleFailed        one article's parse failed, or its extraction ran past the work budget;
    │   │                    in a batch this becomes a per-article "failed" outcome
    │   └── OverBudget       the extraction ran past ``max_seconds``
    ├── GazetteerError       the place index cannot be built or loaded
    ├── StoreError           the database cannot be opened, migrated or written
    └── SparkUnavailable     `sayso spark-extract` needs pyspark and Java, and one of them is missing
"""

from __future__ import annotations


class SaysoError(Exception):
    """Base class of every error sayso raises on purpose."""


class SettingsError(SaysoError):
    """A setting has a value sayso cannot use."""


class ModelNotInstalled(SaysoError):
    """The spaCy model named in the settings is not installed."""

    def __init__(self, model: str, package: str | None = None) -> None:
        hint = f"pip install {package}" if package else f"pip install the package that provides {model!r}"
        super().__init__(
            f"spaCy model {model!r} is not installed; run `make install` or `{hint}`, "
            f"or set SAYSO_MODEL to an installed model"
        )
        self.model = model


class InputError(SaysoError):
    """An input cannot be read at all."""


class FetchError(InputError):
    """A URL could not be fetched, or was refused by the settings."""


class ArticleRejected(SaysoError):
    """One article cannot be analysed; ``reason`` is a short phrase for the outcome table."""

    def __init__(self, reason: str, article_id: str | None = None) -> None:
        super().__init__(f"{article_id}: {reason}" if article_id else reason)
        self.reason = reason
        self.article_id = article_id


class ArticleFailed(SaysoError):
    """One article could not be analysed although it was accepted; ``reason`` goes in its outcome."""

    def __init__(self, reason: str, article_id: str | None = None) -> None:
        super().__init__(f"{article_id}: {reason}" if article_id else reason)
        self.reason = reason
        self.article_id = article_id


class OverBudget(ArticleFailed):
    """One article's extraction ran past the time budget (setting ``max_seconds``)."""


class GazetteerError(SaysoError):
    """The gazetteer could not be built or loaded."""


class StoreError(SaysoError):
    """The store could not be opened, migrated or written."""


class SparkUnavailable(SaysoError):
    """pyspark or the Java it runs on is missing."""
