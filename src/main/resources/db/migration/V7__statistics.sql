-- No query filters, joins or sorts on these columns, so the planner needs no statistics of them.
-- Without them ANALYZE, which autovacuum runs as the stream grows, does a fraction of the work:
-- it sampled and compared every payload (up to 80 ms on the core that also serves the meetings).
alter table meeting_event
    alter column payload set statistics 0,
    alter column type set statistics 0,
    alter column occurred_at set statistics 0;
alter table meeting_command
    alter column rejection set statistics 0,
    alter column recorded_at set statistics 0,
    alter column first_seq set statistics 0,
    alter column last_seq set statistics 0;
