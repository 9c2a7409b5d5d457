"""Build the article view's HTML from a record's spans, server-side.

Every piece of article text is escaped; spans become ``<mark data-kind=...>`` elements
whose attributes are escaped too. Overlapping spans that do not nest (a quote that starts
inside an entity mention) are split: the inner element is closed and reopened around the
outer one's boundary, so the HTML is always well formed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from newsgraph.kinds import HIGHLIGHT_KINDS, HIGHLIGHT_MARKS

# The marks (``data-kind`` values, CSS classes ``hl-<mark>``), outermost first when spans
# start and end together; each kind says which it draws (``kinds.KINDS``).
KINDS = HIGHLIGHT_MARKS


@dataclass
class Span:
    start: int
    end: int
    kind: str
    label: str
    attrs: dict[str, str] = field(default_factory=dict)


def spans_of(record: dict, links: dict[str, dict] | None = None) -> list[Span]:
    """Every highlightable span of ``record`` (a record dict), as each kind marks it
    (``kinds.KINDS``). ``links`` maps entity ids to their graph entity (``{"gid", "name"}``)
    so entity marks can link to entity pages, and quotes name their speaker by it."""
    links = links or {}
    n = len(record.get("text") or "")
    entities = record.get("entities") or []
    names = {ent["id"]: (links.get(ent["id"]) or {}).get("name") or ent["name"] for ent in entities}
    out = [
        Span(start, end, mark, label, attrs)
        for kind in HIGHLIGHT_KINDS
        for start, end, mark, label, attrs in kind.highlight.spans(record, names, links)
    ]
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
