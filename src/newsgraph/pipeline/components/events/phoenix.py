"""Actor codes from the Phoenix actor dictionaries (PETRARCH2, MIT).

resources/events/phoenix_actors.tsv (built by scripts/build_event_actors.py) maps a name to
its CAMEO actor codes, some dated ("tony blair": GBRGOV from 1997-05-02 to 2007-06-27). An
actor's code is the one its names carry on the article's date; the code's first three
letters give its country (ISO 3166 alpha-3) and the role codes after them its sector.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from newsgraph.resources.countries import country_by_code, country_by_name

ACTORS = Path(__file__).resolve().parents[3] / "resources" / "events" / "phoenix_actors.tsv"
# CAMEO role codes -> the record's sectors (first role code that has one wins).
SECTORS = {
    "GOV": "government", "LEG": "government", "JUD": "government", "COP": "government", "SPY": "government",
    "MIL": "military", "REB": "rebel", "INS": "rebel", "SEP": "rebel", "IMG": "rebel", "UAF": "rebel",
    "OPP": "opposition", "PTY": "opposition", "ELI": "elite", "BUS": "business", "MNC": "business",
    "MED": "media", "IGO": "international organisation", "NGO": "non-governmental organisation",
    "CVL": "civilian", "LAB": "civilian", "EDU": "civilian", "AGR": "civilian", "HLH": "civilian",
    "REF": "civilian", "REL": "civilian", "ENV": "civilian", "HRI": "civilian",
}
# Sectors that make an actor political or armed (the events component's test for most types).
POLITICAL_SECTORS = frozenset({
    "government", "military", "rebel", "opposition", "elite", "international organisation",
})
# The record's sectors -> the CAMEO role code a composed code ends with ("Russian troops": RUSMIL).
_ROLE_CODES = {
    "government": "GOV", "military": "MIL", "rebel": "REB", "opposition": "OPP", "civilian": "CVL",
    "business": "BUS", "media": "MED",
}
_HONORIFICS = ("the ", "mr ", "mrs ", "ms ", "dr ", "sir ", "lord ", "lady ")


@cache
def table(path: str | None = None) -> dict[str, str]:
    """name -> its codes as written (``CODE`` or ``CODE@FROM-UNTIL``, ';'-separated);
    parsed per lookup (``_codes``), which keeps the load to one split per line."""
    from newsgraph.errors import Code, ConfigError

    where = Path(path) if path else ACTORS
    try:
        text = where.read_text(encoding="utf-8")
    except OSError as err:
        raise ConfigError(Code.BAD_CONFIG, f"Phoenix actor table {where}: {err}") from err
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


def _codes(written: str) -> list[tuple[str, str, str]]:
    """[(code, from, until)] of a row's codes, dates YYYYMMDD or '' (open)."""
    out = []
    for item in written.split(";"):
        code, _, dates = item.partition("@")
        start, _, end = dates.partition("-")
        out.append((code, start, end))
    return out


def _key(name: str) -> str:
    key = " ".join(name.lower().replace("\u2019", "'").split())
    for prefix in _HONORIFICS:
        if key.startswith(prefix):
            key = key[len(prefix):]
    return key


def code(names: list[str], date: str | None) -> str | None:
    """The CAMEO actor code the first known name carries on ``date`` (YYYY-MM-DD or None):
    a dated code whose range holds the date (the latest-starting one), else the first
    undated code; a country's own name codes as its ISO alpha-3 ("the PRC" -> CHN)."""
    day = date.replace("-", "")[:8] if date else ""
    entries = table()
    for name in names:
        key = _key(name)
        if not key:
            continue
        written = entries.get(key)
        if written is None:
            country = country_by_name(key)
            if country is not None and country.iso3:
                return country.iso3
            continue
        codes = _codes(written)
        dated = [c for c in codes if (c[1] or c[2]) and day and (not c[1] or c[1] <= day) and (not c[2] or day <= c[2])]
        if dated:
            return max(dated, key=lambda c: c[1])[0]
        undated = [c for c in codes if not c[1] and not c[2]]
        if undated:
            return undated[0][0]
    return None


def country_sector(actor_code: str | None) -> tuple[str | None, str | None]:
    """(ISO alpha-2, sector) a CAMEO actor code states: CHNGOV -> (CN, government),
    IGOUNO -> (None, international organisation), GBR -> (GB, None)."""
    if not actor_code:
        return None, None
    country = country_by_code(actor_code[:3])
    roles = actor_code[3:] if country is not None else actor_code
    sector = next((SECTORS[roles[i : i + 3]] for i in range(0, len(roles), 3) if roles[i : i + 3] in SECTORS), None)
    return (country.iso2 if country is not None else None), sector


def compose(country: str | None, sector: str | None) -> str | None:
    """A CAMEO code built from an ISO alpha-2 country and a sector, as PETRARCH composes a
    country word with an agent ("Russian troops" -> RUSMIL); None without a country."""
    found = country_by_code(country) if country else None
    if found is None or not found.iso3:
        return None
    return found.iso3 + _ROLE_CODES.get(sector or "", "")
