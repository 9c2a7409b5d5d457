"""Build src/newsgraph/resources/events/phoenix_actors.tsv from PETRARCH2's Phoenix actor dictionaries.

Usage: python scripts/build_event_actors.py [DICT_DIR]
DICT_DIR holds Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and
Phoenix.MilNonState.actors.txt (default: /work/shared/data/events/petrarch2-dictionaries).

What a row is: ``name<TAB>codes``, one per name; codes are ``;``-separated, each ``CODE`` or
``CODE@FROM-UNTIL`` (dates ``YYYYMMDD``, either side may be empty: open).
- An entry is a name line and its ``+`` synonyms; its codes are the ``[CODE]`` on the name
  line or the indented ``[CODE DATES]`` lines after it. Every name of the entry gets every
  code of the entry.
- Names are lower-cased, ``_`` becomes a space, the trailing word-boundary mark and
  ``#`` comments go; names shorter than 3 characters, or with a digit only, are skipped.
- Dates: ``YYMMDD`` (years below 50 are 20YY) or ``YYYYMMDD``; ``A-B`` is a range, ``>A``
  from A on, ``<B`` until B.
- A code is kept as written (``CHNGOV``, ``IGOUNO``, ``IMGMUSALQ``); the coder reads its
  first three letters as an ISO 3166 alpha-3 country when it is one, and the role codes after
  it as the sector (resources/events/SOURCE.md).
- A country's own entry (an undated code of three letters) also gets the initials of its
  names of three words or more, when no other entry has that name and no other country the
  same initials ("people's republic of china" -> "prc", "united arab emirates" -> "uae").
- The same (name, code, dates) twice is written once; undated codes first, then by date;
  rows are sorted by name.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "resources" / "events" / "phoenix_actors.tsv"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
_CODE = re.compile(r"\[([~A-Z0-9]+)\s*([<>]?\d{6,8}(?:-\d{6,8})?)?\s*\]")


def _date(text: str) -> str:
    if len(text) == 6:
        year = int(text[:2])
        return f"{2000 + year if year < 50 else 1900 + year}{text[2:]}"
    return text


def _dates(spec: str | None) -> tuple[str, str]:
    if not spec:
        return "", ""
    if spec.startswith(">"):
        return _date(spec[1:]), ""
    if spec.startswith("<"):
        return "", _date(spec[1:])
    start, _, end = spec.partition("-")
    return _date(start), _date(end) if end else ""


def _name(text: str) -> str | None:
    text = text.split("#", 1)[0].split("[", 1)[0].strip().lstrip("+").strip()
    name = re.sub(r"\s+", " ", text.replace("_", " ")).strip().lower()
    if len(name) < 3 or not re.search(r"[a-z]", name):
        return None
    return name


def parse(path: Path) -> set[tuple[str, str, str, str]]:
    """(name, code, from, until) rows of one Phoenix actor file."""
    rows: set[tuple[str, str, str, str]] = set()
    names: list[str] = []
    codes: list[tuple[str, str, str]] = []

    def flush() -> None:
        for name in names:
            for code, start, end in codes:
                rows.add((name, code.lstrip("~"), start, end))

    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] not in " \t+":  # a new entry
            flush()
            names, codes = [], []
        found = _CODE.findall(line.split("#", 1)[0])
        codes.extend((code, *_dates(spec)) for code, spec in found)
        if line[0] not in " \t":
            name = _name(line)
            if name:
                names.append(name)
    flush()
    return rows


def _initials(rows: set[tuple[str, str, str, str]]) -> set[tuple[str, str, str, str]]:
    names = {row[0] for row in rows}
    found: dict[str, set[str]] = {}
    for name, code, start, end in rows:
        words = [w for w in re.split(r"[ -]", name) if w and w not in ("of", "the", "and")]
        if len(code) == 3 and not start and not end and len(words) >= 3 and all(w[0].isalpha() for w in words):
            found.setdefault("".join(w[0] for w in words), set()).add(code)
    return {(short, codes.pop(), "", "") for short, codes in found.items() if len(codes) == 1 and short not in names}


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path("/work/shared/data/events/petrarch2-dictionaries")
    rows: set[tuple[str, str, str, str]] = set()
    for name in FILES:
        rows |= parse(root / name)
    rows |= _initials(rows)
    header = [
        "# Phoenix actor dictionaries (PETRARCH2, MIT; resources/events/SOURCE.md), built by",
        "# scripts/build_event_actors.py: name<TAB>codes (CODE or CODE@FROM-UNTIL, YYYYMMDD, ';'-separated).",
    ]
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for name, code, start, end in rows:
        by_name.setdefault(name, []).append((code, start, end))
    body = []
    for name in sorted(by_name):
        codes = sorted(by_name[name], key=lambda c: (bool(c[1] or c[2]), c[1], c[2], c[0]))
        body.append(name + "\t" + ";".join(f"{c}@{s}-{e}" if s or e else c for c, s, e in codes))
    OUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{len(body)} rows -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
