#!/usr/bin/env bash
# Load over loopback HTTP against a running service (README, Performance). Needs wrk (Debian: apt-get install wrk).
# Usage: bench/run.sh [base-url] [seconds] [connections]
set -euo pipefail
BASE=${1:-http://127.0.0.1:8080}
SECONDS_PER_RUN=${2:-20}
CONNECTIONS=${3:-8}
HERE=$(cd "$(dirname "$0")" && pwd)
# A local token (README, Security), made by the jar of the same checkout from the same key file.
TOKEN=${TOKEN:-$(java -jar "$HERE/../app/target/app-0.1.0-SNAPSHOT.jar" token)}
export TOKEN

# The new session's id is the last segment of its Location header.
SESSION=$(curl -sf -o /dev/null -D - -X POST "$BASE/beta/solutions/backupRestore/exchangeRestoreSessions" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"mailboxRestoreArtifacts": [{"restorePoint": {"@odata.id": "0a014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"}]}' \
  | tr -d '\r' | sed -n 's|^[Ll]ocation: .*/||p')
export SESSION

for script in create-session patch-unknown-removal get-session; do
  echo "== $script ($CONNECTIONS connections, ${SECONDS_PER_RUN}s)"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$HERE/$script.lua" "$BASE" \
    | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx'
done
