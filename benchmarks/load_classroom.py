"""A class of 30 opening the dashboard at once: one server, 30 sessions in parallel.

Two kinds of client, each beside one session alone on the same warm server:
- browsers (headless Chromium): the time until the first chart is drawn for the first, the median and the last of
  the sessions, any error, and the server's CPU. The browsers run on the same cores as the server, so most of
  their time is the browsers' own;
- websocket clients that speak Streamlit's protocol and draw nothing: the time until the server has sent the first
  chart's data to the first, the median and the last session, i.e. the server's own share, as if 30 students on
  their own devices arrived at once.
Traffic stays on 127.0.0.1. Run (from the project folder):
    .venv/bin/python -m benchmarks.load_classroom [--sessions 30] [--path /sources] [--clients websocket]
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import time

import websockets
from playwright.async_api import async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.browser import CHROMIUM, CHROMIUM_ARGS, SETTLED, streamlit_server

TEXT = {"/": "Feature by feature", "/sources": "Who gets to speak", "/terms?term=provocat*": "Terms in context"}
CHART = ".js-plotly-plot .main-svg"
CHART_DATA = b'"layout":'  # in the figure JSON of a plotly chart message


async def one(browser, url: str, text: str, timeout_s: float) -> tuple[float | None, str, float | None]:
    """(seconds from opening the page to its first drawn chart, or None; what went wrong; seconds until the server
    had sent the first chart's data, before the browser drew anything)."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    t0 = time.perf_counter()
    sent: list[float] = []

    def frame(payload) -> None:
        if not sent and isinstance(payload, bytes) and CHART_DATA in payload:
            sent.append(time.perf_counter() - t0)
    page.on("websocket", lambda ws: ws.on("framereceived", frame))
    try:
        await page.goto(url, timeout=timeout_s * 1000)
        await page.get_by_text(text).first.wait_for(timeout=timeout_s * 1000)
        await page.locator(CHART).first.wait_for(timeout=timeout_s * 1000)
        elapsed = time.perf_counter() - t0
        await page.locator(SETTLED).wait_for(timeout=timeout_s * 1000)
        if await page.locator('[data-testid="stException"]').count():
            return None, "exception shown", None
        return elapsed, "", sent[0] if sent else None
    except Exception as exc:
        return None, type(exc).__name__, None
    finally:
        await context.close()


async def run(sessions: int, path: str, timeout_s: float) -> None:
    with streamlit_server() as base:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            cold = await one(browser, base + path, TEXT[path], timeout_s)  # the first analysis fills the caches
            single = await one(browser, base + path, TEXT[path], timeout_s)  # one session alone, warm server
            cpu0 = base.cpu_seconds()
            t0 = time.perf_counter()
            results = await asyncio.gather(*(one(browser, base + path, TEXT[path], timeout_s) for _ in range(sessions)))
            wall = time.perf_counter() - t0
            server_cpu = base.cpu_seconds() - cpu0
            await browser.close()
    times = sorted(t for t, _, _ in results if t is not None)
    served = sorted(s for _, _, s in results if s is not None)
    errors = [e for t, e, _ in results if t is None]
    print(f"{path}: one session alone {single[0]:.2f} s to its first chart (cold server {cold[0]:.2f} s)")
    if times:
        print(f"{sessions} sessions at once, time to first chart: first {times[0]:.2f} s "
              f"({times[0] / single[0]:.1f}x one alone), median {statistics.median(times):.2f} s, last {times[-1]:.2f} s; "
              f"all done in {wall:.1f} s")
    if served and single[2]:
        print(f"first chart's data sent by the server: one alone {single[2]:.2f} s; of {sessions} at once first "
              f"{served[0]:.2f} s ({served[0] / single[2]:.1f}x), median {statistics.median(served):.2f} s, "
              f"last {served[-1]:.2f} s (what the browsers then take to draw is theirs, on these same cores)")
    print(f"errors: {len(errors)}" + (f" ({', '.join(sorted(set(errors)))})" if errors else ""))
    print(f"server CPU for all {sessions} sessions: {server_cpu:.1f} s ({server_cpu / sessions:.2f} s per session); "
          f"the rest of the wall time is the {sessions} headless browsers sharing this machine's cores")


async def protocol_session(url: str) -> tuple[float, float]:
    """(seconds until the server sent the first chart's data, seconds until its run finished) for one session
    opened by a websocket client that asks for the page as a browser does and draws nothing."""
    msg = BackMsg()
    msg.rerun_script.context_info.timezone = "UTC"
    msg.rerun_script.context_info.url = url
    base, _, query = url.partition("?")
    msg.rerun_script.query_string = query
    t0, first = time.perf_counter(), None
    stream = base.split("/", 3)[:3]
    async with websockets.connect("/".join(stream).replace("http", "ws", 1) + "/_stcore/stream",
                                  subprotocols=["streamlit"], max_size=None) as ws:
        await ws.send(msg.SerializeToString())
        while True:
            data = await ws.recv()
            if first is None and CHART_DATA in data:
                first = time.perf_counter() - t0
            if ForwardMsg.FromString(data).WhichOneof("type") == "script_finished":
                return (first if first is not None else float("nan")), time.perf_counter() - t0


async def run_protocol(sessions: int, path: str) -> None:
    with streamlit_server() as base:
        single = min([await protocol_session(base + path) for _ in range(3)])
        cpu0 = base.cpu_seconds()
        results = await asyncio.gather(*(protocol_session(base + path) for _ in range(sessions)))
        server_cpu = base.cpu_seconds() - cpu0
    firsts = sorted(first for first, _ in results)
    print(f"{path}, websocket clients (no drawing): one session alone {single[0]:.2f} s to the first chart's data; "
          f"{sessions} at once: first {firsts[0]:.2f} s ({firsts[0] / single[0]:.1f}x one alone), median "
          f"{statistics.median(firsts):.2f} s, last {firsts[-1]:.2f} s; server CPU {server_cpu / sessions:.2f} s "
          f"per session")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sessions", type=int, default=30)
    ap.add_argument("--path", default="/", choices=sorted(TEXT))
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--clients", choices=["both", "websocket", "browser"], default="both")
    args = ap.parse_args()
    if args.clients in ("both", "websocket"):
        asyncio.run(run_protocol(args.sessions, args.path))
    if args.clients in ("both", "browser"):
        asyncio.run(run(args.sessions, args.path, args.timeout))


if __name__ == "__main__":
    main()
