-- The unfiltered agreement list (newest first) and its count: without it both scanned the whole table
-- (bench/holdharmless.sh: 100,000 agreements, 146 ms for the page's SQL). ix_hold_harmless_org_status cannot serve
-- it: status sits between the organization and the creation time.
create index ix_hold_harmless_org_created on hold_harmless_agreements (organization_id, created_at desc, id);
