"""Time to first full render of each dashboard page in Chromium, and from a widget change to the updated chart,
with a hello-world Streamlit page measured in the same run as the reference.

Run (from the project folder): .venv/bin/python -m benchmarks.measure_render [--runs 3]
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import launch, streamlit_server, wait_for_app

ROOT = Path(__file__).resolve().parent.parent

PAGES = [("/", "Feature by feature", 2), ("/read", "Read side by side", 0), ("/sources", "Who gets to speak", 2),
         ("/terms?term=provocat*", "Terms in context", 1), ("/depth", "Comparative depth", 1),
         ("/drafts", "Draft check", 0), ("/add", "Add articles", 0), ("/method", "How Framing Lens works", 0)]


def timed_load(browser, url: str, text: str, charts: int) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    page = context.new_page()
    t0 = time.perf_counter()
    page.goto(url)
    wait_for_app(page, text)
    if charts:
        page.locator(".js-plotly-plot").nth(charts - 1).wait_for()
    elapsed = time.perf_counter() - t0
    context.close()
    return elapsed


def widget_change(browser, base: str) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    page = context.new_page()
    page.goto(base + "/")
    wait_for_app(page, "Feature by feature")
    page.locator(".js-plotly-plot").nth(1).wait_for()
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="One feature")
    box.locator("input").click()
    page.keyboard.type("Hedges (per")
    t0 = time.perf_counter()
    page.keyboard.press("Enter")
    page.get_by_text("Hedges by outlet").first.wait_for()
    elapsed = time.perf_counter() - t0
    context.close()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with sync_playwright() as p, streamlit_server() as app, streamlit_server(ROOT / "benchmarks" / "hello_app.py") as hello:
        browser = launch(p)
        rows = []
        cold = timed_load(browser, app + "/", "Feature by feature", 2)
        rows.append(("dashboard / (first load, cold cache)", [cold]))
        rows.append(("hello world (reference)", [timed_load(browser, hello, "Hello, world", 0) for _ in range(args.runs)]))
        for path, text, charts in PAGES:
            rows.append((f"dashboard {path}", [timed_load(browser, app + path, text, charts) for _ in range(args.runs)]))
        rows.append(("widget change -> updated chart", [widget_change(browser, app) for _ in range(args.runs)]))
        browser.close()
    ref = statistics.median(rows[1][1])
    print(f"{'what':<40} {'median s':>9} {'max s':>7} {'x hello':>8}")
    for name, times in rows:
        med = statistics.median(times)
        print(f"{name:<40} {med:>9.2f} {max(times):>7.2f} {med / ref:>8.1f}")


if __name__ == "__main__":
    main()
