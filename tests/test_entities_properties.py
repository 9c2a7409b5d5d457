"""entities.v1 invariants on arbitrary inputs: spans index the text, mentions never
overlap, ids and references are consistent, whatever the recogniser said."""

from __future__ import annotations

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.pipeline.components.entities import EntityLinker
from newsgraph.pipeline.document import Document
from newsgraph.record import Metadata

_BLANK = spacy.blank("en")
_LINKER = EntityLinker()
WORDS = [
    "the", "The", "alliance", "union", "bloc", "NATO", "EU", "U.S.", "President", "Prime", "Minister",
    "minister", "Secretary", "General", "Lithuanian", "Lithuania", "Kyiv", "KYIV", "Orvan", "Delk", "Delk's",
    "’s", "n't", ",", ".", "—", "(", ")", "AP", "Photo/Ilse", "Moor", "who", "said", "3", "1996-08-30",
    "\n", "RELATED", "Black", "Sea", "of", "former", "Dutch", "economy", "Short-term", "Ms",
]
LABELS = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "CARDINAL", "WORK_OF_ART"]


@st.composite
def parsed(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
    sdoc = _BLANK(" ".join(words))
    spans, i = [], 0
    while i < len(sdoc):
        length = draw(st.integers(0, 4))
        if length and i + length <= len(sdoc):
            spans.append(sdoc[i : i + length])
            spans[-1].label_ = draw(st.sampled_from(LABELS))
        i += max(length, 1)
    sdoc.ents = [spacy.tokens.Span(sdoc, s.start, s.end, label=s.label_) for s in spans]
    return sdoc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parsed())
def test_entities_properties_invariants(sdoc):
    text = sdoc.text
    doc = Document(id="p", text=text, metadata=Metadata())
    doc.spacy = sdoc
    _LINKER(doc)
    ids = [e.id for e in doc.entities]
    assert ids == [f"e{n}" for n in range(1, len(ids) + 1)]
    taken: list[tuple[int, int]] = []
    for e in doc.entities:
        assert e.mentions and e.name
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text)
            surface = text[m.start : m.end]
            assert surface == surface.strip() and "\n" not in surface
            taken.append((m.start, m.end))
        for role in e.roles:
            assert role.title and role.title[0].isupper()
            assert role.evidence is None or 0 <= role.evidence.start < role.evidence.end <= len(text)
    taken.sort()
    assert all(a[1] <= b[0] for a, b in zip(taken, taken[1:])), "mentions overlap"
    assert set(doc.extras["entity_of_span"]) == set(taken)
    firsts = [min(m.start for m in e.mentions) for e in doc.entities]
    assert firsts == sorted(firsts)
    for r in doc.relations:
        assert r.subject in ids and r.object in ids
