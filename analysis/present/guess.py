"""Guess the outlet: an article with every outlet's name, the byline and web addresses masked (cleaning already
took out datelines and boilerplate), and what gave the outlet away: its distinctive words, the names it uses
for the actors, and the loaded words in its own voice."""
from __future__ import annotations

import random
import re
from urllib.parse import urlsplit

import pandas as pd

from analysis.corpus.workspace import CorpusView
from analysis.measure.distinctive import count_words, distinctive, self_names
from analysis.measure.naming import mentions

MASK = "▇▇▇"
SIGNIFICANT_Z = 1.96


def mask_terms(view: CorpusView, article_id: str) -> list[str]:
    """What to hide: every outlet's name, id and web address (not only this one's), and the article's author."""
    terms = set()
    for o in view.corpus.outlets.values():
        terms.update({o.name, o.id})
        if o.name.lower().startswith("the "):
            terms.add(o.name[4:])
        host = urlsplit(o.homepage).hostname or ""
        if host:
            terms.update({host, host.removeprefix("www.")})
    author = view.corpus.article(article_id).author
    if author:
        terms.add(author)
        terms.update(p for p in author.split() if len(p) > 2)
    return sorted((t for t in terms if len(t) > 1), key=len, reverse=True)


def _terms_regex(terms: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in terms) + r")(?![\w-])", re.IGNORECASE)


def masked(text: str, terms: list[str]) -> tuple[str, int]:
    """The text with every term (whole words, any case) replaced by a mask, and how many were replaced."""
    if not terms:
        return text, 0
    return _terms_regex(terms).subn(MASK, text)


def blanked(text: str, terms: list[str]) -> str:
    """The text with every letter of every term (whole words, any case) blacked out, offsets unchanged (so spans and
    words found in the text still point at the right places): 'Fox News Sunday' -> '▇▇▇ ▇▇▇▇ Sunday'."""
    if not terms:
        return text
    return _terms_regex(terms).sub(lambda m: re.sub(r"\S", MASK[0], m.group()), text)


def shuffled(article_ids: list[str], seed: int = 0) -> list[str]:
    """Articles in a fixed shuffled order (so that "Text A" or "Puzzle 2" does not give the outlet away)."""
    ids = sorted(article_ids)
    random.Random(seed).shuffle(ids)
    return ids


def distinctive_in_article(view: CorpusView, article_id: str, top: int = 12) -> pd.DataFrame:
    """Words of this article that its outlet uses more than the other outlets of the corpus (z above 1.96)."""
    ids = [a.id for a in view.corpus.articles]
    groups = [a.outlet for a in view.corpus.articles]
    if len(set(groups)) < 2:
        return pd.DataFrame(columns=["word", "in_this_article", "per_1k", "per_1k_other", "z"])
    outlets = {o: view.outlet_names.get(o, o) for o in set(groups)}
    counts = count_words([view.text(a).text for a in ids], groups, exclude=self_names(outlets))
    table = distinctive(counts, view.outlet_of(article_id))
    row = counts.matrix[ids.index(article_id)]
    here = dict(zip(counts.words[row.indices], row.data.tolist()))
    table = table[table["word"].isin(here) & (table["z"] >= SIGNIFICANT_Z)].head(top)
    return pd.DataFrame({"word": table["word"], "in_this_article": [here[w] for w in table["word"]],
                         "per_1k": table["per_1k"].round(2), "per_1k_other": table["per_1k_other"].round(2),
                         "z": table["z"].round(2)}).reset_index(drop=True)


def choices(view: CorpusView, article_id: str) -> list[str]:
    """The outlets to guess from: those with an article on the article's event, else on its story (one outlet alone
    would give the answer away), else every outlet of the corpus."""
    links = view.links
    mine = links[links["article_id"] == article_id]
    for column in ("event_id", "story"):
        outlets = {view.outlet_of(a) for a in set(links.loc[links[column].isin(mine[column]), "article_id"])}
        if len(outlets) > 1:
            return sorted(outlets)
    return sorted(view.corpus.outlets)


def names_used(view: CorpusView, article_id: str, packs: tuple[str, ...] = ()) -> tuple[pd.DataFrame, int]:
    """How this article names the actors and how many of the other outlets' articles use the same name; and how
    many articles the other outlets have."""
    outlet = view.outlet_of(article_id)
    others = [view.text(a.id) for a in view.corpus.articles if a.outlet != outlet]
    used: dict[tuple[str, str], int] = {}
    for _s, _e, alias in mentions(view.text(article_id).text, packs):
        used[(alias.actor, alias.name)] = used.get((alias.actor, alias.name), 0) + 1
    rows = []
    names_in_others = [{a.name for _s, _e, a in mentions(x.text, packs)} for x in others] if used else []
    for (actor, name), n in sorted(used.items()):
        elsewhere = sum(name in names for names in names_in_others)
        rows.append({"actor": actor, "name": name, "uses": n, "other_articles": elsewhere})
    return pd.DataFrame(rows, columns=["actor", "name", "uses", "other_articles"]), len(others)


def own_voice_loaded(view: CorpusView, article_id: str) -> pd.DataFrame:
    """The loaded words this article uses in its own voice (not quoted), with the detector's explanation."""
    spans = view.analyses[article_id].body.spans
    own = spans[(spans["category"] == "loaded") & (spans["voice"] == "author")]
    return own[["text", "subcategory", "note", "neutral_alternative"]].reset_index(drop=True)
