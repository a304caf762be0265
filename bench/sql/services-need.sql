-- pgbench script: the directory search (guidance SearchQueries) by a need within a municipality, as the page asks it:
-- a random one of the 23 seeded needs and a random one of the municipalities, first page of 20 with the total.
\set m random(0, 292)
\set n random(1, 23)
select s.id, s.county_id, s.service_type, s.name_fi, s.name_sv, s.name_en, s.summary_fi, s.summary_sv, s.summary_en,
       s.access_mode, s.referral_fi, s.referral_sv, s.referral_en, s.cost, s.status, s.age_min_months,
       s.age_max_months, s.for_expecting, count(*) over () as total
from guidance_service s
where s.status in ('ACTIVE', 'TEMPORARILY_CLOSED')
  and exists (select 1 from guidance_service_need n where n.service_id = s.id
              and n.need_code = (array['pregnancy','baby_care','sleep','eating','speech','development','behaviour',
                'parenting','relationship','separation','money','housing','loneliness','exhaustion','mental_health',
                'substances','violence','moving_to_finland','disability','daycare','oral_health','grief','leisure'])[:n])
  and exists (select 1 from guidance_service_municipality m where m.service_id = s.id
              and m.municipality_code = (select code from municipality order by code offset :m limit 1))
order by case when exists (select 1 from guidance_channel lc where lc.service_id = s.id and lc.kind = 'LOCATION'
          and lc.municipality_code = (select code from municipality order by code offset :m limit 1)) then 0 else 1 end,
         case when s.status = 'ACTIVE' then 0 else 1 end, lower(s.name_fi), s.id
limit 20 offset 0;
