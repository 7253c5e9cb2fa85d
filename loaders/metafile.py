"""plans.toml: the user-maintained metadata file, one ``[[plan]]`` table per plan file.

Validation happens here, once, so that everything downstream can trust the entries;
errors name the metadata file and the entry (index and file) that is wrong.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from model.document import LoaderError

LEVELS = ("province", "prefecture", "county")
REQUIRED = ("file", "region", "region_en", "level")
STR_KEYS = ("file", "region", "region_en", "level", "province", "province_en", "parent",
            "parent_en", "title", "doc_number", "issuer", "issued", "published",
            "plan_type", "script", "note", "validity")
INT_KEYS = ("period_start", "period_end")
KNOWN = set(STR_KEYS) | set(INT_KEYS)


def read_metadata(path: Path) -> list[dict]:
    """Read and validate ``plans.toml``; returns the list of ``[[plan]]`` entries."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoaderError(f"{path}: cannot read metadata file ({exc.strerror or exc})") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LoaderError(f"{path}: not valid TOML: {exc}") from exc
    plans = data.get("plan", [])
    if not isinstance(plans, list):
        raise LoaderError(f"{path}: 'plan' must be an array of tables ([[plan]])")
    out: list[dict] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(plans, 1):
        label = f"{path}: [[plan]] #{i}"
        if not isinstance(entry, dict):
            raise LoaderError(f"{label}: not a table")
        if isinstance(entry.get("file"), str):
            label += f" (file = {entry['file']!r})"
        missing = [k for k in REQUIRED if not entry.get(k)]
        if missing:
            raise LoaderError(f"{label}: missing required key(s) {', '.join(missing)}")
        for k, v in entry.items():
            if k in STR_KEYS and not isinstance(v, str):
                raise LoaderError(f"{label}: {k} must be a string, got {type(v).__name__}")
            if k in INT_KEYS and (not isinstance(v, int) or isinstance(v, bool)):
                raise LoaderError(f"{label}: {k} must be an integer year, got {v!r}")
        if entry["level"] not in LEVELS:
            raise LoaderError(f"{label}: level must be one of {', '.join(LEVELS)}, got {entry['level']!r}")
        if entry.get("script") not in (None, "simplified", "traditional"):
            raise LoaderError(f"{label}: script must be 'simplified' or 'traditional', got {entry['script']!r}")
        ps, pe = entry.get("period_start"), entry.get("period_end")
        if ps is not None and pe is not None and ps > pe:
            raise LoaderError(f"{label}: period_start {ps} is after period_end {pe}")
        for k in ("issued", "published"):
            v = entry.get(k)
            if v is not None and not _is_iso_date(v):
                raise LoaderError(f"{label}: {k} must be an ISO date YYYY-MM-DD, got {v!r}")
        f = entry["file"]
        if "/" in f or "\\" in f or f in (".", ".."):
            raise LoaderError(f"{label}: file must be a plain file name in the same folder")
        if f in seen:
            raise LoaderError(f"{label}: file {f!r} already described by entry #{seen[f]}")
        seen[f] = i
        out.append(dict(entry))
    return out


def _is_iso_date(v: str) -> bool:
    import datetime
    try:
        datetime.date.fromisoformat(v)
        return len(v) == 10
    except ValueError:
        return False


def iter_plans(plans_dir: Path) -> list[tuple[Path, dict]]:
    """Every entry of ``plans_dir/plans.toml`` with its file path; error if a file is missing."""
    plans_dir = Path(plans_dir)
    meta_path = plans_dir / "plans.toml"
    out = []
    for i, entry in enumerate(read_metadata(meta_path), 1):
        p = plans_dir / entry["file"]
        if not p.is_file():
            raise LoaderError(f"{meta_path}: [[plan]] #{i} (file = {entry['file']!r}): file {p} does not exist")
        out.append((p, entry))
    return out


def lookup(path: Path) -> dict | None:
    """The plans.toml entry for ``path`` (plans.toml beside it), or None."""
    meta_path = Path(path).parent / "plans.toml"
    if not meta_path.is_file():
        return None
    for entry in read_metadata(meta_path):
        if entry["file"] == Path(path).name:
            return entry
    return None
