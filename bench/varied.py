"""A corpus of any size from a few hundred analysed records, for the scale benchmarks.

Each generated record is an analysed seed record (the bundled examples, and BBC articles
when ../shared/data is present: ``seeds``) re-dated and lightly varied, so the store and
its joins see many distinct articles without the NLP being run again:

- names: in about half the entities, one capitalised name token (a person's surname, an
  organisation's first word) is replaced everywhere in the record by one of ``VARIANTS``
  same-length spellings of it (first and last letter kept), so the entity graph grows
  with the corpus, and resolution sees surnames, acronyms and near spellings to join;
- words: half the lower-case words outside the short annotated spans and the quotations
  are replaced by same-length letter strings, so articles made from one seed are not
  near-duplicates (their MinHash Jaccard is ~0.05); ``DUP_RATE`` of records are instead
  near-copies of a recent generated record (two words changed, dated the same day or the
  next), so near-duplicate groups form at a realistic rate;
- quotations: every lower-case word of a seed's quotations is respelt by a wording number
  that changes every ``QUOTE_REPEAT`` uses of the seed, so a quotation is repeated word for
  word by the ``QUOTE_REPEAT`` articles made from one seed in a row (about as many days)
  and their near-copies, as news repeats a remark for a few days, then the next articles
  quote something else; a quotation's reuses stay a handful whatever the store's size
  (before, short quotations were never varied and every article made from a seed repeated
  them: a store of N articles had N/303 copies of each);
- dates: ``published`` runs from ``START`` at ``PER_DAY`` articles a day.

Every replacement keeps lengths, so every span's offsets still index the text, and a
replaced name is replaced in every field that repeats it (entity names, speakers, actors).
Ids are content hashes of the new text; MinHash signatures are computed as the workers do.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import string
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import msgspec

from newsgraph.corpus.minhash import signature
from newsgraph.ingest.inputs import content_id
from newsgraph.store.items import Analysed

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "data" / "corpora" / "bbc-news" / "dataset" / "data_files"
SEEDS_CACHE = Path("/tmp/newsgraph-bench-seeds.jsonl")
VARIANTS = 40
DUP_RATE = 0.1
QUOTE_REPEAT = 5
START = date(2024, 1, 1)
PER_DAY = 300
_WORD = re.compile(r"\b[a-z]{3,}\b")
_NAME_TYPES = {"PERSON", "ORG", "NORP"}


def seed_files(n_bbc: int = 300) -> list[Path]:
    """The bundled examples, and ``n_bbc`` BBC articles (evenly over the topics) when present."""
    files = sorted((REPO / "examples" / "articles").glob("*.txt"))
    if BBC.is_dir():
        topics = sorted(p for p in BBC.iterdir() if p.is_dir())
        per = max(1, n_bbc // max(1, len(topics)))
        files += [f for t in topics for f in sorted(t.glob("*.txt"))[:per]]
    return files


def seeds(cache: Path = SEEDS_CACHE, n_bbc: int = 300) -> list[dict]:
    """The analysed seed records, analysed once (``newsgraph analyze``) and cached in
    ``cache`` (outside the repo: they hold BBC text)."""
    if not cache.exists():
        part = cache.with_suffix(".part")
        newsgraph = Path(sys.executable).parent / "newsgraph"
        subprocess.run([str(newsgraph), "analyze", *map(str, seed_files(n_bbc)), "--format", "jsonl", "-o", str(part)],
                       check=True)  # fmt: skip
        part.rename(cache)
    return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines() if line.strip()]


def generate(seed_records: list[dict], n: int, *, start_index: int = 0, seed: int = 1) -> Iterator[Analysed]:
    """``n`` varied records (items for ``Store.write``), the same for the same arguments."""
    rng = random.Random(seed * 1_000_003 + start_index)
    free = [_free_words(r) for r in seed_records]
    quoted = [_quote_words(r) for r in seed_records]
    recent: list[tuple[dict, list]] = []
    for i in range(start_index, start_index + n):
        day = START + timedelta(days=i // PER_DAY)
        if recent and rng.random() < DUP_RATE:
            base, words = rng.choice(recent)
            record = _vary_words(_copy(base), words, rng, share=None)
            day += timedelta(days=rng.choice([0, 1]))
        else:
            k = i % len(seed_records)
            words = free[k]
            record = _vary_words(_vary_names(seed_records[k], rng), words, rng, share=0.5)
            record = _vary_quotes(record, quoted[k], (i // len(seed_records)) // QUOTE_REPEAT)
        record["metadata"]["published"] = day.isoformat()
        record["id"] = content_id(f"{i}\n{record['text']}")
        recent = [*recent[-49:], (record, words)]
        yield Analysed(record["id"], msgspec.json.encode(record), signature(record["text"]))


def _copy(record: dict) -> dict:
    return msgspec.json.decode(msgspec.json.encode(record))


def _spelling(token: str, variant: int) -> str:
    """A same-length spelling of ``token``: first and last letter kept, the middle drawn
    from a hash of (token, variant)."""
    digest = hashlib.sha1(f"{token}|{variant}".encode()).digest()
    middle = "".join(string.ascii_lowercase[b % 26] for b in digest[: len(token) - 2])
    return token[0] + middle + token[-1]


def _vary_names(record: dict, rng: random.Random) -> dict:
    """A copy of ``record`` with some names respelt in every string of the record."""
    swap = {}
    for entity in record.get("entities") or []:
        tokens = [t for t in (entity.get("name") or "").split() if len(t) >= 4 and t[0].isupper() and t.isalpha()]
        if entity.get("type") in _NAME_TYPES and tokens and rng.random() < 0.5:
            token = tokens[-1] if entity["type"] == "PERSON" else tokens[0]
            swap[token] = _spelling(token, rng.randrange(VARIANTS))
    if not swap:
        return _copy(record)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(swap, key=len, reverse=True))) + r")\b")
    return _map_strings(record, lambda text: pattern.sub(lambda m: swap[m.group()], text))


def _map_strings(value, fn):
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, dict):
        return {k: _map_strings(v, fn) for k, v in value.items()}
    if isinstance(value, list):
        return [_map_strings(v, fn) for v in value]
    return value


def _free_words(record: dict) -> list[tuple[int, int]]:
    """Where the lower-case words lie that no record field repeats: outside every short
    span and every noise span (quotes and evidence sentences are spans but not copies),
    and outside the quotations (``_quote_words``)."""
    return _words(record)[0]


def _quote_words(record: dict) -> list[tuple[int, int]]:
    """Where the lower-case words of the record's quotations lie, outside the short spans
    within them (tone words, names)."""
    return _words(record)[1]


def _words(record: dict) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    text = record["text"]
    quotes = {(q["start"], q["end"]) for q in record.get("quotes") or []
              if isinstance(q.get("start"), int) and isinstance(q.get("end"), int)}  # fmt: skip
    taken, inside = bytearray(len(text) + 1), bytearray(len(text) + 1)
    noise = [(n.get("start"), n.get("end")) for n in record.get("noise") or []]
    others = {k: v for k, v in record.items() if k != "quotes"}  # every span but the quotations' own
    inner = [{k: v for k, v in q.items() if k not in ("start", "end")} for q in record.get("quotes") or []]
    for start, end in [*_spans(others), *_spans(inner), *noise]:
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            if end - start < 60 or (start, end) in noise:
                taken[start:end] = b"\x01" * (end - start)
    for start, end in quotes:
        inside[start:end] = b"\x01" * (end - start)
    free, quoted = [], []
    for m in _WORD.finditer(text):
        if not any(taken[m.start() : m.end()]):
            (quoted if any(inside[m.start() : m.end()]) else free).append(m.span())
    return free, quoted


def _vary_quotes(record: dict, words: list[tuple[int, int]], wording: int) -> dict:
    """Respell every quotation word (``words``) by ``wording``: the same wording gives the
    same quotations."""
    chars = list(record["text"])
    for start, end in words:
        chars[start:end] = _spelling("".join(chars[start:end]), -1 - wording)
    record["text"] = "".join(chars)
    return record


def _vary_words(record: dict, words: list[tuple[int, int]], rng: random.Random, share: float | None) -> dict:
    """Respell a ``share`` of ``words`` in the record's text (or two of them, when None)."""
    chosen = [w for w in words if rng.random() < share] if share is not None else rng.sample(words, min(2, len(words)))
    chars = list(record["text"])
    for start, end in chosen:
        chars[start:end] = _spelling("".join(chars[start:end]), rng.randrange(1 << 30))
    record["text"] = "".join(chars)
    return record


def _spans(value) -> Iterator[tuple[int, int]]:
    """Every (start, end) pair anywhere in a record."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            yield value["start"], value["end"]
        for v in value.values():
            yield from _spans(v)
    elif isinstance(value, list):
        for v in value:
            yield from _spans(v)


def report(result: dict, output: str | None) -> None:
    """Print ``result`` as JSON, and write it to ``output`` when given."""
    text = json.dumps(result, indent=2)
    print(text)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
