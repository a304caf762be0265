-- The core of /calendar.ics for one municipality: every published activity of its published places
-- (whole seasons, as RRULEs), with the place, and the cancellations and moves of those activities.
select a.id, a.place_id, a.kind, a.name_fi, a.name_sv, a.name_en, a.description_fi, a.schedule_kind, a.weekdays,
       a.week_parity, a.month_nth, a.season_start, a.season_end, a.start_time, a.duration_minutes, a.updated_at,
       p.name_fi as place_fi, p.street_address, p.postal_code, p.post_office, c.original_date, c.change_kind
from activity a join place p on p.id = a.place_id
left join occurrence_change c on c.activity_id = a.id
where p.published and a.published and p.municipality_code = :muni;
