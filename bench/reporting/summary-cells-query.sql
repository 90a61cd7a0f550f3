-- The statement StatsRepository.summary runs for whole years (here all time), as pgbench runs it.
WITH s AS (SELECT current_generation AS g, version, changed_at FROM aggregate_state WHERE id = 1),
c AS MATERIALIZED (SELECT c.year, c.region, c.dimension, c.key, c.incidents, c.key_sum FROM incident_cell c, s
    WHERE c.generation = s.g AND c.year >= :fromyear AND c.year <= :toyear)
SELECT 'state', 'version', version::float8, (extract(epoch FROM changed_at) * 1000)::float8 FROM s
UNION ALL SELECT 'total', key, sum(incidents), (sum(key_sum) % 4294967296)::float8 FROM c WHERE dimension = 'total' GROUP BY key
UNION ALL SELECT 'region', region, sum(incidents), (sum(key_sum) % 4294967296)::float8 FROM c WHERE dimension = 'total' AND key = 'incidents' GROUP BY region
UNION ALL SELECT dimension, key, sum(incidents), (sum(key_sum) % 4294967296)::float8 FROM c WHERE dimension <> 'total'
    GROUP BY dimension, key HAVING sum(incidents) <> 0;
