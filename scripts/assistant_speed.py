"""How long the article assistant takes on a 5,000-word article of real wire copy (the bound: 1 s).

Standalone, no database: the gazetteer is built from fixtures/seed.json as `load_gazetteer` would read
it after `load_seed`. The article is the assistant corpus's excerpts (tests/editorial/assistant/corpus)
repeated up to 5,000 words, English and Arabic mixed as they come. Building the names (the first time
also imports spaCy) and the first run (which loads dateparser's language data) are reported apart.

    DEBUG=1 .venv/bin/python scripts/assistant_speed.py [WORDS] [RUNS]
"""
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "controlmap.settings")

import django  # noqa: E402

django.setup()

from editorial.assistant import Gazetteer, analyse  # noqa: E402


def gazetteer():
    seed = json.loads((ROOT / "fixtures" / "seed.json").read_text(encoding="utf-8"))
    return Gazetteer(
        [(p["slug"], p["name"], p["kind"], [n["name"] for n in p["names"]]) for p in seed["places"]],
        [(a["slug"], a["name"], a["kind"], [a["short_name"], *(x["name"] for x in a["aliases"])]) for a in seed["actors"]],
    )


def article(words):
    corpus = ROOT / "tests" / "editorial" / "assistant" / "corpus"
    texts = [e["text"] for part in ("development",) for e in json.loads((corpus / f"{part}.json").read_text(encoding="utf-8"))]
    chosen, count = [], 0
    while count < words:
        for text in texts:
            chosen.append(text)
            count += len(text.split())
            if count >= words:
                break
    return "\n\n".join(chosen)


def main(words=5000, runs=10):
    start = time.perf_counter()
    gazetteer()  # the first one in a process also imports spaCy
    first_names = time.perf_counter() - start
    start = time.perf_counter()
    names = gazetteer()  # what load_gazetteer costs each request besides its queries
    again = time.perf_counter() - start
    text = article(words)
    published = dt.datetime(2017, 11, 19, 12, tzinfo=dt.timezone.utc)
    start = time.perf_counter()
    first = analyse(text, published, names)
    cold = time.perf_counter() - start
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        analyse(text, published, names)
        timings.append(time.perf_counter() - start)
    print(f"{len(text.split()):,} words, {len(text.encode()):,} bytes, {len(first.proposals)} proposals")
    print(f"names: first {first_names:.3f} s (imports spaCy), then {again:.3f} s each")
    print(f"first run (loads dateparser's data): {cold:.3f} s")
    print(f"next {runs} runs: median {statistics.median(timings):.3f} s, slowest {max(timings):.3f} s")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
