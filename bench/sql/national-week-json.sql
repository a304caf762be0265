-- The rows of /api/v1/occurrences for the whole nation and one week: bench/sql/municipality-week-json.sql without
-- the municipality (the same expansion into the week's occurrences, order and page of :size rows from :offset).
\set w random(0, :weeks - 1)
select a.id, a.place_id, a.kind, a.name_fi, a.name_sv, a.name_en, a.pauses_on_holidays, a.follows_school_holidays,
       p.name_fi as place_fi, p.name_sv as place_sv, p.street_address, p.postal_code, p.post_office, m.name_fi as m_fi,
       coalesce(c.new_date, w.day) as day, coalesce(c.new_start_time, a.start_time) as starts,
       coalesce(c.new_duration_minutes, a.duration_minutes) as minutes, c.change_kind, c.reason_fi, c.reason_sv,
       c.reason_en,
       (select min(x.reason_fi) from activity_pause x where x.activity_id = a.id and w.day between x.start_date and x.end_date) as paused,
       (select min(h.name_fi) from school_holiday h where a.follows_school_holidays
          and h.municipality_code = p.municipality_code and w.day between h.start_date and h.end_date) as school_holiday
from activity a join place p on p.id = a.place_id join municipality m on m.code = p.municipality_code
join (select cast(:monday as date) + 7 * :w + k as day from (values (0), (1), (2), (3), (4), (5), (6)) as v(k)) as w
  on w.day between a.season_start and a.season_end   -- the week's seven days (values: the planner knows there are 7)
left join occurrence_change c on c.activity_id = a.id and c.original_date = w.day
where p.published and a.published
  and a.season_start <= cast(:monday as date) + 7 * :w + 6 and a.season_end >= cast(:monday as date) + 7 * :w
  and case a.schedule_kind
    when 'WEEKLY' then extract(isodow from w.day)::int = any (cast(string_to_array(a.weekdays, ',') as int[]))
      and (a.week_parity = 'ALL' or extract(week from w.day)::int % 2 = case a.week_parity when 'EVEN' then 0 else 1 end)
    when 'MONTHLY' then extract(isodow from w.day)::int = cast(a.weekdays as int)
      and case when a.month_nth > 0 then (extract(day from w.day)::int - 1) / 7 + 1 = a.month_nth
               else w.day + interval '7 days' >= date_trunc('month', w.day) + interval '1 month' end
    when 'DATES' then exists (select 1 from activity_date d where d.activity_id = a.id and d.on_date = w.day)
    else w.day = a.season_start
  end
order by coalesce(c.new_date, w.day) + coalesce(c.new_start_time, a.start_time), p.name_fi, a.id
limit cast(:size as int) offset cast(:offset as int);
