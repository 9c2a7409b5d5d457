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
from functools import cache, cached_property
from itertools import repeat
from pathlib import Path

from spacy.strings import get_string_id

from newsgraph.errors import Code, ConfigError
from newsgraph.pipeline.bounded import BoundedCache
from newsgraph.pipeline.components.quotes.attribution import (
    APPEARING,
    MIN_CONTENT_TOKENS,
    Cue,
    Parse,
    could_hold,
    is_title_word,
)
from newsgraph.pipeline.components.quotes.indirect import (
    Reported, _trim, acts_on_itself, before_next_speaker, concession, content_end, is_label, is_setting,
)
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

    @cached_property
    def by_id(self) -> dict[tuple, float]:
        """``weights`` keyed by string-store ids instead of strings (``_feature_key``), so
        ``score`` reads a token's features from its integer attributes without building a
        string per feature. Built once per model."""
        return {_feature_key(feat): weight for feat, weight in self.weights.items()}

    def score(self, tok) -> float:
        """The probability of ``features(tok)``, computed from ids: the same weights added
        in the same order (so the same float)."""
        w = self.by_id.get
        lemma, head, dep, pos = _lower_id(tok, tok.lemma), tok.head, tok.dep, tok.pos
        total = 0.0
        for key in (
            (_L, lemma), (_P, pos), (_T, tok.tag), (_D, dep), (_LP, lemma, pos), (_LD, lemma, dep),
            (_HL, _lower_id(head, head.lemma), dep), (_HP, head.pos, dep),
        ):
            total += w(key, 0.0)
        for child in tok.children:
            cdep = child.dep
            word = child.lower if cdep in _WORD_KINDS else 0
            total += w((_C, cdep, word), 0.0)
            total += w((_LC, lemma, cdep, word), 0.0)
            if cdep in _SPEAKING:
                total += w((_S, cdep, child.ent_type or child.pos), 0.0)
            if cdep in _COMPLEMENTS:
                marks = [g.lower for g in child.children if g.dep in _MARK_DEPS]
                total += w((_CM, cdep, marks[0] if marks else _NONE), 0.0)
            for kind, obj in _objects(child, cdep):
                total += w((_O, kind, _lower_id(obj, obj.lemma)), 0.0)
                total += w((_OE, kind, obj.ent_type or obj.pos), 0.0)
        doc, i = tok.doc, tok.i
        prev = doc[i - 1].lower if i >= 1 else _START
        nxt = doc[i + 1].lower if i + 1 < len(doc) else _END
        for key in ((_W_PREV, prev), (_W_NEXT, nxt), (_LN, lemma, nxt)):
            total += w(key, 0.0)
        return _sigmoid(self.bias + total)

    def probability(self, feats: list[str]) -> float:
        return _sigmoid(self.bias + sum(map(self.weights.get, feats, repeat(0.0))))


def _sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


# Feature families of ``features``, as the first element of an id key (``CueModel.by_id``).
_L, _P, _T, _D, _LP, _LD, _HL, _HP, _C, _LC, _S, _CM, _W_PREV, _W_NEXT, _LN, _O, _OE = range(17)
_FAMILIES = {"l": _L, "p": _P, "t": _T, "d": _D, "lp": _LP, "ld": _LD, "hl": _HL, "hp": _HP, "c": _C, "lc": _LC,
             "s": _S, "cm": _CM, "w-1": _W_PREV, "w+1": _W_NEXT, "ln": _LN, "o": _O, "oe": _OE}
_WORD_KINDS = frozenset(get_string_id(d) for d in ("prep", "mark", "prt", "aux"))
_SPEAKING = frozenset(get_string_id(d) for d in ("nsubj", "poss"))
_COMPLEMENTS = frozenset(get_string_id(d) for d in ("ccomp", "xcomp"))
_MARK_DEPS = frozenset(get_string_id(d) for d in ("mark", "aux"))
_DOBJ_ID, _PREP_ID, _POBJ_ID = get_string_id("dobj"), get_string_id("prep"), get_string_id("pobj")
_NONE, _START, _END = get_string_id("-"), get_string_id("<s>"), get_string_id("</s>")
# Lower-cased lemma ids by lemma id, shared by all documents (ids do not depend on the
# store); capped (pipeline/bounded.py): every new lemma adds one.
_LOWER_IDS: BoundedCache[int, int] = BoundedCache()


def _lower_id(tok, lemma: int) -> int:
    found = _LOWER_IDS.get(lemma)
    if found is None:
        found = _LOWER_IDS[lemma] = get_string_id(tok.vocab.strings[lemma].lower())
    return found


def _objects(child, cdep: int):
    """(kind id, object token) of child ``child`` (dependency id ``cdep``) of a candidate:
    a direct object (kind ``dobj``) or the object of a preposition (kind: the preposition's
    word), what tells "blasted the referee" from "blasted over the bar"."""
    if cdep == _DOBJ_ID:
        return ((_DOBJ_ID, child),)
    if cdep == _PREP_ID:
        return tuple((child.lower, g) for g in child.children if g.dep == _POBJ_ID)
    return ()


def _kind(text: str) -> tuple[int, int]:
    """A child's kind (``prep:of`` or ``nsubj``) as (label id, word id or 0)."""
    dep, sep, word = text.partition(":")
    return get_string_id(dep), get_string_id(word) if sep else 0


def _feature_key(feat: str) -> tuple:
    """The id key of feature string ``feat`` (as ``features`` writes it)."""
    name, _, value = feat.partition("=")
    family = _FAMILIES[name]
    if family in (_L, _P, _T, _D, _W_PREV, _W_NEXT):
        return (family, get_string_id(value))
    if family in (_LP, _LD, _HL, _HP, _LN, _O, _OE):
        first, _, second = value.rpartition("|")
        return (family, get_string_id(first), get_string_id(second))
    if family == _C:
        return (family, *_kind(value))
    if family == _LC:
        lemma, _, kind = value.partition("|")
        return (family, get_string_id(lemma), *_kind(kind))
    label, _, rest = value.partition(":")  # s=nsubj:PERSON, cm=ccomp:that
    return (family, get_string_id(label), get_string_id(rest))


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
    """A token that could be a cue: a verb, noun or adjective outside quote marks, not a
    word of a name or title."""
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha and not parse.inside_quotes(tok.idx) and not is_title_word(tok)


def features(tok) -> list[str]:
    """The classifier's features of candidate ``tok``: its word, its place in the parse,
    what hangs from it (with the word and kind of its objects), and the words next to it."""
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
        objects = [("dobj", child)] if child.dep_ == "dobj" else []
        if child.dep_ == "prep":
            objects = [(child.lower_, g) for g in child.children if g.dep_ == "pobj"]
        for kind, obj in objects:
            feats += [f"o={kind}|{obj.lemma_.lower()}", f"oe={kind}|{obj.ent_type_ or obj.pos_}"]
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
        score = model.score(tok)
        if score < model.threshold:
            continue
        content = content_of(parse, tok)
        if content is None:
            continue
        appears = tok.lemma_.lower() in APPEARING
        if appears and not appearing(tok):
            continue  # "has appeared alongside her husband on TV": a showing, not an inference
        speaker = speaker_of(parse, tok)
        if speaker is not None and _reports_infinitive(tok) and not could_hold(speaker):
            continue  # "The economy threatens to", "the problem seems to": likely of a thing
        writers = appears and not _held_through(tok, model)
        if writers:
            speaker = None  # "The chairman appears to have misled the board": not his words
        elif speaker is None and not stirred(tok):
            continue  # no one holds it; a belief stirred by a cause is held by no one named
        cue = Cue(tok.idx, tok.idx + len(tok), tok, speaker, score)
        found.append(Reported(content[0], content[1], cue))
    return found


def _may_have_content(table: TokenTable):
    """Whether each token has a right dependent ``content_of`` could take: a clause, a
    direct object, or a preposition of ``CONTENT_PREPS`` with an object. A vectorised
    necessary condition; ``content_of`` decides."""
    prep_with_object = table.heads_of(table.dep_in(_PREP_OBJECTS), right_only=False)
    content_prep = table.dep_in(_PREP) & table.lower_in(CONTENT_PREPS) & prep_with_object
    return table.heads_of(table.dep_in(_CLAUSES | _DOBJ) | content_prep)


def _reports_infinitive(tok) -> bool:
    """Whether ``content_of`` takes a to-infinitive of ``tok`` (``seems to``, ``aims to``)."""
    comp = next((c for c in tok.children if c.i > tok.i and c.dep_ in _CLAUSES), None)
    return comp is not None and comp.dep_ == "xcomp"


def content_of(parse: Parse, tok) -> tuple[int, int] | None:
    """What cue ``tok`` reports: its clausal complement (``think that ...``, ``shows
    ...``), its to-infinitive (``expect to ...``), a verb's direct object (``noted the
    figures``) or the object of a preposition (``fears of ...``, ``calls for ...``)."""
    after = [c for c in tok.children if c.i > tok.i]
    comp = next((c for c in after if c.dep_ in _CLAUSES), None)
    if comp is None and tok.pos_ == "VERB":
        comp = next((c for c in after if c.dep_ == "dobj" and not is_label(tok, c)), None)
    if comp is None:
        objects = (
            (prep, obj) for prep in after if prep.dep_ == "prep" and prep.lower_ in CONTENT_PREPS
            for obj in prep.children if obj.dep_ in ("pobj", "pcomp")
        )  # fmt: skip
        comp = next((obj for prep, obj in objects if not is_setting(tok, prep, obj)), None)
    if comp is None or acts_on_itself(tok, comp) or concession(tok):
        # ("found himself struggling to explain", "That said, ...": no content, as for the
        # lexicon's verbs)
        return None
    last = content_end(tok, comp, parse)
    span = _trim(parse, comp.left_edge.idx, last.idx + len(last))
    if span is None or span[0] <= tok.idx < span[1]:
        return None
    span = before_next_speaker(parse, *span)
    if span is None or len(parse.text[span[0] : span[1]].split()) < MIN_CONTENT_TOKENS:
        return None
    return span


# Verbs whose subject causes a belief rather than holds it ("the data fuelled fresh
# concerns that ...", "prompting fears that rates may rise"): read on BBC output, where
# all 10 such records named the cause as the speaker. "raise" is left out: "has raised
# concerns that ..." is the subject's own.
_STIRRING = frozenset({
    "prompt", "fuel", "spark", "trigger", "stoke", "fan", "heighten", "ease", "allay",
    "dampen", "dash", "provoke", "revive", "cause",
})


def speaker_of(parse: Parse, tok):
    """The head of the speaker phrase of learned cue ``tok``: a verb's subject (as for the
    lexicon's verbs), an adjective's through its copula (``aides were coy about``); a
    noun's possessor (``his criticism``), an agent (``calls from Democrats``), a name
    compounded with it (``Trump supporters' fears``), or the subject of the verb whose
    object it is (``X voiced fears``)."""
    if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd", "amod") and tok.head.i != tok.i:
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
        if stirred(tok):
            return None  # "Opposition from TCI has fuelled speculation that ...": no one's
        return parse.subject_of(tok.head)
    return None


def appearing(tok) -> bool:
    """Whether ``tok`` is a verb of appearing with a clause after it ("The stoppages would
    appear to be another step", "Investors seemed to feel that", "it appears that he has
    misunderstood"): the inference is the writer's, so the attribution has no source (as
    PolNeAR marks them). Its subject is what the clause is about, not who holds it, unless
    the clause is a cue of its own (``_held_through``). Not the verb of showing up
    ("appeared on television"), which has neither."""
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in APPEARING and any(
        c.dep_ in _APPEARANCES for c in tok.children
    )


def _held_through(tok, model: CueModel) -> bool:
    """Whether verb of appearing ``tok`` hangs a cue on its subject ("Residents seem to
    think the rota will fail", "appeared to accept that"): the subject holds what that verb
    reports, so it stays the speaker. The model takes the verb for a cue, or the verb has a
    clause of its own (the model is less sure of "think" under "seem to")."""
    return any(
        c.dep_ == "xcomp"
        and c.lemma_.lower() in model.lemmas
        and (any(g.dep_ == "ccomp" for g in c.children) or model.score(c) >= model.threshold)
        for c in tok.children
    )


# What a verb of appearing says appears: a clause ("to be working", "that he has
# misunderstood") or a predicate ("seemed equally unperturbed", "seems a good bet").
_APPEARANCES = frozenset({"xcomp", "ccomp", "acomp", "attr", "oprd"})


def stirred(tok) -> bool:
    """Whether noun cue ``tok`` is the object of a verb that causes a belief (``_STIRRING``:
    "fuelled speculation that ...", "prompting fears that ..."): an attribution whose
    holder the sentence does not name."""
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _STIRRING
