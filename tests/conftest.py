"""Shared test setup: one gazetteer store for the whole session, and the ../shared folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# One store for the whole run (built once, ~1 min); CI and developers may point GEOKIT_HOME elsewhere.
os.environ.setdefault("GEOKIT_HOME", str(REPO / ".cache" / "geokit"))


def shared_path(*parts: str) -> Path:
    return SHARED.joinpath(*parts)


requires_shared = pytest.mark.skipif(not SHARED.exists(),
                                     reason="../shared (seed reports, benchmarks, dumps) is absent")


@pytest.fixture(scope="session")
def store():
    from geokit.gazetteer.store import open_store

    return open_store()


@pytest.fixture(scope="session")
def resolver(store):
    from geokit.gazetteer.resolver import Resolver

    return Resolver(store)


@pytest.fixture(scope="session")
def parser(resolver):
    from geokit.parsing.parser import Parser

    return Parser(resolver)
