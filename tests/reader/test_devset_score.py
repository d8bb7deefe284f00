"""The reader's score on the shared devset must not fall below the floor reached.

The devset measures; it is not a target. The floor sits a little below the figure reached
so that a change that generalises better may trade a point here.
"""

from pathlib import Path

import pytest

from store.reader.evaluate import evaluate_dir, format_report

DEVSET = Path(__file__).resolve().parents[3] / "shared" / "devset"
MACRO_F1_FLOOR = 0.97
COMMUNE_ACCURACY_FLOOR = 1.0


@pytest.mark.skipif(not (DEVSET / "articles").is_dir(), reason=f"no devset at {DEVSET} (shared/ not beside the repo)")
def test_devset_score_stays_above_floor(registry):
    report = evaluate_dir(DEVSET, registry)
    assert report.articles, "the devset has no scored articles"
    summary = format_report(report)
    assert report.macro_f1 >= MACRO_F1_FLOOR, summary
    assert report.commune_accuracy >= COMMUNE_ACCURACY_FLOOR, summary
