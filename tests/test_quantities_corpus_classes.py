"""Quantities, wrong classes found by reading every quantity of the 2,225 BBC articles
sorted by class (docs/quantities.md, "Corpus read"), each fixed as a class and checked on
made-up sentences, each with a near case that must still be read: scores in a run of sets
and formations, a score after a weekday's possessive, ages after "aged" and "the age of",
bounds written after the number ("or over", "and under"), numbers in titles ("Shrek 2",
"the Hot 100", "rapper 50 Cent"), rank brackets ("the top 10"), products spelled like a
currency ("on PS2"), telephone numbers, HTML character references, four-digit clock
times, a change and a level for counts ("rose 32,000 to 1.4 million"), pence, singular unit
forms ("an 80 gigabyte disk"), objects whole at their hyphens ("e-mails"), ranks and idioms
glued by hyphens ("top-five", "one-off"), codes, two-digit years and odds, "one" in idioms
("at one stage") and ages after a name at a clause's end."""

from __future__ import annotations

from tests.test_quantities_bbc_classes import extract  # noqa: F401  (the shared fixture)


def _read(found):
    return [(t, q.value, q.low, q.high, q.unit, q.object) for t, q in found]


def test_quantities_rising_pairs_in_a_run_of_sets_are_scores(extract, make_doc):
    assert extract(make_doc, "She came through 4-6 6-2 7-6 (7-3) to reach the semi-final.") == []
    assert extract(make_doc, "He edged a 6-7 (5-7) 7-5 6-4 thriller in Rome.") == []
    assert extract(make_doc, "The champion was 15-40 down on serve.") == []
    assert extract(make_doc, "The visitors were beaten 1-3 at home.") == []
    assert extract(make_doc, "They suffered a 13-27 defeat in the rain.") == []
    found = extract(make_doc, "The coach picked a 4-4-2 shape with 11 fit players.")
    assert _read(found) == [("11", 11.0, None, None, None, "players")]
    # near cases: a rising pair alone is a range, after a result verb too when a noun follows
    found = extract(make_doc, "The charity hired 40-60 volunteers.")
    assert _read(found) == [("40-60", None, 40.0, 60.0, None, "volunteers")]
    found = extract(make_doc, "The party won 20-25 seats in the north.")
    assert _read(found) == [("20-25", None, 20.0, 25.0, None, "seats")]


def test_quantities_score_after_a_weekday_possessive(extract, make_doc):
    assert extract(make_doc, "He started in last Sunday's 31-12 loss to Italy.") == []
    assert extract(make_doc, "The striker is now 5-2 favourite with bookmakers.") == []
    # near case: a day range that a date opens stays part of the date
    assert extract(make_doc, "The show runs Nov. 12-15 in the capital.") == []


def test_quantities_aged_and_the_age_of(extract, make_doc):
    found = extract(make_doc, "The painter, who died aged 83, left school at the age of 14.")
    assert [(t, q.value, q.unit) for t, q in found] == [
        ("83", 83.0, "year of age"),
        ("14", 14.0, "year of age"),
    ]
    found = extract(make_doc, "Drivers aged between 17 and 21 pay more; those aged 25-30 pay less.")
    assert [(t, q.low, q.high, q.unit) for t, q in found] == [
        ("between 17 and 21", 17.0, 21.0, "year of age"),
        ("25-30", 25.0, 30.0, "year of age"),
    ]
    found = extract(make_doc, "It polled adults aged 60 or over and children aged 12 and under.")
    assert [(t, q.low, q.high, q.unit) for t, q in found] == [
        ("60 or over", 60.0, None, "year of age"),
        ("12 and under", None, 12.0, "year of age"),
    ]
    found = extract(make_doc, "Sales in the 16-24 age group rose.")
    assert [(t, q.unit, q.object) for t, q in found] == [("16-24", "year of age", None)]
    # near cases: "averaged", and a count after "the age of" a thing
    found = extract(make_doc, "Crowds averaged 41 fans, and the age of steam cost 300 jobs.")
    assert [(t, q.unit, q.object) for t, q in found] == [("41", None, "fans"), ("300", None, "jobs")]


def test_quantities_numbers_in_titles(extract, make_doc):
    assert extract(make_doc, "Fans queued for Quake 4 and then Mario 3 at the shop.") == []
    assert extract(make_doc, "The song entered the Hot 100 chart and stayed in Hollyoaks' 20 list.") == []
    assert extract(make_doc, "Later, Tycoon 7 outsold the rest.") == []
    assert extract(make_doc, "The singer 10 Cent signed with a new label.") == []
    assert extract(make_doc, "The judges praised Billion Dollar Girl for its script.") == []
    # near cases: a possessive before a plural count, a sentence's first word, a count
    # with a hyphen, money in a title-case headline and plural capitalised currencies
    found = extract(make_doc, "Some of the Union's 27 member states objected.")
    assert [(t, q.value) for t, q in found] == [("27", 27.0)]
    found = extract(make_doc, "Norway's 19 ministers met. Another 20 were hurt in Bolton's 10-game run.")
    assert [(t, q.value, q.object) for t, q in found] == [
        ("19", 19.0, "ministers"),
        ("20", 20.0, None),
        ("10", 10.0, "game"),
    ]
    found = extract(make_doc, "Bank Pays 15 Cents Dividend")
    assert [(t, q.unit) for t, q in found] == [("15 Cents", "USX")]
    found = extract(make_doc, "The actor earned 2.5m Euros last year, it said.")
    assert [(t, q.unit) for t, q in found] == [("2.5m Euros", "EUR")]
    found = extract(make_doc, "The lake froze at minus 12 Fahrenheit, it said.")
    assert [(t, q.value, q.unit) for t, q in found] == [("minus 12 Fahrenheit", -12.0, "degree Fahrenheit")]


def test_quantities_rank_brackets(extract, make_doc):
    assert extract(make_doc, "The novel is in the top 20 and the team reached the last 32.") == []
    assert extract(make_doc, "It stayed in the world's top 50 for a year.") == []
    # near cases: a verb "top", and a bracket that counts a noun
    found = extract(make_doc, "Exports could top 900 this year, and the top 5 banks hired 70 staff.")
    assert _read(found) == [
        ("900", 900.0, None, None, None, None),
        ("5", 5.0, None, None, None, "banks"),
        ("70", 70.0, None, None, None, "staff"),
    ]


def test_quantities_products_spelled_like_a_currency_without_a_determiner(extract, make_doc):
    assert extract(make_doc, "Sales of PS2 games rose, while GB3 kits fell.") == []
    found = extract(make_doc, "Tickets cost PS3 each and PS4.50 at the door.")
    assert [(t, q.value, q.unit) for t, q in found] == [("PS3", 3.0, "GBP"), ("PS4.50", 4.5, "GBP")]


def test_quantities_telephone_numbers_entities_and_clock_times(extract, make_doc):
    text = "Call 0800 123 4567 or 0845 6 789 012 for help; 12 lines are open."
    assert _read(extract(make_doc, text)) == [("12", 12.0, None, None, None, "lines")]
    text = "The caf&#233; sold 40 cakes and a bid of &#163;3m was made."
    assert [(t, q.value, q.unit) for t, q in extract(make_doc, text)] == [
        ("40", 40.0, None),
        ("&#163;3m", 3e6, "GBP"),
    ]
    text = "A curfew between 2300 and 0600 applies, and shops shut at 0530 for 25 staff."
    assert _read(extract(make_doc, text)) == [("25", 25.0, None, None, None, "staff")]
    # near case: numbers with a leading zero and a decimal point stay amounts
    found = extract(make_doc, "Inflation was 0.75% and 2300 workers left.")
    assert [t for t, _ in found] == ["0.75%", "2300"]


def test_quantities_change_and_level_for_counts(extract, make_doc):
    found = extract(make_doc, "The number of claimants rose 41,000 to 2.2 million.")
    assert _read(found) == [
        ("41,000", 41000.0, None, None, None, None),
        ("2.2 million", 2.2e6, None, None, None, None),
    ]
    found = extract(make_doc, "Viewers fell by 800,000 to 6.1 million.")
    assert [t for t, _ in found] == ["800,000", "6.1 million"]
    # near cases: "by" before a range of close ends, and a percentage range after a change
    found = extract(make_doc, "The reform cut the majority by 15 to 20 seats.")
    assert _read(found) == [("15 to 20", None, 15.0, 20.0, None, "seats")]
    found = extract(make_doc, "Prices were up 2 to 3 percent.")
    assert [(t, q.low, q.high, q.unit) for t, q in found] == [("2 to 3 percent", 2.0, 3.0, "percent")]


def test_quantities_glued_p_is_pence(extract, make_doc):
    found = extract(make_doc, "The charity gets 9p from every call, and 5p goes to the network.")
    assert [(t, q.unit) for t, q in found] == [("9p", "GBX"), ("5p", "GBX")]
    # near case: a share price quoted in pence stays a point (NewsQuant's convention)
    found = extract(make_doc, "Its shares closed up 6p at 412p.")
    assert [(t, q.unit) for t, q in found] == [("6p", "point"), ("412p", "point")]


def test_quantities_singular_unit_forms(extract, make_doc):
    found = extract(make_doc, "It has a 120 gigabyte disk on a 300 square metre plot in a 25 knot wind.")
    assert [(t, q.unit) for t, q in found] == [
        ("120 gigabyte", "gigabyte"),
        ("300 square metre", "square metre"),
        ("25 knot", "knot"),
    ]
    # near case: the plural forms as before
    found = extract(make_doc, "It stores 64 gigabytes.")
    assert [(t, q.unit) for t, q in found] == [("64 gigabytes", "gigabyte")]


def test_quantities_objects_keep_their_hyphens(extract, make_doc):
    found = extract(make_doc, "The office got 9 million e-mails and sold 40 hi-fi units.")
    assert [(t, q.object) for t, q in found] == [("9 million", "e-mails"), ("40", "hi-fi units")]
    # near case: a plain compound as before
    found = extract(make_doc, "The bloc has 27 member countries.")
    assert [(t, q.object) for t, q in found] == [("27", "member countries")]


def test_quantities_ranks_and_idioms_glued_by_hyphens(extract, make_doc):
    text = "A top-six club took a one-off fee, a one-size-fits-all deal and a four-wheel-drive van."
    assert extract(make_doc, text) == []
    # near case: a number glued to one noun by one hyphen still counts it
    found = extract(make_doc, "They ended a 12-game run.")
    assert [(t, q.value, q.object) for t, q in found] == [("12", 12.0, "game")]


def test_quantities_codes_short_years_and_odds(extract, make_doc):
    text = "Agent 007 dialled 0161, won in '98, loved 60's soul and 4 dogs."
    assert [(t, q.object) for t, q in extract(make_doc, text)] == [("4", "dogs")]
    text = "The 2/5 favourite, at odds of 1/3 cut from 8/11 to 4/7, drew 3 bets."
    assert [(t, q.object) for t, q in extract(make_doc, text)] == [("3", "bets")]
    # near cases: a fraction, and a decimal with a leading zero
    found = extract(make_doc, "Some 3/4 of voters and 0.7% of the rest agreed.")
    assert [(t, q.value) for t, q in found] == [("Some 3/4", 0.75), ("0.7%", 0.7)]


def test_quantities_one_in_idioms(extract, make_doc):
    text = "A one-time fee, a one-way ticket; at one time, at one stage, he put it to one side."
    assert extract(make_doc, text) == []
    # near cases: "one" counting a point or a side; "at one point" is 1 point in NewsQuant
    found = extract(make_doc, "They lost by one point at one point, and one side left.")
    assert [(t, q.value) for t, q in found] == [("one point", 1.0), ("one point", 1.0), ("one", 1.0)]


def test_quantities_age_after_a_name_at_a_clause_end(extract, make_doc):
    found = extract(make_doc, "The prize went to Tom Hale, 19. The runner-up was Ann Bell, 23; both won.")
    assert [(t, q.value, q.unit) for t, q in found] == [
        ("19", 19.0, "year of age"),
        ("23", 23.0, "year of age"),
    ]
    # near case: a decimal after a name's comma is no age
    found = extract(make_doc, "Shares in Acme, 4.5% up, rose.")
    assert [(t, q.unit) for t, q in found] == [("4.5%", "percent")]


def test_quantities_number_words_and_digits_in_names(extract, make_doc):
    assert extract(make_doc, "The BBC Three controller and a Formula One racing team met.") == []
    assert extract(make_doc, "Tetris 4 was released. Cityscape 2 won the top prize.") == []
    # near cases: a number word opening a sentence, and a determiner before digits
    found = extract(make_doc, "Three firms merged. Another 20 were sold.")
    assert [(t, q.value, q.object) for t, q in found] == [("Three", 3.0, "firms"), ("20", 20.0, None)]


def test_quantities_won_is_a_verb_unless_it_is_money(extract, make_doc):
    found = extract(make_doc, "The team won two cups; Rally 3 won the prize; 2003 won't be missed.")
    assert [(t, q.value, q.object) for t, q in found] == [("two", 2.0, "cups")]
    found = extract(make_doc, "Seoul set aside 40 trillion won, and a ticket costs 9,000 won in Busan.")
    assert [(t, q.value, q.unit) for t, q in found] == [
        ("40 trillion won", 4e13, "KRW"),
        ("9,000 won", 9000.0, "KRW"),
    ]
    found = extract(make_doc, "It got a two trillion won (£1bn) loan.")
    assert [(t, q.unit) for t, q in found][0] == ("two trillion won", "KRW")


def test_quantities_metres_before_athletes_and_objects_after_a_glued_unit(extract, make_doc):
    found = extract(make_doc, "She is one of the best 400m hurdlers this year.")
    assert [(t, q.value, q.unit, q.object) for t, q in found] == [
        ("one", 1.0, None, "hurdlers"),
        ("400m", 400.0, "metre", None),
    ]
    # near cases: a lone m before other plurals is a million, and money keeps its scale
    found = extract(make_doc, "It shipped 4m handsets and paid £2m winners.")
    assert [(t, q.value) for t, q in found] == [("4m", 4e6), ("£2m", 2e6)]


def test_quantities_lone_m_before_a_closed_class_word_is_metres(extract, make_doc):
    # "with his", "champion was", "but this": words ending in s that are no plural noun
    found = extract(make_doc, "Jones landed 16.42m with his last jump, and the 5,000m champion was third.")
    assert [(t, q.value, q.unit) for t, q in found][:2] == [("16.42m", 16.42, "metre"), ("5,000m", 5000.0, "metre")]
    found = extract(make_doc, "She ran in the 10,000m five days later.")
    assert [(t, q.value, q.unit) for t, q in found][0] == ("10,000m", 10000.0, "metre")
    # near cases: a noun before the plural and money keep the scale
    found = extract(make_doc, "The site holds 300m blog entries and raised £1,200m this year.")
    assert [(t, q.value) for t, q in found] == [("300m", 3e8), ("£1,200m", 1.2e9)]


def test_quantities_version_after_an_acronym_and_age_after_an_opening_name(extract, make_doc):
    assert extract(make_doc, "The phones will use wireless USB 2.0 links.") == []
    # the tagger takes this opening name for a common noun
    found = extract(make_doc, "She wrote every song on the record. Hollings, 24, plays the drums.")
    assert [(t, q.value, q.unit) for t, q in found] == [("24", 24.0, "year of age")]
    # near case: a decimal after a lower-case word is still an amount
    found = extract(make_doc, "They sold 2.5 tonnes of it.")
    assert [(t, q.value, q.unit) for t, q in found] == [("2.5 tonnes", 2.5, "tonne")]
