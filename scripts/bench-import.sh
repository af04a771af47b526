#!/usr/bin/env bash
# Whole-process benchmarks of `backtrack import` (SPEC §9).
# 1. FIT: the ../shared/fit folder into a new journal (decode, figures, dedup, one fsync'd
#    transaction per file) against Python's fitdecode only decoding the same files.
#    Budget: backtrack ≥ 10× faster.
# 2. Export: 1,000 activities (real FIT files moved on by whole days, examples/make_export.rs)
#    as Strava's export zip (activities.csv + activities/N.fit.gz) against the same activities
#    as plain unpacked .fit files. Budget: ≤ 1.5× the time, peak memory ≤ 64 MiB (GNU time).
# Usage: scripts/bench-import.sh [runs] [folder]   (installs hyperfine and fitdecode if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
dir=$(cd "${2:-../shared/fit}" && pwd)
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
python3 -c "import fitdecode" 2>/dev/null || pip install -q fitdecode
cargo build --release --locked -q
cargo build --release --locked -q --example make_export
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

target/release/examples/make_export "$dir" "$work/exp" 1000
hyperfine -N --warmup 1 --runs "$(( runs < 5 ? runs : 5 ))" --export-json "$work/export.json" \
  --prepare "rm -rf $work/k" \
  -n fit-folder "$bin --db $work/k/journal.db import $work/exp/fit --json" \
  -n strava-zip "$bin --db $work/k/journal.db import $work/exp/export.zip --json"
rm -rf "$work/k"
/usr/bin/time -v "$bin" --db "$work/k/journal.db" import "$work/exp/export.zip" --json \
  2>"$work/time.txt" >"$work/summary.json"
python3 - "$work/export.json" "$work/time.txt" "$work/summary.json" <<'PY'
import json, re, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
f, z = r["fit-folder"]["median"], r["strava-zip"]["median"]
kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(sys.argv[2]).read()).group(1))
n = sum(len(x["activities"]) for x in json.load(open(sys.argv[3]))["imported"])
print(f"median: {n} activities from the Strava zip {z*1000:.0f} ms, as plain .fit files {f*1000:.0f} ms: "
      f"{z/f:.2f}x (budget <= 1.5x); peak memory {kb/1024:.1f} MiB (budget <= 64 MiB)")
PY
