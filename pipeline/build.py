"""The whole pipeline: plan files -> parsed documents -> ontology records -> store -> similarity links.

A build makes the store hold exactly the plans of the folder, whatever it held before:

* a plan whose content hash (file bytes, plans.toml entry, build version) is the one its stored
  Plan node carries is neither parsed nor written: what later stages need of it comes from the
  plan cache (``PlanCache``, by content hash);
* every other plan is parsed and mapped before anything is written, then written with
  ``store.replace_plans`` — per plan, the deletes of what its stored version owns (policies,
  targets, their links and SIMILAR_TO), its new records, and the removal of the regions,
  agencies and indicators nothing links to any more; the embedded store writes a batch of
  plans in one transaction (COPY FROM for the new rows), and a batch that fails is written
  again one plan per transaction. A plan that fails (unreadable file, bad plans.toml entry,
  bad record) leaves its stored version as it was, and the others still land;
* plans in the store whose file left the folder (or its plans.toml entry) are removed,
  unless ``keep_missing``; a plan whose file now yields another plan id replaces it;
* the shared nodes get exactly the properties a fresh build of the same plans gives
  (``store.settle_shared``), the regions their rank in name order (``pipeline.regions``: the
  named queries' region pages), indicator resolution (``resolve_indicators``) then lines up the
  indicators of every plan in the store, and SIMILAR_TO is recomputed over every plan of the
  folder (unchanged ones from their cached token counts) and brought in line, so a rebuild or
  an incremental build gives the same store as a fresh build of the same files;
* a store that goes away (a lost Neo4j connection) stops the build at once: the plans
  not yet written are reported as such, with the reason;
* a store of another format than this code writes (``graph.store.STORE_FORMAT``: an older
  Plangraph built it) is emptied first and built from the folder alone, as with ``--fresh``
  (``report.reset`` says so); with ``keep_missing`` the build is refused instead, since the stored
  plans cannot be kept. Every build that writes everything ends by recording the format;
* a very large plan file (``ISOLATE_PARSE_BYTES``) is parsed and mapped in a child process,
  whose fragmented heap goes back to the system when it exits (``map_plan_isolated``).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from graph.config import CACHE_DIR
from graph.store import STORE_FORMAT, GraphStore, StoreFormatError, StoreUnavailable, WriteStats
from linking.similarity import IndexState, PlanVectors, lexical_links, link_similar, plan_vectors, similar_to
from loaders import parse_plan, scan_plans
from loaders.metafile import PlanEntry
from model.document import ParsedDocument
from model.heap import clear_text_memos, release_heap
from model.records import GraphRecords
from model.texts import PolicyText
from ontology.mapping import map_document, policy_texts
from pipeline.indicator_counts import count_indicators
from pipeline.indicators import ResolutionReport, resolve_indicators
from pipeline.regions import rank_regions

log = logging.getLogger(__name__)

# labels whose nodes several plans share (their final properties are settled after the plans)
_SHARED = ("Region", "Agency", "Indicator")


@dataclass
class PlanOutcome:
    file: str
    plan_id: str | None = None
    nodes: int = 0
    relationships: int = 0
    error: str | None = None
    dropped: int = 0
    repairs: int = 0
    checks: list[str] = field(default_factory=list)
    kept: str | None = None  # the stored version left in place when this plan failed
    unchanged: bool = False  # same content hash as the stored version: not parsed or written again


@dataclass
class BuildReport:
    plans: list[PlanOutcome] = field(default_factory=list)
    similarity_method: str | None = None
    similar_links: int = 0
    indicators: ResolutionReport | None = None
    seconds: float = 0.0
    characters: int = 0
    removed: list[tuple[str, str | None, str]] = field(default_factory=list)  # (plan id, file, why)
    kept_missing: list[tuple[str, str | None]] = field(default_factory=list)  # --keep-missing
    unlisted: list[str] = field(default_factory=list)  # plan files in the folder, not in plans.toml
    aborted: str | None = None  # why the build stopped before every plan was written
    reset: str | None = None  # the store was of another format: emptied and built from the folder alone
    # where the time went (seconds), and what the plan writes wrote (the real write path's records/s)
    timings: dict[str, float] = field(default_factory=dict)
    records_written: int = 0

    @property
    def failed(self) -> list[PlanOutcome]:
        return [p for p in self.plans if p.error]


class NoPlanText(ValueError):
    """A file whose text, once web junk is removed, holds nothing a plan is made of."""


_SENTENCE = re.compile(r"[\u3400-\u9fff][^\n]{8,}?[。！？；]")


def check_plan_text(doc, path: Path) -> None:
    """Refuse a file that is only web junk: no measure, no table and no sentence left."""
    if doc.measures or doc.tables or _SENTENCE.search(doc.text):
        return
    raise NoPlanText(f"{path.name}: no plan text found (after removing {len(doc.dropped)} junk line(s), "
                     f"{len(doc.text)} characters are left with no measure, table or sentence)")


def map_plan(path: Path, meta: dict | None = None) -> tuple[ParsedDocument, GraphRecords]:
    """Parse and map one plan file; returns (document, records). Raises on bad input."""
    doc = parse_plan(path, meta)
    check_plan_text(doc, path)
    if len(doc.text) > LARGE_PLAN_CHARS:
        # the parse's memo tables (cells, lines) are no use to the mapping: emptied, their heap
        # takes the records instead of new heap on top of it (a very large plan's peak)
        clear_text_memos(("loaders",))
    return doc, map_document(doc)


def plan_products(path: Path, meta: dict | None, digest: str) -> tuple[PlanProducts, GraphRecords]:
    """Parse and map one plan file: what the later stages need of it, and its records (the Plan
    node carrying ``digest``, its content hash). Raises on bad input."""
    doc, records = map_plan(path, meta)
    pid = doc.meta.plan_id
    for n in records.nodes:
        if n.label == "Plan" and n.id == pid:
            n.properties["content_hash"] = digest
    prod = PlanProducts.of(doc, records, digest, counts=(0, 0))
    # The document is released before the write: on a very large plan it (text, offset maps,
    # parts) weighs more than its records, and the store's write has its own peak. So are
    # the mapping's memo tables, and the records are counted (deduplicated) only then, in
    # the heap the document freed.
    del doc
    if prod.characters > LARGE_PLAN_CHARS:
        clear_text_memos()
        _release_memory()
    prod.counts = record_counts(records)
    return prod, records


# A plan file of at least this many bytes is parsed and mapped in a child process of its own
# (PLANGRAPH_ISOLATE_PARSE_MB, megabytes; 0 = never). A very large plan's parse leaves Python's
# small-object heap fragmented: at 30 MB ~520 MB of arenas with under 90 MB live in them when the
# engine's write starts, which the engine cannot reuse. The child's heap goes back whole when it
# exits; the parent reads the records back from a file, compactly, and writes them.
ISOLATE_PARSE_BYTES = int(float(os.environ.get("PLANGRAPH_ISOLATE_PARSE_MB", "4")) * 1_000_000)


_DUMP_BATCH = 20_000  # records per pickle.dump of the hand-back (see write_products)


def write_products(prod: PlanProducts, records: GraphRecords, out: Path) -> None:
    """In the child: ``prod`` and ``records`` pickled to ``out`` in batches, one pickle.dump each
    (read back by _load_products). One dump of millions of records would keep every record's
    pickled state alive in the pickler's memo until its end; a batch's goes when the batch is
    written. ``prod.shared`` is not written: it is the records' shared nodes and PART_OF
    relationships, the same objects, rebuilt from the records read back."""
    import dataclasses

    with open(out, "wb") as f:
        pickle.dump(dataclasses.replace(prod, shared=GraphRecords()), f, protocol=pickle.HIGHEST_PROTOCOL)
        for kind, items in (("n", records.nodes), ("r", records.relationships)):
            for i in range(0, len(items), _DUMP_BATCH):
                pickle.dump((kind, items[i:i + _DUMP_BATCH]), f, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(None, f, protocol=pickle.HIGHEST_PROTOCOL)


def _parse_in_child(path: Path, meta: dict | None, digest: str, out: Path) -> None:
    """plan_products in a child process (``python -m pipeline.parse_child``: a fresh interpreter,
    nothing of the parent's heap shared or copied), written to ``out`` (write_products). The
    parent waits for the child, so the two peaks never stack: while the child parses, the parent
    holds only what it held before. A failure in the child is raised here as the same exception
    (the child pickles it to ``out.err``); a child that dies without one raises RuntimeError."""
    import subprocess
    import sys

    args, err = out.with_name(out.name + ".in"), out.with_name(out.name + ".err")
    with open(args, "wb") as f:
        pickle.dump((meta, digest, logging.getLogger().getEffectiveLevel()), f)
    root = str(Path(__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
    try:
        rc = subprocess.run([sys.executable, "-m", "pipeline.parse_child", str(path), str(out), str(args)],
                            env=env, stdin=subprocess.DEVNULL).returncode
        if err.exists():
            with open(err, "rb") as f:
                raise pickle.load(f)
        if rc != 0:
            out.unlink(missing_ok=True)
            raise RuntimeError(f"parsing {path.name} in a child process failed (exit status {rc})")
    finally:
        args.unlink(missing_ok=True)
        err.unlink(missing_ok=True)


def _load_products(out: Path) -> tuple[PlanProducts, GraphRecords]:
    """What write_products wrote (the file is deleted)."""
    records = GraphRecords()
    try:
        with open(out, "rb") as f:
            prod = pickle.load(f)
            ids: dict[str, str] = {}
            while (batch := pickle.load(f)) is not None:
                kind, items = batch
                if kind == "n":
                    records.nodes.extend(items)
                    ids.update((n.id, n.id) for n in items)
                else:  # the ids of relationships are the nodes' strings again, not copies of them
                    for r in items:
                        r.start = ids.get(r.start, r.start)
                        r.end = ids.get(r.end, r.end)
                    records.relationships.extend(items)
                del batch, items
            del ids
    finally:
        out.unlink(missing_ok=True)
    prod.shared = GraphRecords([n for n in records.nodes if n.label in _SHARED],
                               [r for r in records.relationships if r.type == "PART_OF"])
    return prod, records


def map_plan_isolated(path: Path, meta: dict | None, digest: str) -> tuple[PlanProducts, GraphRecords]:
    """plan_products in a child process (_parse_in_child), handed back through a temporary file."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="plangraph-parse-") as d:
        out = Path(d) / "products.pkl"
        _parse_in_child(path, meta, digest, out)
        return _load_products(out)


def _parse_large_first(plans_dir: Path, store: GraphStore | None, isolate_bytes: int, folder: Path
                       ) -> dict[tuple[int, str | None], tuple[str, Path | Exception]]:
    """Parse the plan files of ``isolate_bytes`` or more that are not unchanged in child processes,
    one at a time, before the build's write path loads its libraries (pyarrow and pandas, ~110 MB
    that would sit beside each child otherwise); each child's products wait in ``folder`` until
    the plan's turn. Returns (entry position, file) -> (content hash, products file or the
    exception the child raised, raised again at the plan's turn). ``store`` None: a build into an
    empty store (nothing unchanged), before the store is opened (parse_large_before)."""
    entries, _ = scan_plans(plans_dir)
    big = [(pos, e) for pos, e in enumerate(entries) if not e.error and e.path is not None
           and e.path.is_file() and e.path.stat().st_size >= isolate_bytes]
    if not big:
        return {}
    stored: dict[str, str | None] = {}
    hashes: dict[str, str | None] = {}
    if store is not None:
        store.ensure_schema()
        stored = store.stored_plans()
        hashes = {} if store.format_problem() else store.plan_hashes()  # (a store of another format is emptied)
    out: dict[tuple[int, str | None], tuple[str, Path | Exception]] = {}
    for pos, e in big:
        assert e.path is not None
        digest = content_hash(e.path, e.meta)
        if any(hashes.get(pid) == digest for pid, src in stored.items() if src == e.file):
            continue  # unchanged: the build takes it from the plan cache (or parses it at its turn)
        path = folder / f"{pos}.pkl"
        try:
            _parse_in_child(e.path, e.meta, digest, path)
            out[(pos, e.file)] = (digest, path)
        except Exception as ex:  # (reported at the plan's turn, as a failure of that plan)
            out[(pos, e.file)] = (digest, ex)
    return out


@contextmanager
def parse_large_before(plans_dir: Path, isolate_bytes: int | None = None):
    """For a build into an empty store (``--fresh``): the plan files of ``isolate_bytes`` or more
    (default ISOLATE_PARSE_BYTES) parsed in child processes before the store is opened, so that the
    waiting build holds no open database beside them; yields what ``build(parsed=...)`` takes."""
    import tempfile

    isolate = ISOLATE_PARSE_BYTES if isolate_bytes is None else isolate_bytes
    with tempfile.TemporaryDirectory(prefix="plangraph-parse-") as d:
        yield _parse_large_first(Path(plans_dir), None, isolate, Path(d)) if isolate else {}


def build(plans_dir: Path, store: GraphStore, *, similarity: str = "auto", progress: bool = True,
          batch_size: int = 5000, keep_missing: bool = False, indicators: bool = True,
          cache_dir: Path | None = CACHE_DIR, isolate_bytes: int | None = None,
          parsed: dict[tuple[int, str | None], tuple[str, Path | Exception]] | None = None) -> BuildReport:
    """Build the plans of ``plans_dir`` into ``store`` (see the module docstring); ``cache_dir``
    holds the plan cache (``plans/``) an incremental build reads unchanged plans from; a plan file
    of ``isolate_bytes`` or more (default ISOLATE_PARSE_BYTES; 0 = none) is parsed in a child process."""
    import tempfile

    started = time.perf_counter()
    isolate = ISOLATE_PARSE_BYTES if isolate_bytes is None else isolate_bytes
    with tempfile.TemporaryDirectory(prefix="plangraph-parse-") as d:
        if parsed is None:
            parsed = _parse_large_first(Path(plans_dir), store, isolate, Path(d)) if isolate else {}
        early = time.perf_counter() - started if parsed else 0.0
        with store.bulk():
            report = _build(plans_dir, store, similarity=similarity, progress=progress, batch_size=batch_size,
                            keep_missing=keep_missing, indicators=indicators, cache_dir=cache_dir,
                            isolate_bytes=isolate, parsed=parsed, started=started)
    if early:
        _tick(report, "parse", early)
    return report


def _build(plans_dir: Path, store: GraphStore, *, similarity: str, progress: bool, batch_size: int,
           keep_missing: bool, indicators: bool, cache_dir: Path | None, isolate_bytes: int,
           parsed: dict[tuple[int, str | None], tuple[str, Path | Exception]], started: float) -> BuildReport:
    entries, unlisted = scan_plans(plans_dir)  # a plans.toml that cannot be read at all raises here
    store.ensure_schema()
    report = BuildReport(unlisted=unlisted)
    problem = store.format_problem()
    if problem:  # an older (or newer) Plangraph built it: nothing stored can be trusted to be current
        if keep_missing:
            raise StoreFormatError(f"{problem} (--keep-missing cannot keep the plans of a store of another format)")
        have = store.stored_format() or 0
        store.reset()
        report.reset = (f"the store was of format {have}, this code writes format {STORE_FORMAT}: "
                        "emptied and built from the folder alone (as with --fresh)")
        log.warning("%s", report.reset)
    stored = store.stored_plans()
    hashes = store.plan_hashes()
    stored_ids = set(stored)
    by_file: dict[str, list[str]] = {}
    for pid, src in stored.items():
        by_file.setdefault(src or "", []).append(pid)
    cache = PlanCache(cache_dir / "plans") if cache_dir else None
    built: dict[str, str] = {}  # plan id -> file (written, or unchanged)
    claimed: dict[str, str] = {}  # plan id -> file, as soon as parsed (duplicates fail)
    failed_files: set[str] = set()
    products: dict[str, tuple[int, PlanProducts]] = {}  # plan id -> (entry position, what later stages need)
    pending: list[tuple[PlanOutcome, PlanEntry, str, GraphRecords, PlanProducts, int]] = []
    pending_records = 0
    # the stored version of a file that fails stays in the store: its cache entry stays too
    kept_digests: dict[str, str] = {src: h for pid, src in stored.items() if src and (h := hashes.get(pid))}

    def fail(outcome: PlanOutcome, entry, e: Exception) -> None:
        outcome.error = f"{type(e).__name__}: {e}"
        if entry.path is not None and entry.path.is_file():  # (a file that left the folder is removed)
            failed_files.add(entry.file)
            old = by_file.get(entry.file)
            outcome.kept = ", ".join(old) if old else None
        log.error("plan %s failed and was not written: %s", entry.file, outcome.error)

    def landed(outcome: PlanOutcome, pid: str, prod: PlanProducts, pos: int, stats: WriteStats | None) -> None:
        built[pid] = outcome.file
        outcome.plan_id = pid
        outcome.nodes, outcome.relationships = (stats.nodes, stats.relationships) if stats else prod.counts
        outcome.dropped, outcome.repairs, outcome.checks = prod.dropped, prod.repairs, list(prod.checks)
        report.characters += prod.characters
        products[pid] = (pos, prod)

    def flush() -> None:
        nonlocal pending, pending_records
        batch, pending, pending_records = pending, [], 0
        if not batch:
            return
        t0 = time.perf_counter()
        try:
            try:
                # a plan alone in its batch is not written again if it fails: its records are given
                # up to the store, which frees them as it turns them into the engine's input
                all_stats = store.replace_plans([(pid, rec) for _, _, pid, rec, _, _ in batch], stored_ids,
                                                batch_size=batch_size, release=len(batch) == 1)
                done = list(zip(batch, all_stats))
            except StoreUnavailable:
                raise
            except Exception as e:
                if len(batch) == 1:
                    claimed.pop(batch[0][2], None)
                    fail(batch[0][0], batch[0][1], e)
                    return
                done = []  # the batch rolled back: each plan again alone, so a bad one fails alone
                for item in batch:
                    outcome, entry, pid, rec, _, _ = item
                    try:
                        done.append((item, store.replace_plan(pid, rec, batch_size, stored=stored_ids)))
                    except StoreUnavailable:
                        raise
                    except Exception as e1:
                        claimed.pop(pid, None)
                        fail(outcome, entry, e1)
        except StoreUnavailable as e:
            report.aborted = str(e)
            for outcome, *_ in batch:
                if outcome.plan_id is None and not outcome.error:
                    outcome.error = (f"perhaps written (whole or not at all: the connection broke during its "
                                     f"commit; build again to be sure): {e}" if e.commit_unknown
                                     else f"not written: {e}")
            log.error("store unavailable, stopping the build: %s", e)
            return
        finally:
            _tick(report, "write", time.perf_counter() - t0)
            if sum(item[4].characters for item in batch) > LARGE_PLAN_CHARS:
                del batch[:]  # (records: the store has them, or the failure was reported)
                _release_memory()
        for (outcome, _, pid, _, prod, pos), stats in done:
            report.records_written += stats.nodes + stats.relationships
            landed(outcome, pid, prod, pos, stats)
            if cache is not None:
                cache.save(prod)

    bar = _progress(entries, progress)
    for pos, entry in enumerate(bar):
        outcome = PlanOutcome(entry.file or "?")
        report.plans.append(outcome)
        if report.aborted:
            outcome.error = f"not written: {report.aborted}"
            continue
        if hasattr(bar, "set_postfix_str"):
            bar.set_postfix_str(outcome.file)
        try:
            if entry.error:
                raise ValueError(entry.error)
            digest = content_hash(entry.path, entry.meta)
            same = [p for p in by_file.get(entry.file, []) if hashes.get(p) == digest]
            prod = cache.load(digest) if (cache is not None and same) else None
            if same and prod is not None and prod.plan_id == same[0] and prod.plan_id not in claimed:
                claimed[prod.plan_id] = entry.file  # unchanged: nothing parsed, nothing written
                outcome.unchanged = True
                landed(outcome, prod.plan_id, prod, pos, None)
                continue
            t0 = time.perf_counter()
            early = parsed.pop((pos, entry.file), None)
            if early is not None and early[0] == digest:  # parsed in a child before the build began
                if isinstance(early[1], Exception):
                    raise early[1]
                prod, records = _load_products(early[1])
            elif isolate_bytes and entry.path is not None and entry.path.stat().st_size >= isolate_bytes:
                prod, records = map_plan_isolated(entry.path, entry.meta, digest)
            else:
                prod, records = plan_products(entry.path, entry.meta, digest)
            _tick(report, "parse", time.perf_counter() - t0)
            pid = prod.plan_id
            if pid in claimed:
                raise ValueError(f"{entry.file}: plan id {pid} is already built from {claimed[pid]} "
                                 "(same region and document number); give one of them its own doc_number")
        except Exception as e:  # one bad plan must not stop the others; it is reported
            fail(outcome, entry, e)
            continue
        claimed[pid] = entry.file
        if pid in same and hashes.get(pid) == digest:  # unchanged, but not in the cache: parsed, not written
            outcome.unchanged = True
            landed(outcome, pid, prod, pos, None)
            if cache is not None:
                cache.save(prod)
            continue
        n_records = prod.counts[0] + prod.counts[1]
        if pending and n_records >= store.plan_batch_records:
            flush()  # a plan that fills a batch on its own is written alone (and its records released)
        pending.append((outcome, entry, pid, records, prod, pos))
        del records  # the batch holds them, and lets them go once written
        pending_records += n_records
        if pending_records >= store.plan_batch_records:
            flush()
    flush()
    if report.aborted:
        report.seconds = time.perf_counter() - started
        return report
    ordered = [prod for _, prod in sorted(products.values(), key=lambda x: x[0])]
    if cache is not None:
        cache.record_folder(Path(plans_dir), [prod.digest for prod in ordered]
                            + [d for f, d in kept_digests.items() if f in failed_files])
        cache.prune()
    try:
        _remove_stale(store, stored, built, failed_files, Path(plans_dir), keep_missing, report)
        t0 = time.perf_counter()
        shared = GraphRecords()
        for prod in ordered:
            shared.nodes.extend(prod.shared.nodes)
            shared.relationships.extend(prod.shared.relationships)
        store.settle_shared(shared.deduplicated(), batch_size=batch_size)
        rank_regions(store, batch_size=batch_size)  # after settle_shared, which leaves the regions' ranks null
        t1 = time.perf_counter()
        _tick(report, "settle", t1 - t0)
        if indicators and built:
            report.indicators = resolve_indicators(
                store, method="lexical" if similarity in ("none", "lexical") else "auto",
                batch_size=batch_size, cache_dir=cache_dir)
        count_indicators(store, batch_size=batch_size)  # every build: settle_shared leaves the tallies null
        t2 = time.perf_counter()
        _tick(report, "indicators", t2 - t1)
        if similarity != "none":
            _link(store, ordered, similarity, cache, cache_dir, batch_size, report, Path(plans_dir))
            _tick(report, "similarity", time.perf_counter() - t2)
        store.write_format()  # the store now holds what this code writes
    except StoreUnavailable as e:
        report.aborted = f"{e} (every plan was written; removals, shared nodes or SIMILAR_TO may be incomplete)"
    report.seconds = time.perf_counter() - started
    return report


_SIMILAR = ("MATCH (a:Policy)-[r:SIMILAR_TO]->(b:Policy) "
            "RETURN a.id AS a, b.id AS b, r.score AS score, r.method AS method")


def _link(store: GraphStore, ordered: list[PlanProducts], similarity: str, cache: PlanCache | None,
          cache_dir: Path | None, batch_size: int, report: BuildReport, plans_dir: Path | None = None) -> None:
    """SIMILAR_TO over every plan of the folder (written now or unchanged); the store then gets exactly
    those links: new and changed ones written, stale ones (touching a policy of these plans) deleted.

    The lexical method scores a pair from the two measures alone (reference idf), so the links of the
    previous build of this folder (``.cache/plans/similarity-*.pkl.z``, with the plans they covered)
    are kept for the plans still here, and only the measures of new or changed plans (and of those
    that lost a counterpart) are scored against the others, from each plan's vectors in the plan
    cache: the links a fresh build gives, in a fraction of its time (``similarity.lexical_links``)."""
    policies = [p for prod in ordered for p in prod.policies]
    method = "lexical"
    rels = None
    if similarity == "embedding" or (similarity == "auto" and len(ordered) > 1):
        try:
            rels, method = link_similar(policies, method="embedding", cache_dir=cache_dir)
        except Exception as exc:  # noqa: BLE001 - any failure means: fall back (auto)
            if similarity == "embedding":
                raise
            log.warning("similarity: embedding model unavailable (%s: %s); falling back to the lexical method",
                        type(exc).__name__, exc)
    elif similarity != "lexical":
        raise ValueError(f"unknown similarity method {similarity!r} (auto | embedding | lexical)")
    if rels is None:
        rels = _lexical(ordered, cache, plans_dir)
    want = {(r.start, r.end): r for r in rels}
    ours = {p.id for p in policies}
    stale, same = [], set()
    for row in store.read(_SIMILAR).records():
        pair = (row["a"], row["b"])
        r = want.get(pair)
        if r is not None and row["method"] == r.properties["method"] and row["score"] is not None \
                and abs(row["score"] - r.properties["score"]) < 1e-9:
            same.add(pair)
        elif r is None and (row["a"] in ours or row["b"] in ours):
            stale.append(("SIMILAR_TO", row["a"], "Policy", row["b"], "Policy"))
    if stale:
        store.delete(stale, batch_size=batch_size)
    new = [r for k, r in want.items() if k not in same]
    if new:
        store.write(GraphRecords(relationships=new), batch_size=batch_size)
    report.similarity_method, report.similar_links = method, len(rels)


def _folder_tag(plans_dir: Path) -> str:
    return hashlib.sha256(str(Path(plans_dir).resolve()).encode()).hexdigest()[:16]


def _lexical(ordered: list[PlanProducts], cache: PlanCache | None, plans_dir: Path | None) -> list:
    """Lexical SIMILAR_TO over these plans, incrementally from the folder's previous index state.

    Links join measures of different plans only, so with fewer than two plans that have measures
    there is nothing to score: no vectors are made (on one very large plan they were the build's peak,
    three times its records), the plan cache keeps the plans without them (the first build that has
    a counterpart makes them), and the index state is the one real vectors give (no links)."""
    t0 = time.perf_counter()
    lone = sum(1 for prod in ordered if prod.policies) < 2
    for prod in ordered:
        if prod.vectors is None and not lone:
            prod.vectors = plan_vectors([p for p in prod.policies], prod.plan_id)
            if cache is not None:
                cache.save(prod)
    state_file = None
    previous = None
    if cache is not None and plans_dir is not None:
        state_file = cache.folder / f"similarity-{_folder_tag(plans_dir)}.pkl.z"
        try:
            previous = pickle.loads(zlib.decompress(state_file.read_bytes()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            previous = None
        if not isinstance(previous, IndexState):
            previous = None
    # (alone: no policies given, so that lexical_links returns at once, with the state of these plans)
    plans = [(f"{prod.digest}/{prod.plan_id}", _no_vectors(prod) if lone or prod.vectors is None else prod.vectors)
             for prod in ordered]
    for prod in ordered:  # the plan cache has them; lexical_links lets them go once its matrices are made
        prod.vectors = None
    links, ids, state = lexical_links(plans, previous=previous, release=True)
    if state_file is not None:
        try:
            state_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = state_file.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(zlib.compress(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL), 1))
            os.replace(tmp, state_file)
        except OSError as e:
            log.warning("similarity index not cached (%s)", e)
    log.info("similarity: %d links in %.2f s (%s)", len(links), time.perf_counter() - t0,
             "incremental" if previous is not None else "all pairs")
    return similar_to(links, ids)


def _no_vectors(prod: PlanProducts) -> PlanVectors:
    """A plan without its policies' vectors, for lexical_links when no pair can be scored."""
    import numpy as np

    i32, i64, f32 = (np.zeros(0, dtype=t) for t in (np.int32, np.int64, np.float32))
    return PlanVectors(prod.plan_id, [], i32, i64, f32, i32, i32, i64, f32)


def _code_files() -> list[Path]:
    root = Path(__file__).resolve().parent.parent
    out = []
    for pkg in _VERSIONED:
        out += [p for p in sorted((root / pkg).rglob("*")) if p.is_file() and "__pycache__" not in p.parts]
    return out


# what a plan's records and token counts depend on besides its file and entry
_VERSIONED = ("loaders", "ontology", "model", "linking", "pipeline")
_VERSION: list[str] = []


def build_version() -> str:
    """A digest of the code and vocabularies that make a plan's records (once per process)."""
    if not _VERSION:
        h = hashlib.sha256()
        root = Path(__file__).resolve().parent.parent
        for p in _code_files():
            h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes() + b"\0")
        _VERSION.append(h.hexdigest()[:16])
    return _VERSION[0]


def content_hash(path: Path | None, meta: dict | None) -> str:
    """What decides whether a stored plan is still current: the file's bytes, its plans.toml
    entry and the build version."""
    h = hashlib.sha256()
    h.update(build_version().encode() + b"\0")
    h.update(json.dumps(meta or {}, sort_keys=True, ensure_ascii=False, default=str).encode() + b"\0")
    if path is not None:
        h.update(path.read_bytes())
    return h.hexdigest()


# Above this many characters a plan's freed memory is handed back at once (a collection costs
# tens of milliseconds: not worth it for each ordinary plan of a build of a thousand).
LARGE_PLAN_CHARS = 300_000


def _release_memory() -> None:
    """Give the heap that a large plan's parse (or write) freed back to the operating system, so that
    the next stage's peak does not stack on top of it."""
    release_heap()


def record_counts(records: GraphRecords) -> tuple[int, int]:
    """(nodes, relationships) of ``records`` once deduplicated: what a write of them writes."""
    d = records.deduplicated()
    return len(d.nodes), len(d.relationships)


@dataclass
class PlanProducts:
    """What the stages after the plan writes need of one plan (its shared nodes for settle_shared,
    its measures' words and token counts for similarity, its report line): kept in the plan cache
    under its content hash, so that an unchanged plan is neither parsed nor written again."""
    plan_id: str
    digest: str
    shared: GraphRecords
    policies: list[PolicyText]
    counts: tuple[int, int]
    characters: int
    dropped: int
    repairs: int
    checks: list[str]
    vectors: PlanVectors | None = None  # its measures' lexical vectors (linking.similarity)

    @classmethod
    def of(cls, doc: ParsedDocument, records: GraphRecords, digest: str,
           counts: tuple[int, int] | None = None) -> PlanProducts:
        """``counts``: the records' (nodes, relationships) once deduplicated, when the caller
        counts them itself (record_counts)."""
        shared = GraphRecords([n for n in records.nodes if n.label in _SHARED],
                              [r for r in records.relationships if r.type == "PART_OF"])
        return cls(doc.meta.plan_id, digest, shared, policy_texts(doc),
                   record_counts(records) if counts is None else counts,
                   len(doc.text), len(doc.dropped), len(doc.repairs), list(doc.meta.checks))


class PlanCache:
    """Per-plan build products on disk, by content hash (``.cache/plans/``; safe to delete).

    Each build records which entries its folder uses (``folders/<folder>.json``); ``prune`` deletes
    the entries no recorded folder uses (a plan that left its folder, an old version of an edited plan,
    a build version gone), the records of folders that no longer exist, and their similarity index
    states — but never a file younger than ``PRUNE_AFTER_S`` (another build may be writing it)."""

    PRUNE_AFTER_S = 600.0

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def record_folder(self, plans_dir: Path, digests: list[str]) -> None:
        path = self.folder / "folders" / f"{_folder_tag(plans_dir)}.json"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"folder": str(Path(plans_dir).resolve()),
                                       "plans": sorted(d[:40] for d in digests)}), encoding="utf-8")
            os.replace(tmp, path)
        except OSError as e:
            log.warning("plan cache: folder record not written (%s)", e)

    def prune(self) -> int:
        """Delete what no existing folder's last build uses; returns how many files went."""
        keep: set[str] = set()
        tags: set[str] = set()
        now = time.time()
        gone = 0

        def old(p: Path) -> bool:
            try:
                return now - p.stat().st_mtime >= self.PRUNE_AFTER_S
            except OSError:
                return False

        for rec in sorted((self.folder / "folders").glob("*.json")):
            try:
                data = json.loads(rec.read_text(encoding="utf-8"))
                alive = Path(data["folder"]).is_dir()
            except (OSError, ValueError, KeyError, TypeError):
                data, alive = {}, False
            if alive:
                keep.update(data.get("plans", []))
                tags.add(rec.stem)
            elif old(rec):
                rec.unlink(missing_ok=True)
                gone += 1
        for f in self.folder.glob("*.pkl.z"):
            name = f.name[:-len(".pkl.z")]
            if name.startswith("similarity-"):
                used = name[len("similarity-"):] in tags
            elif name.startswith("links-"):   # the whole-folder link cache of an older version
                used = False
            else:
                used = name in keep
            if not used and old(f):
                f.unlink(missing_ok=True)
                gone += 1
        if gone:
            log.info("plan cache: %d unused file(s) deleted", gone)
        return gone

    def _path(self, digest: str) -> Path:
        return self.folder / f"{digest[:40]}.pkl.z"

    def load(self, digest: str) -> PlanProducts | None:
        try:
            prod = pickle.loads(zlib.decompress(self._path(digest).read_bytes()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            return None
        return prod if isinstance(prod, PlanProducts) and prod.digest == digest else None

    def save(self, prod: PlanProducts) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self._path(prod.digest).with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(zlib.compress(pickle.dumps(prod, protocol=pickle.HIGHEST_PROTOCOL), 1))
            os.replace(tmp, self._path(prod.digest))
        except OSError as e:  # a cache that cannot be written costs time next build, nothing else
            log.warning("plan cache not written (%s)", e)


def _tick(report: BuildReport, phase: str, seconds: float) -> None:
    report.timings[phase] = report.timings.get(phase, 0.0) + seconds


def _remove_stale(store: GraphStore, stored: dict[str, str | None], built: dict[str, str], failed_files: set[str],
                  plans_dir: Path, keep_missing: bool, report: BuildReport) -> None:
    """Remove the stored plans this build did not write: replaced under another id, or gone."""
    rebuilt_files = set(built.values())
    for pid, src in stored.items():
        if pid in built:
            continue
        if src in rebuilt_files:
            why = f"{src} now yields {', '.join(p for p, f in built.items() if f == src)}"
        elif src in failed_files:
            continue  # its file failed this time: the stored version stays (reported with the failure)
        elif keep_missing:
            report.kept_missing.append((pid, src))
            continue
        elif not src:
            why = "it has no source file"
        elif not (plans_dir / src).is_file():
            why = f"{src} left {plans_dir}"
        else:
            why = f"{src} is not listed in plans.toml any more"
        store.remove_plan(pid)
        report.removed.append((pid, src, why))


def _progress(items, enabled: bool):
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="plans", unit="plan")
