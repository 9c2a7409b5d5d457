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
- Every pattern with a noun after the verb ("- * {ARMS SHIPMENT} [072]", "- * (FOR AID) [020]")
  gives a row per block verb, whose object is that noun phrase: the head noun, with its
  modifiers when the pattern braces a phrase (all words must appear among the object's words).
  Synsets (&WEAPON) expand to their members. Particles before the noun ("- * UP RESISTANCE")
  join the verb ("put up"). Patterns with a subject constraint only, or with no noun, are skipped.
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
    """(synsets, blocks): blocks are (name, default code, [(verb words, own code)], [(pattern, code)])."""
    synsets: dict[str, list[str]] = {}
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
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(line[1:].strip().rstrip("_").replace("_", " ").lower())
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
                blocks[-1][3].append((line[1 : code.start()].strip(), code.group(1)))
        else:
            code = _CODE.search(line)
            head = re.sub(r"\{[^}]*\}", "", line[: code.start()] if code else line).strip()
            if head and not head.startswith("&"):
                words = [w.lstrip("+").lower() for w in head.split()[0].split("_")]
                if len(words) > 1 and not all(w.upper() in PARTICLES | PREPOSITIONS for w in words[1:]):
                    continue  # "WIRE_+TAP", "IS_DETERMINED": the matcher needs a verb and its particles
                blocks[-1][2].append((words, code.group(1) if code else None))
    return synsets, blocks


def pattern_object(pattern: str, synsets: dict[str, list[str]]) -> tuple[list[str], list[str]] | None:
    """(particles, object phrases) of a pattern's post-verb part, or None when it has no noun."""
    if "*" not in pattern:
        return None
    post = pattern.split("*", 1)[1]
    items = re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", post)
    particles: list[str] = []
    for item in items:
        if item.startswith("("):
            inner = re.findall(r"\{[^}]*\}|\S+", item.strip("()"))[1:]
            phrases = _phrases(inner[0], synsets) if inner else []
        elif item in PARTICLES and not particles:
            particles.append(item.lower())
            continue
        else:
            phrases = _phrases(item, synsets)
        if phrases:
            return particles, phrases
        return None
    return None


def _phrases(item: str, synsets: dict[str, list[str]]) -> list[str]:
    if item.startswith("{"):
        words = [w for w in item.strip("{}").split() if w[:1] not in "$+%^"]
        if any(w.startswith("&") for w in words):
            return []
        return [" ".join(_lemma(w.lower()) for w in words)] if words else []
    if item.startswith("&"):
        return [_lemma(m) for m in synsets.get(item.rstrip("_"), []) if " " not in m] + [
            " ".join(_lemma(w) for w in m.split()) for m in synsets.get(item.rstrip("_"), []) if " " in m
        ]
    if item[:1] in "$+%^" or not item.isalpha() or item in PARTICLES:
        return []
    return [_lemma(item.lower())]


def _lemma(word: str) -> str:
    """Singular of a regular plural (the matcher compares lemmas)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def rows(data: Path) -> list[tuple[int, str]]:
    table = load_plover(data / "CAMEO2PLOVER-2021.txt")
    synsets, blocks = parse(data / "petrarch2-dictionaries" / "CAMEO.2.0.txt")
    specific: dict[tuple, set[str]] = defaultdict(set)  # (verb, type, mode, cameo, width) -> objects
    bare: dict[tuple, None] = {}
    seen_bare: set[str] = set()
    for name, default, verbs, patterns in blocks:
        for pattern, code in patterns:
            mapped = plover(code, table)
            found = pattern_object(pattern, synsets) if mapped else None
            if found is None:
                continue
            particles, phrases = found
            for words, _ in verbs:
                if len(words) > 1 and particles:
                    continue
                verb = " ".join(words + particles)
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
