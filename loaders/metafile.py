"""plans.toml: the user-maintained metadata file, one ``[[plan]]`` table per plan file.

Validation happens here, once, so that everything downstream can trust the entries;
errors name the metadata file and the entry (index and file) that is wrong.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from model.document import LoaderError

from . import formats

LEVELS = ("province", "prefecture", "county")
REQUIRED = ("file", "region", "region_en", "level")
STR_KEYS = ("file", "region", "region_en", "level", "province", "province_en", "parent",
            "parent_en", "title", "doc_number", "issuer", "issued", "published",
            "plan_type", "script", "note", "validity")
INT_KEYS = ("period_start", "period_end")
KNOWN = set(STR_KEYS) | set(INT_KEYS)


def _load_entries(path: Path) -> list:
    """The raw ``[[plan]]`` tables; a file that cannot be read or parsed fails as a whole."""
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
    return plans


def _entry_error(entry, label: str) -> str | None:
    """What is wrong with one entry (its label first), or None."""
    if not isinstance(entry, dict):
        return f"{label}: not a table"
    missing = [k for k in REQUIRED if not entry.get(k)]
    if missing:
        return f"{label}: missing required key(s) {', '.join(missing)}"
    for k, v in entry.items():
        if k in STR_KEYS and not isinstance(v, str):
            return f"{label}: {k} must be a string, got {type(v).__name__}"
        if k in INT_KEYS and (not isinstance(v, int) or isinstance(v, bool)):
            return f"{label}: {k} must be an integer year, got {v!r}"
    if entry["level"] not in LEVELS:
        return f"{label}: level must be one of {', '.join(LEVELS)}, got {entry['level']!r}"
    if entry.get("script") not in (None, "simplified", "traditional"):
        return f"{label}: script must be 'simplified' or 'traditional', got {entry['script']!r}"
    ps, pe = entry.get("period_start"), entry.get("period_end")
    if ps is not None and pe is not None and ps > pe:
        return f"{label}: period_start {ps} is after period_end {pe}"
    for k in ("issued", "published"):
        v = entry.get(k)
        if v is not None and not _is_iso_date(v):
            return f"{label}: {k} must be an ISO date YYYY-MM-DD, got {v!r}"
    f = entry["file"]
    if "/" in f or "\\" in f or f in (".", ".."):
        return f"{label}: file must be a plain file name in the same folder"
    return None


def _checked(path: Path) -> list[tuple[str | None, dict | None, str | None]]:
    """(file as written or None, entry or None, error or None) per ``[[plan]]`` entry.
    A second entry for a file already described is an error of that second entry."""
    out = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(_load_entries(path), 1):
        label = f"{path}: [[plan]] #{i}"
        f = entry.get("file") if isinstance(entry, dict) and isinstance(entry.get("file"), str) else None
        if f is not None:
            label += f" (file = {f!r})"
        err = _entry_error(entry, label)
        if err is None and f is not None and f in seen:
            err = f"{label}: file {f!r} already described by entry #{seen[f]}"
        if err is None and f is not None:
            seen[f] = i
        out.append((f, dict(entry) if err is None else None, err))
    return out


def read_metadata(path: Path) -> list[dict]:
    """Read and validate ``plans.toml``; returns the list of ``[[plan]]`` entries.
    Strict: the first bad entry raises (``scan_plans`` reports each instead)."""
    out: list[dict] = []
    for _f, entry, err in _checked(Path(path)):
        if err or entry is None:
            raise LoaderError(err or f"{path}: bad entry")
        out.append(entry)
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


# what the loaders read as a plan (formats.py), less README.md and files without a suffix
PLAN_SUFFIXES = frozenset({".txt", ".text"} | formats.HTML_EXT | formats.DOCX_EXT)


@dataclass
class PlanEntry:
    """One ``[[plan]]`` entry of a folder: its file, and its metadata or what is wrong with it."""
    file: str | None            # the file name as written in the entry (None when the entry has none)
    path: Path | None           # plans_dir / file
    meta: dict | None           # the validated entry; None when ``error`` is set
    error: str | None = None


def scan_plans(plans_dir: Path) -> tuple[list[PlanEntry], list[str]]:
    """Every entry of ``plans_dir/plans.toml``, each with its own error (bad key, unknown level,
    duplicate, absent file) so that one bad entry fails only its plan; and the plan files in
    the folder that no entry lists (reported by the build, not built). A plans.toml that
    cannot be read or parsed at all raises LoaderError."""
    plans_dir = Path(plans_dir)
    meta_path = plans_dir / "plans.toml"
    entries: list[PlanEntry] = []
    for f, entry, err in _checked(meta_path):
        p = plans_dir / f if f else None
        if err is None and p is not None and not p.is_file():
            i = len(entries) + 1
            err = f"{meta_path}: [[plan]] #{i} (file = {f!r}): file {p} does not exist"
        entries.append(PlanEntry(f, p, entry if err is None else None, err))
    listed = {e.file for e in entries if e.file}
    unlisted = sorted(p.name for p in plans_dir.iterdir()
                      if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES and p.name not in listed)
    return entries, unlisted
