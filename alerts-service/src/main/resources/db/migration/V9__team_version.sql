-- A counter that every change to team moves (triggers, so API changes, re-encryption and hand-made SQL alike): routing
-- keeps the active teams in memory and reloads them when the counter it reads per batch has moved, which another
-- instance's committed change does at once. Per row, so a statement that changes no row (a PUT of an unknown team)
-- writes nothing.
CREATE TABLE team_version (
    id      integer PRIMARY KEY CHECK (id = 1),
    version bigint  NOT NULL
);
INSERT INTO team_version (id, version) VALUES (1, 0);

CREATE FUNCTION team_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE team_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER team_changed AFTER INSERT OR UPDATE OR DELETE ON team
    FOR EACH ROW EXECUTE FUNCTION team_changed();
CREATE TRIGGER team_truncated AFTER TRUNCATE ON team
    FOR EACH STATEMENT EXECUTE FUNCTION team_changed();
