-- A command id gets one answer forever: a rejection is remembered as well as what was applied.
-- first_seq > last_seq when the command appended nothing; last_seq is then the seq its answer named.
alter table meeting_command add column rejection jsonb;
