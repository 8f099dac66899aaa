-- The insurance overview's projects table and the report filters list an organization's projects by name,
-- whatever their status: (organization_id, status, name) cannot give that order, so PostgreSQL sorted every
-- project of the organization for each page. With this index a page reads its rows in order and stops.
create index ix_insurance_projects_org_name on insurance_projects (organization_id, name, id);
