"""Request and response models of the HTTP API."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from annotated_types import Ge, Le
from pydantic import BaseModel, ConfigDict, Field

from nlp.schema import AnalysedNote
from service.db.models import RomVariant

Role = Literal["referent", "coordinator", "policy", "admin"]

MIN_DB_INT, MAX_DB_INT = -(2**63), 2**63 - 1
# An id or offset the database can take: a larger integer cannot be bound to an SQLite INTEGER
# (or a PostgreSQL bigint) and used to end in a 500; now it is a 422 naming the field.
DbInt = Annotated[int, Ge(MIN_DB_INT), Le(MAX_DB_INT)]


class Token(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: dt.datetime


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class SiteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=120)
    rom_variant: RomVariant


class SiteUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, min_length=1, max_length=120)
    rom_variant: RomVariant | None = None


class SiteOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    rom_variant: str
    created_at: dt.datetime


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=3, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    role: Role
    site_id: DbInt | None = None


class UserUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    password: str | None = Field(default=None, min_length=1, max_length=1024)
    is_active: bool | None = None


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    username: str
    role: str
    site_id: int | None
    is_active: bool
    created_at: dt.datetime


class AnalyseRequest(BaseModel):
    """Pasted text. Uploads use multipart/form-data with a ``file`` field instead."""

    model_config = ConfigDict(extra="forbid")
    text: str
    source: str | None = Field(default=None, max_length=200)
    site_id: DbInt | None = Field(default=None, description="Bare for admin ved lagring av utkast.")


class DraftSummary(BaseModel):
    id: int
    site_id: int
    status: str
    revision: int
    pending: int
    source_format: str
    pipeline_version: str
    created_by: int | None
    created_at: dt.datetime
    updated_at: dt.datetime
    expires_at: dt.datetime


class DraftOut(DraftSummary):
    note: AnalysedNote


class ItemOut(BaseModel):
    id: int
    position: int
    section: str
    label: str | None
    confidence: float | None
    themes: list[str]
    text: str
    start: int | None
    end: int | None
    pipeline_version: str


class QuoteOut(BaseModel):
    id: int
    position: int
    section: str
    speaker: str
    themes: list[str]
    text: str
    pipeline_version: str


class Finding(BaseModel):
    type: str
    start: int
    end: int
    score: float | None = None


class NoteSummary(BaseModel):
    id: int
    site_id: int
    site: str
    rom_variant: str
    status: str
    meeting_date: dt.date | None
    theme: str | None
    total: int | None
    professionals: int | None
    participants: int | None
    services: int | None
    pipeline_version: str
    approved_at: dt.datetime | None


class NoteOut(NoteSummary):
    anonymised_text: str | None
    items: list[ItemOut]
    quotes: list[QuoteOut]
    audit_findings: list[Finding] | None = None


class NoteReview(BaseModel):
    """Resolve a note the personal-data audit flagged: redact the findings or dismiss them."""

    model_config = ConfigDict(extra="forbid")
    decision: Literal["redact", "dismiss"]


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    results: list[Any]


class Source(BaseModel):
    note_id: int
    site_id: int
    site: str
    rom_variant: str
    meeting_date: dt.date | None
    meeting_theme: str | None


class ItemHit(BaseModel):
    id: int
    text: str
    section: str
    label: str | None
    confidence: float | None
    themes: list[str]
    source: Source


class QuoteHit(BaseModel):
    id: int
    text: str
    section: str
    speaker: str
    themes: list[str]
    source: Source


class ItemPage(Page):
    results: list[ItemHit]


class QuotePage(Page):
    results: list[QuoteHit]


class CountRow(BaseModel):
    theme: str | None
    label: str | None
    count: int


class Counts(BaseModel):
    notes: int
    items: int
    counts: list[CountRow]
    matrix: dict[str, dict[str, int]]


class TrendPeriod(BaseModel):
    period: str
    notes: int
    items: int
    themes: dict[str, int]


class Trends(BaseModel):
    periods: list[TrendPeriod]


class AuditOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    at: dt.datetime
    user_id: int | None
    username: str | None
    action: str
    note_id: int | None
    details: dict[str, Any] | None
