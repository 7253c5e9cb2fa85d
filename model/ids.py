"""Node ids, made in one place: the same document always yields the same ids, across runs and machines.

    plan:<region slug>:<doc id>          plan_id()      plan:yangzhou:2022-80
    region:<region slug>                 region_id()    region:yangzhou, region:浙江省
    agency:<region slug>:<key>           agency_id()    agency:yangzhou:civil_affairs
    indicator:<key>                      indicator_id() indicator:childcare_places_per_1000
    policy:<plan suffix>:<measure id>    policy_id()    policy:yangzhou:2022-80:m-1f0c2e9a3b
    target:<plan suffix>:<hash>          target_id()

Measure and target ids come from content, never from position (``measure_ids``,
``ContentIds``): deleting, adding or editing one measure changes no other measure's or
target's id, so a rebuild replaces exactly what changed.

Every region id (a plan's own region, its parent, its province, an agency's place) comes from
``ontology.regions.region_slug`` (the one rule: a provincial-level region by its standard English
name, lexicon region_names_en), which ends in ``region_slug`` here: it folds accents (Ürümqi ->
urumqi) and keeps Chinese characters (嘉兴市 stays 嘉兴市).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_SLUG = re.compile(r"[^0-9a-z\u3400-\u9fff]+")


def slug(text: str) -> str:
    """The one slug: accents folded (NFKD, combining marks dropped), lower case, every run of
    characters other than ASCII letters, digits and CJK ideographs turned into one '-'.
    ``"Xi'an"`` -> ``xi-an``, ``"Ürümqi"`` -> ``urumqi``, ``"嘉兴市"`` -> ``嘉兴市``; '' when nothing is left."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NOT_SLUG.sub("-", folded.lower()).strip("-")


def short_hash(*parts: object, n: int = 10) -> str:
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return h[:n]


def region_slug(name_en: str | None, name: str | None = None) -> str:
    """A region's id part: from its English name, else from its Chinese name."""
    return slug(name_en or "") or slug(name or "") or (name or "")


def region_id(region_slug: str) -> str:
    return f"region:{region_slug}"


def doc_id(doc_number: str | None, period_start: int | None, period_end: int | None, stem: str) -> str:
    """``YYYY-N`` from a document number, else ``start-end``, else the file stem."""
    if doc_number:
        m = re.search(r"[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*(\d+)", doc_number)
        if m:
            return f"{m.group(1)}-{int(m.group(2))}"
    if period_start and period_end:
        return f"{period_start}-{period_end}"
    return slug(stem) or "plan"


def plan_id(region_en: str, doc_number: str | None, period_start: int | None,
            period_end: int | None, stem: str) -> str:
    """Stable plan id: ``plan:<region slug>:<doc id>``.

    * region slug: ``slug(region_en)`` (``"Wuxing"`` -> ``wuxing``, ``"Xi'an"`` -> ``xi-an``);
    * doc id: ``YYYY-N`` from a document number (``扬府办发〔2022〕80号`` -> ``2022-80``),
      else the plan period (``2021-2025``), else the file stem (slugified).
    Deterministic: the same file and metadata always give the same id. The values
    used are the final (merged) ones, so a document number read from the text counts.
    """
    return f"plan:{slug(region_en)}:{doc_id(doc_number, period_start, period_end, stem)}"


def plan_suffix(plan_id: str) -> str:
    """plan:yangzhou:2022-80 -> yangzhou:2022-80 (the part after the ``plan:`` prefix)."""
    return plan_id.split(":", 1)[1] if plan_id.startswith("plan:") else plan_id


def agency_id(region_slug: str, key: str) -> str:
    """``key``: an agency function id, ``local_governments_<tier>``, or a hash of the cleaned name."""
    return f"agency:{region_slug}:{key}"


def indicator_id(key: str) -> str:
    """``key``: a vocabulary indicator id, or a hash of the indicator's name."""
    return f"indicator:{key}"


def policy_id(plan_id: str, measure_id: str) -> str:
    return f"policy:{plan_suffix(plan_id)}:{measure_id}"


def target_id(plan_id: str, *parts: object) -> str:
    """A target of a plan, keyed by a hash of what it states (owner, indicator, value, unit, kind,
    year, comparator: see ontology.mapping.target_nodes), never of where it stands."""
    return f"target:{plan_suffix(plan_id)}:{short_hash(*parts)}"


class ContentIds:
    """Keys for ids from content, with a deterministic tie-break: ``key(*parts)`` returns the
    parts as strings, and for the n-th repeat of the same parts within one document (n > 1)
    adds ``#n``, so two identical measures (or targets) stay two and no other edit of the
    document moves either. ``seen``: free for a caller's own de-duplication."""

    def __init__(self) -> None:
        self._count: dict[tuple, int] = {}
        self.seen: set = set()

    def key(self, *parts: object) -> tuple[str, ...]:
        k = tuple(str(p) for p in parts)
        c = self._count[k] = self._count.get(k, 0) + 1
        return k if c == 1 else k + (f"#{c}",)


_KIND_PREFIX = {"measure": "m", "safeguard": "g", "box": "b"}


def measure_ids(measures) -> list[str]:
    """The measure part of policy ids, for a document's measures in order: ``m-`` (``g-``
    safeguard, ``b-`` box) + a hash of kind, enclosing sections and title. A measure keeps its
    id when others are added, removed or edited, and when its own body text changes."""
    ids = ContentIds()
    return [f"{_KIND_PREFIX.get(m.kind, 'm')}-{short_hash(*ids.key(m.kind, ' > '.join(m.section_path), m.title))}"
            for m in measures]
