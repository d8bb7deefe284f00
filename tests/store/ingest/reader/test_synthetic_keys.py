"""The synthetic sets' answer keys follow the devset's labelling rules.

Every labelled fragment is a verbatim substring of its article's body occurring once,
5–15 words long, with one kind only; ambiguous fragments and typed commune names occur
(bare commune names) occur in the body; the key's date is the header's unless a `date_note`
says why not. (The same checks as the shared devset's `check_keys.py`, run on the sets that
travel with the repository.)
"""

import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
KINDS = ("achievements", "difficulties", "requests", "directives")
KEYS = sorted(HERE.glob("synthetic*/*.key.json"))


def key_problems(key_path: Path) -> list[str]:
    """What is wrong with one key, as readable lines (empty when it is sound)."""
    text_path = key_path.with_name(key_path.name.replace(".key.json", ".txt"))
    head, body = text_path.read_text(encoding="utf-8").split("\n\n", 1)
    header = dict(line.split(": ", 1) for line in head.splitlines())
    key = json.loads(key_path.read_text(encoding="utf-8"))
    problems = []
    if not {"url", "date", "title", "note"} <= header.keys():
        problems.append("header lacks url/date/title/note")
    # The key's date is the session's; the header's may be the publication date, which a
    # `date_note` then says, in the header (as the devset's article 03 does) or in the key (as
    # its keys 08 and 09 do).
    if key.get("date") != header.get("date") and "date_note" not in header and "date_note" not in key:
        problems.append(f"date {key.get('date')} != header {header.get('date')}")
    seen: dict[str, str] = {}
    for kind in KINDS:
        for fragment in key.get(kind, []):
            if body.count(fragment) != 1:
                problems.append(f"[{kind}] occurs {body.count(fragment)} times: {fragment!r}")
            if not 5 <= len(fragment.split()) <= 15:
                problems.append(f"[{kind}] {len(fragment.split())} words: {fragment!r}")
            if fragment in seen:
                problems.append(f"[{kind}] also labelled {seen[fragment]}: {fragment!r}")
            seen[fragment] = kind
    problems += [f"[ambiguous] not in body: {a['fragment']!r}" for a in key.get("ambiguous", []) if a["fragment"] not in body]
    # Bare names: a list writes "các xã A, B và C", so "xã B" itself need not occur.
    problems += [f"commune {c!r} not in body" for c in key.get("communes", []) if c not in body]
    return problems


def test_there_are_the_sets_bundled() -> None:
    """Three sets of six; sets 4 to 27 and 29 (ten, eight, eight, eight, ten, eight, eight, eight,
    eight, ten, ten, ten, ten, eight, ten, ten, ten, ten, ten, ten, ten, ten, ten, ten, ten articles)
    written blind for the trustworthy import."""
    assert len(KEYS) == 252


@pytest.mark.parametrize("key_path", KEYS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_key_follows_the_labelling_rules(key_path: Path) -> None:
    assert key_problems(key_path) == []
