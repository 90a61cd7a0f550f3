-- Read model of reporting-service. Every aggregate row belongs to a generation: the served one
-- (aggregate_state.current_generation) and, while a rebuild runs, the one being rebuilt
-- (building_generation), so that old figures keep being served until the switch.

CREATE TABLE viewer (
    id         uuid PRIMARY KEY,
    name       varchar(200) NOT NULL,
    created_at timestamptz  NOT NULL
);

-- One row. version grows with every transaction that changes the served figures; ETags derive from it.
-- Live consumer transactions update this row first, so a rebuild starting (which sets building_generation)
-- waits for them and every later one sees the new generation.
CREATE TABLE aggregate_state (
    id                  int         PRIMARY KEY CHECK (id = 1),
    current_generation  int         NOT NULL,
    building_generation int,
    version             bigint      NOT NULL,
    changed_at          timestamptz NOT NULL
);
INSERT INTO aggregate_state (id, current_generation, building_generation, version, changed_at)
VALUES (1, 1, NULL, 0, now());

-- CloudEvent ids applied to a generation; inserted in the same transaction as their effect.
CREATE TABLE processed_event (
    generation int  NOT NULL,
    event_id   text NOT NULL,
    PRIMARY KEY (generation, event_id)
);

-- Per-incident facts without personal data: what the breakdowns and filters need.
CREATE TABLE incident_fact (
    generation        int     NOT NULL,
    incident_id       uuid    NOT NULL,
    occurred_on       date    NOT NULL,
    region            text    NOT NULL,
    violations        text[]  NOT NULL,
    perpetrators      text[]  NOT NULL,
    perpetrator_kinds text[]  NOT NULL,
    sectors           text[]  NOT NULL,
    defenders         int     NOT NULL,
    women             int     NOT NULL,
    justice_status    text    NOT NULL,
    verification      text    NOT NULL,
    revision          int     NOT NULL,
    PRIMARY KEY (generation, incident_id)
);
CREATE INDEX incident_fact_occurred_on ON incident_fact (generation, occurred_on);
CREATE INDEX incident_fact_region ON incident_fact (generation, region, occurred_on);
CREATE INDEX incident_fact_violations ON incident_fact USING gin (violations);
CREATE INDEX incident_fact_sectors ON incident_fact USING gin (sectors);

-- Per-alert facts, built from any alert.* event (each carries priority, region and raisedAt).
CREATE TABLE alert_fact (
    generation        int         NOT NULL,
    alert_id          uuid        NOT NULL,
    priority          text        NOT NULL,
    region            text        NOT NULL,
    raised_at         timestamptz NOT NULL,
    acknowledged_at   timestamptz,
    escalated         boolean     NOT NULL DEFAULT false,
    delivery_failures int         NOT NULL DEFAULT 0,
    PRIMARY KEY (generation, alert_id)
);
CREATE INDEX alert_fact_raised_at ON alert_fact (generation, raised_at);
