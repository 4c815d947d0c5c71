"""Warm a freshly started dashboard server: wait until it answers, then have it run the app once (imports, corpus
analysis, the first page's figures), so the first student does not wait for them.

Run beside the server: `python -m ui.warm_up [the streamlit options, e.g. --server.port 8502]`.
"""
from __future__ import annotations

import sys
import time
import urllib.error
import urllib.request

DEFAULT_PORT = 8501
START_SECONDS = 120
RUN_SECONDS = 600


def _option(options: list[str], name: str) -> str | None:
    """The value of `--name VALUE` or `--name=VALUE` among command-line options (the last one wins)."""
    value = None
    for k, opt in enumerate(options):
        if opt == name and k + 1 < len(options):
            value = options[k + 1]
        elif opt.startswith(name + "="):
            value = opt.split("=", 1)[1]
    return value


def base_url(options: list[str]) -> str:
    """The address to reach a server started with these `streamlit run` options: its port, and its address unless
    that listens on every interface (then this machine's loopback)."""
    port = int(_option(options, "--server.port") or DEFAULT_PORT)
    host = _option(options, "--server.address") or "127.0.0.1"
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    return f"http://{'[' + host + ']' if ':' in host else host}:{port}"


def _get(url: str, timeout: float) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def warm(url: str, start_seconds: float = START_SECONDS) -> bool:
    """Wait for the server at `url` to answer, then run the app's script once through Streamlit's script health
    check (`server.scriptHealthCheckEnabled`); True if that run finished without an error."""
    deadline = time.monotonic() + start_seconds
    while True:
        try:
            if _get(url + "/_stcore/health", timeout=2) == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            return False
        time.sleep(0.3)
    try:
        return _get(url + "/_stcore/script-health-check", timeout=RUN_SECONDS) == 200
    except OSError:
        return False


def main() -> None:
    url = base_url(sys.argv[1:])
    ok = warm(url)
    print(f"Framing Lens: {'ready' if ok else 'the warm-up run did not finish; pages load on first visit'} ({url})",
          file=sys.stderr)


if __name__ == "__main__":
    main()
