"""Events: scripts/build_event_lexicon.py reads a PETRARCH2 pattern as a row only when the row
says all the pattern asks for (synthetic dictionaries; docs/events.md, "Faithful CAMEO rows")."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsgraph.pipeline.components.events import lexicon

ROOT = Path(__file__).resolve().parents[1]
PLOVER = (
    "040: CONSULT, , # Consult\n"
    "050: COOPERATE, , # Engage in diplomatic cooperation\n"
    "053: SUPPORT, , # Rally support on behalf of\n"
    "110: ACCUSE, disapprove, # Disapprove\n"
    "111: ACCUSE, disapprove, # Criticize or denounce\n"
    "120: REJECT, , # Reject\n"
    "141: PROTEST, demo, # Demonstrate or rally\n"
    "190: ASSAULT, , military # Use conventional military force\n"
)


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_event_lexicon", ROOT / "scripts" / "build_event_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(build, tmp_path, verbs: str, synsets: str = "") -> dict[tuple[str, str], list[str]]:
    (tmp_path / "petrarch2-dictionaries").mkdir(exist_ok=True)
    (tmp_path / "CAMEO2PLOVER-2021.txt").write_text(PLOVER)
    (tmp_path / "petrarch2-dictionaries" / "CAMEO.2.0.txt").write_text(
        synsets + "\n####### VERB PATTERNS #######\n\n" + verbs)
    found = {}
    for _, text in build.rows(tmp_path):
        row = text.split("\t")
        for obj in row[4].split(";"):
            found[(row[2], obj)] = row
    return found


def test_events_cameo_build_skips_patterns_with_a_subject_or_an_actor_slot(build, tmp_path):
    rows = _rows(build, tmp_path, "---  QUARREL   [---]  ---\nQUARREL\nFEUD\n"
                 "- REBELS * TALKS [120]  # QUARREL\n- + * VOTE [120]  # QUARREL\n"
                 "- * TROOP (INTO +) [190]  # QUARREL\n- * CLAIM (AGAINST) + [111]  # QUARREL\n"
                 "- * TREATY [120]  # QUARREL\n")
    assert ("quarrel", "talk") not in rows and ("feud", "vote") not in rows  # subject constraints
    assert ("quarrel", "troop") not in rows and ("quarrel", "claim") not in rows  # actor slots
    assert rows[("feud", "treaty")][0] == "REJECT"  # a plain object pattern still makes rows


def test_events_cameo_build_needs_every_noun_and_phrase_of_a_pattern(build, tmp_path):
    rows = _rows(build, tmp_path, "---  QUARREL   [---]  ---\nQUARREL\n"
                 "- * ACTION (AGAINST) [111]  # QUARREL\n- * VERDICT (IN COURT) [111]  # QUARREL\n"
                 "- * RESTORATION TIES [050]  # QUARREL\n- * (TO FUTURE) (WITH HOPE) [050]  # QUARREL\n")
    assert not rows  # the row would have matched "quarrel" with any action, verdict, restoration


def test_events_cameo_build_a_prepositional_phrase_keeps_its_preposition(build, tmp_path):
    rows = _rows(build, tmp_path, "---  MARCH   [---]  ---\nMARCH\nPARADE\n+CALL_FOR\n"
                 "- * (AGAINST DISCRIMINATION) [111]  # MARCH\n- * (IN SUPPORT) [053]  # MARCH\n"
                 "- * (FOR REFORMS) [053]  # MARCH\n- * UP BARRICADES [141]  # MARCH\n")
    assert rows[("march against", "discrimination")][0] == "ACCUSE"
    assert rows[("parade in", "support")][0] == "SUPPORT"
    assert ("parade", "support") not in rows  # "paraded support for X" is no rally in support
    assert rows[("call for", "reform")][0] == "SUPPORT"  # the compound's own "for" is not doubled
    assert rows[("march up", "barricade")][0] == "PROTEST"  # a particle before the noun joins the verb
    row = next(r for k, r in rows.items() if k[0] == "march against")
    assert lexicon.Trigger(row[0], None, row[2], row[3], frozenset({row[4]}), row[5]).rest == ("against",)


def test_events_cameo_build_a_noun_slot_takes_only_nouns(build, tmp_path):
    rows = _rows(build, tmp_path, "---  QUARREL   [---]  ---\nQUARREL\n"
                 "- * ABOUT [110]  # QUARREL\n- * STRONGLY [111]  # QUARREL\n- * (FOR LESSER) [111]  # QUARREL\n"
                 "- * RALLY [141]  # QUARREL\n- * BIAS [111]  # QUARREL\n")
    assert set(rows) == {("quarrel", "rally"), ("quarrel", "bias")}  # "rally" is a noun; "bias" no plural


def test_events_cameo_build_a_member_marked_without_plural_is_not_singularised(build, tmp_path):
    rows = _rows(build, tmp_path, "---  LEAK   [---]  ---\nLEAK\n- * &INFO [110]  # LEAK\n- * &KIT_ [111]  # LEAK\n",
                 synsets="&INFO\n+REPORTS\n+NEWS_\n+DETAILS_\n\n&KIT_\n+ARMS\n")
    assert {obj for _, obj in rows} == {"report", "news", "details", "arms"}  # the member, or its label


def test_events_cameo_build_a_pattern_serves_the_verbs_coded_as_the_one_it_names(build, tmp_path):
    rows = _rows(build, tmp_path, "---  WRANGLE   [110]  ---\nWRANGLE\nOPPOSE\nCONFER [040]\n"
                 "- * BILL [111]  # OPPOSE\n- * SANCTIONS [040]  # CONFER\n- * TREATY [120]\n"
                 "---  PLEAD   [---]  ---\nPLEAD [040]\nBEG [040]\nHECKLE [111]\n- * (FOR CALM) [050]  # PLEADED\n")
    assert rows[("oppose", "bill")][0] == "ACCUSE" and rows[("wrangle", "bill")][0] == "ACCUSE"  # synonyms
    assert ("confer", "bill") not in rows  # its own code: another verb's pattern is not its sense
    assert rows[("confer", "sanction")][0] == "CONSULT"  # the pattern written for it stays
    assert ("confer", "treaty") in rows and ("wrangle", "treaty") in rows  # naming no verb: pooled, as in PETRARCH2
    assert ("plead for", "calm") in rows and ("beg for", "calm") in rows  # "PLEADED" names "plead"; beg is coded alike
    assert ("heckle for", "calm") not in rows


def test_events_a_demand_noun_targets_the_subject_of_its_clause():
    import newsgraph

    text = "The Zembla Liberation Front insisted on its demands that the Ostravian government free the prisoners."
    record = newsgraph.analyze(text, published="2031-03-14")
    found = [e for e in record.events if record.text[e.trigger.start : e.trigger.end] == "demands"]
    assert found and found[0].type == "REQUEST"
    assert found[0].target is not None and found[0].target.name == "Ostravian government"


def test_events_cameo_rows_no_longer_code_debating_a_bill():
    import newsgraph

    record = newsgraph.analyze("The Ostravian parliament has been debating three privacy bills this week.",
                               published="2031-03-14")
    assert not [e for e in record.events if e.type == "ACCUSE"]
