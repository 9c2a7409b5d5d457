"""Refit the events component's confidence weights on the PLOVER dev half.

Usage: python scripts/fit_event_confidence.py [PLOVER_JSON]
Writes src/newsgraph/resources/events/confidence.json. `newsgraph eval events` reports the
cross-validated figures of this same fit (weights learned on other folds).
"""

import sys

from newsgraph.eval.tasks.events import fit_shipped

path = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/events/plover_gsr_dev.json"
model = fit_shipped(path)
print(f"threshold {model.threshold}; weights:")
for name, weight in sorted(model.weights.items(), key=lambda kv: -abs(kv[1])):
    print(f"  {name:20s} {weight:+.3f}")
