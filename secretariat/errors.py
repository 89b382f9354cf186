"""Domain errors: each carries a message a clerk can read, already in their language."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every refusal the core gives. `str(error)` is the human message."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field  # the input field at fault, for the form to highlight


class ValidationError(DomainError):
    """The input itself is wrong (missing, malformed, out of range, inconsistent)."""

    row: int | None = None  # of several rows entered at once, the one at fault


class NotFoundError(DomainError):
    """The record asked for does not exist (any more)."""


class DuplicateError(DomainError):
    """The record would duplicate an existing one."""


class RefusedError(DomainError):
    """The action is not allowed in the record's current state."""


class ConflictError(DomainError):
    """Somebody else changed or deleted the record since it was read.

    Where known, `changed_by` and `changed_at` say who and when, so a form can offer to
    reload the record or keep the user's text to apply it again.
    """

    def __init__(self, message: str, *, changed_by: str | None = None, changed_at=None):
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at


class DatabaseProblem(DomainError):
    """The database cannot be used as it is (newer schema, foreign file, unreachable)."""


class FileProblem(DomainError):
    """A file to read or write is unusable (locked by another program, read-only, missing)."""
