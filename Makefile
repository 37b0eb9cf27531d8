# The table of contents of argmap's workflow. `make help` lists the targets.

GO        ?= go
PKGS      ?= ./...
FUZZTIME  ?= 10s
BENCHTIME ?= 1x
BIN       ?= bin/argmap

.PHONY: help build test race lint fmt fuzz bench man update ci clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

build: ## build bin/argmap
	$(GO) build -buildvcs=auto -o $(BIN) ./cmd/argmap

test: ## the edit loop: gofmt check, go vet and every test
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(PKGS)
	$(GO) test $(PKGS)

race: ## every test again under the race detector (CI runs it after test)
	$(GO) test -race $(PKGS)

STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

lint: ## gofmt, go vet and staticcheck (fetched through the Go module proxy)
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }
	$(GO) vet $(PKGS)
	$(GO) run $(STATICCHECK) $(PKGS)

fmt: ## rewrite the sources with gofmt
	gofmt -w .

fuzz: ## run every fuzz target for FUZZTIME each (seeds also run in plain go test)
	@set -e; for pkg in $$($(GO) list $(PKGS)); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "== $$pkg $$f"; \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

bench: ## run the benchmarks (BENCHTIME=1x for a smoke run; e.g. BENCHTIME=3s for figures)
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) $(PKGS)

man: ## write man pages to man/
	$(GO) run ./cmd/argmap man man

update: ## rewrite golden files from the current output
	$(GO) test ./cmd/argmap ./internal/render ./internal/export -update

ci: ## what CI runs
	bash .ci/run

clean: ## remove build output
	rm -rf bin man
