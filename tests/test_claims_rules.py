"""The claims rules on hand-built statements: ranges and contest, grouping, credits,
attribution and wire lines (no model needed)."""

from __future__ import annotations

from newsgraph.corpus import claims, origins, statements


def _q(value=None, low=None, high=None, approx=False, **extra):
    base = {"bucket": "troops|", "published": "2024-03-04", "places": ["iso:PL", "iso:BY"], "actors": [],
            "event_types": ["MOBILIZE"], "value": value, "low": low, "high": high, "approx": approx,
            "words": ["poland", "troops", "border", "belarus", "sent"]}  # fmt: skip
    return {**base, **extra}


def test_claims_ranges_about_disagrees_with_another_figure_up_to_does_not():
    about_5000, exact_7000 = claims.statement_range(_q(5000, approx=True)), claims.statement_range(_q(7000))
    assert about_5000 == (4500.0, 5500.0)
    assert claims.contested({"a": about_5000, "b": exact_7000})
    assert not claims.contested({"a": claims.statement_range(_q(40000, high=40000)),
                                 "b": claims.statement_range(_q(35000))})  # fmt: skip
    assert not claims.contested({"a": about_5000, "b": claims.statement_range(_q(5400))})  # within 10%
    assert claims.statement_range(_q(300, low=300)) == (300, float("inf"))  # "more than 300"


def test_claims_same_quantity_needs_the_same_object_places_window_and_magnitude():
    a = _q(5000, approx=True)
    assert claims.same_quantity(a, _q(7000))
    assert not claims.same_quantity(a, _q(7000, bucket="fan|"))
    assert not claims.same_quantity(a, _q(7000, places=["iso:RU", "iso:BY"]))  # another country's troops
    assert not claims.same_quantity(a, _q(7000, published="2024-04-01"))  # weeks later
    assert not claims.same_quantity(a, _q(3))  # another order of magnitude
    assert not claims.same_quantity(a, _q(7000, event_types=["ASSAULT"]))
    assert claims.same_quantity(a, _q(7000, places=["iso:PL"]))  # fewer places, all shared
    assert not claims.same_quantity(a, _q(7000, words=["employs", "worldwide", "company"]))  # another sentence
    assert not claims.same_quantity(_q(2), _q(3)) and claims.same_quantity(_q(3), _q(3))  # small counts: equal only


def test_claims_group_is_order_free_and_seeded_does_not_chain():
    items = [_q(5000, doc_id=d, start=0) for d in "ab"] + [_q(v, doc_id=d, start=0) for v, d in ((12000, "c"), (30000, "d"))]
    key = lambda groups: sorted(sorted(s["doc_id"] for s in g) for g in groups)  # noqa: E731
    assert key(claims.group(items, claims.same_quantity)) == key(claims.group(items[::-1], claims.same_quantity))
    assert key(claims.group(items, claims.same_quantity)) == [["a", "b", "c", "d"]]  # 5,000 ~ 12,000 ~ 30,000
    assert key(claims.seeded(items, claims.same_quantity)) == [["a", "b", "c"], ["d"]]  # 30,000 is not near 5,000
    assert key(claims.seeded(items[::-1], claims.same_quantity)) == [["a", "b", "c"], ["d"]]


def test_claims_credits_and_wire_lines():
    assert statements.credited_outlet("Poland sent 6,000 troops, according to Reuters.") == "Reuters"
    assert statements.credited_outlet("The Associated Press reported the figure.") == "AP"
    assert statements.credited_outlet("Poland sent 6,000 troops, officials said.") is None
    assert origins.wire_credit("WARSAW, Poland (AP) — Poland sent ...")[0] == "AP"
    assert origins.wire_credit("LONDON, March 4 (Reuters) - Britain ...") == ("Reuters", "london march 4 reuters")
    assert origins.wire_credit("The (unnamed) report — said") == (None, None)


def test_claims_attribution_named_anonymous_outlet():
    text = "Poland sent 7,000 troops, a senior official who asked not to be named said. Minsk sent 300 troops."
    record = {"text": text, "quotes": []}
    first = statements.sentences(text)[0]
    at = text.index("7,000")
    assert statements.attribution(record, (at, at + 5), first, "daily.example") == ("anonymous", "anonymous official")
    second = statements.sentences(text)[1]
    at = text.index("300")
    assert statements.attribution(record, (at, at + 3), second, "daily.example") == ("outlet", "daily.example")
    record["quotes"] = [{"start": second[0], "end": second[1], "speaker": {"name": "Jan Nowak"}}]
    assert statements.attribution(record, (at, at + 3), second, "daily.example") == ("named", "Jan Nowak")
    # A withheld quote ("declined to say whether the 300 troops ...") credits nobody.
    record["quotes"][0]["withheld"] = True
    assert statements.attribution(record, (at, at + 3), second, "daily.example") == ("outlet", "daily.example")


def test_claims_passages_skip_direct_quotations():
    body = " ".join(f"word{i}" for i in range(60))
    quoted = " ".join(f"q{i}" for i in range(60))
    text = f'{body} "{quoted}" {body}'
    start = text.index(quoted)
    with_quote = set(origins.passages(text))
    without = set(origins.passages(text, [(start, start + len(quoted))]))
    assert without and without < with_quote
    assert not set(origins.passages(quoted)) & without


def test_claims_ids_differ_between_kinds_of_one_first_statement():
    # a quantity and a quotation can both be statement 0 of the same article
    base = {"idx": 0, "start": 0, "end": 3, "text": "two", "published": None, "value": 2.0, "approx": False}
    quantity = [{**base, "doc_id": d, "object": "sons", "bucket": "son|"} for d in ("a", "b")]
    quote = [{**base, "doc_id": d, "norm": "we will win", "speaker": "X"} for d in ("a", "b")]
    origin_of = {"a": "o:a", "b": "o:b"}
    ids = {claims.claim_rows(kind, group, origin_of, {})[0]["claim_id"] for kind, group in
           (("quantity", quantity), ("quote", quote))}  # fmt: skip
    assert len(ids) == 2
