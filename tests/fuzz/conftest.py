"""Hypothesis profiles of the property-based tests: 'ci' (default; a fixed, reproducible budget) and 'fuzz'
(`make fuzz`: many more random examples). SAYSO_FUZZ_PROFILE picks one; SAYSO_FUZZ_EXAMPLES sets the count of 'fuzz'."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True, database=None,
                          suppress_health_check=_SLOW_OK, print_blob=True)
settings.register_profile("fuzz", max_examples=int(os.environ.get("SAYSO_FUZZ_EXAMPLES", "2000")), deadline=None,
                          suppress_health_check=_SLOW_OK, print_blob=True)
settings.load_profile(os.environ.get("SAYSO_FUZZ_PROFILE", "ci"))
