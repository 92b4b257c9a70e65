"""Shared fixtures: the built-in catalogue and an extractor, built once per test session."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from polcmp.indicators.catalogue import load_catalogue
from polcmp.indicators.extract import Extractor

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TESTS = Path(__file__).resolve().parent

# Every test, and every `polcmp` it runs, caches into a folder of its own, never the user's
# ~/.cache/polcmp (set at import, before any test or subprocess reads it).
_SESSION_CACHE = tempfile.mkdtemp(prefix="polcmp-test-cache-")
os.environ["POLCMP_CACHE"] = _SESSION_CACHE
os.environ.pop("POLCMP_NO_CACHE", None)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSION_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue(ROOT / "rules.yaml")


@pytest.fixture(scope="session")
def extractor(catalogue):
    return Extractor(catalogue)


@pytest.fixture
def cache_root(tmp_path, monkeypatch):
    """A fresh, empty cache folder for this test only."""
    root = tmp_path / "cache"
    monkeypatch.setenv("POLCMP_CACHE", str(root))
    monkeypatch.delenv("POLCMP_NO_CACHE", raising=False)
    return root
