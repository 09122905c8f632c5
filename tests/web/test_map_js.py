"""The map's JavaScript unit tests (node's own test runner), run as part of the pytest suite."""
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_node_unit_tests_pass():
    node = shutil.which("node")
    assert node, "node is needed for the map's unit tests (tests/js); install Node.js 18 or later"
    result = subprocess.run(
        [node, "--test", "--test-reporter=spec", *sorted(str(p) for p in (ROOT / "tests" / "js").glob("*.test.mjs"))],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The spec reporter ends with "ℹ pass N", "ℹ fail N", "ℹ skipped N"...: nothing may be skipped.
    counts = {}
    for line in result.stdout.splitlines():
        words = line.split()
        if len(words) == 3 and words[0] == "ℹ" and words[2].isdigit():
            counts[words[1]] = int(words[2])
    assert counts.get("fail") == 0 and counts.get("skipped") == 0 and counts.get("todo") == 0, result.stdout
    assert counts.get("pass", 0) >= 15, result.stdout
