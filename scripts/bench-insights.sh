#!/usr/bin/env bash
# Whole-process timings on the 10-year demo journal (SPEC §9): `stats --json` (budget 50 ms,
# permutation tests included; also on the 10-year demo without effects),
# `status`, the first frames of `show today` / `show trends` (≤ 30 ms, and 10 years ≤ 1.3× the
# 1-year figure), and peak memory. Usage: scripts/bench-insights.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
cargo build --release --locked -q
bin=$PWD/target/release/backtrack
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BACKTRACK_TODAY=2026-11-23
"$bin" --db "$work/10y/journal.db" demo --years 10 --seed 1
"$bin" --db "$work/1y/journal.db" demo --years 1 --seed 1
# The same shape without planted effects: most associations stop shuffling early there.
"$bin" --db "$work/10y-none/journal.db" demo --years 10 --seed 1 --effects none
"$bin" --db "$work/10y-none/journal.db" status >/dev/null
"$bin" --db "$work/10y/journal.db" status >/dev/null # the day's first open makes the backup
"$bin" --db "$work/1y/journal.db" status >/dev/null
hyperfine -N --warmup 3 --runs 30 \
  -n "stats --json (10y)" "$bin --db $work/10y/journal.db stats --json" \
  -n "stats --json (1y)" "$bin --db $work/1y/journal.db stats --json" \
  -n "stats --json (10y, no effects)" "$bin --db $work/10y-none/journal.db stats --json" \
  -n "status (10y)" "$bin --db $work/10y/journal.db status"
for screen in today trends; do
  hyperfine -N --warmup 5 --runs 50 \
    -n "show $screen (1y)" "$bin --db $work/1y/journal.db show $screen" \
    -n "show $screen (10y)" "$bin --db $work/10y/journal.db show $screen"
done
for y in 1y 10y; do
  for cmd in "stats --json" "show today" "show trends"; do
    peak=$( { /usr/bin/time -v "$bin" --db "$work/$y/journal.db" $cmd >/dev/null; } 2>&1 | awk '/Maximum resident/ {print $6}')
    echo "peak memory, $cmd ($y): ${peak} KiB"
  done
done
# The app itself on 10 years: every screen and every Trends range, then quit; GNU time reports
# the peak resident memory of the whole session (budget 30 MiB).
if command -v tmux >/dev/null; then
  sock="bt-bench-$$"
  tmux -L "$sock" new-session -d -x 120 -y 40 \
    "/usr/bin/time -v -o $work/tui-time.txt $bin --db $work/10y/journal.db"
  sleep 1
  for k in 2 3 4 5 ']' ']' ']' 6 1; do tmux -L "$sock" send-keys "$k"; sleep 0.3; done
  tmux -L "$sock" send-keys q
  for _ in $(seq 50); do [ -s "$work/tui-time.txt" ] && break; sleep 0.1; done
  tmux -L "$sock" kill-server 2>/dev/null || true
  echo "peak memory, the app on every screen and range (10y): $(awk '/Maximum resident/ {print $6}' "$work/tui-time.txt") KiB"
fi
# Instruction counts (callgrind) are repeatable on a shared machine: the 10y/1y growth of each
# screen's first frame (budget 1.3×), whole process.
if command -v valgrind >/dev/null; then
  for screen in today pain training meds trends timeline; do
    n=()
    for y in 1y 10y; do
      valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
        "$bin" --db "$work/$y/journal.db" show "$screen" >/dev/null 2>&1
      n+=("$(awk '/^totals:/ {print $2}' "$work/cg.out")")
    done
    awk -v s="$screen" -v a="${n[0]}" -v b="${n[1]}" \
      'BEGIN { printf "show %-8s instructions 1y %d, 10y %d: %.2fx\n", s, a, b, b / a }'
  done
fi
