"""Temporal expressions on TimeBank + AQUAINT (TBAQ, TempEval-3 training), newsgraph
against dateparser's ``search_dates``.

Each TimeML document is stripped to text; its document creation time is the publication
date. Scores follow TempEval-3: span F1 strict (same characters) and relaxed (overlap),
and value F1 (a relaxed match whose TIMEX3 value is equal, over all predicted and all
annotated expressions). The document creation time itself is not scored.

The tagger's rules are written by looking at errors, so the corpus is split once by
document into a development half (the only documents whose errors are read when rules are
written) and a held-out half (``split``: a hash of the document name, so the split never
moves when files are added or reordered). The report gives every score on all documents,
``heldout_*`` on the held-out half (the figure the README quotes) and ``dev_*`` on the
development half, and the value F1 of each TIMEX3 type alone (``DATE_value_f1``...: the
annotated expressions of that type against the predicted ones of that type).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from newsgraph.eval.report import EvalReport, EvalTask, data_fingerprint, prf
from newsgraph.eval.tasks.quantities import BBC_CORPUS

DATES = "newsgraph.dates.v1"

# (start, end, value, type)
Timex = tuple[int, int, str | None, str | None]

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_ATTR_VALUE = re.compile(r'value="([^"]*)"')


@dataclass
class TimeMLDoc:
    """One TimeML document as text, with its creation date and annotated expressions."""

    name: str
    text: str
    dct: str | None
    timexes: list[Timex] = field(default_factory=list)


def read_timeml(path: str | Path) -> TimeMLDoc:
    """Parse a ``.tml`` file: the TEXT element without tags, TIMEX3 spans into it, and
    the document creation time (DCT)."""
    raw = Path(path).read_text(encoding="utf-8")
    dct_match = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct = _ATTR_VALUE.search(dct_match.group(0)).group(1) if dct_match else None
    # Only the TEXT element is annotated (TempEval-3): headers are not scored.
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    raw = body.group(1) if body else raw
    pieces: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict]] = []
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG.finditer(raw):
        chunk = html.unescape(raw[pos : m.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            start, attrs = open_timex.pop()
            if attrs.get("functionInDocument") == "CREATION_TIME":
                dct = attrs.get("value")
            else:
                timexes.append((start, length, attrs.get("value"), attrs.get("type")))
        else:
            open_timex.append((length, dict(_ATTR.findall(m.group(3)))))
    pieces.append(html.unescape(raw[pos:]))
    return TimeMLDoc(Path(path).stem, "".join(pieces), dct, timexes)


def read_corpus(path: str | Path) -> list[TimeMLDoc]:
    """Every ``.tml`` under ``path`` (a folder or one file), sorted by path."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    return [read_timeml(f) for f in files]


def canonical(value: str | None) -> str | None:
    """One spelling for TIMEX3 values that name the same thing: week numbers with two
    digits (the corpus writes both ``2000-W7`` and ``2000-W07``), an hour with its
    minutes (``T17`` is ``T17:00``), and a decade or century with its unknown digits left
    off (TIMEX3 writes the 1980s ``198`` and the 20th century ``19``; the corpus also
    writes ``198X`` and ``19XX``)."""
    if value is None:
        return None
    value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    if re.fullmatch(r"\d{3}X|\d{2}XX", value):
        value = value.rstrip("X")
    return re.sub(r"T(\d\d)$", r"T\1:00", value)


def score(gold: list[list[Timex]], pred: list[list[Timex]]) -> dict[str, float]:
    """TempEval-3 span F1 (strict, relaxed), value F1 and type accuracy, micro-averaged.

    Each annotated expression is matched to at most one predicted one (same characters
    first, else the first overlapping one). ``value_f1`` compares values in ``canonical``
    spelling; ``te3_value_f1`` compares them as strings, exactly as TempEval-3's scorer
    does (its ``g.value == s.value``), so ``2000-W7`` against ``2000-W07`` counts as wrong
    there. With one-to-one matching, value F1 over all predicted and annotated expressions
    equals TempEval-3's "relaxed F1 x value accuracy"; TempEval-3 lets several predicted
    expressions match one annotated one, which this scorer does not."""
    n_gold = sum(len(g) for g in gold)
    n_pred = sum(len(p) for p in pred)
    strict = relaxed = value = exact = typed = 0
    for g_doc, p_doc in zip(gold, pred, strict=True):
        free = list(p_doc)
        for g in g_doc:
            hit = next((p for p in free if p[0] == g[0] and p[1] == g[1]), None)
            hit = hit or next((p for p in free if p[0] < g[1] and g[0] < p[1]), None)
            if hit is None:
                continue
            free.remove(hit)
            relaxed += 1
            strict += hit[0] == g[0] and hit[1] == g[1]
            value += hit[2] is not None and canonical(hit[2]) == canonical(g[2])
            exact += hit[2] is not None and hit[2] == g[2]
            typed += hit[3] == g[3]
    scores: dict[str, float] = {}
    for name, tp in (("strict", strict), ("relaxed", relaxed), ("value", value), ("te3_value", exact)):
        p, r, f = prf(tp, n_pred, n_gold)
        scores |= {f"{name}_f1": round(f, 4), f"{name}_precision": round(p, 4), f"{name}_recall": round(r, 4)}
    scores["type_accuracy"] = round(typed / relaxed, 4) if relaxed else 0.0
    return scores


TYPES = ("DATE", "TIME", "DURATION", "SET")
_HALF_METRICS = ("strict_f1", "relaxed_f1", "value_f1", "value_precision", "value_recall", "te3_value_f1")


def held_out(name: str) -> bool:
    """True for the documents of the held-out half: the first byte of the SHA-1 of the
    document name is odd (about half of them, fixed for a given name)."""
    return hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 1


def by_type(gold: list[list[Timex]], pred: list[list[Timex]]) -> dict[str, float]:
    """For each TIMEX3 type, span (relaxed) and value F1 of the annotated expressions of
    that type against the predicted ones of that type, e.g. ``DURATION_value_f1``."""
    scores: dict[str, float] = {}
    for kind in TYPES:
        typed = score(
            [[g for g in doc if g[3] == kind] for doc in gold],
            [[p for p in doc if p[3] == kind] for doc in pred],
        )
        scores[f"{kind}_relaxed_f1"] = typed["relaxed_f1"]
        scores[f"{kind}_value_f1"] = typed["value_f1"]
    return scores


def split_scores(names: list[str], gold: list[list[Timex]], pred: list[list[Timex]]) -> dict[str, float]:
    """``score`` and ``by_type`` on all documents, and ``score`` on the held-out and the
    development halves (``heldout_value_f1``, ``dev_value_f1``...)."""
    scores = score(gold, pred) | by_type(gold, pred)
    for prefix, wanted in (("heldout", True), ("dev", False)):
        keep = [i for i, name in enumerate(names) if held_out(name) == wanted]
        g_half, p_half = [gold[i] for i in keep], [pred[i] for i in keep]
        half = score(g_half, p_half) | by_type(g_half, p_half)
        scores |= {f"{prefix}_{m}": v for m, v in half.items() if m in _HALF_METRICS or m.endswith("_value_f1")}
    return scores


def _dct_iso(dct: str | None) -> str | None:
    if not dct:
        return None
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", dct)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def newsgraph_timexes(docs: list[TimeMLDoc]) -> tuple[list[list[Timex]], float]:
    """newsgraph's dates per document, and milliseconds per document."""
    from newsgraph.eval.tasks.quantities import run_components

    started = time.perf_counter()
    analysed = run_components([d.text for d in docs], (DATES,), [_dct_iso(d.dct) for d in docs])
    ms = 1000 * (time.perf_counter() - started) / max(1, len(docs))
    return [[(x.start, x.end, x.value, x.type) for x in doc.dates] for doc in analysed], ms


def dateparser_timexes(docs: list[TimeMLDoc]) -> list[list[Timex]]:
    """dateparser's ``search_dates`` relative to each DCT; values at day granularity, or a
    year for a bare four-digit year."""
    from dateparser.search import search_dates

    out = []
    for doc in docs:
        base = datetime.fromisoformat(_dct_iso(doc.dct) or "2000-01-01")
        found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        items, pos = [], 0
        for surface, when in found:
            start = doc.text.find(surface, pos)
            if start < 0:
                continue
            pos = start + len(surface)
            value = surface.strip() if re.fullmatch(r"\s*\d{4}\s*", surface) else when.date().isoformat()
            items.append((start, pos, value, "DATE"))
        out.append(items)
    return out


# The blind BBC set (docs/dates.md): whole BBC News articles annotated by hand, following
# TimeML, before newsgraph was run on them; stored as offsets and hashes (no corpus text),
# the articles read from the corpus under the data root at run time.
BBC_GOLD = Path(__file__).resolve().parents[1] / "data" / "bbc_dates.jsonl"
# The second blind set (seed 4605, no article of the first), annotated the same way after the
# first set's tuning half was read; scored as ``bbc2_*``, halves split alike.
BBC_GOLD2 = BBC_GOLD.with_name("bbc_dates2.jsonl")
# The third (seed 4606, no article of the first two), annotated after the second set's tuning
# half was read; ``bbc3_*``.
BBC_GOLD3 = BBC_GOLD.with_name("bbc_dates3.jsonl")
# The fourth (seed 4607, no article of the first three), annotated after the third set's
# tuning half was read; ``bbc4_*``.
BBC_GOLD4 = BBC_GOLD.with_name("bbc_dates4.jsonl")
# The fifth (seed 4608, no article of the first four), annotated in the eighth session after
# the fourth set's tuning half was read, and first scored on that session's code; ``bbc5_*``.
BBC_GOLD5 = BBC_GOLD.with_name("bbc_dates5.jsonl")
# The sixth (seed 4609, no article of the first five), annotated in the ninth session after
# that session's rules were written from the five earlier tuning halves; ``bbc6_*``.
BBC_GOLD6 = BBC_GOLD.with_name("bbc_dates6.jsonl")
# The seventh (seed 4610, no article of the first six), annotated in the thirty-fourth
# session, after twenty-five sessions of rules written from the earlier tuning halves and
# TBAQ's, and committed before newsgraph first ran on it; ``bbc7_*``.
BBC_GOLD7 = BBC_GOLD.with_name("bbc_dates7.jsonl")
BBC_SETS = (
    ("bbc", BBC_GOLD),
    ("bbc2", BBC_GOLD2),
    ("bbc3", BBC_GOLD3),
    ("bbc4", BBC_GOLD4),
    ("bbc5", BBC_GOLD5),
    ("bbc6", BBC_GOLD6),
    ("bbc7", BBC_GOLD7),
)


def read_bbc_gold(root: Path, gold_path: Path = BBC_GOLD) -> list[TimeMLDoc]:
    """The blind BBC set's articles as ``TimeMLDoc``s (text, the stated publication date,
    the annotated expressions), refusing an article whose text no longer hashes to the
    annotated one."""
    from newsgraph.eval.tasks.quantities import bbc_article

    docs: dict[str, TimeMLDoc] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line:
            continue
        entry = json.loads(line)
        article = entry["article"]
        if article not in docs:
            docs[article] = TimeMLDoc(article, bbc_article(root, article, entry["sha1"]), entry["dct"])
        if not entry.get("none"):
            docs[article].timexes.append((entry["start"], entry["end"], entry["value"], entry["type"]))
    return [docs[a] for a in sorted(docs)]


def bbc_scores(docs: list[TimeMLDoc], ours: list[list[Timex]], prefix: str, name: str) -> tuple[dict, str]:
    """Span and value F1 of ``ours`` on blind BBC articles ``docs``, whole (``bbc_*``, with
    value F1 per TIMEX3 type) and per half (``bbc_tune_*``, ``bbc_heldout_*``: SHA-1 parity
    of the article path, as the quantities set; only the tuning half's errors are read),
    ``bbc`` being ``prefix``; and a note naming the set (``name``) and its halves."""
    from newsgraph.eval.tasks.quantities import bbc_half

    gold = [d.timexes for d in docs]
    scores = {f"{prefix}_{m}": v for m, v in (score(gold, ours) | by_type(gold, ours)).items()}
    halves = {}
    for half in ("tune", "heldout"):
        keep = [i for i, d in enumerate(docs) if bbc_half(d.name) == half]
        halves[half] = (len(keep), sum(len(gold[i]) for i in keep))
        part = score([gold[i] for i in keep], [ours[i] for i in keep])
        scores |= {f"{prefix}_{half}_{m}": v for m, v in part.items() if m in _HALF_METRICS}
    note = (
        f"{prefix}: blind BBC {name} ({len(docs)} articles, {sum(len(g) for g in gold)} expressions, "
        f"read against the stated date {docs[0].dct if docs else '-'}; tune {halves['tune'][0]} articles / "
        f"{halves['tune'][1]} expressions, held-out {halves['heldout'][0]} / {halves['heldout'][1]} "
        "by SHA-1 parity of the article path; only tune errors are read)"
    )
    return scores, note


def bbc_all_scores(root: Path) -> tuple[dict[str, float], list[str], list[Path]]:
    """``bbc_scores`` for each blind BBC set in ``BBC_SETS`` that is present (``bbc_*``,
    ``bbc2_*``...), for all of them pooled (``bbcall_*``: the figure the docs quote) and for
    the first five pooled (``bbc15_value_f1`` and ``bbc15_heldout_*``, the README's other figure);
    also the notes and the files read (the articles and the gold files)."""
    scores: dict[str, float] = {}
    notes: list[str] = []
    files: list[Path] = []
    pooled: tuple[list, list] = ([], [])
    first_five: tuple[list, list] = ([], [])  # sets 1-5, the README's other pooled figure
    for number, (prefix, gold_path) in enumerate(BBC_SETS, start=1):
        if not gold_path.is_file():
            continue
        docs = read_bbc_gold(root, gold_path)
        ours, _ = newsgraph_timexes(docs)
        found, note = bbc_scores(docs, ours, prefix, f"set {gold_path.name}")
        scores |= found
        notes.append(note)
        files += [*(root / d.name for d in docs), gold_path]
        pooled[0].extend(docs)
        pooled[1].extend(ours)
        if number <= 5:
            first_five[0].extend(docs)
            first_five[1].extend(ours)
    if first_five[0]:
        found, _ = bbc_scores(*first_five, "bbc15", "sets 1-5 pooled")
        scores |= {k: v for k, v in found.items() if k.startswith("bbc15_heldout_") or k == "bbc15_value_f1"}
    if pooled[0]:
        found, note = bbc_scores(*pooled, "bbcall", "sets pooled")
        scores |= found
        notes.append(note)
    return scores, notes, files


# Two more readings of 20 documents of TBAQ's held-out half (seed 3535; docs/dates.md, "Two
# readers of TBAQ"): two helper sessions each annotated the 20 documents blind from TimeML
# 1.2.1, never seeing TBAQ's annotation or newsgraph's output. One JSON line per expression:
# ``doc``, ``sha1`` (first 12 hex digits of the SHA-1 of the document's text as read here),
# ``reader`` (1 or 2), ``start``, ``end``, ``type``, ``value``; or ``none``. Not gated: it
# says how far TBAQ itself agrees with careful readers of its guidelines.
TBAQ_READERS = BBC_GOLD.with_name("tbaq_dates_readers.jsonl")


def read_readers(docs: list[TimeMLDoc], path: Path = TBAQ_READERS) -> dict[int, dict[str, list[Timex]]]:
    """Each reader's expressions by document name; raises ``ValueError`` naming the
    document when one of ``docs`` no longer hashes to the text the readers read."""
    texts = {d.name: d.text for d in docs}
    readers: dict[int, dict[str, list[Timex]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            continue
        entry = json.loads(line)
        name = entry["doc"]
        if name in texts and hashlib.sha1(texts[name].encode("utf-8")).hexdigest()[:12] != entry["sha1"]:
            raise ValueError(f"{path.name}: {name} is not the text the readers annotated")
        timexes = readers.setdefault(entry["reader"], {}).setdefault(name, [])
        if not entry.get("none"):
            timexes.append((entry["start"], entry["end"], entry["value"], entry["type"]))
    return readers


def reader_scores(docs: list[TimeMLDoc], ours: list[list[Timex]], path: Path = TBAQ_READERS) -> tuple[dict[str, float], str]:
    """Value F1 of each reader (``tbaq_reader1_value_f1``, ``tbaq_reader2_value_f1``) and of
    newsgraph (``tbaq_readers_newsgraph_value_f1``) against TBAQ on the documents the readers
    annotated; of the second reader against the first (``tbaq_readers_agreement_value_f1``);
    and of newsgraph against each reader (``tbaq_reader1_newsgraph_value_f1``, ...). Empty
    when ``docs`` lacks one of those documents."""
    readers = read_readers(docs, path)
    names = sorted(set().union(*(set(r) for r in readers.values()))) if readers else []
    index = {d.name: i for i, d in enumerate(docs)}
    if sorted(readers) != [1, 2] or any(set(r) != set(names) for r in readers.values()) or any(n not in index for n in names):
        return {}, f"TBAQ readers skipped: this run lacks documents of {path.name}"
    gold = [docs[index[n]].timexes for n in names]
    mine = [ours[index[n]] for n in names]
    first, second = ([r[n] for n in names] for r in (readers[1], readers[2]))
    pairs = {
        "tbaq_reader1": (gold, first),
        "tbaq_reader2": (gold, second),
        "tbaq_readers_newsgraph": (gold, mine),
        "tbaq_readers_agreement": (first, second),
        "tbaq_reader1_newsgraph": (first, mine),
        "tbaq_reader2_newsgraph": (second, mine),
    }
    same, other, unannotated = _where_readers_agree(gold, first, second)
    note = (
        f"tbaq_reader*: two blind readers of {len(names)} held-out TBAQ documents "
        f"({sum(map(len, gold))} TBAQ expressions; {sum(map(len, first))} and {sum(map(len, second))} "
        f"by the readers); of the expressions both readers value alike, TBAQ gives {same} the same value, "
        f"{other} another, {unannotated} none; not gated"
    )
    return pair_scores(pairs), note


def pair_scores(pairs: dict[str, tuple[list[list[Timex]], list[list[Timex]]]]) -> dict[str, float]:
    """``{name}_relaxed_f1``, ``{name}_strict_f1`` and ``{name}_value_f1`` of the second
    annotation of each pair against the first (``score``): how far two annotations of the
    same documents agree, whoever wrote them."""
    out = {}
    for name, (reference, other) in pairs.items():
        found = score(reference, other)
        out |= {f"{name}_{m}": found[m] for m in ("relaxed_f1", "strict_f1", "value_f1")}
    return out


def _where_readers_agree(gold, first, second) -> tuple[int, int, int]:
    """Of the expressions of ``first`` that ``second`` overlaps with the same value: how many
    ``gold`` overlaps with that value, with another, or not at all."""
    same = other = unannotated = 0
    for g_doc, a_doc, b_doc in zip(gold, first, second, strict=True):
        for start, end, value, _ in a_doc:
            if not any(canonical(t[2]) == canonical(value) for t in b_doc if t[0] < end and start < t[1]):
                continue
            hits = [t for t in g_doc if t[0] < end and start < t[1]]
            if not hits:
                unannotated += 1
            elif canonical(hits[0][2]) == canonical(value):
                same += 1
            else:
                other += 1
    return same, other, unannotated


def run(path: str | Path, limit: int | None = None) -> EvalReport:
    """Score newsgraph and dateparser on the TimeML documents under ``path``."""
    docs = read_corpus(path)[:limit]
    gold = [d.timexes for d in docs]
    ours, ms = newsgraph_timexes(docs)
    names = [d.name for d in docs]
    n_held = sum(held_out(n) for n in names)
    notes = [
        f"newsgraph: {ms:.1f} ms per document (spaCy parse included)",
        f"held-out half: {n_held} documents (rules are written from the other {len(docs) - n_held}'s errors)",
    ]
    baselines = {}
    try:
        baselines["dateparser search_dates"] = score(gold, dateparser_timexes(docs))
    except ImportError:
        notes.append("dateparser is not installed (pip install 'newsgraph[dev]'); baseline skipped")
    files = [Path(path)] if Path(path).is_file() else sorted(Path(path).rglob("*.tml"))[:limit]
    scores = split_scores(names, gold, ours)
    if limit is None and TBAQ_READERS.is_file():
        try:
            found, note = reader_scores(docs, ours)
        except ValueError as err:  # a changed corpus: say which document, score the rest
            found, note = {}, f"TBAQ readers skipped: {err}"
        scores |= found
        notes.append(note)
    bbc_root = Path(path).parent.parent / BBC_CORPUS
    if limit is None and bbc_root.is_dir():
        bbc, lines, read = bbc_all_scores(bbc_root)
        scores |= bbc
        notes.extend(lines)
        files += read
    elif limit is None:
        notes.append(f"BBC blind set skipped: no corpus at {bbc_root}")
    return EvalReport(
        task="dates",
        data=str(path),
        # the gold file in the repo last, wherever the repo and the data are
        data_hash=data_fingerprint(files, key=lambda p: (p in dict(BBC_SETS).values(), str(p))),
        scores=scores,
        baselines=baselines,
        counts={
            "documents": len(docs),
            "gold": sum(len(g) for g in gold),
            "predicted": sum(len(p) for p in ours),
        },
        notes=notes,
    )


TASK = EvalTask(
    name="dates",
    description="Temporal expressions (span and value F1, TempEval-3) on TimeBank+AQUAINT, "
    "newsgraph vs dateparser",
    option="--timeml",
    default_path="dates/tbaq",
    run=run,
)
