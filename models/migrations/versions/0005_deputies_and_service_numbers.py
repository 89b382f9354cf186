"""deputies and service numbers

A deputy who attends for an absent official signs the daftar hadir with their own jabatan,
unit and phone, not the official's. Members of Polri and TNI carry an NRP (8 digits) instead
of an NIP.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 23:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# Plain ADD COLUMN with a default for the rows already there: no table rebuild on SQLite
# (see 0003 and 0004).
_DEPUTY_COLUMNS = (
    ('represented_position', sa.String(length=200)),
    ('represented_unit', sa.String(length=200)),
    ('represented_phone', sa.String(length=60)),
)


def upgrade() -> None:
    for name, kind in _DEPUTY_COLUMNS:
        op.add_column('attendances', sa.Column(name, kind, nullable=False, server_default=''))
    op.add_column('contact_people', sa.Column('nrp', sa.String(length=20), nullable=False,
                                              server_default=''))


def downgrade() -> None:
    # Not in batch mode: SQLite's own DROP COLUMN, no table rebuild (see upgrade).
    op.drop_column('contact_people', 'nrp')
    for name, _kind in reversed(_DEPUTY_COLUMNS):
        op.drop_column('attendances', name)
