-- The core of /places: the count and the first page (60) of published places by municipality and name.
select count(*) from place p where p.published;
select p.id, p.kind, p.name_fi, p.name_sv, p.name_en, p.street_address, p.postal_code, p.post_office,
       p.municipality_code, m.name_fi as m_fi, a.name_fi as a_fi
from place p join area a on a.id = p.area_id join municipality m on m.code = p.municipality_code
where p.published
order by m.name_fi, p.name_fi, p.id
limit 60;
