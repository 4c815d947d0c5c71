"""Time to first full render of each dashboard page in Chromium, and from a widget change to the updated chart,
with a hello-world page and a one-chart hello page measured in the same run as the reference, and the server's CPU
time per page load. With --baseline DIR the same is measured, interleaved, on the dashboard of another checkout
(e.g. /work/main), so before and after come from one run on the same machine load.

Run (from the project folder): .venv/bin/python -m benchmarks.measure_render [--runs 3] [--baseline ../main]
"""
from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import TIMEOUT, launch, streamlit_server, wait_for_app

ROOT = Path(__file__).resolve().parent.parent

PAGES = [("/", "Feature by feature", 2), ("/read", "Read side by side", 0), ("/sources", "Who gets to speak", 2),
         ("/terms?term=provocat*", "Terms in context", 1), ("/depth", "Comparative depth", 1),
         ("/drafts", "Draft check", 0), ("/add", "Add articles", 0), ("/method", "How Framing Lens works", 0)]


def timed_load(browser, url: str, text: str, charts: int) -> float:
    """Seconds from navigation until the page shows `text` (if given, with its run finished) and its first
    `charts` plotly charts are drawn."""
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    t0 = time.perf_counter()
    page.goto(url)
    if text:
        wait_for_app(page, text)
    if charts:
        page.locator(".js-plotly-plot").nth(charts - 1).wait_for()
    elapsed = time.perf_counter() - t0
    context.close()
    return elapsed


def widget_change(browser, base: str) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    context.set_default_timeout(TIMEOUT)
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


def measure(browser, servers: dict, runs: int, paths: list[str] | None) -> list[tuple[str, list[float], float]]:
    """(what, seconds per run, server CPU seconds per run) for every page and the widget change, the servers
    taking turns page by page (so a change in the machine's load hits them alike)."""
    rows = []
    if not paths or "/" in paths:
        for label, app in servers.items():
            cpu = app.cpu_seconds()
            times = [timed_load(browser, app + "/", "", 1) for _ in range(runs)]
            rows.append((f"{label} / first chart", times, (app.cpu_seconds() - cpu) / runs))
    for path, text, charts in [p for p in PAGES if not paths or p[0] in paths]:
        for label, app in servers.items():
            cpu = app.cpu_seconds()
            times = [timed_load(browser, app + path, text, charts) for _ in range(runs)]
            rows.append((f"{label} {path}", times, (app.cpu_seconds() - cpu) / runs))
    for label, app in servers.items():
        cpu = app.cpu_seconds()
        rows.append((f"{label} widget change -> updated chart", [widget_change(browser, app) for _ in range(runs)],
                     (app.cpu_seconds() - cpu) / runs))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--baseline", type=Path, help="another checkout whose dashboard is measured in the same run")
    ap.add_argument("--pages", nargs="*", help="only these paths (e.g. / /terms?term=provocat*)")
    args = ap.parse_args()
    with contextlib.ExitStack() as stack:
        p = stack.enter_context(sync_playwright())
        app = stack.enter_context(streamlit_server())
        base = stack.enter_context(streamlit_server(args.baseline.resolve() / "dashboard.py")) if args.baseline else None
        hello = stack.enter_context(streamlit_server(ROOT / "benchmarks" / "hello_app.py"))
        chart = stack.enter_context(streamlit_server(ROOT / "benchmarks" / "hello_chart_app.py"))
        browser = launch(p)
        rows = []
        for label, server in (("this", app), ("baseline", base)):
            if server is not None:
                cpu = server.cpu_seconds()
                cold = timed_load(browser, server + "/", "Feature by feature", 2)
                rows.append((f"{label} / (first load after start)", [cold], server.cpu_seconds() - cpu))
        rows.append(("hello world (reference)", [timed_load(browser, hello, "Hello, world", 0) for _ in range(args.runs)],
                     0.0))
        rows.append(("hello, one chart (reference)",
                     [timed_load(browser, chart, "Hello, chart", 1) for _ in range(args.runs)], 0.0))
        rows += measure(browser, {"this": app, **({"baseline": base} if base else {})}, args.runs, args.pages)
        browser.close()
    ref = statistics.median(next(t for n, t, _ in rows if n.startswith("hello, one chart")))
    print(f"{'what':<46} {'median s':>9} {'max s':>7} {'x 1-chart':>10} {'server CPU s':>13}")
    for name, times, cpu in rows:
        med = statistics.median(times)
        print(f"{name:<46} {med:>9.2f} {max(times):>7.2f} {med / ref:>10.1f} {cpu:>13.2f}")


if __name__ == "__main__":
    main()
