"""The footer of every haicap screen: the keys of where the officer is, in the language spoken.

`KeyBar` is Textual's `Footer` (pinned exactly) with three differences:

- each key's description and tooltip go through `_()` when shown (bindings are constants
  made at import, so their words are `N_`-marked English);
- the always-shown keys are those Textual shows: the `show=True` bindings of the focused
  widget, its ancestors, the screen and the app, less those whose `check_action` hides them;
  where they are wider than the terminal (a long translation at 80 columns) the last ones go,
  whole, but never `?` help;
- after them, the screen's `extra` actions (keys otherwise only in `?` help and the palette)
  are added in their order while each fits whole in the width: a wide terminal shows more
  of them, 80 columns shows what always fits. The bar is rebuilt when the bindings change
  (focus, `refresh_bindings`) and when its width changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import groupby

from rich.cells import cell_len
from textual import events
from textual.actions import ActionError, parse
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from haicap.store.domain.i18n import _

__all__ = ["KeyBar"]


def action_name(action: str) -> str:
    """The action's own name, without namespace or arguments: "app.late" → "late"."""
    try:
        return parse(action)[1]
    except ActionError:
        return action


class KeyBar(Footer):
    """A `Footer` that translates, and fills a wide terminal with the screen's `extra` keys."""

    def __init__(self, *, extra: Iterable[str] = (), id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, show_command_palette=False)
        self.extra: tuple[str, ...] = tuple(extra)
        """Action names ("overview", "export"…) shown after the always-shown keys, in this
        order, as many as fit: only those active where the focus is and not hidden by a
        `check_action`."""
        self._composed_width = 0

    def _key_width(self, key_display: str, description: str) -> int:
        """The cells a `FooterKey` takes (Footer's CSS: " key " then "description ", and a
        margin after each key when compact)."""
        if self.compact:
            return cell_len(key_display) + (1 + cell_len(description) if description else 0) + 1
        return cell_len(key_display) + 2 + (cell_len(description) + 1 if description else 0)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._composed_width = self.size.width
        active = self.screen.active_bindings
        by_action: defaultdict[str, list[ActiveBinding]] = defaultdict(list)
        for entry in active.values():
            if entry.binding.show:
                by_action[entry.binding.action].append(entry)
        runs = [list(entries) for _group, entries in groupby(by_action.values(), lambda entries: entries[0].binding.group)]
        singles = [entries[0] for run in runs if not self._is_group(run) for entries in run]
        kept = self._fitting(
            singles, self._composed_width - sum(self._group_width(multi) for multi in runs if self._is_group(multi))
        )
        used = 0
        for multi in runs:
            if self._is_group(multi):
                group = multi[0][0].binding.group
                assert group is not None
                used += self._group_width(multi)
                with KeyGroup(classes="-compact" if group.compact else ""):
                    for first, *_others in multi:
                        binding = first.binding
                        yield FooterKey(
                            binding.key,
                            self.app.get_key_display(binding),
                            "",
                            binding.action,
                            disabled=not first.enabled,
                            tooltip=_(first.tooltip) or _(binding.description),
                            classes="-grouped",
                        ).data_bind(compact=Footer.compact)
                yield FooterLabel(_(group.description))
            else:
                for first, *_others in multi:
                    if any(first is entry for entry in kept):
                        yield self._key(first.binding, first.enabled, first.tooltip)
                        used += self._entry_width(first)
        yield from self._extra_keys(active, set(by_action), self._composed_width - used)

    @staticmethod
    def _is_group(multi: list[list[ActiveBinding]]) -> bool:
        return multi[0][0].binding.group is not None and len(multi) > 1

    def _group_width(self, run: list[list[ActiveBinding]]) -> int:
        """The cells a group takes (Footer's CSS: each key a margin of 1 on both sides, the
        neighbours' shared; compact: no margins, the group padded 1 on the left), and its label
        with a margin of 1 after it."""
        group = run[0][0].binding.group
        assert group is not None
        keys = [cell_len(self.app.get_key_display(first.binding)) for first, *_ in run]
        if group.compact:
            return 1 + sum(keys) + 1 + cell_len(_(group.description)) + 1
        return sum(key + 1 for key in keys) + 1 + cell_len(_(group.description)) + 1

    def _entry_width(self, entry: ActiveBinding) -> int:
        return self._key_width(self.app.get_key_display(entry.binding), _(entry.binding.description))

    def _fitting(self, entries: list[ActiveBinding], room: int) -> list[ActiveBinding]:
        """The always-shown keys that fit in `room`: when they don't all fit (a long
        translation at 80 columns), the last ones go first, but never `?` help, so the bar
        is never cut mid-word and help always says where the rest is."""
        kept = list(entries)
        while kept and sum(self._entry_width(entry) for entry in kept) > room:
            droppable = [i for i, entry in enumerate(kept) if action_name(entry.binding.action) != "help"]
            if not droppable:
                break
            del kept[droppable[-1]]
        return kept

    def _key(self, binding: Binding, enabled: bool, tooltip: str) -> FooterKey:
        key = FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            _(binding.description),
            binding.action,
            disabled=not enabled,
            tooltip=_(tooltip),
        )
        return key.data_bind(compact=Footer.compact)

    def _extra_keys(self, active: dict[str, ActiveBinding], shown: set[str], room: int) -> Iterable[FooterKey]:
        """The `extra` actions' keys that fit whole in `room` cells, in `extra`'s order."""
        first_of: dict[str, ActiveBinding] = {}
        for entry in active.values():
            name = action_name(entry.binding.action)
            if name in self.extra and entry.binding.action not in shown and entry.binding.description:
                first_of.setdefault(name, entry)
        for name in self.extra:
            if name not in first_of:
                continue
            entry = first_of[name]
            width = self._key_width(self.app.get_key_display(entry.binding), _(entry.binding.description))
            if width > room:
                break  # the order is the officer's: a later, shorter key would skip one
            room -= width
            yield self._key(entry.binding, entry.enabled, entry.tooltip)

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and event.size.width != self._composed_width:
            self.call_after_refresh(self.recompose)
