"""Norwegian (bokmål) names for the ids the API uses: labels, sections, speakers, types, themes."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from nlp.pii.anonymise import PLACEHOLDER
from service.core.config import REPO_ROOT
from service.db.models import ROM_VARIANTS

THEMES_FILE = REPO_ROOT / "data" / "themes" / "themes.yaml"

LABELS = {
    "challenge": "Utfordring",
    "good_practice": "God praksis",
    "wish": "Ønske",
    "other": "Annet",
}
LABELS_PLURAL = {
    "challenge": "Utfordringer",
    "good_practice": "God praksis",
    "wish": "Ønsker",
    "other": "Annet",
}
SECTIONS = {
    "header": "Innledende opplysninger",
    "intro_participant": "Innledning deltaker",
    "intro_professional": "Innledning fagperson",
    "challenges": "Utfordringer",
    "good_practice": "God praksis",
    "want_more": "Ønsker mer av",
    "needs_from_services": "Behov fra tjenestene",
    "tips": "Råd og tips",
    "quotes": "Sitater",
    "takeaways": "Fra ettermøtet",
    "sharing": "Deling",
    "commitments": "Forpliktende handlinger",
    "system_level": "Systemnivå",
    "unknown": "Uten overskrift",
}
SPEAKERS = {
    "deltaker": "Deltaker",
    "fagperson": "Fagperson",
    "pårørende": "Pårørende",
    "ungdom": "Ungdom",
    "forelder": "Forelder",
    "ukjent": "Ukjent",
}
ROM_VARIANT_NAMES = {
    "psykisk-helse-rus": "Psykisk helse og rus",
    "tilrettelagte": "Tilrettelagte tjenester",
    "barnevern": "Barnevern",
    "fosterforeldre": "Fosterforeldre",
    "rom-ung": "ROM Ung",
}
ROLES = {
    "referent": "referent",
    "coordinator": "koordinator",
    "policy": "policyteamet",
    "admin": "administrator",
}
# what each type of personal data is called on its badge (the placeholder's word)
PII_TYPES = dict(PLACEHOLDER)


@lru_cache(maxsize=1)
def themes() -> dict[str, str]:
    """Theme id -> Norwegian name, from the taxonomy file (ids alone if it is missing)."""
    try:
        data = yaml.safe_load(THEMES_FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    return {
        str(theme_id): str((entry or {}).get("name") or theme_id)
        for theme_id, entry in (data.get("themes") or {}).items()
    }


def rom_variants() -> dict[str, str]:
    return {v: ROM_VARIANT_NAMES.get(v, v) for v in ROM_VARIANTS}


def page_config() -> dict[str, Any]:
    """Everything the pages' JavaScript needs to show ids as Norwegian words."""
    return {
        "labels": LABELS,
        "labelsPlural": LABELS_PLURAL,
        "sections": SECTIONS,
        "speakers": SPEAKERS,
        "romVariants": rom_variants(),
        "piiTypes": PII_TYPES,
        "themes": themes(),
    }
