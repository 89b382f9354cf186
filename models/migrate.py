"""Schema migrations: where a database stands and bringing it to this program's schema."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic import command
from sqlalchemy import Connection, Engine, inspect

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def has_user_tables(engine: Engine) -> bool:
    names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    return bool(names)


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration in one transaction (all or nothing)."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
