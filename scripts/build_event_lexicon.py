"""Build src/newsgraph/resources/events/cameo_triggers.tsv from PETRARCH2's CAMEO verb dictionary.

Usage: python scripts/build_event_lexicon.py [DATA_DIR]
DATA_DIR holds CAMEO2PLOVER-2021.txt and petrarch2-dictionaries/CAMEO.2.0.txt
(default: /work/shared/data/events).

How a row is derived (the file's header repeats this):
- Every verb of a synonym block ("--- ATTACK [190] ---" and the verbs listed under it) gets a
  bare row with the block's code (or the verb's own ``[code]``), unless the code is null
  (``---``), the block is one of ``GENERIC_BLOCKS`` (verbs whose default code PETRARCH2 only
  uses when composing with another verb: "prepare", "consider", "hope", "arrive"), or the verb
  is in ``GENERIC_VERBS``.
- A pattern gives rows only when a row can say all it asks for (``pattern_object``): one noun
  after the verb ("- * {ARMS SHIPMENT} [072]": the head noun, with its modifiers when the
  pattern braces a phrase, all of whose words must appear among the object's words), after at
  most one particle that joins the verb ("- * UP RESISTANCE": "put up"), or one prepositional
  phrase, whose preposition joins the verb ("- * (FOR AID) [020]": "appeal for" aid). Synsets
  (&WEAPON) expand to their members, singularised unless marked as taking no plural ("NEWS_").
  Skipped: a pre-verb part (a subject constraint), an actor slot (+ $ ^ %), a second noun or
  phrase ("- * ACTION (AGAINST)", "- * CONVICTION (IN COURT)"), a noun slot holding no noun
  ("- * ABOUT", "- * STRONGLY"), no noun at all.
- PETRARCH2 pools a block's patterns over its verbs; a pattern written for one verb (its
  comment names it: "- * BILL [111]  # OPPOSE") makes rows for the block's verbs coded as that
  verb is in isolation, not for one the dictionary codes otherwise ("DEBATE [040]" among the
  110 verbs: no "debate bill" -> ACCUSE). A pattern naming no verb of the block serves all.
- CAMEO codes map to PLOVER through CAMEO2PLOVER-2021 (exact code, else its 3-digit, else its
  2-digit parent). CAMEO 01x (public statements: quotes cover them) is dropped; CAMEO 02x
  (appeals) is REQUEST, as in the PLOVER manual, which merges appeals and demands.
- A verb-object pair that patterns code as different PLOVER types gets no row (the phrase
  that tells them apart is one this matcher does not check).
- Rows are ordered most specific first: multiword objects, then single objects, then bare verbs.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "resources" / "events" / "cameo_triggers.tsv"
# Blocks whose isolated-verb code is a composition default, not an event by itself.
GENERIC_BLOCKS = frozenset({
    "HOPE", "SUGGEST", "INTEND", "PREPARE", "REVIVE", "SIGNAL", "STRIVE", "ARRIVE", "ASSEMBLE", "CABLE",
    "CONSIDER", "GO_SOMEWHERE", "HEAR", "INTRODUCE", "NOTIFY", "BARGAIN", "DISCLOSE", "INFLUENCE",
    "REJOICE", "APPRECIATE", "BLESS", "RESPECT", "REASSERT", "ALLOCATE", "BOOST", "ENACT", "ENLIST",
    "FACILITATE", "LINK", "MERGE", "OVERSEE_MANAGE", "TRADE", "FINANCE", "IMPORT", "PURCHASE", "STABILISE",
    "ABANDON", "ABSTAIN", "ALLOW", "SUBMIT", "LOOSEN", "COMPROMISE", "DESPAIR", "DISMAY", "LAMENT", "REGRET",
    "CURSE", "DISTRUST", "ENDANGER", "DISTURB", "PROVOKE", "BETRAY", "DISRUPT", "UNDERMINE", "EXCLUDE",
    "IMPEL", "IMPOSE", "EXTRACT", "HURT", "RIP", "WHIP", "ABUSE", "DESTROY", "DIE", "ENGAGE", "POUND",
    "TARGET", "FLATTEN", "ENCIRCLE", "COORDINATE", "COLLABORATE", "GRANT", "RELEASE", "DEFEND", "INSPECT",
    "CONFINE", "SUPPORT", "AGREE", "MARCH", "MOBILIZE", "PARADE", "INTERVENE", "ACQUIT", "FINE", "SENTENCE",
    "SCUFFLE", "TERRORIZE", "RAMPAGE", "EXPLOSIVE_DESTRUCTION", "PHYSICAL_CONFLICT", "GUNFIRE", "SPY",
})
# Single verbs too common in ordinary news to code an event with no object pattern.
GENERIC_VERBS = frozenset({
    "GET", "GO", "COME", "TAKE", "MAKE", "HAVE", "BE", "DO", "GIVE", "PUT", "SET", "RUN", "TURN", "HIT",
    "KEEP", "HOLD", "MOVE", "PLAY", "WORK", "SHOW", "SEE", "LOOK", "FIND", "LEAVE", "HELP", "USE", "CALL",
    "TELL", "ASK", "SAY", "BACK", "PUSH", "PULL", "DROP", "CUT", "RAISE", "BREAK", "END", "STOP", "WIN",
    "LOSE", "BEAT", "SHOOT", "CHARGE", "FIRE", "STRIKE", "CHALLENGE", "PRESS", "RAP", "SLAM", "HAMMER",
    "BLAST", "KNOCK", "CRUSH", "SMASH", "TACKLE", "SCORE", "TOP", "LIFT", "EASE", "OPEN", "CLOSE", "MEET",
    "JOIN", "FACE", "OFFER", "PROMISE", "PLEDGE", "VOW", "WARN", "BLOCK", "BAR", "BAN", "CLEAR", "FREE",
    "CONTROL", "DOMINATE", "OVERWHELM", "TROUNCE", "THRASH", "ROUT", "DEFEAT", "BOMB", "FLOP", "SHELL",
    "CAPTURE", "TAKE_OVER", "SEIZE", "GRAB", "STORM", "SWEEP", "ROCK", "SHAKE", "HURL", "THROW", "LAUNCH",
    "TARGET", "EXECUTE", "KILL", "SHUT", "REFUSE", "DECLINE", "DENY", "INVITE", "WELCOME", "PRAISE",
    "APPROVE", "ACCEPT", "ENDORSE", "SIGN", "SETTLE", "RESOLVE", "DEAL", "BUY", "SELL", "PAY", "FUND",
    "SUPPLY", "PROVIDE", "SEND", "SHIP", "DELIVER", "DEPLOY", "DISPATCH", "DESPATCH", "MASS",
    # wanting, needing, deciding, arguing: states and talk, not events, unless an object says more
    "WANT", "NEED", "EXPECT", "DECIDE", "VOTE", "INSIST", "ARGUE", "RETIRE", "DELAY", "BID", "REMOVE",
    "RUN_INTO", "ENCOUNTER", "DISMISS", "RELEASE", "CONCEDE", "RECOGNISE", "RECOGNIZE", "WISH", "LIKE",
    "PREFER", "CHOOSE", "PLAN", "AIM", "SEEK", "TRY", "INTEND", "RESPOND", "REPLY", "NOTE", "ADMIT",
    "REQUIRE", "LOVE", "HATE", "FEAR", "DOUBT", "QUESTION", "MISS", "FAIL", "COMPETE", "RACE", "PLAY",
    "REMAIN", "STAY", "RETURN", "ENTER", "EXIT", "QUIT", "RESIGN", "EARN", "GAIN", "LEAD", "TRAIL",
    # statements, business and entertainment senses: bare rows that hit 200 BBC articles
    # (seed 17) with no right hit on the PLOVER dev half (docs/events.md, "Precision on
    # ordinary news")
    "CLAIM", "DEBATE", "SERVE", "ENSURE", "STEAL", "COUNTER", "CAMPAIGN", "SPY", "CONFRONT", "STUN",
    "ENCOURAGE", "MAINTAIN", "TABLE", "CARRY", "MANAGE", "SUBSCRIBE", "THANK", "HONOUR", "HONOR", "MARK",
    "OCCUPY", "BENEFIT", "RESCUE", "APPOINT", "SNATCH", "CONFER", "ARRIVE",
})
# Single-word objects that say nothing of the act ("make the first", "provide millions",
# "give permission", "win a prize"): a verb-object row with one of them alone is no row.
GENERIC_OBJECTS = frozenset({
    "first", "million", "billion", "dollar", "euro", "pound", "message", "right", "power", "prize",
    "food", "evidence", "result", "detail", "answer", "change", "solution", "safeguard", "welcome",
    "permission", "medal", "contribution", "financial", "spending", "proposal", "battle", "thing",
    "way", "time", "chance", "opportunity", "place", "point", "part", "look", "step", "lot",
})
# Words PETRARCH2's dictionary writes in a noun slot that head no noun phrase.
NOT_NOUNS = frozenset({
    "ACROSS", "ALONGSIDE", "BEFORE", "BEHIND", "BETWEEN", "BY", "INSIDE", "OUTSIDE", "SINCE", "UNTIL",
    "TOWARD", "TOWARDS", "ALONG", "AMONG", "IF", "IT", "WILL", "NOT", "NO", "THAT", "LESSER",
})
NOUNS_IN_LY = frozenset({"RALLY", "SUPPLY", "ASSEMBLY", "ALLY", "FAMILY", "REPLY", "ANOMALY", "MONOPOLY", "ITALY"})
# Nouns ending in -s that are no plural (their lemma keeps the s).
INVARIANT_NOUNS = frozenset({"bias", "gas", "teargas", "news", "series", "species", "means", "canvas", "atlas"})
PARTICLES = frozenset({"OUT", "UP", "OFF", "DOWN", "BACK", "FORWARD", "AWAY", "OVER", "IN", "ON", "ASIDE", "AHEAD"})
PREPOSITIONS = frozenset({"FOR", "WITH", "TO", "AGAINST", "FROM", "INTO", "UPON", "AT", "OF", "ABOUT", "ONTO"})
_CODE = re.compile(r"\[([^\]]*)\]")


def load_plover(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode or None)."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?", line)
        if match:
            mode = (match.group(3) or "").strip() or None
            table[match.group(1)] = (match.group(2), mode)
    return table


def plover(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    code = code.split(":")[0] or code.split(":")[-1]
    if not code.isdigit() or code.startswith("01"):
        return None
    if code.startswith("02"):
        return ("REQUEST", None)
    for prefix in (code, code[:3], code[:2]):
        if prefix in table:
            return table[prefix]
    return None


def parse(path: Path):
    """(synsets, blocks): synsets map a label to its (phrase, takes no plural) members; blocks
    are (name, default code, [(verb words, own code)], [(pattern, code, verb its comment names)])."""
    synsets: dict[str, list[tuple[str, bool]]] = {}
    line_label_invariant: dict[str, bool] = {}
    blocks = []
    current_set = None
    in_verbs = False
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#")[0].rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not line.strip():
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_set = line.strip().rstrip("_")
                line_label_invariant[current_set] = line.strip().endswith("_")
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                member = line[1:].strip()
                # a trailing "_" (on the member or the label) marks a word that takes no plural,
                # so it is no regular plural to singularise ("NEWS_" is "news", not "new")
                invariant = member.endswith("_") or line_label_invariant.get(current_set, False)
                synsets[current_set].append((member.rstrip("_").replace("_", " ").lower(), invariant))
            continue
        if line.startswith("---"):
            parts = line.strip("- ").split()
            code = _CODE.search(line)
            blocks.append((parts[0], code.group(1) if code else "---", [], []))
        elif line.startswith("~") or not blocks:
            continue
        elif line.startswith("-"):
            code = _CODE.search(line)
            if code:
                blocks[-1][3].append((line[1 : code.start()].strip(), code.group(1), _named_verb(raw)))
        else:
            code = _CODE.search(line)
            head = re.sub(r"\{[^}]*\}", "", line[: code.start()] if code else line).strip()
            if head and not head.startswith("&"):
                words = [w.lstrip("+").lower() for w in head.split()[0].split("_")]
                if len(words) > 1 and not all(w.upper() in PARTICLES | PREPOSITIONS for w in words[1:]):
                    continue  # "WIRE_+TAP", "IS_DETERMINED": the matcher needs a verb and its particles
                blocks[-1][2].append((words, code.group(1) if code else None))
    return synsets, blocks


def pattern_object(pattern: str, synsets: dict[str, list[tuple[str, bool]]]) -> tuple[list[str], list[str]] | None:
    """(words joining the verb, object phrases) of a pattern, or None when the pattern asks
    for something a row cannot say, so that a row never matches more than PETRARCH2's pattern:

    - a pre-verb part ("- REBELS * TALKS", "- + * ROCKET", "- WILL NOT * ..."): PETRARCH2
      matches it against the subject, which a row does not check;
    - an actor slot ("+", "$", "^", "%") anywhere: the pattern needs the target or source
      in that place ("- * TROOP (INTO +)", "- * CLAIM (AGAINST) +");
    - more than one noun or phrase after the verb ("- * ACTION (AGAINST)", "- * CONVICTION
      (IN COURT)", "- * RESTORATION RELATIONS"): PETRARCH2 needs every one of them;
    - a noun slot holding no noun ("- * ABOUT", "- * STRONGLY", "- * (FOR LESSER)"): it is
      compared with the head of a noun phrase.

    What a row can say: one noun (a word, a braced phrase or a synset), after at most one
    particle that joins the verb ("- * UP RESISTANCE": "put up" resistance), or one
    prepositional phrase, whose preposition joins the verb ("- * (AGAINST DISCRIMINATION)":
    "protest against" discrimination, which the matcher checks as a preposition of the verb;
    "argue for" and "argue against" code differently)."""
    pre, star, post = pattern.partition("*")
    if not star or pre.strip() or re.search(r"[+$^%]", post):
        return None
    items = re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", post)
    joined: list[str] = []
    if len(items) == 2 and items[0] in PARTICLES and not items[1].startswith("("):
        joined.append(items.pop(0).lower())
    if len(items) != 1:
        return None
    item = items[0]
    if item.startswith("("):
        inner = re.findall(r"\{[^}]*\}|\S+", item.strip("()"))
        if len(inner) != 2 or not inner[0].isalpha():
            return None
        joined.append(inner[0].lower())
        item = inner[1]
    phrases = _phrases(item, synsets)
    return (joined, phrases) if phrases else None


def _phrases(item: str, synsets: dict[str, list[tuple[str, bool]]]) -> list[str]:
    if item.startswith("{"):
        words = item.strip("{}").split()
        if not words or any(not w.replace("-", "").isalpha() for w in words):
            return []  # a synset or an actor inside a phrase: not expanded
        return [" ".join(_lemma(w.lower()) for w in words)]
    if item.startswith("&"):
        return [" ".join(m.split() if invariant else [_lemma(w) for w in m.split()])
                for m, invariant in synsets.get(item.rstrip("_"), [])]
    if not item.isalpha() or not _noun(item):
        return []
    return [_lemma(item.lower())]


def _noun(word: str) -> bool:
    """False for the words the dictionary puts in a noun slot that no noun phrase has as its
    head: prepositions, particles, and adverbs in -LY."""
    word = word.upper()
    if word in PARTICLES or word in PREPOSITIONS or word in NOT_NOUNS:
        return False
    return not (word.endswith("LY") and word not in NOUNS_IN_LY)


def _lemma(word: str) -> str:
    """Singular of a regular plural (the matcher compares lemmas)."""
    if word in INVARIANT_NOUNS:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _pattern_applies(code: str, named_code: str | None) -> bool:
    """Whether a block's pattern makes rows for a verb of the block (``code``: the verb's code
    in isolation; ``named_code``: that of the verb the pattern was written for, None when its
    comment names no verb of the block). PETRARCH2 pools a synonym block's patterns, and its
    manual calls the block "verbs which are synonymous (or close enough) with respect to the
    patterns"; the dictionary says where they are not: a verb coded otherwise in isolation
    ("DEBATE [040]" among "OPPOSE", "CONTEST", "DISPUTE" [110]; "GRILL [110]" among "ASK",
    "REQUEST" [020]). Such a verb takes only the patterns written for a verb coded as it is:
    "- * SANCTIONS [040] # DEBATE", not "- * BILL [111] # OPPOSE" ("debating bills" is no
    criticism)."""
    return named_code is None or _base(code) == _base(named_code)


def _base(code: str) -> str:
    return code.split(":")[0]



def _named_code(named: str | None, verbs: list[tuple[list[str], str | None]], default: str) -> str | None:
    """The isolated code of the block verb a pattern's comment names ("CALLED_OFF" names
    "call off"), or None when it names none of them."""
    if named is None:
        return None
    wanted = named.lower().split("_")
    for words, own in verbs:
        if words == wanted or words[0] == wanted[0] or _stem(wanted[0]) == words[0]:
            return own or default
    return None


def _stem(word: str) -> str:
    """The base form of a regular past or -ing form ("called" -> "call", "wrapped" -> "wrap")."""
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)]
            return base[:-1] if len(base) > 2 and base[-1] == base[-2] else base
    return word


def _named_verb(raw: str) -> str | None:
    """The verb a pattern line's comment names ("- * BILL [111]  # OPPOSE" -> "OPPOSE"):
    the verb it was written for when the verbs were pooled into synonym blocks."""
    _, hash_, comment = raw.partition("#")
    words = comment.split()
    if not hash_ or not words or not re.fullmatch(r"[A-Z_]+", words[0]):
        return None
    return words[0]


def rows(data: Path) -> list[tuple[int, str]]:
    table = load_plover(data / "CAMEO2PLOVER-2021.txt")
    synsets, blocks = parse(data / "petrarch2-dictionaries" / "CAMEO.2.0.txt")
    specific: dict[tuple, set[str]] = defaultdict(set)  # (verb, type, mode, cameo, width) -> objects
    bare: dict[tuple, None] = {}
    seen_bare: set[str] = set()
    for name, default, verbs, patterns in blocks:
        for pattern, code, named in patterns:
            mapped = plover(code, table)
            found = pattern_object(pattern, synsets) if mapped else None
            if found is None:
                continue
            joined, phrases = found
            named_code = _named_code(named, verbs, default)
            for words, own in verbs:
                if not _pattern_applies(own or default, named_code):
                    continue
                if len(words) > 1 and joined:
                    if "(" not in pattern:
                        continue  # a compound verb with another particle ("carry out" + "up")
                    joined_here = [w for w in joined if w not in words]  # "call for" + (FOR AID)
                else:
                    joined_here = joined
                verb = " ".join(words + joined_here)
                for phrase in phrases:
                    if phrase in GENERIC_OBJECTS:
                        continue
                    width = len(phrase.split())
                    specific[(verb, mapped[0], mapped[1], code.split(":")[0] or code, width)].add(phrase)
        for words, own in verbs:
            code = own or default
            mapped = plover(code, table) if code and code != "---" else None
            verb = " ".join(words)
            generic = name in GENERIC_BLOCKS and own is None
            if mapped is None or generic or "_".join(words).upper() in GENERIC_VERBS or verb in seen_bare:
                continue
            seen_bare.add(verb)
            bare[(verb, mapped[0], mapped[1], code.split(":")[0])] = None
    # a verb-object pair that different patterns (told apart by a later phrase this matcher
    # does not check: "take part" 030, "take part in conference" 046) code as different
    # PLOVER types does not decide the type: no row
    types_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (verb, type_, _, _, _), objects in specific.items():
        for phrase in objects:
            types_of[(verb, phrase)].add(type_)
    claimed: set[tuple[str, str]] = {pair for pair, types in types_of.items() if len(types) > 1}
    out: list[tuple[int, str]] = []  # (verb, object): the first (most specific) pattern wins
    for (verb, type_, mode, cameo, width), objects in sorted(specific.items(), key=lambda kv: -kv[0][4]):
        fresh = sorted(o for o in objects if (verb, o) not in claimed)
        claimed.update((verb, o) for o in fresh)
        if fresh:
            out.append((0 - width, _row(type_, mode, verb, ";".join(fresh), cameo)))
    out.extend((1, _row(type_, mode, verb, "-", cameo)) for verb, type_, mode, cameo in bare)
    return out


def _row(type_: str, mode: str | None, verb: str, objects: str, cameo: str) -> str:
    mode = (mode or "-").replace(" ", "") or "-"
    return "\t".join([type_, mode, verb, "VERB", objects, cameo])


HEADER = """# Event triggers derived from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt), mapped to PLOVER
# through CAMEO2PLOVER-2021. GENERATED by scripts/build_event_lexicon.py: do not edit; see SOURCE.md.
# Columns as triggers.tsv (type, mode, lemma, pos, objects, cameo); an object with spaces needs
# all its words among the object's words. Hand rows (triggers.tsv) are matched first.
"""


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else Path("/work/shared/data/events")
    built = rows(data)
    lines = [text for _, text in sorted(built, key=lambda r: r[0])]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
