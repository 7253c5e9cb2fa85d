"""The one place where Neo4j Cypher and LadybugDB Cypher differ for our read queries.

Queries in queries/ are written in Neo4j's dialect. LadybugDB names a node's or a
relationship's table with label(x), where Neo4j has labels(x)[0] and type(r); its
labels(x) returns a string, not a list. Whether a relationship matched without direction starts
at a node is `startNode(r) = n` in Neo4j; LadybugDB's start_node(r) gives the pattern's left
node there, so the test compares the relationship's stored source with the node's internal id.
Everything else our queries use runs unchanged on both (tests/test_dialect.py holds each rewrite to a real run).
"""
from __future__ import annotations

import re

_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\blabels\((\w+)\)\[0\]"), r"label(\1)"),
    (re.compile(r"\btype\((\w+)\)"), r"label(\1)"),
    (re.compile(r"\btoString\("), "string("),
    (re.compile(r"\bstartNode\((\w+)\)\s*=\s*(\w+)\b(?!\s*[.(])"), r"struct_extract(\1, '_src') = id(\2)"),
]


def to_ladybug(cypher: str) -> str:
    for pattern, repl in _REWRITES:
        cypher = pattern.sub(repl, cypher)
    return cypher
