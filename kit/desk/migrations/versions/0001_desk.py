"""The desk's first schema: users, reports, versions, decisions, events."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

NAME = 100


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(NAME), nullable=False, unique=True),
        sa.Column("display_name", sa.String(NAME), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("county", sa.String(NAME), nullable=False),
        sa.Column("unit", sa.String(NAME), nullable=False),
        sa.Column("region", sa.String(NAME), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("must_change", sa.Boolean, nullable=False),
        sa.Column("failed_logins", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.DateTime, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("county", sa.String(NAME), nullable=False),
        sa.Column("unit", sa.String(NAME), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("current_version", sa.Integer, nullable=False),
        sa.Column("published_version", sa.Integer, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("county", "unit", "year"),
    )
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("submitted_by", sa.String(NAME), nullable=False),
        sa.Column("submitted_at", sa.DateTime, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.UniqueConstraint("report_id", "number"),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id"), nullable=False),
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.Column("rule", sa.String(16), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("decided_by", sa.String(NAME), nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.UniqueConstraint("report_id", "fingerprint"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.String(NAME), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id"), nullable=True),
        sa.Column("version", sa.Integer, nullable=True),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_events_report", "events", ["report_id"])


def downgrade() -> None:
    op.drop_index("ix_events_report", "events")
    for table in ("events", "decisions", "versions", "reports", "users"):
        op.drop_table(table)
