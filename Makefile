# whosaid: the two commands are `make serve` and `make test`; each installs what it needs.
SHELL := /bin/bash
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
WASM := target/wasm32-unknown-unknown/wasm/whosaid.wasm
NODE_DEPS := tests/node_modules/.installed
PORT ?= 8080

.PHONY: serve test setup lint wasm web package native native-pgo node-deps chromium test-rust test-wasm test-browser clean fuzz bench java python-wheel test-python bench-python

serve: web
	python3 tests/serve.py --port $(PORT) www

test: setup lint wasm node-deps chromium test-rust test-wasm test-browser test-python

setup:
	@rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@if [ "$$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --locked \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

native:
	cargo build --release

# The CLI built with profile-guided optimisation (bench/pgo.sh), the fastest
# native build: target/pgo/use/release/whosaid. Same output as `native`.
native-pgo:
	bench/pgo.sh

wasm: setup
	cargo build --lib --target wasm32-unknown-unknown --profile wasm
	@# No wasm-opt pass: after rustc's opt-level 3, binaryen's -Oz (and -O3)
	@# made the module 8-12% slower in V8 for 0.1 KB less gzip. Dropping the
	@# name and producers sections gives the same size.
	wasm-bindgen $(WASM) --target web --no-typescript --remove-name-section --remove-producers-section --out-dir www/pkg
	@echo "www/pkg/whosaid_bg.wasm: $$(wc -c < www/pkg/whosaid_bg.wasm) bytes, $$(gzip -9c www/pkg/whosaid_bg.wasm | wc -c) gzipped"

# The page and www/embed.html run the package's JS: copy it beside the wasm,
# with the page's own third-party code (pkg-config/vendor: Readability).
# The build's own tool (pkg-config/tools: esbuild, which bundles the worker
# and the page's script) is installed from npm as the test tools are.
VENDOR_DEPS := pkg-config/vendor/node_modules/.installed
TOOLS_DEPS := pkg-config/tools/node_modules/.installed
web: wasm $(VENDOR_DEPS) $(TOOLS_DEPS)
	node pkg-config/build.mjs --www
$(VENDOR_DEPS): pkg-config/vendor/package.json
	cd pkg-config/vendor && npm install --no-audit --no-fund --loglevel=error
	touch $@
$(TOOLS_DEPS): pkg-config/tools/package.json
	cd pkg-config/tools && npm install --no-audit --no-fund --loglevel=error
	touch $@

# pkg/ (the npm package) and its tarball in target/npm/.
package: web
	node pkg-config/build.mjs --pack

node-deps: $(NODE_DEPS)
$(NODE_DEPS): tests/package.json
	cd tests && npm install --no-audit --no-fund --loglevel=error
	touch $@

chromium:
	@command -v chromium >/dev/null || command -v /usr/bin/chromium >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# What a reviewer checks first: the code is formatted as rustfmt.toml says,
# clippy finds nothing (with and without the stages' internals, and in the
# wasm build), and the docs build with no broken link (the public API's and
# the internals').
lint:
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	cargo fmt --check
	cd fuzz && cargo fmt --check
	cd pkg-config/python && cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --features internals -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
	cd fuzz && cargo clippy --all-targets -- -D warnings
	cd pkg-config/python && CARGO_TARGET_DIR=$(CURDIR)/target cargo clippy --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --document-private-items --features internals
	cd pkg-config/python && CARGO_TARGET_DIR=$(CURDIR)/target RUSTDOCFLAGS="-D warnings" cargo doc --no-deps

# The tests twice: as shipped (release, with the stages' internals, so that
# the trainer's own tests run too), then with debug assertions and overflow
# checks on (the checked profile, optimised too): the stages' invariants
# (src/invariants.rs) and the helpers' debug_assert!s, which a neutral
# fallback would otherwise hide, hold on every test input.
test-rust:
	cargo test --release --features internals
	cargo test --profile checked --features internals

test-wasm: web node-deps native
	node tests/wasm_node.mjs
	node tests/wasm_robust.mjs
	node tests/long_text.mjs
	node tests/contract.mjs

test-browser: package node-deps chromium
	node tests/build.mjs
	node tests/browser/run.mjs

# The Python package (pkg-config/python, see its README section): the abi3
# wheel is built once, in release mode, into the shared target/ (maturin,
# from the venv), installed into target/pyenv beside pyspark and pytest,
# and tested against the CLI, with Spark in local mode.
PYENV := target/pyenv
PYENV_DEPS := $(PYENV)/.installed
WHEEL_DIR := target/wheels

java:
	@command -v java >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless; }

$(PYENV_DEPS): pkg-config/python/requirements-test.txt
	python3 -m venv $(PYENV)
	$(PYENV)/bin/pip install -q --disable-pip-version-check -r $<
	touch $@

python-wheel: $(PYENV_DEPS)
	rm -f $(WHEEL_DIR)/whosaid-*.whl
	CARGO_TARGET_DIR=$(CURDIR)/target $(PYENV)/bin/maturin build --release -m pkg-config/python/Cargo.toml -o $(WHEEL_DIR)
	$(PYENV)/bin/pip install -q --disable-pip-version-check --force-reinstall --no-deps $(WHEEL_DIR)/whosaid-*.whl

test-python: python-wheel native java
	cd pkg-config/python && CARGO_TARGET_DIR=$(CURDIR)/target cargo test --release -q
	cd pkg-config/python/tests && ../../../$(PYENV)/bin/python -m pytest -q -p no:cacheprovider .

# make fuzz SECONDS=600: every fuzz target for a share of the time, at low
# priority; runs are logged in fuzz/log.tsv (see fuzz/README.md).
SECONDS ?= 600
fuzz:
	fuzz/run.sh $(SECONDS)

# make bench: native, wasm-in-Chromium (beside compromise) and page-load
# numbers, then analyze_many and the Spark job against the CLI
# (bench/python.py, `make bench-python` alone), written to bench/results.md.
BENCH_DEPS := bench/node_modules/.installed
bench: native web chromium $(BENCH_DEPS)
	node bench/run.mjs
	$(MAKE) bench-python

bench-python: python-wheel native java
	$(PYENV)/bin/python bench/python.py
$(BENCH_DEPS): bench/package.json
	cd bench && npm install --no-audit --no-fund --loglevel=error
	touch $@

clean:
	cargo clean
	rm -rf www/pkg www/app.bundle.js www/sw.js pkg tests/node_modules bench/node_modules pkg-config/vendor/node_modules pkg-config/tools/node_modules
