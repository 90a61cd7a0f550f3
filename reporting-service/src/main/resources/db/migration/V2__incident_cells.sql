-- Incident counts per (year, region, dimension, key), kept in step with incident_fact by the same transactions,
-- so that summaries over whole years (the dashboard's usual question: all time, a year, a region) add up a few
-- thousand cells instead of scanning every incident. Dimensions: total (keys incidents, defenders, women),
-- month (YYYY-MM), violation, perpetrator, perpetratorKind, sector, justiceStatus, verification.
CREATE TABLE incident_cell (
    generation int    NOT NULL,
    year       int    NOT NULL,
    region     text   NOT NULL,
    dimension  text   NOT NULL,
    key        text   NOT NULL,
    incidents  bigint NOT NULL,
    PRIMARY KEY (generation, year, region, dimension, key)
);
