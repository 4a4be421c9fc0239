"""Bookings and the outbox of notices to the clinic.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# One practitioner, one patient per time: among bookings that still stand.
ACTIVE = sa.text("status != 'cancelled'")


def upgrade() -> None:
    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(16), nullable=False, unique=True),
        sa.Column("patient_name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(32)),
        sa.Column("email", sa.String(254)),
        sa.Column("starts_at", sa.DateTime(), nullable=False),  # UTC
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("practitioner", sa.String(100), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("conversation_id", sa.String(255)),
        sa.Column("intake_summary", sa.Text()),
        sa.Column("triage_level", sa.String(16)),
        sa.Column("request_key", sa.String(64), unique=True),
        sa.Column("consent_given_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('confirmed', 'attended', 'cancelled', 'no_show')",
            name="ck_bookings_status",
        ),
        sa.CheckConstraint("ends_at > starts_at", name="ck_bookings_times"),
        sa.CheckConstraint("phone IS NOT NULL OR email IS NOT NULL", name="ck_bookings_contact"),
    )
    op.create_index("ix_bookings_conversation_id", "bookings", ["conversation_id"])
    op.create_index("ix_bookings_starts_at", "bookings", ["starts_at"])
    op.create_index(
        "uq_bookings_practitioner_slot",
        "bookings",
        ["practitioner", "starts_at"],
        unique=True,
        sqlite_where=ACTIVE,
        postgresql_where=ACTIVE,
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("booking_id", sa.Integer(), sa.ForeignKey("bookings.id", ondelete="CASCADE")),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime()),
        sa.Column("last_error", sa.Text()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_outbox_booking_id", "outbox", ["booking_id"])
    op.create_index("ix_outbox_due", "outbox", ["status", "next_attempt_at"])


def downgrade() -> None:
    op.drop_table("outbox")
    op.drop_table("bookings")
