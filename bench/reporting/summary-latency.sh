#!/usr/bin/env bash
# Summary latency at N incidents (default 100,000): loads reporting-service's schema into a scratch database,
# fills incident_fact with N synthetic incidents spread over 1990-2026, then runs the summary statement with
# pgbench, once over all time and once for one year. Usage: bench/reporting/summary-latency.sh [N]
set -euo pipefail
N=${1:-100000}
DB=${BENCH_DB:-centinela_reporting_bench}
PG="-h 127.0.0.1 -U postgres"
HERE=$(cd "$(dirname "$0")" && pwd)
dropdb $PG --if-exists "$DB"
createdb $PG "$DB"
for migration in "$HERE"/../../reporting-service/src/main/resources/db/migration/V*.sql; do psql $PG -q -d "$DB" -f "$migration"; done
psql $PG -q -d "$DB" <<SQL
INSERT INTO incident_fact (generation, incident_id, occurred_on, region, violations, perpetrators, perpetrator_kinds,
    sectors, defenders, women, justice_status, verification, revision, cell_key)
SELECT 1, gen_random_uuid(), date '1990-01-01' + (random() * 13100)::int,
       (ARRAY['PE-AMA','PE-ANC','PE-APU','PE-ARE','PE-AYA','PE-CAJ','PE-CAL','PE-CUS','PE-HUC','PE-HUV','PE-ICA',
              'PE-JUN','PE-LAL','PE-LAM','PE-LIM','PE-LMA','PE-LOR','PE-MDD','PE-MOQ','PE-PAS','PE-PIU','PE-PUN',
              'PE-SAM','PE-TAC','PE-TUM','PE-UCA'])[1 + (random() * 25)::int],
       CASE WHEN random() < 0.5 THEN ARRAY['DEATH_THREAT'] ELSE ARRAY['PHYSICAL_ATTACK','HARASSMENT'] END,
       CASE WHEN random() < 0.5 THEN ARRAY['POLICE'] ELSE ARRAY['COMPANY','PRIVATE_SECURITY'] END,
       CASE WHEN random() < 0.5 THEN ARRAY['STATE'] ELSE ARRAY['NON_STATE'] END,
       CASE WHEN random() < 0.5 THEN ARRAY['ENVIRONMENTAL'] ELSE ARRAY['ENVIRONMENTAL','INDIGENOUS_PEOPLES'] END,
       1 + (random() * 5)::int, (random() * 1)::int,
       (ARRAY['NOT_REPORTED','COMPLAINT_FILED','ARCHIVED_WITHOUT_SANCTION'])[1 + (random() * 2)::int],
       'UNVERIFIED', 0, (random() * 4294967295)::bigint
FROM generate_series(1, $N);
-- The per-year cells the consumer keeps in step with the facts.
INSERT INTO incident_cell (generation, year, region, dimension, key, incidents, key_sum)
SELECT 1, y, region, d, k, sum(n), sum(ck) FROM (
    SELECT extract(year FROM occurred_on)::int y, region, 'total' d, 'incidents' k, 1 n, cell_key ck FROM incident_fact
    UNION ALL SELECT extract(year FROM occurred_on)::int, region, 'total', 'defenders', defenders, cell_key FROM incident_fact
    UNION ALL SELECT extract(year FROM occurred_on)::int, region, 'total', 'women', women, cell_key FROM incident_fact
    UNION ALL SELECT extract(year FROM occurred_on)::int, region, 'month', to_char(occurred_on, 'YYYY-MM'), 1, cell_key FROM incident_fact
    UNION ALL SELECT extract(year FROM occurred_on)::int, region, 'justiceStatus', justice_status, 1, cell_key FROM incident_fact
    UNION ALL SELECT extract(year FROM occurred_on)::int, region, 'verification', verification, 1, cell_key FROM incident_fact
    UNION ALL SELECT extract(year FROM occurred_on)::int, region, 'violation', v, 1, cell_key FROM incident_fact, unnest(violations) v
    UNION ALL SELECT extract(year FROM occurred_on)::int, region, 'perpetrator', v, 1, cell_key FROM incident_fact, unnest(perpetrators) v
    UNION ALL SELECT extract(year FROM occurred_on)::int, region, 'perpetratorKind', v, 1, cell_key FROM incident_fact, unnest(perpetrator_kinds) v
    UNION ALL SELECT extract(year FROM occurred_on)::int, region, 'sector', v, 1, cell_key FROM incident_fact, unnest(sectors) v
) cells GROUP BY 1, 2, 3, 4, 5;
VACUUM ANALYZE incident_fact;
VACUUM ANALYZE incident_cell;
SQL
echo "== all time from the per-year cells (dashboard default), $N incidents =="
pgbench $PG -n -c 1 -T 10 -D fromyear=1990 -D toyear=2026 -f "$HERE/summary-cells-query.sql" "$DB" | grep -E "latency|tps"
echo "== one year from the per-year cells =="
pgbench $PG -n -c 1 -T 10 -D fromyear=2017 -D toyear=2017 -f "$HERE/summary-cells-query.sql" "$DB" | grep -E "latency|tps"
echo "== all time from the incidents (a violation/sector/perpetratorKind filter or a part of a year) =="
pgbench $PG -n -c 1 -T 10 -D from="'1990-01-01'" -D to="'2026-12-31'" -f "$HERE/summary-query.sql" "$DB" | grep -E "latency|tps"
echo "== one month from the incidents =="
pgbench $PG -n -c 1 -T 10 -D from="'2017-03-01'" -D to="'2017-03-31'" -f "$HERE/summary-query.sql" "$DB" | grep -E "latency|tps"
[ -n "${KEEP_DB:-}" ] || dropdb $PG "$DB"
