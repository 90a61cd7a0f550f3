-- Channel fallback: a team with fallback_after_minutes is notified on its first channel only; a delivery still
-- failing at fallback_at, or given up, hands the notification to the next channel of the team (once: fell_back).
ALTER TABLE team ADD COLUMN fallback_after_minutes integer;
ALTER TABLE delivery ADD COLUMN team_id uuid;
ALTER TABLE delivery ADD COLUMN channel_index integer;
ALTER TABLE delivery ADD COLUMN fallback_at timestamptz;
ALTER TABLE delivery ADD COLUMN fallback_from uuid REFERENCES delivery (id);
ALTER TABLE delivery ADD COLUMN fell_back boolean NOT NULL DEFAULT false;
CREATE INDEX delivery_fallback_due ON delivery (fallback_at) WHERE fallback_at IS NOT NULL AND NOT fell_back;
