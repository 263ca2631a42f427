"""Alembic migrations for the service database."""
