"""Accessibility in real Chromium: axe-core (WCAG 2.1 A and AA) on every page and the states a class uses, the
exported report and worksheet, the keyboard alone, the accessibility tree, and nothing cut off at three sizes and
200% zoom (screenshots in test-artifacts/a11y-*.png)."""
import itertools
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from analysis.corpus.workspace import build_view
from analysis.present.lesson import load_lessons
from analysis.present.report import article_html, event_report_html
from analysis.present.worksheet import answer_key_html, worksheet_html
from tests.browser import (
    ARTIFACTS,
    axe_violations,
    bar_centre,
    charts_drawn,
    new_page,
    overlap,
    rerun_after,
    screenshot,
    settle,
    wait_for_app,
)
from tests.test_a11y_colours import contrast

EVENT = "e2-2017-07-07-b1-korea-icbm"
STORY = "story:us-bomber-shows-of-force-east-asia"
# Every page of the navigation (path -> text it shows when done, charts it draws), in the states a class uses.
PAGES = {
    "compare": (f"/?event={EVENT}", "Feature by feature", 2),
    "compare-story": (f"/?event={STORY}", "Feature by feature", 2),
    "read": (f"/read?event={EVENT}", "Read side by side", 0),
    "read-story": (f"/read?event={STORY}", "Read side by side", 0),
    "sources": (f"/sources?event={STORY}", "Who gets to speak", 2),
    "terms": (f"/terms?event={STORY}&term=provocat*", "Terms in context", 1),
    "depth": (f"/depth?event={STORY}", "Comparative depth", 2),
    "drafts": ("/drafts", "Draft check", 0),
    "add": ("/add", "Add articles", 0),
    "method": ("/method", "How Framing Lens works", 0),
    "lessons": ("/lessons?lesson=bombers-over-korea&step=2", "Lessons", 0),
    "classroom": (f"/classroom?event={STORY}", "Classroom activities", 0),
    "lexicon": ("/lexicon", "Lexicon editor", 0),
    "overtime": ("/overtime", "Attention over time", 0),
}
# Window sizes: a classroom projector, a desktop, a phone (390 px wide) and 200% browser zoom of the projector.
SIZES = {"1280x800": (1280, 800, 1), "1920x1080": (1920, 1080, 1), "390": (390, 844, 3), "zoom200": (640, 400, 2)}
TRUNCATION_JS = (Path(__file__).parent / "truncation.js").read_text()
DRAFT_A = "Officials said the flights were routine. The drills may continue, according to a spokesman."
DRAFT_B = ("Officials claimed the provocative flights were clearly routine. The so-called drills will surely "
           "continue, a spokesman insisted.")


@pytest.fixture
def page(browser):
    context, pg = new_page(browser, 1280, 800)
    yield pg
    context.close()


def open_page(page, server, name: str) -> None:
    path, text, charts = PAGES[name]
    page.goto(server + path)
    wait_for_app(page, text)
    charts_drawn(page, charts)
    if name.startswith("read"):
        expect(page.locator(".fl-text mark").first).to_be_visible()


def open_expanders(page) -> None:
    """Open every closed expander, so axe also checks what a reader sees after one click."""
    for summary in page.locator('[data-testid="stExpander"] details:not([open]) > summary').all():
        if summary.is_visible():
            summary.click()
    settle(page)


def report(violations: list[str], where: str) -> str:
    return f"{len(violations)} WCAG 2.1 A/AA violation(s) on {where}:\n" + "\n".join(violations)


def type_two_drafts(page) -> None:
    for label, text in (("Draft A", DRAFT_A), ("Draft B", DRAFT_B)):
        box = page.get_by_role("textbox", name=label)
        box.fill(text)
        rerun_after(page, lambda box=box: box.press("Control+Enter"))
    expect(page.get_by_text("Word by word").first).to_be_visible()


@pytest.mark.parametrize("name", list(PAGES))
def test_no_wcag_violations_on_each_page(page, server, name):
    open_page(page, server, name)
    if name == "drafts":
        type_two_drafts(page)
    open_expanders(page)
    found = axe_violations(page)
    print(report(found, name))
    screenshot(page, f"a11y-{name}")
    assert not found, report(found, name)


def test_every_page_of_the_navigation_is_checked(page, server):
    open_page(page, server, "method")
    links = page.locator('[data-testid="stSidebarNav"] a')
    paths = {re.sub(r"\?.*", "", (a.get_attribute("href") or "").rsplit("/", 1)[-1]) for a in links.all()}
    checked = {re.sub(r"\?.*", "", p.lstrip("/")) for p, _, _ in PAGES.values()}
    assert paths and paths <= checked, f"pages the axe test does not open: {sorted(paths - checked)}"


def test_no_wcag_violations_after_clicking_a_bar_for_its_why(page, server):
    page.goto(server + f"/?event={EVENT}&feature=hedge_per_1k")
    wait_for_app(page, "Feature by feature")
    charts_drawn(page, 2)
    x, y = bar_centre(page.locator(".js-plotly-plot").filter(has_text="Hedges by outlet"), "World Socialist Web Site")
    page.mouse.click(x, y)
    expect(page.get_by_text(re.compile(r"World Socialist Web Site — Hedges: [0-9.]+ per 1,000 words")).first
           ).to_be_visible()
    settle(page)
    found = axe_violations(page)
    print(report(found, "compare after a bar click"))
    assert not found, report(found, "compare after a bar click")


def test_no_wcag_violations_on_any_lesson_step_or_its_reveal(page, server):
    lesson = load_lessons()[0]["bombers-over-korea"]
    for k, step in enumerate(lesson.steps, start=1):
        page.goto(server + f"/lessons?lesson=bombers-over-korea&step={k}")
        wait_for_app(page, f"Step {k} of {len(lesson.steps)}")
        found = axe_violations(page)
        print(report(found, f"lesson step {k} ({step.activity})"))
        assert not found, report(found, f"lesson step {k}")
        if step.activity == "guess":  # the reveal comes after a guess
            page.get_by_role("radio", name="CNN").focus()
            rerun_after(page, lambda: page.keyboard.press("Space"))
        reveal = page.get_by_role("button", name="Reveal")
        if reveal.count():
            rerun_after(page, reveal.first.click)
            found = axe_violations(page)
            print(report(found, f"lesson step {k} revealed"))
            assert not found, report(found, f"lesson step {k} revealed")


EXPORTS = ["report", "article worksheet", "lesson worksheet", "answer key"]


@pytest.mark.parametrize("what", EXPORTS)
def test_no_wcag_violations_in_the_exported_html(browser, corpus, analyses, tmp_path, what):
    view = build_view(corpus, analyses)
    lesson, ids = load_lessons()[0]["bombers-over-korea"], view.articles_in(STORY)
    html = {"report": lambda: event_report_html(view, STORY),
            "article worksheet": lambda: article_html(view, view.articles_in(EVENT)[0]),
            "lesson worksheet": lambda: worksheet_html(view, ids, lesson.title, lesson),
            "answer key": lambda: answer_key_html(view, ids, lesson.title, lesson)}[what]()
    path = tmp_path / f"{what.replace(' ', '-')}.html"
    path.write_text(html, encoding="utf-8")
    context, page = new_page(browser, 1280, 800)
    try:
        page.goto(path.as_uri())
        found = axe_violations(page)
        print(report(found, f"the exported {what}"))
        assert not found, report(found, f"the exported {what}")
    finally:
        context.close()


def focused(page) -> dict:
    """The element that has the keyboard focus: its tag, text, accessible label and outline."""
    return page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
        return {tag: e.tagName.toLowerCase(), id: e.id, text: (e.innerText || '').trim().slice(0, 80),
                label: e.getAttribute('aria-label') || '', outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }""")


def tab_until(page, test, most: int = 150) -> dict:
    """Press Tab until the focused element passes `test` (keys only)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        now = focused(page)
        if test(now):
            return now
    raise AssertionError(f"{most} Tab presses did not reach it; last focus: {now}")


@pytest.mark.parametrize("name", ["read", "compare"])
def test_skip_link_is_first_in_the_tab_order_and_skips_the_sidebar(page, server, name):
    open_page(page, server, name)
    if name == "read":
        expect(page.locator(".fl-text mark").first).to_be_visible()
    page.locator("body").focus()
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Skip to the text" and first["outline"] != "none", first
    screenshot(page, f"a11y-skip-link-{name}")
    page.keyboard.press("Enter")
    target = focused(page)
    assert target["tag"] == ("div" if name == "read" else "h1"), target
    page.keyboard.press("Tab")
    after = focused(page)
    if name == "read":  # the first highlight, with its category, voice and speaker in its name, and a focus ring
        assert after["tag"] == "mark" and re.search(r"(outlet's own voice|quoted or attributed)", after["label"]), after
        assert after["outline"] == "solid" and after["width"] >= 2, after
        shown = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
        assert "Voice:" in shown, shown  # what hovering shows, the focus shows too
        screenshot(page, "a11y-first-highlight-focused")
    else:  # past the sidebar: no link of the page navigation
        assert not page.evaluate("document.activeElement.closest('[data-testid=\"stSidebar\"]') !== null"), after


def test_a_bar_s_why_with_the_keyboard_alone(page, server):
    page.goto(server + f"/?event={EVENT}&feature=hedge_per_1k")
    wait_for_app(page, "Feature by feature")
    charts_drawn(page, 2)
    tab_until(page, lambda f: f["tag"] == "summary" and "Hedges by outlet: as text" in f["text"])
    page.keyboard.press("Enter")
    tab_until(page, lambda f: "The words behind World Socialist Web Site" in f["label"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    wait_for_app(page, "Feature by feature")
    expect(page.get_by_text(re.compile(r"World Socialist Web Site — Hedges: [0-9.]+ per 1,000 words")).first
           ).to_be_visible()
    screenshot(page, "a11y-why-by-keyboard")


def cut_off(page) -> list[str]:
    """Visible labels, headers, buttons and values that are cut off now. The one allowed: the chosen event in the
    sidebar's select box, which the page shows in full under its title."""
    title = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first
    shown = title.inner_text() if title.count() else ""
    return [f"{c['text'][:70]!r} ({c['tag']} {c['testid']} {c['label']}: {c['needs']}px of text in {c['has']}px)"
            for c in page.evaluate(TRUNCATION_JS) if not (c["label"] == "Event" and c["text"] in shown)]


@pytest.mark.parametrize("size", list(SIZES))
def test_nothing_is_cut_off(browser, server, size):
    width, height, scale = SIZES[size]
    context, page = new_page(browser, width, height, scale)
    found = {}
    try:
        for name in PAGES:
            open_page(page, server, name)
            cut = cut_off(page)
            if cut:
                found[name] = cut
            screenshot(page, f"a11y-cut-{size}-{name}")
    finally:
        context.close()
    lines = [f"{name}: {c}" for name, cuts in found.items() for c in cuts]
    assert not found, f"{len(lines)} cut-off text(s) at {size}:\n" + "\n".join(lines)


# A phone's browser, as it names itself: the dashboard lays charts out for a phone's width when it says 'Mobi'
PHONE_AGENT = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
               "Version/17.0 Mobile/15E148 Safari/604.1")
CHART_TEXTS = """chart => [...chart.querySelectorAll('svg text')].filter(t => t.textContent.trim()
    && getComputedStyle(t).opacity !== '0' && t.getBoundingClientRect().width > 0)
    .map(t => { const r = t.getBoundingClientRect(); return {text: t.textContent.trim(), box: [r.left, r.top, r.right, r.bottom]}; })"""


@pytest.mark.parametrize("name", ["compare-story", "sources", "depth"])
def test_charts_on_a_phone_are_laid_out_for_its_width(browser, server, name):
    """On a phone (390 px, its own user agent) no two texts of a chart overlap (caption, legend, category labels,
    axis titles), none runs past the chart's edges, and no toolbar covers the title."""
    context, page = new_page(browser, 390, 844, 3, user_agent=PHONE_AGENT)
    problems = []
    try:
        open_page(page, server, name)
        for k, chart in enumerate(c for c in page.locator(".js-plotly-plot").all() if c.is_visible()):  # open tab
            chart.scroll_into_view_if_needed()
            if chart.locator(".modebar").count() and chart.locator(".modebar").first.is_visible():
                problems.append(f"chart {k}: the toolbar shows, over the title")
            edge = chart.bounding_box()
            texts = chart.evaluate(CHART_TEXTS)
            problems += [f"chart {k}: {a['text']!r} overlaps {b['text']!r}" for i, a in enumerate(texts)
                         for b in texts[i + 1:] if overlap(a["box"], b["box"])]
            problems += [f"chart {k}: {t['text']!r} runs past the chart's edge" for t in texts
                         if t["box"][0] < edge["x"] - 0.5 or t["box"][2] > edge["x"] + edge["width"] + 0.5]
            ARTIFACTS.mkdir(exist_ok=True)
            chart.screenshot(path=str(ARTIFACTS / f"a11y-phone-chart-{name}-{k}.png"))
    finally:
        context.close()
    assert not problems, "\n".join(problems)


# The tab bars of each page with tabs: on a phone every tab label shows whole, so no tab hides behind the bar's
# scroll arrow (Streamlit scrolls a tab bar wider than the screen and cuts the last label).
TAB_BARS = """() => [...document.querySelectorAll('[data-testid="stTabs"] [role="tablist"]')].map(bar => ({
    labels: [...bar.querySelectorAll('[role="tab"]')].map(t => t.textContent.trim()),
    hidden: [...bar.querySelectorAll('[role="tab"]')].filter(t => { const r = t.getBoundingClientRect();
        const b = bar.getBoundingClientRect(); return r.left < b.left - 0.5 || r.right > b.right + 0.5; })
        .map(t => t.textContent.trim())}))"""


@pytest.mark.parametrize("name", ["depth", "add", "classroom"])
def test_every_tab_label_shows_on_a_phone(browser, server, name):
    context, page = new_page(browser, 390, 844, 3, user_agent=PHONE_AGENT)
    try:
        open_page(page, server, name)
        bars = page.evaluate(TAB_BARS)
        screenshot(page, f"a11y-phone-tabs-{name}")
    finally:
        context.close()
    assert bars, f"{name} shows no tab bar"
    hidden = [(b["labels"], b["hidden"]) for b in bars if b["hidden"]]
    assert not hidden, f"tabs cut off on a phone on {name}: {hidden}"


def headings(page) -> list[tuple[int, str]]:
    """The headings of the main area in the accessibility tree (Playwright's ARIA snapshot), with their levels."""
    tree = page.locator('[data-testid="stMain"]').aria_snapshot()
    return [(int(level), text) for text, level in re.findall(r'- heading "(.*?)" \[level=(\d)\]', tree)]


@pytest.mark.parametrize("name", [n for n in PAGES if not n.endswith("-story")])
def test_one_h1_and_headings_in_order(page, server, name):
    open_page(page, server, name)
    found = headings(page)
    assert [t for lvl, t in found if lvl == 1] == [page.locator("h1").first.inner_text()], found
    jumps = [(a, b) for a, b in itertools.pairwise(found) if b[0] > a[0] + 1]
    assert not jumps, f"headings skip a level on {name}: {jumps} in {found}"
    assert page.title() == "Framing Lens"


COLOURS_JS = """el => { const s = getComputedStyle(el);
  return [s.color, s.backgroundColor].map(c => c.match(/[\\d.]+/g).map(Number)); }"""


def shown_on_white(colour: list[float]) -> list[float]:
    """An rgb(a) colour as seen over the white page."""
    alpha = colour[3] if len(colour) == 4 else 1.0
    return [alpha * c + (1 - alpha) * 255 for c in colour[:3]]


def test_selected_pills_keep_their_text_at_aa_contrast_at_rest_and_under_the_pointer(page, server):
    open_page(page, server, "read")
    pills = page.get_by_role("button", name=re.compile(r"\[[A-Z]\]"))  # the highlight toggles: 'Loaded term [L]'
    assert pills.count() >= 3
    for pill in pills.all():
        for state in ("rest", "hover"):
            if state == "hover":
                pill.hover()
                page.wait_for_function("el => el.matches(':hover') && el.getAnimations().length === 0",
                                       arg=pill.element_handle())
            text, background = pill.evaluate(COLOURS_JS)
            ratio = contrast(text[:3], shown_on_white(background))
            assert ratio >= 4.5, f"{pill.inner_text()!r} at {state}: {ratio:.2f}:1"


def test_every_text_in_the_charts_reads_at_aa_contrast(page, server):
    open_page(page, server, "compare-story")
    fills = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot text')]
        .filter(t => t.textContent.trim() && t.getBBox().width > 0)
        .map(t => [t.textContent.slice(0, 40), getComputedStyle(t).fill.match(/[\\d.]+/g).map(Number)])""")
    assert len(fills) > 20
    weak = [(text, colour) for text, colour in fills if contrast(shown_on_white(colour), [255, 255, 255]) < 4.5]
    assert not weak, weak
