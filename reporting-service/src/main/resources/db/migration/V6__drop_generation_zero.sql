-- Until this version a live batch with no rebuild running was also applied to a generation 0 (AggregateStore read
-- building_generation as 0 instead of NULL). Generations start at 1, so generation 0 was never served: its rows are
-- a second copy of the live work, dropped here.
DELETE FROM processed_event WHERE generation = 0;
DELETE FROM incident_fact WHERE generation = 0;
DELETE FROM alert_fact WHERE generation = 0;
DELETE FROM incident_cell WHERE generation = 0;
