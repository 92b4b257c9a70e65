"""Shared fixtures: the built-in catalogue and an extractor, built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from indicators.catalogue import load_catalogue
from indicators.extract import Extractor

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TESTS = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue(ROOT / "rules.yaml")


@pytest.fixture(scope="session")
def extractor(catalogue):
    return Extractor(catalogue)
