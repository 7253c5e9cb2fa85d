"""Compatibility path: ids live in :mod:`model.ids`. Import from there; this shim goes once no
branch imports it."""
from model.ids import plan_suffix, region_id, short_hash  # noqa: F401
from model.ids import slug as slugify  # noqa: F401
