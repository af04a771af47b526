"""Decodes every .fit file under a folder with Python's fitdecode (every frame, CRC checked):
the comparison point of scripts/bench-import.sh. Damaged files are counted, not fatal."""
import pathlib
import sys

import fitdecode

ok = bad = 0
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*")):
    if path.suffix.lower() != ".fit":
        continue
    try:
        with fitdecode.FitReader(str(path)) as fit:
            for _frame in fit:
                pass
        ok += 1
    except Exception:  # noqa: BLE001 - a damaged file is an outcome, not a failure
        bad += 1
print(f"fitdecode: {ok} files decoded, {bad} failed")
