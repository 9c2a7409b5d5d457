"""Draw BBC articles and print every place newsgraph resolves in them, for a hand check
(docs/places.md, "BBC samples read by hand").

    .venv/bin/python scripts/bbc_place_sample.py --seed 4041 --per-topic 5 \
        --topics politics sport tech entertainment > /tmp/places.tsv
    .venv/bin/python scripts/bbc_place_sample.py --naming "East Midlands|West Country" > /tmp/regions.tsv

``--all`` takes every article of the topics (the whole corpus: 2,225 articles, minutes).
``--naming REGEX`` takes every article of the topics whose text matches instead of a draw
(run it at two commits and diff the outputs to see what a change does to those articles).

One line per place: article, place name, country, GeoNames feature, lat, lon, confidence,
resolved, how it was found (ner / gazetteer), and the text around its first mention. The
articles are read from ``--data-root`` (the annotated data, absent on a user's machine).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import newsgraph
from newsgraph.record import to_dict

CORPUS = Path("corpora/bbc-news/dataset/data_files")
TOPICS = ("business", "entertainment", "politics", "sport", "tech")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-root", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--seed", type=int, default=4041)
    parser.add_argument("--per-topic", type=int, default=5)
    parser.add_argument("--topics", nargs="+", choices=TOPICS, default=list(TOPICS))
    parser.add_argument("--all", action="store_true", help="every article of the topics, instead of a draw")
    parser.add_argument("--naming", metavar="REGEX", help="every article whose text matches, instead of a draw")
    parser.add_argument("--literal-clubs", action="store_true",
                        help="run places with clubs_as_places=false (clubs in sports reports are no places)")
    args = parser.parse_args(argv)
    config = None
    if args.literal_clubs:
        from newsgraph.pipeline.config import PipelineConfig

        config = PipelineConfig.default().with_settings("newsgraph.places.v1", clubs_as_places=False)
    root = args.data_root / CORPUS
    if not root.is_dir():
        print(f"no BBC corpus at {root}", file=sys.stderr)
        return 2
    files = []
    naming = re.compile(args.naming) if args.naming else None
    for topic in args.topics:
        paths = sorted((root / topic).glob("*.txt"))
        if args.all:
            files += paths
        elif naming is not None:
            files += [p for p in paths if naming.search(p.read_bytes().decode("utf-8", "replace"))]
        else:
            # one generator per topic, seeded alike: a topic's draw does not depend on the others
            files += random.Random(args.seed).sample(paths, args.per_topic)
    n = 0
    for path in files:
        record = to_dict(newsgraph.analyze(path.read_bytes().decode("utf-8", "replace"), config=config))
        text = record["text"]
        for place in record["places"]:
            first = place["mentions"][0]
            line_start = text.rfind("\n", 0, first["start"]) + 1
            around = text[max(line_start, first["start"] - 70): first["end"] + 50].replace("\n", " ")
            fields = (f"{path.parent.name}/{path.name}", place["name"], place.get("country"), place.get("feature"),
                      place.get("lat"), place.get("lon"), place.get("confidence"), place.get("resolved"),
                      place.get("source"), around)  # fmt: skip
            print("\t".join("" if f is None else str(f) for f in fields))
            n += 1
    print(f"{n} places in {len(files)} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
