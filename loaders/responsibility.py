"""Compatibility name: responsibility clauses live in :mod:`ontology.responsibility` (one module
for the loaders and the mapping)."""
from ontology.responsibility import *  # noqa: F401,F403
from ontology.responsibility import find_clause, from_cells, parse, split_top  # noqa: F401
