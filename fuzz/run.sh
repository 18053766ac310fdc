#!/usr/bin/env bash
# Runs every fuzz target for a share of the given seconds, at low priority,
# and appends what ran to fuzz/log.tsv. Usage: fuzz/run.sh SECONDS [TARGET...]
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 lets the stable
# toolchain accept them. Exits non-zero when a target finds a crash; the
# input is then in fuzz/artifacts/TARGET/ (make it a regression test: copy
# it to fuzz/regressions/TARGET/, which tests/fuzz_regressions.rs replays).
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze jsonl)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
per=$(( total / ${#targets[@]} ))
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  log="fuzz/artifacts/$t.log"
  echo "fuzz: $t for ${per}s (log: $log)"
  set +e
  t0=$(date +%s)
  nice -n 19 cargo fuzz run -a "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
    -max_total_time="$per" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  # Seconds spent fuzzing: wall time less the build, which cargo reports.
  build=$(sed -n 's/.*Finished .* in \([0-9]*\)m \([0-9]*\).*/\1 \2/p; s/.*Finished .* in \([0-9.]*\)s$/0 \1/p' "$log" | awk '{s+=$1*60+$2} END {printf "%d", s}')
  secs=$(( $(date +%s) - t0 - ${build:-0} ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  runs="$execs $secs"
  result=$([ $rc -eq 0 ] && echo ok || echo "crash (exit $rc)")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$commit" "$t" "$per" "$runs" "$result" >> fuzz/log.tsv
  echo "fuzz: $t: $result, runs/seconds: $runs"
  [ $rc -eq 0 ] || { status=1; tail -40 "$log"; }
done
exit $status
