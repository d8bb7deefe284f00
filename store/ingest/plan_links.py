"""Links between the requests and directives of an import, before and after it is stored.

Before: `plan_suggestions` suggests, for each request line of an `ImportPlan`, the
directive lines on the same subject (`store.domain.links`), among the lines that will be
stored. The officer accepts some (`ImportPlan.with_links`), or `haicap import --link`
accepts them all (`accept_all`).

After: the items have ids only once the store wrote them, so `line_ids` finds, for each
stored line, the item the store made of it, and `responds_to_changes` says which
requests must get which directives in `responds_to`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from haicap.store.domain.i18n import _
from haicap.store.domain.links import LinkSuggestion, LinkText, shared_phrases, suggest_links
from haicap.store.domain.models import Item, Kind
from haicap.store.domain.text import shorten, visible
from haicap.store.ingest.import_plan import ImportPlan

__all__ = ["accept_all", "describe_suggestions", "line_ids", "plan_suggestions", "responds_to_changes", "stored_lines"]


def stored_lines(plan: ImportPlan) -> list[int]:
    """The lines that become items when the plan is stored (taken in, not already stored)."""
    return [index for index, line in enumerate(plan.lines) if line.taken and not plan.is_known(index)]


def plan_suggestions(plan: ImportPlan) -> dict[int, tuple[LinkSuggestion[int], ...]]:
    """For each request line to be stored, the directive lines suggested as its answer, best first."""
    requests: list[LinkText[int]] = []
    directives: list[LinkText[int]] = []
    others: list[str] = []
    for index in stored_lines(plan):
        line = plan.lines[index]
        entry = LinkText(index, line.text, (line.owner, *line.co_agencies))
        if line.kind is Kind.REQUEST:
            requests.append(entry)
        elif line.kind is Kind.DIRECTIVE:
            directives.append(entry)
        else:
            others.append(line.text)
    return suggest_links(requests, directives, others=others)


def accept_all(plan: ImportPlan) -> ImportPlan:
    """The plan with every suggestion accepted (`haicap import --link`)."""
    for request, found in plan_suggestions(plan).items():
        plan = plan.with_links(request, frozenset(s.directive for s in found))
    return plan


def _valid_links(plan: ImportPlan) -> list[tuple[int, int]]:
    """The accepted links whose lines are still a request and a directive to be stored
    (the officer may have changed a kind or left a line out after accepting)."""
    stored = set(stored_lines(plan))

    def kind(index: int) -> Kind | None:
        return plan.lines[index].kind if 0 <= index < len(plan.lines) else None

    return sorted(
        (r, d) for r, d in plan.links if r in stored and d in stored and kind(r) is Kind.REQUEST and kind(d) is Kind.DIRECTIVE
    )


def line_ids(plan: ImportPlan, items: Sequence[Item], before: Collection[str] = ()) -> dict[int, str]:
    """The id of the item the store made of each stored line of `plan`.

    `items` are the session's items after the import, in report order; `before` the ids it
    held before (an import that added to a stored session). A line is the first item of its
    kind and text not yet given to an earlier line; a line the store skipped (its text was
    already there) has none."""
    free = [item for item in items if item.id not in before]
    found: dict[int, str] = {}
    used: set[str] = set()
    for index in stored_lines(plan):
        line = plan.lines[index]
        for item in free:
            if item.id not in used and item.kind is line.kind and item.text == line.text:
                found[index] = item.id
                used.add(item.id)
                break
    return found


def responds_to_changes(plan: ImportPlan, ids: dict[int, str]) -> dict[str, tuple[str, ...]]:
    """For each request of the import with accepted links, the directive ids it responds to
    (in the order of the directives' lines), keyed by the request's id."""
    changes: dict[str, list[str]] = {}
    for request, directive in _valid_links(plan):
        if request in ids and directive in ids:
            changes.setdefault(ids[request], []).append(ids[directive])
    return {request: tuple(directives) for request, directives in changes.items()}


def describe_suggestions(plan: ImportPlan, *, width: int = 60) -> list[str]:
    """The suggestions for the terminal, under the plan: each request and the directives
    suggested for it, with what they share; empty when there are none."""
    suggestions = plan_suggestions(plan)
    if not suggestions:
        return []
    count = sum(len(found) for found in suggestions.values())
    lines = ["  " + _("suggested links ({count}): request ← directive").format(count=count)]
    for request, found in suggestions.items():
        lines.append(visible(f"    {shorten(plan.lines[request].text, width, at_word=True)}"))
        for suggestion in found:
            text = shorten(plan.lines[suggestion.directive].text, width, at_word=True)
            why = ", ".join(shared_phrases(plan.lines[request].text, suggestion.words)[:2]) or _("same agency")
            lines.append(visible(f"      ← {text} ({why})"))
    return lines
