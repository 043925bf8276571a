#!/usr/bin/env bash
# Time from launching the reader to its first frame, as a person sees it: the reader runs in tmux, and
# the screen is read every 10 ms until the list's title bar shows.
#
# Usage: scripts/first-frame.sh DIR [BRIEF]   — BRIEF defaults to target/release/brief; the cache is
# BRIEF_CACHE_DIR as set (export it to time a warm or a cold start). Needs tmux.
set -euo pipefail
dir=${1:?usage: first-frame.sh DIR [BRIEF]}
brief=${2:-target/release/brief}
session=brief-first-frame-$$
start=$(date +%s%N)
tmux new-session -d -s "$session" -x 200 -y 50 "env BRIEF_CACHE_DIR=${BRIEF_CACHE_DIR:-} $brief --dir $dir"
until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q "Briefings"; do
  sleep 0.01
  if ! tmux has-session -t "$session" 2>/dev/null; then echo "the reader ended before its first frame" >&2; exit 1; fi
done
end=$(date +%s%N)
pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
rss=$(ps -o rss= -p "$pid" 2>/dev/null || echo "?")
tmux kill-session -t "$session"
echo "first frame after $(((end - start) / 1000000)) ms; resident $rss KB then"
