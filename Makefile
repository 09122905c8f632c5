# The two commands a new user needs: `make run` and `make test`.
PORT ?= 8000
PY := .venv/bin/python

.PHONY: run test setup setup-test serve seed

# Unset DEBUG means production; `make run` is local development, and says so.
setup run: export DEBUG = 1

setup:
	scripts/system-packages.sh run
	scripts/venv.sh
	mkdir -p data
	$(PY) manage.py compilemessages --ignore=.venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_seed

run: setup
	@echo "Development mode: DEBUG on, development secret key; not for production (see DEPLOY.md)."
	@echo "Serving ControlMap at http://127.0.0.1:$(PORT)/"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

setup-test:
	scripts/system-packages.sh test
	scripts/venv.sh test
	mkdir -p data
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv

test: setup-test
	scripts/test.sh

# Data safety (RELIABILITY.md). BACKUP=path names the file; restore refuses a non-empty database unless FORCE=1.
.PHONY: backup restore reliability
backup:
	BACKUP="$(BACKUP)" scripts/backup.sh

restore:
	BACKUP="$(BACKUP)" FORCE="$(FORCE)" scripts/restore.sh

# Hardening tests on both databases, then the full load test (64 clients x 60 s) on each; figures in data/reliability/.
reliability: setup-test
	scripts/reliability.sh

# The benchmark of issue 8, never part of `make test`: every size on PostGIS (and up to L on SpatiaLite),
# gunicorn under wrk and the map in Chromium; writes BENCHMARKS.md and BENCHMARKS.json. Bench data lives in
# its own databases (cm_bench_<size>, data/bench/); XL takes several minutes to generate the first time.
.PHONY: bench
bench: setup-test
	scripts/system-packages.sh bench
	$(PY) scripts/bench.py $(BENCH_ARGS)

# The production layout run for real (DEPLOY.md, TOPOLOGY): a PostGIS primary and streaming replicas, Redis,
# two gunicorn app servers and nginx on ports of their own, readers and an editor through nginx, with faults.
# Takes a few minutes; never part of `make test`. Writes data/topology/report.json; leaves nothing running.
.PHONY: topology
topology: setup-test
	scripts/system-packages.sh topology
	$(PY) scripts/topology/run.py $(TOPOLOGY_ARGS)
