"""Numbers in running text: numerals (``40,000``, ``1.5``, ``.001``, ``-5``), numerals with
scale words or suffixes (``1.5 million``, ``3bn``, ``4 hundred million``), numbers in words
(``three``, ``twenty-six``, ``two dozen``, ``a million``), vague plurals (``dozens of``,
``tens of thousands of``) and fractions (``two-thirds``, ``a third of``, ``one in three``).

``find_numbers(text)`` returns ``Number``s; what they count or measure is decided elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from newsgraph.pipeline.components.quantities.lexicon import alternation, load
from newsgraph.pipeline.shared.number_words import words_value
from newsgraph.pipeline.shared.temporal.scan import Scanner, ascii_folded, fold


@dataclass
class Number:
    """A number found at ``[start, end)``: a single ``value`` or a vague range ``low``-``high``.
    ``kind`` is digit, word, vague or fraction; ``scaled`` says a scale word or suffix
    multiplied it (``1.5 million``); ``raw`` is the value before that scale."""

    start: int
    end: int
    value: float | None
    kind: str
    low: float | None = None
    high: float | None = None
    scaled: bool = False
    raw: float | None = None
    scale: int = 1


def _gated(first: str, pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` behind a lookahead for the characters a match can begin with: Python's
    regex engine then skips every other position at once instead of trying the whole
    pattern there (several times faster on news text, same matches). ``re.I`` is written
    into the pattern (``(?i)``), where the date tagger's ``Scanner`` reads it."""
    return re.compile(("(?i)" if flags & re.I else "") + f"(?=[{first}])(?:{pattern})", flags & ~re.I)


_DIGITS = _gated(r"\d.", r"(?<![\d.,/])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d])")
# "1.5e6", "3 x 10^8", "1.99×10−30": scientific notation.
_SCIENTIFIC = Scanner(_gated(
    r"\d",
    r"(?<![\w.])(?P<mantissa>\d+(?:\.\d+)?)(?:[eE](?P<e1>[-+]?\d+)\b"
    r"|\s?[x×*]\s?10\s?(?:(?:\^|\*\*)(?P<e2>[-−]?\d+)|(?P<e3>[-−]\d+)))",
))
_TIMES_DIGITS = re.compile(r"\s?[x×]\s?\d")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_NEGATIVE_BEFORE = re.compile(r"(?:(?<![\w.,])[-−]|\bminus[\s-])$", re.I)


def _word_pattern() -> re.Pattern:
    lex = load()
    words = list(lex.units) + list(lex.tens) + list(lex.scales) + ["dozen"]
    word = "(?:" + alternation(words) + ")"
    scale = "(?:" + "|".join(list(lex.scales) + ["dozen"]) + ")"
    # "a million", "an eighth" are numbers only with a scale word; "and" only after "hundred".
    first = "".join(sorted({w[0] for w in words} | {"a"}))
    # "two hundred and five": "and" joins only after a scale word ("number one and two" is two)
    and_after = "(?:" + "|".join(f"(?<={s})" for s in [*lex.scales, "dozen"]) + r")\s+and\s+(?=\w)"
    return _gated(
        first + first.upper(),
        rf"\b(?:(?:an?\s+{scale})|{word})(?:(?:[\s-]+|{and_after})(?:{word}))*\b",
        re.I,
    )


def _scale_after_pattern() -> re.Pattern:
    lex = load()
    scale = "|".join(lex.scales)
    suffix = "|".join(sorted(lex.multipliers, key=len, reverse=True))
    # "bn", "mn", "tn" are unambiguous and may stand apart ("$3 bn"); "m", "b", "k" only glued.
    return re.compile(
        rf"(?:[\s-]*(?P<word>(?i:{scale}|dozen))\b)+|\s?(?P<suffix>bn|mn|mln|bln|tn|trn|mil)(?![A-Za-z])"
        rf"|(?P<suffix2>{suffix})(?![A-Za-z])"
    )


_CACHE: dict[str, re.Pattern] = {}
_WORD_SCANNER: list[Scanner] = []


def _pattern(name: str) -> re.Pattern:
    if name not in _CACHE:
        _CACHE["word"] = _word_pattern()
        _CACHE["scale"] = _scale_after_pattern()
    return _CACHE[name]


def _word_scanner() -> Scanner:
    if not _WORD_SCANNER:
        _WORD_SCANNER.append(Scanner(_pattern("word")))
    return _WORD_SCANNER[0]


_VAGUE_NEEDS = ("tens", "dozens", "scores", "hundreds", "thousands", "millions", "billions")
_VAGUE = Scanner(_gated(
    "tdshmbTDSHMB",
    r"\b(?P<outer>tens|dozens|scores|hundreds|thousands|millions|billions)"
    r"(?:\s+of\s+(?P<inner>thousands|millions|billions))?(?=\s+of\b)",
    re.I,
))
# "multi-billion dollar", "a multimillion-pound deal": several of the scale, a vague range
# from two of it to ten (written as "millions of" is: no single value is given).
_MULTI = re.compile(r"(?i)\bmulti-?(?P<scale>million|billion|trillion)\b")
# One pattern per kind of fraction: four small scans are faster than one alternation.
# Each comes with the strings one of which every match holds (lower-cased; None: no such
# list), so a text holding none of them is not scanned: same matches, one fast ``in`` test.
_FRACTIONS = tuple(
    (Scanner(_gated(first, p, re.I)), needs)
    for first, p, needs in (
        (
            "aotfsAOTFS",
            r"\b(?P<num>a|one|two|three|four|five|seven)[\s-]"
            r"(?P<den>halves|half(?<=one half)|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)\b(?![-])"
            r"(?!\s+(?:hundred|thousand|million|billion|trillion)\b)"
            # "a third term", "a fifth straight win": an ordinal before a word, not a fraction
            r"(?!(?:(?<=a third)|(?<=a fourth)|(?<=a fifth)|(?<=a sixth)|(?<=an eighth)|(?<=a tenth))"
            r"\s+(?!(?:of|the|a|an|as|than|in|on|"
            r"off|to|by|from|since|over|with|at|for|and|or|more|less|fewer|this|that|its|their|his|her|"
            r"our|all)\b)[a-z])",
            ("half", "halves", "third", "quarter", "fourth", "fifth", "sixth", "eighth", "tenth"),
        ),
        (r"\d", r"(?<![\d/.])(?P<n3>\d{1,3})\s?[/⁄]\s?(?P<d3>2|3|4|8|10|16|32|64|100|128)(?![\d/])", ("/", "⁄")),
        (
            "otfsenOTFSEN1-9",
            r"(?<![$€£¥\d.,])\b(?:(?P<n2>one|two|three|[1-9])\s+in"
            r"|(?P<n4>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+out\s+of)"
            r"\s+(?P<d2>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred"
            r"|\d{1,3}(?:,\d{3})+|[2-9]|\d{2,3})\b"
            r"(?!\s*(?:years?|months?|weeks?|days?|hours?|%|-|–|,\d))",
            None,
        ),
        (
            "hH",
            r"(?<![\w-])half\b(?:(?<=almost half)|(?<=nearly half)|(?<=roughly half)|(?<=about half)"
            r"|(?=\s+(?:the|of|their|its|his|her|our|all)\s))",
            ("half",),
        ),
    )
)


# "tenfold", "twentyfold": a number word glued to "fold" (the unit reads "fold" after it).
# The rare literal is searched first and the word looked up behind it: a scan gated on the
# word's first letters would stop at most letters of the text.
_FOLD = re.compile(r"fold\b", re.I)
_FOLD_WORD = re.compile(
    r"(?i)\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand)$"
)
_VULGAR_VALUES = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_VULGAR_NEEDS = tuple(_VULGAR_VALUES)
_VULGAR = Scanner(_gated(r"\d½¼¾⅓⅔⅛", r"(?<![\d.,])(?P<whole>\d+)?\s?(?P<frac>[½¼¾⅓⅔⅛])"))
_MIXED = re.compile(r"\s(?P<n>[1-9])\s?[/⁄]\s?(?P<d>2|3|4|8|16)(?![\d/])")


def times(value: float, factor: float) -> float:
    """``value * factor`` in decimal, as the text writes them: 2.18 trillion is
    2180000000000.0, where binary floating point gives 2180000000000.0002."""
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def scale_after(text: str, pos: int, has_currency: bool) -> tuple[int, int]:
    """The multiplier written right after a numeral ending at ``pos`` (``million``, ``bn``,
    ``hundred million``) and where it ends; ``(1, pos)`` when there is none. A lone ``m``
    or ``b`` counts as million/billion only after a currency (``$3m``, but ``37m`` is metres)."""
    lex = load()
    m = _pattern("scale").match(text, pos)
    if not m:
        return 1, pos
    if m.group("suffix") or m.group("suffix2"):
        suffix = m.group("suffix") or m.group("suffix2")
        if (
            suffix in ("m", "b", "B", "k", "K")
            and not has_currency
            and not _currency_follows(text, m.end())
            and not _PLURAL_FOLLOWS.match(text, m.end())
            or (suffix == "m" and not has_currency and _ATHLETES_FOLLOW.match(text, m.end()))
            # "the 10,000m", "the 5,000m champion": thousands of metres; a thousand million
            # without a currency would be written "bn"
            or (suffix == "m" and not has_currency and re.search(r"\d,\d{3}$", text[max(0, pos - 5) : pos]))
        ):
            return 1, pos
        return lex.multipliers[suffix], m.end()
    factor = 1
    for word in re.findall(r"[A-Za-z]+", m.group(0)):
        factor *= 12 if word.lower() == "dozen" else lex.scales[word.lower()]
    return factor, m.end()


# "2m tons", "3m devices", "10k runners": a lone m/k/b before a plural noun is a scale,
# except before the races and titles of a track or pool distance ("the 60m hurdles").
# A noun may stand between the scale and the plural it belongs to ("300m blog entries"),
# but not a measure adjective or preposition ("37m tall towers" is metres). A word of the
# closed classes that ends in s is no plural ("landed 17.30m with his last jump", "the 5m
# this year"), nor does a preposition, pronoun or auxiliary stand before a plural's noun.
_PLURAL_FOLLOWS = re.compile(
    r" (?:(?!(?:tall|high|long|wide|deep|away|above|below|from|of|in|at|on|for|to|and|or|the|a"
    r"|with|into|onto|over|under|after|before|behind|than|but|that|then|when|while|her|their|our"
    r"|your|my|were|had|have|will|would|could|should|can|might|must|did|been|being"
    r"|two|three|four|five|six|seven|eight|nine|ten)\b)"
    r"[a-z]{3,}(?<!s) )?"
    r"(?!(?:metres|meters|miles|minutes|bytes|bits|times|hurdles|races|titles|finals|heats|relays"
    r"|sprints|events|medals|records|swims|runs"
    r"|his|its|this|was|has|does|thus|plus|yes|whereas|perhaps|always|besides|towards|afterwards"
    r"|indoors|outdoors)\b)"
    r"[a-z]{2,}(?<!s)s\b"
)


# "the 800m runners", "400m hurdlers": a lone m before the athletes of a distance is metres
# ("10k runners" may still be ten thousand).
_ATHLETES_FOLLOW = re.compile(
    r" (?:runners|hurdlers|sprinters|swimmers|champions|athletes|specialists|medallists|winners)\b"
)


def _currency_follows(text: str, pos: int) -> bool:
    """True when a currency word follows (``253m euros``): the ``m`` is then a million."""
    u = load().suffix_re.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    if u is None:
        return False
    unit = load().cased_suffix.get(u.group(0)) or load().suffix_forms.get(u.group(0).lower())
    return unit is not None and unit.dimension == "currency"


def _holds(text: str | None, needs: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``needs`` (plain substring tests, in C); True for None
    (``fold`` found a character whose lower case a case-blind pattern may match otherwise)."""
    return text is None or any(need in text for need in needs)


def find_numbers(text: str) -> list[Number]:
    """Every number in ``text``, left to right, without overlaps (longest first)."""
    text = ascii_folded(text)  # "tenſ of thouſands" reads "tens of thousands"; offsets kept
    found: list[Number] = []
    low = fold(text)  # lower case, or None when a case-blind match could hide from it
    # The patterns run through the date tagger's scanners (exactly their ``finditer``
    # matches, found in cheaper steps; ``memo`` shares their gate tests), except ``_DIGITS``,
    # which they would not make faster.
    memo: dict = {}
    for m in _VAGUE.finditer(text, low, memo) if _holds(low, _VAGUE_NEEDS) else ():
        lex = load()
        base = lex.vague[m.group("outer").lower()]
        inner = lex.scales.get((m.group("inner") or "").lower()[:-1], 1)
        found.append(
            Number(m.start(), m.end(), None, "vague", low=float(base * inner), high=float(base * inner * 10))
        )
    for m in _MULTI.finditer(text) if _holds(low, ("multi",)) else ():
        scale = load().scales[m.group("scale").lower()]
        found.append(Number(m.start(), m.end(), None, "vague", low=float(2 * scale), high=float(10 * scale)))
    for scanner, needs in _FRACTIONS:
        if needs is not None and not _holds(low, needs):
            continue
        for m in scanner.finditer(text, low, memo):
            if m.groupdict().get("n3") and int(m.group("n3")) >= int(m.group("d3")):
                continue  # "6/4", "7/5": odds or a tie-break, not a fraction
            value = _fraction_value(m.groupdict())
            if m.group(0)[:1].isalnum() and value > 1:
                continue  # "ten out of nine": not a share
            found.append(Number(m.start(), m.end(), value, "fraction"))
    for m in _word_scanner().finditer(text, low, memo):
        value, stop = words_value(m.group(0)), m.end()
        if value is None:
            # Two numbers in a row ("the opening two Six Nations wins"): the longest run
            # from the start that is one number.
            value, stop = _leading_number(m.group(0), m.start())
        if value is not None:
            value, end = _and_a_half(text, stop, float(value))
            scale = _SCALE_WORD.match(text, end) if end != stop else None
            if scale:  # "one and a half million"
                value, end = value * load().scales[scale.group(1).lower()], scale.end()
            found.append(Number(m.start(), end, value, "word", raw=value))
    for m in _FOLD.finditer(text):
        word = _FOLD_WORD.search(text, max(0, m.start() - 8), m.start())
        if word:
            value = float(words_value(word.group(0)))
            found.append(Number(word.start(), word.end(), value, "word", raw=value))
    for m in _VULGAR.finditer(text, low, memo) if _holds(text, _VULGAR_NEEDS) else ():
        whole = m.group("whole")
        value = (float(whole) if whole else 0.0) + _VULGAR_VALUES[m.group("frac")]
        found.append(Number(m.start(), m.end(), value, "digit", raw=value))
    for m in _SCIENTIFIC.finditer(text, low, memo):
        exponent = (m.group("e1") or m.group("e2") or m.group("e3")).replace("−", "-")
        value = float(m.group("mantissa")) * 10 ** int(exponent)
        found.append(Number(m.start(), m.end(), value, "digit", raw=value))
    for m in _DIGITS.finditer(text):
        if _ORDINAL_AFTER.match(text, m.end()) or _TIMES_DIGITS.match(text, m.end()):
            continue  # "3rd"; the 4 of "4x100m" (a relay, a grid) counts legs, the 100 is the measure
        value = float(m.group(0).replace(",", ""))
        start = m.start()
        mixed = _MIXED.match(text, m.end())
        if mixed and "." not in m.group(0):
            # "10 1/2 miles", "7 3/4 %": a whole number and a fraction
            value += int(mixed.group("n")) / int(mixed.group("d"))
            found.append(Number(start, mixed.end(), value, "digit", raw=value))
            continue
        # the pattern ends in "-", "−" or a space: look only when the text does
        before = text[start - 1 : start]
        neg = (before in "-−" or before.isspace()) and _NEGATIVE_BEFORE.search(
            text, max(0, start - 6), start
        )
        if neg:
            value, start = -value, neg.start()
        end = m.end()
        if text[end : end + 1] == " " and "." not in m.group(0):
            value, end = _and_a_half(text, end, value)
        found.append(Number(start, end, value, "digit", raw=value))
    return _without_overlaps(found)


# "two and a half years", "3 and a quarter": a whole number and a fraction in words.
_AND_A = re.compile(r"\s+and\s+(?:a|one)\s+(?P<part>half|quarter|third)\b(?![\s-]+(?:of|the)\b)", re.I)
_SCALE_WORD = re.compile(r"[\s-]+(hundred|thousand|million|billion|trillion)\b", re.I)
_AND_A_VALUES = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}


def _leading_number(words: str, start: int) -> tuple[int | None, int]:
    """The value of the longest run of words opening ``words`` that is one number, and
    where it ends (``start`` is where ``words`` starts); (None, start) when none is."""
    for cut in reversed([w.end() for w in re.finditer(r"[^\s-]+", words)][:-1]):
        value = words_value(words[:cut])
        if value is not None:
            return value, start + cut
    return None, start


def _and_a_half(text: str, end: int, value: float) -> tuple[float, int]:
    """``value`` and ``end`` extended by ``and a half`` (``quarter``, ``third``) written
    right after the number; unchanged when there is none or the number has decimals."""
    if text[end : end + 1] != " " or not float(value).is_integer():
        return value, end
    m = _AND_A.match(text, end)
    if not m:
        return value, end
    return value + _AND_A_VALUES[m.group("part").lower()], m.end()


def _fraction_value(m: dict) -> float:
    """The value of a fraction match, from its named groups."""
    lex = load()
    if m.get("den"):
        num = words_value(m["num"]) or 1
        return num * lex.fractions[m["den"].lower()]
    if m.get("d3"):
        return int(m["n3"]) / int(m["d3"])
    if m.get("d2"):
        written = m.get("n2") or m.get("n4")
        num = float(written) if written.isdigit() else float(words_value(written) or 1)
        den = m["d2"]
        den = den.replace(",", "")
        den_value = float(den) if den.isdigit() else float(words_value(den) or 1)
        return num / den_value
    return 0.5


def _without_overlaps(numbers: list[Number]) -> list[Number]:
    numbers.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Number] = []
    for n in numbers:
        if out and n.start < out[-1].end:
            continue
        out.append(n)
    return out
