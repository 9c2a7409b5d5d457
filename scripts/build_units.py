"""Build ``src/newsgraph/resources/units/catalog.json``: the units newsgraph reads besides
the hand-written ``units.json`` (which wins where both name a form).

- Every current ISO 4217 currency from Babel's CLDR data (``babel.numbers``): code,
  English name (singular and plural), its local name alone when no other currency or unit
  has it and it is no common English word (``baht``, ``forint``, ``rupiah``; not ``real``,
  ``mark``, ``dram``) and the symbols CLDR gives in English and in the
  locales of the territories that use it. A symbol shared by two currencies (``$``,
  ``kr``, ``R``) is left out: ``units.json`` decides those, or the ambiguous-unit model.
- SI and common engineering units with the SI prefixes that occur in practice, generated
  from the base table below (symbol case matters: ``MW`` is a megawatt, ``mW`` a
  milliwatt), plus dotted spellings of abbreviations (``m.p.h.``).

    .venv/bin/python scripts/build_units.py        # rewrites catalog.json (deterministic)
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "resources" / "units" / "catalog.json"

WORD_ZIPF = 4.0
# A currency's last name word stands alone ("500 baht") below this wordfreq Zipf frequency.
LOCAL_NAME_ZIPF = 3.5
UNITS_JSON = OUT.with_name("units.json")
PREFIXES = {"k": ("kilo", 1e3), "M": ("mega", 1e6), "G": ("giga", 1e9), "T": ("tera", 1e12),
            "m": ("milli", 1e-3), "µ": ("micro", 1e-6), "n": ("nano", 1e-9), "h": ("hecto", 1e2)}

# (symbol, name, dimension, prefixes used in practice, extra spelled-out forms)
SI_BASES = [
    ("W", "watt", "power", "kMGTm", []),
    ("Wh", "watt hour", "energy", "kMGT", ["watt-hours", "watt hours"]),
    ("J", "joule", "energy", "kMGT", ["joules", "joule"]),
    ("Pa", "pascal", "pressure", "kMGh", ["pascals", "pascal"]),
    ("Hz", "hertz", "frequency", "kMGT", []),
    ("V", "volt", "voltage", "kmM", []),
    ("A", "ampere", "current", "mk", ["amperes", "ampere", "amps", "amp"]),
    ("N", "newton", "force", "kM", ["newtons", "newton"]),
    ("bit/s", "bit per second", "data rate", "kMGT", ["bits per second"]),
    ("bps", "bit per second", "data rate", "kMGT", []),
    ("B/s", "byte per second", "data rate", "kMGT", ["bytes per second"]),
    ("b", "bit", "data", "kMGT", ["bits", "bit"]),
    ("C", "coulomb", "charge", "mµ", ["coulombs", "coulomb"]),
    ("F", "farad", "capacitance", "mµn", []),
    ("Gy", "gray", "radiation dose", "m", ["grays"]),
    ("Sv", "sievert", "radiation dose", "mµ", ["sieverts", "sievert"]),
    ("cal", "calorie", "energy", "k", ["calories", "calorie"]),
    ("eV", "electronvolt", "energy", "kMGT", ["electronvolts", "electron volts"]),
    ("Ω", "ohm", "resistance", "kM", ["ohms", "ohm"]),
]
SPELLED_PLURAL = {"hertz": "hertz", "watt hour": "watt hours"}

# Units that are no SI prefix of anything, with their forms (lower-case) and cased forms.
OTHER = [
    ("psi", "pound per square inch", "pressure", ["psi", "pounds per square inch"], []),
    ("atm", "atmosphere", "pressure", ["atmospheres", "atm"], []),
    ("bar", "bar", "pressure", ["bars of pressure"], []),
    ("millibar", "millibar", "pressure", ["millibars", "millibar", "mbar"], []),
    ("mmHg", "millimetre of mercury", "pressure", ["mmhg", "millimetres of mercury"], []),
    ("inHg", "inch of mercury", "pressure", ["inhg", "inches of mercury"], []),
    ("metre per second", "metre per second", "speed", ["metres per second", "meters per second", "m/s"], []),
    ("foot per second", "foot per second", "speed", ["feet per second", "ft/s", "fps"], []),
    ("mach", "mach", "speed", ["mach"], []),
    ("BTU", "british thermal unit", "energy", ["btu", "btus", "british thermal units"], []),
    ("mmBTU", "mega british thermal unit", "energy", ["mmbtu", "mmbtus", "million btu"], []),
    ("therm", "therm", "energy", ["therms", "therm"], []),
    ("kiloton", "kiloton", "energy", ["kilotons", "kilotonnes of tnt", "kilotons of tnt"], ["kt"]),
    ("megaton", "megaton", "energy", ["megatons", "megatons of tnt"], []),
    ("barn", "barn", "area", ["barns"], []),
    ("pixel", "pixel", "length", ["pixels", "px", "megapixels"], []),
    ("roentgen", "roentgen", "radiation exposure", ["roentgens", "roentgen"], []),
    ("parsec", "parsec", "length", ["parsecs", "parsec"], []),
    ("light year", "light year", "length", ["light years", "light-years", "light year", "light-year"], []),
    ("astronomical unit", "astronomical unit", "length", ["astronomical units"], ["AU"]),
    ("dram", "dram", "mass", ["drams", "dram"], []),
    ("bel", "bel", "loudness", ["bels"], []),
    ("poise", "poise", "dynamic viscosity", ["poise"], []),
    ("diopter", "diopter (lens)", "optical power", ["diopters", "dioptres", "dpt"], []),
    ("stone", "stone", "mass", ["stones"], ["st"]),
    ("short ton", "short ton", "mass", ["short tons"], []),
    ("carat", "carat", "mass", ["carats", "carat", "ct"], []),
    ("troy ounce", "troy ounce", "mass", ["troy ounces", "troy ounce", "ozt"], []),
    ("cubic centimetre", "cubic centimetre", "volume", ["cubic centimetres", "cubic centimeters", "cc", "cm3", "cm³"], []),
    ("cubic kilometre", "cubic kilometre", "volume", ["cubic kilometres", "cubic kilometers", "km3", "km³"], []),
    ("cubic yard", "cubic yard", "volume", ["cubic yards"], []),
    ("fluid ounce", "fluid ounce", "volume", ["fluid ounces", "fl oz", "fl. oz."], []),
    ("barrel per day", "barrel per day", "volume flow", ["barrels per day", "bpd", "b/d"], []),
    ("square centimetre", "square centimetre", "area", ["square centimetres", "square centimeters", "cm2", "cm²"], []),
    ("square yard", "square yard", "area", ["square yards", "sq yd"], []),
    ("square inch", "square inch", "area", ["square inches", "sq in"], []),
    ("furlong", "furlong", "length", ["furlongs", "furlong"], []),
    ("fathom", "fathom", "length", ["fathoms", "fathom"], []),
    ("millisecond", "millisecond", "time", ["milliseconds", "millisecond", "msec"], ["ms"]),
    ("microsecond", "microsecond", "time", ["microseconds", "microsecond", "µs", "μs"], []),
    ("nanosecond", "nanosecond", "time", ["nanoseconds", "nanosecond"], ["ns"]),
    ("millennium", "millennium", "time", ["millennia", "millennium"], []),
    ("fortnight", "fortnight", "time", ["fortnights", "fortnight"], []),
    ("kelvin", "kelvin", "temperature", ["kelvin", "kelvins"], ["K"]),
    ("lumen", "lumen", "luminous flux", ["lumens", "lumen"], []),
    ("lux", "lux", "illuminance", ["lux"], []),
    ("calorie", "calorie", "energy", ["calories"], []),
    ("terawatt hour", "terawatt hour", "energy", ["terawatt hours", "terawatt-hours", "twh"], []),
    ("metre per second squared", "metre per second squared", "acceleration", ["m/s2", "m/s²"], []),
    ("g-force", "g-force", "acceleration", ["g-force", "g-forces", "gs"], []),
    ("mile per hour", "mile per hour", "speed", ["m.p.h.", "m.p.h"], []),
    ("kilometre per hour", "kilometre per hour", "speed", ["k.p.h.", "k.p.h", "km/hr."], []),
    ("mile per gallon", "mile per gallon", "fuel economy", ["m.p.g.", "m.p.g"], []),
    ("megapixel", "megapixel", "resolution", ["megapixel", "mp"], []),
    ("gigabit", "gigabit", "data", ["gigabits", "gigabit"], ["Gb"]),
    ("megabit", "megabit", "data", ["megabits", "megabit"], ["Mb"]),
    ("petabyte", "petabyte", "data", ["petabytes", "petabyte", "pb"], []),
    ("exabyte", "exabyte", "data", ["exabytes", "exabyte"], []),
    ("yard", "yard", "length", ["yds."], []),
    ("teaspoon", "teaspoon", "volume", ["tsp."], []),
    ("tablespoon", "tablespoon", "volume", ["tbsp."], []),
]


def si_units() -> list[dict]:
    units = []
    for symbol, name, dimension, prefixes, spelled in SI_BASES:
        units.append({"unit": name, "name": name, "dimension": dimension,
                      "forms": list(spelled), "cased": [symbol] if len(symbol) > 1 else []})
        for p in prefixes:
            word, _ = PREFIXES[p]
            full = word + name
            plural = word + SPELLED_PLURAL.get(name, name + "s")
            units.append({"unit": full, "name": full, "dimension": dimension,
                          "forms": [plural, full, f"{word}-{name}s"], "cased": [p + symbol]})
    return units


def other_units() -> list[dict]:
    return [{"unit": u, "name": n, "dimension": d, "forms": f, "cased": c} for u, n, d, f, c in OTHER]


def currencies(taken: set[str]) -> list[dict]:
    """Every current ISO 4217 currency; ``taken``: lower-case forms other units own."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global
    from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies
    from wordfreq import zipf_frequency

    used_in: dict[str, set[str]] = defaultdict(set)
    for territory in get_global("territory_currencies"):
        for code in get_territory_currencies(territory, tender=True):
            used_in[code].add(territory)
    locales_of: dict[str, list[str]] = defaultdict(list)
    for name in sorted(get_global("likely_subtags")):
        tag = get_global("likely_subtags")[name]
        parts = tag.split("_")
        if len(parts) >= 2:
            locales_of[parts[-1]].append(tag)
    symbols: dict[str, set[str]] = defaultdict(set)
    for code in used_in:
        for sym in {get_currency_symbol(code, "en")}:
            symbols[code].add(sym)
        for territory in sorted(used_in[code]):
            for tag in locales_of.get(territory, [])[:3]:
                try:
                    symbols[code].add(Locale.parse(tag).currency_symbols.get(code, code))
                except (UnknownLocaleError, ValueError, TypeError, KeyError):
                    continue
    owners: dict[str, set[str]] = defaultdict(set)
    for code, syms in symbols.items():
        for sym in syms:
            owners[sym].add(code)
    names = {code: (get_currency_name(code, locale="en"), get_currency_name(code, count=2, locale="en"))
             for code in used_in}
    last_word_owners: dict[str, set[str]] = defaultdict(set)
    for code, pair in names.items():
        for n in pair:
            last_word_owners[n.lower().split()[-1]].add(code)
    out = []
    for code in sorted(used_in):
        name, plural = names[code]
        # "Thai baht" -> "baht": one currency's own word, not a unit's, not an English word
        local = {w for w in (name.lower().split()[-1], plural.lower().split()[-1])
                 if last_word_owners[w] == {code} and w not in taken
                 and zipf_frequency(w, "en") < LOCAL_NAME_ZIPF}
        # A symbol that is a word or a code of its own (``Kč``, ``zł``, ``CA$``) and no
        # other currency's: letters-only symbols of 1-2 characters are too often words.
        syms = sorted(s for s in symbols[code] if s != code and owners[s] == {code}
                      and not (s.isalpha() and len(s) < 2))
        # Codes and symbols keep their case; a code that is a common English word (``ALL``,
        # ``TOP``, ``CUP``, ``PEN``: wordfreq Zipf >= 4) is not read at all ("ALL 5 solutions").
        codes = [] if zipf_frequency(code.lower(), "en") >= WORD_ZIPF else [code]
        out.append({"unit": code, "name": name.lower(), "dimension": "currency",
                    "forms": sorted({name.lower(), plural.lower(), *local}),
                    "cased": [*codes, *syms], "prefix": [*codes, *syms]})
    return out


def _taken_forms() -> set[str]:
    """The lower-case forms of the hand-written units and of the generated non-currencies."""
    hand = json.loads(UNITS_JSON.read_text(encoding="utf-8"))["units"]
    return {f.lower() for u in hand + si_units() + other_units() for f in u.get("forms", [])}


def main() -> None:
    data = {
        "_about": "Generated by scripts/build_units.py (do not edit): every current ISO 4217 "
        "currency from Babel's CLDR data, and SI/engineering units with prefixes. units.json "
        "(hand-written) wins where both name a form. See README.md.",
        "units": currencies(_taken_forms()) + si_units() + other_units(),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['units'])} units")


if __name__ == "__main__":
    main()
