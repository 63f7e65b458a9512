-- Bearer tokens expire (affect4j.tokens.lifetime after they were issued) and can be revoked.
-- Existing tokens count as issued when their user was created.
alter table users add column token_issued_at timestamp with time zone;
update users set token_issued_at = created_at;
alter table users alter column token_issued_at set not null;
-- A revoked token leaves no hash behind; a user without one cannot authenticate until a new
-- token is issued.
alter table users alter column token_hash drop not null;
