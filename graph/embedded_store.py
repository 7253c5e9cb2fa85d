"""The embedded store: LadybugDB (the maintained Kùzu fork), a database in one file, in process.

One process may hold a database file read-write, so a long-lived reader (the app)
opens it read-only — an engine-level guard on top of the EXPLAIN check — and shares
one Database object; each call takes its own short-lived Connection under a lock.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from graph.cypher_gen import ladybug_ddl
from graph.dialect import to_ladybug
from graph.store import GraphStore, QueryResult, Statement, StoreError
from ontology.schema import GraphSchema

_PLAN_OPERATOR = re.compile(r"│\s+([A-Z_]+)\[\d+\]")
# Whole operator names only: ORDER_BY_MERGE is a sort, not a write.
_WRITE_OPERATOR = re.compile(
    r"^(INSERT|BATCH_INSERT|SET_\w+|DELETE\w*|MERGE|CREATE\w*|DROP\w*|ALTER\w*|COPY\w*|PARTITIONER|"
    r"EXPORT\w*|IMPORT\w*|ATTACH\w*|DETACH\w*|INSTALL\w*|LOAD\w*|UNINSTALL\w*|TRANSACTION|CHECKPOINT|"
    r"USE_DATABASE|STANDALONE_CALL)$"
)


def _import_ladybug():
    try:
        import ladybug
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise StoreError("the embedded store needs the PyPI package 'ladybug' (LadybugDB): pip install ladybug") from e
    if not hasattr(ladybug, "Database"):
        # ladybug-core (EnergyPlus weather files) installs under the same import name.
        raise StoreError(f"'import ladybug' found {ladybug.__file__}, which is not LadybugDB; "
                         "uninstall ladybug-core and install the 'ladybug' distribution")
    return ladybug


class EmbeddedStore(GraphStore):
    kind = "embedded"

    def __init__(self, path: str | Path, *, read_only: bool = False, schema: GraphSchema | None = None):
        super().__init__(schema)
        lb = _import_ladybug()
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"no embedded database at {self.path}: build it first (python -m graph build)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = lb.Database(str(self.path), read_only=read_only)
        except RuntimeError as e:
            raise StoreError(f"cannot open the embedded database {self.path}: {e}. "
                             "Another process may hold it for writing.") from e
        self._lb = lb
        self._lock = threading.RLock()

    def describe(self) -> str:
        return f"embedded LadybugDB at {self.path}" + (" (read-only)" if self.read_only else "")

    def _conn(self):
        return self._lb.Connection(self._db)

    def ensure_schema(self) -> None:
        with self._lock:
            conn = self._conn()
            for ddl in ladybug_ddl(self.schema):
                conn.execute(ddl)

    def _write_transaction(self, statements: list[Statement]) -> None:
        with self._lock:
            conn = self._conn()
            conn.execute("BEGIN TRANSACTION")
            try:
                for s in statements:
                    conn.execute(s.text, {"rows": s.rows})
            except Exception as e:
                conn.execute("ROLLBACK")
                raise StoreError(f"embedded write failed, nothing was written: {e}") from e
            conn.execute("COMMIT")

    def _read(self, cypher: str, params: dict[str, Any], timeout: float | None, row_cap: int | None) -> QueryResult:
        text = to_ladybug(cypher)
        with self._lock:
            conn = self._conn()
            if timeout:
                conn.set_query_timeout(int(timeout * 1000))
            try:
                res = conn.execute(text, params)
            except RuntimeError as e:
                raise StoreError(f"embedded query failed: {e}") from e
            columns = res.get_column_names()
            rows, truncated = [], False
            while res.has_next():
                if row_cap is not None and len(rows) >= row_cap:
                    truncated = True
                    break
                rows.append(res.get_next())
            res.close()
        return QueryResult(columns, rows, truncated)

    def explain_is_read_only(self, cypher: str) -> bool:
        with self._lock:
            try:
                res = self._conn().execute("EXPLAIN " + to_ladybug(cypher))
            except RuntimeError as e:
                raise StoreError(f"query does not compile: {e}") from e
            plan = "".join(str(r[0]) for r in [res.get_next()] if r)
        operators = _PLAN_OPERATOR.findall(plan)
        return bool(operators) and not any(_WRITE_OPERATOR.match(op) for op in operators)

    def clear(self) -> None:
        with self._lock:
            conn = self._conn()
            for label in self.schema.nodes:
                conn.execute(f"MATCH (n:{label}) DETACH DELETE n")

    def close(self) -> None:
        with self._lock:
            if getattr(self, "_db", None) is not None:
                self._db.close()
                self._db = None
