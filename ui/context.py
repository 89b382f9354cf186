"""The services every screen is given: database, settings, change notices and navigation.

Widgets receive this object explicitly (git-cola's ApplicationContext), never the main
window: a page asks `context.db` for data, announces its writes on `context.changes`, and
opens other records through `context.navigator`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from ui.settings import UiSettings

if TYPE_CHECKING:  # both load SQLAlchemy; the first view is shown before it loads
    from secretariat.commitments.rows import CommitmentFilter
    from secretariat.home.first_view import FirstView
    from secretariat.storage.database import Database


class DataChanges(QObject):
    """Announces that records of one kind changed, so every view showing them reloads.

    Kinds: "agencies", "task_forces", "meetings", "attendance", "commitments", "catalog",
    "letterhead".
    """

    changed = Signal(str)

    def announce(self, *kinds: str) -> None:
        for kind in kinds:
            self.changed.emit(kind)


class Navigator(Protocol):
    """What the main window offers a page: open another record or page."""

    def show_page(self, key: str) -> None: ...
    def open_meeting(self, meeting_id: int) -> None: ...
    def open_commitment(self, commitment_id: int) -> None: ...
    def open_agency(self, agency_id: int) -> None: ...
    def show_commitments(self, flt: CommitmentFilter, scope: str = "") -> None: ...
    def show_matrix(self, flt: CommitmentFilter, scope: str = "") -> None: ...
    def show_progress_report(self, task_force_id: int, year: int) -> None: ...
    def show_meeting_documents(self, meeting_id: int) -> None: ...


class _NoNavigation:
    """Until a main window takes over (and in tests of single pages), opening does nothing."""

    def __init__(self) -> None:
        self.opened: list[tuple[str, object]] = []

    def show_page(self, key: str) -> None:
        self.opened.append(("page", key))

    def open_meeting(self, meeting_id: int) -> None:
        self.opened.append(("meeting", meeting_id))

    def open_commitment(self, commitment_id: int) -> None:
        self.opened.append(("commitment", commitment_id))

    def open_agency(self, agency_id: int) -> None:
        self.opened.append(("agency", agency_id))

    def show_commitments(self, flt: CommitmentFilter, scope: str = "") -> None:
        self.opened.append(("commitments", flt))

    def show_matrix(self, flt: CommitmentFilter, scope: str = "") -> None:
        self.opened.append(("matrix", flt))

    def show_progress_report(self, task_force_id: int, year: int) -> None:
        self.opened.append(("progress_report", (task_force_id, year)))

    def show_meeting_documents(self, meeting_id: int) -> None:
        self.opened.append(("documents", meeting_id))


@dataclass
class AppContext:
    db: Database
    settings: UiSettings
    changes: DataChanges = field(default_factory=DataChanges)
    navigator: Navigator = field(default_factory=_NoNavigation)
    # Injected so tests and the benchmark can fix "today" (overdue, due soon, this week).
    today: Callable[[], date] = date.today
    # The home page's first report, read through sqlite3 before `db` loads the ORM (see
    # secretariat.home.first_view); the home page takes it once.
    first_view: FirstView | None = None
