"""Alembic environment: migrations always run on a connection the program hands in."""

from alembic import context

from models import Base  # loads every model class, so Base.metadata holds every table
from models.search_index import not_search_table

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds tables, and is a no-op on PostgreSQL.
    render_as_batch=True,
    compare_type=True,
    # The search index's tables are made by its own migration, differently per database.
    include_name=not_search_table,
)
with context.begin_transaction():
    context.run_migrations()
