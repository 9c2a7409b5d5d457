"""Every command and every option of the CLI is documented in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from newsgraph.cli import main

DOC = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")


def _commands():
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        yield name, main.get_command(ctx, name)


@pytest.mark.parametrize("name, command", list(_commands()), ids=[n for n, _ in _commands()])
def test_cli_documented_command_and_options(name, command):
    assert f"newsgraph {name}" in DOC, f"command {name!r} is not in docs/cli.md"
    if isinstance(command, click.Group):
        return
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert any(opt in DOC for opt in param.opts), f"{name} {param.opts} is not in docs/cli.md"
