"""Suggested links between a session's requests and the directives that answer them.

A commune asks the province for something (a request, kiến nghị); the leader's
conclusions often answer it with a directive ("giao Sở Xây dựng khảo sát tuyến đường…").
The store keeps the answer as `Tracking.responds_to` on the request; this module only
*suggests* which directives of the same session are about the same subject, for the
officer to accept or drop.

The cues are general, never tied to one report:

- **shared content words**: both texts are folded (case and diacritics ignored), cut into
  syllables, and the syllables and pairs of neighbouring syllables both texts hold are
  counted. Function words ("của", "các", "để"), the place and unit words every item holds
  ("xã", "tỉnh", "thôn"), the formulas of every request or directive ("đề nghị",
  "tiếp tục", "quan tâm", "hỗ trợ kinh phí", "giao … chủ trì") and the words that join
  sentences ("bên cạnh đó", "tuy nhiên") are not content;
- **rarity in the session**: a word counts fully when only the two items hold it, less
  the more items of the session hold it, and not at all when half of them do (so a
  session's own refrain, a commune's name in every sentence, weighs nothing);
- **agencies named in both**: the owner or co-agencies of one are those of the other, or
  are named in its text. Agency names are taken out of the words first, so "Sở Xây dựng"
  never makes "xây dựng" a shared subject;

and a pair is suggested when its score reaches `THRESHOLD`, the best `MAX_SUGGESTIONS`
per request, best first.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from haicap.store.domain.models import Item, Kind
from haicap.store.domain.text import fold

__all__ = [
    "AGENCY_WEIGHT",
    "MAX_SUGGESTIONS",
    "THRESHOLD",
    "LinkSuggestion",
    "LinkText",
    "answered_requests",
    "answering_directives",
    "content_terms",
    "session_suggestions",
    "shared_phrases",
    "suggest_links",
]

Key = TypeVar("Key")

THRESHOLD = 4.0
"""The score a pair needs to be suggested. A two-syllable word only these two items hold
("mầm non") counts 3: 1 for each syllable and 1 for the pair; so a pair needs such a word
and one more, or a longer phrase ("trường mầm non": 5), or such a word and an agency
named in both (4.5). A syllable and an agency (2.5, 3.5 with a pair) are not enough."""

AGENCY_WEIGHT = 1.5
"""What an agency named in both adds: a cue, never enough alone (one agency owns many
requests of a session)."""

MAX_SUGGESTIONS = 3
"""At most this many directives are suggested for one request."""

_PAIR_WEIGHT = 1.0
"""What a shared pair of neighbouring syllables adds to its two syllables: "giao thông"
in both says more than "giao" and "thông" apart."""

_COMMON_SHARE = 0.5
"""A word held by more than this share of the session's items is not a cue."""

# Written as officials write them and folded when the module loads, so the lists stay
# readable; a phrase is taken out of the text whole, a word only stops counting alone.
_FORMULAS = (
    # asking, answering, following up
    "đề nghị", "kiến nghị", "đề xuất", "kính đề nghị", "tiếp tục", "quan tâm", "xem xét",
    "tạo điều kiện", "hỗ trợ", "kinh phí", "nguồn vốn", "bố trí", "giải quyết", "khó khăn",
    "vướng mắc", "chỉ đạo", "chủ trì", "phối hợp", "thực hiện", "triển khai", "tổ chức",
    "hướng dẫn", "báo cáo", "tham mưu", "nghiên cứu", "rà soát", "đẩy nhanh", "đẩy mạnh",
    "tiến độ", "kịp thời", "sớm", "hoàn thành", "trước ngày", "đúng hạn", "theo quy định",
    "quy định", "có liên quan", "liên quan", "cơ quan", "đơn vị", "địa phương", "địa bàn",
    "các ngành", "các cấp", "cấp tỉnh", "cấp xã", "nhân dân", "người dân", "ủy ban", "uỷ ban",
    "ubnd", "hđnd", "hội đồng", "đồng chí", "lãnh đạo", "trong thời gian tới", "thời gian",
    "năm", "tháng", "ngày", "quý",
    # how sentences are joined: "Bên cạnh đó, …" starts requests and directives alike
    "bên cạnh đó", "bên cạnh", "tuy nhiên", "ngoài ra", "đồng thời", "trong đó", "theo đó",
    "cụ thể", "mặt khác", "nhất là", "đặc biệt là",
)  # fmt: skip

_WORDS = (
    # function words
    "và", "của", "các", "những", "cho", "để", "với", "trên", "tại", "theo", "về", "trong",
    "là", "có", "được", "đã", "sẽ", "đang", "cần", "này", "đó", "một", "như", "từ", "đến",
    "khi", "thì", "mà", "hoặc", "cũng", "nhất", "hơn", "rất", "nhiều", "mọi", "bị", "vào",
    "ra", "lên", "sau", "trước", "nên", "phải", "còn", "vẫn", "lại", "đối", "việc", "sự",
    "nhằm", "bảo đảm", "đảm bảo", "giao", "yêu cầu", "đồng thời", "cùng", "nếu", "hay",
    "do", "vì", "qua", "tới", "đây", "ấy", "nào", "gì", "ai", "không", "chưa", "đều",
    # places and bodies: every item of a session names them
    "xã", "phường", "thị trấn", "tỉnh", "huyện", "thôn", "bản", "tổ", "khu", "đặc khu",
    "thành phố", "sở", "ban", "ngành", "chủ tịch", "phó",
)  # fmt: skip


_STOP_WORDS = frozenset(fold(word) for word in (*_WORDS, *_FORMULAS) if " " not in word)
"""Syllables that never count alone (they may still start or end a counted pair)."""

_PHRASES = sorted({fold(phrase) for phrase in (*_WORDS, *_FORMULAS) if " " in phrase}, key=len, reverse=True)
_FORMULA_PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(phrase) for phrase in _PHRASES) + r")\b")
"""The words and formulas of several syllables, taken out of a folded text whole: their
syllables count neither alone nor in a pair ("kinh phí" is a formula, "kinh tế" is not)."""

_SYLLABLE = re.compile(r"[^\W\d_]+")
"""A run of letters: digits (dates, amounts) and punctuation end a run."""

_BREAK = "|"


@dataclass(frozen=True)
class LinkText(Generic[Key]):
    """One request or directive as the suggestions see it."""

    key: Key
    """What the caller knows it by: an item id, a line of an import review."""
    text: str
    agencies: tuple[str, ...] = ()
    """Its owner and co-agencies (any order; empty ones are ignored)."""


@dataclass(frozen=True)
class LinkSuggestion(Generic[Key]):
    """A directive suggested as the answer to a request, and why."""

    request: Key
    directive: Key
    score: float
    """How strongly the two are about the same subject (at least `THRESHOLD`)."""
    words: tuple[str, ...]
    """The content words both hold, folded, the most telling first."""
    agencies: tuple[str, ...] = ()
    """The agencies both name, folded."""


def _agency_forms(agencies: Iterable[str]) -> tuple[str, ...]:
    """Agencies folded, the longest first (so "sở nông nghiệp và môi trường" goes before "sở nông nghiệp")."""
    forms = {fold(a) for a in agencies if fold(a)}
    return tuple(sorted(forms, key=len, reverse=True))


def content_terms(text: str, agencies: Iterable[str] = ()) -> frozenset[str]:
    """The content syllables of `text` and its pairs of neighbouring syllables ("giao thong"),
    folded: what two texts are compared on.

    The `agencies` (and the formulas and function words above) are taken out first; a pair
    of two stop words, or across something taken out, is no pair."""
    folded = fold(text)
    for agency in _agency_forms(agencies):
        folded = folded.replace(agency, _BREAK)
    folded = _FORMULA_PATTERN.sub(_BREAK, folded)
    terms: set[str] = set()
    for run in re.split(r"[^\w\s]|\d", folded):  # punctuation, digits and breaks end a run
        syllables = _SYLLABLE.findall(run)
        for syllable in syllables:
            if syllable not in _STOP_WORDS and len(syllable) > 1:
                terms.add(syllable)
        for first, second in itertools.pairwise(syllables):
            if first not in _STOP_WORDS or second not in _STOP_WORDS:
                terms.add(f"{first} {second}")
    return frozenset(terms)


def _names_agency(folded_text: str, agencies: tuple[str, ...]) -> set[str]:
    """The agencies (folded) that `folded_text` names."""
    return {a for a in agencies if len(a) >= 4 and re.search(r"\b" + re.escape(a) + r"\b", folded_text)}


@dataclass(frozen=True)
class _Seen(Generic[Key]):
    """One text made ready for comparing."""

    entry: LinkText[Key]
    terms: frozenset[str]
    agencies: tuple[str, ...]
    folded: str


def _seen(entry: LinkText[Key]) -> _Seen[Key]:
    agencies = _agency_forms(entry.agencies)
    return _Seen(entry, content_terms(entry.text, entry.agencies), agencies, fold(entry.text))


def suggest_links(
    requests: Sequence[LinkText[Key]],
    directives: Sequence[LinkText[Key]],
    *,
    others: Sequence[str] = (),
    limit: int = MAX_SUGGESTIONS,
    threshold: float = THRESHOLD,
) -> dict[Key, tuple[LinkSuggestion[Key], ...]]:
    """For each request, the directives of the same session on the same subject, best first.

    `others` are the texts of the session's other items (achievements, difficulties): with
    the requests and directives, they tell which words the whole session uses. A request
    with no suggestion is left out of the result; equal scores keep the directives' order.
    """
    seen_requests = [_seen(r) for r in requests]
    seen_directives = [_seen(d) for d in directives]
    every = [s.terms for s in seen_requests] + [s.terms for s in seen_directives]
    every += [content_terms(text) for text in others]
    weights = _rarity(every)
    found: dict[Key, tuple[LinkSuggestion[Key], ...]] = {}
    for request in seen_requests:
        scored = []
        for order, directive in enumerate(seen_directives):
            suggestion = _score(request, directive, weights)
            if suggestion.score >= threshold:
                scored.append((-suggestion.score, order, suggestion))
        if scored:
            scored.sort(key=lambda entry: (entry[0], entry[1]))
            found[request.entry.key] = tuple(entry[2] for entry in scored[:limit])
    return found


def _rarity(term_sets: list[frozenset[str]]) -> dict[str, float]:
    """Each term's weight: 1 when two items hold it, falling to 0 when `_COMMON_SHARE` of them do.

    log(N/df) / log(N/2): rarity measured against the rarest a shared word can be; the
    same scale in a session of 5 items as in one of 60."""
    count = len(term_sets)
    held = Counter(term for terms in term_sets for term in terms)
    weights: dict[str, float] = {}
    if count < 2:
        return weights
    scale = math.log(count / 2) if count > 2 else 1.0
    for term, df in held.items():
        if df < 2:
            continue  # in one item only: never shared, never looked up
        if df > max(2, count * _COMMON_SHARE):
            weights[term] = 0.0
        else:
            weights[term] = min(1.0, math.log(count / df) / scale) if count > 2 else 1.0
    return weights


def _score(request: _Seen[Key], directive: _Seen[Key], weights: dict[str, float]) -> LinkSuggestion[Key]:
    shared = request.terms & directive.terms
    counted = {term: weights.get(term, 0.0) * (_PAIR_WEIGHT if " " in term else 1.0) for term in shared}
    counted = {term: weight for term, weight in counted.items() if weight > 0}
    agencies = set(request.agencies) & set(directive.agencies)
    agencies |= _names_agency(directive.folded, request.agencies) | _names_agency(request.folded, directive.agencies)
    score = sum(counted.values()) + (AGENCY_WEIGHT if agencies else 0.0)
    words = sorted(counted, key=lambda term: (-counted[term], -len(term), term))
    return LinkSuggestion(
        request=request.entry.key,
        directive=directive.entry.key,
        score=round(score, 3),
        words=tuple(words),
        agencies=tuple(sorted(agencies)),
    )


def shared_phrases(text: str, words: Iterable[str]) -> list[str]:
    """The runs of `text`'s syllables that the shared `words` (folded, as
    `LinkSuggestion.words`) cover, as the text writes them: "nâng cấp tuyến đường liên thôn"
    rather than "nang cap", "cap tuyen", "tuyen duong"…; the longest first."""
    wanted = set(words)
    found = [(match.start(), match.end(), fold(match.group())) for match in re.finditer(r"[^\W\d_]+", text)]
    covered = [syllable in wanted for _start, _end, syllable in found]
    for n in range(len(found) - 1):
        if f"{found[n][2]} {found[n + 1][2]}" in wanted:
            covered[n] = covered[n + 1] = True
    runs: list[str] = []
    start: int | None = None
    for n, (begin, end, _syllable) in enumerate(found):
        joined = start is not None and n > 0 and covered[n - 1] and text[found[n - 1][1] : begin].isspace()
        if covered[n] and not joined:
            start = begin
        if covered[n] and (n + 1 == len(found) or not covered[n + 1] or not text[end : found[n + 1][0]].isspace()):
            assert start is not None
            runs.append(text[start:end])
            start = None
    return sorted(dict.fromkeys(runs), key=lambda run: -len(run))


# -- over a session's items -----------------------------------------------------------


def _link_text(item: Item) -> LinkText[str]:
    return LinkText(item.id, item.text, (item.tracking.owner, *item.tracking.co_agencies))


def session_suggestions(items: Iterable[Item]) -> dict[str, tuple[LinkSuggestion[str], ...]]:
    """For each live request among `items` (a session's items), the live directives among
    them suggested as its answer, by item id; the achievements and difficulties tell which
    words the session uses throughout (see `suggest_links`)."""
    live = [item for item in items if not item.deleted]
    requests = [_link_text(item) for item in live if item.kind is Kind.REQUEST]
    directives = [_link_text(item) for item in live if item.kind is Kind.DIRECTIVE]
    others = [item.text for item in live if item.kind not in (Kind.REQUEST, Kind.DIRECTIVE)]
    return suggest_links(requests, directives, others=others)


def answering_directives(request: Item, items: Iterable[Item]) -> list[Item]:
    """The directives among `items` that `request` is linked to (`Tracking.responds_to`),
    in the order the links were made."""
    by_id = {item.id: item for item in items if item.kind is Kind.DIRECTIVE}
    return [by_id[i] for i in request.tracking.responds_to if i in by_id]


def answered_requests(directive: Item, items: Iterable[Item]) -> list[Item]:
    """The live requests among `items` linked to `directive`, in their order."""
    return [
        item for item in items if item.kind is Kind.REQUEST and not item.deleted and directive.id in item.tracking.responds_to
    ]
