"""How the reader's cue for an item is named for people: why it gave the item its kind.

The classifier's reasons are short English notes for developers ("leader yêu cầu",
"commune kiến nghị", "content"); an officer reviewing an import reads these instead, in
the language spoken. The cue itself stays as the reader gave it (`extract --json` shows
it); only its label is translated, when it is shown.
"""

from __future__ import annotations

from haicap.store.domain.i18n import N_, _

__all__ = ["cue_label"]

_EXACT = {
    "heading": N_("the section heading"),
    "structured": N_("structured file"),
    "review": N_("set in review"),
    "praise": N_("praise"),
    "content": N_("content words"),
    "continues": N_("continues the clause before"),
    "joined": N_("joins the clause beside it"),
    "request list": N_("in a list of requests"),
    "stated need": N_("the commune states a need"),
    "province to act": N_("the commune wants the province to act"),
    "passive order": N_("an agency is assigned"),
    "agency assigned": N_("an agency assigned in the conclusion"),
    "assigned in the answer": N_("assigned in the answer"),
    "damage seen": N_("damage the delegation saw"),
    "leader's instruction": N_("a task in the leader's speech"),
    "leader's modal instruction": N_("something that must be done"),
    "assigned": N_("the province assigns an agency"),
    "restated request": N_("a request restated in the conclusions"),
    "communes told": N_("the communes are told what to do"),
    "leader's list": N_("in a list of the leader's tasks"),
    "by speaker": N_("by who is speaking"),
    "listed": N_("in a list its heading names"),
    "reason for the ask": N_("the reason the commune gives for its request"),
    "still left, after a contrast": N_("what is still left, after a contrast"),
}
"""The cues named as a whole, with their label in English (marked for the catalogue)."""


def cue_label(cue: str) -> str:
    """ "lãnh đạo đề nghị" ("leader: đề nghị" in English) for "leader đề nghị", in the
    language spoken; unknown cues as they are. The reader's Vietnamese words stay as they are."""
    if cue in _EXACT:
        return _(_EXACT[cue])
    head, _sep, verb = cue.partition(" ")
    if head == "leader" and verb:
        return _("leader: {verb}").format(verb=verb)
    if head == "commune" and verb:
        return _("commune: {verb}").format(verb=verb)
    if head == "relayed" and verb:
        return _("the commune relays the people's wish: {verb}").format(verb=verb)
    if head == "voters" and verb:
        return _("voters: {verb}").format(verb=verb)
    if cue.endswith(" to commune"):
        return _("{cue}: asks the commune").format(cue=cue.removesuffix(" to commune"))
    if cue.endswith(" to province"):
        return _("{cue}: asks the province").format(cue=cue.removesuffix(" to province"))
    if cue.endswith(" by speaker"):
        return _("{cue}, by who is speaking").format(cue=cue.removesuffix(" by speaker"))
    if cue.endswith(" + instruction"):
        return _("{cue} with a task").format(cue=cue.removesuffix(" + instruction"))
    return cue
