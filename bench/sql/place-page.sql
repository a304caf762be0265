-- The core of /places/{id}: the place with its area and municipality, its organisers and its programme.
select p.*, a.name_fi as area_fi, m.name_fi as m_fi,
       (select string_agg(o.name_fi, ', ') from place_organiser po join organisation o on o.id = po.organisation_id
        where po.place_id = p.id) as organisers,
       (select count(*) from activity x where x.place_id = p.id and x.published) as activities
from place p join area a on a.id = p.area_id join municipality m on m.code = p.municipality_code
where p.id = cast(:place as bigint) and p.published;
