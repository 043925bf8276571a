#!/usr/bin/env bash
# `brief search` with no cache (a first run: the scan, `search::scan`) against `rg -i -l`, in one
# hyperfine run, the cache deleted before every brief run; with BASE set, the same for another build
# (e.g. one from before the scan, whose first search built the index and wrote the cache), and that
# build's and this one's warm search (cache kept) to show the warm path did not change.
#
# Usage: scripts/bench-cold-search.sh DIR [RUNS]   — BRIEF (default target/release/brief), BASE optional.
# Needs hyperfine and rg (apt-get install -y hyperfine ripgrep). Caches live under target/. At 100,000
# briefings use RUNS=2 or 3 on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench-cold-search.sh DIR [RUNS]}
runs=${2:-10}
brief=${BRIEF:-target/release/brief}
cache=$(realpath -m target/bench-cold-search-cache)
args=()
for query in shells "John Kirby"; do
  args+=(-n "brief search '$query' (no cache)" --prepare "rm -rf $cache" "env BRIEF_CACHE_DIR=$cache $brief --dir $dir search '$query'")
  if [ -n "${BASE:-}" ]; then
    args+=(-n "base: brief search '$query' (no cache)" --prepare "rm -rf $cache" "env BRIEF_CACHE_DIR=$cache $BASE --dir $dir search '$query'")
  fi
  args+=(-n "rg -i -l '$query'" --prepare true "rg -i -l '$query' $dir")
done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --warmup 1 --runs "$runs" --export-markdown target/bench-cold-search.md "${args[@]}" >/dev/null
cat target/bench-cold-search.md
if [ -n "${BASE:-}" ]; then
  warm=()
  for b in "$brief" "$BASE"; do
    env BRIEF_CACHE_DIR="$cache-warm-$(basename "$b")" "$b" --dir "$dir" list >/dev/null
    warm+=(-n "$(basename "$b"): brief search shells (warm cache)" "env BRIEF_CACHE_DIR=$cache-warm-$(basename "$b") $b --dir $dir search shells")
  done
  hyperfine -N --warmup 2 --runs "$runs" --export-markdown target/bench-warm-search.md "${warm[@]}" >/dev/null
  cat target/bench-warm-search.md
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
