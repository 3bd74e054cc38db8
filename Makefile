# obol — build, test and benchmark.
#
# `make test` is the whole suite (unit, integration, e2e, interop with the
# official npm clients). What tests need beyond Go modules is installed into
# git-ignored caches and reused when present:
#   test/node/node_modules   official npm clients (openai, viem, @x402/*)
#   .cache/bin               tools built from Go modules (abigen, ...)
#   .cache/ollama            Ollama server built from source (scripts/ollama.sh)

SHELL       := /bin/bash
GO          ?= go
CACHE       := $(CURDIR)/.cache
GOBIN_CACHE := $(CACHE)/bin
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT      ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
LDFLAGS     := -X github.com/obol-dev/obol/internal/cli.Version=$(VERSION) -X github.com/obol-dev/obol/internal/cli.Commit=$(COMMIT)
GETH_VERSION := v1.17.10
TEST_TIMEOUT ?= 60m

export OBOL_NODE_MODULES := $(CURDIR)/test/node/node_modules
# Under make, the real-Ollama gateway test fails (not skips) without the binary.
export OBOL_OLLAMA_BIN := $(CURDIR)/.cache/ollama/bin/ollama
export OBOL_REQUIRE_OLLAMA := 1

.PHONY: all build test vet fmtcheck lint unit node-deps contracts generate bench clean ollama check-rules

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/obol ./cmd/obol

## test: everything, as CI runs it.
test: node-deps ollama vet check-rules
	$(GO) test -count=1 -timeout $(TEST_TIMEOUT) ./...

vet: fmtcheck
	$(GO) vet ./...

## lint: staticcheck's unused-code and correctness checks (clean at the end of session 1).
STATICCHECK_VERSION := v0.8.2
lint: $(GOBIN_CACHE)/staticcheck-$(STATICCHECK_VERSION)
	$(GOBIN_CACHE)/staticcheck -checks 'U1000,SA*' ./...

$(GOBIN_CACHE)/staticcheck-$(STATICCHECK_VERSION):
	GOBIN=$(GOBIN_CACHE) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	touch $@

## fmtcheck: every tracked Go file is gofmt-clean.
fmtcheck:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

## check-rules: `promtool check rules` on deploy/prometheus/rules.yaml. promtool is built
## once into .cache/bin (~4 min cold); the Go tests in deploy/prometheus also parse the
## file with Prometheus's rulefmt and evaluate every rule on the PromQL engine.
PROMETHEUS_VERSION := v0.316.0
check-rules: $(GOBIN_CACHE)/promtool-$(PROMETHEUS_VERSION)
	$(GOBIN_CACHE)/promtool check rules deploy/prometheus/rules.yaml

$(GOBIN_CACHE)/promtool-$(PROMETHEUS_VERSION):
	GOBIN=$(GOBIN_CACHE) $(GO) install github.com/prometheus/prometheus/cmd/promtool@$(PROMETHEUS_VERSION)
	touch $@

## ollama: Ollama v0.17.4 built from source (CPU) for the gateway's real-Ollama
## test; ~5 min once, then reused from .cache/ollama.
ollama:
	scripts/ollama.sh

## node-deps: the official npm clients the interop tests drive.
node-deps: test/node/node_modules/.installed

test/node/node_modules/.installed: test/node/package.json test/node/package-lock.json
	cd test/node && npm ci --no-audit --no-fund
	touch $@

## contracts: recompile Solidity with solc-js and regenerate Go bindings.
## Outputs are committed; `make test` never runs this.
contracts: $(GOBIN_CACHE)/abigen
	cd contracts && npm ci --no-audit --no-fund && node build.mjs
	PATH=$(GOBIN_CACHE):$$PATH $(GO) generate ./contracts/...

$(GOBIN_CACHE)/abigen:
	GOBIN=$(GOBIN_CACHE) $(GO) install github.com/ethereum/go-ethereum/cmd/abigen@$(GETH_VERSION)

## generate: deepcopy methods and CRDs from api/v1alpha1 (controller-gen).
## Outputs are committed; `make test` never runs this.
CONTROLLER_GEN_VERSION := v0.23.0
generate: $(GOBIN_CACHE)/controller-gen-$(CONTROLLER_GEN_VERSION)
	$(GOBIN_CACHE)/controller-gen object paths=./api/...
	$(GOBIN_CACHE)/controller-gen crd paths=./api/... output:crd:artifacts:config=deploy/helm/obol/crds

$(GOBIN_CACHE)/controller-gen-$(CONTROLLER_GEN_VERSION):
	GOBIN=$(GOBIN_CACHE) $(GO) install sigs.k8s.io/controller-tools/cmd/controller-gen@$(CONTROLLER_GEN_VERSION)
	touch $@

## bench: Go benchmarks of the hot paths (peers: see docs/BENCHMARKS.md).
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin
