-- The three services' own databases (SPEC §2: no service reads another's tables), owned by the compose user
-- (POSTGRES_USER = CENTINELA_DB_USER). Run once, when the postgres-data volume is first initialised; each service's
-- Flyway migrations create its tables at start-up.
CREATE DATABASE centinela_intake;
CREATE DATABASE centinela_alerts;
CREATE DATABASE centinela_reporting;
