"""Build the article view's HTML from a record's spans, server-side.

Every piece of article text is escaped; spans become ``<mark data-kind=...>`` elements
whose attributes are escaped too. Overlapping spans that do not nest (a quote that starts
inside an entity mention) are split: the inner element is closed and reopened around the
outer one's boundary, so the HTML is always well formed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote as urlquote

from markupsafe import Markup, escape

KINDS = ("entity", "place", "quote", "speaker", "quantity", "date", "event", "noise")
PLACE_TYPES = {"GPE", "LOC", "FAC"}


@dataclass
class Span:
    start: int
    end: int
    kind: str
    label: str
    attrs: dict[str, str] = field(default_factory=dict)


def spans_of(record: dict, links: dict[str, dict] | None = None) -> list[Span]:
    """Every highlightable span of ``record`` (a record dict). ``links`` maps entity ids
    to their graph entity (``{"gid", "name"}``) so entity marks can link to entity pages."""
    links = links or {}
    n = len(record.get("text") or "")
    out: list[Span] = []
    names = {}
    for ent in record.get("entities") or []:
        graph = links.get(ent["id"]) or {}
        names[ent["id"]] = graph.get("name") or ent["name"]
        roles = ", ".join(r.get("title") or "" for r in ent.get("roles") or [])
        label = f"{ent['type']}: {ent['name']}" + (f" ({roles})" if roles else "")
        attrs = {"type": ent["type"], "href": "/entity?name=" + urlquote(names[ent["id"]], safe="")}
        for m in ent.get("mentions") or []:
            out.append(Span(m["start"], m["end"], "entity", label, dict(attrs)))
    for place in record.get("places") or []:
        where = f"{place.get('lat')}, {place.get('lon')}" if place.get("lat") is not None else "unresolved"
        label = f"place: {place['name']} ({place.get('country') or '?'}; {where})"
        for m in place.get("mentions") or []:
            out.append(Span(m["start"], m["end"], "place", label))
    for q in record.get("quotes") or []:
        speaker = q.get("speaker") or {}
        who = names.get(speaker.get("entity")) or speaker.get("name")
        out.append(Span(q["start"], q["end"], "quote", f"{q['kind']} quote by {who or 'unknown speaker'}",
                        {"href": "/quotes?speaker=" + urlquote(who, safe="")} if who else {}))  # fmt: skip
        if speaker.get("start") is not None and speaker.get("end") is not None:
            out.append(Span(speaker["start"], speaker["end"], "speaker", f"speaker: {who}"))
    for x in record.get("quantities") or []:
        bounds = (
            f" [{x.get('low')}..{x.get('high')}]"
            if x.get("low") is not None or x.get("high") is not None
            else ""
        )
        label = f"quantity: {x.get('value')}{bounds} {x.get('unit') or ''} {x.get('object') or ''}".strip()
        out.append(Span(x["start"], x["end"], "quantity", label + (" (approx.)" if x.get("approx") else "")))
    for d in record.get("dates") or []:
        out.append(Span(d["start"], d["end"], "date", f"{d.get('type')}: {d.get('value') or 'unresolved'}"))
    for ev in record.get("events") or []:
        trig = ev.get("trigger") or {}
        if trig.get("start") is None:
            continue
        flags = [f for f in ("negated", "hypothetical", "future", "historical", "reported") if ev.get(f)]
        who = (
            f"{(ev.get('source') or {}).get('name') or '?'} -> {(ev.get('target') or {}).get('name') or '?'}"
        )
        label = f"event {ev['type']}: {who}" + (f" [{', '.join(flags)}]" if flags else "")
        out.append(Span(trig["start"], trig["end"], "event", label))
    for noise in record.get("noise") or []:
        if noise.get("start") is not None and noise.get("end") is not None:
            hint = f" -> {noise['suggestion']}" if noise.get("suggestion") else ""
            out.append(Span(noise["start"], noise["end"], "noise", f"noise: {noise['kind']}{hint}"))
    return [s for s in out if 0 <= s.start < s.end <= n]


def _open(span: Span) -> str:
    attrs = "".join(f' data-{k}="{escape(v)}"' for k, v in sorted(span.attrs.items()))
    return (f'<mark class="hl hl-{span.kind}" data-kind="{span.kind}" title="{escape(span.label)}"'
            f' data-label="{escape(span.label)}"{attrs} tabindex="0">')  # fmt: skip


def render(text: str, spans: list[Span]) -> Markup:
    """``text`` as HTML with ``spans`` wrapped in ``<mark>`` elements (longer spans outside;
    crossing spans split). Returns safe markup: all text went through ``escape``."""
    starts: dict[int, list[Span]] = {}
    ends: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
        ends.setdefault(s.end, []).append(s)
    points = sorted({0, len(text), *starts, *ends})
    out: list[str] = []
    stack: list[Span] = []
    for i, pos in enumerate(points):
        ending = [s for s in ends.get(pos, []) if any(s is t for t in stack)]
        if ending:
            reopen = []
            while any(any(e is t for e in ending) for t in stack):
                top = stack.pop()
                out.append("</mark>")
                if not any(top is e for e in ending):
                    reopen.append(top)
            for s in reversed(reopen):
                out.append(_open(s))
                stack.append(s)
        for s in sorted(starts.get(pos, []), key=lambda s: (-s.end, KINDS.index(s.kind))):
            out.append(_open(s))
            stack.append(s)
        if i + 1 < len(points):
            out.append(str(escape(text[pos : points[i + 1]])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))


def article_html(record: dict, links: dict[str, dict] | None = None) -> Markup:
    """The record's text as highlighted, escaped HTML."""
    return render(record.get("text") or "", spans_of(record, links))
