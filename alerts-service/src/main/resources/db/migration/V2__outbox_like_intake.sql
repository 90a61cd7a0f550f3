-- The platform's outbox relay (the same as intake's): payload and sent_at as intake names them, and the index that
-- finds the oldest unsent row of an incident, so each incident's alert events keep their order across relays.
ALTER TABLE outbox RENAME COLUMN data TO payload;
ALTER TABLE outbox RENAME COLUMN published_at TO sent_at;
DROP INDEX outbox_unpublished;
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_pending_by_incident ON outbox (incident_id, id) WHERE sent_at IS NULL;
