"""The Add articles page in AppTest: paste, preview, save, duplicates, bad input, edit and delete."""
import pytest

from analysis.corpus.folder import load_corpus
from analysis.corpus.ownership import Editor, NotYours, owner_id
from analysis.corpus.store import NewArticle, delete_article, save_article, update_article
from tests.support import ROOT, app, said, texts
from ui.safe import md

PAYLOAD = "[phish](https://example.com/x) ![pix](http://example.com/y.png) **bold** <b>b</b> $x$"
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
    assert any("Saved as" in s for s in said(at.success)), said(at.error)
    assert any(a.origin == "user" for a in load_corpus(ROOT / "corpus", user).articles)
    at.button(key="add_save").click().run()
    assert any("already in the corpus" in e for e in said(at.error))


def test_missing_date_is_refused_with_a_message(user):
    at = paste(add_page(), TEXT)
    at.button(key="add_save").click().run()
    assert any("YYYY-MM-DD" in e for e in said(at.error))
    assert not (user / "manifest.csv").exists()


def test_empty_whitespace_and_huge_pastes(user):
    at = paste(add_page(), "   \n  ")
    assert not at.exception and not any("Preview" in m.value for m in at.markdown)
    at = paste(add_page(), "word " * (4 * 1024 * 1024 + 10))  # about 20 MB
    assert any("over the limit of 5,242,880 bytes" in e for e in said(at.error))


def test_html_in_a_pasted_text_is_shown_as_text(user):
    at = paste(add_page(), 'It was provocative. <script>alert(1)</script><img src=x onerror="alert(2)">')
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html


def owner_key(at):
    key = at.query_params["owner"]
    return key[0] if isinstance(key, list) else key


def test_edit_and_delete_your_articles(user):
    key = owner_key(add_page())
    aid = save_article(ROOT / "corpus", user, NewArticle(TEXT, "cnn", "2017-07-09", "Bombers", owner=owner_id(key)))
    at = app({"owner": key}, page="ui/pages/add.py")  # a reload of the bookmarked page: same key
    assert at.selectbox(key="mine_pick").value == aid
    at.text_area(key=f"mine_text_{aid}").set_value(TEXT + " Edited.").run()
    at.button(key="mine_save").click().run()
    assert load_corpus(ROOT / "corpus", user).article(aid).raw.endswith("Edited.")
    at.checkbox(key="mine_sure").check().run()
    at.button(key="mine_delete").click().run()
    assert not any(a.origin == "user" for a in load_corpus(ROOT / "corpus", user).articles)


def test_two_sessions_one_cannot_see_edit_or_delete_the_others_article(user):
    alice = paste(add_page(), TEXT)
    alice.text_input(key="add_date").set_value("2017-07-09").run()
    alice.button(key="add_save").click().run()
    [aid] = [a.id for a in load_corpus(ROOT / "corpus", user).articles if a.origin == "user"]
    bob = add_page()
    assert owner_key(bob) != owner_key(alice)
    assert "You have not added any article yet." in said(bob.info) and not [s for s in bob.selectbox if s.key == "mine_pick"]
    bob_editor = Editor(owner_id(owner_key(bob)))
    with pytest.raises(NotYours):
        delete_article(user, aid, by=bob_editor)
    with pytest.raises(NotYours):
        update_article(ROOT / "corpus", user, aid, NewArticle("Bob's text.", "cnn", "2017-07-09"), by=bob_editor)
    assert load_corpus(ROOT / "corpus", user).article(aid).raw == TEXT
    again = app({"owner": owner_key(alice)}, page="ui/pages/add.py")
    assert again.selectbox(key="mine_pick").value == aid


def test_a_hand_picked_owner_key_is_refused(user):
    at = app({"owner": "a" * 40}, page="ui/pages/add.py")
    assert owner_key(at) != "a" * 40 and any("not made by this server" in w for w in said(at.warning))


def test_the_teacher_can_edit_and_delete_any_article(user, monkeypatch):
    aid = save_article(ROOT / "corpus", user, NewArticle(TEXT, "cnn", "2017-07-09", owner=owner_id("x" * 40)))
    at = add_page()
    assert not [s for s in at.selectbox if s.key == "mine_pick"]
    assert "Teacher mode is off" in texts(at)
    monkeypatch.setenv("FRAMING_LENS_TEACHER_PASSWORD", "correct horse")
    at = add_page()
    at.text_input(key="teacher_password").set_value("wrong").run()
    at.button(key="teacher_in").click().run()
    assert "Wrong password." in said(at.error)
    at.text_input(key="teacher_password").set_value("correct horse").run()
    at.button(key="teacher_in").click().run()
    assert at.selectbox(key="mine_pick").value == aid
    at.checkbox(key="mine_sure").check().run()
    at.button(key="mine_delete").click().run()
    assert not any(a.origin == "user" for a in load_corpus(ROOT / "corpus", user).articles)


def test_markdown_in_user_text_is_shown_as_text(user):
    at = paste(add_page(), TEXT)
    at.text_input(key="add_date").set_value("2017-07-09").run()
    at.text_input(key="add_headline").set_value(PAYLOAD).run()
    at.button(key="add_save").click().run()
    aid = next(a.id for a in load_corpus(ROOT / "corpus", user).articles if a.origin == "user")
    shown = [s.value for s in at.success]
    assert any(md(aid) in s for s in shown)
    at.selectbox(key="add_outlet").set_value("+ new outlet…").run()
    at.text_input(key="add_outlet_new").set_value("CNN!!").run()
    at.text_area(key="add_text").set_value("Another text, officials said.").run()
    at.button(key="add_save").click().run()
    warning = " ".join(w.value for w in at.warning)
    assert "CNN\\!\\!" in warning and "](" not in warning
    at.button(key="add_merge").click().run()
    assert [a.outlet for a in load_corpus(ROOT / "corpus", user).articles if a.origin == "user"] == ["cnn", "cnn"]


def test_a_140000_character_headline_or_a_bad_date_is_refused_on_the_page_and_the_folder_path_never_shown(user):
    at = paste(add_page(), TEXT)
    assert str(user) not in texts(at) and str(ROOT) not in texts(at)
    at.text_input(key="add_date").set_value("2020-13-45").run()
    at.button(key="add_save").click().run()
    assert any("not a real calendar date" in e for e in said(at.error))
    at.text_input(key="add_date").set_value("2017-07-09").run()
    at.text_input(key="add_headline").set_value("H" * 140_000).run()
    at.button(key="add_save").click().run()
    assert any("headline: 140,000 characters is over the limit of 500" in e for e in said(at.error))
    assert not (user / "manifest.csv").exists()


def test_a_pasted_nul_is_removed_said_and_the_article_saved_once(user):
    at = paste(add_page(), TEXT.replace("flew", "flew\x00"))
    assert "1 invisible control character" in texts(at)
    at.text_input(key="add_date").set_value("2017-07-09").run()
    at.button(key="add_save").click().run()
    assert any("Saved as" in s for s in said(at.success)), said(at.error)
    corpus = load_corpus(ROOT / "corpus", user)
    assert not corpus.issues and [a.raw for a in corpus.articles if a.origin == "user"] == [TEXT]
    at = paste(add_page(), TEXT)
    at.text_input(key="add_date").set_value("2017-07-09").run()
    at.button(key="add_save").click().run()
    assert any("already in the corpus" in e for e in said(at.error))


def test_a_headline_line_at_the_top_of_a_pasted_text_is_filled_in_and_can_be_changed(user):
    at = paste(add_page(), "US bombers fly near Korea after missile test\n\n" + TEXT)
    box = at.text_input(key="add_headline")
    assert box.value == "US bombers fly near Korea after missile test"
    assert "looks like a headline" in box.help
    at = paste(add_page(), TEXT)  # a text that starts with its first sentence has no headline to offer
    assert at.text_input(key="add_headline").value == ""


def test_the_text_limit_is_said_in_megabytes_not_as_a_byte_count(user):
    body = texts(app(page="ui/pages/add.py"))
    assert "Texts up to 5 MB" in body and "5,242,880" not in body
