-- The secret of small-number protection (shared.SmallNumbers): decides, for each figure under five, whether it
-- counts as 0 or 5 in sums. Made at first use on each installation and never shown; one row. Keeping it in the
-- database keeps the decision the same across restarts and instances, so asking again teaches nothing new.
create table small_number_key (
    id     integer     not null primary key check (id = 1),
    secret varchar(64) not null
);
