"""Attribution: who says what, with which cue, and which stretch of text is theirs.

Every step looks only within a bounded window around a cue (a speaker is a phrase, not a text), and quotations
and earlier speakers are found by bisection, so the work grows linearly with the length of the text."""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace

from analysis.detect.context import lexicon_tag, pos_tags
from analysis.detect.lexicon import CONTRACTED_SUBJECTS, Entry, Match, Token, word_class
from analysis.detect.speakers import (
    BODY_HEADS,
    GENERIC_MODIFIERS,
    PERSONAL_TITLES,
    PRONOUNS,
    SUFFIX_WORDS,
    UNNAMED,
    NameIndex,
    Speaker,
    is_place,
    load_affiliations,
    make_speaker,
    one_naming_per_person,
    person_names,
    resolve,
)
from analysis.text.quotes import Quote
from analysis.text.segment import TITLES, Segment

WINDOW = 400  # characters around a cue that its speaker and closing-tag tests may look at
MAX_SPEAKER_TOKENS = 24  # words a speaker phrase before a cue may have
OWNER_WINDOW = 1500  # characters around a quotation searched for the attribution that owns it
BOUNDARY_WORDS = frozenset("""that which who whom whose but while because when after although though if since so
what where whereas before until unless as than""".split())
RELATIVE = frozenset("who which whose".split())
# ', who' right after a phrase: the relative clause's subject is that phrase, even as the object of a verb or
# preposition ('drew condemnation from Democrats, who called it ...'; Quirk et al. 1985, sec. 17.10)
RELATIVE_AFTER_RE = re.compile(r",\s*who\b")
# Words that never stand in a speaker's noun phrase: verbs, auxiliaries, most prepositions, conjunctions, adverbs.
NOT_IN_NP = frozenset("""is are was were be been being am has have had having do does did will would can could
should may might must shall not n't never also then later earlier again once previously recently repeatedly publicly
bluntly still just already even only however too very on by into over under about against during without within
through across after before since until upon onto off out up down than so such there here when where why how what
this week month year today yesterday tonight now meanwhile instead indeed though although while whether because
if unless made make makes took take takes gave give gives went go goes came come comes got get gets saw seen see
says said told tell asked added yet seldom often always usually rarely sometimes soon ever
first long nevertheless nonetheless therefore thus hence likewise otherwise twice""".split())
NP_PREPOSITIONS = frozenset("of for at from with to in".split())  # 'a professor at Harvard', 'a spokesman for the company'
DETERMINERS = frozenset("the a an this that these those his her their its our my your some many several most all both "
                        "each every any no another other one two three four five".split())
QUANTIFIERS = frozenset("some many most several few others both all".split())  # 'Some said they ...': unnamed people
# A quantifier or number standing alone for people ('some are saying', 'yet another said', 'the two admit')
PEOPLE_WORDS = QUANTIFIERS | frozenset("another one two three four five".split())
WEEKDAYS = word_class("weekday")
BE_FORMS = frozenset("is are was were be been being".split())
# Cues that are no verb (no verb group, no subject before them); of them, those a verb of saying near by takes over
NON_VERB_KINDS = ("according_to", "statement", "colon", "adverb", "poll", "dash")
SERVED_KINDS = ("statement", "colon", "adverb")
# 'according to the ministry', 'in a Gallup poll', '“...” — Bernie Sanders': the source follows the cue
SOURCE_AFTER_KINDS = ("according_to", "poll", "dash")
NEGATED_BE = frozenset("isn't aren't wasn't weren't".split())  # 'they aren't admitted until ...': a passive too
# ', for example,' between a speaker and the cue: 'Will Rogers, for example, said'
PARENTHETICAL_RE = re.compile(r",\s*(?:for example|for instance|however|meanwhile|though|too|in turn|in response|in fact|"
                              r"of course|nevertheless|nonetheless|"
                              r"in a statement|in an? (?:phone |telephone |email |e-mail )?interview|in an email|"
                              r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                              # a short prepositional phrase of place, role, stance or means set off by commas ('Trump,
                              # in Kentucky, said', 'Huckabee, for his part, is labeling', 'Schilling, through a
                              # spokeswoman, declined'; Quirk et al. 1985, sec. 8.13)
                              r"(?:in|at|for|as|like|unlike|during|after|before|through|via)\s+[^,;:“”\"()—–]{1,40}?)\s*,\s*$")
INCLUDING_RE = re.compile(r"(?:,|\s--?|\s?[—–])\s*including\s[^;:“”\"]{1,180}?(?:,|\s--?|\s?[—–])\s*$")
VERB_GROUP_BEFORE_RE = re.compile(r"(?<![\w’'])(?:(?:has|have|had|is|are|was|were|will|would|can|could|should|may|might|"
                                  r"must|did|does|do|not|never|also|since|already|later|still|then|\w+n[’']t|[a-z]+ly)\s+)+$")
DATE_BEFORE_RE = re.compile(r"\s+(?:(?:on|in)\s+(?:" + "|".join(m.title() for m in word_class("month")) +
                            r")\.?\s+\d{1,2},\s+\d{4},|as\s+(?:recently|late|early|long)\s+as\s+[^,;:“”\"]{1,30}"
                            r"|for\s+(?:(?:\d+|a|an|two|three|four|five|six|several|many|more\s+than\s+\w+)\s+)?"
                            r"(?:days?|weeks?|months?|years?|decades?)(?:\s+now)?)\s*$")  # 'the senator for years has'
DASH_APPOSITIVE_RE = re.compile(r"\s*(?:—|–|\s--?\s)[^—–\n]{1,160}?(?:—|–|\s--?\s)\s*$")
# 'officials have, in fact, praised the deal': an aside inside a verb group, whose subject comes before it
AUX_BEFORE_ASIDE_RE = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|did|does|do)\s*,[^,]{1,40},\s*$", re.I)
INTRO_WORDS = frozenset("""as after when while although though if since because before once despite during following
amid in at on with without for from under over by like unlike given facing asked speaking""".split()) | word_class(
    "preposition")  # 'Down in the polls, Texas Gov. Rick Perry is on the attack, claiming ...'
INTRO_ADVERBS = word_class("intro_adverb")  # 'Later on Sunday, Carson ...': skipped before the subject
RECORD_NOUNS = word_class("record_noun")  # 'a report by ...': a record named with its author
IMPRESSION_VERBS = word_class("impression_verb")
PREPOSITIONS = word_class("preposition")  # 'caught on camera saying': the object of 'on' is no speaker
# articles, possessive determiners and 'no': no subject on their own, so an -ed word right after one modifies a noun
ARTICLES_AND_POSSESSIVES = frozenset("the a an his her their its our my your no".split())
# ordinals and degree words between a determiner and an -ed modifier ('her first detailed comments', 'the most
# widely reported claim': Quirk et al. 1985, sec. 17.5, the premodifier's order)
PREMODIFIER_LEADS = frozenset("first last only most least more less".split())  # not 'a third agreed'
NUMBER_WORDS = word_class("number")
# A time adverbial between a subject and its verb ('in the past', 'in recent years', 'over the years'; Quirk et al.
# 1985, sec. 8.51: time adjuncts in medial position)
TRAILING_TIME_RE = re.compile(r"\s+(?:in|over|during|for)\s+(?:the\s+)?(?:past|recent\s+(?:years|months|weeks|days)|"
                              r"years|months|weeks|(?:past|last)\s+(?:few\s+)?(?:years?|months?|weeks?|days?))$")
PARTITIVES = word_class("partitive_noun") | NUMBER_WORDS  # 'a majority of', 'half of' before a relative clause's noun
ABSOLUTE_PREPOSITIONS = word_class("absolute_preposition")  # 'with the governor calling it ...': the subject
FLOATING_QUANTIFIERS = word_class("floating_quantifier")  # 'the senators have all said': the subject before it
# Tags of a first word that cannot open a speaker's noun phrase: verbs, modals, 'to', prepositions, adverbs
NOT_NP_START_TAGS = frozenset("VB VBD VBZ VBP MD TO IN RB RBR RBS WDT WRB WP EX".split())
NP_CONTINUE_TAGS = ("NN", "JJ", "VBG", "VBN", "CD")  # 'retired general', 'senior officials': a modifier and its noun  # 'seems likely', 'it appears that': no speaker named
DOCUMENTS = word_class("document_noun")
# Nouns that end in -ly like an adverb ('the family said', 'an ally of the senator')
LY_NOUNS = word_class("ly_noun")  # 'the rally said': no manner adverb
# Verbs of saying and thinking report someone's words or thoughts even where no speaker phrase is found (a subject out
# of reach, words before the cue that name no one): the attribution stands, its speaker unnamed. A label ('called')
# or a colon without a speaker is more often a name or a heading.
UNNAMED_KINDS = frozenset(("speech", "view"))
SHORT_TAIL = 4  # words after a final cue ("told CNN", "said on Friday") that still make it a closing tag


MEDIUM_NOUNS = word_class("medium_noun")  # 'said in a statement': the adjunct stays in the verb group
MANNER_NOUNS = word_class("manner_noun")  # 'said with a smile'
ADJUNCT_PREPOSITIONS = frozenset("in during at on via through with over".split())
MONTHS = word_class("month")
WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
DAY_PARTS = word_class("day_part")
PRONOUNS_AND_NP_ENDS = frozenset("he she they we i you it him her them us me that which who".split())
# 'said by telephone', 'responded by saying': the means of saying, not the agent of a passive
BY_MEANS_RE = re.compile(r"\s+by\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[a-z-]+ing\b|(?:" +
                         "|".join(sorted(MEDIUM_NOUNS, key=len, reverse=True)) + r")\b)", re.I)


@dataclass(frozen=True)
class Attribution:
    """One attributed statement: the cue, its speaker, the attributed text ranges, direct or indirect."""
    cue_start: int
    cue_end: int
    cue: str
    kind: str
    tone: str
    entry: object
    speaker: Speaker
    speaker_start: int
    speaker_end: int
    scope: tuple[tuple[int, int], ...]
    direct: bool
    sentence: int
    group_start: int = -1  # the cue with its verb group ('has repeatedly said', 'did not say'), as annotators mark it
    group_end: int = -1


class QuoteIndex:
    """Quotations by position: those of a sentence, the last one closed before a point (bisection, no scans)."""

    def __init__(self, quotes: list[Quote]):
        self.quotes = quotes
        self.starts = [q.start for q in quotes]
        self.ends = [q.end for q in quotes]
        self.closed = [q for q in quotes if q.closed]
        self.closed_ends = [q.end for q in self.closed]

    def between(self, lo: int, hi: int) -> list[Quote]:
        """Quotations overlapping [lo, hi)."""
        i = max(0, bisect.bisect_right(self.starts, lo) - 1)
        j = bisect.bisect_left(self.starts, hi)
        return [q for q in self.quotes[i:j] if q.end > lo]

    def closing_before(self, lo: int, pos: int) -> Quote | None:
        """The last closed quotation ending in [lo, pos]."""
        i = bisect.bisect_right(self.closed_ends, pos) - 1
        return self.closed[i] if i >= 0 and self.closed[i].end > lo else None

    def inside(self, pos: int) -> bool:
        """Whether `pos` lies between the marks of a quotation."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return any(q.inner_start <= pos < q.inner_end for q in self.quotes[max(0, i - 1):i + 1])


NAME_COLON_RE = re.compile(r"(?m)^[ \t]*[\"“]?((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*):[ \t]+(?=\S)")


# After 'Name:' a number, a handle or an address is a score or a contact, not words someone said ('Clinton: 2,316',
# 'Twitter: @name'); a one-letter label ('Q:', 'A:') names no one
NOT_SAID_RE = re.compile(r"[$€£]?[\d.,%]+\s*(?:$|[.;\n]|delegates\b|votes\b|percent\b)|[@#]\w|https?:|www\.", re.M)


def colon_cues(text: str, quotes: list[Quote], entry: Entry | None) -> list[Match]:
    """A colon as a cue of its own: right before a quotation ('Her advice: “Don't panic.”'), or after a name that
    opens a line ('Gingrich: Trump must decide'; not the one-letter labels of a transcript, 'Q:')."""
    if entry is None:
        return []
    found = set()
    for q in quotes:
        k = q.start - 1
        while k >= 0 and text[k] in " \t\n":  # 'as terrorism:' and the quotation in the next paragraph
            k -= 1
        if k >= 0 and text[k] == ":":
            found.add(k)
    for m in NAME_COLON_RE.finditer(text):
        words = m.group(1).split()
        if not re.search(r"\d", m.group(1)) and words[0].lower() not in word_class("label_before_colon") and not any(
                w.lower().rstrip("’'s") in WEEKDAYS or w.lower().endswith("ing") for w in words) \
                and len(m.group(1)) > 1 and not NOT_SAID_RE.match(text, m.end()):
            found.add(m.end(1))
    return [Match(k, k + 1, -1, -1, entry) for k in sorted(found)]


# A dash after a closing quotation mark, then a name that ends the line or paragraph ('“... zero taxes.”  - Bernie
# Sanders.'): the signature of the quotation, as in fact checks and collections of quotations
DASH_SIGNATURE_RE = re.compile(r"[”\"]\s{0,3}([-—–]{1,2})[ \t]*(?=(?:(?:" + "|".join(PERSONAL_TITLES) + r")\.?\s+)?"
                               r"[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3}\.?[ \t]*(?:\n|$))")


def dash_cues(text: str, entry: Entry | None) -> list[Match]:
    """The dash of a quotation's signature ('“...”  - Bernie Sanders.'): the name after it is the speaker."""
    if entry is None:
        return []
    return [Match(m.start(1), m.end(1), -1, -1, entry) for m in DASH_SIGNATURE_RE.finditer(text)]


# 'in' before a poll, a survey or a study ('In a Gallup poll released Monday, ...'): up to five words between, none
# a preposition, a comma or a sentence's end ('going to the polls' is voting, not a source)
WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+$")
POLL_NOUN_RE = re.compile(r"\b(?:" + "|".join(sorted(word_class("poll_noun"))) + r")\b")
POLL_RE = re.compile(r"\b[Ii]n\s+(?=(?:(?!(?:in|to|of|at|on|for|by|from|going|head|heading)\s)[\w/&’'-]+(?:\.\w+)*\s+){0,5}?"
                     + POLL_NOUN_RE.pattern + ")")


def poll_cues(text: str, entry: Entry | None) -> list[Match]:
    """'in' as a cue where a poll, a survey or a study follows: the figures of the clause come from it, and the poll
    is the source (after the cue, as with 'according to')."""
    if entry is None:
        return []
    joining = word_class("participation_word")  # 'took part in a study': its subject, not its source
    return [Match(m.start(), m.start() + 2, -1, -1, entry) for m in POLL_RE.finditer(text)
            if not ((w := WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())) and w.group(1).lower() in joining)]


# Words before 'that' that are not someone's statement: 'so that', 'now that', 'is that', 'given that'.
NOT_COMPLEMENT = frozenset("""so such now given provided except is are was were be been being am seems seemed means meant
ensure ensures ensured make makes made see saw note""".split())
VERB_TAGS = frozenset("VBD VBZ VBP VBN".split())
FINITE_TAGS = frozenset("VBD VBZ VBP MD".split())


def complement_cues(text: str, tokens: list[Token], cues: list[Match], entry: Entry | None) -> list[Match]:
    """A finite verb right before 'that' + a clause ('she hinted that the deal ...'), where no lexicon cue stands:
    the that-clause is what someone says, believes or found, whatever the verb."""
    if entry is None:
        return []
    taken = {c.first for c in cues} | {c.last for c in cues}
    cand = [i - 1 for i, t in enumerate(tokens) if t.lower == "that" and i > 1 and i + 1 < len(tokens)
            and tokens[i - 1].lower not in NOT_COMPLEMENT and i - 1 not in taken and tokens[i - 1].text.islower()
            and text[tokens[i - 1].end:t.start] == " " and tokens[i + 1].lower not in ("is", "was", "are", "were", "has")]
    if not cand:
        return []
    tags = pos_tags(tokens, [(i - 1, i + 2) for i in cand])
    return [Match(tokens[i].start, tokens[i].end, i, i, entry) for i in cand
            if tags.get(i) in VERB_TAGS and tags.get(i - 1, "") not in ("DT", "IN", "TO", "MD")]


ADJECTIVE_TAGS = frozenset(("JJ", "JJR", "JJS"))
NOUN_BEFORE_TAGS = ADJECTIVE_TAGS | {"DT", "VBG"}  # 'a bitter dispute', 'no plans', 'accelerating plans': a noun
OBJECT_PRONOUNS = frozenset("him them us me it".split())  # an object after a verb ('her' is among the determiners)


def without_noun_uses(text: str, tokens: list[Token], cues: list[Match]) -> list[Match]:
    """The cues but those used as nouns or adjectives: an -ing word after a determiner ('the defending champions', 'a
    mocking tone', 'his warning'; Quirk et al. 1985, secs. 7.15, 17.54), a plural in -s after a number ('60 votes';
    'Six in 10 say' keeps its verb), a word after an adjective, a determiner or an -ing verb ('a bitter dispute', 'no
    plans', 'accelerating plans': only one-word cues that can be nouns, no -ed or irregular past form, after a
    lowercase word are tagged, and the tagger decides; sec. 7.3), a noun after a name that is a preposition's object
    ('without Republican votes'; 'a letter from Obama says' keeps its verb), an -ed word after an article or
    possessive, or an ordinal after one ('a written statement', 'her first detailed comments'), and 'according to'
    right after a verb ('calculated according to the rules')."""
    past, pronouns, numbers = word_class("irregular_participle"), word_class("subject_pronoun"), word_class("number")
    determiners = word_class("determiner")
    cand, drop, manner, named = [], set(), [], []
    for k, c in enumerate(cues):
        if c.entry.subcategory == "according_to" and c.first > 0 and tokens[c.first - 1].text.islower() \
                and not text[tokens[c.first - 1].end:c.start].strip():
            manner.append(k)  # 'calculated according to the rules': after a verb, in accordance with, no source
        if c.first != c.last or c.first == 0:
            continue
        t, p = tokens[c.first], tokens[c.first - 1]
        genitive = p.lower.endswith("'s") and p.lower[:-2] not in CONTRACTED_SUBJECTS  # not 'she's claimed'
        if ((t.lower.endswith("ing") and p.lower in determiners) or (t.lower.endswith("ed") and genitive)) \
                and not text[p.end:t.start].strip():
            drop.add(k)  # 'his warning', 'Gorsuch's stated belief': a noun or an adjective, no verb of saying
            continue
        after = tokens[c.first + 1] if c.first + 1 < len(tokens) else None
        if t.lower.endswith("ed") and after is not None and (after.text.islower() or (
                after.text[:1].isdigit() and p.lower in ("a", "an"))) and (
                p.lower in ARTICLES_AND_POSSESSIVES or (c.first > 1 and (
                    ((p.text.isdigit() or p.lower in numbers) and tokens[c.first - 2].lower in PREPOSITIONS)
                    or (p.lower in PREMODIFIER_LEADS and tokens[c.first - 2].lower in ARTICLES_AND_POSSESSIVES)))) \
                and not text[p.end:t.start].strip() and not text[t.end:after.start].strip(" $€£"):
            # 'a written statement', 'in one emailed statement', 'her first detailed comments', 'an estimated
            # 800,000': an adjective (sec. 7.15), no verb
            drop.add(k)
            continue
        if t.lower.endswith("ed") or t.lower in past or not t.text.islower() or text[p.end:t.start] != " ":
            continue
        if (p.text.isdigit() or p.lower in numbers) and t.lower.endswith("s") and not t.lower.endswith("ss"):
            drop.add(k)
        elif p.text.isalpha() and p.text.islower() and p.lower not in pronouns:
            cand.append(k)
        elif _premodifying_name(text, tokens, c.first):
            named.append(k)
    if cand or manner or named:
        tags = pos_tags(tokens, [(cues[k].first - 1, cues[k].first) for k in cand + manner + named])
        drop |= {k for k in cand if tags.get(cues[k].first, "").startswith("NN")
                 and tags.get(cues[k].first - 1) in NOUN_BEFORE_TAGS}
        drop |= {k for k in named if tags.get(cues[k].first, "").startswith("NN")}
        drop |= {k for k in manner if tags.get(cues[k].first - 1) in ("VBN", "VBD", "VB")}
    return [c for k, c in enumerate(cues) if k not in drop] if drop else cues


def _premodifying_name(text: str, tokens: list[Token], i: int) -> bool:
    """Whether the name before token i is a preposition's object that may premodify it as a noun ('without
    Republican votes', 'of Clinton's plans'); not before a participle ('Netanyahu of Israel warning of'), after a
    plural ('a majority of Republicans support') or before an object ('in Damascus worries the Gulf capitals', 'of
    Republicans support deploying'). The tagger then decides whether token i is a noun."""
    t, p = tokens[i], tokens[i - 1]
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    return (i > 1 and p.text[:1].isupper() and tokens[i - 2].lower in PREPOSITIONS
            and text[tokens[i - 2].end:p.start] == " " and not t.lower.endswith("ing")
            and (not p.text.endswith("s") or p.text.endswith(("'s", "’s")))  # 'Republicans'; not 'US', 'AARP's'
            and not (after in word_class("determiner") or after in OBJECT_PRONOUNS or after.endswith("ing")))


def find_attributions(text: str, tokens: list[Token], sents: list[Segment], quotes: list[Quote],
                      cues: list[Match]) -> tuple[list[Attribution], dict[int, Speaker]]:
    """Attributions for every cue outside quotation marks, and the speaker of each quote (by index)."""
    sent_starts = [s.start for s in sents]
    qindex = QuoteIndex(quotes)
    cues = sorted((c for c in cues if not qindex.inside(c.start)), key=lambda m: (m.start, -m.end))
    cues = [c for c in _drop_overlaps(cues) if not _infinitive(text, tokens, c)]
    by_sentence: dict[int, list[Match]] = {}
    for c in cues:
        by_sentence.setdefault(bisect.bisect_right(sent_starts, c.start) - 1, []).append(c)
    tok_starts = [t.start for t in tokens]
    out: list[Attribution] = []
    earlier: list[tuple[int, Speaker]] = []
    names = NameIndex(text, qindex.inside) if cues else None
    for si in sorted(by_sentence):
        sent = sents[si]
        prev_in_sentence: Attribution | None = None
        matches = by_sentence[si]
        # 'issued a statement Tuesday saying': the participle after a writing its subject put out joins that cue
        joined = {m.first: i for m in matches if m.first > 0 and tokens[m.first].lower.endswith("ing")
                  and tokens[m.first - 1].lower not in NOT_IN_NP
                  and (i := _issued_document(text, tokens, m.first, sent.start)) >= 0} if len(matches) > 1 else {}
        if joined:
            starts = {m.first for m in matches if m.first >= 0}
            extend = {joined[m.first]: m.end for m in matches if m.first in joined and joined[m.first] in starts}
            matches = [m for m in matches if not (m.first in joined and joined[m.first] in starts)]
        else:
            extend = {}
        if len(matches) > 1:  # 'in a statement' and a colon only count where no verb of saying does the job
            verbs = [o for o in matches if o.entry.subcategory not in SERVED_KINDS]
            verb_starts = [o.start for o in verbs]
            matches = [m for m in matches if not _serves_verb(text, m, verbs, verb_starts)] or matches[:1]
            matches = _outermost(text, matches)
        for k, cue in enumerate(matches):
            nxt = matches[k + 1].start if k + 1 < len(matches) else sent.end
            att = _attribute(text, tokens, tok_starts, sent, si, cue, qindex, prev_in_sentence, earlier, nxt, names)
            if att is None:
                continue
            # with no speaker phrase before the cue ('was widely criticized') the group reaches back to the sentence
            before_cue = att.speaker_start < att.speaker_end <= cue.start
            att = replace(att, group_start=_group_start(text, tokens, cue, max(sent.start, att.speaker_end) if before_cue
                                                        else sent.start),
                          group_end=extend.get(cue.first) or _group_end(text, tokens, cue, sent.end))
            if prev_in_sentence is not None:  # always the last attribution kept
                out[-1] = _ended_by_next_clause(text, out[-1], att)
            out.append(att)
            earlier.append((att.cue_start, att.speaker))
            prev_in_sentence = att
    if names is not None and (people := one_naming_per_person([a.speaker for a in out], names)):
        out = [replace(a, speaker=people.get(a.speaker, a.speaker)) for a in out]  # 'Mr. Steele' is Michael Steele
    return out, _quote_speakers(text, quotes, out, sents)


# Verbs of going on, beginning, haste and attempt before 'to' + a cue ('went on to say', 'was quick to point out',
# 'tried to tell her'): the subject does say it (words.csv, class catenative_to)
ASPECTUAL_BEFORE_TO = word_class("catenative_to")
ASPECTUAL_BEFORE_ING = word_class("catenative_ing")  # 'friends began discussing'
# Prepositions whose gerund is an adverbial of the sentence's own verb ('ended by saying', 'after denying', 'in
# calling'): the subject says it; after other prepositions the gerund is a thing talked about ('criticised for
# saying', 'the idea of denying')
ADVERBIAL_GERUND = frozenset("by after before in since while upon".split())


# no dash between (a new speaker); a manner adverbial set off by a comma may be ('she added, a bit regretfully:')
VERB_TO_COLON_RE = re.compile(r"(?:(?!\s--?\s)[^,;“”\"()—–]){0,60}(?:,\s*(?:[a-z]+\s+){0,3}[a-z]+ly\s*)?")
ADVERB_TO_VERB_RE = re.compile(r"\s+(?:(?:has|have|had|is|was|were|are|been|not|also)\s+){0,2}")


# After a reporting verb that opens a sentence: a name or a determiner and a noun phrase, then a comma or colon
CONNECTIVE_OPENING_RE = re.compile(r"[“\"]?(?:But|And|Yet|Still|So|Now|Then|Instead|Later)\s*,\s*")  # 'But, said X,'
INVERTED_OPENING_RE = re.compile(r"\s+(?:[A-Z][\w.’'-]*|(?:the|a|an|one)\s)[^,:;.!?“”\"]{0,80}[,:]")


def _serves_verb(text: str, m: Match, verbs: list[Match], verb_starts: list[int]) -> bool:
    """'in a statement' beside a verb of saying, or a colon that ends a verb's clause ('said on Tuesday:'): the verb
    is the cue. A colon after a clause without one ('His advice to voters: ...') stays a cue of its own. `verbs` are
    the sentence's other cues in order of start; only the nearest ones are looked at (bisection)."""
    kind = m.entry.subcategory
    if kind not in SERVED_KINDS:
        return False
    k = bisect.bisect_left(verb_starts, m.start)
    before = verbs[k - 1] if k > 0 else None
    after = verbs[k] if k < len(verbs) else None
    if kind == "statement":
        return any(o is not None and abs(o.start - m.start) < WINDOW for o in (before, after))
    if kind == "colon":
        return before is not None and before.end <= m.start and VERB_TO_COLON_RE.fullmatch(text, before.end, m.start) is not None
    # 'Trump reportedly told aides': the adverb is part of the verb's group
    return after is not None and ADVERB_TO_VERB_RE.fullmatch(text, m.end, min(after.start, m.end + 40)) is not None \
        and after.start <= m.end + 40


# The verb group of a cue (PolNeAR guidelines, 'Keep the verb group together'; PARC 3.0 likewise): auxiliaries, modals,
# negation and adverbs right before the verb ('has repeatedly said', 'did not say', 'would later tell').
GROUP_WORDS = frozenset("""is are was were be been being am has have had having do does did will would can could
should may might must shall not never also still later earlier again once previously recently repeatedly publicly
privately openly quickly already even just then first long often always soon now nevertheless nonetheless twice""".split())
NOT_ADVERBS = frozenset("only early daily weekly monthly yearly".split()) | LY_NOUNS
# A preposition that ties a verb to its content ('talked about the plan', 'called for a ban') belongs to the cue
GROUP_PREPOSITIONS = frozenset("about for against".split())
TIME_WORDS = word_class("time_noun")  # 'said last week', 'for years'
TIME_MODIFIERS = word_class("time_modifier")  # 'said last week', 'said Tuesday night


# Verbs of putting out a writing ('issued a statement saying', 'sent a letter urging'): words.csv, class issuing_verb
ISSUING = word_class("issuing_verb")
TIME_NOUNS = TIME_WORDS | WEEKDAYS | MONTHS  # 'last week', 'late Tuesday', 'early March'
OBJECT_TIME = WEEKDAYS | DAY_PARTS | TIME_MODIFIERS | TIME_WORDS | frozenset(("on",))


def _issued_document(text: str, tokens: list[Token], k: int, lo: int) -> int:
    """For a participle at token k right after a writing its subject put out ('issued a statement Tuesday saying',
    'sent a letter this week urging'): the index of the verb of issuing; else -1. Looks at a few words only."""
    j = k - 1
    if j >= 0 and text[tokens[j].end:tokens[k].start].strip() not in ("", ","):
        return -1
    while j >= 0 and k - j <= 3 and tokens[j].lower in OBJECT_TIME:
        j -= 1
    if j < 0 or tokens[j].lower not in DOCUMENTS:
        return -1
    m = j - 1
    while m >= 0 and j - m <= 3 and tokens[m].lower not in ISSUING and (
            tokens[m].lower in DETERMINERS or (tokens[m].text.islower() and tokens[m].lower not in NOT_IN_NP)):
        m -= 1
    if m > 0 and tokens[m].lower == "out":
        m -= 1  # 'put out a statement', 'sent out a press release'
    if m < 0 or tokens[m].lower not in ISSUING or tokens[m].start < lo or any(
            text[tokens[x].end:tokens[x + 1].start].strip() for x in range(m, j)):
        return -1
    return m


def _group_start(text: str, tokens: list[Token], cue: Match, lo: int) -> int:
    """Where the cue's verb group starts: back over auxiliaries, negation and adverbs with only spaces between; for a
    participle after a writing its subject put out, from the verb of issuing ('issued a statement saying' is one cue,
    as in the PolNeAR guidelines)."""
    if cue.first < 0 or cue.entry.subcategory in NON_VERB_KINDS:
        return cue.start
    first = cue.first
    if tokens[first].lower.endswith("ing"):
        issued = _issued_document(text, tokens, first, lo)
        if issued >= 0:
            first = issued
    catenative = _catenative_start(text, tokens, cue)  # 'went on to say', 'tried to tell': one verb group
    while first > 0 and tokens[first].start > catenative and tokens[first - 1].start >= lo:
        first -= 1
    i, start = first - 1, tokens[first].start
    while i >= 0 and first - i <= 5 and tokens[i].start >= lo and not text[tokens[i].end:tokens[i + 1].start].strip():
        low = tokens[i].lower
        if _group_word_name(text, tokens, i) or not (low in GROUP_WORDS or low.endswith("n't") or (
                low.endswith("ly") and tokens[i].text.islower() and low not in NOT_ADVERBS and len(low) > 4)):
            break
        start = tokens[i].start
        i -= 1
    return start


def _group_end(text: str, tokens: list[Token], cue: Match, hi: int) -> int:
    """Where the cue's verb group ends: after a preposition that ties the verb to its content ('talked about'), or
    after the adjuncts of time, medium and manner that follow the verb ('said Tuesday', 'said in a statement',
    'wrote on Twitter', 'said with a smile')."""
    j = cue.last + 1
    if cue.last < 0 or cue.entry.subcategory in NON_VERB_KINDS or j >= len(tokens) \
            or tokens[j].end > hi or text[cue.end:tokens[j].start].strip():
        return cue.end
    if tokens[j].lower not in GROUP_PREPOSITIONS:
        k = _adjuncts_end(text, tokens, cue.last, hi)
        return tokens[k].end if k > cue.last else cue.end
    after = [t.lower for t in tokens[j + 1:j + 4]]
    if after and (after[0] in TIME_WORDS or after[0][:1].isdigit() or (
            after[0] in DETERMINERS and any(w in TIME_WORDS for w in after[1:]))):
        return cue.end  # 'said for years', 'called for a long time': a time, not the content
    return tokens[j].end


def _adjuncts_end(text: str, tokens: list[Token], k: int, hi: int) -> int:
    """The last token of the adjuncts right after token k (a verb of saying): days ('Tuesday night', 'on Friday') and prepositional phrases of medium, occasion or manner ('in a statement', 'at a rally in Ohio',
    'in an interview with CNN', 'with a smile'), with only spaces between; k itself when there are none. Looks at a
    bounded number of words."""
    n, limit = len(tokens), k + 16
    done = k
    while done < limit:
        j = done + 1
        if j >= n or tokens[j].end > hi or text[tokens[done].end:tokens[j].start].strip():
            break
        low = tokens[j].lower
        if low == "on" and j + 1 < n and tokens[j + 1].lower in WEEKDAYS:
            j += 1
            low = tokens[j].lower
        if low in WEEKDAYS or low in ("yesterday", "today", "tonight"):
            if j + 1 < n and tokens[j + 1].lower in DAY_PARTS and not text[tokens[j].end:tokens[j + 1].start].strip():
                j += 1  # 'Tuesday night'
            done = j
            continue
        if low in ("in", "during") and j + 1 < n and (tokens[j + 1].lower in MONTHS or re.fullmatch(r"(?:19|20)\d\d", tokens[j + 1].text)):
            done = j + 1  # 'reported in October', 'said in 2012'
            continue
        if low in ADJUNCT_PREPOSITIONS:
            m = j + 1
            head = -1
            while m < n and m - j <= 6 and not text[tokens[m - 1].end:tokens[m].start].strip(" ") and (
                    tokens[m].lower in DETERMINERS or tokens[m].lower in MEDIUM_NOUNS or tokens[m].lower in MANNER_NOUNS
                    or (WORD_RE.fullmatch(tokens[m].text) and tokens[m].lower not in NOT_IN_NP and tokens[m].lower not in
                        BOUNDARY_WORDS and tokens[m].lower not in PRONOUNS_AND_NP_ENDS)):
                if tokens[m].lower in MEDIUM_NOUNS or (low == "with" and tokens[m].lower in MANNER_NOUNS):
                    head = m
                m += 1
            if head < 0:
                break
            done = head
            # 'in an interview with CNN', 'in a statement to the AP', 'at a rally in San Diego'
            nxt = head + 1
            if nxt + 1 < n and tokens[nxt].lower in ("with", "to", "in", "at") and not text[tokens[head].end:tokens[nxt].start].strip():
                m = nxt + 1
                if m < n and tokens[m].lower == "the":
                    m += 1
                first = m
                while m < n and m - first < 3 and tokens[m].text[:1].isupper() and not text[tokens[m - 1].end:tokens[m].start].strip():
                    m += 1
                if m > first:
                    done = m - 1
            continue
        break
    return done


def _adverbial_gerund(tokens: list[Token], cue: Match) -> bool:
    return cue.first > 0 and tokens[cue.first].lower.endswith("ing") and tokens[cue.first - 1].lower in ADVERBIAL_GERUND


def _opening_participle(tokens: list[Token], tok_starts: list[int], sent: Segment, cue: Match) -> bool:
    """A participle clause that opens the sentence ('Noting that the vote was close, the senator ...'): its implied
    subject is the main clause's subject, after the clause's comma (Quirk et al. 1985, sec. 15.58)."""
    return cue.first >= 0 and cue.first == bisect.bisect_left(tok_starts, sent.start) \
        and tokens[cue.first].text[:1].isupper() and tokens[cue.first].lower.endswith("ing")


def _gerund_subject(text: str, tokens: list[Token], tok_starts: list[int], sent: Segment, cue: Match,
                    prev: Attribution | None) -> tuple[int, int]:
    """The subject of a gerund's clause: after the introductory phrase that holds it ('After denying the report, the
    senator ...'), else the previous cue's speaker or the subject that opens the sentence."""
    if prev is not None:
        return prev.speaker_start, prev.speaker_end
    opening = bisect.bisect_left(tok_starts, sent.start)
    if cue.first - 1 == opening or cue.first == opening:
        comma = text.find(",", cue.end, min(sent.end, cue.end + WINDOW))
        start = _skip(text, comma + 1, sent.end) if comma != -1 else -1
        end = sent.end
    elif tokens[cue.first - 1].start - sent.start > WINDOW:
        start, end = -1, -1  # the subject is out of reach: look only within a bounded window
    else:
        start, end = _after_intro(text, tokens, tok_starts, sent.start, tokens[cue.first - 1].start), tokens[cue.first - 1].start
    if start < 0:
        return sent.start, sent.start
    return _subject_np(text, tokens, tok_starts, start, end)


def _subject_np(text: str, tokens: list[Token], tok_starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The noun phrase that starts at `start`, ended before its verb ('the senator' in 'the senator left the hall')."""
    a, b = _np_forward(text, tokens, tok_starts, start, end)
    i, j = bisect.bisect_left(tok_starts, a), bisect.bisect_left(tok_starts, b) - 1
    if j >= i:
        tags = pos_tags(tokens, [(i, j)])
        k = next((k for k in range(i + 1, j + 1) if tags.get(k, "").startswith(("VB", "MD"))), None)
        if k is not None:
            b = tokens[k - 1].end  # 'the senator left the hall': the subject ends before its verb
    return a, b


COORDINATORS = frozenset("and but so yet or nor".split())  # opening a sentence before its subject


def _main_subject(text: str, tokens: list[Token], tok_starts: list[int], lo: int, hi: int) -> tuple[int, int]:
    """The subject of the main clause that opens a sentence, after a coordinator, a dateline and an introductory
    phrase ('But the nurse later sued, claiming ...': 'the nurse'); the subject of a participle clause of saying
    after a comma (Quirk et al. 1985, sec. 15.58: the implied subject of a supplementive clause is the subject of
    the main clause)."""
    a = bisect.bisect_left(tok_starts, lo)
    if a + 1 < len(tokens) and tokens[a].start < hi and tokens[a].lower in COORDINATORS:
        lo = tokens[a + 1].start
    return _subject_np(text, tokens, tok_starts, _after_intro(text, tokens, tok_starts, lo, hi), hi)


def _catenative_start(text: str, tokens: list[Token], cue: Match) -> int:
    """Where to look back for the speaker of 'went on to say', 'was quick to point out' or 'began discussing': before
    the catenative verb; else the cue's start."""
    k = cue.first
    if k < 0:  # a colon: no words of its own
        return cue.start
    if k >= 2 and tokens[k - 1].lower == "to" and tokens[k - 2].lower in ASPECTUAL_BEFORE_TO:
        k -= 2
        if tokens[k].lower == "on" and k >= 1 and tokens[k - 1].lower in ("went", "go", "goes", "going", "gone"):
            k -= 1
    elif k >= 2 and tokens[k].lower.endswith("ing") and tokens[k - 1].lower in ASPECTUAL_BEFORE_ING \
            and tokens[k - 2].lower != "to" and text[tokens[k - 1].end:tokens[k].start] == " ":
        k -= 1  # 'friends began discussing': the subject of the aspectual verb (not 'continued, citing', 'to stop')
    return tokens[k].start


def _infinitive(text: str, tokens: list[Token], cue: Match) -> bool:
    """'to defend', 'of saying', 'for praising': the cue is an infinitive or a gerund, not someone's statement;
    but 'went on to say' and 'concluded by saying' are statements of the subject."""
    if cue.first <= 0 or cue.entry.subcategory in NON_VERB_KINDS:
        return False
    prev = tokens[cue.first - 1].lower
    word = tokens[cue.first].lower
    if prev == "to":
        return cue.first < 2 or tokens[cue.first - 2].lower not in ASPECTUAL_BEFORE_TO
    return word.endswith("ing") and prev in (NP_PREPOSITIONS | {"about", "on", "without"}) - ADVERBIAL_GERUND


NESTED_GAP_RE = re.compile(r"[,;:—–()“”\"]|\s--?\s")
# '... and said', 'but later told', 'or said': a second verb of the same subject, not a cue inside the first one's content
COORDINATED_RE = re.compile(r"\b(?:and|but|or|nor)\s+(?:\w+ly\s+|then\s+|also\s+|later\s+|again\s+)?$")


# 'said when asked whether ...', 'told reporters after being asked': an adverbial clause of the first cue's verb, itself
# a cue (the question someone answers), not a statement inside the first cue's content
ADVERBIAL_RE = re.compile(r"\s+(?:\w+\s+){0,3}(?:when|after|before|while|as|if)\s+(?:being\s+)?")
# 'Cruz said as the heckler yelled', 'denouncing the regime after Trump said': an adverbial clause of time with a
# subject of its own is no content of the first cue; its cue is another attribution (not after 'that': 'said that
# when ... she called' keeps the clause inside the content)
ADVERBIAL_CLAUSE_RE = re.compile(r"\s+(?:(?!that\b)[\w’'-]+\s+){0,4}(?:when|after|before|while|as|until)\s+"
                                 r"(?:(?:the|a|an)\s+[\w’'-]+|he|she|they|I|we|you|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s+"
                                 r"(?:(?:has|have|had|was|were|is|are|did|does|do|also|first|later|then|finally)\s+)?")


# 'others who want to ban abortion said ...': a cue in a relative clause on the subject, then the main clause's verb
RELATIVE_BEFORE_RE = re.compile(r"\b(?:who|which)\s+(?:(?:has|have|had|did|does|do|is|are|was|were|not|never|also|still|"
                                r"\w+n[’']t|\w+ly)\s+){0,2}$", re.I)
# the rest of that relative clause: a to-infinitive or a short object in lower case, no subject of a new clause
RELATIVE_REST_RE = re.compile(r"(?:\s+(?:to\s+)?[a-z][\w’'-]*){0,5}\s+")


PARTICIPLE_REST_RE = re.compile(r"(?:\s+[\w’'.-]+){1,4}\s+(?:(?:has|have|had|did|do|does|also|later|not)\s+)?")


def _after_relative_clause(text: str, prev: Match, m: Match) -> bool:
    """Whether `m` is the main verb after a relative clause that holds `prev` ('Hawkins and others who want to ban
    abortion said ...', 'a Muslim who didn't want to be named said ...'), not a cue in `prev`'s content."""
    word = text[m.start:m.end].split()[0].lower()
    if word.endswith("ing") or re.search(r"\b(?:he|she|they|we|i|it|you|that)\b", text[prev.end:m.start], re.I):
        return False
    if RELATIVE_BEFORE_RE.search(text, max(0, prev.start - 40), prev.start) is not None:
        return RELATIVE_REST_RE.fullmatch(text, prev.end, m.start) is not None
    # 'superdelegates supporting Sanders declined to comment': a participle after a plural noun modifies it
    before = re.search(r"([A-Za-z]+)\s+$", text[max(0, prev.start - 30):prev.start])
    prev_word = text[prev.start:prev.end].split()[0].lower()
    noun = before.group(1).lower() if before is not None else ""
    return prev_word.endswith("ing") and noun.endswith("s") and not noun.endswith(("ss", "us", "is")) \
        and noun not in NOT_IN_NP and noun not in DETERMINERS and noun not in PRONOUNS \
        and PARTICIPLE_REST_RE.fullmatch(text, prev.end, m.start) is not None


def _outermost(text: str, matches: list[Match]) -> list[Match]:
    """Drop cues nested in the content of the cue before them ('Trump said he wants to ...', 'told CNN she believes'):
    the outer attribution holds them, as in the PolNeAR guidelines ('no nested attributions')."""
    kept = [matches[0]]
    for prev, m in itertools.pairwise(matches):
        # nesting is transitive: a cue in the content of a nested cue ('noted that X had tweeted that Y tweeted')
        # is inside the outer content too, so each cue is compared with the one right before it, kept or not
        gap = text[prev.end:m.start]
        if len(gap) < 120 and not NESTED_GAP_RE.search(gap) and len(gap.split()) <= 12 \
                and prev.entry.subcategory not in NON_VERB_KINDS \
                and not re.search(r"\band\s+(?:the|a|an|[A-Z]\w+|\d[\d,]*|others|some|many|most|several|few|he|she|they|we|I)\b", gap) \
                and not COORDINATED_RE.search(gap) \
                and not ADVERBIAL_RE.fullmatch(gap) and not ADVERBIAL_CLAUSE_RE.fullmatch(gap) \
                and not _after_relative_clause(text, prev, m):
            continue
        kept.append(m)
    return kept


def _drop_overlaps(cues: list[Match]) -> list[Match]:
    out: list[Match] = []
    for c in cues:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


# The writer's own formulas that present a point as noteworthy ('It should be noted that', 'It must be said', 'It is
# worth noting'): a modal passive or 'worth' with the dummy subject 'it' reports no one's words (Quirk et al. 1985,
# secs. 16.35, 18.33: 'it' extraposition with a modal passive of a verb of saying)
WRITERS_FORMULA_RE = re.compile(r"(?:[Ii]t\s+(?:(?:should|must|can|could|may|might|needs?\s+to)\s+"
                                r"(?:also\s+|still\s+|again\s+)?be\s+\w+(?:\s+out)?|(?:is|’s|'s)\s+worth\s+\w+ing))$")

# Concessive connectives built on 'said' ('That said,', 'That being said,', 'Having said that,', 'With that said,'): the
# writer links two points, no one is reported (Quirk et al. 1985, sec. 8.137: conjuncts). 'That' opens the sentence:
# 'water bottles that said, “...”' is a relative clause with its cue
SAID_CONNECTIVE_RE = re.compile(r"\b(?:(?:That|All\s+that|This)\s+(?:being\s+)?said|[Hh]aving\s+said\s+(?:that|this)"
                                r"|[Ww]ith\s+(?:that|this)\s+(?:being\s+)?said)(?=\s*,)")


def _attribute(text, tokens, tok_starts, sent, si, cue, qindex, prev, earlier, next_cue, names) -> Attribution | None:
    if WRITERS_FORMULA_RE.search(text, max(0, cue.start - 40), cue.end) or any(
            m.start() <= cue.start < m.end() for m in SAID_CONNECTIVE_RE.finditer(text, max(0, cue.start - 20),
                                                                                  cue.end + 12)):
        return None  # 'It should be noted that ...', 'That said, ...': the writer's own remark or link
    entry = cue.entry
    kind = entry.subcategory
    lo = max(sent.start, cue.start - WINDOW)
    hi = min(sent.end, cue.end + WINDOW)
    sent_quotes = qindex.between(sent.start, sent.end) if sent.end - sent.start <= 4 * WINDOW else qindex.between(lo, hi)
    after = text[cue.end:hi]
    before = text[lo:cue.start]
    at_start = lo == sent.start and not before.strip(" ,“\"")
    sp_start = sp_end = -1
    description = ""
    scope: tuple[tuple[int, int], ...]
    if kind == "adverb":
        # 'The talks have reportedly stalled': someone reported it, and the text does not say who
        sp_start = sp_end = cue.start
        scope = ((sent.start, _rstrip(text, sent.start, sent.end)),)
    elif kind in SOURCE_AFTER_KINDS:
        sp_start, sp_end = _np_after(text, cue.end, hi, stop_at_comma=True)
        if kind == "poll":  # 'in the polls ahead of the primary': the source ends with the poll
            sp_start, sp_end = _skip(text, cue.end, hi), POLL_NOUN_RE.search(text, cue.end).end()
        scope = ((_skip(text, sp_end, sent.end), sent.end),) if at_start else ((sent.start, _rstrip(text, sent.start, cue.start)),)
        description = text[sp_start:sp_end]
    elif re.match(r"\s+by\b", after) and kind in ("speech", "labeling", "view") and not BY_MEANS_RE.match(after):
        by = cue.end + re.match(r"\s+by\s+", after).end()
        sp_start, sp_end = _np_after(text, by, hi, stop_at_comma=True)
        description = text[sp_start:sp_end]
        scope = ((cue.start, sent.end),)
    elif cue.first >= 0 and cue.first == cue.last and tokens[cue.first].lower in IMPRESSION_VERBS and (
            cue.last + 1 >= len(tokens) or tokens[cue.last + 1].lower != "to"
            or (cue.first > 0 and tokens[cue.first - 1].lower == "it")):
        # 'The governor seems likely to sign it', 'It seems that ...': the subject of a raising verb is not the one
        # whose impression it is (words.csv impression_verb; Quirk et al. 1985, sec. 16.32); the text names no one
        sp_start = sp_end = cue.start
        scope = ((cue.end, _rstrip(text, cue.end, next_cue)),)
    elif kind == "statement" and at_start:
        # 'In a statement, the ministry ...': the speaker is the subject after the comma
        s = _skip(text, cue.end, hi)
        sp_start, sp_end = _np_forward(text, tokens, tok_starts, s, hi)
        description = text[sp_start:sp_end]
        scope = ((sp_end, sent.end),)
    else:
        quote_before = qindex.closing_before(lo, cue.start)
        gap = text[quote_before.end:cue.start] if quote_before else before
        inverts = kind != "colon" and _may_invert(text, cue)
        participle = kind != "colon" and text[cue.start:cue.end].split()[0].lower().endswith("ing")
        in_aside = bool(quote_before) and not gap.strip(" ,") and (inverts or participle) \
            and _quote_in_aside(text, tokens, tok_starts, sent.start, quote_before.start)
        if quote_before and not gap.strip(" ,") and (inverts or participle) and not in_aside:
            # '“...,” said Maj. Ryan Simpson, ...' : the speaker follows the cue; '..., “...,” adding ...': the
            # participle's subject is the sentence's speaker
            sp_start, sp_end = _np_after(text, cue.end, hi, stop_at_comma=False) if inverts else _subject_of(
                text, tokens, tok_starts, lo, cue.start, prev)
            description = text[sp_start:sp_end]
            scope = ((min(quote_before.start, sent.start), quote_before.end),)
        elif re.search(r",\s*$", before) and (inverts or participle) and not AUX_BEFORE_ASIDE_RE.search(before) \
                and _tail_is_speaker(text, tokens, tok_starts, cue.end, sent.end,
                                     text[cue.start:cue.end].split()[-1].lower() in word_class("bare_say_verb")) \
                and not _only_subject_before(text, tokens, tok_starts, sent, lo, cue):
            # '..., reported Chinese state media outlet CCTV.' / '..., said Brian Baker, a political adviser.'
            sp_start, sp_end = _np_after(text, cue.end, hi, stop_at_comma=False) if inverts else _subject_of(
                text, tokens, tok_starts, lo, cue.start, prev)
            description = text[sp_start:sp_end]
            scope = ((sent.start, _rstrip(text, sent.start, cue.start)),)
        else:
            passive = kind not in ("colon", "stance") and (_passive(text, tokens, tok_starts, cue, lo) or (
                prev is None and _when_participle(text, tokens, cue, lo)) or _passive_before_of(tokens, cue))
            if kind == "labeling" and (passive or _names_a_thing(text, tokens, tok_starts, cue)):
                return None  # 'a program called Sandy Hook Promise', 'what is called ...': a name, not someone's label
            if not passive and (_adverbial_gerund(tokens, cue) or _opening_participle(tokens, tok_starts, sent, cue)):
                # 'ended the meeting by saying', 'After denying the report, the senator ...': the clause's subject
                sp_start, sp_end = _gerund_subject(text, tokens, tok_starts, sent, cue, prev)
            else:
                sp_start, sp_end = (cue.start, cue.start) if passive else _np_before(
                    text, tokens, tok_starts, lo, _catenative_start(text, tokens, cue))
            if in_aside and not passive:
                # 'Washington, star of “Scandal,” thanked ...': the subject before the aside that holds the quotation
                opening = _after_intro(text, tokens, tok_starts, _skip(text, sent.start, cue.start), quote_before.start)
                sp_start, sp_end = _np_forward(text, tokens, tok_starts, opening, quote_before.start)
            elif sp_end > sp_start and prev is None:
                sp_start = _subject_before_asides(text, tokens, tok_starts, sent.start, sp_start, cue.start)
            rejected = sp_end > sp_start and _not_a_speaker(text, tokens, tok_starts, sp_start, sp_end, participle)
            if not rejected and sp_end > sp_start and re.search(r",|\band\b", text[sp_end:cue.start]) \
                    and not RELATIVE_AFTER_RE.match(text, sp_end) \
                    and _object_of_verb(text, tokens, tok_starts, sp_start, prev):
                # 'The senator praised the deal, denounced its critics and said ...': the phrase before the cue is
                # the object of the verb before it; coordinated verbs share the clause's subject
                if prev is not None:
                    sp_start = sp_end = lo
                else:
                    ms, me = _main_subject(text, tokens, tok_starts, _skip(text, sent.start, cue.start), sp_start)
                    if me > ms and _names_someone(text[ms:me]) and not _not_a_speaker(text, tokens, tok_starts, ms, me):
                        sp_start, sp_end = ms, me
            elif rejected:
                # 'caught on camera saying', 'could not resist suggesting', 'the message was clear:': no noun phrase
                # naming someone; the subject of the main clause speaks where the grammar makes it the cue's subject
                # (a participle or a colon after it; a finite verb after an aside), else the usual no-speaker path
                named = _trailing_name(text, tokens, tok_starts, sp_start, sp_end)
                if named < 0 and participle and sp_end <= cue.start and not text[sp_end:cue.start].strip():
                    named = _trailing_np(tokens, tok_starts, sp_start, sp_end)  # 'an item suggesting that ...'
                sp_start, sp_end = (named, sp_end) if named >= 0 else _subject_instead(
                    text, tokens, tok_starts, sent, cue, sp_start, participle, prev, lo)
            if kind == "colon" and sp_end > sp_start:
                sp_end = _subject_of_clause(tokens, tok_starts, sp_start, sp_end)  # 'The mayor spoke to them:'
            description = text[sp_start:sp_end] if sp_end > sp_start else ""
            found_here = bool(description)
            if not description:
                if passive:
                    pass
                elif prev is not None and prev.speaker.description:
                    description, sp_start, sp_end = prev.speaker.description, prev.speaker_start, prev.speaker_end
                elif COORDINATED_RE.search(before) and before.count(",") <= 1:
                    # 'The judge rubbed his chin, and then said ...', 'But the court overruled and said ...', 'Asked
                    # about it, Mrs. Clinton shook her head and said': the subject of the main clause
                    sp_start, sp_end = _main_subject(text, tokens, tok_starts, _skip(text, sent.start, hi), cue.start)
                    description = text[sp_start:sp_end]
                elif prev is None and (shared := _comma_coordinated_subject(text, tokens, tok_starts, sent, lo, cue)):
                    sp_start, sp_end = shared  # 'The union met on Monday, called on Mr. Barr to resign'
                    description = text[sp_start:sp_end]
                elif prev is not None:
                    description, sp_start, sp_end = prev.speaker.description, prev.speaker_start, prev.speaker_end
                elif inverts and ((cue.first == bisect.bisect_left(tok_starts, sent.start)
                                   and tokens[cue.first].text[:1].isupper())
                                  or CONNECTIVE_OPENING_RE.fullmatch(text, sent.start, cue.start)) \
                        and INVERTED_OPENING_RE.match(text, cue.end):
                    # 'Said Comey, “...”', 'Stated Stone:', 'But, said Solovey, “...”': a reporting verb opening the
                    # sentence, its subject after it (Quirk et al. 1985, sec. 14.30)
                    sp_start, sp_end = _np_after(text, cue.end, hi, stop_at_comma=True)
                    description = text[sp_start:sp_end]
                elif kind != "colon" and _after_be(tokens, tok_starts, cue.start, lo):
                    sp_start = sp_end = cue.start  # 'is expected to', 'it is said that': no source named
                else:
                    sp_start, sp_end = _leading_np(text, tokens, tok_starts, lo, cue.start)
                    if participle and not _names_someone(text[sp_start:sp_end]):
                        # 'The nurse later sued, claiming ...': the main clause's subject, ended before its verb
                        sp_start, sp_end = _main_subject(text, tokens, tok_starts, lo, cue.start)
                    description = text[sp_start:sp_end]
            if not description and sp_start != cue.start:
                # a cue whose phrase before it named no one ('the message was clear:') stays, its speaker unnamed
                if (kind not in UNNAMED_KINDS and not rejected) or _after_determiner(tokens, cue):
                    return None
                sp_start = sp_end = cue.start  # '..., and described his outburst as ...': the subject is out of reach
            if kind == "colon":
                q = next((q for q in sent_quotes if q.start > cue.start), None)
                scope = ((q.inner_start, q.inner_end),) if q else ((cue.end, _rstrip(text, cue.end, next_cue)),)
            else:
                tail_words = len(re.findall(r"\w+", text[cue.end:min(sent.end, cue.end + 120)]))
                after_quote = found_here and quote_before is not None and not text[quote_before.end:sp_start].strip(" ,")
                after_comma = found_here and re.search(r",\s*$", text[max(lo, sp_start - 10):sp_start]) is not None
                after = (cue.end, _rstrip(text, cue.end, _coordinated_clause(text, qindex, cue.end, next_cue)))
                if (after_quote and (tail_words <= 2 * SHORT_TAIL + 2 or not text[after[0]:after[1]].strip(" ,;"))) \
                        or (after_comma and tail_words <= SHORT_TAIL):
                    # '"...," Hutchinson said, urging ...': nothing of its own after the cue, the quotation is its
                    first = min([q.start for q in sent_quotes if q.end <= sp_start] + [sent.start])
                    scope = ((first, _rstrip(text, first, sp_start)),)
                else:
                    scope = (after,)
    description = description.strip()
    if description and sp_end > sp_start and kind not in SOURCE_AFTER_KINDS and text[sp_start:sp_end] == description \
            and sp_end <= cue.start and _not_a_speaker(text, tokens, tok_starts, sp_start, sp_end,
                                                       text[cue.start:cue.end].split()[0].lower().endswith("ing")):
        description, sp_start, sp_end = "", cue.start, cue.start  # what the fallbacks found names no one either
    if description and not _names_someone(description):
        if kind not in UNNAMED_KINDS or _after_determiner(tokens, cue):
            return None
        description, sp_start, sp_end = "", cue.start, cue.start  # 'Later that day, said ...': no one named here
    if description and description.split()[-1].lower() in CUT_ENDS:  # cut before its head ('the colorful and')
        head = description.split(",")[0].strip()  # 'said Ian Solomon, who was ..., and': the name before the comma
        if "," in description and _names_someone(head) and head.split()[-1].lower() not in CUT_ENDS:
            sp_end = sp_start + len(head) if text.startswith(head, sp_start) else sp_end
            description = head
        else:
            description, sp_start, sp_end = "", cue.start, cue.start  # 'It’s a': no one named
    if description and description.split()[0].lower().strip(".,") in ADVERBIAL_OPENERS \
            and not (" " not in description and names.full_name(description, cue.start)):  # 'Al From ... From agreed'
        description, sp_start, sp_end = "", cue.start, cue.start  # 'Amid calls for', 'Among the Republicans': no one
    if description and "," not in description and sp_start < sp_end <= cue.start \
            and text[sp_start:sp_end] == description and (k := _contact_clause(description)):
        description, sp_start = description[k:], sp_start + k  # 'the assault weapons the administration intends'
    if text[sent.start:sent.end].rstrip(" ”\"'’").endswith("?") and (description.lower() == "you" or (
            (q := YES_NO_QUESTION_RE.match(text, sent.start)) and sent.start <= sp_start <= q.end())):
        return None  # 'Do you think ...?', 'Will Trump say more?': a question about a statement, not one
    if description and "," not in description:
        description += _appositive_after(text, sp_end, cue.start)
    speaker = resolve(description, cue.start, earlier, names) if description else UNNAMED
    direct = any(q.inner_start < e and q.inner_end > s for s, e in scope for q in sent_quotes)
    return Attribution(cue.start, cue.end, text[cue.start:cue.end], kind, entry.tone, entry, speaker,
                       sp_start, sp_end, scope, direct, si)


CUT_ENDS = frozenset("and or nor but a an the".split())  # words a noun phrase never ends with: it was cut before its head


# ', chairman of the Republican National Committee, ...': a description set off by commas, not a relative clause
APPOSITIVE_RE = re.compile(r",\s+((?!(?:who|which|that|whose|whom|and|but|or|as|if|when|while)\b)(?:[a-z][\w’'-]*)"
                           r"[^,.;:!?“”\"()—]{0,100}?),\s")


def _appositive_after(text: str, sp_end: int, cue_start: int) -> str:
    """', ' and the description set off by commas right after a speaker phrase and before the cue ('Michael Steele,
    chairman of the Republican National Committee, drew criticism after declaring ...'), so the speaker's role is
    read from it; '' when there is none."""
    m = APPOSITIVE_RE.match(text, sp_end)
    if not m or m.end() > cue_start:
        return ""
    first = m.group(1).split()[0]
    if first in PREPOSITIONS or first in COORDINATORS or first in CLAUSE_PREPOSITIONS or first.endswith("ly") \
            or lexicon_tag(first) in ("RB", "IN"):
        return ""  # ', for example,', ', however,', ', including ...,': an adverbial or examples, no description
    return ", " + m.group(1)


def _thing_before(tokens: list[Token], k: int) -> bool:
    """Whether token k heads a noun phrase that names a thing, not a person, and opens with its determiner ('a
    lecture', 'a partial reversal'; not 'a professor of constitutional law')."""
    if k < 1 or not tokens[k].text.islower() or lexicon_tag(tokens[k].lower) != "NN" or tokens[k].lower in SPEAKER_NOUNS:
        return False
    j = k - 1
    while j > 0 and k - j < 3 and tokens[j].text.islower() and lexicon_tag(tokens[j].lower).startswith(("JJ", "NN")):
        j -= 1
    return tokens[j].lower in NOUN_DETERMINERS


def _not_a_speaker(text: str, tokens: list[Token], tok_starts: list[int], sp_start: int, sp_end: int,
                   participle: bool = False) -> bool:
    """A speaker phrase that is no noun phrase naming someone: one that opens with a verb, a participle with its
    object, an adverb or a lone adjective ('resist', 'protecting the consulate', 'clear'), or the object of a
    preposition ('camera' in 'caught on camera saying'). Only a phrase that opens with a lower-case word other than a
    determiner, quantifier, number or pronoun is looked at, and only its first two words are tagged (Quirk et al.
    1985, sec. 17.2: a noun phrase opens with its determiners, modifiers or head; PolNeAR guidelines: the source is
    the sentient agent or the record)."""
    a = bisect.bisect_left(tok_starts, sp_start)
    b = bisect.bisect_left(tok_starts, sp_end) - 1
    if a > b or a >= len(tokens):
        return False
    first = tokens[a]
    low = first.lower
    # the object of a preposition ('caught on camera saying', 'but at the same time acknowledged'), not the subject of
    # an absolute clause ('with aides saying') or, after a determiner, of a relative clause ('among the residents who';
    # after a comma, when the noun before the preposition names no one: 'a lecture from the Mexican president, who')
    after_preposition = a > 0 and tokens[a - 1].lower in PREPOSITIONS and tokens[a - 1].text.islower() \
        and not text[tokens[a - 1].end:first.start].strip()
    object_of_preposition = after_preposition and not (participle and tokens[a - 1].lower in ABSOLUTE_PREPOSITIONS)
    who_next = re.match(r"\s+who\b", text[sp_end:sp_end + 5]) is not None  # a relative clause on the phrase
    if after_preposition and low in DETERMINERS and not who_next \
            and not (re.match(r",\s+who\b", text[sp_end:sp_end + 6]) and _thing_before(tokens, a - 2)):
        return object_of_preposition
    if not first.text[:1].islower() or low in DETERMINERS or low in PEOPLE_WORDS or low in PRONOUNS \
            or low in NUMBER_WORDS or low in SPEAKER_NOUNS or low in RECORD_NOUNS:
        return False
    if after_preposition and not who_next:
        # the object of a preposition, unless a relative clause on it follows ('outrage from patient groups who say')
        return object_of_preposition
    tags = pos_tags(tokens, [(a, min(b, a + 1))])
    tag, nxt = tags.get(a, ""), (tags.get(a + 1, "") if a < b else "")
    if tag == "JJS":
        return False  # 'least half of voters', 'most Republicans': a quantity
    if tag in NOT_NP_START_TAGS:
        return True
    if tag in ("VBG", "VBN") and nxt.startswith("NNP") and b > a + 1:
        # 'urging Congress to act': a participle with a name as its object and a clause after it, no noun phrase
        # ('leading Democrats' and 'retired Gen. John Allen' have no 'to' or verb after the name)
        more = pos_tags(tokens, [(a, min(b, a + 6))])
        return any(more.get(k, "") in ("TO", "VB", "VBD", "VBZ", "VBP", "MD") for k in range(a + 2, min(b, a + 6) + 1))
    if tag in ("VBG", "VBN") or tag.startswith("JJ"):
        return not nxt.startswith(NP_CONTINUE_TAGS)  # 'protecting the consulate', 'clear' vs 'retired general'
    return False


# ', but she ...', ', and Mr. Dale ...', ', and the House passed': a coordinator after a comma and a new subject (a
# personal pronoun or a name) with its verb opens a main clause coordinated with the reporting clause, not more of
# what is reported (a reported clause goes on only with 'that' again: 'said that ... and that ...'; Quirk et al.
# 1985, sec. 13.1 and 14.31)
COORDINATED_CLAUSE_RE = re.compile(r",\s+(?:but|yet|and|while|whereas)\s+(?:(?:" + "|".join(sorted(
    word_class("subject_pronoun"))) + r")|(?:Mr\.|Mrs\.|Ms\.|Dr\.|the)?\s*[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+"
                                   r"(?:[a-z]+ly\s+)?(?:[a-z][\w’'-]*(?:ed|s)|(?:will|would|can|could|should|may|might|must|"
                                   r"shall|did|does|do|has|have|had|is|are|was|were)(?:n[’']t|\s+not)?\s+(?:[a-z]+ly\s+)?"
                                   r"[a-z][\w’'-]*)\b")


def _coordinated_clause(text: str, qindex: QuoteIndex, start: int, end: int) -> int:
    """Where the reported content after a cue ends: before a coordinated main clause with a subject of its own
    (COORDINATED_CLAUSE_RE) outside quotation marks; else `end`."""
    for m in COORDINATED_CLAUSE_RE.finditer(text, start, end):
        if not qindex.inside(m.start()):
            return m.start()
    return end


def _trailing_name(text: str, tokens: list[Token], tok_starts: list[int], sp_start: int, sp_end: int) -> int:
    """Where a person's name starts that ends a phrase opened by another word ('talk Dave Gorab' in '... for news
    and talk Dave Gorab said'), when no preposition stands right before the name (a name after one is its object:
    'sending the letter to Harry Reid'); else -1."""
    a = bisect.bisect_left(tok_starts, sp_start)
    b = bisect.bisect_left(tok_starts, sp_end) - 1
    c = b
    while c > a and tokens[c - 1].text[:1].isupper():
        c -= 1
    if c <= a or b - c < 1 or tokens[c - 1].lower in PREPOSITIONS or not tokens[c].text[:1].isupper() \
            or not person_names([text[tokens[c].start:tokens[b].end]]):
        return -1
    return tokens[c].start


def _trailing_np(tokens: list[Token], tok_starts: list[int], sp_start: int, sp_end: int) -> int:
    """Where the noun phrase starts that ends a phrase right before a participle ('an item' in 'put out an item
    suggesting'): a participle right after a noun, with no comma, postmodifies it, so the noun is its subject (Quirk
    et al. 1985, sec. 17.17). Not a noun after a preposition ('on camera saying': the object); else -1."""
    a = bisect.bisect_left(tok_starts, sp_start)
    b = bisect.bisect_left(tok_starts, sp_end) - 1
    if b <= a:
        return -1
    tags = pos_tags(tokens, [(a, b)])
    if not tags.get(b, "").startswith("NN"):
        return -1
    c = b
    while c > a and tokens[c - 1].lower not in PREPOSITIONS and (
            tags.get(c - 1, "")[:2] in ("NN", "JJ", "DT", "CD", "PO") or tags.get(c - 1, "") == "PRP$"):
        c -= 1
    if c == a or tokens[c - 1].lower in PREPOSITIONS:
        return -1
    return tokens[c].start


def _subject_of_clause(tokens: list[Token], tok_starts: list[int], sp_start: int, sp_end: int) -> int:
    """Where the subject ends when a speaker phrase before a colon is a whole clause ('The mayor spoke to the council:'
    gives 'The mayor'): before its first finite verb; `sp_end` when it has none. The speaker of a colon cue is the
    subject of the clause before it (Quirk et al. 1985, sec. 10.2: subject and predicate)."""
    a = bisect.bisect_left(tok_starts, sp_start)
    b = bisect.bisect_left(tok_starts, sp_end) - 1
    if b <= a or not any(t.text.islower() and t.lower not in DETERMINERS for t in tokens[a:b + 1]):
        return sp_end
    tags = pos_tags(tokens, [(a, b)])
    k = next((k for k in range(a, b + 1) if tags.get(k, "") in FINITE_TAGS), None)
    return sp_end if k is None else (tokens[k - 1].end if k > a else sp_start)


def _comma_coordinated_subject(text: str, tokens: list[Token], tok_starts: list[int], sent: Segment, lo: int,
                               cue: Match) -> tuple[int, int] | None:
    """The main clause's subject for a verb right after the sentence's only comma that has no subject of its own
    ('The union met on Monday, called on Mr. Barr to resign'): coordinated predicates share one subject (Quirk et
    al. 1985, sec. 13.45); None when the sentence does not read so or its subject names no one."""
    before = text[lo:cue.start]
    if lo != sent.start or not re.search(r",\s*$", before) or before.count(",") != 1:
        return None
    ms, me = _main_subject(text, tokens, tok_starts, _skip(text, sent.start, cue.start), cue.start)
    return (ms, me) if me > ms and _names_someone(text[ms:me]) else None


def _object_of_verb(text: str, tokens: list[Token], tok_starts: list[int], sp_start: int,
                    prev: Attribution | None) -> bool:
    """Whether the phrase starting at `sp_start` follows a verb with only spaces between ('denounced its critics and
    said', 'praised the deal, denounced'): then it is that verb's object, no subject of the cue after it (Quirk et al.
    1985, sec. 10.2 and 13.45: a noun phrase after a transitive verb is its object; coordinated predicates share one
    subject). The word before is a verb when it ends the previous cue of the sentence or is tagged a finite verb. A
    phrase right after a preposition is its object ('returned to Washington, said', 'met on Monday, called on') and
    no subject either (sec. 9.1)."""
    a = bisect.bisect_left(tok_starts, sp_start)
    if a <= 0 or a >= len(tokens) or text[tokens[a - 1].end:sp_start].strip() or not tokens[a - 1].text.islower():
        return False
    if (prev is not None and tokens[a - 1].end in (prev.cue_end, prev.group_end)) or \
            tokens[a - 1].lower in word_class("preposition"):
        return True
    return pos_tags(tokens, [(a - 1, a)]).get(a - 1, "") in ("VBD", "VBZ", "VBP")


def _subject_instead(text: str, tokens: list[Token], tok_starts: list[int], sent: Segment, cue: Match, sp_start: int,
                     participle: bool, prev: Attribution | None, lo: int) -> tuple[int, int]:
    """For a speaker phrase that names no one: the subject of the main clause before it, where the grammar makes it
    the cue's subject (a participle clause or a colon after the main clause, Quirk et al. 1985, sec. 15.58; a
    finite verb after the subject and an aside set off by a comma); else an empty range at `lo`, so the usual
    no-speaker path decides (the previous cue's speaker, or none)."""
    if prev is not None:
        return lo, lo
    ms, me = _main_subject(text, tokens, tok_starts, _skip(text, sent.start, cue.start), sp_start)
    if me <= ms or me > sp_start or not _names_someone(text[ms:me]) \
            or _not_a_speaker(text, tokens, tok_starts, ms, me):
        return lo, lo
    if participle or cue.entry.subcategory == "colon" or re.match(r"(?:\s*\([^()]{1,20}\))?\s*,", text[me:sp_start]):
        return ms, me
    return lo, lo


# Determiners that come only before a noun ('this' and 'that' also stand alone: 'That suggests ...')
NOUN_DETERMINERS = frozenset("a an the his her their its our my your every each no other another".split())


def _only_subject_before(text: str, tokens: list[Token], tok_starts: list[int], sent: Segment, lo: int,
                         cue: Match) -> bool:
    """Before the comma only a subject and its asides ('Howard, a brother of the actor, endorsed Sen. Cruz'): no
    reported clause stands before the verb, so the name after it is its object, not an inverted speaker (Quirk et
    al. 1985, sec. 14.30: a reporting clause inverts only after what it reports)."""
    start = _after_intro(text, tokens, tok_starts, _skip(text, sent.start, cue.start), cue.start)
    i, j = bisect.bisect_left(tok_starts, start), cue.first - 1
    comma = text.find(",", start, cue.start)
    parts = text[start:cue.start].split(",")
    if lo != sent.start or j <= i or comma < 0 or not (person_names(parts) or (
            re.fullmatch(r"[A-Z][\w’'-]+", text[start:comma]) and tokens[i + 1].lower in DETERMINERS)):
        return False  # a person named ('Howard, the younger brother of ...', 'Her manager, Jo Ames,'), no clause
    tags = pos_tags(tokens, [(i, j)])
    return not any(tags.get(k, "") in FINITE_TAGS for k in range(i, j + 1))


def _after_determiner(tokens: list[Token], cue: Match) -> bool:
    """'a challenge that ...', 'Other shows did better': after a determiner the cue word is a noun, no verb of saying."""
    return cue.first > 0 and tokens[cue.first - 1].lower in NOUN_DETERMINERS


def _subject_of(text: str, tokens: list[Token], tok_starts: list[int], lo: int, cue_start: int,
                prev: Attribution | None) -> tuple[int, int]:
    """The speaker phrase of a participle cue: the previous cue's speaker in the sentence, else its subject."""
    return (prev.speaker_start, prev.speaker_end) if prev is not None else _leading_np(text, tokens, tok_starts, lo, cue_start)


def _quote_in_aside(text: str, tokens: list[Token], tok_starts: list[int], lo: int, q_start: int) -> bool:
    """Whether a quotation stands inside an aside on the sentence's subject ('Humphrey, who calls Trump a “sociopath,”
    said ...', 'Washington, star of “Scandal,” thanked ...'): a short subject opens the sentence, one comma opens the
    aside and the quotation closes it, so the verb after it has that subject, no speaker after it (Quirk et al. 1985,
    sec. 17.65: a non-restrictive postmodifier is set off by commas; sec. 14.30: a reporting clause inverts only after
    what it reports). Not after an opening phrase of time or place ('In Iowa, the bill is “a disaster,” said ...')."""
    before = text[lo:q_start]
    if before.count(",") != 1 or any(q in before for q in "“”\"(—–") or "''" in before or before.rstrip().endswith((",", ":")):
        return False
    subject, aside = (part.strip() for part in before.split(",", 1))
    a = bisect.bisect_left(tok_starts, lo)
    if not aside[:1].islower() or (a < len(tokens) and tokens[a].lower in PREPOSITIONS):
        return False  # 'Behind the scenes, Mr. Vander Plaats is “...,” said ...': a clause after an opening phrase
    words = subject.split()
    if not (0 < len(words) <= 6 and subject[:1].isupper() and a < len(tokens) and tokens[a].lower not in INTRO_WORDS
            and tokens[a].lower not in INTRO_ADVERBS and tokens[a].lower not in COORDINATORS
            and not tokens[a].lower.endswith(("ing", "ly")) and _names_someone(subject) and not DATELINE_RE.match(text, lo)):
        return False
    b = bisect.bisect_left(tok_starts, lo + before.index(","))
    tags = pos_tags(tokens, [(a, b - 1)]) if b > a else {}
    # 'Bloomberg pegged him at ..., which ...': a clause, no subject alone (its first word may be a participle: 'Retired')
    return not any(tags.get(k, "") in FINITE_TAGS or tags.get(k, "") == "VBN" for k in range(a + 1, b))


def _may_invert(text: str, cue: Match) -> bool:
    """Whether the speaker may follow this cue ('“...,” said Baker'): not after a verb whose object is the hearer
    ('told CNN') and not after a participle ('“...,” adding that ...')."""
    word = text[cue.start:cue.end].split()[0].lower()
    return word not in word_class("no_inversion") and not word.endswith("ing")


def _names_someone(description: str) -> bool:
    """A speaker phrase names or describes someone: not only determiners ('The', 'A') or time words."""
    words = [w.lower().strip(".,’'") for w in re.findall(r"[\w’'.-]+", description)]
    return any(w not in DETERMINERS and w not in WEEKDAYS and (w not in NOT_IN_NP or w in GROUP_WORD_NAMES) for w in words) or (
        len(words) == 1 and words[0] in PRONOUNS) or (
        0 < len(words) <= 3 and words[-1] in PEOPLE_WORDS and all(w in DETERMINERS for w in words[:-1]))


def _names_a_thing(text: str, tokens: list[Token], tok_starts: list[int], cue: Match) -> bool:
    """'a program called Sandy Hook Promise': a common noun right before the cue and a name or quotation after it."""
    i = bisect.bisect_left(tok_starts, cue.start)
    if i == 0 or cue.last + 1 >= len(tokens):
        return False
    before, after = tokens[i - 1], tokens[cue.last + 1]
    gap_before, gap_after = text[before.end:cue.start], text[cue.end:after.start]
    named = after.text[:1].isupper() or any(q in gap_after for q in "“\"‘")
    if after.text[:1].isupper() and not any(q in gap_after for q in "“\"‘"):
        # 'a lawmaker called Trump “a disgrace”', 'the campaign called AP's report a rush': a name and then a label
        # is someone calling that person something (two objects), not a thing's name
        m = re.match(r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*(?:['’]s)?\s+(\S+)", text[after.start:after.start + 80])
        if m and (m.group(1)[:1] in "“\"‘" or m.group(1).lower() in ("a", "an", "the", "his", "her", "their", "its", "as")):
            return False
    return before.text.islower() and before.lower not in PRONOUNS and before.lower not in NOT_IN_NP \
        and not before.lower.endswith("ly") and gap_before.strip() == "" and named


def _passive_before_of(tokens: list[Token], cue: Match) -> bool:
    """'officers accused of hacking': a verb whose object comes before 'of' (words.csv passive_before_of) is a
    passive participle when 'of' follows it at once; the noun before it is accused, no accuser is named."""
    return cue.first == cue.last >= 0 and tokens[cue.first].lower in word_class("passive_before_of") and \
        cue.last + 1 < len(tokens) and tokens[cue.last + 1].lower == "of"


def _passive(text: str, tokens: list[Token], tok_starts: list[int], cue: Match, lo: int) -> bool:
    """'is expected to', 'was told', 'has been reported': a participle after a form of 'be', no 'by' agent."""
    word = text[cue.start:cue.end].split()[0].lower()
    participle = word.endswith("ed") or word in ("said", "told", "thought", "known", "seen", "shown", "found", "held")
    return participle and _after_be(tokens, tok_starts, cue.start, lo)


def _when_participle(text: str, tokens: list[Token], cue: Match, lo: int) -> bool:
    """'When asked about the deal, ...' opening a sentence: someone asked, and the text does not say who."""
    word = text[cue.start:cue.end].split()[0].lower()
    return (word.endswith("ed") or word in ("told", "shown")) and cue.first > 0 \
        and tokens[cue.first - 1].lower in ("when", "if", "once", "unless") and tokens[cue.first - 1].start >= lo


def _after_be(tokens: list[Token], tok_starts: list[int], cue_start: int, lo: int) -> bool:
    """The cue is a passive participle ('is expected', 'was asked', 'has been reported')."""
    i = bisect.bisect_left(tok_starts, cue_start) - 1
    while i >= 0 and tokens[i].start >= lo and (tokens[i].lower in ("not", "never", "also", "widely", "generally", "first")
                                                 or tokens[i].lower.endswith("ly")):
        i -= 1
    return i >= 0 and tokens[i].start >= lo and (tokens[i].lower in BE_FORMS or tokens[i].lower.replace("’", "'") in NEGATED_BE)


def _skip(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos] in " ,\t\n":
        pos += 1
    return pos


# ', but', ', and', '; while' before a new clause's subject (and up to two modifiers of it: '; outraged Democrats'):
# where one reported statement ends and a new clause begins
CLAUSE_JOIN_RE = re.compile(r"(?:[,;]?\s*\b(?:but|and|while|whereas|yet)\s+|;\s*)(?:[a-z][\w’'-]*\s+){0,2}$")


def _ended_by_next_clause(text: str, prev: Attribution, nxt: Attribution) -> Attribution:
    """`prev` with its reported content ended where a coordinated clause with its own speaker begins ('the mayor
    claimed the lanes would cut traffic, but furious shop owners slammed the plan': the shop owners are no part of
    what the mayor claimed)."""
    if not (prev.cue_end < nxt.speaker_start < nxt.speaker_end <= nxt.cue_start):
        return prev
    join = CLAUSE_JOIN_RE.search(text, prev.cue_end, nxt.speaker_start)
    if join is None or join.end() != nxt.speaker_start:
        return prev
    end = _rstrip(text, prev.cue_end, join.start())
    if not any(s < end < e for s, e in prev.scope):
        return prev
    return replace(prev, scope=tuple((s, min(e, end)) for s, e in prev.scope if s < end))


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1] in " ,\t\n—–":
        hi -= 1
    return hi


def _tail_is_speaker(text: str, tokens: list[Token], tok_starts: list[int], start: int, end: int,
                     bare_say: bool = False) -> bool:
    """The rest of the sentence after the cue is only a speaker phrase ('..., said Brian Baker, an adviser.'); after
    a verb of saying that takes no object (`bare_say`) any noun phrase with a determiner is ('..., said the bishop.')."""
    if end - start > 300 or any(q in text[start:end] for q in "“”\"") or text[:start].rstrip().endswith("ing"):
        return False
    a = bisect.bisect_left(tok_starts, start)
    b = bisect.bisect_left(tok_starts, end)
    if a >= b:
        return False
    k = a
    while k + 1 < b and tokens[k].lower in GENERIC_MODIFIERS:
        k += 1  # 'said former Pennsylvania governor Ed Rendell'
    first = tokens[k]
    if not (first.text[:1].isupper() or first.lower in DETERMINERS or first.lower in SPEAKER_NOUNS):
        return False  # 'said Brian Baker', 'said the spokesman', 'said economists'; not 'said nothing'
    clause_end = _clause_end(text, start, end)
    if re.match(r"\s+that\s", text[clause_end:clause_end + 6]):
        return False  # '..., said Monday that ...': a that-clause follows, the subject stands before the cue
    clause = [t for t in tokens[a:b] if t.start < clause_end]
    if all(t.lower in WEEKDAYS or t.lower in TIME_WORDS or t.lower in TIME_MODIFIERS for t in clause):
        return False  # 'Tad Devine, an adviser, said Monday.': a time, no speaker
    lower = [t for t in clause if t.text.islower() and t.lower not in DETERMINERS and t.lower not in NP_PREPOSITIONS]
    # someone named or described ('said Brian Baker', 'said the spokesman', 'reported state media'), not a thing
    # ('..., criticized the trade.': the object of a verb whose subject comes before)
    return 0 < len(clause) <= 8 and len(lower) <= 3 and all(_np_word(t) and t.lower != "to" for t in clause) and (any(
        t.text[:1].isupper() or t.lower in SPEAKER_NOUNS for t in clause) or (bare_say and first.lower in DETERMINERS))


# person nouns, bodies, and the one-word titles and groups of the affiliation file ('said a farmer', 'said the nurse')
SPEAKER_NOUNS = word_class("person_noun") | BODY_HEADS | frozenset(("media",)) | frozenset(
    a.pattern.lower() for a in load_affiliations() if a.kind in ("title", "group") and a.pattern.isalpha())


def _clause_end(text: str, start: int, end: int) -> int:
    m = re.compile(r",|;|—|\s+(?:who|which|that)\s").search(text, start, end)
    return m.start() if m else end


YES_NO_QUESTION_RE = re.compile(r"[“\"‘']?(?:Do|Does|Did|Will|Would|Can|Could|Should|Shall|Must|Is|Are|Was|Were|Has|Have|Had)"
                                r"\s+(?!(?:[a-z]+(?:ed|es)|said|wrote|told|thought)\b)")  # 'Will wrote' is a name
GROUP_WORD_NAMES = word_class("group_word_name")  # 'George Will wrote', 'Billy Long said': names, not verb-group words
# prepositions that open an adjunct, never a part of a speaker's noun phrase ('..., including one photo that showed')
CLAUSE_PREPOSITIONS = frozenset(("including", "excluding", "regarding", "concerning", "despite", "amid", "among"))
# words that open an adverbial, never a noun phrase: a speaker phrase that starts with one is a prepositional phrase or
# an infinitive that reached the cue ('Amid calls for him to quit', 'propaganda intended to give'; Quirk et al. 1985,
# secs. 9.1, 14.12)
ADVERBIAL_OPENERS = PREPOSITIONS | CLAUSE_PREPOSITIONS | frozenset(
    "like unlike ahead after before despite outside inside beside around throughout to".split())


def _adverbial_word(tok: Token) -> bool:
    """A preposition or an -ing form, which a noun phrase after it is the object of ('after', 'meeting', 'Following')."""
    return tok.lower in ADVERBIAL_OPENERS or (tok.lower.endswith("ing") and len(tok.lower) > 4)


# A relative clause without 'that' on a noun ('the plan the senator described', 'one of the jobs Clinton discussed',
# 'the day the Vermont senator plans'): its subject, a determiner phrase or a name, follows the noun directly, and
# that subject is the speaker (Quirk et al. 1985, sec. 17.15, the zero relative pronoun as object)
CONTACT_SUBJECT_RE = re.compile(r"\b([a-z][a-z’'-]+)\s+(?=(?:the|a|an|his|her|their|its)\s|[A-Z][\w’'.-]+\s*$)")


def _contact_clause(description: str) -> int:
    """Where the subject of a relative clause without 'that' begins in a speaker phrase (0 if there is none): after a
    common noun (Pattern's lexicon tag) that a determiner or a name at the end of the phrase follows ('the jobs
    Clinton'; a name after a singular noun stays an apposition: 'the economist Al From')."""
    for m in CONTACT_SUBJECT_RE.finditer(description):
        word, after = m.group(1), description[m.end():]
        tag = lexicon_tag(word)
        before = description[:m.start()].split()
        if not tag.startswith("NN") or word in NOT_IN_NP or word in DETERMINERS or word.endswith("ing") \
                or (before and (before[-1] in ("to", "would", "will") or (
                    before[-1][:1].isupper() and before[-1].lower() not in DETERMINERS))):
            continue  # 'handling a lawsuit', 'to champion a deal', 'Trump cast his presidency': a verb and its object
        if after[:1].isupper() and not (tag == "NNS" and re.fullmatch(r"[A-Z][\w’'.-]+", after.strip())):
            continue
        return m.end()
    return 0


def _group_word_name(text: str, tokens: list[Token], i: int) -> bool:
    """Whether a capitalised 'Will', 'May' or 'Long' at token i is a name: a modal takes a bare infinitive, never the
    past or -s form that follows here ('Will wrote', 'May says'; Quirk et al. 1985, sec. 3.40), and the adverb of a
    verb group is written in lower case after a quotation ('“...,” Long said'); a party tag may come between ('David
    Long (R) said')."""
    tok = tokens[i]
    if tok.lower not in GROUP_WORD_NAMES or not tok.text[:1].isupper():
        return False
    j = i + 1
    while j < len(tokens) and _party_tag(text, tokens[j]):
        j += 1
    if j >= len(tokens) or not tokens[j].text.islower():
        return False
    return pos_tags(tokens, [(j, j)]).get(j) in ("VBD", "VBZ", "VBN")


def _np_word(tok: Token) -> bool:
    """Whether a word can stand in a speaker's noun phrase."""
    low = tok.lower
    if (low in NOT_IN_NP or low in BOUNDARY_WORDS or low in CLAUSE_PREPOSITIONS) and not (
            low in GROUP_WORD_NAMES and tok.text[:1].isupper()):
        return False
    if tok.text[:1].isupper() or tok.text[:1].isdigit() or low in DETERMINERS or low in NP_PREPOSITIONS:
        return True
    if (low.endswith("ly") and low not in LY_NOUNS) or (low.endswith("ed") and len(low) > 4):
        return False  # adverbs and past tenses ('recently', 'released') end a noun phrase
    return low.isalpha() or "-" in low or low.endswith(("'s", "’s"))


def _adjectival(tokens: list[Token], first: int, j: int) -> bool:
    """A past participle used as an adjective inside a noun phrase: 'Democratic registered voters', 'the retired
    general', 'of elected officials'."""
    low = tokens[j].lower
    if not (low.endswith("ed") and low.isalpha() and tokens[j].text.islower()) or low in NOT_IN_NP or j - 1 < first:
        return False
    prev = tokens[j - 1]
    return prev.lower in DETERMINERS or prev.lower in NP_PREPOSITIONS or prev.text[:1].isdigit() or (
        prev.text[:1].isupper() and prev.lower.endswith(("ic", "an", "al")))


# Where a noun phrase after its cue ends: a clause mark (a period before a space or a closing quotation mark), 'as',
# 'that', a dash or bracket, a subordinator ('has been criticized by bishops ever since he claimed'), or an adjunct of
# the medium ('said Trump in an interview on NBC'; Quirk et al. 1985, sec. 8.79)
NP_AFTER_STOP = (r"[.;:!?](?=[\s”\"’]|$)|\s+as\s|\s+that\s|—|\(|\s+(?:ever\s+)?since\s|\s+(?:unless|because|although)\s"
                 r"|\s+(?:in|on|during|via)\s+(?:(?:an?|the|his|her|their|its)\s+)?(?:[\w’'-]+\s+)?(?:"
                 + "|".join(sorted(MEDIUM_NOUNS, key=len, reverse=True)) + r")\b")
NP_AFTER_STOP_RE = re.compile(NP_AFTER_STOP)
# A name and then a place or occasion ('Reid on the Senate floor', 'Smith at a rally'; 'at' before a capitalised word
# may be the body the person belongs to: 'Jones at the University of Iowa')
NAME_THEN_ADJUNCT_RE = re.compile(r"((?:(?:[A-Z][\w’'-]*\.?|[a-z]{1,3}\.?)\s+)*?[A-Z][\w’'-]*\.?)\s+(?:(?:in|on|during)\s+"
                                  r"(?:the|a|an|his|her|their|its)\s|at\s+(?:the|a|an|his|her|their|its)\s+[a-z])")
NP_AFTER_COMMA_STOP_RE = re.compile(NP_AFTER_STOP + "|,")


def _np_after(text: str, start: int, limit: int, stop_at_comma: bool) -> tuple[int, int]:
    """Noun phrase after a cue, up to the clause end; trailing time phrases dropped."""
    s = _skip(text, start, limit)
    stop = NP_AFTER_COMMA_STOP_RE if stop_at_comma else NP_AFTER_STOP_RE
    e = min(limit, s + 200)
    for m in stop.finditer(text, s, e):
        if m.group() == "." and _abbreviation_before(text, s, m.start()):
            continue
        e = m.start()
        break
    e = _rstrip(text, s, e)
    while e > s and text[e - 1] in "”\"":
        e -= 1
    seg = text[s:e]
    if adjunct := NAME_THEN_ADJUNCT_RE.match(seg):
        seg = adjunct.group(1)  # 'said Reid on the Senate floor', 'says Perry in the new ad': a name needs no postmodifier
    seg = re.sub(r"(?:\s+(?:on|in|last|this|early|late)\s+(?:[A-Z]\w+|\w+ \w+)|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))+\s*$", "", seg)
    return s, s + len(seg.rstrip(" ,"))


def _abbreviation_before(text: str, lo: int, dot: int) -> bool:
    """Whether the period at `dot` closes a title or initial ('Maj.', 'U.S.', 'F.')."""
    m = re.search(r"([A-Za-z.]+)$", text[max(lo, dot - 20):dot])
    word = m.group(1).lower().rstrip(".") if m else ""
    return word in TITLES or len(word) == 1 or "." in word


BREAK_CHARS = frozenset(",;:—–”“\"()")


def _is_break(gap: str) -> bool:
    return not BREAK_CHARS.isdisjoint(gap) or " - " in gap or " -- " in gap


def _gap(text: str, tokens: list[Token], j: int, end: int) -> str:
    """The characters between token j and the next token (or `end`)."""
    nxt = tokens[j + 1].start if j + 1 < len(tokens) and tokens[j + 1].start < end else end
    return text[tokens[j].end:nxt]


def _floating_quantifier(text: str, tokens: list[Token], first: int, i: int) -> bool:
    """'all', 'both' or 'each' at token i after the subject or its operator ('The senators have all said', 'Smith and
    Jones both argued'), not a quantifier that is the subject ('All said', 'the two both'): the subject is before it."""
    if tokens[i].lower not in FLOATING_QUANTIFIERS or i - 1 < first or _is_break(_gap(text, tokens, i - 1, tokens[i].start)):
        return False
    prev = tokens[i - 1]
    return prev.lower not in DETERMINERS and prev.lower not in NP_PREPOSITIONS and (prev.lower in NOT_IN_NP or _np_word(prev))


def _np_before(text: str, tokens: list[Token], tok_starts: list[int], lo: int, cue_start: int) -> tuple[int, int]:
    """Speaker phrase right before a cue: the noun phrase back to a clause boundary, with an appositive name
    ('Brian Baker, a political adviser, said'), past a relative clause ('Trump, who ..., claimed')."""
    aside = PARENTHETICAL_RE.search(text, max(lo, cue_start - 60), cue_start)
    if not aside and text.find(",", max(lo, cue_start - 100), cue_start) != -1:
        # 'Mr. Coleman, for example, had previously endorsed': the aside before the verb group
        group = VERB_GROUP_BEFORE_RE.search(text, max(lo, cue_start - 60), cue_start)
        if group:
            aside = PARENTHETICAL_RE.search(text, max(lo, group.start() - 60), group.start())
    if not aside and text.find("including", max(lo, cue_start - 200), cue_start) != -1:
        # 'Several Republican leaders, including Sens. John McCain (Ariz.) and Pat Toomey (Pa.), have denounced':
        # the examples after 'including' are an aside, the head before them is the subject
        group = VERB_GROUP_BEFORE_RE.search(text, max(lo, cue_start - 60), cue_start)
        end = group.start() if group else cue_start
        aside = INCLUDING_RE.search(text, max(lo, end - 200), end)
    word = re.match(r"[\w’'-]*", text[cue_start:cue_start + 40]).group()
    participle = word.lower().endswith("ing")  # 'saying,' and 'saying:' too
    if aside:
        cue_start = aside.start()
    group = VERB_GROUP_BEFORE_RE.search(text, max(lo, cue_start - 60), cue_start)
    date = DATE_BEFORE_RE.search(text, max(lo, cue_start - 60), group.start() if group else cue_start)
    if date:
        cue_start = date.start()  # 'The Register on July 20, 2006, described', 'who as recently as Monday were saying'
    dashes = DASH_APPOSITIVE_RE.search(text, max(lo, cue_start - 180), cue_start)
    if dashes:
        cue_start = dashes.start()  # 'Jason Sims — a teacher from Dover — says': the name before the dashes
    i = bisect.bisect_left(tok_starts, cue_start) - 1
    first = max(bisect.bisect_left(tok_starts, lo), i - 3 * MAX_SPEAKER_TOKENS)
    if i < first:
        return lo, lo
    if participle and "," in text[tokens[i].end:cue_start]:
        return lo, lo  # ', calling the moves ...': the participle's subject is the main clause's speaker
    # the verb group before the cue: 'has said', 'did not say', 'also told', 'would later tell'
    while i >= first and not _is_break(_gap(text, tokens, i, cue_start)) and not _group_word_name(text, tokens, i) and (
            tokens[i].lower in NOT_IN_NP or tokens[i].lower in WEEKDAYS  # 'Clinton on Tuesday said'
            or (tokens[i].lower in TIME_MODIFIERS and i + 1 < len(tokens)  # 'Beck last week said'
                and tokens[i + 1].lower in TIME_NOUNS)
            or tokens[i].lower.endswith(("n't", "n’t"))  # 'Trump isn't saying', 'the donor didn’t disclose'
            or (tokens[i].lower.endswith("ly") and tokens[i].text.islower()
                                             and tokens[i].lower not in LY_NOUNS)
            or _floating_quantifier(text, tokens, first, i)):
        if tokens[i].lower in BOUNDARY_WORDS:
            return lo, lo
        i -= 1
    after_who = i > first and tokens[i].lower == "who" and ";" not in _gap(text, tokens, i - 1, tokens[i].start)
    if after_who:
        i -= 1  # 'Democrats, who want ...', 'respondents who support ...': the person the clause is about
    elif i > first and _relative_subject(text, tokens, i):
        i -= 1  # 'a super PAC that backed him', 'the union, which opposed the bill': the body the clause is about
    elif i >= first and tokens[i].lower in BOUNDARY_WORDS:
        return lo, lo
    if i < first:
        return lo, lo
    end_at = tokens[i].end
    if re.match(r"[.\s]*\)", text[tokens[i].end:cue_start]):
        k = i
        while k >= first and "(" not in text[tokens[k - 1].end if k > 0 else 0:tokens[k].start] and i - k < 6:
            k -= 1
        if k > first and i - k < 6:
            end_at = text.find(")", tokens[i].end - 1) + 1 or tokens[i].end
            i = k - 1
    trailing = text[tokens[i].end:cue_start] if end_at == tokens[i].end else ""
    if "," in trailing:
        i = _before_relative_clause(text, tokens, first, i, cue_start)
        if i < first:
            return lo, lo
    a, b = _walk_np(text, tokens, first, i, cue_start)
    if participle and (verb := _verb_after_name(tokens, a, b)) is not None:
        b = verb - 1  # 'Mr. McCarthy spent much of the day calling members': the subject of the main verb
    if after_who:
        a = _antecedent(tokens, a, b)
    if a - 2 > first and tokens[a - 1].lower == "by" and tokens[a - 2].lower in RECORD_NOUNS \
            and not _is_break(text[tokens[a - 2].end:tokens[a].start]):
        a = _walk_np(text, tokens, first, a - 2, cue_start)[0]  # 'A 2009 study by Jane Roe found': the study
    head = _relative_clause_head(text, tokens, first, a, i, cue_start)
    if head is not None:
        a, b = head  # 'Officials who spoke on condition of anonymity said': the noun the relative clause is about
    if participle and tokens[b].lower in DOCUMENTS and ((a > first and not _is_break(_gap(text, tokens, a - 1, tokens[a].start)))
                                                       or any(t.lower in ISSUING for t in tokens[a:b])):
        return lo, lo  # 'McConnell issued a statement saying ...': the one who issued it speaks
    if tokens[b].lower in PEOPLE_WORDS and b - a < 3 and all(t.lower in DETERMINERS for t in tokens[a:b]):
        return tokens[a].start, tokens[b].end  # 'some are saying', 'yet another said', 'the two admit': people
    while b >= a and not _group_word_name(text, tokens, b) and (
            tokens[b].lower in WEEKDAYS or tokens[b].lower in NOT_IN_NP or tokens[b].lower in NP_PREPOSITIONS
            or tokens[b].lower in DETERMINERS):
        b -= 1
    if b < a:
        return lo, lo
    # an appositive after a name: 'Brian Baker, a political adviser to the family, said'
    if a - 2 >= first and tokens[a - 1].lower in ("of", "from") and "," in _gap(text, tokens, a - 2, tokens[a - 1].start):
        a -= 1  # 'Mr. Mahaney, of RBC Capital Markets, said', 'Joy Alessi, 50, of Houston, said': where the person is from
    gap = _gap(text, tokens, a - 1, tokens[a].start + 1) if a - 1 >= first else ""
    if "," in gap and not any(q in gap for q in "”“\"") and (
            tokens[a].lower in DETERMINERS or not tokens[a].text[:1].isupper() or "," in trailing):
        pa, pb = _walk_np(text, tokens, first, a - 1, tokens[a].start)
        prev = text[tokens[pa].start:tokens[pb].end] if pa <= pb else ""
        starts_clause = pa == first or pa == 0 or _is_break(_gap(text, tokens, pa - 1, tokens[pa].start)) \
            or tokens[pa - 1].lower in BOUNDARY_WORDS
        place = pb - 1 >= pa and tokens[pb - 1].lower in ("of", "in", "from") and all(
            tokens[k].text[:1].isupper() for k in range(a, b + 1)) and b - a < 3
        if pa == pb and tokens[pa].text.isdigit() and pa - 1 >= first and "," in _gap(text, tokens, pa - 1, tokens[pa].start):
            pa, pb = _walk_np(text, tokens, first, pa - 1, tokens[pa].start)  # 'Marvin Teske, 53, a guard, said'
            prev = text[tokens[pa].start:tokens[pb].end] if pa <= pb else ""
        aged = pb < a - 1 and pa <= pb and re.fullmatch(r",\s*\d{1,3}\s*,\s*", text[tokens[pb].end:tokens[a].start]) \
            and person_names([prev])
        # 'After meeting President Obama, the senator said', 'Following Mr. Ruiz, ...': the name is the object of an
        # introductory phrase, not a subject with an appositive
        governed = pa <= pb and (_adverbial_word(tokens[pa]) or (pa - 1 >= first and _adverbial_word(tokens[pa - 1])
                                                               and not _is_break(_gap(text, tokens, pa - 1, tokens[pa].start))))
        if (aged and not governed) or (pb == a - 1 and pa <= pb and pb - pa < 10 and (
                (person_names([prev]) and not governed) or place
                or ("," in trailing and starts_clause and _names_someone(prev)))):
            a = pa
    end = max(tokens[b].end, end_at if b == i else 0)
    if tokens[b].lower in SUFFIX_WORDS and text.startswith(".", tokens[b].end):
        end = max(end, tokens[b].end + 1)  # 'Samuel A. Alito Jr. said': the suffix keeps its period
    time = TRAILING_TIME_RE.search(text, tokens[a].start, end)
    if time and time.start() > tokens[a].start:
        end = time.start()  # 'Trump in the past has referred': a time adverbial after the subject is no part of it
    return tokens[a].start, end


def _partitive_lead(tok: Token) -> bool:
    """A word that opens a partitive phrase before its noun: a determiner, number or adjective ('the 30 percent', 'a
    huge share')."""
    return tok.text.isdigit() or tok.lower in DETERMINERS or (tok.text.islower() and (
        tok.lower in NUMBER_WORDS or lexicon_tag(tok.lower) == "JJ"))


def _antecedent(tokens: list[Token], a: int, b: int) -> int:
    """Where the noun phrase a 'who' clause is about starts: in 'a fierce battle with Republicans who ...' the noun
    phrase after the preposition, when the head before it names no one and the one after it does (Quirk et al. 1985,
    sec. 17.10: a relative clause follows its antecedent); 'officials from the ministry who ...' and 'half of the
    respondents who' stay whole, and so does such a phrase after a thing ('criticism from officials of the ministry
    who'). A preposition inside a name ('a call from Sen. Amy Klobuchar of Minnesota') opens no phrase."""
    for k in range(b - 1, a, -1):
        if tokens[k].lower not in PREPOSITIONS or tokens[k - 1].text[:1].isupper():
            continue
        if tokens[k - 1].lower in PARTITIVES:
            j = k - 1  # 'half of the respondents', 'a huge share of superdelegates': the partitive phrase
            while j - 1 >= a and _partitive_lead(tokens[j - 1]):
                j -= 1
            return j
        if tokens[k - 1].lower in SPEAKER_NOUNS:
            continue  # 'officials of the ministry': the phrase before is what the clause is about
        # the phrase after it names people: a name, a noun for people, or a plural head ('outrage from patient groups')
        if any(t.text[:1].isupper() or t.lower in SPEAKER_NOUNS for t in tokens[k + 1:b + 1]) \
                or lexicon_tag(tokens[b].lower) == "NNS":
            return k + 1
        break
    return a


def _relative_clause_head(text: str, tokens: list[Token], first: int, a: int, i: int, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase before a subject relative clause that ends right before the cue ('others who want to ban
    abortion said', 'Officials who spoke on condition of anonymity said'), else None. Only a clause whose verb follows
    'who'/'which' directly: in 'the man who Trump said' the name after 'who' is the cue's subject."""
    j = min(a, i)
    while j > first and i - j < 12 and not _is_break(_gap(text, tokens, j - 1, cue_start)):
        if tokens[j].lower in ("who", "which"):
            break
        j -= 1
    if j <= first or tokens[j].lower not in ("who", "which") or j + 1 > i or _is_break(_gap(text, tokens, j - 1, cue_start)):
        return None
    nxt = tokens[j + 1]
    if not nxt.text.islower() or nxt.lower in PRONOUNS or nxt.lower in DETERMINERS or (
            tokens[j].lower == "which" and j + 1 == i and pos_tags(tokens, [(i, i)]).get(i, "").startswith("NN")):
        return None  # 'a version which critics said could ...': a noun between 'which' and the cue is its subject
    pa, pb = _walk_np(text, tokens, first, j - 1, tokens[j].start)
    if pb < pa or not _names_someone(text[tokens[pa].start:tokens[pb].end]):
        return None
    return pa, pb


def _relative_subject(text: str, tokens: list[Token], i: int) -> bool:
    """'which' or 'that' at token i is the subject of a relative clause on the noun before it ('the poll that showed',
    'Monsanto, which opposed'), not a conjunction after a verb ('said that') or a demonstrative ('and that shows')."""
    low, prev = tokens[i].lower, tokens[i - 1]
    gap = _gap(text, tokens, i - 1, tokens[i].start)
    if low == "which":
        ok_gap = gap.strip() in ("", ",")
    elif low == "that":
        ok_gap = gap.strip() == ""
    else:
        return False
    return ok_gap and _np_word(prev) and prev.lower not in DETERMINERS and prev.lower not in NP_PREPOSITIONS \
        and prev.lower not in NOT_COMPLEMENT and prev.lower not in PRONOUNS and prev.lower not in ("and", "or", "but")


def _before_relative_clause(text: str, tokens: list[Token], first: int, i: int, cue_start: int) -> int:
    """Skip back over ', who ... ,' before a cue: the index of the last word before the clause, else i. A clause with
    commas of its own ('Beck, who supported Sen. Ted Cruz, R-Texas, and opposed Trump, said') is skipped when a
    comma stands before its 'who' or 'whose' (a non-restrictive relative clause; Quirk et al. 1985, sec. 17.22)."""
    j = i
    while j >= first and i - j < MAX_SPEAKER_TOKENS:
        if tokens[j].lower in RELATIVE and j > first:
            return _before_party_tag(text, tokens, first, j - 1)
        if j < i and any(ch in _gap(text, tokens, j, cue_start) for ch in ";:.,"):
            break
        j -= 1
    j = i
    while j > first and i - j < 2 * MAX_SPEAKER_TOKENS:
        gap = _gap(text, tokens, j - 1, cue_start)
        if tokens[j].lower in ("who", "whose") and gap.strip().endswith(","):
            return _before_party_tag(text, tokens, first, j - 1)
        if j < i and (any(ch in gap for ch in ";:“”\"()—–") or " - " in gap or (re.search(r"\.\s", gap)
                      and not _abbreviation_before(text, tokens[j - 1].start, tokens[j - 1].end + gap.index(".")))):
            break
        j -= 1
    return i


def _before_party_tag(text: str, tokens: list[Token], first: int, k: int) -> int:
    """The last word before a party tag that ends at token k ('Sen. Claire McCaskill (D-Mo.), who ...'), else k."""
    if not re.match(r"\.?\)", text[tokens[k].end:tokens[k].end + 2]):
        return k
    m = k
    while m > first and k - m < 5 and "(" not in _gap(text, tokens, m - 1, tokens[m].start):
        m -= 1
    return m - 1 if m > first and k - m < 5 else k


def _walk_np(text: str, tokens: list[Token], first: int, i: int, end: int) -> tuple[int, int]:
    """Token range of the noun phrase ending at token i, walked back over words that can stand in one."""
    if tokens[i].lower in PRONOUNS:
        return i, i
    j, tagged = i, False
    while j >= first and i - j < MAX_SPEAKER_TOKENS:
        tok = tokens[j]
        if j > first and _party_tag(text, tok) and (j == i or TAG_CLOSE_RE.fullmatch(_gap(text, tokens, j, end))):
            # 'Sen. Ted Cruz (R-Texas) and Sen. Tim Kaine said', 'Rep. Sander M. Levin (Mich.), ...': the tag stays
            j, tagged = j - 1, True
            continue
        if j < i and not tagged and _is_break(_gap(text, tokens, j, end)):
            break
        tagged = False
        if tok.lower in ("and", "or", "nor"):
            # 'Google and Yahoo said': a compound of names; otherwise 'and' ('or') starts a new clause
            if j > first and j < i and tokens[j - 1].text[:1].isupper() and tokens[j + 1].text[:1].isupper():
                j -= 1
                continue
            k = _apposition_start(text, tokens, first, j, end)
            if k is None:
                break
            j = k  # 'Stephen Moore, a conservative economist and former member of ..., said': one apposition
            continue
        if not (_np_word(tok) or _adjectival(tokens, first, j)) or tok.lower in PRONOUNS:
            break
        j -= 1
    a = j + 1
    while a <= i and (tokens[a].lower in NP_PREPOSITIONS or tokens[a].lower in ("and", "or", "nor", "but", "then", "so")):
        a += 1
    return a, i


PARTY_TAG_TOKEN_RE = re.compile(r"(?:[RDI]-)?[A-Z][A-Za-z.]*")
TAG_CLOSE_RE = re.compile(r"\.?\)\s*")


def _party_tag(text: str, tok: Token) -> bool:
    """Whether the token is a party or state tag in brackets after a name ('(R-Texas)', '(D-Va.)', '(Mich.)')."""
    return text[tok.start - 1:tok.start] == "(" and PARTY_TAG_TOKEN_RE.fullmatch(tok.text) is not None \
        and text[tok.end:tok.end + 2].lstrip(".").startswith(")")


def _apposition_start(text: str, tokens: list[Token], first: int, j: int, end: int) -> int | None:
    """For 'and' at token j inside an apposition ('..., a top fundraiser and veteran lobbyist'): the index of the
    word before the apposition's comma, else None."""
    k = j - 1
    while k >= first and j - k < 8 and _np_word(tokens[k]) and tokens[k].lower not in PRONOUNS:
        if k < j - 1 and _is_break(_gap(text, tokens, k, end)):
            break
        k -= 1
    start = k + 1
    if start < j and tokens[start].lower in ("a", "an") and start - 1 >= first and "," in _gap(text, tokens, start - 1, end):
        return start - 1
    return None


def _np_forward(text: str, tokens: list[Token], tok_starts: list[int], start: int, hi: int) -> tuple[int, int]:
    """The noun phrase that starts at `start` ('the ministry' in 'In a statement, the ministry condemned ...')."""
    a = bisect.bisect_left(tok_starts, start)
    b = a
    while b < len(tokens) and tokens[b].start < hi and b - a < MAX_SPEAKER_TOKENS and _np_word(tokens[b]):
        if b > a and _is_break(text[tokens[b - 1].end:tokens[b].start]):
            break
        b += 1
    if b > a and (verb := _verb_after_name(tokens, a, b - 1)) is not None:
        b = verb  # 'Mrs. Clinton spoke again': the verb after the name ends the phrase
    return (tokens[a].start, tokens[b - 1].end) if b > a else (start, start)


def _verb_after_name(tokens: list[Token], a: int, b: int) -> int | None:
    """The first finite verb right after a capitalised word among tokens a..b ('Mr. McCarthy spent much of the day')."""
    after_name = [k for k in range(a + 1, b + 1) if tokens[k].text.islower() and tokens[k - 1].text[:1].isupper()]
    if not after_name:
        return None
    tags = pos_tags(tokens, [(after_name[0], after_name[-1])])
    return next((k for k in after_name if tags.get(k) in FINITE_TAGS), None)


def _subject_before_asides(text: str, tokens: list[Token], tok_starts: list[int], lo: int, sp_start: int,
                           cue_start: int) -> int:
    """Where the speaker phrase starts when asides stand between the sentence's subject and the cue ('Mark Holden,
    chairman of Freedom Partners, the network's funding arm, said'): the subject that opens the sentence (or follows
    a quotation in it: '“...,” Michael Bloomberg, the former mayor, said'), if it is
    followed by a comma (or a party tag and a comma) and the cue by one, or by one and the cue's auxiliaries ('Social
    media companies, facing pressure ..., have promised'); else `sp_start`."""
    group = VERB_GROUP_BEFORE_RE.search(text, max(sp_start, cue_start - 60), cue_start)
    if not re.search(r",\s*$", text[sp_start:group.start() if group else cue_start]):
        return sp_start
    lo = _skip(text, lo, cue_start)
    closing = max(text.rfind("”", lo, sp_start), text.rfind('"', lo, sp_start))
    if closing != -1 and (after := re.match(r"\s+(?=[A-Z])", text[closing + 1:sp_start])):
        lo = closing + 1 + after.end()  # '“a sane, competent person,” Michael Bloomberg, the former mayor, said'
    a = bisect.bisect_left(tok_starts, lo)
    if a + 1 < len(tokens) and tokens[a].lower in COORDINATORS and not text[tokens[a].end:tokens[a + 1].start].strip():
        lo = tokens[a + 1].start  # 'But Mr. Trump, who ..., said': past the coordinator that opens the sentence
    start = _after_intro(text, tokens, tok_starts, lo, cue_start)
    if start >= sp_start or sp_start - start > 300 or any(q in text[lo:sp_start] for q in "“”\""):
        return sp_start
    a, b = _np_forward(text, tokens, tok_starts, start, cue_start)
    if b <= a or b >= sp_start or not re.match(r"(?:\s*\([^()]{1,20}\))?,|\s*\($", text[b:sp_start]) \
            or not _names_someone(text[a:b]) or not text[a].isupper():
        return sp_start
    return a


# A dateline before a news story's first sentence: a place in capitals, a date, a news agency in brackets, then a dash
# ('WASHINGTON (AP) — ', 'PARIS, Aug 31 (Reuters) - ', 'Dec 29 (Reuters) - ', 'New York (AFP) – '); it names no speaker
DATELINE_RE = re.compile(r"(?:[A-Z][A-Z.’'-]+(?:\s+[A-Z][A-Z.’'-]+){0,3}(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)?"
                         r"(?:,?\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2})?(?:\s*\([A-Za-z. ]{2,20}\))?"
                         r"|(?:[A-Z][\w.]*\s+){0,2}?(?:[A-Z][\w.]*|[A-Z][a-z]{2,4}\.?\s+\d{1,2})\s*\([A-Za-z. ]{2,20}\))"
                         r"\s*(?:—|–|―|--?)\s+")


# A phrase of time that opens a sentence ('A few days later,', 'Two years ago,'; Quirk et al. 1985, sec. 8.87)
# 'A few days later, ...', 'A day after the ban, ...': a time before the subject
TIME_INTRO_RE = re.compile(r"(?:[\w’'-]+\s+){1,4}(?:later|ago|earlier|afterwards?),\s*|"
                           r"(?:a|an|one|two|three|the)\s+(?:day|days|week|weeks|month|months|year|years|hour|hours)\s+"
                           r"(?:after|before)\s[^,;:“”\"]{1,80},\s*|"
                           # 'Last year Romney had signed ...': a short time phrase without its comma, then a name
                           r"(?:last|this|next|earlier\s+this|late\s+last|early\s+last)\s+(?:year|week|month|night|"
                           r"weekend|spring|summer|fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|"
                           r"saturday|sunday)\s+(?-i:(?=[A-Z]))", re.I)


def _after_intro(text: str, tokens: list[Token], tok_starts: list[int], lo: int, hi: int) -> int:
    """Where a sentence's subject starts: after a dateline ('WASHINGTON (AP) — ...') and an introductory phrase and
    its comma ('Facing criticism, ...', 'Essentially, ...', 'As leaders met, ...'), else `lo`."""
    dateline = DATELINE_RE.match(text, lo, hi)
    if dateline:
        lo = dateline.end()
    a = bisect.bisect_left(tok_starts, lo)
    if a < len(tokens) and tokens[a].start < hi and (tokens[a].lower in INTRO_WORDS or tokens[a].lower.endswith(("ing", "ly"))):
        comma = text.find(",", tokens[a].end, hi)
        if comma != -1:
            return _past_asides(text, _skip(text, comma + 1, hi), hi)
    time = TIME_INTRO_RE.match(text, tokens[a].start, hi) if a < len(tokens) and tokens[a].start < hi else None
    if time:
        return time.end()  # 'A few days later, Trump ...', 'Two years ago, the senator ...'
    if a < len(tokens) and tokens[a].start < hi and (tokens[a].lower in INTRO_ADVERBS or tokens[a].lower in WEEKDAYS):
        comma = text.find(",", tokens[a].end, min(hi, tokens[a].end + 40))  # 'Later on Sunday, Carson ...'
        if comma != -1:
            return _skip(text, comma + 1, hi)
    return lo


ASIDE_SEGMENT_RE = re.compile(r"([^,;:“”\"()—–]{1,60}),\s*")


def _past_asides(text: str, pos: int, hi: int) -> int:
    """Past what still belongs to an introductory phrase: the state after its town ('in Salem, New Hampshire, Trump')
    and further introductory or participial phrases set off by commas ('..., on Sunday, Mrs. Clinton', '..., after
    winning Ohio,', '..., trading dueling views of the judge,')."""
    for _ in range(3):
        m = ASIDE_SEGMENT_RE.match(text, pos, hi)
        first = m.group(1).split()[0] if m else ""
        if not m or not (is_place(m.group(1)) or first.lower() in INTRO_WORDS
                         or (first.islower() and first.endswith("ing"))):
            break
        pos = m.end()
    return pos


def _leading_np(text: str, tokens: list[Token], tok_starts: list[int], lo: int, hi: int) -> tuple[int, int]:
    """The subject at the start of a sentence ('White House press secretary Sean Spicer on Tuesday ...'), after an
    introductory phrase ('Facing criticism, Mr. Trump ...', 'Essentially, the lawyers ...') or a coordinator ('But
    Mr. Trump ...')."""
    a = bisect.bisect_left(tok_starts, lo)
    if a + 1 < len(tokens) and tokens[a].start < hi and tokens[a].lower in COORDINATORS:
        lo = tokens[a + 1].start
    start = _after_intro(text, tokens, tok_starts, lo, hi)
    if start != lo:
        return _np_forward(text, tokens, tok_starts, start, hi)
    a = bisect.bisect_left(tok_starts, lo)
    if a < len(tokens) and tokens[a].lower.endswith("ing") and tokens[a].text[:1].isupper():
        return lo, lo  # 'Listening to Mr. Bloomberg rage ..., labeling him': a participle clause, no subject
    b = a
    while b < len(tokens) and tokens[b].start < hi and b - a < MAX_SPEAKER_TOKENS and (
            tokens[b].text[:1].isupper() or tokens[b].lower in DETERMINERS):
        if b > a and _is_break(text[tokens[b - 1].end:tokens[b].start]):
            break
        b += 1
    if b == a + 1 and b < len(tokens) and tokens[b].start < hi and tokens[b].text.islower() \
            and not _is_break(text[tokens[a].end:tokens[b].start]) and lexicon_tag(tokens[a].lower) not in ("", "NNP"):
        # 'Democratic presidential nominee Hillary Clinton, whose ...', 'The plaintiffs have presented': a capitalised
        # word of the common vocabulary (not a name: 'Perry ties ...') that premodifies a noun phrase, not the subject
        return _subject_np(text, tokens, tok_starts, tokens[a].start, hi)
    return (tokens[a].start, tokens[b - 1].end) if b > a else (lo, lo)


def _quote_speakers(text: str, quotes: list[Quote], atts: list[Attribution], sents: list[Segment]) -> dict[int, Speaker]:
    """Speaker of each quotation: its own attribution, the previous quote it continues, or none."""
    speakers: dict[int, Speaker] = {}
    cue_starts = [a.cue_start for a in atts]
    att_sentences = {a.sentence for a in atts}
    sent_starts = [s.start for s in sents]
    for qi, q in enumerate(quotes):
        near = atts[bisect.bisect_left(cue_starts, q.start - OWNER_WINDOW):bisect.bisect_right(cue_starts, q.end + OWNER_WINDOW)]
        owner = next((a for a in near if any(s <= q.inner_start and q.inner_end <= e + 2 for s, e in a.scope)), None)
        if owner is None:
            owner = next((a for a in near if any(s < q.inner_end and q.inner_start < e for s, e in a.scope)), None)
        if owner is not None:
            speakers[qi] = owner.speaker
            continue
        if qi > 0 and (qi - 1) in speakers:
            prev = quotes[qi - 1]
            same_para = prev.paragraph == q.paragraph
            between_words = len(text[prev.end:min(q.start, prev.end + 600)].split())
            between = atts[bisect.bisect_left(cue_starts, prev.end):bisect.bisect_left(cue_starts, q.start)]
            no_cue_between = all(a.speaker.name == speakers[qi - 1].name for a in between)  # 'who asked not to ...'
            para_start = text.rfind("\n", max(0, q.start - 2), q.start) + 1 if q.start else 0
            next_para_runs_on = (q.paragraph == prev.paragraph + 1 and (q.continues_previous or (
                q.start == para_start and bisect.bisect_right(sent_starts, q.start) - 1 not in att_sentences)))
            if no_cue_between and ((same_para and between_words <= 40) or next_para_runs_on):
                speakers[qi] = speakers[qi - 1]
    return speakers


__all__ = ["Attribution", "colon_cues", "complement_cues", "dash_cues", "find_attributions", "make_speaker", "poll_cues"]
