-- One row per rebuild, so that every instance sees the same rebuild: which generation it builds, who runs it, how
-- far it is, and whether it is still alive. A rebuild whose heartbeat stopped (its instance died) can be taken over;
-- a live one cannot be started twice, on any instance.
CREATE TABLE rebuild_run (
    id           bigserial   PRIMARY KEY,
    generation   int         NOT NULL,
    owner        text        NOT NULL,
    state        text        NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    events_done  bigint      NOT NULL DEFAULT 0,
    events_total bigint      NOT NULL DEFAULT 0,
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL,
    finished_at  timestamptz,
    error        text
);
-- At most one rebuild runs at a time, whatever the instances do.
CREATE UNIQUE INDEX rebuild_run_one_running ON rebuild_run ((true)) WHERE state = 'RUNNING';
