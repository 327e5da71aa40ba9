#!/usr/bin/env python3
"""Generates the notebooks notebooks/*.ipynb from the single-file programs notebooks/java/*.java.

The programs are the source; the notebooks are generated (do not edit them by hand, edit the program and
run this script). Markers in a program, each on a line of its own:

    // notebook: 01-tour.ipynb    the notebook this program becomes (first lines of the file)
    // %% [markdown]              a markdown cell: the following // comment lines, without the '// '
    // %%                         a code cell: the following lines, up to the next marker
    // %% end                     ends the current cell (what follows is program-only scaffolding)
    //! CODE                      a line that only the notebook has (e.g. //! %jars ...)

Code cells are de-indented; in cells of the class body a leading 'static ' is dropped (JShell declarations
are top-level). Everything outside cells (class header, main's signature, the program's display()) stays
in the program only.

    notebooks/sync.py           rewrite the notebooks whose cells changed (outputs of unchanged cells kept)
    notebooks/sync.py --check   exit 1 if a notebook's cells differ from its program (CI)
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent
KERNELSPEC = {"name": "opsvd-java", "display_name": "Java (opsvd)", "language": "java"}


def dedent(lines):
    indents = [len(l) - len(l.lstrip()) for l in lines if l.strip()]
    cut = min(indents) if indents else 0
    return [l[cut:] if l.strip() else "" for l in lines]


def cells_of(program: pathlib.Path):
    text = program.read_text(encoding="utf-8")
    name = re.search(r"^// notebook: (\S+)", text, re.M)
    if not name:
        raise SystemExit(f"{program}: no '// notebook: NAME.ipynb' line")
    cells = []
    kind, body, depth = None, [], 0

    def close():
        nonlocal kind, body
        if kind == "markdown":
            src = [re.sub(r"^\s*// ?", "", l) for l in body]
            cells.append(("markdown", "\n".join(src).strip("\n")))
        elif kind == "code":
            lines = dedent(body)
            if in_class_body:
                lines = [l[len("static "):] if l.startswith("static ") else l for l in lines]
            src = "\n".join(lines).strip("\n")
            if src:
                cells.append(("code", src))
        kind, body = None, []

    in_class_body = False
    for line in text.split("\n"):
        stripped = line.strip()
        marker = re.fullmatch(r"// %%(?: \[(markdown)\]| (end))?", stripped)
        if marker:
            in_class_body_at_marker = depth == 1
            close()
            in_class_body = in_class_body_at_marker
            if marker.group(1):
                kind = "markdown"
            elif not marker.group(2):
                kind = "code"
            continue
        if kind is None:
            depth += line.count("{") - line.count("}")
            continue
        if kind == "code" and stripped.startswith("//!"):
            line = line.replace("//! ", "", 1).replace("//!", "", 1)
        body.append(line)
        if kind == "code":
            depth += line.count("{") - line.count("}")
    close()
    return name.group(1), cells


def notebook(cells, old=None):
    old_cells = {}
    if old:
        for c in old.get("cells", []):
            old_cells.setdefault((c["cell_type"], "".join(c["source"])), c)
    out = []
    for i, (kind, src) in enumerate(cells):
        prev = old_cells.get((kind, src))
        cell = {"cell_type": kind, "id": f"cell-{i:02d}", "metadata": {}, "source": src}
        if kind == "code":
            cell["execution_count"] = prev.get("execution_count") if prev else None
            cell["outputs"] = prev.get("outputs", []) if prev else []
        out.append(cell)
    return {"cells": out, "metadata": {"kernelspec": KERNELSPEC,
                                       "language_info": {"name": "java", "file_extension": ".jshell",
                                                         "mimetype": "text/x-java-source"}},
            "nbformat": 4, "nbformat_minor": 5}


def sources(nb):
    return [(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]


def main():
    check = "--check" in sys.argv[1:]
    status = 0
    for program in sorted((ROOT / "java").glob("*.java")):
        name, cells = cells_of(program)
        path = ROOT / name
        old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
        if old is not None and sources(old) == cells:
            continue
        if check:
            print(f"sync: {path.name} is out of date with java/{program.name}; run notebooks/sync.py")
            status = 1
            continue
        path.write_text(json.dumps(notebook(cells, old), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"sync: wrote {path.name} from java/{program.name}")
    return status


if __name__ == "__main__":
    sys.exit(main())
