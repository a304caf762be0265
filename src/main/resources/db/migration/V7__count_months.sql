-- Monthly sums of the visit counts per place, kept exact by the writers (each write recomputes the
-- month of the place it touched, in its transaction; bulk loads recompute everything). Reports over
-- whole months read these instead of the raw counts: a national year is ~60 000 rows, not ~2 million.
create table visit_count_month (
    place_id            bigint  not null references place (id) on delete cascade,
    ym                  integer not null,  -- year * 100 + month
    counts              integer not null,
    days                integer not null,  -- distinct days counted in the month
    activity_counts     integer not null,  -- counts of activity occurrences (not open days)
    visitors            bigint  not null,
    adults              bigint  not null,
    children_under_1    bigint  not null,
    children_1_2        bigint  not null,
    children_3_6        bigint  not null,
    children_7_12       bigint  not null,
    children_13_17      bigint  not null,
    first_time_families bigint  not null,
    primary key (place_id, ym)
);
create index visit_count_month_ym_idx on visit_count_month (ym, place_id);

create table visit_referral_month (
    place_id bigint      not null references place (id) on delete cascade,
    ym       integer     not null,
    service  varchar(30) not null,
    families bigint      not null,
    primary key (place_id, ym, service)
);
