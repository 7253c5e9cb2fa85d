"""`python -m graph` / `plangraph`: build, dump, query, parse and export from the command line."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graph.config import DEFAULT_DB, DEFAULT_PLANS, STORE_KINDS, open_build_store, open_store
from graph.queries import QueryError, all_queries, get_query
from graph.result_tables import to_csv_bytes, to_text, to_xlsx_bytes, write_table
from graph.store import QueryResult, StoreError
from linking.indicators import suggestions, unaligned
from loaders import parse_plan
from loaders.junk import body_dropped
from ontology.rdf_export import serialize
from pipeline.build import build, parse_large_before
from pipeline.indicators import store_mentions


def _store_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", choices=STORE_KINDS, default="embedded", help="embedded LadybugDB (default) or Neo4j")
    p.add_argument("--db", type=Path, default=None, help=f"embedded database file (default {DEFAULT_DB})")


@contextmanager
def _reading(a) -> Iterator:
    """The store a reading command opens (embedded: read-only), refused with a clear message when
    another version of Plangraph built it (GraphStore.check_format)."""
    with open_store(a.store, db_path=a.db, read_only=a.store == "embedded") as store:
        store.check_format()
        yield store


def _params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise SystemExit(f"--param wants k=v, got {pair!r}")
        k, v = pair.split("=", 1)
        out[k.strip()] = v
    return out


def _every_region(store, name: str, params: dict[str, Any]) -> dict[str, Any]:
    """A named query that pages regions (region_limit, default 20, for the explorer) answers the command
    line for every region unless the user pages: an export of `instrument_mix` is of the whole store."""
    try:
        declared = {p.name for p in get_query(name).params}
    except QueryError:
        return params                        # an unknown name: store.query says so
    if "region_limit" in params or "region_limit" not in declared:
        return params
    every = max(1, store.read("MATCH (r:Region) RETURN count(r) AS n").rows[0][0])
    return {**params, "region_limit": str(every)}


def cmd_build(a) -> int:
    from contextlib import nullcontext

    # a fresh build's very large plans are parsed (in child processes) before the store is opened
    with parse_large_before(a.plans) if a.fresh else nullcontext(None) as parsed, \
            open_build_store(a.store, db_path=a.db, fresh=a.fresh) as store:
        report = build(a.plans, store, similarity=a.similarity, progress=not a.quiet, keep_missing=a.keep_missing,
                       parsed=parsed)
        print(f"store: {store.describe()}")
    print_report(report)
    return 1 if report.failed or report.aborted else 0


def print_report(report) -> None:
    for p in report.plans:
        status = f"FAILED: {p.error}" if p.error else f"{p.nodes} nodes, {p.relationships} relationships"
        if p.unchanged:
            status += ", unchanged (not written)"
        done = "" if p.error else f"  (dropped {p.dropped}, repairs {p.repairs})"
        print(f"  {p.file}: {p.plan_id or '-'}  {status}{done}")
        if p.kept:
            print(f"      the stored version stays: {p.kept}")
        for c in p.checks:
            print(f"      check: {c}")
    for pid, _src, why in report.removed:
        print(f"removed {pid} ({why})")
    for pid, src in report.kept_missing:
        print(f"kept {pid}: its file {src} is gone, kept because of --keep-missing")
    for f in report.unlisted:
        print(f"not built: {f} is in the folder but not in plans.toml (add a [[plan]] entry to build it)")
    if report.indicators:
        r = report.indicators
        print(f"indicators: {r.concepts} concepts ({r.shared} stated by two or more plans), {r.moved} targets "
              f"re-pointed, {r.removed} indicator nodes merged away, {r.pairs_scored} pairs scored by {r.method} "
              f"in {r.seconds:.1f} s")
    if report.similarity_method:
        print(f"similarity: {report.similar_links} SIMILAR_TO links by method {report.similarity_method}")
    if report.reset:
        print(f"rebuilt in full: {report.reset}")
    if report.aborted:
        print(f"build stopped: {report.aborted}")
    unchanged = sum(1 for p in report.plans if p.unchanged)
    if unchanged:
        print(f"{unchanged} plan(s) unchanged since the last build: not parsed or written again")
    print(f"built {len(report.plans) - len(report.failed)}/{len(report.plans)} plans, "
          f"{report.characters} characters in {report.seconds:.1f} s")


def cmd_dump(a) -> int:
    with _reading(a) as store:
        data = store.dump()
    Path(a.out).write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"wrote {len(data['nodes'])} nodes and {len(data['relationships'])} relationships to {a.out}")
    return 0


def cmd_query(a) -> int:
    if a.list:
        for q in all_queries().values():
            params = ", ".join(f"{p.name}:{p.type}" + ("" if p.required else f"={p.default!r}") for p in q.params)
            print(f"{q.name}({params})\n    {q.purpose}\n    -> {', '.join(q.columns)}")
        return 0
    if not a.name:
        raise SystemExit("query: give a NAME or --list")
    with _reading(a) as store:
        res = store.query(a.name, _every_region(store, a.name, _params(a.param)))
    if a.format == "json":
        print(json.dumps(res.records(), ensure_ascii=False, indent=1))
    elif a.format == "csv":
        sys.stdout.write(to_csv_bytes(res).decode("utf-8-sig"))
    else:
        print(to_text(res))
    return 0


def cmd_parse(a) -> int:
    meta = json.loads(a.meta) if a.meta else None
    doc = parse_plan(Path(a.file), meta)
    out = doc.to_json()
    out["body_dropped"] = body_dropped(doc)     # what of the body the junk pass dropped (goal: 0)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


def cmd_export(a) -> int:
    out = Path(a.out)
    with _reading(a) as store:
        if a.format in ("csv", "xlsx"):
            if not a.query:
                raise SystemExit("export --format csv|xlsx needs --query NAME")
            write_table(store.query(a.query, _every_region(store, a.query, _params(a.param))), a.format, out)
        else:
            out.write_bytes(serialize(store.dump(), a.format))
    print(f"wrote {out}")
    return 0


def cmd_indicators(a) -> int:
    """Curation help for indicator concepts (see ontology/vocab/indicator_alignment.csv)."""
    with _reading(a) as store:
        mentions = store_mentions(store)
    if a.suggest:
        rows = suggestions(mentions, limit=a.limit)
        cols = ["score", "kind", "a", "a_regions", "b", "b_regions", "why_apart"]
    else:
        rows = unaligned(mentions)[: a.limit]
        cols = ["concept", "name", "kind", "targets", "written"]
    res = QueryResult(cols, [[("、".join(r[c]) if isinstance(r[c], list) else r[c]) for c in cols] for r in rows])
    if a.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif a.format == "csv":
        sys.stdout.write(to_csv_bytes(res).decode("utf-8-sig"))
    else:
        print(to_text(res))
        if a.suggest:
            print("\naccept a pair with a `same,a,b` row, reject it with `not_same,a,b`, in "
                  "ontology/vocab/indicator_alignment.csv; then rebuild")
    return 0


def cmd_compare(a) -> int:
    """The comparison matrix of chosen regions and a domain as a tidy CSV, XLSX or RDF Data Cube."""
    from graph.matrix import build_matrix, to_data_cube

    regions = [r.strip() for r in (a.regions or "").split(",") if r.strip()]
    with _reading(a) as store:
        # no region chosen: every region, as one page as long as the regions (the query's default page is 20)
        every = max(1, store.read("MATCH (r:Region) RETURN count(r) AS n").rows[0][0])
        rows = store.query("compare_matrix", {"regions": regions, "domain": a.domain or "",
                                              "region_limit": every}).records()
    matrix = build_matrix(rows, regions or None)
    if a.format == "ttl":
        data = to_data_cube(matrix)
    elif a.format in ("csv", "xlsx"):
        cols, body = matrix.tidy()
        res = QueryResult(cols, body)
        data = to_csv_bytes(res) if a.format == "csv" else to_xlsx_bytes(res, sheet="comparison")
    else:
        cols, body = matrix.table()
        data = (to_text(QueryResult(cols, body)) + "\n").encode("utf-8")
    if a.out:
        Path(a.out).write_bytes(data)
        print(f"wrote {len(matrix.rows)} indicators x {len(matrix.regions)} regions to {a.out}")
    else:
        sys.stdout.buffer.write(data)
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    ap = argparse.ArgumentParser(prog="python -m graph", description="Plangraph: Chinese plans as a knowledge graph")
    sub = ap.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("build", help="parse, map and write every plan in --plans")
    p.add_argument("--plans", type=Path, default=DEFAULT_PLANS)
    p.add_argument("--similarity", choices=("auto", "lexical", "embedding", "none"), default="auto")
    p.add_argument("--fresh", action="store_true", help="empty the store first")
    p.add_argument("--keep-missing", action="store_true",
                   help="keep stored plans whose files left the folder (by default they are removed)")
    p.add_argument("--quiet", action="store_true")
    _store_args(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("dump", help="the whole graph as JSON")
    p.add_argument("--out", required=True)
    _store_args(p)
    p.set_defaults(func=cmd_dump)

    p = sub.add_parser("query", help="run a named query from queries/")
    p.add_argument("name", nargs="?")
    p.add_argument("--list", action="store_true")
    p.add_argument("--param", action="append", metavar="K=V")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _store_args(p)
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("parse", help="print the structured document of a plan file as JSON")
    p.add_argument("file")
    p.add_argument("--meta", help="metadata as JSON (otherwise from plans.toml beside the file)")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("export", help="a named query as CSV/XLSX, or the whole graph as RDF")
    p.add_argument("--format", choices=("csv", "xlsx", "ttl", "jsonld"), required=True)
    p.add_argument("--query")
    p.add_argument("--param", action="append", metavar="K=V")
    p.add_argument("--out", required=True)
    _store_args(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("indicators", help="indicator concepts to curate: near pairs left apart, or unshared ones")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--suggest", action="store_true", help="near pairs of different plans left as two concepts")
    g.add_argument("--unaligned", action="store_true", help="concepts only one plan states")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _store_args(p)
    p.set_defaults(func=cmd_indicators)

    p = sub.add_parser("compare", help="the indicators x regions matrix as tidy CSV/XLSX or an RDF Data Cube")
    p.add_argument("--regions", help="comma-separated region names (default: all)")
    p.add_argument("--domain", help="a domain id (domain:childcare) or name (default: any)")
    p.add_argument("--format", choices=("table", "csv", "xlsx", "ttl"), default="table")
    p.add_argument("--out", help="file to write (default: standard output)")
    _store_args(p)
    p.set_defaults(func=cmd_compare)

    a = ap.parse_args(argv)

    try:
        return a.func(a)
    except StoreError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except ValueError as e:  # LoaderError, QueryError, SchemaError are ValueErrors with a clear message
        print(f"error: {e}", file=sys.stderr)
        return 2
