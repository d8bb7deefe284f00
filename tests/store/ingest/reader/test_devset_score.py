"""The reader's score on the shared devset must not fall below the floor reached.

The devset measures; it is not a target. Its 21 articles: 00–07 were read while the first
rules were written; 08–20 were scored blind on 2026-12-02 (macro-F1 0.825, communes 12 of
13: benchmarks/reader/), and only then used to find kinds of mistakes, each fixed by a
general rule tested on invented sentences. On all 21 the reader then scored macro-F1 0.973
and communes 21 of 21. The floors sit a little below, so that a change that generalises
better may trade a point here; they say nothing about unseen articles.
"""

import os
import warnings
from pathlib import Path

import pytest

from haicap.store.ingest.reader.evaluate import evaluate_dir, format_scores

DEVSET = Path(__file__).resolve().parents[5] / "shared" / "devset"
MACRO_F1_FLOOR = 0.95
COMMUNE_ACCURACY_FLOOR = 0.95


def _devset_or_fail() -> Path:
    """The devset, which lives beside the repository (../shared/devset), not in it. In CI
    (`CI` set) a missing devset fails the run: a skipped score test would hide a reader that
    got worse. Elsewhere (a clone without shared/) it is skipped with a warning."""
    if (DEVSET / "articles").is_dir():
        return DEVSET
    reason = f"no devset at {DEVSET}: the reader's score on real articles was not measured"
    if os.environ.get("CI"):
        pytest.fail(reason)
    warnings.warn(reason, stacklevel=1)
    pytest.skip(reason)


def test_devset_score_stays_above_floor(registry):
    devset = _devset_or_fail()
    report = evaluate_dir(devset, registry)
    assert report.articles, "the devset has no scored articles"
    summary = format_scores(report)
    assert report.macro_f1 >= MACRO_F1_FLOOR, summary
    assert report.commune_accuracy >= COMMUNE_ACCURACY_FLOOR, summary
