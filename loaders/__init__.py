"""Loaders: plan file + metadata -> clean, structured document (see model.document).

Public API:
  read_metadata(path) -> list[dict]            plans.toml entries, validated
  iter_plans(plans_dir) -> list[(Path, dict)]  entries whose files exist
  scan_plans(plans_dir) -> (entries each with its own error, unlisted plan files)
  parse_plan(path, meta=None) -> ParsedDocument
"""
from model.document import (
                            Dropped,
                            LoaderError,
                            Measure,
                            ParsedDocument,
                            PlanMeta,
                            RegionMeta,
                            Repair,
                            Responsibility,
                            Section,
                            Table,
)

from .metafile import PlanEntry, iter_plans, read_metadata, scan_plans
from .pipeline import parse_plan

__all__ = ["read_metadata", "iter_plans", "scan_plans", "PlanEntry", "parse_plan", "ParsedDocument", "PlanMeta",
           "RegionMeta", "Section", "Measure", "Responsibility", "Table", "Dropped", "Repair", "LoaderError"]
