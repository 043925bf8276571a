#!/usr/bin/env bash
# End-to-end search against ripgrep over the same synthetic folder, in one hyperfine run.
# Usage: scripts/bench-search.sh [N] — N briefings (default 10000), generated once under target/.
# Needs hyperfine and rg (Debian: apt-get install hyperfine ripgrep).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
dir=target/bench-corpus-$n
cargo build --release --quiet --bin brief --example gen_corpus
[ -d "$dir" ] || target/release/examples/gen_corpus "$n" "$dir"
brief=target/release/brief
hyperfine --warmup 3 --min-runs 10 --export-markdown "target/bench-search-$n.md" \
  -n "brief search shells" "$brief --dir $dir search -n 20 shells" \
  -n "rg -i -l shells" "rg -i -l shells $dir" \
  -n "brief search \"artillery shells\" -grain" "$brief --dir $dir search -n 20 '\"artillery shells\" -grain'" \
  -n "rg -i -l \"artillery shells\"" "rg -i -l 'artillery shells' $dir"
cat "target/bench-search-$n.md"
