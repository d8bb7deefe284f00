"""The keys of the import review: change a line's kind, communes, owner, deadline and text,
visit the unsure items, link a request to its directives, store or go back. `?` help and the footer are generated from them;
their words are `N_`-marked English, translated where they are shown."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from haicap.store.domain.i18n import N_

__all__ = ["KIND_GROUP", "REVIEW_BINDINGS", "REVIEW_EXTRA_KEYS"]

KIND_GROUP = Binding.Group(N_("Kind"))
"""The footer shows 1 2 3 4 together under one description (80 columns have room for no
more; help gives each key its own)."""

REVIEW_BINDINGS: list[BindingType] = [
    Binding(
        "1",
        "set_kind(1)",
        N_("Achievements"),
        group=KIND_GROUP,
        tooltip=N_("Make it an achievement; takes a left-out line in"),
    ),
    Binding("2", "set_kind(2)", N_("Difficulties"), group=KIND_GROUP, tooltip=N_("Make it a difficulty")),
    Binding("3", "set_kind(3)", N_("Requests"), group=KIND_GROUP, tooltip=N_("Make it a request")),
    Binding("4", "set_kind(4)", N_("Directives"), group=KIND_GROUP, tooltip=N_("Make it a directive")),
    Binding("0", "leave_out", N_("Leave out"), tooltip=N_("Leave the line out: it is not stored")),
    Binding("e", "edit_text", N_("Edit"), tooltip=N_("Edit the line's text")),
    Binding("c", "communes", N_("Communes"), tooltip=N_("The line's communes; add a commune of the province")),
    Binding("o", "owner", N_("Owner"), show=False, tooltip=N_("Owner and co-agencies (requests, directives)")),
    Binding("d", "deadline", N_("Deadline"), show=False, tooltip=N_("Deadline (requests, directives); empty = no deadline")),
    Binding("n", "next_unsure(1)", N_("Unsure"), tooltip=N_("Next unsure item; 1–4 confirm it")),
    Binding(
        "N",
        "next_unsure(-1)",
        N_("Unsure, back"),
        key_display="N",
        show=False,
        tooltip=N_("Previous unsure item"),
    ),
    Binding(
        "S",
        "session",
        N_("Session"),
        key_display="S",
        show=False,
        tooltip=N_("The session's date, leader and communes"),
    ),
    Binding(
        "m",
        "match",
        N_("Stored session"),
        show=False,
        tooltip=N_("Add to the stored session of the same meeting, or store a separate one"),
    ),
    Binding(
        "L",
        "links",
        N_("Links"),
        key_display="L",
        show=False,
        tooltip=N_("On a request: accept or drop the directives suggested as its answer"),
    ),
    Binding("u", "undo", N_("Undo"), show=False, tooltip=N_("Take back the last change")),
    Binding("ctrl+s", "store", N_("Store"), tooltip=N_("Store exactly what the screen shows")),
    Binding(
        "escape,q",
        "back",
        N_("Back"),
        key_display="esc",
        tooltip=N_("Go back, store nothing (asks first)"),
    ),
    # The app's views and search would close this screen under the officer, and with it
    # the review: they wait until the import is stored or dropped.
    Binding("l,ctrl+f,P", "blocked", "", show=False),
]

REVIEW_EXTRA_KEYS = ("owner", "deadline", "session", "match", "undo", "next_unsure", "links")
"""The keys the footer adds, in this order, where the terminal is wide enough (`KeyBar`)."""
