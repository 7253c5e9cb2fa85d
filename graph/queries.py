"""The named read queries in queries/*.cypher and their header comments.

Each file starts with a header of `//` lines:
    // purpose: one line saying what a researcher gets
    // param: name type = default    (one line per parameter; `= default` optional)
    // columns: a, b, c
The header is parsed, not just read by people: parameters are typed and defaulted
from it, and the parity test checks the columns a query really returns.

A body line may end in a marker that lets a call leave out an optional filter it does not use:
    AND ($domain = '' OR EXISTS { ... })        // only if: domain
    AND (... the listing's page of regions ...)  // only if none: keyword, region, domain
`only if: a, b` keeps the line only when one of the parameters is given, `only if none: a, b` only
when none is; a parameter is not given when its value is null, '' or an empty list. `text` is the
whole query (markers removed), right for any parameters, since every marked line is written to be
neutral when its parameters are not given (`$domain = '' OR …`); `text_for(params)` leaves the lines
out for the call, so that the engine does not plan, per row, a filter that can only be true (an
EXISTS subquery is joined against every relationship of its type even when `$domain = ''`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
_PARAM = re.compile(r"^(\w+)\s+(string|int|float|bool|list)\s*(?:=\s*(.*))?$")
_ONLY_IF = re.compile(r"\s*//\s*only if(\s+none)?\s*:\s*(\w+(?:\s*,\s*\w+)*)\s*$")


@dataclass(frozen=True)
class OptionalLine:
    """A body line kept only when one of ``params`` is given (``none``: only when none of them is)."""
    line: int
    params: tuple[str, ...]
    none: bool = False

    def keep(self, bound: dict[str, Any]) -> bool:
        given = any(given_value(bound.get(p)) for p in self.params)
        return not given if self.none else given


def given_value(value: Any) -> bool:
    """Whether a bound parameter value counts as given for an ``only if`` line: not null, '' or []."""
    return not (value is None or value == "" or (isinstance(value, (list, tuple)) and not value))


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
    optional: tuple[OptionalLine, ...] = ()  # the marked lines of ``text`` (0-based line numbers)

    def text_for(self, bound: dict[str, Any]) -> str:
        """The text to run with these bound parameters: ``text`` without the marked lines they leave out."""
        if not self.optional:
            return self.text
        drop = {o.line for o in self.optional if not o.keep(bound)}
        if not drop:
            return self.text
        return "\n".join(ln for k, ln in enumerate(self.text.split("\n")) if k not in drop)

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
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    optional = []
    for k, ln in enumerate(body):
        m = _ONLY_IF.search(ln)
        if m:
            names = tuple(n.strip() for n in m.group(2).split(","))
            unknown = [n for n in names if n not in {p.name for p in params}]
            if unknown:
                raise QueryError(f"{path.name}: 'only if' names no parameter of the query: {unknown}")
            optional.append(OptionalLine(k, names, bool(m.group(1))))
            body[k] = ln[:m.start()].rstrip()
    text = "\n".join(body).strip()
    if not purpose or not columns or not text:
        raise QueryError(f"{path}: a query file needs // purpose:, // columns: and a body")
    return NamedQuery(path.stem, purpose, tuple(params), columns, text, path, tuple(optional))


@lru_cache(maxsize=1)
def all_queries() -> dict[str, NamedQuery]:
    return {p.stem: parse_query_file(p) for p in sorted(QUERY_DIR.glob("*.cypher"))}


def get_query(name: str) -> NamedQuery:
    queries = all_queries()
    if name not in queries:
        raise QueryError(f"no query named {name!r}; known: {', '.join(queries)}")
    return queries[name]
