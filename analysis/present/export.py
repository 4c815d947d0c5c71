"""Bytes for downloads: charts (PNG, SVG, PDF, offline HTML), tables (CSV, XLSX) and Chromium PDFs of HTML."""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import threading
import warnings
from html import escape
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

IMAGE_FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
PRINT_SCALE = 3  # PNG at 3x the on-screen size: about 300 dpi for a chart printed 10 cm wide
INSTALL_HINT = ("Image and PDF exports need Chromium: install it with `sudo apt-get install chromium` "
                "(or set BROWSER_PATH to a Chrome/Chromium binary). CSV, XLSX and HTML exports work without it.")
_server_lock = threading.Lock()
_server_started = False


class ExportUnavailable(RuntimeError):
    """An export that needs Chromium, which is not installed."""


def chromium_path() -> str | None:
    """The Chromium/Chrome binary used for images and PDFs, or None."""
    for candidate in (os.environ.get("BROWSER_PATH"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def start_renderer() -> None:
    """Start kaleido's rendering server once per process (each image then takes about 0.15 s)."""
    global _server_started
    path = chromium_path()
    if path is None:
        raise ExportUnavailable(INSTALL_HINT)
    with _server_lock:
        if not _server_started:
            os.environ.setdefault("BROWSER_PATH", path)
            import kaleido
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
            _server_started = True


def figure_image(fig: go.Figure, fmt: str) -> bytes:
    """The figure as PNG (print resolution), SVG or PDF, rendered with kaleido and the system Chromium."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}")
    start_renderer()
    with _server_lock, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return fig.to_image(format=fmt, scale=PRINT_SCALE if fmt == "png" else 1)


def figure_html(fig: go.Figure, title: str = "") -> bytes:
    """A self-contained interactive chart: plotly.js embedded, nothing loaded from the internet."""
    html = fig.to_html(include_plotlyjs=True, full_html=True, config={"displaylogo": False})
    if title:
        html = html.replace("<head>", f"<head><title>{escape(title)}</title>", 1)
    return html.encode("utf-8")


# A spreadsheet reads a cell that starts with one of these as a formula (tab and CR as well, after trimming),
# so user text like "=cmd|' /C calc'!A0" could run; plain numbers such as "+3" or "-0.5" are left alone.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d+)*|\.\d+)%?")


def _formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value)


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    """The table with every text cell that a spreadsheet would take for a formula prefixed with an apostrophe."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: "'" + v if _formula_like(v) else v)
    out.columns = ["'" + c if _formula_like(c) else c for c in out.columns]
    return out


def table_csv(df: pd.DataFrame) -> bytes:
    """The table as UTF-8 CSV (with a BOM so spreadsheet programs read accents and quotes right); cells that a
    spreadsheet would run as formulas start with an apostrophe."""
    return neutralise(df).to_csv(index=False).encode("utf-8-sig")


def table_xlsx(df: pd.DataFrame, column_notes: dict[str, str] | None = None, sheet: str = "data",
               about: dict[str, str] | None = None) -> bytes:
    """The table as an Excel workbook, exact values, with a second sheet explaining every column and, given
    `about` (e.g. the lexicon version), a third saying where the numbers come from; text is always stored as text,
    never as a formula (a cell starting with '=' shows as typed)."""
    buf = io.BytesIO()
    notes = column_notes or {}
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        df.to_excel(writer, sheet_name=sheet[:31], index=False)
        pd.DataFrame({"column": list(df.columns), "meaning": [notes.get(c, "") for c in df.columns]}).to_excel(
            writer, sheet_name="columns", index=False)
        if about:
            pd.DataFrame({"item": list(about), "value": list(about.values())}).to_excel(
                writer, sheet_name="about", index=False)
        for ws in writer.book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "f" or _formula_like(cell.value):
                        cell.data_type = "s"
                        cell.quotePrefix = True
    return buf.getvalue()


def html_to_pdf(html: str, timeout: float = 120) -> bytes:
    """Print an HTML page to PDF with headless Chromium (no network, no header or footer)."""
    path = chromium_path()
    if path is None:
        raise ExportUnavailable(INSTALL_HINT)
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "page.html", Path(tmp) / "page.pdf"
        src.write_text(html, encoding="utf-8")
        cmd = [path, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={Path(tmp) / 'profile'}", "--no-pdf-header-footer",
               "--run-all-compositor-stages-before-draw", f"--print-to-pdf={out}", src.as_uri()]
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout)
        if not out.exists() or out.stat().st_size == 0:
            raise RuntimeError(f"Chromium did not print the PDF: {proc.stderr.decode(errors='replace')[-300:]}")
        return out.read_bytes()


def pdf_pages(data: bytes) -> int:
    """Number of pages of a PDF (counts its page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))
