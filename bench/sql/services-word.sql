-- pgbench script: the directory search (guidance SearchQueries) by one word over every county (no municipality: the
-- national worst case), a random one of twelve word beginnings, on the folded texts of migration V26.
\set w random(1, 12)
select s.id, s.county_id, s.service_type, s.name_fi, s.name_sv, s.name_en, s.summary_fi, s.summary_sv, s.summary_en,
       s.access_mode, s.referral_fi, s.referral_sv, s.referral_en, s.cost, s.status, s.age_min_months,
       s.age_max_months, s.for_expecting, count(*) over () as total
from guidance_service s
where s.status in ('ACTIVE', 'TEMPORARILY_CLOSED')
  and (s.search_text like (array['%neuvo%','%puhe%','%perhe%','%radgivn%','%speech%','%diakon%','%vertais%','%suun%',
                   '%varhaiskasv%','%mielenterv%','%tampere%','%helpline%'])[:w] escape '\'
    or (s.county_id, s.id) in (select g.county_id, sn.service_id from guidance_need g
               join guidance_service_need sn on sn.need_code = g.code
               where g.search_text like (array['%neuvo%','%puhe%','%perhe%','%radgivn%','%speech%','%diakon%','%vertais%',
                   '%suun%','%varhaiskasv%','%mielenterv%','%tampere%','%helpline%'])[:w] escape '\'))
order by case when s.search_name like (array['%neuvo%','%puhe%','%perhe%','%radgivn%','%speech%','%diakon%',
                   '%vertais%','%suun%','%varhaiskasv%','%mielenterv%','%tampere%','%helpline%'])[:w] escape '\'
              then 0 else 1 end,
         case when s.status = 'ACTIVE' then 0 else 1 end, lower(s.name_fi), s.id
limit 20 offset 0;
