"""Choose a province: type to filter, enter to choose, escape to keep the current one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from haicap.store import Province
from haicap.store.domain.i18n import N_, _, ngettext
from haicap.store.domain.text import matches
from haicap.tui.literal import literal

__all__ = ["ProvincePickerDialog"]


class ProvincePickerDialog(ModalScreen[Province | None]):
    """Lists the 34 provinces with their session counts; dismisses with the chosen one or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", N_("Cancel"), tooltip=N_("Keep the current province")),
        Binding("down", "to_list", N_("To list"), show=False, tooltip=N_("From the filter box to the list")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Keep the current province. |
    | down | From the filter box to the list. |
    | enter | Choose the highlighted province (from the box: the first match). |
    """

    DEFAULT_CSS = """
    ProvincePickerDialog {
        align: center middle;
        & > Vertical {
            width: 60;
            max-width: 95%;
            height: 80%;
            border: thick $accent;
            background: $surface;
        }
        & OptionList {
            height: 1fr;
        }
    }
    """

    def __init__(self, provinces: Sequence[Province], session_counts: Counter[str], current: Province | None) -> None:
        super().__init__()
        self.provinces = tuple(provinces)
        """Every province, in official order."""
        self.session_counts = session_counts
        """Sessions per province code."""
        self.current = current
        """The province the dashboard shows now (highlighted first)."""
        self._shown: list[Province] = []

    def compose(self) -> ComposeResult:
        with Vertical() as frame:
            frame.border_title = _("Province")
            frame.border_subtitle = _("enter choose · esc cancel")
            yield Input(placeholder=_("filter provinces"), id="province-filter")
            yield OptionList(id="provinces", markup=False)

    def on_mount(self) -> None:
        self._fill("")
        # Typing is the quickest way to a province, so the filter box starts with the cursor.
        self.set_focus(self.query_one("#province-filter", Input))

    def _fill(self, query: str) -> None:
        self._shown = [p for p in self.provinces if matches(query, p.full_name)]
        options = self.query_one("#provinces", OptionList)
        options.set_options(Option(self._prompt(p), id=p.code) for p in self._shown)
        if self._shown:
            current = self.current
            keep_current = not query and current is not None and current in self._shown
            options.highlighted = self._shown.index(current) if keep_current and current is not None else 0

    def _prompt(self, province: Province) -> Content:
        count = self.session_counts.get(province.code, 0)
        label = literal(province.full_name, "bold" if count else "")
        if not count:
            return label
        sessions = ngettext("●{count} session", "●{count} sessions", count).format(count=count)
        return Content.assemble(label, literal("  " + sessions, "$accent"))

    @on(Input.Changed, "#province-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#province-filter")
    def _filter_submitted(self) -> None:
        options = self.query_one("#provinces", OptionList)
        if options.highlighted is not None and self._shown:
            self.dismiss(self._shown[options.highlighted])

    @on(OptionList.OptionSelected, "#provinces")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._shown[event.option_index])

    def action_to_list(self) -> None:
        """Move from the filter box to the list."""
        self.query_one("#provinces", OptionList).focus()
