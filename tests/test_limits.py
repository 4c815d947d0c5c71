"""Hostile input where data enters the corpus: limits, control characters, zip bombs, ids, dates, checked writes."""
import io
import json
import subprocess
import sys
import time
import zipfile

import pytest

from analysis.corpus import store
from analysis.corpus.dates import parse_date
from analysis.corpus.extract import extract
from analysis.corpus.folder import load_corpus
from analysis.corpus.ids import slug
from analysis.corpus.importer import import_table, read_table
from analysis.corpus.limits import Limits, check_field
from analysis.corpus.store import DuplicateArticle, NameTaken, NewArticle, save_article
from analysis.text.textio import InputError, atomic_write, decode_text
from tests.support import ROOT

CORPUS = ROOT / "corpus"
TEXT = "Two US bombers flew near Korea on Sunday, officials said. North Korea called it a provocation."
LONG = "H" * 140_000


def article(text=TEXT, **kw):
    return NewArticle(**{"text": text, "outlet": "cnn", "date": "2017-07-09", "headline": "Bombers", **kw})


def user_ids(user):
    return [a.id for a in load_corpus(CORPUS, user).articles if a.origin == "user"]


def test_a_140000_character_headline_is_refused_and_hides_nothing(tmp_path):
    user = tmp_path / "user"
    first = save_article(CORPUS, user, article())
    with pytest.raises(InputError, match="headline: 140,000 characters is over the limit of 500"):
        save_article(CORPUS, user, article("Another text, officials said.", headline=LONG))
    with pytest.raises(InputError, match="author: 140,000 characters"):
        save_article(CORPUS, user, article("Another text, officials said.", author=LONG))
    with pytest.raises(InputError, match="URL: 140,008 characters"):
        save_article(CORPUS, user, article("Another text, officials said.", url="https://" + LONG))
    assert user_ids(user) == [first]
    later = save_article(CORPUS, user, article("A later article, analysts said."))  # saving still works
    assert user_ids(user) == [first, later]


def test_a_manifest_with_a_huge_or_broken_row_still_loads_every_other_row(tmp_path):
    user = tmp_path / "user"
    first = save_article(CORPUS, user, article())
    manifest = user / "manifest.csv"
    header, row = manifest.read_text().splitlines()
    (user / "articles" / "long.txt").write_text("A hand-added article, officials said.")
    long_row = ",".join(["long", "long.txt", "cnn", "2017-07-10", "", LONG, "", "", "", ""])
    broken = '"broken,broken.txt,cnn,2017-07-10,,A "quoted" title,,,,'
    manifest.write_text("\n".join([header, long_row, broken, row]) + "\n")
    corpus = load_corpus(CORPUS, user)
    assert sorted(a.id for a in corpus.articles if a.origin == "user") == sorted(["long", first])
    assert corpus.article("long").headline == LONG
    assert [str(i) for i in corpus.issues] == ["manifest.csv: line 3 cannot be read (broken quoting)"]
    with pytest.raises(InputError, match="line 3 cannot be read"):  # saving says where, and changes nothing
        save_article(CORPUS, user, article("Another text, analysts said."))


def test_nul_characters_are_removed_said_and_a_second_import_is_a_duplicate(tmp_path):
    user = tmp_path / "user"
    line = json.dumps({"text": "The drill\u0000 was provocative, officials said.", "date": "2017-07-09",
                       "outlet": "cnn", "title": "NUL\u0000 title"}) + "\n"
    data = line.encode() + json.dumps({"text": "Fine text, experts said.", "date": "2017-07-09",
                                       "title": LONG}).encode() + b"\n"
    report = import_table(CORPUS, user, read_table("x.jsonl", data), outlet="cnn")
    assert not report.imported
    errors = {e.row: str(e) for e in report.errors}
    assert "control character" in errors[1] and "140,000 characters" in errors[2]
    clean_line = line.replace("NUL\\u0000 title", "A title")
    report = import_table(CORPUS, user, read_table("x.jsonl", clean_line.encode()))
    [aid] = report.imported
    assert load_corpus(CORPUS, user).article(aid).raw == "The drill was provocative, officials said."
    again = import_table(CORPUS, user, read_table("x.jsonl", clean_line.encode()))
    assert not again.imported and "already in the corpus" in str(again.errors[0])
    assert not load_corpus(CORPUS, user).issues


def test_utf16_uploads_with_and_without_bom_and_nul_say_what_was_removed():
    text = "“Provocative,” he said.\u0000 North Korea called it a drill."
    for enc in ("utf-16", "utf-16-le", "utf-16-be"):
        ex = extract("a.txt", text.encode(enc))
        assert ex.text == "“Provocative,” he said. North Korea called it a drill."
        assert any("1 invisible control character" in n for n in ex.notes)
    assert decode_text("He said it was a drill.".encode("utf-16-le")) == "He said it was a drill."


def test_cli_reads_utf16_without_bom_and_reports_long_fields(tmp_path):
    p = subprocess.run([sys.executable, "-m", "analysis", "spans", "-"], cwd=ROOT, capture_output=True, timeout=120,
                       input="Officials said the so-called drill was provocative.".encode("utf-16-le"))
    assert p.returncode == 0 and b"so-called" in p.stdout, p.stderr
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": TEXT, "date": "2017-07-09", "title": LONG}) + "\n"
                   + json.dumps({"text": "Second text, officials said.", "date": "2017-07-09"}) + "\n")
    p = subprocess.run([sys.executable, "-m", "analysis", "import", str(src), "--outlet", "cnn", "--user-corpus",
                        str(tmp_path / "user")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "imported 1 article(s), skipped 1 row(s)" in p.stdout
    assert "row 1: headline: 140,000 characters is over the limit of 500" in p.stderr


@pytest.fixture(scope="module")
def zip_bomb():
    """A 1 MB .docx whose document part unpacks to 1 GB of zeros."""
    from docx import Document
    buf = io.BytesIO()
    Document().save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                z.writestr(item, src.read(item))
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(1024):
                fh.write(chunk)
    return out.getvalue()


def test_a_docx_zip_bomb_is_refused_from_its_directory_alone(zip_bomb):
    assert len(zip_bomb) < 1.1 * 2**20
    t0 = time.perf_counter()
    with pytest.raises(InputError, match=r"'word/document.xml' alone is 1,073,741,824\)"):
        extract("bomb.docx", zip_bomb)
    assert time.perf_counter() - t0 < 1.0


def test_docx_text_over_the_limit_after_extraction_is_refused():
    from docx import Document
    doc = Document()
    for _ in range(30):
        doc.add_paragraph("The drill was provocative, officials said. " * 100)
    buf = io.BytesIO()
    doc.save(buf)
    assert len(buf.getvalue()) < 60_000
    with pytest.raises(InputError, match="bytes of text is over the limit of 100,000 bytes"):
        extract("big.docx", buf.getvalue(), Limits(text_bytes=100_000, docx_bytes=10**7))


@pytest.mark.parametrize("value", ["2020-13-45", "2020-01-08\n", "2019-02-29", "08/01/2020", ""])
def test_impossible_or_padded_dates_are_refused(value, tmp_path):
    with pytest.raises(InputError, match="date"):
        save_article(CORPUS, tmp_path / "user", article(date=value))
    assert parse_date("2020-02-29") == "2020-02-29"


def test_non_latin_outlets_get_distinct_readable_ids(tmp_path):
    user = tmp_path / "user"
    outlets = ["北京日报", "Москва Таймс", "Ελληνικά Νέα"]
    for k, name in enumerate(outlets):
        save_article(CORPUS, user, article(f"Text number {k}, officials said.", outlet=name))
    corpus = load_corpus(CORPUS, user)
    got = {a.outlet for a in corpus.articles if a.origin == "user"}
    assert got == {"beijingribao", "moskva-tayms", "ellinika-nea"}
    assert {corpus.outlets[o].name for o in got} == set(outlets)
    assert slug("!!!") != slug("???") and slug("a" * 80, 30) != slug("a" * 81, 30)


def test_a_new_outlet_whose_id_exists_asks_to_merge_or_rename(tmp_path):
    user = tmp_path / "user"
    with pytest.raises(NameTaken, match="'CNN!!' would get the id 'cnn' of the existing outlet 'CNN'") as info:
        save_article(CORPUS, user, article(outlet="CNN!!"))
    assert info.value.existing_id == "cnn"
    assert not user_ids(user)
    aid = save_article(CORPUS, user, article(outlet=" cnn "))  # the same name: the existing outlet
    assert load_corpus(CORPUS, user).article(aid).outlet == "cnn"
    save_article(CORPUS, user, article("First, officials said.", event="", new_event_title="Drill!"))
    with pytest.raises(NameTaken, match="event 'Drill\\?'"):
        save_article(CORPUS, user, article("Second, officials said.", new_event_title="Drill?"))
    save_article(CORPUS, user, article("Third, officials said.", new_event_title="drill!"))  # same event


def test_control_characters_and_bidi_overrides_in_fields_are_refused_line_breaks_made_spaces():
    limits = Limits()
    assert check_field("headline", "  Two\n lines\t here ", limits) == "Two lines here"
    for bad in ("a\x00b", "a\x1b[31mb", "abc\u202edcb"):
        with pytest.raises(InputError, match="control character"):
            check_field("headline", bad, limits)
    with pytest.raises(InputError, match="not a web address"):
        save_article(CORPUS, ROOT / "nowhere", article(url="javascript:alert(1)"))


def test_rows_per_bulk_import_are_limited():
    data = b"text,date\n" + b"".join(b"Text %d.,2017-07-09\n" % k for k in range(5))
    assert len(read_table("t.csv", data, limits=Limits(rows=5)).rows) == 5
    with pytest.raises(InputError, match="6 rows is over the limit of 5 rows per import"):
        read_table("t.csv", data + b"One more.,2017-07-09\n", limits=Limits(rows=5))


def test_a_write_that_does_not_read_back_never_replaces_the_old_file(tmp_path):
    target = tmp_path / "t.csv"
    target.write_text("old")

    def refuse(tmp):
        assert tmp.read_bytes() == b"new"
        raise InputError("bad copy")
    with pytest.raises(InputError, match="bad copy"):
        atomic_write(target, b"new", check=refuse)
    assert target.read_text() == "old" and not list(tmp_path.glob("*.tmp"))
    with pytest.raises(InputError, match="could not be read back"):
        store._write_text(tmp_path / "x.txt", "looks\x00binary")
    assert not (tmp_path / "x.txt").exists()


def test_duplicates_are_found_after_control_characters_go(tmp_path):
    user = tmp_path / "user"
    save_article(CORPUS, user, article("The drill was\x00 provocative."))
    with pytest.raises(DuplicateArticle):
        save_article(CORPUS, user, article("The drill was provocative."))


def test_an_upload_box_takes_what_the_text_and_docx_limits_allow():
    assert Limits().upload_mb == 20  # a .docx of 20 MB uncompressed; the text limit (5 MB) applies after extraction
    assert Limits(text_bytes=10 * 2**20, docx_bytes=2**20).upload_mb == 40
