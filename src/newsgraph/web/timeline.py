"""The overview's timeline as a real time axis: per-day counts binned by day, week or
month (chosen by the range), every bin of the range drawn (empty ones too, so gaps show),
month ticks and year labels, and per bin the ``since``/``until`` dates that filter the
article and event lists to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

WIDTH, LEFT, BASE, HEIGHT = 720.0, 34.0, 150.0, 130.0
DAY_BINS_UP_TO = 92  # days in range: up to a quarter, one bar per day
WEEK_BINS_UP_TO = 3 * 366  # up to three years, one per ISO week; beyond, one per month


@dataclass(frozen=True)
class Bin:
    since: str
    until: str
    label: str
    n_docs: int
    n_events: int
    x: float
    width: float
    h_docs: float
    h_events: float


def _parse(day: str | None) -> date | None:
    try:
        return date.fromisoformat(day) if day else None
    except ValueError:
        return None


def _bin_start(d: date, unit: str) -> date:
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    return d


def _next(d: date, unit: str) -> date:
    if unit == "week":
        return d + timedelta(days=7)
    if unit == "month":
        return (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return d + timedelta(days=1)


def _label(start: date, unit: str) -> str:
    if unit == "week":
        return f"week of {start.isoformat()}"
    if unit == "month":
        return start.strftime("%B %Y")
    return start.isoformat()


def timeline_axis(days: list[dict]) -> dict:
    """``days`` (``[{day, n_docs, n_events}]``, ``day`` YYYY-MM-DD or null) as an SVG-ready
    axis: ``{unit, bins: [Bin], ticks: [{x, text}], years: [{x, text}], peak, width}``.
    Undated rows are left out; with no dated row ``bins`` is empty."""
    dated = [(d, row) for row in days if (d := _parse(row.get("day")))]
    if not dated:
        return {"unit": "day", "bins": [], "ticks": [], "years": [], "peak": 0, "width": WIDTH + LEFT}
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = (last - first).days + 1
    unit = "day" if span <= DAY_BINS_UP_TO else "week" if span <= WEEK_BINS_UP_TO else "month"
    counts: dict[date, list[int]] = {}
    for d, row in dated:
        c = counts.setdefault(_bin_start(d, unit), [0, 0])
        c[0] += row.get("n_docs") or 0
        c[1] += row.get("n_events") or 0
    starts = [_bin_start(first, unit)]
    while _next(starts[-1], unit) <= last:
        starts.append(_next(starts[-1], unit))
    peak = max(1, *(max(c) for c in counts.values()))
    step = WIDTH / len(starts)
    bins, ticks, years = [], [], []
    for i, start in enumerate(starts):
        docs, evs = counts.get(start, [0, 0])
        x = LEFT + i * step
        end = _next(start, unit) - timedelta(days=1)
        bins.append(Bin(start.isoformat(), end.isoformat(), _label(start, unit), docs, evs, round(x, 2),
                        round(step, 2), round(HEIGHT * docs / peak, 1), round(HEIGHT * evs / peak, 1)))  # fmt: skip
        prev = starts[i - 1] if i else None
        if prev is None or prev.year != start.year:
            years.append({"x": round(x, 2), "text": str(start.year)})
        if prev is None or prev.month != start.month or (unit == "day" and start.day in (8, 15, 22)):
            text = start.strftime("%b") if start.day <= 7 or i == 0 else str(start.day)
            ticks.append({"x": round(x, 2), "text": text})
    return {"unit": unit, "bins": bins, "ticks": _thin(ticks), "years": years, "peak": peak,
            "width": WIDTH + LEFT}  # fmt: skip


def _thin(ticks: list[dict], min_gap: float = 28.0) -> list[dict]:
    """Drop ticks closer than ``min_gap`` to the previous kept one, so labels never overlap."""
    kept: list[dict] = []
    for t in ticks:
        if not kept or t["x"] - kept[-1]["x"] >= min_gap:
            kept.append(t)
    return kept
