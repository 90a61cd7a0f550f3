-- Reference numbers come from one sequence per (country, year) from now on (see ReferenceSequence): nextval takes no
-- row lock, so concurrent reports no longer wait on the counter row's lock. Each counter row becomes its sequence,
-- continuing after the last number given out.
DO $$
DECLARE
    counter record;
BEGIN
    FOR counter IN SELECT country, year, last_value FROM reference_sequence LOOP
        EXECUTE format('CREATE SEQUENCE %I START WITH %s', 'reference_' || lower(counter.country) || '_' || counter.year,
                       counter.last_value + 1);
    END LOOP;
END
$$;
DROP TABLE reference_sequence;
