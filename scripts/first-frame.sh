#!/usr/bin/env bash
# Time from launching the reader to its first frame, as a person sees it: the reader runs in tmux, and
# the screen is read every 10 ms until the list or the loading screen of a first run shows; then until
# the list's title bar shows; then, until "indexing…" leaves the
# status bar (search, cross-references and boards ready), with the peak resident memory by then.
#
# Usage: scripts/first-frame.sh DIR [BRIEF]   — BRIEF defaults to target/release/brief; the cache is
# BRIEF_CACHE_DIR as set (export it to time a warm or a cold start); LIST_ONLY=1 stops the reader once
# its list shows. Needs tmux.
set -euo pipefail
dir=${1:?usage: first-frame.sh DIR [BRIEF]}
brief=${2:-target/release/brief}
session=brief-first-frame-$$
start=$(date +%s%N)
tmux new-session -d -s "$session" -x 200 -y 50 "env BRIEF_CACHE_DIR=${BRIEF_CACHE_DIR:-} $brief --dir $dir"
# The first frame: the list, or on a first run (no fresh cache) the loading screen with its counts.
until tmux capture-pane -p -t "$session" 2>/dev/null | grep -qE "Briefings|Reading the folder"; do
  sleep 0.01
  if ! tmux has-session -t "$session" 2>/dev/null; then echo "the reader ended before its first frame" >&2; exit 1; fi
done
shown=$(date +%s%N)
until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q "Briefings"; do
  sleep 0.01
  if ! tmux has-session -t "$session" 2>/dev/null; then echo "the reader ended before its list" >&2; exit 1; fi
done
end=$(date +%s%N)
pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
rss=$(ps -o rss= -p "$pid" 2>/dev/null || echo "?")
if [ -n "${LIST_ONLY:-}" ]; then
  # Stop once the list shows (a first run at a million would go on to build the index in memory).
  peak=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo "?")
  tmux kill-session -t "$session"
  echo "first frame after $(((shown - start) / 1000000)) ms; list after $(((end - start) / 1000000)) ms;" \
    "resident $rss KB then; peak resident $peak KB by then"
  exit 0
fi
while tmux capture-pane -p -t "$session" 2>/dev/null | grep -q "indexing…"; do sleep 0.05; done
indexed=$(date +%s%N)
peak=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo "?")
now=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo "?")
tmux kill-session -t "$session"
echo "first frame after $(((shown - start) / 1000000)) ms; list after $(((end - start) / 1000000)) ms; resident $rss KB then;" \
  "indexed after $(((indexed - start) / 1000000)) ms; peak resident $peak KB, $now KB then"
