#!/usr/bin/env bash
# Runs every fuzz target for RUNS executions each (default 3,500,000) with cargo-fuzz on rustup's
# nightly, seeding the HTML targets with the fixture pages. Crashes land in fuzz/artifacts/<target>/;
# each one found becomes a regression test (tests/fuzz_regressions.rs).
#   scripts/fuzz.sh [RUNS] [TARGET...]   (FUZZ_MAX_LEN=bytes per input, default 16384; FUZZ_TIMEOUT=s per input, default 10: raise it on a loaded machine,
#   where a starved process can pass 10 s on any input)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RUNS=${1:-3500000}; shift || true
TARGETS=("$@"); [ ${#TARGETS[@]} -gt 0 ] || TARGETS=(html_to_article decode cite dates)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  case $t in html_to_article|decode)
    i=0; for f in tests/fixtures/pages/*/source.html; do cp "$f" "fuzz/corpus/$t/seed$i.html"; i=$((i+1)); done ;;
  esac
  echo "== $t: $RUNS runs"
  # The whole libFuzzer log (progress lines included) in fuzz/logs/<target>.log; the summary here.
  # SIGUSR1 to the fuzzer stops it early with its final stats.
  mkdir -p fuzz/logs
  cargo +nightly fuzz run -O "$t" "fuzz/corpus/$t" -- -runs="$RUNS" -max_len="${FUZZ_MAX_LEN:-16384}" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
    -print_final_stats=1 > "fuzz/logs/$t.log" 2>&1 || true
  grep -E "stat::number_of_executed_units|stat::peak_rss|Done|ERROR|SUMMARY|crash-|timeout-|oom-" "fuzz/logs/$t.log" || true
done
