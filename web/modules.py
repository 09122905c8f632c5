"""The ES modules a page runs, found by walking the imports of its entry module (static files, no build
step): the page preloads them all, so the browser fetches the whole graph at once instead of one level of
imports after another, a round trip each. Read once per process."""
import posixpath
import re
from functools import cache

from django.contrib.staticfiles import finders

# Static imports and re-exports with a relative address; the project's modules use no other form.
IMPORT = re.compile(r'^(?:import|export)\s(?:[^;"]*?\sfrom\s)?"(\.{1,2}/[^"]+)";', re.M)


class ModuleNotFound(LookupError):
    pass


@cache
def module_graph(entry):
    """Every module `entry` (a static path such as "web/main.js") imports, directly or not, itself first."""
    graph = []

    def visit(path):
        if path in graph:
            return
        found = finders.find(path)
        if not found:
            importer = f"imported by {graph[-1]}" if graph else "the entry module"
            raise ModuleNotFound(f"static module {path} ({importer}) is not among the static files")
        graph.append(path)
        with open(found, encoding="utf-8") as module:
            for target in IMPORT.findall(module.read()):
                visit(posixpath.normpath(posixpath.join(posixpath.dirname(path), target)))

    visit(entry)
    return tuple(graph)
