"""The measures behind `haicap bench`: probe processes and the figures they report.

`probes` holds the code each fresh measuring process runs (a minimal Textual app, the
dashboard driven headless, store-level measures); `articles` writes the synthetic
free-text articles the import measure reads. `tui.cli.commands.bench` starts the processes
and prints the figures.
"""

from __future__ import annotations

import math

__all__ = ["FIGURES", "TARGETS", "percentile"]


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of `values` (`share` 0.95 for p95); 0 for none. `haicap
    bench` and `haicap stress` both report with it."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


FIGURES = (
    "floor_s",
    "first_paint_s",
    "switch_p50_ms",
    "switch_p95_ms",
    "filter_p95_ms",
    "overview_s",
    "overview_screen_s",
    "edit_p95_ms",
    "import_per_s",
    "rss_mb",
    "store_mb",
)
"""The figures `haicap bench --json` prints, in table order (issue 8's list, plus
`overview_screen_s`: `overview_s` is the overview of every province of the country computed
from the store, `overview_screen_s` the overview screen opened on the store's largest province)."""

TARGETS = {
    "first_paint_s": "≤ 2 × floor_s",
    "switch_p95_ms": "≤ 17",
    "filter_p95_ms": "≤ 17",
    "overview_s": "≤ 0.3",
    "edit_p95_ms": "≤ 50",
    "import_per_s": "≥ 200",
    "rss_mb": "≤ 200",
}
"""The targets on a 2-core machine for the national synthetic store (`haicap synth --preset
national`), issue 18's; a commune switch and a filter keystroke within one frame at 60 Hz
(≤ 17 ms), issue 17's."""
