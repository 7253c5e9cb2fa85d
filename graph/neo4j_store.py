"""The Neo4j backend, through the official driver.

Writes go through execute_write (retried by the driver, so every statement is an
idempotent MERGE); reads through READ-mode transactions with a timeout. READ mode is
only a guard: user Cypher is first EXPLAINed and accepted only when the planner
calls it a read ("r").
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Any

from graph.cypher_gen import neo4j_ddl
from graph.store import GraphStore, QueryResult, Statement, StoreError, StoreUnavailable
from ontology.schema import GraphSchema

# A lost server must fail a build fast, not after the driver's default 30 s of retries per
# transaction (times every plan left): a few seconds of retries, and short connection timeouts.
RETRY_SECONDS = float(os.environ.get("PLANGRAPH_NEO4J_RETRY_S", "5"))
CONNECT_SECONDS = float(os.environ.get("PLANGRAPH_NEO4J_CONNECT_S", "5"))


class Neo4jStore(GraphStore):
    kind = "neo4j"
    stable_statements = True  # one statement text per label and type: planned once (graph/store.py)
    # Plans written in one transaction (graph/store.py): each statement is a round trip and a plan
    # has ~25 of them, most of a small plan's write time; 20,000 records are a few MB on the server.
    # PLANGRAPH_NEO4J_BATCH_RECORDS=0 writes one transaction per plan (a small server's memory).
    plan_batch_records = int(os.environ.get("PLANGRAPH_NEO4J_BATCH_RECORDS", "20000"))

    def __init__(self, uri: str, user: str, password: str, *, database: str | None = None,
                 schema: GraphSchema | None = None):
        super().__init__(schema)
        from graph.config import check_neo4j_uri

        uri = check_neo4j_uri(uri, "the Neo4j URI")
        import neo4j

        self._neo4j = neo4j
        self.uri = uri
        self.database = database
        # Schema-derived dump queries name every declared property; "property does not exist"
        # notices for the ones a graph happens not to use are noise, not news.
        self._driver = neo4j.GraphDatabase.driver(
            uri, auth=(user, password), notifications_min_severity="OFF",
            max_transaction_retry_time=RETRY_SECONDS, connection_timeout=CONNECT_SECONDS,
            connection_acquisition_timeout=CONNECT_SECONDS + RETRY_SECONDS)
        try:
            self._driver.verify_connectivity()
        except Exception as e:
            self._driver.close()
            raise StoreError(f"cannot reach Neo4j at {uri} as {user}: {e}") from e

    def describe(self) -> str:
        return f"Neo4j at {self.uri}"

    @contextmanager
    def _connection_guard(self):
        """A server that went away becomes StoreUnavailable, with what was tried."""
        ex = self._neo4j.exceptions
        try:
            yield
        except (ex.ServiceUnavailable, ex.SessionExpired, ex.IncompleteCommit, OSError) as e:
            raise StoreUnavailable(f"lost the connection to Neo4j at {self.uri} ({type(e).__name__}: {e}; "
                                   f"retried for {RETRY_SECONDS:g} s)",
                                   commit_unknown=isinstance(e, ex.IncompleteCommit)) from e

    def _session(self, read: bool = False):
        mode = self._neo4j.READ_ACCESS if read else self._neo4j.WRITE_ACCESS
        return self._driver.session(database=self.database, default_access_mode=mode)

    def ensure_schema(self) -> None:
        with self._connection_guard(), self._session() as s:
            for ddl in neo4j_ddl(self.schema):
                s.run(ddl).consume()
        self._stamp_if_empty()

    def rebuild_command(self) -> str:
        return "python -m graph build --fresh --store neo4j"

    def _write_transaction(self, statements: list[Statement]) -> None:
        def work(tx):
            for st in statements:
                tx.run(st.text, rows=st.rows).consume()

        try:
            with self._connection_guard(), self._session() as s:
                s.execute_write(work)
        except self._neo4j.exceptions.Neo4jError as e:
            raise StoreError(f"Neo4j write failed, nothing was written: {e}") from e

    def _read(self, cypher: str, params: dict[str, Any], timeout: float | None, row_cap: int | None) -> QueryResult:
        @self._neo4j.unit_of_work(timeout=timeout)
        def work(tx):
            res = tx.run(cypher, params)
            cols = list(res.keys())
            rows: list[list[Any]] = []
            truncated = False
            for rec in res:
                if row_cap is not None and len(rows) >= row_cap:
                    truncated = True
                    break
                rows.append(list(rec.values()))
            return QueryResult(cols, rows, truncated)

        try:
            with self._connection_guard(), self._session(read=True) as s:
                return s.execute_read(work)
        except self._neo4j.exceptions.Neo4jError as e:
            if timeout and "TransactionTimedOut" in (e.code or ""):
                raise StoreError(f"the query timed out after {timeout:g} s (the limit for one query)") from e
            raise StoreError(f"Neo4j query failed: {e.code}: {e.message}") from e

    def explain_is_read_only(self, cypher: str, params: dict[str, Any] | None = None) -> bool:
        try:
            with self._session(read=True) as s:
                summary = s.run("EXPLAIN " + cypher, dict(params or {})).consume()
        except self._neo4j.exceptions.Neo4jError as e:
            raise StoreError(f"query does not compile: {e.code}: {e.message}") from e
        return summary.query_type == "r"

    def clear(self) -> None:
        # Relationships first: DETACH DELETE of a hub node (a domain with 100,000 links)
        # would hold all its relationships in one transaction's memory.
        with self._connection_guard(), self._session() as s:
            s.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        self.write_format()  # an empty store is of this code's format

    def close(self) -> None:
        self._driver.close()
