"""A store's settings and marks, kept in its `meta` table: answer deadlines, how near a
deadline is "due soon", how many backups to keep, which tool created it.

`StoreSettings` is the store's part that reads and changes them. Every change of a
setting is recorded in the audit log (`store.db.audit`); a value out of range is refused
and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable

from haicap.store.db.audit import AuditLog, plural
from haicap.store.db.backups import MIN_KEEP
from haicap.store.db.store_file import StoreFile
from haicap.store.domain.bounds import MAX_ANSWER_DAYS, MAX_DUE_SOON_DAYS, check_setting
from haicap.store.domain.errors import StoreError
from haicap.store.domain.followup import DeadlineRules, due_soon_problems, rules_from_meta, rules_problems
from haicap.store.domain.i18n import _

__all__ = ["StoreSettings"]


class StoreSettings:
    """The settings of one store file (see `Store` for each)."""

    def __init__(self, file: StoreFile, audit: AuditLog, others: Callable[[], list[StoreFile]] = list) -> None:
        self._file = file
        self._audit = audit
        self._others = others
        """The store's other files (its provinces'), whose backups follow the same setting."""

    # -- answer deadlines -------------------------------------------------------------

    @property
    def deadline_rules(self) -> DeadlineRules:
        """Days an agency has to answer a request (40 and 50 by default) and days before a
        deadline an item is due soon (7), as set for this store."""
        return rules_from_meta(self._file.meta("deadline_rules"), self._file.meta("due_soon_days"))

    def deadline_rules_damaged(self) -> bool:
        """Whether the stored rules hold a value `deadline_rules` cannot use."""
        return bool(rules_problems(self._file.meta("deadline_rules")))

    def due_soon_days_damaged(self) -> bool:
        """Whether the stored due-soon days are a value `deadline_rules` cannot use."""
        return bool(due_soon_problems(self._file.meta("due_soon_days")))

    def set_due_soon_days(self, days: int) -> None:
        """Mark open items due soon from `days` days before their deadline (0 to
        `MAX_DUE_SOON_DAYS`; 0: never). Nothing stored depends on it: the summary counts
        open items by deadline, whatever the setting."""
        check_setting(days, "due-soon-days", 0, MAX_DUE_SOON_DAYS)
        with self._file.transaction("config"):
            old = self.deadline_rules.due_soon_days
            self._file.set_meta("due_soon_days", days)
            self._audit.record("config", f"due-soon-days {old} → {days}")

    def set_deadline_rules(self, rules: DeadlineRules) -> None:
        """Change the default answer deadlines of requests (1 to `MAX_ANSWER_DAYS` days)."""
        for name in ("answer_days", "answer_days_with_co"):
            check_setting(getattr(rules, name), name.replace("_", "-"), 1, MAX_ANSWER_DAYS)
        with self._file.transaction("config"):
            old = self.deadline_rules
            self._file.set_meta(
                "deadline_rules", {"answer_days": rules.answer_days, "answer_days_with_co": rules.answer_days_with_co}
            )
            self._audit.record(
                "config",
                f"answer-days {old.answer_days}/{old.answer_days_with_co} → {rules.answer_days}/{rules.answer_days_with_co}",
            )

    # -- backups ----------------------------------------------------------------------

    def set_backup_count(self, count: int) -> None:
        """Keep `count` backups (at least 1) from now on; extra old ones are deleted at once."""
        if count < MIN_KEEP:
            raise StoreError(
                _("the number of backups cannot be below {least}: the state each change replaces is always kept").format(
                    least=MIN_KEEP
                )
            )
        with self._file.transaction("config"):
            old = self._file.backup_count
            files = [self._file, *self._others()]
            dropped = sum(max(len(file.backups()) - count, 0) for file in files)
            self._file.set_meta("backups", count)
            self._audit.record(
                "config", f"backups {old} → {count}" + (f" ({plural(dropped, 'older backup')} deleted)" if dropped else "")
            )
            # Not worth a backup of its own (and after a generated store, one would keep a
            # second copy of it; and with one backup kept, it would push out the state a
            # restore replaced): the audit log says what it was.
            self._file.skip_backup()
        for file in files:
            file.prune_backups(count)

    # -- who made the store -----------------------------------------------------------

    @property
    def created_by(self) -> str | None:
        """The tool that created this store when it was a scratch store ("haicap stress"), else None."""
        value = self._file.meta("created_by")
        return value if isinstance(value, str) else None

    def mark_created_by(self, creator: str) -> None:
        """Record that `creator` made this store, which must hold nothing yet."""
        with self._file.transaction("config"):
            tables = self._file.rows()
            if any(tables.get(name) for name in ("summary", "unplaced")) or self._file.meta("seeded_at"):
                raise StoreError(
                    _("{path}: the store already holds data; only a new store can be marked").format(path=self._file.location)
                )
            self._file.set_meta("created_by", creator)
