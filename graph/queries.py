"""The named read queries in queries/*.cypher and their header comments.

Each file starts with a header of `//` lines:
    // purpose: one line saying what a researcher gets
    // param: name type = default    (one line per parameter; `= default` optional)
    // columns: a, b, c
The header is parsed, not just read by people: parameters are typed and defaulted
from it, and the parity test checks the columns a query really returns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
_PARAM = re.compile(r"^(\w+)\s+(string|int|float|bool|list)\s*(?:=\s*(.*))?$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: Any = None
    required: bool = True

    def convert(self, value: Any) -> Any:
        if value is None or not isinstance(value, str):
            return value
        if self.type == "int":
            return int(value)
        if self.type == "float":
            return float(value)
        if self.type == "bool":
            return value.lower() in ("1", "true", "yes")
        if self.type == "list":
            return [v.strip() for v in value.split(",") if v.strip()]
        return value


@dataclass(frozen=True)
class NamedQuery:
    name: str
    purpose: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    text: str
    path: Path = field(compare=False)

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        known = {p.name for p in self.params}
        unknown = set(given) - known
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameters {sorted(unknown)}; it takes {sorted(known)}")
        out = {}
        for p in self.params:
            if p.name in given:
                try:
                    out[p.name] = p.convert(given[p.name])
                except ValueError:
                    raise QueryError(f"query {self.name!r}: {p.name} must be {p.type}, got {given[p.name]!r}") from None
            elif p.required:
                raise QueryError(f"query {self.name!r} needs the parameter {p.name} ({p.type})")
            else:
                out[p.name] = p.default
        return out


class QueryError(ValueError):
    pass


def _parse_default(raw: str, ptype: str) -> Any:
    raw = raw.strip()
    if raw in ("null", "none", ""):
        return None
    return Param("x", ptype).convert(raw.strip("'\""))


def parse_query_file(path: Path) -> NamedQuery:
    purpose, params, body = "", [], []
    columns: tuple[str, ...] = ()
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("//"):
            content = stripped[2:].strip()
            key, _, value = content.partition(":")
            key = key.strip().lower()
            if key == "purpose":
                purpose = value.strip()
            elif key == "param":
                m = _PARAM.match(value.strip())
                if not m:
                    raise QueryError(f"{path.name}: bad param line {content!r} (want 'name type [= default]')")
                name, ptype, default = m.groups()
                params.append(Param(name, ptype, _parse_default(default, ptype) if default is not None else None,
                                    default is None))
            elif key == "columns":
                columns = tuple(c.strip() for c in value.split(",") if c.strip())
        else:
            body.append(line)
    text = "\n".join(body).strip()
    if not purpose or not columns or not text:
        raise QueryError(f"{path}: a query file needs // purpose:, // columns: and a body")
    return NamedQuery(path.stem, purpose, tuple(params), columns, text, path)


@lru_cache(maxsize=1)
def all_queries() -> dict[str, NamedQuery]:
    return {p.stem: parse_query_file(p) for p in sorted(QUERY_DIR.glob("*.cypher"))}


def get_query(name: str) -> NamedQuery:
    queries = all_queries()
    if name not in queries:
        raise QueryError(f"no query named {name!r}; known: {', '.join(queries)}")
    return queries[name]
