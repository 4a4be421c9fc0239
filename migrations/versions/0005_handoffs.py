"""Live handoffs to a member of staff, and who is at the console to answer them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handoffs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),  # UTC, as every time below
        sa.Column("taken_by", sa.String(80)),
        sa.Column("taken_at", sa.DateTime()),
        sa.Column("staff_seen_at", sa.DateTime()),
        sa.Column("ended_at", sa.DateTime()),
        sa.CheckConstraint(
            "status IN ('waiting', 'live', 'ended', 'timed_out')", name="ck_handoffs_status"
        ),
    )
    op.create_index("ix_handoffs_conversation_id", "handoffs", ["conversation_id"])
    op.create_index("ix_handoffs_status", "handoffs", ["status", "requested_at"])
    op.create_table(
        "chat_duty",
        sa.Column("username", sa.String(80), primary_key=True),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("chat_duty")
    op.drop_index("ix_handoffs_status", table_name="handoffs")
    op.drop_index("ix_handoffs_conversation_id", table_name="handoffs")
    op.drop_table("handoffs")
