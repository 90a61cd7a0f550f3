-- Member organisations (reporters). Deleted ones are kept: their incidents are evidence.
CREATE TABLE organisation (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL,
    acronym    text        NOT NULL,
    created_at timestamptz NOT NULL,
    deleted_at timestamptz
);

-- One row per incident. description and confidential are AES-GCM ciphertexts (platform FieldCipher);
-- code lists are comma-separated vocabulary codes.
CREATE TABLE incident (
    id               uuid PRIMARY KEY,
    reference        text        NOT NULL UNIQUE,
    organisation_id  uuid        NOT NULL REFERENCES organisation (id),
    received_at      timestamptz NOT NULL,
    occurred_on      date        NOT NULL,
    region           text        NOT NULL,
    locality         text,
    latitude         double precision,
    longitude        double precision,
    violations       text        NOT NULL,
    perpetrators     text        NOT NULL,
    defenders_count  integer     NOT NULL,
    defenders_women  integer     NOT NULL,
    sectors          text        NOT NULL,
    context          text        NOT NULL,
    risk_ongoing     boolean     NOT NULL,
    language         text        NOT NULL,
    description_enc  text        NOT NULL,
    confidential_enc text,
    verification     text        NOT NULL,
    justice_status   text        NOT NULL,
    revision         integer     NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX incident_by_organisation ON incident (organisation_id, received_at DESC);
CREATE INDEX incident_by_received ON incident (received_at DESC);

-- Append-only: revision 0 is the report, each update adds the next revision with the fields it changed.
CREATE TABLE incident_history (
    id             bigserial PRIMARY KEY,
    incident_id    uuid        NOT NULL REFERENCES incident (id),
    revision       integer     NOT NULL,
    at             timestamptz NOT NULL,
    actor_role     text        NOT NULL,
    actor_id       uuid,
    verification   text,
    justice_status text,
    risk_ongoing   boolean,
    note_enc       text,
    UNIQUE (incident_id, revision)
);

-- Reference numbers: one counter row per (country, year), incremented by an upsert (see ReferenceSequence).
CREATE TABLE reference_sequence (
    country    text    NOT NULL,
    year       integer NOT NULL,
    last_value integer NOT NULL,
    PRIMARY KEY (country, year)
);

-- Idempotency-Key per organisation. The row is inserted first in the incident's transaction, so concurrent
-- duplicates wait on the primary key until the first commits and then read its stored answer.
CREATE TABLE idempotency_key (
    organisation_id uuid        NOT NULL,
    key             text        NOT NULL,
    request_hash    text        NOT NULL,
    created_at      timestamptz NOT NULL,
    status          integer,
    location        text,
    body_enc        text,
    PRIMARY KEY (organisation_id, key)
);

-- Transactional outbox: written with the incident, published by OutboxRelay, marked sent after the broker's ack.
CREATE TABLE outbox (
    id          bigserial PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    incident_id uuid        NOT NULL,
    type        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload     text        NOT NULL,
    sent_at     timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_pending_by_incident ON outbox (incident_id, id) WHERE sent_at IS NULL;

-- Teams alerted about an incident (alert.raised, alert.escalated): their responders may read it.
CREATE TABLE incident_access (
    incident_id uuid        NOT NULL,
    team_id     uuid        NOT NULL,
    granted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, team_id)
);

-- Every read of a decrypted description or confidential part.
CREATE TABLE confidential_read (
    id           bigserial PRIMARY KEY,
    incident_id  uuid        NOT NULL,
    role         text        NOT NULL,
    principal_id uuid,
    read_at      timestamptz NOT NULL
);
CREATE INDEX confidential_read_by_incident ON confidential_read (incident_id, id);
