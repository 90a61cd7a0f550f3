#!/usr/bin/env bash
# Events/s the rebuild's database side applies (the part that limits a rebuild; a plain Kafka consumer reads
# ~460k records/s here). Usage: bench/reporting/rebuild-apply.sh [events] [batch]
# Needs the module's test classes: cd /work/main && ./mvnw -B -o test-compile -pl reporting-service
set -euo pipefail
N=${1:-1000000}
BATCH=${2:-10000}
DB=${BENCH_DB:-centinela_reporting_bench_apply}
PG="-h 127.0.0.1 -U postgres"
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE="$HERE/../../reporting-service"
dropdb $PG --if-exists "$DB"
createdb $PG "$DB"
for migration in "$MODULE"/src/main/resources/db/migration/V*.sql; do psql $PG -q -d "$DB" -f "$migration"; done
[ -z "${BENCH_SQL:-}" ] || psql $PG -q -d "$DB" -c "$BENCH_SQL"
CP_FILE=$(mktemp)
(cd "$MODULE/.." && ./mvnw -B -o -q dependency:build-classpath -pl reporting-service -Dmdep.outputFile="$CP_FILE" \
    -Dmdep.includeScope=test >/dev/null)
java -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$CP_FILE")" \
    org.centinela.reporting.bench.ApplyThroughputBench "jdbc:postgresql://127.0.0.1:5432/$DB" "$N" "$BATCH"
rm -f "$CP_FILE"
dropdb $PG "$DB"
