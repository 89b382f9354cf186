"""search index

One search document per agency (with its contacts), meeting (with its agenda and minutes)
and commitment (with its follow-ups and evidence names), kept in step by triggers: SQLite
FTS5, PostgreSQL full-text search with the `simple` configuration (models.search_index).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 23:30:00
"""

from alembic import op

from models import search_index

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    search_index.install(op.get_bind())


def downgrade() -> None:
    search_index.uninstall(op.get_bind())
