import csv
import re
import shutil
from pathlib import Path

import pytest

from analysis.detect.lexicon import (
    DATA_DIR,
    LEXICON_FILES,
    Matcher,
    lexicon_version,
    load_lexicon,
    load_words,
    read_entries,
    tokenize,
)


@pytest.mark.parametrize("name", LEXICON_FILES)
def test_every_entry_has_a_source_a_note_and_a_valid_rule(name):
    entries = read_entries(DATA_DIR / name)
    assert len(entries) >= 30
    for e in entries:
        assert e.source and e.note and e.category and e.subcategory
    terms = [e.term for e in entries]
    assert len(terms) == len(set(terms)), "duplicate terms"


def test_every_word_class_the_code_asks_for_is_in_words_csv_with_a_note_and_a_source():
    code = "\n".join(p.read_text(encoding="utf-8") for p in Path(DATA_DIR).parent.rglob("*.py"))
    asked = set(re.findall(r"word_class\(\"(\w+)\"\)", code))
    classes = load_words()
    assert len(asked) >= 40 and sorted(asked - set(classes)) == []
    with (DATA_DIR / "words.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["note"].strip() and r["source"].strip() for r in rows)
    assert {"monday", "december"} <= classes["weekday"] | classes["month"] and "ministry" in classes["not_name_word"]


def test_a_word_class_without_a_source_is_rejected(tmp_path):
    p = tmp_path / "words.csv"
    p.write_text("class,words,note,source\nweekday,monday tuesday,Days.,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="source"):
        load_words(p)


def test_lexicon_version_changes_with_any_entry(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    before = lexicon_version(data)
    with (data / "loaded.csv").open("a", encoding="utf-8") as fh:
        fh.write('jingoistic,loaded,emotive,strong,,patriotic,"Test entry.",Test\n')
    assert lexicon_version(data) != before
    assert any(e.term == "jingoistic" for e in load_lexicon(data).entries)


def test_entry_without_source_is_rejected(tmp_path):
    p = tmp_path / "bad.csv"
    with p.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["term", "category", "subcategory", "rule", "neutral_alternative", "note", "source"])
        w.writerow(["menacing", "loaded", "escalation", "", "", "note", ""])
    with pytest.raises(ValueError, match="source"):
        read_entries(p)


def test_matcher_handles_phrases_prefixes_and_hyphens():
    text = "Sabre-rattling, a show of force and provocations provoked nothing; menaces grew."
    entries = [e for e in load_lexicon().entries if e.category == "loaded"]
    found = [m.entry.term for m in Matcher(entries).find(text, tokenize(text))]
    assert found == ["sabre-rattling", "show of force", "provocat*", "menac*"]
    assert [t.text for t in tokenize("The U.S. flew B-1B bombers.")] == ["The", "U.S.", "flew", "B-1B", "bombers"]


def test_not_prev_within_rule():
    from analysis.detect.lexicon import Entry, Matcher, tokenize
    e = Entry("would", "hedge", "condition", "not_prev_within:4:said", "", "", "test")
    m = Matcher([e])
    hits = lambda t: [x.entry.term for x in m.find(t, tokenize(t))]  # noqa: E731
    assert hits("He said the plan would work.") == []
    assert hits("The plan would work.") == ["would"]
    assert hits("He said so. The plan would work.") == ["would"]  # never across a sentence end


@pytest.mark.parametrize("text, cues", [
    ("The defending champions lost.", []),
    ("She spoke in a mocking tone.", []),
    ("His warning went unheeded.", []),
    ("The senator, defending the plan, said it would pass.", ["defending", "said"]),
    ("Critics are mocking the plan.", ["mocking"]),
])
def test_an_ing_word_after_a_determiner_is_no_verb_of_saying(text, cues):
    from analysis.detect.attribution import without_noun_uses
    found = without_noun_uses(text, tokenize(text), load_lexicon().cues.find(text, tokenize(text)))
    assert [m.entry.term for m in found] == cues
