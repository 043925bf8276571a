#!/usr/bin/env bash
# A million briefings, simulated: generates 1,000,000 with gen_corpus (about 3.8 GB of text in a million
# files, 5.4 GB on disk; not in CI) and measures, side by side with `rg -i -l`:
#   1. the reader's first run (no cache): its first frame (the loading screen) and when the list shows,
#      with the memory by then (scripts/first-frame.sh, LIST_ONLY=1: stopped there);
#   2. if the machine has the memory for it, the first (cold) build of the cache, then warm list, search,
#      show, xref and export (scripts/bench-scale.sh) and the reader's first frame on the warm cache.
# The first build holds the decoded folder and its index and graph in memory at once: about 19 KB per
# briefing (1.93 GB at 100k, docs/performance.md), so step 2 runs only when MemAvailable exceeds
# 21 KB per briefing; otherwise it says so and stops.
#
# Usage: scripts/simulate-million.sh [DIR]   — DIR defaults to target/bench-corpus-1000000.
#        N=200000 scripts/simulate-million.sh DIR   — another size.
#
# Takes the machine for a long while: run it alone. It refuses to start without 8 GB of free disk; from
# the cold build on, it asks the kernel to stop it first should memory run out (oom_score_adj 1000).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-1000000}
dir=${1:-target/bench-corpus-$n}
free_disk=$(df --output=avail -B1 "$(dirname "$dir")" | tail -1)
[ -d "$dir" ] || [ "$free_disk" -gt 8000000000 ] ||
  { echo "simulate-million.sh needs 8 GB free next to $dir" >&2; exit 1; }
cargo build --release --quiet --bin brief --example gen_corpus
[ -d "$dir" ] || /usr/bin/time -f "generated in %e s, peak RSS %M KB" target/release/examples/gen_corpus "$n" "$dir"
echo "## $n briefings ($(date -u +%F), load $(cut -d' ' -f1 /proc/loadavg))"
echo "- folder: $(du -s --apparent-size --block-size=1M "$dir/" | cut -f1) MB of text, $(du -sh "$dir/" | cut -f1) on disk"
hyperfine -N --warmup 1 --runs 3 "rg -i -l shells $dir" 2>&1 | grep -E "Time|Range" | sed 's/^/- rg -i -l shells: /'
first=$(mktemp -d)
echo "- reader, first run: $(LIST_ONLY=1 BRIEF_CACHE_DIR="$first" scripts/first-frame.sh "$dir")"
rm -rf "$first"
available=$(awk '/MemAvailable/ {printf "%d", $2 * 1024}' /proc/meminfo)
needed=$((n * 21000))
if [ "$available" -lt "$needed" ]; then
  echo "- cold build and warm runs not run: $((available / 1000000000)) GB available, the first build needs about $((needed / 1000000000)) GB"
  exit 0
fi
# If memory runs out after all (others' work grows meanwhile), the kernel stops this first.
echo 1000 > /proc/self/oom_score_adj
scripts/bench-scale.sh "$n" "$dir"
BRIEF_CACHE_DIR=$(realpath -m "target/bench-scale-cache-$n") scripts/first-frame.sh "$dir"
