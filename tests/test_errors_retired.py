"""Retired error codes stay documented and their numbers are never given to a new code
(stores made before may hold them in their errors table)."""

from __future__ import annotations

from newsgraph.errors import RETIRED, Code


def test_errors_retired_codes_are_not_reused():
    assert not {c.value for c in Code} & set(RETIRED)
    assert {"E106", "E302"} <= set(RETIRED)
