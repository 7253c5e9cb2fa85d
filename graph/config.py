"""Where the stores are: paths and credentials, from the environment or the project's cache.

A user with their own Neo4j sets NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD; otherwise
the server that scripts/neo4j_server.py started leaves its address and generated
password in .cache/neo4j/connection.json.
"""
from __future__ import annotations

import json
import os
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


def neo4j_settings() -> Neo4jSettings:
    uri = os.environ.get("NEO4J_URI")
    if uri:
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
