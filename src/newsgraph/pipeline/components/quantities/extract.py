"""Quantities in text, by rules over the lexicons: a number with its currency or unit, its
scale (``1.5 million``), its bounds (``up to``, ``more than``), approximation (``around``)
and ranges (``between 5,000 and 7,000``, ``5,000-7,000``, ``$89 to $93 billion``).

``find_quantities(text)`` works on the string alone; the counted object ("troops") and the
filters that need the parse (numbers inside names) are applied by the component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsgraph.pipeline.components.quantities import ambiguous
from newsgraph.pipeline.components.quantities.lexicon import Unit, load, unit_for
from newsgraph.pipeline.components.quantities.numbers import Number, find_numbers, scale_after, times
from newsgraph.resources import words


@dataclass
class Found:
    """A quantity before its counted object is known. ``num_start``/``num_end`` cover the
    number (and unit) without modifiers; ``start``/``end`` the whole mention."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    approx: bool = False
    unit: str | None = None
    name: str | None = None  # the unit's English name
    dimension: str | None = None
    kind: str = "digit"
    modified: bool = False  # a bound or approximation word applies
    prefixed: bool = False  # a currency symbol was written before the number


_PER = re.compile(
    r"(?!\s+[-–—]\s)[\s-]*(?:(?:per|an|a|each)\b|/)[\s-]*(?=\w)"
    r"(?!\w+\s+(?:ago|earlier|later|before)\b)",
    re.I,
)
_PER_A_WORDS = words("lexicons/quantities/per_a_words.txt")
_CHANGE_WORDS = words("lexicons/quantities/change_words.txt")
_JOINER = re.compile(r"\s*(?:-|–|—|to|and|or|through)\s*(?=[$€£¥\w.-])", re.I)
# A few words between the two ends of "from X ... to Y" (no clause break).
_FROM_TO = re.compile(r"(?:\s+[^\s,;:]+){1,4}?\s+to\s+", re.I)
_TIME_AFTER = re.compile(r"(?::\d\d|\s?(?:a\.?m\b\.?|p\.?m\b\.?))", re.I)
_AFTER_BOUNDS = re.compile(
    r"(?P<lower>\s+or\s+more|[-\s]?plus\b|\+|\s+(?:or|and)\s+(?:over|above|older)\b)"
    r"|(?P<upper>\s+(?:or|and)\s+(?:less|under|below|younger|fewer)\b)|(?P<approx>\s+or\s+so\b)",
    re.I,
)
_MODIFIER_CACHE: dict[str, re.Pattern] = {}


def _change_re() -> re.Pattern:
    """A word of change right before a number (``fell``, ``rose``, ``edged up``)."""
    if "change" not in _MODIFIER_CACHE:
        alt = "|".join(re.escape(w) for w in sorted(_CHANGE_WORDS, key=len, reverse=True))
        _MODIFIER_CACHE["change"] = re.compile(
            rf"(?i)\b(?:{alt})\s+(?:(?:by|just|only|a further|another)\s+)?$"
        )
    return _MODIFIER_CACHE["change"]


def _modifier_re() -> re.Pattern:
    if "mod" not in _MODIFIER_CACHE:
        lex = load()
        phrases = set(lex.approx) | set(lex.lower) | set(lex.upper)
        alt = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        _MODIFIER_CACHE["mod"] = re.compile(rf"(?:(?<![\w])|(?<=\w-))(?:{alt})[\s-]*$", re.I)
    return _MODIFIER_CACHE["mod"]


def find_quantities(text: str, skip: list[tuple[int, int]] = ()) -> list[Found]:
    """Quantities in ``text``, left to right. Numbers overlapping a ``skip`` span (a date or
    time of day) are left out."""
    # "Oct. 18-22": the end of a day range inside a date is part of the date
    skip = [*skip, *((m.start(), m.end()) for m in _NOT_AMOUNTS.finditer(text))]
    numbers = [
        n
        for n in find_numbers(text)
        if not overlaps(n.start, n.end, skip)
        and not _after_date(text, n, skip)
        and not _before_date(text, n, skip)
    ]
    out: list[Found] = []
    consumed = 0
    i = 0
    while i < len(numbers):
        n = numbers[i]
        i += 1
        if n.start < consumed or _is_label(text, n):
            continue
        if _is_score(text, n, numbers, i):
            i += 1
            while i < len(numbers) and re.fullmatch(r"[-–]", text[numbers[i - 1].end : numbers[i].start]):
                i += 1  # "a 4-4-2 formation": every part of it
            consumed = numbers[i - 1].end
            continue
        first = _measure(text, n)
        if first is None:
            continue
        consumed = first.end
        joined = _range_with(text, first, numbers, i)
        if joined is not None:
            first, i = joined
            consumed = first.end
        first = _with_modifiers(text, first)
        out.append(first)
    return out


# Digits that are no amount: a telephone number (groups after a leading 0: "0800 555
# 0101", "0845 7 123 456"), an HTML character reference ("F&#244;n"), a whole number with a
# leading zero, a code or a clock time ("007", "area code 056", "until 0630", "between 2300
# and 0600"), a year cut to two digits ("in '93", "class of '83") or a decade ("80's"),
# betting odds ("the 1/3 favourite", "odds of 1/4", "from 4/6 to 1/2") and a tie-break
# after a set ("7-6 (8/6)").
_NOT_AMOUNTS = re.compile(
    r"(?=[\d&'’(])"  # every form starts with one of these: the engine skips other positions
    r"(?:(?<![\d,.])0\d{2,4}(?:[ -]\d{1,4}){2,3}(?![\d,.]\d)"
    r"|&#\d{2,5};"
    r"|(?<![\d,.£$€])(?:(?:[01]\d|2[0-3])[0-5]\d\s+(?:and|to|until|till|-)\s+)?0\d+(?![\d,.]\d|\s?%)"
    r"|(?<![\w'’])['’]\d\d(?![\d%'’])|(?<![\w-])\d0['’]s\b"
    r"|\d{1,3}/\d{1,3}(?=\s+(?:favourite|favorite|shot|outsider)\b)"
    r"|(?<=[Oo]dds (?:of|on|at) )\d{1,3}/\d{1,3}"
    r"|\d{1,3}/\d{1,3}\s+to\s+\d{1,3}/\d{1,3}|(?<=\d-\d\s)\(\d{1,2}/\d{1,2}\))"
)


def _after_date(text: str, n: Number, skip) -> bool:
    """Whether ``n`` closes a day range begun inside a date (``Oct. 18-22``)."""
    window = max(0, n.start - 6)
    dash = re.search(r"(\d+)\s?[-–]\s?$", text[window : n.start])
    if not dash or n.value is None or not 1 <= n.value <= 31:
        return False
    # the first day is the end of a date ("Oct. 18"), not a number after one ("Saturday's
    # 24-18 defeat", "now 2-1 favourite": a score or odds)
    first_end = window + dash.end(1)
    return any(s < first_end == e for s, e in skip)


_DAY_JOINER = re.compile(r"\s?[-–]\s?|\s+(?:to|and|or|until|till|through)\s+", re.I)


def _before_date(text: str, n: Number, skip) -> bool:
    """Whether ``n`` opens a day range that a date closes (``from 6 to 9 January``,
    ``6-9 Jan``, ``the 6th and 7th``): a day of the month, not a count."""
    if n.kind != "digit" or n.value is None or not 1 <= n.value <= 31 or not float(n.value).is_integer():
        return False
    pos = n.end + (2 if text[n.end : n.end + 2].lower() in ("st", "nd", "rd", "th") else 0)
    joiner = _DAY_JOINER.match(text, pos)
    return joiner is not None and any(s == joiner.end() for s, _ in skip)


def _is_score(text: str, n: Number, numbers: list[Number], i: int) -> bool:
    """``2-0``, ``89-89``: two small integers joined by a dash, not rising: a score."""
    if i >= len(numbers) or n.kind != "digit":
        return False
    nxt = numbers[i]
    if not re.fullmatch(r"\s?[-–]\s?", text[n.end : nxt.start]) or nxt.value is None or n.value is None:
        return False
    both_int = float(n.value).is_integer() and float(nxt.value).is_integer() and n.value < 300
    if not both_int or text[nxt.end : nxt.end + 1].isalnum():
        return False
    return n.value >= nxt.value or _rising_score(text, n.start, nxt.end)


# A rising pair is a score too when it stands in a run of scores ("won 6-2 3-6 6-3", a
# tie-break "6-7 (3-7)"), in a formation ("the 2-3-2 scrum"), before "down"/"up" ("0-30
# down"), after a verb of result ("defeated them 0-1") or before a noun of result ("a
# 17-24 defeat"). Alone, "5-10" is a range.
_SCORE_BEFORE = re.compile(r"(?:\d\s?[-–]\s?\d+|\(\d+[-–/]\d+\))\s+$")
_SCORE_AFTER = re.compile(
    r"\s+(?:\(\d+[-–/]\d+\)\s+)?\d+\s?[-–]\s?\d+(?![\d.,%]|\s?[-–]?[A-Za-z])"
    r"|\s?\(\d+[-–/]\d+\)|[-–]\d"
    r"|\s+(?:down|up)\b"
    r"|\s+(?:win|victory|defeat|loss|draw|lead|scoreline|thrashing|hammering|reverse)\b"
)
_RESULT_VERB = re.compile(
    r"(?i)\b(?:won|beat|beaten|defeated|lost|drew|drawn|trailed|trailing|led|leading)\s+(?:[a-z]+\s+)?$"
)
# After a verb of result the score ends the clause or a preposition follows ("won 20-30
# seats" is a range of seats).
_SCORE_END = re.compile(
    r"\s*(?:[.,;:!?)\"'’]|$)"
    r"|\s+(?:after|at|in|on|against|with|to|and|but|over|for|away|before|when|while|as)\b"
)


def _rising_score(text: str, start: int, end: int) -> bool:
    """Whether the rising pair ``[start, end)`` is a score (see ``_SCORE_AFTER``)."""
    return bool(
        _SCORE_BEFORE.search(text, max(0, start - 12), start)
        or _SCORE_AFTER.match(text, end)
        or (_RESULT_VERB.search(text, max(0, start - 30), start) and _SCORE_END.match(text, end))
    )


def overlaps(start: int, end: int, spans) -> bool:
    """Whether ``[start, end)`` overlaps any ``(start, end)`` pair of ``spans``."""
    return any(s < end and start < e for s, e in spans)


# A slash and a number after a number that the fraction reader left alone (``6/4``, ``24/7``).
_RATIO = re.compile(r"\s?[/⁄]\s?\d")
_TIMES = re.compile(r"\d\s?[x×]\s?$")  # "4x100m": the measure after the multiplier
_ADVERB_HYPHEN = re.compile(r"(?<![\w-])(?:now|then|once|almost|nearly|about|around|some|over|under|just)-$")


def _is_label(text: str, n: Number) -> bool:
    """True for numbers that name rather than count: ``Game 7``, ``TA-35``, ``4:39``,
    ``5G``, times of day."""
    if n.kind != "digit" or _prefix(text, n.start)[0] is not None:
        return False
    before = text[max(0, n.start - 25) : n.start]
    if _suffix_unit(text, n.end) is not None and not re.search(r"[A-Za-z]-?$", before):
        return False
    if re.search(r"(?i)\bsub-$", before):
        return False
    glued = re.search(r"[A-Za-z][-]?$", before) and not _TIMES.search(before)
    if glued and not _ADVERB_HYPHEN.search(before):
        return True  # glued to letters: COVID-19, F-16, TA-35 (not "her now-18 month-old")
    if re.search(r"(?:\d:|:)$", before) or _TIME_AFTER.match(text, n.end):
        return True
    if _RATIO.match(text, n.end):
        return True  # "24/7", odds "6/4", a tie-break "(7/5)": not a fraction's value

    word = re.search(r"([A-Za-z][\w&.]*)\s+$", before)
    small = n.value is not None and abs(n.value) < 1000 and "," not in text[n.start : n.end]
    if small and word and word.group(1).lower().rstrip(".") in load().label_words:
        return True
    if word and word.group(1).lower() in ("no.", "no", "number", "nos."):
        return True
    return False


def _prefix(text: str, start: int) -> tuple[Unit | None, int]:
    """A currency symbol written right before ``start`` and where it begins."""
    window = text[max(0, start - 8) : start]
    m = load().prefix_re.search(window)
    if not m:
        return None, start
    if m.start() > 0 and window[m.start() - 1].isalpha() and window[m.start()].isalpha():
        return None, start  # letters glued on: not a currency code
    form = m.group(0).strip()
    unit = load().prefix_forms.get(form) or load().prefix_forms.get(form.lower())
    if unit is None:
        return None, start
    return unit, start - (len(window) - m.start())


def _measure(text: str, n: Number) -> Found | None:
    """The number with its currency, scale and unit; None for a bare glued token (``5G``)."""
    unit, start = _prefix(text, n.start)
    value, end = n.value, n.end
    if (
        unit is not None
        and start < n.start
        and _PRODUCT.match(text, start)
        and not _MONEY_AFTER.match(text, n.end)
        and not _MONEY_BEFORE.search(text, max(0, start - 20), start)
    ):
        return None  # "the PS3", "on PS2": a product named with letters that spell a currency
    if n.kind == "digit" and not _TIMES.search(text, max(0, n.start - 3), n.start):
        # (after "4x", a lone m is the relay's metres: "the 4x100m boys")
        factor, end = scale_after(text, n.end, unit is not None)
        value = times(value, factor) if factor != 1 else value
        if unit is not None:
            us = re.match(r"\s?(?:US|U\.S\.)(?![\w])", text[end:])
            end += us.end() if us else 0
    found = Found(start, end, start, end, value, n.low, n.high, kind=n.kind, prefixed=unit is not None)
    if n.kind == "vague":
        found.approx = True
        # "millions of pounds"; "multi-million pound", "multimillion-dollar" (no "of")
        m = re.match(r"\s+of\s+", text[end:]) or (re.match(r"[\s-]", text[end:]) if text[start:end][:5].lower() == "multi" else None)
        suffix = _suffix_unit(text, end + m.end()) if m else None
        if suffix:
            found.end = found.num_end = suffix[1]
            vague_unit = suffix[0]
            if vague_unit.unit == "pound" and (n.low or 0) >= 1e6:
                vague_unit = load().by_unit["GBP"]  # "billions of pounds"
            _set_unit(found, vague_unit)
        return found
    scaled_end = end
    suffix = _suffix_unit(text, end)
    scaled = scaled_end > n.end or re.search(r"(?i)(?:illion|thousand|hundred)$", text[n.start : n.end])
    if suffix and _verb_won(text, suffix[1], bool(scaled)):
        suffix = None  # "Halo 2 won the award", "2004 won't be": the verb
    if suffix and (unit is None or suffix[0].dimension == "currency" or suffix[0].unit == unit.unit):
        if (
            unit is None
            or suffix[0].dimension != "currency"
            or suffix[0].unit == unit.unit
            or unit.unit == "USD"
        ):
            unit = suffix[0] if unit is None or suffix[0].unit != "USD" else unit
        end = suffix[1]
    elif unit is not None and suffix and _names_currency(suffix[0], unit):
        end = suffix[1]  # "£3bn pounds a year": the currency written twice
    elif (
        not suffix
        and unit is None
        and _INCHES.match(text, end)
        and _FEET_BEFORE.search(text, max(0, start - 12), start)
    ):
        unit, end = load().by_unit["inch"], _INCHES.match(text, end).end()  # "6ft 4in"
    elif n.kind == "digit" and end < len(text) and text[end].isalpha() and not suffix:
        return _age_group(text, n, found)  # 5G, 3D, 4K: a name; "the over-70s": an age
    if unit is not None and unit.unit == "pound" and abs(value or n.low or 0) >= 1e6:
        unit = load().by_unit["GBP"]  # "361 million pounds": money, not weight
    elif n.kind == "digit":
        unit, end = _disambiguated(text, n.start, scaled_end, end, unit, found.prefixed)
    if unit is not None:
        _set_unit(found, unit)
        end = _per_unit(text, end, found)
    found.end = found.num_end = end
    after = _AFTER_BOUNDS.match(text, end)
    if after and n.kind in ("digit", "word"):
        found.end = found.num_end = after.end()
        found.modified = True
        if after.group("lower"):
            found.low = value
        elif after.group("upper"):
            found.high = value  # "aged 14 or under"
        else:
            found.approx = True
    return found


# "won" after a number is the Korean currency after a scale ("100 trillion won") or before
# punctuation or a preposition ("5,000 won of", "5,000 won."); otherwise the verb.
_WON_AFTER = re.compile(r"[.,;:!?)]|\s*\(|\s+(?:of|in|for|per|to|and|or|from|a|each|worth)\b|\s*$")


def _verb_won(text: str, end: int, scaled: bool) -> bool:
    """Whether the unit word ending at ``end`` is the verb "won" (or "won't")."""
    if text[end - 3 : end].lower() != "won":
        return False
    return not scaled and not _WON_AFTER.match(text, end) or text.startswith("'t", end)


# Letters glued to one digit and nothing after (no decimals, scale or unit): a product
# name, not an amount ("the PS3", "sales of PS2 games"; "PS3m", "PS3.5" and "£3" are money).
_PRODUCT = re.compile(r"[A-Z]{2,3}\d(?![\w%]|[.,]\d)")
# ... unless words of price say it is money: "PS4 each", "worth PS4", "costs PS3 a month".
_MONEY_AFTER = re.compile(r"(?i)\s+(?:each|apiece|per|a|an)\b")
_MONEY_BEFORE = re.compile(r"(?i)\b(?:worth|costs?|costing|paid|pays?|priced|fined|charges?)\b[^.;]*$")


# "6ft 4in", "5 ft 11 ins": the lone "in" after a measure in feet is inches.
_INCHES = re.compile(r" ?ins?\b\.?")
_FEET_BEFORE = re.compile(r"\d ?(?:ft|feet|foot)\.? ?$")


def _names_currency(suffix: Unit, prefix: Unit) -> bool:
    """Whether a word after an amount names the currency written before it: ``£3bn pounds``
    (the lexicon reads a lone ``pounds`` as mass)."""
    return prefix.unit == "GBP" and suffix.unit == "pound"


_AGE_GROUP = re.compile(r"(?i)\b(?P<bound>over|under)-$")


def _age_group(text: str, n: Number, found: Found) -> Found | None:
    """``the over-70s``, ``under-18s``: an age with its bound; None for any other number
    glued to letters (``5G``, ``3D``)."""
    bound = _AGE_GROUP.search(text, max(0, n.start - 6), n.start)
    if not bound or not re.match(r"s\b", text[n.end :]) or n.value is None or not 0 < n.value < 120:
        return None
    _set_unit(found, load().by_unit["year of age"])
    found.start, found.end, found.num_end, found.modified = bound.start(), n.end + 1, n.end + 1, True
    if bound.group("bound").lower() == "over":
        found.low = n.value
    else:
        found.high = n.value
    return found


def _disambiguated(text: str, start: int, scaled_end: int, end: int, unit: Unit | None, prefixed: bool):
    """``(unit, end)`` with an ambiguous form's unit chosen from the context words
    (``ambiguous.choose``): the symbol before the number when one was read, else the form
    right after the number and its scale (``25 c``, ``30 kn``, ``50 pounds``); ``end`` is
    where the mention ends so far."""
    if prefixed:  # a currency symbol before the number: only that symbol may be ambiguous
        key, form_end = ambiguous.symbol_before(text, start), end
        if key not in ambiguous.model():
            return unit, end
    else:
        after = ambiguous.form_after(text, scaled_end)
        if after is None or after[0] not in ambiguous.model() or not ambiguous.allowed(text, after[0], after[1]):
            return unit, end
        if text[after[1] - 1] == '"' and _closes_quote(text, after[1] - 1):
            return unit, end
        key, form_end = after
        if key == "p" and form_end == scaled_end + 1 and not _QUOTED_PRICE.search(_sentence(text, start)):
            return load().by_unit["GBX"], form_end  # "53p", "a 1p rise": pence
    name, margin = ambiguous.choose(key, ambiguous.features(text, start, form_end))
    chosen = load().by_name.get(name)
    # A form the lexicon already reads (``pounds``: mass, ``pc``: percent) changes only on
    # clear evidence: the model is fit on made-up sentences that use every reading equally
    # often, news does not. A symbol without a reading of its own (``kn``) has none to keep.
    keep = unit is not None and chosen != unit and margin < _CLEAR_MARGIN
    if chosen is None or keep:
        return unit, end
    return chosen, max(end, form_end)


_CLEAR_MARGIN = 2.0
# A "p" glued to a number is a penny ("costs 53p", "a 1p rise"), but a share price quoted in
# pence is a point in NewsQuant's convention ("shares closed up 4p at 548p"): the model
# decides in a sentence about shares, stocks or an index.
_QUOTED_PRICE = re.compile(r"(?i)\b(?:shares?|stocks?|index|ftse|traded|trading)\b")


def _sentence(text: str, pos: int) -> str:
    """The sentence around ``pos`` (cut at ``.``, ``!``, ``?`` before a space, or a line)."""
    start = max(text.rfind(cut, 0, pos) for cut in (". ", "! ", "? ", "\n"))
    ends = [e for e in (text.find(". ", pos), text.find("\n", pos)) if e >= 0]
    return text[start + 1 : min(ends) if ends else len(text)]


def unit_after(text: str, pos: int) -> Unit | None:
    """The unit written right after ``pos`` (one space or hyphen allowed), or None."""
    found = _suffix_unit(text, pos)
    return found[0] if found else None


_GAP = re.compile(r"[\s-]?")
# One-letter SI symbols too ambiguous alone ("5 A", "3 N") that are units before a slash:
# "2 A/cm2", "3 N/m2" (the rate's denominator is read by ``_per_unit``).
_BEFORE_SLASH = re.compile(r" ?(?P<symbol>[ANJ])(?=/[A-Za-z])")
_SLASH_SYMBOLS = {"A": "ampere", "N": "newton", "J": "joule"}


def _suffix_unit(text: str, pos: int) -> tuple[Unit, int] | None:
    for at in (pos, _GAP.match(text, pos).end()):
        u = load().suffix_re.match(text, at)
        if u:
            unit = unit_for(u.group(0))
            if unit is not None and not (u.group(0) == '"' and _closes_quote(text, at)):
                return unit, u.end()
    symbol = _BEFORE_SLASH.match(text, pos)
    if symbol and _SLASH_SYMBOLS[symbol.group("symbol")] in load().by_unit:
        return load().by_unit[_SLASH_SYMBOLS[symbol.group("symbol")]], symbol.end()
    return None


def _closes_quote(text: str, pos: int) -> bool:
    """Whether the straight double quote at ``pos`` closes one opened earlier in its line
    (``losses during 2001 and 2002".``), so is no inch mark."""
    return text.count('"', text.rfind("\n", 0, pos) + 1, pos) % 2 == 1


def _set_unit(found: Found, unit: Unit) -> None:
    found.unit, found.name, found.dimension = unit.unit, unit.name, unit.dimension


def _per_unit(text: str, end: int, found: Found) -> int:
    """Extend ``found`` with a rate denominator (``$58 per barrel``, ``$3,500 a month``)."""
    m = _PER.match(text, end)
    if not m:
        return end
    u = _suffix_unit(text, m.end())
    joiner = m.group(0).strip().lower()
    if u:
        den_name, den_unit, den_end = u[0].name, u[0].unit, u[1]
    else:
        w = re.match(r"[a-z]+", text[m.end() :])
        if not w or (joiner in ("a", "an", "each") and w.group(0) not in _PER_A_WORDS):
            return end
        den_name = den_unit = w.group(0)
        den_end = m.end() + w.end()
    if (
        joiner in ("a", "an", "each")
        and den_name not in _PER_A_WORDS
        and (u is None or u[0].dimension != "time")
    ):
        if den_name.split()[0] not in _PER_A_WORDS:
            return end
    found.unit = f"{found.unit} per {den_unit}"
    found.name = f"{found.name} per {den_name}"
    return den_end


def _range_with(text: str, first: Found, numbers: list[Number], i: int):
    """``first`` joined with the next number into a range (``5,000-7,000``, ``between $62
    and $68``), with the next index; None when the next number does not close a range."""
    while i < len(numbers) and numbers[i].start < first.end:
        i += 1
    if i >= len(numbers) or first.kind in ("vague", "fraction"):
        return None
    joiner = _JOINER.match(text, first.end)
    nxt = numbers[i]
    before = text[max(0, first.start - 30) : first.start].lower()
    if joiner and _prefix(text, nxt.start)[1] != joiner.end():
        joiner = None
    if not joiner and first.unit is not None and re.search(r"\bfrom\s*$", before):
        # "from 21 mpg combined to 23", "from $75 at 9am to $45": a change, one range
        for j in range(i, min(i + 3, len(numbers))):
            if j > i and not _is_label(text, numbers[j - 1]):
                break  # a quantity between the two: "from £3bn ($4bn) in 2003 to £2bn"
            joiner = _FROM_TO.match(text, first.end, _prefix(text, numbers[j].start)[1])
            if joiner and joiner.end() == _prefix(text, numbers[j].start)[1]:
                i, nxt = j, numbers[j]
                break
            joiner = None
    if not joiner or nxt.kind not in ("digit", "word"):
        return None
    word = joiner.group(0).strip().lower()
    word = "to" if word.endswith(" to") else word
    if word == "and" and not re.search(r"\bbetween\s*$", before):
        return None
    if word == "or" and nxt.kind != first.kind:
        return None
    if word == "or":
        # "eight or nine euros": two values, the first with the unit written once
        second = _measure(text, nxt)
        if second is not None and first.unit is None and second.unit is not None:
            first.unit, first.name, first.dimension = second.unit, second.name, second.dimension
        return None
    second = _measure(text, nxt)
    if second is None or first.value is None or second.value is None:
        return None
    if word == "to" and first.value > second.value and not re.search(r"\bfrom\s*$", before):
        return None  # "eight to one": odds or a ratio, not a range
    if word == "to" and (first.unit is not None or second.unit is None) and _change_re().search(before):
        # "fell 12p to 340p", "unemployment rose 32,000 to 1.4 million": a change and the
        # level reached ("up 3 to 4%" is a range)
        return None
    if not _units_allow_range(first, second, before):
        return None
    if word in ("-", "–", "—") and first.value >= second.value and first.unit is None and second.unit is None:
        if float(first.value).is_integer():
            return None  # a score (2-0, 89-89), not a range
    if word in ("-", "–", "—") and first.value > second.value:
        return None  # "31 points - four points behind": a range never falls
    low, high = _shared_scale(text, first, nxt, second), second.value
    merged = replace(
        first, end=second.end, num_end=second.num_end, value=None, low=min(low, high), high=max(low, high)
    )
    if second.unit is not None and (merged.unit is None or second.unit.startswith(merged.unit + " per")):
        merged.unit, merged.name, merged.dimension = second.unit, second.name, second.dimension
    return merged, i + 1


def _units_allow_range(first: Found, second: Found, before: str) -> bool:
    """Whether two measured numbers can be the ends of one range, by their units."""
    if re.search(r"\bby\s*$", before) and (first.unit is not None or second.value >= 2 * first.value):
        return False  # "rose by $43.6 billion to $419.2 billion": a change, then a level
    if first.unit and second.unit and first.unit != second.unit:
        return second.unit.startswith(first.unit + " per")  # "$62 and $68 per share"
    if first.unit and not second.unit:
        return bool(re.search(r"\b(?:between|from)\s*$", before))  # not "rose 8% to 3.65"
    return True


def _shared_scale(text: str, first: Found, nxt: Number, second: Found) -> float:
    """The low end with the scale written once after the high end: ``$89 to $93 billion``,
    ``1 to 2 thousand``; unchanged when the first number carries its own scale."""
    low = first.value
    scale = round(second.value / nxt.value) if nxt.value else 1
    written = re.search(r"(?i)\b(hundred|thousand|million|billion|trillion)$", text[nxt.start : nxt.end])
    if nxt.kind == "word" and written and first.kind == "word" and scale == 1:
        # "four to five thousand": the scale word ends the second number in words
        scale = load().scales[written.group(1).lower()]
        return times(low, scale) if low < scale and low * scale <= second.value else low
    if scale <= 1 or re.search(
        r"(?i)million|billion|thousand|bn|[mkb]\b", text[first.num_start : first.num_end]
    ):
        return low
    return times(low, scale) if low * scale <= second.value * 1.0001 else low


# "adds up to", "summed up to": a total, not the bound "up to".
_TOTALLED = re.compile(r"(?i)\b(?:add|adds|added|adding|sums?|summed|totted)\s+$")


def _with_modifiers(text: str, found: Found) -> Found:
    """Apply bound/approximation words written before the quantity (``up to``, ``around``)."""
    lex = load()
    start = found.start
    opener = re.search(r"(?i)\b(?:between|from|ranging from)\s+$", text[max(0, start - 20) : start])
    if opener and found.value is None:
        return replace(found, start=start - len(opener.group(0)))
    for _ in range(2):
        m = _modifier_re().search(text, max(0, start - 25), start)
        if not m:
            break
        phrase = re.sub(r"[\s-]+$", "", m.group(0)).lower()
        if phrase == "some" and found.kind == "vague":
            break
        if phrase == "up to" and _TOTALLED.search(text, max(0, m.start() - 12), m.start()):
            break  # "trade added up to 22,201bn yen": a total, no upper bound
        if phrase in lex.approx:
            found.approx = True
        if found.value is not None:
            if phrase in lex.lower:
                found.low = found.value
            if phrase in lex.upper:
                found.high = found.value
        found.modified = True
        start = m.start()
    found.start = start
    return found
