"""One store interface, two backends (Neo4j server, embedded LadybugDB).

What is common — grouping records by label and type, batching, coercing values
to the ontology's datatypes, assembling the dump — lives here once; a backend
only knows how to run statements on its engine.
"""
from __future__ import annotations

import abc
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from graph import cypher_gen
from graph.cypher_gen import (
    delete_nodes,
    delete_relationships,
    dump_nodes,
    dump_relationships,
    merge_nodes,
    merge_relationships,
)
from model.records import GraphRecords, Node, Relationship
from ontology.schema import KEY, GraphSchema, load_schema

DEFAULT_BATCH = 5000

# The format of what a build writes: the labels and properties of the ontology and the values the
# whole-store stages derive (region ranks, indicator tallies). Bump it whenever a build starts writing
# something the readers (named queries, the explorer) rely on: a store of another format is refused by
# readers with a message saying how to rebuild it (check_format), and `build` rebuilds it in full.
# 0 is a store from before formats were recorded; 1 added Region.name_rank and the indicator tallies;
# 2 ranks the regions without plans that have agencies too (agency_functions' pages).
# tests/test_store_format.py holds the schema's fingerprint next to this number, so a changed ontology
# without a bump fails there.
STORE_FORMAT = 2
# Where a store keeps its format: one node of this label (outside the ontology, so it is never
# dumped, exported or counted), id META_ID, property ``format``.
META_LABEL = "PlangraphMeta"
META_ID = "store"


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r)) for r in self.rows]


@dataclass
class WriteStats:
    nodes: int = 0
    relationships: int = 0
    statements: int = 0


@dataclass
class Statement:
    text: str
    rows: list[dict[str, Any]] = field(default_factory=list)


class StoreError(RuntimeError):
    """A store could not be reached or refused a statement; the message says which and why."""


class StoreUnavailable(StoreError):
    """The store went away (connection lost, server down): nothing more can be written.
    ``commit_unknown``: the connection broke while a commit was under way, so that
    transaction may have landed (whole) or not at all."""

    def __init__(self, message: str, *, commit_unknown: bool = False):
        super().__init__(message)
        self.commit_unknown = commit_unknown


class StoreFormatError(StoreError):
    """The store was built by another version of Plangraph than this code reads; the message says how
    to rebuild it."""


class ReadOnlyViolation(StoreError):
    """A console query that is not a pure read was refused before it ran."""


def _coerce(value: Any, datatype: str) -> Any:
    if value is None:
        return None
    if datatype == "DOUBLE":
        return float(value)
    if datatype == "INT64":
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"{value!r} is not an integer")
        return int(value)
    if datatype == "BOOLEAN":
        return bool(value)
    return str(value)


class GraphStore(abc.ABC):
    kind: str = "abstract"

    def __init__(self, schema: GraphSchema | None = None):
        self.schema = schema or load_schema()

    # --- backend primitives -------------------------------------------------
    @abc.abstractmethod
    def ensure_schema(self) -> None:
        """Create constraints / tables generated from the ontology (idempotent)."""

    @abc.abstractmethod
    def _write_transaction(self, statements: list[Statement]) -> None:
        """Run all statements in ONE transaction: all land or none does."""

    @abc.abstractmethod
    def _read(self, cypher: str, params: dict[str, Any], timeout: float | None, row_cap: int | None) -> QueryResult:
        """Run Neo4j-dialect read Cypher (a backend translates it if it must)."""

    @abc.abstractmethod
    def explain_is_read_only(self, cypher: str, params: dict[str, Any] | None = None) -> bool:
        """Ask the engine to plan the query (with its parameters: LadybugDB needs a LIMIT $n's value
        to plan), and say whether the plan only reads."""

    @abc.abstractmethod
    def clear(self) -> None:
        """Delete every node and relationship (the schema stays)."""

    @abc.abstractmethod
    def close(self) -> None: ...

    def describe(self) -> str:
        return self.kind

    # --- the store's format (STORE_FORMAT) --------------------------------------
    def stored_format(self) -> int | None:
        """The format the last build recorded, None when there is none (an older store or a new one)."""
        try:
            rows = self.read(f"MATCH (m:{META_LABEL}) WHERE m.{KEY} = $id RETURN m.format AS f",
                             {"id": META_ID}).rows
        except StoreError:  # (embedded: no meta table in a store made before formats were recorded)
            return None
        return int(rows[0][0]) if rows and rows[0][0] is not None else None

    def is_empty(self) -> bool:
        """No node of any ontology label (a label the store has no table for holds none)."""
        for label in self.schema.nodes:
            try:
                if self.read(f"MATCH (n:{label}) RETURN n.{KEY} LIMIT 1").rows:
                    return False
            except StoreError:
                continue
        return True

    def rebuild_command(self) -> str:
        return "python -m graph build --fresh"

    def format_problem(self) -> str | None:
        """Why this code cannot read the store (another format on a non-empty store), or None."""
        have = self.stored_format()
        if have == STORE_FORMAT or self.is_empty():
            return None
        have = have or 0
        if have > STORE_FORMAT:
            return (f"this graph was built by a newer Plangraph (format {have}, this code reads {STORE_FORMAT}): "
                    f"update this checkout, or rebuild it with `{self.rebuild_command()}`")
        return (f"this graph was built by an older Plangraph (format {have}, this code reads {STORE_FORMAT}): "
                f"rebuild it with `{self.rebuild_command()}`")

    def check_format(self) -> None:
        """Raise StoreFormatError when the store is of another format than this code reads."""
        problem = self.format_problem()
        if problem:
            raise StoreFormatError(problem)

    def write_format(self, fmt: int = STORE_FORMAT) -> None:
        """Record the store's format (every build does, once it has written everything)."""
        self._write_transaction([Statement(f"UNWIND $rows AS row MERGE (m:{META_LABEL} {{{KEY}: row.{KEY}}}) "
                                           "SET m.format = row.format", [{KEY: META_ID, "format": int(fmt)}])])

    def _stamp_if_empty(self) -> None:
        """A store with nothing in it is of this code's format (ensure_schema and clear end with it)."""
        if self.stored_format() != STORE_FORMAT and self.is_empty():
            self.write_format()

    def reset(self) -> None:
        """Make the store an empty one of this code's format, whatever it held (a build does this to a
        store of another format)."""
        self.clear()
        self.ensure_schema()

    # --- shared logic -------------------------------------------------------
    def grouped(self, records: GraphRecords
                ) -> tuple[dict[str, list[Node]], dict[tuple[str, str, str], list[Relationship]]]:
        """Nodes by label and relationships by (type, from label, to label), each checked
        against the ontology's closed set once per group: what every write path starts from."""
        by_label: dict[str, list[Node]] = {}
        for n in records.nodes:
            by_label.setdefault(n.label, []).append(n)
        for label in by_label:
            self.schema.node(label)
        by_type: dict[tuple[str, str, str], list[Relationship]] = {}
        for r in records.relationships:
            by_type.setdefault((r.type, r.start_label, r.end_label), []).append(r)
        for rtype, a, b in by_type:
            self.schema.check_pair(rtype, a, b)
        return by_label, by_type

    def write_statements(self, records: GraphRecords, batch_size: int = DEFAULT_BATCH) -> list[Statement]:
        """Group records by label / (type, from, to), then cut each group into UNWIND batches."""
        stmts: list[Statement] = []
        by_label, by_type = self.grouped(records)
        for label, nodes in by_label.items():
            props = self.schema.nodes[label].properties
            for chunk in _chunks(nodes, batch_size):
                rows, used = self._stable(*_rows(chunk, props, lambda n: {KEY: n.id}, f"{label} node"), props)
                stmts.append(Statement(merge_nodes(self.schema, label, used), rows))
        for (rtype, a, b), rels in by_type.items():
            props = self.schema.relationships[rtype].properties
            for chunk in _chunks(rels, batch_size):
                rows, used = self._stable(*_rows(chunk, props, lambda r: {"src": r.start, "dst": r.end},
                                                 f"{rtype} relationship"), props)
                stmts.append(Statement(merge_relationships(self.schema, rtype, a, b, used), rows))
        return stmts

    # Every declared property in every MERGE's SET (null where a row has none: coalesce keeps the
    # stored value), so that one label's statement text is the same for every plan and the
    # server plans it once (Neo4j: a new text costs 100-350 ms of planning, most of a small plan's
    # write). Not for LadybugDB, which types an all-null column STRING and refuses it for a number.
    stable_statements: bool = False

    def _stable(self, rows: list[dict[str, Any]], used: list[str], props: dict[str, str]
                ) -> tuple[list[dict[str, Any]], list[str]]:
        if not self.stable_statements:
            return rows, used
        every = sorted(props)
        for row in rows:
            for p in every:
                row.setdefault(p, None)
        return rows, every

    def write(self, records: GraphRecords, batch_size: int = DEFAULT_BATCH, *,
              before: Sequence[Statement] = (), after: Sequence[Statement] = (), release: bool = False) -> WriteStats:
        """Write a graph idempotently (MERGE on ids) in one transaction, nodes before relationships;
        ``before`` and ``after`` statements run first and last in the same transaction. ``release``:
        the caller gives the records up, and they are emptied once turned into what the engine takes
        (a very large plan's records then do not stay beside the engine's own copy)."""
        records = _taken(records, release)
        stmts = list(before) + self.write_statements(records, batch_size) + list(after)
        n_nodes, n_rels = len(records.nodes), len(records.relationships)
        if release:
            del records
        if stmts:
            self._write_transaction(stmts)
        return WriteStats(n_nodes, n_rels, len(stmts))

    # --- plans as units: replace, remove, list ------------------------------------
    def replace_plan(self, plan_id: str, records: GraphRecords, batch_size: int = DEFAULT_BATCH, *,
                     stored: set[str] | None = None, release: bool = False) -> WriteStats:
        """Write a plan so that afterwards the store holds exactly this version of it.

        In ONE transaction: delete what the stored version owns (its Plan node, policies,
        targets and every relationship touching them, SIMILAR_TO included), write the new
        records, then remove the shared nodes (regions, agencies, indicators) the old
        version linked to and nothing links to any more. A failure leaves the old version.
        """
        before, after = self._replace_statements([plan_id], stored)
        return self.write(records, batch_size, before=before, after=after, release=release)

    def _replace_statements(self, plan_ids: Sequence[str], stored: set[str] | None
                            ) -> tuple[list[Statement], list[Statement]]:
        """The deletes that run before a plan's new records and the orphan removals after them."""
        old = [p for p in plan_ids if stored is None or p in stored]
        if not old:
            return [], []
        candidates: dict[str, set[str]] = {}
        for pid in old:
            for label, ids in self.shared_neighbours(pid).items():
                candidates.setdefault(label, set()).update(ids)
        rows = [{"plan": p} for p in old]
        before = [Statement(t, rows) for t in cypher_gen.delete_plan(self.schema)]
        return before, self._orphan_statements({k: sorted(v) for k, v in candidates.items()})

    @contextmanager
    def bulk(self):
        """A build's many writes (a backend may defer housekeeping, e.g. checkpoints, to the end)."""
        yield self

    # Plans a build writes together in one transaction (their records summed; 0 = one transaction
    # per plan). A batch holds only whole plans, and the build writes each plan of a batch that
    # failed again alone (pipeline/build.py), so a bad plan still fails alone and every plan stays
    # replaceable on its own.
    plan_batch_records: int = 0

    def replace_plans(self, plans: Sequence[tuple[str, GraphRecords]], stored: set[str] | None = None,
                      batch_size: int = DEFAULT_BATCH, *, release: bool = False) -> list[WriteStats]:
        """replace_plan for several plans in ONE transaction: the stored versions' deletes first,
        the new records of all of them together (large groups: few statements, and on the embedded
        store groups large enough for COPY FROM), the orphaned shared nodes last. All land or none
        does. ``stored``: the plan ids the store holds now (those not in it need no delete and have
        no orphans to look for). ``release``: the caller gives up the records of a single plan (see
        write)."""
        if len(plans) == 1 or not self.plan_batch_records:
            release = release and len(plans) == 1
            return [self.replace_plan(pid, rec, batch_size, stored=stored, release=release) for pid, rec in plans]
        stats = []
        merged = GraphRecords()
        for _, rec in plans:
            d = rec.deduplicated()
            stats.append(WriteStats(len(d.nodes), len(d.relationships), 0))
            merged.nodes.extend(d.nodes)
            merged.relationships.extend(d.relationships)
        before, after = self._replace_statements([pid for pid, _ in plans], stored)
        total = self.write(merged, batch_size, before=before, after=after)
        for st in stats:
            st.statements = total.statements
        return stats

    def remove_plan(self, plan_id: str) -> None:
        """Delete a plan and whatever it alone linked to (one transaction)."""
        self.replace_plan(plan_id, GraphRecords())

    def shared_neighbours(self, plan_id: str) -> dict[str, list[str]]:
        out = {}
        for label, q in cypher_gen.plan_shared_neighbours(self.schema).items():
            out[label] = sorted({r[0] for r in self.read(q, {"plan": plan_id}).rows if r[0] is not None})
        return out

    def _orphan_statements(self, candidates: dict[str, list[str]]) -> list[Statement]:
        stmts = []
        # agencies before regions (OF_REGION), and regions three times: a county's removal
        # can leave its prefecture, then its province, without links
        for label in ("Agency", "Indicator", "Region", "Region", "Region"):
            ids = candidates.get(label)
            if ids:
                stmts.append(Statement(cypher_gen.delete_orphans(self.schema, label), [{"id": i} for i in ids]))
        return stmts

    def stored_plans(self) -> dict[str, str | None]:
        """plan id -> source file name of every Plan in the store."""
        return {r[0]: r[1] for r in self.read(cypher_gen.stored_plans(self.schema)).rows}

    def plan_hashes(self) -> dict[str, str | None]:
        """plan id -> the content hash its build stored (pipeline/build.py skips an unchanged plan)."""
        return {r[0]: r[1] for r in self.read("MATCH (p:Plan) RETURN p.id AS id, p.content_hash AS h").rows}

    def settle_shared(self, records: GraphRecords, batch_size: int = DEFAULT_BATCH) -> None:
        """Make the shared nodes of ``records`` hold exactly their properties (nulls too) and
        their regions exactly the PART_OF parents the records give: after plans were
        replaced or removed, what a fresh build of the same plans would have stored.
        ``records`` is every built plan's records merged in build order."""
        by_label: dict[str, list[Node]] = {}
        for n in records.nodes:
            if n.label in cypher_gen.SHARED_INCOMING:
                by_label.setdefault(n.label, []).append(n)
        stmts = []
        for label, nodes in by_label.items():
            props = self.schema.nodes[label].properties
            for chunk in _chunks(nodes, batch_size):
                rows, used = _rows(chunk, props, lambda n: {KEY: n.id}, f"{label} node")
                nulls = sorted(set(props) - set(used))
                stmts.append(Statement(cypher_gen.set_exactly(self.schema, label, used, nulls), rows))
        parents: dict[str, set[str]] = {}
        for r in records.relationships:
            if r.type == "PART_OF":
                parents.setdefault(r.start, set()).add(r.end)
        if parents:
            stmts.append(Statement(cypher_gen.prune_part_of(self.schema),
                                   [{"child": c, "parents": sorted(ps)} for c, ps in sorted(parents.items())]))
        if stmts:
            self._write_transaction(stmts)

    def write_one_per_transaction(self, records: GraphRecords) -> WriteStats:
        """The slow classic path (one MERGE, one transaction per record); kept for the benchmark."""
        records = records.deduplicated()
        stmts = self.write_statements(records, batch_size=1)
        for s in stmts:
            self._write_transaction([s])
        return WriteStats(len(records.nodes), len(records.relationships), len(stmts))

    def delete(self, relationships: Iterable[tuple[str, str, str, str, str]] = (),
               nodes: Iterable[tuple[str, str]] = (), batch_size: int = DEFAULT_BATCH) -> int:
        """Delete relationships (type, start id, start label, end id, end label) and nodes
        (label, id) with their relationships, in one transaction; what a stage that derives
        records from the whole store (indicator resolution) uses to replace its earlier output."""
        by_rel: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for rtype, src, a, dst, b in relationships:
            by_rel.setdefault((rtype, a, b), []).append({"src": src, "dst": dst})
        by_label: dict[str, list[dict[str, Any]]] = {}
        for label, node_id in nodes:
            by_label.setdefault(label, []).append({KEY: node_id})
        stmts = []
        for (rtype, a, b), rows in sorted(by_rel.items()):
            for chunk in _chunks(rows, batch_size):
                stmts.append(Statement(delete_relationships(self.schema, rtype, a, b), chunk))
        for label, rows in sorted(by_label.items()):
            for chunk in _chunks(rows, batch_size):
                stmts.append(Statement(delete_nodes(self.schema, label), chunk))
        if stmts:
            self._write_transaction(stmts)
        return sum(len(s.rows) for s in stmts)

    def read(self, cypher: str, params: dict[str, Any] | None = None, *, timeout: float | None = None,
             row_cap: int | None = None) -> QueryResult:
        return self._read(cypher, dict(params or {}), timeout, row_cap)

    def console_allowlist(self):
        """The read functions and procedures user-typed Cypher may call on this backend."""
        from graph import cypher_guard

        return cypher_guard.NEO4J

    def check_console_statement(self, cypher: str) -> str:
        """The clause allowlist (graph/cypher_guard.py): the statement to run, or CypherRefused."""
        from graph import cypher_guard

        return cypher_guard.check(cypher, self.console_allowlist())

    def read_only_query(self, cypher: str, params: dict[str, Any] | None = None, *, timeout: float = 10.0,
                        row_cap: int = 1000) -> QueryResult:
        """For user-typed Cypher, three layers: a single statement of read clauses only (the
        allowlist in graph/cypher_guard.py, refused with CypherRefused), then the planner must call
        it a read (EXPLAIN), then it runs read-only with a timeout and a row cap."""
        from graph import cypher_guard

        statement = self.check_console_statement(cypher)
        params = dict(params or {})
        try:
            cypher_guard.check_params(params)
        except ValueError as e:
            raise StoreError(str(e)) from None
        if not self.explain_is_read_only(statement, params):
            raise ReadOnlyViolation("refused: this query would write to the graph; the console only reads")
        return self._read_guarded(statement, params, timeout, row_cap)

    def _read_guarded(self, cypher: str, params: dict[str, Any], timeout: float, row_cap: int) -> QueryResult:
        return self._read(cypher, params, timeout, row_cap)

    def query(self, name: str, params: dict[str, Any] | None = None, *, row_cap: int | None = None) -> QueryResult:
        """Run a named query from queries/ with its declared defaults filled in."""
        from graph.queries import get_query

        q = get_query(name)
        bound = q.bind(params or {})
        return self.read(q.text_for(bound), bound, row_cap=row_cap)

    def counts(self) -> dict[str, int]:
        out = {}
        for label in self.schema.nodes:
            out[label] = self.read(f"MATCH (n:{label}) RETURN count(n) AS c").rows[0][0]
        for rt in self.schema.relationships.values():
            total = 0
            for a, b in rt.pairs:
                total += self.read(f"MATCH (:{a})-[r:{rt.type}]->(:{b}) RETURN count(r) AS c").rows[0][0]
            out[rt.type] = total
        return out

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        """The whole graph as plain JSON-able data, ordered so two stores compare equal."""
        nodes = []
        for label in self.schema.nodes:
            res = self.read(dump_nodes(self.schema, label))
            for rec in res.records():
                node_id = rec.pop(KEY)
                nodes.append({"id": node_id, "label": label,
                              "properties": {k: v for k, v in rec.items() if v is not None}})
        rels = []
        for rt in self.schema.relationships.values():
            for a, b in rt.pairs:
                res = self.read(dump_relationships(self.schema, rt.type, a, b))
                for rec in res.records():
                    start, end = rec.pop("src"), rec.pop("dst")
                    rels.append({"type": rt.type, "start": start, "end": end,
                                 "properties": {k: v for k, v in rec.items() if v is not None}})
        nodes.sort(key=lambda n: (n["label"], n["id"]))
        rels.sort(key=lambda r: (r["type"], r["start"], r["end"]))
        return {"nodes": nodes, "relationships": rels}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_CONVERT = {"STRING": str, "DOUBLE": float, "BOOLEAN": bool}


def columns(items, props: dict[str, str], key_of, what: str) -> dict[str, list[Any]]:
    """Column-wise values coerced to the ontology's datatypes (the fast path for bulk loads)."""
    allowed = set(props)
    for item in items:
        if not allowed.issuperset(item.properties):
            extra = sorted(set(item.properties) - allowed)
            raise ValueError(f"{what} {key_of(item)} has properties {extra} the ontology does not declare")
    out: dict[str, list[Any]] = {}
    for p, dtype in props.items():
        raw = [item.properties.get(p) for item in items]
        conv = _CONVERT.get(dtype)
        try:
            if dtype == "STRING":
                out[p] = [v if v is None or type(v) is str else str(v) for v in raw]
            elif dtype == "INT64":
                out[p] = [v if v is None or type(v) is int else _coerce(v, dtype) for v in raw]
            elif conv is not None:
                out[p] = [None if v is None else conv(v) for v in raw]
            else:
                out[p] = [_coerce(v, dtype) for v in raw]
        except (TypeError, ValueError):
            for item in items:  # find the culprit for a message that names it
                try:
                    _coerce(item.properties.get(p), dtype)
                except (TypeError, ValueError) as e:
                    raise ValueError(f"{what} {key_of(item)}: property {p}={item.properties.get(p)!r} "
                                     f"is not {dtype}: {e}") from None
            raise
    return out


def _taken(records: GraphRecords, release: bool) -> GraphRecords:
    """The records deduplicated; with ``release`` the caller's object is emptied, so that the
    returned one holds the only references (and dropping it frees them)."""
    out = records.deduplicated()
    if release:
        records.nodes, records.relationships = [], []
    return out


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), max(1, size)):
        yield items[i:i + size]


def _rows(items, props: dict[str, str], key_of, what: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows with every property coerced to its datatype; only properties some row sets are SET.

    Leaving out a property no row of the batch carries matters for LadybugDB, which
    would otherwise type an all-null column as STRING and refuse it for a number.
    """
    used: set[str] = set()
    rows = []
    for item in items:
        extra = set(item.properties) - set(props)
        if extra:
            raise ValueError(f"{what} {key_of(item)} has properties {sorted(extra)} the ontology does not declare")
        row = key_of(item)
        for p, v in item.properties.items():
            try:
                row[p] = _coerce(v, props[p])
            except (TypeError, ValueError) as e:
                raise ValueError(f"{what} {key_of(item)}: property {p}={v!r} is not {props[p]}: {e}") from None
            if row[p] is not None:
                used.add(p)
        rows.append(row)
    cols = sorted(used)
    # one key order for every row (keys first, then the properties in name order), whatever order
    # each record gave its properties in: LadybugDB types $rows as a list of one STRUCT and refuses
    # rows whose fields come in another order ("STRUCT(id, a INT8, b) is incompatible with
    # STRUCT(id, b ANY, a ANY)")
    rows = [{**{k: row[k] for k in row if k not in props}, **{p: row.get(p) for p in cols}} for row in rows]
    return rows, cols
