-- insurance's published read model for the reminders module (ARCHITECTURE.md: reminders depends on insurance's
-- API): one row per policy of a certificate that may still need a renewal reminder, with the people to tell.
-- Other modules read this view, never the tables under it; its columns are a contract.
--   replaced               a later certificate for the same project and sub (or a renewal of this one) is ACTIVE
--   replacement_in_review  such a certificate is AWAITING_ADMIN_REVIEW (reminders pause)
--   broker_email           the policy line's broker, else the certificate's global broker
--   admin_email            the certificate's assigned admin, else the project's
create view insurance_policy_expirations as
select p.id                                        as policy_id,
       c.id                                        as coi_id,
       c.organization_id                           as organization_id,
       c.project_id                                as project_id,
       pr.name                                     as project_name,
       c.sub_id                                    as sub_id,
       s.name                                      as sub_name,
       s.status                                    as sub_status,
       s.contact_email                             as sub_email,
       c.status                                    as coi_status,
       p.line                                      as line,
       p.policy_number                             as policy_number,
       p.expiration_date                           as expiration_date,
       coalesce(lb.broker_id, gb.broker_id)        as broker_id,
       coalesce(lb.email, gb.email)                as broker_email,
       coalesce(c.assigned_admin_email, pr.assigned_admin_email) as admin_email,
       exists (select 1 from insurance_cois r
               where r.id <> c.id and r.status = 'ACTIVE'
                 and (r.renewal_of_id = c.id
                      or (r.project_id = c.project_id and r.sub_id = c.sub_id and r.created_at > c.created_at)))
                                                   as replaced,
       exists (select 1 from insurance_cois r
               where r.id <> c.id and r.status = 'AWAITING_ADMIN_REVIEW'
                 and (r.renewal_of_id = c.id
                      or (r.project_id = c.project_id and r.sub_id = c.sub_id and r.created_at > c.created_at)))
                                                   as replacement_in_review
from insurance_coi_policies p
join insurance_cois c on c.id = p.coi_id
join insurance_contractors s on s.id = c.sub_id
join insurance_projects pr on pr.id = c.project_id
left join insurance_coi_brokers lb on lb.coi_id = c.id and lb.line = p.line
left join insurance_coi_brokers gb on gb.coi_id = c.id and gb.line = 'GLOBAL'
where c.status in ('ACTIVE', 'AWAITING_ADMIN_REVIEW', 'EXPIRED');
