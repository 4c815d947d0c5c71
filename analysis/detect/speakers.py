"""Who speaks: a speaker description to a name, a general role (with country and party), anonymity; pronouns,
surnames and short references ('the general') resolved to the person the text named before."""
from __future__ import annotations

import bisect
import csv
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from analysis.detect.context import lexicon_tag
from analysis.detect.lexicon import DATA_DIR, phrase_index, word_class

ROLES_FILE = DATA_DIR / "roles.csv"
AFFILIATIONS_FILE = DATA_DIR / "affiliations.csv"
COUNTRIES_FILE = DATA_DIR / "countries.csv"
GOVERNMENT, ANONYMOUS, OTHER = "government official", "anonymous", "other"  # roles the rules assign themselves
ORDINARY = "ordinary person"
PARTY_POLITICIAN = "party politician"
KIND_RANK = {"title": 0, "group": 1, "institution": 2, "party": 3, "courtesy": 4}  # "courtesy": any other role wins
MAX_DESCRIPTION = 300  # characters of a speaker description that are read (a description is a phrase, not a text)
LOOKBACK = 50  # earlier speakers searched when resolving a reference
THEY_REACH = 600  # characters back (three or four sentences) that 'they' looks for the group it speaks for
ANON_HEADS = word_class("anonymous_head")  # 'an official said', 'sources say'
# A relative clause on an unnamed speaker that says the name is withheld ('who asked not to be named', 'who spoke on
# condition of anonymity', 'who was not authorized to speak publicly'; AP Stylebook, anonymous sources)
ANONYMITY_CLAUSE_RE = re.compile(r"\bwho\s+(?:[a-z’']+\s+){1,6}?(?:named|identified|anonymity|anonymously|authori[sz]ed|"
                                 r"name\s+(?:not\s+be\s+used|be\s+withheld|withheld))\b")
PRONOUNS = frozenset("he she they it we i".split())
DETERMINERS = frozenset("the a an this that these those his her their its our my your some many several".split())
ABBREVIATIONS = {"gen": "general", "capt": "captain", "maj": "major", "adm": "admiral", "lt": "lieutenant",
                 "col": "colonel", "sgt": "sergeant", "prof": "professor", "dr": "doctor", "sen": "senator",
                 "rep": "representative", "gov": "governor", "pres": "president", "secy": "secretary",
                 "cmdr": "commander"}
PERSONAL_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Capt", "Adm", "Lt", "Col", "Maj", "Prof", "Sgt")
PERSON_HEADS = word_class("referring_head")  # 'the general said': the general named before
BODY_HEADS = word_class("body_head")  # 'the ministry said', 'it said'
BODY_NP_RE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w’'.-]*\s+){0,3}(?:" + "|".join(sorted(BODY_HEADS)) + r")\b(?:['’]s)?")
# (?=[A-Z]) first: a scan of a whole text tries the rest only where a capital stands (three times faster)
_NAME_LEAD = r"(?=[A-Z])(?:\b(?:" + "|".join(PERSONAL_TITLES) + r")\.\s+)?(?<![-–])\b[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?"
PARTICLES = "|".join(sorted(word_class("name_particle")))  # 'de', 'von', 'bin' inside a name, as a regex alternation
# a later word of a name, after up to two lowercase particles ('de Blasio', 'von der Leyen') or with 'al-' ('al-Assad')
_NAME_WORD = (r"\s+(?:(?:" + PARTICLES + r")\s+){0,2}(?:(?:al|el)-)?"
              r"[A-Z][a-zA-Z’'-]+(?:\s+[A-Z]\.(?=\s+[A-Z]))?")  # and a middle initial ('Charles E. Grassley')
NAME_RUN_RE = re.compile(_NAME_LEAD + r"(?:" + _NAME_WORD + r"){1,5}\b")  # a name with the offices before it
NAME_END_RE = re.compile(r"\b[A-Z][a-z’'-]+(?:\s[A-Z]\.)?(?:" + _NAME_WORD + r"){1,2}(?:(?<=\b[JS]r)\.)?$")
SURNAME_RE = re.compile(r"(?:(?:" + "|".join(PERSONAL_TITLES) + r")\.?\s+)?((?:(?:"  # 'De Blasio'
                        + PARTICLES.title() + r")\s+)?[A-Z][a-zA-Z’'-]+)")
LEAD_BREAKS = word_class("preposition") | word_class("clause_break")  # 'including stints at X': no description
COMPARISON_LEADS = frozenset(("like", "unlike"))  # 'Like many conservative Republicans, Mitt Romney': no appositive
GENERIC_MODIFIERS = word_class("generic_modifier")  # 'the former general': still the general
MEMBER_TITLES = word_class("member_title")  # 'campaign officials': posts in a body, with the body's role
PROPER_RE = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}")  # capitalised words only
TITLED_RE = re.compile(r"(?=[A-Z])\b(?:" + "|".join(PERSONAL_TITLES) + r")\.?\s+[A-Z][\w’'-]+")
PARTY_TAG_RE = re.compile(r"(?:\(|,\s)([RDI])-[A-Z]")  # '(R-Ky.)' or ', R-S.C.,' after a name
PARTY_TAGS = {"R": "Republican", "D": "Democratic", "I": "Independent"}
RELATIVE_CLAUSE_RE = re.compile(r",?\s+(?:who|whom|whose|which)\s")
SURNAME_AFTER_TITLE_RE = re.compile(r"\b(?:" + "|".join(PERSONAL_TITLES) + r")\.?\s+(?:[A-Z][a-z’'-]+\s+)?$")
NOT_NAME_WORDS = frozenset(w.title() for w in word_class("not_name_word") | word_class("weekday") | word_class("month"))
SUFFIX_WORDS = word_class("name_suffix")  # 'Jr.', 'III' after a name
SUFFIXES = sorted(SUFFIX_WORDS)  # the same, in a fixed order for a regex alternation
NAME_LEAD_TITLES = word_class("name_lead_title")  # 'Senate Majority Leader' before a name is no part of it
OFFICE_WORDS = NAME_LEAD_TITLES | frozenset(ABBREVIATIONS)  # offices and their abbreviations before a name


@dataclass(frozen=True)
class Role:
    """One speaker role: its name, chart colour and a plain-language explanation."""
    name: str
    colour: str
    explanation: str


@dataclass(frozen=True)
class Affiliation:
    """One row of the affiliation file: a title, institution, group or party word and what it says about a speaker."""
    pattern: str
    kind: str
    role: str
    country: str
    party: str
    note: str


@dataclass(frozen=True)
class Speaker:
    """Who says something: display name, full description, role (`affiliation`), country, party, anonymity."""
    name: str
    description: str
    affiliation: str
    anonymous: bool
    person: bool
    country: str = ""
    party: str = ""


@lru_cache(maxsize=4)
def load_roles(path: Path = ROLES_FILE) -> tuple[Role, ...]:
    """The speaker roles in display order; the roles the rules assign themselves must be among them."""
    with path.open(encoding="utf-8", newline="") as fh:
        out = tuple(Role(r["role"].strip(), r["colour"].strip(), r["explanation"].strip()) for r in csv.DictReader(fh)
                    if r["role"].strip())
    missing = {GOVERNMENT, ANONYMOUS, OTHER} - {r.name for r in out}
    if missing:
        raise ValueError(f"{path.name}: the roles {', '.join(sorted(missing))} are required")
    return out


def role_names() -> tuple[str, ...]:
    """The names of the speaker roles, in display order (the feature columns follow this list)."""
    return tuple(r.name for r in load_roles())


@lru_cache(maxsize=4)
def load_affiliations(path: Path = AFFILIATIONS_FILE) -> tuple[Affiliation, ...]:
    """Read the affiliation file; a row with an unknown role or kind is rejected so typos do not create new roles."""
    roles = set(role_names())
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            aff = Affiliation(*(row[k].strip() for k in ("pattern", "kind", "role", "country", "party", "note")))
            if (not aff.pattern or aff.kind not in KIND_RANK or (aff.role and aff.role not in roles)
                    or (not aff.role and not aff.party)):
                raise ValueError(f"{path.name}:{line}: bad row {row}")
            out.append(aff)
    return tuple(out)


def _alternation(patterns) -> str:
    variants = sorted({v for p in patterns for v in (p, p.replace("'", "’"))}, key=len, reverse=True)
    return "|".join(re.escape(v) for v in variants)


@lru_cache(maxsize=4)
def _affiliation_regex(path: Path = AFFILIATIONS_FILE) -> tuple[re.Pattern, re.Pattern, dict[str, Affiliation]]:
    """(case-insensitive regex of words, case-sensitive regex of short acronyms, row by lower-case pattern)."""
    rows = load_affiliations(path)
    given = {a.pattern.lower() for a in rows}
    # 'senators', 'chairmen', 'secretaries': the plural of a role word is the same role, unless the file has its own row
    rows += tuple(replace(a, pattern=p) for a in rows if a.kind in ("title", "group") and a.pattern.islower()
                  and not a.party and not PHRASE_WITH_OBJECT_RE.search(a.pattern)
                  and (p := plural(a.pattern)) not in given)
    by_pattern = {v: a for a in rows for p in (a.pattern.lower(), a.pattern.lower().replace("-", " "))
                  for v in (p, p.replace("'", "’"))}
    short = [a.pattern.upper() for a in rows if _acronym(a.pattern)]
    dotted = {".".join(a) + ".": a for a in short}  # 'C.I.A.', 'F.B.I.': the style of some papers (NYT)
    by_pattern.update({d.lower(): by_pattern[a.lower()] for d, a in dotted.items()})
    short += list(dotted)
    words = [a.pattern for a in rows if not _acronym(a.pattern)]
    bound = r"(?<![\w.’'-])(?:{})(?![\w-]|['’](?!s\b))"  # a possessive ends a word: 'the governor's spokesman'
    words = [w.replace("-", " ") for w in words] + words  # 'Self-Defense Force' and 'Self Defense Force'
    return (re.compile(bound.format(_alternation(words)), re.I), re.compile(bound.format(_alternation(short))),
            by_pattern)


PHRASE_WITH_OBJECT_RE = re.compile(r"\s(?:of|for|at|to|in)\s")  # 'spokesman for the ministry': no plural of the end
PLURAL_ENDINGS = ((re.compile(r"man$"), "men"), (re.compile(r"([^aeiou])y$"), r"\1ies"),
                  (re.compile(r"(s|x|ch|sh)$"), r"\1es"), (re.compile(r"$"), "s"))


def plural(phrase: str) -> str:
    """The regular plural of a phrase's last word ('senator' -> 'senators', 'chairman' -> 'chairmen',
    'press secretary' -> 'press secretaries'; Quirk et al. 1985, sec. 5.76-5.82)."""
    for rx, repl in PLURAL_ENDINGS:
        if rx.search(phrase):
            return rx.sub(repl, phrase, count=1)
    return phrase


def _acronym(pattern: str) -> bool:
    return len(pattern) <= 5 and pattern.isalpha() and pattern.lower() in {
        "ap", "afp", "bbc", "cnn", "nbc", "abc", "cbs", "npr", "fbi", "cia", "ngo", "mp", "mps", "pla", "gop", "ceo",
        "nato", "kcna", "cctv", "tass", "aclu", "pacaf", "nhk"}


@lru_cache(maxsize=4)
def _country_regex(path: Path = COUNTRIES_FILE) -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [(r["name"].strip(), r["country"].strip(), r["kind"].strip()) for r in csv.DictReader(fh) if r["name"].strip()]
    by_name = {n: (c, k) for n, c, k in rows}
    by_name.update({n.replace("'", "’"): v for n, v in list(by_name.items())})
    return re.compile(r"(?<![\w.])(?:" + _alternation([n for n, _, _ in rows]) + r")(?!\w|-|['’](?!s\b)|\.\w)"), by_name


def countries_in(text: str) -> list[tuple[int, int, str, str]]:
    """Every naming of a country in a text: (start, end, country, kind: name, demonym or capital)."""
    rx, by_name = _country_regex()
    return [(m.start(), m.end(), *by_name[m.group()]) for m in rx.finditer(text)]


def _affiliations_in(description: str) -> list[tuple[int, int, Affiliation]]:
    words, short, by_pattern = _affiliation_regex()
    # a party's name is capitalised; in lowercase it is a view or a word ('conservatives', 'labour unions', 'democratic
    # norms'; Chicago Manual of Style 8.65)
    found = [(m.start(), m.end(), a) for rx in (words, short) for m in rx.finditer(description)
             if not ((a := by_pattern[m.group().lower()]).party and m.group()[:1].islower())]
    # 'Democratic People's Republic of Korea' names a state, not a party; 'Michael R. Bloomberg', 'Gerald Ford' and
    # 'Mr. Bloomberg' are people whose surname is also a company's name
    return [f for f in found if not (f[2].pattern == "democratic" and description.startswith(" People", f[1]))
            and not (f[2].kind == "institution" and (_after_given_name(description, f[0], f[1])
                                                      or SURNAME_AFTER_TITLE_RE.search(description, 0, f[0])))
            and not (f[2].pattern in word_class("adjective_title") and NOUN_AFTER_RE.match(description, f[1])
                     and not TITLE_MODIFIER_BEFORE_RE.search(description, 0, f[0]))
            and not (f[2].pattern in word_class("adjective_before_common_noun")
                     and COMMON_NOUN_AFTER_RE.match(description, f[1]))]


_WORD_AFTER = r"\s+(?!(?:at|of|in|with|for|on|and|who|from)\b)"  # a next word that is no preposition or connective
NOUN_AFTER_RE = re.compile(_WORD_AFTER + "[A-Za-z]")  # 'fellow Republicans'
COMMON_NOUN_AFTER_RE = re.compile(_WORD_AFTER + "[a-z]")  # 'the general public'
TITLE_MODIFIER_BEFORE_RE = re.compile(r"\b(?:senior|research|visiting|resident|policy|postdoctoral|distinguished)\s+$",
                                      re.I)  # 'research fellow John Smith': the title


NAME_RUN_BEFORE_RE = re.compile(r"(?<![\w’'.-])((?:[A-Z][\w’'.-]*\s+){1,3})$")  # capitalised words before a match


def _after_given_name(description: str, start: int, end: int) -> bool:
    """Whether a one-word institution's name that is no common noun ends a person's name ('Michael R. Bloomberg',
    'Gerald Ford'): a given name (and an initial) right before it make one name with it that reads as a person's, and
    no capitalised word follows ('the Cato Institute', 'New York Magazine', 'National Organization for Marriage' and
    'Human Rights Campaign' stay bodies)."""
    m = NAME_RUN_BEFORE_RE.search(description, max(0, start - 40), start)
    word = description[start:end]
    if m is None or " " in word or lexicon_tag(word.lower()) or re.match(r"\s+[A-Z]", description[end:end + 3]) \
            or is_place(m.group(1)) or len(m.group(1).split()) > 2:
        return False  # a common noun ('Organization', 'Campaign', 'Magazine') heads a body's name
    run = description[m.start():end]
    return person_names([run]) == [run]


NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")
HEAD_OF_RE = re.compile(r"\s+(?:of|at)\s")
POSSESSIVE_AFTER_RE = re.compile(r"['’]s((?:\s+[a-z]+){1,3})")  # the lower-case words after a possessive
POSSESSIVE_GAP_RE = re.compile(r"['’]s\s+")  # between an owner's title and the body it owns
OWNER_BEFORE_RE = re.compile(r"\b([\w’'-]+?)['’]s\s+$")  # 'the organization's ' before a head title
STATE_NOUNS = frozenset(("country", "nation", "state", "republic", "government", "administration"))
# words before a head title that name no body it heads: 'The president', 'Former President Obama'
NO_BODY_LEAD = DETERMINERS | frozenset(("former", "acting", "outgoing", "incoming", "interim"))
LOWER_WORD_BEFORE_RE = re.compile(r"(?<![\w’'.-])([a-z][\w’'-]*)\s+$")  # a common noun right before a head title
BODY_BEFORE_RE = re.compile(r"((?:[A-Z][\w’'&.-]*\s+){1,5})$")  # capitalised words right before a head title


def _party_office_at(description: str, found: list[tuple[int, int, Affiliation]]) -> int | None:
    """Where a party's office follows a capitalised party word ('Conservative leader', 'a Labour spokesman'), or None."""
    for _, end, a in found:
        m = NEXT_WORD_RE.match(description, end)
        if a.party and m and m.group(1) in word_class("party_office"):
            return m.start(1)
    return None


def _owner_without_role(description: str, found: tuple[int, int, Affiliation], main_end: int) -> bool:
    """Whether an office in the possessive gives the phrase no role: in an aside after a preposition ('Republicans and
    Democrats, in their reactions to the president’s support'; not 'Andrew Wilder, the governor's spokesman') or
    before a relative or the person's own lawyer ('the president’s son', 'the congressman's lawyers')."""
    m = POSSESSIVE_AFTER_RE.match(description, found[1]) if found[2].kind == "title" else None
    return m is not None and (any(w in word_class("personal_relation") for w in m.group(1).split()) or (
        found[0] >= main_end and any(w in LEAD_BREAKS for w in description[main_end:found[0]].lower().split())))


@lru_cache(maxsize=65536)
def classify(description: str) -> tuple[str, str, str]:
    """(role, country, party) that a description states; role '' when it states none."""
    d = description[:MAX_DESCRIPTION]
    main_end = d.find(",") if "," in d else len(d)
    found = [f for f in _affiliations_in(d) if not _owner_without_role(d, f, main_end)]
    with_role = [f for f in found if f[2].role]
    role, inst_country = "", ""
    if with_role:
        # a title beats a group beats an institution; within a kind, the main phrase beats the appositive and the
        # word nearest the head noun (the last) wins: 'a military analyst' is an expert, 'Navy Capt.' military
        top = min(with_role, key=lambda f: (KIND_RANK[f[2].kind], f[0] >= main_end, -f[1]))
        role = top[2].role
        owner = min((f for f in with_role if f[2].kind == "institution" and f[1] < top[0] and not d[f[1]:top[0]].strip()),
                    key=lambda f: f[0], default=None) if top[2].pattern in MEMBER_TITLES else None
        if owner is not None:
            role = owner[2].role  # 'Trump campaign officials', 'company officials': they speak for that body
        owned = next((f for f in with_role if f[2].kind == "institution" and f[0] > top[1] and f[1] <= main_end
                      and POSSESSIVE_GAP_RE.fullmatch(d, top[1], f[0])), None) if top[2].kind == "title" else None
        if owned is not None:
            role = owned[2].role  # 'the former secretary of state's campaign': the body, not its owner, speaks
        head = top[2].kind == "title" and top[2].pattern.replace(" ", "_") in word_class("head_title")
        if head and HEAD_OF_RE.match(d, top[1]):
            # 'Max Richtman, president of an advocacy group': the head of a body has the body's role
            headed = [f for f in with_role if f[0] > top[1] and f[2].kind != "title"]
            if headed:
                role = min(headed, key=lambda f: f[0])[2].role
        elif head and (start := _body_before(d, top[0])) is not None:
            # 'Paul Babaz, the organization's president', 'Harvard University president': the head of the body named
            # just before the title has that body's role, and without one is no head of state
            before = [f for f in with_role if start <= f[0] < top[0] and f[2].kind != "title"]
            role = before[-1][2].role if before else "" if role == GOVERNMENT else role
    party_office = _party_office_at(d, found)
    if party_office is not None and (not role or (top[2].kind == "title" and top[0] == party_office)):
        role = PARTY_POLITICIAN  # 'Conservative leader Kemi Badenoch', 'a Labour spokesman': a party's office
    inst_country = next((a.country for _, _, a in sorted(found, key=lambda f: f[0]) if a.country), "")
    # a country named in a relative clause is what the speaker did or said, not where the speaker is from ('Warner,
    # who met with Russian officials'); one right after a personal title is a surname ('Rep. Jim Jordan')
    named = [c for c in countries_in(RELATIVE_CLAUSE_RE.split(d, 1)[0]) if not SURNAME_AFTER_TITLE_RE.search(d, 0, c[0])]
    country = next((c for s, _, c, _ in named if s < main_end), "") or inst_country or (named[0][2] if named else "")
    tag = PARTY_TAG_RE.search(d)
    party = PARTY_TAGS[tag.group(1)] if tag else next((a.party for _, _, a in sorted(found, key=lambda f: f[0]) if a.party), "")
    # 'US and South Korean officials', 'Republicans and Democrats': a joint statement belongs to every side named, in
    # an order that does not depend on which the text names first
    country = _joint(d, [(s, c) for s, _, c, _ in named if s < main_end]
                     + [(s, a.country) for s, _, a in found if a.country and s < main_end]) or country
    party = _joint(d, [(m.start(), PARTY_TAGS[m.group(1)]) for m in PARTY_TAG_RE.finditer(RELATIVE_CLAUSE_RE.split(d, 1)[0])]
                   + [(s, a.party) for s, _, a in found if a.party and s < main_end]) or party
    return role, country, party


COORDINATION_RE = re.compile(r"\s+(?:and|&)\s+")
JOINT = " & "  # between the countries or parties of a joint statement
AND_RE = re.compile(r"\b(?:and|or)\b|&")


def _joint(description: str, found: list[tuple[int, str]]) -> str:
    """The sides of a coordinated speaker ('US and South Korean officials') joined by JOINT in alphabetical order,
    where two different ones have 'and' between them; else ''."""
    found = sorted(found)
    if len({v for _, v in found}) < 2:
        return ""
    joined = any(a[1] != b[1] and AND_RE.search(description, a[0], b[0]) for a, b in itertools.pairwise(found))
    return JOINT.join(sorted({v for _, v in found})) if joined else ""


def _body_before(description: str, title_start: int) -> int | None:
    """Where the body whose head the title at `title_start` names begins: an owner in the genitive ('the
    organization's president') or capitalised words ('Safari Club president'); None for a state, a country or an
    office ('the country's president', 'French President', 'Vice President')."""
    owner = OWNER_BEFORE_RE.search(description, 0, title_start)
    if owner:
        word = owner.group(1)
        return None if word.lower() in STATE_NOUNS or countries_in(word) else owner.start(1)
    common = LOWER_WORD_BEFORE_RE.search(description, 0, title_start)
    if common and any(a.kind == "institution" for *_, a in _affiliations_in(common.group(1))):
        return common.start(1)  # 'the company president', 'the union president': the head of that body
    body = BODY_BEFORE_RE.search(description, 0, title_start)
    words = body.group(1).split() if body else []
    while words and words[0].lower() in NO_BODY_LEAD:
        words = words[1:]  # 'The president', 'Former President': no body ('The Safari Club president': the club)
    if words and not countries_in(body.group(1)) and body.group(1).lower().rstrip(".") not in NAME_LEAD_TITLES:
        return body.start(1)
    return None


def head_noun(description: str) -> str:
    """Last word of the description's main noun phrase: before an appositive comma, a preposition or relative clause
    and an adjective that follows its noun ('two people familiar with the matter': people)."""
    words = [w.lower().strip(".") for w in re.findall(r"[\w’'.-]+", description.split(",")[0])]
    cut = next((k for k, w in enumerate(words) if k and w in LEAD_BREAKS), len(words))
    words = words[:cut]
    while len(words) > 1 and words[-1] in word_class("postnominal_adjective"):
        words = words[:-1]
    return words[-1] if words else ""


def _is_country(description: str) -> bool:
    """The whole description names a country or its capital ('North Korea', 'Beijing', 'the United States')."""
    d = re.sub(r"^(?:the|The)\s+", "", description.strip())
    return any(s == 0 and e == len(d) and kind in ("name", "capital") for s, e, _, kind in countries_in(d))


# A capitalised word and 'of' or 'for' right before two capitalised words: they end an institution's name
INSTITUTION_TAIL_RE = re.compile(r"\b[A-Z][a-z]+\s+(?:of|for)\s+$")
ORIGIN_RE = re.compile(r"\s+(?:of|from|at|with)\s")  # a name, then where the person comes from or works


TRAILING_WEEKDAY_RE = re.compile(r"(?:\s+(?:" + "|".join(sorted(w.title() for w in word_class("weekday"))) + r"))+$")


def person_names(parts: list[str]) -> list[str]:
    """The person's names in these phrases ('Rex Tillerson' in 'Secretary of State Rex Tillerson')."""
    out = []
    for p in parts:
        p = TRAILING_WEEKDAY_RE.sub("", p)  # 'Chairman Michael Steele Sunday': the day is no part of the name
        first = NAME_RUN_RE.search(p)  # the whole run: 'Vice President Joseph R. Biden Jr.', then the offices go
        if first and ORIGIN_RE.match(p, first.end()) and not all(_title_word(w) for w in first.group().split()):
            m = first  # 'Joel Pollak of Breitbart California': the person, not the outlet after 'of' (but 'Former
            # Speaker of the House Newt Gingrich' is offices, then the person)
        else:
            m = NAME_END_RE.search(p) or first
        if not m or p[:m.start()].endswith((" in ", " at ")):
            continue  # 'newspapers in New Jersey', 'a professor at Boston College': a place or institution
        if len(m.group().split()) == 2 and INSTITUTION_TAIL_RE.search(p, 0, m.start()) \
                and m.group().split()[0].lower() not in NAME_LEAD_TITLES:
            continue  # 'the Center for Responsive Politics', 'the Bureau of Labor Statistics': one institution's name
        words = m.group().split()
        owner = [k for k, w in enumerate(words[:-1]) if POSSESSIVE_RE.search(w)]
        if owner:
            words = words[owner[-1] + 1:]  # 'ABC News’ Martha Raddatz': the person after the owner
        while words and words[0].lower() in LEAD_BREAKS:
            words = words[1:]  # 'While Colorado', 'Despite Trump': a connective opening the sentence
        before = p[:m.start()].split()
        if len(words) > 2 and before[-2:-1] == ["of"] and is_place(f"{before[-1]} {words[0]}"):
            words = words[1:]  # 'Mayor of New York Michael Bloomberg': the end of the place is no part of the name
        places = _places(words)
        if places and places[0][0] == 0 and places[0][1] < len(words) and \
                words[places[0][1]].lower().strip(".") in OFFICE_WORDS:
            words = words[places.pop(0)[1]:]  # 'Arizona Gov. Jan Brewer': the state before the office
        while len(words) > 2 and words[0].lower().strip(".") in NAME_LEAD_TITLES:
            words = words[1:]
        if len(words) < 2 or any(a > 0 or b == len(words) for a, b in places) or \
                all(w.lower().strip(".") in OFFICE_WORDS for w in words):
            continue  # 'New York', 'the Center for Arizona Policy': a place or a body
        if not set(words) & NOT_NAME_WORDS and not countries_in(" ".join(words)):
            if words[-1].lower() in SUFFIX_WORDS and p.startswith(".", m.end()):
                words[-1] += "."  # 'Joseph R. Biden Jr.': the suffix keeps its period
            out.append(" ".join(words))
    return out


# A common noun (or participle) and a preposition right before a run of capitalised words: the run is the object of a
# prepositional phrase that postmodifies the noun ('a lawyer for Acme Widgets', 'an aide to Gov. Tom Briggs', 'a panel
# led by Jo Ames'), and the noun is the head of the phrase (Quirk et al. 1985, sec. 17.37); not after one who speaks
# for another ('a spokesman for Mayor Jane Roe': the mayor's words; words.csv class proxy_noun)
POSTMODIFIER_BEFORE_RE = re.compile(r"\b([a-z][\w’'-]*)\s+(?:" + "|".join(sorted(word_class("preposition"))) +
                                    r")\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+)*$")


def _object_of_postmodifier(phrase: str, start: int) -> bool:
    """Whether the name at `start` is the object of a preposition after a lower-case head ('an aide to Gov. Tom
    Briggs'), not the person the phrase describes ('Secretary of State John Kerry' has a capitalised head)."""
    m = POSTMODIFIER_BEFORE_RE.search(phrase, max(0, start - 80), start) if start > 0 else None
    return m is not None and m.group(1) not in word_class("proxy_noun")


STATE_ABBREVIATION_RE = re.compile(r"[A-Z]{2}|[A-Z]\.[A-Z]\.|[A-Z][a-z]{1,4}\.")  # 'OH', 'N.H.', 'Calif.'


def is_place(phrase: str) -> bool:
    """Whether a phrase is only a state, province or nation ('New Hampshire', 'Iowa', 'OH', 'Calif.', 'Japan')."""
    phrase = phrase.strip()
    words = phrase.split()
    if not words or not words[0][:1].isupper():
        return False
    if STATE_ABBREVIATION_RE.fullmatch(phrase):
        return True
    places = _places(words)
    if places and places[0] == (0, len(words)):
        return True
    found = countries_in(phrase)
    return len(found) == 1 and found[0][0] == 0 and found[0][1] == len(phrase)


def _places(words: list[str]) -> list[tuple[int, int]]:
    """(first, end) word indices of the states, provinces and nations named in a run of capitalised words."""
    low = [w.lower().strip(".,’'") for w in words]
    names, out, k = phrase_index("subnational_place"), [], 0
    while k < len(low):
        hit = next((n for n in names.get(low[k], ()) if tuple(low[k:k + len(n)]) == n), None)
        if hit:
            out.append((k, k + len(hit)))
        k += len(hit) if hit else 1
    return out


POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])$")
POSSESSIVE_END_RE = re.compile(r"(?:['’]s?)?$")  # 'Mr. Trump’s', 'the Joneses''
TRAILING_PARENS_RE = re.compile(r"\s*\([^()]{1,24}\)\s*$")
# Records and writings that speak for themselves ('a report from the inspector general', 'early results of exit polls
# conducted by Edison Research', 'a letter from the American Legion'): words.csv, class record_noun
RECORD_LINKS = frozenset("""of from by in about on for with to conducted commissioned released issued published obtained
drafted taken prepared written sent filed posted""".split())


def _names_a_record(part: str) -> bool:
    """The phrase's head is a record, poll or writing, followed by what it is of or by whom: the source is the
    record, not the person or body named after it."""
    words = re.findall(r"[\w’'./-]+", part)
    records = word_class("record_noun")
    for k, w in enumerate(words[:7]):
        if w.lower() in records:
            return k + 1 == len(words) or words[k + 1].lower() in RECORD_LINKS
        if w.lower() in RECORD_LINKS:
            return False
    return False


CONTRACTED_PRONOUN_RE = re.compile(r"(\w+)['’](?:re|ve|ll|d|s|m)")  # 'They’ve', 'He’s': a pronoun and its auxiliary
# Pattern lexicon tags of words that alone name no one: pronouns, determiners, adverbs, comparatives, prepositions,
# numbers, plural nouns ('It', 'There', 'More', 'Friends' taken for a subject are no person a later 'he' can be)
NO_NAME_TAGS = frozenset("PRP PRP$ EX DT PDT WDT WP WP$ WRB RB RBR RBS JJR JJS IN CC MD UH CD TO NNS".split())


@lru_cache(maxsize=65536)
def make_speaker(description: str) -> Speaker:
    """Speaker from a description such as 'Geng Shuang, a Chinese foreign ministry spokesman'."""
    description = _trimmed(description.strip(" ,")[:MAX_DESCRIPTION])
    parts = [p.strip() for p in description.split(",") if p.strip()] or [""]
    # a party tag after the name ('Mitch McConnell (R-Ky.)') is no part of the name
    names = [n for n in person_names([TRAILING_PARENS_RE.sub("", p) for p in parts])
             if not _object_of_postmodifier(description, description.find(n))]
    titled = TITLED_RE.match(parts[0]) is not None
    role, country, party = classify(description)
    if names and names[0] not in parts[0] and PROPER_RE.fullmatch(parts[0]) \
            and (not classify(parts[0])[0] or _institution_only(parts[0])) and not _is_country(parts[0]):
        # 'Sanders, runner-up to Hillary Clinton', 'Bloomberg, who won New York's mayoralty': the first part names the
        # speaker (not 'Officials, including ...')
        names = [parts[0], *names]
    if names and _names_a_record(parts[0]):
        names = []  # 'a report from the State Department's inspector general': the report is the source
    both = [person_names([TRAILING_PARENS_RE.sub("", c)]) for c in COORDINATION_RE.split(parts[0], 1)]
    if names and len(both) == 2 and all(both) and names[0] == both[1][0]:
        names[0] = f"{both[0][0]} and {both[1][0]}"  # 'Sen. Ted Cruz and Sen. Marco Rubio': both speak
    elif names and (second := next((p for p in parts[1:] if p.startswith(("and ", "& "))), None)):
        other = person_names([second.split(" ", 1)[1]])  # 'Rep. Vern Buchanan, R-Fla., and Rep. Earl Blumenauer'
        if other and other[0] != names[0]:
            names[0] = f"{names[0]} and {other[0]}"
    name = names[0] if names else parts[0]
    head = head_noun(description)
    bare = CONTRACTED_PRONOUN_RE.sub(r"\1", parts[0]).lower()  # 'You’ve': you
    person = bool(names) or titled or (bool(re.fullmatch(r"[A-Z][a-z][\w’'-]*", parts[0])) and not role
                                       and not _is_country(parts[0]) and head not in ANON_HEADS
                                       and lexicon_tag(bare) not in NO_NAME_TAGS)
    anonymous = not person and (head in ANON_HEADS or ANONYMITY_CLAUSE_RE.search(description) is not None)
    if not role:
        role = GOVERNMENT if _is_country(parts[0]) else ANONYMOUS if anonymous else OTHER
    if not description:
        role = OTHER
    return Speaker(name, description, role, anonymous, person, country, party)


def _institution_only(description: str) -> bool:
    """Whether every affiliation word of a description is an institution's name ('Bloomberg', 'CNN'): a name that may
    be a person's surname, unlike a title or a group ('Officials', 'Democrats')."""
    return all(a.kind == "institution" for *_, a in _affiliations_in(description))


def _trimmed(description: str) -> str:
    """A description without a capitalised connective that opens its sentence ('And Barry Broome', 'Despite Trump')
    and without a final possessive ('Mr. Trump’s')."""
    words = description.split(" ", 1)
    if len(words) == 2 and words[0][:1].isupper() and words[0].lower() in word_class("opening_connective") \
            and words[1][:1].isupper():
        description = words[1]
    return POSSESSIVE_END_RE.sub("", description)


UNNAMED = Speaker("(unnamed)", "", ANONYMOUS, True, False)


INTRO_PHRASE_RE = re.compile(r"[^,;:“”\"()]{1,40},")  # 'At age 70,' 'On Tuesday,' before a sentence's subject
NAMINGS_COMPARED = 4  # the last full namings of a person whose descriptions are read for a role
SENTENCE_END_RE = re.compile(r"(?<=[a-z][.!?])\s+")  # a period after a lower-case word, then space: a sentence end
APPOSITIVE_LEAD_RE = re.compile(r"((?:[\w’'.-]+\s+){0,4}[\w’'.-]+),\s+$")  # 'the defense secretary, ' before a name


@lru_cache(maxsize=65536)
def _name_in_run(run: str) -> str:
    """The person's name in a run of capitalised words ('Nancy Pelosi' in 'House Speaker Nancy Pelosi'), else ''."""
    found = person_names([run])
    return found[0] if found else ""


@lru_cache(maxsize=4096)
def _name_re(name: str) -> re.Pattern:
    """A one-word name as a whole word."""
    return re.compile(r"\b" + re.escape(name) + r"\b")


LOWER_WORDS_BEFORE_RE = re.compile(r"\b((?:[a-z][\w’'-]*\s+){1,3})$")  # 'the pharmaceutical giant ' before a name


class NameIndex:
    """Where a text names people: every run of capitalised words that looks like a person's name, indexed by its
    last word, with the words just before it ('foreign ministry spokesman Geng Shuang'); a name inside a quotation
    (`quoted` tells whether a position is inside one) is not taken as the person a later 'he' or 'she' speaks for. Built in one pass, the
    first time a reference needs it."""

    def __init__(self, text: str, quoted: Callable[[int], bool] | None = None):
        self.text = text
        self.quoted = quoted  # inside a quotation a name is not who speaks it ('“Steele must go,” he said')
        self.built = False

    def _build(self) -> None:
        if self.built:
            return
        self.built = True
        text = self.text
        self.by_last: dict[str, list[tuple[int, int]]] = {}
        self.by_first: dict[str, list[tuple[int, int]]] = {}
        self.titled: list[tuple[int, int]] = []  # 'Gen. Terrence O'Shaughnessy', 'Mr. Trump': people for sure
        self.persons: dict[tuple[int, int], str] = {}  # each naming's full name, middle initials left out
        for m in NAME_RUN_RE.finditer(text):
            # the person's name inside the run, offices and places before it dropped ('House Speaker Nancy Pelosi')
            name = POSSESSIVE_END_RE.sub("", _name_in_run(m.group()))  # 'Donald J. Trump’s criticism': Donald J. Trump
            k = m.group().rfind(name) if name else -1
            if k < 0:
                continue
            span = (m.start(), m.start() + k + len(name))  # with the offices: a description of the person
            words = [w for w in name.split() if w.lower().rstrip(".") not in SUFFIX_WORDS] or name.split()
            self.by_last.setdefault(words[-1], []).append(span)
            self.by_first.setdefault(words[0].rstrip("."), []).append(span)
            self.titled.append(span)
            self.persons[span] = _same_name(_full_name(name))
        for m in TITLED_RE.finditer(text):
            self.titled.append((m.start(), m.end() - len(POSSESSIVE_END_RE.search(m.group()).group())))
        self.titled = sorted(t for t in self.titled if not (self.quoted and self.quoted(t[0])))
        self.titled_starts = [s for s, _ in self.titled]

    def full_name(self, surname: str, position: int, given: bool = False) -> str:
        """The last full naming of `surname` before `position` ('Donald Trump' for 'Trump'; with `given`, only one with
        a given name, not 'Chairman Steele'), with the words just before it when they describe the person; '' when the
        text names nobody so. A naming with a given name beats one without ('Hillary Clinton', not 'Team Clinton'), and
        one that says the person's role beats a later one that does not ('Rep. Todd Akin', not 'Todd Akin’s remarks')."""
        self._build()
        last = self.by_last.get(surname, [])
        before = [sp for sp in last + self.by_first.get(surname, []) if sp[0] < position
                  and len(self.text[sp[0]:sp[1]].split()) >= 2 and (not given or _full_name(self.text[sp[0]:sp[1]]))]
        # a person's naming that ends with the word beats one that starts with it ('Donald Trump', not 'Trump Tower'
        # for 'Trump'; 'Bernie Sanders' for 'Bernie'), and a naming with a given name beats one without
        people = [sp for sp in before if self._person_of(sp)]
        before = sorted([sp for sp in people if sp in last] or people or [sp for sp in before if sp in last])
        if not before:
            return ""
        person = self._person_of(before[-1])
        described = [self._described(*sp) for sp in before if self._person_of(sp) == person][-NAMINGS_COMPARED:]
        return next((d for d in reversed(described) if classify(d)[0]), described[-1])

    def _described(self, s: int, e: int) -> str:
        """The naming at s..e with the words just before it that describe the person ('House Speaker Nancy Pelosi')."""
        first = self.text[s:e].split(maxsplit=1)
        if len(first) == 2 and (first[0].lower() in LEAD_BREAKS or lexicon_tag(first[0].lower()) == "VBG"):
            return first[1]  # 'Following President Obama': the run opens with a word that governs the name
        lead = re.search(r"((?:[\w’'.-]+\s+){0,5})$", self.text[max(0, s - 80):s])
        words = (lead.group(1) if lead else "").split()
        appositive = APPOSITIVE_LEAD_RE.search(self.text, max(0, s - 80), s) if not words else None
        # the appositive within its sentence ('... the inspector general’s investigation.  In March, Andrew McCabe')
        lead_words = SENTENCE_END_RE.split(appositive.group(1))[-1] if appositive else ""
        if lead_words and (classify(lead_words)[0] or lead_words.split()[-1].lower() in SEXED_NOUNS) \
                and lead_words.split()[0].lower() not in LEAD_BREAKS | COMPARISON_LEADS:
            # 'the Senate Democratic leader, Chuck Schumer': the office first; 'Her husband, Bill Clinton'
            words = lead_words.split()
        # words up to a preposition or a participle are no part of the description: a name after a preposition is
        # its object ('including stints at Chuck Dale's': not 'including stints at'; Quirk et al. 1985, sec. 9.1)
        cut = [k for k, w in enumerate(words) if w.lower() in LEAD_BREAKS
               or (w.lower().endswith("ing") and (w.islower() or k == 0))]  # 'Following President Obama'
        if cut:
            words = words[cut[-1] + 1:]
        if words and words[-1].islower() and lexicon_tag(words[-1]).startswith("VB"):
            words = []  # 'The president castigated Kathy Griffin': a clause before her name, not a description of her
        while words and (words[0].lower() in DETERMINERS or not re.match(r"[\w’']", words[0])):
            words = words[1:]
        return " ".join([*words, self.text[s:e]])

    def one_person(self, surname: str) -> bool:
        """Whether every full naming of `surname` in the text is the same name (no 'Eric Trump' beside 'Donald
        Trump')."""
        self._build()
        return len({self._person_of(sp) for sp in self.by_last.get(surname, [])} - {""}) <= 1

    def _person_of(self, span: tuple[int, int]) -> str:
        """The full name a naming gives, middle initials left out; '' for 'Mr. Trump' or 'Chairman Steele'."""
        return self.persons[span]

    def opens_sentence(self, position: int) -> bool:
        """Whether a naming at `position` opens its sentence, or follows only a short introductory phrase ('At age 70,
        Mr. Trump became'): the sentence's subject, in news prose."""
        before = self.text[sentence_opening(self.text, position):position].strip(" “\"‘'")
        return not before or INTRO_PHRASE_RE.fullmatch(before) is not None

    def body_before(self, position: int) -> tuple[int, str] | None:
        """The last noun phrase naming a body ('the company', 'The Labor Department') in the sentence before
        `position` or the one before that, outside quotations."""
        lo = max(sentence_opening(self.text, max(0, sentence_opening(self.text, position) - 1)), position - 400)
        found = [m for m in BODY_NP_RE.finditer(self.text, lo, position) if not (self.quoted and self.quoted(m.start()))]
        return (found[-1].start(), POSSESSIVE_END_RE.sub("", found[-1].group())) if found else None

    def body_lead(self, name: str, position: int) -> str:
        """The lower-case words that say what kind of body a one-word name is, where the text gives them before
        `position` ('pharmaceutical giant' in 'The pharmaceutical giant Novacor raised ...', 'drugmaker' in 'sued
        drugmaker Novacor'), when every affiliation word in them is an institution's; else ''."""
        for m in _name_re(name).finditer(self.text, 0, position):
            before = LOWER_WORDS_BEFORE_RE.search(self.text, max(0, m.start() - 80), m.start())
            words = before.group(1).split() if before else []
            k = len(words)
            while k and words[k - 1] not in DETERMINERS and words[k - 1] not in LEAD_BREAKS \
                    and not lexicon_tag(words[k - 1]).startswith(("VB", "MD")):
                k -= 1  # the noun phrase's own words, back to a determiner, preposition or verb
            lead = " ".join(words[k:])
            found = _affiliations_in(lead) if lead else []
            if found and all(a.kind == "institution" for *_, a in found):
                return lead
        return ""

    def group_before(self, position: int) -> tuple[int, str] | None:
        """The people a 'they' at `position` speaks for: a subject that opens its sentence or the one before and names
        two people ('Mr. Romney and Mr. Ryan would abolish the panel, which they describe as ...') or people with a
        role in the plural ('Catholic bishops have emerged as critics over what they regard as ...')."""
        self._build()
        here = sentence_opening(self.text, position)
        found = None
        for opening in (sentence_opening(self.text, max(0, here - 1)), here):
            if opening >= position:
                break
            m = PLURAL_SUBJECT_RE.match(self.text, opening, position)
            if m and head_noun(m.group(1)).endswith("s") and classify(m.group(1))[0]:
                found = opening, m.group(1)
            k = bisect.bisect_left(self.titled_starts, opening)
            if k + 1 < len(self.titled) and self.titled[k][0] == opening and self.titled[k + 1][0] < position \
                    and PAIR_GAP_RE.fullmatch(self.text, self.titled[k][1], self.titled[k + 1][0]):
                found = opening, self.text[opening:self.titled[k + 1][1]]
        return found

    def last_person_before(self, position: int, clash: Callable[[str], bool] = lambda naming: False) \
            -> tuple[int, str] | None:
        """The person a 'he' or 'she' at `position` most likely is: the one named at the opening of its sentence
        (the subject: 'Representative Nadler ... stopped short of calling on Mr. Trump to cancel, but he said'), else
        the last naming of a person with a title or a full name before it; namings that `clash` with the pronoun
        ('Mrs. Clinton' for 'he') are passed over, back to PASSED_OVER of them."""
        self._build()
        i = bisect.bisect_left(self.titled_starts, position) - 1
        passed = 0
        while i >= 0 and passed < PASSED_OVER and clash(self.text[slice(*self.titled[i])]):
            i, passed = i - 1, passed + 1
        if i < 0 or passed == PASSED_OVER:
            return None
        opening = sentence_opening(self.text, position)
        for j in range(i, -1, -1):  # the subject that opens the pronoun's sentence beats a person named after it
            s, e = self.titled[j]
            if s < opening:
                break
            if self.opens_sentence(s) and not clash(self.text[s:e]):
                return s, self.text[s:e]
        first = OPENING_NAME_RE.match(self.text, opening, position)
        if first and self.opens_sentence(first.start()):
            # 'Bloomberg threw jabs at Trump, whom he called ...': a surname that opens the sentence, of a person
            # named in full before it, is the subject
            for j in range(i, -1, -1):
                s, e = self.titled[j]
                if s < first.start() and self.text[s:e].split()[-1] == first.group(1) and " " in self.text[s:e] \
                        and not clash(self.text[s:e]):
                    return s, self.text[s:e]
        s, e = self.titled[i]
        return s, self.text[s:e]


PASSED_OVER = 3  # namings of the other sex passed over for a 'he' or 'she' ('Sen. Sanders ... Mrs. Clinton. He')
OPENING_NAME_RE = re.compile(r"[“\"‘']?([A-Z][\w’'-]+)\s")  # a capitalised word that opens a sentence
PAIR_GAP_RE = re.compile(r",?\s+and\s+")  # 'Mr. Romney and Mr. Ryan'
# a sentence opening with a plural noun phrase and its verb ('Catholic bishops have', 'The party leaders met')
PLURAL_SUBJECT_RE = re.compile(r"[“\"‘']?((?:(?:The|Many|Some|Several|Most|Both|All|Other|Top|Senior)\s+)?"
                               r"(?:[A-Z]?[\w’'-]+\s+){0,3}[a-z]+s)\s+(?:[a-z]+ed|have|had|are|were|will|would|met|say|said)\b")
REFLEXIVES = frozenset(("himself", "herself"))  # 'Steele himself said': Steele
COURTESY_SEX = {"Mr": "m", "Ms": "f", "Mrs": "f", "Miss": "f"}  # 'Mr. Khan' and 'Ms. Khan' are two people
INITIAL_RE = re.compile(r"^[A-Z]\.$")  # a middle initial ('Robert P. McCulloch')


def _courtesy_sex(name: str) -> str | None:
    """'m' or 'f' when a name opens with a courtesy title that says so ('Mr. Khan', 'Ms. Khan'), else None."""
    words = name.split()
    return COURTESY_SEX.get(words[0].rstrip(".")) if words else None


SEXED_NOUNS = {**dict.fromkeys(word_class("female_noun"), "f"), **dict.fromkeys(word_class("male_noun"), "m")}


def _stated_sex(naming: str) -> str | None:
    """'m' or 'f' when a naming says so: a courtesy title ('Mr. Khan') or a word for a woman or a man before its first
    comma ('the president’s daughter Ivanka Trump'); else None."""
    sex = _courtesy_sex(naming)
    if sex:
        return sex
    found = {SEXED_NOUNS[w] for w in re.findall(r"[a-z]+", naming.split(",")[0]) if w in SEXED_NOUNS}
    return found.pop() if len(found) == 1 else None


def _sex_clash(pronoun: str, naming: str) -> bool:
    """Whether a naming says it is not who 'he' or 'she' is ('she' is not 'Mr. Khan')."""
    sex = _stated_sex(naming)
    return sex is not None and sex != ("m" if pronoun == "he" else "f")


def _surname(name: str) -> str:
    """The surname of a person's name as a text writes it ('Mr. Steele', 'Michael S. Steele', 'Steele himself':
    'Steele'); '' for anything else (a description, two people)."""
    words = [w for w in name.split() if w.lower() not in REFLEXIVES and w.lower().rstrip(".") not in SUFFIX_WORDS]
    if not words or " and " in name or "&" in name or not all(w[:1].isupper() for w in words):
        return ""
    return POSSESSIVE_END_RE.sub("", words[-1])


def _full_name(name: str) -> str:
    """A name with a given name ('Michael S. Steele Jr.’s' as 'Michael S. Steele Jr.'), '' for a title or courtesy form
    and a surname ('Mr. Steele', 'Chairman Steele'), a surname alone, or a run that is more than a name ('Chasing
    Trump', 'Oscar-winner Sarandon')."""
    words = [w for w in POSSESSIVE_END_RE.sub("", name).split() if w.lower() not in REFLEXIVES]
    while len(words) > 2 and (_title_word(words[0]) or not _given_name(words[0])):
        words = words[1:]  # 'Chairman Michael Steele', 'Actor Clint Howard': the person's name
    if len(words) < 2 or _title_word(words[0]) or not _given_name(words[0]) or any(re.search(r"-[a-z]", w) for w in words):
        return ""
    return " ".join(words)


def _same_name(name: str) -> str:
    """A full name without its middle initials, to compare namings ('Michael S. Steele' and 'Michael Steele')."""
    return " ".join(w for w in name.split() if not INITIAL_RE.match(w))


def _given_name(word: str) -> bool:
    """Whether a capitalised word can be a given name: Pattern's lexicon knows it as a proper noun ('Mark', 'Nancy') or
    knows neither it nor its lower case ('Trey'); not 'Is', 'What', 'Neither', 'Year' or 'Chasing'."""
    tag = lexicon_tag(word)
    return tag == "NNP" or (not tag and not lexicon_tag(word.lower()))


def _title_word(word: str) -> bool:
    return word.rstrip(".") in PERSONAL_TITLES or word.lower().rstrip(".") in OFFICE_WORDS


def _role_rank(role: str) -> int:
    """Specific roles first, then 'ordinary person', then 'other' and 'anonymous' (what a naming without an office
    gets)."""
    return 2 if role in (OTHER, ANONYMOUS) else 1 if role == ORDINARY else 0


def one_naming_per_person(speakers: list[Speaker], names: NameIndex) -> dict[Speaker, Speaker]:
    """Every naming of a person in one text ('Michael Steele', 'Chairman Steele', 'Mr. Steele', 'Things Michael
    Steele') mapped to one speaker: the text's full name of that person and the most specific role, country and
    party any naming (or the text's own full naming) gives. Surnames the text gives to two people ('Donald Trump',
    'Donald Trump Jr.') are left as they are."""
    groups: dict[str, list[Speaker]] = {}
    for s in dict.fromkeys(speakers):
        if s.person and not s.anonymous and (key := _surname(s.name)):
            groups.setdefault(key, []).append(s)
    out: dict[Speaker, Speaker] = {}
    for surname, group in groups.items():
        if not names.one_person(surname):
            continue  # 'Hillary Clinton' and 'Bill Clinton' in one text: a bare 'Clinton' stays as it is
        full = list(dict.fromkeys(_same_name(f) for s in group if (f := _full_name(s.name))))
        named = "" if full else names.full_name(surname, len(names.text), given=True)  # with its office, if any
        if named and (known := make_speaker(named)).person and _full_name(known.name) and _surname(known.name) == surname:
            group, full = [*group, known], [_same_name(_full_name(known.name))]  # 'Mr. McCulloch': Robert P. McCulloch
        courtesy = {_stated_sex(s.description) for s in group} - {None}
        if len(full) > 1 or len(courtesy) > 1:
            continue  # two people ('Mr. Khan' and 'Ms. Khan')
        best = min(group, key=lambda s: _role_rank(s.affiliation))
        country = next((s.country for s in group if s.country), "")
        party = next((s.party for s in group if s.party), "")
        # the naming with the given name, its title kept ('Gov. Terry E. Branstad'), other words before it dropped
        name = next((POSSESSIVE_END_RE.sub("", s.name) if _title_word(s.name.split()[0]) else f for s in group
                     if full and _same_name(f := _full_name(s.name)) == full[0]), None)
        for s in group:
            one = replace(s, name=name or s.name, affiliation=best.affiliation, country=country, party=party)
            if one != s:
                out[s] = one
    return out


def sentence_opening(text: str, position: int) -> int:
    """Where the sentence holding `position` begins: after the last full stop that ends no title or initial ('Mr.',
    'E.') or after a line break."""
    k = position
    while k > 0:
        k = max(text.rfind(". ", 0, k), text.rfind("\n", 0, k))
        if k < 0:
            return 0
        if text[k] == "\n":
            return k + 1
        word = re.search(r"(\w+)$", text[max(0, k - 6):k])
        if not (word and (word.group(1) in PERSONAL_TITLES or len(word.group(1)) == 1)):
            return k + 2
    return 0


def _many(s: Speaker) -> bool:
    """Whether 'they' can speak for this speaker: a group, a body or people in the plural, not one person ('an aide')."""
    head = head_noun(s.description)
    return not s.person and (head in BODY_HEADS or head in word_class("collective_noun") or (
        head.endswith("s") and not head.endswith("ss")))


def _expanded(description: str) -> str:
    return " ".join(ABBREVIATIONS.get(w.strip(".").lower(), w.lower()) for w in description.split())


def _full_naming(names: NameIndex, surname: str, position: int, courtesy: bool) -> str:
    """The full naming a surname stands for; none for 'Mr. Trump' where the text names two people so ('Ivanka Trump'
    beside 'Donald J. Trump'): a courtesy title says the person's sex, which a given name alone does not tell here."""
    return "" if courtesy and not names.one_person(surname) else names.full_name(surname, position)


def resolve(description: str, position: int, earlier: list[tuple[int, Speaker]], names: NameIndex) -> Speaker:
    """Resolve pronouns, surnames and 'the official'-style references against earlier speakers and named people;
    `earlier` is in text order. Each call looks at a bounded number of earlier speakers."""
    d = description.strip(" ,")
    if (m := CONTRACTED_PRONOUN_RE.fullmatch(d)) and m.group(1).lower() in PRONOUNS:
        d = m.group(1)  # 'They're hoping', 'They’ve said': the pronoun without its auxiliary
    low = d.lower()
    recent = earlier[-LOOKBACK:][::-1]
    if low in PRONOUNS or low in ("another", "the other"):
        if low in ("he", "she"):
            # an earlier person, or the same pronoun left unresolved ('He is backing ..., and he says')
            speaker = next(((p, s) for p, s in recent if (s.person or s.name.lower() == low) and p < position
                            and not _sex_clash(low, s.description)), None)
            named = names.last_person_before(position, lambda naming: _sex_clash(low, naming))
            if named and speaker is not None and named[1].split()[-1] in speaker[1].name.split():
                return speaker[1]  # the name just before is the speaker's own
            # a person named since the last speaker takes over only as a sentence's subject, not as an object in
            # what the speaker said ('... demand that Mr. Putin extradite those indicted. “...,” he said': the speaker)
            if named and (speaker is None or (named[0] > speaker[0] and names.opens_sentence(named[0]))):
                return resolve(named[1], named[0] + 1, earlier, names) if " " not in named[1] else make_speaker(
                    _full_naming(names, named[1].split()[-1], named[0] + 1, _courtesy_sex(named[1]) is not None)
                    or named[1])
            return speaker[1] if speaker else make_speaker(d)
        if low == "it":  # never a person: a body named in its sentence or the one before, else the last body speaking
            found = next(((p, s) for p, s in recent if p < position and not s.person), None)
            body = names.body_before(position)
            if body and (found is None or body[0] > found[0]):
                return make_speaker(body[1])
            return found[1] if found else make_speaker(d)
        found = next(((p, s) for p, s in recent if p < position and (low != "they" or (
            _many(s) and position - p <= THEY_REACH))), None)
        group = names.group_before(position) if low == "they" else None
        if group and (found is None or group[0] > found[0]):
            return make_speaker(group[1])  # 'Mr. Romney and Mr. Ryan would abolish the panel, which they describe'
        if found is None:
            return make_speaker(d)
        ref = found[1]
        if low in ("another", "the other"):
            return Speaker(d, f"{d} ({ref.description})", ref.affiliation, ref.anonymous, ref.person, ref.country, ref.party)
        return ref
    words = low.split()
    if 2 <= len(words) <= 4 and words[0] == "the":
        head = words[-1]
        if head in PERSON_HEADS:  # 'the general said': the same person named before ('the Ohio governor': of Ohio)
            named = [w for w in words[1:-1] if w not in GENERIC_MODIFIERS]
            for _, s in recent:
                seen = _expanded(s.description)
                own = head_noun(s.description)  # a lower-case head of another noun is not this person
                if (own == head or not re.search(rf"\b{re.escape(own)}\b", s.description)) \
                        and all(re.search(rf"\b{re.escape(w)}\b", seen) for w in [*named, head]):
                    return s  # 'the senator' is 'Vermont Sen. Sanders', not 'The president’s decision' for 'the president'
        elif head in BODY_HEADS:  # 'the ministry statement said': the same body's role and country
            content = [w for w in words[1:] if w not in ("statement", "report", "spokesman")] or [head]
            for _, s in recent:
                if any(re.search(rf"\b{re.escape(w)}", s.description.lower()) for w in content):
                    return Speaker(d, d, s.affiliation, s.anonymous, False, s.country, s.party)
    m = SURNAME_RE.fullmatch(d)
    # a surname that is also a company's name ('Bloomberg', 'Ford') is the person the text named, if it named one
    if m and not _is_country(d) and (not classify(d)[0] or _institution_only(d)):
        surname = m.group(1)
        sex = _courtesy_sex(d)
        for _, s in recent:
            if sex and _stated_sex(s.description) not in (None, sex):
                continue  # 'Ms. Khan' is not the 'Mr. Khan' before her
            if s.person and " " in s.name and " and " not in s.name and re.search(rf"\s{re.escape(surname.lower())}(?:,?\s(?:{'|'.join(SUFFIXES)})\.?)?$",
                                                       s.name.lower()):
                return s
        full = _full_naming(names, surname.split()[-1], position, sex is not None)
        if full and (sex is None or _stated_sex(full) in (None, sex)):  # 'Mr. Trump' is not 'his daughter Ivanka Trump'
            return make_speaker(full)
        if not sex and " " not in d and (lead := names.body_lead(d, position)):
            role, country, party = classify(lead)  # 'the pharmaceutical giant Novacor ... Novacor said': a business
            return Speaker(d, d, role, False, False, country, party)
    return make_speaker(d)
