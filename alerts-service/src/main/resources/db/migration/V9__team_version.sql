-- A counter that every write to team moves (a statement trigger, so API changes, re-encryption and hand-made SQL
-- alike): routing keeps the active teams in memory and reloads them when the counter it reads per batch has moved,
-- which another instance's committed change does at once.
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

CREATE TRIGGER team_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON team
    FOR EACH STATEMENT EXECUTE FUNCTION team_changed();
