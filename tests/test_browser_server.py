"""The server under hostile use, in real Chromium: no tracebacks for users, analysis work that stops with its
session, and a server that stops on SIGTERM even in the middle of an analysis."""
import os
import signal
import time
from pathlib import Path

from playwright.sync_api import expect

from tests.browser import ROOT, assert_offline, new_page, settle, streamlit_server, wait_for_app


def children(pid: int) -> list[int]:
    """Process ids whose parent is `pid` (Linux /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def is_forkserver(pid: int) -> bool:
    try:
        return b"multiprocessing.forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def workers(server_pid: int) -> list[int]:
    """The analysis worker processes: children of the fork server the server started (not, say, the chart
    renderer's Chromium processes)."""
    return [w for c in children(server_pid) if is_forkserver(c) for w in children(c)]


def wait_until(condition, seconds: float) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def test_users_see_no_traceback_and_the_log_has_it(browser):
    with streamlit_server(ROOT / "tests" / "apps" / "raises.py", warm=False) as url:
        context, page = new_page(browser)
        page.goto(url + "/")
        settle(page)
        expect(page.get_by_text("About to fail")).to_be_visible()
        shown = page.locator('[data-testid="stApp"]').inner_text()
        assert "secret detail" not in shown and "Traceback" not in shown and str(ROOT) not in shown
        assert "Ask Google" not in shown and "ChatGPT" not in shown
        assert_offline(context, page)
        context.close()
        assert wait_until(lambda: "secret detail from the server" in url.log(), 10)
        assert "Traceback" in url.log() and "raises.py" in url.log()


def test_analysis_stops_with_its_session_and_the_server_on_sigterm(browser, tmp_path):
    seed = "\n\n".join(p.read_text() for p in sorted((ROOT / "corpus" / "articles").glob("*.txt")))
    big = tmp_path / "big-draft.txt"
    big.write_text((seed + "\n\n") * 450)  # about 11 MB: most of a minute of analysis even on a fast machine
    env = {"FRAMING_LENS_USER_CORPUS": str(tmp_path / "user"), "FRAMING_LENS_DRAFTS": str(tmp_path / "drafts"),
           "FRAMING_LENS_ANALYSIS_SECONDS": "600", "FRAMING_LENS_MAX_BYTES": str(16 * 1024 * 1024)}
    with streamlit_server(env=env) as url:
        def start_analysis():
            context, page = new_page(browser)
            page.goto(url + "/drafts")
            wait_for_app(page, "Draft check")
            page.locator("input[type=file]").first.set_input_files(str(big))
            # The server's own processes say when the work started (the browser may show it later on a busy machine).
            assert wait_until(lambda: workers(url.pid), 120), "no analysis worker started"
            expect(page.get_by_text("Analysing the drafts").first).to_be_visible()
            busy = workers(url.pid)
            assert busy, "the analysis ended before the test could stop it: make the draft longer"
            return context, busy

        context, busy = start_analysis()
        context.close()  # the student closes the tab: the worker doing its analysis is stopped
        assert wait_until(lambda: not any(alive(w) for w in busy), 20), "the analysis went on after the tab closed"

        context, busy = start_analysis()
        helpers = children(url.pid)
        t0 = time.perf_counter()
        os.kill(url.pid, signal.SIGTERM)
        assert wait_until(lambda: not alive(url.pid), 30), "the server ignored SIGTERM"
        assert time.perf_counter() - t0 < 30
        assert wait_until(lambda: not any(alive(p) for p in busy + helpers), 15), "analysis processes outlived the server"
        context.close()


PAYLOAD = "[phish](https://example.com/x) ![pix](http://example.com/y.png) www.example.com"


def shown(page) -> str:
    """The app's visible text as a reader sees it (without the invisible word joiners that stop autolinks)."""
    return page.locator('[data-testid="stApp"]').inner_text().replace("\u2060", "")


def no_live_markup(page) -> None:
    """No link or image that user text could have made."""
    expect(page.locator('[data-testid="stApp"] a[href*="example.com"]')).to_have_count(0)
    expect(page.locator('[data-testid="stApp"] img[src*="example.com"]')).to_have_count(0)


def test_markdown_in_headlines_terms_and_file_names_stays_text(browser, tmp_path):
    from analysis.corpus.store import NewArticle, save_article
    user = tmp_path / "user"
    save_article(ROOT / "corpus", user, NewArticle("North Korea called the flight provocative, officials said.",
                                                   "Evil [outlet](https://example.com/o)", "2017-07-08",
                                                   headline=PAYLOAD, event="e2-2017-07-07-b1-korea-icbm"))
    hostile = tmp_path / "[file](https:example.com) ![i](http:example.com) www.example.com.txt"
    hostile.write_bytes(b"  ")
    with streamlit_server(env={"FRAMING_LENS_USER_CORPUS": str(user), "FRAMING_LENS_DRAFTS": str(tmp_path / "d")}) as url:
        context, page = new_page(browser)
        page.goto(url + "/?event=e2-2017-07-07-b1-korea-icbm")
        wait_for_app(page, "Feature by feature")
        no_live_markup(page)
        assert PAYLOAD in shown(page) and "Evil [outlet](https://example.com/o)" in shown(page)
        page.goto(url + "/terms?term=" + PAYLOAD.replace(" ", "%20"))
        wait_for_app(page, "does not occur")
        no_live_markup(page)
        assert f"“{PAYLOAD}” does not occur" in shown(page)
        expect(page.locator(".js-plotly-plot a")).to_have_count(0)
        page.goto(url + "/add")
        wait_for_app(page, "Add articles")
        page.get_by_text("file", exact=True).click()
        page.locator("input[type=file][accept*='.txt']").set_input_files(str(hostile))
        expect(page.get_by_text("is empty").first).to_be_visible()
        no_live_markup(page)
        assert f"{hostile.name}: is empty" in shown(page)
        assert_offline(context, page)
        context.close()
