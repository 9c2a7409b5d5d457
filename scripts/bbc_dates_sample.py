"""Draw whole BBC articles for the blind dates gold set (docs/dates.md, "Blind BBC set").

    .venv/bin/python scripts/bbc_dates_sample.py --out /tmp/bbc_dates_draw

Articles: the corpus's paths (topic/file.txt, sorted) shuffled with ``random.Random(seed)``
(seed 4604), skipping the first 200 of the earlier event draws (seeds 17, 2026, 31), the
place check's draw (seed 4041, 5 per topic) and every article of the two quantities gold files;
the first ``--per-topic`` of each of the five topics are kept. Dates are annotated in whole
articles (a weekday or ``that day`` needs what came before), so each article is written out
whole, as the evaluation reads it (UTF-8, bad bytes replaced), to ``--out``/``NN.txt`` with
an index ``articles.json`` for the annotators. The texts stay in /tmp: the gold file in the
repository holds offsets and hashes only.

A second set (``bbc_dates2.jsonl``) was drawn the same way with ``--seed 4605 --exclude
src/newsgraph/eval/data/bbc_dates.jsonl`` (no article of the first), and a third
(``bbc_dates3.jsonl``) with ``--seed 4606`` and both earlier gold files excluded, and a
fourth (``bbc_dates4.jsonl``) with ``--seed 4607`` and the three earlier ones excluded, and a
fifth (``bbc_dates5.jsonl``) with ``--seed 4608`` and the four earlier ones excluded, and a
sixth (``bbc_dates6.jsonl``) with ``--seed 4609`` and the five earlier ones excluded, and a
seventh (``bbc_dates7.jsonl``, thirty-fourth session) with ``--seed 4610`` and the six earlier
ones excluded (``--exclude`` once per file).

    .venv/bin/python scripts/bbc_dates_sample.py --out /tmp/bbc_dates_draw \
        --gold src/newsgraph/eval/data/bbc_dates.jsonl

With ``--dump`` every date of every corpus article (against the same stated date) is
written to the file ``--out`` instead, one line each, for diffing two commits:

    .venv/bin/python scripts/bbc_dates_sample.py --dump --out /tmp/dates-after.tsv

With ``--gold`` the annotators' files ``--out``/``gold-*.jsonl`` (one JSON line per
expression: n, article, start, end, text, type, value; or n, article, none) are checked
against the drawn texts and the guideline's value forms (``VALUE``) and written as the gold
file: per expression the article, its publication date, the first 12 hex digits of the
SHA-1 of its text, offsets, type and value.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

from bbc_quantities_sample import DEFAULT_DATA, read

REPO = Path(__file__).resolve().parents[1]
GOLD_FILES = [REPO / "src/newsgraph/eval/data" / f"bbc_quantities{n}.jsonl" for n in ("", "2")]
# The publication date every article is read against: the corpus gives none, so the set
# measures the resolution of relative expressions against a stated date, the same for all.
DCT = "2005-03-16"


def draw(paths: list[str], seed: int, per_topic: int, exclude: list[Path] = ()) -> list[str]:
    """The first ``per_topic`` articles of each topic in ``paths`` shuffled with ``seed``,
    leaving out the articles of the earlier BBC draws and gold files (and of ``exclude``)."""
    used: set[str] = set()
    for other in (17, 2026, 31):
        shuffled = list(paths)
        random.Random(other).shuffle(shuffled)
        used.update(shuffled[:200])
    topics = sorted({p.split("/")[0] for p in paths})
    for topic in topics:  # the place check's draw: 5 per topic, one generator per topic
        used.update(random.Random(4041).sample([p for p in paths if p.startswith(topic + "/")], 5))
    for gold in [*GOLD_FILES, *exclude]:
        lines = gold.read_text(encoding="utf-8").splitlines()
        used.update(json.loads(line)["article"] for line in lines if line)
    shuffled = list(paths)
    random.Random(seed).shuffle(shuffled)
    chosen: list[str] = []
    for topic in topics:
        chosen += [p for p in shuffled if p.startswith(topic + "/") and p not in used][:per_topic]
    return chosen


# The TIMEX3 values the guideline allows (docs/dates-bbc-guideline.md): what the annotators'
# checker accepted, and what --gold checks again before writing.
VALUE = re.compile(
    r"\d{4}(?:-\d\d(?:-\d\d)?)?(?:T(?:\d\d(?::\d\d)?|MO|AF|EV|NI|DT))?"
    r"|\d{4}-W(?:\d\d|XX)(?:-(?:\d|WE))?|\d{4}-(?:Q[1-4X]|H[12]|SP|SU|FA|WI)|\d{2,3}"
    r"|XXXX(?:-(?:\d\d|XX|WXX)(?:-(?:\d\d|\d|XX))?)?"
    r"|P(?:\d+(?:\.\d+)?|X)[YMWDE]|P(?:\d+|X)(?:DE|CE)|PT(?:\d+(?:\.\d+)?|X)[HMS]|P\d+WE"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
)
TYPES = ("DATE", "TIME", "DURATION", "SET")


def _matches(entry: dict, article: dict, text: str) -> bool:
    """The annotation names the drawn article and quotes its characters exactly."""
    return entry["article"] == article["article"] and text[entry["start"] : entry["end"]] == entry["text"]


def write_gold(draw_dir: Path, gold: Path) -> int:
    """Check the annotations in ``draw_dir`` and write them to ``gold``; the number of
    problems found (nothing is written when there is one)."""
    index = {a["n"]: a for a in json.loads((draw_dir / "articles.json").read_text(encoding="utf-8"))}
    rows, problems, covered = [], 0, set()
    for path in sorted(draw_dir.glob("gold-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            article = index[entry["n"]]
            covered.add(entry["n"])
            text = (draw_dir / f"{entry['n']:02d}.txt").read_text(encoding="utf-8")
            row = {"article": article["article"], "dct": article["dct"], "sha1": article["sha1"]}
            if entry.get("none"):
                rows.append(row | {"none": True})
            elif not _matches(entry, article, text):
                print(f"{path.name}: {entry} does not match the text of article {entry['n']}")
                problems += 1
            elif entry["type"] not in TYPES or not VALUE.fullmatch(entry["value"]):
                print(f"{path.name}: {entry} has no TIMEX3 type and value the guideline allows")
                problems += 1
            else:
                rows.append(row | {k: entry[k] for k in ("start", "end", "type", "value")})
    missing = sorted(set(index) - covered)
    if missing:
        print(f"articles without annotation: {missing}")
        problems += 1
    if not problems:
        rows.sort(key=lambda r: (r["article"], r.get("start", -1)))
        gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"{gold}: {sum(1 for r in rows if not r.get('none'))} expressions in {len(index)} articles")
    return problems


def dump(data: Path, out: Path) -> int:
    """Every date newsgraph gives on every article of the corpus, read against ``DCT``, one
    tab-separated line each (article, start, end, text, value, type, context), to ``out``:
    run at two commits and diff to see what a change does (docs/dates.md, the corpus checks).
    Returns the number of lines."""
    from newsgraph.eval.tasks.quantities import run_components

    paths = sorted(str(p.relative_to(data)) for p in data.glob("*/*.txt"))
    texts = [read(data, path) for path in paths]
    lines = []
    docs = run_components(texts, ("newsgraph.dates.v1",), [DCT] * len(texts))
    for path, text, doc in zip(paths, texts, docs, strict=True):
        for d in doc.dates:
            around = text[max(0, d.start - 60) : d.end + 40].replace("\n", " ").replace("\t", " ")
            fields = (path, d.start, d.end, escaped(text[d.start : d.end]), d.value, d.type, around)
            lines.append("\t".join("" if f is None else str(f) for f in fields))
    out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def escaped(span: str) -> str:
    r"""``span`` on one line and one field: a backslash, line break or tab inside an expression
    ("Tuesday,\n1 March") written as ``\\``, ``\n``, ``\r``, ``\t``, so that line-based diffs
    of two dumps stay aligned."""
    return span.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=4604)
    parser.add_argument("--per-topic", type=int, default=8)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--dump", action="store_true", help="write every corpus date to the file --out")
    parser.add_argument("--gold", type=Path, help="write the annotations in --out to this gold file")
    parser.add_argument(
        "--exclude", type=Path, action="append", default=[], help="gold file whose articles are skipped"
    )
    args = parser.parse_args(argv)
    if args.gold:
        return 1 if write_gold(args.out, args.gold) else 0
    if args.dump:
        print(f"{dump(args.data, args.out)} dates in {args.out}")
        return 0
    paths = sorted(str(p.relative_to(args.data)) for p in args.data.glob("*/*.txt"))
    chosen = draw(paths, args.seed, args.per_topic, args.exclude)
    args.out.mkdir(parents=True, exist_ok=True)
    index = []
    for i, path in enumerate(chosen):
        text = read(args.data, path)
        (args.out / f"{i:02d}.txt").write_text(text, encoding="utf-8")
        sha1 = hashlib.sha1(text.encode()).hexdigest()[:12]
        index.append({"n": i, "article": path, "dct": DCT, "sha1": sha1})
    (args.out / "articles.json").write_text(json.dumps(index, indent=1), encoding="utf-8")
    print(f"{len(chosen)} articles, {sum(len(read(args.data, p)) for p in chosen)} characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
