"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 13:44:58.155998
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('focus_areas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_focus_areas')),
    sa.UniqueConstraint('name', name=op.f('uq_focus_areas_name'))
    )
    op.create_table('regions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=13), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('level', sa.Enum('province', 'regency', 'city', name='region_level', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('time_zone', sa.Enum('WIB', 'WITA', 'WIT', name='time_zone', native_enum=False, create_constraint=True, length=8), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['regions.id'], name=op.f('fk_regions_parent_id_regions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_regions')),
    sa.UniqueConstraint('code', name=op.f('uq_regions_code'))
    )
    with op.batch_alter_table('regions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_regions_parent_id'), ['parent_id'], unique=False)

    op.create_table('sub_task_forces',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sub_task_forces')),
    sa.UniqueConstraint('name', name=op.f('uq_sub_task_forces_name'))
    )
    op.create_table('agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=250), nullable=False),
    sa.Column('abbreviation', sa.String(length=40), nullable=False),
    sa.Column('sector', sa.String(length=60), nullable=False),
    sa.Column('level', sa.Enum('national', 'province', 'regency', 'community', name='agency_level', native_enum=False, create_constraint=True, length=13), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=True),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('email', sa.String(length=160), nullable=False),
    sa.Column('website', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('renamed_from_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['region_id'], ['regions.id'], name=op.f('fk_agencies_region_id_regions')),
    sa.ForeignKeyConstraint(['renamed_from_id'], ['agencies.id'], name=op.f('fk_agencies_renamed_from_id_agencies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agencies'))
    )
    with op.batch_alter_table('agencies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agencies_region_id'), ['region_id'], unique=False)

    # Autogenerate cannot see expression indexes; keep this one in step with models.agencies.
    op.create_index(
        "uq_agencies_active_abbreviation",
        "agencies",
        [sa.text("lower(abbreviation)")],
        unique=True,
        sqlite_where=sa.text("active"),
        postgresql_where=sa.text("active"),
    )

    op.create_table('contact_people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('rank', sa.String(length=100), nullable=False),
    sa.Column('nip', sa.String(length=30), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('email', sa.String(length=160), nullable=False),
    sa.Column('focal_point', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_contact_people_agency_id_agencies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_people'))
    )
    with op.batch_alter_table('contact_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_people_agency_id'), ['agency_id'], unique=False)

    op.create_table('task_forces',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('formed', sa.Boolean(), nullable=False),
    sa.Column('decree_number', sa.String(length=120), nullable=False),
    sa.Column('decree_date', sa.Date(), nullable=True),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('secretariat_agency_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['region_id'], ['regions.id'], name=op.f('fk_task_forces_region_id_regions')),
    sa.ForeignKeyConstraint(['secretariat_agency_id'], ['agencies.id'], name=op.f('fk_task_forces_secretariat_agency_id_agencies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_forces')),
    sa.UniqueConstraint('region_id', name=op.f('uq_task_forces_region_id'))
    )
    op.create_table('letterheads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_force_id', sa.Integer(), nullable=True),
    sa.Column('government_line', sa.String(length=200), nullable=False),
    sa.Column('agency_line', sa.String(length=300), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('phone', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=160), nullable=False),
    sa.Column('website', sa.String(length=200), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('logo', sa.LargeBinary(), nullable=True),
    sa.Column('logo_file_name', sa.String(length=255), nullable=False),
    sa.Column('paper_size', sa.Enum('A4', 'F4', name='paper_size', native_enum=False, create_constraint=True, length=6), nullable=False),
    sa.Column('margin_top_mm', sa.Integer(), nullable=False),
    sa.Column('margin_left_mm', sa.Integer(), nullable=False),
    sa.Column('margin_right_mm', sa.Integer(), nullable=False),
    sa.Column('margin_bottom_mm', sa.Integer(), nullable=False),
    sa.Column('font_size_pt', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['task_force_id'], ['task_forces.id'], name=op.f('fk_letterheads_task_force_id_task_forces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letterheads')),
    sa.UniqueConstraint('task_force_id', name=op.f('uq_letterheads_task_force_id'))
    )
    # Autogenerate cannot see expression indexes; keep this one in step with models.letterhead.
    op.create_index(
        "uq_letterheads_one_default",
        "letterheads",
        [sa.text("(task_force_id IS NULL)")],
        unique=True,
        sqlite_where=sa.text("task_force_id IS NULL"),
        postgresql_where=sa.text("task_force_id IS NULL"),
    )
    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_force_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('rakor', 'technical', 'fgd', 'outreach', 'monitoring', 'synchronisation', 'other', name='meeting_kind', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('end_time', sa.Time(), nullable=True),
    sa.Column('time_zone', sa.Enum('WIB', 'WITA', 'WIT', name='time_zone', native_enum=False, create_constraint=True, length=8), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('organiser_agency_id', sa.Integer(), nullable=True),
    sa.Column('invitation_number', sa.String(length=120), nullable=False),
    sa.Column('chair_name', sa.String(length=160), nullable=False),
    sa.Column('chair_position', sa.String(length=200), nullable=False),
    sa.Column('chair_rank', sa.String(length=100), nullable=False),
    sa.Column('chair_nip', sa.String(length=30), nullable=False),
    sa.Column('secretary_name', sa.String(length=160), nullable=False),
    sa.Column('note_taker_name', sa.String(length=160), nullable=False),
    sa.Column('note_taker_position', sa.String(length=200), nullable=False),
    sa.Column('note_taker_nip', sa.String(length=30), nullable=False),
    sa.Column('status', sa.Enum('planned', 'held', 'minutes_draft', 'minutes_final', 'cancelled', name='meeting_status', native_enum=False, create_constraint=True, length=17), nullable=False),
    sa.Column('opening', sa.Text(), nullable=False),
    sa.Column('conclusions', sa.Text(), nullable=False),
    sa.Column('reopen_reason', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['organiser_agency_id'], ['agencies.id'], name=op.f('fk_meetings_organiser_agency_id_agencies')),
    sa.ForeignKeyConstraint(['task_force_id'], ['task_forces.id'], name=op.f('fk_meetings_task_force_id_task_forces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index('ix_meetings_task_force_date', ['task_force_id', 'date'], unique=False)

    op.create_table('memberships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_force_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=100), nullable=False),
    sa.Column('sub_task_force_id', sa.Integer(), nullable=True),
    sa.Column('leads_sub_task_force', sa.Boolean(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_memberships_agency_id_agencies')),
    sa.ForeignKeyConstraint(['sub_task_force_id'], ['sub_task_forces.id'], name=op.f('fk_memberships_sub_task_force_id_sub_task_forces')),
    sa.ForeignKeyConstraint(['task_force_id'], ['task_forces.id'], name=op.f('fk_memberships_task_force_id_task_forces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_memberships')),
    sa.UniqueConstraint('task_force_id', 'agency_id', 'sub_task_force_id', name='uq_memberships_seat')
    )
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memberships_agency_id'), ['agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_memberships_task_force_id'), ['task_force_id'], unique=False)
        batch_op.create_index('uq_memberships_plain_seat', ['task_force_id', 'agency_id'], unique=True,
                              sqlite_where=sa.text('sub_task_force_id IS NULL'),
                              postgresql_where=sa.text('sub_task_force_id IS NULL'))

    op.create_table('agenda_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('presenter', sa.String(length=200), nullable=False),
    sa.Column('discussion', sa.Text(), nullable=False),
    sa.Column('decisions', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_agenda_items_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_items')),
    sa.UniqueConstraint('meeting_id', 'position', name='uq_agenda_items_order')
    )
    op.create_table('attendances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('status', sa.Enum('invited', 'present', 'absent', 'excused', 'represented', name='attendance_status', native_enum=False, create_constraint=True, length=15), nullable=False),
    sa.Column('represented_by', sa.String(length=160), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_attendances_agency_id_agencies')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_attendances_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['contact_people.id'], name=op.f('fk_attendances_person_id_contact_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendances'))
    )
    with op.batch_alter_table('attendances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendances_agency_id'), ['agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendances_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index('uq_attendances_person', ['meeting_id', 'person_id'], unique=True,
                              sqlite_where=sa.text('person_id IS NOT NULL'),
                              postgresql_where=sa.text('person_id IS NOT NULL'))

    op.create_table('commitments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('action_plan', sa.Text(), nullable=False),
    sa.Column('focus_area_id', sa.Integer(), nullable=True),
    sa.Column('sub_task_force_id', sa.Integer(), nullable=True),
    sa.Column('lead_agency_id', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('indicator', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('not_started', 'in_progress', 'done', 'cannot', name='commitment_status', native_enum=False, create_constraint=True, length=15), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=False),
    sa.Column('progress', sa.Integer(), nullable=False),
    sa.Column('confidential', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.CheckConstraint('progress >= 0 AND progress <= 100', name=op.f('ck_commitments_progress_range')),
    sa.ForeignKeyConstraint(['focus_area_id'], ['focus_areas.id'], name=op.f('fk_commitments_focus_area_id_focus_areas')),
    sa.ForeignKeyConstraint(['lead_agency_id'], ['agencies.id'], name=op.f('fk_commitments_lead_agency_id_agencies')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_commitments_meeting_id_meetings')),
    sa.ForeignKeyConstraint(['sub_task_force_id'], ['sub_task_forces.id'], name=op.f('fk_commitments_sub_task_force_id_sub_task_forces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitments')),
    sa.UniqueConstraint('meeting_id', 'number', name='uq_commitments_number')
    )
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.create_index('ix_commitments_lead_status_due', ['lead_agency_id', 'status', 'due_date'], unique=False)
        batch_op.create_index('ix_commitments_status_due', ['status', 'due_date'], unique=False)
        batch_op.create_index('ix_commitments_meeting_status', ['meeting_id', 'status'], unique=False)

    op.create_table('commitment_signatories',
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_commitment_signatories_agency_id_agencies')),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_commitment_signatories_commitment_id_commitments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('commitment_id', 'agency_id', name=op.f('pk_commitment_signatories'))
    )
    with op.batch_alter_table('commitment_signatories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_signatories_agency_id'), ['agency_id'], unique=False)

    op.create_table('commitment_supporting_agencies',
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_commitment_supporting_agencies_agency_id_agencies')),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_commitment_supporting_agencies_commitment_id_commitments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('commitment_id', 'agency_id', name=op.f('pk_commitment_supporting_agencies'))
    )
    with op.batch_alter_table('commitment_supporting_agencies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_supporting_agencies_agency_id'), ['agency_id'], unique=False)

    op.create_table('follow_ups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('reporting_agency_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.Enum('meeting', 'letter', 'phone', 'visit', 'report', name='follow_up_source', native_enum=False, create_constraint=True, length=11), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('obstacles', sa.Text(), nullable=False),
    sa.Column('status_after', sa.Enum('not_started', 'in_progress', 'done', 'cannot', name='commitment_status', native_enum=False, create_constraint=True, length=15), nullable=False),
    sa.Column('progress_after', sa.Integer(), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.CheckConstraint('progress_after >= 0 AND progress_after <= 100', name=op.f('ck_follow_ups_progress_range')),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_follow_ups_commitment_id_commitments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_follow_ups_meeting_id_meetings')),
    sa.ForeignKeyConstraint(['reporting_agency_id'], ['agencies.id'], name=op.f('fk_follow_ups_reporting_agency_id_agencies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_ups'))
    )
    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.create_index('ix_follow_ups_commitment_date', ['commitment_id', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_ups_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('evidence_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('follow_up_id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=120), nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('storage_key', sa.String(length=255), nullable=False),
    sa.Column('added_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['follow_up_id'], ['follow_ups.id'], name=op.f('fk_evidence_files_follow_up_id_follow_ups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_files')),
    sa.UniqueConstraint('storage_key', name=op.f('uq_evidence_files_storage_key'))
    )
    with op.batch_alter_table('evidence_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_files_follow_up_id'), ['follow_up_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('evidence_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_files_follow_up_id'))

    op.drop_table('evidence_files')
    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_ups_meeting_id'))
        batch_op.drop_index('ix_follow_ups_commitment_date')

    op.drop_table('follow_ups')
    with op.batch_alter_table('commitment_supporting_agencies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_supporting_agencies_agency_id'))

    op.drop_table('commitment_supporting_agencies')
    with op.batch_alter_table('commitment_signatories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_signatories_agency_id'))

    op.drop_table('commitment_signatories')
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.drop_index('ix_commitments_status_due')
        batch_op.drop_index('ix_commitments_meeting_status')
        batch_op.drop_index('ix_commitments_lead_status_due')

    op.drop_table('commitments')
    with op.batch_alter_table('attendances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendances_meeting_id'))
        batch_op.drop_index('uq_attendances_person')
        batch_op.drop_index(batch_op.f('ix_attendances_agency_id'))

    op.drop_table('attendances')
    op.drop_table('agenda_items')
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_memberships_task_force_id'))
        batch_op.drop_index('uq_memberships_plain_seat')
        batch_op.drop_index(batch_op.f('ix_memberships_agency_id'))

    op.drop_table('memberships')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index('ix_meetings_task_force_date')

    op.drop_table('meetings')
    op.drop_table('letterheads')
    op.drop_table('task_forces')
    with op.batch_alter_table('contact_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_people_agency_id'))

    op.drop_table('contact_people')
    with op.batch_alter_table('agencies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agencies_region_id'))

    op.drop_table('agencies')
    op.drop_table('sub_task_forces')
    with op.batch_alter_table('regions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_regions_parent_id'))

    op.drop_table('regions')
    op.drop_table('focus_areas')
