"""Where the stores are: paths and credentials, from the environment or the project's cache.

A user with their own Neo4j sets NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD; otherwise
the server that scripts/neo4j_server.py started leaves its address and generated
password in .cache/neo4j/connection.json.
"""
from __future__ import annotations

import json
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from graph.store import GraphStore, StoreError

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = Path(os.environ.get("PLANGRAPH_CACHE", ROOT / ".cache"))
NEO4J_CONNECTION_FILE = CACHE_DIR / "neo4j" / "connection.json"
DEFAULT_DB = Path(os.environ.get("PLANGRAPH_DB", ROOT / "data" / "graph.lbug"))
DEFAULT_PLANS = ROOT / "data" / "plans"
STORE_KINDS = ("embedded", "neo4j")


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str
    password: str
    database: str | None = None
    source: str = "environment"


NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def check_neo4j_uri(uri: str, source: str = "NEO4J_URI") -> str:
    """A Bolt address, or a StoreError that lists the schemes the driver speaks (an http:// URI
    would otherwise end in the driver's optional HTTP module failing to import)."""
    scheme, sep, rest = uri.strip().partition("://")
    if not sep or scheme.lower() not in NEO4J_SCHEMES or not rest:
        raise StoreError(f"{source}={uri!r} is not a Neo4j Bolt address: use one of the schemes "
                         f"{', '.join(s + '://' for s in NEO4J_SCHEMES)} (e.g. bolt://127.0.0.1:7687); "
                         "the HTTP port (7474) is not used")
    return uri.strip()


def neo4j_settings() -> Neo4jSettings:
    uri = os.environ.get("NEO4J_URI")
    if uri:
        uri = check_neo4j_uri(uri)
        return Neo4jSettings(uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""),
                             os.environ.get("NEO4J_DATABASE") or None, "environment")
    if NEO4J_CONNECTION_FILE.exists():
        data = json.loads(NEO4J_CONNECTION_FILE.read_text())
        return Neo4jSettings(data["uri"], data["user"], data["password"], None, str(NEO4J_CONNECTION_FILE))
    raise StoreError("no Neo4j configured: run `make neo4j-up` to start the project's own server, "
                     "or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD for an existing one")


def open_store(kind: str = "embedded", *, db_path: str | Path | None = None, read_only: bool = False) -> GraphStore:
    if kind == "embedded":
        from graph.embedded_store import EmbeddedStore

        return EmbeddedStore(db_path or DEFAULT_DB, read_only=read_only)
    if kind == "neo4j":
        from graph.neo4j_store import Neo4jStore

        s = neo4j_settings()
        return Neo4jStore(s.uri, s.user, s.password, database=s.database)
    raise StoreError(f"unknown store {kind!r}; choose one of {STORE_KINDS}")


@contextmanager
def open_build_store(kind: str = "embedded", *, db_path: str | Path | None = None, fresh: bool = False):
    """The store a build writes to. Embedded: a new database file swapped in atomically when the
    build is done (graph.embedded_store.staged_build), so a running explorer never reads a
    half-written file. Neo4j: the server, emptied first when ``fresh``."""
    if kind == "embedded":
        from graph.embedded_store import staged_build

        with staged_build(db_path or DEFAULT_DB, fresh=fresh) as store:
            store.ensure_schema()
            yield store
        return
    with open_store(kind) as store:
        if fresh:
            store.ensure_schema()
            store.clear()
        yield store
