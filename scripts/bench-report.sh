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
