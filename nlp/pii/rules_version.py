"""The version of the personal-data rules a stored result was anonymised with.

``PII_VERSION`` is bumped by hand when the behaviour changes on purpose; the hash covers every
input the rules read (the recognizers' code and configuration, the structure parser that finds
the header's people, the allow-list, the name and place lists and the tokenizer's extra marks),
so a change that was not versioned by hand still shows in ``pipeline_version`` and ``romnotat
reprocess`` finds its results stale.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from nlp.settings import REPO_ROOT

PII_VERSION = "1.22.0"
RULE_FILES = (
    ("nlp/pii", "**/*.py"),
    ("nlp/pii/config", "*.yaml"),
    ("nlp/structure", "*.py"),
    ("data/pii", "*.yaml"),
    ("data/gazetteers", "*.txt"),
    ("nlp/spacy_pipeline", "loader.py"),  # how the loaded pipeline splits words ("~~Liv")
)


@lru_cache(maxsize=1)
def rules_hash(root: Path = REPO_ROOT) -> str:
    """SHA-256 over the rules' files, in a fixed order (path and content)."""
    digest = hashlib.sha256()
    for folder, pattern in RULE_FILES:
        for path in sorted((root / folder).glob(pattern)):
            digest.update(path.relative_to(root).as_posix().encode() + b"\n" + path.read_bytes())
    return digest.hexdigest()


def pii_version() -> str:
    """``pii-<version>+<first 8 hex digits of the rules' hash>``."""
    return f"pii-{PII_VERSION}+{rules_hash()[:8]}"
