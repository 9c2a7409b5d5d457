"""Build ``resources/lexicons/entities/companies.tsv``: the names of companies and business
bodies, each with its short name (without corporate suffixes), from the Phoenix actor
dictionary already shipped in ``resources/events/phoenix_actors.tsv`` (PETRARCH2, MIT).

Run at development time, never at run time::

    .venv/bin/python scripts/build_company_names.py

An actor is a company or business body when one of its codes starts with ``MNC``
(multinational), or it is an organisation (no dated role: people have ``@FROM-UNTIL``)
with a ``BUS`` sector code. Its short name drops trailing corporate words ("cisco systems"
-> "cisco", "hecla mining company" -> "hecla mining"). Each name is written with how the
shipped GeoNames gazetteer knows it:

- names that are a country, first-level division, continent or other non-town feature are
  left out (a place reading is always strong for them), and so are one-word names that are
  everyday English words (wordfreq Zipf >= 5: "city", "team", "reading");
- ``city``: the main name of a town or second-order division of 20,000 people or more
  ("toyota", "dover"): a place unless the text writes it as a company;
- ``org``: every other name: a company unless the text gives strong place evidence.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.resources.geonames import gazetteer, normalize  # noqa: E402
from wordfreq import zipf_frequency  # noqa: E402

ACTORS = ROOT / "src/newsgraph/resources/events/phoenix_actors.tsv"
OUT = ROOT / "src/newsgraph/resources/lexicons/entities/companies.tsv"
EVERYDAY = 5.0  # Zipf of one-word names that are everyday words, not names
BIG = 20_000  # a town this size by its main name is read as the place by default
# Trailing words that mark a company's legal form or group, not its name.
SUFFIXES = frozenset(
    """inc incorporated corp corporation co cos company companies group groupe plc ltd limited llc
    lp llp holdings holding systems international intl ag sa nv se spa gmbh bv ab asa oyj kk
    the and &""".split()
)
_PUNCT = re.compile(r"[.,()\"]")


def is_company(codes: str) -> bool:
    parts = codes.split(";")
    if any(p.startswith("MNC") for p in parts):
        return True
    return "@" not in codes and any("BUS" in p for p in parts)


def short_name(name: str) -> str:
    words = _PUNCT.sub(" ", name).split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def kind(name: str, gaz) -> str | None:
    """``city``, ``org``, or None for a name to leave out."""
    key = normalize(name)
    if len(key.replace(" ", "")) < 3 or not any(ch.isalpha() for ch in key) or key in SUFFIXES:
        return None
    if " " not in key and zipf_frequency(key, "en") >= EVERYDAY:
        return None
    places = gaz.lookup_key(key) if gaz.has_key(key) else []
    main = [p for p in places if normalize(p.name) == key]
    if any(p.is_country or p.is_admin1 or not (p.is_town or p.is_admin2) for p in main):
        return None
    if any(p.population >= BIG for p in main):
        return "city"
    return "org"


def main() -> None:
    gaz = gazetteer()
    names: dict[str, str] = {}
    for line in ACTORS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        name, codes = line.split("\t", 1)
        if not is_company(codes.strip()):
            continue
        for candidate in {normalize(_PUNCT.sub(" ", name)), normalize(short_name(name))}:
            found = kind(candidate, gaz)
            if found is not None:
                names[candidate] = found
    header = [
        "# Company and business-body names (full and short, without corporate suffixes), lower case,",
        "# with how the shipped gazetteer knows the name: 'city' (a town or division of 20,000+ by its",
        "# main name) or 'org' (anything else); everyday one-word names and places of a country's",
        "# or first-level division's rank are left out. Used by newsgraph.entities.v1 and places",
        "# (entities/companies.py).",
        "# Source: derived from the Phoenix actor dictionaries of PETRARCH2",
        "# (https://github.com/openeventdata/petrarch2, MIT licence; resources/events/SOURCE.md) by",
        "# scripts/build_company_names.py: actors coded MNC, or BUS organisations.",
        "# Columns (tab-separated): name, kind.",
    ]
    rows = [f"{n}\t{k}" for n, k in sorted(names.items())]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    cities = sum(1 for k in names.values() if k == "city")
    print(f"{len(rows)} names ({cities} city) -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
