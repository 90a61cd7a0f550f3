-- Rapid-response teams. Deleted teams are kept (their alerts are evidence) but receive nothing new.
CREATE TABLE team (
    id                     uuid PRIMARY KEY,
    name                   text        NOT NULL,
    language               text        NOT NULL,
    -- ISO 3166-2 codes separated by commas; empty = the whole country.
    regions                text        NOT NULL,
    min_priority           text        NOT NULL,
    -- JSON array of channels; webhook secrets inside are encrypted with FieldCipher.
    channels               text        NOT NULL,
    escalate_after_minutes integer     NOT NULL,
    escalation_team_id     uuid,
    digest                 boolean     NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    deleted_at             timestamptz
);

-- CloudEvent ids already applied: inserted in the same transaction as their effect.
CREATE TABLE processed_event (
    event_id     text PRIMARY KEY,
    processed_at timestamptz NOT NULL
);

-- The latest facts of each incident this service has seen (no personal data), for notifications and digests.
CREATE TABLE incident (
    id                uuid PRIMARY KEY,
    reference         text        NOT NULL,
    organisation_name text,
    region            text        NOT NULL,
    violations        text        NOT NULL,
    occurred_on       date        NOT NULL,
    risk_ongoing      boolean     NOT NULL,
    priority          text        NOT NULL,
    revision          integer     NOT NULL,
    received_at       timestamptz,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE alert (
    id                   uuid PRIMARY KEY,
    incident_id          uuid        NOT NULL REFERENCES incident (id),
    team_id              uuid        NOT NULL REFERENCES team (id),
    reference            text        NOT NULL,
    priority             text        NOT NULL,
    region               text        NOT NULL,
    status               text        NOT NULL,
    raised_at            timestamptz NOT NULL,
    acknowledged_at      timestamptz,
    escalated_at         timestamptz,
    escalated_to_team_id uuid REFERENCES team (id),
    -- One alert per incident and team, whatever the redeliveries and however many instances run.
    CONSTRAINT alert_incident_team UNIQUE (incident_id, team_id)
);
CREATE INDEX alert_open_by_raised ON alert (raised_at) WHERE status = 'OPEN';
CREATE INDEX alert_team ON alert (team_id);
CREATE INDEX alert_escalated_to ON alert (escalated_to_team_id) WHERE escalated_to_team_id IS NOT NULL;

-- One notification (alert.raised/updated/escalated) to one channel; its id is X-Centinela-Delivery.
CREATE TABLE delivery (
    id               uuid PRIMARY KEY,
    alert_id         uuid        NOT NULL REFERENCES alert (id),
    event            text        NOT NULL,
    channel          text        NOT NULL,
    target           text        NOT NULL,
    secret           text,
    subject          text,
    body             text        NOT NULL,
    status           text        NOT NULL,
    created_at       timestamptz NOT NULL,
    -- When the next attempt is due; while an attempt is in flight, when its claim lapses.
    next_attempt_at  timestamptz NOT NULL,
    failed_attempts  integer     NOT NULL DEFAULT 0,
    completed_at     timestamptz
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_alert ON delivery (alert_id);

-- Written before each attempt is made, updated with its outcome.
CREATE TABLE delivery_attempt (
    id          bigserial PRIMARY KEY,
    delivery_id uuid        NOT NULL REFERENCES delivery (id),
    at          timestamptz NOT NULL,
    outcome     text        NOT NULL,
    http_status integer,
    error       text
);
CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id);

-- Incidents below a team's minimum priority, waiting for that team's daily digest.
CREATE TABLE digest_entry (
    team_id     uuid        NOT NULL REFERENCES team (id),
    incident_id uuid        NOT NULL REFERENCES incident (id),
    added_at    timestamptz NOT NULL,
    sent_at     timestamptz,
    PRIMARY KEY (team_id, incident_id)
);
CREATE INDEX digest_entry_unsent ON digest_entry (team_id) WHERE sent_at IS NULL;

-- alert.* events committed with the change they describe; the relay publishes them in id order.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    type         text        NOT NULL,
    incident_id  uuid        NOT NULL,
    data         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

-- The daily digest of a team for a day: the insert claims it, so it goes out once even with two instances.
CREATE TABLE digest_run (
    team_id uuid        NOT NULL REFERENCES team (id),
    day     date        NOT NULL,
    sent_at timestamptz NOT NULL,
    PRIMARY KEY (team_id, day)
);
