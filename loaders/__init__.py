"""Loaders: plan file + metadata -> clean, structured document (see model.document).

Public API:
  read_metadata(path) -> list[dict]            plans.toml entries, validated
  iter_plans(plans_dir) -> list[(Path, dict)]  entries whose files exist
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

from .metafile import iter_plans, read_metadata
from .pipeline import parse_plan

__all__ = ["read_metadata", "iter_plans", "parse_plan", "ParsedDocument", "PlanMeta", "RegionMeta",
           "Section", "Measure", "Responsibility", "Table", "Dropped", "Repair", "LoaderError"]
