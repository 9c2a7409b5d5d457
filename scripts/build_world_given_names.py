"""Build src/newsgraph/resources/lexicons/names/world_given_names.tsv: given names of many
countries, for names the 1990 US Census lists never saw ("Graeme", "Thierry", "Goran",
"Iain"). Source: the first-name lists of Faker 40.63.0's person providers (MIT; one list per
locale, 80 locales), written in the Latin alphabet. Development time only; nothing is read
from the package at run time.

    .venv/bin/pip download --no-deps faker==40.63.0 -d /tmp/faker
    unzip -q /tmp/faker/faker-40.63.0-py3-none-any.whl -d /tmp/faker
    .venv/bin/python scripts/build_world_given_names.py /tmp/faker

Each row: the name in lower case, then the locales whose lists hold it (comma-separated).
A name written with accents is also written without them ("josé" and "jose"), as English
news often drops them. Names in other scripts are left out: the texts are read in English.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/newsgraph/resources/lexicons/names/world_given_names.tsv"
VERSION = "40.63.0"
HEADER = f"""\
# Given names of many countries, with the locales whose lists hold them.
# Source: the first-name lists of Faker {VERSION}'s person providers (https://pypi.org/project/Faker/,
# MIT), Latin-alphabet names only, each also without its accents; built by
# scripts/build_world_given_names.py. Used by newsgraph.entities.v1 (entities/consistency.py:
# a name written as a person's).
# Columns (tab-separated): name, locales.
"""
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+(?:['\-][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+)*")
_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


def folded(name: str) -> str:
    """``name`` without its accents ("josé" -> "jose")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def main(folder: str) -> int:
    sys.path.insert(0, folder)
    import faker
    import faker.providers.person as person

    if faker.VERSION != VERSION:
        raise SystemExit(f"expected Faker {VERSION}, found {faker.VERSION}")
    locales: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        for attr in _LISTS:
            names = getattr(provider, attr, None)
            if not names or isinstance(names, property):
                continue
            for name in names:
                if len(name) > 1 and _LATIN.fullmatch(name):
                    for form in {name.lower(), folded(name).lower()}:
                        locales.setdefault(form, set()).add(module.name)
    rows = "".join(f"{n}\t{','.join(sorted(locales[n]))}\n" for n in sorted(locales))
    OUT.write_text(HEADER + rows, encoding="utf-8")
    print(f"{len(locales)} names written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
