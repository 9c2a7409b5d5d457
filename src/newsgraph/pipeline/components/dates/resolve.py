"""TIMEX3 values for tagged expressions, resolved against the publication date.

``value(spec, anchor, tense)`` returns ``(value, reason)``: ``value`` is a TIMEX3 value
string or None, and ``reason`` says why it is None. ``tense`` is ``past``, ``future`` or
None (unknown) for the clause the expression is in; it decides which Friday "Friday" is.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.easter import easter  # Gregorian Easter Sunday

NO_ANCHOR = "relative expression and no publication date to resolve it against"

# Expressions whose value needs no anchor.
_ABSOLUTE = {"explicit", "ref", "duration", "set"}


def value(spec: dict, anchor: date | None, tense: str | None = None) -> tuple[str | None, str | None]:
    """The TIMEX3 value of ``spec`` (from the tagger) given the ``anchor`` date."""
    kind = spec["kind"]
    if kind in _ABSOLUTE:
        return spec["value"], None
    if spec.get("week_of"):
        day, reason = value({k: v for k, v in spec.items() if k != "week_of"}, anchor, tense)
        week = _iso_week(day)  # "the weekend of 9 and 10 July": that week's weekend
        return (f"{week}-WE" if week and spec["week_of"] == "WE" else week), reason
    if kind == "monthday" and spec.get("year"):
        return _ymd(_safe_date(spec["year"], spec["month"], spec["day"])), None
    if kind in ("quarter", "half") and spec.get("year") and (spec.get("q") or kind == "half"):
        return _quarter_or_half(spec, spec["year"]), None
    if kind == "holiday" and spec.get("year"):
        return _ymd(holiday_date(spec["rule"], spec["year"])), None
    if kind == "clocked":
        day, reason = value(spec["date"], anchor, tense)
        return (f"{day}T{spec['hour']:02d}:{spec['minute']:02d}" if day else None), reason
    if anchor is None:
        return None, NO_ANCHOR
    handler = _HANDLERS[kind]
    return handler(spec, anchor, tense), None


def _iso_week(day: str | None) -> str | None:
    """The ISO week (``2000-W10``) holding the day ``day`` (``2000-03-06``)."""
    if not day:
        return None
    year, week, _ = date.fromisoformat(day[:10]).isocalendar()
    return f"{year:04d}-W{week:02d}"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _ymd(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _with_part(d: date | None, part: str | None) -> str | None:
    if d is None:
        return None
    return f"{d.isoformat()}T{part}" if part else d.isoformat()


def _weekday(spec: dict, anchor: date, tense: str | None) -> str | None:
    target = spec["weekday"]  # ISO: Monday 1
    offset = spec.get("offset")
    delta_back = (anchor.isoweekday() - target) % 7
    delta_fwd = (target - anchor.isoweekday()) % 7
    if offset == -1:
        d = anchor - timedelta(days=delta_back or 7)
    elif offset == 1:
        d = anchor + timedelta(days=delta_fwd or 7)
    elif offset == 0:
        d = anchor + timedelta(days=target - anchor.isoweekday())
    elif tense == "future":
        d = anchor + timedelta(days=delta_fwd)
    else:
        # News reports the past: "told reporters Thursday" is the last Thursday (or today).
        d = anchor - timedelta(days=delta_back)
    return _with_part(d, spec.get("part"))


def _day(spec: dict, anchor: date, tense: str | None) -> str | None:
    return _with_part(anchor + timedelta(days=spec["days"]), spec.get("part"))


def _overnight(spec: dict, anchor: date, tense: str | None) -> str | None:
    # Reported in the past, "overnight" is the night before publication.
    d = anchor if tense == "future" else anchor - timedelta(days=1)
    return f"{d.isoformat()}TNI"


def _clock(spec: dict, anchor: date, tense: str | None) -> str | None:
    return f"{anchor.isoformat()}T{spec['hour']:02d}:{spec['minute']:02d}"


def _monthday(spec: dict, anchor: date, tense: str | None) -> str | None:
    d = _safe_date(anchor.year, spec["month"], spec["day"])
    if d is None:
        return None
    if tense == "past" and d > anchor + timedelta(days=7):
        d = _safe_date(anchor.year - 1, spec["month"], spec["day"])
    elif tense == "future" and d < anchor - timedelta(days=7):
        d = _safe_date(anchor.year + 1, spec["month"], spec["day"])
    elif tense is None:
        # Tense unknown: the occurrence nearest the publication date.
        options = [_safe_date(anchor.year + k, spec["month"], spec["day"]) for k in (-1, 0, 1)]
        d = min((o for o in options if o), key=lambda o: abs((o - anchor).days))
    weekday = spec.get("named_weekday")
    if weekday is not None and d is not None and d.isoweekday() != weekday:
        # "Saturday 12 February" is in a year whose 12 February is a Saturday: the nearest
        # such year to the one the tense chose, within one either way.
        fits = [o for o in (_safe_date(d.year + k, spec["month"], spec["day"]) for k in (-1, 1)) if o and o.isoweekday() == weekday]
        d = min(fits, key=lambda o: abs((o - anchor).days)) if fits else d
    return _ymd(d)


def _month(spec: dict, anchor: date, tense: str | None) -> str | None:
    month, year, offset = spec["month"], anchor.year, spec.get("offset")
    if spec.get("year_offset") is not None:
        return f"{anchor.year + spec['year_offset']:04d}-{month:02d}"
    if offset is None and tense is None:
        # Tense unknown: the occurrence nearest the publication date.
        now = anchor.year * 12 + anchor.month - 1
        best = min((anchor.year + k for k in (-1, 0, 1)), key=lambda y: abs(y * 12 + month - 1 - now))
        return f"{best:04d}-{month:02d}"
    if offset == -1 or (offset is None and tense == "past"):
        year = (
            anchor.year
            if month < anchor.month or (offset is None and month == anchor.month)
            else anchor.year - 1
        )
    elif offset == 1 or (offset is None and tense == "future"):
        year = (
            anchor.year
            if month > anchor.month or (offset is None and month == anchor.month)
            else anchor.year + 1
        )
    return f"{year:04d}-{month:02d}"


def _season(spec: dict, anchor: date, tense: str | None) -> str | None:
    season, offset = spec["season"], spec.get("offset") or 0
    if spec.get("year_offset") is not None:
        return f"{anchor.year + spec['year_offset']:04d}-{season}"
    order = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
    current = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        anchor.month, "FA"
    )
    year = anchor.year
    if spec.get("offset") is None:
        # "the summer", "in winter": by the clause's tense, the one past or to come
        if tense == "past" and order[season] > order[current]:
            year -= 1
        elif tense == "future" and order[season] < order[current]:
            year += 1
    elif offset == -1 and order[season] >= order[current]:
        year -= 1
    elif offset == 1 and order[season] <= order[current]:
        year += 1
    return f"{year:04d}-{season}"


def _offset(spec: dict, anchor: date, tense: str | None) -> str | None:
    unit, n = spec["unit"], spec["n"]
    if unit == "Y":
        return f"{anchor.year + n:04d}"
    if unit == "M":
        months = anchor.year * 12 + anchor.month - 1 + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit == "WE" and spec.get("last_weekend"):
        # "the weekend" in a report: the one before publication (Saturday/Sunday belong
        # to the ISO week of the Monday before them).
        d = anchor - timedelta(days=anchor.isoweekday() if anchor.isoweekday() < 6 else 0)
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}-WE"
    if unit in ("W", "WE"):
        d = anchor + timedelta(weeks=n)
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "D":
        return (anchor + timedelta(days=n)).isoformat()
    if unit == "Q":
        q = (anchor.month - 1) // 3 + n
        return f"{anchor.year + q // 4:04d}-Q{q % 4 + 1}"
    if unit == "DE":
        return f"{(anchor.year // 10 + n):03d}"
    if unit == "CE":
        return f"{(anchor.year // 100 + n):02d}"
    if unit in ("H", "S") and spec.get("ago"):
        return anchor.isoformat()
    return None


def _quarter_or_half(spec: dict, year: int) -> str:
    if spec["kind"] == "half":
        return f"{year:04d}-H{spec['h']}"
    return f"{year:04d}-Q{spec['q']}"


def _quarter(spec: dict, anchor: date, tense: str | None) -> str | None:
    current = (anchor.month - 1) // 3 + 1
    q, year = spec.get("q"), spec.get("year") or anchor.year
    if spec.get("year_offset") is not None:
        # "this year's third quarter", "last year's quarter"
        year = anchor.year + spec["year_offset"]
        return f"{year:04d}-Q{q}" if q else f"{year:04d}-QX"
    if q is None and spec.get("year"):
        # "the comparable period of 1988" outside a report about quarters: which quarter
        # is unknown, the year is not
        return f"{spec['year']:04d}-QX"
    if q is None:
        # "the quarter", "the latest quarter": the last one reported before publication.
        q = current - 1 or 4
        year = anchor.year if current > 1 else anchor.year - 1
    elif not spec.get("year") and q > current and tense != "future":
        year -= 1
    if spec.get("year_ago"):
        year -= 1
    return f"{year:04d}-Q{q}"


def _half(spec: dict, anchor: date, tense: str | None) -> str | None:
    return f"{anchor.year + (spec.get('year_offset') or 0):04d}-H{spec['h']}"


def holiday_date(rule: str, year: int) -> date | None:
    """The date of a holiday ``rule`` in ``year``: ``12-25`` (fixed), ``11-TH4`` (fourth
    Thursday), ``05-MOLAST`` (last Monday), ``11-ELECTION`` (the Tuesday after the first
    Monday), ``EASTER+1`` (days from Easter Sunday: Easter Monday)."""
    if rule.startswith("EASTER"):
        return easter(year) + timedelta(days=int(rule[6:]))
    month, _, day = rule.partition("-")
    month = int(month)
    if day.isdigit():
        return _safe_date(year, month, int(day))
    if day == "ELECTION":
        first_monday = date(year, month, 1) + timedelta(days=(0 - date(year, month, 1).weekday()) % 7)
        return first_monday + timedelta(days=1)
    weekday = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4}[day[:2]]
    if day.endswith("LAST"):
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1) + timedelta(days=(weekday - date(year, month, 1).weekday()) % 7)
    return first + timedelta(weeks=int(day[2:]) - 1)


def _holiday(spec: dict, anchor: date, tense: str | None) -> str | None:
    offset = spec.get("offset")
    options = [d for d in (holiday_date(spec["rule"], anchor.year + k) for k in (-1, 0, 1)) if d]
    if offset == -1 or (offset is None and tense == "past"):
        past = [d for d in options if d <= anchor]
        return _ymd(max(past)) if past else None
    if offset == 1 or (offset is None and tense == "future"):
        future = [d for d in options if d >= anchor]
        return _ymd(min(future)) if future else None
    return _ymd(min(options, key=lambda d: abs((d - anchor).days)))


def _new_year(spec: dict, anchor: date, tense: str | None) -> str | None:
    """ "in the new year": the year that began last when the clause looks back ("the new
    year had started with"), else the one that begins next: news writes it of what is to
    come ("will be announced in the new year") except in the first weeks of a year."""
    ahead = tense == "future" or (tense is None and anchor.month > 2)
    return f"{anchor.year + (1 if ahead else 0):04d}"


_HANDLERS = {
    "new_year": _new_year,
    "holiday": _holiday,
    "weekday": _weekday,
    "day": _day,
    "overnight": _overnight,
    "clock": _clock,
    "monthday": _monthday,
    "month": _month,
    "season": _season,
    "offset": _offset,
    "quarter": _quarter,
    "half": _half,
}
