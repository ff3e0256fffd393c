"""Frozen entry point of the bundled `reviewer` command (PyInstaller runs this file)."""

from __future__ import annotations

import multiprocessing
import sys

from reviewer.cli import main

if __name__ == "__main__":
    # Harmless when nothing spawns processes; required on Windows the day something does.
    multiprocessing.freeze_support()
    sys.exit(main())
