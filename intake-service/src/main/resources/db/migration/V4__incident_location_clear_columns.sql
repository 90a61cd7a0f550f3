-- V3 has copied every locality and exact coordinate into location_enc and rounded the coordinates to 0.1°, as
-- the events carry them (what the statistics may use). The clear locality goes; the columns say what they hold.
ALTER TABLE incident DROP COLUMN locality;
ALTER TABLE incident RENAME COLUMN latitude TO latitude_rounded;
ALTER TABLE incident RENAME COLUMN longitude TO longitude_rounded;
