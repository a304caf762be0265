-- A write of one county's calendar data (the activities and occurrences of its places) no longer throws away the
-- kept calendar answers of every other county (issue 17: staff edit somewhere in the nation all day long).
-- data_version.version still goes up with every write the public sees; data_version.anywhere is the version of the
-- last write that may change any answer (everything but a county's calendar data), and county.data_version that of
-- the last write of the county's calendar data. An answer that shows only one county's calendar holds while
-- neither has passed the version it was computed at; any other answer holds only while the version is the same.
alter table data_version add column anywhere bigint not null default 0;
update data_version set anywhere = version;
alter table county add column data_version bigint not null default 0;
