"""The whole pipeline: plan files -> parsed documents -> ontology records -> store -> similarity links.

A build makes the store hold exactly the plans of the folder, whatever it held before:

* each plan is parsed and mapped before anything is written, then written with
  ``store.replace_plan`` — one transaction that deletes what the stored version of the
  plan owns (policies, targets, their links and SIMILAR_TO), writes the new records and
  removes the regions, agencies and indicators nothing links to any more. A plan that
  fails (unreadable file, bad plans.toml entry, bad record) leaves its stored version
  as it was, and the others still land;
* plans in the store whose file left the folder (or its plans.toml entry) are removed,
  unless ``keep_missing``; a plan whose file now yields another plan id replaces it;
* the shared nodes get exactly the properties a fresh build of the same plans gives
  (``store.settle_shared``), indicator resolution (``resolve_indicators``) then lines up the
  indicators of every plan in the store, and SIMILAR_TO is recomputed over every plan built, so
  a rebuild gives the same store as a fresh build of the same files;
* a store that goes away (a lost Neo4j connection) stops the build at once: the plans
  not yet written are reported as such, with the reason.
"""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from graph.config import CACHE_DIR
from graph.store import GraphStore, StoreUnavailable, WriteStats
from linking.similarity import link_similar
from loaders import parse_plan, scan_plans
from model.document import ParsedDocument
from model.records import GraphRecords
from model.texts import PolicyText
from ontology.mapping import map_document, policy_texts
from pipeline.indicators import ResolutionReport, resolve_indicators

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
    return doc, map_document(doc)


def build(plans_dir: Path, store: GraphStore, *, similarity: str = "auto", progress: bool = True,
          batch_size: int = 5000, keep_missing: bool = False, indicators: bool = True) -> BuildReport:
    started = time.perf_counter()
    entries, unlisted = scan_plans(plans_dir)  # a plans.toml that cannot be read at all raises here
    store.ensure_schema()
    stored = store.stored_plans()
    by_file: dict[str, list[str]] = {}
    for pid, src in stored.items():
        by_file.setdefault(src or "", []).append(pid)
    report = BuildReport(unlisted=unlisted)
    built: dict[str, str] = {}  # plan id -> file
    failed_files: set[str] = set()
    shared = GraphRecords()
    policies: list[PolicyText] = []
    bar = _progress(entries, progress)
    for entry in bar:
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
            doc, records = map_plan(entry.path, entry.meta)
            pid = doc.meta.plan_id
            if pid in built:
                raise ValueError(f"{entry.file}: plan id {pid} is already built from {built[pid]} "
                                 "(same region and document number); give one of them its own doc_number")
            stats: WriteStats = store.replace_plan(pid, records, batch_size=batch_size)
        except StoreUnavailable as e:
            report.aborted = str(e)
            outcome.error = (f"perhaps written (whole or not at all: the connection broke during its commit; "
                             f"build again to be sure): {e}" if e.commit_unknown else f"not written: {e}")
            log.error("store unavailable, stopping the build: %s", e)
            continue
        except Exception as e:  # one bad plan must not stop the others; it is reported
            outcome.error = f"{type(e).__name__}: {e}"
            if entry.path is not None and entry.path.is_file():  # (a file that left the folder is removed)
                failed_files.add(entry.file)
                old = by_file.get(entry.file)
                outcome.kept = ", ".join(old) if old else None
            log.error("plan %s failed and was not written: %s", entry.file, outcome.error)
            continue
        built[pid] = entry.file
        outcome.plan_id = pid
        outcome.nodes, outcome.relationships = stats.nodes, stats.relationships
        outcome.dropped, outcome.repairs, outcome.checks = len(doc.dropped), len(doc.repairs), list(doc.meta.checks)
        report.characters += len(doc.text)
        shared.nodes.extend(n for n in records.nodes if n.label in _SHARED)
        shared.relationships.extend(r for r in records.relationships if r.type == "PART_OF")
        policies.extend(policy_texts(doc))
    if report.aborted:
        report.seconds = time.perf_counter() - started
        return report
    try:
        _remove_stale(store, stored, built, failed_files, Path(plans_dir), keep_missing, report)
        store.settle_shared(shared.deduplicated(), batch_size=batch_size)
        if indicators and any(p.plan_id for p in report.plans):
            report.indicators = resolve_indicators(
                store, method="lexical" if similarity in ("none", "lexical") else "auto",
                batch_size=batch_size, cache_dir=CACHE_DIR)
        if similarity != "none" and policies:
            rels, method = link_similar(policies, method=similarity, cache_dir=CACHE_DIR)
            store.write(GraphRecords(relationships=rels), batch_size=batch_size)
            report.similarity_method, report.similar_links = method, len(rels)
    except StoreUnavailable as e:
        report.aborted = f"{e} (every plan was written; removals, shared nodes or SIMILAR_TO may be incomplete)"
    report.seconds = time.perf_counter() - started
    return report


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
