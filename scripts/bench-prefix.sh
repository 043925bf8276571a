#!/usr/bin/env bash
# Prefix queries that match many terms, against a plain word and ripgrep, in one hyperfine run each.
#
# Usage: scripts/bench-prefix.sh [BRIEF...]   — the brief binaries to compare (default target/release/brief)
#
# 1. Folders of 4,000 briefings whose summaries hold 10,000 / 20,000 / 40,000 / 80,000 distinct words
#    beginning with `z` (examples/gen_terms.rs): `brief search 'z*'` matches every one of them.
# 2. 10,000 generated briefings (examples/gen_corpus.rs): `brief search 'a*'` (thousands of terms) against
#    the plain word `shells`, and `rg -i -l` for the same.
# Warm cache (every run after the first), under target/ (BRIEF_CACHE_DIR), never the user's cache.
# Needs hyperfine and rg (apt-get install -y hyperfine ripgrep); this script installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine rg; do
  command -v "$tool" >/dev/null || { echo "bench-prefix.sh needs $tool (apt-get install -y hyperfine ripgrep)" >&2; exit 1; }
done
cargo build --release --quiet --bin brief --example gen_terms --example gen_corpus
binaries=("$@")
[ ${#binaries[@]} -gt 0 ] || binaries=(target/release/brief)
cache=target/bench-prefix-cache
args=()
for terms in 10000 20000 40000 80000; do
  dir=target/bench-terms-$terms
  [ -d "$dir" ] || target/release/examples/gen_terms 4000 "$terms" "$dir"
  for brief in "${binaries[@]}"; do
    args+=(-n "$brief search 'z*' ($terms terms)" "BRIEF_CACHE_DIR=$cache $brief --dir $dir search 'z*'")
  done
done
args+=(-n "rg -i -l 'z[a-z]*' (80000 terms)" "rg -i -l '\bz[a-z]*' target/bench-terms-80000")
hyperfine --warmup 2 --min-runs 10 --export-markdown target/bench-prefix-terms.md "${args[@]}"
dir=target/bench-corpus-10000
[ -d "$dir" ] || target/release/examples/gen_corpus 10000 "$dir"
args=()
for brief in "${binaries[@]}"; do
  args+=(-n "$brief search shells" "BRIEF_CACHE_DIR=$cache $brief --dir $dir search shells")
  args+=(-n "$brief search 'a*'" "BRIEF_CACHE_DIR=$cache $brief --dir $dir search 'a*'")
done
args+=(-n "rg -i -l shells" "rg -i -l shells $dir" -n "rg -i -l '\ba'" "rg -i -l '\ba' $dir")
hyperfine --warmup 2 --min-runs 10 --export-markdown target/bench-prefix-10000.md "${args[@]}"
cat target/bench-prefix-terms.md target/bench-prefix-10000.md
