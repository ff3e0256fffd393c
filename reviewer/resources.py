"""Where the shipped data lives: the source tree, an installed package, or a frozen bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def project_root() -> Path:
    """Folder holding `models/` and `resources/` (overridable with REVIEWER_RESOURCES)."""
    override = os.environ.get("REVIEWER_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[1]


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def manifest_path() -> Path:
    return project_root() / "models" / "manifest.json"


def demo_recording() -> Path:
    return resource_path("demo", "demo.mp4")


def demo_case_dir() -> Path:
    """Where `reviewer demo` and the application keep the demo case (per user)."""
    from .userdirs import user_home

    return user_home() / "cases" / "demo"
