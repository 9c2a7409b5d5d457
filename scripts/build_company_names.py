"""Build ``resources/lexicons/entities/companies.tsv``: the names of companies and business
bodies, each with its short name (without corporate suffixes), from two sources:

- the Phoenix actor dictionary already shipped in ``resources/events/phoenix_actors.tsv``
  (PETRARCH2, MIT), mostly companies of the 1990s and 2000s;
- the constituents of 17 stock indices (FTSE 100, S&P 500, NASDAQ 100, DAX, CAC 40, EURO
  STOXX 50, Nikkei 225, ...; the small-cap S&P 600, SDAX and CAC Mid 60 are left out) as
  listed in ``pytickersymbols`` 1.17.10 (MIT; compiled from Wikipedia), read as data from
  its ``indices_data.py``, never imported.

Run at development time, never at run time::

    .venv/bin/pip download --no-deps pytickersymbols==1.17.10 -d /tmp/tickers
    unzip -q -o /tmp/tickers/pytickersymbols-1.17.10-py3-none-any.whl -d /tmp/tickers
    .venv/bin/python scripts/build_company_names.py /tmp/tickers/pytickersymbols/indices_data.py

An actor is a company or business body when one of its codes starts with ``MNC``
(multinational), or it is an organisation (no dated role: people have ``@FROM-UNTIL``)
with a ``BUS`` sector code. Its short name drops trailing corporate words ("cisco systems"
-> "cisco", "hecla mining company" -> "hecla mining", "aegon n.v." -> "aegon"). A short
name of two characters is kept only when the index writes it in capitals ("BT Group" ->
"bt", "BP"). Each name is written with how the shipped GeoNames gazetteer knows it:

- names that are a country, first-level division, continent or other non-town feature are
  left out (a place reading is always strong for them), and so are one-word names that are
  everyday English words (wordfreq Zipf >= 5: "city", "team", "reading");
- ``city``: the main name of a town or second-order division of 20,000 people or more
  ("toyota", "dover"): a place unless the text writes it as a company;
- ``org``: every other name: a company unless the text gives strong place evidence.
"""

from __future__ import annotations

import ast
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
_CLASS = re.compile(r"\s*\((?:class|series)[^)]*\)", re.I)  # "(Class A)"
SMALL_CAPS = frozenset({"S&P 600", "SDAX", "CAC Mid 60"})
# One-word index names that news mostly writes for something else: everyday words a headline
# capitalises, a mountain, a god. ("Amazon", "Shell", "Fox" stay: the company is what news
# names; "the Amazon" is read as the river by entities/companies.py.)
NOT_COMPANIES = frozenset(
    """admiral alphabet block booking compass disco diploma everest evolution hermes hexagon
    investor partners rational recruit screen shift vale""".split()
)


def index_companies(path: Path) -> list[str]:
    """Company names of the stock indices in pytickersymbols' ``indices_data.py`` (a module
    holding one dict literal, ``INDICES``), small-cap indices left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    literal = next(
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "INDICES" for t in node.targets)
    )
    indices = ast.literal_eval(literal)
    return sorted(
        {_CLASS.sub("", c["name"]) for name, index in indices.items() if name not in SMALL_CAPS for c in index["companies"]}
    )


def is_company(codes: str) -> bool:
    parts = codes.split(";")
    if any(p.startswith("MNC") for p in parts):
        return True
    return "@" not in codes and any("BUS" in p for p in parts)


def _legal_form(words: list[str]) -> int:
    """How many of the last words are a legal form: a suffix word ("plc") or one written
    with stops, letter by letter ("N.V.", "S.p.A." read as "n v", "s p a")."""
    if words[-1].lower() in SUFFIXES:
        return 1
    letters = 0
    while letters < len(words) - 1 and len(words[-1 - letters]) == 1:
        letters += 1
    return letters if letters > 1 and "".join(words[-letters:]).lower() in SUFFIXES else 0


def short_name(name: str) -> str:
    words = _PUNCT.sub(" ", name).split()
    while len(words) > 1 and (drop := _legal_form(words)):
        del words[-drop:]
    while len(words) > 1 and words[0].lower() == "the":
        words.pop(0)
    return " ".join(words)


def kind(name: str, gaz, capitals: bool = False) -> str | None:
    """``city``, ``org``, or None for a name to leave out. ``capitals``: the source writes the
    name in capitals, so two characters are enough ("BT", "BP")."""
    key = normalize(name)
    shortest = 2 if capitals else 3
    if len(key.replace(" ", "")) < shortest or not any(ch.isalpha() for ch in key) or key in SUFFIXES:
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


def add_names(names: dict[str, str], name: str, gaz, capitals: bool = False) -> None:
    """Add ``name`` and its short name, each with its kind, unless it is left out."""
    short = short_name(name)
    full = normalize(_PUNCT.sub(" ", name))
    for candidate, upper in ((full, False), (normalize(short), capitals and short.isupper())):
        if capitals and candidate in NOT_COMPANIES:
            continue
        found = kind(candidate, gaz, upper)
        if found is not None:
            names[candidate] = found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    gaz = gazetteer()
    names: dict[str, str] = {}
    for line in ACTORS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        name, codes = line.split("\t", 1)
        if is_company(codes.strip()):
            add_names(names, name.lower(), gaz)
    phoenix = len(names)
    for name in index_companies(Path(argv[0])):
        add_names(names, name, gaz, capitals=True)
    header = [
        "# Company and business-body names (full and short, without corporate suffixes), lower case,",
        "# with how the shipped gazetteer knows the name: 'city' (a town or division of 20,000+ by its",
        "# main name) or 'org' (anything else); everyday one-word names and places of a country's",
        "# or first-level division's rank are left out. Used by newsgraph.entities.v1 and places",
        "# (entities/companies.py).",
        "# Source: the Phoenix actor dictionaries of PETRARCH2 (https://github.com/openeventdata/petrarch2,",
        "# MIT licence; resources/events/SOURCE.md): actors coded MNC, or BUS organisations; and the",
        "# constituents of 17 stock indices in pytickersymbols 1.17.10 (https://pypi.org/project/pytickersymbols/,",
        "# MIT licence, compiled from Wikipedia). Built by scripts/build_company_names.py.",
        "# Columns (tab-separated): name, kind.",
    ]
    rows = [f"{n}\t{k}" for n, k in sorted(names.items())]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    cities = sum(1 for k in names.values() if k == "city")
    print(f"{len(rows)} names ({cities} city; {len(rows) - phoenix} added by the indices) -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
