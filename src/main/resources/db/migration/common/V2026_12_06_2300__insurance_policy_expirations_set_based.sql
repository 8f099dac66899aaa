-- insurance_policy_expirations, same columns, same meaning; replaced / replacement_in_review computed set-based.
-- The EXISTS subqueries (an OR of "renews this one" and "later one for the same project and sub") ran as one
-- index probe pair per certificate and, estimated at 0.5 % selectivity, drove PostgreSQL into nested loops over all
-- certificates: 9 s for the due set of 100,000 policies (bench/reminders.sh). Here they are two aggregates over
-- insurance_cois joined by hash: "renews this one" is the set of renewal_of_id of ACTIVE (in review) certificates,
-- "a later one for the same project and sub" is the latest created_at per (project, sub) being later than this
-- one's (a later created_at is never the certificate itself). A query that does not read the two flags loses the
-- joins (they are unique on their keys), so other readers of the view pay nothing for them.
create or replace view insurance_policy_expirations as
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
       case when ar.coi_id is not null or la.latest_created > c.created_at then true else false end
                                                   as replaced,
       case when rr.coi_id is not null or lr.latest_created > c.created_at then true else false end
                                                   as replacement_in_review
from insurance_coi_policies p
join insurance_cois c on c.id = p.coi_id
join insurance_contractors s on s.id = c.sub_id
join insurance_projects pr on pr.id = c.project_id
left join insurance_coi_brokers lb on lb.coi_id = c.id and lb.line = p.line
left join insurance_coi_brokers gb on gb.coi_id = c.id and gb.line = 'GLOBAL'
left join (select distinct renewal_of_id as coi_id from insurance_cois
           where status = 'ACTIVE' and renewal_of_id is not null and renewal_of_id <> id) ar on ar.coi_id = c.id
left join (select project_id, sub_id, max(created_at) as latest_created from insurance_cois
           where status = 'ACTIVE' group by project_id, sub_id) la
       on la.project_id = c.project_id and la.sub_id = c.sub_id
left join (select distinct renewal_of_id as coi_id from insurance_cois
           where status = 'AWAITING_ADMIN_REVIEW' and renewal_of_id is not null and renewal_of_id <> id) rr
       on rr.coi_id = c.id
left join (select project_id, sub_id, max(created_at) as latest_created from insurance_cois
           where status = 'AWAITING_ADMIN_REVIEW' group by project_id, sub_id) lr
       on lr.project_id = c.project_id and lr.sub_id = c.sub_id
where c.status in ('ACTIVE', 'AWAITING_ADMIN_REVIEW', 'EXPIRED');
