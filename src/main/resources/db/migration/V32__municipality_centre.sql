-- A municipality's centre (WGS84 degrees), the point families order the place list and the calendar by
-- when they choose "near the centre of <municipality>" (issue 16 part 5). Optional: without it the centre
-- is the mean of the municipality's published places' coordinates.
alter table municipality add column centre_latitude numeric(9, 6);
alter table municipality add column centre_longitude numeric(9, 6);
