"""Unit words and their normalisation to sayso's SI-style units, with one pint registry per process."""

from __future__ import annotations

import functools
import json
import threading
from importlib import resources
from typing import Any, NamedTuple

_LOCK = threading.Lock()
_REGISTRY: Any = None


@functools.lru_cache(maxsize=1)
def language_data() -> dict[str, Any]:
    """The quantity word tables (``sayso/data/quantities_en.json``), read once."""
    text = resources.files("sayso").joinpath("data", "quantities_en.json").read_text(encoding="utf-8")
    return json.loads(text)


class Unit(NamedTuple):
    """A unit as sayso reports it: the display name, pint's expression and the normalised unit."""

    name: str
    pint_expr: str | None
    si_unit: str


@functools.lru_cache(maxsize=1)
def unit_table() -> dict[str, Unit]:
    """Surface form (lower case, words joined by one space) -> Unit."""
    return {form: Unit(*spec) for form, spec in language_data()["units"].items() if not form.startswith("_")}


@functools.lru_cache(maxsize=1)
def longest_unit_words() -> int:
    return max(len(form.split()) for form in unit_table())


def registry():
    """The pint UnitRegistry, created on first use and shared by the whole process."""
    global _REGISTRY
    if _REGISTRY is None:
        with _LOCK:
            if _REGISTRY is None:
                import pint

                _REGISTRY = pint.UnitRegistry()
    return _REGISTRY


@functools.lru_cache(maxsize=256)
def si_factor(pint_expr: str, si_unit: str) -> float:
    """How many ``si_unit`` one ``pint_expr`` is (1 mile -> 1.609344 km), asked of pint once per pair."""
    target = language_data()["si_targets"].get(si_unit, si_unit)
    return float(registry()(pint_expr).to(target).magnitude)


def to_si(value: float | None, unit: Unit) -> float | None:
    """``value`` in ``unit`` expressed in ``unit.si_unit``, rounded to a sensible precision."""
    if value is None:
        return None
    if unit.pint_expr is None:
        return value
    return round_si(value * si_factor(unit.pint_expr, unit.si_unit))


def round_si(value: float) -> float:
    """Round to 2 decimals as the gold sets do (45 minutes -> 0.03 day); tiny values keep 2 significant digits."""
    rounded = round(value, 2)
    if rounded == 0 and value != 0:
        return float(f"{value:.2g}")
    return rounded
