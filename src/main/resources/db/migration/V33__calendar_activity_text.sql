-- An activity's name and description in a language other than fi/sv/en (an activity held in Arabic, Somali,
-- Ukrainian ...). lang is an ISO 639-1 code, optionally with a script subtag (BCP 47: 'ku-Arab'), checked by the
-- application against Java's list of ISO 639-1 codes (ActivityText.LANGUAGES). Each row has its own version for
-- optimistic locking; a change also touches the activity, so feeds see a new updated_at.
create table activity_text (
    activity_id bigint        not null references activity (id) on delete cascade,
    lang        varchar(12)   not null,
    name        varchar(200)  not null,
    description varchar(4000),
    version     integer       not null default 0,
    updated_at  timestamp with time zone not null,
    primary key (activity_id, lang)
);
