"""The words of a text as the reader of assignments compares them: keys, phrases, a trie.

A word's key is its lower case with the new-style tone placement ("Hoà" and "hòa" have one
key), diacritics kept. `Tokens` holds the words and punctuation of one text with their keys
and places; `Phrases` and `Trie` find the longest known phrase at a place, in time bounded
by the longest phrase, so that every look-up of `store.ingest.reader.assignments` stays linear.
"""

from __future__ import annotations

import re
from typing import Generic, TypeVar

from haicap.store.ingest.reader.letters import UPPER

__all__ = ["Phrases", "Tokens", "Trie", "bar_phrases", "phrases", "word_key", "word_set"]

_V = TypeVar("_V")

_TOKEN = re.compile(r"\w+|[^\w\s]")
_CAPITAL = re.compile(rf"[{UPPER}]")

# Old-style tone placement at the end of a word ("hoà", "uỷ") is the same word as the new
# style ("hòa", "ủy"); keys use the new style so one lexicon entry matches both.
_OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE_END = re.compile(r"(?<!q)(" + "|".join(_OLD_TONES) + r")$")
_KEYS: dict[str, str] = {}


def word_key(word: str) -> str:
    """The comparison form of one word: lower case, new-style tones, diacritics kept."""
    key = _KEYS.get(word)
    if key is None:
        low = word.lower()
        key = _OLD_TONE_END.sub(lambda m: _OLD_TONES[m.group(1)], low)
        if len(_KEYS) < 50_000:
            _KEYS[word] = key
    return key


def word_set(text: str) -> frozenset[str]:
    """The keys of the space-separated words of `text`."""
    return frozenset(word_key(w) for w in text.split())


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(word_key(t) for t in _TOKEN.findall(text))


class Tokens:
    """The words and punctuation of a text, with their keys and places."""

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(_TOKEN.finditer(text))
        self.words = [m.group(0) for m in matches]
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.keys = [word_key(w) for w in self.words]
        self.n = len(self.words)

    def key(self, i: int) -> str:
        """The key of token i, or "" outside the text."""
        return self.keys[i] if 0 <= i < self.n else ""

    def is_capital(self, i: int) -> bool:
        """Whether token i starts with a capital letter."""
        return 0 <= i < self.n and bool(_CAPITAL.match(self.words[i]))

    def is_word(self, i: int) -> bool:
        """Whether token i is a word or a number, not punctuation."""
        return 0 <= i < self.n and (self.words[i][0].isalnum() or self.words[i][0] == "_")

    def joined(self, i: int, j: int) -> bool:
        """Whether tokens i and j (= i + 1) touch, with no space between."""
        return 0 <= i < j < self.n and self.ends[i] == self.starts[j]

    def span(self, i: int, j: int) -> str:
        """The text of tokens i .. j-1 as written."""
        return self.text[self.starts[i] : self.ends[j - 1]] if i < j else ""

    def match(self, i: int, phrases: Phrases) -> int:
        """The length of the longest of `phrases` that starts at token i, or 0."""
        if not 0 <= i < self.n or self.keys[i] not in phrases.firsts:
            return 0
        for size in range(min(phrases.longest, self.n - i), 0, -1):
            if tuple(self.keys[i : i + size]) in phrases.items:
                return size
        return 0

    def ends_with(self, end: int, phrases: Phrases) -> int:
        """The length of the longest of `phrases` that ends right before token `end`, or 0."""
        for size in range(min(phrases.longest, end), 0, -1):
            if tuple(self.keys[end - size : end]) in phrases.items:
                return size
        return 0


class Phrases:
    """A set of phrases (tuples of keys), with their first words and longest length."""

    def __init__(self, texts: list[str]) -> None:
        self.items = frozenset(_phrase(t) for t in texts)
        self.firsts = frozenset(p[0] for p in self.items)
        self.longest = max(len(p) for p in self.items)

    def __contains__(self, phrase: object) -> bool:
        return phrase in self.items


def phrases(*texts: str) -> Phrases:
    """The phrases given one per argument."""
    return Phrases(list(texts))


def bar_phrases(text: str) -> Phrases:
    """Phrases separated by "|"."""
    return Phrases(text.split("|"))


class Trie(Generic[_V]):
    """Phrases of keys with a value each; finds the longest one at a place."""

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], _V] = {}
        self.prefixes: set[tuple[str, ...]] = set()
        self.depth = 0

    def add(self, text: str, value: _V) -> None:
        """Add the phrase `text` with its value."""
        words = _phrase(text)
        self.phrases[words] = value
        self.prefixes.update(words[:size] for size in range(1, len(words) + 1))
        self.depth = max(self.depth, len(words))

    def longest(self, tokens: Tokens, i: int) -> tuple[int, _V] | None:
        """(end, value) of the longest phrase at token i, or None."""
        best: tuple[int, _V] | None = None
        k = i
        while k < tokens.n and k - i < self.depth:
            prefix = tuple(tokens.keys[i : k + 1])
            if prefix not in self.prefixes:
                break
            k += 1
            if prefix in self.phrases:
                best = (k, self.phrases[prefix])
        return best
