-- Who acknowledged and through which channel (API, EMAIL, WEBHOOK): shown in the alert detail.
ALTER TABLE alert ADD COLUMN acknowledged_by text;
ALTER TABLE alert ADD COLUMN acknowledged_via text;
ALTER TABLE alert ADD COLUMN acknowledged_by_team_id uuid;
-- One-click acknowledge links used: each link (its id is its delivery's) works once, whatever the outcome.
CREATE TABLE acknowledge_link_use (
    link_id  uuid PRIMARY KEY,
    alert_id uuid        NOT NULL REFERENCES alert (id),
    used_at  timestamptz NOT NULL
);
