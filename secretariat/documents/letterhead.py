"""The letterhead (kop surat) and page settings every document is printed with."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from models import Letterhead, PaperSize, TaskForce
from secretariat.errors import ConflictError, ValidationError
from secretariat.i18n import _
from secretariat.records import check_version, get_or_fail
from secretariat.validation import check_email, clean_text

# Tata Naskah Dinas: the number top centre, none on the kop page; or "Halaman x dari y".
PAGE_NUMBERINGS = ("tnd", "of_total")
MAX_LOGO_BYTES = 2 * 1024 * 1024
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


@dataclass(frozen=True)
class LetterheadSettings:
    government_line: str = ""
    agency_line: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    city: str = ""
    logo: bytes | None = None
    logo_file_name: str = ""
    paper_size: PaperSize = PaperSize.A4
    margin_top_mm: int = 20
    margin_left_mm: int = 30
    margin_right_mm: int = 20
    margin_bottom_mm: int = 25
    font_size_pt: int = 11
    signer_name: str = ""  # the head of the office whose kop this is: the default signer
    signer_position: str = ""
    signer_rank: str = ""
    signer_nip: str = ""
    carbon_copies: str = ""  # the default Tembusan, one addressee per line
    page_numbering: str = "tnd"  # PAGE_NUMBERINGS
    task_force_id: int | None = None
    id: int | None = None  # None: not saved yet, the defaults above apply
    version: int | None = None


def get_letterhead(db, task_force_id: int | None = None) -> LetterheadSettings:
    """The task force's own letterhead, else the installation's default one."""
    with db.reading() as session:
        for owner in dict.fromkeys([task_force_id, None]):
            row = _existing(session, owner)
            if row is not None:
                return _settings(row)
    return LetterheadSettings(task_force_id=task_force_id)


def _existing(session, owner: int | None) -> Letterhead | None:
    return session.scalar(
        select(Letterhead).where(
            Letterhead.task_force_id.is_(None) if owner is None
            else Letterhead.task_force_id == owner
        )
    )


def _settings(row: Letterhead) -> LetterheadSettings:
    fields = LetterheadSettings.__dataclass_fields__
    return LetterheadSettings(**{name: getattr(row, name) for name in fields})


def check_logo(logo: bytes | None) -> bytes | None:
    """The logo image as it may be saved (None for no logo); refuses what is not PNG/JPEG.

    Public so a screen can refuse a wrong file as soon as it is chosen, not only on saving.
    """
    logo = logo or None
    if logo is not None:
        if len(logo) > MAX_LOGO_BYTES:
            raise ValidationError(_("The logo image is larger than 2 MB."), field="logo")
        if not logo.startswith(_IMAGE_SIGNATURES):
            raise ValidationError(_("The logo must be a PNG or JPEG image."), field="logo")
    return logo


def _validated(settings: LetterheadSettings) -> dict:
    def text(value: str, label: str, field: str, limit: int, multiline: bool = False) -> str:
        return clean_text(value, label, field=field, max_length=limit, multiline=multiline)

    margins = {}
    for name, label in (("margin_top_mm", _("Top margin")), ("margin_left_mm", _("Left margin")),
                        ("margin_right_mm", _("Right margin")),
                        ("margin_bottom_mm", _("Bottom margin"))):
        value = getattr(settings, name)
        if not isinstance(value, int) or not 5 <= value <= 60:
            raise ValidationError(
                _("{field} must be between 5 and 60 mm.").format(field=label), field=name
            )
        margins[name] = value
    if not isinstance(settings.font_size_pt, int) or not 8 <= settings.font_size_pt <= 16:
        raise ValidationError(_("The font size must be between 8 and 16 points."),
                              field="font_size_pt")
    logo = check_logo(settings.logo)
    try:
        paper = PaperSize(settings.paper_size)
    except ValueError:
        raise ValidationError(_("Choose A4 or F4 paper."), field="paper_size") from None
    if settings.page_numbering not in PAGE_NUMBERINGS:
        raise ValidationError(_("Choose how pages are numbered."), field="page_numbering")
    return {
        "signer_name": text(settings.signer_name, _("Signer's name"), "signer_name", 160),
        "signer_position": text(settings.signer_position, _("Signer's position"),
                                "signer_position", 200),
        "signer_rank": text(settings.signer_rank, _("Signer's rank"), "signer_rank", 100),
        "signer_nip": text(settings.signer_nip, _("Signer's NIP"), "signer_nip", 30),
        "carbon_copies": text(settings.carbon_copies, _("Carbon copies"), "carbon_copies",
                              2000, multiline=True),
        "page_numbering": settings.page_numbering,
        "government_line": text(settings.government_line, _("Government line"),
                                "government_line", 200),
        "agency_line": text(settings.agency_line, _("Agency line"), "agency_line", 300),
        "address": text(settings.address, _("Address"), "address", 1000, multiline=True),
        "phone": text(settings.phone, _("Phone"), "phone", 100),
        "email": check_email(settings.email),
        "website": text(settings.website, _("Website"), "website", 200),
        "city": text(settings.city, _("City"), "city", 100),
        "logo": logo,
        "logo_file_name": text(settings.logo_file_name, _("Logo"), "logo_file_name", 255)
        if logo else "",
        "paper_size": paper,
        "font_size_pt": settings.font_size_pt,
        **margins,
    }


def save_letterhead(db, settings: LetterheadSettings) -> int:
    """Save the letterhead; `settings.version` guards against overwriting a colleague's edit."""
    with db.unit_of_work() as session:
        values = _validated(settings)
        if settings.task_force_id is not None:
            get_or_fail(session, TaskForce, settings.task_force_id, _("Task force"))
        if settings.id is None:
            if _existing(session, settings.task_force_id) is not None:
                raise ConflictError(
                    _("Someone else saved this letterhead meanwhile. Reload it and apply your "
                      "change again.")
                )
            row = Letterhead(task_force_id=settings.task_force_id, **values)
            session.add(row)
        else:
            row = get_or_fail(session, Letterhead, settings.id, _("Letterhead"))
            check_version(row, settings.version)
            for key, value in values.items():
                setattr(row, key, value)
        session.flush()
        return row.id
