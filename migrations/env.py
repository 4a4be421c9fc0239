"""Alembic's entry point: migrates the database in DATABASE_URL (see alembic.ini)."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context

import clinic.records.callbacks
import clinic.records.handoffs
import clinic.staff_store  # noqa: F401  (their tables join Base's metadata)
from clinic.booking_store import Base, make_engine
from clinic.settings import database_url

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name)

# Rasa's own tables share the database; only ours are compared and migrated.
OUR_TABLES = set(Base.metadata.tables)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    return type_ != "table" or name in OUR_TABLES


def url() -> str:
    return config.attributes.get("url") or database_url()


def run_migrations_offline() -> None:
    context.configure(
        url=url(),
        target_metadata=Base.metadata,
        literal_binds=True,
        include_object=include_object,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(url())
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            include_object=include_object,
            render_as_batch=True,  # SQLite alters tables by copying them
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
