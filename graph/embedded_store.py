"""The embedded store: LadybugDB (the maintained Kùzu fork), a database in one file, in process.

One process may hold a database file read-write, so a long-lived reader (the app)
opens it read-only — an engine-level guard on top of the EXPLAIN check — and shares
one Database object; each call takes its own short-lived Connection under a lock.
"""
from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from graph.cypher_gen import ladybug_ddl
from graph.dialect import to_ladybug
from graph.store import (
    DEFAULT_BATCH,
    META_LABEL,
    GraphStore,
    QueryResult,
    Statement,
    StoreError,
    WriteStats,
    _taken,
    columns,
)
from model.heap import release_heap
from model.records import GraphRecords, Relationship
from ontology.schema import KEY, GraphSchema

_PLAN_OPERATOR = re.compile(r"│\s+([A-Z_]+)\[\d+\]")
# Whole operator names only: ORDER_BY_MERGE is a sort, not a write.
_WRITE_OPERATOR = re.compile(
    r"^(INSERT|BATCH_INSERT|SET_\w+|DELETE\w*|MERGE|CREATE\w*|DROP\w*|ALTER\w*|COPY\w*|PARTITIONER|"
    r"EXPORT\w*|IMPORT\w*|ATTACH\w*|DETACH\w*|INSTALL\w*|LOAD\w*|UNINSTALL\w*|TRANSACTION|CHECKPOINT|"
    r"USE_DATABASE|STANDALONE_CALL)$"
)


COPY_MIN_ROWS = 100
# A write of at least this many records drops the write connection afterwards (see write)
RELEASE_AFTER_RECORDS = 20_000

# a prepared write step: (statement text, MERGE rows, or the Arrow table a COPY reads)
_Step = tuple[str, list[dict[str, Any]] | None, Any]


def _arrow_types():
    import pyarrow as pa

    return {"STRING": pa.string, "INT64": pa.int64, "DOUBLE": pa.float64, "BOOLEAN": pa.bool_}


class _LazyArrow(dict):
    def __missing__(self, key):
        self.update(_arrow_types())
        return self[key]


_ARROW = _LazyArrow()


def _rollback(conn) -> None:
    """LadybugDB has usually rolled a failed transaction back already."""
    try:
        conn.execute("ROLLBACK")
    except RuntimeError:
        pass


_CONVERTED = (Decimal, list, dict)


def _plain(value: Any) -> Any:
    """LadybugDB sums INT64 values into INT128, which its Python API returns as ``Decimal``; Neo4j
    returns an int. The schema declares no DECIMAL column, so an integral Decimal is turned into the
    int it is, and both stores give the same rows (lists and maps inside a value too)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


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


def holders(path: Path) -> list[tuple[int, str, bool]]:
    """Other processes that have ``path`` (or its .wal) open: (pid, command line, for writing).
    Read from /proc (Linux); elsewhere the list is empty."""
    targets = set()
    for p in (Path(path), wal_path(path)):
        try:
            targets.add(str(p.resolve()))
        except OSError:
            pass
    out: dict[int, tuple[int, str, bool]] = {}
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    me = os.getpid()
    for d in proc.iterdir():
        if not d.name.isdigit() or int(d.name) == me:
            continue
        try:
            fds = list((d / "fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(fd) not in targets:
                    continue
                flags = (d / "fdinfo" / fd.name).read_text().split("flags:", 1)[1].split()[0]
                writing = int(flags, 8) & 3 != 0
            except (OSError, IndexError, ValueError):
                continue
            pid = int(d.name)
            try:
                cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
            except OSError:
                cmd = "?"
            prev = out.get(pid)
            out[pid] = (pid, cmd[:160], writing or bool(prev and prev[2]))
    return sorted(out.values())


def wal_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + ".wal")


def _describe_holders(hs) -> str:
    return "; ".join(f"pid {pid} ({cmd}){' for writing' if w else ''}" for pid, cmd, w in hs)


class EmbeddedStore(GraphStore):
    kind = "embedded"

    def __init__(self, path: str | Path, *, read_only: bool = False, schema: GraphSchema | None = None,
                 check_holders: bool = True):
        super().__init__(schema)
        lb = _import_ladybug()
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"no embedded database at {self.path}: build it first (python -m graph build)")
        if not read_only and check_holders and self.path.exists():
            # A writer opening a file that a reader holds breaks the reader ("String dictionary
            # index is outside the offset table"); `python -m graph build` writes a new file instead.
            hs = holders(self.path)
            if hs:
                raise StoreError(f"{self.path} is open in another process: {_describe_holders(hs)}. Opening it "
                                 "for writing would break that process; `python -m graph build` writes a new "
                                 "database file and swaps it in instead")
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

    def _reader(self):
        """The read connection, kept between reads (a new connection per query cost more than many
        queries themselves: policy_evidence 4.6 -> 0.9 ms); dropped after a failed read and on close."""
        if getattr(self, "_read_conn", None) is None:
            self._read_conn = self._conn()
        return self._read_conn

    def _writer(self):
        """The write connection, kept while writes succeed: it caches prepared statements,
        which matters when a build writes plan after plan with the same statement texts."""
        if getattr(self, "_write_conn", None) is None:
            self._write_conn = self._conn()
            if getattr(self, "_in_bulk", False):  # (a connection dropped inside a build: same settings)
                self._write_conn.execute("CALL auto_checkpoint=false")
        return self._write_conn

    def _drop_writer(self) -> None:
        """After a failed transaction the connection is not reused (see write)."""
        self._write_conn = None

    def ensure_schema(self) -> None:
        with self._lock:
            conn = self._conn()
            for ddl in ladybug_ddl(self.schema):
                conn.execute(ddl)
            conn.execute(f"CREATE NODE TABLE IF NOT EXISTS {META_LABEL}({KEY} STRING PRIMARY KEY, format INT64)")
            if not self.read_only:  # a database made before a property was declared gets its column
                for nt in self.schema.nodes.values():
                    res = conn.execute(f"CALL table_info('{nt.label}') RETURN name")
                    have = set()
                    while res.has_next():
                        have.add(res.get_next()[0])
                    for p, t in nt.properties.items():
                        if p not in have:
                            conn.execute(f"ALTER TABLE {nt.label} ADD {p} {t}")
        if not self.read_only:
            self._stamp_if_empty()

    def rebuild_command(self) -> str:
        from graph.config import DEFAULT_DB

        same = self.path.resolve() == Path(DEFAULT_DB).resolve()
        return "python -m graph build --fresh" + ("" if same else f" --db {self.path}")

    def reset(self) -> None:
        """Drop every table (relationship tables first) and make the schema again: a store of another
        format may have tables or columns of other types than this code's."""
        with self._lock:
            self._write_conn = None
            self._read_conn = None
            conn = self._conn()
            res = conn.execute("CALL show_tables() RETURN name, type")
            tables = []
            while res.has_next():
                tables.append(tuple(res.get_next()))
            for name, _kind in sorted(tables, key=lambda t: t[1] != "REL"):
                conn.execute(f"DROP TABLE {name}")
        self.ensure_schema()

    def _write_transaction(self, statements: list[Statement]) -> None:
        with self._lock:
            conn = self._writer()
            conn.execute("BEGIN TRANSACTION")
            try:
                for s in statements:
                    conn.execute(s.text, {"rows": s.rows})
            except Exception as e:
                _rollback(conn)
                self._drop_writer()
                raise StoreError(f"embedded write failed, nothing was written: {e}") from e
            conn.execute("COMMIT")

    def write(self, records: GraphRecords, batch_size: int = DEFAULT_BATCH, *,
              before: Sequence[Statement] = (), after: Sequence[Statement] = (), release: bool = False) -> WriteStats:
        """Idempotent like the generic path, but records the store lacks go in by COPY FROM.

        LadybugDB's UNWIND … MERGE runs at tens of thousands of rows a second (and an
        update of an existing node at a few thousand); COPY FROM an Arrow table runs at
        hundreds of thousands. So each group is split: ids the store already has take
        the MERGE statements (same text as on Neo4j), new ones are copied in. All of it
        runs in one transaction: LadybugDB rolls a failed transaction back itself, and
        a connection that saw a failed transaction is never reused (after a failed COPY
        its next COPY crashes the process).

        Every group is turned into its statement rows or Arrow table first, then they run.
        With ``release`` (the caller gives the records up) each group's records are dropped
        as soon as they are turned, and the freed heap is handed back before the engine
        starts taking its own copy: on a very large plan the records weigh more than the
        Arrow tables, and LadybugDB keeps what it allocates for the transaction.
        """
        records = _taken(records, release)
        n_nodes, n_rels = len(records.nodes), len(records.relationships)
        with self._lock:
            conn = self._writer()
            conn.execute("BEGIN TRANSACTION")
            try:
                for st in before:
                    conn.execute(st.text, {"rows": st.rows})
                steps = self._prepare(conn, records, batch_size, release)
                if release:
                    del records
                    release_heap()
                n_stmts = self._run(conn, steps)
                del steps
                for st in after:
                    conn.execute(st.text, {"rows": st.rows})
                n_stmts += len(before) + len(after)
            except (ValueError, StoreError):  # a bad record, caught before the engine saw it
                _rollback(conn)
                self._drop_writer()
                raise
            except Exception as e:
                _rollback(conn)
                self._drop_writer()
                raise StoreError(f"embedded write failed, nothing was written: {e}") from e
            conn.execute("COMMIT")
            if n_nodes + n_rels >= RELEASE_AFTER_RECORDS:
                # The connection keeps what its statements last ran with (the rows of a batch of plans):
                # ~1 KB a record that stayed until the end of a build (1.2 GB at 1,000 plans). A new one
                # costs a few statement preparations; the heap the batch freed goes back as well.
                self._drop_writer()
                release_heap()
        return WriteStats(n_nodes, n_rels, n_stmts)

    @contextmanager
    def bulk(self):
        """No automatic checkpoint during a build (LadybugDB folds the log into the file once
        it passes a threshold, inside a COMMIT: most of a large transaction's commit time);
        one checkpoint at the end instead. The libraries the bulk write path loads on first use
        (pyarrow for COPY FROM, pandas that LadybugDB's Arrow parameters import) are loaded here, at the
        start of the build, so the first batch's write time is its write's (~0.5 s idle, seconds under load)."""
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401

        with self._lock:
            self._writer().execute("CALL auto_checkpoint=false")
            self._in_bulk = True
        try:
            yield self
        finally:
            with self._lock:
                self._in_bulk = False
                conn = self._writer()
                conn.execute("CALL auto_checkpoint=true")
                conn.execute("CHECKPOINT")

    # Plans a build writes in one transaction (their records summed): groups large enough for COPY.
    plan_batch_records = 100_000

    def _prepare(self, conn, records: GraphRecords, batch_size: int, release: bool = False) -> list[_Step]:
        """What to run, in order: nodes before relationships, so endpoints exist. A MERGE step
        carries its statement rows, a COPY step its Arrow table. ``release``: ``records`` is
        emptied and each group dropped once turned (see write)."""
        import pyarrow as pa

        # The Arrow buffers come from the system allocator, not pyarrow's default (mimalloc) pool:
        # each table is freed once its COPY has run, and the system allocator hands such large
        # blocks back at once, while mimalloc kept them through the rest of the write, whose peak
        # (the engine's own copy of a very large plan) stacked on top of them.
        pool = pa.system_memory_pool()
        steps: list[_Step] = []

        def merge(part: GraphRecords) -> None:
            steps.extend((st.text, st.rows, None) for st in self.write_statements(part, batch_size))

        by_label, by_type = self.grouped(records)
        if release:
            records.nodes, records.relationships = [], []
        written = {label: {n.id for n in nodes} for label, nodes in by_label.items()}
        for label in list(by_label):
            nodes = by_label.pop(label) if release else by_label[label]
            if len(nodes) < COPY_MIN_ROWS:  # COPY costs tens of milliseconds a call: not worth it for a few rows
                merge(GraphRecords(nodes=nodes))
                continue
            have = self._existing_ids(conn, label, [n.id for n in nodes])
            old = [n for n in nodes if n.id in have]
            new = [n for n in nodes if n.id not in have]
            if len(new) < COPY_MIN_ROWS:
                old, new = nodes, []
            del nodes
            if old:
                merge(GraphRecords(nodes=old))
            if new:
                props = self.schema.nodes[label].properties
                cols = columns(new, props, lambda n: n.id, f"{label} node")
                table = pa.table({KEY: pa.array([n.id for n in new], pa.string(), memory_pool=pool),
                                  **{p: pa.array(cols[p], _ARROW[t](), memory_pool=pool)
                                     for p, t in props.items()}})
                steps.append((f"COPY {label} FROM arrow_rows", None, table))
            del old, new
        for key in list(by_type):
            rtype, a, b = key
            rels = by_type.pop(key) if release else by_type[key]
            if len(rels) < COPY_MIN_ROWS:
                merge(GraphRecords(relationships=rels))
                continue
            have_pairs = self._existing_pairs(conn, rtype, a, b, rels)
            old_r = [r for r in rels if (r.start, r.end) in have_pairs]
            new_r = [r for r in rels if (r.start, r.end) not in have_pairs]
            if len(new_r) < COPY_MIN_ROWS:
                old_r, new_r = rels, []
            del rels
            if old_r:
                merge(GraphRecords(relationships=old_r))
            if new_r:
                self._check_endpoints(conn, a, b, new_r, written)
                props = self.schema.relationships[rtype].properties
                cols = columns(new_r, props, lambda r: (r.start, r.end), f"{rtype} relationship")
                table = pa.table({"from": pa.array([r.start for r in new_r], pa.string(), memory_pool=pool),
                                  "to": pa.array([r.end for r in new_r], pa.string(), memory_pool=pool),
                                  **{p: pa.array(cols[p], _ARROW[t](), memory_pool=pool)
                                     for p, t in props.items()}})
                steps.append((f"COPY {rtype} FROM arrow_rows (from='{a}', to='{b}')", None, table))
            del old_r, new_r
        return steps

    @staticmethod
    def _run(conn, steps: list[_Step]) -> int:
        """Run the prepared steps in order (each dropped once run); the number of statements."""
        n = len(steps)
        steps.reverse()
        while steps:
            text, rows, arrow_rows = steps.pop()  # COPY FROM reads arrow_rows by its name
            if arrow_rows is None:
                conn.execute(text, {"rows": rows})
            else:
                conn.execute(text)
            del text, rows, arrow_rows
        return n

    def _existing_ids(self, conn, label: str, ids: list[str]) -> set[str]:
        if not ids or self._is_empty(conn, f"MATCH (n:{label}) RETURN n.{KEY} LIMIT 1"):
            return set()
        res = conn.execute(f"UNWIND $ids AS i MATCH (n:{label} {{{KEY}: i}}) RETURN n.{KEY}", {"ids": ids})
        out = set()
        while res.has_next():
            out.add(res.get_next()[0])
        return out

    def _existing_pairs(self, conn, rtype: str, a: str, b: str, rels: list[Relationship]) -> set[tuple[str, str]]:
        if self._is_empty(conn, f"MATCH (:{a})-[r:{rtype}]->(:{b}) RETURN 1 LIMIT 1"):
            return set()
        wanted = {(r.start, r.end) for r in rels}
        res = conn.execute(f"UNWIND $ids AS i MATCH (a:{a} {{{KEY}: i}})-[:{rtype}]->(b:{b}) RETURN a.{KEY}, b.{KEY}",
                           {"ids": sorted({r.start for r in rels})})
        out = set()
        while res.has_next():
            pair = tuple(res.get_next())
            if pair in wanted:
                out.add(pair)
        return out

    @staticmethod
    def _is_empty(conn, probe: str) -> bool:
        res = conn.execute(probe)
        return not res.has_next()

    def _check_endpoints(self, conn, a: str, b: str, rels: list[Relationship], written: dict[str, set[str]]) -> None:
        """COPY must never fail half-way (see write), so dangling endpoints are caught first."""
        for label, ids in ((a, {r.start for r in rels}), (b, {r.end for r in rels})):
            ids = ids - written.get(label, set())
            if not ids:
                continue
            res = conn.execute(f"UNWIND $ids AS i MATCH (n:{label} {{{KEY}: i}}) RETURN count(n)", {"ids": sorted(ids)})
            if res.get_next()[0] == len(ids):
                continue
            missing = ids - self._existing_ids(conn, label, sorted(ids))
            if missing:
                raise StoreError(f"{len(missing)} relationship endpoint(s) of label {label} do not exist, "
                                 f"e.g. {sorted(missing)[:3]}")

    def console_allowlist(self):
        from graph import cypher_guard

        return cypher_guard.EMBEDDED

    def check_console_statement(self, cypher: str) -> str:
        """The allowlist on what the user typed (for messages that point into it) and again on the
        LadybugDB text the dialect rewrite makes of it, which is what the engine runs."""
        from graph import cypher_guard

        statement = super().check_console_statement(cypher)
        cypher_guard.check(to_ladybug(statement), cypher_guard.EMBEDDED)
        return statement

    def _read(self, cypher: str, params: dict[str, Any], timeout: float | None, row_cap: int | None) -> QueryResult:
        text = to_ladybug(cypher)
        with self._lock:
            conn = self._reader()
            conn.set_query_timeout(int(timeout * 1000) if timeout else 0)
            try:
                res = conn.execute(text, params)
            except RuntimeError as e:
                self._read_conn = None  # a connection that saw a failure is not reused
                if timeout and str(e).strip().rstrip(".").lower() == "interrupted":
                    raise StoreError(f"the query timed out after {timeout:g} s (the limit for one query)") from e
                raise StoreError(f"embedded query failed: {e}") from e
            except (TypeError, ValueError, OverflowError) as e:  # a parameter the binding cannot convert
                self._read_conn = None
                raise StoreError(f"embedded query failed: a parameter could not be passed to LadybugDB: {e}") from e
            if isinstance(res, list):  # several statements: never from the console (the guard refuses them)
                for r in res:
                    r.close()
                raise StoreError("one statement at a time, please")
            columns = res.get_column_names()
            rows: list[list[Any]] = []
            truncated = False
            # the engine's own row iterator (the wrapper checks the result is open on every call), and
            # _plain only for the values it may change: on a result of 26k rows x 31 columns the
            # conversion cost more than the query
            qr = getattr(res, "_query_result", None)
            has_next, get_next = (qr.hasNext, qr.getNext) if qr is not None and not getattr(res, "as_dict", False) \
                else (res.has_next, res.get_next)
            while has_next():
                if row_cap is not None and len(rows) >= row_cap:
                    truncated = True
                    break
                rows.append([_plain(v) if isinstance(v, _CONVERTED) else v for v in get_next()])
            res.close()
        return QueryResult(columns, rows, truncated)

    def explain_is_read_only(self, cypher: str, params: dict[str, Any] | None = None) -> bool:
        with self._lock:
            try:
                res = self._conn().execute("EXPLAIN " + to_ladybug(cypher), dict(params or {}))
            except RuntimeError as e:
                if "read-only database" in str(e):  # a read-only open refuses to even plan a write
                    return False
                raise StoreError(f"query does not compile: {e}") from e
            except (TypeError, ValueError, OverflowError) as e:
                raise StoreError(f"a parameter could not be passed to LadybugDB: {e}") from e
            if isinstance(res, list):  # several statements (the guard refuses them before this)
                return False
            plan = "".join(str(r[0]) for r in [res.get_next()] if r)
        operators = _PLAN_OPERATOR.findall(plan)
        return bool(operators) and not any(_WRITE_OPERATOR.match(op) for op in operators)

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file."""
        with self._lock:
            if getattr(self, "_db", None) is not None and not self.read_only:
                self._conn().execute("CHECKPOINT")

    def clear(self) -> None:
        with self._lock:
            conn = self._conn()
            for label in self.schema.nodes:
                conn.execute(f"MATCH (n:{label}) DETACH DELETE n")
        self.write_format()  # an empty store is of this code's format

    def close(self) -> None:
        with self._lock:
            if getattr(self, "_db", None) is not None:
                self._write_conn = None
                self._read_conn = None
                self._db.close()
                self._db = None


def version_token(path: str | Path) -> str | None:
    """What identifies the database file now at ``path`` (a build swaps in a new inode)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_ino}:{st.st_mtime_ns}:{st.st_size}"


@contextmanager
def staged_build(path: str | Path, *, fresh: bool = False, schema: GraphSchema | None = None):
    """A writable store on a NEW database file beside ``path``; swapped in on success.

    The current database (if any, and unless ``fresh``) is copied to a staging file,
    the build writes there, and on success the staging file replaces ``path`` with one
    atomic rename: a reader that holds the old file keeps reading the old version until
    it reopens (the explorer notices the new file and does), and a new reader sees either
    the whole old or the whole new graph, never a half-written one. On any error the
    staging file is removed and ``path`` is untouched. Only one build at a time: a second
    is refused with the pid of the first, and so is a build while another process holds
    ``path`` open for writing.
    """
    import fcntl

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(path.name + ".lock")
    lock = open(lock_path, "a+")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.seek(0)
        other = lock.read().strip() or "?"
        lock.close()
        raise StoreError(f"another build (pid {other}) is writing {path}; wait for it to finish") from None
    try:
        lock.seek(0)
        lock.truncate()
        lock.write(str(os.getpid()))
        lock.flush()
        writers = [h for h in holders(path) if h[2]]
        if writers:
            raise StoreError(f"{path} is open for writing in another process: {_describe_holders(writers)}; "
                             "close it (or wait for it) and build again")
        stage = path.with_name(f".{path.name}.build-{os.getpid()}")
        _remove_db(stage)
        if not fresh and path.exists():
            shutil.copyfile(path, stage)
            if wal_path(path).exists():  # committed work a crashed writer left: replayed on open
                shutil.copyfile(wal_path(path), wal_path(stage))
        store = EmbeddedStore(stage, schema=schema, check_holders=False)
        try:
            yield store
            store.checkpoint()
        except BaseException:
            store.close()
            _remove_db(stage)
            raise
        store.close()
        _swap_in(stage, path)
    finally:
        lock.close()


def _remove_db(p: Path) -> None:
    for f in (p, wal_path(p)):
        f.unlink(missing_ok=True)


def _fsync(p: Path) -> None:
    fd = os.open(p, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _swap_in(stage: Path, path: Path) -> None:
    """Rename the staged database (and its .wal, normally checkpointed away) over ``path``."""
    import gc

    gc.collect()  # connections still referenced keep the engine's files open
    stage_wal = wal_path(stage)
    if stage_wal.exists() and stage_wal.stat().st_size == 0:
        stage_wal.unlink()
    _fsync(stage)
    wal_path(path).unlink(missing_ok=True)  # the old version's log must never meet the new file
    os.replace(stage, path)
    if stage_wal.exists():
        os.replace(stage_wal, wal_path(path))
    _fsync(path.parent)
