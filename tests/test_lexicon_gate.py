"""Phrase lexicons are data (issue 8 item 4): a .py file outside the vocabulary loader must not hold
a list, tuple or set of three or more Chinese phrases, a string split into three or more, or a regex
alternation of three or more (``负责|牵头|配合``). Such lists belong in ontology/vocab/lexicons/<name>.txt,
read with ``vocab.lexicon()`` / ``lexicon_regex()`` / ``lexicon_pattern()``.

ALLOWLIST would hold files not migrated yet (none are left); the test also fails
when a listed file has nothing left to migrate, so the list stays true.
"""
from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("model", "loaders", "ontology", "linking", "graph", "pipeline", "explorer")
EXEMPT = ("ontology/vocab/",)          # the vocabulary loader itself
MIN_PHRASES = 3

# Files that still hold phrase lists (as of the gate's landing); remove a file once it is migrated.
ALLOWLIST: set[str] = set()

_CJK = re.compile(r"[\u3400-\u9fff]")
# three alternatives with Chinese in them, side by side (MIN_PHRASES - 1 more after the first)
_ALTERNATION = re.compile(r"[\u3400-\u9fff][^|()\[\]]*(?:\|[^|()\[\]]*[\u3400-\u9fff][^|()\[\]]*){2,}")


def _phrase(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(_CJK.search(node.value))


def _strings(node: ast.AST):
    """String constants of a node, f-string parts included."""
    for n in ast.walk(node):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            yield n


def offences(source: str) -> list[tuple[int, str]]:
    """(line, what) for every phrase list in a module's source."""
    tree = ast.parse(source)
    out: list[tuple[int, str]] = []
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            n = sum(1 for e in node.elts if _phrase(e))
            if n >= MIN_PHRASES:
                out.append((node.lineno, f"{type(node).__name__.lower()} of {n} phrases"))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
              and _phrase(node.func.value)):
            words = [w for w in node.func.value.value.split() if _CJK.search(w)]  # type: ignore[attr-defined]
            if len(words) >= MIN_PHRASES:
                out.append((node.lineno, f"string split into {len(words)} phrases"))
    for s in _strings(tree):
        if id(s) in docstrings:
            continue
        m = _ALTERNATION.search(s.value)
        if m:
            out.append((s.lineno, f"regex alternation {m.group(0)[:30]}…"))
    return sorted(set(out))


def _files() -> list[Path]:
    files = [p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))] + [ROOT / "app.py"]
    return [p for p in files if not p.relative_to(ROOT).as_posix().startswith(EXEMPT)]


@lru_cache(maxsize=1)
def _found() -> dict[str, list[tuple[int, str]]]:
    out = {}
    for p in _files():
        hits = offences(p.read_text(encoding="utf-8"))
        if hits:
            out[p.relative_to(ROOT).as_posix()] = hits
    return out


def test_no_phrase_lists_outside_the_vocabulary():
    found = _found()
    new = {f: hits for f, hits in found.items() if f not in ALLOWLIST}
    assert not new, "phrase lists in Python (move them to ontology/vocab/lexicons): " + "; ".join(
        f"{f}:{line} {what}" for f, hits in new.items() for line, what in hits)


def test_allowlist_is_current():
    found = _found()
    stale = sorted(f for f in ALLOWLIST if f not in found)
    assert not stale, f"migrated: remove from ALLOWLIST in {Path(__file__).name}: {stale}"


def test_the_detector():
    assert offences('X = ("牵头", "负责", "配合")\n')
    assert offences('import re\nR = re.compile(r"(?:负责|牵头|责任单位)")\n')
    assert offences('S = set("加强 推进 推动".split())\n')
    assert offences('R = rf"^(?:{x})(负责|牵头|配合)"\n')
    assert not offences('X = ("牵头", "负责")\nY = ("a", "b", "c")\n')
    assert not offences('R = r"[一二三四五六七八九十]+、"\nC = set("的一是在不了有和")\n')
    assert not offences('def f():\n    """负责|牵头|配合 in a docstring is prose."""\n')
