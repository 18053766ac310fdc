#!/usr/bin/env bash
# Builds the native CLI and the native benchmark with profile-guided
# optimisation, into target/pgo/use/release/ (`make native-pgo`).
#
# The profile comes from the CLI analysing the PolNeAR *train* split, one
# thread; the benchmark measures the dev split, so the profile has not seen
# the text it is timed on. The build is otherwise `cargo build --release`,
# the same code: the script ends by checking that both CLIs write the same
# bytes for the seed articles and the dev split.
#
# Needs the llvm-tools rustup component (installed here if missing) and the
# shared corpus, found as the benchmarks find it (tests/shared.mjs):
# WHOSAID_SHARED, else ../shared beside the checkout, else /work/shared.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${WHOSAID_SHARED:-}
if [ -z "$shared" ]; then
  for d in "$root/../shared" /work/shared; do
    [ -f "$d/corpus/polnear-train.jsonl" ] && { shared=$d; break; }
  done
fi
shared=${shared:-$root/../shared}
train=$shared/corpus/polnear-train.jsonl
[ -f "$train" ] || { echo "pgo: no training text at $train (set WHOSAID_SHARED)" >&2; exit 2; }

sysroot=$(rustc --print sysroot)
profdata=$(ls "$sysroot"/lib/rustlib/*/bin/llvm-profdata 2>/dev/null | head -1 || true)
if [ -z "$profdata" ]; then
  rustup component add llvm-tools >&2
  profdata=$(ls "$sysroot"/lib/rustlib/*/bin/llvm-profdata | head -1)
fi

raw=$root/target/pgo/raw
rm -rf "$raw"
RUSTFLAGS="-Cprofile-generate=$raw" CARGO_TARGET_DIR=$root/target/pgo/gen \
  cargo build --release --bin whosaid >&2
"$root/target/pgo/gen/release/whosaid" analyze --jsonl --threads 1 < "$train" > /dev/null
"$profdata" merge -o "$root/target/pgo/merged.profdata" "$raw"
RUSTFLAGS="-Cprofile-use=$root/target/pgo/merged.profdata" CARGO_TARGET_DIR=$root/target/pgo/use \
  cargo build --release --features internals --bin whosaid --bench native >&2
# Built (or found up to date) here, so the comparison is with this code.
cargo build --release --bin whosaid >&2
plain=$root/target/release/whosaid
for c in seeds polnear-dev; do
  if ! cmp -s <("$plain" analyze --jsonl < "$shared/corpus/$c.jsonl") <("$root/target/pgo/use/release/whosaid" analyze --jsonl < "$shared/corpus/$c.jsonl"); then
    echo "pgo: the PGO build's output differs from the plain build's on $c" >&2
    exit 1
  fi
done
echo "pgo: target/pgo/use/release/whosaid (same output as target/release/whosaid)" >&2
