-- Exact coordinates and the locality are personal data (SPEC §2, §7): from now on they are stored together as one
-- FieldCipher ciphertext of {"locality","latitude","longitude"}. The key is not in the database, so V3
-- (ExactLocationMigration, Java, run by Flyway at start-up with the service's key) encrypts the rows already
-- there, and V4 drops what stays in the clear.
ALTER TABLE incident ADD COLUMN location_enc text;
