"""The whole pipeline: plan files -> parsed documents -> ontology records -> store -> similarity links.

Each plan is parsed and mapped before anything is written, and written in one
transaction of its own, so a plan that fails (unreadable file, bad record) leaves
the store exactly as it was and the others still land. Cross-city SIMILAR_TO links
come last, over the policies of the plans built in this run; before them, indicator resolution
(resolve_indicators) lines up the indicators of every plan in the store.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from graph.config import CACHE_DIR
from graph.store import GraphStore, WriteStats
from linking.similarity import link_similar
from loaders import iter_plans, parse_plan
from model.document import ParsedDocument
from model.records import GraphRecords
from model.texts import PolicyText
from ontology.mapping import map_document, policy_texts
from pipeline.indicators import ResolutionReport, resolve_indicators

log = logging.getLogger(__name__)


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


@dataclass
class BuildReport:
    plans: list[PlanOutcome] = field(default_factory=list)
    similarity_method: str | None = None
    similar_links: int = 0
    indicators: ResolutionReport | None = None
    seconds: float = 0.0
    characters: int = 0

    @property
    def failed(self) -> list[PlanOutcome]:
        return [p for p in self.plans if p.error]


def map_plan(path: Path, meta: dict | None = None) -> tuple[ParsedDocument, GraphRecords]:
    """Parse and map one plan file; returns (document, records). Raises on bad input."""
    doc = parse_plan(path, meta)
    return doc, map_document(doc)


def build(plans_dir: Path, store: GraphStore, *, similarity: str = "auto", progress: bool = True,
          batch_size: int = 5000, indicators: bool = True) -> BuildReport:
    started = time.perf_counter()
    store.ensure_schema()
    report = BuildReport()
    entries = iter_plans(plans_dir)
    bar = _progress(entries, progress)
    policies: list[PolicyText] = []
    for path, meta in bar:
        outcome = PlanOutcome(path.name)
        report.plans.append(outcome)
        if hasattr(bar, "set_postfix_str"):
            bar.set_postfix_str(path.name)
        try:
            doc, records = map_plan(path, meta)
            stats: WriteStats = store.write(records, batch_size=batch_size)
        except Exception as e:  # one bad plan must not stop the others; it is reported
            outcome.error = f"{type(e).__name__}: {e}"
            log.error("plan %s failed and was not written: %s", path, outcome.error)
            continue
        outcome.plan_id = doc.meta.plan_id
        outcome.nodes, outcome.relationships = stats.nodes, stats.relationships
        outcome.dropped, outcome.repairs, outcome.checks = len(doc.dropped), len(doc.repairs), list(doc.meta.checks)
        report.characters += len(doc.text)
        policies.extend(policy_texts(doc))
    if indicators and any(p.plan_id for p in report.plans):
        report.indicators = resolve_indicators(store, method="lexical" if similarity in ("none", "lexical") else "auto",
                                               batch_size=batch_size, cache_dir=CACHE_DIR)
    if similarity != "none" and policies:
        rels, method = link_similar(policies, method=similarity, cache_dir=CACHE_DIR)
        store.write(GraphRecords(relationships=rels), batch_size=batch_size)
        report.similarity_method, report.similar_links = method, len(rels)
    report.seconds = time.perf_counter() - started
    return report


def _progress(items, enabled: bool):
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="plans", unit="plan")
