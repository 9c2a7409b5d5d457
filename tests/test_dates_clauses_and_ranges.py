"""Dates, eighth session (issue 13): an infinitive names an event still ahead when the
clause it hangs on is in the present or the future, British "in future" is ``FUTURE_REF``,
and a range's first end takes the year written on its second ("between August and
November 2001"). Synthetic sentences, read on Wednesday 2005-03-16."""

from __future__ import annotations

import pytest


PUBLISHED = "2005-03-16"  # a Wednesday


@pytest.mark.parametrize(
    "text,expected",
    [
        # Present or future clause: the infinitive's month or weekday lies ahead.
        ("The club has no money to sign new players in January.", {"January": "2006-01"}),
        ("Rovers are hoping to win the title in May.", {"May": "2005-05"}),
        ("She wants to try to finish the book in February.", {"February": "2006-02"}),
        ("The coach plans nothing yet but needs to rest him on Monday.", {"Monday": "2005-03-21"}),
        # A past clause leaves the direction open: the nearest occurrence, as before.
        ("The firm agreed to pay the fine in January.", {"January": "2005-01"}),
        # A past clause misparsed: "show" conjoined to "beat", "May" (a name) as a modal.
        ("The soap beat rival show Filthy Love and Shameless to win the drama prize on Thursday.", {"Thursday": "2005-03-10"}),
        ("May performed at a concert to celebrate the guitar in London in September.", {"September": "2004-09"}),
        # The date of a noun on the way up is that noun's ("a June agreement"), not the infinitive's.
        ("The bank is trying to sell itself under a June agreement.", {"June": "2005-06"}),
    ],
)
def test_dates_infinitive_in_a_present_clause_lies_ahead(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Banks must avoid the same mistake in future.", {"future": "FUTURE_REF"}),
        ("In future, the ministry said, it will publish the list.", {"future": "FUTURE_REF"}),
        ("He said that in future it will punish copying.", {"future": "FUTURE_REF"}),
        # An adjective before a noun is no date; "future years" is a date of its own.
        ("The design will be copied in future laptops.", {}),
        ("The loans pay off in future years.", {"future years": "FUTURE_REF"}),
    ],
)
def test_dates_british_in_future(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The site was online between August and November 2001.", {"August": "2001-08", "November 2001": "2001-11"}),
        ("Prices rose in March and April 2003.", {"March": "2003-03", "April 2003": "2003-04"}),
        ("The survey ran from November to February 2005.", {"November": "2004-11", "February 2005": "2005-02"}),
        ("Snow fell from 28 February to 3 March 2004.", {"28 February": "2004-02-28", "3 March 2004": "2004-03-03"}),
        # A year in another phrase is not the range's.
        ("He arrived in March. In May 2004 he left.", {"March": "2005-03", "May 2004": "2004-05"}),
        ("Loans fell in October, the lowest since September 1995.", {"October": "2004-10", "September 1995": "1995-09"}),
    ],
)
def test_dates_a_range_shares_the_year_of_its_second_end(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Shares in the firm were up 2% at 115p in morning trade.", {"morning": "2005-03-16TMO"}),
        ("The yen slipped in late afternoon trading.", {"late afternoon": "2005-03-16TAF"}),
        # A part of the day before another noun is no session: "an evening dress".
        ("She arrived wearing an evening dress.", {}),
    ],
)
def test_dates_a_market_session_is_a_time_of_the_day(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # A present perfect is a present: its infinitive lies ahead, unless it is a purpose clause.
        ("The film has become the favourite to win best picture on Sunday.", {"Sunday": "2005-03-20"}),
        ("The soap has beaten its rivals to win the drama prize on Thursday.", {"Thursday": "2005-03-10"}),
        # "have to" is an obligation: ahead in the present, met in the perfect.
        ("We have to play Chelsea on Sunday.", {"Sunday": "2005-03-20"}),
        ("We have had to play two matches in three days.", {"three days": "P3D"}),
        # A count of things within the measure: a length, even in a future clause.
        ("They will play two matches in three days.", {"three days": "P3D"}),
        ("The stadium will open in two years.", {"two years": "2007"}),
        # A possessive weekday of a scheduled event in a clause about the future is ahead.
        ("The pact will be discussed at Tuesday's meeting of ministers.", {"Tuesday": "2005-03-22"}),
        ("England face Wales in Saturday's Six Nations match.", {"Saturday": "2005-03-19"}),
        # The event noun must be parsed as a noun ("clash" is read as a verb here): past, as before.
        ("England face Wales in Saturday's Six Nations clash.", {"Saturday": "2005-03-12"}),
        ("Wales won Saturday's match.", {"Saturday": "2005-03-12"}),
        ("Lawyers will try to overturn Monday's ruling.", {"Monday": "2005-03-14"}),
        ("He looks a better bet after Saturday's game.", {"Saturday": "2005-03-12"}),
        # "set" as a thing done, not planned.
        ("He finished outside his best set in Saturday's semi-finals.", {"Saturday": "2005-03-12"}),
        ("The judge set Friday as the deadline.", {"Friday": "2005-03-11"}),
        ("The vote, set for Thursday, was delayed.", {"Thursday": "2005-03-17"}),
        # A plural weekday is every such day; "the Sundays" are newspapers.
        ("The show moves from Fridays to Sundays.", {"Fridays": "XXXX-WXX-5", "Sundays": "XXXX-WXX-7"}),
        ("The Sundays carried the story.", {}),
        ("Happy Mondays star Bez won the show.", {}),
        ("It airs on Tuesdays, Wednesdays and Thursdays.", {"Tuesdays": "XXXX-WXX-2", "Wednesdays": "XXXX-WXX-3", "Thursdays": "XXXX-WXX-4"}),
        # A season of a year named relative to publication.
        ("The new series will launch in Spring next year.", {"Spring next year": "2006-SP"}),
        ("Prices fell in the summer of last year.", {"the summer of last year": "2004-SU"}),
        # A date that names an event is that event's, whatever the publication year.
        ("Security was tightened after the 11 September attacks.", {"the 11 September": "2001-09-11"}),
        ("It was one of the side effects of 9/11.", {"9/11": "2001-09-11"}),
        ("They watched Fahrenheit 9/11 again.", {}),
        # ... and no reference time for a clock time after it.
        (
            "Its launch was delayed by the 11 September attacks. The jet was rolled out at 2200 GMT.",
            {"the 11 September": "2001-09-11", "2200 GMT": "2005-03-16T22:00"},
        ),
        # Names: an ordinal in figures opens one as a word does; a statute's short title holds its year.
        ("He runs distribution at 20th Century Fox.", {}),
        ("He was held under the Terrorism Act 2000.", {}),
        # A year right after a capitalised word is a name's (the guideline's "Euro 2004").
        ("He covered England's exit from Euro 2004 for BBC One's Film 2005.", {}),
        ("PCs running Windows 95, 98, ME, NT, 2000 and XP are at risk.", {}),
        ("Sales of Christmas 2004 beat those of Spring 2003.", {"Christmas 2004": "2004-12-25", "Spring 2003": "2003-SP"}),
        ("Fiscal 1989 sales rose.", {"Fiscal 1989": "1989"}),
        ("It broke the Reform Act of 1989.", {"1989": "1989"}),
    ],
)
def test_dates_fifth_set_classes(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # A past participle after a noun (a reduced relative) dates what was done: behind.
        ("The index closed within 70 points of its record high set on Aug. 6.", {"Aug. 6": "2004-08-06"}),
        ("The treaty signed on Sept. 9 took effect.", {"Sept. 9": "2004-09-09"}),
        # ... not a plan, nor a limit
        ("The vote scheduled for Sept. 9 was put off.", {"Sept. 9": "2005-09-09"}),
        ("It will buy the shares tendered from today through Jan. 17.", {"today": "2005-03-16", "Jan. 17": "2006-01-17"}),
    ],
)
def test_dates_a_reduced_relative_is_behind_and_a_range_from_today_ahead(date_values, text, expected):
    """Thirty-third session: TBAQ development half ("its record high set on Aug. 6",
    "from today through Nov. 17")."""
    assert date_values(text, PUBLISHED) == expected
