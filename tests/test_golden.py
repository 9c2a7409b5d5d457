"""Golden files: each synthetic example article in, its expected record out.

Run ``pytest tests/test_golden.py --update-golden`` after an intended change and review
the diff of tests/golden/ like code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.record import to_dict
from newsgraph.service import make_input
from newsgraph.validate import span_problems
from tests.conftest import EXAMPLES

GOLDEN = Path(__file__).parent / "golden"
PUBLISHED = "2031-03-14"
ARTICLES = sorted(EXAMPLES.glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_golden_record_matches(pipeline, update_golden, path):
    item = make_input(path.read_text(encoding="utf-8"), PUBLISHED, id=path.stem, source=f"examples/articles/{path.name}")
    record = pipeline(item)
    assert span_problems(record) == []
    actual = to_dict(record)
    target = GOLDEN / f"{path.stem}.json"
    if update_golden:
        target.write_text(json.dumps(actual, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        return
    assert target.exists(), f"no golden file {target.name}: run pytest {__file__} --update-golden"
    expected = json.loads(target.read_text(encoding="utf-8"))
    for key in expected:
        assert actual.get(key) == expected[key], f"{path.name}: '{key}' differs from tests/golden/{target.name}"
