-- The statements of the county year report by municipality (the county with most places), as ReportQueries runs them on the monthly
-- sums: this year's and last year's place-months (one row each: the units of small-number protection), and families
-- guided onward per place, month and service, this year and last.
select place_id, ym, adults, children_under_1, children_1_2, children_3_6, children_7_12, children_13_17,
       first_time_families, counts, days, activity_counts, max_visitors
from visit_count_month where ym between cast(:ym_from as integer) and cast(:ym_to as integer) and place_id in (select p.id from place p join area a on a.id = p.area_id where a.county_id = cast(:county as bigint));
select place_id, ym, adults, children_under_1, children_1_2, children_3_6, children_7_12, children_13_17,
       first_time_families, counts, days, activity_counts, max_visitors
from visit_count_month where ym between cast(:pym_from as integer) and cast(:pym_to as integer) and place_id in (select p.id from place p join area a on a.id = p.area_id where a.county_id = cast(:county as bigint));
select place_id, ym, service, families from visit_referral_month where ym between cast(:ym_from as integer) and cast(:ym_to as integer) and place_id in (select p.id from place p join area a on a.id = p.area_id where a.county_id = cast(:county as bigint));
select place_id, ym, service, families from visit_referral_month where ym between cast(:pym_from as integer) and cast(:pym_to as integer) and place_id in (select p.id from place p join area a on a.id = p.area_id where a.county_id = cast(:county as bigint));
