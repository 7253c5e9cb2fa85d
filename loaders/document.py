"""Compatibility path: the parsed document lives in :mod:`model.document`. Import from there;
this shim goes once no branch imports it."""
from model.document import *  # noqa: F403
from model.document import (  # noqa: F401
    Dropped,
    LoaderError,
    Measure,
    ParsedDocument,
    PlanMeta,
    RegionMeta,
    Repair,
    Responsibility,
    Section,
    Span,
    Table,
    TableGroup,
)
