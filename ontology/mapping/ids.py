"""Deterministic node ids: the same document always yields the same ids, across runs and machines."""
from __future__ import annotations

import hashlib
import re
import unicodedata


def short_hash(*parts: object, n: int = 10) -> str:
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return h[:n]


def plan_suffix(plan_id: str) -> str:
    """plan:yangzhou:2022-80 -> yangzhou:2022-80 (the part after the ``plan:`` prefix)."""
    return plan_id.split(":", 1)[1] if plan_id.startswith("plan:") else plan_id


def slugify(text: str) -> str:
    """ASCII slug for English names; empty when nothing ASCII is left."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def region_id(slug: str) -> str:
    return f"region:{slug}"
