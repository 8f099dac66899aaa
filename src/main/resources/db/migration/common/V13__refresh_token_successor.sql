-- The token that replaced a rotated refresh token: a reuse within the leeway is allowed only to the
-- client that made that rotation (two tabs of one browser refreshing at once).
ALTER TABLE refresh_tokens ADD COLUMN replaced_by UUID;
