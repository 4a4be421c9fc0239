"""Call-backs patients ask for, and their notices in the outbox.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "callbacks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("patient_name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("preferred_time", sa.String(200)),
        sa.Column("due_at", sa.DateTime(), nullable=False),  # UTC, as every time below
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("triage_level", sa.String(16)),
        sa.Column("question", sa.Text()),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("consent_given_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(80)),
        sa.CheckConstraint(
            "status IN ('waiting', 'no_answer', 'called', 'done')", name="ck_callbacks_status"
        ),
    )
    op.create_index("ix_callbacks_conversation_id", "callbacks", ["conversation_id"])
    op.create_index("ix_callbacks_open_due", "callbacks", ["status", "due_at"])
    with op.batch_alter_table("outbox") as table:
        table.add_column(
            sa.Column(
                "callback_id",
                sa.Integer(),
                sa.ForeignKey("callbacks.id", name="fk_outbox_callback", ondelete="CASCADE"),
            )
        )
        table.create_index("ix_outbox_callback_id", ["callback_id"])


def downgrade() -> None:
    with op.batch_alter_table("outbox") as table:
        table.drop_index("ix_outbox_callback_id")
        table.drop_column("callback_id")
    op.drop_index("ix_callbacks_open_due", table_name="callbacks")
    op.drop_index("ix_callbacks_conversation_id", table_name="callbacks")
    op.drop_table("callbacks")
