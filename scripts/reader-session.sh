#!/usr/bin/env bash
# The reader's peak memory over a short session, as a person uses it: open (warm cache), search, jump to
# the best hit, list the cross-references of its first claim, export it; then each board (figures first:
# the boards are read from the cache then; builds before cache format 8 loaded the whole folder for them).
# Each step's time (from the key to the screen showing its outcome) and the peak resident memory (VmHWM)
# after it. The reader runs in tmux in a scratch folder (the export is written there).
#
# Usage: scripts/reader-session.sh DIR [BRIEF] [QUERY] — BRIEF defaults to target/release/brief, QUERY to
# "ballistic missiles"; the cache is BRIEF_CACHE_DIR as set (warm it first: `brief --dir DIR list`).
# Set BOARDS=0 to leave the boards out. Needs tmux.
set -euo pipefail
dir=$(realpath "${1:?usage: reader-session.sh DIR [BRIEF] [QUERY]}")
brief=$(realpath "${2:-target/release/brief}")
query=${3:-ballistic missiles}
scratch=$(mktemp -d)
session=brief-session-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$scratch"' EXIT
screen() { tmux capture-pane -p -t "$session" 2>/dev/null; }
# Waits until the screen shows (or with "!", no longer shows) the pattern (an extended regular
# expression); prints the milliseconds since `start`.
wait_for() {
  local start=$1 pattern=$2
  until if [[ $pattern == !* ]]; then [[ ! $(screen) =~ ${pattern#!} ]]; else [[ $(screen) =~ $pattern ]]; fi; do
    if (($(date +%s%N) - start > 300 * 1000000000)); then
      echo "gave up waiting for /$pattern/ after 300 s; the screen:" >&2
      screen >&2
      exit 1
    fi
    sleep 0.02
  done
  echo $((($(date +%s%N) - start) / 1000000))
}
peak() { awk '/VmHWM/ {print $2}' "/proc/$pid/status"; }
start=$(date +%s%N)
tmux new-session -d -s "$session" -x 200 -y 50 -c "$scratch" "env BRIEF_CACHE_DIR=${BRIEF_CACHE_DIR:-} $brief --dir $dir"
pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
ms=$(wait_for "$start" "Briefings")
ms_indexed=$(wait_for "$start" "!indexing…")
echo "open: first frame $ms ms, indexed $ms_indexed ms; peak $(peak) KB"
t=$(date +%s%N)
tmux send-keys -t "$session" / && tmux send-keys -t "$session" -l "$query"
# The whole query typed (the frame that shows it says "searching…" until its hits come), then its hits.
ms=$(wait_for "$t" "$query")
ms=$(wait_for "$t" "(hits, the best|hit\(s\))")
ms=$(wait_for "$t" "!searching…")
echo "search '$query': $ms ms; peak $(peak) KB"
t=$(date +%s%N)
tmux send-keys -t "$session" Enter
ms=$(wait_for "$t" "for $query")
tmux send-keys -t "$session" 4 x
ms=$(wait_for "$t" "XREF")
echo "jump to the best hit, x on its first claim: $ms ms; peak $(peak) KB"
# Escape then a key at once reads as Alt-key: the two are sent apart.
tmux send-keys -t "$session" Escape && sleep 0.3 && tmux send-keys -t "$session" e
t=$(date +%s%N)
ms=$(wait_for "$t" "exported to")
echo "export: $ms ms; peak $(peak) KB"
if [[ ${BOARDS:-1} != 0 ]]; then
  t=$(date +%s%N)
  tmux send-keys -t "$session" F
  ms=$(wait_for "$t" "counted things")
  echo "figures board: $ms ms; peak $(peak) KB"
  # The other boards, one after another (the whole folder's timeline is made when it first opens; T on
  # the sources board would show the selected source's, so the board is left first).
  for board in "Q:[0-9]+ questions" "A:[0-9]+ actors" "S:[0-9]+ sources" "T:the whole folder"; do
    [[ ${board%%:*} == T ]] && tmux send-keys -t "$session" Escape && sleep 0.3
    t=$(date +%s%N)
    tmux send-keys -t "$session" "${board%%:*}"
    ms=$(wait_for "$t" "${board#*:}")
    echo "${board%%:*} board: $ms ms; peak $(peak) KB"
  done
fi
tmux send-keys -t "$session" q
