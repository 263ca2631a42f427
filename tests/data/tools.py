"""Import a maintainer script from data/tools/ (a folder of scripts, not a package)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from nlp.settings import REPO_ROOT


def load_tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO_ROOT / "data" / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
