-- The version of the visit counts: moved by every count write in its transaction (with the monthly sums it
-- recomputes), so that computed reports can be kept until a count changes. Counts do not move the public
-- data_version: they change nothing the public sees, and are written all day.
create table count_version (
    id      integer primary key check (id = 1),
    version bigint  not null
);
insert into count_version (id, version) values (1, 0);
