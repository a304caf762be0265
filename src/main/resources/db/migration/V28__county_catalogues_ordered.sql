-- Every county catalogue is kept the one way (shared.CountyCatalogue): in the coordinators' order, 1…n per county.
-- The four catalogues that had no order get a position, first by their Finnish name (the order they were listed in);
-- guidance's needs and monitoring's service types keep their order, renumbered without gaps or ties.

alter table signal_theme add column position integer not null default 0;
alter table observation_theme add column position integer not null default 0;
alter table outreach_profession add column position integer not null default 0;
alter table outreach_topic add column position integer not null default 0;

update signal_theme set position = (select count(*) from signal_theme o where o.county_id = signal_theme.county_id
    and (o.position < signal_theme.position or (o.position = signal_theme.position and (o.name_fi < signal_theme.name_fi
    or (o.name_fi = signal_theme.name_fi and o.id <= signal_theme.id)))));
update observation_theme set position = (select count(*) from observation_theme o where o.county_id = observation_theme.county_id
    and (o.position < observation_theme.position or (o.position = observation_theme.position and (o.name_fi < observation_theme.name_fi
    or (o.name_fi = observation_theme.name_fi and o.id <= observation_theme.id)))));
update outreach_profession set position = (select count(*) from outreach_profession o where o.county_id = outreach_profession.county_id
    and (o.position < outreach_profession.position or (o.position = outreach_profession.position and (o.name_fi < outreach_profession.name_fi
    or (o.name_fi = outreach_profession.name_fi and o.id <= outreach_profession.id)))));
update outreach_topic set position = (select count(*) from outreach_topic o where o.county_id = outreach_topic.county_id
    and (o.position < outreach_topic.position or (o.position = outreach_topic.position and (o.name_fi < outreach_topic.name_fi
    or (o.name_fi = outreach_topic.name_fi and o.id <= outreach_topic.id)))));
update guidance_need set position = (select count(*) from guidance_need o where o.county_id = guidance_need.county_id
    and (o.position < guidance_need.position or (o.position = guidance_need.position and (o.name_fi < guidance_need.name_fi
    or (o.name_fi = guidance_need.name_fi and o.id <= guidance_need.id)))));
update service_type set position = (select count(*) from service_type o where o.county_id = service_type.county_id
    and (o.position < service_type.position or (o.position = service_type.position and (o.name_fi < service_type.name_fi
    or (o.name_fi = service_type.name_fi and o.id <= service_type.id)))));
