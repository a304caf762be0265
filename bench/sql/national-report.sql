-- The aggregate statements of the national year report by county, as ReportQueries runs them on the monthly
-- sums: this year's and last year's sums per place, visitors and the largest count per place and month, referrals per place and service.
select place_id, sum(visitors), sum(adults), sum(children_under_1), sum(children_1_2), sum(children_3_6), sum(children_7_12),
       sum(children_13_17), sum(first_time_families), sum(counts), sum(days), sum(activity_counts)
from visit_count_month where ym between cast(:ym_from as integer) and cast(:ym_to as integer) and place_id in (select id from place) group by place_id;
select place_id, sum(visitors), sum(adults), sum(children_under_1), sum(children_1_2), sum(children_3_6), sum(children_7_12),
       sum(children_13_17), sum(first_time_families), sum(counts), sum(days), sum(activity_counts)
from visit_count_month where ym between cast(:pym_from as integer) and cast(:pym_to as integer) and place_id in (select id from place) group by place_id;
select place_id, ym, visitors, max_visitors from visit_count_month where ym between cast(:ym_from as integer) and cast(:ym_to as integer) and place_id in (select id from place);
select place_id, service, sum(families) from visit_referral_month where ym between cast(:ym_from as integer) and cast(:ym_to as integer) and place_id in (select id from place)
group by place_id, service;
