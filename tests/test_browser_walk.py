"""A seeded random walk of 40 widget changes across the pages, in real Chromium: after every step no exception is on
screen, the outlet chips equal the outlets shown, and reloading the URL gives the same view."""
import random
import re

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser import (
    assert_offline,
    bar_centre,
    choose,
    launch,
    new_page,
    rerun_after,
    screenshot,
    settle,
    streamlit_server,
    warm_up,
)

STEPS = 40
SEED = 20261202
PAGES = {"Compare": "Compare outlets", "Read": "Read side by side", "Sources": "Who gets to speak",
         "Terms": "Terms in context", "Depth": "Comparative depth"}


@pytest.fixture(scope="module")
def walk_page():
    with sync_playwright() as p, streamlit_server() as url:
        browser = launch(p)
        warm_up(browser, url)
        context, page = new_page(browser)
        page.goto(url + "/")
        settle(page)
        yield page
        assert_offline(context, page)
        context.close()
        browser.close()


def sidebar(page):
    return page.locator('[data-testid="stSidebar"]')


def outlets_box(page):
    return sidebar(page).locator('[data-testid="stMultiSelect"]').filter(has_text="Outlets")


def chips(page) -> list[str]:
    """The outlets chosen in the sidebar (each chip has a 'Remove <outlet>' button)."""
    buttons = outlets_box(page).get_by_role("button", name=re.compile("^Remove "))
    return sorted(b.get_attribute("aria-label")[len("Remove "):] for b in buttons.all())


def title(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def shown_outlets(page) -> list[str] | None:
    """Outlets drawn as cards (Compare) or columns (Read); None on pages that draw neither."""
    main = page.locator('[data-testid="stMain"]')
    if title(page) == PAGES["Compare"]:
        return sorted(main.locator('[data-testid="stColumn"] h3').all_inner_texts())  # one card per outlet, its name an h3
    if title(page) == PAGES["Read"]:
        return sorted(main.locator('[data-testid="stColumn"] h2').all_inner_texts())  # one column per article, an h2
    return None


def view(page) -> dict:
    """What the reader sees that a reload must reproduce."""
    event = sidebar(page).get_by_role("combobox", name="Event")
    out = {"title": title(page), "event": event.input_value() if event.count() else "",
           "chips": chips(page), "shown": shown_outlets(page)}
    why = page.get_by_text(re.compile(r" — .*: [0-9.,]+ ")).first
    if out["title"] == PAGES["Compare"] and why.count():
        out["why"] = why.inner_text().split(".")[0]
    selected = page.get_by_role("tab", selected=True)
    out["tabs"] = selected.all_inner_texts()
    term = page.get_by_role("textbox", name=re.compile("type a word"))
    out["term"] = term.input_value() if term.count() else None
    pills = page.locator('[data-testid="stButtonGroup"] button[aria-pressed="true"], '
                         '[data-testid="stButtonGroup"] button[kind="pillsActive"]')
    out["pills"] = sorted(pills.all_inner_texts())
    return out


def check(page, step: str) -> None:
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    assert "Traceback" not in page.locator('[data-testid="stMain"]').inner_text(), step
    shown = shown_outlets(page)
    if shown is not None and not page.get_by_text("No outlet is chosen").count():
        assert shown == chips(page), f"{step}: chips {chips(page)} but shown {shown}"
    before = view(page)
    rerun_after(page, page.reload)
    after = view(page)
    assert after == before, f"{step}: reloading {page.url} changed the view\n{before}\n{after}"


def pick_option(page, name: str, rng: random.Random) -> str | None:
    box = page.get_by_role("combobox", name=name)
    if not box.count():
        return None
    current = box.first.input_value()
    box.first.click()
    options = [o.inner_text() for o in page.get_by_role("option").all()
               if o.get_attribute("aria-selected") != "true"]  # picking the chosen option again runs nothing
    options = [o for o in options if o.strip() and o != current]
    if not options:
        page.keyboard.press("Escape")
        return None
    choice = rng.choice(options)
    rerun_after(page, lambda: choose(box.first, choice))
    return f"{name} -> {choice}"


def toggle_outlet(page, rng: random.Random) -> str | None:
    box = outlets_box(page)
    names = chips(page)
    if len(names) > 1 and rng.random() < 0.6:
        name = rng.choice(names)
        rerun_after(page, lambda: box.get_by_role("button", name=f"Remove {name}", exact=True).click())
        return f"remove outlet {name}"
    box.get_by_role("combobox").click()
    options = [o for o in page.get_by_role("option").all_inner_texts() if o not in names and o != "No results"]
    if not options:
        page.keyboard.press("Escape")
        return None
    choice = rng.choice(options)  # an outlet left out, or "Select all"
    rerun_after(page, lambda: page.get_by_role("option", name=choice, exact=True).click())
    page.keyboard.press("Escape")
    return f"add outlet {choice}"


def go_to(page, rng: random.Random) -> str:
    target = rng.choice([p for p in PAGES if PAGES[p] != title(page)])
    rerun_after(page, lambda: sidebar(page).get_by_role("link", name=target, exact=True).click())
    expect(page.locator("h1").first).to_have_text(PAGES[target])
    return f"page {target}"


def click_bar(page, rng: random.Random) -> str | None:
    chart = page.locator(".js-plotly-plot").filter(has_text=re.compile(r"by outlet$|by outlet\n"))
    single = [c for c in chart.all() if "Framing features" not in c.inner_text()]
    names = chips(page)
    if not single or not names:
        return None
    outlet = rng.choice(names)
    x, y = bar_centre(single[0], outlet)
    rerun_after(page, lambda: page.mouse.click(x, y))
    expect(page.get_by_text(re.compile(rf"^{re.escape(outlet)} — ")).first).to_be_visible()
    return f"click bar {outlet}"


def toggle_pill(page, rng: random.Random) -> str | None:
    pills = page.locator('[data-testid="stButtonGroup"] button')
    if not pills.count():
        return None
    pill = pills.nth(rng.randrange(pills.count()))
    name = pill.inner_text()
    rerun_after(page, pill.click)
    return f"toggle {name}"


def switch_tab(page, rng: random.Random) -> str | None:
    tabs = [t for t in page.get_by_role("tab").all() if t.get_attribute("aria-selected") != "true"]
    if not tabs:
        return None
    tab = rng.choice(tabs)
    name = tab.inner_text()
    rerun_after(page, tab.click)
    return f"tab {name}"


def back(page) -> str:
    rerun_after(page, page.go_back)
    return "back"


def test_a_seeded_random_walk_of_forty_changes_never_breaks_the_view(walk_page):
    page, rng = walk_page, random.Random(SEED)
    done: list[str] = []
    while len(done) < STEPS:
        here = title(page)
        moves = [lambda: pick_option(page, "Event", rng), lambda: toggle_outlet(page, rng), lambda: go_to(page, rng)]
        local = {PAGES["Compare"]: [lambda: click_bar(page, rng), lambda: pick_option(page, "One feature", rng),
                                    lambda: pick_option(page, "Number", rng)],
                 PAGES["Read"]: [lambda: toggle_pill(page, rng)],
                 PAGES["Terms"]: [lambda: pick_option(page, "Pick a flagged term", rng)],
                 PAGES["Depth"]: [lambda: switch_tab(page, rng)]}.get(here, [])
        moves += local * 3  # what only this page offers comes up as often as leaving it
        if done:
            moves += [lambda: back(page)]
        step = rng.choice(moves)()
        if step is None:
            continue
        done.append(step)
        check(page, f"step {len(done)} ({step}) after {done[:-1][-5:]}")
    print("\n".join(f"{i + 1:2} {s}" for i, s in enumerate(done)))
    screenshot(page, "random-walk-end")
