"""The dashboard's own keys (the app's global ones are in `haicap.tui.app`); `?` help and
the footer are generated from them. Their words are `N_`-marked English, translated where
they are shown (the footer's `KeyBar`, help, the palette)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from haicap.store.domain.i18n import N_

__all__ = ["DASHBOARD_BINDINGS", "DASHBOARD_EXTRA_KEYS"]

DASHBOARD_BINDINGS: list[BindingType] = [
    Binding(
        "n,right_square_bracket",
        "move_commune(1)",
        N_("Next"),
        key_display="n",
        tooltip=N_("Next commune (also ]; p or [ goes back)"),
    ),
    # Not in the footer: "n Next" suggests it, and 80 columns are needed for a pane's "s Status".
    Binding(
        "p,left_square_bracket",
        "move_commune(-1)",
        N_("Prev"),
        key_display="p",
        show=False,
        tooltip=N_("Previous commune (also [)"),
    ),
    Binding("r", "toggle_reported", N_("Reported"), tooltip=N_("Show only communes with reports, or all")),
    # Priority: the App resolves it before forwarding the keys typed after it, so a
    # burst like "/kim tan" (fast typing, a slow SSH link) lands whole in the filter.
    Binding(
        "slash",
        "filter",
        N_("Filter"),
        key_display="/",
        priority=True,
        tooltip=N_("Filter communes by name, diacritics optional"),
    ),
    Binding("1", "focus_pane(1)", N_("Achievements"), show=False, tooltip=N_("Focus the achievements pane")),
    Binding("2", "focus_pane(2)", N_("Difficulties"), show=False, tooltip=N_("Focus the difficulties pane")),
    Binding("3", "focus_pane(3)", N_("Requests"), show=False, tooltip=N_("Focus the requests pane")),
    Binding("4", "focus_pane(4)", N_("Directives"), show=False, tooltip=N_("Focus the directives pane")),
    Binding("0", "focus_list", N_("Communes"), show=False, tooltip=N_("Focus the commune list")),
    Binding(
        "z",
        "zoom_pane",
        N_("Zoom"),
        show=False,
        tooltip=N_("Show only the focused pane, over the whole width; z again shows all four"),
    ),
    Binding("T", "pick_province", N_("Province"), key_display="T", tooltip=N_("Choose another province")),
    Binding(
        "i",
        "import_report",
        N_("Import"),
        tooltip=N_("Import a report, or a tracking table filled in"),
    ),
    Binding("x", "export", N_("Export"), show=False, tooltip=N_("Export to Word, Excel, Markdown or CSV")),
    Binding("t", "pick_session", N_("Sessions"), show=False, tooltip=N_("Narrow the panes to one session; t again shows all")),
    Binding("u", "undo_delete", N_("Undo"), show=False, tooltip=N_("Bring back the last item deleted in this run")),
]

DASHBOARD_EXTRA_KEYS = (
    "overview",
    "late",
    "search",
    "export",
    "present",
    "edit_item",
    "item_history",
    "change_kind",
    "add_item",
    "delete_item",
    "pick_session",
    "notice_log",
)
"""The keys the footer adds, in this order, where the terminal is wide enough (`KeyBar`):
80 columns have room for the keys above marked to show only."""
