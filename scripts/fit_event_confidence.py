"""Refit the events component's confidence weights and keep threshold.

Usage: python scripts/fit_event_confidence.py [PLOVER_JSON]
Data: the PLOVER dev half (its candidates of the gold type as positive examples) and the
hand-checked BBC events in src/newsgraph/resources/events/bbc_labels.tsv (their articles are
coded again from corpora/bbc-news under the same data root), fit as in
newsgraph.eval.tasks.events_gate (logistic regression, calibrated on held-out folds, the
threshold from the BBC CV grouped by article). Writes
src/newsgraph/resources/events/confidence.json. `newsgraph eval events` reports the
cross-validated figures of this same fit. Without the BBC corpus it fits on PLOVER alone.
"""

import sys

from newsgraph.eval.tasks.events import fit_shipped

path = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/events/plover_gsr_dev.json"
model = fit_shipped(path)
print(f"threshold {model.threshold} (ordinary news {model.news_threshold}); weights:")
for name, weight in sorted(model.weights.items(), key=lambda kv: -abs(kv[1])):
    print(f"  {name:20s} {weight:+.3f}")
