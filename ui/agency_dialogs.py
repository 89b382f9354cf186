"""Dialogs of the Instansi page: an agency, one of its contact people, one of its seats."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from models import AgencyLevel, SubTaskForce
from secretariat.agencies.contacts import (
    ContactDraft,
    ContactRow,
    MembershipDraft,
    add_contact,
    add_membership,
    add_memberships,
    is_first_contact,
    update_contact,
)
from secretariat.agencies.regions import list_regions, list_task_forces
from secretariat.agencies.register import (
    AgencyDraft,
    AgencyRow,
    create_agency,
    list_agencies,
    update_agency,
)
from secretariat.commitments.catalog import list_entries
from secretariat.i18n import _
from secretariat.vocabulary import label
from ui.forms import FormDialog

# Roles differ by region and changed in 2023: offered, never imposed (the field is editable).
ROLES = ("Ketua", "Ketua Harian", "Wakil Ketua", "Sekretaris", "Anggota")


class AgencyDialog(FormDialog):
    def __init__(self, context, agency: AgencyRow | None = None, parent=None) -> None:
        super().__init__(_("Change agency") if agency else _("New agency"), parent)
        self.context = context
        self.agency = agency
        form = self.form
        self.name = form.add("name", _("Name"), QLineEdit(agency.name if agency else ""))
        self.abbreviation = form.add("abbreviation", _("Abbreviation"),
                                     QLineEdit(agency.abbreviation if agency else ""))
        self.office_title = form.add("office_title", _("Head's title (letters' addressee)"),
                                     QLineEdit(agency.office_title if agency else ""))
        self.office_title.setCursorPosition(0)  # a long title reads from its start
        self.office_title.setPlaceholderText(_("e.g. Kepala Kejaksaan Tinggi Kalimantan "
                                               "Selatan"))
        self.office_title.setToolTip(_("Letters are addressed to the office holder by this "
                                       "title (\"Yth. …\"); without it, to \"Pimpinan\" and "
                                       "the agency's name."))
        self.level = form.add("level", _("Level"), QComboBox(self))
        for level in AgencyLevel:
            self.level.addItem(label(level), level)
        if agency is None:  # a new one is most likely of the level most members are
            levels = Counter(row.level for row in list_agencies(context.db))
            usual = levels.most_common(1)[0][0] if levels else AgencyLevel.PROVINCE
            self.level.setCurrentIndex(self.level.findData(usual))
        self.sector = form.add("sector", _("Sector"), QLineEdit(agency.sector if agency else ""))
        self.region = form.add("region_id", _("Region"), QComboBox(self))
        self.region.addItem("—", None)
        for region in list_regions(context.db):
            self.region.addItem(f"{region.code} {region.name}", region.id)
        self.address = form.add("address", _("Address"), QPlainTextEdit(self))
        self.address.setMaximumHeight(60)
        self.phone = form.add("phone", _("Phone"), QLineEdit(agency.phone if agency else ""))
        self.email = form.add("email", _("E-mail"), QLineEdit(agency.email if agency else ""))
        self.website = form.add("website", _("Website"),
                                QLineEdit(agency.website if agency else ""))
        self.notes = form.add("notes", _("Notes"), QPlainTextEdit(self))
        self.notes.setMaximumHeight(60)
        if agency:
            self.level.setCurrentIndex(self.level.findData(agency.level))
            self.region.setCurrentIndex(max(0, self.region.findData(agency.region_id)))
            self.address.setPlainText(agency.address)
            self.notes.setPlainText(agency.notes)
        self.resize(560, self.sizeHint().height())

    def save(self) -> int:
        draft = AgencyDraft(
            name=self.name.text(), abbreviation=self.abbreviation.text(),
            level=self.level.currentData(), sector=self.sector.text(),
            region_id=self.region.currentData(), address=self.address.toPlainText(),
            phone=self.phone.text(), email=self.email.text(), website=self.website.text(),
            notes=self.notes.toPlainText(), office_title=self.office_title.text())
        if self.agency is None:
            agency_id = create_agency(self.context.db, draft)
        else:
            update_agency(self.context.db, self.agency.id, draft, self.agency.version)
            agency_id = self.agency.id
        self.context.changes.announce("agencies")
        return agency_id


class ContactDialog(FormDialog):
    def __init__(self, context, agency_id: int, contact: ContactRow | None = None,
                 parent=None) -> None:
        super().__init__(_("Contact person"), parent)
        self.context = context
        self.agency_id = agency_id
        self.contact = contact
        form = self.form
        self.name = form.add("name", _("Name"), QLineEdit(contact.name if contact else ""))
        self.position = form.add("position", _("Position"),
                                 QLineEdit(contact.position if contact else ""))
        self.rank = form.add("rank", _("Rank/grade"), QLineEdit(contact.rank if contact else ""))
        self.nip = form.add("nip", _("NIP"), QLineEdit(contact.nip if contact else ""))
        self.nip.setPlaceholderText(_("18 digits, civil servants"))
        self.nrp = form.add("nrp", _("NRP"), QLineEdit(contact.nrp if contact else ""))
        self.nrp.setPlaceholderText(_("8 digits, members of Polri/TNI instead of an NIP"))
        self.phone = form.add("phone", _("Phone"), QLineEdit(contact.phone if contact else ""))
        self.email = form.add("email", _("E-mail"), QLineEdit(contact.email if contact else ""))
        self.focal_point = form.add("focal_point", _("Focal point"),
                                    QCheckBox(_("The agency's focal point for the task force")))
        # Invitations go through the focal point: an agency's first contact is it, unless
        # the clerk unticks the box.
        self.focal_point.setChecked(contact.focal_point if contact
                                    else is_first_contact(context.db, agency_id))
        self.resize(520, self.sizeHint().height())

    def save(self) -> int:
        draft = ContactDraft(agency_id=self.agency_id, name=self.name.text(),
                             position=self.position.text(), rank=self.rank.text(),
                             nip=self.nip.text(), nrp=self.nrp.text(), phone=self.phone.text(),
                             email=self.email.text(), focal_point=self.focal_point.isChecked())
        if self.contact is None:
            contact_id = add_contact(self.context.db, draft)
        else:
            update_contact(self.context.db, self.contact.id, draft, self.contact.version)
            contact_id = self.contact.id
        self.context.changes.announce("agencies")
        return contact_id


class MembershipDialog(FormDialog):
    """One seat for one agency, or the same seat for every agency selected."""

    def __init__(self, context, agency_ids: tuple[int, ...], parent=None) -> None:
        several = len(agency_ids) > 1
        super().__init__(_("Seat {count} agencies in a task force").format(
            count=len(agency_ids)) if several else _("Seat in a task force"), parent)
        self.context = context
        self.agency_ids = tuple(agency_ids)
        form = self.form
        self.task_force = form.add("task_force_id", _("Task force"), QComboBox(self))
        for tf in list_task_forces(context.db):
            if tf.formed:
                self.task_force.addItem(tf.name, tf.id)
        self.role = form.add("role", _("Role"), QComboBox(self))
        self.role.setEditable(True)
        self.role.addItems(ROLES)
        self.role.setCurrentText("Anggota")
        self.sub_task_force = form.add("sub_task_force_id", _("Sub task force"), QComboBox(self))
        self.sub_task_force.addItem("—", None)
        for entry in list_entries(context.db, SubTaskForce):
            self.sub_task_force.addItem(entry.name, entry.id)
        self.leads = form.add("leads_sub_task_force", _("Leads it"),
                              QCheckBox(_("Leads this sub task force")))
        self.leads.setEnabled(not several)  # one agency leads a sub task force
        self.resize(520, self.sizeHint().height())

    def save(self) -> int | list[int]:
        draft = MembershipDraft(
            task_force_id=self.task_force.currentData(), agency_id=self.agency_ids[0],
            role=self.role.currentText(), sub_task_force_id=self.sub_task_force.currentData(),
            leads_sub_task_force=self.leads.isChecked())
        if len(self.agency_ids) > 1:
            made = add_memberships(self.context.db, draft, self.agency_ids)
        else:
            made = add_membership(self.context.db, draft)
        self.context.changes.announce("agencies")
        return made
