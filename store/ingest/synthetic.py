"""Synthetic session reports for scale tests: real communes, made-up sessions and items.

Nothing here is real data. Every session title starts with `SYNTHETIC_TITLE_MARK`
("[Dữ liệu tổng hợp]"), every source says "synthetic", and `haicap synth` adds the reports
with `origin="synthetic"`, which marks every stored record. The commune names and codes come
from the national registry, so a generated store looks like the country; sessions, leaders,
sentences, statuses, owners and dates are drawn from the pools of
`store.ingest.synthetic_content`.

Generation is deterministic: the same options and seed on the same `today` give the same
reports. Each province draws from its own `random.Random(f"{seed}/{province code}")`, so a
province's sessions do not depend on which other provinces are generated.

How much: every chosen commune gets exactly `sessions_per_commune` sessions; a session
covers 1–3 communes of one province and holds `items_per_session` items *per commune it
covers*, so a store holds communes × sessions × items items in all (the national preset:
3,321 × 4 × 24 = 318,816).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import _
from haicap.store.domain.models import Commune, Kind, Person, Province
from haicap.store.domain.registry import Registry
from haicap.store.ingest.reports import ParsedItem, SessionReport
from haicap.store.ingest.synthetic_content import KIND_WEIGHTS, LEADER_TITLES, make_person, make_sentence, make_tracking

__all__ = [
    "PRESETS",
    "SYNTHETIC_SOURCE",
    "SYNTHETIC_TITLE_MARK",
    "SynthOptions",
    "choose_communes",
    "generate",
    "is_synthetic_title",
    "report_as_article",
]

SYNTHETIC_TITLE_MARK = "[Dữ liệu tổng hợp]"
"""Every synthetic session title starts with this ("synthetic data")."""

SYNTHETIC_SOURCE = "Dữ liệu tổng hợp (synthetic), haicap synth: không phải báo cáo thật / not a real report"
"""The start of every synthetic session's source line."""

SPAN_DAYS = 730
"""Sessions are spread over the two years ending today."""


@dataclass(frozen=True)
class SynthOptions:
    """What to generate. `communes` None means every commune of `province` (or the country)."""

    communes: int | None = None
    sessions_per_commune: int = 4
    items_per_session: int = 24
    """Items per commune a session covers (a session of 3 communes holds 3 × this)."""
    seed: int = 0
    province: str | None = None
    """Only this province's communes (a name `Registry.find_province` understands)."""


PRESETS: dict[str, SynthOptions] = {
    "national": SynthOptions(communes=None, sessions_per_commune=4, items_per_session=24),
    "province": SynthOptions(communes=None, sessions_per_commune=4, items_per_session=24, province="Thanh Hóa"),
}
"""`--preset`: the whole country (3,321 communes, about 320,000 items) or Thanh Hóa (166 communes)."""

# -- choosing communes and generating ---------------------------------------------------


def choose_communes(registry: Registry, options: SynthOptions) -> list[Commune]:
    """The communes to generate for: the first `options.communes` of the province (alphabetical)
    or of the country (official order); ValueError when the options ask for more than exist."""
    if options.province:
        province = registry.find_province(options.province)
        if province is None:
            raise ValueError(_("unknown province '{province}'").format(province=options.province))
        pool = list(registry.communes_of(province))
    else:
        pool = list(registry.communes)
    count = len(pool) if options.communes is None else options.communes
    if count < 1 or count > len(pool):
        raise ValueError(_("--communes must be between 1 and {most} here, not {count}").format(most=len(pool), count=count))
    return pool[:count]


def _groups(rng: random.Random, communes: list[Commune], rounds: int) -> list[tuple[Commune, ...]]:
    """Communes grouped into sessions of 1–3, each commune in exactly `rounds` sessions."""
    groups = []
    for _round in range(rounds):
        order = list(communes)
        rng.shuffle(order)
        while order:
            size = min(len(order), rng.choices((1, 2, 3), weights=(60, 25, 15))[0])
            groups.append(tuple(order[:size]))
            del order[:size]
    return groups


def _report(
    rng: random.Random,
    number: int,
    province: Province,
    communes: tuple[Commune, ...],
    leaders: list[Person],
    options: SynthOptions,
    today: dt.date,
) -> SessionReport:
    day = today - dt.timedelta(days=rng.randrange(SPAN_DAYS))
    leader = rng.choice(leaders)
    participants = tuple(p for p in rng.sample(leaders, rng.randint(0, 2)) if p != leader)
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    items = []
    for commune in communes:
        for _number in range(options.items_per_session):
            kind = rng.choices(kinds, weights)[0]
            # A fifth of the items of a session held with several communes concern them all.
            concerned = communes if len(communes) > 1 and rng.random() < 0.2 else (commune,)
            items.append(ParsedItem(kind, make_sentence(rng, kind, day), concerned, make_tracking(rng, kind, day, today)))
    items.sort(key=lambda item: kinds.index(item.kind))  # pane order, stable within a kind
    names = ", ".join(c.label for c in communes)
    return SessionReport(
        source_name=f"synthetic/seed-{options.seed}/{province.code}/{number:04d}",
        date=day,
        province=province,
        leader=leader,
        participants=participants,
        title=f"{SYNTHETIC_TITLE_MARK} {leader.title} {leader.name} làm việc với {names}",
        source=f"{SYNTHETIC_SOURCE}; seed {options.seed}",
        communes=communes,
        items=tuple(items),
    )


def generate(registry: Registry, options: SynthOptions, today: dt.date) -> Iterator[tuple[Province, list[SessionReport]]]:
    """The synthetic reports, province by province (official order), for `options` on `today`."""
    chosen = choose_communes(registry, options)
    by_province: dict[str, list[Commune]] = {}
    for commune in chosen:
        by_province.setdefault(commune.province.code, []).append(commune)
    for province in registry.provinces:
        communes = by_province.get(province.code)
        if not communes:
            continue
        rng = random.Random(f"{options.seed}/{province.code}")
        titles = list(LEADER_TITLES)
        rng.shuffle(titles)
        leaders = [make_person(rng, title) for title in titles[:5]]
        groups = _groups(rng, communes, options.sessions_per_commune)
        yield province, [_report(rng, n, province, group, leaders, options, today) for n, group in enumerate(groups, 1)]


def is_synthetic_title(title: str) -> bool:
    """Whether a session title is one this module wrote."""
    return title.startswith(SYNTHETIC_TITLE_MARK)


def report_as_article(report: SessionReport) -> str:
    """The report written out as a plain-text article (a `url:/date:/title:` header, then
    paragraphs), for import benchmarks: what `haicap import` reads from a newspaper."""
    leader = report.leader
    names = ", ".join(c.label for c in report.communes)
    lines = [
        f"date: {report.date.isoformat()}",
        f"title: {report.title}",
        f"source: {report.source}",
        "",
        f"Ngày {format_date(report.date)}, đồng chí {leader.name}, {leader.title} {report.province.name}, "
        f"đã có buổi làm việc với {names} về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội.",
        "",
    ]
    # One paragraph per kind, no headings: the reader of free text places each sentence.
    for kind in Kind:
        sentences = [item.text for item in report.items if item.kind is kind]
        if sentences:
            lines += [" ".join(sentences), ""]
    return "\n".join(lines)
