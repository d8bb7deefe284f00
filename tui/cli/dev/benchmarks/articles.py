"""Synthetic free-text articles for the import measure of `haicap bench`.

Made-up sessions from `store.ingest.synthetic` (another seed than any store, so none is already
there) written out as plain-text newspaper articles, one `.txt` file each, which `haicap
import` then reads with the reader of free text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from haicap.store.domain.registry import Registry, load_registry
from haicap.store.domain.text import fold
from haicap.store.ingest.synthetic import SynthOptions, generate, report_as_article

__all__ = ["write_articles"]

ARTICLE_SEED_OFFSET = 1_000_003
"""Added to the bench seed, so the articles never repeat a session of a store made by synth."""


def write_articles(folder: Path, count: int, seed: int, today: dt.date) -> list[Path]:
    """Write `count` articles into `folder` (one session with one commune each, about eight
    sentences), dated up to `today`, and return their paths in order."""
    registry = load_registry()
    options = SynthOptions(sessions_per_commune=1, items_per_session=8, seed=seed + ARTICLE_SEED_OFFSET)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    plain = _plain_names(registry)
    for _province, reports in generate(registry, options, today):
        for report in reports:
            if len(report.communes) != 1 or report.communes[0].code not in plain:
                continue  # one plainly named commune per article: the import must not refuse any
            path = folder / f"article-{len(paths) + 1:04d}.txt"
            path.write_text(report_as_article(report), encoding="utf-8")
            paths.append(path)
            if len(paths) == count:
                return paths
    return paths  # fewer plainly named communes than asked for: all there are


def _plain_names(registry: Registry) -> set[str]:
    """Codes of the communes the reader of free text finds by name alone: no hyphenated
    name ("Xuân Trường - Đà Lạt"), no name that only diacritics tell from another commune of
    its province (xã Cẩm Giang and xã Cẩm Giàng in Hải Phòng)."""
    seen: dict[tuple[str, str], int] = {}
    for commune in registry.communes:
        key = (commune.province.code, fold(commune.name))
        seen[key] = seen.get(key, 0) + 1
    return {c.code for c in registry.communes if "-" not in c.name and seen[(c.province.code, fold(c.name))] == 1}
