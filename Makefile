# Kasfleet: two commands do all set-up on a fresh Debian machine.
#   make run   - installs what is missing, builds, opens Kasfleet
#   make test  - installs what is missing, runs every test
SHELL := /bin/bash
SWIFT ?= swift
DEB_PACKAGES := libsecp256k1-dev libsodium-dev libncurses-dev libsqlite3-dev libqrencode-dev pkg-config tmux
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FUZZ_SECONDS ?= 60
# gold cannot link libFuzzer's driver here; lld can.
FUZZ_FLAGS := -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld

.PHONY: run test deps test-deps build release bench fuzz clean

# Install Debian packages only when one is missing.
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

# The wire test's independent client (Tests/Scripts/official_client.py): gRPC's C core and protoc, for Python.
test-deps: deps
	@python3 -c "import grpc, grpc_tools" 2>/dev/null || { echo "installing: grpcio-tools (pip)"; \
		python3 -m pip install --quiet --disable-pip-version-check grpcio-tools 2>&1 | grep -v "as the 'root' user" || true; \
		python3 -c "import grpc, grpc_tools" 2>/dev/null || echo "warning: no grpcio-tools for python3: the official-client wire test is skipped"; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: build
	@$(SWIFT) run --skip-build kasfleet console --devnet

test: test-deps
	$(SWIFT) build --build-tests
	@# The whole log is kept; shown are the vector counts, failures and the verdict.
	@set -o pipefail; $(SWIFT) test --skip-build 2>&1 | tee .build/test.log | grep -E "\[vectors\]|✘|Test run with|error:" || true
	@grep -qE "Test run with .* passed" .build/test.log || { echo "tests failed: see .build/test.log"; exit 1; }

bench: release
	.build/release/kasfleet bench derive --count 10000 --json
	.build/release/kasfleet bench sign --inputs 100 --json
	.build/release/kasfleet bench sign --inputs 1000 --json
	.build/release/kasfleet bench verify --inputs 100 --json
	.build/release/kasfleet bench store --machines 100000 --utxos 1000000 --json
	.build/release/kasfleet bench devnet --txs 10000 --json
	.build/release/kasfleet bench render --machines 100000 --json
	.build/release/kasfleet bench sync --addresses 10000 --utxo-changes 100000 --json

# Bounded libFuzzer runs of every fuzz target (FUZZ_SECONDS each).
fuzz: deps
	cd Fuzz && $(SWIFT) build -c debug $(FUZZ_FLAGS)
	@mkdir -p fuzz-corpus
	@set -o pipefail; for t in $$(cd Fuzz && ls Sources | grep -v FuzzSupport); do \
		echo "== $$t ($(FUZZ_SECONDS)s)"; mkdir -p fuzz-corpus/$$t; \
		Fuzz/.build/debug/$$t -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 fuzz-corpus/$$t Fuzz/Seeds/$$t 2>&1 | tail -n 3 || exit 1; \
	done

clean:
	rm -rf .build Fuzz/.build
