#!/usr/bin/env bash
# show, export and xref of one briefing with many similar claims (10k/20k/40k), warm cache, with `wc -w`
# reading the same file as the peer, in one hyperfine run per size.
#
# Usage: scripts/bench-items.sh [BRIEF...]   — the brief binaries to compare (default target/release/brief)
#
# Each folder is the five seed briefings plus `many-claims.toml`: N claims by one actor that differ only
# in a number ("The army fired 17 artillery shells at the border town on day 17."). Every claim is then
# similar to every other, and to the seeds' claims about shells. Caches live under target/, one per
# binary. Needs hyperfine (apt-get install -y hyperfine); this script installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench-items.sh needs hyperfine (apt-get install -y hyperfine)" >&2; exit 1; }
cargo build --release --quiet --bin brief
binaries=("$@")
[ ${#binaries[@]} -gt 0 ] || binaries=(target/release/brief)
for n in 10000 20000 40000; do
  dir=target/bench-claims-$n
  if [ ! -f "$dir/many-claims.toml" ]; then
    mkdir -p "$dir"
    cp briefings/*.toml "$dir/"
    {
      printf 'schema = 1\nid = "many-claims"\ntitle = "Many claims"\nsummary = "Many similar claims."\n'
      printf 'status = "draft"\n\n[source]\noutlet = "Wire"\n\n[[actor]]\nid = "army"\nname = "The Army"\nkind = "organisation"\n'
      for ((i = 0; i < n; i++)); do
        printf '\n[[claim]]\nid = "c%d"\ntext = "The army fired %d artillery shells at the border town on day %d."\n' "$i" "$i" $((i % 97))
        printf 'claimed_by = "army"\nstance = "asserts"\nquote = "The army said it fired %d artillery shells at the border town."\n' "$i"
      done
    } > "$dir/many-claims.toml"
  fi
  args=()
  for brief in "${binaries[@]}"; do
    cache=target/bench-items-cache-$(echo "$brief" | tr '/' '_')
    args+=(-n "$brief show ($n claims)" "BRIEF_CACHE_DIR=$cache $brief --dir $dir show many-claims")
    args+=(-n "$brief export -o - ($n claims)" "BRIEF_CACHE_DIR=$cache $brief --dir $dir export many-claims -o -")
    args+=(-n "$brief xref ($n claims)" "BRIEF_CACHE_DIR=$cache $brief --dir $dir xref many-claims")
  done
  args+=(-n "wc -w ($n claims)" "wc -w $dir/many-claims.toml")
  hyperfine --warmup 1 --min-runs 5 --output=pipe --export-markdown "target/bench-items-$n.md" "${args[@]}"
done
cat target/bench-items-10000.md target/bench-items-20000.md target/bench-items-40000.md
