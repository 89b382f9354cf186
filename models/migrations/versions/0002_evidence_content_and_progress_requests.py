"""evidence content and progress requests

Evidence files keep their bytes in the database (shared offices see them from every PC,
backups carry them); letters asking an agency for a progress update are recorded.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 03:30:05.611802
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('progress_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('letter_number', sa.String(length=120), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('reply_by', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_progress_requests_agency_id_agencies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_requests'))
    )
    with op.batch_alter_table('progress_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_requests_agency_id'), ['agency_id'], unique=False)

    op.create_table('progress_request_items',
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_progress_request_items_commitment_id_commitments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['request_id'], ['progress_requests.id'], name=op.f('fk_progress_request_items_request_id_progress_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('request_id', 'commitment_id', name=op.f('pk_progress_request_items'))
    )
    with op.batch_alter_table('progress_request_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_request_items_commitment_id'), ['commitment_id'], unique=False)

    with op.batch_alter_table('evidence_files', schema=None) as batch_op:
        batch_op.add_column(sa.Column('content', sa.LargeBinary(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('evidence_files', schema=None) as batch_op:
        batch_op.drop_column('content')

    with op.batch_alter_table('progress_request_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_request_items_commitment_id'))

    op.drop_table('progress_request_items')
    with op.batch_alter_table('progress_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_requests_agency_id'))

    op.drop_table('progress_requests')
