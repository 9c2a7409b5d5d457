"""The overview's time axis: bins chosen by the range, empty bins kept, year labels, and
since/until per bin that cover the range without overlap."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from newsgraph.web.timeline import timeline_axis


def _days(*pairs):
    return [{"day": d, "n_docs": n, "n_events": e} for d, n, e in pairs]


def test_web_timeline_day_bins_keep_the_gaps():
    axis = timeline_axis(_days(("2031-03-11", 1, 0), ("2031-03-14", 5, 2), ("2031-03-17", 0, 1), (None, 3, 0)))
    assert axis["unit"] == "day"
    assert [b.since for b in axis["bins"]] == [f"2031-03-{d}" for d in range(11, 18)]
    assert [b.n_docs for b in axis["bins"]] == [1, 0, 0, 5, 0, 0, 0]
    xs = [b.x for b in axis["bins"]]
    assert all(abs((b - a) - (xs[1] - xs[0])) < 0.02 for a, b in zip(xs, xs[1:]))  # evenly spaced in time
    assert axis["years"] == [{"x": xs[0], "text": "2031"}] and axis["peak"] == 5


def test_web_timeline_week_bins_across_a_new_year():
    axis = timeline_axis(_days(("2030-11-20", 2, 1), ("2030-11-21", 1, 0), ("2031-03-14", 3, 4)))
    assert axis["unit"] == "week"
    first = axis["bins"][0]
    assert (first.since, first.until, first.n_docs, first.n_events) == ("2030-11-18", "2030-11-24", 3, 1)
    assert [y["text"] for y in axis["years"]] == ["2030", "2031"]
    assert all(date.fromisoformat(b.since).weekday() == 0 for b in axis["bins"])


@pytest.mark.parametrize("span_days,unit", [(1, "day"), (92, "day"), (93, "week"), (3 * 366, "week"), (3 * 366 + 1, "month")])
def test_web_timeline_unit_by_range(span_days, unit):
    start = date(2020, 1, 1)
    end = start + timedelta(days=span_days - 1)
    axis = timeline_axis(_days((start.isoformat(), 1, 0), (end.isoformat(), 1, 1)))
    assert axis["unit"] == unit
    bins = axis["bins"]
    assert bins[0].since <= start.isoformat() and bins[-1].until >= end.isoformat()
    for a, b in zip(bins, bins[1:]):  # contiguous, no overlap
        assert date.fromisoformat(a.until) + timedelta(days=1) == date.fromisoformat(b.since)
    assert sum(b.n_docs for b in bins) == 2


def test_web_timeline_nothing_dated():
    assert timeline_axis(_days((None, 4, 0)))["bins"] == []
