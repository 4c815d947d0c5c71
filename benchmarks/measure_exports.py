"""Time of a chart PNG after the renderer is warm (one-off render as the reference) and of whole reports.

Run (from the project folder): .venv/bin/python -m benchmarks.measure_exports [--runs 5]
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from analysis.corpus.workspace import load_view
from analysis.present import export
from analysis.present.charts import grouped_features
from analysis.present.glossary import CHART_FEATURES
from analysis.present.report import event_report_html, event_report_pdf

ROOT = Path(__file__).resolve().parent.parent

STORY = "story:us-bomber-shows-of-force-east-asia"


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    view = load_view(ROOT / "corpus")
    table = view.outlet_table(view.articles_in(STORY), sorted(view.outlet_names))
    fig = grouped_features(table, CHART_FEATURES, view.outlet_names, "benchmark")
    t0 = time.perf_counter()
    export.start_renderer()
    start = time.perf_counter() - t0
    rows = [("start the kaleido server (once)", [start]),
            ("PNG, warm server", timed(lambda: export.figure_image(fig, "png"), args.runs)),
            ("SVG, warm server", timed(lambda: export.figure_image(fig, "svg"), args.runs)),
            ("report HTML, whole story", timed(lambda: event_report_html(view, STORY), args.runs)),
            ("report PDF, whole story", timed(lambda: event_report_pdf(view, STORY), max(1, args.runs // 2)))]
    print(f"{'what':<34} {'median s':>9} {'max s':>7}")
    for name, times in rows:
        print(f"{name:<34} {statistics.median(times):>9.2f} {max(times):>7.2f}")


if __name__ == "__main__":
    main()
