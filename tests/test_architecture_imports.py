"""The import graph follows the data flow (docs/architecture.md, "Layers").

Every ``import`` of a newsgraph module is read from the source, lazy ones inside
functions included. A module may import its own layer or a lower one, never a higher one,
and no two modules may import each other, directly or round a longer loop.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

# Lowest first. A module belongs to the longest prefix listed.
LAYERS: list[tuple[str, ...]] = [
    ("newsgraph.errors", "newsgraph.record", "newsgraph.kinds", "newsgraph.validate", "newsgraph.resources"),
    ("newsgraph.ingest",),
    ("newsgraph.pipeline",),
    ("newsgraph.store",),
    ("newsgraph.corpus",),
    ("newsgraph.runners",),
    ("newsgraph.service",),
    ("newsgraph.summary", "newsgraph.eval", "newsgraph.web"),
    ("newsgraph.api",),
    ("newsgraph.cli", "newsgraph.__main__", "newsgraph"),
]


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The newsgraph modules ``name`` imports anywhere in its body."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m.split(".")[0] == "newsgraph" and m != name}


def _layer(module: str) -> int:
    best, best_len = None, -1
    for rank, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = rank, len(prefix)
    assert best is not None, f"{module} is in no layer: add it to LAYERS and docs/architecture.md"
    return best


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) & modules.keys() for name, path in modules.items()}


def test_architecture_imports_name_modules_that_exist():
    # A lazy import of a moved module fails only when its function runs: catch it here.
    modules = _modules()
    missing = [f"{name} imports {target}" for name, path in sorted(modules.items())
               for target in sorted(_imports(name, path, modules) - modules.keys())]  # fmt: skip
    assert not missing, "imports of newsgraph modules that do not exist:\n" + "\n".join(missing)


def test_architecture_imports_never_go_up_a_layer():
    upward = [
        f"{src} ({LAYERS[_layer(src)][0]}) imports {dst} ({LAYERS[_layer(dst)][0]})"
        for src, targets in sorted(_graph().items())
        for dst in sorted(targets)
        if _layer(dst) > _layer(src)
    ]
    assert not upward, "upward imports:\n" + "\n".join(upward)


def test_architecture_imports_have_no_cycle():
    graph = _graph()
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_architecture_imports_test_sees_lazy_imports():
    # The check must read imports inside functions too, or a lazy upward import would pass.
    graph = _graph()
    assert "newsgraph.runners.ingest" in graph["newsgraph.service"]  # imported inside ingest()


def test_architecture_importing_the_record_loads_little():
    import subprocess
    import sys

    code = ("import sys, newsgraph.record; "
            "print(sorted(m for m in sys.modules if m.startswith('newsgraph')))")  # fmt: skip
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                            env={"PYTHONPATH": str(SRC)}).stdout  # fmt: skip
    assert "newsgraph.service" not in loaded and "newsgraph.pipeline" not in loaded, loaded
