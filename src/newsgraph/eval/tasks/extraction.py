"""``newsgraph eval extraction``: HTML page -> article text, scored on bags of tokens.

Data (``../shared/data/extraction``): ``page-signal-master`` (Google News pages; the
gold file is the page with the annotators' classes, and the article body is the text of
the elements marked ``x-nc-sel2``, "full text": headline, supplemental, related content
and comments are other classes and are not article text) and ``readability`` (Mozilla
test pages; the gold is the article's HTML, tags stripped). Each subset has ``input/``
(HTML) and ``GoldStandard/`` (same stem, ``.txt``).

Per page: precision, recall and F1 of the multiset of lower-cased word tokens extracted
against the gold's; reported macro-averaged over pages and micro (pooled counts), for
newsgraph's HTML reader (decode + ``ingest.html.extract_article`` + the cleaner's removal of
page furniture) and, side by side, ``trafilatura.extract`` with its default settings on the
same bytes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

from newsgraph.errors import Code, EvalError
from newsgraph.eval.report import EvalReport, EvalTask, data_fingerprint, f1, prf

SUBSETS = ("page-signal-master", "readability")
_TOKEN = re.compile(r"\w+")
_GOLD_CLASS = "x-nc-sel2"


def run(path: str | Path, limit: int | None = None) -> EvalReport:
    """Score newsgraph and trafilatura on the pages under ``path`` (the ``extraction``
    folder, or one subset of it); ``limit`` caps the pages per subset."""
    pairs = load_pairs(Path(path), limit)
    refusals: list[str] = []
    languages: list[str] = []
    systems: dict[str, Callable[[bytes], str]] = {
        "newsgraph": partial(newsgraph_text, refusals=refusals, languages=languages),
        "trafilatura": trafilatura_text,
    }
    totals = {name: _Scores() for name in systems}
    other_language = _Scores()  # newsgraph on the pages not in English: their text is kept
    for html_path, gold_path in pairs:
        gold = gold_tokens(gold_path)
        data = html_path.read_bytes()
        for name, system in systems.items():
            predicted = _tokens(system(data))
            totals[name].add(predicted, gold)
            if name == "newsgraph" and languages[-1] not in ("en", ""):
                other_language.add(predicted, gold)
    files = [p for pair in pairs for p in pair]
    ours = totals.pop("newsgraph")
    return EvalReport(
        task="extraction",
        data=str(path),
        data_hash=data_fingerprint(files),
        scores=ours.summary(),
        baselines={
            **{name: scores.summary() for name, scores in totals.items()},
            **({"newsgraph, pages not in English": other_language.summary()} if other_language.f else {}),
        },
        counts={
            "pages": len(pairs),
            "empty_newsgraph": ours.empty,
            "refused_not_article": len(refusals),
            "pages_not_english": len(other_language.f),
            "pages_not_english_empty": other_language.empty,
        },
        notes=[
            "bag-of-tokens P/R/F1 per page, macro and micro; page-signal gold = x-nc-sel2 (full text)",
            "trafilatura = trafilatura.extract(html) with default settings",
            "refused_not_article = pages the reader refuses as no article (E111); their text is still scored",
            "pages in other languages are kept, never refused; 'newsgraph, pages not in English' scores "
            "newsgraph on them alone. metadata.language per page: "
            + ", ".join(f"{code or 'no text'} {n}" for code, n in Counter(languages).most_common()),
        ],
    )


def load_pairs(root: Path, limit: int | None = None) -> list[tuple[Path, Path]]:
    """(input HTML, gold) path pairs under ``root``; raises ``EvalError`` when none."""
    subsets = [root] if (root / "input").is_dir() else [root / name for name in SUBSETS]
    pairs: list[tuple[Path, Path]] = []
    for subset in subsets:
        found = []
        for html_path in sorted((subset / "input").glob("*.htm*")):
            gold = subset / "GoldStandard" / (html_path.stem + ".txt")
            if gold.is_file():
                found.append((html_path, gold))
        pairs.extend(found[:limit] if limit else found)
    if not pairs:
        raise EvalError(Code.EVAL_DATA, f"no input/*.html + GoldStandard/*.txt pairs under {root}")
    return pairs


def gold_tokens(path: Path) -> Counter:
    """The gold article's tokens: the ``x-nc-sel2`` elements of a page-signal file, or
    the tag-stripped text of a readability file."""
    import lxml.html

    markup = path.read_bytes().decode("utf-8", errors="replace")
    if not markup.strip():
        return Counter()
    tree = lxml.html.fromstring(markup)
    if _GOLD_CLASS in markup:
        marked = tree.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {_GOLD_CLASS} ')]")
        outer = [el for el in marked if not any(a in marked for a in el.iterancestors())]
        return _tokens(" ".join(el.text_content() for el in outer))
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    return _tokens(tree.text_content())


def newsgraph_text(data: bytes, refusals: list[str] | None = None, languages: list[str] | None = None) -> str:
    """What newsgraph's HTML reader keeps of a page: decoded, extracted, furniture removed.
    When the reader would refuse the page as no article, the reason goes to ``refusals``;
    the language it records for the page (``""`` when nothing was extracted) to ``languages``."""
    from newsgraph.ingest.language import detect

    text = _reader_text(data, refusals)
    if languages is not None:
        languages.append(detect(text).code if text.strip() else "")
    return text


def _reader_text(data: bytes, refusals: list[str] | None) -> str:
    from newsgraph.ingest.decode import decode_bytes
    from newsgraph.ingest.html import extract_article, not_an_article
    from newsgraph.ingest.furniture import strip_furniture

    decoded = decode_bytes(data, html=True)
    if decoded.text is None:
        return ""
    article = extract_article(decoded.text)
    if article is None:
        return ""
    refusal = not_an_article(article.text)
    if refusal and refusals is not None:
        refusals.append(refusal)
    return strip_furniture(article.text)


def trafilatura_text(data: bytes) -> str:
    """trafilatura alone, default settings."""
    import trafilatura

    return trafilatura.extract(data) or ""


def _tokens(text: str) -> Counter:
    return Counter(_TOKEN.findall(text.lower()))


class _Scores:
    """Running per-page and pooled precision/recall/F1."""

    def __init__(self):
        self.p: list[float] = []
        self.r: list[float] = []
        self.f: list[float] = []
        self.hit = self.pred = self.gold = 0
        self.empty = 0

    def add(self, predicted: Counter, gold: Counter) -> None:
        hit = sum((predicted & gold).values())
        n_pred, n_gold = sum(predicted.values()), sum(gold.values())
        self.empty += n_pred == 0
        p = hit / n_pred if n_pred else (1.0 if not n_gold else 0.0)
        r = hit / n_gold if n_gold else 1.0
        self.p.append(p)
        self.r.append(r)
        self.f.append(f1(p, r))
        self.hit, self.pred, self.gold = self.hit + hit, self.pred + n_pred, self.gold + n_gold

    def summary(self) -> dict[str, float]:
        n = len(self.f) or 1
        micro_p, micro_r, micro_f = prf(self.hit, self.pred, self.gold)
        return {
            "precision": round(sum(self.p) / n, 4),
            "recall": round(sum(self.r) / n, 4),
            "f1": round(sum(self.f) / n, 4),
            "micro_precision": round(micro_p, 4),
            "micro_recall": round(micro_r, 4),
            "micro_f1": round(micro_f, 4),
        }


TASK = EvalTask(
    name="extraction",
    description="HTML page -> article text: bag-of-tokens P/R/F1 against gold text (page-signal, readability)",
    option="--data",
    default_path="extraction",
    run=run,
)
