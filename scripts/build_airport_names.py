"""Build src/newsgraph/resources/lexicons/entities/airports.tsv: the one-word names news
uses for airports ("Schiphol", "Heathrow", "Changi"), from the airportsdata package
(OurAirports/OpenFlights-derived data, MIT). Development time only; nothing is read from
the package at run time.

    .venv/bin/pip install airportsdata==20260905
    .venv/bin/python scripts/build_airport_names.py

An airport's short name is what is left of its name once generic words ("International",
"Airport"), its city, region and country are removed, when exactly one capitalised word
remains that English does not use as a common word (wordfreq Zipf < 3.5) and that names
only one airport with an IATA code. Many such words are also towns or surnames, so the
entities component uses the list only where the context already says "place": a lone
name after a locative preposition ("flights from Schiphol").
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import airportsdata
from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parents[1] / "src/newsgraph/resources/lexicons/entities/airports.tsv"
GENERIC = {
    "airport", "international", "intl", "regional", "domestic", "municipal", "national", "county", "city",
    "airfield", "aerodrome", "air", "base", "field", "airstrip", "airpark", "heliport", "station", "terminal",
    "metropolitan", "memorial", "executive", "of", "the", "de", "del", "la", "and", "new", "old", "north",
    "south", "east", "west", "central", "area", "island", "lake", "port", "sea", "seaplane", "jetport", "aeroporto",
    "aeropuerto", "aéroport", "flughafen", "airways", "military", "force", "naval", "army", "rnas", "raf",
}


def main() -> None:
    airports = airportsdata.load("IATA")
    found: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for code, a in airports.items():
        context = {w.casefold() for part in (a["city"], a["subd"], a["country"]) for w in re.split(r"[\s/-]+", part)}
        words = [w for w in re.split(r"[\s/(),–-]+", a["name"]) if w]
        rest = [w for w in words if w.casefold() not in GENERIC and w.casefold() not in context]
        if len(rest) != 1:
            continue
        word = rest[0]
        if not (word[:1].isupper() and word.replace("'", "").isalpha() and len(word) >= 4 and not word.isupper()):
            continue
        if zipf_frequency(word.casefold(), "en") >= 3.5:
            continue
        found[word].append((a["name"], code, a["country"]))
    rows = sorted((w, *v[0]) for w, v in found.items() if len(v) == 1)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# One-word airport names (FAC), built by scripts/build_airport_names.py from the\n")
        handle.write("# airportsdata package 20260905. Do not edit by hand.\n")
        handle.write("# Source: airportsdata (PyPI, MIT; OurAirports/OpenFlights-derived)\n")
        handle.write("# short name\tfull name\tIATA\tcountry (ISO 3166-1 alpha-2)\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerows(rows)
    print(f"{len(rows)} airport names -> {OUT}")


if __name__ == "__main__":
    main()
