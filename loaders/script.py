"""Compatibility path: script conversion lives in :mod:`ontology.script` (shared by the loaders and
the explorer). Import from there; this shim goes once no branch imports it."""
from ontology.script import char_t2s, count_traditional, to_simplified  # noqa: F401
