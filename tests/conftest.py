"""Shared fixtures: paths, and a helper that runs the whole pipeline on a text."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "data" / "annotated"


@pytest.fixture(scope="session")
def seeds():
    """The five seed articles' records, extracted once."""
    from extractor import extract_file

    return {p.stem[:3]: extract_file(p)[0] for p in sorted(RAW.glob("00[0-4]_*.txt"))}
