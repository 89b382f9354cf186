"""The editable lists commitments are classified by: sub task forces and focus areas."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import FocusArea, SubTaskForce
from secretariat.errors import DuplicateError
from secretariat.i18n import _
from secretariat.records import check_version, get_or_fail
from secretariat.validation import clean_text

# The six sub gugus tugas follow the six strategies of the RAN PP-TPPO.
DEFAULT_SUB_TASK_FORCES = (
    "Pencegahan",
    "Rehabilitasi Kesehatan",
    "Rehabilitasi Sosial, Pemulangan dan Reintegrasi",
    "Pengembangan Norma Hukum",
    "Penegakan Hukum",
    "Koordinasi dan Kerja Sama",
)
# The four focus areas named at the Kalimantan Selatan rakor of 2 December 2025.
DEFAULT_FOCUS_AREAS = (
    "Deteksi dini wilayah rawan TPPO",
    "Penguatan layanan korban",
    "Pencegahan berbasis edukasi masyarakat",
    "Sinergi antarinstansi penegak hukum dan layanan sosial",
)

CatalogModel = type[SubTaskForce] | type[FocusArea]


@dataclass(frozen=True)
class CatalogEntry:
    id: int
    position: int
    name: str
    active: bool
    version: int


def install_defaults(db) -> None:
    """Fill empty catalogues with the defaults (a new database starts with them)."""
    with db.unit_of_work() as session:
        defaults = ((SubTaskForce, DEFAULT_SUB_TASK_FORCES), (FocusArea, DEFAULT_FOCUS_AREAS))
        for model, names in defaults:
            if session.scalar(select(func.count()).select_from(model)) == 0:
                session.add_all(model(position=i, name=n) for i, n in enumerate(names, start=1))


def _label(model: CatalogModel) -> str:
    return _("Sub task force") if model is SubTaskForce else _("Focus area")


def _clean_name(session: Session, model: CatalogModel, name: str, own_id: int | None) -> str:
    name = clean_text(name, _("Name"), field="name", required=True, max_length=200)
    clash = session.scalar(
        select(model.id).where(func.lower(model.name) == name.lower(), model.id != (own_id or -1))
    )
    if clash is not None:
        raise DuplicateError(
            _("{record} '{name}' already exists.").format(record=_label(model), name=name),
            field="name",
        )
    return name


def list_entries(db, model: CatalogModel, *, include_inactive: bool = False) -> list[CatalogEntry]:
    query = select(model).order_by(model.position, model.id)
    if not include_inactive:
        query = query.where(model.active.is_(True))
    with db.reading() as session:
        return [
            CatalogEntry(r.id, r.position, r.name, r.active, r.version)
            for r in session.scalars(query)
        ]


def add_entry(db, model: CatalogModel, name: str) -> int:
    with db.unit_of_work() as session:
        name = _clean_name(session, model, name, None)
        last = session.scalar(select(func.max(model.position))) or 0
        entry = model(position=last + 1, name=name)
        session.add(entry)
        session.flush()
        return entry.id


def rename_entry(db, model: CatalogModel, entry_id: int, name: str, expected_version: int) -> None:
    with db.unit_of_work() as session:
        entry = get_or_fail(session, model, entry_id, _label(model))
        check_version(entry, expected_version)
        entry.name = _clean_name(session, model, name, entry_id)


def set_entry_active(
    db, model: CatalogModel, entry_id: int, active: bool, expected_version: int
) -> None:
    """Retire an entry from the choices (commitments that use it keep it) or bring it back."""
    with db.unit_of_work() as session:
        entry = get_or_fail(session, model, entry_id, _label(model))
        check_version(entry, expected_version)
        entry.active = active
