#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ one after another, each for a set time, and prints libFuzzer's last
# status line (executions, coverage) of each.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 300 s; targets load query convert escape)
#
# Needs a nightly toolchain and cargo-fuzz: `rustup toolchain install nightly` and
# `cargo install cargo-fuzz`. Corpora grow in fuzz/corpus/TARGET (seeded from the seed briefings and the
# articles); a failing input is written to fuzz/artifacts/TARGET and the script stops with its status.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load query convert escape)
for tool in "cargo +nightly --version" "cargo +nightly fuzz --version"; do
  $tool >/dev/null 2>&1 || { echo "fuzz.sh needs: $tool (see the comment at the top)" >&2; exit 1; }
done
mkdir -p fuzz/corpus/load fuzz/corpus/convert fuzz/corpus/query fuzz/corpus/escape
cp -n briefings/*.toml tests/fixtures/broken/*.toml tests/fixtures/hostile/*.toml fuzz/corpus/load/ 2>/dev/null || true
cp -n assets/articles/*.txt tests/fixtures/articles/*.txt fuzz/corpus/convert/ 2>/dev/null || true
printf 'shells\n' > fuzz/corpus/query/word
printf '"artillery shells" -grain actor:kim s*\nKim Jong-Un met Putin\n' > fuzz/corpus/query/mixed
printf '# Fake *bold* [link](x) <b>|a|b|</b> 1. &amp; `code`\n' > fuzz/corpus/escape/markup
for target in "${targets[@]}"; do
  log=fuzz/$target.log
  echo "== $target, $seconds s"
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=4096 \
    -print_final_stats=1 >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
  grep -E '^#[0-9]+.*(DONE|pulse)' "$log" | tail -1
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$log" || true
done
