-- Issue 14, remaining parts.
-- The language a family wrote its wish in (the page's language: fi, sv or en), shown to staff as the text's lang
-- attribute. Wishes written before this have none (staff see them without one, as before).
alter table wish add column lang varchar(3);

-- Planning-day decisions become editable after the day: optimistic locking and when they were last changed.
alter table planning_decision add column version integer not null default 0;
alter table planning_decision add column updated_at timestamp with time zone;
update planning_decision set updated_at = created_at;
