"""Learned cues: attributions whose cue is not a reporting verb of the lexicon.

Nominal and prepositional cues (``fears of``, ``calls for``, ``criticism of``), polls and
reports that ``show``, beliefs (``think``, ``expect``): a logistic model over the lemma,
part of speech, dependency and context of each candidate token (a verb, noun or adjective
outside quote marks) says whether it is a cue. It was fitted on PolNeAR train by
``scripts/train_quote_cues.py`` and ships as ``resources/quotes/cue_model.json``. The
content and speaker of a learned cue are read from the parse with the general rules of
``content_of`` and ``speaker_of``; the lexicon's verbs keep their own rules (``indirect``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.errors import Code, ConfigError
from newsgraph.pipeline.components.quotes.attribution import MIN_CONTENT_TOKENS, Cue, Parse
from newsgraph.pipeline.components.quotes.indirect import Reported, _trim, content_end
from newsgraph.pipeline.components.quotes.lexicon import RESOURCES
from newsgraph.pipeline.components.quotes.tokens import TokenTable

MODEL_FILE = RESOURCES / "cue_model.json"
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ"})
# Prepositions whose object carries what a nominal or adjectival cue is about.
CONTENT_PREPS = frozenset({"of", "for", "about", "on", "over", "against", "that", "to"})
# A speaker of a nominal cue: its possessor, or the object of these prepositions.
_BY = frozenset({"by", "from", "among"})
_CONTEXT_WORDS = 1
# Children that are the content clause of a cue (``think that ...``, ``hope to ...``, ``the
# claim that ...``).
_CLAUSES = frozenset({"ccomp", "xcomp", "acl"})
_DOBJ = frozenset({"dobj"})
_PREP = frozenset({"prep"})
_PREP_OBJECTS = frozenset({"pobj", "pcomp"})


@dataclass(frozen=True)
class CueModel:
    """Feature weights of the cue classifier and the probability it must reach."""

    weights: dict[str, float]
    bias: float
    threshold: float
    lemmas: frozenset[str] = frozenset()  # lemmas seen as cues in training; only these are scored

    def probability(self, feats: list[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@cache
def load_model(path: str | None = None) -> CueModel:
    """The cue model at ``path`` (default: the shipped one): ``weights``, ``bias``,
    ``threshold`` and ``lemmas``. A missing or malformed file is a coded error when the
    component is built."""
    file = Path(path) if path else MODEL_FILE
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return CueModel(
            dict(data["weights"]), float(data["bias"]), float(data["threshold"]), frozenset(data["lemmas"])
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        expected = "a cue model (weights, bias, threshold, lemmas)"
        raise ConfigError(Code.BAD_QUOTES_RESOURCE, f"{file}: expected {expected}, found {exc!r}") from exc


def is_candidate(tok, parse: Parse) -> bool:
    """A token that could be a cue: a verb, noun or adjective outside quote marks."""
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha and not parse.inside_quotes(tok.idx)


def features(tok) -> list[str]:
    """The classifier's features of candidate ``tok``: its word, its place in the parse,
    what hangs from it, and the words next to it."""
    lemma = tok.lemma_.lower()
    head = tok.head
    feats = [
        f"l={lemma}",
        f"p={tok.pos_}",
        f"t={tok.tag_}",
        f"d={tok.dep_}",
        f"lp={lemma}|{tok.pos_}",
        f"ld={lemma}|{tok.dep_}",
        f"hl={head.lemma_.lower()}|{tok.dep_}",
        f"hp={head.pos_}|{tok.dep_}",
    ]
    for child in tok.children:
        kind = f"{child.dep_}:{child.lower_}" if child.dep_ in ("prep", "mark", "prt", "aux") else child.dep_
        feats += [f"c={kind}", f"lc={lemma}|{kind}"]
        if child.dep_ in ("nsubj", "poss"):
            feats.append(f"s={child.dep_}:{child.ent_type_ or child.pos_}")
        if child.dep_ in ("ccomp", "xcomp"):
            marks = [g.lower_ for g in child.children if g.dep_ in ("mark", "aux")]
            feats.append(f"cm={child.dep_}:{marks[0] if marks else '-'}")
    doc = tok.doc
    for offset in range(1, _CONTEXT_WORDS + 1):
        prev = doc[tok.i - offset].lower_ if tok.i - offset >= 0 else "<s>"
        nxt = doc[tok.i + offset].lower_ if tok.i + offset < len(doc) else "</s>"
        feats += [f"w-{offset}={prev}", f"w+{offset}={nxt}", f"ln={lemma}|{nxt}"]
    return feats


def find_learned(parse: Parse, model: CueModel, taken: frozenset[int] = frozenset()) -> list[Reported]:
    """Reported content of the tokens the model takes for cues (among those with a lemma
    seen as a cue in training), except those starting at a character in ``taken`` (cues
    the lexicon's rules already read) and those whose speaker the parse does not give (a
    belief or a noun with no one holding it is too weak a claim to report)."""
    found = []
    # The lemma test first (over the whole doc at once): it rules out most tokens before
    # any feature is built; then the tokens with no right dependent that could hold
    # their content (``content_of``).
    may_report = _may_have_content(parse.table)
    for i in parse.indices(model.lemmas, CANDIDATE_POS):
        if not may_report[i]:
            continue
        tok = parse.sdoc[i]
        if tok.idx in taken or not is_candidate(tok, parse):
            continue
        # The model before the content: the vectorised test above already ruled out most
        # tokens without content, and the model rules out most of the rest.
        if model.probability(features(tok)) < model.threshold:
            continue
        content = content_of(parse, tok)
        if content is None:
            continue
        speaker = speaker_of(parse, tok)
        if speaker is None:
            continue
        cue = Cue(tok.idx, tok.idx + len(tok), tok, speaker)
        found.append(Reported(content[0], content[1], cue))
    return found


def _may_have_content(table: TokenTable):
    """Whether each token has a right dependent ``content_of`` could take: a clause, a
    direct object, or a preposition of ``CONTENT_PREPS`` with an object. A vectorised
    necessary condition; ``content_of`` decides."""
    prep_with_object = table.heads_of(table.dep_in(_PREP_OBJECTS), right_only=False)
    content_prep = table.dep_in(_PREP) & table.lower_in(CONTENT_PREPS) & prep_with_object
    return table.heads_of(table.dep_in(_CLAUSES | _DOBJ) | content_prep)


def content_of(parse: Parse, tok) -> tuple[int, int] | None:
    """What cue ``tok`` reports: its clausal complement (``think that ...``, ``shows
    ...``), its to-infinitive (``expect to ...``), a verb's direct object (``noted the
    figures``) or the object of a preposition (``fears of ...``, ``calls for ...``)."""
    after = [c for c in tok.children if c.i > tok.i]
    comp = next((c for c in after if c.dep_ in _CLAUSES), None)
    if comp is None and tok.pos_ == "VERB":
        comp = next((c for c in after if c.dep_ == "dobj"), None)
    if comp is None:
        prep = next((c for c in after if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS), None)
        if prep is not None:
            comp = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if comp is None:
        return None
    last = content_end(tok, comp, parse)
    span = _trim(parse, comp.left_edge.idx, last.idx + len(last))
    if span is None or span[0] <= tok.idx < span[1]:
        return None
    if len(parse.text[span[0] : span[1]].split()) < MIN_CONTENT_TOKENS:
        return None
    return span


def speaker_of(parse: Parse, tok):
    """The head of the speaker phrase of learned cue ``tok``: a verb's subject (as for the
    lexicon's verbs), an adjective's through its copula (``aides were coy about``); a
    noun's possessor (``his criticism``), an agent (``calls from Democrats``), a name
    compounded with it (``Trump supporters' fears``), or the subject of the verb whose
    object it is (``X voiced fears``)."""
    if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd", "amod") and tok.head is not tok:
        # "aides were coy about ...", "officials said they were concerned that ..."
        return parse.subject_of(tok.head)
    if tok.pos_ != "NOUN":
        return parse.subject_of(tok)
    for child in tok.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in _BY:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    names = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"]
    if names:
        return names[-1]
    if tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        return parse.subject_of(tok.head)
    return None
