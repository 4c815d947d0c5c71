"""The Add articles page in AppTest: paste, preview, save, duplicates, bad input, edit and delete."""
import pytest

from analysis.corpus.folder import load_corpus
from tests.support import ROOT, app

TEXT = "Two US bombers flew near Korea on Sunday, officials said. North Korea called it a menacing provocation."


@pytest.fixture
def user(private_dirs):
    return private_dirs / "user"


def add_page():
    return app(page="ui/pages/add.py")


def paste(at, text):
    at.text_area(key="add_text").set_value(text).run()
    return at


def test_paste_preview_save_and_duplicate(user):
    at = paste(add_page(), TEXT)
    assert not at.exception
    assert any("Preview" in m.value for m in at.markdown)
    at.text_input(key="add_date").set_value("2017-07-09").run()
    at.text_input(key="add_headline").set_value("Bombers near Korea").run()
    at.button(key="add_save").click().run()
    assert any("Saved as" in s.value for s in at.success), [e.value for e in at.error]
    assert any(a.origin == "user" for a in load_corpus(ROOT / "corpus", user).articles)
    at.button(key="add_save").click().run()
    assert any("already in the corpus" in e.value for e in at.error)


def test_missing_date_is_refused_with_a_message(user):
    at = paste(add_page(), TEXT)
    at.button(key="add_save").click().run()
    assert any("YYYY-MM-DD" in e.value for e in at.error)
    assert not (user / "manifest.csv").exists()


def test_empty_whitespace_and_huge_pastes(user):
    at = paste(add_page(), "   \n  ")
    assert not at.exception and not any("Preview" in m.value for m in at.markdown)
    at = paste(add_page(), "word " * (4 * 1024 * 1024 + 10))  # about 20 MB
    assert any("over the limit of 5,242,880 bytes" in e.value for e in at.error)


def test_html_in_a_pasted_text_is_shown_as_text(user):
    at = paste(add_page(), 'It was provocative. <script>alert(1)</script><img src=x onerror="alert(2)">')
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_edit_and_delete_your_articles(user):
    from analysis.corpus.store import NewArticle, save_article
    aid = save_article(ROOT / "corpus", user, NewArticle(TEXT, "cnn", "2017-07-09", "Bombers"))
    at = add_page()
    assert at.selectbox(key="mine_pick").value == aid
    at.text_area(key=f"mine_text_{aid}").set_value(TEXT + " Edited.").run()
    at.button(key="mine_save").click().run()
    assert load_corpus(ROOT / "corpus", user).article(aid).raw.endswith("Edited.")
    at.checkbox(key="mine_sure").check().run()
    at.button(key="mine_delete").click().run()
    assert not any(a.origin == "user" for a in load_corpus(ROOT / "corpus", user).articles)
