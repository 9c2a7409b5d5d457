"""newsgraph's shipped gazetteer: GeoNames places (CC BY 4.0, see SOURCE.md), loaded lazily.

``gazetteer()`` returns the process-wide ``Gazetteer`` (loaded once, on first use). Names are
matched after ``normalize``: diacritics removed, case folded, dots dropped, hyphens and
apostrophes unified, so "Kyiv", "Kiev", "KYIV" and "Nausėda"-style spellings meet.
"""

from __future__ import annotations

import gzip
import math
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
GAZETTEER_FILE = HERE / "gazetteer.tsv.gz"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "-": " ", "‐": " ", "–": " "})


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """The lookup key of a place name: no diacritics, case-folded, no dots, hyphens as
    spaces, no leading 'the'. ``normalize("the U.S.") == normalize("US") == "us"``.
    Remembered for the last 65,536 names: a place resolver asks for the same few names
    (the article's toponyms, its candidates' names) many times per article."""
    if name.isascii():  # nothing to decompose, ASCII case-folds as lower(), and of
        # _APOSTROPHES only "`" and "-" are ASCII
        folded = name.lower().replace("`", "'").replace("-", " ").replace(".", "")
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
        folded = folded.translate(_APOSTROPHES).replace(".", "")
    # Runs of whitespace as one space, none at either end (str.split's whitespace is
    # regular expressions' \s).
    folded = " ".join(folded.split())
    folded = folded.removeprefix("the ")
    return folded


@dataclass(frozen=True, slots=True)
class GeoPlace:
    """One gazetteer entry. ``feature`` is GeoNames ``class.code`` (``A.PCLI`` country,
    ``A.ADM1`` first-level division, ``P.PPL`` town, ``P.PPLC`` capital, ``H.SEA``...);
    ``geonames_id`` is negative for curated entries that have no GeoNames id."""

    geonames_id: int
    name: str
    feature: str
    country: str
    admin1: str
    population: int
    lat: float
    lon: float

    @property
    def is_country(self) -> bool:
        return self.feature in ("A.PCLI", "A.PCLH")

    @property
    def is_admin1(self) -> bool:
        return self.feature == "A.ADM1"

    @property
    def is_admin2(self) -> bool:
        return self.feature == "A.ADM2"

    @property
    def is_town(self) -> bool:
        return self.feature.startswith("P.")


class Gazetteer:
    """Name -> candidate places, plus lookups by id, country and first-level division.

    Rows stay as their text line until a lookup parses them (a few hundred per article),
    which keeps loading to one split and a dict insert per name.
    """

    def __init__(self, lines: list[str], names: dict[str, int | list[int]]):
        self._lines = lines
        self._names = names
        self._parsed: dict[int, GeoPlace] = {}
        self._by_id: dict[int, int] | None = None
        self._countries: dict[str, GeoPlace] = {}
        self._admin1: dict[tuple[str, str], GeoPlace] = {}
        for index, line in enumerate(lines):
            if "\tA.PCLI\t" in line or "\tA.ADM1\t" in line:
                place = self.place(index)
                if place.feature == "A.PCLI":
                    self._countries[place.country] = place
                else:
                    self._admin1[(place.country, place.admin1)] = place

    @classmethod
    def load(cls, path: Path = GAZETTEER_FILE) -> Gazetteer:
        """Read the gzip'd TSV written by scripts/build_gazetteer.py."""
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            text = handle.read()
        lines: list[str] = []
        names: dict[str, int | list[int]] = {}
        for index, line in enumerate(text.split("\n")[1:]):
            if not line:
                continue
            row, _, keys = line.rpartition("\t")
            lines.append(row)
            for key in keys.split("|"):
                found = names.get(key)
                if found is None:
                    names[key] = index
                elif isinstance(found, int):
                    names[key] = [found, index]
                else:
                    found.append(index)
        return cls(lines, names)

    def place(self, index: int) -> GeoPlace:
        """The place on row ``index`` (parsed once)."""
        place = self._parsed.get(index)
        if place is None:
            gid, name, feature, cc, adm1, pop, lat, lon = self._lines[index].split("\t")
            place = GeoPlace(int(gid), name, feature, cc, adm1, int(pop), float(lat), float(lon))
            self._parsed[index] = place
        return place

    def lookup(self, name: str) -> list[GeoPlace]:
        """Every place called ``name`` (any spelling the gazetteer knows), unranked."""
        return self.lookup_key(normalize(name))

    def lookup_key(self, key: str) -> list[GeoPlace]:
        """Like ``lookup`` for a key already passed through ``normalize``."""
        found = self._names.get(key)
        if found is None:
            return []
        if isinstance(found, int):
            return [self.place(found)]
        return [self.place(i) for i in found]

    def __contains__(self, name: str) -> bool:
        return normalize(name) in self._names

    def has_key(self, key: str) -> bool:
        return key in self._names

    def by_id(self, geonames_id: int) -> GeoPlace | None:
        if self._by_id is None:
            self._by_id = {int(line[: line.index("\t")]): i for i, line in enumerate(self._lines)}
        index = self._by_id.get(geonames_id)
        return None if index is None else self.place(index)

    def country(self, iso2: str) -> GeoPlace | None:
        return self._countries.get(iso2)

    def countries(self) -> list[GeoPlace]:
        return list(self._countries.values())

    def admin1(self, iso2: str, code: str) -> GeoPlace | None:
        return self._admin1.get((iso2, code))

    def __len__(self) -> int:
        return len(self._lines)


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded on first use and shared by the process."""
    return Gazetteer.load()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
