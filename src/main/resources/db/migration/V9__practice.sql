-- A rehearsal's copy of a meeting: never counted, erased when it ends, or a day after it was made
-- when nobody ended it.
alter table meeting add column practice boolean not null default false;
