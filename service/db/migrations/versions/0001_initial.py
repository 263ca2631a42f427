"""Sites, users, tokens, notes, encrypted draft content, items, quotes, audit log.

Revision ID: 0001_initial
Revises:
Create Date: 2024-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

VARIANTS = "('psykisk-helse-rus', 'tilrettelagte', 'barnevern', 'fosterforeldre', 'rom-ung')"


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "sites",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("rom_variant", sa.String(32), nullable=False),
        _ts("created_at"),
        sa.CheckConstraint(f"rom_variant IN {VARIANTS}", name="ck_sites_rom_variant"),
        sa.PrimaryKeyConstraint("id", name="pk_sites"),
        sa.UniqueConstraint("name", name="uq_sites_name"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        _ts("created_at"),
        sa.CheckConstraint(
            "role IN ('referent', 'coordinator', 'policy', 'admin')", name="ck_users_role"
        ),
        sa.CheckConstraint(
            "(role IN ('referent', 'coordinator') AND site_id IS NOT NULL) OR "
            "(role IN ('policy', 'admin') AND site_id IS NULL)",
            name="ck_users_role_site",
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name="fk_users_site_id_sites", ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_index("ix_users_site_id", "users", ["site_id"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        _ts("created_at"),
        _ts("expires_at"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_api_tokens_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_index("ix_api_tokens_expires_at", "api_tokens", ["expires_at"])
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("rom_variant", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=True),
        sa.Column("theme", sa.Text(), nullable=True),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("professionals", sa.Integer(), nullable=True),
        sa.Column("participants", sa.Integer(), nullable=True),
        sa.Column("services", sa.Integer(), nullable=True),
        sa.Column("anonymised_text", sa.Text(), nullable=True),
        sa.Column("pipeline_version", sa.String(255), nullable=False),
        sa.Column("source_format", sa.String(16), nullable=False),
        sa.Column("pending_flags", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("audit_findings", sa.JSON(), nullable=True),
        sa.Column("kept_terms", sa.JSON(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        _ts("created_at"),
        _ts("updated_at"),
        _ts("approved_at", nullable=True),
        _ts("reprocessed_at", nullable=True),
        sa.Column("claimed_by", sa.String(200), nullable=True),
        _ts("claim_expires_at", nullable=True),
        sa.CheckConstraint(
            "status IN ('draft', 'approved', 'needs_review')", name="ck_notes_status"
        ),
        sa.CheckConstraint(f"rom_variant IN {VARIANTS}", name="ck_notes_rom_variant"),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name="fk_notes_site_id_sites", ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name="fk_notes_created_by_users", ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["approved_by"], ["users.id"], name="fk_notes_approved_by_users", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_notes"),
    )
    op.create_index("ix_notes_site_date", "notes", ["site_id", "meeting_date"])
    op.create_index("ix_notes_status_version", "notes", ["status", "pipeline_version"])
    op.create_table(
        "draft_contents",
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("raw_text", sa.LargeBinary(), nullable=False),
        sa.Column("analysis", sa.LargeBinary(), nullable=False),
        _ts("created_at"),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name="fk_draft_contents_note_id_notes", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("note_id", name="pk_draft_contents"),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(32), nullable=False),
        sa.Column("label", sa.String(16), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=True),
        sa.Column("end_offset", sa.Integer(), nullable=True),
        sa.Column("pipeline_version", sa.String(255), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name="fk_items_note_id_notes", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_items"),
    )
    op.create_index("ix_items_note_id", "items", ["note_id"])
    op.create_index("ix_items_section", "items", ["section"])
    op.create_index("ix_items_label", "items", ["label"])
    op.create_table(
        "item_themes",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name="fk_item_themes_item_id_items", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("item_id", "theme", name="pk_item_themes"),
    )
    op.create_index("ix_item_themes_theme", "item_themes", ["theme"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(32), nullable=False),
        sa.Column("speaker", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("pipeline_version", sa.String(255), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name="fk_quotes_note_id_notes", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_quotes"),
    )
    op.create_index("ix_quotes_note_id", "quotes", ["note_id"])
    op.create_index("ix_quotes_speaker", "quotes", ["speaker"])
    op.create_table(
        "quote_themes",
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["quotes.id"], name="fk_quote_themes_quote_id_quotes", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("quote_id", "theme", name="pk_quote_themes"),
    )
    op.create_index("ix_quote_themes_theme", "quote_themes", ["theme"])
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ts("at"),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(64), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_audit_events_user_id_users", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_audit_events"),
    )
    op.create_index("ix_audit_events_at", "audit_events", ["at"])
    op.create_index("ix_audit_events_user_id", "audit_events", ["user_id"])
    op.create_index("ix_audit_events_action", "audit_events", ["action"])
    op.create_index("ix_audit_events_note_id", "audit_events", ["note_id"])


def downgrade() -> None:
    for table in (
        "audit_events",
        "quote_themes",
        "quotes",
        "item_themes",
        "items",
        "draft_contents",
        "notes",
        "api_tokens",
        "users",
        "sites",
    ):
        op.drop_table(table)
