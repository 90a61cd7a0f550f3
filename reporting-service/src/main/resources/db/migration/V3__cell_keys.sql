-- Cell-key perturbation (README "Threat model and method"). Every incident and alert carries a 32-bit record key,
-- HMAC-SHA256(secret, id) cut to 32 bits, so a rebuild gives each record the same key again; the per-year cells
-- keep the sum of their records' keys, maintained by difference like their counts. The secret is made here, once
-- per database, from PostgreSQL's strong random source, and never changes: a new secret would be a fresh draw of
-- every cell's noise, a second sample to average. Rows written before this migration have key 0 until a rebuild.
CREATE TABLE disclosure_secret (
    id     int  PRIMARY KEY CHECK (id = 1),
    secret text NOT NULL
);
INSERT INTO disclosure_secret (id, secret)
VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

ALTER TABLE incident_fact ADD COLUMN cell_key bigint NOT NULL DEFAULT 0;
ALTER TABLE incident_cell ADD COLUMN key_sum bigint NOT NULL DEFAULT 0;
ALTER TABLE alert_fact ADD COLUMN cell_key bigint NOT NULL DEFAULT 0;
