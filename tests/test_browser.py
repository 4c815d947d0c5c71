"""The dashboard in real headless Chromium against `streamlit run` (screenshots in test-artifacts/)."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser import (
    ARTIFACTS,
    assert_offline,
    bar_centre,
    charts_drawn,
    new_page,
    rerun_after,
    screenshot,
    streamlit_server,
    wait_for_app,
    warm_up,
)


@pytest.fixture
def page(browser):
    """A page whose test fails if anything was asked of a host other than this machine."""
    context, pg = new_page(browser)
    yield pg
    assert_offline(context, pg)
    context.close()


def column(page, outlet: str):
    return page.locator('[data-testid="stColumn"]').filter(has=page.get_by_role("heading", name=outlet, exact=True))


def test_compare_page_shows_outlet_cards_and_charts(page, server):
    page.goto(server + "/")
    wait_for_app(page, "Feature by feature")
    expect(page.get_by_role("heading", name="CNN")).to_be_visible()
    expect(page.get_by_role("heading", name="World Socialist Web Site")).to_be_visible()
    charts_drawn(page, 2)
    overview = page.locator(".js-plotly-plot").filter(has_text="Framing features by outlet")
    expect(overview.get_by_text("World Socialist Web Site")).to_be_visible()
    expect(overview.get_by_text(re.compile("per 1,000 words"))).to_be_visible()
    screenshot(page, "compare")


def test_read_page_shows_voice_of_provocative_and_toggles_categories(page, server):
    page.goto(server + "/read?event=e2-2017-07-07-b1-korea-icbm")
    wait_for_app(page, "Read side by side")
    wsws, cnn = column(page, "World Socialist Web Site"), column(page, "CNN")
    own = wsws.locator("mark.fl-loaded.fl-author", has_text=re.compile(r"^provocatively"))
    expect(own.first).to_be_visible()
    assert "Voice: own voice (the outlet's own words)" in own.first.get_attribute("title")  # as the tables say it
    # CNN's "provocation" in the 8 July article is China's word: attributed
    theirs = cnn.locator("mark.fl-loaded.fl-attributed", has_text=re.compile(r"^provocation"))
    expect(theirs.first).to_be_attached()
    title = theirs.first.get_attribute("title")
    assert "Voice: quoted or attributed" in title and "(government official, China)" in title
    screenshot(page, "read-all-categories")
    page.get_by_role("button", name=re.compile(r"^Loaded term")).click()
    expect(wsws.locator("mark.fl-loaded")).to_have_count(0)
    expect(wsws.locator("mark.fl-hedge").first).to_be_visible()
    assert "cats=" in page.url and "loaded" not in page.url.split("cats=")[1].split("&")[0]
    screenshot(page, "read-loaded-off")


def test_a_shared_url_opens_exactly_that_view(page, server):
    page.goto(server + "/read?event=e2-2017-07-07-b1-korea-icbm&outlets=wsws&cats=hedge&removed=1")
    wait_for_app(page, "Read side by side")
    expect(page.get_by_role("heading", name="World Socialist Web Site")).to_be_visible()
    expect(page.get_by_role("heading", name="CNN", exact=True)).to_have_count(0)
    expect(page.locator("mark.fl-hedge").first).to_be_visible()
    expect(page.locator("mark.fl-loaded")).to_have_count(0)
    expect(page.locator(".fl-removed").first).to_be_visible()
    expect(page.get_by_role("switch", name="Include articles that only mention the event")).to_be_checked()
    screenshot(page, "read-shared-url")


def test_back_button_returns_to_the_previous_event(page, server):
    page.goto(server + "/read?event=e2-2017-07-07-b1-korea-icbm")
    wait_for_app(page, "Read side by side")
    page.get_by_role("combobox", name="Event").click()
    page.get_by_role("option", name=re.compile("^2017-06-20")).click()
    expect(page.get_by_text("2017-06-20: B-1B bombers over Korea").first).to_be_visible(timeout=30_000)
    page.go_back()
    expect(page.get_by_text("2017-07-07: B-1B bombers over Korea").first).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="World Socialist Web Site")).to_be_visible(timeout=30_000)


@pytest.mark.parametrize("path,text,charts", [("/sources", "Who gets to speak", 2),
                                              ("/terms?term=provocat*", "Terms in context", 1),
                                              ("/method", "How Framing Lens works", 0)])
def test_other_pages_render(page, server, path, text, charts):
    page.goto(server + path)
    wait_for_app(page, text)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    charts_drawn(page, charts)
    expect(page.get_by_role("table").first).to_be_visible()
    screenshot(page, path.strip("/").split("?")[0])


def test_clicking_a_bar_shows_the_words_behind_it(page, server):
    page.goto(server + "/?feature=hedge_per_1k")
    wait_for_app(page, "Feature by feature")
    charts_drawn(page, 2)
    chart = page.locator(".js-plotly-plot").filter(has_text="Hedges by outlet")
    chart.scroll_into_view_if_needed()
    x, y = bar_centre(chart, "World Socialist Web Site")
    page.mouse.click(x, y)
    expect(page.get_by_text(re.compile(r"World Socialist Web Site — Hedges: [0-9.]+ per 1,000 words")).first
           ).to_be_visible(timeout=30_000)
    screenshot(page, "compare-click-bar")


def test_upload_an_html_article_preview_save_find_and_delete(browser, tmp_path):
    page_file = tmp_path / "bombers.html"
    page_file.write_bytes(b'<html><head><title>Bombers</title><meta name="author" content="Jane Doe"></head><body>'
                          b'<article><h1>Bombers fly near Korea again</h1><p>Two US bombers flew a menacing mission near '
                          b'the Korean Peninsula on Sunday, officials said.</p><p>North Korea called it a provocation.'
                          b'<script>alert(1)</script></p></article></body></html>')
    env = {"FRAMING_LENS_USER_CORPUS": str(tmp_path / "user"), "FRAMING_LENS_DRAFTS": str(tmp_path / "drafts")}
    with streamlit_server(env=env) as url:
        warm_up(browser, url)
        context, page = new_page(browser)
        page.on("dialog", lambda d: (_ for _ in ()).throw(AssertionError("a script ran: " + d.message)))
        page.goto(url + "/add")
        wait_for_app(page, "Add articles")
        page.get_by_text("file", exact=True).click()
        page.locator("input[type=file][accept*=\".html\"]").set_input_files(str(page_file))
        expect(page.get_by_text("Preview:").first).to_be_visible(timeout=30_000)
        expect(page.locator("mark.fl-loaded", has_text="menacing").first).to_be_visible()
        page.get_by_label("Outlet", exact=True).click()
        page.get_by_role("option", name="+ new outlet…").click()
        page.get_by_label("New outlet's name").fill("Test Outlet")
        page.get_by_label("New outlet's name").press("Enter")
        page.get_by_label("Date (YYYY-MM-DD)").fill("2017-07-09")
        page.get_by_label("Date (YYYY-MM-DD)").press("Enter")
        page.get_by_label("Event", exact=True).click()
        page.get_by_role("option", name=re.compile("2017-07-07: B-1B bombers over Korea")).click()
        wait_for_app(page, "Add articles")
        page.get_by_role("button", name="Save to the corpus").click()
        expect(page.get_by_text(re.compile("Saved as")).first).to_be_visible(timeout=30_000)
        screenshot(page, "add-saved")
        mine = page.url  # the address holds this browser's private owner key: the bookmark to come back with
        assert "owner=" in mine
        page.goto(url + "/?event=e2-2017-07-07-b1-korea-icbm")
        wait_for_app(page, "Feature by feature")
        expect(page.get_by_role("heading", name="Test Outlet")).to_be_visible(timeout=30_000)
        charts_drawn(page, 2)
        screenshot(page, "compare-with-added-article")
        page.goto(url + "/add")  # without the key: someone else, who sees nothing to delete
        wait_for_app(page, "Add articles")
        page.get_by_role("tab", name="Your articles").click()
        expect(page.get_by_text("You have not added any article yet.").first).to_be_visible()
        page.goto(mine)
        wait_for_app(page, "Add articles")
        page.get_by_role("tab", name="Your articles").click()
        page.get_by_text("Yes, delete this article").click()
        page.get_by_role("button", name="Delete").click()
        expect(page.get_by_text("You have not added any article yet.").first).to_be_visible(timeout=30_000)
        assert_offline(context, page)
        context.close()


def test_download_buttons_give_the_files(page, server, tmp_path):
    page.goto(server + "/")
    wait_for_app(page, "Feature by feature")
    numbers = page.get_by_text("All the numbers")
    numbers.scroll_into_view_if_needed()
    with page.expect_download() as info:
        page.locator(".st-key-numbers_table_csv button").filter(visible=True).first.click()
    path = tmp_path / "numbers.csv"
    info.value.save_as(path)
    text = path.read_text(encoding="utf-8-sig")
    assert text.startswith("Outlet,Articles,Word count,") and "World Socialist Web Site" in text
    version = re.search(r"Lexicon version (\w+)", page.locator('[data-testid="stSidebar"]').inner_text()).group(1)
    # what the table is, the selection's date and title (not its id: two events never overwrite each other), lexicon
    assert info.value.suggested_filename == f"features-US-bomber-shows-of-force-in-East-Asia-lexicon-{version}.csv"
    with page.expect_download(timeout=60_000) as info:
        page.locator(".st-key-overview_chart_png button").filter(visible=True).first.click()
    png = tmp_path / "chart.png"
    info.value.save_as(png)
    assert png.read_bytes().startswith(b"\x89PNG")
    # the file names say which selection, by its date and title (not an id): '2017-05-01: Title (3 articles)' or
    # 'Whole story: Title' in the sidebar gives '...-2017-05-01-Title'
    label = page.get_by_role("combobox", name="Event").input_value()
    title = re.sub(r"^Whole story: |: | \(\d+ articles?\)$", lambda m: " " if m.group() == ": " else "", label)
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", title).strip("-")[:30]
    assert slug in info.value.suggested_filename and info.value.suggested_filename.endswith(".png")
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="Report (HTML)").click()
    report = tmp_path / "report.html"
    info.value.save_as(report)
    assert "Framing Lens report" in report.read_text()
    assert info.value.suggested_filename.startswith(f"report-{slug}")


def test_depth_page_in_the_browser(page, server):
    page.goto(server + "/depth?event=story:us-bomber-shows-of-force-east-asia")
    wait_for_app(page, "Comparative depth")
    expect(page.get_by_text("What chance alone does").first).to_be_visible(timeout=30_000)
    charts_drawn(page, 2)  # distinctive words and who calls whom what (tabs render all their content)
    expect(page.get_by_role("table").first).to_be_visible()
    screenshot(page, "depth")


def test_who_calls_whom_in_the_browser(page, server):
    page.goto(server + "/depth?event=e2-2017-07-07-b1-korea-icbm&tab=Who+calls+whom")
    wait_for_app(page, "Comparative depth")
    chart = page.locator(".js-plotly-plot").filter(has_text="Who calls whom what")
    expect(chart).to_be_visible(timeout=30_000)
    chart.scroll_into_view_if_needed()
    ticks = chart.locator(".xtick text").all_text_contents()
    assert ticks and all(re.fullmatch(r"\d+", t) for t in ticks), ticks  # counts in whole numbers (was 0, 0.2, …)
    entries = chart.locator(".legendtext").all_text_contents()
    assert entries[0] == "the outlet itself" and len(entries) == len(set(entries))
    expect(chart).to_contain_text("Framing Lens · 2 articles · 2017-07-07: ")  # the count said once
    chart.screenshot(path=str(ARTIFACTS / "depth-who-calls-whom.png"))


def test_back_after_a_page_switch_keeps_the_view_in_the_url(page, server):
    page.goto(server + "/depth?event=story:us-bomber-shows-of-force-east-asia&outlets=japantimes,wsws")
    wait_for_app(page, "Comparative depth")
    rerun_after(page, lambda: page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Sources").click())
    expect(page.locator("h1").first).to_have_text("Who gets to speak")
    rerun_after(page, page.go_back)
    rerun_after(page, page.reload)
    expect(page.get_by_role("combobox", name="Event")).to_have_value("Whole story: US bomber shows of force in East Asia")
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_role("button", name=re.compile("^Remove "))).to_have_count(2)
    expect(sidebar.get_by_role("button", name="Remove CNN")).to_have_count(0)


def test_every_chosen_value_of_a_filter_shows_without_scrolling_sideways(page, server):
    """Sources' role filter (and Over time's outlets) hold more chips than one line: they wrap onto more lines, as
    the sidebar's outlets do, instead of hiding the last ones behind a fade that only a sideways scroll reveals."""
    page.goto(server + "/sources?event=story:us-bomber-shows-of-force-east-asia")
    wait_for_app(page, "attributions")
    boxes = page.locator('[data-testid="stMain"] [data-testid="stMultiSelectTagsContainer"]')
    expect(boxes).to_have_count(3)
    sizes = boxes.evaluate_all("els => els.map(e => [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight])")
    screenshot(page, "sources-filters")
    assert all(sw <= cw + 1 and sh <= ch + 1 for sw, cw, sh, ch in sizes), sizes
