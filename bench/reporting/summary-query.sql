-- The statement StatsRepository.summary runs for one calendar year (from/to), as pgbench runs it.
WITH s AS (SELECT current_generation AS g, version, changed_at FROM aggregate_state WHERE id = 1),
f AS MATERIALIZED (SELECT i.region, i.occurred_on, i.violations, i.perpetrators, i.perpetrator_kinds, i.sectors,
    i.defenders, i.women, i.justice_status, i.verification, i.cell_key FROM incident_fact i, s
    WHERE i.generation = s.g AND i.occurred_on >= (:from)::date AND i.occurred_on <= (:to)::date)
SELECT 'state', 'version', version::float8, (extract(epoch FROM changed_at) * 1000)::float8 FROM s
UNION ALL SELECT 'total', 'incidents', count(*), (sum(cell_key) % 4294967296)::float8 FROM f
UNION ALL SELECT 'total', 'defenders', coalesce(sum(defenders), 0), coalesce((sum(cell_key) % 4294967296)::float8, 0) FROM f
UNION ALL SELECT 'total', 'women', coalesce(sum(women), 0), coalesce((sum(cell_key) % 4294967296)::float8, 0) FROM f
UNION ALL SELECT 'region', region, count(*), (sum(cell_key) % 4294967296)::float8 FROM f GROUP BY region
UNION ALL SELECT 'justiceStatus', justice_status, count(*), (sum(cell_key) % 4294967296)::float8 FROM f GROUP BY justice_status
UNION ALL SELECT 'verification', verification, count(*), (sum(cell_key) % 4294967296)::float8 FROM f GROUP BY verification
UNION ALL SELECT 'month', to_char(occurred_on, 'YYYY-MM'), count(*), (sum(cell_key) % 4294967296)::float8 FROM f GROUP BY 2
UNION ALL SELECT 'violation', k, count(*), (sum(cell_key) % 4294967296)::float8 FROM f, unnest(f.violations) k GROUP BY k
UNION ALL SELECT 'perpetrator', k, count(*), (sum(cell_key) % 4294967296)::float8 FROM f, unnest(f.perpetrators) k GROUP BY k
UNION ALL SELECT 'perpetratorKind', k, count(*), (sum(cell_key) % 4294967296)::float8 FROM f, unnest(f.perpetrator_kinds) k GROUP BY k
UNION ALL SELECT 'sector', k, count(*), (sum(cell_key) % 4294967296)::float8 FROM f, unnest(f.sectors) k GROUP BY k;
