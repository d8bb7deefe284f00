"""Score the reader on a devset of articles with answer keys (see the devset README).

For each kind K: a key fragment is *found* when an item of kind K contains it; an item of
kind K is *correct* when it contains a fragment of kind K, *ignored* when it contains no
fragment of any kind but overlaps an `ambiguous` span (one contains the other, or they
share 30+ consecutive characters), and *wrong* otherwise.

Macro-F1 is the mean F1 of the kinds that have fragments or items across the devset; a
kind with neither is skipped (it says nothing). A kind with fragments but no items has
precision 0 by convention. Commune accuracy: share of articles whose detected bare names
equal the key's `communes` (folded, as a multiset).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from haicap.store.domain.registry import Registry
from haicap.store.domain.text import clean, fold, shorten
from haicap.store.ingest.reader import KINDS
from haicap.store.ingest.reader.extract import Extraction, extract_text

__all__ = ["KEY_LISTS", "evaluate_dir", "format_scores", "read_article"]

KEY_LISTS = {"achievement": "achievements", "difficulty": "difficulties", "request": "requests", "directive": "directives"}
_OVERLAP = 30


def read_article(path: Path) -> str:
    """Return the body of a devset article: everything after the first blank line."""
    return _split_article(path)[1]


def _split_article(path: Path) -> tuple[dict[str, str], str]:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    head, _, body = text.partition("\n\n")
    header = {}
    for line in head.splitlines():
        name, sep, value = line.partition(":")
        if sep:
            header[name.strip()] = value.strip()
    return header, body


def _key_date(key: dict[str, Any]) -> str | None:
    """The key's session date; "unknown" (the text names none) is right when the reader
    finds none either."""
    date = key.get("date")
    return None if date in (None, "", "unknown") else str(date)


def _reading_day(header: dict[str, str]) -> dt.date | None:
    """The header's date stands for the day the article was read (the reader's "today"):
    it only gives a year to "Sáng 25/11"; the text itself is all the reader sees."""
    try:
        return dt.date.fromisoformat(header.get("date", "")[:10])
    except ValueError:
        return None


def _overlaps(a: str, b: str) -> bool:
    if a in b or b in a:
        return True
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size >= _OVERLAP


@dataclass
class KindScore:
    """Counts for one kind."""

    fragments: int = 0
    found: int = 0
    correct: int = 0
    wrong: int = 0
    ignored: int = 0

    @property
    def precision(self) -> float:
        """correct / (correct + wrong); 1 when nothing was judged and nothing was due, else 0."""
        judged = self.correct + self.wrong
        return self.correct / judged if judged else (1.0 if not self.fragments else 0.0)

    @property
    def recall(self) -> float:
        """found / fragments (1 when the kind has no fragments)."""
        return self.found / self.fragments if self.fragments else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def counts(self) -> bool:
        """Whether this kind takes part in macro-F1 (it has fragments or judged items)."""
        return bool(self.fragments or self.correct or self.wrong)


@dataclass
class ArticleResult:
    """Per-article outcome: what was missed, what was wrong, communes right or not."""

    name: str
    communes_ok: bool
    communes_found: list[str]
    communes_key: list[str]
    date_ok: bool
    misses: list[tuple[str, str]] = field(default_factory=list)
    false_hits: list[tuple[str, str]] = field(default_factory=list)
    scores: dict[str, KindScore] = field(default_factory=dict)


@dataclass
class Scores:
    """The whole devset's figures."""

    kinds: dict[str, KindScore]
    articles: list[ArticleResult]

    @property
    def macro_f1(self) -> float:
        """Mean F1 of the kinds that have fragments or judged items (others are skipped)."""
        used = [s.f1 for s in self.kinds.values() if s.counts]
        return sum(used) / len(used) if used else 0.0

    @property
    def micro(self) -> KindScore:
        """All kinds pooled: micro precision, recall and F1."""
        total = KindScore()
        for s in self.kinds.values():
            total.fragments += s.fragments
            total.found += s.found
            total.correct += s.correct
            total.wrong += s.wrong
            total.ignored += s.ignored
        return total

    @property
    def commune_accuracy(self) -> float:
        """Share of articles whose detected commune names equal the key's."""
        return sum(a.communes_ok for a in self.articles) / len(self.articles) if self.articles else 0.0

    @property
    def date_accuracy(self) -> float:
        """Share of articles whose session date equals the key's (not part of the target)."""
        return sum(a.date_ok for a in self.articles) / len(self.articles) if self.articles else 0.0


Read = Callable[[str, Registry, "dt.date | None"], Extraction]
"""How a body is read: the reader of free text (the default), or the whole import's reading
(headings of reports and minutes deciding kinds: `store.ingest.importer.read_as_import`)."""


def _read_free_text(body: str, registry: Registry, today: dt.date | None) -> Extraction:
    return extract_text(body, registry, today=today)


def score_article(
    name: str, body: str, key: dict[str, Any], registry: Registry, today: dt.date | None = None, read: Read = _read_free_text
) -> ArticleResult:
    """Run the reader on one body and score it against its key."""
    ex = read(body, registry, today)
    items = [(i.kind, clean(i.text)) for i in ex.items]
    fragments = {kind: [clean(f) for f in key.get(lst, [])] for kind, lst in KEY_LISTS.items()}
    all_fragments = [f for fs in fragments.values() for f in fs]
    ambiguous = [clean(a["fragment"] if isinstance(a, dict) else a) for a in key.get("ambiguous", [])]
    found_names = sorted(fold(c.name) for c in ex.communes)
    key_names = sorted(fold(n) for n in key.get("communes", []))
    result = ArticleResult(
        name,
        found_names == key_names,
        [c.name for c in ex.communes],
        list(key.get("communes", [])),
        (ex.date.isoformat() if ex.date else None) == _key_date(key),
    )
    for kind in KINDS:
        score = KindScore(fragments=len(fragments[kind]))
        mine = [text for k, text in items if k == kind]
        for fragment in fragments[kind]:
            if any(fragment in text for text in mine):
                score.found += 1
            else:
                result.misses.append((kind, fragment))
        for text in mine:
            if any(f in text for f in fragments[kind]):
                score.correct += 1
            elif not any(f in text for f in all_fragments) and any(_overlaps(text, a) for a in ambiguous):
                score.ignored += 1
            else:
                score.wrong += 1
                result.false_hits.append((kind, text))
        result.scores[kind] = score
    return result


def evaluate_dir(path: str | Path, registry: Registry, read: Read = _read_free_text) -> Scores:
    """Score the reader on every `NN_*.txt` with a `.key.json` under `path` (or `path/articles`);
    `read` says how a body is read (see `Read`)."""
    root = Path(path)
    if (root / "articles").is_dir():
        root = root / "articles"
    kinds = {kind: KindScore() for kind in KINDS}
    articles: list[ArticleResult] = []
    for text_path in sorted(root.glob("*.txt")):
        key_path = text_path.with_suffix(".key.json")
        if not key_path.exists():
            continue
        key = json.loads(key_path.read_text(encoding="utf-8"))
        header, body = _split_article(text_path)
        result = score_article(text_path.stem, body, key, registry, _reading_day(header), read)
        articles.append(result)
        for kind, score in result.scores.items():
            total = kinds[kind]
            total.fragments += score.fragments
            total.found += score.found
            total.correct += score.correct
            total.wrong += score.wrong
            total.ignored += score.ignored
    return Scores(kinds, articles)


def format_scores(scores: Scores) -> str:
    """Render the scores as a plain-text table, then misses and false hits per article."""
    lines = [f"{'kind':<12}{'frags':>6}{'found':>6}{'items':>6}{'ok':>5}{'wrong':>6}{'ign':>5}{'P':>7}{'R':>7}{'F1':>7}"]
    for kind, s in scores.kinds.items():
        lines.append(
            f"{kind:<12}{s.fragments:>6}{s.found:>6}{s.correct + s.wrong + s.ignored:>6}{s.correct:>5}{s.wrong:>6}"
            f"{s.ignored:>5}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
        )
    m = scores.micro
    lines.append(
        f"{'micro':<12}{m.fragments:>6}{m.found:>6}{'':>6}{m.correct:>5}{m.wrong:>6}{m.ignored:>5}"
        f"{m.precision:>7.3f}{m.recall:>7.3f}{m.f1:>7.3f}"
    )
    lines.append(
        f"macro-F1 {scores.macro_f1:.3f}   micro-F1 {m.f1:.3f}   "
        f"communes {scores.commune_accuracy:.3f}   dates {scores.date_accuracy:.3f}"
    )
    for a in scores.articles:
        lines.append("")
        status = "ok" if a.communes_ok else f"WRONG {a.communes_found} != {a.communes_key}"
        lines.append(f"== {a.name}  communes {status}  date {'ok' if a.date_ok else 'WRONG'}")
        for kind, fragment in a.misses:
            lines.append(f"  miss  {kind:<11} {shorten(fragment, 110)}")
        for kind, text in a.false_hits:
            lines.append(f"  false {kind:<11} {shorten(text, 110)}")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m haicap.store.ingest.reader.evaluate [devset]
    import sys

    from haicap.store.domain.registry import load_registry

    target = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[3] / "shared" / "devset")
    print(format_scores(evaluate_dir(target, load_registry())))
