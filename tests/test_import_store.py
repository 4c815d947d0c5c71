"""Bringing your own articles: extraction, bulk tables, and safe, atomic, duplicate-free saving."""
import io
import os
import threading

import pytest

from analysis.corpus.extract import extract
from analysis.corpus.folder import load_corpus
from analysis.corpus.importer import import_table, read_table
from analysis.corpus.store import DuplicateArticle, NewArticle, delete_article, save_article, slug, update_article
from analysis.text.textio import InputError
from tests.support import ROOT, WSWS

CORPUS = ROOT / "corpus"
HTML = (b'<html><head><title>Site | Bombers</title><meta name="author" content="Jane Doe">'
        b'<meta property="article:published_time" content="2017-07-09T08:00:00Z"></head><body><nav>Home News</nav>'
        b'<article><h1>US bombers fly near Korea</h1><p>Two US bombers flew over the peninsula on Sunday, officials said. '
        b'North Korea called the drill provocative.</p><p>The flights were a show of force. <script>alert(1)</script>'
        b'<img src=x onerror="alert(2)"></p></article><footer>Subscribe now</footer></body></html>')


def article(text="Two bombers flew on Friday, officials said.", **kw):
    return NewArticle(**{"text": text, "outlet": "cnn", "date": "2017-07-09", "headline": "Bombers fly", **kw})


def test_html_upload_gives_main_text_and_metadata_without_scripts():
    ex = extract("page.html", HTML)
    assert ex.text.startswith("Two US bombers flew") and "show of force" in ex.text
    assert "alert" not in ex.text and "Home News" not in ex.text and "Subscribe" not in ex.text
    assert ex.headline == "US bombers fly near Korea" and ex.author == "Jane Doe" and ex.date == "2017-07-09"


def test_docx_upload():
    from docx import Document
    doc = Document()
    doc.core_properties.title = "Draft on bombers"
    doc.add_paragraph("First paragraph, officials said.")
    doc.add_paragraph("Second paragraph.")
    buf = io.BytesIO()
    doc.save(buf)
    ex = extract("draft.docx", buf.getvalue())
    assert ex.text == "First paragraph, officials said.\n\nSecond paragraph." and ex.headline == "Draft on bombers"
    with pytest.raises(InputError, match=r"not a readable \.docx"):
        extract("fake.docx", b"PK\x03\x04 not really a zip")


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"   \n\t  ", "is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 100, "binary"),
    ("huge.txt", b"word " * (6 * 1024 * 1024 // 5), "over the limit of 5,242,880 bytes"),
    ("virus.exe", b"MZ", "unsupported file type"),
    ("empty.html", b"<html><body><script>x()</script></body></html>", "no article text"),
])
def test_bad_uploads_get_clear_messages(name, data, message):
    with pytest.raises(InputError, match=message):
        extract(name, data)


def test_latin1_and_utf16_text_is_decoded_without_garbling_quotes():
    latin = "Caf\xe9 talks: \x93provocative\x94 drills, officials said.".encode("latin-1")
    assert extract("a.txt", latin).text == "Café talks: “provocative” drills, officials said."
    plain = "Caf\xe9 \xabtalks\xbb".encode("latin-1")
    assert extract("b.txt", plain).text == "Café «talks»"
    utf16 = "“Provocative,” he said.".encode("utf-16")
    assert extract("c.txt", utf16).text == "“Provocative,” he said."
    assert extract("d.txt", "“Provocative,” he said.".encode("utf-16-le")).text == "“Provocative,” he said."


def test_save_writes_the_corpus_format_and_is_found_on_load(tmp_path):
    user = tmp_path / "user"
    aid = save_article(CORPUS, user, article(new_event_title="Bombers again", headline="Bombers fly"))
    corpus = load_corpus(CORPUS, user)
    assert not corpus.issues
    a = corpus.article(aid)
    assert a.origin == "user" and a.raw == "Two bombers flew on Friday, officials said."
    assert a.events[0][0].startswith("u-2017-07-09-bombers-again")
    assert (user / "articles" / f"{aid}.txt").exists() and (user / "manifest.csv").exists()
    assert not list(user.rglob("*.tmp"))


def test_same_article_is_not_added_twice_even_reformatted(tmp_path):
    user = tmp_path / "user"
    save_article(CORPUS, user, article())
    with pytest.raises(DuplicateArticle):
        save_article(CORPUS, user, article("Two bombers  flew on Friday,\nofficials said."))
    seed = (CORPUS / "articles" / f"{WSWS}.txt").read_text()
    with pytest.raises(DuplicateArticle, match=WSWS):
        save_article(CORPUS, user, article(seed))


def test_hostile_names_stay_inside_the_user_folder(tmp_path):
    user = tmp_path / "user"
    aid = save_article(CORPUS, user, article(headline="../../etc/passwd .txt"))
    assert "/" not in aid and ".." not in aid
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(user in p.parents for p in files)
    assert slug("../../etc/passwd.txt") == "etc-passwd-txt"
    aid2 = save_article(CORPUS, user, article("Another text.", outlet="../../Evil\nOutlet"))
    assert load_corpus(CORPUS, user).article(aid2).outlet == "evil-outlet"


def test_two_saves_of_the_same_article_at_once_keep_one(tmp_path):
    user = tmp_path / "user"
    results = []

    def go():
        try:
            results.append(save_article(CORPUS, user, article("Exactly the same text, officials said.")))
        except DuplicateArticle:
            results.append("duplicate")
    threads = [threading.Thread(target=go) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results).count("duplicate") == 5
    assert len([a for a in load_corpus(CORPUS, user).articles if a.origin == "user"]) == 1


def test_a_crash_in_the_middle_of_a_save_leaves_a_loadable_corpus(tmp_path, monkeypatch):
    user = tmp_path / "user"
    first = save_article(CORPUS, user, article())
    real_replace = os.replace

    def crash(src, dst):
        if str(dst).endswith("manifest.csv"):
            raise OSError("disk full")
        return real_replace(src, dst)
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        save_article(CORPUS, user, article("A second article, officials said."))
    with pytest.raises(OSError):
        update_article(CORPUS, user, first, article("Edited text."))
    monkeypatch.setattr(os, "replace", real_replace)
    corpus = load_corpus(CORPUS, user)
    assert not corpus.issues
    assert [a.id for a in corpus.articles if a.origin == "user"] == [first]
    assert not list(user.rglob("*.tmp"))


def test_edit_and_delete_user_articles_but_never_bundled_ones(tmp_path):
    user = tmp_path / "user"
    aid = save_article(CORPUS, user, article())
    update_article(CORPUS, user, aid, article("Edited: the drill was menacing, officials said.", headline="Edited"))
    a = load_corpus(CORPUS, user).article(aid)
    assert a.raw.startswith("Edited:") and a.headline == "Edited"
    with pytest.raises(InputError, match="protected"):
        delete_article(user, WSWS)
    delete_article(user, aid)
    assert not any(a.origin == "user" for a in load_corpus(CORPUS, user).articles)
    assert (CORPUS / "articles" / f"{WSWS}.txt").exists()


def test_bulk_csv_with_missing_columns_and_broken_quoting_imports_the_good_rows(tmp_path):
    data = (b'title,body,published,source\n'
            b'"Good one","The drill was provocative, officials said.",2017-07-09T10:00:00Z,CNN\n'
            b'"Broken "quote","text",2017-07-09,CNN\n'
            b'"No text","",2017-07-09,CNN\n'
            b'"Short row","only two"\n'
            b'"Bad date","Another text.",yesterday,CNN\n'
            b'"Second good","Bombers flew again, experts say.",2017-07-10,New Outlet\n')
    table = read_table("export.csv", data)
    assert table.columns == {"text": "body", "headline": "title", "date": "published", "outlet": "source"}
    report = import_table(CORPUS, tmp_path / "user", table)
    assert len(report.imported) == 2
    problems = [str(e) for e in report.errors]
    assert any("row 3" in p and "broken CSV quoting" in p for p in problems)
    assert any("row 4" in p and "empty text" in p for p in problems)
    assert any("row 5" in p and "2 fields" in p for p in problems)
    assert any("row 6" in p and "YYYY-MM-DD" in p for p in problems)
    corpus = load_corpus(CORPUS, tmp_path / "user")
    assert "new-outlet" in corpus.outlets


def test_bulk_jsonl_and_column_mapping(tmp_path):
    data = (b'{"story_text": "Officials said the flight was routine.", "when": "2017-07-09", "site": "cnn"}\n'
            b'not json\n'
            b'{"story_text": "Analysts said the flight was a show of force.", "when": "2017-07-10", "site": "wsws"}\n')
    with pytest.raises(InputError, match="no text column"):
        read_table("x.jsonl", data)
    table = read_table("x.jsonl", data, {"text": "story_text", "date": "when", "outlet": "site"})
    report = import_table(CORPUS, tmp_path / "user", table)
    assert len(report.imported) == 2 and [e.row for e in report.errors] == [2]


def test_import_cli(tmp_path):
    import subprocess
    import sys
    src = tmp_path / "in.csv"
    src.write_text("text,date\n\"The drill was menacing, officials said.\",2017-07-09\n\"\",2017-07-09\n")
    p = subprocess.run([sys.executable, "-m", "analysis", "import", str(src), "--outlet", "cnn",
                        "--user-corpus", str(tmp_path / "user")], cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 0 and "imported 1 article(s), skipped 1 row(s)" in p.stdout
    assert "row 3: empty text" in p.stderr
    build = f"python -m analysis build --user-corpus {tmp_path / 'user'}"
    assert p.stdout.splitlines()[-1] == f"The Over time page reads only the feature store: to show these articles there, run {build}"
    dry = subprocess.run([sys.executable, "-m", "analysis", "import", str(src), "--outlet", "cnn", "--dry-run",
                          "--user-corpus", str(tmp_path / "user2")], cwd=ROOT, capture_output=True, text=True)
    assert dry.returncode == 0 and "analysis build" not in dry.stdout
