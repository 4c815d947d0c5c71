"""How outlets name countries, people and the actors and actions of the alias files; and whom a loaded term targets."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.detect.context import lexicon_tag
from analysis.detect.lexicon import DATA_DIR, PACKS_DIR, word_class
from analysis.detect.speakers import (
    ABBREVIATIONS,
    BODY_HEADS,
    NAME_RUN_RE,
    NOT_NAME_WORDS,
    OFFICE_WORDS,
    PARTICLES,
    PERSONAL_TITLES,
    POSSESSIVE_END_RE,
    TITLED_RE,
    countries_in,
    person_names,
)

# A country name that is part of a sea's or region's name does not name the country.
NOT_ACTOR_AFTER = re.compile(r"\s+(?:Sea|Seas|Peninsula|peninsula)\b")


@dataclass(frozen=True)
class Alias:
    """One way of naming an actor or action."""
    actor: str
    name: str
    kind: str
    note: str


COUNTRY_KINDS = {"name": ("neutral", "Country name"), "capital": ("metonym", "Capital for the government"),
                 "demonym": ("neutral", "Adjective or people of the country")}
PERSON_KINDS = {
    "full name": "First and last name",
    "surname": "Last name alone",
    "honorific": "Courtesy title and last name ('Mr. Trump'), a house style of some outlets",
    "title": "Office or rank and last name ('President Trump', 'Sen. Warren')",
    "administration": "The government named after its leader ('the Trump administration')",
}
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})
TITLE_WORDS = OFFICE_WORDS | HONORIFICS  # words that may stand before a name
LOWER_WORD_RE = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")
BEFORE_WORD_RE = re.compile(r"([A-Z][\w.]*\.?)\s+$")
OFFICE_TITLE_RE = re.compile(r"\b(?:" + "|".join(sorted(w.title() for w in word_class("office_title"))) + r")\s+[A-Z][\w’'-]+")
WEEKDAY_END_RE = re.compile(r"(?:\s+(?:" + "|".join(sorted(w.title() for w in word_class("weekday"))) + r"))+$")
NAME_PARTICLE_NEXT_RE = re.compile(r"\s+(?:(?:al|el)-|(?:" + PARTICLES + r")\s+[A-Z])")


def _read(path: Path) -> list[Alias]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [Alias(r["actor"].strip(), r["name"].strip(), r["kind"].strip(), r["note"].strip())
                for r in csv.DictReader(fh) if r["actor"].strip() and r["name"].strip()]


@lru_cache(maxsize=8)
def load_aliases(packs: tuple[str, ...] = (), data_dir: Path = DATA_DIR) -> tuple[Alias, ...]:
    """The general alias file (aliases.csv; a row with {country}, {demonym} or {capital} stands for every country
    of countries.csv) and the alias files of the chosen topic packs (packs/NAME.aliases.csv)."""
    rows: list[Alias] = []
    countries = _country_forms(data_dir)
    for a in _read(data_dir / "aliases.csv"):
        if "{" not in a.name:
            rows.append(a)
            continue
        for country, forms in countries.items():
            for kind, names in forms.items():
                if "{" + kind + "}" in a.name:
                    rows += [Alias(a.actor.replace("{country}", country), a.name.replace("{" + kind + "}", n), a.kind,
                                   a.note) for n in names]
    for p in packs:
        path = data_dir / PACKS_DIR / f"{p}.aliases.csv"
        if path.is_file():
            rows += _read(path)
    return tuple(rows)


def _country_forms(data_dir: Path) -> dict[str, dict[str, list[str]]]:
    """countries.csv as {country: {'demonym': [...], 'capital': [...]}}."""
    out: dict[str, dict[str, list[str]]] = {}
    with (data_dir / "countries.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            out.setdefault(r["country"], {}).setdefault(r["kind"], []).append(r["name"])
    return out


@lru_cache(maxsize=8)
def _alias_regex(packs: tuple[str, ...] = ()) -> tuple[re.Pattern, dict[str, Alias]]:
    aliases = load_aliases(packs)
    by_name = {a.name.lower(): a for a in aliases}
    names = sorted(by_name, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?![\w-])", re.I)
    return rx, by_name


def actor_mentions(text: str, packs: tuple[str, ...] = ()) -> list[tuple[int, int, Alias]]:
    """Every naming of a country (countries.csv: name, capital, demonym) or of an actor or action of the alias files,
    longest first, never overlapping. A capital inside a longer capitalised name ('the Washington Post', 'George
    Washington') and a country inside a sea's name ('the South China Sea') name no government."""
    rx, by_name = _alias_regex(tuple(packs))
    out = []
    for m in rx.finditer(text):
        if NOT_ACTOR_AFTER.match(text, m.end()):
            continue
        alias = by_name.get(re.sub(r"\s+", " ", m.group().lower()))
        if alias is not None and _case_ok(m.group(), alias.name):
            out.append((m.start(), m.end(), alias))
    taken = [(s, e) for s, e, _ in out]
    for s, e, country, kind in countries_in(text):
        if any(s < b and a < e for a, b in taken) or NOT_ACTOR_AFTER.match(text, e):
            continue
        if kind == "capital" and _in_longer_name(text, s, e):
            continue
        label, note = COUNTRY_KINDS[kind]
        out.append((s, e, Alias(country, text[s:e], label, note)))
    return sorted(out, key=lambda x: x[0])


def _in_longer_name(text: str, s: int, e: int) -> bool:
    """The words at [s, e) are part of a longer run of capitalised words (a name of its own); a capitalised short
    function word before them ('The', 'In', 'And') opens the sentence, not a name."""
    before = BEFORE_WORD_RE.search(text, max(0, s - 40), s)
    after = re.match(r"\s+[A-Z]", text[e:e + 3])
    return bool(after) or (before is not None and before.group(1).lower() not in word_class("title_minor_word"))


def _surname(text: str, words: list[str]) -> str:
    """The name a person goes by alone: the last word with the particles before it ('Donald Trump': Trump, 'Bill de
    Blasio': de Blasio), or the first where the text uses the first alone and never the last ('Kim Jong Un' ...
    'Kim said': a family name written first)."""
    while len(words) > 2 and words[-1].lower().rstrip(".") in word_class("name_suffix"):
        words = words[:-1]  # 'Joseph R. Biden Jr.': Biden
    if len(words) > 1 and _alone(text, words[0]) and not _alone(text, words[-1]):
        return words[0]
    k = len(words) - 1
    while k > 1 and words[k - 1] in word_class("name_particle"):
        k -= 1
    return " ".join(words[k:])


def _goes_by(text: str, words: list[str]) -> str:
    """The name the actor of a run of capitals goes by in the text: its surname (`_surname`), or the whole run where
    that is an ordinary word the text never uses alone outside the run, one word of a longer name ('Rose Garden',
    'Vanity Fair', 'Sandy Hook Elementary', 'the National Archives'), not a person's name."""
    surname, name = _surname(text, words), " ".join(words)
    return name if lexicon_tag(surname.lower()) and not _alone(text.replace(name, ""), surname) else surname


@lru_cache(maxsize=4096)  # a text's people are looked up once per run of capitals naming them, and per loaded term
def _alone(text: str, word: str) -> bool:
    """The word stands in the text without another capitalised word next to it (an office or courtesy title before
    it is allowed: 'President Xi')."""
    for m in re.finditer(r"(?<![\w’'-])" + re.escape(word) + r"(?![\w-])", text):
        if re.match(r"(?:['’]s)?\s+[A-Z]", text[m.end():m.end() + 4]) or NAME_PARTICLE_NEXT_RE.match(text, m.end()):
            continue
        before = BEFORE_WORD_RE.search(text, max(0, m.start() - 40), m.start())
        if before is None or before.group(1).rstrip(".").lower() in TITLE_WORDS or before.group(1).endswith("."):
            return True  # nothing, an office or a sentence's end before it
    return False


def person_mentions(text: str) -> list[tuple[int, int, Alias]]:
    """How a text names each person it names in full: full name, last name alone, courtesy title ('Mr. Trump'),
    office ('President Trump') or 'the Trump administration'. The actor is the last name, or the given name and last
    name where the text names two people of that surname in full; the same words for any person, whoever and
    whenever."""
    people: set[str] = set()  # the last names of the people the text names
    given: list[tuple[int, str, str]] = []  # (where, surname, given name) of each naming in full
    out: list[tuple[int, int, Alias]] = []
    lower = set(LOWER_WORD_RE.findall(text))  # a capitalised word the text also writes in lowercase is no name
    compass, regions = word_class("compass_word"), word_class("region_word")
    for m in NAME_RUN_RE.finditer(text):
        run = POSSESSIVE_END_RE.sub("", m.group().split("’s ")[0].split("'s ")[0])  # 'President Trump’s Mar-a-Lago'
        run = WEEKDAY_END_RE.sub("", run)  # 'Chairman Michael Steele Sunday': the day is no part of the name
        lead_in = text[max(0, m.start() - 40):m.start()]  # 'the Center for ' before 'Arizona Policy': a body's name
        found = person_names([lead_in + run])
        if not found or not run.endswith(found[0]) or "\n" in run:
            continue
        words = found[0].split()
        if words[0].lower() in lower or words[-1].lower() in lower or words[-1].isupper():
            continue  # 'For Beck' at a sentence start, 'the Dream Act' (and 'the act'), 'Kansas City', 'Glenn Beck CPAC'
        if words[0].lower() in compass or words[-1].lower() in regions or words[-1].lower() in compass:
            continue  # 'East Asia', 'South Pacific', 'the Middle East': a place
        if words[-1].lower() in BODY_HEADS:
            continue  # 'Human Rights Campaign', 'Ford Motor Company': a body
        end = m.start() + len(run)
        if (words[0].endswith("s") and words[0].lower()[:-1] in TITLE_WORDS) or (_opens_sentence(text, end - len(found[0])) and
                                                            _function_word(words[0])):
            continue  # 'Presidents Bush and Obama'; 'Added Gibbs', 'Both Facebook' opening a sentence
        if len(words) == 2 and words[0].rstrip(".").lower() in TITLE_WORDS:
            continue  # 'President Trump' is an office and a surname (below), 'General Motors' a company
        start = name_start = end - len(found[0])
        start = _offices_before(text, m.start(), name_start)
        lead = text[start:end].split()[0].rstrip(".").lower()
        surname = _surname(text, words)
        people.add(surname)
        if words[0] != surname.split()[0]:
            given.append((start, surname, words[0]))
        if lead in HONORIFICS:
            kind = "honorific"  # 'Mr. Trump'
        elif start < name_start:
            kind = "title"  # 'President Donald Trump', 'Sen. Elizabeth Warren', 'Senate Majority Leader Mitch McConnell'
        else:
            kind = "full name"
        out.append((start, end, _person(surname, text[start:end], kind)))
    taken = [(s, e) for s, e, _ in out]
    titled = sorted([*TITLED_RE.finditer(text), *OFFICE_TITLE_RE.finditer(text)], key=lambda m: m.start())
    for m in titled:  # 'Mrs. Clinton', 'Gen. Dunford', 'President Trump' without a full name in the text
        if any(a <= m.start() < b for a, b in taken) or re.match(r"\s+[A-Z]", text[m.end():m.end() + 3]):
            continue
        lead, surname = m.group().split()[0].rstrip(".").lower(), POSSESSIVE_END_RE.sub("", m.group().split()[-1])
        if surname in NOT_NAME_WORDS or countries_in(surname) or surname.lower() in lower or surname.isupper():
            continue
        people.add(surname)
        name = m.group()[:m.group().rindex(surname) + len(surname)]
        out.append((m.start(), m.start() + len(name), _person(surname, name, "honorific" if lead in HONORIFICS else "title")))
        taken.append(m.span())
    if not people:
        return []
    # a particle opening a sentence is capitalised ('De Blasio said'): the same surname
    forms = {p[0].upper() + p[1:]: p for p in people if p[0].islower()} | {p: p for p in people}
    rx = re.compile(r"(?<![\w’'-])(" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r")(?![\w-])")
    for m in rx.finditer(text):
        s, e = m.span()
        if any(a <= s < b for a, b in taken) or re.match(r"\s+[A-Z]", text[e:e + 3]):
            continue
        surname = forms[m.group(1)]
        if text[e:e + 16].lower().startswith(" administration") and text[max(0, s - 4):s].lower() == "the ":
            out.append((s - 4, e + 15, _person(surname, f"the {surname} administration", "administration")))
            continue
        before = BEFORE_WORD_RE.search(text, max(0, s - 40), s)
        word = before.group(1).rstrip(".").lower() if before else ""
        if before and ("\n" in text[before.end(1):s] or _ends_sentence(before.group(1))):
            before, word = None, ""  # a sentence or paragraph ends before the surname ('the House.\n\nSestak said')
        if word in HONORIFICS:
            out.append((before.start(1), e, _person(surname, f"{before.group(1)} {surname}", "honorific")))
        elif word in TITLE_WORDS:
            out.append((before.start(1), e, _person(surname, f"{before.group(1)} {surname}", "title")))
        elif not before:
            out.append((s, e, _person(surname, surname, "surname")))
    return _told_apart(sorted(out, key=lambda x: x[0]), given)


def _told_apart(out: list[tuple[int, int, Alias]], given: list[tuple[int, str, str]]) -> list[tuple[int, int, Alias]]:
    """Namings where the text names two people of one surname in full ('Asa Hutchinson', 'Seth Hutchinson'): each
    person is the given name and surname, and a shorter naming is the person named in full last before it (or first
    after it)."""
    shared = {sn for sn in {sn for _, sn, _ in given} if len({g for _, s2, g in given if s2 == sn}) > 1}
    if not shared:
        return out
    told = []
    for s, e, alias in out:
        if alias.actor in shared:
            full = [(at, g) for at, sn, g in given if sn == alias.actor]
            g = next((g for at, g in reversed(full) if at <= s), full[0][1])
            alias = replace(alias, actor=f"{g} {alias.actor}")
        told.append((s, e, alias))
    return told


FUNCTION_TAGS = frozenset("DT PDT IN CC RB WDT WP WRB PRP PRP$ EX TO".split())


def _function_word(word: str) -> bool:
    """A word that cannot begin a name: a determiner, preposition, conjunction, adverb or pronoun, or an -ed or -ing
    verb form, by Pattern's lexicon ('Both', 'Despite', 'Added', 'Attacking')."""
    tag = lexicon_tag(word.lower())
    return tag in FUNCTION_TAGS or (tag in ("VBD", "VBN", "VBG") and word.lower().endswith(("ed", "ing")))


def _opens_sentence(text: str, pos: int) -> bool:
    """Nothing but a sentence's end, a paragraph break or an opening quotation mark comes before `pos`."""
    before = text[max(0, pos - 3):pos].rstrip(" “‘\"'")
    return not before or before.endswith((".", "!", "?", "\n", ":"))


def _offices_before(text: str, run_start: int, name_start: int) -> int:
    """Where the offices right before a name begin ('Chinese President Xi Jinping', 'Gov. Jan Brewer', 'Secretary of
    State Hillary Clinton'): capitalised office words, and 'of' between two of them; not past a sentence's end."""
    lo = max(0, run_start - 60)
    words = list(re.finditer(r"(\S+)\s+", text[lo:name_start]))
    start, k = name_start, len(words) - 1
    while k >= 0:
        w = words[k]
        word = w.group(1).rstrip(".").lower()
        if word == "of" and start < name_start and k > 0 and words[k - 1].group(1).rstrip(".").lower() in TITLE_WORDS:
            k -= 1  # 'Secretary of State': an office with its 'of'
            continue
        if word not in TITLE_WORDS or (lo + w.start() < run_start and not w.group(1)[:1].isupper()) or \
                _ends_sentence(w.group(1)):
            break  # not an office, or the end of the sentence before ('the Attorney General. Senator ...')
        start = lo + w.start()
        k -= 1
    return start


def _ends_sentence(word: str) -> bool:
    """A word with a full stop that is no abbreviation: 'General.' ends a sentence, 'Gov.' and 'Mr.' do not."""
    return word.endswith(".") and word.rstrip(".").lower() not in ABBREVIATIONS and word.rstrip(".").lower() not in HONORIFICS


def _person(surname: str, name: str, kind: str) -> Alias:
    return Alias(surname, name, kind, PERSON_KINDS[kind])


def mentions(text: str, packs: tuple[str, ...] = ()) -> list[tuple[int, int, Alias]]:
    """Every naming of a country, an actor or action of the alias files, or a person, never overlapping."""
    actors = actor_mentions(text, packs)
    spans = [(s, e) for s, e, _ in actors]
    people = [p for p in person_mentions(text) if not any(p[0] < b and a < p[1] for a, b in spans)]
    return sorted(actors + people, key=lambda x: x[0])


def _case_ok(found: str, name: str) -> bool:
    """Proper names must be capitalised as in the file ('US' but not 'us'; 'Kim' but not 'kim')."""
    return found[:1].isupper() == name[:1].isupper() or not name[:1].isalpha() or name[:1].islower()


def naming_table(texts: dict[str, tuple[str, str]], packs: tuple[str, ...] = ()) -> pd.DataFrame:
    """Tidy counts: one row per (outlet, actor, name) over texts {article_id: (outlet, body text)}."""
    rows = []
    for article_id, (outlet, text) in texts.items():
        for _s, _e, alias in mentions(text, packs):
            rows.append({"article_id": article_id, "outlet": outlet, "actor": alias.actor, "name": alias.name,
                         "kind": alias.kind, "note": alias.note})
    df = pd.DataFrame(rows, columns=["article_id", "outlet", "actor", "name", "kind", "note"])
    return df.groupby(["actor", "name", "kind", "note", "outlet"]).size().rename("count").reset_index()


def naming_matrix(counts: pd.DataFrame) -> pd.DataFrame:
    """Wide table for reading: one row per actor and name, one column per outlet (count of uses); people named
    only one way are left out (there is nothing to compare)."""
    person = counts["kind"].isin(list(PERSON_KINDS))
    forms = counts[person].groupby("actor")["name"].nunique()
    counts = counts[~person | counts["actor"].isin(forms[forms > 1].index)]
    if counts.empty:
        return pd.DataFrame(columns=["actor", "name", "kind"])
    wide = counts.pivot_table(index=["actor", "name", "kind"], columns="outlet", values="count", fill_value=0)
    return wide.reset_index().sort_values(["actor", "name"]).reset_index(drop=True)


def targets(text: str, spans: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """For each loaded term, whom its sentence aims it at: the object of a verb of saying before it ('Mr. Trump
    accused Mr. Strzok of being a "disgrace"': Strzok), else the nearest actor or person named before it (else after
    it); never the speaker, the speaker's own country or the speaker's own name; '' when the sentence names nobody else."""
    rows = []
    category = spans["category"].to_numpy()
    loaded = spans[category == "loaded"]
    cues = list(zip(*(spans.loc[category == "attribution", c].tolist() for c in ("start", "end"))))
    known = _surnames(text) if len(loaded) else frozenset()
    bounds = list(zip(sentences["start"].tolist(), sentences["end"].tolist()))
    named: dict[int, list[tuple[int, int, str, bool]]] = {}  # per sentence: several terms often share one
    columns = ["start", "end", "text", "voice", "speaker", "affiliation", "sentence"]
    countries = loaded["country"].tolist() if "country" in loaded else [""] * len(loaded)
    for (start, end, term, voice, speaker, affiliation, k), country in zip(
            zip(*(loaded[c].tolist() for c in columns)), countries):
        lo, hi = bounds[k]
        if k not in named:
            named[k] = _named_in(text, lo, hi, known)
        own = _own_names(speaker, country)
        cands = [c for c in named[k] if not (c[0] <= start < c[1]) or c[3]][:200]
        cands = [c for c in cands if c[2] not in own and not (set(text[c[0]:c[1]].split()) & own)]
        inside = [c for c in cands if c[0] <= start < c[1] and c[3]]  # "the North Korean regime"
        cue_ends = [e for s, e in cues if lo <= s and e <= start]
        objects = [c for c in cands if cue_ends and max(cue_ends) <= c[0] and c[1] <= start]
        before = [c for c in cands if c[1] <= start]
        after = [c for c in cands if c[0] >= end]
        pick = (inside[0] if inside else min(objects, key=lambda c: c[0]) if objects else
                max(before, key=lambda c: c[1]) if before else min(after, key=lambda c: c[0]) if after else None)
        rows.append({"start": start, "end": end, "term": term.lower(), "voice": voice,
                     "speaker": speaker or "(the outlet)", "affiliation": affiliation or "(the outlet)",
                     "country": country or "",
                     "target": pick[2] if pick else "", "target_named_as": text[pick[0]:pick[1]] if pick else ""})
    return pd.DataFrame(rows, columns=TARGET_COLUMNS)


TARGET_COLUMNS = ["start", "end", "term", "voice", "speaker", "affiliation", "country", "target", "target_named_as"]


def _own_names(speaker: str, country: str) -> set[str]:
    """What names the speaker's own side: the speaker's words ('Trump', 'Donald') and country."""
    words = {w for w in re.findall(r"[A-Z][\w’'-]+", speaker or "") if w not in ("Mr", "Mrs", "Ms", "The", "A", "An")}
    return words | ({country} if country else set())


def _surnames(text: str) -> frozenset[str]:
    """The names people of the text go by alone ('Trump' where it names 'Donald Trump' anywhere)."""
    runs = {POSSESSIVE_END_RE.sub("", m.group()) for m in NAME_RUN_RE.finditer(text)}  # a name recurs: read it once
    return frozenset(_surname(text, found[0].split()) for run in runs if (found := person_names([run])))


SINGLE_NAME_RE = re.compile(r"(?<![\w’'.-])[A-Z][\w’'-]+")


def _named_in(text: str, lo: int, hi: int, known: frozenset[str] = frozenset()) -> list[tuple[int, int, str, bool]]:
    """Countries, actors of the general alias file and people named in [lo, hi), also by the name alone they go by
    in the text (`known`: 'Trump'): (start, end, actor or person, is an actor)."""
    actors = [(s, e, a.actor, True) for s, e, a in actor_mentions(text[lo:hi])]
    actors = [(s + lo, e + lo, a, k) for s, e, a, k in actors]
    taken = [(s, e) for s, e, _, _ in actors]
    people = []
    # whole runs of capitals first ('Judge Neil M. Gorsuch', 'Fox News’ Steve Doocy'), then a title and a surname
    for m in [*NAME_RUN_RE.finditer(text, lo, hi), *TITLED_RE.finditer(text, lo, hi)]:
        if any(s < m.end() and m.start() < e for s, e in taken) or INSTITUTION_BEFORE_RE.search(text, max(lo, m.start() - 40), m.start()):
            continue  # inside an actor or a run already read, or the end of a body's name ('Bureau of Indian Affairs')
        titled = m.group().startswith(TITLE_PREFIXES) and len(m.group().split()) == 2
        found = [POSSESSIVE_END_RE.sub("", m.group())] if titled else person_names([m.group()])
        if found:
            surname = _goes_by(text, found[0].split()) if not titled else found[0].split()[-1]
            people.append((m.start(), m.end(), POSSESSIVE_END_RE.sub("", surname), False))  # 'Bush’s': Bush
            taken.append((m.start(), m.end()))
    for m in SINGLE_NAME_RE.finditer(text, lo, hi) if known else ():
        name = POSSESSIVE_END_RE.sub("", m.group())
        if name in known and not any(s < m.end() and m.start() < e for s, e in taken):
            people.append((m.start(), m.end(), name, False))  # 'called Trump a “demagogue”', the text's Donald Trump
    return sorted(actors + people)


TITLE_PREFIXES = tuple(p + "." for p in PERSONAL_TITLES)  # 'Mr.', 'Sen.': a title and a surname
INSTITUTION_BEFORE_RE = re.compile(r"\b[A-Z][\w’'-]+\s+(?:of|for)\s+(?:the\s+)?$")  # 'Bureau of ', 'Center for '
