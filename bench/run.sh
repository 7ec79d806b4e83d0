#!/usr/bin/env bash
# The benchmark (docs/performance.md): starts the service on an empty embedded PostgreSQL in a temporary folder,
# measures PostgreSQL itself on that server with pgbench, then the service, and prints each figure as a ratio to
# PostgreSQL's in the same run. The table also goes to bench/results/<date>-<phase>.md (git-ignored).
#
# Usage: bench/run.sh [all|writes|restore|reads|replay]      (default all, about 8 minutes on 2 cores)
#   writes   4a PATCH of 50 adds, 4b write load (and 5d, the read-your-writes wait under it), 4c PATCH growth
#   restore  4d activate -> completed, sessions of 1,000 and 10,000 artifacts; 4e a bulk request of 10,000 mailboxes
#            created, then activated to completed
#   reads    5a GET saturation (wrk), 5b GET at a fixed rate, 5c past state of a completed session
#   replay   6  seed-history then replay on a data folder of its own
#
# Settings (environment variables; defaults in brackets):
#   BENCH_HTTP_PORT [18080] BENCH_MANAGEMENT_PORT [18081] BENCH_POSTGRES_PORT [15432]
#   BENCH_REPLAY_HTTP_PORT [18082] BENCH_REPLAY_MANAGEMENT_PORT [18083] BENCH_REPLAY_POSTGRES_PORT [15433]
#   BENCH_MAILBOXES [10000]        mailboxes in the generated catalog, one restore point each
#   BENCH_PGBENCH_SECONDS [10]     each pgbench run; BENCH_SETTLE_SECONDS [5] pause after the service is ready
#   BENCH_SERVICE_WARMUP_SECONDS [90]  load that warms the service up before writes and reads are measured
#   BENCH_PATCH_WARMUP [20] BENCH_PATCH_COUNT [200]                     4a
#   BENCH_WARMUP_SECONDS [5] BENCH_WRITE_LOAD_SECONDS [30] BENCH_WRITE_CLIENTS [4]   4b
#   BENCH_GROWTH_SESSIONS [9] BENCH_MEDIUM_SESSION [1000]               4c (and the 1,000 session of 4d, 5c)
#   BENCH_LARGE_SESSION [10000]                                        4d
#   BENCH_BULK_MAILBOXES [10000] BENCH_BULK_UNKNOWN [10]               4e (that many of the mailboxes unknown)
#   BENCH_SESSION_TIMEOUT_SECONDS [180]  building one session, and again its restore
#   BENCH_PHASE_TIMEOUT_SECONDS [120]    4a
#   BENCH_PAST_STATE_TIMEOUT_SECONDS [60]  each half of 5c (version, asOf)
#   BENCH_RESTORE_MILLIS [10] BENCH_PARALLEL_RESTORES [8]              the simulated restorer
#   BENCH_WRK_SECONDS [10] BENCH_WRK_CONNECTIONS [8]                   5a
#   BENCH_FIXED_RATE [500] BENCH_FIXED_RATE_SECONDS [20]               5b
#   BENCH_PAST_STATE_CALLS [50]                                        5c
#   BENCH_SEED_SESSIONS [5000] BENCH_SEED_EVENTS_PER_SESSION [20] BENCH_COMMAND_TIMEOUT_SECONDS [600]   6
#   BENCH_KEEP_WORK [unset]        1: keep the temporary folder (the service's logs, pgbench's scripts) and say where
#   BENCH_SKIP_BUILD [unset]       1: measure app/target's jar as it is instead of building the checkout first
set -euo pipefail

PHASE=${1:-all}
case "$PHASE" in
  all|writes|restore|reads|replay) ;;
  *) echo "Usage: $0 [all|writes|restore|reads|replay]" >&2; exit 2 ;;
esac

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
JAR="$ROOT/app/target/app-0.1.0-SNAPSHOT.jar"

missing=()
for tool in java pgbench psql wrk; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Missing: ${missing[*]}. On Debian: apt-get install postgresql-contrib wrk (and a JDK 17)" >&2
  exit 1
fi
java_version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${java_version%%.*}" -lt 17 ] 2>/dev/null; then
  echo "Java 17 or later is needed (found $java_version)" >&2
  exit 1
fi

# The checkout is what is measured: the jar is built from it first (BENCH_SKIP_BUILD=1 takes the jar as it is).
if [ "${BENCH_SKIP_BUILD:-}" != 1 ] || [ ! -f "$JAR" ]; then
  echo "Building the jar (./mvnw -B -q package -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/restore-bench.XXXXXX")

# Stops what the benchmark started, by the ids it wrote down, and removes the temporary folder: also on Ctrl-C,
# and also when the benchmark's own JVM was killed and left the service (or its PostgreSQL) running.
cleanup() {
  trap - EXIT INT TERM
  if [ -f "$WORK/pids" ]; then
    while read -r pid; do
      if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -KILL "$pid" 2>/dev/null || true
      fi
    done < "$WORK/pids"
  fi
  # A PostgreSQL orphaned by a killed service: its postmaster's id is the first line of postmaster.pid.
  find "$WORK" -name postmaster.pid 2>/dev/null | while read -r file; do
    pid=$(head -n 1 "$file")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
  done
  if [ "${BENCH_KEEP_WORK:-}" = 1 ]; then
    echo "Kept $WORK (the service's logs: *.log)"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

BENCH_COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]; then BENCH_COMMIT="$BENCH_COMMIT (with local changes)"; fi
export BENCH_COMMIT

# A copy of its own: a build during the run (tests, another checkout's work) cannot swap the jar under the service.
cp "$JAR" "$WORK/app.jar"
java "$HERE/Bench.java" "$PHASE" "$WORK" "$WORK/app.jar" "$HERE"
