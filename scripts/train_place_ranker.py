"""Train the place ranker and its confidence model on GeoWebNews; write the weights file.

Run at development time from the repo root (needs the evaluation data, see docs/places.md):

    .venv/bin/python scripts/train_place_ranker.py [--data ../shared/data/geo/geowebnews]

Writes src/newsgraph/resources/geonames/ranker.json (about 1 KB). The recipe is the one
``newsgraph eval geo`` cross-validates (``eval/tasks/geo_cv.py``), run on all 200 articles:
candidate rows from the hand-set weights' document context, a conditional logit over each
toponym's candidates, then a logistic confidence model on the new ranker's mentions.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsgraph.eval.tasks.geo import analyse, read_gwn
from newsgraph.eval.tasks.geo_cv import train
from newsgraph.pipeline.components.places import PlaceResolver
from newsgraph.pipeline.components.places.rank import HAND_RANKER, RANKER_FILE

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "geo" / "geowebnews")
    parser.add_argument("--out", type=Path, default=RANKER_FILE)
    args = parser.parse_args()
    articles = read_gwn(args.data)
    docs, _ = analyse([a.text for a in articles])
    resolver = PlaceResolver()
    hand = [resolver.resolve(doc, ranker=HAND_RANKER) for doc in docs]
    ranker = train(articles, docs, hand, resolver)
    data = {"trained_on": f"GeoWebNews, {len(articles)} articles", **ranker.to_dict()}
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
