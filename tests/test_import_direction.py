"""Imports run one way (ARCHITECTURE.md): model <- ontology <- loaders / ontology.mapping / linking
<- graph <- explorer, with pipeline, the composition root, the only package that imports every stage.
Parsed with ast, so an import inside a function counts as much as one at the top."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_PARTY = ("model", "loaders", "ontology", "linking", "graph", "pipeline", "explorer", "bench", "tests")

# unit -> the units (or module prefixes) it may import besides itself. "ontology" is the ontology
# core (schema, vocab, responsibility, script, strings, rdf_export): ontology.mapping is its own unit.
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "ontology": {"model"},
    "loaders": {"model", "ontology"},
    "ontology.mapping": {"model", "ontology"},
    # indicator resolution compares names with the keys and kinds the mapping gives them (one definition)
    "linking": {"model", "ontology", "ontology.mapping.text", "ontology.mapping.indicators", "ontology.mapping.domains"},
    "graph": {"model", "ontology"},
    "explorer": {"model", "ontology", "graph"},
    "pipeline": {"model", "ontology", "loaders", "ontology.mapping", "linking", "graph"},
    "app": {"model", "ontology", "graph", "explorer"},
    "bench": {"model", "ontology", "loaders", "ontology.mapping", "linking", "graph", "pipeline", "explorer"},
}
# The one documented exception: `python -m graph` runs the CLI that lives in the composition root.
EXCEPTIONS = {("graph/__main__.py", "pipeline.cli")}


def unit_of(module: str) -> str:
    parts = module.split(".")
    if parts[:2] == ["ontology", "mapping"]:
        return "ontology.mapping"
    return parts[0]


def _module_name(path: Path) -> tuple[str, list[str]]:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    package = parts[:-1] if parts[-1] != "__init__" else parts[:-1]
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts), package


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every first-party import in a file."""
    name, package = _module_name(path)
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:   # from . import a, b: each is a module of the package
                    out += [(node.lineno, f"{mod}.{a.name}") for a in node.names]
                    continue
                out.append((node.lineno, mod))
            else:
                out.append((node.lineno, node.module or ""))
    return [(line, m) for line, m in out if m.split(".")[0] in FIRST_PARTY]


def allowed(src_unit: str, target: str) -> bool:
    t_unit = unit_of(target)
    if t_unit == src_unit:
        return True
    # a unit allows all of it; a module path (ontology.mapping.text) allows that module only
    return any(t_unit == a or (a not in ALLOWED and (target == a or target.startswith(a + ".")))
               for a in ALLOWED[src_unit])


def _files() -> list[Path]:
    files = [p for pkg in ALLOWED if (ROOT / pkg).is_dir() for p in sorted((ROOT / pkg).rglob("*.py"))]
    return files + [ROOT / "app.py"]


def test_imports_run_the_allowed_way():
    bad = []
    for path in _files():
        rel = path.relative_to(ROOT).as_posix()
        src = "app" if rel == "app.py" else unit_of(_module_name(path)[0])
        for line, target in imports(path):
            if (rel, target) in EXCEPTIONS or allowed(src, target):
                continue
            bad.append(f"{rel}:{line} ({src}) imports {target}")
    assert not bad, "imports against the allowed direction (see ARCHITECTURE.md):\n" + "\n".join(bad)


def test_the_rules_cover_every_package():
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests"}
    assert packages <= set(ALLOWED), packages - set(ALLOWED)


def test_the_checker():
    assert allowed("pipeline", "loaders.pipeline") and allowed("linking", "ontology.mapping.text")
    assert not allowed("linking", "ontology.mapping.policies") and not allowed("ontology", "ontology.mapping")
    assert not allowed("model", "loaders") and not allowed("graph", "pipeline.cli")
    assert not allowed("bench", "tests.test_heldout_loaders") and not allowed("explorer", "loaders.script")
