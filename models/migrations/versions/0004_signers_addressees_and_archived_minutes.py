"""signers, addressees and archived minutes

Letters are signed by the head of the office whose kop they carry and addressed to an
agency's office holder ("Kepala Kepolisian Daerah Kalimantan Selatan"), with a Tembusan per
letterhead; letters and reports are numbered the Tata Naskah Dinas way or "Halaman x dari y"
(a letterhead setting). Final minutes keep the very PDF that was signed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 14:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# Plain ADD COLUMN with a default for the rows already there: no table rebuild on SQLite,
# whose DROP TABLE would cascade into the agenda and the attendance lists (see 0003).
_LETTERHEAD_COLUMNS = (
    ('signer_name', sa.String(length=160), ''),
    ('signer_position', sa.String(length=200), ''),
    ('signer_rank', sa.String(length=100), ''),
    ('signer_nip', sa.String(length=30), ''),
    ('carbon_copies', sa.Text(), ''),
    ('page_numbering', sa.String(length=20), 'tnd'),
)


def upgrade() -> None:
    op.add_column('agencies', sa.Column('office_title', sa.String(length=250), nullable=False,
                                        server_default=''))
    for name, kind, default in _LETTERHEAD_COLUMNS:
        op.add_column('letterheads', sa.Column(name, kind, nullable=False,
                                               server_default=default))
    op.create_table('archived_minutes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('finalised_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finalised_by', sa.String(length=100), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('letterhead', sa.Text(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('circulated', sa.Boolean(), nullable=False),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_archived_minutes_meeting_id_meetings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_archived_minutes'))
    )
    with op.batch_alter_table('archived_minutes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_archived_minutes_meeting_id'), ['meeting_id'],
                              unique=False)


def downgrade() -> None:
    # Not in batch mode: SQLite's own DROP COLUMN, no table rebuild (see upgrade).
    op.drop_index('ix_archived_minutes_meeting_id', table_name='archived_minutes')
    op.drop_table('archived_minutes')
    for name, _kind, _default in reversed(_LETTERHEAD_COLUMNS):
        op.drop_column('letterheads', name)
    op.drop_column('agencies', 'office_title')
