-- Repeat until acknowledged: a team may ask for its OPEN alerts to be notified again every repeat_every_minutes,
-- at most max_repeats times; alert.repeats counts the repeats sent (claimed under the alert's row lock).
ALTER TABLE team ADD COLUMN repeat_every_minutes integer;
ALTER TABLE team ADD COLUMN max_repeats integer NOT NULL DEFAULT 0;
ALTER TABLE alert ADD COLUMN repeats integer NOT NULL DEFAULT 0;
