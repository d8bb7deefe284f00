"""The review screen's header: the file, the session, the counts, and the stored session it matches.

Three lines, four when the file reports a session already stored. Each line is built
for the width it has: the longest wording that fits (the labels, the leader's title,
"xã" before each commune) and shorter ones on a narrow terminal, so
what matters (date, province, leader, communes, numbers) is never the part cut off.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from haicap.store import Kind
from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import N_, _, ngettext
from haicap.store.ingest.import_plan import ImportPlan, SessionMatch
from haicap.tui.literal import literal
from haicap.tui.widgets.plan_lines import KIND_STYLES, UNSURE_STYLE

__all__ = ["FORMATS", "ReviewHeader", "fit"]

FORMATS = {"structured": "YAML/JSON", "docx": "Word .docx", "pdf": "PDF", "doc": "Word .doc", "text": N_("text")}
"""How each file format is named to the officer (`_()` when shown: "text" is a word)."""

SEP = " │ "
"""Between the parts of a header line."""


def fit(width: int, variants: Sequence[Content]) -> Content:
    """The first of `variants` (longest first) that fits in `width` cells, else the last
    (the widget cuts it with "…")."""
    for variant in variants:
        if variant.cell_length <= width:
            return variant
    return variants[-1]


def _joined(parts: Sequence[Content], separator: str = " · ") -> Content:
    return Content(separator).join(list(parts))


def _names_within(names: Sequence[str], width: int) -> str:
    """As many of `names` as fit in `width`, then "… +N" for the others."""
    shown: list[str] = []
    for count, name in enumerate(names):
        rest = len(names) - count - 1
        candidate = ", ".join([*shown, name]) + (f" … +{rest}" if rest else "")
        if len(candidate) > width and shown:
            return ", ".join(shown) + f" … +{len(names) - count}"
        shown.append(name)
    return ", ".join(shown)


class ReviewHeader(Widget):
    """Shows what the plan it is given will store; the screen calls `show` after each change."""

    DEFAULT_CSS = """
    ReviewHeader {
        height: auto;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._plan: ImportPlan | None = None
        self._found: SessionMatch | None = None
        self._storing = False

    def show(self, plan: ImportPlan, found: SessionMatch | None, *, storing: bool = False) -> None:
        """Show `plan`; `found` is the stored session the file matches, even when the
        officer chose to store it as a separate session (then `plan.match` is None)."""
        self._plan, self._found, self._storing = plan, found, storing
        self.refresh(layout=True)

    def render(self) -> Content:
        plan = self._plan
        if plan is None:
            return Content("")
        width = max(1, self.content_region.width or self.size.width)
        lines = [self._file_line(plan, width), self._session_line(plan, width), self._counts_line(plan, width)]
        if self._found is not None:
            lines.append(self._match_line(plan, width))
        return Content("\n").join(lines)

    # -- the lines -------------------------------------------------------------------------

    def _file_line(self, plan: ImportPlan, width: int) -> Content:
        title = literal(_("Review import"), "bold $accent")
        short_title = literal(_("Review"), "bold $accent")
        how = _(FORMATS[plan.format]) if plan.format in FORMATS else plan.format
        if plan.encoding:
            how += f", {plan.encoding}"
        state = literal(" · " + _("storing…"), "bold $warning") if self._storing else Content("")
        source = plan.source
        variants = [
            Content.assemble(title, SEP, literal(source, "bold"), literal(f" ({how})", "$text-muted"), state),
            Content.assemble(short_title, SEP, literal(source, "bold"), literal(f" ({how})", "$text-muted"), state),
            Content.assemble(short_title, SEP, literal(source, "bold"), state),
        ]
        room = width - short_title.cell_length - len(SEP) - state.cell_length
        if len(source) > room > 10:
            # The end of a path names the file; its folders are what can go.
            variants.append(Content.assemble(short_title, SEP, literal("…" + source[-(room - 1) :], "bold"), state))
        return fit(width, variants)

    def _session_line(self, plan: ImportPlan, width: int) -> Content:
        facts = plan.session
        date = literal(format_date(facts.date), "bold")
        if facts.leader.name:
            leader_full = literal(str(facts.leader), "bold")
            leader = literal(facts.leader.name, "bold")
        else:
            leader_full = leader = literal(_("leader not named"), "$text-warning")
        labels = [c.label for c in facts.communes]
        names = [c.name for c in facts.communes]
        variants = [
            Content.assemble(
                literal(_("Session:") + " "),
                _joined([date, literal(facts.province.full_name), leader_full]),
                SEP,
                literal(_("Communes:") + " "),
                literal(", ".join(labels)),
            ),
            Content.assemble(_joined([date, literal(facts.province.full_name), leader_full]), SEP, literal(", ".join(labels))),
            Content.assemble(_joined([date, literal(facts.province.full_name), leader]), SEP, literal(", ".join(labels))),
            Content.assemble(_joined([date, literal(facts.province.name), leader, literal(", ".join(labels))])),
            Content.assemble(_joined([date, literal(facts.province.name), leader, literal(", ".join(names))])),
        ]
        before = _joined([date, literal(facts.province.name), leader]).cell_length + 3
        variants.append(
            Content.assemble(
                _joined([date, literal(facts.province.name), leader, literal(_names_within(names, max(12, width - before)))])
            )
        )
        return fit(width, variants)

    def _counts_line(self, plan: ImportPlan, width: int) -> Content:
        counts = plan.counts()
        left = len(plan.left_out)
        unsure = len(plan.unsure_lines())

        kinds = _joined(
            [Content.assemble(literal(kind.title, KIND_STYLES[kind]), literal(f" {counts[kind]}", "bold")) for kind in Kind]
        )

        def rest(words: bool = True) -> list[Content]:
            parts = [literal(_("left out {count}").format(count=left))]
            if unsure:
                about = " " + _("unsure") if words else ""
                parts.append(Content.assemble(literal("?", UNSURE_STYLE), literal(f"{about} {unsure}")))
            return parts

        variants = [
            Content.assemble(kinds, SEP, _joined(rest())),
            Content.assemble(kinds, SEP, _joined(rest(words=False))),
        ]
        return fit(width, variants)

    def _match_line(self, plan: ImportPlan, width: int) -> Content:
        found = self._found
        assert found is not None
        if plan.match is None:
            return fit(
                width,
                [
                    literal(
                        _("Stored as a separate session (same meeting as {session}; m changes)").format(session=found.label),
                        "$text-warning",
                    ),
                    literal(
                        _("Separate session (same meeting as {session}; m changes)").format(session=found.session_id),
                        "$text-warning",
                    ),
                    literal(_("Separate (same as {session}; m changes)").format(session=found.session_id), "$text-warning"),
                ],
            )
        taken = [index for index, line in enumerate(plan.lines) if line.taken]
        known = sum(1 for index in taken if plan.is_known(index))
        new = len(taken) - known
        numbers = Content.assemble(
            literal(ngettext("{count} new item", "{count} new items", new).format(count=new), "bold"),
            literal(", "),
            literal(_("{count} already there").format(count=known)),
        )
        short_numbers = Content.assemble(
            literal(_("{count} new").format(count=new), "bold"), literal(", "), literal(_("{count} there").format(count=known))
        )

        def same(session: str) -> Content:
            return literal(_("Same session as {session}:").format(session=session) + " ", "$text-accent")

        return fit(
            width,
            [
                Content.assemble(same(found.label), numbers),
                Content.assemble(same(found.session_id), numbers),
                Content.assemble(same(found.session_id), short_numbers),
            ],
        )
