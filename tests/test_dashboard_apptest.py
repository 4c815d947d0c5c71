"""The dashboard in Streamlit's AppTest: every page renders, selections change what is shown, the URL round-trips."""
import json
import shutil

import pytest

from analysis.detect.loaded import load_model
from tests.support import ROOT, app, htmls, plain, said, table_with, tables, texts

PAGE_TITLES = {"ui/pages/compare.py": "Compare outlets", "ui/pages/read.py": "Read side by side",
               "ui/pages/sources.py": "Who gets to speak", "ui/pages/terms.py": "Terms in context",
               "ui/pages/depth.py": "Comparative depth", "ui/pages/drafts.py": "Draft check",
               "ui/pages/add.py": "Add articles", "ui/pages/method.py": "How Framing Lens works"}
PAGES = list(PAGE_TITLES)
STORY = "story:us-bomber-shows-of-force-east-asia"
E2 = "e2-2017-07-07-b1-korea-icbm"


def cards(at) -> list[str]:
    """The outlet names on the Compare page's cards, in order."""
    return [m.value[4:] for m in at.markdown if m.value.startswith("### ")]


def param(at, key):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(page):
    at = app(page=page)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [PAGE_TITLES[page]]


def test_compare_opens_on_the_whole_story_with_all_three_outlets_and_the_contrast_first():
    at = app()
    assert at.selectbox(key="w_event").value == STORY  # the selection with the most outlets
    assert chips(at) == ["cnn", "japantimes", "wsws"]
    assert cards(at) == ["CNN", "The Japan Times", "World Socialist Web Site"]
    body = texts(at)
    # who says it: CNN and The Japan Times only quote or attribute "provocative"; WSWS says it in its own voice
    assert at.selectbox(key="w_family").value == "provocat*"
    who = table_with(at, "Whose words").set_index("Outlet")
    assert who.loc["CNN", "In its own voice"] == 0 and who.loc["CNN", "In others' words"] >= 2
    assert "North Korea" in who.loc["CNN", "Whose words"] and "US military" in who.loc["CNN", "Whose words"]
    assert who.loc["The Japan Times", "In its own voice"] == 0 and who.loc["The Japan Times", "In others' words"] >= 1
    assert who.loc["World Socialist Web Site", "In its own voice"] >= 2
    assert any("In its own voice: World Socialist Web Site (2 times" in t.value for t in at.text)
    sentences = table_with(at, "Before")
    assert set(sentences[sentences["Voice"] == "own voice"]["Outlet"]) == {"World Socialist Web Site"}
    charts = at.get("plotly_chart")
    assert len(charts) == 2
    spec = charts[0].proto.spec
    assert "per 1,000 words" in spec and "CNN" in spec and "World Socialist Web Site" in spec
    # the explanation names the words behind the number, each in the sentence around it
    assert "highlighted words behind it" in body
    why = table_with(at, "In context")
    assert len(why) and all(f"«{w}»" in c for w, c in zip(why["Words"], why["In context"]))
    assert list(why.columns[:3]) == ["Words", "Why it is flagged", "In context"]  # why, next to the words
    assert not {"Speaker", "Role", "Country"} & set(why.columns)  # the outlet's own voice: nobody else's words



def test_a_chart_caption_counts_the_articles_shown_once():
    at = app({"event": E2, "outlets": "cnn"})  # one of the event's two articles
    caption = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["meta"]["layout"]["caption"]
    assert caption.startswith("Framing Lens · 1 article · 2017-07-07: ")
    assert "article(s)" not in caption and "(2 articles)" not in caption  # before: '1 article(s) · … (2 articles)'

def test_a_link_to_an_unknown_event_says_so_and_shows_the_default():
    at = app({"event": "no-such-event"})
    assert not at.exception
    assert any("no event “no-such-event”" in w for w in said(at.sidebar.warning))
    assert at.selectbox(key="w_event").value == STORY
    assert param(at, "event") is None  # the URL no longer names the unknown event
    # the chart's own camera button saves at print resolution, under a name that carries the selection's title
    config = json.loads(at.get("plotly_chart")[0].proto.config)["toImageButtonOptions"]
    assert config["scale"] == 3 and config["filename"] == "framing-features-by-outlet-US-bomber-shows-of-force-in-East-Asia"


def test_changing_event_and_outlets_changes_the_cards_and_the_url():
    at = app({"event": E2})
    assert cards(at) == ["CNN", "World Socialist Web Site"]
    at.selectbox(key="w_event").set_value("story:us-bomber-shows-of-force-east-asia").run()
    assert set(at.multiselect(key="w_outlets").value) == {"cnn", "japantimes", "wsws"}  # three outlets at once
    assert "### The Japan Times" in texts(at)
    assert param(at, "event") == STORY
    at.multiselect(key="w_outlets").set_value(["wsws"]).run()
    assert "### CNN" not in texts(at)
    assert "Only one outlet" in texts(at)


def test_query_parameters_open_exactly_the_shared_view():
    at = app({"event": "e1-2017-07-06-b1-china-seas", "outlets": "wsws", "feature": "hedge_per_1k"})
    assert at.selectbox(key="w_event").value == "e1-2017-07-06-b1-china-seas"
    assert at.multiselect(key="w_outlets").value == ["wsws"]
    assert at.selectbox(key="w_feature").value == "hedge_per_1k"
    read = app({"event": "e2-2017-07-07-b1-korea-icbm", "cats": "loaded", "removed": "1"}, page="ui/pages/read.py")
    html = htmls(read)
    assert "fl-loaded" in html and "fl-hedge" not in html
    assert "fl-removed" in html and "removed: contact-footer" in html


def test_bad_query_parameters_fall_back_to_defaults():
    at = app({"event": "no-such-event", "outlets": "foxnews,<script>"})
    assert not at.exception
    assert at.selectbox(key="w_event").value == STORY and chips(at) == ["cnn", "japantimes", "wsws"]


def test_read_page_highlights_provocative_by_voice():
    at = app(page="ui/pages/read.py")
    html = htmls(at)
    assert 'class="fl-mark fl-author fl-loaded"' in html
    assert "provocatively" in html
    assert "fl-attributed" in html


def test_read_page_details_say_what_read_shows_without_empty_columns():
    at = app({"event": E2, "cats": "attribution"}, page="ui/pages/read.py")
    assert not at.exception
    labels = [plain(e.label) for e in at.expander if "details of the" in e.label]
    assert labels and all(label.startswith(("CNN, 2017-", "World Socialist Web Site, 2017-")) for label in labels)
    html = htmls(at)
    assert "The words behind the number" not in html  # Read shows no number
    assert "The highlighted spans of World Socialist Web Site, 2017-07-10: the words and why each is flagged" in html
    spans = tables(at)[0]
    assert spans.columns[0] == "Words" and {"Speaker", "Voice"} <= set(spans.columns)
    assert not {"Strength", "Model score"} & set(spans.columns)  # an attribution cue has neither: left out


def test_sources_page_lists_attributions_by_role_and_country():
    at = app({"event": "story:us-bomber-shows-of-force-east-asia"}, page="ui/pages/sources.py")
    table = table_with(at, "What is attributed")
    assert list(table.columns[:3]) == ["Outlet", "Speaker", "What is attributed"]  # the words a reader came for
    assert {"Role", "Country", "Cue", "Cue tone", "Form"} <= set(table.columns)
    assert "Party" not in table.columns  # no speaker of this story has a stated party: the empty column is left out
    geng = table[table["Speaker"] == "Geng Shuang"]
    assert set(zip(geng["Role"], geng["Country"])) == {("government official", "China")}
    charts = [c.proto.spec for c in at.get("plotly_chart")]
    assert "by speaker's role" in charts[0] and "military" in charts[0]
    assert "by speaker's country" in charts[1] and "North Korea" in charts[1]
    at.radio(key="src_breakdown").set_value("party").run()
    assert "by speaker's party" in at.get("plotly_chart")[1].proto.spec
    at.multiselect(key="src_countries").set_value(["China"]).run()
    assert set(table_with(at, "What is attributed")["Country"]) == {"China"}


def test_terms_page_concordance_with_voice():
    at = app({"term": "provocat*", "event": "story:us-bomber-shows-of-force-east-asia"}, page="ui/pages/terms.py")
    table = table_with(at, "Match")
    assert len(table) >= 6
    wsws = table[table["Outlet"] == "World Socialist Web Site"]
    assert "own voice" in set(wsws["Voice"])
    cnn = table[table["Outlet"] == "CNN"]
    assert set(cnn["Voice"]) == {"quoted or attributed"}


def test_method_page_lists_lexicons_with_sources():
    at = app(page="ui/pages/method.py")
    table = table_with(at, "Source")
    assert table["Source"].str.len().min() > 0
    # plain column names, each explained in the header's tip (no 'neutral_alternative' or 'candidate')
    assert {"Term", "Why it is flagged", "When it counts"} <= set(table.columns)
    assert {"Resource", "Checked from", "Strong from", "Licence"} <= set(table_with(at, "Licence").columns)
    assert not any("_" in c for t in (table, table_with(at, "Entries")) for c in t.columns)
    assert "per 1,000 words" in texts(at)
    shown = texts(at)
    assert "east-asia-security" in shown and "VADER rates 'scathing'" in shown and "model score" in shown
    assert "of its flags were experts' words" in shown  # the model's out-of-fold figures, in words
    top = load_model().about["out_of_fold"]["top_outlet_per_event"]
    assert f"most loaded outlet in {top['agree']:.0f} of {top['events']} events" in shown  # how far a ranking goes
    assert at.selectbox(key="lexicon_file").value == "boosters.csv"
    assert "Strength" not in table.columns  # no booster has a strength: the empty column is left out
    at.selectbox(key="lexicon_file").set_value("loaded.csv").run()
    assert set(table_with(at, "Source")["Strength"]) == {"strong", "moderate"}


def test_method_page_uses_the_user_lexicon_and_read_page_shows_strong_terms_only(tmp_path, monkeypatch):
    user = tmp_path / "lex"
    user.mkdir()
    (user / "mine.csv").write_text("term,category,subcategory,strength,rule,neutral_alternative,note,source\n"
                                   "drills,loaded,class words,moderate,,,A test entry.,Class 9b\n", encoding="utf-8")
    monkeypatch.setenv("FRAMING_LENS_LEXICON", str(user))
    at = app(page="ui/pages/method.py")
    assert not at.exception and str(user) in texts(at)
    at = app({"cats": "loaded"}, page="ui/pages/read.py")
    every = "".join(htmls(at))
    assert "class words" in every
    at = app({"cats": "loaded", "strong": "true"}, page="ui/pages/read.py")
    strong = "".join(htmls(at))
    assert "class words" not in strong and "Strength: strong" in strong and "Strength: moderate" not in strong


def test_broken_corpus_shows_messages_not_tracebacks(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", root)
    (root / "articles" / "cnn-2017-07-08-bombers-korea-icbm.txt").write_bytes(b"\x00\x01binary")
    with (root / "manifest.csv").open("a") as fh:
        fh.write("bad,missing.txt,cnn,2017-01-01,,,,e1-2017-07-06-b1-china-seas,main\n")
    monkeypatch.setenv("FRAMING_LENS_CORPUS", str(root))
    at = app({"event": E2})
    assert not at.exception
    assert "Only one outlet" in texts(at)  # the broken CNN article is skipped, WSWS remains
    assert any("corpus entries skipped" in e.label for e in at.sidebar.expander)
    (root / "manifest.csv").write_text("nonsense\n")
    at = app()
    assert not at.exception and "No article could be loaded" in texts(at)


def test_article_text_is_escaped(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", root)
    evil = 'Officials said the <script>alert(1)</script> drill was provocative. <img src=x onerror="alert(2)">'
    (root / "articles" / "wsws-2017-07-10-provocative-drill.txt").write_text(evil)
    monkeypatch.setenv("FRAMING_LENS_CORPUS", str(root))
    at = app(page="ui/pages/read.py")
    html = htmls(at)
    assert "<script>alert" not in html and "<img" not in html  # the skip link's own script is the app's
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=" in html


def chips(at) -> list[str]:
    return list(at.multiselect(key="w_outlets").value)


def test_story_then_events_never_crashes_and_the_chips_follow_the_selection():
    """A teacher's sequence that used to replace the page with a KeyError and leave stale outlet chips."""
    at = app({"event": E2})
    at.selectbox(key="w_event").set_value(STORY).run()
    assert not at.exception
    assert chips(at) == ["cnn", "japantimes", "wsws"] and cards(at) == ["CNN", "The Japan Times", "World Socialist Web Site"]
    at.selectbox(key="w_event").set_value(E2).run()
    assert not at.exception
    assert chips(at) == ["cnn", "wsws"] and cards(at) == ["CNN", "World Socialist Web Site"]
    at.selectbox(key="w_event").set_value("e4-2019-10-25-b52-sea-of-japan").run()
    assert chips(at) == ["japantimes"] and cards(at) == ["The Japan Times"]
    assert "Only one outlet covers this selection" in texts(at)
    at.selectbox(key="w_event").set_value(E2).run()
    assert not at.exception and at.sidebar.selectbox  # the sidebar controls are still there
    assert chips(at) == ["cnn", "wsws"] and cards(at) == ["CNN", "World Socialist Web Site"]


def test_removing_an_outlet_of_a_whole_story_says_that_one_was_chosen_not_that_one_covers_it():
    at = app({"event": STORY})
    at.multiselect(key="w_outlets").set_value(["wsws"]).run()
    assert cards(at) == ["World Socialist Web Site"] and param(at, "outlets") == "wsws"
    body = texts(at)
    assert "Only one outlet is chosen" in body and "Pick a whole story" not in body
    at.multiselect(key="w_outlets").set_value([]).run()
    assert not at.exception and "No outlet is chosen" in texts(at)


def test_outlets_in_a_link_that_the_selection_does_not_cover_are_dropped_with_a_note():
    at = app({"event": "e4-2019-10-25-b52-sea-of-japan", "outlets": "cnn,japantimes"})
    assert chips(at) == ["japantimes"] and cards(at) == ["The Japan Times"]
    assert any("left out: CNN" in c.value for c in at.sidebar.caption)


def test_the_explained_outlet_and_number_are_in_the_url_and_a_link_reopens_them():
    at = app({"event": STORY})
    # it opens on the outlet with the most words behind the first number, not on one with nothing to show
    assert at.selectbox(key="w_why").value == "wsws" and param(at, "why") is None
    at.selectbox(key="w_why").set_value("cnn").run()
    at.selectbox(key="w_number").set_value("hedge_per_1k").run()
    assert (param(at, "why"), param(at, "number")) == ("cnn", "hedge_per_1k")
    again = app({"event": STORY, "why": "cnn", "number": "hedge_per_1k"})
    assert again.selectbox(key="w_why").value == "cnn"
    assert any(m.value.startswith("**CNN — Hedges:") for m in again.markdown)
    # a new event starts over with all its outlets and the one with the most words behind the first number
    again.selectbox(key="w_event").set_value(E2).run()
    assert param(again, "why") is None and again.selectbox(key="w_why").value == "wsws"


def test_depth_tab_and_outlets_are_in_the_url():
    at = app({"event": STORY, "tab": "Naming", "focus": "wsws", "versus": "cnn"}, page="ui/pages/depth.py")
    assert not at.exception
    assert at.selectbox(key="w_focus").value == "wsws" and at.selectbox(key="w_versus").value == "cnn"
    assert at.tabs[0].label == "Distinctive words"
    assert param(at, "tab") == "Naming"


def test_an_article_added_by_hand_to_the_checkouts_user_corpus_changes_no_test():
    """Tests read their own empty user corpus, never corpus/user of the checkout."""
    from analysis.corpus.store import NewArticle, delete_article, save_article
    folder = ROOT / "corpus" / "user"
    created = not folder.exists()
    aid = save_article(ROOT / "corpus", folder, NewArticle(
        "Two US bombers flew a menacing mission near Korea on Friday, officials said.", "Fresh Outlet",
        "2017-07-08", "Bombers again", event=E2))
    try:
        at = app()
        assert cards(at) == ["CNN", "The Japan Times", "World Socialist Web Site"]
        assert chips(at) == ["cnn", "japantimes", "wsws"]
    finally:
        if created:
            shutil.rmtree(folder)
        else:
            delete_article(folder, aid)


def test_read_shows_one_chosen_article_per_outlet_for_a_large_selection(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", root)
    rows = (root / "manifest.csv").read_text().splitlines()
    extra = []
    for n in (2, 3):  # every seed article again under a new id: ten articles in the story
        for row in rows[1:]:
            aid, file, rest = row.split(",", 2)
            (root / "articles" / f"{aid}-{n}.txt").write_bytes((root / "articles" / file).read_bytes())
            extra.append(f"{aid}-{n},{aid}-{n}.txt,{rest}")
    (root / "manifest.csv").write_text("\n".join(rows + extra) + "\n")
    monkeypatch.setenv("FRAMING_LENS_CORPUS", str(root))
    at = app({"event": STORY}, page="ui/pages/read.py")
    assert not at.exception
    assert "articles in this selection: choose one per outlet" in texts(at)
    assert [s.label for s in at.selectbox if s.key.endswith(("art0", "art1", "art2"))] == [
        "CNN", "The Japan Times", "World Socialist Web Site"]
    assert [h.value for h in at.header] == ["CNN", "The Japan Times", "World Socialist Web Site"]


@pytest.mark.parametrize("page,params", [("ui/pages/compare.py", {}), ("ui/pages/sources.py", {}),
                                         ("ui/pages/terms.py", {"term": "provocat*"}), ("ui/pages/method.py", {}),
                                         ("ui/pages/depth.py", {"tab": "Who calls whom"}),
                                         ("ui/pages/depth.py", {"tab": "Left out"})])
def test_every_table_heading_is_a_plain_name_with_a_capital(page, params):
    """No table mixes raw lower-case names ('outlet', 'words', 'cue tone') with labelled ones ('Hedges (per 1,000
    words)'): every heading starts with a capital, on screen and so in the downloads."""
    at = app(params, page=page)
    heads = [h for t in tables(at) for h in t.columns]
    assert heads and not [h for h in heads if h[:1].islower()]


def test_tables_say_voice_and_category_in_words_not_as_internal_values():
    """A class reads 'own voice' and 'Loaded term' (as the Read page's legend and Spot it say), not 'author' and
    'loaded', in every table: Compare's words behind a number, Terms' concordance."""
    why = table_with(app(), "In context")
    assert set(why["Voice"]) <= {"own voice", "quoted or attributed"} and set(why["Category"]) == {"Loaded term"}
    kwic = table_with(app({"term": "provocat*"}, page="ui/pages/terms.py"), "Match")
    assert set(kwic["Voice"]) == {"own voice", "quoted or attributed"}
