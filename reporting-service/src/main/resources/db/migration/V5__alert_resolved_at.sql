-- alert.resolved: when the alert was resolved (the earliest, like acknowledged_at), for the time to resolve.
ALTER TABLE alert_fact ADD COLUMN resolved_at timestamptz;
