"""Reading the names of bodies, groups and lists of them in the tokens of one text.

Vietnamese official names capitalise only their first word, so `NameReader` finds where a
name ends with `store.ingest.reader.agency_lexicon`: its head, then words up to one that
follows bodies, then its place ("Sở Y tế tỉnh Sơn La", "UBND xã Tân Lập"). Each item is
read once and remembered, so every reading of the text stays linear.
"""

from __future__ import annotations

from typing import NamedTuple

from haicap.store.ingest.reader.agency_lexicon import (
    AGENCY,
    BARE,
    BARE_WORDS,
    CLOSED,
    COMMUNE,
    COMMUNE_WORDS,
    GROUP,
    GROUP_NOUNS,
    GROUP_TAILS,
    HEADS,
    LOCAL_NOUNS,
    MAX_LIST,
    MAX_NAME,
    MAX_PLACE,
    MUST_PARTY,
    MUST_PLACE,
    NAME_WORDS,
    NO_PLACE,
    OLD_DISTRICT_WORDS,
    OPEN,
    OPEN_CAPITAL,
    PARTY,
    PARTY_BODIES,
    PLURAL,
    PROVINCE_WORDS,
    ROMAN,
    SHORT_NAMES,
    STOP_PAIRS,
    STOP_WORDS,
    TITLES,
)
from haicap.store.ingest.reader.tokens import Tokens

__all__ = ["ListItem", "NameReader"]


class ListItem(NamedTuple):
    """Something a list names: one or more bodies (names as written) at one level."""

    start: int
    end: int
    names: tuple[str, ...]
    level: str


class NameReader:
    """Reads bodies, groups and lists of them from the tokens of one text."""

    def __init__(self, tokens: Tokens) -> None:
        self.t = tokens
        self._items: dict[int, ListItem | None] = {}
        self._ending: dict[int, ListItem] | None = None

    # -- places ------------------------------------------------------------------------

    def place_name(self, k: int) -> int:
        """The end of a capitalised place name at k ("Sơn La", "TP.HCM", "Móng Cái 2"), or k."""
        t, end, words = self.t, k, 0
        while end < t.n and words < MAX_PLACE:
            capital = t.is_capital(end) and t.is_word(end) and HEADS.longest(t, end) is None
            if capital or (words and t.words[end].isdigit() and len(t.words[end]) <= 3):
                end += 1
                words += 1
            elif words and t.words[end] in "-–" and t.is_capital(end + 1):
                end += 1
            elif words and t.words[end] == "." and t.joined(end - 1, end) and t.joined(end, end + 1):
                end += 1  # "TP.HCM"
            else:
                break
        while end > k and not t.is_word(end - 1):
            end -= 1
        return end

    def place(self, k: int, mode: str) -> tuple[int, str | None]:
        """Read the place after a body: (end, the level it gives) or (k, None) when there is none."""
        t = self.t
        if mode == NO_PLACE or k >= t.n:
            return k, None
        if mode in (PARTY, MUST_PARTY):
            found = PARTY_BODIES.longest(t, k)
            if found is not None and t.is_capital(k):
                end, (level, needs_place) = found
                if not needs_place:
                    return end, level
                after, place_level = self.place(end, MUST_PLACE)
                if after > end:
                    return after, place_level
            if mode == MUST_PARTY:
                return k, None
        if t.key(k) == "trung" and t.key(k + 1) == "ương":
            return k + 2, AGENCY
        size = t.match(k, PROVINCE_WORDS)
        if size:
            return self.place_name(k + size), AGENCY
        if t.key(k) == "tp" and t.is_capital(k):
            end = k + 1
            if t.key(end) == "." and t.joined(k, end):
                end += 1
            return self.place_name(end), AGENCY
        if t.key(k) == "khu" and t.key(k + 1) == "vực":
            end = k + 2
            if end < t.n and ROMAN.match(t.words[end]):
                return end + 1, AGENCY
            return self.place_name(end), AGENCY
        size = t.match(k, COMMUNE_WORDS)
        if size:
            return self.place_name(k + size), COMMUNE
        size = t.match(k, OLD_DISTRICT_WORDS)
        if size:
            return self.place_name(k + size), AGENCY
        return k, None

    # -- one body ----------------------------------------------------------------------

    def grow(self, k: int, mode: str) -> int:
        """Let a name go on after its lexicon words, up to a word that follows bodies."""
        t, start = self.t, k
        if mode == CLOSED:
            return k
        if mode == OPEN_CAPITAL:
            if not (t.is_capital(k) and t.is_word(k)) or HEADS.longest(t, k) is not None:
                return k
            k += 1
        while k < t.n and k - start < MAX_NAME:
            if t.words[k] in "-–" and k > start and t.is_capital(k + 1):
                k += 1  # "Quy hoạch - Kiến trúc"
                continue
            size = t.match(k, NAME_WORDS) if mode == OPEN else 0
            if size:
                k += size
                continue
            if not t.is_word(k) or t.match(k, STOP_PAIRS) or t.key(k) in STOP_WORDS:
                break
            if t.match(k, PROVINCE_WORDS) or t.match(k, COMMUNE_WORDS) or t.key(k) in ("tp", "khu"):
                break
            if t.is_capital(k) and (HEADS.longest(t, k) is not None or PARTY_BODIES.longest(t, k) is not None):
                break
            k += 1
        return k

    def named(self, i: int) -> ListItem | None:
        """A named body, or departments under one "Sở"/"Bộ", starting at token i."""
        t, start = self.t, i
        plural = t.key(i) in ("các", "những")
        if plural:
            i += 1
        found = HEADS.longest(t, i)
        if found is None:
            return None
        head_end, head = found
        if not t.is_capital(i) and not (plural and head.short):
            return None
        if head.short:
            listed = self.departments(i, head_end, head.short)
            if listed is not None:
                end, names = listed
                after, level = self.place(end, head.place)
                if after > end:  # the place belongs to the last one: "Sở Y tế tỉnh Sơn La"
                    names = (*names[:-1], names[-1] + t.text[t.ends[end - 1] : t.ends[after - 1]])
                return ListItem(start, after, names, COMMUNE if level == COMMUNE else head.level)
        end = self.grow(head_end, head.grow)
        # "Ban", "Trung tâm", "Sở" alone name no body; with a place they do ("Điện lực tỉnh").
        bare_head = end == head_end and head.grow == OPEN_CAPITAL and head.place not in (PARTY, MUST_PARTY)
        if bare_head and (head.short or self.place(end, head.place)[0] == end):
            return None
        after, level = self.place(end, head.place)
        if head.place in (MUST_PLACE, MUST_PARTY) and after == end:
            return None
        return ListItem(start, after, (t.span(i, after),), COMMUNE if level == COMMUNE else head.level)

    def departments(self, i: int, head_end: int, which: str) -> tuple[int, tuple[str, ...]] | None:
        """Read "Sở Tài chính", "các Sở: Tài chính, Xây dựng và Nội vụ" from the head at i."""
        t, trie = self.t, SHORT_NAMES[which]
        k = head_end
        colon = t.key(k) == ":"
        if colon:
            k += 1
        first = trie.longest(t, k)
        if first is None or not t.is_capital(k):
            return None
        parts = [(k, first[0])]
        while len(parts) < MAX_LIST:
            end = parts[-1][1]
            k = end
            if t.key(k) == ",":
                k += 1
            if t.key(k) == "và":
                k += 1
            more = trie.longest(t, k) if k > end and t.is_capital(k) else None
            if more is None:
                break
            parts.append((k, more[0]))  # "Sở Tài chính, Xây dựng": another department
        if len(parts) == 1 and not colon:
            return parts[0][1], (t.span(i, parts[0][1]),)
        head = t.words[i][:1].upper() + t.words[i][1:]
        return parts[-1][1], tuple(f"{head} {t.span(a, b)}" for a, b in parts)

    def group(self, i: int) -> ListItem | None:
        """A group ("các sở, ngành liên quan"), the commune ("xã", "cấp ủy, chính quyền xã")
        or a bare word for the level above ("tỉnh", "cấp trên")."""
        t, start = self.t, i
        size = t.match(i, BARE_WORDS)
        if size:
            return ListItem(i, i + size, (), BARE)
        plural = t.key(i) in PLURAL or t.words[i].isdigit()
        k = i + 1 if plural else i
        nouns: list[tuple[str, ...]] = []
        while len(nouns) < MAX_LIST:
            size = t.match(k, GROUP_NOUNS)
            if not size or (k != start and t.is_capital(k)):
                break
            nouns.append(tuple(t.keys[k : k + size]))
            k += size
            if t.key(k) in (",", "và") and not t.is_capital(k + 1) and t.match(k + 1, GROUP_NOUNS):
                k += 1
                continue
            break
        if not nouns or (nouns[-1] == ("sở",) and t.is_capital(k)):
            return None  # "sở Tài chính" is a department, read as a name
        tails = 0
        while tails < 4:
            size = t.match(k, GROUP_TAILS)
            if not size:
                break
            k += size
            tails += 1
        local = all(noun in LOCAL_NOUNS for noun in nouns)
        if local:
            k = self.place_name(k)  # "xã Tân Lập"
        elif not plural and not tails:
            return None  # "đơn vị" alone names no one
        text_start = start + 1 if t.key(start) in ("các", "những", "mọi") else start
        return ListItem(start, k, (t.span(text_start, k),), COMMUNE if local else GROUP)

    def item(self, i: int) -> ListItem | None:
        """Whatever a list may name at token i, or None."""
        if i in self._items:
            return self._items[i]
        found = None
        if 0 <= i < self.t.n and self.t.is_word(i):
            found = self.named(i) or self.group(i)
        self._items[i] = found
        return found

    def item_ending(self, end: int) -> ListItem | None:
        """The item a left-to-right reading of the text ends at token `end`, if any."""
        if self._ending is None:
            self._ending, i = {}, 0
            while i < self.t.n:
                item = self.item(i)
                if item is not None and item.end > i:
                    self._ending[item.end] = item
                    i = item.end
                else:
                    i += 1
        return self._ending.get(end)

    def skip_title(self, i: int) -> int:
        """Past a person's title at i ("Giám đốc Sở …" → "Sở …"), when a body follows it."""
        size = self.t.match(i, TITLES)
        if size and self.item(i + size) is not None:
            return i + size
        return i

    def items(self, i: int, titles: bool = False) -> list[ListItem]:
        """The list of bodies that starts at token i: "Sở A, Sở B và UBND xã C"."""
        t, found = self.t, list[ListItem]()
        k = self.skip_title(i) if titles else i
        while len(found) < MAX_LIST:
            item = self.item(k)
            if item is None:
                break
            found.append(item)
            nxt = item.end
            if t.key(nxt) == ",":
                nxt += 1
            if t.key(nxt) in ("và", "cùng"):
                nxt += 1
            if nxt == item.end:
                break
            if titles:
                nxt = self.skip_title(nxt)
            if self.item(nxt) is None:
                break
            k = nxt
        return found
