#!/usr/bin/env bash
# Whole-process benchmark (SPEC §9): `backtrack import` of the ../shared/fit folder into a new
# journal (decode, figures, dedup, one fsync'd transaction per file) against Python's fitdecode
# only decoding the same files. Budget: backtrack ≥ 10× faster.
# Usage: scripts/bench-import.sh [runs] [folder]   (installs hyperfine and fitdecode if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
dir=$(cd "${2:-../shared/fit}" && pwd)
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
python3 -c "import fitdecode" 2>/dev/null || pip install -q fitdecode
cargo build --release --locked -q
bin=$PWD/target/release/backtrack
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BACKTRACK_TODAY=2026-11-23
hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/result.json" \
  --prepare "rm -rf $work/j" \
  -n backtrack "$bin --db $work/j/journal.db import $dir --json" \
  -n fitdecode "python3 scripts/fitdecode_all.py $dir"
python3 - "$work/result.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
b, f = r["backtrack"]["median"], r["fitdecode"]["median"]
print(f"median: backtrack import {b*1000:.0f} ms, fitdecode decode {f*1000:.0f} ms: backtrack is {f/b:.1f}x faster (budget >= 10x)")
PY
