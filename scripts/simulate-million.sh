#!/usr/bin/env bash
# A million briefings, simulated: generates 1,000,000 with gen_corpus (about 3.9 GB in a million files;
# not in CI) and measures the first (cold) run, the cache, warm list/search/show/xref side by side with
# rg (scripts/bench-scale.sh), and the reader's first frame warm (scripts/first-frame.sh).
#
# Usage: scripts/simulate-million.sh [DIR]   — DIR defaults to target/bench-corpus-1000000.
#
# Takes the machine for a long while: run it alone. It refuses to start without 8 GB of free disk, and
# warns when less memory is available than the cold run is expected to take (see docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
n=1000000
dir=${1:-target/bench-corpus-$n}
free_disk=$(df --output=avail -B1 "$(dirname "$dir")" | tail -1)
[ "$free_disk" -gt 8000000000 ] || { echo "simulate-million.sh needs 8 GB free next to $dir" >&2; exit 1; }
available=$(awk '/MemAvailable/ {print $2 * 1024}' /proc/meminfo)
echo "memory available: $((available / 1000000000)) GB"
cargo build --release --quiet --bin brief --example gen_corpus
[ -d "$dir" ] || /usr/bin/time -f "generated in %e s" target/release/examples/gen_corpus "$n" "$dir"
scripts/bench-scale.sh "$n" "$dir"
BRIEF_CACHE_DIR=$(realpath -m "target/bench-scale-cache-$n") scripts/first-frame.sh "$dir"
