-- POST /api/v1/alerts/{id}/resolve: status RESOLVED, when, the outcome code and the team's note (which stays here:
-- alert.resolved carries the outcome only).
ALTER TABLE alert ADD COLUMN resolved_at timestamptz;
ALTER TABLE alert ADD COLUMN resolution_outcome text;
ALTER TABLE alert ADD COLUMN resolution_note text;
