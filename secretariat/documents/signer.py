"""Who signs a letter, and the lines the signature block prints (Tata Naskah Dinas).

A surat dinas is signed by the head of the office whose kop it bears, or for him: *a.n.*
(atas nama) with the signer's own jabatan beneath, *u.b.* (untuk beliau) one level further,
*Plt.*/*Plh.* for an official acting in the head's post. Every jabatan line ends with a
comma; the name follows the room to sign, then pangkat/golongan and NIP (a member of
Polri or TNI: "NRP 12345678"). The same value
serves every letter (the invitation, the request letter, the agency rounds' letters), so
each letter's dialog offers the same choices and the writers print the same block.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select

from models import Agency, ContactPerson, TaskForce
from secretariat.documents.letter_parts import (
    ACTING,
    DAILY_EXECUTIVE,
    FOR_HIM,
    ON_BEHALF,
    SIGNER_FORMS,
)
from secretariat.documents.letterhead import get_letterhead
from secretariat.errors import ValidationError
from secretariat.i18n import _
from secretariat.validation import (
    check_nip,
    check_nrp,
    clean_text,
    id_number_line,
    split_nip_or_nrp,
)

# What stands where nothing is known: the block is then signed and completed by hand.
BLANK_LINE = "." * 40
# A contact's position that names a part of the office, not its head ("Kepala Bidang …").
_UNIT_WORDS = ("bidang", "bagian", "seksi", "sub", "unit", "satuan", "subdirektorat", "uptd",
               "sekretariat", "upt", "tim", "kelompok")


@dataclass(frozen=True)
class Signer:
    name: str = ""
    position: str = ""  # the signer's own jabatan: "Kepala Dinas Sosial …", "Sekretaris"
    rank: str = ""  # pangkat/golongan
    nip: str = ""
    form: str = ""  # SIGNER_FORMS
    # a.n.: the office signed for ("Ketua Gugus Tugas PP-TPPO …"); u.b.: that office and,
    # on the next line, the official between ("Bupati Bengkayang\nSekretaris Daerah");
    # Plt./Plh.: the post acted in, when it is not the signer's own position.
    on_behalf_of: str = ""
    nrp: str = ""  # Polri/TNI, instead of an NIP

    @property
    def is_blank(self) -> bool:
        return not (self.name or self.position)

    def position_lines(self) -> tuple[str, ...]:
        """The jabatan lines above the room to sign, each ending with its comma."""
        own = self.position or BLANK_LINE
        behalf = [line.strip() for line in self.on_behalf_of.splitlines() if line.strip()]
        if self.form in (ACTING, DAILY_EXECUTIVE):
            return (_comma(f"{self.form} {behalf[0] if behalf else own}"),)
        if self.form == ON_BEHALF and behalf:
            return (_comma(f"a.n. {behalf[0]}"), *map(_comma, behalf[1:]), _comma(own))
        if self.form == FOR_HIM and behalf:
            # With one line: "Kepala Dinas, u.b. Sekretaris"; with two: "a.n. Bupati,
            # Sekretaris Daerah, u.b. Kepala Bagian".
            first = f"a.n. {behalf[0]}" if len(behalf) > 1 else behalf[0]
            return (_comma(first), *map(_comma, behalf[1:]), "u.b.", _comma(own))
        return (_comma(own),)

    def name_line(self) -> str:
        return self.name or BLANK_LINE

    def id_line(self) -> str:
        if self.nip or self.nrp:
            return id_number_line(self.nip, self.nrp)
        return f"NIP. {BLANK_LINE}" if self.is_blank else ""

    def id_number(self) -> str:
        """The NIP or NRP as one field of a letter's dialog shows it."""
        return self.nrp or self.nip


def _comma(line: str) -> str:
    line = line.rstrip()
    return line if line.endswith(",") else line + ","


def check_signer(signer: Signer) -> Signer:
    """The signer as it may be printed; refusals name the field of the letter's dialog.

    An empty signer is allowed: the block then leaves dotted lines to complete by hand.
    """
    if signer.form not in SIGNER_FORMS:
        raise ValidationError(_("Choose how the letter is signed: by the head, a.n., Plt., "
                                "Plh. or u.b."), field="signer_form")
    checked = Signer(
        name=clean_text(signer.name, _("Signer's name"), field="signer_name", max_length=160),
        position=clean_text(signer.position, _("Signer's position"), field="signer_position",
                            max_length=200),
        rank=clean_text(signer.rank, _("Rank/grade"), field="signer_rank", max_length=100),
        nip=_checked_nip(signer.nip),
        nrp=check_nrp(signer.nrp, field="signer_nip"),
        form=signer.form,
        on_behalf_of=clean_text(signer.on_behalf_of, _("On behalf of"),
                                field="signer_on_behalf_of", max_length=400, multiline=True),
    )
    if checked.nip and checked.nrp:
        raise ValidationError(_("A contact has an NIP (civil servant) or an NRP (Polri/TNI), "
                                "not both: clear one of them."), field="signer_nip")
    if checked.name and not checked.position:
        raise ValidationError(_("Give the signer's position (jabatan): a letter is signed in "
                                "an office, not as a person."), field="signer_position")
    if checked.form in (ON_BEHALF, FOR_HIM) and not checked.on_behalf_of:
        raise ValidationError(_("Say on whose behalf the letter is signed, e.g. Ketua Gugus "
                                "Tugas PP-TPPO …"), field="signer_on_behalf_of")
    return replace(checked, on_behalf_of="\n".join(
        line.strip() for line in checked.on_behalf_of.splitlines() if line.strip()))


def _checked_nip(value: str) -> str:
    try:
        return check_nip(value, field="signer_nip")
    except ValidationError:  # the letter's field takes either number: say so
        raise ValidationError(_("An NIP has 18 digits; a Polri/TNI member's NRP, 8."),
                              field="signer_nip") from None


def office_head(db, task_force_id: int | None) -> Signer:
    """The default signer of a task force's letters: the head of the office whose kop
    they bear, as the letterhead records him; else the head among the secretariat
    agency's contacts; else nobody (dotted lines, signed by hand)."""
    letterhead = get_letterhead(db, task_force_id)
    if letterhead.signer_name or letterhead.signer_position:
        nip, nrp = split_nip_or_nrp(letterhead.signer_nip)
        return Signer(letterhead.signer_name, letterhead.signer_position,
                      letterhead.signer_rank, nip, nrp=nrp)
    if task_force_id is None:
        return Signer()
    with db.reading() as session:
        agency_id = session.scalar(select(TaskForce.secretariat_agency_id)
                                   .where(TaskForce.id == task_force_id))
        if agency_id is None:
            return Signer()
        agency = session.get(Agency, agency_id)
        contacts = session.scalars(
            select(ContactPerson).where(ContactPerson.agency_id == agency_id,
                                        ContactPerson.active.is_(True))
            .order_by(ContactPerson.id)).all()
        head = next((person for person in contacts if _heads_the_office(person.position)),
                    None)
        if head is None:
            return Signer()
        # "Kepala Dinas" alone is what the office calls him; a letter prints the full title.
        position = agency.office_title if agency.office_title and len(
            head.position.split()) <= 2 else head.position
        return Signer(head.name, position, head.rank, head.nip, nrp=head.nrp)


def _heads_the_office(position: str) -> bool:
    words = position.casefold().replace(",", " ").split()
    return bool(words) and words[0] == "kepala" and not (
        len(words) > 1 and any(words[1].startswith(unit) for unit in _UNIT_WORDS))


def on_behalf_suggestion(form: str, *, task_force: str, head: Signer) -> str:
    """What "on behalf of" most likely says for a form: the task force's chair for a.n.,
    the head's post for Plt./Plh.; the dialog offers it, the clerk corrects it."""
    if form == ON_BEHALF:
        return f"Ketua {task_force}" if task_force else ""
    if form in (ACTING, DAILY_EXECUTIVE):
        return head.position
    return ""
