-- While a channel's webhook secret is rotated, each delivery keeps the previous one too (encrypted, like secret):
-- its webhooks carry a Standard Webhooks signature under each.
ALTER TABLE delivery ADD COLUMN previous_secret text;
