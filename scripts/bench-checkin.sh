#!/usr/bin/env bash
# Whole-process benchmark (SPEC §9): `backtrack checkin 4` against the sqlite3 shell doing the
# same upsert with the same pragmas on a copy of the same 10-year journal. Budget: ≤ 1.5×.
# Usage: scripts/bench-checkin.sh [runs]   (needs hyperfine and sqlite3; installs them via apt)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-60}
for tool in hyperfine sqlite3; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$tool"; }
done
cargo build --release --locked -q
bin=$PWD/target/release/backtrack
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BACKTRACK_TODAY=2026-11-23
"$bin" --db "$work/a/journal.db" demo --years 10 --seed 1
mkdir -p "$work/b"
"$bin" --db "$work/a/journal.db" backup "$work/b/journal.db" >/dev/null
rows=$(sqlite3 "$work/a/journal.db" "SELECT count(*) FROM checkins")
echo "journal: $rows check-ins ($(du -h "$work/a/journal.db" | cut -f1))"
now="strftime('%Y-%m-%dT%H:%M:%fZ','now')"
sql="PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;
INSERT INTO checkins (uuid, date, pain, created_at, updated_at) VALUES (lower(hex(randomblob(16))), '2026-11-23', 4, $now, $now)
ON CONFLICT(date) WHERE deleted_at IS NULL DO UPDATE SET pain = excluded.pain, updated_at = excluded.updated_at;"
hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/result.json" \
  -n backtrack "$bin --db $work/a/journal.db checkin 4" \
  -n sqlite3 "sqlite3 $work/b/journal.db \"$sql\""
python3 - "$work/result.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
b, s = r["backtrack"]["median"], r["sqlite3"]["median"]
print(f"median: backtrack {b*1000:.2f} ms, sqlite3 {s*1000:.2f} ms, ratio {b/s:.2f}x (budget 1.5x)")
PY
