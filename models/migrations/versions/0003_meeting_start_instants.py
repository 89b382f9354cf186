"""meeting start instants

Meetings in WIB, WITA and WIT are ordered by the instant they start, not by their wall
clock: each meeting keeps its start as a UTC instant, filled here for the meetings already
recorded (see secretariat/meetings/instants.py for why a stored column).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 22:10:01.280970
"""

from datetime import datetime, time, timedelta

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# Frozen here, as a migration must be: the zones' offsets when this revision was written.
_OFFSETS = {"WIB": timedelta(hours=7), "WITA": timedelta(hours=8), "WIT": timedelta(hours=9)}
# Never left in a row: SQLite adds a NOT NULL column only with a default (see upgrade).
_PLACEHOLDER = "1970-01-01 00:00:00"

_meetings = sa.table(
    "meetings",
    sa.column("id", sa.Integer()), sa.column("date", sa.Date()),
    sa.column("start_time", sa.Time()), sa.column("time_zone", sa.String()),
    sa.column("starts_at_utc", sa.DateTime()),
)


def upgrade() -> None:
    # The column arrives with a placeholder default and is then filled row by row. Rebuilding
    # the table to add it without one is no option on SQLite: the rebuild's DROP TABLE would
    # run the ON DELETE CASCADE of the agenda and the attendance lists, since foreign keys
    # are on in every connection and cannot be switched off inside this transaction. (A
    # plain-string default keeps Alembic's batch mode at a plain ALTER TABLE ADD COLUMN.)
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('starts_at_utc', sa.DateTime(), nullable=False,
                                      server_default=_PLACEHOLDER))
        batch_op.create_index('ix_meetings_task_force_start', ['task_force_id', 'starts_at_utc'],
                              unique=False)
    bind = op.get_bind()
    rows = bind.execute(sa.select(_meetings.c.id, _meetings.c.date, _meetings.c.start_time,
                                  _meetings.c.time_zone)).all()
    filled = [{"row_id": row_id,
               "instant": datetime.combine(day, start or time(0, 0)) - _OFFSETS[zone]}
              for row_id, day, start, zone in rows]
    if filled:
        bind.execute(_meetings.update().where(_meetings.c.id == sa.bindparam("row_id"))
                     .values(starts_at_utc=sa.bindparam("instant")), filled)
    if bind.dialect.name != "sqlite":
        # The program always writes the column; a forgotten one must fail, not read 1970.
        # (SQLite keeps the default: dropping it would need the rebuild refused above.)
        op.alter_column('meetings', 'starts_at_utc', server_default=None)


def downgrade() -> None:
    # Not in batch mode: SQLite's own DROP COLUMN, no table rebuild (see upgrade).
    op.drop_index('ix_meetings_task_force_start', table_name='meetings')
    op.drop_column('meetings', 'starts_at_utc')
