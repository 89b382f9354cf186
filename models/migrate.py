"""Schema migrations: where a database stands and bringing it to this program's schema.

Alembic is imported only when a migration script must be read or run: loading it costs a
sixth of a second, and the usual start (a database already at this program's schema) needs
only the version row, read with plain SQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # only an empty migrations folder has no head; ours ships with revisions
        raise RuntimeError(f"no migrations in {MIGRATIONS_DIR}")
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the database (Alembic's version row), None when unversioned."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        if len(versions) > 1:  # branches were never made; a second row means a foreign file
            raise ValueError("the database records more than one schema revision")
        return versions[0][0] if versions else None


def has_user_tables(engine: Engine) -> bool:
    names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    return bool(names)


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration in one transaction (all or nothing)."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
