#!/usr/bin/env bash
# Captures the README's screenshots: the reader running in a real terminal (xterm, on a virtual X
# display). docs/reader.png after searching the seed briefings for "shells", jumping to the best hit and
# turning to the Claims pane; docs/board.png the Actors board on North Korea, its claims column focused.
#
# Not needed by CI. Tools (Debian): apt-get install -y xvfb xterm xdotool x11-utils imagemagick \
#   fonts-dejavu-core fonts-noto-cjk
# Usage: scripts/screenshot.sh [READER.png [BOARD.png]]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/reader.png}
board=${2:-docs/board.png}
for tool in Xvfb xterm xdotool xwininfo import; do
  command -v "$tool" >/dev/null || { echo "screenshot.sh: $tool is missing (see the header)" >&2; exit 1; }
done

cargo build --release --quiet
# The first display number with no server (a lock file marks a running one).
n=90
while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
display=:$n
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
export DISPLAY=$display
cache=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$cache"' EXIT

wait_for() { # command... : retries for up to 10 s
  for _ in $(seq 100); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "screenshot.sh: timed out waiting for: $*" >&2
  exit 1
}
wait_for xwininfo -root

# 160x45 cells of DejaVu Sans Mono 11 pt (Noto CJK for Hangul), dark background, no cursor blink.
BRIEF_CACHE_DIR=$cache xterm -geometry 160x45+0+0 -fa 'DejaVu Sans Mono' -fs 11 -fd 'Noto Sans Mono CJK KR' \
  -bg '#1d1f21' -fg '#d8d8d8' -xrm 'XTerm*cursorBlink: false' -xrm 'XTerm*forceBoxChars: true' \
  -title brief -e target/release/brief --dir briefings &
wait_for xdotool search --name '^brief$'
window=$(xdotool search --name '^brief$' | head -1)
# Keys go to the window under the pointer (there is no window manager to give focus).
xdotool mousemove --window "$window" 10 10
sleep 1
keys() { xdotool type --delay 60 "$1"; sleep 0.5; }
keys '/'
keys 'shells'
xdotool key Return
sleep 0.5
# The Claims pane of the briefing the hit is in, the claim on the million shells selected: matches stay
# highlighted.
keys '4jjjjjj'
import -window "$window" -colors 32 "$out"
# The Actors board: North Korea (second in the list), its own claims and the claims that name it.
keys 'A'
keys 'jl'
import -window "$window" -colors 32 "$board"
xdotool type q
echo "wrote $out ($(du -k "$out" | cut -f1) KB) and $board ($(du -k "$board" | cut -f1) KB)"
