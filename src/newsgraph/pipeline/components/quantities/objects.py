"""The counted object of a number ("5,000 troops" -> "troops"), from the dependency parse."""

from __future__ import annotations

_NOUNS = {"NOUN", "PROPN"}
_MOD_DEPS = {"compound"}


def counted_object(sdoc, start: int, end: int):
    """``(text, start, end)`` of what the number at ``[start, end)`` counts: the noun it
    modifies with its compounds ("member countries"), or the noun after "of" ("thousands of
    students"); None when it counts nothing visible."""
    if sdoc is None:
        return None
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[-1]
    head = tok
    # "1.5 million people": climb from the number through its scale words to the noun.
    for _ in range(4):
        if head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.head.i > head.i:
            head = head.head
            if head.pos_ in _NOUNS:
                break
        else:
            break
    if head.pos_ in _NOUNS and head.i > tok.i and head.i - tok.i <= 5 and head.idx >= end:
        return _noun_phrase(head, end)
    nxt = sdoc[tok.i + 1] if tok.i + 1 < len(sdoc) else None
    if nxt is not None and nxt.lower_ == "of":
        for child in nxt.children:
            if child.dep_ == "pobj" and (child.pos_ in _NOUNS or _nominal(child)):
                return _noun_phrase(child, end)
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ in ("NNS", "NN") and nxt.dep_ != "npadvmod":
        if nxt.idx >= end:
            return _noun_phrase(nxt, end)
    return None


def _nominal(token) -> bool:
    """An adjective or participle used as a noun after "the": "three of the accused"."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        token.pos_ in ("ADJ", "VERB")
        and token.tag_ in ("JJ", "VBN")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "CCONJ", "NUM"))
    )


def _noun_phrase(head, after: int):
    """The noun ``head`` with its compound nouns, none of them before ``after`` (the end
    of the number: "3m devices" counts "devices", not "m devices"); None when a line break
    stands between (an attendance line ``1,375`` counts nothing on the next line)."""
    doc = head.doc
    i = head.i - 1
    while i >= 0 and doc[i].idx >= after:
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            return None
        i -= 1
    if i >= 0 and "\n" in doc[i].whitespace_:
        return None
    first = head
    while first.i > 0:
        prev = head.doc[first.i - 1]
        glued = prev.i > 0 and not doc[prev.i - 1].whitespace_ and doc[prev.i - 1].like_num
        if glued:
            break  # "one of the fastest 800m runners": the unit of another number
        if prev.dep_ in _MOD_DEPS and prev.head.i == head.i and prev.pos_ in _NOUNS and prev.idx >= after:
            first = prev
        else:
            break
    # A word the tokeniser cut at its hyphen is one word: "12 million e-mails", "3 hi-fi
    # systems" (not "e" nor "fi systems").
    while first.i >= 2 and _joined(doc[first.i - 2], doc[first.i - 1]) and doc[first.i - 2].idx >= after:
        first = doc[first.i - 2]
    last = head
    while last.i + 2 < len(doc) and _joined(last, doc[last.i + 1]):
        last = doc[last.i + 2]
    start, end = first.idx, last.idx + len(last.text)
    # Span.text, not Doc.text: the latter rebuilds the whole text on every access.
    return doc[first.i : last.i + 1].text, start, end, last.lemma_.lower()


def _joined(word, hyphen) -> bool:
    """Whether ``word``, the hyphen after it and the word after that are one written word."""
    nxt = hyphen.doc[hyphen.i + 1] if hyphen.i + 1 < len(hyphen.doc) else None
    return (
        hyphen.text in ("-", "–")
        and not word.whitespace_
        and not hyphen.whitespace_
        and word.is_alpha
        and nxt is not None
        and nxt.is_alpha
    )
