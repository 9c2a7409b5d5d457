"""Geoparsing on GeoWebNews (Gritta et al. 2019): toponym recognition and resolution.

Gold: ``GWN.xml`` in the data folder (200 articles; each toponym has a fine-grained type,
character offsets and, for about 40%, coordinates). Articles are analysed verbatim
(``clean=False``) so offsets match.

Which gold toponyms count (``GOLD_TYPES``): the place *names* GeoWebNews marks, literal
and associative: Literal, Mixed, Coercion, Literal_Modifier, Metonymic and
Non_Literal_Modifier, except modifiers that are adjectives ("Russian forces"). Demonyms,
language names and adjectival modifiers name peoples, not places (newsgraph reports them
as NORP entities with a country); Embedded_* toponyms sit inside another name ("Bank of
*Japan*") that newsgraph keeps whole as an organisation; Homonym, Non_Toponym and the
*_Expression types ("the city") are not toponyms. The all-types recall is reported too.

Metrics: toponym precision/recall/F1 by exact span (``*_strict``, gated) and by overlap
(``*_overlap``); for gold toponyms with coordinates that a system toponym overlaps and
resolves: accuracy within 161 km (100 miles), median and mean error (km); ``coverage`` is
the share of such matched toponyms that got coordinates at all.
Comparison system: spaCy's GPE/LOC/FAC entities resolved to the most populous gazetteer
entry of the same name (the naive baseline), over the same texts.
"""

from __future__ import annotations

import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.eval.report import EvalReport, EvalTask, data_fingerprint, prf

GOLD_TYPES = frozenset(
    {"Literal", "Mixed", "Coercion", "Literal_Modifier", "Metonymic", "Non_Literal_Modifier"}
)
NON_TOPONYMS = frozenset({"Homonym", "Non_Toponym", "Literal_Expression", "Non_Lit_Expression"})
KM_161 = 161.0
PLACES = "newsgraph.places.v1"


@dataclass
class GoldToponym:
    start: int
    end: int
    type: str
    modifier: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None = None

    @property
    def counts(self) -> bool:
        return self.type in GOLD_TYPES and self.modifier != "Adjective"


@dataclass
class GeoArticle:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


# A system toponym: (start, end, lat or None, lon or None).
Pred = tuple[int, int, float | None, float | None]


def read_gwn(path: str | Path) -> list[GeoArticle]:
    """Articles from GWN.xml (``path`` is the file or the folder holding it)."""
    path = Path(path)
    xml = path / "GWN.xml" if path.is_dir() else path
    articles = []
    for node in ET.parse(xml).getroot().findall("article"):
        text = node.findtext("text") or ""
        article = GeoArticle(id=node.get("file") or str(len(articles)), text=text)
        for t in node.find("toponyms") or []:
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            gid = (t.findtext("geonamesID") or "").strip()
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            if not 0 <= start < end <= len(text):
                continue  # 5 annotations in article 123 carry negative offsets
            article.toponyms.append(
                GoldToponym(
                    start=start,
                    end=end,
                    type=t.findtext("type") or "",
                    modifier=t.findtext("modifierType") or None,
                    lat=float(lat) if lat else None,
                    lon=float(lon) if lon else None,
                    geonames_id=int(gid) if gid.isdigit() else None,
                )
            )
        articles.append(article)
    return articles


def score(articles: list[GeoArticle], predicted: list[list[Pred]]) -> dict[str, float]:
    """Recognition and resolution scores of ``predicted`` (one list per article)."""
    tp = fp = fn = otp = ofp = ofn = 0
    errors: list[tuple[float, bool]] = []  # (km, the name is ambiguous in the gazetteer)
    matched_with_coords = 0
    all_hit = all_total = 0
    for article, preds in zip(articles, predicted, strict=True):
        gold = [g for g in article.toponyms if g.counts]
        gold_spans = {(g.start, g.end) for g in gold}
        pred_spans = {(p[0], p[1]) for p in preds}
        tp += len(gold_spans & pred_spans)
        fp += len(pred_spans - gold_spans)
        fn += len(gold_spans - pred_spans)
        ofn += sum(not any(_overlap(g.start, g.end, p) for p in preds) for g in gold)
        otp += sum(any(_overlap(g.start, g.end, p) for p in preds) for g in gold)
        ofp += sum(not any(_overlap(g.start, g.end, p) for g in gold) for p in preds)
        toponyms = [g for g in article.toponyms if g.type not in NON_TOPONYMS]
        all_total += len(toponyms)
        all_hit += sum(any(_overlap(g.start, g.end, p) for p in preds) for g in toponyms)
        matched, found = _geocoding_errors(article, gold, preds)
        matched_with_coords += matched
        errors.extend(found)
    scores = _prf("strict", tp, fp, fn) | _prf("overlap", otp, ofp, ofn)
    scores["recall_all_toponym_types"] = all_hit / all_total if all_total else 0.0
    scores |= _distance_scores("", [e for e, _ in errors])
    scores |= _distance_scores("_ambiguous", [e for e, ambiguous in errors if ambiguous])
    scores["coverage"] = len(errors) / matched_with_coords if matched_with_coords else 0.0
    scores |= _error_distribution([e for e, _ in errors])
    scores |= _class_scores(articles, predicted)
    return {k: round(v, 4) for k, v in scores.items()}


# Error-distance bands (km) for the distribution: exact, same town, same region, the
# 161 km accuracy line, same country, elsewhere.
ERROR_BANDS = (1.0, 10.0, KM_161, 500.0, 2000.0)
CLASSES = ("countries", "admin_areas", "cities", "small_places", "facilities", "other")
CITY = 15_000


def _error_distribution(errors: list[float]) -> dict[str, float]:
    """Share of resolved toponyms whose error is within each band, and the 75th and 90th
    percentile error (km)."""
    if not errors:
        return {}
    ordered = sorted(errors)
    out = {
        f"share_error_within_{band:g}km": sum(e <= band for e in errors) / len(errors) for band in ERROR_BANDS
    }
    out["p75_error_km"] = ordered[int(0.75 * (len(ordered) - 1))]
    out["p90_error_km"] = ordered[int(0.9 * (len(ordered) - 1))]
    return out


def toponym_class(gold: GoldToponym) -> str:
    """The gold toponym's class by its GeoNames entry: countries, admin_areas (ADM1/ADM2),
    cities (populated places of 15,000+), small_places (smaller ones), facilities (no
    GeoNames id: streets, buildings, sites), other (physical features, regions, and ids the
    shipped gazetteer does not hold)."""
    from newsgraph.resources.geonames import gazetteer

    if gold.geonames_id is None:
        return "facilities"
    place = gazetteer().by_id(gold.geonames_id)
    if place is None:
        return "other"
    if place.is_country:
        return "countries"
    if place.feature.startswith("A.ADM"):
        return "admin_areas"
    if place.is_town:
        return "cities" if place.population >= CITY else "small_places"
    return "facilities" if place.feature.startswith("S.") else "other"


def _class_scores(articles: list[GeoArticle], predicted: list[list[Pred]]) -> dict[str, float]:
    """Per toponym class, over gold toponyms with coordinates: ``found`` (a system toponym
    overlaps it), ``acc_161km`` (of those found and resolved) and ``n``."""
    from newsgraph.resources.geonames import distance_km

    tally = {c: [0, 0, 0, 0] for c in CLASSES}  # n, found, resolved, within 161 km
    for article, preds in zip(articles, predicted, strict=True):
        for g in article.toponyms:
            if not g.counts or g.lat is None or g.lon is None:
                continue
            row = tally[toponym_class(g)]
            row[0] += 1
            hits = [p for p in preds if _overlap(g.start, g.end, p)]
            row[1] += bool(hits)
            best = next((p for p in hits if p[2] is not None), None)
            if best is not None:
                row[2] += 1
                row[3] += distance_km(g.lat, g.lon, best[2], best[3]) <= KM_161
    out = {}
    for name, (n, found, resolved, right) in tally.items():
        if n:
            out[f"{name}_n"] = float(n)
            out[f"{name}_found"] = found / n
            out[f"{name}_acc_161km"] = right / resolved if resolved else 0.0
    return out


def _geocoding_errors(article: GeoArticle, gold: list[GoldToponym], preds: list[Pred]):
    """How many gold toponyms with coordinates a system toponym overlaps, and the error
    (km) of each one it resolved, flagged when the gold name is ambiguous (gazetteer
    entries of that name lie more than 161 km apart)."""
    from newsgraph.resources.geonames import distance_km

    matched, errors = 0, []
    for g in gold:
        hits = [p for p in preds if _overlap(g.start, g.end, p)]
        if g.lat is None or g.lon is None or not hits:
            continue
        matched += 1
        best = next((p for p in hits if p[2] is not None), None)
        if best is not None:
            km = distance_km(g.lat, g.lon, best[2], best[3])
            errors.append((km, _ambiguous(article.text[g.start : g.end])))
    return matched, errors


def _ambiguous(name: str) -> bool:
    from newsgraph.resources.geonames import distance_km, gazetteer

    places = gazetteer().lookup(name)
    return any(distance_km(a.lat, a.lon, b.lat, b.lon) > KM_161 for a in places for b in places[:1])


def _distance_scores(suffix: str, errors: list[float]) -> dict[str, float]:
    """acc_161km, median and mean error (km) over ``errors``; names end in ``suffix``."""
    return {
        f"acc_161km{suffix}": sum(e <= KM_161 for e in errors) / len(errors) if errors else 0.0,
        f"median_error_km{suffix}": statistics.median(errors) if errors else 0.0,
        f"mean_error_km{suffix}": statistics.fmean(errors) if errors else 0.0,
    }


def _overlap(start: int, end: int, pred: Pred) -> bool:
    return pred[0] < end and start < pred[1]


def _prf(name: str, tp: int, fp: int, fn: int) -> dict[str, float]:
    precision, recall, f1 = prf(tp, tp + fp, tp + fn)
    return {f"f1_{name}": f1, f"precision_{name}": precision, f"recall_{name}": recall}


def pipeline_config():
    """The default pipeline up to the places component (what places depends on), with
    places inserted after entities when the default list lacks it."""
    from newsgraph.pipeline.config import ComponentSpec, PipelineConfig

    config = PipelineConfig.default()
    names = [s.name for s in config.components]
    specs = list(config.components)
    if PLACES not in names:
        at = names.index("newsgraph.entities.v1") + 1 if "newsgraph.entities.v1" in names else len(specs)
        specs.insert(at, ComponentSpec(PLACES))
        names = [s.name for s in specs]
    specs = specs[: names.index(PLACES) + 1]
    return PipelineConfig(tuple(specs), batch_size=config.batch_size)


def analyse(texts: list[str]):
    """Run the pipeline up to (not including) places on ``texts``; returns the Documents
    (with their parses and entities) and the seconds it took."""
    from newsgraph.ingest.inputs import InputDoc
    from newsgraph.pipeline.prepare import prepare
    from newsgraph.pipeline.pipeline import Pipeline

    config = pipeline_config()
    specs = tuple(s for s in config.components if s.name != PLACES)
    before = type(config)(specs, batch_size=config.batch_size)
    pipeline = Pipeline.from_config(before)
    docs = [prepare(InputDoc(id=f"gwn-{i}", text=t, clean=False)) for i, t in enumerate(texts)]
    started = time.perf_counter()
    for component in pipeline.components:
        docs = list(component.pipe(docs, batch_size=pipeline.batch_size))
    return docs, time.perf_counter() - started


def in_sample(docs, resolver, ranker=None) -> list[list[Pred]]:
    """Predictions of ``ranker`` (default: the shipped one) on every article, including
    those it was fit on: a flattering figure, shown beside the cross-validated one."""
    from newsgraph.eval.tasks.geo_cv import predictions

    return [predictions(*resolver.resolve(doc, ranker=ranker)) for doc in docs]


def most_populous_baseline(texts: list[str]) -> list[list[Pred]]:
    """spaCy's GPE/LOC/FAC entities, each resolved to its most populous gazetteer match."""
    from newsgraph.pipeline.components.backbone import DEFAULT_MODEL, load_spacy
    from newsgraph.resources.geonames import gazetteer

    nlp = load_spacy(DEFAULT_MODEL, "model")
    gaz = gazetteer()
    out = []
    for sdoc in nlp.pipe(texts, batch_size=16):
        preds: list[Pred] = []
        for ent in sdoc.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            candidates = gaz.lookup(ent.text)
            best = max(candidates, key=lambda p: p.population, default=None)
            preds.append(
                (ent.start_char, ent.end_char, best.lat if best else None, best.lon if best else None)
            )
        out.append(preds)
    return out


GATED = (
    "acc_161km",
    "acc_161km_ambiguous",
    "coverage",
    "f1_overlap",
    "f1_strict",
    "precision_overlap",
    "precision_strict",
    "recall_all_toponym_types",
    "recall_overlap",
    "recall_strict",
)


def run(path: str | Path, limit: int | None = None) -> EvalReport:
    """Score newsgraph on GeoWebNews at ``path``: ``scores`` are 5-fold cross-validated (the
    ranker and its confidence model fit on the other folds); the shipped weights, the
    hand-set weights and the most-populous baseline are shown beside them."""
    from newsgraph.eval.tasks.geo_cv import FOLDS, SEED, cross_validate, reliability
    from newsgraph.pipeline.components.places import PlaceResolver
    from newsgraph.pipeline.components.places.rank import HAND_RANKER

    articles = read_gwn(path)[:limit]
    texts = [a.text for a in articles]
    docs, seconds = analyse(texts)
    resolver = PlaceResolver()
    started = time.perf_counter()
    held_out = cross_validate(articles, docs, resolver)
    ece, table = reliability(held_out.confidences)
    cv_seconds = time.perf_counter() - started
    gold = [g for a in articles for g in a.toponyms if g.counts]
    xml = Path(path) / "GWN.xml" if Path(path).is_dir() else Path(path)
    scores = score(articles, held_out.preds) | {"expected_calibration_error": ece}
    return EvalReport(
        task="geo",
        data=str(path),
        data_hash=data_fingerprint([xml]),
        scores=scores,
        baselines={
            "shipped weights, in-sample (fit on all 200)": score(articles, in_sample(docs, resolver)),
            "hand-set weights, in-sample": score(articles, in_sample(docs, resolver, HAND_RANKER)),
            "spaCy NER + most populous GeoNames match": score(articles, most_populous_baseline(texts)),
        },
        counts={
            "articles": len(articles),
            "gold_toponyms": len(gold),
            "gold_with_coordinates": sum(g.lat is not None for g in gold),
            "predicted_toponyms": sum(len(p) for p in held_out.preds),
            "resolved_mentions_calibrated": len(held_out.confidences),
        },
        gated=GATED,
        notes=[
            f"scores: {FOLDS}-fold cross-validation by article (seed {SEED}); the place ranker and "
            "its confidence model are fit on the other folds of each held-out article",
            "gold: Literal, Mixed, Coercion, Literal_Modifier, Metonymic, Non_Literal_Modifier "
            "(adjectival modifiers excluded); strict = exact span, overlap = any overlap",
            "acc_161km / median_error_km over gold toponyms with coordinates that a system toponym "
            "overlaps and resolves (*_ambiguous: only names whose gazetteer entries lie > 161 km "
            "apart); coverage = share of those matched toponyms resolved",
            "<class>_n/_found/_acc_161km: gold toponyms with coordinates by class of their GeoNames "
            "entry (countries, admin_areas, cities >= 15,000, small_places, facilities = no GeoNames "
            "id, other); share_error_within_<d>km: error distribution of resolved toponyms",
            "confidence reliability (held-out mentions; bucket: mentions, mean confidence, share right): "
            + "; ".join(f"{b}: {n}, {c:.2f}, {a:.2f}" for b, n, c, a in table),
            f"pipeline: {', '.join(s.name for s in pipeline_config().components)}; "
            f"{1000 * seconds / max(1, len(articles)):.0f} ms/article up to places; "
            f"cross-validation {cv_seconds:.0f} s",
        ],
    )


TASK = EvalTask(
    name="geo",
    description="Toponym recognition and resolution on GeoWebNews, newsgraph vs NER + most-populous match",
    option="--geowebnews",
    default_path="geo/geowebnews",
    run=run,
)
