-- Background jobs (job:manage) and metrics (metrics:read) span every organization: like audit:verify they
-- belong to the platform's SUPER_ADMIN only. Earlier releases granted them to every tenant ADMIN; take them
-- back from every role but the system SUPER_ADMIN (custom roles included).
DELETE FROM role_permissions
WHERE permission_code IN ('job:manage', 'metrics:read')
  AND role_id NOT IN (SELECT id FROM roles WHERE scope_key = 'system' AND code = 'SUPER_ADMIN');
