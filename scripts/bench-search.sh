#!/usr/bin/env bash
# End-to-end search against ripgrep over the same synthetic folder, in one hyperfine run.
#
# Usage: scripts/bench-search.sh [N]   — N briefings (default 10000), generated once under target/.
#
# Needs hyperfine and rg on the PATH; this script installs nothing. On Debian/Ubuntu:
#   apt-get install -y hyperfine ripgrep
#
# For each query it times:
#   brief (warm cache)  the cache of parsed briefings and index is fresh: what every run after the first does
#   brief (cold cache)  the cache is deleted before each run (a first run): every file parsed, the scan
#                       (search::scan: only the briefings that may match indexed), no cache written
#   brief --no-cache    the same, with the cache turned off
#   rg -i -l            ripgrep listing the files that contain the words, case-insensitively
# and then, in a second table, `brief xref` on one whole briefing (text and --json, warm cache).
# The cache of these runs lives under target/ (BRIEF_CACHE_DIR), never in the user's cache directory.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine rg; do
  command -v "$tool" >/dev/null || { echo "bench-search.sh needs $tool (apt-get install -y hyperfine ripgrep)" >&2; exit 1; }
done
n=${1:-10000}
dir=target/bench-corpus-$n
warm=target/bench-cache-$n-warm
cold=target/bench-cache-$n-cold
cargo build --release --quiet --bin brief --example gen_corpus
[ -d "$dir" ] || target/release/examples/gen_corpus "$n" "$dir"
brief=target/release/brief
# Per query: a name, brief's query (quoted for the shell) and rg's pattern.
queries=("shells|shells|shells" "\"artillery shells\" -grain|'\"artillery shells\" -grain'|'artillery shells'")
args=()
for q in "${queries[@]}"; do
  IFS='|' read -r name query pattern <<<"$q"
  args+=(-n "brief search $name (warm cache)" --prepare true "BRIEF_CACHE_DIR=$warm $brief --dir $dir search -n 20 $query")
  args+=(-n "brief search $name (cold cache)" --prepare "rm -rf $cold" "BRIEF_CACHE_DIR=$cold $brief --dir $dir search -n 20 $query")
  args+=(-n "brief --no-cache search $name" --prepare true "$brief --no-cache --dir $dir search -n 20 $query")
  args+=(-n "rg -i -l $pattern" --prepare true "rg -i -l $pattern $dir")
done
hyperfine --warmup 3 --min-runs 10 --export-markdown "target/bench-search-$n.md" "${args[@]}"
cat "target/bench-search-$n.md"
# `brief xref` on a whole briefing (every item's related items across the folder), warm cache; it has no
# peer in ripgrep, so it is its own table.
id=$(ls "$dir" | sed -n "$((n / 2 + 1))p" | sed 's/\.toml$//')   # the middle briefing
hyperfine --warmup 2 --min-runs 10 --export-markdown "target/bench-xref-$n.md" \
  -n "brief xref $id (warm cache)" "BRIEF_CACHE_DIR=$warm $brief --dir $dir xref $id" \
  -n "brief xref --json $id (warm cache)" "BRIEF_CACHE_DIR=$warm $brief --dir $dir xref --json $id"
cat "target/bench-xref-$n.md"
