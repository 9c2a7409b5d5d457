"""Dates, ninth session (issue 13): a sport's season named from the reference time ("this
season", "last season"), a weekday of an event the text puts "ahead of" the clause, and a
second verb after "and" that shares the first one's future or is a present the parser
tagged as a base form, "the new year", "in past years", "take a decade", "18th-century",
and "a second" before a noun as an ordinal.
Synthetic sentences, read on Wednesday 2005-03-16."""

from __future__ import annotations

import pytest


PUBLISHED = "2005-03-16"  # a Wednesday


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He is the club's top scorer this season with 14 goals.", {"this season": "2005"}),
        ("Rovers won the cup last season.", {"last season": "2004"}),
        ("She hopes to be fit for the start of next season.", {"the start of next season": "2006"}),
        ("They were beaten at home last season and this season.", {"last season": "2004", "this season": "2005"}),
        # "last" as "final": a possessive or "the" before it.
        ("It is her last season on the tour.", {}),
        ("The last season of the show was filmed in Leeds.", {}),
        ("United's next season starts in August.", {"August": "2005-08"}),
        ("The past season has been hard, but the coming season looks better.", {"The past season": "2004", "the coming season": "2006"}),
        # The season after one the text named.
        ("He joined in 2001 and left the following season.", {"2001": "2001"}),
    ],
)
def test_dates_sports_seasons(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The captain spoke out ahead of Tuesday's first leg.", {"Tuesday": "2005-03-22"}),
        ("Parties campaigned ahead of Sunday's election.", {"Sunday": "2005-03-20"}),
        ("Cinemas pulled the trailer ahead of its release on Friday.", {"Friday": "2005-03-18"}),
        ("Coaches were cautious ahead of the cup final against Angola on Saturday.", {"Saturday": "2005-03-19"}),
        # A past perfect puts the whole clause behind.
        ("Sales beat what analysts had forecast ahead of Friday's figures.", {"Friday": "2005-03-11"}),
        # "ahead of" in another phrase, or of a rank or a plan rather than an event.
        ("He finished ahead of Smith. On Monday he flew home.", {"Monday": "2005-03-14"}),
        ("The team finished ahead of Leeds on Saturday.", {"Saturday": "2005-03-12"}),
        ("The bridge was finished ahead of schedule on Monday.", {"Monday": "2005-03-14"}),
    ],
)
def test_dates_weekday_ahead_of_an_event(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # A present the parser tagged as a base form after a past verb.
        ("England were beaten by Wales last week and face France on Sunday.", {"last week": "2005-W10", "Sunday": "2005-03-20"}),
        # A second verb shares the first one's "will".
        ("He will fly to Rome and face Italy on Saturday.", {"Saturday": "2005-03-19"}),
        # Both verbs past: the weekday is behind; a past spelled as its present stays past.
        ("Police arrested him and charged him on Monday.", {"Monday": "2005-03-14"}),
        ("The firm lost money and cut jobs on Friday.", {"Friday": "2005-03-11"}),
    ],
)
def test_dates_second_verb_after_and(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "the new year": the one to come unless the clause looks back; not a name's.
        ("Details of the scheme will be announced in the new year.", {"the new year": "2006"}),
        ("Critics said the new year had started with a fresh row.", {"the new year": "2005"}),
        ("She was made a dame in the New Year Honours.", {}),
        ("In his New Year message the leader spoke of hope.", {}),
        # "in past years": an indefinite past; with "the" it is a length.
        ("The show lacked the spark it had in previous years.", {"previous years": "PAST_REF"}),
        ("Prices rose over the past years.", {"the past years": "PXY"}),
        # "a decade" as the object of a verb of length.
        ("The reform will take a decade to come into full effect.", {"a decade": "P10Y"}),
        ("He spent a decade in exile.", {"a decade": "P10Y"}),
        # A century as an adjective.
        ("The troupe staged a play by an 18th-Century dramatist.", {"18th-Century": "17"}),
        ("They restored an eighteenth-century house.", {"eighteenth-century": "17"}),
    ],
)
def test_dates_new_year_past_years_and_lengths(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # The present of arrangements puts a month-day ahead, as it does a weekday.
        ("The Australian Open starts on 17 January in Melbourne.", {"17 January": "2006-01-17"}),
        ("England's first Test is against Canada on 13 November.", {"13 November": "2005-11-13"}),
        # Within a week of publication the date is this year's ("runs until 14 March").
        ("The fair runs from 14 to 20 March.", {"14": "2005-03-14", "20 March": "2005-03-20"}),
        # A gerund is no present tense; a past clause stays behind.
        ("The row resulted in his tour being cancelled in November.", {"November": "2004-11"}),
        ("The Open started on 17 January.", {"17 January": "2005-01-17"}),
    ],
)
def test_dates_present_of_arrangements_for_calendar_dates(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "a second" before the noun it counts is an ordinal, not one second.
        ("Oil prices fell for a second day.", {}),
        ("The film topped the box office for a second week.", {}),
        ("Fans hoping for a second \"wardrobe malfunction\" were disappointed.", {}),
        ("The opposition called for a second UN resolution.", {}),
        ("He smashed his racket in one second-set outburst.", {}),
        # A length of one second.
        ("If you relax for a second it gets away from you.", {"a second": "PT1S"}),
        ("He paused for a second or two.", {"a second": "PT1S"}),
        ("The chip does a billion sums every second.", {"every second": "PT1S"}),
    ],
)
def test_dates_a_second_before_a_noun_is_an_ordinal(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "soon" is a FUTURE_REF unless its clause is past; not "as soon as", "soon after".
        ("Users will soon be able to make free calls.", {"soon": "FUTURE_REF"}),
        ("Victims soon calm down when they see the damage.", {"soon": "FUTURE_REF"}),
        ("He was soon released.", {}),
        ("They want him back as soon as possible.", {}),
        ("Soon after the attack, police arrived.", {}),
        ("It is too soon to say.", {}),
        # A fiscal or financial year named from the reference date.
        ("Trade could cross $500m this fiscal year.", {"this fiscal year": "2005"}),
        ("Profits rose in its last financial year.", {"last financial year": "2004"}),
        # A stopwatch reading is a race time (a quantity), not a temporal expression.
        ("Gardener clocked 6.56 seconds to equal the record.", {}),
        ("She won in one minute, 47.96 seconds.", {}),
        ("He finished 0.02 seconds behind the winner.", {}),
        ("The ceremony lasted two minutes.", {"two minutes": "PT2M"}),
    ],
)
def test_dates_soon_fiscal_years_and_race_times(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # A programme named "Today" is no day.
        ("He told BBC Radio 4's Today programme the plan was right.", {}),
        ("Mr Balls told Today: \"It is the right plan.\"", {}),
        ("She told Radio 4's Today the cuts would hurt.", {}),
        # The day itself, capitalised where a sentence opens.
        ("Today, games cost as much as films.", {"Today": "2005-03-16"}),
        ("\"Today's ruling is wrong,\" he said.", {"Today": "2005-03-16"}),
    ],
)
def test_dates_a_programme_named_today_is_no_day(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # A bare "weekend" before the noun it describes is a kind of time.
        ("The film took $40m in weekend ticket sales.", {}),
        ("He refused to discuss weekend newspaper reports.", {}),
        # A weekend of its own.
        ("Rovers won at the weekend.", {"the weekend": "2005-W10-WE"}),
        ("The final weekend threw the rankings into confusion.", {"weekend": "2005-W10-WE"}),
    ],
)
def test_dates_weekend_before_a_noun_is_no_weekend(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "by the time" before a clause is a conjunction, not a time of its own.
        ("The attacker had gone by the time officers arrived.", {}),
        ("Much will have been endured by the time a settlement is reached.", {}),
        # "at the time" and "by the time of" name a past moment.
        ("At the time, police said it was an accident.", {"the time": "PAST_REF"}),
        ("By the time of the vote, he had left.", {"the time": "PAST_REF"}),
    ],
)
def test_dates_by_the_time_before_a_clause_is_a_conjunction(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


def test_dates_infinitive_chain_of_a_looping_parse_ends():
    """A parse of garbled text can make two infinitives each other's heads; reading the
    clause an infinitive hangs on must stop rather than recurse for ever."""
    import spacy
    from spacy.tokens import Doc

    from newsgraph.pipeline.components.dates import context

    words = ["to", "win", "to", "try"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 3, 3, 1], deps=["aux", "xcomp", "aux", "xcomp"],
              tags=["TO", "VB", "TO", "VB"], pos=["PART", "VERB", "PART", "VERB"])  # fmt: skip
    assert context._infinitive_tense(doc[1]) is None
