# sayso: two commands on a fresh machine.
#   make demo   set up .venv and run the extractor on the built-in example article
#   make test   set up .venv and run the test suite
#   make desk   store the example corpus in out/desk.db and serve the analyst's desk
#   make bench  throughput benchmark (bench/results/throughput.json)
#   make fuzz   property-based tests with many more examples than CI (SAYSO_FUZZ_EXAMPLES, default 2000)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.sayso-installed

.PHONY: demo test desk bench fuzz install lint clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/sayso extract examples/kharkiv_strike.txt --published 2025-03-17 \
	    --title "Missile strike hits Kharkiv as talks stall" --format table -o out/demo.jsonl
	@echo "JSON written to out/demo.jsonl"

test: $(STAMP)
	$(BIN)/python -m pytest -q

desk: $(STAMP)
	@mkdir -p out
	$(BIN)/sayso ingest tests/fixtures/corpus/corpus.jsonl examples/articles.jsonl --db out/desk.db
	$(BIN)/sayso serve --db out/desk.db

fuzz: $(STAMP)
	SAYSO_FUZZ_PROFILE=fuzz $(BIN)/python -m pytest -q -x tests/fuzz

bench: $(STAMP)
	$(BIN)/python bench/throughput.py
	@if [ -f bench/ingest.py ]; then $(BIN)/python bench/ingest.py; fi

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info
