"""spaCy makes a new ``Token`` object each time a token is read (``doc[0] is doc[0]`` is
False), so two tokens are the same token when their ``.i`` are equal, never by ``is``.
A check like ``tok.head is tok`` is always False and silently never fires; this test reads
the pipeline's source and fails on any ``is`` / ``is not`` that compares a token's
``.head`` or two names the pipeline uses for tokens.
"""

from __future__ import annotations

import ast
from pathlib import Path

import spacy

PIPELINE = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "pipeline"

# Names the pipeline gives spaCy tokens.
_TOKEN_NAMES = frozenset("tok token verb matrix parent head cue comp root word child".split())


def _token_like(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute) and node.attr == "head":
        return True
    return isinstance(node, ast.Name) and node.id in _TOKEN_NAMES


def test_spacy_tokens_are_new_objects_each_read():
    doc = spacy.blank("en")("one two")
    assert doc[0] is not doc[0] and doc[0].head is not doc[0]  # why ``is`` cannot be used
    assert doc[0].head.i == doc[0].i


def test_no_token_compared_by_identity():
    found = []
    for path in sorted(PIPELINE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Compare):
                continue
            left = node.left
            for op, right in zip(node.ops, node.comparators, strict=True):
                if isinstance(op, ast.Is | ast.IsNot) and (
                    (_token_like(left) and _token_like(right))
                    or any(isinstance(n, ast.Attribute) and n.attr == "head" for n in (left, right))
                ):
                    found.append(f"{path.relative_to(PIPELINE)}:{node.lineno}: {ast.get_source_segment(source, node)}")
                left = right
    assert not found, "compare spaCy tokens by .i, not by identity:\n" + "\n".join(found)
