#!/usr/bin/env bash
# Whole-process timings on the 10-year demo journal (SPEC §9): `stats --json` (budget 50 ms),
# `status`, and peak memory. Usage: scripts/bench-insights.sh
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
"$bin" --db "$work/10y/journal.db" status >/dev/null # the day's first open makes the backup
"$bin" --db "$work/1y/journal.db" status >/dev/null
hyperfine -N --warmup 3 --runs 30 \
  -n "stats --json (10y)" "$bin --db $work/10y/journal.db stats --json" \
  -n "stats --json (1y)" "$bin --db $work/1y/journal.db stats --json" \
  -n "status (10y)" "$bin --db $work/10y/journal.db status"
for y in 1y 10y; do
  peak=$( { /usr/bin/time -v "$bin" --db "$work/$y/journal.db" stats --json >/dev/null; } 2>&1 | awk '/Maximum resident/ {print $6}')
  echo "peak memory, stats --json ($y): ${peak} KiB"
done
