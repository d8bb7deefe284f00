"""The haicap App and `make_app`, the one factory the command line and the tests share."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from store import Province, Store

from .dialogs.help import HelpDialog, HelpSection, bindings_of
from .screens.dashboard import DashboardScreen

__all__ = ["HaicapApp", "make_app"]


class HaicapApp(App[None]):
    """The haicap dashboard. It owns the store and closes it when the app ends."""

    TITLE = "haicap"
    CSS_PATH = Path(__file__).parent / "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit haicap (ctrl+q works everywhere)"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Show every key"),
    ]
    """Keys that work on every screen; the help dialog lists them first."""

    def __init__(self, store: Store, province: Province | None = None) -> None:
        super().__init__()
        self.store = store
        """The store every screen reads."""
        self.start_province = province
        """The province asked for on the command line, or None for the default."""

    def get_default_screen(self) -> Screen[None]:
        return DashboardScreen(self.store, self.start_province)

    def on_unmount(self) -> None:
        self.store.close()

    def help_sections(self) -> list[HelpSection]:
        """The bindings of the app, the current screen and each kind of widget on it."""
        screen = self.screen
        sections: list[HelpSection] = [("Chung / General", bindings_of(type(self)) + bindings_of(type(screen)))]
        seen: set[type] = set()
        for widget in screen.query("*"):
            kind = type(widget)
            title = getattr(kind, "HELP_TITLE", None)
            if title and kind not in seen:
                seen.add(kind)
                sections.append((title, bindings_of(kind)))
        return sections

    def action_help(self) -> None:
        """Show the keys, generated from the bindings in force."""
        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(self.help_sections()))


def make_app(db_path: Path, province_name: str | None = None) -> HaicapApp:
    """Open the store at `db_path` and build the app on it.

    Raises `store.StoreError` when the store cannot be opened and `ValueError` when the
    province is unknown, so the command line can report either on one line.
    """
    store = Store.open(db_path)
    province = None
    if province_name:
        province = store.find_province(province_name)
        if province is None:
            store.close()
            raise ValueError(f"unknown province '{province_name}' (names match without diacritics, e.g. 'thanh hoa')")
    return HaicapApp(store, province)
