"""The number reader's patterns run through the date tagger's scanners: the same matches
as each pattern's own ``finditer``."""

import pytest

from newsgraph.pipeline.components.quantities import numbers
from newsgraph.pipeline.shared.temporal.scan import fold

SENTENCES = [
    "Tens of thousands of fans and HUNDREDS OF people came; dozens of them left early.",
    "One in three voters, two out of ten pupils and 3 in 5 homes agreed; a third straight win.",
    "Almost half the staff, a quarter of the budget and 3/4 of the seats, but not 6/4 odds.",
    "Two hundred and five runners, Twenty-One pilots and a million reasons; an eighth of it.",
    "It weighs 1.5e6 kg or 3 x 10^8 units, 2 ½ miles, ¾ of an hour and 7½ laps.",
    "İstanbul, the Chriſtmas market and ſeven hundred ſtalls: odd letters keep their places.",
    "",
]


def _scanners():
    yield numbers._VAGUE
    yield numbers._VULGAR
    yield numbers._SCIENTIFIC
    yield numbers._word_scanner()
    yield from (scanner for scanner, _ in numbers._FRACTIONS)


@pytest.mark.parametrize("text", SENTENCES)
def test_scanners_give_finditer_matches(text):
    text = numbers.ascii_folded(text)
    for scanner in _scanners():
        assert scanner.candidate is not None  # a real scanner, not finditer in disguise
        expected = [(m.span(), m.groupdict()) for m in scanner.pattern.finditer(text)]
        found = [(m.span(), m.groupdict()) for m in scanner.finditer(text, fold(text), {})]
        assert found == expected, scanner.pattern.pattern[:60]


def test_numbers_are_found_through_the_scanners():
    found = numbers.find_numbers("Tens of thousands came, one in three stayed and 7½ laps were run.")
    assert [(n.kind, n.value) for n in found][:1] == [("vague", None)]
    assert any(n.kind == "fraction" and abs(n.value - 1 / 3) < 1e-9 for n in found)
    assert any(n.kind == "digit" and n.value == 7.5 for n in found)
