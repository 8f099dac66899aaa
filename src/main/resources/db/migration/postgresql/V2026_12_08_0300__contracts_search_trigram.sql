-- PostgreSQL only (H2 has neither pg_trgm nor GIN; the embedded default's lists are small and keep the scan): the
-- contract list's free-text filter (q) is "lower(column) like '%text%'" over title, reference, counterparty, business
-- name and body text, OR-ed. One trigram GIN index per expression lets the planner answer it with a BitmapOr instead
-- of reading every contract of the organization (bench/README.md, "Contracts": 3.4 s -> see there at 100,000).
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it without being a superuser.
create extension if not exists pg_trgm;
create index ix_contracts_q_title on contracts using gin (lower(title) gin_trgm_ops);
create index ix_contracts_q_reference on contracts using gin (lower(reference) gin_trgm_ops);
create index ix_contracts_q_counterparty on contracts using gin (lower(counterparty_name) gin_trgm_ops);
create index ix_contracts_q_business_name on contracts using gin (lower(counterparty_business_name) gin_trgm_ops);
create index ix_contracts_q_search_text on contracts using gin (lower(search_text) gin_trgm_ops);
