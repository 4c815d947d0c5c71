"""Helpers for the real-browser tests: a `streamlit run` server on a free port and Debian's Chromium."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from google.protobuf.message import DecodeError
from playwright.sync_api import expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from ui.warm_up import warm as warm_up_server

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
# Waits are sized for a slow, busy 2-core machine; FRAMING_LENS_TEST_TIMEOUT (ms) raises them further.
TIMEOUT = float(os.environ.get("FRAMING_LENS_TEST_TIMEOUT", 60_000))
FIRST_RUN_TIMEOUT = 4 * TIMEOUT
SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'
expect.set_options(timeout=TIMEOUT)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class ServerURL(str):
    """The server's base URL, which also knows the server's process id and its log."""
    pid: int = 0
    log_path: Path | None = None

    def log(self) -> str:
        """Everything the server printed so far."""
        return self.log_path.read_text(errors="replace") if self.log_path else ""

    def cpu_seconds(self) -> float:
        """User + system CPU time the server process has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(script: Path = ROOT / "dashboard.py", env: dict | None = None, warm: bool = True):
    """Run `streamlit run` on 127.0.0.1 and a free port and, as scripts/run-dashboard.sh does, have it run the app
    once before anyone visits (unless `warm` is False); yield its base URL (a ServerURL)."""
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False)  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT)
    url = ServerURL(f"http://127.0.0.1:{port}")
    url.pid, url.log_path = proc.pid, Path(log.name)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("streamlit did not start")
        if warm:
            warm_up_server(url)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        url.log_path.unlink(missing_ok=True)


def launch(playwright):
    """Debian's Chromium, headless, with no background network traffic."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def _count_finished_runs(page) -> None:
    """Count, in `page.fl_runs`, the script runs the server reports finished over the page's websockets.

    The server's own "script finished" message is the signal: the page's `data-test-script-state` attribute can go
    running -> notRunning within one React render on a fast run and never show the change in the DOM."""
    page.fl_runs = 0

    def frame(payload) -> None:
        if isinstance(payload, str):
            return
        try:
            msg = ForwardMsg.FromString(payload)
        except DecodeError:
            return
        if msg.WhichOneof("type") == "script_finished" and msg.script_finished in _FINISHED:
            page.fl_runs += 1
    page.on("websocket", lambda ws: ws.on("framereceived", frame))


_FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
             ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


def new_page(browser, width: int = 1400, height: int = 1400, scale: float = 1, user_agent: str | None = None):
    """A fresh browser context and page, with this machine-independent default timeout on every wait; every
    request that would leave 127.0.0.1 is recorded in `context.outside` (see `assert_offline`)."""
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale,
                                  user_agent=user_agent)
    context.set_default_timeout(TIMEOUT)
    context.outside = []

    def record(url: str) -> None:
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname != "127.0.0.1":
            context.outside.append(url)
    context.on("request", lambda request: record(request.url))
    page = context.new_page()
    _count_finished_runs(page)
    page.on("websocket", lambda ws: record(ws.url))
    return context, page


def assert_offline(context, page=None) -> None:
    """Fail if the app asked for anything outside this machine (a request, a websocket, or an icon link)."""
    if page is not None and not page.is_closed():
        icons = page.eval_on_selector_all("link[rel~='icon']", "els => els.map(e => e.href)")
        context.outside += [h for h in icons if urlsplit(h).scheme in ("http", "https")
                            and urlsplit(h).hostname != "127.0.0.1"]
    assert not context.outside, f"requests left the machine: {context.outside}"


def runs(page) -> int:
    """How many script runs the server has reported finished to this page."""
    return page.fl_runs


def rerun_after(page, action, timeout: float = TIMEOUT) -> None:
    """Do `action` (a click, a key press, a reload) and wait until the run it causes has finished and is drawn."""
    before = runs(page)
    action()
    deadline = time.monotonic() + timeout / 1000
    while runs(page) <= before:  # websocket events are delivered while Playwright waits
        if time.monotonic() > deadline:
            raise TimeoutError(f"no script run finished within {timeout / 1000:.0f} s")
        page.wait_for_timeout(50)
    settle(page, timeout)


# Resolves after two animation frames: the page has handled the messages that had arrived and React has drawn them.
_TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def drawn(page, timeout: float = TIMEOUT) -> None:
    """Wait until the page has handled what its websocket received and drawn it: Playwright hears of a websocket
    message before the page's own script has taken it (after a reload the sidebar was once not yet drawn), every
    widget whose code loads on first use is there (no placeholder skeleton left), and no element is left stale
    from an earlier run."""
    page.evaluate(_TWO_FRAMES)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=timeout)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=timeout)


def choose(box, option: str) -> None:
    """Pick `option` in an open select box: type it, then click it in the list that is left. In the long, virtualised
    list a click can land while the list scrolls and redraws its rows, and pick nothing."""
    box.fill(option)
    box.page.get_by_role("option", name=option, exact=True).click()


def warm_up(browser, url: str) -> None:
    """Open the app once and wait (long) for its first full run: a fresh server analyses the corpus first."""
    context, page = new_page(browser)
    try:
        page.goto(url + "/")
        settle(page, FIRST_RUN_TIMEOUT)
        page.get_by_text("Feature by feature").first.wait_for(timeout=FIRST_RUN_TIMEOUT)
    finally:
        context.close()


def settle(page, timeout: float = TIMEOUT) -> None:
    """Wait until the app's script run has finished (the page is connected and no rerun is pending) and the page
    has drawn what it received (see `drawn`)."""
    page.locator(SETTLED).wait_for(timeout=timeout)
    drawn(page, timeout)


def wait_for_app(page, text: str, timeout: float = TIMEOUT) -> None:
    """Wait until the script run has finished and the app shows `text`."""
    settle(page, timeout)
    page.get_by_text(text).first.wait_for(timeout=timeout)
    settle(page, timeout)


def charts_drawn(page, count: int, timeout: float = TIMEOUT) -> None:
    """Wait until `count` plotly charts are drawn (each has its SVG) and the run has finished."""
    expect(page.locator(".js-plotly-plot .main-svg:first-child")).to_have_count(count, timeout=timeout)
    settle(page, timeout)


def bar_centre(chart, label: str) -> tuple[float, float]:
    """Page coordinates of the middle of the bar whose category (x value) is `label`, in a drawn plotly chart."""
    chart.scroll_into_view_if_needed()
    point = chart.evaluate("""(gd, label) => {
        for (const pt of gd.querySelectorAll('g.trace.bars g.point')) {
            const trace = pt.closest('g.trace').__data__[0].trace;
            if (String(trace.x[pt.__data__.i]).replace(/<br>/g, ' ') === label) {  // long labels wrap at <br>
                const r = pt.querySelector('path').getBoundingClientRect();
                return [r.x + r.width / 2, r.y + r.height / 2];
            }
        }
        return null;
    }""", label)
    assert point, f"no bar labelled {label!r}"
    return point[0], point[1]


def axe_violations(page, context: str = "document") -> list[str]:
    """WCAG 2.1 A and AA violations axe-core finds on the page now, one line each with its elements.

    axe-core is installed by scripts/run-tests.sh from the npm registry (pinned, AXE_VERSION there) and injected by
    the test; the app itself never loads it."""
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: scripts/run-tests.sh installs axe-core from the npm registry")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async (context) => {
        const result = await axe.run(context === 'document' ? document : document.querySelector(context),
            {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']});
        return result.violations.map(v => `${v.impact} ${v.id}: ${v.help} -- ` +
            v.nodes.slice(0, 8).map(n => n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.split('\\n').slice(1).join(' ').trim() + ']' : '')).join(' | ') +
            (v.nodes.length > 8 ? ` (+${v.nodes.length - 8} more)` : ''));
    }""", context)
    return found


def screenshot(page, name: str) -> Path:
    """Save a screenshot of the viewport in test-artifacts/ (look at it)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def overlap(a, b, slack: float = 0.5) -> bool:
    """Whether two boxes (left, top, right, bottom) overlap by more than `slack` pixels each way."""
    return a[0] + slack < b[2] and b[0] + slack < a[2] and a[1] + slack < b[3] and b[1] + slack < a[3]
