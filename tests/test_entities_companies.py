"""Company names that are also towns (issue 17, places item 4): entities.companies."""

from __future__ import annotations

from newsgraph.pipeline.components.entities.companies import (
    companies,
    company_cued,
    company_kind,
    reads_as_company,
)


def _region(name: str) -> bool:
    return name in {"Texas", "Japan"}


def test_company_list_holds_short_names_and_leaves_out_countries():
    names = companies()
    assert len(names) > 5000
    assert company_kind("Cisco") == company_kind("cisco systems") == "org"
    assert company_kind("Google") == "org"
    assert company_kind("Toyota") == "city"  # a Japanese city of 400,000
    assert company_kind("Texas") is None and company_kind("China") is None
    assert company_kind("Gil Gerard") is None


def test_company_cues_before_and_after():
    assert company_cued(["carmaker"], [])
    assert company_cued(["shares", "in"], ["fell"])
    assert company_cued(["consultant", "at"], [","])
    assert company_cued([], ["said", "on"])
    assert company_cued([], ["’s", "shares"])
    assert not company_cued(["rain", "in"], ["on", "monday"])
    assert not company_cued(["ferries", "at"], ["."])


def test_org_names_need_a_cue_and_a_qualifier_city_names_need_a_company_cue():
    assert reads_as_company("Cisco", ["works", "at"], [","], _region, "Google")
    assert reads_as_company("Cisco", ["up", "in"], [".", ""], _region)
    assert not reads_as_company("Cisco", ["up", "in"], [",", "texas"], _region, "Texas")
    assert not reads_as_company("Cisco", ["town", "of"], ["county"], _region)
    assert not reads_as_company("Toyota", ["storms", "in"], ["on"], _region)
    assert reads_as_company("Toyota", [], ["said"], _region)
    assert not reads_as_company("Madrid", [], ["said"], _region)  # not listed


def test_entities_relabel_a_company_tagged_as_a_place(nlp):
    from newsgraph.pipeline.components.entities import EntityLinker

    text = "Attacks have doubled, said Dana Whitlow, senior network engineer at Cisco, on Tuesday."
    linker = EntityLinker()
    found = {text[m.start : m.end]: m.label for m in linker.mentions(nlp(text), text)}
    assert found.get("Cisco") == "ORG"


def test_a_company_neighbour_in_a_list_makes_a_company():
    assert reads_as_company("Nokia", ["such", "as"], [",", "intel"], _region, "Intel")
    assert reads_as_company("Nokia", [",", "and"], ["."], _region, "", "Google")
    assert not reads_as_company("Nokia", ["in"], [",", "dover"], _region, "Dover")  # a town's name
