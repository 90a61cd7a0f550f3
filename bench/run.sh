#!/usr/bin/env bash
# Runs SPEC §8's benchmarks against the system on this machine and appends a dated section to bench/RESULTS.md.
#
#   bench/run.sh                      everything (rebuild of 1,000,000 events)
#   BENCH_EVENTS=100000 bench/run.sh  a smaller rebuild
#   BENCH_ONLY=alert-latency,stats-304 bench/run.sh   some of: startup intake-throughput alert-latency
#                                     stats-freshness cpu-cost stats-304 footprint rebuild
#   BENCH_QUICK=1 bench/run.sh        seconds instead of minutes, 4 clients, 10,000 events: checks the set-up;
#                                     its table goes to bench/results/tmp/quick-RESULTS.md, not RESULTS.md
#   BENCH_SERVICES="intake-service:18081 alerts-service:18082 reporting-service:18083"  a system on other ports
#                                     (must be running, started by bin/centinela start with CENTINELA_*_PORT; give
#                                     its CENTINELA_RUN_DIR too, where its pid files and logs are)
#
# Uses the running system if the three services answer ready, else starts it with bin/centinela start (dev profile).
# Run it on a quiet machine: every figure is compared with a limit measured in the same run, but the load
# generator, the services, Kafka and PostgreSQL all share the same cores.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# bin/centinela's run directory (pid files, logs): CENTINELA_RUN_DIR for a second system on this checkout.
RUN=${CENTINELA_RUN_DIR:-"$ROOT/.run"}
JAR="$ROOT/bench/target/centinela-bench.jar"

EVENTS=${BENCH_EVENTS:-1000000}
ONLY=${BENCH_ONLY:-startup,intake-throughput,alert-latency,stats-freshness,cpu-cost,stats-304,footprint,rebuild}
ADMIN_TOKEN=${CENTINELA_ADMIN_TOKEN:-dev-admin-token}
KAFKA=${BENCH_KAFKA:-127.0.0.1:${KAFKA_PORT:-9092}}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
read -r -a SERVICES <<< "${BENCH_SERVICES:-intake-service:8081 alerts-service:8082 reporting-service:8083}"
INTAKE=http://127.0.0.1:${SERVICES[0]##*:}
ALERTS=http://127.0.0.1:${SERVICES[1]##*:}
REPORTING=http://127.0.0.1:${SERVICES[2]##*:}
if [ "${BENCH_QUICK:-}" = 1 ]; then
  CLIENTS=4 INTAKE_SECONDS=3 ALERT_SECONDS=5 SAMPLES=10 S304_SECONDS=3 FOOTPRINT_SECONDS=3 WARMUP=1 WARM_SECONDS=2
  CPU_SECONDS=5
  EVENTS=${BENCH_EVENTS:-10000}
  RESULTS="$ROOT/bench/results/tmp/quick-RESULTS.md"
else
  CLIENTS=32 INTAKE_SECONDS=20 ALERT_SECONDS=30 SAMPLES=200 S304_SECONDS=15 FOOTPRINT_SECONDS=20 WARMUP=5 WARM_SECONDS=30
  CPU_SECONDS=30
  RESULTS="$ROOT/bench/RESULTS.md"
fi
# The rebuild benchmark's own reporting-service: its own database, topics and consumer group, so the main
# reporting-service is neither touched nor rebalanced.
REBUILD_PREFIX=bench.
REBUILD_DB=centinela_bench_reporting
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
# Relative paths: the script runs from the repository root, and they appear in RESULTS.md.
if [ "${BENCH_QUICK:-}" = 1 ]; then RAW="bench/results/tmp/quick-$STAMP.jsonl"; else RAW="bench/results/$STAMP.jsonl"; fi

# The same environment bin/centinela start gives the services, for the ones this script (re)starts.
export QUARKUS_PROFILE=${QUARKUS_PROFILE:-dev}
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-$KAFKA}

log() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
wants() { [[ ",$ONLY," == *",$1,"* ]]; }
ready() { curl -fsS -o /dev/null "http://127.0.0.1:$1/q/health/ready" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# One benchmark: its JSON line goes to $RAW; a failed target does not stop the run.
bench() {
  log "── $1"
  java -jar "$JAR" "$@" --out "$RAW" 2> >(grep -v '^SLF4J' >&2) || log "$1: not passed (details in $RAW)"
}

await_ready() { # port seconds
  local deadline=$((SECONDS + $2))
  until ready "$1"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
}

# ---------------------------------------------------------------- build and system
log "building the benchmark jar"
"$ROOT/mvnw" -B -q -f bench/pom.xml package
mkdir -p "$ROOT/bench/results/tmp"

system_note="system reused"
all_ready=yes
for entry in "${SERVICES[@]}"; do ready "${entry##*:}" || all_ready=no; done
if [ "$all_ready" = no ]; then
  [ -z "${BENCH_SERVICES:-}" ] || die "the services of BENCH_SERVICES are not ready"
  log "starting the system with bin/centinela start"
  "$ROOT/bin/centinela" start
  system_note="system started by run.sh"
fi
for entry in "${SERVICES[@]}"; do
  await_ready "${entry##*:}" 90 || die "${entry%%:*} is not ready on :${entry##*:}"
done

# ---------------------------------------------------------------- start-up (restarts each service in turn)
# Through each service's supervisor: the service comes back exactly as bin/centinela runs it.
if wants startup; then
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    bench startup --name "$name" --port "${entry##*:}" --run-dir "$RUN"
    await_ready "${entry##*:}" 90 || die "$name did not come back after its start-up measurement"
  done
  sleep 5 # consumers joining their groups after the restarts
fi

# ---------------------------------------------------------------- JIT warm-up (not recorded)
# SPEC §8 targets the steady state; services just (re)started run interpreted code for their first tens of
# seconds, which would be measured as a backlog. Urgent incidents at 50/s exercise all three services' paths.
if wants intake-throughput || wants alert-latency || wants stats-freshness; then
  log "warming the services' JVMs for ${WARM_SECONDS}s (not recorded)"
  java -jar "$JAR" alert-latency --intake "$INTAKE" --alerts "$ALERTS" --admin-token "$ADMIN_TOKEN" --bootstrap "$KAFKA" \
    --rate 50 --seconds "$WARM_SECONDS" --warmup 0 >/dev/null 2>&1 || true
  java -jar "$JAR" intake-throughput --intake "$INTAKE" --admin-token "$ADMIN_TOKEN" --clients "$CLIENTS" \
    --seconds "$WARM_SECONDS" --warmup 0 --pg-host "$PG_HOST" --pg-port "$PG_PORT" >/dev/null 2>&1 || true
fi

# ---------------------------------------------------------------- a, b, c, f, d
if wants intake-throughput; then
  bench intake-throughput --intake "$INTAKE" --admin-token "$ADMIN_TOKEN" --clients "$CLIENTS" \
    --seconds "$INTAKE_SECONDS" --warmup "$WARMUP" --pg-host "$PG_HOST" --pg-port "$PG_PORT"
fi
if wants alert-latency; then
  # SPEC §8: p99 ≤ 25 ms at 50 urgent incidents/s, ≤ 150 ms at ten times that.
  for rate in 50 500; do
    bench alert-latency --intake "$INTAKE" --alerts "$ALERTS" --admin-token "$ADMIN_TOKEN" --bootstrap "$KAFKA" \
      --rate "$rate" --seconds "$ALERT_SECONDS" --warmup "$WARMUP"
  done
fi
if wants stats-freshness; then
  bench stats-freshness --intake "$INTAKE" --reporting "$REPORTING" --admin-token "$ADMIN_TOKEN" --samples "$SAMPLES" \
    --background-rate 20
fi
if wants footprint; then
  pid_files=""
  for entry in "${SERVICES[@]}"; do pid_files+="${pid_files:+,}${entry%%:*}=$RUN/${entry%%:*}.pid"; done
  bench footprint --pid-files "$pid_files" --intake "$INTAKE" --reporting "$REPORTING" \
    --admin-token "$ADMIN_TOKEN" --clients "$CLIENTS" --seconds "$FOOTPRINT_SECONDS"
fi
if wants cpu-cost; then
  pid_files="kafka=$RUN/kafka/kafka.pid"
  for entry in "${SERVICES[@]}"; do pid_files+=",${entry%%:*}=$RUN/${entry%%:*}.pid"; done
  bench cpu-cost --intake "$INTAKE" --alerts "$ALERTS" --admin-token "$ADMIN_TOKEN" --pid-files "$pid_files" \
    --rate 50 --seconds "$CPU_SECONDS" --pg-host "$PG_HOST" --pg-port "$PG_PORT"
fi
# After the loads above: stats-304 first waits for the summary to stop changing (the consumers caught up).
if wants stats-304; then
  command -v wrk >/dev/null || log "wrk is not installed (Debian: apt-get install wrk): stats-304 falls back to the JDK" \
    "HttpClient, whose own ceiling is below the service's; SPEC's ratio is measured with wrk"
  bench stats-304 --reporting "$REPORTING" --admin-token "$ADMIN_TOKEN" --clients "$CLIENTS" \
    --seconds "$S304_SECONDS" --warmup "$WARMUP"
fi

# ---------------------------------------------------------------- e: rebuild, on a reporting-service of its own
rebuild_pid=""
stop_rebuild_instance() {
  if [ -n "$rebuild_pid" ] && kill -0 "$rebuild_pid" 2>/dev/null; then
    log "stopping the rebuild's reporting-service (pid $rebuild_pid)"
    kill "$rebuild_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$rebuild_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$rebuild_pid" 2>/dev/null || true
  fi
  rebuild_pid=""
}
trap stop_rebuild_instance EXIT

if wants rebuild; then
  log "scratch database $REBUILD_DB and topics ${REBUILD_PREFIX}centinela.*"
  psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres \
    -c "DROP DATABASE IF EXISTS $REBUILD_DB WITH (FORCE)" -c "CREATE DATABASE $REBUILD_DB"
  java -jar "$JAR" topics --bootstrap "$KAFKA" --prefix "$REBUILD_PREFIX" 2> >(grep -v '^SLF4J' >&2)
  port=""
  for candidate in $(seq 18300 18399); do
    if ! port_open "$candidate"; then port=$candidate; break; fi
  done
  [ -n "$port" ] || die "no free port in 18300-18399 for the rebuild's reporting-service"
  log "starting a reporting-service of its own on :$port (log in ${RUN#"$ROOT"/}/bench-reporting.log)"
  # As bin/centinela runs reporting-service (JVM options, AppCDS archive, environment), on a database and topics of its own.
  REPORTING_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$REBUILD_DB" CENTINELA_TOPIC_PREFIX="$REBUILD_PREFIX" \
    nohup "$ROOT/bin/centinela" run-service reporting-service -Dquarkus.http.port="$port" \
    -Dcentinela.reporting.consumer-group=centinela-bench-reporting > "$RUN/bench-reporting.log" 2>&1 &
  rebuild_pid=$!
  # Run even when it is not ready: the benchmark then records the error in the results table.
  await_ready "$port" 90 || log "the rebuild's reporting-service was not ready in 90 s; see .run/bench-reporting.log"
  bench rebuild --reporting "http://127.0.0.1:$port" --admin-token "$ADMIN_TOKEN" --bootstrap "$KAFKA" \
    --topic-prefix "$REBUILD_PREFIX" --events "$EVENTS"
  stop_rebuild_instance
  psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $REBUILD_DB WITH (FORCE)" \
    || log "could not drop $REBUILD_DB"
  # The topics stay: the next run finds its events there and skips producing them.
fi

# ---------------------------------------------------------------- results
if [ -s "$RAW" ]; then
  java -jar "$JAR" report --in "$RAW" --out "$RESULTS" \
    --note "$system_note; rebuild N=$EVENTS${BENCH_QUICK:+; QUICK set-up check, not a result}"
  log "results appended to ${RESULTS#"$ROOT"/}"
else
  log "no benchmark ran (BENCH_ONLY=$ONLY)"
fi
