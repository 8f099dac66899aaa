-- The contractor and project lists of a whole organization are ordered by name without a type or status
-- filter; these indexes serve that order (the schema's indexes lead with type / status).
create index ix_insurance_contractors_org_name on insurance_contractors (organization_id, name);
create index ix_insurance_projects_org_name on insurance_projects (organization_id, name);
