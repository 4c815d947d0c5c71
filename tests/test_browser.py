"""The dashboard in real headless Chromium against `streamlit run` (screenshots in test-artifacts/)."""
import re

import pytest
from playwright.sync_api import expect, sync_playwright

from browser import launch, screenshot, streamlit_server, wait_for_app


@pytest.fixture(scope="module")
def server():
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    pg = context.new_page()
    yield pg
    context.close()


def column(page, outlet: str):
    return page.locator('[data-testid="stColumn"]').filter(has=page.get_by_role("heading", name=outlet, exact=True))


def test_compare_page_shows_outlet_cards_and_charts(page, server):
    page.goto(server + "/")
    wait_for_app(page, "Feature by feature")
    expect(page.get_by_role("heading", name="CNN")).to_be_visible()
    expect(page.get_by_role("heading", name="World Socialist Web Site")).to_be_visible()
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    expect(page.get_by_text("per 1,000 words").first).to_be_visible()
    assert screenshot(page, "compare").stat().st_size > 20_000


def test_read_page_shows_voice_of_provocative_and_toggles_categories(page, server):
    page.goto(server + "/read")
    wait_for_app(page, "Read side by side")
    wsws, cnn = column(page, "World Socialist Web Site"), column(page, "CNN")
    own = wsws.locator("mark.fl-loaded.fl-author", has_text=re.compile(r"^provocatively"))
    expect(own.first).to_be_visible()
    assert "Voice: author" in own.first.get_attribute("title")
    # CNN's "provocation" in the 8 July article is China's word: attributed
    theirs = cnn.locator("mark.fl-loaded.fl-attributed", has_text=re.compile(r"^provocation"))
    expect(theirs.first).to_be_attached()
    title = theirs.first.get_attribute("title")
    assert "Voice: attributed" in title and "(China)" in title
    screenshot(page, "read-all-categories")
    page.get_by_role("button", name=re.compile(r"^Loaded term")).click()
    expect(wsws.locator("mark.fl-loaded")).to_have_count(0, timeout=30_000)
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
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option").filter(has_text="2017-06-20").first.click()
    expect(page.get_by_text("2017-06-20: B-1B bombers over Korea").first).to_be_visible(timeout=30_000)
    page.go_back()
    expect(page.get_by_text("2017-07-07: B-1B bombers over Korea").first).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="World Socialist Web Site")).to_be_visible(timeout=30_000)


@pytest.mark.parametrize("path,text,charts", [("/sources", "Who gets to speak", 1),
                                              ("/terms?term=provocat*", "Terms in context", 1),
                                              ("/method", "How Framing Lens works", 0)])
def test_other_pages_render(page, server, path, text, charts):
    page.goto(server + path)
    wait_for_app(page, text)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator(".js-plotly-plot")).to_have_count(charts, timeout=30_000)
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1500)  # let the table canvas paint before the screenshot
    screenshot(page, path.strip("/").split("?")[0])


def test_clicking_a_bar_shows_the_words_behind_it(page, server):
    page.goto(server + "/?feature=hedge_per_1k")
    wait_for_app(page, "Feature by feature")
    chart = page.locator(".js-plotly-plot").nth(1)
    expect(chart.get_by_text("Hedges by outlet")).to_be_visible(timeout=30_000)
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    box = chart.locator("g.point path").nth(1).bounding_box()  # the WSWS bar
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_text(re.compile(r"World Socialist Web Site — Hedges: [0-9.]+ per 1,000 words")).first
           ).to_be_visible(timeout=30_000)
    screenshot(page, "compare-click-bar")
