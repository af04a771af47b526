#!/usr/bin/env bash
# Whole-process timing of the care-team report on the 10-year demo journal (SPEC §9):
# `report --since 1y`, HTML only (budget 100 ms), against `stats --json` over the same journal
# (the figures it shares, budget 50 ms) as the named baseline. Usage: scripts/bench-report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
cargo build --release --locked -q
bin=$PWD/target/release/backtrack
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BACKTRACK_TODAY=2026-11-23
"$bin" --db "$work/r.db" demo --years 10 --seed 1
"$bin" --db "$work/r.db" status >/dev/null # the day's first open makes the backup
hyperfine -N --warmup 3 --runs 30 \
  -n "report --since 1y (10y)" "$bin --db $work/r.db report --since 1y -o $work/r.html" \
  -n "report --since 12w (10y)" "$bin --db $work/r.db report --since 12w -o $work/r12.html" \
  -n "stats --json (10y)" "$bin --db $work/r.db stats --json"
ls -l "$work"/r.html "$work"/r12.html
# Instruction counts (callgrind) are repeatable on a shared machine: the report against stats.
if command -v valgrind >/dev/null; then
  n=()
  for cmd in "stats --json" "report --since 1y -o $work/r.html"; do
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
      "$bin" --db "$work/r.db" $cmd >/dev/null 2>&1
    n+=("$(awk '/^totals:/ {print $2}' "$work/cg.out")")
  done
  awk -v a="${n[0]}" -v b="${n[1]}" \
    'BEGIN { printf "instructions: stats --json %d, report --since 1y %d: %.2fx\n", a, b, b / a }'
fi
