-- The largest count of each place and month (visitors of one occurrence or open day), beside the monthly
-- sums: reports find unusual counts from it at any scale, reading the counts themselves only for the few
-- months that hold one (a count far above its place's average). Recomputed here for the sums already made.
alter table visit_count_month add column max_visitors bigint not null default 0;

delete from visit_count_month;
insert into visit_count_month (place_id, ym, counts, days, activity_counts, visitors, adults, children_under_1,
                               children_1_2, children_3_6, children_7_12, children_13_17, first_time_families,
                               max_visitors)
select place_id, cast(extract(year from on_date) as integer) * 100 + cast(extract(month from on_date) as integer),
       count(*), count(distinct on_date), count(activity_id),
       sum(adults + children_under_1 + children_1_2 + children_3_6 + children_7_12 + children_13_17),
       sum(adults), sum(children_under_1), sum(children_1_2), sum(children_3_6), sum(children_7_12),
       sum(children_13_17), sum(first_time_families),
       max(adults + children_under_1 + children_1_2 + children_3_6 + children_7_12 + children_13_17)
from visit_count
group by place_id, cast(extract(year from on_date) as integer) * 100 + cast(extract(month from on_date) as integer);
