"""The dashboard's own keys (the app's global ones are in `haicap.tui.app`); `?` help and
the footer are generated from them."""

from __future__ import annotations

from textual.binding import Binding, BindingType

__all__ = ["DASHBOARD_BINDINGS"]

DASHBOARD_BINDINGS: list[BindingType] = [
    Binding(
        "n,right_square_bracket",
        "move_commune(1)",
        "Next",
        key_display="n",
        tooltip="Next commune (also ]; p or [ goes back)",
    ),
    # Not in the footer: "n Next" suggests it, and 80 columns are needed for a pane's "s Status".
    Binding(
        "p,left_square_bracket", "move_commune(-1)", "Prev", key_display="p", show=False, tooltip="Previous commune (also [)"
    ),
    Binding("r", "toggle_reported", "Reported", tooltip="Show only communes with reports, or all"),
    # Priority: the App resolves it before forwarding the keys typed after it, so a
    # burst like "/kim tan" (fast typing, a slow SSH link) lands whole in the filter.
    Binding(
        "slash",
        "filter",
        "Filter",
        key_display="/",
        priority=True,
        tooltip="Filter communes by name, diacritics optional",
    ),
    Binding("1", "focus_pane(1)", "Kết quả", show=False, tooltip="Focus the achievements pane"),
    Binding("2", "focus_pane(2)", "Khó khăn", show=False, tooltip="Focus the difficulties pane"),
    Binding("3", "focus_pane(3)", "Kiến nghị", show=False, tooltip="Focus the requests pane"),
    Binding("4", "focus_pane(4)", "Chỉ đạo", show=False, tooltip="Focus the directives pane"),
    Binding("0", "focus_list", "Communes", show=False, tooltip="Focus the commune list"),
    Binding(
        "z", "zoom_pane", "Zoom", show=False, tooltip="Show only the focused pane, over the whole width; z again shows all four"
    ),
    Binding("T", "pick_province", "Province", key_display="T", tooltip="Choose another province"),
    Binding("i", "import_report", "Import", tooltip="Import a report: .docx .pdf .doc .txt .md .yaml .json"),
    Binding("x", "export", "Export", show=False, tooltip="Export to Word, Excel, Markdown or CSV"),
    Binding("t", "pick_session", "Sessions", show=False, tooltip="Narrow the panes to one session; t again shows all"),
    Binding("u", "undo_delete", "Undo", show=False, tooltip="Bring back the last item deleted in this run"),
]
