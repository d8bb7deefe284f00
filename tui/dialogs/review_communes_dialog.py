"""The communes of a line under review (`c`): tick among the session's, or add one of the province.

The session's communes are listed with the line's own ticked (space ticks). A commune
the article did not name can be added by typing its name below, diacritics and case
optional ("hoang tien" finds xã Hoằng Tiến); it is then ticked, and the session gains it
when the dialog saves. Enter saves (enter in the typing box adds what was typed first).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, OptionList, Static

from haicap.store import Commune, Province
from haicap.store.domain.i18n import N_, _, ngettext
from haicap.store.domain.registry import Registry
from haicap.store.domain.text import fold, matches
from haicap.store.ingest.import_plan import PlanLine
from haicap.tui.dialogs.edit_item_dialog import hints
from haicap.tui.dialogs.review_fields_dialog import about_line
from haicap.tui.literal import literal

__all__ = ["CommuneChecklist", "CommuneSuggester", "ReviewCommunesDialog", "communes_matching", "find_commune"]

SHOWN_MATCHES = 4
"""How many communes matching what is typed are named under the box."""


def communes_matching(registry: Registry, province: Province, typed: str) -> list[Commune]:
    """The communes of `province` that `typed` names: its code, its exact name (with or
    without "xã"/"phường", diacritics optional), else every commune whose label holds the
    words typed."""
    typed = typed.strip()
    communes = registry.communes_of(province)
    if typed.isdigit():
        return [c for c in communes if c.code == typed]
    wanted = fold(typed)
    exact = [c for c in communes if wanted in (fold(c.label), fold(c.name))]
    return exact or [c for c in communes if matches(typed, c.label)]


def find_commune(registry: Registry, province: Province, typed: str) -> Commune:
    """The one commune of `province` that `typed` names; ValueError (for the officer) when
    none or several do."""
    found = communes_matching(registry, province, typed)
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValueError(
            _("'{typed}': no commune of {province} has that name").format(typed=typed.strip(), province=province.full_name)
        )
    count = len(found)
    names = ", ".join(c.label for c in found[:SHOWN_MATCHES]) + (" …" if count > SHOWN_MATCHES else "")
    several = ngettext(
        "'{typed}': {count} commune matches, type more: {names}", "'{typed}': {count} communes match, type more: {names}", count
    )
    raise ValueError(several.format(typed=typed.strip(), count=count, names=names))


class CommuneSuggester(Suggester):
    """Completes a commune name of one province, diacritics optional ("hoang t" → "Hoằng Tiến")."""

    def __init__(self, communes: Sequence[Commune]) -> None:
        super().__init__(use_cache=True, case_sensitive=True)
        self._names = [(fold(name), name) for c in communes for name in (c.label, c.name)]

    async def get_suggestion(self, value: str) -> str | None:
        wanted = fold(value)
        if not wanted:
            return None
        for folded, name in self._names:
            # Folding keeps the length of a precomposed name, so the rest of the suggestion
            # shows after what was typed.
            if folded.startswith(wanted) and len(folded) == len(name) and len(name) > len(value):
                return name
        return None


class CommuneChecklist(OptionList):
    """Communes to tick, each shown "[x] xã A" or "[ ] xã B" (readable without colour);
    space ticks, enter saves the dialog."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", N_("Tick"), show=False),
        Binding("enter", "screen.save", N_("Save"), show=False),
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | space | Tick or untick the commune. |
    | enter | Save. |
    | down/j, up/k | Move. |
    """

    def __init__(self, communes: Sequence[Commune], ticked: Sequence[Commune], *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.communes: list[Commune] = list(communes)
        """The communes listed, in order."""
        self.ticked: set[Commune] = set(ticked)
        """The communes ticked."""
        self.add_options(self._prompt(c) for c in self.communes)
        if self.communes:
            self.highlighted = 0

    def _prompt(self, commune: Commune) -> Content:
        here = commune in self.ticked
        return Content.assemble(literal("[x] " if here else "[ ] ", "bold $accent" if here else ""), literal(commune.label))

    def _redraw(self, index: int) -> None:
        self.replace_option_prompt_at_index(index, self._prompt(self.communes[index]))

    def action_tick(self) -> None:
        """Tick the highlighted commune, or untick it."""
        if self.highlighted is None:
            return
        commune = self.communes[self.highlighted]
        self.ticked.symmetric_difference_update({commune})
        self._redraw(self.highlighted)

    def tick(self, commune: Commune) -> None:
        """Tick `commune`, adding it to the list first if it is not there."""
        if commune not in self.communes:
            self.communes.append(commune)
            self.ticked.add(commune)
            self.add_option(self._prompt(commune))
            self.highlighted = len(self.communes) - 1
            return
        self.ticked.add(commune)
        self._redraw(self.communes.index(commune))


class ReviewCommunesDialog(ModalScreen[tuple[Commune, ...] | None]):
    """Dismisses with the communes ticked, in the session's order then those added."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", N_("Cancel"), tooltip=N_("Close without changing anything")),
        Binding("ctrl+s", "save", N_("Save"), tooltip=N_("Save the communes ticked")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without changing anything. |
    | space | Tick or untick the highlighted commune. |
    | enter, ctrl+s | Save (in the box: add the commune typed). |
    | tab | Between the list and the box. |
    """

    DEFAULT_CSS = """
    ReviewCommunesDialog {
        align: center middle;
        & > Vertical {
            width: 90%;
            max-width: 90;
            height: auto;
            max-height: 100%;
            border: thick $accent;
            background: $surface;
            padding: 0 1;
        }
        & .review-about {
            color: $text-muted;
            margin-bottom: 1;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        & CommuneChecklist {
            height: auto;
            max-height: 10;
            border: none;
            padding: 0;
            background: $surface;
        }
        & CommuneChecklist:focus {
            border: none;
        }
        & #communes-add {
            margin-top: 1;
            background: $boost;
        }
        & #communes-add:focus {
            background: $accent 25%;
        }
        & #communes-matches {
            color: $text-muted;
            height: 1;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        & #communes-error {
            color: $text-error;
            height: auto;
        }
        & #communes-hints {
            color: $text-muted;
            margin-top: 1;
        }
    }
    """

    def __init__(self, line: PlanLine, session_communes: Sequence[Commune], registry: Registry) -> None:
        super().__init__()
        self.line = line
        """The line whose communes are chosen."""
        self.province = session_communes[0].province
        """The province communes can be added from."""
        self.registry = registry
        """Where the province's communes are looked up."""
        self.session_communes = tuple(session_communes)
        """The session's communes, listed first."""

    def compose(self) -> ComposeResult:
        with Vertical() as frame:
            frame.border_title = _("Communes of the line")
            yield Static(about_line(self.line), classes="review-about")
            yield CommuneChecklist(self.session_communes, self.line.communes, id="communes-list")
            yield Input(
                placeholder=_("add a commune of {province}, diacritics optional").format(province=self.province.full_name),
                suggester=CommuneSuggester(self.registry.communes_of(self.province)),
                id="communes-add",
                compact=True,
            )
            yield Static("", id="communes-matches")
            yield Static("", id="communes-error")
            yield Static(
                hints(("space", _("tick")), ("enter", _("save")), ("tab", _("add a commune")), ("esc", _("cancel"))),
                id="communes-hints",
            )

    def on_mount(self) -> None:
        self.set_focus(self.query_one(CommuneChecklist))

    @property
    def ticked(self) -> tuple[Commune, ...]:
        """The communes ticked now, in list order."""
        checklist = self.query_one(CommuneChecklist)
        return tuple(c for c in checklist.communes if c in checklist.ticked)

    def _error(self, text: str) -> None:
        self.query_one("#communes-error", Static).update(literal(text))

    @on(Input.Changed, "#communes-add")
    def _typed(self, message: Input.Changed) -> None:
        self._error("")
        shown = self.query_one("#communes-matches", Static)
        if not message.value.strip():
            shown.update("")
            return
        found = communes_matching(self.registry, self.province, message.value)
        if not found:
            shown.update(literal(_("no commune matches")))
            return
        count = len(found)
        names = ", ".join(c.label for c in found[:SHOWN_MATCHES]) + (" …" if count > SHOWN_MATCHES else "")
        # The count first: a narrow dialog cuts the end of the line.
        matching = ngettext("{count} commune matches: {names}", "{count} communes match: {names}", count)
        shown.update(literal(matching.format(count=count, names=names)))

    def _add_typed(self) -> bool:
        """Add (and tick) the commune typed in the box; False, with the error shown, when
        the box names none or several."""
        box = self.query_one("#communes-add", Input)
        try:
            commune = find_commune(self.registry, self.province, box.value)
        except ValueError as error:
            self._error(str(error))
            self.set_focus(box)
            return False
        self.query_one(CommuneChecklist).tick(commune)
        box.value = ""
        return True

    @on(Input.Submitted, "#communes-add")
    def _add_submitted(self, message: Input.Submitted) -> None:
        if message.value.strip():
            self._add_typed()
        else:
            self.action_save()

    def action_save(self) -> None:
        """Close with the communes ticked (adding the one still typed in the box first)."""
        if self.query_one("#communes-add", Input).value.strip() and not self._add_typed():
            return
        ticked = self.ticked
        if not ticked:
            self._error(_("Tick at least one commune (0 leaves the line out)"))
            return
        self.dismiss(ticked)
