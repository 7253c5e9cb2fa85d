"""The Cypher console's logic: parameters from JSON, a guarded read, and an outcome to show."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from graph.cypher_guard import CypherRefused, check_params
from graph.queries import NamedQuery
from graph.store import GraphStore, QueryResult, ReadOnlyViolation, StoreError

TIMEOUT_S = 10
_READ_ONLY_ENGINE = re.compile(r"write operations in a read-only database", re.I)
ROW_CAP = 1000


@dataclass
class ConsoleOutcome:
    status: str  # "ok" | "refused" | "error"
    message: str = ""
    columns: list[str] | None = None
    rows: list[list[Any]] | None = None
    truncated: bool = False


def parse_params(text: str) -> dict[str, Any]:
    """'' (none) or a JSON object of parameters; anything else is a ValueError with a readable message."""
    text = (text or "").strip()
    if not text:
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"parameters are not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})") from None
    if not isinstance(value, dict):
        raise ValueError("parameters must be a JSON object, e.g. {\"region\": \"吴兴区\"}")
    check_params(value)
    return value


def run_console(store: GraphStore, cypher: str, params_text: str) -> ConsoleOutcome:
    if not (cypher or "").strip():
        return ConsoleOutcome("error", "type a Cypher query first")
    try:
        params = parse_params(params_text)
    except ValueError as e:
        return ConsoleOutcome("error", str(e))
    try:
        res: QueryResult = store.read_only_query(cypher, params, timeout=TIMEOUT_S, row_cap=ROW_CAP)
    except CypherRefused as e:
        return ConsoleOutcome("refused", f"Refused: {e}. The console runs one read query at a time, made of "
                                         "MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, "
                                         "LIMIT and UNION with read functions.")
    except ReadOnlyViolation as e:
        return ConsoleOutcome("refused", f"Refused: {e}. The console only runs read queries (MATCH … RETURN).")
    except StoreError as e:
        if _READ_ONLY_ENGINE.search(str(e)):
            # A read-only embedded database refuses to even plan a write: that is a refusal too.
            return ConsoleOutcome("refused", "Refused: this query would write to the graph; the database is "
                                             "opened read-only and the console only runs read queries.")
        return ConsoleOutcome("error", f"Cypher error: {e}")
    except Exception as e:  # the page shows a message, never a traceback
        return ConsoleOutcome("error", f"the query failed ({type(e).__name__}): {e}")
    return ConsoleOutcome("ok", f"{len(res.rows)} rows", list(res.columns), [list(r) for r in res.rows], res.truncated)


def params_skeleton(q: NamedQuery) -> str:
    """A JSON parameter object with the query's defaults (required ones left blank) to start from."""
    out = {}
    for p in q.params:
        if p.required:
            out[p.name] = [] if p.type == "list" else ""
        else:
            out[p.name] = p.default
    return json.dumps(out, ensure_ascii=False) if out else ""
