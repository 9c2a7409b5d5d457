"""``newsgraph eval``: score extractors on annotated data (see docs/eval.md)."""

from __future__ import annotations

import click


@click.group()
def eval_group() -> None:
    """Score newsgraph on annotated data and check the committed baseline."""
