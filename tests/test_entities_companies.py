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


def test_stock_index_companies_join_the_list_with_short_names_in_capitals():
    assert company_kind("Nintendo") == company_kind("Gartner") == "org"  # Nikkei 225; Phoenix
    assert company_kind("BT") == company_kind("bt group") == "org"  # FTSE 100: "BT Group"
    assert company_kind("Aegon") == "org"  # "Aegon N.V.": the legal form written with stops
    assert company_kind("Everest") is None and company_kind("Partners") is None  # not names of companies in news


def test_common_surnames_and_given_names_may_be_people():
    from newsgraph.pipeline.components.entities.companies import may_be_person

    assert may_be_person("Williams") and may_be_person("Ford") and may_be_person("Iris")
    assert not may_be_person("Microsoft") and not may_be_person("Gartner")  # Gartner: surname rank 6,546


def _labels(nlp, text: str) -> dict[str, set[str]]:
    from newsgraph.pipeline.components.entities import EntityLinker

    found: dict[str, set[str]] = {}
    for m in EntityLinker().mentions(nlp(text), text):
        found.setdefault(text[m.start : m.end], set()).add(m.label)
    return found


def test_a_company_read_as_a_person_is_the_company(nlp):
    found = _labels(nlp, "Sony, Microsoft and Nintendo are all expected to release new machines this year.")
    assert found["Microsoft"] == found["Nintendo"] == {"ORG"}
    found = _labels(nlp, "The rivalry between Nintendo and Sega is old. Nintendo released the console in Japan.")
    assert found["Nintendo"] == {"ORG"}


def test_a_company_name_the_story_gives_a_person_stays_a_person(nlp):
    text = "Guests included Lena Gartner, a sculptor. Gartner said the show would travel to Oslo."
    assert _labels(nlp, text).get("Gartner") == {"PERSON"}


def test_a_company_name_written_as_a_place_after_the_stays_a_place(nlp):
    text = "Barges will ply the Amazon from next year. The plan for Amazon ports was approved in Brasilia."
    assert "ORG" not in set().union(*(labels for name, labels in _labels(nlp, text).items() if name == "Amazon"))
