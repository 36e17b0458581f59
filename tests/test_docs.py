"""The docs follow the code: every setting and CLI command is documented."""

from __future__ import annotations

from pathlib import Path

import typer.main

from sayso.cli import app
from sayso.settings import markdown

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_settings_reference_is_current():
    assert (DOCS / "settings.md").read_text(encoding="utf-8") == markdown(), \
        "regenerate with: .venv/bin/python -m sayso.settings > docs/settings.md"


def test_every_cli_command_is_in_the_cli_reference():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    commands = typer.main.get_command(app).commands
    missing = [name for name in commands if f"sayso {name}" not in text]
    assert not missing, f"docs/cli.md lacks {missing}"


def test_every_cli_command_has_help():
    for name, command in typer.main.get_command(app).commands.items():
        assert command.help and len(command.help) > 15, name


def test_readme_starts_with_the_two_commands():
    head = (DOCS.parent / "README.md").read_text(encoding="utf-8").split("\n## ")[0]
    assert "make demo" in head and "make test" in head
