-- The core of /api/v1/occurrences for one municipality and one week: the published activities of its
-- published places whose season overlaps the week, with what a calendar row shows of the place.
select a.id, a.place_id, a.kind, a.name_fi, a.name_sv, a.name_en, a.schedule_kind, a.weekdays, a.week_parity,
       a.month_nth, a.season_start, a.season_end, a.start_time, a.duration_minutes, a.pauses_on_holidays,
       a.follows_school_holidays, p.name_fi as place_fi, p.name_sv as place_sv, p.street_address, m.name_fi as m_fi
from activity a join place p on p.id = a.place_id join municipality m on m.code = p.municipality_code
where p.published and a.published and p.municipality_code = :muni
  and a.season_start <= cast(:sunday as date) and a.season_end >= cast(:monday as date);
