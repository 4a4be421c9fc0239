"""Staff sessions kept on the server, and failed sign-ins counted by name and address.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("staff_users.id"), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),  # UTC, as every time below
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime()),
        sa.Column("ended_why", sa.String(40)),
    )
    op.create_index("ix_staff_sessions_member_id", "staff_sessions", ["member_id"])
    op.create_table(
        "failed_sign_ins",
        sa.Column("username", sa.String(80), primary_key=True),
        sa.Column("address", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime()),
    )
    # The count moved to failed_sign_ins (by name and address).
    with op.batch_alter_table("staff_users") as table:
        table.drop_column("failed_logins")
        table.drop_column("locked_until")


def downgrade() -> None:
    with op.batch_alter_table("staff_users") as table:
        table.add_column(
            sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0")
        )
        table.add_column(sa.Column("locked_until", sa.DateTime()))
    op.drop_table("failed_sign_ins")
    op.drop_index("ix_staff_sessions_member_id", table_name="staff_sessions")
    op.drop_table("staff_sessions")
