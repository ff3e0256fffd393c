"""Test and benchmark material (synthetic frames and clips); not part of the shipped package.

Importable from the repository root: `python -m pytest` puts it on sys.path, tests/conftest.py
and the bench scripts add it.
"""
