"""What every import from a workbook shares: refusals named by row, all lines or none,
and a trial run that does everything and then rolls it back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from secretariat.errors import DomainError
from secretariat.i18n import _


@dataclass(frozen=True)
class LineProblem:
    row: int  # as Excel numbers it
    message: str


class ImportRefused(DomainError):
    """Lines were refused: nothing was written. `problems` names each line."""

    def __init__(self, problems: tuple[LineProblem, ...]):
        super().__init__(_("{count} lines of the workbook were refused; nothing was "
                           "imported.").format(count=len(problems)))
        self.problems = problems


class _TrialOnly(Exception):
    """Raised inside the transaction of a trial run so that it rolls back."""


def run_import(db, write: Callable, *, trial: bool):
    """`write(session)` returns (outcome, problems) in one transaction. Problems roll it
    back and are raised as ImportRefused; a trial rolls back and returns the outcome."""
    outcome = None
    try:
        with db.unit_of_work() as session:
            outcome, problems = write(session)
            if problems:
                raise ImportRefused(tuple(sorted(problems, key=lambda p: p.row)))
            if trial:
                raise _TrialOnly
    except _TrialOnly:
        return outcome, False
    return outcome, True


def summary_heading(written: bool) -> str:
    """The first line of an import's summary: done, or only tried."""
    return _("Imported:") if written else _("Trial run, nothing changed. Would import:")
