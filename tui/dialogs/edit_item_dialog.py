"""Edit an item: its text, and for requests and directives the follow-up fields.

The dialog only checks what can be checked here (a text, dates) and dismisses with an
`ItemEdit` holding what changed; the screen writes it through the store, which checks
the rest and records history.

A request's dialog also lists the directives that answer it (`EditLinks`): those linked,
those of its session suggested as answers, then the session's others; space links or
unlinks one, saved as its `responds_to`. A directive's dialog names the requests it answers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from haicap.store import Item, Kind
from haicap.store.domain import dates
from haicap.store.domain.bounds import add_days
from haicap.store.domain.dates import DATE_FORMAT, format_date
from haicap.store.domain.followup import DeadlineRules
from haicap.store.domain.i18n import N_, _, pgettext
from haicap.store.domain.text import visible
from haicap.tui.literal import literal, short
from haicap.tui.widgets.link_checklist import LinkChecklist, LinkChoice

__all__ = ["EditItemDialog", "EditLinks", "ItemEdit", "ItemTextArea", "hints", "parse_date", "split_agencies"]

SHOWN_ANSWERS = 3
"""How many of the requests a directive answers its dialog names (then "+ N more")."""


def parse_date(text: str) -> dt.date | None:
    """Read DD/MM/YYYY (as officials write it) or YYYY-MM-DD; None for an empty text.

    Raises ValueError with a message for the user when the text is not such a date.
    """
    text = text.strip()
    if not text:
        return None
    try:
        return dates.parse_date(text)
    except ValueError:
        raise ValueError(_("'{text}' is not a date (DD/MM/YYYY or YYYY-MM-DD)").format(text=text)) from None


def split_agencies(text: str) -> tuple[str, ...]:
    """Co-operating agencies typed on one line, separated by ";" or ","."""
    return tuple(part.strip() for part in re.split(r"[;,]", text) if part.strip())


def hints(*pairs: tuple[str, str]) -> Content:
    """Key hints on one line: "ctrl+s lưu · esc huỷ" (each `what` already translated)."""
    return Content(" · ").join(Content.assemble(literal(key, "bold $accent"), " ", literal(what)) for key, what in pairs)


class ItemTextArea(TextArea):
    """A wrapped text box for an item's text: enter submits (an item is one paragraph)."""

    @dataclass
    class Submitted(Message):
        """Enter was pressed in the box."""

        text_area: ItemTextArea

        @property
        def control(self) -> ItemTextArea:
            """The box that sent the message."""
            return self.text_area

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(text, id=id, soft_wrap=True, show_line_numbers=False, tab_behavior="focus", compact=True)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self))
            return
        await super()._on_key(event)


@dataclass(frozen=True)
class EditLinks:
    """What the dialog shows of an item's links (see `store.views.links.ItemLinks`)."""

    choices: tuple[LinkChoice[str], ...] = ()
    """Request: the directives it can be linked to, linked ones first, then suggestions."""
    linked: tuple[str, ...] = ()
    """Request: the ids of the directives linked now."""
    answers: tuple[LinkChoice[str], ...] = ()
    """Directive: the requests it answers."""


@dataclass
class ItemEdit:
    """What the user changed in the dialog."""

    text: str | None = None
    """The new text, or None when unchanged."""
    tracking: dict[str, Any] = field(default_factory=dict)
    """Changed follow-up fields, as `Store.update_tracking` takes them."""

    def __bool__(self) -> bool:
        return self.text is not None or bool(self.tracking)

    def describe(self, labels: dict[str, str], width: int = 30) -> str:
        """One line naming each change: "Chủ trì → Sở Tài chính; Hạn → 31/12/2025".

        `labels` name the fields in English marked with `N_` (`history_dialog.FIELD_LABELS`);
        they are shown in the language spoken."""
        parts = []
        for name, value in self.tracking.items():
            if isinstance(value, dt.date):
                shown = value.strftime(DATE_FORMAT)
            elif isinstance(value, (tuple, list)):
                shown = "; ".join(value)
            else:
                shown = str(value) if value else ""
            parts.append(f"{_(labels.get(name) or name)} → {short(shown, width) or '—'}")
        if self.text is not None:
            parts.append(f"{_(labels.get('text') or 'Text')} → «{short(self.text, width)}»")
        return "; ".join(parts)


class EditItemDialog(ModalScreen[ItemEdit | None]):
    """The item's text and, for a request or directive, its follow-up fields."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", N_("Cancel"), tooltip=N_("Close without saving")),
        Binding("ctrl+s", "save", N_("Save"), tooltip=N_("Save the changes (enter in a field does too)")),
        # Priority, and the focus moved at once: "Sở Tài chính<tab>Sở Nội vụ" typed over a slow
        # link arrives in one burst, and the letters after the tab must reach the next field.
        Binding("tab", "move_field(1)", N_("Next field"), show=False, priority=True),
        Binding("shift+tab", "move_field(-1)", N_("Previous field"), show=False, priority=True),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without saving. |
    | ctrl+s, enter | Save the changes. |
    | tab, shift+tab | Next or previous field. |
    """

    DEFAULT_CSS = """
    EditItemDialog {
        align: center middle;
        & > Vertical {
            width: 90%;
            max-width: 100;
            height: auto;
            max-height: 100%;
            border: thick $accent;
            background: $surface;
            padding: 0 1;
        }
        & .edit-label {
            text-style: bold;
        }
        & ItemTextArea {
            height: 4;
            margin-bottom: 1;
        }
        & .edit-row {
            height: 1;
            margin-bottom: 0;
        }
        & .edit-row > Static {
            width: 20;
            text-style: bold;
        }
        & .edit-row > Input {
            width: 1fr;
            background: $boost;
        }
        & .edit-row > Input:focus {
            background: $accent 25%;
        }
        & .edit-links {
            margin-top: 1;
        }
        & .edit-answer {
            height: 1;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        & #edit-error {
            color: $text-error;
            height: auto;
        }
        & #edit-hints {
            color: $text-muted;
            margin-top: 1;
        }
    }
    """

    def __init__(self, item: Item, rules: DeadlineRules | None = None, links: EditLinks | None = None) -> None:
        super().__init__()
        self.item = item
        """The item edited."""
        self.rules = rules or DeadlineRules()
        """The store's default answer deadlines (shown for a request without its own)."""
        self.links = links or EditLinks()
        """The item's links and the directives it could be linked to."""

    def _fields(self) -> list[tuple[str, str, str, str]]:
        """(field, label, value, placeholder) of the follow-up fields of this item's kind,
        labels and placeholders in the language spoken."""
        tracking = self.item.tracking

        def show(day: dt.date | None) -> str:
            return format_date(day) if day else ""

        if self.item.kind is Kind.REQUEST:
            days = self.rules.answer_days_with_co if tracking.co_agencies else self.rules.answer_days
            default = add_days(self.item.session.date, days).strftime(DATE_FORMAT)  # never overflows
            return [
                ("owner", _("Owner"), tracking.owner, _("responsible agency")),
                (
                    "co_agencies",
                    _("Co-agencies"),
                    "; ".join(tracking.co_agencies),
                    _("co-operating agencies, separated by ;"),
                ),
                (
                    "deadline",
                    _("Deadline"),
                    show(tracking.deadline),
                    _("DD/MM/YYYY · empty = default ({default})").format(default=default),
                ),
                ("answer", _("Answer"), tracking.answer, _("the agency's answer")),
                ("note", _("Note"), tracking.note, ""),
            ]
        if self.item.kind is Kind.DIRECTIVE:
            return [
                ("owner", pgettext("directive", "Owner"), tracking.owner, _("empty = the commune")),
                ("co_agencies", _("Co-agencies"), "; ".join(tracking.co_agencies), _("separated by ;")),
                ("deadline", _("Deadline"), show(tracking.deadline), _("DD/MM/YYYY · empty = none")),
                ("done", _("Done"), show(tracking.done), _("DD/MM/YYYY · empty = not done")),
                ("note", _("Note"), tracking.note, ""),
            ]
        return []

    def compose(self) -> ComposeResult:
        with Vertical() as frame:
            frame.border_title = _("Edit · {kind}").format(kind=self.item.kind.singular)
            frame.border_subtitle = self.item.id
            yield Static(literal(_("Text")), classes="edit-label")
            # Control characters in stored text are shown as visible stand-ins (␛, <U+202E>):
            # a field is saved only if the officer changed what it showed (see _collect).
            yield ItemTextArea(visible(self.item.text), id="edit-text")
            for name, label, value, placeholder in self._fields():
                with Horizontal(classes="edit-row"):
                    yield Static(literal(label))
                    yield Input(visible(value), placeholder=placeholder, id=f"edit-{name}", compact=True)
            yield from self._links()
            yield Static("", id="edit-error")
            yield Static(hints(("ctrl+s/enter", _("save")), ("tab", _("next field")), ("esc", _("cancel"))), id="edit-hints")

    def _links(self) -> ComposeResult:
        """A request's answering directives to tick; the requests a directive answers."""
        if self.item.kind is Kind.REQUEST:
            label = _("Answered by")
            if self.links.choices:
                yield Static(
                    Content.assemble(literal(label, "bold"), literal(" · " + _("space: link / unlink"), "$text-muted")),
                    classes="edit-label edit-links",
                )
                yield LinkChecklist(self.links.choices, self.links.linked, id="edit-links")
            else:
                yield Static(
                    Content.assemble(literal(label + ": ", "bold"), literal(_("no directive in this session"), "$text-muted")),
                    classes="edit-label edit-links",
                )
        elif self.item.kind is Kind.DIRECTIVE and self.links.answers:
            yield Static(literal(_("Answers"), "bold"), classes="edit-label edit-links")
            for answer in self.links.answers[:SHOWN_ANSWERS]:
                yield Static(literal(f"{answer.state} · {answer.text}" if answer.state else answer.text), classes="edit-answer")
            more = len(self.links.answers) - SHOWN_ANSWERS
            if more > 0:
                yield Static(literal(_("+ {count} more").format(count=more), "$text-muted"), classes="edit-answer")

    def on_mount(self) -> None:
        first = self.query(Input).first() if self.item.kind in (Kind.REQUEST, Kind.DIRECTIVE) else None
        self.set_focus(first or self.query_one(ItemTextArea))

    def action_move_field(self, step: int) -> None:
        """Put the cursor in the next (or previous) field, in the order they are shown."""
        fields = list(self.query("ItemTextArea, Input, LinkChecklist"))
        if fields:
            current = next((n for n, widget in enumerate(fields) if widget is self.focused), -1)
            self.set_focus(fields[(current + step) % len(fields)])

    # -- saving -----------------------------------------------------------------------

    def _error(self, text: str, field_id: str) -> None:
        self.query_one("#edit-error", Static).update(literal(text))
        self.set_focus(self.query_one(f"#{field_id}"))

    def _collect(self) -> ItemEdit | None:
        """The changes typed, or None (with the error shown) when one cannot be saved."""
        edit = ItemEdit()
        text = " ".join(self.query_one(ItemTextArea).text.split())
        if not text:
            self._error(_("The text cannot be empty (d deletes the item)"), "edit-text")
            return None
        if text != " ".join(visible(self.item.text).split()):
            edit.text = text
        tracking = self.item.tracking
        for name, _label, shown, _hint in self._fields():
            typed = self.query_one(f"#edit-{name}", Input).value
            if typed == visible(shown):
                continue  # untouched: keep the stored value as it is
            value: Any
            if name in ("deadline", "done"):
                try:
                    value = parse_date(typed)
                except ValueError as error:
                    self._error(str(error), f"edit-{name}")
                    return None
            elif name == "co_agencies":
                value = split_agencies(typed)
            else:
                value = " ".join(typed.split())
            if value != getattr(tracking, name):
                edit.tracking[name] = value
        links = self._linked()
        if links is not None and links != tracking.responds_to:
            edit.tracking["responds_to"] = links
        return edit

    def _linked(self) -> tuple[str, ...] | None:
        """The directives the request responds to once saved: those linked that the list
        does not show (kept as they are), then those ticked; None for no list."""
        checklists = self.query(LinkChecklist)
        if not checklists:
            return None
        ticked = checklists.first().linked
        listed = {choice.key for choice in self.links.choices}
        kept = [i for i in self.item.tracking.responds_to if i not in listed or i in ticked]
        return tuple(kept + [i for i in ticked if i not in kept])

    @on(Input.Submitted)
    @on(ItemTextArea.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Check the fields and close with the changes (None when nothing changed)."""
        edit = self._collect()
        if edit is not None:
            self.dismiss(edit or None)
