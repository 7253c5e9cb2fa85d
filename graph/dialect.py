"""The one place where Neo4j Cypher and LadybugDB Cypher differ for our read queries.

Queries in queries/ are written in Neo4j's dialect. LadybugDB names a node's or a
relationship's table with label(x), where Neo4j has labels(x)[0] and type(r); its
labels(x) returns a string, not a list. Everything else our queries use runs
unchanged on both (tests/test_dialect.py holds each rewrite to a real run).
"""
from __future__ import annotations

import re

_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\blabels\((\w+)\)\[0\]"), r"label(\1)"),
    (re.compile(r"\btype\((\w+)\)"), r"label(\1)"),
    (re.compile(r"\btoString\("), "string("),
]


def to_ladybug(cypher: str) -> str:
    for pattern, repl in _REWRITES:
        cypher = pattern.sub(repl, cypher)
    return cypher
