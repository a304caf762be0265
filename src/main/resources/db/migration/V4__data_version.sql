-- One row whose version goes up in every writing transaction that changes what the public sees
-- (every audited write, demo and generated data loads). Caches of public data read it (one primary-key
-- read) to know whether what they hold is still current, on every instance of the application. Writers
-- update the row inside their transaction, so its value changes in commit order.
create table data_version (
    id      integer primary key check (id = 1),
    version bigint  not null
);
insert into data_version (id, version) values (1, 0);
