-- Escalation chains: a team's steps as JSON ([{"afterMinutes":30,"teamId":"…"},…,{"afterMinutes":5}]; no teamId =
-- the coordinators' channel); null = the one step of escalate_after_minutes / escalation_team_id. The first step's
-- minutes stay in escalate_after_minutes, so finding due first steps is unchanged.
ALTER TABLE team ADD COLUMN escalation_steps text;
-- Steps taken so far, and when the next one is due (null: none left, or not escalated yet).
ALTER TABLE alert ADD COLUMN escalation_step integer NOT NULL DEFAULT 0;
ALTER TABLE alert ADD COLUMN next_escalation_at timestamptz;
CREATE INDEX alert_next_escalation ON alert (next_escalation_at) WHERE status = 'ESCALATED';
-- Every step taken, once (the unique key), with its team (null = the coordinators); these teams may read the alert.
CREATE TABLE alert_escalation (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id     uuid        NOT NULL REFERENCES alert (id),
    step         integer     NOT NULL,
    team_id      uuid REFERENCES team (id),
    escalated_at timestamptz NOT NULL,
    CONSTRAINT alert_escalation_step UNIQUE (alert_id, step)
);
CREATE INDEX alert_escalation_team ON alert_escalation (team_id) WHERE team_id IS NOT NULL;
