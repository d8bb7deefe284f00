"""The reader's score on the synthetic sets bundled in tests/ must not fall below its floor.

The sets are invented articles (see their READMEs), written by helpers who never saw the
reader's rules. Sets 1 and 2 were scored blind, then used to find general rules, so their
floors are high; set 3 was blind (macro-F1 0.918) and its floor sits a little below,
so a change that generalises better may trade a point. Set 4 (ten articles of the genres
and traps unseen real articles bring) was scored blind once on 2026-12-02: macro-F1 0.873
with the reader before the rules of the trustworthy import, 0.849 with those written from
the shared devset by then. Set 5 (eight articles in other outlets' styles) was scored blind
once after those rules: 0.857 (the reader before them: 0.864); set 6 (harder shapes) once
after the rules set 5 led to: 0.860 (the reader before this session: 0.840); set 7 once after
the rules set 6 led to: 0.950 (before this session: 0.931); set 8 once after the general
lexicon too: 0.939 (before this session: 0.877); sets 9 (pages like the devset's) and 10
(commune reports, minutes, notices) once after the rules set 8 led to: 0.939 and 0.819
(before this session: 0.917 and 0.724); set 11 (excerpts cut at either end, a report,
minutes) once after the rules sets 9 and 10 led to: 0.856 (before this session: 0.814); set 12
(web pages like the devset's) once after the rules set 11 led to: 0.917 (before this session:
0.879); set 13 (news, reports, minutes, a notice, an interview) once after those: 0.900
(before this session: 0.812); set 14 (news pages from ten more provinces) once after those:
0.955 (before this session: 0.867); set 15 (texts written to be hard) once after those: 0.859
(before this session: 0.745); set 16 (messy pages and commune reports) once after those: 0.908
(before this session: 0.818); set 17 (eight outlets' voices) once after those: 0.912 (before
this session: 0.869); set 18 (pages with furniture, a notice, a bulletin transcript, an
interview) once after those, with the reader as its round found it: 0.887; set 19 (a page with
a credit before its caption, a notice with verbless tasks, a loudspeaker script, a fanpage post
with emoji bullets and comments, a live blog newest-first) likewise: 0.892; set 20 (portal pages
with captions and related links, minutes with speaker turns, a photo story of numbered captions)
likewise: 0.900; set 21 (pages of provincial papers and portals with their furniture, a live blog,
a loudspeaker bulletin of two items) likewise: 0.958; set 22 (pages of eight national outlets, a
Q&A interview, a notice, a commune report) likewise: 0.945; set 24 (provincial papers' and portals'
pages, a notice, a commune's PDF report, a fanpage post, a TV bulletin transcript) likewise: 0.981
(0.966 with the reader before the rules of sets 21 and 22); set 25 (five provincial papers and
portals, five national outlets, a notice of conclusions and a commune report among them) with
the rules of sets 21 and 22: 0.975 (with those up to set 20: 0.975); set 23 (eight working sessions
in five outlets' styles, written as ordinary pages, the session's check) with the rules up to set
20: 0.988, and no rule was written from it; sets 26 (pages of ten provincial papers and portals, a
notice, a commune's report, a TV script) and 27 (provincial and national outlets, a voter meeting,
a notice, a commune portal's report) with the rules of sets 21 and 22: 0.986 and 0.939 (with those
up to set 25: 0.989 and 0.955); set 29 (working sessions, a storm inspection, a commune report, a
notice, a conference, a voter meeting, a TV script) with the rules up to set 25: 0.985, and no rule
was written from it. All but sets 23 and 29 were then
used to find kinds of mistakes (benchmarks/reader/ has every blind run). Unlike the shared devset, these
travel with the repository, so CI always runs them.
"""

from pathlib import Path

import pytest

from haicap.store.ingest.reader.evaluate import evaluate_dir, format_scores

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize(
    ("folder", "articles", "floor", "communes"),
    [
        ("synthetic1", 6, 0.97, 1.0),
        ("synthetic2", 6, 0.97, 1.0),
        ("synthetic3", 6, 0.93, 1.0),
        ("synthetic4", 10, 0.95, 0.9),
        ("synthetic5", 8, 0.95, 1.0),
        ("synthetic6", 8, 0.95, 1.0),
        ("synthetic7", 8, 0.93, 1.0),
        ("synthetic8", 10, 0.95, 0.9),
        ("synthetic9", 8, 0.95, 1.0),
        ("synthetic10", 8, 0.93, 0.85),
        ("synthetic11", 8, 0.92, 1.0),
        ("synthetic12", 8, 0.95, 1.0),
        ("synthetic13", 10, 0.94, 1.0),
        ("synthetic14", 10, 0.96, 1.0),
        ("synthetic15", 10, 0.92, 1.0),
        ("synthetic16", 10, 0.94, 1.0),
        ("synthetic17", 8, 0.94, 0.85),
        ("synthetic18", 10, 0.96, 1.0),
        ("synthetic19", 10, 0.97, 1.0),
        ("synthetic20", 10, 0.98, 1.0),
        ("synthetic21", 10, 0.98, 1.0),
        ("synthetic22", 10, 0.98, 1.0),
        ("synthetic23", 10, 0.98, 1.0),
        ("synthetic24", 10, 0.99, 1.0),
        ("synthetic25", 10, 0.98, 1.0),
        ("synthetic26", 10, 0.99, 0.9),
        ("synthetic27", 10, 0.99, 1.0),
        ("synthetic29", 10, 0.97, 1.0),
    ],
)
def test_synthetic_set_score_stays_above_floor(registry, folder: str, articles: int, floor: float, communes: float) -> None:
    report = evaluate_dir(HERE / folder, registry)
    assert len(report.articles) == articles
    summary = format_scores(report)
    assert report.macro_f1 >= floor, summary
    assert report.commune_accuracy >= communes, summary
