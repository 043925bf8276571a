#!/usr/bin/env bash
# What a folder of N briefings costs, side by side with ripgrep: the cache's size against the folder's,
# the first (cold) run's time and peak memory, and warm `list`, `search`, `show ID`, `xref ID` and
# `export ID -o -`.
#
# Usage: scripts/bench-scale.sh N [DIR]   — DIR defaults to target/bench-corpus-N (generated once).
#        BRIEF=path/to/brief scripts/bench-scale.sh ...   — time another build (e.g. an older one).
#
# Needs hyperfine and rg (apt-get install -y hyperfine ripgrep) and GNU time (/usr/bin/time). Its caches
# live under target/ (BRIEF_CACHE_DIR), never in the user's cache directory. Results go to
# target/bench-scale-N.md as well as the terminal. At 100,000 briefings a cold run takes about a minute
# and the folder 390 MB; do not run two of these at once on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine rg /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench-scale.sh needs $tool" >&2; exit 1; }
done
n=${1:?usage: bench-scale.sh N [DIR]}
dir=${2:-target/bench-corpus-$n}
cargo build --release --quiet --bin brief --example gen_corpus
[ -d "$dir" ] || target/release/examples/gen_corpus "$n" "$dir"
brief=${BRIEF:-target/release/brief}
cache=$(realpath -m "target/bench-scale-cache-$n")
out=target/bench-scale-$n.md
id=$(ls "$dir" | sed -n "$((n / 2 + 1))p" | sed 's/\.toml$//')   # the middle briefing
run=(env BRIEF_CACHE_DIR="$cache" "$brief" --dir "$dir")

{
  echo "## $n briefings ($(date -u +%F), $brief, load $(cut -d' ' -f1 /proc/loadavg))"
  echo
  rm -rf "$cache"
  # The first run: every file parsed, the index built, the cache written.
  /usr/bin/time -f "%e s, peak RSS %M KB" -o target/bench-scale-time "${run[@]}" list >/dev/null 2>&1
  folder=$(du -s --apparent-size --block-size=1 "$dir/" | cut -f1)
  file=$(du -s --apparent-size --block-size=1 "$cache" | cut -f1)
  echo "- folder $((folder / 1000000)) MB; cache $((file / 1000000)) MB ($(awk "BEGIN {printf \"%.2f\", $file / $folder}")x the folder)"
  echo "- first run (\`brief list\`, no cache): $(cat target/bench-scale-time)"
  for what in "list" "search shells" "show $id" "xref $id" "export $id -o -"; do
    /usr/bin/time -f "%e s, peak RSS %M KB" -o target/bench-scale-time "${run[@]}" $what >/dev/null 2>&1
    echo "- warm \`brief $what\`: $(cat target/bench-scale-time)"
  done
  echo
} | tee "$out"
hyperfine -N --warmup 1 --min-runs 3 --export-markdown target/bench-scale-hf.md \
  -n "brief list" "env BRIEF_CACHE_DIR=$cache $brief --dir $dir list" \
  -n "brief search shells" "env BRIEF_CACHE_DIR=$cache $brief --dir $dir search shells" \
  -n "rg -i -l shells" "rg -i -l shells $dir" \
  -n "brief show $id" "env BRIEF_CACHE_DIR=$cache $brief --dir $dir show $id" \
  -n "brief xref $id" "env BRIEF_CACHE_DIR=$cache $brief --dir $dir xref $id" \
  -n "brief export $id -o -" "env BRIEF_CACHE_DIR=$cache $brief --dir $dir export $id -o -" >/dev/null
cat target/bench-scale-hf.md | tee -a "$out"
echo "load average after the hyperfine run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
